//! A fuzzy picker over a list of choices (regions, GPUs, models): type to narrow, ↑/↓ to
//! move, Enter to take the highlighted entry.

use super::action::Action;
use super::layout::Scroll;
use super::sliders::{Choice, Field};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

#[derive(Clone)]
pub struct Picker {
    pub title: String,
    /// The slider the picked id goes to.
    pub field: Field,
    pub choices: Vec<Choice>,
    /// The id selected before the picker opened.
    pub current: String,
    pub query: String,
    /// Indices into `choices` that match, best first (in list order while the query is empty).
    pub matches: Vec<usize>,
    /// Index into `matches`.
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
}

impl std::fmt::Debug for Picker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Picker")
            .field("title", &self.title)
            .field("field", &self.field)
            .field("query", &self.query)
            .field("selected", &self.selected)
            .finish()
    }
}

impl PartialEq for Picker {
    fn eq(&self, other: &Self) -> bool {
        self.field == other.field && self.query == other.query && self.selected == other.selected
    }
}

/// What a key did to an open picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKey {
    /// Typing or moving changed what the picker shows.
    Changed,
    /// A key the picker understood, with nothing to change (backspace on empty text).
    Unchanged,
    /// `Esc`.
    Close,
    /// `Enter` on the chosen entry.
    Confirm,
    /// Not a picker key.
    Other,
}

/// A list narrowed by typed text: the pickers and the command palette. Typing, deleting,
/// moving and paging work the same in each; only what matches differs.
pub trait FilteredList {
    fn query_mut(&mut self) -> &mut String;
    /// Match the entries against the query again, cursor back to the best match.
    fn refilter(&mut self);
    /// How many entries match.
    fn match_count(&self) -> usize;
    /// The highlighted match and the first visible row.
    fn cursor_mut(&mut self) -> (&mut usize, &mut usize);

    /// Typing, deleting and moving; `rows` is the list's height.
    fn handle(&mut self, action: &Action, rows: usize) -> PickerKey {
        let page = rows.max(1) as isize;
        match action {
            Action::Input(c) if !c.is_control() => {
                self.query_mut().push(*c);
                self.refilter();
            }
            Action::Backspace if self.query_mut().pop().is_none() => return PickerKey::Unchanged,
            Action::Backspace => self.refilter(),
            Action::Up => self.move_by(-1, rows),
            Action::Down => self.move_by(1, rows),
            Action::PageUp => self.move_by(-page, rows),
            Action::PageDown => self.move_by(page, rows),
            Action::Close => return PickerKey::Close,
            Action::Confirm => return PickerKey::Confirm,
            _ => return PickerKey::Other,
        }
        PickerKey::Changed
    }

    /// Move the highlight, scrolling so that it stays among the `rows` visible ones.
    fn move_by(&mut self, delta: isize, rows: usize) {
        let last = self.match_count().saturating_sub(1);
        let (selected, offset) = self.cursor_mut();
        *selected = selected.saturating_add_signed(delta).min(last);
        // With no rows known yet, only scrolling back is certain.
        if rows > 0 || *selected < *offset {
            offset.follow(*selected, rows);
        }
    }
}

impl FilteredList for Picker {
    fn query_mut(&mut self) -> &mut String {
        &mut self.query
    }

    fn refilter(&mut self) {
        self.rank();
    }

    fn match_count(&self) -> usize {
        self.matches.len()
    }

    fn cursor_mut(&mut self) -> (&mut usize, &mut usize) {
        (&mut self.selected, &mut self.offset)
    }
}

impl Picker {
    pub fn new(title: String, field: Field, choices: Vec<Choice>, current: &str) -> Picker {
        let mut p = Picker {
            title,
            field,
            choices,
            current: current.to_string(),
            query: String::new(),
            matches: Vec::new(),
            selected: 0,
            offset: 0,
        };
        p.rank();
        p.selected = p
            .matches
            .iter()
            .position(|&i| p.choices[i].id == current)
            .unwrap_or(0);
        p
    }

    fn rank(&mut self) {
        let q = self.query.trim();
        if q.is_empty() {
            self.matches = (0..self.choices.len()).collect();
        } else {
            let matcher = SkimMatcherV2::default().ignore_case();
            let mut scored: Vec<(i64, usize)> = self
                .choices
                .iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    let best = [&c.label, &c.id, &c.detail]
                        .iter()
                        .filter_map(|text| matcher.fuzzy_match(text, q))
                        .max()?;
                    // Among thousands of models, the one whose id or name is exactly the
                    // text comes first (`llama-3.1-8b` before `llama-3.1-8b-instruct-fp8`).
                    let exact = c.id.eq_ignore_ascii_case(q) || c.label.eq_ignore_ascii_case(q);
                    Some((best + if exact { 1_000_000 } else { 0 }, i))
                })
                .collect();
            // Best score first; ties keep list order.
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            self.matches = scored.into_iter().map(|(_, i)| i).collect();
        }
        self.selected = 0;
        self.offset = 0;
    }

    pub fn chosen(&self) -> Option<&Choice> {
        self.matches.get(self.selected).map(|&i| &self.choices[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(id: &str, label: &str) -> Choice {
        Choice {
            id: id.into(),
            label: label.into(),
            detail: String::new(),
        }
    }

    #[test]
    fn typing_narrows_and_ranks() {
        let mut p = Picker::new(
            "GPU".into(),
            Field::Gpu,
            vec![
                choice("a100-80gb", "A100 80GB"),
                choice("h100-sxm", "H100 SXM"),
                choice("l4", "L4 24GB"),
            ],
            "l4",
        );
        assert_eq!(p.chosen().unwrap().id, "l4", "opens on the current value");
        p.handle(&Action::Input('h'), 5);
        p.handle(&Action::Input('1'), 5);
        assert_eq!(p.chosen().unwrap().id, "h100-sxm");
        p.handle(&Action::Input('z'), 5);
        p.handle(&Action::Input('z'), 5);
        assert!(p.chosen().is_none());
        p.handle(&Action::Backspace, 5);
        p.handle(&Action::Backspace, 5);
        assert_eq!(p.matches.len(), 1);
    }

    #[test]
    fn keys_are_handled_the_same_by_every_picker() {
        let mut p = Picker::new(
            "GPU".into(),
            Field::Gpu,
            vec![
                choice("a100-80gb", "A100 80GB"),
                choice("h100-sxm", "H100 SXM"),
            ],
            "a100-80gb",
        );
        assert_eq!(
            p.handle(&Action::Backspace, 5),
            PickerKey::Unchanged,
            "nothing typed yet"
        );
        assert_eq!(p.handle(&Action::Down, 5), PickerKey::Changed);
        assert_eq!(p.chosen().unwrap().id, "h100-sxm");
        assert_eq!(p.handle(&Action::Input('a'), 5), PickerKey::Changed);
        assert_eq!(p.handle(&Action::Backspace, 5), PickerKey::Changed);
        assert_eq!(p.handle(&Action::Confirm, 5), PickerKey::Confirm);
        assert_eq!(p.handle(&Action::Close, 5), PickerKey::Close);
        assert_eq!(p.handle(&Action::Help, 5), PickerKey::Other);
    }
}

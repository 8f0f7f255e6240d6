//! The catalogue pane's state and how actions change it. Plain data: the hit list is derived
//! here, whenever the query changes, never while drawing.

use super::columns::Widths;
use super::compare::CompareRow;
use super::format::Rows;
use super::layout::Scroll;
use crate::domain::catalog::Catalog;
use crate::domain::query::{Facets, Hit, Query, Searcher, SortKey, facet_values, sort_keys};
use crate::tui::theme::Theme;
use ratatui::text::Line;
use std::cell::{Ref, RefCell};

/// At most this many models can be marked for comparison.
pub const MAX_MARKS: usize = 4;

pub struct CatalogueState {
    pub query: Query,
    /// Cursor in the search text, in characters.
    pub cursor: usize,
    /// The search field has focus (a text field: global keys do not apply).
    pub editing: bool,
    pub hits: Vec<Hit>,
    /// Index into `hits`.
    pub selected: usize,
    /// First visible row of the table.
    pub offset: usize,
    /// Marked model ids, in the order they were marked.
    pub marks: Vec<String>,
    pub rows: Rows,
    pub widths: Widths,
    pub facets: Facets,
    /// Text the detail and comparison views draw, kept between frames.
    pub views: ViewMemos,
    sort_keys: Vec<SortKey>,
    searcher: Searcher,
}

/// A value derived for display, kept with the inputs it was made from. Drawing only reads the
/// state, so the value sits behind a `RefCell`: it is made again when the inputs differ, and
/// otherwise every frame reuses it.
#[derive(Debug)]
pub struct Memo<K, V> {
    cell: RefCell<(Option<K>, V)>,
}

impl<K, V: Default> Default for Memo<K, V> {
    fn default() -> Self {
        Memo {
            cell: RefCell::new((None, V::default())),
        }
    }
}

impl<K: PartialEq, V> Memo<K, V> {
    /// The value for `key`, made by `make` only if the kept one was made from other inputs.
    pub fn get(&self, key: K, make: impl FnOnce() -> V) -> Ref<'_, V> {
        let fresh = self.cell.borrow().0.as_ref() == Some(&key);
        if !fresh {
            let value = make();
            *self.cell.borrow_mut() = (Some(key), value);
        }
        Ref::map(self.cell.borrow(), |(_, value)| value)
    }
}

/// What the detail view's text depends on: the model, the width and the theme.
pub type DetailKey = (usize, u16, Theme);

#[derive(Debug, Default)]
pub struct ViewMemos {
    /// The detail view's wrapped lines.
    pub detail: Memo<DetailKey, Vec<Line<'static>>>,
    /// The comparison rows of the marked models, by the marks in order.
    pub compare: Memo<Vec<String>, Vec<CompareRow>>,
}

impl CatalogueState {
    pub fn new(catalog: &Catalog) -> CatalogueState {
        let rows = Rows::new(catalog);
        let widths = Widths::new(&rows);
        let mut state = CatalogueState {
            query: Query::default(),
            cursor: 0,
            editing: false,
            hits: Vec::new(),
            selected: 0,
            offset: 0,
            marks: Vec::new(),
            rows,
            widths,
            facets: facet_values(catalog),
            views: ViewMemos::default(),
            sort_keys: sort_keys(catalog),
            searcher: Searcher::default(),
        };
        state.recompute(catalog);
        state
    }

    /// Re-run search, filters and sort, keeping the selected model selected if it is still
    /// there.
    pub fn recompute(&mut self, catalog: &Catalog) {
        let current = self.hits.get(self.selected).map(|h| h.index);
        self.hits = self.searcher.run(catalog, &self.query);
        self.selected = current
            .and_then(|i| self.hits.iter().position(|h| h.index == i))
            .unwrap_or(0);
    }

    /// Re-run the search after its text changed: the table keeps its sort order and the
    /// cursor goes to the best match, so Enter opens what was typed.
    fn research(&mut self, catalog: &Catalog) {
        if self.query.text.trim().is_empty() {
            return self.recompute(catalog);
        }
        self.hits = self.searcher.run(catalog, &self.query);
        self.selected = self
            .hits
            .iter()
            .enumerate()
            .max_by_key(|(i, h)| (h.relevance, std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i);
    }

    /// Catalog index of the selected model.
    pub fn selected_model(&self) -> Option<usize> {
        self.hits.get(self.selected).map(|h| h.index)
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.hits.is_empty() {
            self.selected = 0;
            return;
        }
        let last = self.hits.len() - 1;
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn move_to(&mut self, index: usize) {
        self.selected = index.min(self.hits.len().saturating_sub(1));
    }

    /// Keep the selection inside a window of `rows` visible rows.
    pub fn scroll_into_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        self.offset.follow(self.selected, rows);
        let max_offset = self.hits.len().saturating_sub(rows);
        self.offset = self.offset.min(max_offset);
    }

    pub fn sort_next(&mut self, catalog: &Catalog) {
        let i = self
            .sort_keys
            .iter()
            .position(|k| *k == self.query.sort)
            .map_or(0, |i| (i + 1) % self.sort_keys.len());
        self.query.sort = self.sort_keys[i].clone();
        // Scores read best-first; everything else starts ascending.
        self.query.descending = matches!(self.query.sort, SortKey::Score(_) | SortKey::Context);
        self.recompute(catalog);
    }

    pub fn sort_reverse(&mut self, catalog: &Catalog) {
        self.query.descending = !self.query.descending;
        self.recompute(catalog);
    }

    /// Mark or unmark a model. Returns a notice when the mark limit stops it.
    pub fn toggle_mark(&mut self, id: &str) -> Option<String> {
        if let Some(pos) = self.marks.iter().position(|m| m == id) {
            self.marks.remove(pos);
            None
        } else if self.marks.len() >= MAX_MARKS {
            Some(format!(
                "at most {MAX_MARKS} models can be marked; unmark one first (x clears all)"
            ))
        } else {
            self.marks.push(id.to_string());
            None
        }
    }

    pub fn is_marked(&self, id: &str) -> bool {
        self.marks.iter().any(|m| m == id)
    }

    // --- search text editing ---

    pub fn insert(&mut self, c: char, catalog: &Catalog) {
        let at = self.byte_at(self.cursor);
        self.query.text.insert(at, c);
        self.cursor += 1;
        self.research(catalog);
    }

    pub fn backspace(&mut self, catalog: &Catalog) {
        if self.cursor == 0 {
            return;
        }
        let at = self.byte_at(self.cursor - 1);
        self.query.text.remove(at);
        self.cursor -= 1;
        self.research(catalog);
    }

    pub fn cursor_left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn cursor_right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.query.text.chars().count());
    }

    pub fn clear_search(&mut self, catalog: &Catalog) {
        self.query.text.clear();
        self.cursor = 0;
        self.recompute(catalog);
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.query
            .text
            .char_indices()
            .nth(chars)
            .map_or(self.query.text.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;
    use std::cell::Cell;

    #[test]
    fn a_memo_is_made_again_only_when_its_inputs_change() {
        let made = Cell::new(0);
        let memo: Memo<(usize, u16), Vec<String>> = Memo::default();
        let make = |n: usize| {
            made.set(made.get() + 1);
            vec![n.to_string()]
        };
        assert_eq!(*memo.get((1, 80), || make(1)), ["1"]);
        assert_eq!(*memo.get((1, 80), || make(99)), ["1"]);
        assert_eq!(made.get(), 1);
        assert_eq!(*memo.get((1, 81), || make(2)), ["2"]);
        assert_eq!(*memo.get((3, 81), || make(3)), ["3"]);
        assert_eq!(made.get(), 3);
    }
}

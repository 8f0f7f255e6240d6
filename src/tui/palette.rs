//! The command palette (`:` or Ctrl-P): one fuzzy list over the actions the keymap binds, every
//! model, every preset and every scenario. Running an entry sends `App::update` the actions its
//! key (or the list it comes from) would send, so the palette can do nothing a key cannot.
//! It opens wherever the global keys apply; in a text field `:` is typed and Ctrl-P does
//! nothing, since the field's own keys (Enter, Esc) would have to end first.

mod update;

use super::action::Action;
use super::keymap::{Keymap, Mode};
use super::pane::Pane;
use super::picker::FilteredList;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Action,
    Model,
    Preset,
    Scenario,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Action => "action",
            Kind::Model => "model",
            Kind::Preset => "preset",
            Kind::Scenario => "scenario",
        }
    }
}

/// What running an entry does.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// What a key bound in `mode` does there (a pane's key switches to that pane first).
    Action { mode: Mode, action: Action },
    /// Open the detail view of a model (index into the catalogue's models).
    Model(usize),
    /// Load a preset (index into the presets) in the break-even pane.
    Preset(usize),
    /// Make the named scenario the active one.
    Scenario(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: Kind,
    /// What the row says: an action's help text and then its name, a model's name, ...
    pub text: String,
    /// This many characters at the end of `text` are drawn muted (an action's name).
    pub muted_tail: usize,
    /// Where it belongs, in a column of its own: an action's mode, a model's vendor, ...
    pub context: String,
    /// Searched but not shown (a model's or a preset's id).
    pub hidden: String,
    /// The keys that do the same, for an action.
    pub keys: String,
    pub target: Target,
}

/// Which field of an entry the query matched, with the matched characters to highlight.
#[derive(Debug, Clone, PartialEq)]
pub enum Hit {
    Nothing,
    Text(Vec<usize>),
    Context(Vec<usize>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Index into `entries`.
    pub entry: usize,
    pub hit: Hit,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub entries: Vec<Entry>,
    pub query: String,
    /// Matching entries, best first; every entry in list order while the query is empty.
    pub matches: Vec<Match>,
    /// Index into `matches`.
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
}

/// The keys worth running from a list: not those that only make sense beside what they move or
/// edit (moving, paging, stepping a value, moving focus, confirming, closing, text editing), nor
/// the palette's own key.
fn listed(action: &Action) -> bool {
    !matches!(
        action,
        Action::Up
            | Action::Down
            | Action::Left
            | Action::Right
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
            | Action::FastLeft
            | Action::FastRight
            | Action::FocusNext
            | Action::FocusPrev
            | Action::Confirm
            | Action::Close
            | Action::Backspace
            | Action::Input(_)
            | Action::Palette
            | Action::Resize(..)
            | Action::ExpireNotice
    )
}

pub fn pane_mode(pane: Pane) -> Mode {
    match pane {
        Pane::Catalogue => Mode::Catalogue,
        Pane::BreakEven => Mode::BreakEven,
        Pane::Hybrid => Mode::Hybrid,
    }
}

pub(crate) fn mode_pane(mode: Mode) -> Option<Pane> {
    Pane::ALL.iter().copied().find(|p| pane_mode(*p) == mode)
}

/// The listed actions, opened from `context` (the mode under the palette) with `pane` in focus:
/// the context's own keys first, then the pane's, the global ones, and the other panes'.
/// A global key that the context binds to something else is left out, since pressing it there
/// would not do what the entry says; an action bound to the same keys twice is listed once.
pub fn action_entries(keymap: &Keymap, context: Mode, pane: Pane) -> Vec<Entry> {
    let mut modes = Vec::new();
    if context != Mode::Global && mode_pane(context).is_none() {
        modes.push(context);
    }
    modes.push(pane_mode(pane));
    modes.push(Mode::Global);
    modes.extend(
        Pane::ALL
            .iter()
            .filter(|p| **p != pane)
            .map(|p| pane_mode(*p)),
    );
    let mut out: Vec<Entry> = Vec::new();
    for mode in modes {
        let pressed_in = if mode == Mode::Global { context } else { mode };
        for b in keymap.bindings(mode) {
            if !listed(&b.action) {
                continue;
            }
            let keys: Vec<&str> = b
                .keys
                .iter()
                .zip(&b.labels)
                .filter(|(k, _)| keymap.lookup(pressed_in, **k).as_ref() == Some(&b.action))
                .map(|(_, label)| label.as_str())
                .collect();
            let keys = keys.join(" ");
            let twice = out.iter().any(|e| {
                e.keys == keys
                    && matches!(&e.target, Target::Action { action, .. } if *action == b.action)
            });
            if keys.is_empty() || twice {
                continue;
            }
            let name = Action::NAMED
                .iter()
                .find(|(_, a)| *a == b.action)
                .map_or("", |(n, _)| *n);
            // The name is shown after the help unless the help already says it ("quit").
            let said = b.help.to_lowercase().contains(&name.replace('-', " "));
            let (text, muted_tail, hidden) = if said {
                (b.help.clone(), 0, name.to_string())
            } else {
                (
                    format!("{}  {name}", b.help),
                    name.chars().count(),
                    String::new(),
                )
            };
            out.push(Entry {
                kind: Kind::Action,
                text,
                muted_tail,
                context: mode.title().to_string(),
                hidden,
                keys,
                target: Target::Action {
                    mode,
                    action: b.action.clone(),
                },
            });
        }
    }
    out
}

impl Palette {
    pub fn new(entries: Vec<Entry>) -> Palette {
        let mut p = Palette {
            entries,
            query: String::new(),
            matches: Vec::new(),
            selected: 0,
            offset: 0,
        };
        p.refilter();
        p
    }

    fn rank(&mut self) {
        let q = self.query.trim();
        self.selected = 0;
        self.offset = 0;
        if q.is_empty() {
            self.matches = (0..self.entries.len())
                .map(|entry| Match {
                    entry,
                    hit: Hit::Nothing,
                })
                .collect();
            return;
        }
        let matcher = SkimMatcherV2::default().ignore_case();
        let mut scored: Vec<(i64, Match)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(entry, e)| {
                let text = matcher.fuzzy_indices(&e.text, q);
                let context = matcher.fuzzy_indices(&e.context, q);
                let hidden = matcher.fuzzy_match(&e.hidden, q);
                // Ranked by the best field; highlighted in the first shown field that matched.
                let score = [
                    text.as_ref().map(|t| t.0),
                    context.as_ref().map(|c| c.0),
                    hidden,
                ]
                .into_iter()
                .flatten()
                .max()?;
                let hit = match (text, context) {
                    (Some((_, i)), _) => Hit::Text(i),
                    (None, Some((_, i))) => Hit::Context(i),
                    (None, None) => Hit::Nothing,
                };
                Some((score, Match { entry, hit }))
            })
            .collect();
        // Best score first; ties keep list order (actions before models).
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.entry.cmp(&b.1.entry)));
        self.matches = scored.into_iter().map(|(_, m)| m).collect();
    }

    pub fn chosen(&self) -> Option<&Entry> {
        self.matches
            .get(self.selected)
            .map(|m| &self.entries[m.entry])
    }
}

impl FilteredList for Palette {
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

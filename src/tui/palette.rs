//! The command palette (`:` or Ctrl-P): one fuzzy list over the actions the keymap binds, every
//! model, every preset and every scenario. Running an entry sends `App::update` the actions its
//! key (or the list it comes from) would send, so the palette can do nothing a key cannot.
//! It opens wherever the global keys apply; in a text field `:` is typed and Ctrl-P does
//! nothing, since the field's own keys (Enter, Esc) would have to end first.

use super::action::Action;
use super::app::{App, Outcome, Overlay, Pane};
use super::keymap::{Keymap, Mode};
use super::picker::{FilteredList, PickerKey};
use super::scenarios::ScenarioList;
use crate::domain::units::format_tokens;
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

fn mode_pane(mode: Mode) -> Option<Pane> {
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

/// Put `b`'s redraw and effects after `a`'s.
fn both(mut a: Outcome, b: Outcome) -> Outcome {
    a.redraw |= b.redraw;
    a.effects.extend(b.effects);
    a
}

impl App {
    /// Every entry, for the palette opened in the current mode.
    fn palette_entries(&self) -> Vec<Entry> {
        let mut entries = action_entries(&self.keymap, self.mode(), self.pane);
        let mut models: Vec<usize> = (0..self.catalog.models.len()).collect();
        models.sort_by_cached_key(|&i| self.catalog.models[i].name.to_lowercase());
        entries.extend(models.into_iter().map(|i| {
            let m = &self.catalog.models[i];
            Entry {
                kind: Kind::Model,
                text: m.name.clone(),
                muted_tail: 0,
                context: m.vendor.clone(),
                hidden: m.id.clone(),
                keys: String::new(),
                target: Target::Model(i),
            }
        }));
        entries.extend(self.presets.iter().enumerate().map(|(i, p)| Entry {
            kind: Kind::Preset,
            text: p.title.clone(),
            muted_tail: 0,
            context: format!("{} tokens/day", format_tokens(p.tokens_per_day)),
            hidden: p.id.clone(),
            keys: String::new(),
            target: Target::Preset(i),
        }));
        let active = self.scenario.name.clone();
        entries.extend(self.session.names().into_iter().map(|name| Entry {
            kind: Kind::Scenario,
            context: if name == active { "active" } else { "" }.to_string(),
            muted_tail: 0,
            hidden: String::new(),
            keys: String::new(),
            target: Target::Scenario(name.clone()),
            text: name,
        }));
        entries
    }

    pub(super) fn open_palette(&mut self) -> Outcome {
        self.sync_session();
        let palette = Palette::new(self.palette_entries());
        self.overlays.push(Overlay::Palette(Box::new(palette)));
        Outcome::redraw()
    }

    /// A key while the palette is on top.
    pub(super) fn update_palette(&mut self, action: Action) -> Outcome {
        let rows = super::ui::palette::list_rows(self.size.1);
        let Some(Overlay::Palette(p)) = self.overlays.last_mut() else {
            return Outcome::default();
        };
        match p.handle(&action, rows) {
            PickerKey::Changed => Outcome::redraw(),
            PickerKey::Unchanged => Outcome::default(),
            PickerKey::Close => {
                self.overlays.pop();
                Outcome::redraw()
            }
            PickerKey::Confirm => {
                let Some(target) = p.chosen().map(|e| e.target.clone()) else {
                    return Outcome::default();
                };
                self.overlays.pop();
                both(Outcome::redraw(), self.run(target))
            }
            PickerKey::Other => Outcome::default(),
        }
    }

    /// Show `pane` with nothing over it, as its number key does.
    fn show_pane(&mut self, pane: Pane) -> Outcome {
        if self.pane == pane && self.overlays.is_empty() {
            return Outcome::default();
        }
        self.update(Action::ShowPane(pane.number()))
    }

    /// Run a chosen entry (the palette is already closed), through `update` as keys would.
    fn run(&mut self, target: Target) -> Outcome {
        match target {
            Target::Action { mode, action } => {
                let shown = mode_pane(mode).map_or_else(Outcome::default, |p| self.show_pane(p));
                both(shown, self.update(action))
            }
            Target::Model(model) => {
                let shown = self.show_pane(Pane::Catalogue);
                let row = self.catalogue.hits.iter().position(|h| h.index == model);
                match row {
                    // As Enter on its row: the detail view then steps through the table.
                    Some(row) => {
                        self.catalogue.move_to(row);
                        both(shown, self.update(Action::Confirm))
                    }
                    // Hidden by the search or a filter: the detail view alone.
                    None => {
                        self.overlays.push(Overlay::Detail { model, scroll: 0 });
                        both(shown, Outcome::redraw())
                    }
                }
            }
            Target::Preset(i) => {
                // As `p`, the preset highlighted, Enter.
                let shown = self.show_pane(Pane::BreakEven);
                let opened = self.update(Action::Presets);
                let Some(Overlay::Presets { selected, .. }) = self.overlays.last_mut() else {
                    return both(shown, opened);
                };
                *selected = i;
                both(both(shown, opened), self.update(Action::Confirm))
            }
            Target::Scenario(name) => {
                // As `S`, the scenario highlighted, Enter.
                let opened = self.update(Action::Scenarios);
                let index = self
                    .session
                    .state
                    .scenarios
                    .iter()
                    .position(|s| s.name == name);
                let (Some(index), Some(Overlay::Scenarios(ScenarioList { selected, .. }))) =
                    (index, self.overlays.last_mut())
                else {
                    return opened;
                };
                *selected = index;
                both(opened, self.update(Action::Confirm))
            }
        }
    }
}

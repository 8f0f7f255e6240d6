//! The app's side of `palette.rs`: opening it, routing actions to it (its `update`), and
//! running the chosen entry through `update` as keys would.

use super::{App, Outcome, Overlay, Pane};
use crate::domain::units::format_tokens;
use crate::tui::action::Action;
use crate::tui::model_view::ModelDetail;
use crate::tui::palette::{Entry, Kind, Palette, Target, action_entries, mode_pane};
use crate::tui::presets_view::PresetsView;
use crate::tui::scenarios::ScenarioList;

impl App {
    /// Every entry, for the palette opened in the current mode.
    fn palette_entries(&self) -> Vec<Entry> {
        let mut entries = action_entries(&self.ctx.keymap, self.mode(), self.chrome.pane);
        let mut models: Vec<usize> = (0..self.ctx.catalog.models.len()).collect();
        models.sort_by_cached_key(|&i| self.ctx.catalog.models[i].name.to_lowercase());
        entries.extend(models.into_iter().map(|i| {
            let m = &self.ctx.catalog.models[i];
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
        entries.extend(self.ctx.presets.iter().enumerate().map(|(i, p)| Entry {
            kind: Kind::Preset,
            text: p.title.clone(),
            muted_tail: 0,
            context: format!("{} tokens/day", format_tokens(p.tokens_per_day)),
            hidden: p.id.clone(),
            keys: String::new(),
            target: Target::Preset(i),
        }));
        let active = self.doc.scenario.name.clone();
        entries.extend(self.doc.session.names().into_iter().map(|name| Entry {
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

    pub(crate) fn open_palette(&mut self) -> Outcome {
        self.sync_session();
        let palette = Palette::new(self.palette_entries());
        self.chrome
            .overlays
            .push(Overlay::Palette(Box::new(palette)));
        Outcome::redraw()
    }

    /// A key while the palette is on top.
    pub(crate) fn update_palette(&mut self, action: Action) -> Outcome {
        let rows = crate::tui::layout::palette_rows(self.chrome.size.1);
        let Some(Overlay::Palette(p)) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let reply = p.update(&action, rows);
        self.answer(reply)
    }

    /// Show `pane` with nothing over it, as its number key does.
    fn show_pane(&mut self, pane: Pane) -> Outcome {
        if self.chrome.pane == pane && self.chrome.overlays.is_empty() {
            return Outcome::default();
        }
        self.update(Action::ShowPane(pane.number()))
    }

    /// Run a chosen entry (the palette is already closed), through `update` as keys would.
    pub(super) fn run(&mut self, target: Target) -> Outcome {
        match target {
            Target::Action { mode, action } => {
                let shown = mode_pane(mode).map_or_else(Outcome::default, |p| self.show_pane(p));
                shown.and(self.update(action))
            }
            Target::Model(model) => {
                let shown = self.show_pane(Pane::Catalogue);
                let row = self.catalogue.hits.iter().position(|h| h.index == model);
                match row {
                    // As Enter on its row: the detail view then steps through the table.
                    Some(row) => {
                        self.catalogue.move_to(row);
                        shown.and(self.update(Action::Confirm))
                    }
                    // Hidden by the search or a filter: the detail view alone.
                    None => {
                        self.chrome
                            .overlays
                            .push(Overlay::Detail(ModelDetail::new(model)));
                        shown.and(Outcome::redraw())
                    }
                }
            }
            Target::Preset(i) => {
                // As `p`, the preset highlighted, Enter.
                let shown = self.show_pane(Pane::BreakEven);
                let opened = self.update(Action::Presets);
                let Some(Overlay::Presets(PresetsView { selected, .. })) =
                    self.chrome.overlays.last_mut()
                else {
                    return shown.and(opened);
                };
                *selected = i;
                shown.and(opened).and(self.update(Action::Confirm))
            }
            Target::Scenario(name) => {
                // As `S`, the scenario highlighted, Enter.
                let opened = self.update(Action::Scenarios);
                let index = self
                    .doc
                    .session
                    .state
                    .scenarios
                    .iter()
                    .position(|s| s.name == name);
                let (Some(index), Some(Overlay::Scenarios(ScenarioList { selected, .. }))) =
                    (index, self.chrome.overlays.last_mut())
                else {
                    return opened;
                };
                *selected = index;
                opened.and(self.update(Action::Confirm))
            }
        }
    }
}

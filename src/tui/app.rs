//! The interface state and `update`, the only place it changes. `update` does no input or
//! output: it returns effects for the event loop to perform.

mod breakeven;
mod build;
mod catalogue;
mod document;
mod export;
mod hybrid;
mod keys;
mod notes;
mod optimum;
mod overlays;
mod palette;
mod present;
mod reply;
mod scenarios;
mod sensitivity;
mod tier;

pub use super::action::Outcome;
pub use super::chrome::Chrome;
pub use super::context::Ctx;
pub use super::document::Document;
pub use super::overlay::Overlay;
pub use super::pane::Pane;

use super::action::{Action, Effect, SaveDone};
use super::breakeven::BreakEvenState;
use super::catalogue::CatalogueState;
use super::hybrid::HybridState;
use super::keymap::Mode;
use super::layout::{self};
use super::theme::Theme;
use unicode_width::UnicodeWidthStr;

/// The smallest terminal the interface draws in; below it a notice says what is needed.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

pub struct App {
    /// What the session reads and never changes.
    pub ctx: Ctx,
    /// What is saved: the scenario, every other one, the undo history.
    pub doc: Document,
    /// What the screen shows around the panes.
    pub chrome: Chrome,
    pub catalogue: CatalogueState,
    /// Pane 2: sliders and the derived break-even view.
    pub breakeven: BreakEvenState,
    /// Pane 3: the hybrid plan's selection, undo and cached plan.
    pub hybrid: HybridState,
    /// Pane 3: the plan search, run off the loop.
    pub optimum: crate::tui::optimum::OptimumState,
    /// Quit was asked for while the last save failed.
    quit_asked: bool,
}

impl App {
    /// A notice on the status line, or in the notices overlay when it is too long for it.
    pub(crate) fn tell(&mut self, text: String) -> Outcome {
        if text.width() + 2 <= usize::from(self.chrome.size.0) {
            return self.notify(text);
        }
        self.chrome.overlays.push(Overlay::Notices {
            lines: vec![text],
            scroll: 0,
        });
        Outcome::redraw()
    }

    /// Recompute what depends on the scenario, if it changed.
    fn refresh(&mut self) {
        self.hybrid
            .refresh(&self.ctx.catalog, &self.ctx.rules, &self.doc.scenario);
    }

    pub fn too_small(&self) -> bool {
        self.chrome.size.0 < MIN_WIDTH || self.chrome.size.1 < MIN_HEIGHT
    }

    pub fn update(&mut self, action: Action) -> Outcome {
        let mut outcome = self.update_routed(action);
        // Whatever changed the scenario (an edit, undo, the palette), pane 3 searches it.
        self.ask_optimum(&mut outcome);
        // The detail and comparison views' text, made here so drawing only reads it.
        self.refresh_views();
        outcome
    }

    fn update_routed(&mut self, action: Action) -> Outcome {
        match action {
            // Nothing the scenario holds changes: skip the comparison.
            Action::Resize(..) | Action::ExpireNotice => return self.update_view(action),
            // What the event loop did off the loop comes back here.
            Action::Saved(done) => {
                let SaveDone { sent, result } = *done;
                return self.after_save(sent, result);
            }
            Action::Exported(done) => return self.after_export(*done),
            Action::Optimized(done) => return self.after_optimized(*done),
            Action::QuitUnsaved => {
                return if self.quit_anyway() {
                    Outcome::effect(Effect::Leave)
                } else {
                    Outcome::redraw()
                };
            }
            Action::Undo => return self.undo(),
            // The palette takes every key but these; what it runs comes back through here.
            Action::Quit | Action::Suspend => {}
            _ if matches!(self.chrome.overlays.last(), Some(Overlay::Palette(_))) => {
                return self.update_palette(action);
            }
            _ => {}
        }
        let before = self.doc.scenario.clone();
        self.doc.undo_group = None;
        self.doc.list_changed = false;
        let mut outcome = self.update_view(action);
        self.sync_scenario();
        let group = self.doc.undo_group.take();
        let list_changed = std::mem::take(&mut self.doc.list_changed);
        if list_changed || self.doc.scenario != before {
            if !list_changed {
                // Moving between panes is saved but is no undo step.
                let mut same_pane = before.clone();
                same_pane.pane = self.doc.scenario.pane.clone();
                if same_pane != self.doc.scenario {
                    let previous = self.doc.session.with_active(&before);
                    self.doc.session.push_undo(previous, group);
                }
            }
            outcome.redraw = true;
            outcome.effects.push(Effect::SaveSoon);
        }
        outcome
    }

    /// `update` without the bookkeeping of changes.
    fn update_view(&mut self, action: Action) -> Outcome {
        match action {
            Action::Quit => return Outcome::effect(Effect::Quit),
            Action::Suspend => return Outcome::effect(Effect::Suspend),
            Action::Resize(w, h) => {
                self.chrome.size = (w, h);
                self.after_move();
                self.chrome.refresh_help(&self.ctx.keymap);
                return Outcome::redraw();
            }
            Action::ExpireNotice => {
                let had = self.chrome.notice.take().is_some();
                return Outcome {
                    redraw: had,
                    effects: Vec::new(),
                };
            }
            Action::CycleTheme => {
                if let Ok(theme) = Theme::builtin(self.chrome.theme.next_name()) {
                    self.chrome.theme = theme;
                }
                return self.notify(format!("theme: {}", self.chrome.theme.name));
            }
            Action::Help => {
                if matches!(self.chrome.overlays.last(), Some(Overlay::Help { .. })) {
                    self.chrome.overlays.pop();
                } else {
                    self.chrome.overlays.push(Overlay::Help { scroll: 0 });
                }
                self.chrome.refresh_help(&self.ctx.keymap);
                return Outcome::redraw();
            }
            Action::Scenarios if !self.mode().is_text_input() => return self.open_scenarios(),
            Action::Notes if !self.mode().is_text_input() => return self.open_notes(),
            Action::Palette if !self.mode().is_text_input() => return self.open_palette(),
            Action::Export => return self.start_export(),
            Action::ShowPane(n) => {
                return match Pane::from_number(n) {
                    Some(pane) => {
                        self.chrome.pane = pane;
                        self.chrome.overlays.clear();
                        Outcome::redraw()
                    }
                    None => Outcome::default(),
                };
            }
            _ => {}
        }
        let outcome = match (self.chrome.overlays.last(), self.mode()) {
            // The hybrid tier overlays reuse the picker and editor modes' keys.
            (Some(Overlay::TierSettings(_)), _) => self.update_tier_settings(action),
            (Some(Overlay::TierPicker { .. }), _) => self.update_tier_picker(action),
            (_, mode) => self.update_mode(mode, action),
        };
        self.refresh();
        self.after_move();
        self.chrome.refresh_help(&self.ctx.keymap);
        outcome
    }

    fn update_mode(&mut self, mode: Mode, action: Action) -> Outcome {
        match mode {
            Mode::Help => self.update_help(action),
            Mode::Detail => self.update_detail(action),
            Mode::Compare => self.update_compare(action),
            Mode::Filter => self.update_filter(action),
            Mode::Search => self.update_search(action),
            Mode::Hybrid => self.update_hybrid(action),
            Mode::UseCase | Mode::UseCaseText => self.update_use_case(action),
            Mode::Findings => self.update_findings(action),
            Mode::TierSettings => self.update_tier_settings(action),
            Mode::Catalogue | Mode::Global => self.update_catalogue(action),
            Mode::BreakEven | Mode::Editor => self.update_breakeven(action),
            Mode::Picker => self.update_picker(action),
            Mode::Explain => self.update_explain(action),
            Mode::Presets => self.update_presets(action),
            Mode::Scenarios | Mode::ScenarioName | Mode::ScenarioConfirm => {
                self.update_scenarios(action)
            }
            Mode::Notes => self.update_notes(action),
            Mode::Notices => self.update_notices(action),
            // Handled in `update` before anything else.
            Mode::Palette => Outcome::default(),
            Mode::Sensitivity => self.update_sensitivity(action),
        }
    }

    pub(crate) fn notify(&mut self, text: String) -> Outcome {
        self.chrome.notice = Some(text);
        Outcome::effect(Effect::ExpireNoticeLater)
    }

    /// Rows of the table that fit on screen.
    pub fn table_rows(&self) -> usize {
        layout::table_rows(self.chrome.size.1)
    }

    /// Use-case rows the hybrid table shows.
    pub(crate) fn hybrid_rows(&self) -> usize {
        let findings = self.hybrid.plan().map_or(1, |p| p.findings.len());
        layout::hybrid_table_rows(
            self.chrome.size,
            self.doc.scenario.use_cases.len(),
            findings,
        )
    }

    fn after_move(&mut self) {
        let rows = self.table_rows();
        self.catalogue.scroll_into_view(rows);
        let rows = self.hybrid_rows();
        self.hybrid.scroll_into_view(rows);
    }
}

//! The app's side of the document: taking over the saved state, what is saved, adopting a
//! save's result, undo.

use super::{App, Outcome, Overlay, Pane};
use crate::store::{SaveOutcome, State, StoreError};
use crate::tui::action::Effect;
use crate::tui::hybrid::HybridState;
use crate::tui::session::{Session, pane_name, pane_number};
use crate::tui::theme::Theme;

impl App {
    /// Take over the saved state at start: its active scenario with its theme (unless the
    /// command line chose one), pane and marks; `notices` open in an overlay.
    pub fn restore(
        &mut self,
        state: State,
        not_saved: Option<String>,
        notices: Vec<String>,
        keep_theme: bool,
    ) {
        self.doc.session = Session::new(state.clone(), not_saved);
        self.load_active(!keep_theme);
        if let Some(p) = self.doc.scenario.pane.as_deref().and_then(pane_number) {
            self.chrome.pane = Pane::from_number(p).unwrap_or(Pane::Catalogue);
        }
        self.sync_scenario();
        // A theme from the command line is this session's choice, saved with the next change.
        self.doc.session.mark_saved(state);
        if !notices.is_empty() {
            self.chrome.overlays.push(Overlay::Notices {
                lines: notices,
                scroll: 0,
            });
        }
    }

    /// Make the session's active scenario the edited one: marks, theme (when `theme`), and
    /// every pane's derived view.
    pub(crate) fn load_active(&mut self, theme: bool) {
        if let Some(s) = self.doc.session.state.active_scenario().cloned() {
            self.doc.scenario = s;
        }
        self.doc.session.state.active = self.doc.scenario.name.clone();
        let catalog = &self.ctx.catalog;
        self.catalogue.marks = self
            .doc
            .scenario
            .marks
            .iter()
            .filter(|id| catalog.model(id).is_some())
            .take(crate::tui::catalogue::MAX_MARKS)
            .cloned()
            .collect();
        if theme && let Some(Ok(t)) = self.doc.scenario.theme.as_deref().map(Theme::builtin) {
            self.chrome.theme = t;
        }
        self.recompute_breakeven();
        self.hybrid = HybridState::default();
        self.refresh();
    }

    /// Copy what the interface holds outside the scenario (theme, pane, marks) into it.
    pub(crate) fn sync_scenario(&mut self) {
        let s = &mut self.doc.scenario;
        if s.theme.as_deref() != Some(self.chrome.theme.name.as_str()) {
            s.theme = Some(self.chrome.theme.name.clone());
        }
        let pane = pane_name(self.chrome.pane.number());
        if s.pane.as_deref() != Some(pane) {
            s.pane = Some(pane.to_string());
        }
        if s.marks != self.catalogue.marks {
            s.marks = self.catalogue.marks.clone();
        }
    }

    /// Every scenario as it is now, for saving.
    pub fn current_state(&self) -> State {
        self.doc.session.with_active(&self.doc.scenario)
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.session.is_dirty(&self.current_state())
    }

    /// The event loop saved `sent`: adopt a merge, or say why the save failed.
    pub fn after_save(&mut self, sent: State, result: Result<SaveOutcome, StoreError>) -> Outcome {
        match result {
            Ok(SaveOutcome::Saved | SaveOutcome::NotPersistent) => {
                self.doc.session.mark_saved(sent);
                Outcome::default()
            }
            Ok(SaveOutcome::ReplacedUnreadable { moved_to, reason }) => {
                self.doc.session.mark_saved(sent);
                self.tell(format!(
                    "the state file had become unusable ({reason}); it was moved to {} and replaced by this session's scenarios",
                    moved_to.display()
                ))
            }
            Ok(SaveOutcome::Merged {
                state,
                taken_from_other,
                overrode_other,
                conflicts,
                deleted_by_other,
            }) => {
                self.doc.session.mark_saved(state.clone());
                // Edits made while saving (none when the save is synchronous) stay on top.
                if self.current_state().scenarios == sent.scenarios {
                    let pane = self.chrome.pane;
                    self.doc.session.state = state;
                    self.load_active(false);
                    self.chrome.pane = pane;
                    self.sync_scenario();
                }
                let quote = |v: &[String]| {
                    v.iter()
                        .map(|n| format!("\"{n}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let mut parts = Vec::new();
                if !taken_from_other.is_empty() {
                    parts.push(format!("took {} from it", quote(&taken_from_other)));
                }
                if !deleted_by_other.is_empty() {
                    parts.push(format!(
                        "removed {} (deleted there)",
                        quote(&deleted_by_other)
                    ));
                }
                if !conflicts.is_empty() {
                    let fields: Vec<String> = conflicts.iter().map(|c| c.to_string()).collect();
                    parts.push(format!("kept this session's {}", fields.join(", ")));
                } else if !overrode_other.is_empty() {
                    parts.push(format!("kept this session's {}", quote(&overrode_other)));
                }
                if !taken_from_other.is_empty() || !deleted_by_other.is_empty() {
                    self.doc.session.forget_undo();
                }
                self.tell(format!(
                    "another session saved meanwhile; merged: {}",
                    parts.join("; ")
                ))
            }
            Err(e) => {
                if let StoreError::NewerOnDisk { .. } = e {
                    self.doc.session.not_saved = Some(e.to_string());
                }
                self.tell(e.to_string())
            }
        }
    }

    /// Quit asked for while unsaved changes could not be written: the first time says so and
    /// stays, the second leaves.
    pub fn quit_anyway(&mut self) -> bool {
        if self.quit_asked {
            return true;
        }
        self.quit_asked = true;
        self.chrome.notice =
            Some("changes not saved (see the message); q again quits without them".into());
        false
    }

    /// `u`: back to the state before the last change (the pane in focus stays).
    pub(crate) fn undo(&mut self) -> Outcome {
        let Some(state) = self.doc.session.pop_undo() else {
            return self.notify("nothing to undo".into());
        };
        let pane = self.chrome.pane;
        let keep = std::mem::take(&mut self.hybrid);
        self.doc.session.state = state;
        self.load_active(true);
        self.hybrid = keep;
        self.refresh();
        self.chrome.pane = pane;
        self.sync_scenario();
        let mut outcome = self.notify("undone".into());
        outcome.effects.push(Effect::SaveSoon);
        outcome
    }
}

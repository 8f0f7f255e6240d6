//! Routing to pane 2 and its overlays (picker, explanation, presets). The parts change
//! themselves, the scenario and the pane's view (`BreakEvenState::update`,
//! `ExplainView::update`, `PresetsView::update`); `answer` does what they ask.

use super::{App, Outcome, Overlay, Pane};
use crate::tui::action::Action;
use crate::tui::breakeven::Context;
use crate::tui::explain_view::ExplainView;
use crate::tui::layout;
use crate::tui::picker::{FilteredList, PickerKey};
use crate::tui::presets_view::PresetsView;
use crate::tui::sliders::Field;

impl App {
    /// Recompute the pane's view from the scenario (after a load or a change made elsewhere).
    pub fn recompute_breakeven(&mut self) {
        let ctx = Context::of(&self.ctx);
        self.breakeven.recompute(&self.doc.scenario, &ctx);
    }

    pub(crate) fn update_breakeven(&mut self, action: Action) -> Outcome {
        let reply = self.breakeven.update(action, &mut self.doc, &self.ctx);
        self.answer(reply)
    }

    pub(super) fn open_explain(&mut self, row: usize) -> Outcome {
        match ExplainView::open(&self.breakeven.view, row) {
            Ok(view) => {
                self.chrome.overlays.push(Overlay::Explain(view));
                Outcome::redraw()
            }
            Err(notice) => self.notify(notice),
        }
    }

    pub(crate) fn update_explain(&mut self, action: Action) -> Outcome {
        let Some(Overlay::Explain(view)) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let reply = view.update(action, &self.breakeven.view, self.chrome.size);
        self.answer(reply)
    }

    pub(super) fn open_presets(&mut self) -> Outcome {
        let view = PresetsView::open(&self.doc, &self.ctx);
        self.chrome.overlays.push(Overlay::Presets(view));
        Outcome::redraw()
    }

    pub(crate) fn update_presets(&mut self, action: Action) -> Outcome {
        let Some(Overlay::Presets(view)) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let reply = view.update(action, &mut self.doc, &self.ctx, &mut self.breakeven);
        self.answer(reply)
    }

    pub(crate) fn update_picker(&mut self, action: Action) -> Outcome {
        let (field, id) = match self.step_picker(&action) {
            Ok(chosen) => chosen,
            Err(outcome) => return outcome,
        };
        let reply = self.breakeven.picked(field, &id, &mut self.doc, &self.ctx);
        self.answer(reply)
    }

    /// A key in the picker on top (a slider's or a tier's): `Ok` with the field and the chosen
    /// id once Enter takes one (the picker is closed by then), else what the key did.
    pub(crate) fn step_picker(&mut self, action: &Action) -> Result<(Field, String), Outcome> {
        let rows = layout::picker_rows(self.chrome.size.1);
        let p = match self.chrome.overlays.last_mut() {
            Some(Overlay::Picker(p) | Overlay::TierPicker { picker: p, .. }) => p,
            _ => return Err(Outcome::default()),
        };
        match p.handle(action, rows) {
            PickerKey::Changed => Err(Outcome::redraw()),
            PickerKey::Unchanged | PickerKey::Other => Err(Outcome::default()),
            PickerKey::Close => {
                self.chrome.overlays.pop();
                Err(Outcome::redraw())
            }
            PickerKey::Confirm => {
                let Some(id) = p.chosen().map(|c| c.id.clone()) else {
                    return Err(Outcome::default());
                };
                let field = p.field;
                self.chrome.overlays.pop();
                Ok((field, id))
            }
        }
    }

    /// Pane 2 in view, recomputed from a scenario another part changed, and what was done.
    pub(super) fn show_breakeven(&mut self, notice: String) -> Outcome {
        self.recompute_breakeven();
        self.chrome.pane = Pane::BreakEven;
        self.chrome.overlays.clear();
        self.notify(notice)
    }
}

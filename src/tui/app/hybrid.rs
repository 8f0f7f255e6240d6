//! Routing to pane 3 and its use-case editor (the findings list is in `overlays.rs`), and doing
//! what their replies ask. The parts change the scenario and their own state
//! (`HybridState::update`, `UseCaseEdit::update`); the plan is recomputed here after an edit
//! and by `App::update` after every action.

use super::{App, Outcome, Overlay};
use crate::domain::rules::Severity;
use crate::tui::action::Action;

impl App {
    /// Blocking findings of the current plan, for noticing new ones after a change.
    fn blocks(&self) -> usize {
        self.hybrid.view.as_ref().map_or(0, |v| v.counts[0])
    }

    /// After an edit: recompute now, and say so when it added a blocking finding, so a
    /// risky move is never silent.
    pub(super) fn after_edit(&mut self, done: String) -> Outcome {
        let before = self.blocks();
        self.hybrid
            .refresh(&self.ctx.catalog, &self.ctx.rules, &self.doc.scenario);
        let after = self.blocks();
        let text = match self.hybrid.plan() {
            Some(p) if after > before => {
                let f = p.findings.iter().find(|f| f.severity == Severity::Block);
                let rule = f.map_or("", |f| f.rule.as_str());
                format!("{done} · new [BLOCK] {rule}")
            }
            _ => done,
        };
        self.notify(text)
    }

    /// Pane 3 with no overlay open.
    pub(crate) fn update_hybrid(&mut self, action: Action) -> Outcome {
        self.hybrid.page = self.hybrid_rows();
        let reply = self.hybrid.update(action, &mut self.doc, &self.ctx);
        self.answer(reply)
    }

    /// The use-case editor over pane 3.
    pub(crate) fn update_use_case(&mut self, action: Action) -> Outcome {
        let Some(Overlay::UseCase(edit)) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let reply = edit.update(action, &mut self.doc, &mut self.hybrid);
        self.answer(reply)
    }
}

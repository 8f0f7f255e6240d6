//! The plan search's routing: start it off the loop when pane 3 shows a scenario it has not
//! searched, take its answer, and apply the optimum on a key (`u` undoes, like any edit).

use super::App;
use crate::tui::action::{Effect, OptimizeJob, Outcome};
use crate::tui::optimum::OptimumDone;
use crate::tui::pane::Pane;

impl App {
    /// After every update: on pane 3, start a search when none runs and the last one was for
    /// other inputs. One runs at a time; a change made meanwhile starts the next when it ends.
    pub(super) fn ask_optimum(&mut self, outcome: &mut Outcome) {
        if self.chrome.pane != Pane::Hybrid || !self.optimum.needs_run(&self.doc.scenario) {
            return;
        }
        self.optimum.running = true;
        self.optimum.asked = Some(self.doc.scenario.clone());
        outcome.effects.push(Effect::Optimize(Box::new(OptimizeJob {
            catalog: self.ctx.catalog.clone(),
            rules: self.ctx.rules.clone(),
            scenario: self.doc.scenario.clone(),
        })));
        // The strip says "searching" until the answer comes.
        outcome.redraw = true;
    }

    /// The answer is kept; `update` then starts the next search if the inputs moved on.
    pub(super) fn after_optimized(&mut self, done: OptimumDone) -> Outcome {
        self.optimum.running = false;
        self.optimum.done = Some(done);
        // Only pane 3 shows the answer; a result that arrives after the user left it must not
        // send a frame that changes nothing on screen.
        if self.chrome.pane == Pane::Hybrid {
            Outcome::redraw()
        } else {
            Outcome::default()
        }
    }

    /// Replace the use cases' tiers and the tiers' runs by the optimum's; nothing else of the
    /// scenario changes. Refused while the answer is for other inputs.
    pub(super) fn apply_optimum(&mut self) -> Outcome {
        let Some(o) = self.optimum.optimum(&self.doc.scenario) else {
            let why = if self.optimum.running || self.optimum.is_stale(&self.doc.scenario) {
                "the cheapest plan is still being worked out for these inputs"
            } else {
                "no cheapest compliant plan to apply (see the line under the totals)"
            };
            return self.notify(why.into());
        };
        if o.moves.is_empty() {
            return self.notify("the plan is already the cheapest compliant one".into());
        }
        let (tiers, cases, moved) = (
            o.scenario.tiers.clone(),
            o.scenario.use_cases.clone(),
            o.moves.len(),
        );
        self.doc.scenario.tiers = tiers;
        self.doc.scenario.use_cases = cases;
        self.after_edit(format!(
            "cheapest compliant plan applied: {moved} use case{} moved · u undoes",
            if moved == 1 { "" } else { "s" }
        ))
    }
}

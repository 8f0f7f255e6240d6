//! The plan search as pane 3 sees it. The search runs off the event loop (`jobs::optimize`);
//! this records which scenario it was asked for, whether one runs, and the last answer with
//! the scenario it answers, so an answer is shown as current only while the inputs it was
//! computed from are still the scenario's.

use crate::domain::optimize::{Analysis, Optimum, Outcome};
use crate::domain::scenario::Scenario;

/// A finished search: the scenario it was run on and what it found (or why it could not run).
#[derive(Debug, Clone, PartialEq)]
pub struct OptimumDone {
    pub scenario: Scenario,
    pub result: Result<Analysis, String>,
}

#[derive(Debug, Clone, Default)]
pub struct OptimumState {
    /// A search is running (at most one at a time).
    pub running: bool,
    /// The scenario the last search was started on.
    pub asked: Option<Scenario>,
    pub done: Option<OptimumDone>,
}

/// The inputs of a scenario the search reads: a change elsewhere (name, notes, pane, marks)
/// keeps the answer current.
pub fn same_inputs(a: &Scenario, b: &Scenario) -> bool {
    a.workload == b.workload
        && a.region == b.region
        && a.sector == b.sector
        && a.tiers == b.tiers
        && a.use_cases == b.use_cases
}

impl OptimumState {
    /// Whether a search should start for `scenario` now: none runs and none was asked for
    /// these inputs.
    pub fn needs_run(&self, scenario: &Scenario) -> bool {
        !self.running
            && self
                .asked
                .as_ref()
                .is_none_or(|asked| !same_inputs(asked, scenario))
    }

    /// The last answer, if it answers `scenario`'s inputs.
    pub fn current(&self, scenario: &Scenario) -> Option<&Analysis> {
        let done = self.done.as_ref()?;
        if !same_inputs(&done.scenario, scenario) {
            return None;
        }
        done.result.as_ref().ok()
    }

    /// The optimum of the current answer, when there is one.
    pub fn optimum(&self, scenario: &Scenario) -> Option<&Optimum> {
        match &self.current(scenario)?.outcome {
            Outcome::Optimal(o) => Some(o),
            Outcome::NoCompliantPlan(_) => None,
        }
    }

    /// An answer exists but was computed for other inputs: a search for these is due or runs.
    pub fn is_stale(&self, scenario: &Scenario) -> bool {
        self.done
            .as_ref()
            .is_some_and(|d| !same_inputs(&d.scenario, scenario))
    }
}

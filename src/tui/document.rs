//! What the user edits and the state file keeps: the scenario, every saved one, the undo
//! history.

use super::session::Session;
use crate::domain::scenario::Scenario;

pub struct Document {
    /// The scenario the user edits; the top bar shows its name once it has its own.
    pub scenario: Scenario,
    /// Every saved scenario, the undo stack, and whether saving is on.
    pub session: Session,
    /// Set by an update whose change continues a stretch (typing notes): one undo step.
    pub(crate) undo_group: Option<&'static str>,
    /// Set by a scenario-list operation, which records its own undo step.
    pub(crate) list_changed: bool,
}

//! Merging when another session saved since this one last loaded or saved.
//!
//! Three versions of each scenario name are compared: `base` (what this session last read or
//! wrote), `mine` (what it is saving) and `theirs` (what is on disk now). A scenario changed on
//! both sides is merged field by field ([`merge_scenario`]): changes to different fields both
//! survive, and where both changed one field this session's value wins (its save is the later
//! one) and the conflict is reported with both values.

use super::fields::{FieldConflict, merge_scenario};
use super::schema::State;
use crate::domain::scenario::Scenario;

/// The merged state and what came from where.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    pub state: State,
    /// Scenarios taken from the other session: added or changed there, or changed there and
    /// deleted here (a deletion loses to a concurrent change).
    pub taken_from_other: Vec<String>,
    /// Scenarios in which both sessions changed the same field (or both added a scenario of
    /// that name); this session's values were kept.
    pub overrode_other: Vec<String>,
    /// Each field both sessions changed, with the value kept and the one overwritten.
    pub conflicts: Vec<FieldConflict>,
    /// Scenarios the other session deleted that this session had not changed.
    pub deleted_by_other: Vec<String>,
}

fn find<'a>(list: &'a [Scenario], name: &str) -> Option<&'a Scenario> {
    list.iter().find(|s| s.name == name)
}

/// Merge `mine` into `theirs` against `base`. The result keeps this session's order, with
/// scenarios only the other session has appended in its order.
pub fn merge(base: &[Scenario], mine: &State, theirs: &State) -> Merge {
    let mut names: Vec<&str> = mine.scenarios.iter().map(|s| s.name.as_str()).collect();
    for s in theirs.scenarios.iter().chain(base) {
        if !names.contains(&s.name.as_str()) {
            names.push(&s.name);
        }
    }
    let mut out = Merge {
        state: State {
            revision: 0,
            active: String::new(),
            scenarios: Vec::new(),
        },
        taken_from_other: Vec::new(),
        overrode_other: Vec::new(),
        conflicts: Vec::new(),
        deleted_by_other: Vec::new(),
    };
    for name in names {
        let b = find(base, name);
        let m = find(&mine.scenarios, name);
        let t = find(&theirs.scenarios, name);
        let mine_changed = m != b;
        let theirs_changed = t != b;
        let keep = match (mine_changed, theirs_changed) {
            (false, _) => {
                if t.is_none() && m.is_some() {
                    out.deleted_by_other.push(name.to_string());
                } else if theirs_changed {
                    out.taken_from_other.push(name.to_string());
                }
                t
            }
            (true, false) => m,
            (true, true) => match (m, t) {
                // Both sides ended the same (both deleted, or the same edit): nothing to say.
                (m, t) if m == t => m,
                (None, Some(t)) => {
                    out.taken_from_other.push(name.to_string());
                    Some(t)
                }
                (Some(m), Some(t)) => match b.and_then(|b| merge_scenario(b, m, t)) {
                    Some((merged, conflicts)) => {
                        if merged != *m {
                            out.taken_from_other.push(name.to_string());
                        }
                        if !conflicts.is_empty() {
                            out.overrode_other.push(name.to_string());
                        }
                        out.conflicts.extend(conflicts);
                        out.state.scenarios.push(merged);
                        continue;
                    }
                    // Both added a scenario of this name: this session's stands whole.
                    None => {
                        out.overrode_other.push(name.to_string());
                        Some(m)
                    }
                },
                (Some(m), None) => {
                    out.overrode_other.push(name.to_string());
                    Some(m)
                }
                (None, None) => None,
            },
        };
        if let Some(s) = keep {
            out.state.scenarios.push(s.clone());
        }
    }
    let exists = |name: &str| out.state.scenarios.iter().any(|s| s.name == name);
    out.state.active = if exists(&mine.active) {
        mine.active.clone()
    } else if exists(&theirs.active) {
        theirs.active.clone()
    } else {
        out.state
            .scenarios
            .first()
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    out
}

//! Merging by scenario when another session saved since this one last loaded or saved.
//!
//! Three versions of each scenario name are compared: `base` (what this session last read or
//! wrote), `mine` (what it is saving) and `theirs` (what is on disk now).

use super::schema::State;
use crate::domain::scenario::Scenario;

/// The merged state and what came from where.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    pub state: State,
    /// Scenarios taken from the other session: added or changed there, or changed there and
    /// deleted here (a deletion loses to a concurrent change).
    pub taken_from_other: Vec<String>,
    /// Scenarios both sessions changed; this session's version was kept.
    pub overrode_other: Vec<String>,
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
                (Some(m), _) => {
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

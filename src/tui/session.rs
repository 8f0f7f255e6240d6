//! The saved side of the interface: every scenario (the active one lives in `App::scenario`
//! while it is edited), what the state file held at the last load or save, the session-wide
//! undo stack, and why saving is off when it is. Plain data: the event loop owns the store and
//! does the writing; `update` only says when a save is due.

use crate::domain::scenario::Scenario;
use crate::store::State;

/// Undo keeps this many steps.
pub const UNDO_DEPTH: usize = 100;

#[derive(Debug, Clone)]
pub struct Session {
    /// Every scenario and the active name. The active entry is stale while `App::scenario` is
    /// edited; [`Session::with_active`] gives the whole state.
    pub state: State,
    /// What the state file holds as far as this session knows.
    saved: State,
    /// Whole states before each change, the latest last.
    undo: Vec<State>,
    /// Changes in the same group (typing notes) make one undo step.
    group: Option<&'static str>,
    /// Why nothing is written to disk, when nothing is.
    pub not_saved: Option<String>,
}

fn same(a: &State, b: &State) -> bool {
    a.active == b.active && a.scenarios == b.scenarios
}

impl Session {
    pub fn new(state: State, not_saved: Option<String>) -> Session {
        Session {
            saved: state.clone(),
            state,
            undo: Vec::new(),
            group: None,
            not_saved,
        }
    }

    /// The whole state with `active` as the active scenario's content.
    pub fn with_active(&self, active: &Scenario) -> State {
        let mut state = self.state.clone();
        state.active = active.name.clone();
        match state.scenarios.iter_mut().find(|s| s.name == active.name) {
            Some(slot) => *slot = active.clone(),
            None => state.scenarios.push(active.clone()),
        }
        state
    }

    /// Whether `current` differs from what was last saved.
    pub fn is_dirty(&self, current: &State) -> bool {
        !same(current, &self.saved)
    }

    /// The state now in the file (after a save or a merge).
    pub fn mark_saved(&mut self, state: State) {
        self.saved = state;
    }

    /// Remember `before` as an undo step, unless it continues the same `group` of changes.
    pub fn push_undo(&mut self, before: State, group: Option<&'static str>) {
        if group.is_some() && group == self.group && !self.undo.is_empty() {
            return;
        }
        self.group = group;
        if self.undo.len() == UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(before);
    }

    /// Any later change starts a new undo step.
    pub fn end_group(&mut self) {
        self.group = None;
    }

    pub fn pop_undo(&mut self) -> Option<State> {
        self.group = None;
        self.undo.pop()
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Another session's changes came in: older undo steps would bring back what it deleted
    /// or drop what it added, so they are forgotten.
    pub fn forget_undo(&mut self) {
        self.undo.clear();
        self.group = None;
    }

    pub fn names(&self) -> Vec<String> {
        self.state
            .scenarios
            .iter()
            .map(|s| s.name.clone())
            .collect()
    }
}

/// The pane's name as saved in a scenario.
pub fn pane_name(number: u8) -> &'static str {
    match number {
        2 => "break-even",
        3 => "hybrid",
        _ => "catalogue",
    }
}

/// The pane number a saved name stands for.
pub fn pane_number(name: &str) -> Option<u8> {
    match name {
        "catalogue" => Some(1),
        "break-even" => Some(2),
        "hybrid" => Some(3),
        _ => None,
    }
}

/// A scenario name as a file name: letters, digits, `-`, `_` and `.` kept, the rest `-`.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .take(60)
        .collect();
    let stem = stem.trim_matches(['-', '.']).to_string();
    if stem.is_empty() {
        "scenario".into()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(name: &str) -> Scenario {
        Scenario::builtin(name, &[], |_| 2)
    }

    #[test]
    fn a_group_of_changes_is_one_undo_step_and_the_depth_is_bounded() {
        let mut s = Session::new(State::single(scenario("a")), None);
        let st = s.state.clone();
        s.push_undo(st.clone(), Some("notes"));
        s.push_undo(st.clone(), Some("notes"));
        assert_eq!(s.undo_len(), 1);
        s.end_group();
        s.push_undo(st.clone(), Some("notes"));
        assert_eq!(s.undo_len(), 2);
        for _ in 0..UNDO_DEPTH + 10 {
            s.push_undo(st.clone(), None);
        }
        assert_eq!(s.undo_len(), UNDO_DEPTH);
    }

    #[test]
    fn dirty_compares_content_not_the_revision() {
        let s = Session::new(State::single(scenario("a")), None);
        let mut current = s.with_active(&scenario("a"));
        current.revision = 9;
        assert!(!s.is_dirty(&current));
        let mut changed = scenario("a");
        changed.notes = "x".into();
        assert!(s.is_dirty(&s.with_active(&changed)));
    }

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem("Board / Q3: plan"), "Board---Q3--plan");
        assert_eq!(file_stem("../.."), "scenario");
        assert_eq!(file_stem("plan"), "plan");
    }
}

//! The app's side of `scenarios.rs`: opening it, routing actions to it (its `update`), and
//! the changes to the session's list it asks for.

use super::{App, Outcome, Overlay};
use crate::tui::action::Action;
use crate::tui::scenarios::{Naming, ScenarioList, Step};

impl App {
    pub(crate) fn open_scenarios(&mut self) -> Outcome {
        self.sync_session();
        let selected = self
            .doc
            .session
            .state
            .scenarios
            .iter()
            .position(|s| s.name == self.doc.scenario.name)
            .unwrap_or(0);
        self.chrome
            .overlays
            .retain(|o| !matches!(o, Overlay::Scenarios(_)));
        self.chrome.overlays.push(Overlay::Scenarios(ScenarioList {
            selected,
            step: Step::Browse,
        }));
        Outcome::redraw()
    }

    fn list(&mut self) -> Option<&mut ScenarioList> {
        match self.chrome.overlays.last_mut() {
            Some(Overlay::Scenarios(l)) => Some(l),
            _ => None,
        }
    }

    /// Put the edited active scenario back into the session's list.
    pub(crate) fn sync_session(&mut self) {
        self.doc.session.state = self.doc.session.with_active(&self.doc.scenario);
    }

    /// Before a list operation: the whole state becomes one undo step.
    fn before_list_change(&mut self) {
        self.sync_session();
        self.doc
            .session
            .push_undo(self.doc.session.state.clone(), None);
        self.doc.list_changed = true;
    }

    pub(crate) fn update_scenarios(&mut self, action: Action) -> Outcome {
        let Some(Overlay::Scenarios(list)) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let reply = list.update(action, &self.doc);
        self.answer(reply)
    }

    /// `Enter` on a scenario of the list.
    pub(super) fn switch_scenario(&mut self, name: String) -> Outcome {
        self.chrome.overlays.pop();
        if name == self.doc.scenario.name {
            return Outcome::redraw();
        }
        self.before_list_change();
        self.doc.session.state.active = name.clone();
        self.load_active(false);
        self.notify(format!("switched to scenario \"{name}\""))
    }

    pub(super) fn apply_naming(
        &mut self,
        purpose: Naming,
        selected: usize,
        name: String,
    ) -> Outcome {
        self.chrome.overlays.pop();
        self.before_list_change();
        let state = &mut self.doc.session.state;
        let Some(source) = state.scenarios.get(selected).cloned() else {
            return Outcome::default();
        };
        let text = match purpose {
            Naming::New => {
                let mut fresh = self.ctx.builtin.clone();
                fresh.name = name.clone();
                fresh.theme = Some(self.chrome.theme.name.clone());
                state.scenarios.push(fresh);
                state.active = name.clone();
                format!("new scenario \"{name}\" is active")
            }
            Naming::Duplicate => {
                let mut copy = source;
                copy.name = name.clone();
                state.scenarios.push(copy);
                state.active = name.clone();
                format!("copied to \"{name}\", which is active")
            }
            Naming::Rename => {
                if state.active == source.name {
                    state.active = name.clone();
                }
                state.scenarios[selected].name = name.clone();
                format!("\"{}\" is now \"{name}\"", source.name)
            }
        };
        if purpose == Naming::Rename {
            self.doc.scenario.name = self.doc.session.state.active.clone();
            self.doc.scenario = self
                .doc
                .session
                .state
                .active_scenario()
                .cloned()
                .unwrap_or_else(|| self.doc.scenario.clone());
        } else {
            self.load_active(false);
        }
        self.notify(text)
    }

    /// Delete the `selected` scenario, confirmed in the list.
    pub(super) fn delete_scenario(&mut self, selected: usize) -> Outcome {
        self.before_list_change();
        let state = &mut self.doc.session.state;
        if state.scenarios.len() < 2 || selected >= state.scenarios.len() {
            return Outcome::redraw();
        }
        let gone = state.scenarios.remove(selected);
        let was_active = state.active == gone.name;
        if was_active {
            state.active = state.scenarios[0].name.clone();
        }
        let count = state.scenarios.len();
        if let Some(list) = self.list() {
            list.selected = selected.min(count - 1);
        }
        if was_active {
            self.load_active(false);
        }
        self.notify(format!(
            "deleted scenario \"{}\"; active: \"{}\" · u undoes",
            gone.name, self.doc.scenario.name
        ))
    }
}

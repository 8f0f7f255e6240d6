//! The app's side of `scenarios.rs`: opening it and routing actions to it.

use super::{App, Outcome, Overlay};
use crate::store::unique_name;
use crate::tui::action::Action;
use crate::tui::hybrid::clean_name;
use crate::tui::scenarios::{MAX_NAME, Naming, ScenarioList, Step, name_editor};
use ratatui_textarea::CursorMove;

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
        let count = self.doc.session.state.scenarios.len();
        let Some(list) = self.list() else {
            return Outcome::default();
        };
        match list.step {
            Step::Naming { .. } => return self.update_naming(action),
            Step::ConfirmDelete => return self.update_confirm(action),
            Step::Browse => {}
        }
        let selected = list.selected.min(count.saturating_sub(1));
        let name = self.doc.session.state.scenarios[selected].name.clone();
        let taken = |n: &str, names: &[String]| names.iter().any(|x| x == n);
        let names = self.doc.session.names();
        let Some(list) = self.list() else {
            return Outcome::default();
        };
        match action {
            Action::Up => list.selected = selected.saturating_sub(1),
            Action::Down => list.selected = (selected + 1).min(count.saturating_sub(1)),
            Action::Top => list.selected = 0,
            Action::Bottom => list.selected = count.saturating_sub(1),
            Action::Close | Action::Scenarios => {
                self.chrome.overlays.pop();
            }
            Action::Add => {
                let fresh = unique_name("new scenario", |n| taken(n, &names));
                list.step = Step::Naming {
                    purpose: Naming::New,
                    area: name_editor(&fresh),
                    error: None,
                };
            }
            Action::Duplicate => {
                let copy = unique_name(&format!("{name} (copy)"), |n| taken(n, &names));
                list.step = Step::Naming {
                    purpose: Naming::Duplicate,
                    area: name_editor(&copy),
                    error: None,
                };
            }
            Action::Rename => {
                list.step = Step::Naming {
                    purpose: Naming::Rename,
                    area: name_editor(&name),
                    error: None,
                };
            }
            Action::Delete => {
                if count < 2 {
                    return self.notify(
                        "the last scenario cannot be deleted; make a new one first".into(),
                    );
                }
                list.step = Step::ConfirmDelete;
            }
            Action::Confirm => {
                self.chrome.overlays.pop();
                if name == self.doc.scenario.name {
                    return Outcome::redraw();
                }
                self.before_list_change();
                self.doc.session.state.active = name.clone();
                self.load_active(false);
                return self.notify(format!("switched to scenario \"{name}\""));
            }
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }

    fn update_naming(&mut self, action: Action) -> Outcome {
        let Some(list) = self.list() else {
            return Outcome::default();
        };
        let selected = list.selected;
        let Step::Naming {
            purpose,
            area,
            error,
        } = &mut list.step
        else {
            return Outcome::default();
        };
        let purpose = *purpose;
        let changed = match action {
            Action::Input(c) if !c.is_control() => {
                area.insert_char(c);
                true
            }
            Action::Backspace => area.delete_char(),
            Action::Delete => area.delete_next_char(),
            Action::Left => {
                area.move_cursor(CursorMove::Back);
                true
            }
            Action::Right => {
                area.move_cursor(CursorMove::Forward);
                true
            }
            Action::Top => {
                area.move_cursor(CursorMove::Head);
                true
            }
            Action::Bottom => {
                area.move_cursor(CursorMove::End);
                true
            }
            Action::Close => {
                list.step = Step::Browse;
                return Outcome::redraw();
            }
            Action::Confirm => {
                let typed = area.lines().first().cloned().unwrap_or_default();
                match self.check_name(&typed, purpose, selected) {
                    Ok(name) => return self.apply_naming(purpose, selected, name),
                    Err(e) => {
                        if let Some(ScenarioList {
                            step: Step::Naming { error, .. },
                            ..
                        }) = self.list()
                        {
                            *error = Some(e);
                        }
                        return Outcome::redraw();
                    }
                }
            }
            _ => return Outcome::default(),
        };
        if changed {
            *error = None;
        }
        Outcome {
            redraw: changed,
            effects: Vec::new(),
        }
    }

    /// The cleaned name, or why it cannot be used.
    fn check_name(&self, typed: &str, purpose: Naming, selected: usize) -> Result<String, String> {
        if typed.trim().chars().count() > MAX_NAME {
            return Err(format!("name: at most {MAX_NAME} characters"));
        }
        let name = clean_name(typed);
        if name.is_empty() {
            return Err("name: must not be empty".into());
        }
        let own = (purpose == Naming::Rename)
            .then(|| self.doc.session.state.scenarios.get(selected))
            .flatten()
            .map(|s| s.name.as_str());
        if own != Some(name.as_str()) && self.doc.session.state.get(&name).is_some() {
            return Err(format!("name: \"{name}\" is taken; choose another"));
        }
        Ok(name)
    }

    fn apply_naming(&mut self, purpose: Naming, selected: usize, name: String) -> Outcome {
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

    fn update_confirm(&mut self, action: Action) -> Outcome {
        let Some(list) = self.list() else {
            return Outcome::default();
        };
        let selected = list.selected;
        match action {
            Action::Confirm => {}
            Action::Close => {
                list.step = Step::Browse;
                return Outcome::redraw();
            }
            _ => return Outcome::default(),
        }
        list.step = Step::Browse;
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

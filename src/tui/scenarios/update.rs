//! How actions change the scenario list: moving, typing a name, confirming a delete. What
//! changes the session's scenarios (switch, new, copy, rename, delete) it asks the app for,
//! which records the undo step and loads the active scenario.

use super::{MAX_NAME, Naming, ScenarioList, Step, name_editor};
use crate::store::unique_name;
use crate::tui::action::Action;
use crate::tui::document::Document;
use crate::tui::hybrid::clean_name;
use crate::tui::reply::{Ask, Reply};
use ratatui_textarea::CursorMove;

impl ScenarioList {
    /// Handle an action while the list is the top overlay.
    pub fn update(&mut self, action: Action, doc: &Document) -> Reply {
        match self.step {
            Step::Naming { .. } => return self.update_naming(action, doc),
            Step::ConfirmDelete => return self.update_confirm(action),
            Step::Browse => {}
        }
        let count = doc.session.state.scenarios.len();
        let selected = self.selected.min(count.saturating_sub(1));
        let name = doc.session.state.scenarios[selected].name.clone();
        let names = doc.session.names();
        let taken = |n: &str| names.iter().any(|x| x == n);
        match action {
            Action::Up => self.selected = selected.saturating_sub(1),
            Action::Down => self.selected = (selected + 1).min(count.saturating_sub(1)),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = count.saturating_sub(1),
            Action::Close | Action::Scenarios => return Reply::Close,
            Action::Add => {
                let fresh = unique_name("new scenario", taken);
                self.step = naming(Naming::New, &fresh);
            }
            Action::Duplicate => {
                let copy = unique_name(&format!("{name} (copy)"), taken);
                self.step = naming(Naming::Duplicate, &copy);
            }
            Action::Rename => self.step = naming(Naming::Rename, &name),
            Action::Delete => {
                if count < 2 {
                    return Reply::Notice(
                        "the last scenario cannot be deleted; make a new one first".into(),
                    );
                }
                self.step = Step::ConfirmDelete;
            }
            Action::Confirm => return Reply::Ask(Ask::SwitchScenario(name)),
            _ => return Reply::Nothing,
        }
        Reply::Redraw
    }

    fn update_naming(&mut self, action: Action, doc: &Document) -> Reply {
        let selected = self.selected;
        let Step::Naming {
            purpose,
            area,
            error,
        } = &mut self.step
        else {
            return Reply::Nothing;
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
                self.step = Step::Browse;
                return Reply::Redraw;
            }
            Action::Confirm => {
                let typed = area.lines().first().cloned().unwrap_or_default();
                return match check_name(doc, &typed, purpose, selected) {
                    Ok(name) => Reply::Ask(Ask::NameScenario {
                        purpose,
                        selected,
                        name,
                    }),
                    Err(e) => {
                        *error = Some(e);
                        Reply::Redraw
                    }
                };
            }
            _ => return Reply::Nothing,
        };
        if changed {
            *error = None;
            Reply::Redraw
        } else {
            Reply::Nothing
        }
    }

    fn update_confirm(&mut self, action: Action) -> Reply {
        match action {
            Action::Confirm => {
                self.step = Step::Browse;
                Reply::Ask(Ask::DeleteScenario(self.selected))
            }
            Action::Close => {
                self.step = Step::Browse;
                Reply::Redraw
            }
            _ => Reply::Nothing,
        }
    }
}

fn naming(purpose: Naming, name: &str) -> Step {
    Step::Naming {
        purpose,
        area: name_editor(name),
        error: None,
    }
}

/// The cleaned name, or why it cannot be used.
fn check_name(
    doc: &Document,
    typed: &str,
    purpose: Naming,
    selected: usize,
) -> Result<String, String> {
    if typed.trim().chars().count() > MAX_NAME {
        return Err(format!("name: at most {MAX_NAME} characters"));
    }
    let name = clean_name(typed);
    if name.is_empty() {
        return Err("name: must not be empty".into());
    }
    let state = &doc.session.state;
    let own = (purpose == Naming::Rename)
        .then(|| state.scenarios.get(selected))
        .flatten()
        .map(|s| s.name.as_str());
    if own != Some(name.as_str()) && state.get(&name).is_some() {
        return Err(format!("name: \"{name}\" is taken; choose another"));
    }
    Ok(name)
}

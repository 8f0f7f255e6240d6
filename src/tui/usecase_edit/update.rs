//! How actions change the use-case editor and, through it, the pane's selected use case.

use super::{UcField, UseCaseEdit, step, submit};
use crate::domain::hybrid::normalized_shares;
use crate::tui::action::Action;
use crate::tui::document::Document;
use crate::tui::hybrid::HybridState;
use crate::tui::reply::Reply;

impl UseCaseEdit {
    /// Handle an action while the editor is the top overlay; `pane` holds the selection.
    pub fn update(&mut self, action: Action, doc: &mut Document, pane: &mut HybridState) -> Reply {
        let field = self.current();
        let s = &mut doc.scenario;
        if let Some(text) = &mut self.text {
            match action {
                Action::Input(c) => text.insert(c),
                Action::Backspace => text.backspace(),
                Action::Left => text.left(),
                Action::Right => text.right(),
                Action::Close => {
                    self.text = None;
                    if self.rename_only {
                        return Reply::Close;
                    }
                }
                Action::Confirm => {
                    let typed = text.text.clone();
                    match submit(pane, s, field, &typed) {
                        Err(e) => text.error = Some(e),
                        Ok(()) => {
                            self.text = None;
                            return Reply::Edited {
                                notice: format!("{} set", field.label()),
                                close: self.rename_only,
                            };
                        }
                    }
                }
                _ => return Reply::Nothing,
            }
            return Reply::Redraw;
        }
        let by = match action {
            Action::Up => {
                self.move_by(-1);
                return Reply::Redraw;
            }
            Action::Down => {
                self.move_by(1);
                return Reply::Redraw;
            }
            Action::Top => {
                self.field = 0;
                return Reply::Redraw;
            }
            Action::Bottom => {
                self.field = UcField::ALL.len() - 1;
                return Reply::Redraw;
            }
            Action::Close => return Reply::Close,
            Action::Confirm if field.is_typed() => {
                let sel = pane.selected;
                let share = normalized_shares(&s.use_cases)
                    .get(sel)
                    .copied()
                    .unwrap_or(0.0);
                if let Some(case) = s.use_cases.get(sel) {
                    self.start_typing(case, share);
                }
                return Reply::Redraw;
            }
            Action::Left => -1,
            Action::Right | Action::Confirm | Action::Toggle => 1,
            _ => return Reply::Nothing,
        };
        if !step(pane, s, field, by) {
            return Reply::Nothing;
        }
        let case = &s.use_cases[pane.selected];
        let share = normalized_shares(&s.use_cases)[pane.selected];
        let value = field.value(case, share);
        if field == UcField::Tier {
            pane.tier = usize::from(case.tier - 1);
        }
        Reply::Edited {
            notice: format!("{}: {} {value}", case.use_case.name, field.label()),
            close: false,
        }
    }
}

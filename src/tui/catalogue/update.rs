//! How actions change pane 1: the table's selection, sort and scope, the marks, the search
//! field, and the marks sent to pane 2's comparison. What opens over the pane (detail,
//! comparison, filters) or shows pane 2 is asked of the app.

use super::CatalogueState;
use crate::tui::action::Action;
use crate::tui::context::Ctx;
use crate::tui::document::Document;
use crate::tui::reply::{Ask, Reply};

impl CatalogueState {
    /// Handle an action on the table (the search field not focused, no overlay open).
    pub fn update(&mut self, action: Action, doc: &mut Document, ctx: &Ctx) -> Reply {
        let page = self.page.max(1) as isize;
        let catalog = &ctx.catalog;
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-page),
            Action::PageDown => self.move_by(page),
            Action::Top => self.move_to(0),
            Action::Bottom => self.move_to(usize::MAX),
            Action::Search | Action::FocusNext | Action::FocusPrev => {
                self.editing = true;
                self.cursor = self.query.text.chars().count();
            }
            Action::Close => {
                if self.query.text.is_empty() {
                    return Reply::Nothing;
                }
                self.clear_search(catalog);
            }
            Action::Confirm => {
                return self
                    .selected_model()
                    .map_or(Reply::Nothing, |model| Reply::Ask(Ask::Detail(model)));
            }
            Action::SortNext => self.sort_next(catalog),
            Action::SortReverse => self.sort_reverse(catalog),
            Action::ShowAll => self.toggle_scope(catalog),
            Action::ToggleMark => {
                let Some(i) = self.selected_model() else {
                    return Reply::Nothing;
                };
                if let Some(msg) = self.toggle_mark(&catalog.models[i].id) {
                    return Reply::Notice(msg);
                }
                self.move_by(1);
            }
            Action::ClearAll => self.marks.clear(),
            Action::Compare => return self.ask_compare(),
            Action::SendToBreakEven => {
                if self.marks.is_empty() {
                    return Reply::Notice("mark models with Space first, then press b".into());
                }
                return match self.send_marks(&mut doc.scenario, catalog) {
                    Ok(notice) => Reply::Ask(Ask::BreakEven(notice)),
                    Err(notice) => Reply::Notice(notice),
                };
            }
            // The menu's values are gathered when it opens, not at start.
            Action::OpenFilters => return Reply::Ask(Ask::Filters),
            _ => return Reply::Nothing,
        }
        Reply::Redraw
    }

    /// Handle an action while the search field has focus.
    pub fn update_search(&mut self, action: Action, ctx: &Ctx) -> Reply {
        let catalog = &ctx.catalog;
        match action {
            Action::Input(c) => self.insert(c, catalog),
            Action::Backspace => self.backspace(catalog),
            Action::Left => self.cursor_left(),
            Action::Right => self.cursor_right(),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::Close => {
                self.clear_search(catalog);
                self.editing = false;
            }
            Action::Confirm | Action::FocusNext | Action::FocusPrev => self.editing = false,
            _ => return Reply::Nothing,
        }
        Reply::Redraw
    }

    /// `c`: the comparison of the marked models, or how to mark some.
    pub fn ask_compare(&self) -> Reply {
        if self.marks.is_empty() {
            return Reply::Notice("mark models with Space first (up to 4), then press c".into());
        }
        Reply::Ask(Ask::Compare)
    }
}

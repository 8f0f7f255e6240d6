//! How actions change the filter menu and, through it, the catalogue's filters: the table
//! behind the menu is filtered again at once.

use super::FilterMenu;
use crate::domain::query::Filters;
use crate::tui::action::Action;
use crate::tui::catalogue::CatalogueState;
use crate::tui::context::Ctx;
use crate::tui::reply::Reply;

impl FilterMenu {
    pub fn update(&mut self, action: Action, cat: &mut CatalogueState, ctx: &Ctx) -> Reply {
        let catalog = &ctx.catalog;
        let filters = &mut cat.query.filters;
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-10),
            Action::PageDown => self.move_by(10),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.move_by(isize::MAX),
            Action::FocusNext => self.jump_section(true),
            Action::FocusPrev => self.jump_section(false),
            Action::Toggle | Action::Confirm => {
                self.toggle(filters, catalog);
                return refiltered(cat, ctx);
            }
            Action::Left => return self.adjusted(-1, cat, ctx),
            Action::Right => return self.adjusted(1, cat, ctx),
            Action::ClearAll => {
                // The menu's filters; whether all models are shown is the `a` key's.
                *filters = Filters {
                    current: filters.current,
                    ..Filters::default()
                };
                return refiltered(cat, ctx);
            }
            Action::Close => return Reply::Close,
            _ => return Reply::Nothing,
        }
        Reply::Redraw
    }

    fn adjusted(&mut self, delta: i32, cat: &mut CatalogueState, ctx: &Ctx) -> Reply {
        if self.adjust(delta, &mut cat.query.filters, &ctx.catalog) {
            return refiltered(cat, ctx);
        }
        Reply::Redraw
    }
}

fn refiltered(cat: &mut CatalogueState, ctx: &Ctx) -> Reply {
    cat.recompute(&ctx.catalog);
    Reply::Redraw
}

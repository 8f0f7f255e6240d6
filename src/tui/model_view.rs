//! The catalogue's two overlays over models: one model's detail and the marked models side by
//! side. Each owns its place (model, column, scroll) and its update; both work on the pane's
//! state below them, whose table order and marks they follow.

use super::action::Action;
use super::catalogue::CatalogueState;
use super::context::Ctx;
use super::layout::{Scroll, scroll_text};
use super::reply::{Ask, Reply};

/// Every figure of one model with its sources.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelDetail {
    /// Index into the catalogue's models.
    pub model: usize,
    pub scroll: usize,
}

/// The marked models side by side.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompareView {
    /// The focused column (a mark).
    pub focus: usize,
    pub scroll: usize,
}

impl ModelDetail {
    pub fn new(model: usize) -> ModelDetail {
        ModelDetail { model, scroll: 0 }
    }

    /// Handle an action; `page` lines show at once and the last draw measured `max` as the
    /// largest scroll. ←/→ step through the table's models in its order, moving its cursor.
    pub fn update(
        &mut self,
        action: Action,
        cat: &mut CatalogueState,
        ctx: &Ctx,
        page: usize,
        max: usize,
    ) -> Reply {
        if scroll_text(&mut self.scroll, &action, page, max) {
            return Reply::Redraw;
        }
        match action {
            Action::Left | Action::Right | Action::FocusNext | Action::FocusPrev => {
                let back = matches!(action, Action::Left | Action::FocusPrev);
                let pos = cat.hits.iter().position(|h| h.index == self.model);
                let next = match (pos, back) {
                    (Some(p), true) => p.checked_sub(1),
                    (Some(p), false) => Some(p + 1).filter(|n| *n < cat.hits.len()),
                    (None, _) => None,
                };
                let Some(n) = next else {
                    return Reply::Nothing;
                };
                self.model = cat.hits[n].index;
                self.scroll = 0;
                cat.move_to(n);
            }
            Action::ToggleMark => {
                if let Some(msg) = cat.toggle_mark(&ctx.catalog.models[self.model].id) {
                    return Reply::Notice(msg);
                }
            }
            Action::Compare => return cat.ask_compare(),
            Action::Close => return Reply::Close,
            _ => return Reply::Nothing,
        }
        Reply::Redraw
    }
}

impl CompareView {
    /// Handle an action; the last draw measured `max` as the largest scroll. Space unmarks the
    /// focused model (the view closes with the last), Enter opens its detail.
    pub fn update(
        &mut self,
        action: Action,
        cat: &mut CatalogueState,
        ctx: &Ctx,
        max: usize,
    ) -> Reply {
        let marks = cat.marks.len();
        let reply = match action {
            Action::Left | Action::FocusPrev => {
                self.focus = self.focus.saturating_sub(1);
                Reply::Redraw
            }
            Action::Right | Action::FocusNext => {
                self.focus = (self.focus + 1).min(marks.saturating_sub(1));
                Reply::Redraw
            }
            Action::Up => {
                self.scroll.back(1);
                Reply::Redraw
            }
            Action::Down => {
                self.scroll.forward(1, usize::MAX);
                Reply::Redraw
            }
            Action::Top => {
                self.scroll = 0;
                Reply::Redraw
            }
            Action::ToggleMark => {
                if self.focus < marks {
                    cat.marks.remove(self.focus);
                    self.focus = self.focus.min(marks.saturating_sub(2));
                }
                if cat.marks.is_empty() {
                    return Reply::Close;
                }
                Reply::Redraw
            }
            Action::Confirm => {
                let id = cat.marks.get(self.focus);
                let model = id.and_then(|id| ctx.catalog.models.iter().position(|m| m.id == *id));
                model.map_or(Reply::Redraw, |m| Reply::Ask(Ask::Detail(m)))
            }
            Action::Close => return Reply::Close,
            _ => return Reply::Nothing,
        };
        self.scroll.stop_at(max);
        reply
    }
}

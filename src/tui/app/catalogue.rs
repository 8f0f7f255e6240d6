//! Pane 1: the catalogue table, its search field, and the filter, detail and comparison
//! overlays over it.

use super::{App, Outcome, Overlay};
use crate::domain::query::{Filters, facet_values};
use crate::tui::action::Action;
use crate::tui::filter_menu::FilterMenu;
use crate::tui::layout::{self, Measured, Scroll, scroll_text};
use crate::tui::{compare, detail};

impl App {
    pub(crate) fn page(&self) -> isize {
        self.table_rows().max(1) as isize
    }

    pub(crate) fn update_catalogue(&mut self, action: Action) -> Outcome {
        let page = self.page();
        let cat = &mut self.catalogue;
        match action {
            Action::Up => cat.move_by(-1),
            Action::Down => cat.move_by(1),
            Action::PageUp => cat.move_by(-page),
            Action::PageDown => cat.move_by(page),
            Action::Top => cat.move_to(0),
            Action::Bottom => cat.move_to(usize::MAX),
            Action::Search | Action::FocusNext | Action::FocusPrev => {
                cat.editing = true;
                cat.cursor = cat.query.text.chars().count();
            }
            Action::Close => {
                if cat.query.text.is_empty() {
                    return Outcome::default();
                }
                cat.clear_search(&self.ctx.catalog);
            }
            Action::Confirm => match cat.selected_model() {
                Some(model) => self
                    .chrome
                    .overlays
                    .push(Overlay::Detail { model, scroll: 0 }),
                None => return Outcome::default(),
            },
            Action::SortNext => cat.sort_next(&self.ctx.catalog),
            Action::SortReverse => cat.sort_reverse(&self.ctx.catalog),
            Action::ShowAll => cat.toggle_scope(&self.ctx.catalog),
            Action::ToggleMark => {
                let Some(i) = cat.selected_model() else {
                    return Outcome::default();
                };
                let id = self.ctx.catalog.models[i].id.clone();
                if let Some(msg) = self.catalogue.toggle_mark(&id) {
                    return self.notify(msg);
                }
                self.catalogue.move_by(1);
            }
            Action::ClearAll => cat.marks.clear(),
            Action::Compare => return self.open_compare(),
            Action::SendToBreakEven => return self.send_marks(),
            Action::OpenFilters => {
                // The menu's values are gathered when it opens, not at start.
                let facets = facet_values(&self.ctx.catalog);
                let menu = FilterMenu::new(&self.ctx.catalog, &facets, &cat.query.filters);
                self.chrome.overlays.push(Overlay::Filter(menu));
            }
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }

    pub(crate) fn open_compare(&mut self) -> Outcome {
        if self.catalogue.marks.is_empty() {
            return self.notify("mark models with Space first (up to 4), then press c".into());
        }
        self.chrome
            .overlays
            .retain(|o| !matches!(o, Overlay::Compare { .. }));
        self.chrome.overlays.push(Overlay::Compare {
            focus: 0,
            scroll: 0,
        });
        Outcome::redraw()
    }

    pub(crate) fn update_search(&mut self, action: Action) -> Outcome {
        let cat = &mut self.catalogue;
        match action {
            Action::Input(c) => cat.insert(c, &self.ctx.catalog),
            Action::Backspace => cat.backspace(&self.ctx.catalog),
            Action::Left => cat.cursor_left(),
            Action::Right => cat.cursor_right(),
            Action::Up => cat.move_by(-1),
            Action::Down => cat.move_by(1),
            Action::Close => {
                cat.clear_search(&self.ctx.catalog);
                cat.editing = false;
            }
            Action::Confirm | Action::FocusNext | Action::FocusPrev => cat.editing = false,
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }

    pub(crate) fn update_filter(&mut self, action: Action) -> Outcome {
        let Some(Overlay::Filter(menu)) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let filters = &mut self.catalogue.query.filters;
        let mut refilter = false;
        match action {
            Action::Up => menu.move_by(-1),
            Action::Down => menu.move_by(1),
            Action::PageUp => menu.move_by(-10),
            Action::PageDown => menu.move_by(10),
            Action::Top => menu.cursor = 0,
            Action::Bottom => menu.move_by(isize::MAX),
            Action::FocusNext => menu.jump_section(true),
            Action::FocusPrev => menu.jump_section(false),
            Action::Toggle | Action::Confirm => {
                menu.toggle(filters, &self.ctx.catalog);
                refilter = true;
            }
            Action::Left => refilter = menu.adjust(-1, filters, &self.ctx.catalog),
            Action::Right => refilter = menu.adjust(1, filters, &self.ctx.catalog),
            Action::ClearAll => {
                // The menu's filters; whether all models are shown is the `a` key's.
                *filters = Filters {
                    current: filters.current,
                    ..Filters::default()
                };
                refilter = true;
            }
            Action::Close => {
                self.chrome.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        if refilter {
            self.catalogue.recompute(&self.ctx.catalog);
        }
        Outcome::redraw()
    }

    pub(crate) fn update_detail(&mut self, action: Action) -> Outcome {
        let body = layout::detail_text_rows(layout::body_rows(self.chrome.size.1));
        let hits: Vec<usize> = self.catalogue.hits.iter().map(|h| h.index).collect();
        let max = Measured::limit(&self.chrome.measured.detail_max);
        let Some(Overlay::Detail { model, scroll }) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        if scroll_text(scroll, &action, body, max) {
            return Outcome::redraw();
        }
        match action {
            Action::Left | Action::Right | Action::FocusNext | Action::FocusPrev => {
                // Step through the models in the table's current order.
                let pos = hits.iter().position(|i| i == model);
                let next = match (pos, matches!(action, Action::Left | Action::FocusPrev)) {
                    (Some(p), true) => p.checked_sub(1),
                    (Some(p), false) => Some(p + 1).filter(|n| *n < hits.len()),
                    (None, _) => None,
                };
                let Some(n) = next else {
                    return Outcome::default();
                };
                *model = hits[n];
                *scroll = 0;
                self.catalogue.move_to(n);
            }
            Action::ToggleMark => {
                let id = self.ctx.catalog.models[*model].id.clone();
                if let Some(msg) = self.catalogue.toggle_mark(&id) {
                    return self.notify(msg);
                }
            }
            Action::Compare => return self.open_compare(),
            Action::Close => {
                self.chrome.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }

    pub(crate) fn update_compare(&mut self, action: Action) -> Outcome {
        let marks = self.catalogue.marks.len();
        let Some(Overlay::Compare { focus, scroll }) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        match action {
            Action::Left | Action::FocusPrev => *focus = focus.saturating_sub(1),
            Action::Right | Action::FocusNext => *focus = (*focus + 1).min(marks.saturating_sub(1)),
            Action::Up => scroll.back(1),
            Action::Down => scroll.forward(1, usize::MAX),
            Action::Top => *scroll = 0,
            Action::ToggleMark => {
                if *focus < marks {
                    self.catalogue.marks.remove(*focus);
                    *focus = (*focus).min(marks.saturating_sub(2));
                }
                if self.catalogue.marks.is_empty() {
                    self.chrome.overlays.pop();
                }
            }
            Action::Confirm => {
                let id = self.catalogue.marks.get(*focus).cloned();
                if let Some(model) =
                    id.and_then(|id| self.ctx.catalog.models.iter().position(|m| m.id == id))
                {
                    self.chrome
                        .overlays
                        .push(Overlay::Detail { model, scroll: 0 });
                }
            }
            Action::Close => {
                self.chrome.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        self.clamp_compare_scroll();
        Outcome::redraw()
    }

    pub(crate) fn clamp_compare_scroll(&mut self) {
        let max = Measured::limit(&self.chrome.measured.compare_max);
        if let Some(Overlay::Compare { scroll, .. }) = self.chrome.overlays.last_mut() {
            scroll.stop_at(max);
        }
    }

    /// Make the text the detail and comparison views will draw, when what they show changed
    /// (another model, width, theme or set of marks). Run after every update, so drawing only
    /// reads it.
    pub(crate) fn refresh_views(&mut self) {
        let width = self.chrome.size.0;
        let theme = &self.chrome.theme;
        let cat = &mut self.catalogue;
        let mut detail_shown = None;
        let mut compare_shown = false;
        for overlay in &self.chrome.overlays {
            match overlay {
                Overlay::Detail { model, .. } => detail_shown = Some(*model),
                Overlay::Compare { .. } => compare_shown = true,
                _ => {}
            }
        }
        if let Some(model) = detail_shown {
            let key = (model, width, theme.clone());
            if cat.views.detail_for(&key).is_none() {
                let catalog = &self.ctx.catalog;
                let lines = detail::lines_with_changes(
                    catalog,
                    &self.ctx.price_changes,
                    theme,
                    model,
                    width,
                );
                cat.views.detail = Some((key, lines));
            }
        }
        if compare_shown && cat.views.compare_for(&cat.marks).is_none() {
            let rows = compare::rows(&self.ctx.catalog, &cat.marks, &cat.columns.score_names);
            cat.views.compare = Some((cat.marks.clone(), rows));
        }
    }
}

//! Routing to pane 1 and its overlays (search field, filter menu, detail, comparison), and the
//! text the detail and comparison views draw. The parts change themselves and the pane's
//! state (`CatalogueState::update`, `FilterMenu::update`, `ModelDetail::update`,
//! `CompareView::update`); `answer` does what they ask.

use super::{App, Outcome, Overlay};
use crate::domain::query::facet_values;
use crate::tui::action::Action;
use crate::tui::filter_menu::FilterMenu;
use crate::tui::layout::{self, Measured};
use crate::tui::model_view::CompareView;
use crate::tui::{compare, detail};

impl App {
    pub(crate) fn update_catalogue(&mut self, action: Action) -> Outcome {
        self.catalogue.page = self.table_rows();
        let reply = self.catalogue.update(action, &mut self.doc, &self.ctx);
        self.answer(reply)
    }

    pub(crate) fn update_search(&mut self, action: Action) -> Outcome {
        let reply = self.catalogue.update_search(action, &self.ctx);
        self.answer(reply)
    }

    pub(crate) fn update_filter(&mut self, action: Action) -> Outcome {
        let Some(Overlay::Filter(menu)) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let reply = menu.update(action, &mut self.catalogue, &self.ctx);
        self.answer(reply)
    }

    pub(crate) fn update_detail(&mut self, action: Action) -> Outcome {
        let page = layout::detail_text_rows(layout::body_rows(self.chrome.size.1));
        let max = Measured::limit(&self.chrome.measured.detail_max);
        let Some(Overlay::Detail(view)) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let reply = view.update(action, &mut self.catalogue, &self.ctx, page, max);
        self.answer(reply)
    }

    pub(crate) fn update_compare(&mut self, action: Action) -> Outcome {
        let max = Measured::limit(&self.chrome.measured.compare_max);
        let Some(Overlay::Compare(view)) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let reply = view.update(action, &mut self.catalogue, &self.ctx, max);
        self.answer(reply)
    }

    /// The filter menu over the catalogue, its values gathered now.
    pub(super) fn open_filters(&mut self) -> Outcome {
        let catalog = &self.ctx.catalog;
        let facets = facet_values(catalog);
        let menu = FilterMenu::new(catalog, &facets, &self.catalogue.query.filters);
        self.chrome.overlays.push(Overlay::Filter(menu));
        Outcome::redraw()
    }

    /// The comparison of the marked models, replacing one already open below.
    pub(super) fn open_compare(&mut self) -> Outcome {
        self.chrome
            .overlays
            .retain(|o| !matches!(o, Overlay::Compare(_)));
        self.chrome
            .overlays
            .push(Overlay::Compare(CompareView::default()));
        Outcome::redraw()
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
                Overlay::Detail(view) => detail_shown = Some(view.model),
                Overlay::Compare(_) => compare_shown = true,
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

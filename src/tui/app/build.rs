//! Building the interface: the read-only context, the document and the chrome from a
//! catalogue, rules, presets and a scenario, with the panes' derived views computed once.

use super::{App, Chrome, Ctx, Document};
use crate::domain::catalog::Catalog;
use crate::domain::preset::Preset;
use crate::domain::rules::RuleBook;
use crate::domain::scenario::Scenario;
use crate::store::State;
use crate::tui::breakeven::{BreakEvenState, Context};
use crate::tui::catalogue::CatalogueState;
use crate::tui::hybrid::HybridState;
use crate::tui::keymap::Keymap;
use crate::tui::session::Session;
use crate::tui::theme::Theme;

impl App {
    /// The interface over `catalog` with the embedded rules and presets and the built-in
    /// scenario. A test catalogue that lacks the sources or models they name gets none of them
    /// (the break-even pane then says which inputs it cannot resolve).
    pub fn new(catalog: Catalog, keymap: Keymap, theme: Theme, size: (u16, u16)) -> App {
        let rules = crate::data::embedded_rules(&catalog).unwrap_or_default();
        let presets = crate::data::embedded_presets(&catalog).unwrap_or_default();
        let scenario = crate::tui::breakeven::default_scenario(&catalog);
        App::with_data(catalog, rules, presets, scenario, keymap, theme, size)
    }

    pub fn with_data(
        catalog: Catalog,
        rules: RuleBook,
        presets: Vec<Preset>,
        scenario: Scenario,
        keymap: Keymap,
        theme: Theme,
        size: (u16, u16),
    ) -> App {
        let catalogue = CatalogueState::new(&catalog);
        let ctx = Context {
            catalog: &catalog,
            rules: &rules,
            presets: &presets,
        };
        let breakeven = BreakEvenState::new(&scenario, &ctx);
        let session = Session::new(State::single(scenario.clone()), None);
        let builtin = scenario.clone();
        let mut app = App {
            ctx: Ctx {
                catalog: std::sync::Arc::new(catalog),
                rules,
                presets,
                keymap,
                builtin,
                data_status: None,
                price_changes: Default::default(),
            },
            doc: Document {
                scenario,
                session,
                undo_group: None,
                list_changed: false,
            },
            chrome: Chrome::new(theme, size),
            catalogue,
            breakeven,
            hybrid: HybridState::default(),
            optimum: Default::default(),
            quit_asked: false,
        };
        app.refresh();
        app.sync_scenario();
        app.doc.session.mark_saved(app.current_state());
        app
    }
}

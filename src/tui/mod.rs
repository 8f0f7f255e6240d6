//! The terminal interface: `tierwise` with no arguments.
//!
//! Data, theme and keymap load first, so any error prints plainly before the terminal changes
//! mode; then the event loop in `runner` takes over.

pub mod action;
pub mod app;
pub mod breakeven;
pub mod catalogue;
pub mod chrome;
pub mod columns;
pub mod compare;
pub mod context;
pub mod detail;
pub mod document;
pub mod editor;
pub mod explain_view;
pub mod export;
pub mod filter_menu;
pub mod format;
pub mod help;
pub mod hybrid;
pub mod hybrid_tier;
pub mod jobs;
pub mod keymap;
pub mod keymap_doc;
pub mod layout;
pub mod model_view;
pub mod notes;
pub mod optimum;
pub mod overlay;
pub mod palette;
pub mod pane;
pub mod picker;
pub mod plot;
pub mod present;
pub mod presets_view;
pub mod reply;
pub mod runner;
pub mod scenarios;
pub mod scrolled;
pub mod sensitivity;
pub mod session;
pub mod sliders;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod usecase_edit;

use std::io::IsTerminal;

/// What the command line chose for the interface.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// A built-in theme name; `None` means `dark`, or `mono` when NO_COLOR is set.
    pub theme: Option<String>,
    /// Start in the presenter view of the break-even pane (`--present`).
    pub present: bool,
}

/// Run the interface; returns the process exit code.
pub fn run(options: Options) -> i32 {
    // The prices `tierwise update` fetched apply over the embedded data and the user's own
    // files over both; a bad one is skipped and said so at start.
    let config = crate::data::overlay::config_dir();
    let data_dir = crate::store::state_dir().ok();
    let loaded = match crate::data::updated::load_layers(config.as_deref(), data_dir.as_deref()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let (data_status, price_changes) = price_data(&loaded);
    let catalog = loaded.catalog;
    let no_color = std::env::var("NO_COLOR").ok();
    let name = theme::initial_theme_name(options.theme.as_deref(), no_color.as_deref());
    let theme = match theme::Theme::builtin(&name) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: --theme: {e}");
            return 2;
        }
    };
    let keymap = match keymap::Keymap::embedded() {
        Ok(k) => k,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("error: the interactive interface needs a terminal; see `tierwise --help`");
        return 1;
    }
    // crossterm drops every colour command under NO_COLOR by sending an attribute reset,
    // which would also wipe reverse video (the selection); the theme already honours
    // NO_COLOR, so keep crossterm's output exact.
    crossterm::style::force_color_output(true);
    let rules = loaded.rules;
    let presets = match crate::data::embedded_presets(&catalog) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let builtin = crate::store::builtin_scenario(&catalog, &loaded.use_cases);
    let (store, state, store_notices) = crate::store::Store::open_default(|| builtin.clone());
    // The store's notices first: they say whether anything is saved at all.
    let mut notices: Vec<String> = store_notices.into_iter().map(|n| n.message).collect();
    notices.extend(loaded.notices);
    let not_saved = store.not_persistent_reason().map(str::to_string);
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = app::App::with_data(catalog, rules, presets, builtin, keymap, theme, size);
    // A theme chosen on the command line, or NO_COLOR, wins over the saved one.
    let keep_theme = options.theme.is_some() || no_color.as_deref().is_some_and(|v| !v.is_empty());
    app.restore(state, not_saved, notices, keep_theme);
    app.ctx.data_status = Some(data_status);
    app.ctx.price_changes = price_changes;
    if options.present {
        app.start_presenting();
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return 1;
        }
    };
    runtime.block_on(runner::run(app, store))
}

/// The status line's word on the price data (which, and how old) and how its prices differ
/// from the embedded snapshot's.
fn price_data(
    loaded: &crate::data::overlay::Loaded,
) -> (String, crate::domain::catalog_diff::CatalogDiff) {
    use crate::update::in_use::DataInUse;
    let today = crate::update::stored::now_iso();
    let today = today.get(..10).unwrap_or(&today);
    let snapshot_date =
        |c: &crate::domain::catalog::Catalog| c.source("models-dev").map(|s| s.date.clone());
    match &loaded.data {
        // Every price data set's date, and the age of the oldest (models.dev's).
        DataInUse::Embedded => match (
            loaded.catalog.prices_as_of(),
            snapshot_date(&loaded.catalog),
        ) {
            (Some(dates), Some(date)) => (
                format!(
                    "{dates} (embedded, {})",
                    crate::update::in_use::age(&date, today)
                ),
                Default::default(),
            ),
            _ => (
                loaded
                    .data
                    .describe(snapshot_date(&loaded.catalog).as_deref(), today),
                Default::default(),
            ),
        },
        DataInUse::Fetched(_) => {
            let embedded = crate::data::embedded_catalog().unwrap_or_default();
            (
                loaded
                    .data
                    .describe(snapshot_date(&embedded).as_deref(), today),
                crate::domain::catalog_diff::diff(&embedded, &loaded.catalog),
            )
        }
    }
}

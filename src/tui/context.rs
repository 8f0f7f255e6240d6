//! What the interface reads and never changes during a session.

use super::keymap::Keymap;
use crate::domain::catalog::Catalog;
use crate::domain::catalog_diff::CatalogDiff;
use crate::domain::preset::Preset;
use crate::domain::rules::RuleBook;
use crate::domain::scenario::Scenario;
use std::sync::Arc;

pub struct Ctx {
    /// Shared with jobs that run off the loop (the plan search), so none copies it.
    pub catalog: Arc<Catalog>,
    pub rules: RuleBook,
    pub presets: Vec<Preset>,
    pub keymap: Keymap,
    /// What "new scenario" starts from.
    pub builtin: Scenario,
    /// Which price data is in use and how old, for the status line (`None`: not shown).
    pub data_status: Option<String>,
    /// How the prices in use differ from the embedded snapshot (empty on the embedded data).
    pub price_changes: CatalogDiff,
}

//! The importer: pure functions from the upstream data sets' text (models.dev, LiteLLM, llmfit,
//! aiconfigurator, GPU datasheets, a GPU price index) plus the curated article facts to the
//! embedded catalogue. Nothing here reads files: the `import` example and a future
//! `tierwise update` hand in the text, so the same checks apply to snapshots and fresh downloads.
//!
//! Bad upstream input (missing or mistyped fields, impossible prices, duplicates, dangling
//! references) never stops the import: each case becomes an [`ImportProblem`] naming the file
//! and key, and the entry is skipped.

pub mod aiconfig;
mod facts;
pub mod gpus;
pub mod identity;
mod latest;
pub mod license;
pub mod litellm;
pub mod llmfit;
mod merge;
mod merge_prices;
mod model_index;
pub mod models_dev;
mod open_models;
mod origins;
pub mod providers;
pub mod write;

use crate::domain::catalog::{Catalog, Gpu, Model, Source};
use serde::Deserialize;
use std::fmt;

pub use merge::import;

/// One entry of an upstream file that was skipped or corrected, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ImportProblem {
    /// The upstream file, e.g. `litellm-model-prices.json`.
    pub file: String,
    /// The entry's key in that file (model id, provider/model, row number).
    pub key: String,
    pub message: String,
}

impl ImportProblem {
    pub fn new(file: &str, key: impl Into<String>, message: impl Into<String>) -> Self {
        ImportProblem {
            file: file.to_string(),
            key: key.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.key, self.message)
    }
}

/// File names used in problems and sources; a maintainer's fresh download keeps these names.
pub mod files {
    pub const MODELS_DEV: &str = "models-dev-api.json";
    pub const LITELLM: &str = "litellm-model-prices.json";
    pub const LLMFIT: &str = "llmfit-hf-models.json";
    pub const AIC_MODELS: &str = "aiconfigurator-model-configs.json";
    pub const AIC_SYSTEMS: &str = "aiconfigurator-gpu-systems.json";
    pub const DATASHEETS: &str = "gpu-datasheets.json";
    pub const GPU_PRICES: &str = "gpu-prices.csv";
}

/// The text of every upstream file; an empty string stands for a file that is not there.
#[derive(Debug, Clone, Default)]
pub struct Upstream<'a> {
    pub models_dev: &'a str,
    pub litellm: &'a str,
    pub llmfit: &'a str,
    pub aic_models: &'a str,
    pub aic_systems: &'a str,
    pub datasheets: &'a str,
    pub gpu_prices: &'a str,
}

/// A curated alias: an upstream key that the naming rules cannot match to its model.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alias {
    /// Provider id the key belongs to (models.dev's), or `None` for any provider.
    #[serde(default)]
    pub provider: Option<String>,
    /// The upstream model key as the provider writes it.
    pub key: String,
    /// A catalogue model id or a Hugging Face repo (`org/name`).
    pub model: String,
    /// Why the two are the same model.
    pub why: String,
}

/// The published configuration of a gated model whose architecture llmfit does not have.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedConfig {
    pub hf_repo: String,
    pub source: String,
    pub architecture: crate::domain::catalog::Architecture,
    pub context_tokens: u64,
}

/// A data set's list price for a model that the curated facts have reason to doubt: it is
/// kept as an alternative with the reason, and the article's figure stays shown.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Doubt {
    /// The catalogue model id.
    pub model: String,
    /// The data set whose lab price is doubted (`litellm`).
    pub source: String,
    /// The evidence, in the data or the sources.
    pub why: String,
}

/// The hand-kept inputs: the articles' models, GPUs and sources, and the alias table.
#[derive(Debug, Clone, Default)]
pub struct Curated {
    pub sources: Vec<Source>,
    pub models: Vec<Model>,
    pub gpus: Vec<Gpu>,
    pub aliases: Vec<Alias>,
    pub configs: Vec<PublishedConfig>,
    pub doubts: Vec<Doubt>,
}

/// What an import produced: the catalogue, what it skipped and how many of each it kept.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub catalog: Catalog,
    pub problems: Vec<ImportProblem>,
    pub counts: Vec<(String, usize)>,
}

/// Largest and smallest non-zero API price accepted, $/M: a per-token figure read as
/// per-million (or the reverse) lands far outside.
pub const MAX_PRICE_PER_MILLION: f64 = 1_000.0;
pub const MIN_PRICE_PER_MILLION: f64 = 0.001;

/// Checks an API price in $/M; 0 is a free plan and allowed.
pub fn check_price(value: f64) -> Result<f64, String> {
    if !value.is_finite() || value < 0.0 {
        return Err(format!("price {value} is not a finite non-negative number"));
    }
    if value > MAX_PRICE_PER_MILLION {
        return Err(format!(
            "price ${value}/M is above ${MAX_PRICE_PER_MILLION}/M; a per-token figure read as per-million?"
        ));
    }
    if value > 0.0 && value < MIN_PRICE_PER_MILLION {
        return Err(format!(
            "price ${value}/M is below ${MIN_PRICE_PER_MILLION}/M; a per-million figure read as per-token?"
        ));
    }
    Ok(value)
}

//! `tierwise update`'s machinery: fetching the upstream price data over HTTP(S) and keeping the
//! fetched files in the data directory. Nothing else in the program opens a network
//! connection, and this runs only when the user asks for it.
//!
//! - [`address`]: which addresses are allowed (HTTPS by default) and which proxy to use.
//! - [`fetch`]: one download with a connect and a total timeout, a size cap and progress.
//! - [`progress`]: the progress line on stderr.
//! - [`stored`]: the fetched files on disk (atomic, locked, with date and address).
//! - [`derived`]: the catalogue built from a stored update, kept for the next start.
//! - [`in_use`]: which data a session runs on, and how old it is.

pub mod address;
pub mod derived;
pub mod fetch;
pub mod in_use;
pub mod progress;
pub mod stored;

use serde::{Deserialize, Serialize};

/// An upstream data set that `tierwise update` fetches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Feed {
    /// models.dev's `api.json`: providers, models, prices, limits.
    ModelsDev,
    /// LiteLLM's `model_prices_and_context_window.json`: prices per token.
    Litellm,
}

impl Feed {
    pub const ALL: [Feed; 2] = [Feed::ModelsDev, Feed::Litellm];

    /// The name in messages and in the sources of updated figures.
    pub fn label(self) -> &'static str {
        match self {
            Feed::ModelsDev => "models.dev",
            Feed::Litellm => "LiteLLM",
        }
    }

    /// The public address fetched when the command line names no other.
    pub fn default_address(self) -> &'static str {
        match self {
            Feed::ModelsDev => "https://models.dev/api.json",
            Feed::Litellm => {
                "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"
            }
        }
    }

    /// The stored file's name (the importer's names for the same data sets).
    pub fn file_name(self) -> &'static str {
        match self {
            Feed::ModelsDev => "models-dev-api.json",
            Feed::Litellm => "litellm-model-prices.json",
        }
    }
}

//! One way to buy a model through an API: the lab's own, a cloud's, or an inference host's.

use super::{Figure, Price, SourceId};
use serde::{Deserialize, Serialize};

/// Who sells the offering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OfferingKind {
    /// The lab that made the model (OpenAI, Anthropic, DeepSeek, ...).
    FirstParty,
    /// A hyperscaler's model service (Bedrock, Azure, Vertex), often per region.
    Cloud,
    /// An inference host serving open-weight models (Together, Fireworks, Groq, ...).
    Host,
}

impl OfferingKind {
    pub const ALL: [OfferingKind; 3] = [
        OfferingKind::FirstParty,
        OfferingKind::Cloud,
        OfferingKind::Host,
    ];

    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            OfferingKind::FirstParty => "first-party",
            OfferingKind::Cloud => "cloud",
            OfferingKind::Host => "host",
        }
    }

    pub fn parse(text: &str) -> Option<OfferingKind> {
        OfferingKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

/// Batch (asynchronous) prices, US dollars per million tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchPrice {
    pub input: f64,
    pub output: f64,
}

/// An offering of a model. `id` is `model-id@provider-id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offering {
    pub id: String,
    /// Provider id, e.g. `groq`, `bedrock`, `azure`, `anthropic`.
    pub provider: String,
    /// Provider's display name, e.g. `Amazon Bedrock`.
    pub provider_name: String,
    pub kind: OfferingKind,
    /// Where the provider serves it when the source says so (`eu`, `jp`, `us`, ...).
    #[serde(default)]
    pub region: Option<String>,
    /// Input/output price (with its long-context tier); sources that disagree are alternatives.
    pub price: Figure<Price>,
    /// Price of a cached input token, $/M.
    #[serde(default)]
    pub cache_read: Option<f64>,
    #[serde(default)]
    pub batch: Option<BatchPrice>,
    /// Limits of this offering, where they differ by provider.
    #[serde(default)]
    pub context_tokens: Option<u64>,
    #[serde(default)]
    pub max_output_tokens: Option<u64>,
    /// The date the price was observed (the data set's snapshot date).
    pub as_of: String,
    /// A date after which the provider retires it, where known.
    #[serde(default)]
    pub deprecation: Option<String>,
}

impl Offering {
    /// Every source id cited by the offering.
    pub fn sources(&self) -> impl Iterator<Item = &SourceId> {
        self.price.all_sources()
    }
}

/// One rental offer for a GPU.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RentOffer {
    pub provider: String,
    #[serde(default)]
    pub region: Option<String>,
    pub usd_per_gpu_hour: f64,
    /// On-demand unless it says `spot`.
    #[serde(default)]
    pub spot: bool,
    pub as_of: String,
    pub sources: Vec<SourceId>,
}

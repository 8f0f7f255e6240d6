//! The embedded database's types: sources, models and GPUs.
//!
//! Every fact is a [`Figure`]: the value in use, the sources behind it and, where the sources
//! disagree, every other value with its own sources and a note on why the default was chosen.
//! Unknown facts are `None`, never zero.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod architecture;
mod offering;
pub use architecture::{Architecture, AttentionKind};
pub use offering::{BatchPrice, Offering, OfferingKind, RentOffer};

/// Short id of a [`Source`], e.g. `timewell-2026`.
pub type SourceId = String;

/// Where a figure comes from: an article, a datasheet, a model card, or the user's own file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    pub publisher: String,
    /// As precise as the source allows: `2026-04-10`, `2026-04`, `2026`.
    pub date: String,
    pub kind: SourceKind,
    /// File name of the article or address of the datasheet.
    #[serde(default)]
    pub reference: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceKind {
    Article,
    Datasheet,
    ModelCard,
    /// A figure from the user's own overlay file.
    User,
    /// An imported public data set (models.dev, LiteLLM, llmfit, ...), named with its version.
    Dataset,
}

/// A fact with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct Figure<T> {
    /// The value in use by default.
    pub value: T,
    /// Ids of the sources stating `value`; never empty.
    pub sources: Vec<SourceId>,
    /// Where the source gives a range (low, high), `value` is usually its midpoint.
    #[serde(default)]
    pub range: Option<(T, T)>,
    /// Conflicting values stated by other sources (or by the same source elsewhere).
    #[serde(default)]
    pub alternatives: Vec<Alternative<T>>,
    /// Why `value` is the default when there are alternatives; any caveat otherwise.
    #[serde(default)]
    pub note: Option<String>,
}

/// One conflicting value of a [`Figure`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct Alternative<T> {
    pub value: T,
    pub sources: Vec<SourceId>,
    #[serde(default)]
    pub range: Option<(T, T)>,
    #[serde(default)]
    pub note: Option<String>,
}

impl<T> Figure<T> {
    /// A figure with one value and one source, no range, no alternatives.
    pub fn new(value: T, source: &str) -> Self {
        Figure {
            value,
            sources: vec![source.to_string()],
            range: None,
            alternatives: Vec::new(),
            note: None,
        }
    }

    pub fn is_conflicting(&self) -> bool {
        !self.alternatives.is_empty()
    }

    /// Every source id cited anywhere in this figure.
    pub fn all_sources(&self) -> impl Iterator<Item = &SourceId> {
        self.sources
            .iter()
            .chain(self.alternatives.iter().flat_map(|a| a.sources.iter()))
    }
}

impl Figure<f64> {
    /// The lowest and highest value stated anywhere: default, ranges and alternatives.
    pub fn low_high(&self) -> (f64, f64) {
        let mut low = self.value;
        let mut high = self.value;
        let mut take = |v: f64| {
            low = low.min(v);
            high = high.max(v);
        };
        if let Some((a, b)) = self.range {
            take(a);
            take(b);
        }
        for alt in &self.alternatives {
            take(alt.value);
            if let Some((a, b)) = alt.range {
                take(a);
                take(b);
            }
        }
        (low, high)
    }
}

/// How open a model is, from fully open (weights, data and code) to API-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Openness {
    FullyOpen,
    OpenWeightsPermissive,
    OpenWeightsRestricted,
    ClosedApi,
}

impl Openness {
    pub const ALL: [Openness; 4] = [
        Openness::FullyOpen,
        Openness::OpenWeightsPermissive,
        Openness::OpenWeightsRestricted,
        Openness::ClosedApi,
    ];

    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Openness::FullyOpen => "fully-open",
            Openness::OpenWeightsPermissive => "open-weights-permissive",
            Openness::OpenWeightsRestricted => "open-weights-restricted",
            Openness::ClosedApi => "closed-api",
        }
    }

    /// Two-letter tag for narrow tables; readable without colour.
    pub fn short(self) -> &'static str {
        match self {
            Openness::FullyOpen => "FO",
            Openness::OpenWeightsPermissive => "OP",
            Openness::OpenWeightsRestricted => "OR",
            Openness::ClosedApi => "CL",
        }
    }

    pub fn parse(text: &str) -> Option<Openness> {
        Openness::ALL.into_iter().find(|o| o.as_str() == text)
    }

    pub fn is_open_weights(self) -> bool {
        self != Openness::ClosedApi
    }
}

/// License families that the rules and filters reason about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LicenseFamily {
    Apache2,
    Mit,
    ModifiedMit,
    Llama,
    Gemma,
    OtherOpen,
    Proprietary,
    Unknown,
}

impl LicenseFamily {
    pub const ALL: [LicenseFamily; 8] = [
        LicenseFamily::Apache2,
        LicenseFamily::Mit,
        LicenseFamily::ModifiedMit,
        LicenseFamily::Llama,
        LicenseFamily::Gemma,
        LicenseFamily::OtherOpen,
        LicenseFamily::Proprietary,
        LicenseFamily::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LicenseFamily::Apache2 => "apache-2.0",
            LicenseFamily::Mit => "mit",
            LicenseFamily::ModifiedMit => "modified-mit",
            LicenseFamily::Llama => "llama",
            LicenseFamily::Gemma => "gemma",
            LicenseFamily::OtherOpen => "other-open",
            LicenseFamily::Proprietary => "proprietary",
            LicenseFamily::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Modality {
    Text,
    Image,
    Audio,
    Video,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Text => "text",
            Modality::Image => "image",
            Modality::Audio => "audio",
            Modality::Video => "video",
        }
    }
}

/// API price in US dollars per million tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    pub input: f64,
    pub output: f64,
    /// A higher price that applies when the prompt is longer than a threshold.
    #[serde(default)]
    pub long_context: Option<LongContextPrice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LongContextPrice {
    /// Prompts longer than this many tokens pay the prices below.
    pub above_tokens: u64,
    pub input: f64,
    pub output: f64,
}

/// A short sourced statement about a model, written in our own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: String,
    pub sources: Vec<SourceId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub id: String,
    pub name: String,
    pub vendor: String,
    /// Country of the vendor, where a source states or clearly implies it.
    #[serde(default)]
    pub origin: Option<Figure<String>>,
    pub openness: Figure<Openness>,
    #[serde(default)]
    pub license: Option<Figure<String>>,
    pub license_family: LicenseFamily,
    /// `2024-07`, `2025-04`, `2026`: as precise as the source.
    #[serde(default)]
    pub release: Option<Figure<String>>,
    /// Billions of parameters.
    #[serde(default)]
    pub total_params_b: Option<Figure<f64>>,
    /// Billions of parameters active per token (mixture-of-experts); dense models leave it out.
    #[serde(default)]
    pub active_params_b: Option<Figure<f64>>,
    #[serde(default)]
    pub experts: Option<Figure<u32>>,
    /// Context window in tokens.
    #[serde(default)]
    pub context_tokens: Option<Figure<u64>>,
    /// API price ($/M) where the model is sold through an API.
    #[serde(default)]
    pub price: Option<Figure<Price>>,
    #[serde(default)]
    pub modalities: Option<Figure<Vec<Modality>>>,
    /// Benchmark name -> score (percent or 0-100 index).
    #[serde(default)]
    pub scores: BTreeMap<String, Figure<f64>>,
    /// One line, in our own words.
    pub description: String,
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Hugging Face repository of the weights (open models), e.g. `meta-llama/Llama-3.3-70B-Instruct`.
    #[serde(default)]
    pub hf_repo: Option<String>,
    /// Hugging Face downloads at the data set's snapshot date.
    #[serde(default)]
    pub downloads: Option<u64>,
    #[serde(default)]
    pub architecture: Option<Figure<Architecture>>,
    /// Ways to buy it through an API.
    #[serde(default)]
    pub offerings: Vec<Offering>,
}

impl Model {
    pub fn is_open_weights(&self) -> bool {
        self.openness.value.is_open_weights()
    }

    /// Parameters (total, active) in billions when the model can be sized for self-hosting.
    /// Dense models have active = total.
    pub fn sizing_params(&self) -> Option<(f64, f64)> {
        let total = self.total_params_b.as_ref()?.value;
        let active = self
            .active_params_b
            .as_ref()
            .map(|f| f.value)
            .unwrap_or(total);
        Some((total, active))
    }

    pub fn can_self_host(&self) -> bool {
        self.is_open_weights() && self.sizing_params().is_some()
    }

    pub fn origin_name(&self) -> Option<&str> {
        self.origin.as_ref().map(|f| f.value.as_str())
    }

    pub fn has_modality(&self, modality: Modality) -> bool {
        self.modalities
            .as_ref()
            .is_some_and(|m| m.value.contains(&modality))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gpu {
    pub id: String,
    pub name: String,
    pub vendor: String,
    pub memory_gb: Figure<f64>,
    /// Dense BF16 tensor throughput, TFLOPS.
    pub bf16_tflops: Figure<f64>,
    /// Memory bandwidth, TB/s.
    #[serde(default)]
    pub memory_bandwidth_tb_s: Option<Figure<f64>>,
    /// Dense FP8 tensor throughput, TFLOPS; absent where the GPU has no FP8 units.
    #[serde(default)]
    pub fp8_tflops: Option<Figure<f64>>,
    /// Dense INT8 tensor throughput, TOPS.
    #[serde(default)]
    pub int8_tops: Option<Figure<f64>>,
    /// Dense FP4 (NVFP4, MXFP4) tensor throughput, TFLOPS; Blackwell and later.
    #[serde(default)]
    pub fp4_tflops: Option<Figure<f64>>,
    /// Board power, watts.
    pub power_w: Figure<f64>,
    /// Purchase price per GPU, US dollars.
    #[serde(default)]
    pub purchase_usd: Option<Figure<f64>>,
    /// Rental price per GPU-hour, US dollars.
    #[serde(default)]
    pub rent_usd_per_hour: Option<Figure<f64>>,
    /// Individual rental offers behind the price (provider, region, date).
    #[serde(default)]
    pub rent_offers: Vec<RentOffer>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// The whole database: what the embedded files (and the user's overlay) describe.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    pub sources: Vec<Source>,
    pub models: Vec<Model>,
    pub gpus: Vec<Gpu>,
}

impl Catalog {
    pub fn model(&self, id: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.id == id)
    }

    pub fn gpu(&self, id: &str) -> Option<&Gpu> {
        self.gpus.iter().find(|g| g.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// How old the API prices are: "prices as of 2026-07-02 models.dev, 2026-09 LiteLLM",
    /// from the dates of the price data sets; `None` when no price data set is cited.
    pub fn prices_as_of(&self) -> Option<String> {
        let dated: Vec<String> = [("models-dev", "models.dev"), ("litellm", "LiteLLM")]
            .iter()
            .filter_map(|(id, name)| self.source(id).map(|s| format!("{} {name}", s.date)))
            .collect();
        (!dated.is_empty()).then(|| format!("prices as of {}", dated.join(", ")))
    }
}

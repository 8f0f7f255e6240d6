//! JSON of a model's architecture and offerings in `tierwise models --format json`.

use crate::domain::catalog::{Architecture, Offering};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ArchitectureJson {
    pub layers: u32,
    pub attention_heads: u32,
    pub kv_heads: u32,
    pub head_dim: u32,
    pub hidden_size: u32,
    /// `full`, `sliding-window`, `linear` or `mla`.
    pub attention: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kv_lora_rank: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qk_rope_head_dim: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sliding_window: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sliding_layers: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linear_layers: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experts: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_experts: Option<u32>,
}

impl From<&Architecture> for ArchitectureJson {
    fn from(a: &Architecture) -> Self {
        ArchitectureJson {
            layers: a.layers,
            attention_heads: a.attention_heads,
            kv_heads: a.kv_heads,
            head_dim: a.head_dim,
            hidden_size: a.hidden_size,
            attention: a.attention.as_str(),
            kv_lora_rank: a.kv_lora_rank,
            qk_rope_head_dim: a.qk_rope_head_dim,
            sliding_window: a.sliding_window,
            sliding_layers: a.sliding_layers,
            linear_layers: a.linear_layers,
            experts: a.experts,
            active_experts: a.active_experts,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct LongContextJson {
    pub above_tokens: u64,
    pub input_usd_per_million: f64,
    pub output_usd_per_million: f64,
}

#[derive(Debug, Serialize)]
pub struct BatchJson {
    pub input_usd_per_million: f64,
    pub output_usd_per_million: f64,
}

/// A price another source states for the same offering.
#[derive(Debug, Serialize)]
pub struct PriceAlternativeJson {
    pub input_usd_per_million: f64,
    pub output_usd_per_million: f64,
    pub sources: Vec<String>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct OfferingJson {
    /// `model@provider`, with `.region` where the provider sells per region.
    pub id: String,
    pub provider: String,
    pub provider_name: String,
    /// `first-party`, `cloud` or `host`.
    pub kind: &'static str,
    pub region: Option<String>,
    pub input_usd_per_million: f64,
    pub output_usd_per_million: f64,
    pub cache_read_usd_per_million: Option<f64>,
    pub long_context: Option<LongContextJson>,
    pub batch: Option<BatchJson>,
    pub sources: Vec<String>,
    pub as_of: String,
    /// Other sources' prices for this offering, where they disagree.
    pub price_alternatives: Vec<PriceAlternativeJson>,
    pub context_tokens: Option<u64>,
    pub max_output_tokens: Option<u64>,
    pub deprecation: Option<String>,
}

impl From<&Offering> for OfferingJson {
    fn from(o: &Offering) -> Self {
        let p = &o.price.value;
        OfferingJson {
            id: o.id.clone(),
            provider: o.provider.clone(),
            provider_name: o.provider_name.clone(),
            kind: o.kind.as_str(),
            region: o.region.clone(),
            input_usd_per_million: p.input,
            output_usd_per_million: p.output,
            cache_read_usd_per_million: o.cache_read,
            long_context: p.long_context.as_ref().map(|l| LongContextJson {
                above_tokens: l.above_tokens,
                input_usd_per_million: l.input,
                output_usd_per_million: l.output,
            }),
            batch: o.batch.as_ref().map(|b| BatchJson {
                input_usd_per_million: b.input,
                output_usd_per_million: b.output,
            }),
            sources: o.price.sources.clone(),
            as_of: o.as_of.clone(),
            price_alternatives: o
                .price
                .alternatives
                .iter()
                .map(|a| PriceAlternativeJson {
                    input_usd_per_million: a.value.input,
                    output_usd_per_million: a.value.output,
                    sources: a.sources.clone(),
                    note: a.note.clone(),
                })
                .collect(),
            context_tokens: o.context_tokens,
            max_output_tokens: o.max_output_tokens,
            deprecation: o.deprecation.clone(),
        }
    }
}

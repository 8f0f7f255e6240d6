//! A model's shape as its published `config.json` gives it: what the throughput and memory
//! estimates of self-hosting need (layers, heads, the kind of attention and its KV cache).

use serde::{Deserialize, Serialize};

/// How attention keeps its per-token state, which decides the KV cache's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttentionKind {
    /// Every layer attends to the whole sequence and caches keys and values for each token.
    Full,
    /// Some layers attend only to the last `sliding_window` tokens (the rest are full).
    SlidingWindow,
    /// Some layers keep a fixed-size recurrent state instead of a cache (the rest are full).
    Linear,
    /// Multi-head latent attention (DeepSeek, Kimi): one compressed latent per token and layer.
    Mla,
}

impl AttentionKind {
    pub const ALL: [AttentionKind; 4] = [
        AttentionKind::Full,
        AttentionKind::SlidingWindow,
        AttentionKind::Linear,
        AttentionKind::Mla,
    ];

    /// The name used in JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            AttentionKind::Full => "full",
            AttentionKind::SlidingWindow => "sliding-window",
            AttentionKind::Linear => "linear",
            AttentionKind::Mla => "mla",
        }
    }
}

/// The transformer's dimensions. Counts are per model (not per GPU).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Architecture {
    /// Transformer blocks (`num_hidden_layers`).
    pub layers: u32,
    pub attention_heads: u32,
    /// Key/value heads (grouped-query attention); equals `attention_heads` for plain MHA.
    pub kv_heads: u32,
    pub head_dim: u32,
    pub hidden_size: u32,
    pub attention: AttentionKind,
    /// MLA only: width of the compressed key/value latent cached per token and layer.
    #[serde(default)]
    pub kv_lora_rank: Option<u32>,
    /// MLA only: width of the rotary part of the key, cached beside the latent.
    #[serde(default)]
    pub qk_rope_head_dim: Option<u32>,
    /// Sliding-window models: tokens a sliding layer attends to.
    #[serde(default)]
    pub sliding_window: Option<u32>,
    /// Sliding-window models: how many of `layers` are sliding (the rest are full).
    #[serde(default)]
    pub sliding_layers: Option<u32>,
    /// Hybrid linear-attention models: how many of `layers` keep a constant state.
    #[serde(default)]
    pub linear_layers: Option<u32>,
    /// Mixture of experts: routed experts per layer, and how many each token uses.
    #[serde(default)]
    pub experts: Option<u32>,
    #[serde(default)]
    pub active_experts: Option<u32>,
}

impl Architecture {
    /// A dense model whose every layer attends to the whole sequence (Llama, Qwen dense, ...).
    pub fn full_attention(
        layers: u32,
        attention_heads: u32,
        kv_heads: u32,
        head_dim: u32,
        hidden_size: u32,
    ) -> Architecture {
        Architecture {
            layers,
            attention_heads,
            kv_heads,
            head_dim,
            hidden_size,
            attention: AttentionKind::Full,
            kv_lora_rank: None,
            qk_rope_head_dim: None,
            sliding_window: None,
            sliding_layers: None,
            linear_layers: None,
            experts: None,
            active_experts: None,
        }
    }
}

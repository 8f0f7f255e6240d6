//! NVIDIA aiconfigurator's verbatim Hugging Face configs with their per-token KV-cache summary:
//! the authoritative architecture where one exists.

use super::{ImportProblem, files::AIC_MODELS};
use crate::domain::catalog::{Architecture, AttentionKind};
use serde_json::Value;

/// The architecture of one repository, as its config gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigEntry {
    pub repo: String,
    pub architecture: Architecture,
    pub context: Option<u64>,
    /// aiconfigurator's own caveat (compressed or hybrid attention estimated as full).
    pub note: Option<String>,
}

/// The snapshot's commit, for the source entry.
pub fn commit(text: &str) -> Option<String> {
    let v: Value = serde_json::from_str(text).ok()?;
    v.pointer("/meta/commit")
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// Verbatim configs may hold Python's `Infinity`, `-Infinity` and `NaN`, which JSON does not
/// allow: outside strings they become `null` (no field read here uses them).
pub fn without_non_finite(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut replaced = 0;
    let mut in_string = false;
    let mut escaped = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if c == '"' {
            in_string = true;
        }
        let word = ["-Infinity", "Infinity", "NaN"]
            .into_iter()
            .find(|w| rest.starts_with(w));
        if let Some(w) = word {
            out.push_str("null");
            replaced += 1;
            rest = &rest[w.len()..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    (out, replaced)
}

pub fn parse(text: &str) -> (Vec<ConfigEntry>, Vec<ImportProblem>) {
    let mut problems = Vec::new();
    let (text, replaced) = without_non_finite(text);
    if replaced > 0 {
        problems.push(ImportProblem::new(
            AIC_MODELS,
            "(values)",
            format!("{replaced} non-JSON Infinity/NaN value(s) read as null"),
        ));
    }
    let root: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            problems.push(ImportProblem::new(
                AIC_MODELS,
                "(root)",
                format!("does not parse: {e}"),
            ));
            return (Vec::new(), problems);
        }
    };
    let Some(models) = root.get("models").and_then(Value::as_object) else {
        problems.push(ImportProblem::new(
            AIC_MODELS,
            "(root)",
            "missing field `models`",
        ));
        return (Vec::new(), problems);
    };
    let mut out = Vec::new();
    for (repo, v) in models {
        match entry(repo, v) {
            Ok(e) => out.push(e),
            Err(message) => problems.push(ImportProblem::new(AIC_MODELS, repo, message)),
        }
    }
    (out, problems)
}

fn entry(repo: &str, v: &Value) -> Result<ConfigEntry, String> {
    let config = v.get("config").ok_or("missing field `config`")?;
    let kv = v
        .get("kv_cache")
        .filter(|k| !k.is_null())
        .ok_or("no `kv_cache` summary; its attention layout is not known")?;
    // Multimodal configs nest the language model under `text_config`.
    let text_config = config.get("text_config");
    let get = |field: &str| -> Option<u64> {
        config.get(field).and_then(Value::as_u64).or_else(|| {
            text_config
                .and_then(|t| t.get(field))
                .and_then(Value::as_u64)
        })
    };
    let small = |n: Option<u64>| n.and_then(|n| u32::try_from(n).ok()).filter(|&n| n > 0);
    let need = |name: &str, n: Option<u32>| n.ok_or(format!("missing field `{name}`"));
    let layers = need(
        "kv_cache.layers",
        small(kv.get("layers").and_then(Value::as_u64)),
    )?;
    let attention_heads = need("num_attention_heads", small(get("num_attention_heads")))?;
    let hidden_size = need("hidden_size", small(get("hidden_size")))?;
    let kv_u32 = |f: &str| small(kv.get(f).and_then(Value::as_u64));
    let experts = small(get("n_routed_experts"))
        .or(small(get("num_local_experts")))
        .or(small(get("num_experts")));
    let active_experts = experts.and(small(get("num_experts_per_tok")));
    let mla = kv.get("attention").and_then(Value::as_str) == Some("MLA");
    let architecture = if mla {
        let rope = need("qk_rope_head_dim", small(get("qk_rope_head_dim")))?;
        let nope = small(get("qk_nope_head_dim")).unwrap_or(0);
        Architecture {
            layers,
            attention_heads,
            kv_heads: small(get("num_key_value_heads")).unwrap_or(attention_heads),
            head_dim: small(get("head_dim")).unwrap_or(nope + rope),
            hidden_size,
            attention: AttentionKind::Mla,
            kv_lora_rank: Some(need("kv_lora_rank", small(get("kv_lora_rank")))?),
            qk_rope_head_dim: Some(rope),
            sliding_window: None,
            sliding_layers: None,
            linear_layers: None,
            experts,
            active_experts,
        }
    } else {
        // aiconfigurator's summary counts every layer as full for two layouts its configs spell
        // out: MiMo-V2's `hybrid_layer_pattern` (1 = a sliding-window layer), and Llama 4's
        // 8,192-token chunks in three layers of four (every fourth layer is global, the default
        // of its config's `no_rope_layers`). A chunk holds at most its size in KV, as a sliding
        // window of that size does, so it is read as one.
        let pattern = config
            .get("hybrid_layer_pattern")
            .or_else(|| text_config.and_then(|t| t.get("hybrid_layer_pattern")))
            .and_then(Value::as_array)
            .map(|p| p.iter().filter(|v| v.as_u64() == Some(1)).count() as u32)
            .filter(|&n| n > 0 && n < layers);
        let chunk = small(get("attention_chunk_size"));
        let chunked = pattern.or(chunk.map(|_| layers - layers / 4));
        let sliding = kv_u32("sliding_attention_layers").or(chunked);
        let window = kv_u32("sliding_window").or(chunk);
        let linear = kv_u32("linear_attention_layers");
        let attention = if linear.is_some() {
            AttentionKind::Linear
        } else if sliding.is_some() {
            AttentionKind::SlidingWindow
        } else {
            AttentionKind::Full
        };
        Architecture {
            layers,
            attention_heads,
            kv_heads: need(
                "kv_cache.num_key_value_heads",
                kv_u32("num_key_value_heads"),
            )?,
            head_dim: need("kv_cache.head_dim", kv_u32("head_dim"))?,
            hidden_size,
            attention,
            kv_lora_rank: None,
            qk_rope_head_dim: None,
            sliding_window: sliding.and(window),
            sliding_layers: sliding,
            linear_layers: linear,
            experts,
            active_experts,
        }
    };
    let note = kv
        .get("note")
        .and_then(Value::as_str)
        .map(|_| "aiconfigurator notes compressed or hybrid attention here; its KV estimate treats every layer as full, an upper bound.".to_string());
    Ok(ConfigEntry {
        repo: repo.to_string(),
        architecture,
        context: get("max_position_embeddings").filter(|&c| c > 0),
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mla_sliding_linear_and_missing_summaries() {
        let text = r#"{"meta": {"commit": "abc"}, "models": {
          "d/MLA": {"kv_cache": {"attention": "MLA", "layers": 61},
                    "config": {"num_attention_heads": 128, "hidden_size": 7168,
                               "num_key_value_heads": 128, "kv_lora_rank": 512,
                               "qk_rope_head_dim": 64, "qk_nope_head_dim": 128,
                               "n_routed_experts": 256, "num_experts_per_tok": 8,
                               "max_position_embeddings": 163840}},
          "o/Sliding": {"kv_cache": {"attention": "GQA/MHA", "layers": 36,
                        "sliding_attention_layers": 18, "linear_attention_layers": 0,
                        "sliding_window": 128, "num_key_value_heads": 8, "head_dim": 64},
                        "config": {"text_config": {"num_attention_heads": 64, "hidden_size": 2880}}},
          "q/Linear": {"kv_cache": {"attention": "GQA/MHA", "layers": 48,
                       "sliding_attention_layers": 0, "linear_attention_layers": 36,
                       "sliding_window": null, "num_key_value_heads": 2, "head_dim": 256},
                       "config": {"num_attention_heads": 32, "hidden_size": 3072}},
          "n/Unknown": {"kv_cache": null, "config": {}}
        }}"#;
        assert_eq!(commit(text).as_deref(), Some("abc"));
        let (entries, problems) = parse(text);
        assert_eq!(entries.len(), 3);
        let mla = &entries[0].architecture;
        assert_eq!(mla.attention, AttentionKind::Mla);
        assert_eq!(
            (mla.kv_lora_rank, mla.qk_rope_head_dim, mla.head_dim),
            (Some(512), Some(64), 192)
        );
        assert_eq!((mla.experts, mla.active_experts), (Some(256), Some(8)));
        assert_eq!(entries[0].context, Some(163_840));
        let sliding = &entries[1].architecture;
        assert_eq!(sliding.attention, AttentionKind::SlidingWindow);
        assert_eq!(
            (sliding.sliding_layers, sliding.sliding_window),
            (Some(18), Some(128))
        );
        assert_eq!(sliding.hidden_size, 2880, "read from text_config");
        let linear = &entries[2].architecture;
        assert_eq!(
            (linear.attention, linear.linear_layers),
            (AttentionKind::Linear, Some(36))
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].key, "n/Unknown");
    }

    #[test]
    fn llama_4_chunks_read_as_sliding_windows_in_three_layers_of_four() {
        let text = r#"{"meta": {"commit": "abc"}, "models": {
          "m/Llama-4": {"kv_cache": {"attention": "GQA/MHA", "layers": 48,
                        "sliding_attention_layers": 0, "linear_attention_layers": 0,
                        "sliding_window": null, "num_key_value_heads": 8, "head_dim": 128},
                        "config": {"text_config": {"num_attention_heads": 40,
                                   "hidden_size": 5120, "attention_chunk_size": 8192}}}
        }}"#;
        let (entries, problems) = parse(text);
        assert!(problems.is_empty(), "{problems:?}");
        let a = &entries[0].architecture;
        assert_eq!(a.attention, AttentionKind::SlidingWindow);
        assert_eq!((a.sliding_layers, a.sliding_window), (Some(36), Some(8192)));
    }

    #[test]
    fn a_hybrid_layer_pattern_counts_its_sliding_layers() {
        let text = r#"{"meta": {"commit": "abc"}, "models": {
          "x/MiMo": {"kv_cache": {"attention": "GQA/MHA", "layers": 6,
                     "sliding_attention_layers": 0, "sliding_window": 128,
                     "num_key_value_heads": 4, "head_dim": 192},
                     "config": {"num_attention_heads": 64, "hidden_size": 4096,
                                "attention_chunk_size": 128,
                                "hybrid_layer_pattern": [0, 1, 1, 1, 1, 0]}}
        }}"#;
        let (entries, _) = parse(text);
        let a = &entries[0].architecture;
        assert_eq!((a.sliding_layers, a.sliding_window), (Some(4), Some(128)));
    }

    #[test]
    fn python_infinity_is_read_as_null_outside_strings() {
        let (text, n) = without_non_finite(
            r#"{"a": [0.0, Infinity, -Infinity], "b": "NaN \" Infinity", "c": NaN}"#,
        );
        assert_eq!(n, 3);
        assert_eq!(
            text,
            r#"{"a": [0.0, null, null], "b": "NaN \" Infinity", "c": null}"#
        );
    }
}

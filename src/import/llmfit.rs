//! llmfit's Hugging Face catalogue: one row per repository with parameters, context, license,
//! architecture and downloads.

use super::{ImportProblem, files::LLMFIT};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// One repository row, with the checks applied.
#[derive(Debug, Clone, PartialEq)]
pub struct HfRow {
    /// `org/name`.
    pub repo: String,
    /// llmfit's display name of the publisher (`Meta`, `DeepSeek`, ...).
    pub publisher: String,
    /// Billions of parameters; unknown below a million (llmfit writes 2 for "unknown").
    pub params_b: Option<f64>,
    pub active_params_b: Option<f64>,
    pub experts: Option<u32>,
    pub active_experts: Option<u32>,
    /// Context window; `None` when it is llmfit's 4,096 fallback for a gated repository.
    pub context: Option<u64>,
    pub license: Option<String>,
    pub release: Option<String>,
    pub downloads: u64,
    pub pipeline: String,
    /// `model_type` of the config (`llama`, `qwen3`, ...).
    pub model_type: String,
    pub layers: Option<u32>,
    pub attention_heads: Option<u32>,
    pub kv_heads: Option<u32>,
    pub head_dim: Option<u32>,
    pub hidden_size: Option<u32>,
}

impl HfRow {
    pub fn basename(&self) -> &str {
        self.repo.rsplit('/').next().unwrap_or(&self.repo)
    }

    pub fn org(&self) -> &str {
        self.repo.split('/').next().unwrap_or("")
    }

    /// All five dimensions known.
    pub fn has_dimensions(&self) -> bool {
        self.layers.is_some()
            && self.attention_heads.is_some()
            && self.kv_heads.is_some()
            && self.head_dim.is_some()
            && self.hidden_size.is_some()
    }
}

/// Fields of the schema (llmfit-core 1.1.18); anything else is reported once per name.
const KNOWN: [&str; 35] = [
    "name",
    "provider",
    "parameter_count",
    "parameters_raw",
    "min_ram_gb",
    "recommended_ram_gb",
    "min_vram_gb",
    "quantization",
    "format",
    "context_length",
    "use_case",
    "capabilities",
    "pipeline_tag",
    "architecture",
    "hf_downloads",
    "hf_likes",
    "release_date",
    "num_hidden_layers",
    "num_attention_heads",
    "num_key_value_heads",
    "head_dim",
    "hidden_size",
    "vocab_size",
    "moe_intermediate_size",
    "shared_expert_intermediate_size",
    "_discovered",
    "license",
    "languages",
    "is_moe",
    "num_experts",
    "active_experts",
    "active_parameters",
    "gguf_sources",
    "_revalidated",
    "_audio_rtf_gpu",
];

/// llmfit's context length when a gated repository's config could not be read.
pub const FALLBACK_CONTEXT: u64 = 4_096;

pub fn parse(text: &str) -> (Vec<HfRow>, Vec<ImportProblem>) {
    let mut problems = Vec::new();
    let list = match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(list)) => list,
        Ok(_) => {
            problems.push(ImportProblem::new(LLMFIT, "(root)", "is not a JSON array"));
            return (Vec::new(), problems);
        }
        Err(e) => {
            problems.push(ImportProblem::new(
                LLMFIT,
                "(root)",
                format!("does not parse: {e}"),
            ));
            return (Vec::new(), problems);
        }
    };
    let mut rows: BTreeMap<String, HfRow> = BTreeMap::new();
    let mut unknown: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for (i, v) in list.iter().enumerate() {
        let Some(repo) = v
            .get("name")
            .and_then(Value::as_str)
            .filter(|n| n.contains('/'))
        else {
            problems.push(ImportProblem::new(
                LLMFIT,
                format!("[{i}]"),
                "missing field `name` (an `org/name` repository)",
            ));
            continue;
        };
        if let Some(obj) = v.as_object() {
            for field in obj
                .keys()
                .filter(|k| !KNOWN.contains(&k.as_str()) && !k.starts_with("_audio"))
            {
                let e = unknown
                    .entry(field.clone())
                    .or_insert((repo.to_string(), 0));
                e.1 += 1;
            }
        }
        if rows.contains_key(repo) {
            problems.push(ImportProblem::new(
                LLMFIT,
                repo,
                "duplicate repository; the first row is kept",
            ));
            continue;
        }
        rows.insert(repo.to_string(), row(repo, v));
    }
    for (field, (first, n)) in unknown {
        problems.push(ImportProblem::new(
            LLMFIT,
            first,
            format!("unknown field `{field}` (in {n} rows), ignored"),
        ));
    }
    (rows.into_values().collect(), problems)
}

fn row(repo: &str, v: &Value) -> HfRow {
    let u32_of = |f: &str| {
        v.get(f)
            .and_then(Value::as_u64)
            .filter(|&n| n > 0)
            .and_then(|n| u32::try_from(n).ok())
    };
    let text = |f: &str| {
        v.get(f)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let billions = |f: &str| {
        v.get(f)
            .and_then(Value::as_f64)
            .filter(|&n| n.is_finite() && n >= 1e6)
            .map(|n| (n / 1e9 * 1000.0).round() / 1000.0)
    };
    let layers = u32_of("num_hidden_layers");
    let raw_context = v
        .get("context_length")
        .and_then(Value::as_u64)
        .filter(|&n| n > 0);
    // A gated repository (no architecture read) reports the fallback, not a fact.
    let context = raw_context.filter(|&c| !(c == FALLBACK_CONTEXT && layers.is_none()));
    let is_moe = v.get("is_moe").and_then(Value::as_bool).unwrap_or(false);
    HfRow {
        repo: repo.to_string(),
        publisher: text("provider").unwrap_or_else(|| repo.split('/').next().unwrap_or("").into()),
        params_b: billions("parameters_raw"),
        active_params_b: if is_moe {
            billions("active_parameters")
        } else {
            None
        },
        experts: if is_moe { u32_of("num_experts") } else { None },
        active_experts: if is_moe {
            u32_of("active_experts")
        } else {
            None
        },
        context,
        license: text("license"),
        release: text("release_date"),
        downloads: v.get("hf_downloads").and_then(Value::as_u64).unwrap_or(0),
        pipeline: text("pipeline_tag").unwrap_or_else(|| "unknown".into()),
        model_type: text("architecture").unwrap_or_else(|| "unknown".into()),
        layers,
        attention_heads: u32_of("num_attention_heads"),
        kv_heads: u32_of("num_key_value_heads"),
        head_dim: u32_of("head_dim"),
        hidden_size: u32_of("hidden_size"),
    }
}

/// Model types whose every layer attends to the whole sequence, so llmfit's dimensions alone
/// describe the KV cache. Families with sliding-window, chunked, linear or latent (MLA)
/// attention are left out: their architecture comes only from a verbatim config.
pub const FULL_ATTENTION_TYPES: [&str; 22] = [
    "llama",
    "qwen2",
    "qwen3",
    "qwen3_moe",
    "mistral",
    "mistral3",
    "mixtral",
    "granite",
    "granitemoe",
    "qwen2_vl",
    "qwen2_5_vl",
    "qwen3_vl",
    "qwen3_vl_moe",
    "gpt_neox",
    "gpt2",
    "glm4_moe",
    "glm4",
    "internlm2",
    "smollm3",
    "apertus",
    "llava",
    "exaone",
];

pub fn full_attention_types() -> BTreeSet<&'static str> {
    FULL_ATTENTION_TYPES.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_fallback_context_duplicates_and_unknown_fields() {
        let text = r#"[
          {"name": "meta-llama/Llama-3.3-70B-Instruct", "provider": "Meta",
           "parameters_raw": 70553706496, "context_length": 4096, "license": "llama3.3",
           "hf_downloads": 5, "num_hidden_layers": null, "architecture": "llama"},
          {"name": "acme/Tiny", "parameters_raw": 2, "context_length": 4096,
           "num_hidden_layers": 2, "num_attention_heads": 2, "num_key_value_heads": 2,
           "head_dim": 8, "hidden_size": 16, "shiny": 1},
          {"name": "acme/Tiny", "parameters_raw": 5},
          {"provider": "nobody"},
          {"name": "acme/Moe", "parameters_raw": 3e10, "is_moe": true,
           "active_parameters": 3e9, "num_experts": 64, "active_experts": 8}
        ]"#;
        let (rows, problems) = parse(text);
        assert_eq!(rows.len(), 3);
        let llama = rows.iter().find(|r| r.repo.starts_with("meta")).unwrap();
        assert_eq!(
            llama.context, None,
            "4,096 without an architecture is llmfit's fallback"
        );
        assert_eq!(llama.params_b, Some(70.554));
        let tiny = rows.iter().find(|r| r.repo == "acme/Tiny").unwrap();
        assert_eq!(tiny.params_b, None, "2 parameters is not a count");
        assert_eq!(
            tiny.context,
            Some(4096),
            "with an architecture read, 4,096 is a fact"
        );
        assert!(tiny.has_dimensions());
        let moe = rows.iter().find(|r| r.repo == "acme/Moe").unwrap();
        assert_eq!((moe.active_params_b, moe.experts), (Some(3.0), Some(64)));
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].contains("acme/Tiny: duplicate"));
        assert!(messages[1].contains("[3]: missing field `name`"));
        assert!(messages[2].contains("unknown field `shiny`"));
    }
}

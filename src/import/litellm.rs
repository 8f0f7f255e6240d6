//! LiteLLM's price map: key -> entry, prices in US dollars **per token**. Converted to $/M here,
//! and refused when the result is not a plausible per-million price.

use super::{ImportProblem, check_price, files::LITELLM};
use crate::domain::catalog::{BatchPrice, LongContextPrice};
use serde_json::{Map, Value};

/// One chat-model entry, prices in $/M.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceEntry {
    pub key: String,
    /// LiteLLM's provider name (`bedrock`, `together_ai`, ...).
    pub provider: String,
    pub input: f64,
    pub output: f64,
    pub cache_read: Option<f64>,
    pub batch: Option<BatchPrice>,
    pub long_context: Option<LongContextPrice>,
    pub max_input_tokens: Option<u64>,
    pub max_output_tokens: Option<u64>,
    pub deprecation: Option<String>,
    /// The price page LiteLLM cites.
    pub source_url: Option<String>,
}

/// Long-context tiers LiteLLM spells as key suffixes, lowest threshold first.
const TIERS: [(&str, u64); 4] = [
    ("128k", 128_000),
    ("200k", 200_000),
    ("256k", 256_000),
    ("272k", 272_000),
];

/// The chat entries with a price, sorted by key. Other modes (embedding, image, audio) are not
/// token-priced chat and are left out silently; a chat entry with a bad price is reported.
pub fn parse(text: &str) -> (Vec<PriceEntry>, Vec<ImportProblem>) {
    let mut problems = Vec::new();
    let root: Map<String, Value> = match serde_json::from_str(text) {
        Ok(Value::Object(map)) => map,
        Ok(_) => {
            problems.push(ImportProblem::new(
                LITELLM,
                "(root)",
                "is not a JSON object",
            ));
            return (Vec::new(), problems);
        }
        Err(e) => {
            problems.push(ImportProblem::new(
                LITELLM,
                "(root)",
                format!("does not parse: {e}"),
            ));
            return (Vec::new(), problems);
        }
    };
    let mut entries = Vec::new();
    for (key, v) in &root {
        if key == "sample_spec" || v.get("mode").and_then(Value::as_str) != Some("chat") {
            continue;
        }
        match entry(key, v) {
            Ok(Some(e)) => entries.push(e),
            Ok(None) => {}
            Err(message) => problems.push(ImportProblem::new(LITELLM, key, message)),
        }
    }
    (entries, problems)
}

/// A per-token field as $/M, checked.
fn per_million(v: &Value, field: &str) -> Result<Option<f64>, String> {
    match v.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(x) => {
            let n = x
                .as_f64()
                .ok_or_else(|| format!("`{field}` is {x}, not a number"))?;
            // Rounded to 1e-9 $/M so 5e-06 * 1e6 prints as 5, not 4.999999999999999.
            let m = (n * 1e6 * 1e9).round() / 1e9;
            check_price(m)
                .map(Some)
                .map_err(|e| format!("`{field}`: {e}"))
        }
    }
}

fn entry(key: &str, v: &Value) -> Result<Option<PriceEntry>, String> {
    let provider = v
        .get("litellm_provider")
        .and_then(Value::as_str)
        .ok_or("missing field `litellm_provider`")?;
    let (Some(input), Some(output)) = (
        per_million(v, "input_cost_per_token")?,
        per_million(v, "output_cost_per_token")?,
    ) else {
        // Priced per second, per image or not at all: not a token price.
        return Ok(None);
    };
    let batch = match (
        per_million(v, "input_cost_per_token_batches")?,
        per_million(v, "output_cost_per_token_batches")?,
    ) {
        (Some(input), Some(output)) => Some(BatchPrice { input, output }),
        _ => None,
    };
    let mut long_context = None;
    for (suffix, above) in TIERS {
        let i = per_million(v, &format!("input_cost_per_token_above_{suffix}_tokens"))?;
        let o = per_million(v, &format!("output_cost_per_token_above_{suffix}_tokens"))?;
        if let (Some(input), Some(output)) = (i, o) {
            long_context = Some(LongContextPrice {
                above_tokens: above,
                input,
                output,
            });
            break;
        }
    }
    let count = |f: &str| v.get(f).and_then(Value::as_u64).filter(|&n| n > 0);
    let text = |f: &str| {
        v.get(f)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    Ok(Some(PriceEntry {
        key: key.to_string(),
        provider: provider.to_string(),
        input,
        output,
        cache_read: per_million(v, "cache_read_input_token_cost")?,
        batch,
        long_context,
        max_input_tokens: count("max_input_tokens"),
        max_output_tokens: count("max_output_tokens"),
        deprecation: text("deprecation_date"),
        source_url: text("source"),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_token_prices_become_per_million_and_bad_units_are_refused() {
        let text = r#"{
          "sample_spec": {"mode": "chat"},
          "acme/good": {"litellm_provider": "acme", "mode": "chat",
             "input_cost_per_token": 5e-06, "output_cost_per_token": 2.5e-05,
             "input_cost_per_token_batches": 2.5e-06, "output_cost_per_token_batches": 1.25e-05,
             "input_cost_per_token_above_200k_tokens": 1e-05,
             "output_cost_per_token_above_200k_tokens": 3.75e-05,
             "cache_read_input_token_cost": 5e-07, "max_input_tokens": 1000000,
             "deprecation_date": "2027-01-01", "source": "https://example.com/pricing"},
          "acme/free": {"litellm_provider": "acme", "mode": "chat",
             "input_cost_per_token": 0, "output_cost_per_token": 0},
          "acme/permillion": {"litellm_provider": "acme", "mode": "chat",
             "input_cost_per_token": 5.0, "output_cost_per_token": 25.0},
          "acme/tiny": {"litellm_provider": "acme", "mode": "chat",
             "input_cost_per_token": 1e-13, "output_cost_per_token": 1e-06},
          "acme/noprovider": {"mode": "chat", "input_cost_per_token": 1e-06},
          "acme/embed": {"litellm_provider": "acme", "mode": "embedding",
             "input_cost_per_token": 5.0}
        }"#;
        let (entries, problems) = parse(text);
        assert_eq!(entries.len(), 2);
        let good = &entries[1];
        assert_eq!(good.key, "acme/good");
        assert_eq!((good.input, good.output), (5.0, 25.0));
        assert_eq!(
            good.batch,
            Some(BatchPrice {
                input: 2.5,
                output: 12.5
            })
        );
        assert_eq!(good.long_context.as_ref().unwrap().above_tokens, 200_000);
        assert_eq!(good.cache_read, Some(0.5));
        assert_eq!(entries[0].input, 0.0, "0 is free, not unknown");
        let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["acme/noprovider", "acme/permillion", "acme/tiny"]);
        assert!(problems[1].message.contains("input_cost_per_token"));
        assert!(problems[1].message.contains("above"));
        assert!(problems[2].message.contains("below"));
    }
}

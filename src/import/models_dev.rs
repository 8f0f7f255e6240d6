//! models.dev's `api.json`: provider id -> {name, models: {model id -> model}}, prices in $/M.

use super::{ImportProblem, check_price, files::MODELS_DEV};
use crate::domain::catalog::{LongContextPrice, Modality};
use serde_json::{Map, Value};

/// One provider x model row with a per-token price.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiRow {
    pub provider: String,
    pub provider_name: String,
    /// The model's id as this provider writes it.
    pub key: String,
    pub name: String,
    pub open_weights: bool,
    pub release: Option<String>,
    pub context: Option<u64>,
    pub max_output: Option<u64>,
    pub price: Option<RowPrice>,
    pub modalities: Vec<Modality>,
    pub deprecated: bool,
}

/// Prices in $/M; 0 means free.
#[derive(Debug, Clone, PartialEq)]
pub struct RowPrice {
    pub input: f64,
    pub output: f64,
    pub cache_read: Option<f64>,
    pub long_context: Option<LongContextPrice>,
}

/// Every row, sorted by provider and key; rows with unusable fields are reported and skipped.
pub fn parse(text: &str) -> (Vec<ApiRow>, Vec<ImportProblem>) {
    let mut problems = Vec::new();
    let root: Map<String, Value> = match serde_json::from_str(text) {
        Ok(Value::Object(map)) => map,
        Ok(_) => {
            problems.push(ImportProblem::new(
                MODELS_DEV,
                "(root)",
                "is not a JSON object",
            ));
            return (Vec::new(), problems);
        }
        Err(e) => {
            problems.push(ImportProblem::new(
                MODELS_DEV,
                "(root)",
                format!("does not parse: {e}"),
            ));
            return (Vec::new(), problems);
        }
    };
    let mut rows = Vec::new();
    for (provider_id, provider) in &root {
        let Some(models) = provider.get("models").and_then(Value::as_object) else {
            problems.push(ImportProblem::new(
                MODELS_DEV,
                provider_id,
                "has no `models` object",
            ));
            continue;
        };
        let provider_name = provider
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or(provider_id)
            .to_string();
        for (key, model) in models {
            let here = format!("{provider_id}/{key}");
            match row(provider_id, &provider_name, key, model) {
                Ok(r) => rows.push(r),
                Err(message) => problems.push(ImportProblem::new(MODELS_DEV, here, message)),
            }
        }
    }
    rows.sort_by(|a, b| (&a.provider, &a.key).cmp(&(&b.provider, &b.key)));
    (rows, problems)
}

fn row(provider: &str, provider_name: &str, key: &str, m: &Value) -> Result<ApiRow, String> {
    let name = m
        .get("name")
        .and_then(Value::as_str)
        .filter(|n| !n.trim().is_empty())
        .ok_or("missing field `name`")?;
    let limit = m.get("limit");
    let positive = |v: Option<&Value>| v.and_then(Value::as_u64).filter(|&n| n > 0);
    let price = match m.get("cost") {
        None | Some(Value::Null) => None,
        Some(cost) => Some(row_price(cost)?),
    };
    let modalities = m
        .pointer("/modalities/input")
        .and_then(Value::as_array)
        .map(|list| {
            let mut out: Vec<Modality> = list
                .iter()
                .filter_map(Value::as_str)
                .filter_map(|s| match s {
                    "text" => Some(Modality::Text),
                    "image" => Some(Modality::Image),
                    "audio" => Some(Modality::Audio),
                    "video" => Some(Modality::Video),
                    _ => None,
                })
                .collect();
            out.sort();
            out.dedup();
            out
        })
        .unwrap_or_default();
    Ok(ApiRow {
        provider: provider.to_string(),
        provider_name: provider_name.to_string(),
        key: key.to_string(),
        name: name.trim().to_string(),
        open_weights: m
            .get("open_weights")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        release: m
            .get("release_date")
            .and_then(Value::as_str)
            .filter(|d| !d.is_empty())
            .map(str::to_string),
        context: positive(limit.and_then(|l| l.get("context"))),
        max_output: positive(limit.and_then(|l| l.get("output"))),
        price,
        modalities,
        deprecated: m.get("status").and_then(Value::as_str) == Some("deprecated"),
    })
}

fn number(cost: &Value, field: &str) -> Result<Option<f64>, String> {
    match cost.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => {
            let n = v
                .as_f64()
                .ok_or_else(|| format!("`cost.{field}` is {v}, not a number"))?;
            check_price(n)
                .map(Some)
                .map_err(|e| format!("`cost.{field}`: {e}"))
        }
    }
}

fn row_price(cost: &Value) -> Result<RowPrice, String> {
    let input = number(cost, "input")?.ok_or("`cost` has no `input`")?;
    let output = number(cost, "output")?.ok_or("`cost` has no `output`")?;
    // The first tier names its threshold; `context_over_200k` is the older spelling.
    let tier = cost
        .get("tiers")
        .and_then(Value::as_array)
        .and_then(|t| t.first())
        .and_then(|t| {
            let size = t.pointer("/tier/size").and_then(Value::as_u64)?;
            Some((size, t))
        })
        .or_else(|| cost.get("context_over_200k").map(|t| (200_000, t)));
    let long_context = match tier {
        Some((above, t)) => match (number(t, "input")?, number(t, "output")?) {
            (Some(i), Some(o)) => Some(LongContextPrice {
                above_tokens: above,
                input: i,
                output: o,
            }),
            _ => None,
        },
        None => None,
    };
    Ok(RowPrice {
        input,
        output,
        cache_read: number(cost, "cache_read")?,
        long_context,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_prices_and_problems() {
        let text = r#"{
          "acme": {"name": "Acme", "models": {
            "good": {"name": "Good", "open_weights": true, "release_date": "2026-01-02",
                     "limit": {"context": 1000, "output": 10},
                     "cost": {"input": 1.5, "output": 3, "cache_read": 0.1,
                              "tiers": [{"input": 3, "output": 6, "tier": {"size": 256000}}]}},
            "free": {"name": "Free", "cost": {"input": 0, "output": 0}},
            "noname": {"cost": {"input": 1, "output": 2}},
            "pertoken": {"name": "P", "cost": {"input": 0.0000001, "output": 2}},
            "text": {"name": "T", "cost": {"input": "cheap", "output": 2}}
          }},
          "broken": {"name": "no models"}
        }"#;
        let (rows, problems) = parse(text);
        assert_eq!(rows.len(), 2);
        let good = rows.iter().find(|r| r.key == "good").unwrap();
        let p = good.price.as_ref().unwrap();
        assert_eq!((p.input, p.output, p.cache_read), (1.5, 3.0, Some(0.1)));
        assert_eq!(p.long_context.as_ref().unwrap().above_tokens, 256_000);
        assert_eq!(good.context, Some(1000));
        let free = rows.iter().find(|r| r.key == "free").unwrap();
        assert_eq!(
            free.price.as_ref().unwrap().input,
            0.0,
            "0 is free, not unknown"
        );
        let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys,
            ["acme/noname", "acme/pertoken", "acme/text", "broken"]
        );
        assert!(problems[1].message.contains("below"), "{}", problems[1]);
        assert!(problems.iter().all(|p| p.file == MODELS_DEV));
    }

    #[test]
    fn not_json_is_one_problem_not_a_panic() {
        let (rows, problems) = parse("{ nope");
        assert!(rows.is_empty());
        assert_eq!(problems.len(), 1);
    }
}

//! `tierwise cost --api MODEL@PROVIDER`: an API line priced by one offering.

mod cli_support;

use cli_support::{json, usage_error};

fn api_line(api: &str) -> serde_json::Value {
    let doc = json(&[
        "cost",
        "--api",
        api,
        "--self-host",
        "llama-3.3-70b",
        "--format",
        "json",
    ]);
    doc["api"][0].clone()
}

#[test]
fn an_offering_prices_the_line_with_its_provider() {
    let offerings = json(&[
        "models",
        "--search",
        "llama 3.3 70b",
        "--limit",
        "1",
        "--format",
        "json",
    ]);
    let offerings = offerings[0]["offerings"].as_array().unwrap().clone();
    let groq = offerings
        .iter()
        .find(|o| o["id"] == "llama-3.3-70b@groq")
        .expect("Groq sells it");
    let (input, output) = (
        groq["input_usd_per_million"].as_f64().unwrap(),
        groq["output_usd_per_million"].as_f64().unwrap(),
    );
    let line = api_line("llama-3.3-70b@groq");
    assert_eq!(line["model"], "llama-3.3-70b@groq");
    // Default workload: half input, half output.
    let blended = line["blended_usd_per_million"].as_f64().unwrap();
    assert!(
        (blended - (input + output) / 2.0).abs() < 1e-9,
        "{blended} vs {input}/{output}"
    );
    // A plain id keeps meaning the default price.
    let plain = api_line("llama-3.3-70b");
    assert_eq!(plain["model"], "llama-3.3-70b");
    // Cheapest first, free plans last: the last paid offering is the dearest.
    let paid = |o: &&serde_json::Value| {
        o["input_usd_per_million"].as_f64().unwrap() + o["output_usd_per_million"].as_f64().unwrap()
            > 0.0
    };
    let dearest = offerings.iter().rfind(paid).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let dear = api_line(&dearest);
    assert!(dear["blended_usd_per_million"].as_f64() >= plain["blended_usd_per_million"].as_f64());
}

#[test]
fn an_unknown_offering_is_refused_with_the_nearest_ids() {
    let line = usage_error(&[
        "cost",
        "--api",
        "llama-3.3-70b@grok",
        "--self-host",
        "llama-3.3-70b",
    ]);
    assert!(
        line.contains("--api") && line.contains("llama-3.3-70b@grok"),
        "{line}"
    );
    assert!(line.contains("llama-3.3-70b@groq"), "{line}");
    let line = usage_error(&[
        "cost",
        "--api",
        "nosuch@groq",
        "--self-host",
        "llama-3.3-70b",
    ]);
    assert!(line.contains("unknown model"), "{line}");
    // A typo in the model part of an offering id: the nearest offering ids.
    let line = usage_error(&[
        "cost",
        "--api",
        "lama-3.3-70b@groq",
        "--self-host",
        "llama-3.3-70b",
    ]);
    assert!(line.contains("llama-3.3-70b@groq"), "{line}");
}

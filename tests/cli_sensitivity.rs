//! `tierwise sensitivity`: the tornado as a table and as JSON, its base equal to `cost`.

mod cli_support;
use cli_support::{json, tierwise, usage_error};

const BASE: &[&str] = &["--api", "gpt-5.5", "--self-host", "llama-3.1-70b"];

fn args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["sensitivity"];
    all.extend_from_slice(BASE);
    all.extend_from_slice(extra);
    all
}

#[test]
fn the_base_break_even_equals_the_cost_command() {
    let mut cost = vec!["cost"];
    cost.extend_from_slice(BASE);
    cost.extend_from_slice(&["--format", "json"]);
    let cost = json(&cost);
    let tornado = json(&args(&["--format", "json"]));
    assert_eq!(
        tornado["tornados"][0]["base_break_even_tokens_per_day"],
        cost["api"][0]["break_even_tokens_per_day"]
    );
}

#[test]
fn bars_come_sorted_by_effect_with_both_ends() {
    let t = json(&args(&["--format", "json", "--span", "0.5"]));
    assert_eq!(t["span"], 0.5);
    let bars = t["tornados"][0]["bars"].as_array().unwrap();
    assert!(bars.len() >= 10, "{bars:?}");
    let effects: Vec<f64> = bars
        .iter()
        .map(|b| b["effect_decades"].as_f64().unwrap())
        .collect();
    assert!(effects.windows(2).all(|w| w[0] >= w[1]), "{effects:?}");
    let rate = bars
        .iter()
        .find(|b| b["input"] == "gpu-hour-price")
        .unwrap();
    assert_eq!(
        (rate["low"].as_str(), rate["high"].as_str()),
        (Some("$1.25/h"), Some("$3.75/h"))
    );
}

#[test]
fn the_text_table_names_every_input_once_per_api_model() {
    let out = tierwise(&args(&["--api", "claude-opus-4.7"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.matches("INPUT").count(), 2);
    assert_eq!(
        out.stdout.matches("\ngpu-hour-price ").count(),
        2,
        "{}",
        out.stdout
    );
    // One 4-GPU replica at $11,200 a month against GPT-5.5's $17.50/M blend:
    // 11,200 / (30 × 17.5 / 10^6) = 21.3M tokens a day.
    assert!(
        out.stdout.contains("against gpt-5.5: break-even 21.3M/day"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_bad_span_or_option_is_one_line_and_exit_2() {
    assert!(usage_error(&args(&["--span", "2"])).contains("--span: 2 is not allowed"));
    assert!(usage_error(&args(&["--span", "NaN"])).contains("--span"));
    assert!(usage_error(&args(&["--utilization", "0"])).contains("--utilization"));
}

#[test]
fn an_offering_prices_the_tornado_as_cost_does() {
    // `--api MODEL@PROVIDER` takes that host's price, as `cost` does.
    let api = [
        "--api",
        "llama-3.3-70b@groq",
        "--self-host",
        "llama-3.1-70b",
    ];
    let mut cost = vec!["cost"];
    cost.extend_from_slice(&api);
    cost.extend_from_slice(&["--tokens-per-day", "1B", "--format", "json"]);
    let cost = json(&cost);
    let mut sens = vec!["sensitivity"];
    sens.extend_from_slice(&api);
    sens.extend_from_slice(&["--tokens-per-day", "1B", "--format", "json"]);
    let tornado = json(&sens);
    // Groq's $0.59 in / $0.79 out at half input: $0.69/M.
    let blended = cost["api"][0]["blended_usd_per_million"].as_f64().unwrap();
    assert!((blended - 0.69).abs() < 1e-12, "{blended}");
    assert_eq!(
        tornado["tornados"][0]["base_break_even_tokens_per_day"],
        cost["api"][0]["break_even_tokens_per_day"]
    );
}

//! `tierwise plan --optimize` through the real binary: the JSON contract, the optimum against
//! the current plan and `tierwise report`, the bands over volume, no compliant plan, bad input.

use serde_json::Value;
use std::path::Path;
use tempfile::TempDir;

mod cli_support;

use cli_support::{json_in as json, tierwise_in as run};

fn plan(home: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["plan", "--optimize", "--format", "json"];
    args.extend_from_slice(extra);
    json(home, &args)
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("{v} is not a number"))
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

#[test]
fn the_json_has_the_issues_shape() {
    let home = TempDir::new().unwrap();
    let doc = plan(home.path(), &[]);
    assert_eq!(
        keys(&doc),
        [
            "current",
            "hybrid_break_even_tokens_per_day",
            "optimal",
            "thresholds"
        ]
    );
    for side in [&doc["current"], &doc["optimal"]] {
        for key in ["usd_per_month", "tiers", "use_cases", "findings"] {
            assert!(side.get(key).is_some(), "{key} missing");
        }
        for case in side["use_cases"].as_array().unwrap() {
            let d = &case["deployment"];
            assert!((1..=3).contains(&case["tier"].as_u64().unwrap()));
            assert!(["api", "hosted", "self-hosted"].contains(&d["kind"].as_str().unwrap()));
            assert_eq!(
                keys(d),
                ["gpu", "gpus_per_replica", "kind", "model", "offering"]
            );
            if d["kind"] == "self-hosted" {
                assert!(d["gpu"].is_string() && d["gpus_per_replica"].as_u64().unwrap() >= 1);
            } else {
                assert!(d["gpu"].is_null());
            }
        }
    }
    let moved = doc["optimal"]["moved"].as_array().unwrap();
    assert!(!moved.is_empty());
    for m in moved {
        assert!(m["use_case"].is_string() && !m["why"].as_str().unwrap().is_empty());
        assert!(m["from"]["tier"].is_u64() && m["to"]["kind"].is_string());
    }
    for t in doc["thresholds"].as_array().unwrap() {
        assert_eq!(
            keys(t),
            [
                "from_tokens_per_day",
                "summary",
                "to_tokens_per_day",
                "usd_per_month_at_from"
            ]
        );
    }
}

#[test]
fn the_optimum_is_cheaper_unblocked_and_the_current_plan_is_the_reports() {
    let home = TempDir::new().unwrap();
    let doc = plan(home.path(), &[]);
    let report = json(home.path(), &["report", "--format", "json"]);
    let current = num(&doc["current"]["usd_per_month"]);
    assert_eq!(current, num(&report["hybrid_usd_per_month"]));
    let optimal = num(&doc["optimal"]["usd_per_month"]);
    assert!(optimal < current, "{optimal} vs {current}");
    let findings = doc["optimal"]["findings"].as_array().unwrap();
    assert!(findings.iter().all(|f| f["severity"] != "block"));
    // Each use case's bill adds up to the plan's.
    let sum: f64 = doc["optimal"]["use_cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| num(&c["usd_per_month"]))
        .sum();
    assert!((sum - optimal).abs() < 1e-6 * optimal, "{sum} vs {optimal}");
    // The regulated use case stays off every API.
    let health = doc["optimal"]["use_cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["sensitivity"] == "regulated")
        .unwrap();
    assert_eq!(health["deployment"]["kind"], "self-hosted");
}

#[test]
fn bands_cover_the_volume_range_and_start_at_the_plans_cost() {
    let home = TempDir::new().unwrap();
    let doc = plan(home.path(), &[]);
    let bands = doc["thresholds"].as_array().unwrap();
    assert_eq!(num(&bands[0]["from_tokens_per_day"]), 1e3);
    assert_eq!(num(&bands.last().unwrap()["to_tokens_per_day"]), 1e11);
    for w in bands.windows(2) {
        assert_eq!(w[0]["to_tokens_per_day"], w[1]["from_tokens_per_day"]);
        assert!(num(&w[0]["usd_per_month_at_from"]) <= num(&w[1]["usd_per_month_at_from"]));
    }
    // A band's cost at its start is the optimum at that volume.
    let second = &bands[1];
    let v = num(&second["from_tokens_per_day"]).to_string();
    let there = plan(home.path(), &["--tokens-per-day", &v]);
    let a = num(&there["optimal"]["usd_per_month"]);
    let b = num(&second["usd_per_month_at_from"]);
    assert!((a - b).abs() <= 1e-6 * b, "{a} vs {b}");
    // The break-even is a volume inside the range.
    let be = num(&doc["hybrid_break_even_tokens_per_day"]);
    assert!((1e3..=1e11).contains(&be));
}

#[test]
fn without_a_compliant_plan_it_names_the_use_case_and_the_rules() {
    let home = TempDir::new().unwrap();
    // Defense work may use no API; with the open models that take images (Kimi K2.6, Qwen 3.5
    // 397B, ...) made text-only by the user's own models.ron, regulated multimodal work
    // graded frontier has no place.
    let models = run(home.path(), &["models", "--format", "json"]);
    let doc: Value = serde_json::from_str(&models.stdout).unwrap();
    let overrides: Vec<String> = doc
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["openness"]["value"] != "closed-api")
        .filter(|m| {
            m["modalities"]["value"]
                .as_array()
                .is_some_and(|v| v.iter().any(|x| x != "text"))
        })
        .map(|m| format!("(id: {}, modalities: (value: [Text]))", m["id"]))
        .collect();
    assert!(!overrides.is_empty());
    std::fs::write(
        home.path().join("models.ron"),
        format!("[{}]", overrides.join(",\n")),
    )
    .unwrap();
    let out = run(home.path(), &["plan", "--optimize", "--sector", "defense"]);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("## No compliant plan"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("Multimodal and video analysis has no compliant place")
    );
    assert!(out.stdout.contains("defense-air-gap"));
    let doc = plan(home.path(), &["--sector", "defense"]);
    assert!(doc["optimal"].is_null());
    let stuck = doc["no_compliant_plan"].as_array().unwrap();
    assert_eq!(stuck[0]["use_case"], "Multimodal and video analysis");
    assert_eq!(stuck[0]["reasons"].as_array().unwrap().len(), 2);
}

#[test]
fn markdown_shows_both_plans_the_moves_and_the_bands() {
    let home = TempDir::new().unwrap();
    let out = run(home.path(), &["plan", "--optimize"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for part in [
        "## Current plan",
        "## Cheapest compliant plan",
        "What moves and why:",
        "## Where the answer changes",
        "Hybrid break-even: from",
        "shared team of 0.25 FTE",
        "GPQA-D 94.2 ≥ 85",
    ] {
        assert!(out.stdout.contains(part), "{part} missing:\n{}", out.stdout);
    }
    // Without --optimize only the current plan and the break-even.
    let plain = json(home.path(), &["plan", "--format", "json"]);
    assert!(plain["optimal"].is_null());
    assert_eq!(plain["thresholds"].as_array().unwrap().len(), 0);
}

#[test]
fn bad_options_are_refused_on_one_line() {
    let home = TempDir::new().unwrap();
    for (args, needle) in [
        (
            vec!["--region", "europe"],
            "--region: unknown region \"europe\"",
        ),
        (vec!["--sector", "bank"], "--sector: unknown sector"),
        (vec!["--tokens-per-day", "0"], "tokens-per-day"),
        (vec!["--tokens-per-day", "lots"], "--tokens-per-day"),
        (vec!["--scenario", "nope"], "--scenario: unknown scenario"),
    ] {
        let mut all = vec!["plan", "--optimize"];
        all.extend(args.iter().copied());
        let out = run(home.path(), &all);
        assert_eq!(out.code, 2, "{all:?}");
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
        assert!(out.stderr.contains(needle), "{all:?}: {}", out.stderr);
    }
}

#[test]
fn an_unknown_offering_is_refused_with_the_nearest_ids() {
    let home = TempDir::new().unwrap();
    let file = home.path().join("default.ron");
    let out = run(
        home.path(),
        &["scenario", "export", "default", file.to_str().unwrap()],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Tier 2 bought from a host, with the model's id mistyped.
    let text = std::fs::read_to_string(&file).unwrap().replacen(
        "frontier: \"claude-opus-4.7\",",
        "frontier: \"claude-opus-4.7\",\n      large_offering: Some(\"lama-3.1-70b@groq\"),",
        1,
    );
    assert!(text.contains("lama-3.1-70b@groq"));
    std::fs::write(&file, text).unwrap();
    let out = run(home.path(), &["scenario", "import", file.to_str().unwrap()]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("lama-3.1-70b@groq is not allowed")
            && out.stderr.contains("the nearest: llama-3.3-70b@groq"),
        "{}",
        out.stderr
    );
}

//! `tierwise report` through the real binary: every tier's bill equals `tierwise cost` for the
//! same inputs, totals add up, the JSON contract, the Markdown page, options and bad input.

use serde_json::Value;
use std::path::Path;
use tempfile::TempDir;

mod cli_support;

use cli_support::{json_in as json, tierwise_in as run};

fn report(home: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["report", "--format", "json"];
    args.extend_from_slice(extra);
    json(home, &args)
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("{v} is not a number"))
}

fn close(a: f64, b: f64) {
    assert!(
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        "{a} != {b}"
    );
}

/// `1749999.9999999995` style: Rust prints the shortest text that reads back exactly.
fn text(v: &Value) -> String {
    format!("{}", num(v))
}

#[test]
fn every_tier_costs_what_the_cost_command_says() {
    let home = TempDir::new().unwrap();
    let doc = report(home.path(), &[]);
    let tiers = doc["tiers"].as_array().unwrap();
    assert_eq!(tiers.len(), 3);
    let frontier = tiers[0]["model"].as_str().unwrap();
    let large = tiers[1]["model"].as_str().unwrap();
    // Tier 1: the API row of `cost` at the tier's volume and input share.
    let t1 = &tiers[0];
    let cost = json(
        home.path(),
        &[
            "cost",
            "--api",
            frontier,
            "--self-host",
            large,
            "--tokens-per-day",
            &text(&t1["tokens_per_day"]),
            "--input-share",
            &text(&t1["input_share"]),
            "--format",
            "json",
        ],
    );
    close(
        num(&cost["api"][0]["usd_per_month"]),
        num(&t1["usd_per_month"]),
    );
    close(
        num(&cost["api"][0]["blended_usd_per_million"]),
        num(&t1["settings"]["blended_usd_per_million"]),
    );
    // Tiers 2 and 3: the self-hosted bill with every setting passed as an option.
    for t in &tiers[1..] {
        let s = &t["settings"];
        let mut args: Vec<String> = [
            "cost",
            "--api",
            frontier,
            "--self-host",
            t["model"].as_str().unwrap(),
            "--gpu",
            s["gpu"].as_str().unwrap(),
            "--precision",
            s["precision"].as_str().unwrap(),
            "--mode",
            s["mode"].as_str().unwrap(),
            "--min-replicas",
            &s["min_replicas"].to_string(),
            "--format",
            "json",
        ]
        .iter()
        .map(|a| a.to_string())
        .collect();
        args.extend(["--tokens-per-day".into(), text(&t["tokens_per_day"])]);
        args.extend(["--input-share".into(), text(&t["input_share"])]);
        for key in [
            "kv_overhead",
            "efficiency",
            "utilization",
            "gpu_hour_price",
            "gpu_price",
            "years",
            "power_watts",
            "pue",
            "power_price",
            "colo",
            "fte",
            "salary",
            "overhead",
        ] {
            args.push(format!("--{}", key.replace('_', "-")));
            args.push(text(&s[key]));
        }
        if !s["throughput"].is_null() {
            args.extend(["--throughput".into(), text(&s["throughput"])]);
        }
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let cost = json(home.path(), &refs);
        close(
            num(&cost["self_host"]["usd_per_month"]),
            num(&t["usd_per_month"]),
        );
        assert_eq!(cost["self_host"]["gpus"], t["gpus"], "tier {}", t["tier"]);
    }
}

#[test]
fn totals_are_the_sum_of_the_tiers_and_savings_follow() {
    let home = TempDir::new().unwrap();
    for volume in ["5M", "500M", "20B"] {
        let doc = report(home.path(), &["--tokens-per-day", volume]);
        let sum: f64 = doc["tiers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| num(&t["usd_per_month"]))
            .sum();
        close(num(&doc["hybrid_usd_per_month"]), sum);
        let frontier = num(&doc["all_frontier_usd_per_month"]);
        close(num(&doc["savings_vs_frontier"]), 1.0 - sum / frontier);
        let volume_sum: f64 = doc["tiers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| num(&t["tokens_per_day"]))
            .sum();
        close(volume_sum, num(&doc["workload"]["tokens_per_day"]));
        // The all-frontier baseline is the tier-1 model's prices at the overall input share.
        let s = &doc["tiers"][0]["settings"];
        let share = num(&doc["workload"]["input_share"]);
        let blended = share * num(&s["input_usd_per_million"])
            + (1.0 - share) * num(&s["output_usd_per_million"]);
        close(
            frontier,
            30.0 * num(&doc["workload"]["tokens_per_day"]) / 1e6 * blended,
        );
    }
}

/// Keys in the order printed (pretty JSON puts one key per line).
fn printed_keys(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let rest = l.trim_start().strip_prefix('"')?;
            let (key, after) = rest.split_once('"')?;
            after.starts_with(':').then(|| key.to_string())
        })
        .collect()
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn json_keys_are_exactly_the_documented_ones_in_order() {
    let home = TempDir::new().unwrap();
    let out = run(
        home.path(),
        &["report", "--format", "json", "--region", "eu"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    let tier_head = ["tier", "model", "deployment", "settings"];
    let tier_tail = ["tokens_per_day", "input_share", "gpus", "usd_per_month"];
    let api = [
        "input_usd_per_million",
        "output_usd_per_million",
        "blended_usd_per_million",
    ];
    let hosted = [
        "gpu",
        "precision",
        "kv_overhead",
        "efficiency",
        "utilization",
        "min_replicas",
        "throughput",
        "mode",
        "gpu_hour_price",
        "gpu_price",
        "years",
        "power_watts",
        "pue",
        "power_price",
        "colo",
        "fte",
        "salary",
        "overhead",
        "params_total_b",
        "params_active_b",
        "gpu_memory_gb",
        "gpu_tflops",
    ];
    // The whole document, key by key, in the order printed.
    let mut expected: Vec<&str> = vec![
        "scenario",
        "region",
        "sector",
        "workload",
        "tokens_per_day",
        "input_share",
        "tiers",
    ];
    for (i, t) in doc["tiers"].as_array().unwrap().iter().enumerate() {
        assert_eq!(t["tier"], i as u64 + 1);
        assert_eq!(t["deployment"], if i == 0 { "api" } else { "self-hosted" });
        expected.extend(tier_head);
        expected.extend(if i == 0 { &api[..] } else { &hosted[..] });
        expected.extend(tier_tail);
    }
    expected.push("use_cases");
    for c in doc["use_cases"].as_array().unwrap() {
        expected.extend([
            "name",
            "share",
            "input_share",
            "sensitivity",
            "quality",
            "tier",
        ]);
        assert!(c["tier"].as_u64().is_some_and(|t| (1..=3).contains(&t)));
    }
    expected.extend([
        "hybrid_usd_per_month",
        "all_frontier_usd_per_month",
        "all_self_hosted_usd_per_month",
        "savings_vs_frontier",
        "findings",
    ]);
    assert!(!doc["findings"].as_array().unwrap().is_empty());
    for f in doc["findings"].as_array().unwrap() {
        expected.extend(["severity", "rule", "subject", "message", "source"]);
        assert!(["block", "warn", "info"].contains(&f["severity"].as_str().unwrap()));
    }
    // The plan's fields come first, then the plan search's three (their insides are checked by
    // tests/cli_plan.rs), then the break-even comparison, what moves the answer and the sources
    // (which the HTML page draws).
    let printed = printed_keys(&out.stdout);
    assert_eq!(printed[..expected.len()], expected);
    let search = ["optimal", "thresholds", "hybrid_break_even_tokens_per_day"];
    let extras = ["breakeven", "what_moves", "data_as_of", "sources"];
    assert_eq!(printed[expected.len()], search[0]);
    // Each top-level key comes after the one before it (nested keys sit in between).
    let mut from = expected.len();
    for key in search.iter().chain(&extras) {
        let found = printed[from..].iter().position(|k| k == key);
        assert!(found.is_some(), "{key} not after position {from}");
        from += found.unwrap_or(0) + 1;
    }
    assert_eq!(printed.last().map(String::as_str), extras.last().copied());
    assert!(extras.iter().all(|k| doc.get(k).is_some()), "{extras:?}");
    assert_eq!(keys(&doc).len(), 11 + search.len() + extras.len());
    let shares: f64 = doc["use_cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| num(&c["share"]))
        .sum();
    close(shares, 1.0);
}

#[test]
fn markdown_names_every_finding_with_its_source_title() {
    let home = TempDir::new().unwrap();
    let doc = report(home.path(), &["--region", "eu", "--sector", "healthcare"]);
    let out = run(
        home.path(),
        &["report", "--region", "eu", "--sector", "healthcare"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let md = out.stdout;
    assert!(md.starts_with("# Hybrid plan: default\n"), "{md}");
    for heading in ["## Tiers", "## Use cases", "## Costs", "## Findings"] {
        assert!(md.contains(heading), "{heading} missing");
    }
    assert!(md.contains("| Tier | Model |"), "tiers as a table");
    assert!(md.contains("5M tokens a day"), "the workload line");
    assert!(
        md.contains("(`eu`)") && md.contains("(`healthcare`)"),
        "the place"
    );
    let findings = doc["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        let rule = f["rule"].as_str().unwrap();
        assert!(
            md.contains(&format!("`{rule}`")),
            "{rule} missing from the markdown"
        );
    }
    // Every finding's source appears by its title (from assets/sources.ron), not its id.
    let titles = include_str!("../assets/sources.ron");
    for f in findings {
        let id = f["source"].as_str().unwrap();
        let at = titles.find(&format!("id: \"{id}\"")).unwrap();
        let title_line = titles[at..]
            .lines()
            .find(|l| l.trim_start().starts_with("title:"))
            .unwrap();
        let title = title_line.split('"').nth(1).unwrap();
        assert!(md.contains(title), "{title} missing");
    }
    let savings = num(&doc["savings_vs_frontier"]);
    let pct = format!("{:.1}%", savings.abs() * 100.0);
    assert!(md.contains(&pct), "savings {pct} missing");
}

#[test]
fn region_eu_adds_eu_findings() {
    let home = TempDir::new().unwrap();
    let rules = |doc: &Value| -> Vec<String> {
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    let global = rules(&report(home.path(), &[]));
    let eu = rules(&report(home.path(), &["--region", "eu"]));
    assert!(global.iter().all(|r| !r.starts_with("eu-")), "{global:?}");
    assert!(eu.contains(&"eu-ai-act-applies".to_string()), "{eu:?}");
    assert!(eu.contains(&"eu-llama-not-free-open".to_string()), "{eu:?}");
    // Italy lies within the EU and inherits its rules.
    assert!(
        rules(&report(home.path(), &["--region", "it"])).contains(&"eu-ai-act-applies".to_string())
    );
}

fn usage_error(home: &Path, args: &[&str]) -> String {
    let out = run(home, args);
    assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
    assert!(out.stdout.is_empty());
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{:?}", out.stderr);
    assert!(lines[0].starts_with("error: "), "{}", lines[0]);
    lines[0].to_string()
}

#[test]
fn bad_options_exit_2_with_a_suggestion() {
    let home = TempDir::new().unwrap();
    let h = home.path();
    let e = usage_error(h, &["report", "--region", "euu"]);
    assert!(
        e.contains("--region") && e.contains("\"euu\"") && e.contains("closest: eu"),
        "{e}"
    );
    let e = usage_error(h, &["report", "--sector", "helthcare"]);
    assert!(e.contains("closest: healthcare"), "{e}");
    let e = usage_error(h, &["report", "--tokens-per-day", "10"]);
    assert!(e.contains("--tokens-per-day") && e.contains("1K"), "{e}");
    let e = usage_error(h, &["report", "--tokens-per-day", "lots"]);
    assert!(e.contains("--tokens-per-day"), "{e}");
    let e = usage_error(h, &["report", "--scenario", "defualt"]);
    assert!(e.contains("closest: default"), "{e}");
    let e = usage_error(h, &["report", "--format", "pdf"]);
    assert!(e.contains("markdown") && e.contains("json"), "{e}");
}

#[test]
fn tokens_per_day_takes_the_quantity_syntax_and_scales_the_tiers() {
    let home = TempDir::new().unwrap();
    let doc = report(home.path(), &["--tokens-per-day", "2.5B"]);
    assert_eq!(num(&doc["workload"]["tokens_per_day"]), 2.5e9);
    let small = report(home.path(), &["--tokens-per-day", "2500000000"]);
    assert_eq!(doc, small);
    close(num(&doc["tiers"][0]["tokens_per_day"]), 2.5e9 * 0.35);
}

/// A state file with the built-in scenario and a second one, "eu-big", which is active.
fn save_state(home: &Path) {
    use tierwise::data::{embedded_catalog, embedded_rules, embedded_use_cases};
    use tierwise::store::{State, builtin_scenario, serialize_state};
    let catalog = embedded_catalog().unwrap();
    let _ = embedded_rules(&catalog).unwrap();
    let cases = embedded_use_cases(&catalog).unwrap();
    let builtin = builtin_scenario(&catalog, &cases);
    let mut big = builtin.clone();
    big.name = "eu-big".into();
    big.region = "de".into();
    big.workload.tokens_per_day = 2e9;
    let state = State {
        revision: 1,
        active: "eu-big".into(),
        scenarios: vec![builtin, big],
    };
    std::fs::write(home.join("state.ron"), serialize_state(&state)).unwrap();
}

#[test]
fn saved_scenarios_are_reported_by_name_and_the_active_one_by_default() {
    let home = TempDir::new().unwrap();
    save_state(home.path());
    let active = report(home.path(), &[]);
    assert_eq!(active["scenario"], "eu-big");
    assert_eq!(active["region"], "de");
    assert_eq!(num(&active["workload"]["tokens_per_day"]), 2e9);
    let named = report(home.path(), &["--scenario", "default"]);
    assert_eq!(named["scenario"], "default");
    assert_eq!(named["region"], "global");
    // Options override the saved scenario's place and volume.
    let moved = report(
        home.path(),
        &[
            "--scenario",
            "eu-big",
            "--region",
            "us",
            "--tokens-per-day",
            "5M",
        ],
    );
    assert_eq!(moved["region"], "us");
    assert_eq!(moved["tiers"], named["tiers"]);
    let e = usage_error(home.path(), &["report", "--scenario", "eu-bgi"]);
    assert!(e.contains("closest: eu-big"), "{e}");
    // Reading the state changes nothing on disk.
    let names: Vec<String> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("state.ron") && n != "state.ron" && n != "state.ron.lock")
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn without_a_state_file_nothing_is_written() {
    let home = TempDir::new().unwrap();
    let dir = home.path().join("fresh");
    let out = run(&dir, &["report"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    assert!(!dir.exists(), "report created the data directory");
}

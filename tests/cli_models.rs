//! `tierwise models` and the argument layer, through the real binary.

mod cli_support;

use cli_support::{ids, json, parse_csv, tierwise, usage_error};
use unicode_width::UnicodeWidthStr;

#[test]
fn table_lists_known_ids_within_100_columns() {
    let out = tierwise(&["models"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for id in ["gpt-4o", "llama-3.1-70b"] {
        assert!(out.stdout.contains(id), "{id} missing:\n{}", out.stdout);
    }
    for line in out.stdout.lines() {
        assert!(line.width() <= 100, "too wide ({}): {line}", line.width());
    }
    // gpt-4o has no published parameter count: shown as unknown, never as 0.
    let row = out
        .stdout
        .lines()
        .find(|l| l.starts_with("gpt-4o "))
        .unwrap();
    assert!(row.contains('—'), "{row}");
}

#[test]
fn no_arguments_opens_the_interface_and_refuses_without_a_terminal() {
    // Without a terminal the interactive explorer says so in one line instead of drawing.
    let out = tierwise(&[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("error: the interactive interface needs a terminal")
    );
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    // The theme option is checked before anything else.
    let bad = tierwise(&["--theme", "neon"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("neon"), "{}", bad.stderr);
}

#[test]
fn search_narrows_fuzzily() {
    let all = ids(&json(&["models", "--format", "json"]));
    let llama = ids(&json(&["models", "--search", "llama", "--format", "json"]));
    assert!(llama.contains(&"llama-3.1-70b".to_string()));
    assert!(!llama.contains(&"gpt-4o".to_string()));

    let deepseek = ids(&json(&[
        "models", "--search", "deepseek", "--format", "json",
    ]));
    assert!(
        deepseek.contains(&"deepseek-v4-pro".to_string()),
        "{deepseek:?}"
    );
    assert!(!deepseek.contains(&"gpt-4o".to_string()));
    assert!(!deepseek.contains(&"llama-3.1-70b".to_string()));
    for id in all.iter().filter(|id| id.contains("deepseek")) {
        assert!(deepseek.contains(id), "{id} not found by --search deepseek");
    }
    // Fuzzy: letters in order, not a substring.
    let fuzzy = ids(&json(&["models", "--search", "lma 70", "--format", "json"]));
    assert!(fuzzy.contains(&"llama-3.1-70b".to_string()), "{fuzzy:?}");
}

#[test]
fn tier_filter_keeps_only_that_tier() {
    let doc = json(&["models", "--tier", "closed-api", "--format", "json"]);
    let closed = ids(&doc);
    assert!(closed.contains(&"gpt-4o".to_string()));
    assert!(!closed.contains(&"llama-3.1-70b".to_string()));
    for m in doc.as_array().unwrap() {
        assert_eq!(m["openness"]["value"], "closed-api");
    }
    // The four tiers partition the catalogue; repeating --tier unions them.
    let all = ids(&json(&["models", "--format", "json"])).len();
    let open_two = ids(&json(&[
        "models",
        "--tier",
        "open-weights-restricted",
        "--tier",
        "open-weights-permissive",
        "--tier",
        "fully-open",
        "--format",
        "json",
    ]));
    assert_eq!(open_two.len() + closed.len(), all);
}

#[test]
fn json_carries_sources_and_every_conflicting_value() {
    let doc = json(&["models", "--format", "json"]);
    let gpt = doc
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "gpt-4o")
        .expect("gpt-4o listed");
    let price = &gpt["price"];
    assert_eq!(price["value"]["input_usd_per_million"], 2.5);
    assert_eq!(price["value"]["output_usd_per_million"], 10.0);
    assert_eq!(price["sources"], serde_json::json!(["ai-beat-2026"]));
    let alternatives = price["alternatives"].as_array().unwrap();
    assert_eq!(alternatives.len() + 1, 3, "three stated prices in all");
    for alt in alternatives {
        assert!(!alt["sources"].as_array().unwrap().is_empty());
        assert!(alt["value"]["input_usd_per_million"].as_f64().unwrap() > 0.0);
    }
    assert!(price["note"].is_string());
    assert_eq!(gpt["openness"]["value"], "closed-api");
    assert_eq!(gpt["license_family"], "proprietary");
    // Unknown is null, never zero.
    assert!(gpt["total_params_b"].is_null());
    let modalities = gpt["modalities"]["value"].as_array().unwrap();
    assert!(modalities.contains(&"text".into()) && modalities.contains(&"image".into()));

    let llama = doc
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "llama-3.1-70b")
        .unwrap();
    assert_eq!(llama["total_params_b"]["value"], 70.0);
    assert!(llama["price"].is_null());
    assert!(llama["scores"]["MMLU"]["sources"].is_array());
}

#[test]
fn csv_has_header_and_one_record_per_model() {
    let count = ids(&json(&["models", "--format", "json"])).len();
    let out = tierwise(&["models", "--format", "csv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let records = parse_csv(&out.stdout);
    assert_eq!(records.len(), count + 1);
    assert_eq!(records[0][0], "id");
    assert!(records[0].contains(&"input_usd_per_million".to_string()));
    for r in &records {
        assert_eq!(r.len(), records[0].len(), "ragged record {r:?}");
    }
    let gpt = records.iter().find(|r| r[0] == "gpt-4o").unwrap();
    let col = |name: &str| records[0].iter().position(|h| h == name).unwrap();
    assert_eq!(gpt[col("input_usd_per_million")], "2.5");
    assert_eq!(gpt[col("total_params_b")], "", "unknown is empty, not 0");
    // The description holds a comma, so it must come back intact through quoting.
    assert!(gpt[col("description")].contains(", "));
}

#[test]
fn usage_errors_are_one_line_with_exit_2() {
    let line = usage_error(&["--theme", "purple"]);
    assert!(line.contains("--theme") && line.contains("purple") && line.contains("high-contrast"));
    let line = usage_error(&["models", "--tier", "open"]);
    assert!(
        line.contains("--tier") && line.contains("closed-api"),
        "{line}"
    );
    let line = usage_error(&["models", "--serch", "x"]);
    assert!(line.contains("--search"), "{line}");
    usage_error(&["models", "--format", "xml"]);
    usage_error(&["modles"]);
}

#[test]
fn help_and_version_exit_0_on_stdout() {
    let help = tierwise(&["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("models") && help.stdout.contains("--theme"));
    let version = tierwise(&["--version"]);
    assert_eq!(version.code, 0);
    assert!(version.stdout.starts_with("tierwise "));
}

#[test]
fn closed_stdout_is_not_an_error() {
    use std::process::{Command, Stdio};
    // The JSON is larger than a pipe buffer, so the write meets the closed pipe.
    let mut child = Command::new(env!("CARGO_BIN_EXE_tierwise"))
        .args(["models", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

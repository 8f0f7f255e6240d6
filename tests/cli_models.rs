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
    // OpenAI's own list price in the dated data sets is shown; the article agrees, so it joins.
    assert_eq!(
        price["sources"],
        serde_json::json!(["models-dev", "litellm", "ai-beat-2026"])
    );
    // The context window: OpenAI's API listing (128K in both data sets) is shown, the
    // article's 1M stays beside it as an alternative with its remark.
    let context = &gpt["context_tokens"];
    assert_eq!(context["value"], 128_000);
    assert_eq!(
        context["sources"],
        serde_json::json!(["models-dev", "litellm"])
    );
    let context_alts = context["alternatives"].as_array().unwrap();
    assert_eq!(context_alts.len(), 1, "{context}");
    assert_eq!(context_alts[0]["value"], 1_000_000);
    assert_eq!(
        context_alts[0]["sources"],
        serde_json::json!(["prompt-guide-2026"])
    );
    assert!(context_alts[0]["note"].as_str().unwrap().contains("922K"));
    assert!(
        context["note"]
            .as_str()
            .unwrap()
            .contains("lab's own API listing")
    );
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
    // No article prices it; the hosts' offerings do, the cheapest being the default.
    assert!(
        llama["price"]["note"]
            .as_str()
            .unwrap()
            .contains("cheapest")
    );
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

#[test]
fn json_gives_offerings_architecture_and_repo() {
    let doc = json(&[
        "models",
        "--search",
        "llama 3.3 70b",
        "--limit",
        "1",
        "--format",
        "json",
    ]);
    let list = doc.as_array().unwrap();
    assert_eq!(list.len(), 1, "--limit 1");
    let llama = &list[0];
    assert_eq!(llama["id"], "llama-3.3-70b");
    assert_eq!(llama["hf_repo"], "meta-llama/Llama-3.3-70B-Instruct");
    let arch = &llama["architecture"]["value"];
    for key in [
        "layers",
        "attention_heads",
        "kv_heads",
        "head_dim",
        "hidden_size",
    ] {
        assert!(arch[key].as_u64().unwrap() > 0, "{key}");
    }
    assert_eq!(arch["attention"], "full");
    assert!(arch.get("kv_lora_rank").is_none(), "only where it applies");
    let offerings = llama["offerings"].as_array().unwrap();
    assert!(offerings.len() >= 3);
    let inputs: Vec<f64> = offerings
        .iter()
        .map(|o| o["input_usd_per_million"].as_f64().unwrap())
        .collect();
    let mut sorted = inputs.clone();
    sorted.sort_by(f64::total_cmp);
    assert_eq!(offerings[0]["kind"], "host");
    for o in offerings {
        for key in [
            "id",
            "provider",
            "provider_name",
            "kind",
            "region",
            "input_usd_per_million",
            "output_usd_per_million",
            "cache_read_usd_per_million",
            "long_context",
            "batch",
            "sources",
            "as_of",
        ] {
            assert!(o.get(key).is_some(), "offering without {key}: {o}");
        }
        assert!(o["id"].as_str().unwrap().starts_with("llama-3.3-70b@"));
    }
}

#[test]
fn filters_by_provider_openness_and_parameters() {
    let doc = json(&[
        "models",
        "--provider",
        "groq",
        "--open",
        "--min-params",
        "60",
        "--max-params",
        "80",
        "--format",
        "json",
    ]);
    let list = doc.as_array().unwrap();
    assert!(!list.is_empty());
    for m in list {
        let params = m["total_params_b"]["value"].as_f64().unwrap();
        assert!((60.0..=80.0).contains(&params), "{}", m["id"]);
        assert_ne!(m["openness"]["value"], "closed-api");
        let sellers: Vec<&str> = m["offerings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["provider"].as_str().unwrap())
            .collect();
        assert!(sellers.contains(&"groq"), "{}: {sellers:?}", m["id"]);
    }
    let line = usage_error(&["models", "--provider", "nosuchhost"]);
    assert!(
        line.contains("nosuchhost") && line.contains("groq"),
        "{line}"
    );
    let line = usage_error(&["models", "--min-params=-5"]);
    assert!(line.contains("--min-params"), "{line}");
}

#[test]
fn the_searches_a_newcomer_tries_find_sized_or_priced_models() {
    for (search, want) in [
        ("qwen3 32b", "qwen3-32b"),
        ("llama 3.3 70b", "llama-3.3-70b"),
        ("gpt-oss 120b", "gpt-oss-120b"),
        ("claude opus 4.7", "claude-opus-4.7"),
        ("gpt-4o", "gpt-4o"),
    ] {
        let doc = json(&[
            "models", "--search", search, "--limit", "1", "--format", "json",
        ]);
        let first = &doc.as_array().unwrap()[0];
        assert_eq!(first["id"], want, "/{search}");
        assert!(
            !first["total_params_b"].is_null() || !first["price"].is_null(),
            "/{search} finds {want} with neither parameters nor a price"
        );
    }
}

#[test]
fn gpus_lists_datasheet_figures_rent_and_offers() {
    let doc = json(&["gpus", "--format", "json"]);
    let list = doc.as_array().unwrap();
    assert!(list.len() >= 12);
    let h100 = list.iter().find(|g| g["id"] == "h100-sxm").unwrap();
    assert_eq!(h100["memory_bandwidth_tb_s"]["value"], 3.35);
    assert_eq!(h100["tflops"]["bf16"]["value"], 989.0);
    assert!(h100["tflops"]["fp8"]["value"].as_f64().unwrap() > 1900.0);
    assert!(h100["tflops"]["fp4"].is_null(), "Hopper has no FP4");
    let offers = h100["rent_offers"].as_array().unwrap();
    assert!(offers.len() >= 10);
    for o in offers {
        assert!(o["usd_per_gpu_hour"].as_f64().unwrap() > 0.0);
        assert_eq!(o["as_of"], "2026-10-10");
        assert_eq!(o["sources"], serde_json::json!(["gpu-price-index"]));
    }
    assert!(!h100["purchase_usd"].is_null());
    let table = tierwise(&["gpus"]);
    assert_eq!(table.code, 0);
    assert!(table.stdout.contains("mi300x") && table.stdout.contains("b300"));
    let csv = tierwise(&["gpus", "--format", "csv"]);
    assert!(csv.stdout.starts_with("id,name,vendor,memory_gb"));
}

//! `tierwise sizing` through the real binary: the JSON contract of issue #13, the issue's
//! "done when" run, the fallback for a model without an architecture and every refusal.

mod cli_support;

use cli_support::{json, tierwise, usage_error};
use serde_json::Value;

fn sizing(extra: &[&str]) -> Value {
    let mut args = vec!["sizing"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--format", "json"]);
    json(&args)
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

fn sorted(mut k: Vec<&str>) -> Vec<&str> {
    k.sort_unstable();
    k
}

const DONE_WHEN: [&str; 10] = [
    "--model",
    "llama-3.3-70b",
    "--gpu",
    "h100-sxm",
    "--precision",
    "fp8",
    "--prompt-tokens",
    "1000",
    "--output-tokens",
    "1000",
];

#[test]
fn json_has_exactly_the_issue_fields() {
    let doc = sizing(&DONE_WHEN);
    assert_eq!(
        keys(&doc),
        sorted(vec![
            "model",
            "gpu",
            "precision",
            "kv_precision",
            "gpus_per_replica",
            "gpus_per_replica_chosen_because",
            "memory",
            "throughput",
        ])
    );
    assert_eq!(
        keys(&doc["memory"]),
        sorted(vec![
            "weights_gb",
            "kv_bytes_per_token",
            "kv_gb_free",
            "max_concurrent_sequences",
        ])
    );
    assert_eq!(
        keys(&doc["throughput"]),
        sorted(vec![
            "output_tokens_per_s",
            "total_tokens_per_s",
            "bound",
            "serving",
        ])
    );
    assert_eq!(doc["model"], "llama-3.3-70b");
    assert_eq!(doc["precision"], "fp8");
    assert_eq!(doc["kv_precision"], "fp16");
    assert_eq!(doc["throughput"]["serving"], "typical");
    // 70B at one byte a weight; 2 x 80 layers x 8 KV heads x 128 x 2 bytes per token.
    assert_eq!(doc["memory"]["weights_gb"].as_f64(), Some(70.0));
    assert_eq!(
        doc["memory"]["kv_bytes_per_token"].as_f64(),
        Some(327_680.0)
    );
    let bound = doc["throughput"]["bound"].as_str().unwrap();
    assert!(["compute", "memory-bandwidth", "kv-capacity"].contains(&bound));
    // Equal prompt and output: total tokens/s is twice the output tokens/s.
    let out = doc["throughput"]["output_tokens_per_s"].as_f64().unwrap();
    let total = doc["throughput"]["total_tokens_per_s"].as_f64().unwrap();
    assert!((total - 2.0 * out).abs() < 1e-6 * total);
}

#[test]
fn done_when_prints_a_replica_the_memory_split_and_a_bounded_throughput() {
    let out = tierwise(&[&["sizing"][..], &DONE_WHEN[..]].concat());
    assert_eq!(out.code, 0, "{}", out.stderr);
    for needle in [
        "Replica: ",
        "weights",
        "runtime reserve",
        "KV cache free",
        "output tokens/s",
        "Bound: ",
    ] {
        assert!(out.stdout.contains(needle), "{needle}: {}", out.stdout);
    }
}

#[test]
fn a_pinned_size_is_kept_and_said() {
    let doc = sizing(&[&DONE_WHEN[..], &["--gpus-per-replica", "8"]].concat());
    assert_eq!(doc["gpus_per_replica"], 8);
    assert_eq!(doc["gpus_per_replica_chosen_because"], "pinned by the user");
}

#[test]
fn peak_is_two_and_a_half_times_typical() {
    let typical = sizing(&DONE_WHEN);
    let peak = sizing(&[&DONE_WHEN[..], &["--serving", "peak"]].concat());
    let rate = |d: &Value| d["throughput"]["output_tokens_per_s"].as_f64().unwrap();
    assert!((rate(&peak) / rate(&typical) - 2.5).abs() < 1e-9);
}

#[test]
fn a_model_without_an_architecture_says_parameters_only() {
    let doc = sizing(&["--model", "phi-4", "--gpu", "a100-80gb"]);
    let why = doc["gpus_per_replica_chosen_because"].as_str().unwrap();
    assert!(why.starts_with("estimated from parameters only"), "{why}");
    assert_eq!(doc["memory"]["kv_gb_free"], Value::Null);
    let out = tierwise(&["sizing", "--model", "phi-4", "--gpu", "a100-80gb"]);
    assert!(
        out.stdout.contains("estimated from parameters only"),
        "{}",
        out.stdout
    );
}

#[test]
fn refusals_exit_2_with_one_line() {
    let line = usage_error(&[
        "sizing",
        "--model",
        "llama-3.3-70b",
        "--gpu",
        "a100-80gb",
        "--precision",
        "fp4",
    ]);
    assert!(
        line.contains("--precision") && line.contains("fp16, bf16, fp8, int8, int4"),
        "{line}"
    );
    let line = usage_error(&[
        "sizing",
        "--model",
        "llama-3.3-70b",
        "--gpu",
        "h100-sxm",
        "--gpus-per-replica",
        "65",
    ]);
    assert!(
        line.contains("--gpus-per-replica") && line.contains("1 to 64"),
        "{line}"
    );
    let line = usage_error(&[
        "sizing",
        "--model",
        "llama-3.3-70b",
        "--gpu",
        "rtx-3090",
        "--gpus-per-replica",
        "1",
    ]);
    assert!(
        line.contains("--gpus-per-replica: 1") && line.contains("GB of weights"),
        "{line}"
    );
    let line = usage_error(&[
        "sizing",
        "--model",
        "llama-3.3-70b",
        "--gpu",
        "h100-sxm",
        "--kv-precision",
        "int4",
    ]);
    assert!(line.contains("fp16, bf16, fp8"), "{line}");
    let line = usage_error(&["sizing", "--model", "gpt-4o", "--gpu", "h100-sxm"]);
    assert!(
        line.contains("--model") && line.contains("closed API"),
        "{line}"
    );
    let line = usage_error(&["sizing", "--model", "llama-3.3-70b", "--gpu", "h1OO"]);
    assert!(line.contains("--gpu: unknown GPU"), "{line}");
    let line = usage_error(&[
        "sizing",
        "--model",
        "llama-3.3-70b",
        "--gpu",
        "h100-sxm",
        "--output-tokens",
        "0",
    ]);
    assert!(line.contains("--output-tokens"), "{line}");
}

#[test]
fn a_model_that_fits_nowhere_gives_its_memory_figures() {
    // DeepSeek R1 at fp16 with million-token requests: 64 RTX 3090s hold the weights but not
    // one sequence's KV cache.
    let line = usage_error(&[
        "sizing",
        "--model",
        "deepseek-r1",
        "--gpu",
        "rtx-3090",
        "--prompt-tokens",
        "1000000",
    ]);
    assert!(line.contains("up to 64 GPUs"), "{line}");
    assert!(
        line.contains("GB of weights") && line.contains("GB of KV cache"),
        "{line}"
    );
}

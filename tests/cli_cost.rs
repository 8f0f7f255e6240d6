//! `tierwise cost` through the real binary: the JSON contract, hand-checked numbers, the
//! quantity syntax and every kind of bad input.

mod cli_support;

use cli_support::{json, tierwise, usage_error};
use serde_json::Value;

const BASE: [&str; 5] = ["cost", "--api", "gpt-4o", "--self-host", "llama-3.1-70b"];

fn cost_json(extra: &[&str]) -> Value {
    let mut args: Vec<&str> = BASE.to_vec();
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--format", "json"]);
    json(&args)
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

fn close(actual: &Value, expected: f64) {
    let a = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{actual} is not a number"));
    assert!(
        (a - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{a} != {expected}"
    );
}

/// Keys in the order they appear in the printed JSON (one key per line when pretty-printed).
fn printed_keys(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let rest = l.trim_start().strip_prefix('"')?;
            let (key, after) = rest.split_once('"')?;
            after.starts_with(':').then(|| key.to_string())
        })
        .collect()
}

const SELF_HOST_KEYS: [&str; 15] = [
    "model",
    "gpu",
    "mode",
    "precision",
    "gpus_per_replica",
    "replicas",
    "gpus",
    "servers",
    "throughput_tokens_per_s",
    "throughput_source",
    "capacity_tokens_per_day",
    "infra_usd_per_month",
    "labor_usd_per_month",
    "usd_per_month",
    "usd_per_million_tokens",
];

const API_KEYS: [&str; 5] = [
    "model",
    "blended_usd_per_million",
    "usd_per_month",
    "break_even_tokens_per_day",
    "stays_cheaper_from_tokens_per_day",
];

#[test]
fn json_keys_are_printed_in_the_documented_order() {
    let out = tierwise(&[
        "cost",
        "--api",
        "gpt-4o",
        "--api",
        "claude-opus-4.7",
        "--self-host",
        "llama-3.1-70b",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut expected = vec!["workload", "tokens_per_day", "input_share", "self_host"];
    expected.extend(SELF_HOST_KEYS);
    expected.push("api");
    expected.extend(API_KEYS);
    expected.extend(API_KEYS);
    assert_eq!(printed_keys(&out.stdout), expected);
}

#[test]
fn json_has_exactly_the_documented_keys() {
    let doc = cost_json(&["--api", "claude-opus-4.7"]);
    let mut top = keys(&doc);
    top.sort_unstable();
    assert_eq!(top, ["api", "self_host", "workload"]);
    let mut wl = keys(&doc["workload"]);
    wl.sort_unstable();
    assert_eq!(wl, ["input_share", "tokens_per_day"]);
    let mut sh = keys(&doc["self_host"]);
    sh.sort_unstable();
    let mut want = SELF_HOST_KEYS.to_vec();
    want.sort_unstable();
    assert_eq!(sh, want);
    let api = doc["api"].as_array().unwrap();
    assert_eq!(api.len(), 2, "one entry per --api, in order");
    assert_eq!(api[0]["model"], "gpt-4o");
    assert_eq!(api[1]["model"], "claude-opus-4.7");
    let mut want = API_KEYS.to_vec();
    want.sort_unstable();
    for a in api {
        let mut got = keys(a);
        got.sort_unstable();
        assert_eq!(got, want);
    }
}

/// tokens/s of one replica of `gpus` H100 SXM running Llama 3.1 70B, as `tierwise sizing`
/// prints it (section 3b of cost-model.md: the model has an architecture).
fn sized_tau(gpus: &str) -> f64 {
    let doc = json(&[
        "sizing",
        "--model",
        "llama-3.1-70b",
        "--gpu",
        "h100-sxm",
        "--gpus-per-replica",
        gpus,
        "--format",
        "json",
    ]);
    doc["throughput"]["total_tokens_per_s"].as_f64().unwrap()
}

/// Rent, defaults: llama-3.1-70b (70B dense, with an architecture) on h100-sxm (80 GB),
/// $2.50/GPU-hour. The replica's tokens/s come from `tierwise sizing`; the rest is
/// cost-model.md sections 2 to 4 by hand.
#[test]
fn rent_scenario_matches_hand_arithmetic() {
    let doc = cost_json(&["--gpu", "h100-sxm", "--gpu-hour-price", "2.5"]);
    let w = &doc["workload"];
    close(&w["tokens_per_day"], 5e6);
    close(&w["input_share"], 0.5);
    let s = &doc["self_host"];
    assert_eq!(s["model"], "llama-3.1-70b");
    assert_eq!(s["gpu"], "h100-sxm");
    assert_eq!(s["mode"], "rent");
    assert_eq!(s["precision"], "fp16");
    // Weights 70 * 2 = 140 GB: 2 GPUs (160 GB, 16 GB reserve) are the smallest power of two
    // that fits. At 5M tokens a day two 2-GPU replicas and one 4-GPU replica both take 4 GPUs
    // (the same bill); the 4-GPU one has the headroom, and the replica choice takes it.
    let tau2 = sized_tau("2");
    let tau4 = sized_tau("4");
    assert_eq!(
        (5e6 / 86_400.0 / (0.5 * tau2)).ceil(),
        2.0,
        "two 2-GPU replicas"
    );
    assert_eq!(
        (5e6 / 86_400.0 / (0.5 * tau4)).ceil(),
        1.0,
        "one 4-GPU replica"
    );
    assert_eq!(s["gpus_per_replica"], 4);
    close(&s["throughput_tokens_per_s"], tau4);
    assert_eq!(s["throughput_source"], "estimated");
    assert_eq!(s["replicas"], 1);
    assert_eq!(s["gpus"], 4);
    assert_eq!(s["servers"], 1);
    close(&s["capacity_tokens_per_day"], 0.5 * tau4 * 86_400.0);
    // infra 4 * 2.50 * 720 = 7,200; labor 0.25 * 192,000 / 12 = 4,000; total 11,200.
    close(&s["infra_usd_per_month"], 7_200.0);
    close(&s["labor_usd_per_month"], 4_000.0);
    close(&s["usd_per_month"], 11_200.0);
    // 11,200 / (30 * 5e6 / 1e6) = 74.67 $/M.
    close(&s["usd_per_million_tokens"], 11_200.0 / 150.0);

    let a = &doc["api"][0];
    // gpt-4o: 0.5 * 2.50 + 0.5 * 10.00 = 6.25 $/M; 30 * 5 * 6.25 = 937.50 a month.
    close(&a["blended_usd_per_million"], 6.25);
    close(&a["usd_per_month"], 937.5);
    // Break-even takes the earliest crossing over the replica sizes. 2 GPUs never cross: a
    // replica costs 3,600 a month for 0.5 * tau2 * 86,400 (about 4M) tokens a day, which the
    // API bills about 750. One 4-GPU replica costs 7,200 + 4,000 = 11,200 and carries
    // 0.5 * tau4 * 86,400 (about 114M) a day, so the crossing is on its first step:
    // 11,200 / (30 * 6.25 / 1e6) = 59,733,333 tokens a day.
    let api_for_2 = 0.5 * tau2 * 86_400.0 * 30.0 * 6.25 / 1e6;
    assert!(
        api_for_2 < 3_600.0,
        "a 2-GPU replica never pays: {api_for_2}"
    );
    let api_at_capacity = 0.5 * tau4 * 86_400.0 * 30.0 * 6.25 / 1e6;
    assert!(api_at_capacity > 18_400.0, "{api_at_capacity}");
    close(
        &a["break_even_tokens_per_day"],
        11_200.0 / (30.0 * 6.25 / 1e6),
    );
    // A full replica's tokens bill more on the API than the next replica costs (18,400 a month
    // for two: 8 GPUs + staff), so once cheaper, self-hosting stays cheaper.
    close(
        &a["stays_cheaper_from_tokens_per_day"],
        11_200.0 / (30.0 * 6.25 / 1e6),
    );
}

/// Buy, measured throughput, int4, two replicas minimum, overhead 10%.
#[test]
fn buy_scenario_matches_hand_arithmetic() {
    let doc = cost_json(&[
        "--tokens-per-day",
        "100M",
        "--mode",
        "buy",
        "--precision",
        "int4",
        "--kv-overhead",
        "0.25",
        "--throughput",
        "1000",
        "--min-replicas",
        "2",
        "--gpu-price",
        "30000",
        "--years",
        "3",
        "--power-watts",
        "700",
        "--pue",
        "1.4",
        "--power-price",
        "0.13",
        "--colo",
        "350",
        "--fte",
        "0.5",
        "--salary",
        "120K",
        "--overhead",
        "0.1",
    ]);
    let s = &doc["self_host"];
    assert_eq!(s["mode"], "buy");
    assert_eq!(s["precision"], "int4");
    // 70 * 0.5 = 35 GB, * 1.25 = 43.75 GB: one GPU per replica.
    assert_eq!(s["gpus_per_replica"], 1);
    close(&s["throughput_tokens_per_s"], 1000.0);
    assert_eq!(s["throughput_source"], "measured");
    // demand 1e8 / 86400 = 1157.4 tokens/s over 0.5 * 1000 = 2.31 -> 3 replicas (> minimum 2).
    assert_eq!(s["replicas"], 3);
    assert_eq!(s["gpus"], 3);
    assert_eq!(s["servers"], 1);
    close(&s["capacity_tokens_per_day"], 3.0 * 0.5 * 1000.0 * 86_400.0);
    // infra = 3 * 30,000 / 36 + 3 * 0.7 kW * 720 h * 1.4 * 0.13 + 1 * 350
    //       = 2,500 + 275.184 + 350 = 3,125.184; labor = 0.5 * 120,000 / 12 = 5,000.
    close(&s["infra_usd_per_month"], 3_125.184);
    close(&s["labor_usd_per_month"], 5_000.0);
    // (3,125.184 + 5,000) * 1.1 = 8,937.7024; per million: / (30 * 100) = 2.97923...
    close(&s["usd_per_month"], 8937.7024);
    close(&s["usd_per_million_tokens"], 8937.7024 / 3_000.0);
    // API: 30 * 100 * 6.25 = 18,750. The minimum of two replicas covers up to 86.4M
    // tokens/day at K_2 = (2 * (833.33 + 91.728) + 350 + 5,000) * 1.1 = 7,920.1344,
    // crossed at 7,920.1344 / (30 * 6.25 / 1e6) = 42,240,717 tokens/day.
    let a = &doc["api"][0];
    close(&a["usd_per_month"], 18_750.0);
    let k2 = (2.0 * (30_000.0 / 36.0 + 0.7 * 720.0 * 1.4 * 0.13) + 350.0 + 5_000.0) * 1.1;
    close(&a["break_even_tokens_per_day"], k2 / (30.0 * 6.25 / 1e6));
    close(
        &a["stays_cheaper_from_tokens_per_day"],
        k2 / (30.0 * 6.25 / 1e6),
    );
}

#[test]
fn never_cheaper_is_null_in_json_and_explained_in_text() {
    // At $100/GPU-hour one replica costs 216,000 a month for 6,867M tokens: $31.46/M > $6.25/M.
    let doc = cost_json(&["--gpu-hour-price", "100"]);
    assert!(doc["api"][0]["break_even_tokens_per_day"].is_null());
    assert!(doc["api"][0]["stays_cheaper_from_tokens_per_day"].is_null());
    let mut args = BASE.to_vec();
    args.extend(["--gpu-hour-price", "100"]);
    let out = tierwise(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("never"), "{}", out.stdout);
    assert!(
        out.stdout.contains("gpt-4o: never cheaper"),
        "{}",
        out.stdout
    );
}

#[test]
fn text_report_is_readable() {
    let out = tierwise(&["cost", "--api", "gpt-5.5", "--self-host", "llama-3.1-70b"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = &out.stdout;
    for needle in [
        "llama-3.1-70b",
        "h100-sxm",
        "gpt-5.5",
        "estimated",
        "tokens/day",
        "BREAK-EVEN",
    ] {
        assert!(text.contains(needle), "missing {needle}:\n{text}");
    }
    let measured = tierwise(&[
        "cost",
        "--api",
        "gpt-5.5",
        "--self-host",
        "llama-3.1-70b",
        "--throughput",
        "2500",
    ]);
    assert!(measured.stdout.contains("measured"), "{}", measured.stdout);
}

#[test]
fn long_prompts_use_the_long_context_price_tier() {
    // gemini-3.1-pro: $2 / $12 per M, and $4 / $18 above 200K prompt tokens.
    let base = [
        "cost",
        "--api",
        "gemini-3.1-pro",
        "--self-host",
        "llama-3.1-70b",
    ];
    let blended = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        args.extend(["--format", "json"]);
        json(&args)["api"][0]["blended_usd_per_million"].clone()
    };
    close(&blended(&[]), 0.5 * 2.0 + 0.5 * 12.0);
    close(&blended(&["--prompt-tokens", "200K"]), 7.0);
    close(
        &blended(&["--prompt-tokens", "250K"]),
        0.5 * 4.0 + 0.5 * 18.0,
    );
    close(
        &blended(&["--prompt-tokens", "250K", "--input-share", "0.8"]),
        0.8 * 4.0 + 0.2 * 18.0,
    );
}

#[test]
fn volume_syntaxes_agree() {
    let reference = cost_json(&["--tokens-per-day", "5000000"]);
    for text in ["5M", "5m", "5000000.0", "5e6", "5E6"] {
        assert_eq!(cost_json(&["--tokens-per-day", text]), reference, "{text}");
    }
    close(
        &cost_json(&["--tokens-per-day", "750K"])["workload"]["tokens_per_day"],
        750_000.0,
    );
    close(
        &cost_json(&["--tokens-per-day", "2.5B"])["workload"]["tokens_per_day"],
        2.5e9,
    );
    assert_eq!(
        cost_json(&["--tokens-per-day", "750K"]),
        cost_json(&["--tokens-per-day", "750000"])
    );
}

#[test]
fn bad_input_exits_2_naming_option_and_value() {
    // (extra arguments after BASE, or a whole command line; substrings the line must hold)
    let cases: &[(&[&str], &[&str])] = &[
        (&["--input-share", "1.5"], &["--input-share", "1.5"]),
        (&["--input-share", "NaN"], &["--input-share", "NaN"]),
        (&["--gpu-hour-price", "-1"], &["--gpu-hour-price", "-1"]),
        (
            &["--gpu-price", "-5", "--mode", "buy"],
            &["--gpu-price", "-5"],
        ),
        (&["--salary", "-5"], &["--salary", "-5"]),
        (&["--colo", "NaN"], &["--colo", "NaN"]),
        (&["--tokens-per-day", "NaN"], &["--tokens-per-day", "NaN"]),
        (&["--tokens-per-day", "500"], &["--tokens-per-day", "500"]),
        (
            &["--tokens-per-day", "200B"],
            &["--tokens-per-day", "200000000000"],
        ),
        (&["--tokens-per-day", "lots"], &["--tokens-per-day", "lots"]),
        (&["--prompt-tokens", "0"], &["--prompt-tokens", "0"]),
        (
            &["--precision", "fp2"],
            &["--precision", "fp2", "int4, fp4"],
        ),
        (&["--mode", "lease"], &["--mode", "lease", "rent"]),
        (&["--min-replicas", "0"], &["--min-replicas", "0", "1000"]),
        (&["--min-replicas", "1.5"], &["--min-replicas", "1.5"]),
        (&["--efficiency", "0"], &["--efficiency", "0"]),
        (&["--utilization", "2"], &["--utilization", "2"]),
        (&["--kv-overhead", "-0.1"], &["--kv-overhead", "-0.1"]),
        (&["--throughput", "0"], &["--throughput", "0"]),
        (&["--years", "0"], &["--years", "0"]),
        (&["--pue", "0.5"], &["--pue", "0.5"]),
        (&["--power-price", "inf"], &["--power-price", "inf"]),
        (&["--power-watts", "-1"], &["--power-watts", "-1"]),
        (&["--fte", "-1"], &["--fte", "-1"]),
        (&["--overhead", "11"], &["--overhead", "11"]),
        (&["--format", "xml"], &["--format", "xml"]),
        (&["--api", "gpt-4x"], &["--api", "gpt-4x", "gpt-4o"]),
        (&["--gpu", "h100"], &["--gpu", "h100", "h100-sxm"]),
        // An open model is not sold through an API in the database.
        (&["--api", "llama-2"], &["--api", "llama-2"]),
    ];
    for (extra, needles) in cases {
        let mut args = BASE.to_vec();
        args.extend_from_slice(extra);
        let line = usage_error(&args);
        for needle in *needles {
            assert!(
                line.contains(needle),
                "{extra:?}: {needle:?} not in {line:?}"
            );
        }
    }
    let whole: &[(&[&str], &[&str])] = &[
        // A closed model cannot be self-hosted.
        (
            &["cost", "--api", "gpt-4o", "--self-host", "gpt-4o"],
            &["--self-host", "gpt-4o"],
        ),
        // An open model without a parameter count cannot be sized.
        (
            &["cost", "--api", "gpt-4o", "--self-host", "amber"],
            &["--self-host", "amber"],
        ),
        (
            &["cost", "--api", "gpt-4o", "--self-host", "lama-3.1-70b"],
            &["--self-host", "lama-3.1-70b", "llama-3.1-70b"],
        ),
        (&["cost", "--api", "gpt-4o"], &["--self-host"]),
        (&["cost", "--self-host", "llama-3.1-70b"], &["--api"]),
    ];
    for (args, needles) in whole {
        let line = usage_error(args);
        for needle in *needles {
            assert!(
                line.contains(needle),
                "{args:?}: {needle:?} not in {line:?}"
            );
        }
    }
}

#[test]
fn unknown_id_suggests_up_to_three_close_ids() {
    let line = usage_error(&[
        "cost",
        "--api",
        "claude-opus-4.77",
        "--self-host",
        "llama-3.1-70b",
    ]);
    let (_, hint) = line.split_once("closest: ").expect("a suggestion");
    let ids: Vec<&str> = hint.split(", ").collect();
    assert!(!ids.is_empty() && ids.len() <= 3, "{line}");
    assert!(ids.contains(&"claude-opus-4.7"), "{line}");
    assert!(ids.iter().all(|id| id.starts_with("claude-opus")), "{line}");
}

#[test]
fn gpu_choice_comes_from_the_database() {
    // rtx-4090 has 24 GB: 140 GB of weights need more than 4 (96 GB), and tensor-parallel
    // sizes are powers of two, so 8 GPUs (192 GB less a 19.2 GB reserve), one 8-GPU server.
    let doc = cost_json(&["--gpu", "rtx-4090"]);
    assert_eq!(doc["self_host"]["gpu"], "rtx-4090");
    assert_eq!(doc["self_host"]["gpus_per_replica"], 8);
    assert_eq!(doc["self_host"]["servers"], 1);
    // Buying uses the database's purchase price, so the bill differs from renting.
    let rent = cost_json(&["--gpu", "a100-80gb"]);
    let buy = cost_json(&["--gpu", "a100-80gb", "--mode", "buy"]);
    assert_eq!(buy["self_host"]["mode"], "buy");
    assert_ne!(
        rent["self_host"]["infra_usd_per_month"],
        buy["self_host"]["infra_usd_per_month"]
    );
}

#[test]
fn a_free_plan_is_refused_with_paid_offerings_to_pick() {
    // Llama 3.3 70B through Nvidia is listed at $0 in and out: a free plan cannot carry volume.
    let line = usage_error(&[
        "cost",
        "--api",
        "llama-3.3-70b@nvidia",
        "--self-host",
        "llama-3.1-70b",
    ]);
    assert!(
        line.starts_with("error: --api:") || line.contains("--api: "),
        "{line}"
    );
    assert!(
        line.contains("llama-3.3-70b@nvidia") && line.contains("free plan"),
        "{line}"
    );
    let (_, hint) = line
        .split_once("closest: ")
        .expect("paid offerings suggested");
    assert!(
        hint.split(", ")
            .all(|id| id.starts_with("llama-3.3-70b@") && id != "llama-3.3-70b@nvidia"),
        "{line}"
    );
}

//! Every formula checked against numbers worked out by hand in the comments.

use super::*;
use crate::domain::catalog::{Figure, LicenseFamily, LongContextPrice, Openness};
use std::collections::BTreeMap;

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} is not within {tolerance} of {expected}"
    );
}

fn h100() -> Gpu {
    Gpu {
        id: "h100-sxm".into(),
        name: "H100".into(),
        vendor: "NVIDIA".into(),
        memory_gb: Figure::new(80.0, "s"),
        bf16_tflops: Figure::new(989.0, "s"),
        power_w: Figure::new(700.0, "s"),
        purchase_usd: Some(Figure::new(32_500.0, "s")),
        rent_usd_per_hour: Some(Figure::new(2.5, "s")),
        memory_bandwidth_tb_s: None,
        fp8_tflops: None,
        int8_tops: None,
        fp4_tflops: None,
        rent_offers: Vec::new(),
        notes: Vec::new(),
    }
}

fn model(id: &str, openness: Openness, total: Option<f64>, active: Option<f64>) -> Model {
    Model {
        id: id.into(),
        name: id.into(),
        vendor: "v".into(),
        origin: None,
        openness: Figure::new(openness, "s"),
        license: None,
        license_family: LicenseFamily::Unknown,
        release: None,
        total_params_b: total.map(|v| Figure::new(v, "s")),
        active_params_b: active.map(|v| Figure::new(v, "s")),
        experts: None,
        context_tokens: None,
        price: None,
        modalities: None,
        scores: BTreeMap::new(),
        description: String::new(),
        notes: Vec::new(),
        hf_repo: None,
        downloads: None,
        architecture: None,
        offerings: Vec::new(),
    }
}

/// Llama 3.1 70B, fp16, on H100 SXM, every other input at its default, renting.
pub(crate) fn llama_on_h100() -> Deployment {
    let llama = model(
        "llama-3.1-70b",
        Openness::OpenWeightsRestricted,
        Some(70.0),
        None,
    );
    deployment_defaults(&llama, &h100()).expect("sizable")
}

#[test]
fn precision_and_mode_names_round_trip() {
    let bytes: Vec<f64> = Precision::ALL.iter().map(|p| p.bytes_per_param()).collect();
    assert_eq!(bytes, [2.0, 2.0, 1.0, 1.0, 0.5, 0.5625]);
    for p in Precision::ALL {
        assert_eq!(Precision::parse(p.as_str()), Some(p));
    }
    assert_eq!(Precision::parse("INT4"), Some(Precision::Int4));
    assert_eq!(Precision::parse("fp4"), Some(Precision::Fp4));
    assert_eq!(Precision::parse("fp2"), None);
    assert_eq!(Mode::parse("buy"), Some(Mode::Buy));
    assert_eq!(Mode::parse("Rent"), Some(Mode::Rent));
    assert_eq!(Mode::parse("lease"), None);
    assert_eq!(ThroughputSource::Measured.as_str(), "measured");
}

#[test]
fn defaults_come_from_the_model_the_gpu_and_the_cost_model() {
    let d = llama_on_h100();
    assert_eq!((d.params_total_b, d.params_active_b), (70.0, 70.0));
    assert_eq!(
        (d.gpu_memory_gb, d.gpu_tflops, d.power_watts),
        (80.0, 989.0, 700.0)
    );
    assert_eq!((d.gpu_hour_price, d.gpu_price), (2.5, 32_500.0));
    assert_eq!(d.precision, Precision::Fp16);
    assert_eq!(
        (d.kv_overhead, d.efficiency, d.utilization),
        (0.2, 0.25, 0.5)
    );
    assert_eq!(
        (d.min_replicas, d.throughput, d.mode),
        (1, None, Mode::Rent)
    );
    assert_eq!(
        (d.years, d.pue, d.power_price, d.colo),
        (3.0, 1.4, 0.13, 350.0)
    );
    assert_eq!((d.fte, d.salary, d.overhead), (0.25, 192_000.0, 0.0));
    assert_eq!(d.validate(), Ok(()));
    let w = Workload::default();
    assert_eq!(
        (w.tokens_per_day, w.input_share, w.prompt_tokens),
        (5e6, 0.5, 2_000.0)
    );
    assert_eq!(w.validate(), Ok(()));
}

#[test]
fn moe_models_size_by_total_and_run_by_active_parameters() {
    let moe = model(
        "moe",
        Openness::OpenWeightsPermissive,
        Some(671.0),
        Some(37.0),
    );
    let d = deployment_defaults_for(&moe, &h100(), Mode::Buy).unwrap();
    assert_eq!(
        (d.params_total_b, d.params_active_b, d.mode),
        (671.0, 37.0, Mode::Buy)
    );
}

#[test]
fn models_that_cannot_be_sized_and_missing_gpu_prices_are_named() {
    let closed = model("gpt-4o", Openness::ClosedApi, Some(200.0), None);
    let err = deployment_defaults(&closed, &h100()).unwrap_err();
    assert_eq!((err.field, err.value.as_str()), ("self-host", "gpt-4o"));
    assert!(err.to_string().contains("cannot be sized"), "{err}");
    let unsized_model = model("mystery", Openness::FullyOpen, None, None);
    let err = deployment_defaults(&unsized_model, &h100()).unwrap_err();
    assert!(err.allowed.contains("no parameter count"), "{err}");

    let llama = model("llama", Openness::OpenWeightsRestricted, Some(70.0), None);
    let mut h200 = h100();
    h200.id = "h200".into();
    h200.rent_usd_per_hour = None;
    let err = deployment_defaults(&llama, &h200).unwrap_err();
    assert_eq!(err.field, "gpu-hour-price");
    assert!(
        err.to_string().contains("no rental price for h200"),
        "{err}"
    );
    assert!(err.to_string().contains("--mode buy"), "{err}");
    // Buying works; the unknown rental rate is 0 and default_price still names it.
    let d = deployment_defaults_for(&llama, &h200, Mode::Buy).unwrap();
    assert_eq!((d.gpu_price, d.gpu_hour_price), (32_500.0, 0.0));
    assert!(default_price(&h200, Mode::Rent).is_err());
    h200.purchase_usd = None;
    let err = deployment_defaults_for(&llama, &h200, Mode::Buy).unwrap_err();
    assert_eq!(err.field, "gpu-price");
}

#[test]
fn blended_price_uses_the_input_share_and_the_long_context_tier() {
    // GPT-4o at $2.50 in / $10 out: s = 0.5 -> 1.25 + 5 = 6.25; s = 0.8 -> 2 + 2 = 4.
    let gpt = Price {
        input: 2.5,
        output: 10.0,
        long_context: None,
    };
    let mut w = Workload::default();
    close(blended_price(&gpt, &w), 6.25, 1e-12);
    w.input_share = 0.8;
    close(blended_price(&gpt, &w), 4.0, 1e-12);
    // $1.25/$10, and $2.50/$15 above 200K prompt tokens.
    let tiered = Price {
        input: 1.25,
        output: 10.0,
        long_context: Some(LongContextPrice {
            above_tokens: 200_000,
            input: 2.5,
            output: 15.0,
        }),
    };
    w.input_share = 0.5;
    close(blended_price(&tiered, &w), 5.625, 1e-12); // 0.625 + 5
    w.prompt_tokens = 200_000.0; // not above the threshold
    close(blended_price(&tiered, &w), 5.625, 1e-12);
    w.prompt_tokens = 250_000.0;
    close(blended_price(&tiered, &w), 8.75, 1e-12); // 1.25 + 7.5
}

#[test]
fn api_bill_is_thirty_days_of_millions_times_the_blended_price() {
    // 5M tokens/day * 30 = 150M tokens a month; at $6.25/M that is $937.50.
    let gpt = Price {
        input: 2.5,
        output: 10.0,
        long_context: None,
    };
    close(api_monthly_cost(&gpt, &Workload::default()), 937.5, 1e-9);
    close(api_monthly_cost_at(6.25, 1e9), 187_500.0, 1e-6);
    assert_eq!(api_monthly_cost_at(6.25, 0.0), 0.0);
}

#[test]
fn llama_70b_on_h100_sizes_by_hand() {
    // W = 70 * 2 = 140 GB; M = 140 * 1.2 = 168 GB; n_r = ceil(168 / 80) = 3.
    // tau = 3 * 989e12 * 0.25 / (2 * 70e9) = 741.75e12 / 140e9 = 5,298.214 tokens/s.
    // c = 0.5 * 5,298.214 * 86,400 = 228,882,857 tokens/day.
    let d = llama_on_h100();
    let s = size(&d, 5e6);
    close(s.weights_gb, 140.0, 1e-9);
    close(s.memory_gb, 168.0, 1e-9);
    assert_eq!(s.gpus_per_replica, 3);
    close(s.replica_tokens_per_s, 5_298.214_285_714, 1e-6);
    assert_eq!(s.throughput_source, ThroughputSource::Estimated);
    close(
        replica_capacity_tokens_per_day(&d),
        228_882_857.142_857,
        1e-3,
    );
    // r = 5e6 / 86,400 = 57.87 tokens/s; R = max(1, ceil(57.87 / 2,649.1)) = 1; N = 3; S = 1.
    close(s.demand_tokens_per_s, 57.870_370_37, 1e-6);
    assert_eq!((s.replicas, s.gpus, s.servers), (1, 3, 1));
    close(s.capacity_tokens_per_day, 228_882_857.142_857, 1e-3);
    // 1B tokens/day: R = ceil(1e9 / 228.88M) = ceil(4.369) = 5; N = 15; S = ceil(15 / 8) = 2.
    let s = size(&d, 1e9);
    assert_eq!((s.replicas, s.gpus, s.servers), (5, 15, 2));
    close(s.capacity_tokens_per_day, 5.0 * 228_882_857.142_857, 1e-2);
}

#[test]
fn precision_min_replicas_and_measured_throughput_change_the_sizing() {
    // int4: W = 35, M = 42, n_r = 1; tau = 989e12 * 0.25 / 140e9 = 1,766.07 tokens/s.
    let mut d = llama_on_h100();
    d.precision = Precision::Int4;
    let s = size(&d, 5e6);
    assert_eq!((s.gpus_per_replica, s.gpus), (1, 1));
    close(s.replica_tokens_per_s, 1_766.071_428_571, 1e-6);
    // R_min = 2 holds two replicas even at a tiny volume.
    let mut d = llama_on_h100();
    d.min_replicas = 2;
    assert_eq!(size(&d, 1_000.0).replicas, 2);
    // Measured 1,000 tokens/s: c = 0.5 * 1,000 * 86,400 = 43.2M; 100M -> ceil(2.31) = 3.
    let mut d = llama_on_h100();
    d.throughput = Some(1_000.0);
    let s = size(&d, 1e8);
    assert_eq!(
        (s.throughput_source, s.replicas, s.gpus),
        (ThroughputSource::Measured, 3, 9)
    );
    // Exactly at capacity: 43.2M needs one replica, one more token needs two.
    assert_eq!(size(&d, 43_200_000.0).replicas, 1);
    assert_eq!(size(&d, 43_200_001.0).replicas, 2);
}

#[test]
fn rent_bill_labor_overhead_and_unit_cost_by_hand() {
    // Rent: infra = 3 GPUs * $2.50 * 720 h = $5,400; labor = 0.25 * 192,000 / 12 = $4,000.
    // Total $9,400; unit cost = 9,400 / (30 * 5) = $62.67 per million tokens.
    let d = llama_on_h100();
    let c = self_host_cost(&d, 5e6);
    close(c.infra_usd_per_month, 5_400.0, 1e-9);
    close(c.labor_usd_per_month, 4_000.0, 1e-9);
    close(c.usd_per_month, 9_400.0, 1e-9);
    close(c.usd_per_million_tokens, 62.666_666_667, 1e-6);
    // 1B tokens/day: 15 GPUs * 1,800 = 27,000 + 4,000 = $31,000.
    close(self_host_cost(&d, 1e9).usd_per_month, 31_000.0, 1e-6);
    // Overhead 10% on the whole bill: 9,400 * 1.1 = $10,340.
    let mut d = llama_on_h100();
    d.overhead = 0.1;
    close(self_host_cost(&d, 5e6).usd_per_month, 10_340.0, 1e-6);
    assert_eq!(monthly_cost_with_replicas(&llama_on_h100(), 2), 14_800.0);
    assert_eq!(
        self_host_cost(&d, 0.0).usd_per_million_tokens,
        f64::INFINITY
    );
}

#[test]
fn buy_bill_amortizes_powers_and_colocates_by_hand() {
    // Per GPU: 32,500 / (12 * 3) = 902.78 amortization
    //        + 700 W / 1000 * 720 h * 1.4 PUE * $0.13 = 91.728 power  -> $994.506 a month.
    // 5M/day: 3 GPUs -> 2,983.52 + 1 server * 350 = 3,333.52 infra; + 4,000 labor = 7,333.52.
    let mut d = llama_on_h100();
    d.mode = Mode::Buy;
    let c = self_host_cost(&d, 5e6);
    close(
        c.infra_usd_per_month,
        3.0 * (32_500.0 / 36.0 + 91.728) + 350.0,
        1e-9,
    );
    close(c.infra_usd_per_month, 3_333.517, 1e-3);
    close(c.usd_per_month, 7_333.517, 1e-3);
    // 1B/day: 15 GPUs * 994.5058 = 14,917.587 + 2 servers * 350 = 15,617.587; + 4,000 = 19,617.587.
    close(self_host_cost(&d, 1e9).usd_per_month, 19_617.587, 1e-3);
}

#[test]
fn marginal_cost_is_one_replicas_infra_over_its_capacity() {
    // Rent: 5,400 / (30 * 228.882857) = 5,400 / 6,866.49 = $0.7864 per million.
    let d = llama_on_h100();
    close(marginal_usd_per_million(&d), 0.786_428, 1e-6);
    // Buy: (3 * 994.506 + 3/8 * 350) / 6,866.49 = 3,114.767 / 6,866.49 = $0.4536.
    let mut d = llama_on_h100();
    d.mode = Mode::Buy;
    close(marginal_usd_per_million(&d), 0.453_619, 1e-6);
}

#[test]
fn absurd_sizes_saturate_instead_of_overflowing() {
    let mut d = llama_on_h100();
    d.throughput = Some(1e-6);
    let s = size(&d, 1e15);
    assert_eq!(
        (s.replicas, s.gpus, s.servers),
        (u32::MAX, u32::MAX, u32::MAX)
    );
    assert!(self_host_cost(&d, 1e15).usd_per_month.is_finite());
    assert_eq!(size(&d, f64::NAN).replicas, 1);
}

#[test]
fn input_errors_name_the_option_the_value_and_the_range() {
    let mut d = llama_on_h100();
    d.utilization = 1.5;
    let err = d.validate().unwrap_err();
    assert_eq!(
        err.to_string(),
        "--utilization: 1.5 is not allowed; expected a number > 0 and <= 1"
    );
    let mut d = llama_on_h100();
    d.params_active_b = 80.0;
    assert!(
        d.validate()
            .unwrap_err()
            .to_string()
            .contains("<= --params-total (70)")
    );
    let mut d = llama_on_h100();
    d.min_replicas = 0;
    assert_eq!(d.validate().unwrap_err().field, "min-replicas");
    let mut d = llama_on_h100();
    d.gpu_memory_gb = 1e-6;
    assert_eq!(d.validate().unwrap_err().field, "gpu-memory");
    let mut d = llama_on_h100();
    d.throughput = Some(1e-6);
    let err = d.validate().unwrap_err();
    assert!(err.to_string().contains("at least 1 token a day"), "{err}");
    let w = Workload {
        tokens_per_day: f64::NAN,
        ..Workload::default()
    };
    let err = w.validate().unwrap_err();
    assert_eq!((err.field, err.value.as_str()), ("tokens-per-day", "NaN"));
    let w = Workload {
        tokens_per_day: 5e-300,
        ..Workload::default()
    };
    assert_eq!(w.validate().unwrap_err().value, "5e-300");
}

#[test]
fn inputs_serialize_with_the_cli_spellings() {
    let d = llama_on_h100();
    let json = serde_json::to_string(&d).unwrap();
    assert!(
        json.contains(r#""precision":"fp16""#) && json.contains(r#""mode":"rent""#),
        "{json}"
    );
    let back: Deployment = serde_json::from_str(&json).unwrap();
    assert_eq!(back, d);
    let w: Workload =
        serde_json::from_str(&serde_json::to_string(&Workload::default()).unwrap()).unwrap();
    assert_eq!(w, Workload::default());
}

/// Llama 3.1 70B's architecture on an H100 with its datasheet bandwidth and FP8 rate.
fn llama_with_architecture() -> Deployment {
    let mut d = llama_on_h100();
    d.architecture = Some(crate::domain::catalog::Architecture::full_attention(
        80, 64, 8, 128, 8192,
    ));
    d.memory_bandwidth_tb_s = Some(3.35);
    d.fp8_tflops = Some(1979.0);
    d.precision = Precision::Fp8;
    d
}

#[test]
fn the_bill_the_staircase_and_the_marginal_price_share_one_plan() {
    let mut d = llama_with_architecture();
    d.gpus_per_replica = Some(4);
    let plan = d.plan();
    let r = plan.replica.as_ref().expect("architecture estimate");
    let c = self_host_cost(&d, 5e7);
    assert_eq!(f64::from(c.sizing.gpus_per_replica), plan.gpus);
    assert_eq!(c.sizing.replica_tokens_per_s, plan.tokens_per_s);
    assert_eq!(c.sizing.memory_gb, r.memory_gb);
    assert_eq!(
        replica_tokens_per_s(&d),
        (plan.tokens_per_s, ThroughputSource::Estimated)
    );
    assert_eq!(
        replica_capacity_tokens_per_day(&d),
        d.utilization * plan.tokens_per_s * SECONDS_PER_DAY
    );
    // One more replica: n GPUs at $2.50 an hour over what it serves at 50% a month.
    let month = plan.gpus * 2.5 * HOURS_PER_MONTH;
    let served = DAYS_PER_MONTH * 0.5 * plan.tokens_per_s * SECONDS_PER_DAY / 1e6;
    close(marginal_usd_per_million(&d), month / served, 1e-9);
}

#[test]
fn longer_outputs_cost_more_per_token_and_the_measured_figure_still_wins() {
    let chat = llama_with_architecture();
    let mut long = chat.clone();
    long.output_tokens = 8000.0;
    assert!(long.plan().tokens_per_s < chat.plan().tokens_per_s);
    assert!(marginal_usd_per_million(&long) > marginal_usd_per_million(&chat));
    let mut measured = chat.clone();
    measured.throughput = Some(777.0);
    assert_eq!(
        replica_tokens_per_s(&measured),
        (777.0, ThroughputSource::Measured)
    );
}

#[test]
fn unpinned_the_cheapest_replica_size_bills_each_volume() {
    let d = llama_with_architecture();
    let options = d.size_options();
    // 70 GB of weights fit one H100; the node sizes 1, 2, 4 and 8 are the options.
    let sizes: Vec<u32> = options.iter().filter_map(|o| o.gpus_per_replica).collect();
    assert_eq!(sizes, [1, 2, 4, 8]);
    for v in [1e6, 5e7, 5e9] {
        let best = self_host_cost(&d, v).usd_per_month;
        let each: Vec<f64> = options
            .iter()
            .map(|o| self_host_cost(o, v).usd_per_month)
            .collect();
        assert_eq!(
            best,
            each.iter().copied().fold(f64::INFINITY, f64::min),
            "{v}"
        );
    }
    let marginal = options
        .iter()
        .map(marginal_usd_per_million)
        .fold(f64::INFINITY, f64::min);
    assert_eq!(marginal_usd_per_million(&d), marginal);
    // Pinned or measured: one option.
    let mut pinned = d.clone();
    pinned.gpus_per_replica = Some(2);
    assert_eq!(pinned.size_options().len(), 1);
}

#[test]
fn the_break_even_is_the_earliest_of_the_replica_sizes() {
    let d = llama_with_architecture();
    let x = crate::domain::breakeven::crossover(15.0, &d);
    let earliest = d
        .size_options()
        .iter()
        .filter_map(|o| crate::domain::breakeven::crossover(15.0, o).break_even_tokens_per_day)
        .fold(f64::INFINITY, f64::min);
    assert_eq!(x.break_even_tokens_per_day, Some(earliest));
    assert!(earliest.is_finite());
    // At the break-even volume the cheapest size is no dearer than the API at $15/M.
    let v = earliest;
    assert!(self_host_cost(&d, v).usd_per_month <= 30.0 * v / 1e6 * 15.0 * (1.0 + 1e-9));
}

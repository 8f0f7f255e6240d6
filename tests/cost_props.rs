//! Properties of the cost model over random valid inputs, through the public API only.

use proptest::prelude::*;
use tierwise::domain::breakeven::{VOLUME_MAX, VOLUME_MIN, crossover, log_volumes};
use tierwise::domain::catalog::Price;
use tierwise::domain::cost::{
    Deployment, Mode, Precision, Workload, api_monthly_cost, api_monthly_cost_at, self_host_cost,
};
use tierwise::domain::units::{format_tokens, parse_quantity};

fn log_uniform(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    (lo.log10()..hi.log10()).prop_map(|e| 10f64.powf(e))
}

/// Valid deployments, from tiny models on big GPUs to measured throughputs of a few tokens/s
/// (tens of millions of staircase steps).
fn deployment() -> impl Strategy<Value = Deployment> {
    (
        (
            log_uniform(0.5, 2_000.0),
            0.02f64..=1.0,
            0usize..5,
            0.0f64..3.0,
            8.0f64..288.0,
        ),
        (
            log_uniform(50.0, 5_000.0),
            0.05f64..=1.0,
            0.05f64..=1.0,
            1u32..5,
        ),
        prop::option::of(log_uniform(0.05, 1e6)),
        (any::<bool>(), 0.0f64..12.0, 0.0f64..80_000.0, 0.5f64..8.0),
        (0.0f64..1_500.0, 1.0f64..=3.0, 0.0f64..0.5, 0.0f64..20_000.0),
        (0.0f64..4.0, 0.0f64..400_000.0, 0.0f64..2.0),
    )
        .prop_map(|(size, gpu, throughput, buy, power, staff)| Deployment {
            params_total_b: size.0,
            params_active_b: size.0 * size.1,
            precision: Precision::ALL[size.2],
            kv_overhead: size.3,
            gpu_memory_gb: size.4,
            gpu_tflops: gpu.0,
            efficiency: gpu.1,
            utilization: gpu.2,
            min_replicas: gpu.3,
            throughput,
            mode: if buy.0 { Mode::Buy } else { Mode::Rent },
            gpu_hour_price: buy.1,
            gpu_price: buy.2,
            years: buy.3,
            power_watts: power.0,
            pue: power.1,
            power_price: power.2,
            colo: power.3,
            fte: staff.0,
            salary: staff.1,
            overhead: staff.2,
            architecture: None,
            memory_bandwidth_tb_s: None,
            fp8_tflops: None,
            int8_tops: None,
            fp4_tflops: None,
            kv_precision: Default::default(),
            serving: Default::default(),
            gpus_per_replica: None,
            prompt_tokens: 2000.0,
            output_tokens: 2000.0,
            tokens_per_day: None,
        })
        .prop_filter("valid", |d| d.validate().is_ok())
}

fn cost(d: &Deployment, v: f64) -> f64 {
    self_host_cost(d, v).usd_per_month
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn self_hosted_cost_never_falls_as_volume_grows(
        d in deployment(),
        a in log_uniform(VOLUME_MIN, VOLUME_MAX),
        b in log_uniform(VOLUME_MIN, VOLUME_MAX),
    ) {
        let (lo, hi) = (a.min(b), a.max(b));
        prop_assert!(cost(&d, lo) <= cost(&d, hi));
        prop_assert!(cost(&d, lo).is_finite() && cost(&d, lo) >= 0.0);
        let s = self_host_cost(&d, hi).sizing;
        prop_assert!(s.capacity_tokens_per_day >= hi * (1.0 - 1e-12));
    }

    #[test]
    fn the_api_line_is_linear_through_zero(
        input in 0.0f64..100.0,
        output in 0.0f64..200.0,
        share in 0.0f64..=1.0,
        v in log_uniform(VOLUME_MIN, VOLUME_MAX),
    ) {
        let price = Price { input, output, long_context: None };
        let w = Workload { tokens_per_day: v, input_share: share, prompt_tokens: 2_000.0, output_tokens: 2_000.0 };
        let double = Workload { tokens_per_day: 2.0 * v, ..w.clone() };
        prop_assert_eq!(api_monthly_cost(&price, &double), 2.0 * api_monthly_cost(&price, &w));
        let zero = Workload { tokens_per_day: 0.0, ..w.clone() };
        prop_assert_eq!(api_monthly_cost(&price, &zero), 0.0);
    }

    #[test]
    fn break_even_is_a_real_crossing(d in deployment(), b in log_uniform(0.01, 1_000.0)) {
        let x = crossover(b, &d);
        let api = |v: f64| api_monthly_cost_at(b, v);
        match x.break_even_tokens_per_day {
            Some(v) => {
                prop_assert!(x.never_reason.is_none());
                prop_assert!((VOLUME_MIN..=VOLUME_MAX).contains(&v));
                prop_assert!(cost(&d, v) <= api(v), "at {v}: {} > {}", cost(&d, v), api(v));
                for below in [v.next_down(), v * (1.0 - 1e-9)] {
                    if below >= VOLUME_MIN {
                        prop_assert!(cost(&d, below) > api(below), "cheaper already at {below}");
                    }
                }
                // No earlier crossing anywhere below.
                for u in log_volumes(64, VOLUME_MIN, v.next_down()) {
                    if u < v {
                        prop_assert!(cost(&d, u) > api(u), "cheaper already at {u} < {v}");
                    }
                }
            }
            None => {
                prop_assert!(x.stays_cheaper_from_tokens_per_day.is_none());
                prop_assert!(x.never_reason.is_some());
                for u in log_volumes(200, VOLUME_MIN, VOLUME_MAX) {
                    prop_assert!(cost(&d, u) > api(u), "cheaper at {u} yet never reported");
                }
            }
        }
    }

    #[test]
    fn stays_cheaper_from_holds_at_every_sampled_larger_volume(
        d in deployment(),
        b in log_uniform(0.01, 1_000.0),
        extra in prop::collection::vec(0.0f64..1.0, 64),
    ) {
        let x = crossover(b, &d);
        let api = |v: f64| api_monthly_cost_at(b, v);
        if let Some(from) = x.stays_cheaper_from_tokens_per_day {
            prop_assert!(from >= x.break_even_tokens_per_day.unwrap());
            prop_assert!(cost(&d, from) <= api(from));
            if from > VOLUME_MIN {
                let below = from.next_down();
                prop_assert!(cost(&d, below) > api(below), "already cheaper for good at {below}");
            }
            let span = (VOLUME_MAX / from).ln();
            let mut samples = log_volumes(200, from, VOLUME_MAX);
            samples.extend(extra.iter().map(|f| from * (f * span).exp()));
            for v in samples {
                prop_assert!(cost(&d, v) <= api(v), "dearer at {v} > {from}");
            }
        }
    }

    #[test]
    fn formatted_token_counts_parse_back(v in log_uniform(1.0, 1e14)) {
        let text = format_tokens(v);
        let back = parse_quantity(&text).unwrap();
        prop_assert!((back - v).abs() <= v * 0.005, "{v} -> {text} -> {back}");
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(text in "\\PC{0,12}") {
        if let Ok(v) = parse_quantity(&text) {
            prop_assert!(v.is_finite());
        }
    }
}

type Setter = fn(&mut Deployment, f64);
type WorkloadSetter = fn(&mut Workload, f64);

/// Every numeric field with values it must refuse (besides NaN and the infinities).
fn deployment_fields() -> Vec<(&'static str, Setter, Vec<f64>)> {
    vec![
        (
            "params-total",
            |d, v| d.params_total_b = v,
            vec![0.0, -70.0],
        ),
        (
            "params-active",
            |d, v| d.params_active_b = v,
            vec![0.0, -1.0, 70.5],
        ),
        ("kv-overhead", |d, v| d.kv_overhead = v, vec![-0.1, 10.5]),
        (
            "gpu-memory",
            |d, v| d.gpu_memory_gb = v,
            vec![0.0, -80.0, 1e-9],
        ),
        ("gpu-tflops", |d, v| d.gpu_tflops = v, vec![0.0, -1.0]),
        ("efficiency", |d, v| d.efficiency = v, vec![0.0, -0.5, 1.01]),
        (
            "utilization",
            |d, v| d.utilization = v,
            vec![0.0, -0.5, 1.5],
        ),
        (
            "throughput",
            |d, v| d.throughput = Some(v),
            vec![0.0, -5.0, 2e12, 1e-9],
        ),
        (
            "gpu-hour-price",
            |d, v| d.gpu_hour_price = v,
            vec![-0.01, 1.1e12],
        ),
        ("gpu-price", |d, v| d.gpu_price = v, vec![-1.0, 2e12]),
        ("years", |d, v| d.years = v, vec![0.0, -3.0, 20.5]),
        ("power-watts", |d, v| d.power_watts = v, vec![-1.0, 2e6]),
        ("pue", |d, v| d.pue = v, vec![0.99, 3.01, 0.0]),
        ("power-price", |d, v| d.power_price = v, vec![-0.13, 1e13]),
        ("colo", |d, v| d.colo = v, vec![-350.0, 1e13]),
        ("fte", |d, v| d.fte = v, vec![-0.25, 2e6]),
        ("salary", |d, v| d.salary = v, vec![-1.0, 1e13]),
        ("overhead", |d, v| d.overhead = v, vec![-0.1, 10.01]),
    ]
}

fn llama_on_h100() -> Deployment {
    let catalog = tierwise::data::embedded_catalog().expect("embedded catalogue");
    let model = catalog.model("llama-3.1-70b").expect("llama");
    let gpu = catalog.gpu("h100-sxm").expect("h100");
    tierwise::domain::cost::deployment_defaults(model, gpu).expect("defaults")
}

#[test]
fn validation_refuses_every_bad_value_of_every_field() {
    let good = llama_on_h100();
    assert_eq!(good.validate(), Ok(()));
    for (field, set, bad) in deployment_fields() {
        for v in bad
            .into_iter()
            .chain([f64::NAN, f64::INFINITY, f64::NEG_INFINITY])
        {
            let mut d = good.clone();
            set(&mut d, v);
            let err = d.validate().expect_err(field);
            assert_eq!(err.field, field, "{field} = {v}: {err}");
            let text = err.to_string();
            assert!(text.starts_with(&format!("--{field}: ")), "{text}");
            assert!(text.contains("expected"), "{text}");
        }
    }
    for r in [0, 1001, u32::MAX] {
        let mut d = good.clone();
        d.min_replicas = r;
        assert_eq!(d.validate().unwrap_err().field, "min-replicas");
    }
    let workload_fields: [(&str, WorkloadSetter, Vec<f64>); 3] = [
        (
            "tokens-per-day",
            |w, v| w.tokens_per_day = v,
            vec![999.0, 0.0, -5e6, 1.1e11],
        ),
        ("input-share", |w, v| w.input_share = v, vec![-0.01, 1.01]),
        (
            "prompt-tokens",
            |w, v| w.prompt_tokens = v,
            vec![0.5, -1.0, 1.1e7],
        ),
    ];
    for (field, set, bad) in workload_fields {
        for v in bad
            .into_iter()
            .chain([f64::NAN, f64::INFINITY, f64::NEG_INFINITY])
        {
            let mut w = Workload::default();
            set(&mut w, v);
            let err = w.validate().expect_err(field);
            assert_eq!(err.field, field, "{field} = {v}: {err}");
        }
    }
}

proptest! {
    #[test]
    fn validation_accepts_the_edges_of_every_range(
        share in prop::sample::select(vec![0.0, 1.0]),
        v in prop::sample::select(vec![VOLUME_MIN, VOLUME_MAX]),
        prompt in prop::sample::select(vec![1.0, 1e7]),
    ) {
        let w = Workload { tokens_per_day: v, input_share: share, prompt_tokens: prompt, output_tokens: 2_000.0 };
        prop_assert_eq!(w.validate(), Ok(()));
        let mut d = llama_on_h100();
        d.kv_overhead = 10.0;
        d.efficiency = 1.0;
        d.utilization = 1.0;
        d.min_replicas = 1000;
        d.gpu_hour_price = 1e12;
        d.years = 20.0;
        d.pue = 3.0;
        d.overhead = 10.0;
        d.fte = 0.0;
        prop_assert_eq!(d.validate(), Ok(()));
    }
}

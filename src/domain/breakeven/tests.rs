//! Break-even by hand, and the residue search against a step-by-step scan of the staircase.

use super::*;
use crate::domain::catalog::Price;
use crate::domain::cost::tests::llama_on_h100;
use crate::domain::cost::{Mode, Precision, Workload, self_host_cost, size};
use proptest::prelude::*;

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} is not within {tolerance} of {expected}"
    );
}

/// The same answers found by visiting every segment: the oracle for the residue search.
fn scan(blended: f64, d: &Deployment) -> (Option<f64>, Option<f64>) {
    let stairs = Stairs::new(d, VOLUME_MIN, VOLUME_MAX).expect("sizable");
    let s = Search { stairs, blended };
    let (mut first, mut last_dearer) = (None, None);
    let mut r = s.stairs.r_lo;
    while r <= s.stairs.r_hi {
        if first.is_none() {
            first = s.crossing_in(r);
        }
        if s.dearer_at_start(r) {
            last_dearer = Some(r);
        }
        r += 1.0;
    }
    let stays = match last_dearer {
        None => Some(VOLUME_MIN),
        Some(r) => s
            .crossing_in(r)
            .or_else(|| (r < s.stairs.r_hi).then(|| s.stairs.start(r + 1.0))),
    };
    (first, stays)
}

#[test]
fn gpt_4o_against_llama_70b_on_h100_by_hand() {
    // b = 6.25 $/M, a = 30 * 6.25 / 1e6 = 1.875e-4 $/month per token/day.
    // Segment 1 covers up to c = 228,882,857 tokens/day at K_1 = $9,400:
    // V* = 9,400 / 1.875e-4 = 50,133,333 tokens/day, inside segment 1.
    // Segment 2 starts at 228.9M where A = $42,916 > K_2 = $14,800: never dearer again.
    let x = crossover(6.25, &llama_on_h100());
    close(x.break_even_tokens_per_day.unwrap(), 50_133_333.333, 1e-3);
    assert_eq!(
        x.stays_cheaper_from_tokens_per_day,
        x.break_even_tokens_per_day
    );
    assert_eq!(x.never_reason, None);
}

#[test]
fn adding_a_replica_can_make_self_hosting_dearer_again() {
    // b = 1.5: a = 4.5e-5. Segment 1: V* = 9,400 / 4.5e-5 = 208,888,889 < c = 228.9M.
    // Segment 2 starts at 228.9M with A = $10,300 < K_2 = $14,800: dearer again, until
    // 14,800 / 4.5e-5 = 328,888,889 (< 2c = 457.8M). Segment 3 starts at 457.8M with
    // A = $20,599 > K_3 = $20,200, and every later step stays below the line.
    let x = crossover(1.5, &llama_on_h100());
    close(x.break_even_tokens_per_day.unwrap(), 208_888_888.889, 1e-3);
    close(
        x.stays_cheaper_from_tokens_per_day.unwrap(),
        328_888_888.889,
        1e-3,
    );
}

#[test]
fn never_says_why() {
    // b = 0.50 is below the marginal $0.786/M of renting a replica: never.
    let x = crossover(0.5, &llama_on_h100());
    assert_eq!(x.break_even_tokens_per_day, None);
    assert_eq!(x.stays_cheaper_from_tokens_per_day, None);
    let Some(NeverReason::MarginalAboveApi {
        marginal_usd_per_million,
        api_usd_per_million,
    }) = x.never_reason.clone()
    else {
        panic!("{:?}", x.never_reason)
    };
    close(marginal_usd_per_million, 0.786_428, 1e-6);
    assert_eq!(api_usd_per_million, 0.5);
    assert!(
        x.never_reason
            .unwrap()
            .to_string()
            .contains("$0.79 per million")
    );
    // A million FTE: labor $16B a month; the crossing lies near 9.8e13, beyond 1e11.
    let mut d = llama_on_h100();
    d.fte = 1e6;
    let x = crossover(6.25, &d);
    assert_eq!(x.never_reason, Some(NeverReason::NotWithinRange));
    assert!(x.never_reason.unwrap().to_string().contains("1K to 100B"));
    assert_eq!(
        crossover(f64::NAN, &llama_on_h100()).break_even_tokens_per_day,
        None
    );
}

#[test]
fn an_expensive_api_breaks_even_at_the_bottom_of_the_range() {
    // A(1,000) = 30 * 1,000 / 1e6 * 1e7 = $300,000 > $9,400.
    let x = crossover(1e7, &llama_on_h100());
    assert_eq!(x.break_even_tokens_per_day, Some(VOLUME_MIN));
    assert_eq!(x.stays_cheaper_from_tokens_per_day, Some(VOLUME_MIN));
}

#[test]
fn billions_of_steps_are_searched_without_walking_them() {
    // c = 1 * 0.02 * 86,400 = 1,728 tokens/day: about 58 million steps in the range.
    let mut d = llama_on_h100();
    d.throughput = Some(0.02);
    d.utilization = 1.0;
    d.mode = Mode::Buy;
    d.fte = 1000.0;
    // Marginal: (3 * 994.506 + 3/8 * 350) / (30 * 1,728 / 1e6) = 3,114.77 / 0.05184 = $60,084/M.
    let b = 70_000.0;
    let x = crossover(b, &d);
    let v = x.break_even_tokens_per_day.expect("crosses");
    let c = |v: f64| self_host_cost(&d, v).usd_per_month;
    let a = |v: f64| api_monthly_cost_at(b, v);
    assert!(c(v) <= a(v));
    assert!(c(v.next_down()) > a(v.next_down()));
    let from = x.stays_cheaper_from_tokens_per_day.expect("stays");
    assert!(from >= v);
}

#[test]
fn curves_are_log_spaced_and_match_the_bills() {
    let d = llama_on_h100();
    let price = Price {
        input: 2.5,
        output: 10.0,
        long_context: None,
    };
    let curve = cost_curve(
        &d,
        &price,
        &Workload::default(),
        200,
        VOLUME_MIN,
        VOLUME_MAX,
    );
    assert_eq!(curve.len(), 200);
    assert_eq!(curve[0].tokens_per_day, VOLUME_MIN);
    assert_eq!(curve[199].tokens_per_day, VOLUME_MAX);
    // 8 decades in 199 steps: each step multiplies by 10^(8/199).
    close(
        curve[1].tokens_per_day / curve[0].tokens_per_day,
        10f64.powf(8.0 / 199.0),
        1e-12,
    );
    close(curve[0].api_usd_per_month, 0.1875, 1e-12); // 30 * 1e3 / 1e6 * 6.25
    assert_eq!(curve[0].self_host_usd_per_month, 9_400.0);
    assert!(log_volumes(5, f64::NAN, -3.0) == log_volumes(5, VOLUME_MIN, VOLUME_MAX));
    assert_eq!(log_volumes(1, 5e6, 1e3), vec![1e3]);
    assert!(log_volumes(0, 1e3, 1e4).is_empty());
}

#[test]
fn staircase_lists_each_added_replica_and_its_cost() {
    // 100M to 1B tokens/day: R goes 1 -> 5; the steps are at c, 2c, 3c, 4c.
    let d = llama_on_h100();
    let steps = staircase_steps(&d, 1e8, 1e9, 100).unwrap();
    assert_eq!(steps.len(), 5);
    assert_eq!(steps[0], (1e8, 9_400.0));
    let c = 228_882_857.142_857;
    for (i, (v, cost)) in steps.iter().enumerate().skip(1) {
        close(*v, i as f64 * c, 1e-3);
        close(*cost, 4_000.0 + 5_400.0 * (i + 1) as f64, 1e-6);
        // The step is exact: one token less needs one replica fewer.
        assert_eq!(size(&d, *v).replicas as usize, i + 1);
        assert_eq!(size(&d, v.next_down()).replicas as usize, i);
    }
    assert_eq!(staircase_steps(&d, 1e8, 1e11, 100), None);
}

fn deployment() -> impl Strategy<Value = Deployment> {
    (
        (
            1.0f64..400.0,
            0.05f64..=1.0,
            0usize..5,
            0.0f64..1.0,
            16.0f64..192.0,
        ),
        (0.1f64..1.0, 1u32..6, 2.0f64..5.7, any::<bool>()),
        (
            0.0f64..10.0,
            0.0f64..60_000.0,
            0.0f64..20_000.0,
            0.0f64..3.0,
            0.0f64..1.0,
        ),
    )
        .prop_map(|(size, serve, money)| {
            let (total, active, precision, kv, memory) = size;
            let (utilization, min_replicas, throughput, buy) = serve;
            let (rate, price, colo, fte, overhead) = money;
            let mut d = llama_on_h100();
            d.params_total_b = total;
            d.params_active_b = total * active;
            d.precision = Precision::ALL[precision];
            d.kv_overhead = kv;
            d.gpu_memory_gb = memory;
            d.utilization = utilization;
            d.min_replicas = min_replicas;
            d.throughput = Some(10f64.powf(throughput));
            d.mode = if buy { Mode::Buy } else { Mode::Rent };
            d.gpu_hour_price = rate;
            d.gpu_price = price;
            d.colo = colo;
            d.fte = fte;
            d.overhead = overhead;
            d
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Up to ~120,000 steps: the scan stays affordable, the residues get exercised.
    #[test]
    fn residue_search_matches_a_full_scan(d in deployment(), b in -3.0f64..3.0) {
        prop_assert_eq!(d.validate(), Ok(()));
        let b = 10f64.powf(b);
        let x = crossover(b, &d);
        let (first, stays) = scan(b, &d);
        prop_assert_eq!(x.break_even_tokens_per_day, first);
        prop_assert_eq!(x.stays_cheaper_from_tokens_per_day, stays);
    }
}

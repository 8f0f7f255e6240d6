use super::*;
use crate::data::{embedded_catalog, embedded_rules, embedded_use_cases};
use crate::domain::hybrid::{plan, route};
use crate::domain::sensitivity::MAX_SPAN;
use proptest::prelude::*;

fn setup() -> (Catalog, Scenario) {
    let catalog = embedded_catalog().unwrap();
    let cases = embedded_use_cases(&catalog).unwrap();
    let frontier = catalog.model("claude-opus-4.7").unwrap().clone();
    let large = catalog.model("llama-3.1-70b").unwrap().clone();
    let scenario = Scenario::builtin("test", &cases, |u| route(u, &frontier, &large));
    (catalog, scenario)
}

#[test]
fn the_base_is_the_plan_of_the_pane() {
    let (catalog, s) = setup();
    let rules = embedded_rules(&catalog).unwrap();
    let p = plan(&catalog, &rules, &s).unwrap();
    let t = hybrid_tornado(&catalog, &s, 0.25).unwrap();
    assert_eq!(t.base.usd_per_month, p.hybrid_usd_per_month);
    assert_eq!(t.base.savings, p.savings_vs_frontier);
}

#[test]
fn a_dearer_frontier_api_costs_more_and_saves_more() {
    let (catalog, s) = setup();
    let t = hybrid_tornado(&catalog, &s, 0.25).unwrap();
    let out = t
        .bars
        .iter()
        .find(|b| b.tier == Some(1) && b.input == "api output price")
        .unwrap();
    assert_eq!(
        (out.low.value.as_str(), out.high.value.as_str()),
        ("$18.75", "$31.25")
    );
    assert!(out.high.usd_per_month > t.base.usd_per_month);
    assert!(out.low.usd_per_month < t.base.usd_per_month);
    // All-frontier rises faster than the hybrid, which keeps only part of the traffic there.
    assert!(out.high.savings.unwrap() > t.base.savings.unwrap());
    // Each self-hosted tier lists its own settings, the tier-3 one bought.
    assert!(
        t.bars
            .iter()
            .any(|b| b.tier == Some(2) && b.input == "gpu-hour-price")
    );
    assert!(
        t.bars
            .iter()
            .any(|b| b.tier == Some(3) && b.input == "gpu-price")
    );
    assert!(
        t.bars
            .iter()
            .any(|b| b.tier.is_none() && b.input == "volume")
    );
}

#[test]
fn a_bad_span_is_refused() {
    let (catalog, s) = setup();
    for span in [-0.01, MAX_SPAN + 0.01, f64::NAN] {
        assert_eq!(
            hybrid_tornado(&catalog, &s, span).unwrap_err().field,
            "span"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn zero_span_moves_nothing(volume in 1e4f64..1e10) {
        let (catalog, mut s) = setup();
        s.workload.tokens_per_day = volume;
        let t = hybrid_tornado(&catalog, &s, 0.0).unwrap();
        prop_assert!(!t.bars.is_empty());
        for bar in &t.bars {
            prop_assert_eq!(bar.effect, 0.0, "{}", bar.input);
            prop_assert_eq!(bar.low.usd_per_month, t.base.usd_per_month);
        }
    }

    #[test]
    fn bars_are_sorted_by_effect(span in 0.05f64..0.9, volume in 1e5f64..1e10) {
        let (catalog, mut s) = setup();
        s.workload.tokens_per_day = volume;
        let t = hybrid_tornado(&catalog, &s, span).unwrap();
        prop_assert!(t.bars.windows(2).all(|w| w[0].effect >= w[1].effect));
        for bar in &t.bars {
            let expected = (bar.high.usd_per_month - bar.low.usd_per_month).abs();
            prop_assert_eq!(bar.effect, expected);
        }
    }
}

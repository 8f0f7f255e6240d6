use super::*;
use crate::data::embedded_catalog;
use proptest::prelude::*;

fn case(catalog: &Catalog, api: &str) -> (Case, Figure<Price>) {
    let figure = catalog.model(api).unwrap().price.clone().unwrap();
    let case = Case {
        workload: Workload::default(),
        price: figure.value.clone(),
        choice: DeploymentChoice::new("llama-3.1-70b", "h100-sxm"),
    };
    (case, figure)
}

#[test]
fn the_h100_rate_spans_the_articles_with_their_sources() {
    let catalog = embedded_catalog().unwrap();
    let h100 = catalog.gpu("h100-sxm").unwrap();
    let (low, high) = spread(h100.rent_usd_per_hour.as_ref().unwrap()).unwrap();
    assert_eq!(low.value, 2.0);
    assert_eq!(low.sources, ["prompt-guide-2026"]);
    // The GPU price index's dearest on-demand offer (Azure) tops the articles' $6.88.
    assert_eq!(high.value, 12.29);
    assert_eq!(high.sources, ["gpu-price-index"]);
    // A figure with one stated value has no spread.
    assert!(spread(&h100.memory_gb).is_none());
}

#[test]
fn a_price_the_user_typed_has_no_spread() {
    let catalog = embedded_catalog().unwrap();
    let mut choice = DeploymentChoice::new("llama-3.1-70b", "h100-sxm");
    assert_eq!(gpu_spread(&catalog, &choice).unwrap().0, "gpu-hour-price");
    choice.settings.gpu_hour_price = Some(2.2);
    assert!(gpu_spread(&catalog, &choice).is_none());
    choice.settings.mode = Mode::Buy;
    let (field, low, high) = gpu_spread(&catalog, &choice).unwrap();
    assert_eq!(
        (field, low.value, high.value),
        ("gpu-price", 15000.0, 45000.0)
    );
}

#[test]
fn conflicting_api_prices_widen_the_break_even() {
    let catalog = embedded_catalog().unwrap();
    let (c, figure) = case(&catalog, "gemini-3-flash");
    let r = break_even_range(&catalog, &c, &figure).unwrap().unwrap();
    let (cheap, dear) = r.api.as_ref().unwrap();
    assert_eq!((cheap.value.input, dear.value.input), (0.15, 0.5));
    assert_eq!(cheap.sources, ["oss-vs-proprietary-2026"]);
    assert!(r.low.is_some());
    // The dearest price with the cheapest rate gives the earliest break-even, and its sources.
    assert!(r.low_sources.contains(&"prompt-guide-2026".to_string()));
    assert!(r.high_sources.contains(&"gpu-price-index".to_string()));
    assert!(decades(r.low) <= decades(r.high));
}

#[test]
fn a_single_price_and_a_typed_rate_give_no_range() {
    let catalog = embedded_catalog().unwrap();
    let (mut c, figure) = case(&catalog, "claude-opus-4.7");
    assert!(break_even_range(&catalog, &c, &figure).unwrap().is_some());
    c.choice.settings.gpu_hour_price = Some(2.5);
    assert!(break_even_range(&catalog, &c, &figure).unwrap().is_none());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_range_holds_the_base(
        api in prop::sample::select(vec!["gpt-5.5", "gemini-3-flash", "gpt-4o", "claude-opus-4.7"]),
        share in 0.0f64..1.0,
        buy in any::<bool>(),
        utilization in 0.1f64..1.0,
    ) {
        let catalog = embedded_catalog().unwrap();
        let (mut c, figure) = case(&catalog, api);
        c.workload.input_share = share;
        c.choice.settings.utilization = utilization;
        if buy {
            c.choice.settings.mode = Mode::Buy;
        }
        let base = break_even(&catalog, &c).unwrap();
        let r = break_even_range(&catalog, &c, &figure).unwrap().unwrap();
        prop_assert!(decades(r.low) <= decades(base) + 1e-9);
        prop_assert!(decades(base) <= decades(r.high) + 1e-9);
        prop_assert!(!r.low_sources.is_empty() && !r.high_sources.is_empty());
    }
}

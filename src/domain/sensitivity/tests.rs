use super::*;
use crate::data::embedded_catalog;
use proptest::prelude::*;

fn case(catalog: &Catalog, api: &str) -> Case {
    Case {
        workload: Workload::default(),
        price: catalog
            .model(api)
            .unwrap()
            .price
            .as_ref()
            .unwrap()
            .value
            .clone(),
        choice: DeploymentChoice::new("llama-3.1-70b", "h100-sxm"),
    }
}

/// Every input the tornado moves is a row of the inputs table (named as there), except the API
/// prices, which come from the model database.
#[test]
fn levers_are_named_and_bounded_by_the_inputs_table() {
    for lever in LEVERS {
        if !lever.input.starts_with("api ") {
            assert!(
                crate::domain::inputs::by_name(lever.input).is_some(),
                "{} is not in the inputs table",
                lever.input
            );
        }
    }
    let catalog = embedded_catalog().unwrap();
    let mut c = case(&catalog, "claude-opus-4.7");
    c.choice.settings.mode = Mode::Buy;
    c.choice.settings.pue = 2.8;
    let t = tornado(&catalog, &c, 0.5).unwrap();
    let pue = t.bars.iter().find(|b| b.input == "pue").unwrap();
    assert_eq!(pue.high.value, "3.00", "clamped to the table's 1 to 3");
}

#[test]
fn the_base_matches_the_break_even_pane_and_cli() {
    let catalog = embedded_catalog().unwrap();
    let t = tornado(&catalog, &case(&catalog, "gpt-5.5"), DEFAULT_SPAN).unwrap();
    // tierwise cost --api gpt-5.5 --self-host llama-3.1-70b: break-even 21.3M tokens/day, on
    // the 4-GPU replica: $11,200 a month / (30 × $17.50 / 10^6) = 21,333,333.
    let base = t.base.unwrap();
    assert!((base / 1e6 - 21.3).abs() < 0.05, "{base}");
}

#[test]
fn a_cheaper_gpu_hour_lowers_the_break_even() {
    let catalog = embedded_catalog().unwrap();
    let t = tornado(&catalog, &case(&catalog, "gpt-5.5"), DEFAULT_SPAN).unwrap();
    let bar = t.bars.iter().find(|b| b.input == "gpu-hour-price").unwrap();
    assert_eq!(bar.base_value, "$2.50");
    assert_eq!(
        (bar.low.value.as_str(), bar.high.value.as_str()),
        ("$1.88", "$3.12")
    );
    assert!(bar.low.break_even.unwrap() < t.base.unwrap());
    assert!(bar.high.break_even.unwrap() > t.base.unwrap());
    // Rent mode: purchase inputs play no part and are not listed.
    assert!(
        t.bars
            .iter()
            .all(|b| b.input != "gpu-price" && b.input != "pue")
    );
}

#[test]
fn choices_move_to_their_neighbours() {
    let catalog = embedded_catalog().unwrap();
    let t = tornado(&catalog, &case(&catalog, "gpt-5.5"), DEFAULT_SPAN).unwrap();
    let precision = t.bars.iter().find(|b| b.input == "precision").unwrap();
    assert_eq!(
        (precision.low.value.as_str(), precision.high.value.as_str()),
        ("fp8", "fp16")
    );
    let gpu = t.bars.iter().find(|b| b.input == "gpu").unwrap();
    assert_ne!(
        gpu.low.value, "h100-sxm",
        "a slower GPU with a rental price exists"
    );
}

#[test]
fn a_bad_span_is_refused() {
    let catalog = embedded_catalog().unwrap();
    let c = case(&catalog, "gpt-5.5");
    for span in [-0.1, 0.95, f64::NAN, f64::INFINITY] {
        assert_eq!(tornado(&catalog, &c, span).unwrap_err().field, "span");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn zero_span_moves_nothing(volume in 1e4f64..1e10, share in 0.0f64..1.0) {
        let catalog = embedded_catalog().unwrap();
        let mut c = case(&catalog, "claude-opus-4.7");
        c.workload.tokens_per_day = volume;
        c.workload.input_share = share;
        let t = tornado(&catalog, &c, 0.0).unwrap();
        for bar in &t.bars {
            prop_assert_eq!(bar.effect, 0.0, "{}", bar.input);
            prop_assert_eq!(bar.low.break_even, t.base);
            prop_assert_eq!(bar.high.break_even, t.base);
        }
    }

    #[test]
    fn bars_are_sorted_by_effect_and_each_end_is_recomputable(span in 0.05f64..0.9, buy in any::<bool>()) {
        let catalog = embedded_catalog().unwrap();
        let mut c = case(&catalog, "gpt-5.5");
        if buy {
            c.choice.settings.mode = Mode::Buy;
        }
        let t = tornado(&catalog, &c, span).unwrap();
        prop_assert!(t.bars.windows(2).all(|w| w[0].effect >= w[1].effect));
        prop_assert_eq!(t.base, break_even(&catalog, &c).unwrap());
        for bar in &t.bars {
            let expected = (decades(bar.low.break_even) - decades(bar.high.break_even)).abs();
            prop_assert_eq!(bar.effect, expected);
        }
    }
}

use super::*;
use crate::data::embedded_catalog;
use crate::domain::cost::Mode;
use crate::domain::inputs::INPUTS;
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

/// The rows the tornado moves are exactly the user inputs it moved when each had a
/// hand-written lever; the API prices are not rows.
#[test]
fn the_tornado_moves_the_rows_marked_for_it() {
    let moved: Vec<_> = INPUTS
        .iter()
        .filter(|r| r.tornado)
        .map(|r| r.name)
        .collect();
    let mut expected = [
        "input-share",
        "prompt-tokens",
        "output-tokens",
        "gpu-hour-price",
        "gpu-price",
        "years",
        "utilization",
        "efficiency",
        "throughput",
        "kv-overhead",
        "fte",
        "salary",
        "power-price",
        "pue",
        "colo",
        "overhead",
    ];
    let mut moved_sorted = moved.clone();
    moved_sorted.sort();
    expected.sort();
    assert_eq!(moved_sorted, expected);
    for lever in &API_LEVERS {
        assert!(crate::domain::inputs::by_name(lever.input).is_none());
    }
}

/// A new row marked `tornado` gets its bar with nothing else to write: on a renting case and a
/// buying one with a measured throughput, every marked row yields a bar, read as its slider
/// reads it.
#[test]
fn every_row_marked_for_the_tornado_yields_a_bar_where_it_applies() {
    let catalog = embedded_catalog().unwrap();
    let mut rent = case(&catalog, "gpt-5.5");
    rent.choice.settings.overhead = 0.1;
    let mut buy = rent.clone();
    buy.choice.settings.mode = Mode::Buy;
    buy.choice.settings.throughput = Some(1500.0);
    let mut seen = std::collections::HashSet::new();
    for c in [&rent, &buy] {
        let t = tornado(&catalog, c, DEFAULT_SPAN).unwrap();
        for bar in &t.bars {
            let Some(row) = crate::domain::inputs::by_name(bar.input) else {
                continue;
            };
            seen.insert(bar.input);
            if let Some(v) = row.value_in(&c.workload, &c.choice.settings) {
                assert_eq!(bar.base_value, row.show.format(v), "{}", bar.input);
            }
        }
    }
    for row in INPUTS.iter().filter(|r| r.tornado) {
        assert!(seen.contains(row.name), "{} has no bar", row.name);
    }
}

/// The rules that keep a row out, as data: a measured throughput idles the efficiency, no staff
/// idles the salary, a zero or unset base moves nothing, the mode leaves out the other's inputs.
#[test]
fn rows_that_play_no_part_have_no_bar() {
    let catalog = embedded_catalog().unwrap();
    let names = |c: &Case| -> Vec<&str> {
        let t = tornado(&catalog, c, DEFAULT_SPAN).unwrap();
        t.bars.iter().map(|b| b.input).collect()
    };
    let base = case(&catalog, "gpt-5.5");
    let listed = names(&base);
    assert!(listed.contains(&"efficiency") && listed.contains(&"salary"));
    for absent in [
        "throughput",
        "overhead",
        "gpu-price",
        "pue",
        "volume",
        "power-watts",
    ] {
        assert!(!listed.contains(&absent), "{absent}");
    }
    let mut measured = base.clone();
    measured.choice.settings.throughput = Some(1500.0);
    let listed = names(&measured);
    assert!(listed.contains(&"throughput") && !listed.contains(&"efficiency"));
    let mut no_staff = base.clone();
    no_staff.choice.settings.fte = 0.0;
    let listed = names(&no_staff);
    assert!(!listed.contains(&"fte") && !listed.contains(&"salary"));
}

/// Clamped to the row's range, and read as the slider reads it.
#[test]
fn values_are_clamped_and_read_as_the_sliders() {
    let catalog = embedded_catalog().unwrap();
    let mut c = case(&catalog, "claude-opus-4.7");
    c.choice.settings.mode = Mode::Buy;
    c.choice.settings.pue = 2.8;
    let t = tornado(&catalog, &c, 0.5).unwrap();
    let pue = t.bars.iter().find(|b| b.input == "pue").unwrap();
    assert_eq!(pue.high.value, "3", "clamped to the table's 1 to 3");
    assert_eq!(pue.low.value, "1.4");
    let years = t.bars.iter().find(|b| b.input == "years").unwrap();
    assert_eq!(years.base_value, "3 yr");
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
    assert_eq!(
        bar.base_value, "$2.50/h",
        "read as the GPU-hour slider reads it"
    );
    assert_eq!(
        (bar.low.value.as_str(), bar.high.value.as_str()),
        ("$1.88/h", "$3.12/h")
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

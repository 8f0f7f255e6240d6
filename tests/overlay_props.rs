//! The user-file parser never panics, whatever text it is given.

use proptest::prelude::*;
use std::sync::OnceLock;
use tierwise::data::overlay::{Kind, check_text_on};
use tierwise::data::{embedded_catalog, embedded_rules};
use tierwise::domain::catalog::Catalog;
use tierwise::domain::rules::RuleBook;

/// Parsed once: the embedded data every case is checked against.
fn base() -> &'static (Catalog, RuleBook) {
    static BASE: OnceLock<(Catalog, RuleBook)> = OnceLock::new();
    BASE.get_or_init(|| {
        let catalog = embedded_catalog().unwrap();
        let rules = embedded_rules(&catalog).unwrap();
        (catalog, rules)
    })
}

fn check(kind: Kind, text: &str) -> Result<tierwise::data::overlay::Summary, Vec<String>> {
    let (catalog, rules) = base();
    check_text_on(catalog, rules, kind, "f.ron", text)
}

/// Fragments of RON that steer random text towards the parser's deeper paths.
fn ronish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("[".to_string()),
        Just("]".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just(",".to_string()),
        Just("id: \"gpt-4o\"".to_string()),
        Just("id: \"new-one\"".to_string()),
        Just("price: (value: (input: 1.0, output: 2.0))".to_string()),
        Just("total_params_b: (value: ".to_string()),
        Just("rules: [".to_string()),
        Just("value: ".to_string()),
        Just("NaN".to_string()),
        Just("-1e308".to_string()),
        Just("\"\u{202E}\u{1b}\"".to_string()),
        any::<String>(),
        "[a-z_]{1,12}: ".prop_map(|s| s),
        any::<f64>().prop_map(|f| f.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        for kind in [Kind::Models, Kind::Gpus, Kind::Rules] {
            if let Err(problems) = check(kind, &text) {
                prop_assert!(!problems.is_empty());
                prop_assert!(problems.iter().all(|p| p.starts_with("f.ron")));
            }
        }
    }

    #[test]
    fn ron_like_text_never_panics(text in ronish()) {
        for kind in [Kind::Models, Kind::Gpus, Kind::Rules] {
            match check(kind, &text) {
                Ok(summary) => prop_assert_eq!(summary.kind, kind),
                Err(problems) => prop_assert!(problems.iter().all(|p| p.starts_with("f.ron"))),
            }
        }
    }
}

use super::*;

fn check(kind: Kind, text: &str) -> Result<Summary, Vec<String>> {
    check_text(kind, "models.ron", text)
}

#[test]
fn a_price_override_cites_the_user_and_keeps_the_database_figure() {
    let text = r#"[(id: "gpt-4o", price: (value: (input: 1.5, output: 6.0)))]"#;
    let mut catalog = embedded_catalog().unwrap();
    let mut rules = embedded_rules(&catalog).unwrap();
    let counts = apply_text(Kind::Models, "m.ron", text, &mut catalog, &mut rules).unwrap();
    assert_eq!(
        counts,
        Counts {
            new: 0,
            overrides: 1
        }
    );
    let price = catalog.model("gpt-4o").unwrap().price.as_ref().unwrap();
    assert_eq!((price.value.input, price.value.output), (1.5, 6.0));
    assert_eq!(price.sources, ["user-models"]);
    assert!(is_user_figure(&catalog, price));
    let kept = &price.alternatives[0];
    assert_eq!(kept.value.input, 2.5);
    assert!(!kept.sources.contains(&"user-models".to_string()));
    let name = &catalog.model("gpt-4o").unwrap().openness;
    assert!(
        !is_user_figure(&catalog, name),
        "untouched figures stay sourced"
    );
}

#[test]
fn a_new_model_needs_every_required_field() {
    let err = check(Kind::Models, "[\n  (id: \"my-tune\", name: \"Mine\"),\n]").unwrap_err();
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(
        err[0].starts_with("models.ron:2:4: models[my-tune]: "),
        "{err:?}"
    );
    assert!(
        err[0].contains("missing: vendor, openness, license_family, description"),
        "{err:?}"
    );
}

#[test]
fn validation_problems_point_at_the_field() {
    let text = "[\n  (\n    id: \"gpt-4o\",\n    total_params_b: (value: -3.0),\n  ),\n]";
    let err = check(Kind::Models, text).unwrap_err();
    assert!(
        err[0].starts_with("models.ron:4:5: models[gpt-4o].total_params_b: value -3"),
        "{err:?}"
    );
}

#[test]
fn unknown_fields_are_refused_at_every_level() {
    for text in [
        r#"[(id: "gpt-4o", pricee: (value: (input: 1.0, output: 2.0)))]"#,
        r#"[(id: "gpt-4o", price: (value: (input: 1.0, output: 2.0), sauce: []))]"#,
        r#"[(id: "gpt-4o", price: (value: (input: 1.0, output: 2.0, tax: 1.0)))]"#,
        r#"[(id: "gpt-4o", notes: [(text: "x", by: "me")])]"#,
    ] {
        let err = check(Kind::Models, text).unwrap_err();
        assert!(err[0].contains("Unexpected field named"), "{text}: {err:?}");
        assert!(err[0].starts_with("models.ron:1:"), "{err:?}");
    }
}

#[test]
fn duplicate_ids_in_one_file_are_refused() {
    let text = r#"[(id: "gpt-4o", name: "A"), (id: "gpt-4o", name: "B")]"#;
    let err = check(Kind::Models, text).unwrap_err();
    assert!(
        err[0].contains("appears more than once in this file"),
        "{err:?}"
    );
}

#[test]
fn gpu_and_rule_overlays_merge_by_id() {
    let gpus = r#"[(id: "h100-sxm", rent_usd_per_hour: (value: 1.8)),
        (id: "my-card", name: "Card", vendor: "V", memory_gb: (value: 48.0),
         bf16_tflops: (value: 300.0), power_w: (value: 350.0))]"#;
    let s = check_text(Kind::Gpus, "gpus.ron", gpus).unwrap();
    assert_eq!((s.new, s.overrides), (1, 1));
    let rules = r#"(
        sectors: [(id: "retail", name: "Retail")],
        rules: [(id: "house-rule", sectors: ["retail"], severity: Warn, message: "Ask legal.")],
    )"#;
    let s = check_text(Kind::Rules, "rules.ron", rules).unwrap();
    assert_eq!(
        s.to_string(),
        "rules.ron: 2 entries (2 new, 0 overrides), valid"
    );
    let bad =
        r#"(rules: [(id: "house-rule", sectors: ["nowhere"], severity: Warn, message: "x")])"#;
    let err = check_text(Kind::Rules, "rules.ron", bad).unwrap_err();
    assert!(err[0].contains("unknown sector \"nowhere\""), "{err:?}");
    assert!(err[0].starts_with("rules.ron:1:"), "{err:?}");
}

#[test]
fn strings_are_cleaned_at_load() {
    let text =
        "[(id: \"gpt-4o\", name: \"GPT\\u{202E}-4o\\u{1b}[2J\", notes: [(text: \"a\\nb\")])]";
    let mut catalog = embedded_catalog().unwrap();
    let mut rules = embedded_rules(&catalog).unwrap();
    apply_text(Kind::Models, "m.ron", text, &mut catalog, &mut rules).unwrap();
    let m = catalog.model("gpt-4o").unwrap();
    assert_eq!(m.name, "GPT-4o[2J");
    assert_eq!(m.notes.last().unwrap().text, "a b");
}

#[test]
fn summary_reads_naturally() {
    let s = Summary {
        file: "models.ron".into(),
        kind: Kind::Models,
        new: 1,
        overrides: 1,
    };
    assert_eq!(
        s.to_string(),
        "models.ron: 2 entries (1 new, 1 override), valid"
    );
    assert_eq!(Kind::from_path(Path::new("/x/gpus.ron")), Some(Kind::Gpus));
    assert_eq!(Kind::from_path(Path::new("/x/other.ron")), None);
}

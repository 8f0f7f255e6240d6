//! The user's own data files through `load_with_overlays`: overrides and additions by id, and
//! every kind of bad file leaving the embedded data in place with a located notice.

use std::path::Path;
use tempfile::TempDir;
use tierwise::data::embedded_catalog;
use tierwise::data::overlay::{
    Kind, Loaded, MAX_FILE_BYTES, check_file, is_user_figure, load_with_overlays,
};
use tierwise::domain::catalog::SourceKind;

fn load_with(files: &[(&str, &[u8])]) -> (TempDir, Loaded) {
    let dir = TempDir::new().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let loaded = load_with_overlays(Some(dir.path())).unwrap();
    (dir, loaded)
}

/// The file was skipped: the catalogue is exactly the embedded one and a notice says so.
fn assert_skipped(loaded: &Loaded, file: &str) {
    assert_eq!(
        loaded.catalog,
        embedded_catalog().unwrap(),
        "{:?}",
        loaded.notices
    );
    let last = loaded.notices.last().expect("a notice");
    assert!(
        last.contains(file) && last.contains("not applied"),
        "{:?}",
        loaded.notices
    );
}

const NEGOTIATED: &str = r#"[
    (
        id: "gpt-4o",
        price: (value: (input: 1.25, output: 5.0), note: "Our enterprise agreement, 2026."),
    ),
]"#;

#[test]
fn no_directory_or_no_files_is_the_embedded_data_without_notices() {
    let loaded = load_with_overlays(None).unwrap();
    assert!(loaded.notices.is_empty());
    assert_eq!(loaded.catalog, embedded_catalog().unwrap());
    let (_dir, loaded) = load_with(&[]);
    assert!(loaded.notices.is_empty());
    assert!(!loaded.use_cases.is_empty());
    assert!(!loaded.rules.rules.is_empty());
}

#[test]
fn a_negotiated_price_overrides_the_figure_and_cites_the_user() {
    let (dir, loaded) = load_with(&[("models.ron", NEGOTIATED.as_bytes())]);
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    let price = loaded
        .catalog
        .model("gpt-4o")
        .unwrap()
        .price
        .as_ref()
        .unwrap();
    assert_eq!((price.value.input, price.value.output), (1.25, 5.0));
    assert_eq!(price.sources, ["user-models"]);
    assert!(is_user_figure(&loaded.catalog, price));
    let source = loaded.catalog.source("user-models").unwrap();
    assert_eq!(source.kind, SourceKind::User);
    assert_eq!(source.date, "local");
    assert!(
        source.title.starts_with("Your own data ("),
        "{}",
        source.title
    );
    let file = dir.path().join("models.ron");
    assert!(
        source
            .title
            .contains(file.file_name().unwrap().to_str().unwrap())
    );
    // The database's figure stays visible as an alternative with its own sources.
    let embedded = embedded_catalog().unwrap();
    let old = embedded.model("gpt-4o").unwrap().price.as_ref().unwrap();
    let kept = price
        .alternatives
        .iter()
        .find(|a| a.value == old.value)
        .unwrap();
    assert_eq!(kept.sources, old.sources);
    // Everything else about the model is unchanged.
    let (a, b) = (
        loaded.catalog.model("gpt-4o").unwrap(),
        embedded.model("gpt-4o").unwrap(),
    );
    assert_eq!(
        (&a.name, &a.openness, &a.context_tokens),
        (&b.name, &b.openness, &b.context_tokens)
    );
    assert_eq!(loaded.catalog.models.len(), embedded.models.len());
}

const FINE_TUNE: &str = r#"[
    (
        id: "acme-llama-70b-legal",
        name: "Acme Legal 70B",
        vendor: "Acme (private)",
        openness: (value: OpenWeightsRestricted),
        license_family: Llama,
        total_params_b: (value: 70.0),
        context_tokens: (value: 128000),
        description: "Our fine-tune of Llama 3.1 70B on contract review.",
        scores: {"House-eval": (value: 81.5)},
        notes: [(text: "Trained on internal contracts; never leaves our servers.")],
    ),
]"#;

#[test]
fn a_private_fine_tune_is_added_as_a_new_id() {
    let (_dir, loaded) = load_with(&[("models.ron", FINE_TUNE.as_bytes())]);
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    let m = loaded.catalog.model("acme-llama-70b-legal").unwrap();
    assert_eq!(m.name, "Acme Legal 70B");
    assert!(m.can_self_host());
    assert!(is_user_figure(&loaded.catalog, &m.openness));
    assert_eq!(m.notes[0].sources, ["user-models"]);
    assert_eq!(
        loaded.catalog.models.len(),
        embedded_catalog().unwrap().models.len() + 1
    );
}

#[test]
fn an_unknown_field_is_a_located_notice_and_the_embedded_data_is_used() {
    let text =
        "[\n  (\n    id: \"gpt-4o\",\n    pricee: (value: (input: 1.0, output: 2.0)),\n  ),\n]\n";
    let (_dir, loaded) = load_with(&[("models.ron", text.as_bytes())]);
    assert_skipped(&loaded, "models.ron");
    let first = &loaded.notices[0];
    assert!(first.contains("models.ron:4:5: "), "{first}");
    assert!(
        first.contains("`pricee`") && first.contains("`price`"),
        "{first}"
    );
}

#[test]
fn a_bad_file_leaves_the_other_files_applied() {
    let gpus = r#"[(id: "h100-sxm", rent_usd_per_hour: (value: 1.99))]"#;
    let (_dir, loaded) = load_with(&[
        ("models.ron", b"[(id: \"gpt-4o\", name: 3)]"),
        ("gpus.ron", gpus.as_bytes()),
    ]);
    let rent = loaded
        .catalog
        .gpu("h100-sxm")
        .unwrap()
        .rent_usd_per_hour
        .as_ref()
        .unwrap();
    assert_eq!(rent.value, 1.99);
    assert_eq!(rent.sources, ["user-gpus"]);
    assert_eq!(loaded.catalog.model("gpt-4o").unwrap().name, "GPT-4o");
    assert!(
        loaded.notices.iter().any(|n| n.contains("models.ron:1:")),
        "{:?}",
        loaded.notices
    );
}

#[test]
fn nan_infinity_negative_and_absurd_figures_are_rejected() {
    for (field, value) in [
        ("total_params_b", "NaN"),
        ("total_params_b", "inf"),
        ("total_params_b", "-70.0"),
        ("total_params_b", "1e300"),
        ("price", "(input: -1.0, output: 2.0)"),
        ("price", "(input: 1.0, output: 1e13)"),
        ("context_tokens", "0"),
    ] {
        let text = format!("[(id: \"llama-3.1-70b\", {field}: (value: {value}))]");
        let (_dir, loaded) = load_with(&[("models.ron", text.as_bytes())]);
        assert_skipped(&loaded, "models.ron");
        assert!(
            loaded.notices[0].contains(&format!("models[llama-3.1-70b].{field}")),
            "{field}={value}: {:?}",
            loaded.notices
        );
        assert!(
            loaded.notices[0].contains("models.ron:1:"),
            "{:?}",
            loaded.notices
        );
    }
    // A negative count does not even parse into a whole number.
    let (_dir, loaded) = load_with(&[(
        "models.ron",
        b"[(id: \"phi-4\", context_tokens: (value: -5))]",
    )]);
    assert_skipped(&loaded, "models.ron");
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let mut text = b"[\n".to_vec();
    while text.len() as u64 <= MAX_FILE_BYTES {
        text.extend_from_slice(b"    // padding padding padding padding padding padding padding\n");
    }
    text.extend_from_slice(b"]\n");
    let (_dir, loaded) = load_with(&[("models.ron", &text)]);
    assert_skipped(&loaded, "models.ron");
    assert!(
        loaded.notices[0].contains("larger than the limit"),
        "{:?}",
        loaded.notices
    );
}

#[test]
fn binary_and_non_utf8_files_are_refused() {
    let (_dir, loaded) = load_with(&[("models.ron", b"\x7fELF\x02\x01\x01\x00\x00\x00")]);
    assert_skipped(&loaded, "models.ron");
    assert!(loaded.notices[0].contains("binary"), "{:?}", loaded.notices);
    let (_dir, loaded) = load_with(&[("gpus.ron", b"[(id: \"h100-sxm\", name: \"\xff\xfe\")]")]);
    assert!(
        loaded.notices[0].contains("not UTF-8"),
        "{:?}",
        loaded.notices
    );
    assert_eq!(loaded.catalog, embedded_catalog().unwrap());
}

#[test]
fn a_directory_in_place_of_a_file_is_refused() {
    let dir = TempDir::new().unwrap();
    std::fs::create_dir(dir.path().join("rules.ron")).unwrap();
    let loaded = load_with_overlays(Some(dir.path())).unwrap();
    assert!(
        loaded.notices[0].contains("not a regular file"),
        "{:?}",
        loaded.notices
    );
}

#[cfg(unix)]
#[test]
fn dev_zero_is_refused_without_reading_it() {
    let dir = TempDir::new().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("models.ron")).unwrap();
    let loaded = load_with_overlays(Some(dir.path())).unwrap();
    assert_skipped(&loaded, "models.ron");
    assert!(
        loaded.notices[0].contains("not a regular file"),
        "{:?}",
        loaded.notices
    );
    let err = check_file(Path::new("/dev/zero"), Kind::Models).unwrap_err();
    assert!(err[0].contains("not a regular file"), "{err:?}");
}

#[test]
fn control_characters_and_bidi_overrides_are_stripped_from_every_string() {
    let text = "[(\n  id: \"gpt-4o\",\n  name: \"GPT\\u{1b}[31m-4o\\u{202E}\\u{2066}\",\n  vendor: \"Open\\u{7}AI\",\n  description: \"line one\\nline two\\u{200F}\",\n  license: (value: \"pro\\u{9b}prietary\", note: \"n\\u{0}ote\"),\n  scores: {\"Bench\\u{202D}\": (value: 50.0)},\n)]";
    let (_dir, loaded) = load_with(&[("models.ron", text.as_bytes())]);
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    let m = loaded.catalog.model("gpt-4o").unwrap();
    assert_eq!(m.name, "GPT[31m-4o");
    assert_eq!(m.vendor, "OpenAI");
    assert_eq!(m.description, "line one line two");
    let license = m.license.as_ref().unwrap();
    assert_eq!(license.value, "proprietary");
    assert_eq!(license.note.as_deref(), Some("note"));
    assert!(m.scores.contains_key("Bench"));
}

#[test]
fn deep_nesting_is_refused_by_the_recursion_limit() {
    let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let (_dir, loaded) = load_with(&[("models.ron", text.as_bytes())]);
    assert_skipped(&loaded, "models.ron");
}

#[test]
fn a_user_rule_fires_with_the_user_source() {
    let rules = r#"(
        regions: [(id: "ch", name: "Switzerland")],
        rules: [(
            id: "house-no-us-api",
            regions: ["ch"],
            when: (deployment: Api, origins: ["US"]),
            severity: Warn,
            message: "House policy: US APIs need sign-off from the data officer.",
        )],
    )"#;
    let (_dir, loaded) = load_with(&[("rules.ron", rules.as_bytes())]);
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    let rule = loaded
        .rules
        .rules
        .iter()
        .find(|r| r.id == "house-no-us-api")
        .unwrap();
    assert_eq!(rule.source, "user-rules");
    assert_eq!(
        loaded.catalog.source("user-rules").unwrap().kind,
        SourceKind::User
    );
    assert!(loaded.rules.region("ch").is_some());
    // Replacing an existing rule by id keeps the count.
    let replace = r#"(rules: [(id: "eu-ai-act-applies", regions: ["eu"], severity: Warn, message: "Stricter here.")])"#;
    let before = loaded.rules.rules.len();
    let (_dir, loaded) = load_with(&[("rules.ron", replace.as_bytes())]);
    assert_eq!(loaded.rules.rules.len(), before - 1);
    let r = loaded
        .rules
        .rules
        .iter()
        .find(|r| r.id == "eu-ai-act-applies")
        .unwrap();
    assert_eq!(r.message, "Stricter here.");
}

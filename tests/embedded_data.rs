//! The embedded database loads and validates, so a bad edit to assets/*.ron fails CI.

#[test]
fn embedded_database_loads_and_validates() {
    let catalog = tierwise::data::embedded_catalog().unwrap_or_else(|e| panic!("{e}"));
    assert!(!catalog.models.is_empty());
    assert!(!catalog.gpus.is_empty());
}

#[test]
fn embedded_rules_load_and_reference_known_sources() {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let rules = tierwise::data::embedded_rules(&catalog).unwrap_or_else(|e| panic!("{e}"));
    assert!(rules.rules.len() >= 20);
    assert!(rules.region("eu").is_some() && rules.sector("public-sector").is_some());
}

#[test]
fn embedded_use_cases_cover_the_articles_workloads() {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let cases = tierwise::data::embedded_use_cases(&catalog).unwrap_or_else(|e| panic!("{e}"));
    let total: f64 = cases.iter().map(|c| c.share).sum();
    assert!((total - 1.0).abs() < 1e-9, "default shares sum to {total}");
    for needed in [
        "Coding",
        "RAG",
        "summarization",
        "video",
        "Customer",
        "health",
    ] {
        assert!(
            cases.iter().any(|c| c.name.contains(needed)),
            "no use case for {needed}"
        );
    }
}

//! The embedded database loads and validates, so a bad edit to assets/*.ron fails CI.

#[test]
fn embedded_database_loads_and_validates() {
    let catalog = tierwise::data::embedded_catalog().unwrap_or_else(|e| panic!("{e}"));
    assert!(!catalog.models.is_empty());
    assert!(!catalog.gpus.is_empty());
}

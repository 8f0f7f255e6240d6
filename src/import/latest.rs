//! "Latest" aliases: API keys that name whichever dated version a lab serves now
//! (`mistral-medium-latest`, `claude-opus-4-0`). An alias is the model it names, not a model
//! of its own: its offerings and prices join that model.
//!
//! Most aliases read as their model by the naming rules (`claude-opus-4-0` and
//! `claude-opus-4-20250514` both read `claude-opus-4`). An alias whose stem names no model
//! (`mistral-medium-latest` beside `mistral-medium-2505`, `-2508`, `-2604`) names the dated
//! version the same provider lists with the same release date; with no such version (or more
//! than one) it stays a model of its own under its plain name.

use super::identity::{is_latest_alias, normalise};
use super::models_dev::ApiRow;
use std::collections::BTreeMap;

/// `(provider, normal form of the alias)` -> normal form of the dated key it names.
pub type DatedTargets = BTreeMap<(String, String), String>;

/// The dated version each alias row names, found by the rule above.
pub fn dated_targets(rows: &[ApiRow]) -> DatedTargets {
    let mut out = DatedTargets::new();
    for alias in rows.iter().filter(|r| is_latest_alias(&r.key, &r.name)) {
        let Some(release) = &alias.release else {
            continue;
        };
        let stem = normalise(&alias.key);
        let targets: Vec<String> = rows
            .iter()
            .filter(|r| r.provider == alias.provider && !is_latest_alias(&r.key, &r.name))
            .filter(|r| r.release.as_ref() == Some(release))
            .map(|r| normalise(&r.key))
            .filter(|n| names_dated_version(&stem, n))
            .collect();
        if let [target] = targets.as_slice() {
            out.insert((alias.provider.clone(), stem), target.clone());
        }
    }
    out
}

/// Whether `dated` is `stem` plus a version date (`mistral-medium` + `2508`).
fn names_dated_version(stem: &str, dated: &str) -> bool {
    dated
        .strip_prefix(stem)
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|d| d.len() == 4 && d.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(provider: &str, key: &str, name: &str, release: &str) -> ApiRow {
        ApiRow {
            provider: provider.into(),
            provider_name: provider.into(),
            key: key.into(),
            name: name.into(),
            open_weights: false,
            release: Some(release.into()),
            context: None,
            max_output: None,
            price: None,
            modalities: Vec::new(),
            deprecated: false,
        }
    }

    #[test]
    fn an_alias_names_the_dated_version_released_the_same_day() {
        let rows = [
            row(
                "mistral",
                "mistral-medium-2505",
                "Mistral Medium 3",
                "2025-05-07",
            ),
            row(
                "mistral",
                "mistral-medium-2508",
                "Mistral Medium 3.1",
                "2025-08-12",
            ),
            row(
                "mistral",
                "mistral-medium-2604",
                "Mistral Medium 3.5",
                "2026-04-29",
            ),
            row(
                "mistral",
                "mistral-medium-latest",
                "Mistral Medium (latest)",
                "2025-08-12",
            ),
            // Another provider's row of the same date is not the lab's alias target.
            row(
                "azure",
                "mistral-medium-2507",
                "Mistral Medium",
                "2025-08-12",
            ),
            // No dated version of the same day: stays its own model.
            row(
                "mistral",
                "codestral-latest",
                "Codestral (latest)",
                "2024-05-29",
            ),
            row("mistral", "codestral-2405", "Codestral", "2024-05-01"),
            // A longer name is another model, not a dated version.
            row(
                "mistral",
                "ministral-8b-latest",
                "Ministral 8B (latest)",
                "2024-10-01",
            ),
            row("mistral", "ministral-3b-2410", "Ministral 3B", "2024-10-01"),
        ];
        let t = dated_targets(&rows);
        assert_eq!(
            t.get(&("mistral".into(), "mistral-medium".into())),
            Some(&"mistral-medium-2508".to_string())
        );
        assert_eq!(t.len(), 1, "{t:?}");
    }

    #[test]
    fn two_dated_versions_on_the_alias_day_are_ambiguous() {
        let rows = [
            row(
                "mistral",
                "mistral-small-2603",
                "Mistral Small 4",
                "2026-03-16",
            ),
            row(
                "mistral",
                "mistral-small-2604",
                "Mistral Small 4b",
                "2026-03-16",
            ),
            row(
                "mistral",
                "mistral-small-latest",
                "Mistral Small (latest)",
                "2026-03-16",
            ),
        ];
        assert!(dated_targets(&rows).is_empty());
    }
}

//! A tier's model and deployment, edited from the hybrid pane: `m` opens a fuzzy picker of the
//! models eligible for the tier; `Enter` on a self-hosted tier opens the break-even pane's
//! deployment sliders (the same fields, steps, editor and pickers) on that tier's deployment.

mod update;

use super::editor::Editor;
use super::hybrid::eligible;
use super::sliders::{self, Change, Choice, Field, SliderList};
use crate::domain::catalog::Catalog;
use crate::domain::scenario::{DeploymentChoice, Scenario};
use crate::domain::units::format_usd;

/// The deployment sliders of tier 2 or 3 (`tier` is 0-based: 1 or 2).
pub struct TierSettings {
    pub tier: usize,
    pub list: SliderList,
    pub editor: Option<Editor>,
}

// The editor (a text area) has no Debug or Clone of its own: these go by its text.
impl std::fmt::Debug for TierSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TierSettings")
            .field("tier", &self.tier)
            .field("list", &self.list)
            .field("editing", &self.editor.as_ref().map(|e| e.text()))
            .finish()
    }
}

impl Clone for TierSettings {
    fn clone(&self) -> Self {
        TierSettings {
            tier: self.tier,
            list: self.list.clone(),
            editor: self.editor.as_ref().map(|e| {
                let mut copy = Editor::new(e.field, &e.text(), e.unit);
                copy.error = e.error.clone();
                copy
            }),
        }
    }
}

impl PartialEq for TierSettings {
    fn eq(&self, other: &Self) -> bool {
        self.tier == other.tier && self.list == other.list
    }
}

/// The deployment of a self-hosted tier (0-based 1 or 2).
pub fn deployment(s: &mut Scenario, tier: usize) -> &mut DeploymentChoice {
    if tier == 1 {
        &mut s.tiers.large
    } else {
        &mut s.tiers.small
    }
}

/// The models a tier may use, for its picker.
pub fn tier_model_choices(catalog: &Catalog, tier: usize) -> Vec<Choice> {
    if tier > 0 {
        return sliders::deployment::model_choices(catalog)
            .into_iter()
            .filter(|c| catalog.model(&c.id).is_some_and(|m| eligible(m, tier)))
            .collect();
    }
    catalog
        .models
        .iter()
        .filter(|m| eligible(m, 0))
        .map(|m| Choice {
            id: m.id.clone(),
            label: m.name.clone(),
            detail: match &m.price {
                Some(p) => format!(
                    "{} · {} in / {} out",
                    m.vendor,
                    format_usd(p.value.input),
                    format_usd(p.value.output)
                ),
                None => format!("{} · no API price in the database", m.vendor),
            },
        })
        .collect()
}

pub(crate) fn current_model(s: &Scenario, tier: usize) -> &str {
    match tier {
        0 => &s.tiers.frontier,
        1 => &s.tiers.large.model,
        _ => &s.tiers.small.model,
    }
}

pub(crate) const TIER_TITLES: [&str; 3] = [
    "Tier 1 model: closed or API-priced",
    "Tier 2 model: open weights, sizeable",
    "Tier 3 model: open weights, sizeable",
];

/// Apply a change to a self-hosted tier's deployment; the error names the field.
pub fn change_tier(
    s: &mut Scenario,
    catalog: &Catalog,
    tier: usize,
    field: Field,
    change: &Change,
) -> Result<bool, String> {
    // `0` restores the built-in scenario's setting for this tier.
    let mut defaults = Scenario::builtin("", &[], |_| 2);
    let default = deployment(&mut defaults, tier).clone();
    let d = deployment(s, tier);
    sliders::deployment::change_deployment(field, d, &default, catalog, change)
}

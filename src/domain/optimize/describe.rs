//! Where each use case runs in a plan, and what the optimum moves and why.

use super::Need;
use super::space::{Blocks, fits};
use crate::domain::catalog::Catalog;
use crate::domain::cost::size;
use crate::domain::hybrid::{Bought, HybridPlan, Way, find_offering, has_capability};
use crate::domain::rules::RuleBook;
use crate::domain::scenario::Scenario;
use crate::domain::units::format_usd_full;
use crate::domain::usecase::grade;

/// Where a use case (or a tier) runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub tier: u8,
    pub kind: Way,
    pub model: String,
    pub model_name: String,
    pub offering: Option<String>,
    /// The offering's provider as the catalogue names it (`Deep Infra` for `...@deepinfra`).
    pub provider_name: Option<String>,
    pub gpu: Option<String>,
    pub gpus_per_replica: Option<u32>,
    pub precision: Option<&'static str>,
}

impl Place {
    /// `tier 2: Llama 3.1 70B self-hosted on 2× h100-sxm fp16`, `tier 1: Llama 3.3 70B · Groq
    /// (hosted)`: a provider by its name, as the bands over volume name it.
    pub fn describe(&self) -> String {
        let what = match (&self.kind, &self.offering, &self.gpu) {
            (Way::SelfHosted, _, Some(gpu)) => format!(
                "{} self-hosted on {}× {gpu} {}",
                self.model_name,
                self.gpus_per_replica.unwrap_or(1),
                self.precision.unwrap_or("")
            ),
            (way, Some(o), _) => {
                let id = o.rsplit_once('@').map_or(o.as_str(), |(_, p)| p);
                let provider = self.provider_name.as_deref().unwrap_or(id);
                format!("{} · {provider} ({})", self.model_name, way.as_str())
            }
            (way, None, _) => format!("{} ({})", self.model_name, way.as_str()),
        };
        format!("tier {}: {}", self.tier, what.trim_end())
    }

    /// Same tier, model, offering and deployment (the replica count aside).
    pub fn same_run(&self, other: &Place) -> bool {
        self == other
    }
}

/// Where tier `tier` (1 to 3) of `plan` runs, for `scenario`.
pub fn place_of(catalog: &Catalog, scenario: &Scenario, plan: &HybridPlan, tier: u8) -> Place {
    let t = &plan.tiers[usize::from(tier - 1)];
    let name = catalog
        .model(&t.model)
        .map_or_else(|| t.model.clone(), |m| m.name.clone());
    let (gpu, gpus, precision) = match (&t.settings, tier) {
        (Some(d), 2 | 3) => {
            let choice = if tier == 2 {
                &scenario.tiers.large
            } else {
                &scenario.tiers.small
            };
            let n = t.self_host.as_ref().map_or_else(
                || size(d, 0.0).gpus_per_replica,
                |b| b.sizing.gpus_per_replica,
            );
            (
                Some(choice.gpu.clone()),
                Some(n),
                Some(d.precision.as_str()),
            )
        }
        _ => (None, None, None),
    };
    Place {
        tier,
        kind: t.way,
        model: t.model.clone(),
        model_name: name,
        offering: t.offering.clone(),
        provider_name: t
            .offering
            .as_ref()
            .and_then(|id| find_offering(catalog, id))
            .map(|(_, o)| o.provider_name.clone()),
        gpu,
        gpus_per_replica: gpus,
        precision,
    }
}

/// One use case whose place changes, with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    pub use_case: String,
    pub from: Place,
    pub to: Place,
    pub why: String,
}

/// Why `need` cannot stay at `place`, if it cannot: quality, capability, or a blocking rule.
fn misfit(
    catalog: &Catalog,
    rules: &RuleBook,
    scenario: &Scenario,
    place: &Place,
    need: &Need,
) -> Option<String> {
    let model = catalog.model(&place.model)?;
    if !fits(model, need) {
        let g = grade(model);
        if g.quality < need.quality {
            return Some(format!(
                "{} is graded {} ({}); it needs {}",
                model.name,
                g.quality.as_str(),
                g.basis,
                need.quality.as_str()
            ));
        }
        let missing: Vec<&str> = need
            .needs
            .iter()
            .filter(|n| !has_capability(model, **n))
            .map(|n| n.as_str())
            .collect();
        return Some(format!("{} lacks {}", model.name, missing.join(", ")));
    }
    let host = place
        .offering
        .as_deref()
        .and_then(|id| find_offering(catalog, id))
        .and_then(|(m, o)| {
            Bought {
                model: m,
                offering: Some(o),
                price: &o.price.value,
            }
            .host(rules)
        });
    let blocks = Blocks::new(rules, &scenario.region, &scenario.sector);
    blocks
        .blocker(model, place.kind.deployment(), host.as_ref(), need)
        .map(|r| format!("rule {} blocks its data there", r.id))
}

/// Every use case whose place differs between the current and the optimal plan.
pub fn moves(
    catalog: &Catalog,
    rules: &RuleBook,
    current: &Scenario,
    current_plan: &HybridPlan,
    optimal: &Scenario,
    optimal_plan: &HybridPlan,
) -> Vec<Move> {
    let places = |s: &Scenario, p: &HybridPlan| -> Vec<Place> {
        (1..=3).map(|t| place_of(catalog, s, p, t)).collect()
    };
    let (from_places, to_places) = (places(current, current_plan), places(optimal, optimal_plan));
    let mut out = Vec::new();
    for (u, (a, b)) in current.use_cases.iter().zip(&optimal.use_cases).enumerate() {
        let from = &from_places[usize::from(a.tier - 1)];
        let to = &to_places[usize::from(b.tier - 1)];
        if from.same_run(to) {
            continue;
        }
        let need = Need {
            name: a.use_case.name.clone(),
            sensitivity: a.use_case.sensitivity,
            quality: a.use_case.quality,
            needs: a.use_case.needs.clone(),
            input_share: a.use_case.input_share,
        };
        let why = misfit(catalog, rules, current, from, &need).unwrap_or_else(|| {
            let (was, now) = (
                current_plan.use_case_usd_per_month[u],
                optimal_plan.use_case_usd_per_month[u],
            );
            // A part of the bill can rise in a cheaper plan: a self-hosted tier left alone
            // carries the whole shared team.
            let lead = if now <= was {
                "cheaper"
            } else {
                "part of a cheaper plan"
            };
            format!(
                "{lead}: its part of the bill {} → {} a month",
                format_usd_full(was),
                format_usd_full(now)
            )
        });
        out.push(Move {
            use_case: a.use_case.name.clone(),
            from: from.clone(),
            to: to.clone(),
            why,
        });
    }
    out
}

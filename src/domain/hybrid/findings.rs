//! The compliance findings of a plan: one subject per tier that carries traffic.

use super::{Bought, TierPlan, find_offering};
use crate::domain::catalog::Catalog;
use crate::domain::rules::{Finding, RuleBook, Sensitivity, Subject};
use crate::domain::scenario::Scenario;
use std::collections::BTreeSet;

/// The rules the plan trips: one subject per tier that carries traffic, with the kinds of
/// data routed to it.
pub(super) fn findings(
    catalog: &Catalog,
    rules: &RuleBook,
    scenario: &Scenario,
    tiers: &[TierPlan; 3],
) -> Vec<Finding> {
    let subjects: Vec<Subject> = tiers
        .iter()
        .filter(|t| t.tokens_per_day > 0.0)
        .filter_map(|t| {
            let model = catalog.model(&t.model)?;
            let sensitivities: BTreeSet<Sensitivity> = scenario
                .use_cases
                .iter()
                .filter(|c| c.tier == t.tier)
                .map(|c| c.use_case.sensitivity)
                .collect();
            let host = t
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
            let label = match (&host, &t.offering) {
                (Some(h), _) => format!("tier {}: {} · {}", t.tier, model.name, h.provider),
                _ => format!("tier {}: {}", t.tier, model.name),
            };
            Some(Subject {
                label,
                model,
                deployment: t.deployment,
                sensitivities,
                host,
            })
        })
        .collect();
    rules.evaluate(&scenario.region, &scenario.sector, &subjects)
}

//! When no compliant plan exists: which use case has no compliant place, and what blocks each
//! of its options (quality, a capability, or the blocking rule that fires).

use super::space::Blocks;
use super::{Need, Optimizer};
use crate::domain::catalog::{Catalog, Model};
use crate::domain::hybrid::{has_capability, purchases, reads_text};
use crate::domain::rules::{DeploymentKind, RuleBook};
use crate::domain::scenario::Scenario;
use crate::domain::usecase::grade;
use std::collections::BTreeMap;

/// A use case with no compliant place, and one line per way it could have run.
#[derive(Debug, Clone, PartialEq)]
pub struct Stuck {
    pub use_case: String,
    pub reasons: Vec<String>,
}

/// What stops `need` on each model of `models` run `deployment`'s way.
fn reasons(
    what: &str,
    models: &[(&Model, Vec<Option<crate::domain::rules::Host>>)],
    blocks: &Blocks,
    deployment: DeploymentKind,
    need: &Need,
) -> String {
    if models.is_empty() {
        return format!("{what}: the catalogue has no such model");
    }
    let good: Vec<_> = models
        .iter()
        .filter(|(m, _)| grade(m).quality >= need.quality)
        .collect();
    if good.is_empty() {
        return format!(
            "{what}: none of {} models is graded {} or better",
            models.len(),
            need.quality.as_str()
        );
    }
    let capable: Vec<_> = good
        .iter()
        .filter(|(m, _)| reads_text(m) && need.needs.iter().all(|n| has_capability(m, *n)))
        .collect();
    if capable.is_empty() {
        let needs: Vec<&str> = need.needs.iter().map(|n| n.as_str()).collect();
        return format!(
            "{what}: none of the {} models graded {} or better has {}",
            good.len(),
            need.quality.as_str(),
            needs.join(" and ")
        );
    }
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    let mut options = 0;
    for (m, hosts) in capable {
        for host in hosts {
            options += 1;
            for r in blocks.all(m, deployment, host.as_ref(), need) {
                *by_rule.entry(r.id.as_str()).or_default() += 1;
            }
        }
    }
    let rules: Vec<String> = by_rule
        .iter()
        .map(|(id, n)| format!("rule {id} blocks {n} of {options}"))
        .collect();
    if rules.is_empty() {
        format!("{what}: {options} options would do, but no GPU price or size lets it run")
    } else {
        format!("{what}: {}", rules.join("; "))
    }
}

/// The use cases with no compliant place at all. When each has one but no split over three
/// tiers serves them all, one entry says so.
pub fn stuck(
    catalog: &Catalog,
    rules: &RuleBook,
    scenario: &Scenario,
    optimizer: &Optimizer,
) -> Vec<Stuck> {
    let blocks = Blocks::new(rules, &scenario.region, &scenario.sector);
    let placed: u32 = optimizer
        .space
        .purchases
        .iter()
        .map(|p| p.mask)
        .chain(optimizer.space.own.iter().flatten().map(|o| o.mask))
        .fold(0, |a, m| a | m);
    let bought: Vec<(&Model, Vec<Option<crate::domain::rules::Host>>)> = catalog
        .models
        .iter()
        .map(|m| (m, purchases(m).map(|b| b.host(rules)).collect::<Vec<_>>()))
        .filter(|(_, hosts)| !hosts.is_empty())
        .collect();
    let own: Vec<(&Model, Vec<Option<crate::domain::rules::Host>>)> = catalog
        .models
        .iter()
        .filter(|m| m.can_self_host())
        .map(|m| (m, vec![None]))
        .collect();
    let mut out: Vec<Stuck> = optimizer
        .needs
        .iter()
        .enumerate()
        .filter(|(u, _)| placed & (1 << u) == 0)
        .map(|(_, need)| Stuck {
            use_case: need.name.clone(),
            reasons: vec![
                reasons("API or host", &bought, &blocks, DeploymentKind::Api, need),
                reasons(
                    "self-hosted",
                    &own,
                    &blocks,
                    DeploymentKind::SelfHosted,
                    need,
                ),
            ],
        })
        .collect();
    if out.is_empty() {
        out.push(Stuck {
            use_case: "whole plan".into(),
            reasons: vec![
                "every use case has a compliant place, but no split over three tiers (one \
                 model each) serves them all"
                    .into(),
            ],
        });
    }
    out
}

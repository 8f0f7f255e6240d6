//! The three-tier hybrid plan of cost-model.md section 5: route use cases to tiers, cost each
//! tier, compare with the all-frontier and all-self-hosted baselines, and find the compliance
//! rules the plan trips in its region and sector.

use super::catalog::{Catalog, Modality, Model, Price};
use super::cost::{
    Deployment, InputError, SelfHostCost, Workload, api_monthly_cost, blended_price, self_host_cost,
};
use super::rules::{DeploymentKind, Finding, RuleBook, Sensitivity};
use super::scenario::{DeploymentChoice, PlannedUseCase, Scenario};
use super::usecase::{Capability, LONG_CONTEXT_TOKENS, Quality, UseCase};

mod findings;
pub mod staff;
pub mod way;
pub use staff::{StaffShare, Staffed};
pub use way::{Bought, Way, bought, find_offering, is_free, purchases};

pub const TIER_NAMES: [&str; 3] = [
    "frontier API",
    "large open, self-hosted",
    "small open, closed environment",
];

/// Whether `model` reads text, as every use case sends it: a speech or image model whose known
/// inputs leave text out (Qwen3-ASR takes audio only) cannot carry one. Unknown counts as yes:
/// open-weight language models carry no modality list.
pub fn reads_text(model: &Model) -> bool {
    model
        .modalities
        .as_ref()
        .is_none_or(|m| m.value.contains(&Modality::Text))
}

/// Whether `model` offers `need`; unknown counts as no.
pub fn has_capability(model: &Model, need: Capability) -> bool {
    match need {
        Capability::Multimodal => [Modality::Image, Modality::Audio, Modality::Video]
            .into_iter()
            .any(|m| model.has_modality(m)),
        Capability::LongContext => model
            .context_tokens
            .as_ref()
            .is_some_and(|c| c.value >= LONG_CONTEXT_TOKENS),
    }
}

/// Default routing: regulated data to tier 3; frontier quality, or a capability only the
/// tier-1 model has, to tier 1; everything else to tier 2.
pub fn route(case: &UseCase, frontier: &Model, large: &Model) -> u8 {
    if case.sensitivity == Sensitivity::Regulated {
        3
    } else if case.quality == Quality::Frontier
        || case
            .needs
            .iter()
            .any(|n| has_capability(frontier, *n) && !has_capability(large, *n))
    {
        1
    } else {
        2
    }
}

/// One tier's share of the plan and what it costs.
#[derive(Debug, Clone, PartialEq)]
pub struct TierPlan {
    /// 1, 2 or 3.
    pub tier: u8,
    pub model: String,
    /// What the rules see: an API (maker's or host's) or self-hosted.
    pub deployment: DeploymentKind,
    /// How the tier runs: api, hosted or self-hosted.
    pub way: Way,
    /// The offering bought (`model@provider`), when not the model's listed price.
    pub offering: Option<String>,
    /// Cost inputs of a self-hosted tier, as billed: `fte` and `salary` are the share of the
    /// staff billed to it (see [`StaffShare`]).
    pub settings: Option<Deployment>,
    pub tokens_per_day: f64,
    /// Token-weighted input share of the use cases on this tier (the overall share when empty).
    pub input_share: f64,
    pub share: f64,
    pub usd_per_month: f64,
    /// None when the tier carries no volume.
    pub usd_per_million: Option<f64>,
    /// API and hosted tiers: the blended price.
    pub blended_usd_per_million: Option<f64>,
    /// Self-hosted tiers: sizing and bill (absent when the tier is empty).
    pub self_host: Option<SelfHostCost>,
    /// Self-hosted tiers: the staff billed to it.
    pub staff: Option<StaffShare>,
    pub gpus: u32,
    /// Tiers 2 and 3: what bounds the replica's throughput (`kv-capacity`, ...), or
    /// `params only` when the model has no architecture (cost-model.md section 3b).
    pub bound: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HybridPlan {
    pub tiers: [TierPlan; 3],
    /// Normalized shares, in the scenario's use-case order.
    pub shares: Vec<f64>,
    /// Each use case's part of its tier's cost: exact on an API tier, by tokens on a
    /// self-hosted tier (whose cost is shared by all it carries).
    pub use_case_usd_per_month: Vec<f64>,
    pub hybrid_usd_per_month: f64,
    pub all_frontier_usd_per_month: f64,
    pub all_self_hosted_usd_per_month: f64,
    /// 1 - hybrid / all-frontier; None when all-frontier costs nothing.
    pub savings_vs_frontier: Option<f64>,
    pub gpus_total: u32,
    pub findings: Vec<Finding>,
}

/// Shares normalized to sum to 1; all-zero shares split evenly.
pub fn normalized_shares(cases: &[PlannedUseCase]) -> Vec<f64> {
    let total: f64 = cases.iter().map(|c| c.use_case.share.max(0.0)).sum();
    cases
        .iter()
        .map(|c| {
            if total > 0.0 {
                c.use_case.share.max(0.0) / total
            } else {
                1.0 / cases.len() as f64
            }
        })
        .collect()
}

fn model<'a>(catalog: &'a Catalog, field: &'static str, id: &str) -> Result<&'a Model, InputError> {
    catalog.model(id).ok_or_else(|| InputError {
        field,
        value: id.to_string(),
        allowed: "a model id from the catalogue".into(),
    })
}

/// The plan of `scenario`: every tier's cost, the totals, the baselines and the findings.
pub fn plan(
    catalog: &Catalog,
    rules: &RuleBook,
    scenario: &Scenario,
) -> Result<HybridPlan, InputError> {
    plan_priced(catalog, rules, scenario, None)
}

/// A tier bought through an API, or self-hosted.
enum Run<'a> {
    Bought(Bought<'a>),
    Own(Box<Deployment>),
}

/// How tiers 2 and 3 run: their offering (`model@provider`, or a model id for its listed price)
/// when set, else their self-hosted deployment.
fn open_tier<'a>(
    catalog: &'a Catalog,
    field: &'static str,
    choice: &DeploymentChoice,
    offering: Option<&String>,
    workload: &Workload,
) -> Result<Run<'a>, InputError> {
    match offering {
        // A plain model id means the model's own listed price.
        Some(id) if !id.contains('@') => bought(catalog, field, id, None).map(Run::Bought),
        Some(id) => bought(catalog, field, &choice.model, Some(id)).map(Run::Bought),
        None => choice
            .resolve_for(catalog, workload)
            .map(|d| Run::Own(Box::new(d))),
    }
}

/// [`plan`] with the tier-1 model's API price replaced by `price` when given (what-if views).
pub fn plan_priced(
    catalog: &Catalog,
    rules: &RuleBook,
    scenario: &Scenario,
    price: Option<&Price>,
) -> Result<HybridPlan, InputError> {
    let workload = &scenario.workload;
    workload.validate()?;
    let tiers_in = &scenario.tiers;
    let mut frontier = bought(
        catalog,
        "tier-1",
        &tiers_in.frontier,
        tiers_in.frontier_offering.as_deref(),
    )?;
    if let Some(p) = price {
        frontier.price = p;
    }
    let large = tiers_in.large.resolve_for(catalog, workload)?;
    let runs = [
        Run::Bought(frontier),
        open_tier(
            catalog,
            "tier-2",
            &tiers_in.large,
            tiers_in.large_offering.as_ref(),
            workload,
        )?,
        open_tier(
            catalog,
            "tier-3",
            &tiers_in.small,
            tiers_in.small_offering.as_ref(),
            workload,
        )?,
    ];
    for case in &scenario.use_cases {
        if let Some(problem) = case.use_case.problems().into_iter().next() {
            return Err(InputError {
                field: "use-case",
                value: case.use_case.name.clone(),
                allowed: problem,
            });
        }
        if !(1..=3).contains(&case.tier) {
            return Err(InputError {
                field: "tier",
                value: case.tier.to_string(),
                allowed: "1, 2 or 3".into(),
            });
        }
    }

    let shares = normalized_shares(&scenario.use_cases);
    let mut tier_share = [0.0; 3];
    let mut tier_input = [0.0; 3];
    for (case, share) in scenario.use_cases.iter().zip(&shares) {
        let t = usize::from(case.tier - 1);
        tier_share[t] += share;
        tier_input[t] += share * case.use_case.input_share;
    }
    let volume = workload.tokens_per_day;
    let at = |t: usize| Workload {
        tokens_per_day: volume * tier_share[t],
        input_share: if tier_share[t] > 0.0 {
            tier_input[t] / tier_share[t]
        } else {
            workload.input_share
        },
        prompt_tokens: workload.prompt_tokens,
        output_tokens: workload.output_tokens,
    };
    let own_staff = [
        false,
        tiers_in.large.settings.own_staff,
        tiers_in.small.settings.own_staff,
    ];
    let staffed: Vec<(usize, Staffed)> = runs
        .iter()
        .enumerate()
        .filter_map(|(t, r)| match r {
            Run::Own(d) => Some((
                t,
                Staffed {
                    deployment: d,
                    tokens_per_day: at(t).tokens_per_day,
                    own_staff: own_staff[t],
                },
            )),
            Run::Bought(_) => None,
        })
        .collect();
    let billed = staff::bill(
        &staffed
            .iter()
            .map(|(_, s)| Staffed { ..*s })
            .collect::<Vec<_>>(),
    );
    let mut staff_of: [Option<(StaffShare, Deployment)>; 3] = [None, None, None];
    for ((t, _), b) in staffed.iter().zip(billed) {
        staff_of[*t] = Some(b);
    }

    let tier_plan = |t: usize| -> TierPlan {
        let w = at(t);
        let base = |model: &str, way: Way| TierPlan {
            tier: t as u8 + 1,
            model: model.to_string(),
            deployment: way.deployment(),
            way,
            offering: None,
            settings: None,
            tokens_per_day: w.tokens_per_day,
            input_share: w.input_share,
            share: tier_share[t],
            usd_per_month: 0.0,
            usd_per_million: None,
            blended_usd_per_million: None,
            self_host: None,
            staff: None,
            gpus: 0,
            bound: None,
        };
        match &runs[t] {
            Run::Bought(b) => {
                let blended = blended_price(b.price, &w);
                TierPlan {
                    offering: b.offering.map(|o| o.id.clone()),
                    usd_per_month: api_monthly_cost(b.price, &w),
                    usd_per_million: (w.tokens_per_day > 0.0).then_some(blended),
                    blended_usd_per_million: Some(blended),
                    ..base(&b.model.id, b.way())
                }
            }
            Run::Own(_) => {
                let choice = if t == 1 {
                    &tiers_in.large
                } else {
                    &tiers_in.small
                };
                let (share, billed) = staff_of[t]
                    .clone()
                    .expect("every self-hosted tier is staffed");
                let bill =
                    (w.tokens_per_day > 0.0).then(|| self_host_cost(&billed, w.tokens_per_day));
                TierPlan {
                    // The inputs as billed: the staff share in `fte` and `salary`, so the
                    // tier's bill recomputes from these alone.
                    settings: Some(billed.clone()),
                    usd_per_month: bill.as_ref().map_or(0.0, |b| b.usd_per_month),
                    usd_per_million: bill.as_ref().map(|b| b.usd_per_million_tokens),
                    gpus: bill.as_ref().map_or(0, |b| b.sizing.gpus),
                    self_host: bill,
                    staff: Some(share),
                    bound: Some(
                        billed
                            .plan()
                            .replica
                            .map_or("params only", |r| r.bound.as_str()),
                    ),
                    ..base(&choice.model, Way::SelfHosted)
                }
            }
        }
    };
    let tiers = [tier_plan(0), tier_plan(1), tier_plan(2)];

    let use_case_usd_per_month = scenario
        .use_cases
        .iter()
        .zip(&shares)
        .map(|(case, share)| {
            let t = usize::from(case.tier - 1);
            match &runs[t] {
                Run::Bought(b) => api_monthly_cost(
                    b.price,
                    &Workload {
                        tokens_per_day: volume * share,
                        input_share: case.use_case.input_share,
                        ..workload.clone()
                    },
                ),
                Run::Own(_) if tier_share[t] > 0.0 => {
                    tiers[t].usd_per_month * share / tier_share[t]
                }
                Run::Own(_) => 0.0,
            }
        })
        .collect();

    let hybrid: f64 = tiers.iter().map(|t| t.usd_per_month).sum();
    // The same traffic, all on tier 1: the use cases' token-weighted input share, so the
    // baseline and the hybrid bill the same tokens and differ only in where they go.
    let overall_input: f64 = tier_input.iter().sum();
    let all_frontier = api_monthly_cost(
        frontier.price,
        &Workload {
            input_share: overall_input,
            ..workload.clone()
        },
    );
    let all_self_hosted = self_host_cost(&large, volume).usd_per_month;
    let findings = findings::findings(catalog, rules, scenario, &tiers);
    Ok(HybridPlan {
        gpus_total: tiers.iter().map(|t| t.gpus).sum(),
        tiers,
        shares,
        use_case_usd_per_month,
        hybrid_usd_per_month: hybrid,
        all_frontier_usd_per_month: all_frontier,
        all_self_hosted_usd_per_month: all_self_hosted,
        savings_vs_frontier: (all_frontier > 0.0).then(|| 1.0 - hybrid / all_frontier),
        findings,
    })
}

/// Re-apply the default routing to every use case of `scenario` (the `R` key).
pub fn reroute(catalog: &Catalog, scenario: &mut Scenario) -> Result<(), InputError> {
    let frontier = model(catalog, "tier-1", &scenario.tiers.frontier)?.clone();
    let large = model(catalog, "tier-2", &scenario.tiers.large.model)?.clone();
    for case in &mut scenario.use_cases {
        case.tier = route(&case.use_case, &frontier, &large);
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests;

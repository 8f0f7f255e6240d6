//! The plan search as a document: the JSON of `tierwise plan --optimize` and its Markdown.
//! Field names are the contract; keep them.

use super::describe::{Move, Place, place_of};
use super::sweep::{Band, BreakEven};
use super::{Outcome, Stuck};
use crate::domain::catalog::Catalog;
use crate::domain::hybrid::HybridPlan;
use crate::domain::scenario::Scenario;
use crate::domain::usecase::grade;
use serde::Serialize;

mod markdown;
pub use markdown::{markdown, search_markdown};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanDoc {
    pub current: PlanSide,
    pub optimal: Option<OptimalSide>,
    pub thresholds: Vec<Threshold>,
    pub hybrid_break_even_tokens_per_day: Option<f64>,
    /// The volume from which the current plan costs less than all-self-hosted (Markdown only;
    /// the JSON keeps the keys).
    #[serde(skip)]
    pub break_even_vs_self_hosted: Option<f64>,
    /// Only when no compliant plan exists: each use case with no place and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub no_compliant_plan: Vec<StuckDoc>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanSide {
    pub usd_per_month: f64,
    pub tiers: Vec<TierDoc>,
    pub use_cases: Vec<UseCaseDoc>,
    pub findings: Vec<FindingDoc>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptimalSide {
    #[serde(flatten)]
    pub plan: PlanSide,
    pub moved: Vec<MoveDoc>,
    /// True when every split of the use cases was tried.
    pub exhaustive: bool,
}

/// How a use case or tier runs: `kind` is `api`, `hosted` or `self-hosted`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeploymentDoc {
    pub kind: &'static str,
    pub model: String,
    pub offering: Option<String>,
    pub gpu: Option<String>,
    pub gpus_per_replica: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradeDoc {
    pub grade: &'static str,
    /// What decided it: the benchmark and cut-off, or the tier rule.
    pub basis: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierDoc {
    pub tier: u8,
    #[serde(flatten)]
    pub deployment: DeploymentDoc,
    pub precision: Option<&'static str>,
    pub quality: GradeDoc,
    pub tokens_per_day: f64,
    pub gpus: u32,
    pub usd_per_month: f64,
    /// Self-hosted tiers: the team shared by every self-hosted tier, or the tier's own.
    pub staff: Option<StaffDoc>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaffDoc {
    pub shared: bool,
    pub team_fte: f64,
    pub team_salary: f64,
    pub billed_fte: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UseCaseDoc {
    pub name: String,
    pub tier: u8,
    pub deployment: DeploymentDoc,
    pub quality_needed: &'static str,
    pub sensitivity: &'static str,
    pub needs: Vec<&'static str>,
    pub usd_per_month: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingDoc {
    pub severity: &'static str,
    pub rule: String,
    pub subject: String,
    pub message: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MoveDoc {
    pub use_case: String,
    pub from: PlaceDoc,
    pub to: PlaceDoc,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceDoc {
    pub tier: u8,
    #[serde(flatten)]
    pub deployment: DeploymentDoc,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Threshold {
    pub from_tokens_per_day: f64,
    pub to_tokens_per_day: f64,
    pub summary: String,
    pub usd_per_month_at_from: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StuckDoc {
    pub use_case: String,
    pub reasons: Vec<String>,
}

fn deployment(p: &Place) -> DeploymentDoc {
    DeploymentDoc {
        kind: p.kind.as_str(),
        model: p.model.clone(),
        offering: p.offering.clone(),
        gpu: p.gpu.clone(),
        gpus_per_replica: p.gpus_per_replica,
    }
}

/// One side of the document: `plan` of `scenario`.
pub fn side(catalog: &Catalog, scenario: &Scenario, plan: &HybridPlan) -> PlanSide {
    let places: Vec<Place> = (1..=3)
        .map(|t| place_of(catalog, scenario, plan, t))
        .collect();
    let tiers = plan
        .tiers
        .iter()
        .zip(&places)
        .map(|(t, p)| {
            let g = catalog.model(&t.model).map(grade);
            TierDoc {
                tier: t.tier,
                deployment: deployment(p),
                precision: p.precision,
                quality: GradeDoc {
                    grade: g.as_ref().map_or("unknown", |g| g.quality.as_str()),
                    basis: g.map_or_else(|| "model not in the catalogue".into(), |g| g.basis),
                },
                tokens_per_day: t.tokens_per_day,
                gpus: t.gpus,
                usd_per_month: t.usd_per_month,
                staff: t.staff.as_ref().map(|s| StaffDoc {
                    shared: s.shared,
                    team_fte: s.team_fte,
                    team_salary: s.team_salary,
                    billed_fte: s.billed_fte,
                }),
            }
        })
        .collect();
    let use_cases = scenario
        .use_cases
        .iter()
        .zip(&plan.use_case_usd_per_month)
        .map(|(c, usd)| UseCaseDoc {
            name: c.use_case.name.clone(),
            tier: c.tier,
            deployment: deployment(&places[usize::from(c.tier - 1)]),
            quality_needed: c.use_case.quality.as_str(),
            sensitivity: c.use_case.sensitivity.as_str(),
            needs: c.use_case.needs.iter().map(|n| n.as_str()).collect(),
            usd_per_month: *usd,
        })
        .collect();
    let findings = plan
        .findings
        .iter()
        .map(|f| FindingDoc {
            severity: f.severity.as_str(),
            rule: f.rule.clone(),
            subject: f.subject.clone(),
            message: f.message.clone(),
            source: f.source.clone(),
        })
        .collect();
    PlanSide {
        usd_per_month: plan.hybrid_usd_per_month,
        tiers,
        use_cases,
        findings,
    }
}

fn move_doc(m: &Move) -> MoveDoc {
    let place = |p: &Place| PlaceDoc {
        tier: p.tier,
        deployment: deployment(p),
    };
    MoveDoc {
        use_case: m.use_case.clone(),
        from: place(&m.from),
        to: place(&m.to),
        why: m.why.clone(),
    }
}

/// The whole document. `outcome` and `bands` are None when the search was not asked for.
pub fn build(
    catalog: &Catalog,
    scenario: &Scenario,
    current: &HybridPlan,
    outcome: Option<&Outcome>,
    bands: &[Band],
    break_even: &BreakEven,
) -> PlanDoc {
    let (optimal, stuck) = match outcome {
        Some(Outcome::Optimal(o)) => (
            Some(OptimalSide {
                plan: side(catalog, &o.scenario, &o.plan),
                moved: o.moves.iter().map(move_doc).collect(),
                exhaustive: o.found.exhaustive,
            }),
            Vec::new(),
        ),
        Some(Outcome::NoCompliantPlan(stuck)) => (None, stuck.iter().map(stuck_doc).collect()),
        None => (None, Vec::new()),
    };
    PlanDoc {
        current: side(catalog, scenario, current),
        optimal,
        thresholds: bands
            .iter()
            .map(|b| Threshold {
                from_tokens_per_day: b.from,
                to_tokens_per_day: b.to,
                summary: b.summary.clone(),
                usd_per_month_at_from: b.usd_per_month_at_from,
            })
            .collect(),
        hybrid_break_even_tokens_per_day: break_even.vs_frontier,
        break_even_vs_self_hosted: break_even.vs_self_hosted,
        no_compliant_plan: stuck,
    }
}

fn stuck_doc(s: &Stuck) -> StuckDoc {
    StuckDoc {
        use_case: s.use_case.clone(),
        reasons: s.reasons.clone(),
    }
}

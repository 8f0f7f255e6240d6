//! Shared staff: one team runs every self-hosted tier of a plan, unless a tier says it has its
//! own (cost-model.md section 5). The team is as large as the largest staffing any sharing tier
//! asks for (its FTE times its salary), is paid once, and is billed to the sharing tiers in
//! proportion to the tokens each carries, so the tiers still add up to the plan.

use crate::domain::cost::Deployment;

/// The staff a self-hosted tier is billed for.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffShare {
    /// The tier shares the plan's one team (false: it pays its own `fte`).
    pub shared: bool,
    /// The team: FTE and yearly salary (the tier's own when not shared).
    pub team_fte: f64,
    pub team_salary: f64,
    /// The part of the team billed to this tier, in FTE.
    pub billed_fte: f64,
}

/// A self-hosted tier before staff is billed: its deployment, its tokens, whether it shares.
#[derive(Debug, Clone, Copy)]
pub struct Staffed<'a> {
    pub deployment: &'a Deployment,
    pub tokens_per_day: f64,
    pub own_staff: bool,
}

/// Each tier's staff, and its deployment with `fte` and `salary` set to what it is billed, so
/// the cost model prices the tier (labor included) unchanged. Tiers that carry no tokens are
/// billed nothing and do not size the team.
pub fn bill(tiers: &[Staffed]) -> Vec<(StaffShare, Deployment)> {
    let sharing = |t: &&Staffed| !t.own_staff && t.tokens_per_day > 0.0;
    let team = tiers
        .iter()
        .filter(sharing)
        .map(|t| (t.deployment.fte, t.deployment.salary))
        .max_by(|a, b| (a.0 * a.1).total_cmp(&(b.0 * b.1)));
    let shared_tokens: f64 = tiers.iter().filter(sharing).map(|t| t.tokens_per_day).sum();
    tiers
        .iter()
        .map(|t| {
            let mut d = t.deployment.clone();
            let share = match team {
                Some((fte, salary)) if sharing(&t) => {
                    let billed = fte * t.tokens_per_day / shared_tokens;
                    d.fte = billed;
                    d.salary = salary;
                    StaffShare {
                        shared: true,
                        team_fte: fte,
                        team_salary: salary,
                        billed_fte: billed,
                    }
                }
                _ => StaffShare {
                    shared: !t.own_staff,
                    team_fte: t.deployment.fte,
                    team_salary: t.deployment.salary,
                    billed_fte: t.deployment.fte,
                },
            };
            (share, d)
        })
        .collect()
}

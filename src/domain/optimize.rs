//! The decision engine of cost-model.md section 7: for the scenario's use cases, region, sector
//! and volume, the cheapest plan that breaks no blocking rule and gives every use case the
//! quality and capabilities it needs; where that answer changes over volume; and from which
//! volume the scenario's own plan beats sending everything to its frontier API.

use super::catalog::Catalog;
use super::cost::InputError;
use super::hybrid::{HybridPlan, plan};
use super::rules::{RuleBook, Sensitivity};
use super::scenario::Scenario;
use super::usecase::{Capability, Quality};

mod candidate;
mod describe;
mod diagnose;
pub mod doc;
mod prune;
pub mod search;
pub mod space;
pub mod sweep;

pub use describe::{Move, Place, place_of};
pub use diagnose::{Stuck, stuck};
pub use search::{Found, MAX_EXHAUSTIVE, Pick};
pub use space::Space;
pub use sweep::{Band, BreakEven, bands, break_even};

/// The search keeps a table over every set of use cases (2^n entries per tier).
pub const MAX_USE_CASES: usize = 16;

/// What a use case asks of the tier that carries it.
#[derive(Debug, Clone, PartialEq)]
pub struct Need {
    pub name: String,
    pub sensitivity: Sensitivity,
    pub quality: Quality,
    pub needs: Vec<Capability>,
    pub input_share: f64,
}

/// The search space of a scenario and the tables that do not depend on the volume.
pub struct Optimizer {
    pub space: Space,
    pub needs: Vec<Need>,
    buy: [Vec<(f64, Option<usize>)>; 2],
    staff: [search::Staff; 2],
    start: Vec<u8>,
}

/// The cheapest compliant plan at the scenario's volume, as a scenario and its plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Optimum {
    pub found: Found,
    pub scenario: Scenario,
    pub plan: HybridPlan,
    pub moves: Vec<Move>,
}

/// The search's answer: a plan, or why none exists.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Optimal(Box<Optimum>),
    /// No split of the use cases over the tiers meets every constraint; each stuck use case
    /// says what blocks each of its options.
    NoCompliantPlan(Vec<Stuck>),
}

impl Optimizer {
    /// Build the space. Errors when the scenario itself is invalid (the current plan does not
    /// compute) or has more use cases than a set can hold.
    pub fn new(
        catalog: &Catalog,
        rules: &RuleBook,
        scenario: &Scenario,
    ) -> Result<Self, InputError> {
        plan(catalog, rules, scenario)?;
        if scenario.use_cases.len() > MAX_USE_CASES {
            return Err(InputError {
                field: "use-case",
                value: scenario.use_cases.len().to_string(),
                allowed: format!("at most {MAX_USE_CASES} use cases for the plan search"),
            });
        }
        let needs: Vec<Need> = scenario
            .use_cases
            .iter()
            .map(|c| Need {
                name: c.use_case.name.clone(),
                sensitivity: c.use_case.sensitivity,
                quality: c.use_case.quality,
                needs: c.use_case.needs.clone(),
                input_share: c.use_case.input_share,
            })
            .collect();
        let space = Space::build(catalog, rules, scenario, &needs);
        let open: Vec<bool> = catalog.models.iter().map(|m| m.is_open_weights()).collect();
        let buy = search::purchase_tables(&space, needs.len(), &open);
        let tiers = &scenario.tiers;
        let staff = [&tiers.large.settings, &tiers.small.settings].map(|s| search::Staff {
            usd_per_year: s.fte * s.salary,
            overhead: s.overhead,
            own: s.own_staff,
        });
        Ok(Optimizer {
            space,
            needs,
            buy,
            staff,
            start: scenario.use_cases.iter().map(|c| c.tier - 1).collect(),
        })
    }

    /// The cheapest split and tier runs at `volume` tokens a day, if any is compliant.
    pub fn at(&self, volume: f64) -> Option<Found> {
        let tables = search::Tables::new(&self.space, &self.buy, self.staff, volume);
        let everywhere: Vec<Vec<u8>> = (0..3).map(|t| vec![t; self.needs.len()]).collect();
        let mut starts = vec![self.start.clone()];
        starts.extend(everywhere);
        search::solve(&tables, &starts).map(merge_same_purchases)
    }

    /// `scenario` with the found plan applied: use cases on their tiers, each tier's model,
    /// offering or deployment. An empty tier keeps the scenario's own settings.
    pub fn apply(&self, catalog: &Catalog, scenario: &Scenario, found: &Found) -> Scenario {
        let mut s = scenario.clone();
        for (case, t) in s.use_cases.iter_mut().zip(&found.tier_of) {
            case.tier = t + 1;
        }
        let id_of = |i: usize| {
            let p = &self.space.purchases[i];
            let model = &catalog.models[p.model];
            (
                model.id.clone(),
                p.offering.map(|o| model.offerings[o].id.clone()),
            )
        };
        if let Pick::Buy(i) = found.picks[0] {
            let (model, offering) = id_of(i);
            s.tiers.frontier = model;
            s.tiers.frontier_offering = offering;
        }
        for t in 0..2 {
            let (choice, offering) = if t == 0 {
                (&mut s.tiers.large, &mut s.tiers.large_offering)
            } else {
                (&mut s.tiers.small, &mut s.tiers.small_offering)
            };
            match found.picks[t + 1] {
                Pick::Empty => {}
                Pick::Buy(i) => {
                    let (model, id) = id_of(i);
                    *offering = Some(id.unwrap_or(model));
                }
                Pick::Own(i) => {
                    *choice = self.space.own[t][i].choice.clone();
                    *offering = None;
                }
            }
        }
        s
    }
}

/// A purchase bills each use case alone, so two tiers buying the same one cost what one tier
/// carrying both costs: keep the lower tier and leave the other empty.
fn merge_same_purchases(mut found: Found) -> Found {
    for t in 1..3 {
        let Pick::Buy(i) = found.picks[t] else {
            continue;
        };
        if let Some(first) = (0..t).find(|k| found.picks[*k] == Pick::Buy(i)) {
            for x in &mut found.tier_of {
                if usize::from(*x) == t {
                    *x = first as u8;
                }
            }
            found.picks[t] = Pick::Empty;
        }
    }
    found
}

/// The cheapest compliant plan for `scenario` at its own volume, with what it moves and why.
pub fn optimize(
    catalog: &Catalog,
    rules: &RuleBook,
    scenario: &Scenario,
) -> Result<Outcome, InputError> {
    let optimizer = Optimizer::new(catalog, rules, scenario)?;
    optimal(&optimizer, catalog, rules, scenario)
}

/// [`optimize`] with a space already built (the volume sweep and the screen reuse it).
pub fn optimal(
    optimizer: &Optimizer,
    catalog: &Catalog,
    rules: &RuleBook,
    scenario: &Scenario,
) -> Result<Outcome, InputError> {
    let Some(found) = optimizer.at(scenario.workload.tokens_per_day) else {
        return Ok(Outcome::NoCompliantPlan(stuck(
            catalog, rules, scenario, optimizer,
        )));
    };
    let better = optimizer.apply(catalog, scenario, &found);
    let current = plan(catalog, rules, scenario)?;
    let optimal_plan = plan(catalog, rules, &better)?;
    let moves = describe::moves(catalog, rules, scenario, &current, &better, &optimal_plan);
    Ok(Outcome::Optimal(Box::new(Optimum {
        found,
        scenario: better,
        plan: optimal_plan,
        moves,
    })))
}

/// Everything the plan search says about a scenario: the optimum at its volume, the bands over
/// volume and the break-even volumes. One value, so a screen can compute it off its event loop
/// and show it only while the scenario it was computed for is still the current one.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub outcome: Outcome,
    pub bands: Vec<Band>,
    pub break_even: BreakEven,
}

/// The whole [`Analysis`] of `scenario`.
pub fn analyse(
    catalog: &Catalog,
    rules: &RuleBook,
    scenario: &Scenario,
) -> Result<Analysis, InputError> {
    let optimizer = Optimizer::new(catalog, rules, scenario)?;
    Ok(Analysis {
        outcome: optimal(&optimizer, catalog, rules, scenario)?,
        bands: bands(&optimizer, catalog),
        break_even: break_even(catalog, rules, scenario)?,
    })
}

#[cfg(test)]
mod tests;

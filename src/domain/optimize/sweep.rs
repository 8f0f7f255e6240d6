//! Where the answer changes: the cheapest plan over the whole volume range as bands, and the
//! volume from which the scenario's own plan beats its baselines.
//!
//! Both scan a grid of [`POINTS_PER_DECADE`] volumes a decade from 1K to 100B tokens a day and
//! bisect each change between neighbours [`BISECTIONS`] times (to within 0.5% of the volume). A
//! change that starts and ends between two neighbours of the grid is not seen: the bound of the
//! scan.

use super::Optimizer;
use super::search::{Found, Pick};
use crate::domain::breakeven::{VOLUME_MAX, VOLUME_MIN};
use crate::domain::catalog::Catalog;
use crate::domain::cost::InputError;
use crate::domain::hybrid::plan;
use crate::domain::rules::RuleBook;
use crate::domain::scenario::Scenario;

pub const POINTS_PER_DECADE: usize = 4;
pub const BISECTIONS: usize = 7;

/// A range of volumes over which the cheapest compliant plan keeps its shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub from: f64,
    /// The end of the band (the next band's start; 100B for the last).
    pub to: f64,
    /// None where no compliant plan exists.
    pub found: Option<Found>,
    pub summary: String,
    pub usd_per_month_at_from: Option<f64>,
}

/// The grid of volumes: 1K, 1.78K, 3.16K, ... 100B.
pub fn grid() -> Vec<f64> {
    let decades = (VOLUME_MAX / VOLUME_MIN).log10().round() as usize;
    (0..=decades * POINTS_PER_DECADE)
        .map(|i| VOLUME_MIN * 10f64.powf(i as f64 / POINTS_PER_DECADE as f64))
        .map(|v| v.min(VOLUME_MAX))
        .collect()
}

/// What a tier runs, for telling bands apart: the purchase, or the self-hosted model (a change
/// of GPU or precision alone, which the replica staircase makes frequent, is not a new band).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Runs {
    Empty,
    Buy(usize),
    Model(usize),
}

/// What makes two plans the same band: the split and what each tier runs.
fn shape(optimizer: &Optimizer, found: &Option<Found>) -> Option<(Vec<u8>, [Runs; 3])> {
    let runs = |t: usize, p: Pick| match p {
        Pick::Empty => Runs::Empty,
        Pick::Buy(i) => Runs::Buy(i),
        Pick::Own(i) => Runs::Model(optimizer.space.own[t - 1][i].model),
    };
    found.as_ref().map(|f| {
        let r = [
            runs(0, f.picks[0]),
            runs(1, f.picks[1]),
            runs(2, f.picks[2]),
        ];
        (f.tier_of.clone(), r)
    })
}

/// The cheapest plan's bands over 1K to 100B tokens a day.
pub fn bands(optimizer: &Optimizer, catalog: &Catalog) -> Vec<Band> {
    let volumes = grid();
    let found: Vec<Option<Found>> = volumes.iter().map(|v| optimizer.at(*v)).collect();
    let mut starts: Vec<(f64, Option<Found>)> = vec![(volumes[0], found[0].clone())];
    for i in 1..volumes.len() {
        if shape(optimizer, &found[i]) == shape(optimizer, &found[i - 1]) {
            continue;
        }
        // Bisect on the logarithm for the first volume with the new shape.
        let (mut lo, mut hi) = (volumes[i - 1].ln(), volumes[i].ln());
        let mut at_hi = found[i].clone();
        for _ in 0..BISECTIONS {
            let mid = (lo + hi) / 2.0;
            let f = optimizer.at(mid.exp());
            if shape(optimizer, &f) == shape(optimizer, &found[i - 1]) {
                lo = mid;
            } else {
                hi = mid;
                at_hi = f;
            }
        }
        starts.push((hi.exp(), at_hi));
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, (from, f))| Band {
            from: *from,
            to: starts.get(k + 1).map_or(VOLUME_MAX, |n| n.0),
            summary: f.as_ref().map_or_else(
                || "no compliant plan".to_string(),
                |f| summary(optimizer, catalog, f, *from),
            ),
            usd_per_month_at_from: f.as_ref().map(|f| f.usd_per_month),
            found: f.clone(),
        })
        .collect()
}

/// `Gemini 3.1 Pro (api)`, `Phi-4 self-hosted on 1× a100-80gb int4` (the replica size the
/// cost model bills at `tokens_per_day` on the tier).
pub fn pick_label(
    optimizer: &Optimizer,
    catalog: &Catalog,
    tier: usize,
    pick: Pick,
    tokens_per_day: f64,
) -> String {
    match pick {
        Pick::Empty => "empty".into(),
        Pick::Buy(i) => {
            let p = &optimizer.space.purchases[i];
            let model = &catalog.models[p.model];
            match p.offering {
                Some(o) => format!(
                    "{} · {} ({})",
                    model.name,
                    model.offerings[o].provider_name,
                    p.way.as_str()
                ),
                None => format!("{} ({})", model.name, p.way.as_str()),
            }
        }
        Pick::Own(i) => {
            let o = &optimizer.space.own[tier - 1][i];
            format!(
                "{} self-hosted on {}× {} {}",
                catalog.models[o.model].name,
                o.cheapest(tokens_per_day).1.gpus_per_replica,
                o.choice.gpu,
                o.bare.precision.as_str()
            )
        }
    }
}

/// One line for a plan at `volume`: each tier that carries traffic, how it runs and how many
/// use cases.
pub fn summary(optimizer: &Optimizer, catalog: &Catalog, found: &Found, volume: f64) -> String {
    let shares = &optimizer.space.shares;
    (0..3)
        .filter(|t| found.picks[*t] != Pick::Empty)
        .map(|t| {
            let on: Vec<usize> = (0..found.tier_of.len())
                .filter(|u| usize::from(found.tier_of[*u]) == t)
                .collect();
            let tokens = on.iter().map(|u| shares[*u]).sum::<f64>() * volume;
            format!(
                "tier {}: {} ×{}",
                t + 1,
                pick_label(optimizer, catalog, t, found.picks[t], tokens),
                on.len()
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// From which volume the scenario's plan costs less than all-frontier and than all-self-hosted,
/// and stays so up to 100B tokens a day; None when it never does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BreakEven {
    pub vs_frontier: Option<f64>,
    pub vs_self_hosted: Option<f64>,
}

pub fn break_even(
    catalog: &Catalog,
    rules: &RuleBook,
    scenario: &Scenario,
) -> Result<BreakEven, InputError> {
    let at = |v: f64| {
        let mut s = scenario.clone();
        s.workload.tokens_per_day = v;
        plan(catalog, rules, &s).map(|p| {
            (
                p.hybrid_usd_per_month - p.all_frontier_usd_per_month,
                p.hybrid_usd_per_month - p.all_self_hosted_usd_per_month,
            )
        })
    };
    let volumes = grid();
    let gaps = volumes
        .iter()
        .map(|v| at(*v))
        .collect::<Result<Vec<_>, _>>()?;
    let from = |pick: fn(&(f64, f64)) -> f64| -> Result<Option<f64>, InputError> {
        let Some(k) = (0..volumes.len())
            .rev()
            .take_while(|i| pick(&gaps[*i]) < 0.0)
            .last()
        else {
            return Ok(None);
        };
        if k == 0 {
            return Ok(Some(volumes[0]));
        }
        let (mut lo, mut hi) = (volumes[k - 1].ln(), volumes[k].ln());
        for _ in 0..BISECTIONS {
            let mid = (lo + hi) / 2.0;
            if pick(&at(mid.exp())?) < 0.0 {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Ok(Some(hi.exp()))
    };
    Ok(BreakEven {
        vs_frontier: from(|g| g.0)?,
        vs_self_hosted: from(|g| g.1)?,
    })
}

//! How sure the break-even is: where the database holds a range or conflicting values for a
//! price (an API's, a GPU's rental rate or purchase price), the lowest and highest stated
//! values with the sources behind each, and the break-even volumes at the two extremes.
//!
//! The extremes go through the same functions as the base case ([`break_even`]), so the range
//! always contains what the pane shows.

use super::catalog::{Catalog, Figure, Price, SourceId};
use super::cost::{InputError, Mode, Workload, blended_price};
use super::scenario::DeploymentChoice;
use super::sensitivity::{Case, break_even, decades};

/// One value a figure states and the sources that state it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stated<T> {
    pub value: T,
    pub sources: Vec<SourceId>,
}

/// Every value a figure states: the default, its range's ends, each alternative and its
/// range's ends.
fn stated<T: Clone>(f: &Figure<T>) -> Vec<Stated<T>> {
    let mut out = Vec::new();
    let mut add = |value: &T, range: &Option<(T, T)>, sources: &Vec<SourceId>| {
        out.push(Stated {
            value: value.clone(),
            sources: sources.clone(),
        });
        if let Some((a, b)) = range {
            for v in [a, b] {
                out.push(Stated {
                    value: v.clone(),
                    sources: sources.clone(),
                });
            }
        }
    };
    add(&f.value, &f.range, &f.sources);
    for alt in &f.alternatives {
        add(&alt.value, &alt.range, &alt.sources);
    }
    out
}

/// The lowest and highest of the values by `key`, each with its sources (sources stating the
/// same extreme are merged); `None` when every value is the same.
fn extremes<T: Clone>(
    all: Vec<Stated<T>>,
    key: impl Fn(&T) -> f64,
) -> Option<(Stated<T>, Stated<T>)> {
    let pick = |want_low: bool| {
        let best =
            all.iter()
                .map(|s| key(&s.value))
                .fold(None, |acc: Option<f64>, k| match acc {
                    Some(a) if (want_low && a <= k) || (!want_low && a >= k) => Some(a),
                    _ => Some(k),
                })?;
        let mut found: Option<Stated<T>> = None;
        for s in all.iter().filter(|s| key(&s.value) == best) {
            match &mut found {
                None => found = Some(s.clone()),
                Some(f) => {
                    for src in &s.sources {
                        if !f.sources.contains(src) {
                            f.sources.push(src.clone());
                        }
                    }
                }
            }
        }
        found
    };
    let (low, high) = (pick(true)?, pick(false)?);
    (key(&low.value) < key(&high.value)).then_some((low, high))
}

/// The lowest and highest value a number figure states, with their sources.
pub fn spread(f: &Figure<f64>) -> Option<(Stated<f64>, Stated<f64>)> {
    extremes(stated(f), |v| *v)
}

/// The cheapest and dearest API price a figure states, by blended price at the workload.
pub fn price_spread(f: &Figure<Price>, w: &Workload) -> Option<(Stated<Price>, Stated<Price>)> {
    extremes(stated(f), |p| blended_price(p, w))
}

/// The GPU price a deployment pays, as its CLI option name, when it comes from the database
/// with a spread: the rental rate when renting, the purchase price when buying. A price the
/// user typed is theirs: it has no spread.
pub fn gpu_spread(
    catalog: &Catalog,
    choice: &DeploymentChoice,
) -> Option<(&'static str, Stated<f64>, Stated<f64>)> {
    let gpu = catalog.gpu(&choice.gpu)?;
    let s = &choice.settings;
    let (field, figure) = match s.mode {
        Mode::Rent if s.gpu_hour_price.is_none() => {
            ("gpu-hour-price", gpu.rent_usd_per_hour.as_ref()?)
        }
        Mode::Buy if s.gpu_price.is_none() => ("gpu-price", gpu.purchase_usd.as_ref()?),
        _ => return None,
    };
    let (low, high) = spread(figure)?;
    Some((field, low, high))
}

/// `choice` paying `price` for its GPU (the rate or the purchase price, by its mode).
pub fn with_gpu_price(choice: &DeploymentChoice, price: f64) -> DeploymentChoice {
    let mut c = choice.clone();
    match c.settings.mode {
        Mode::Rent => c.settings.gpu_hour_price = Some(price),
        Mode::Buy => c.settings.gpu_price = Some(price),
    }
    c
}

/// The break-even volumes the stated prices allow, with the sources behind each end.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakEvenRange {
    /// The earliest break-even: the dearest API price against the cheapest GPU.
    pub low: Option<f64>,
    pub low_sources: Vec<SourceId>,
    /// The latest: the cheapest API price against the dearest GPU (`None`: never in range).
    pub high: Option<f64>,
    pub high_sources: Vec<SourceId>,
    /// The API's cheapest and dearest stated price, when its sources disagree.
    pub api: Option<(Stated<Price>, Stated<Price>)>,
    /// The GPU price's option name, lowest and highest, when its sources disagree.
    pub gpu: Option<(&'static str, Stated<f64>, Stated<f64>)>,
}

fn merged(a: &[SourceId], b: &[SourceId]) -> Vec<SourceId> {
    let mut out = a.to_vec();
    out.extend(b.iter().filter(|s| !a.contains(s)).cloned());
    out
}

/// The range of break-even volumes of `case` when its API price may be any value `figure`
/// states and its GPU price any value the database states; `None` when neither has a spread.
pub fn break_even_range(
    catalog: &Catalog,
    case: &Case,
    figure: &Figure<Price>,
) -> Result<Option<BreakEvenRange>, InputError> {
    let api = price_spread(figure, &case.workload);
    let gpu = gpu_spread(catalog, &case.choice);
    if api.is_none() && gpu.is_none() {
        return Ok(None);
    }
    let at = |price: Option<&Stated<Price>>, rate: Option<&Stated<f64>>| {
        let mut c = case.clone();
        if let Some(p) = price {
            c.price = p.value.clone();
        }
        if let Some(r) = rate {
            c.choice = with_gpu_price(&case.choice, r.value);
        }
        break_even(catalog, &c)
    };
    let sources = |p: Option<&Stated<Price>>, r: Option<&Stated<f64>>| {
        merged(
            p.map_or(&[][..], |p| &p.sources),
            r.map_or(&[][..], |r| &r.sources),
        )
    };
    let (cheap, dear) = (api.as_ref().map(|a| &a.0), api.as_ref().map(|a| &a.1));
    let (gpu_low, gpu_high) = (gpu.as_ref().map(|g| &g.1), gpu.as_ref().map(|g| &g.2));
    let mut low = at(dear, gpu_low)?;
    let mut high = at(cheap, gpu_high)?;
    let (mut low_sources, mut high_sources) = (sources(dear, gpu_low), sources(cheap, gpu_high));
    // Never expected, as costs rise with prices; kept in order all the same.
    if decades(low) > decades(high) {
        std::mem::swap(&mut low, &mut high);
        std::mem::swap(&mut low_sources, &mut high_sources);
    }
    Ok(Some(BreakEvenRange {
        low,
        low_sources,
        high,
        high_sources,
        api,
        gpu,
    }))
}

#[cfg(test)]
mod tests;

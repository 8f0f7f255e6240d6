//! The break-even chart as numbers: every series in log10 coordinates, the visible range that
//! follows the data, and tick labels. Computed in `update`; the chart view only draws it.

use crate::domain::breakeven::{VOLUME_MAX, VOLUME_MIN, staircase_steps};
use crate::domain::cost::{Deployment, api_monthly_cost_at, self_host_cost};

/// The most staircase steps drawn one by one; beyond that the steps are finer than the braille
/// dots, so the curve is sampled instead.
const MAX_STEPS: usize = 400;
/// Samples of a staircase too fine to draw step by step.
const SAMPLES: usize = 400;
/// Zoom limits: each step narrows or widens the visible volume range by this factor.
pub const ZOOM_FACTOR: f64 = 0.7;
pub const ZOOM_MAX: i32 = 6;
pub const ZOOM_MIN: i32 = -6;

/// One API line: its colour slot and its two visible end points.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiSeries {
    pub slot: usize,
    pub points: Vec<(f64, f64)>,
}

/// A crossing of one API line by the staircase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Crossing {
    pub slot: usize,
    pub x: f64,
    pub y: f64,
    /// The stays-cheaper-from point (otherwise the break-even).
    pub stays: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// log10 of the visible volume range (tokens/day).
    pub x: (f64, f64),
    /// log10 of the visible monthly cost range ($).
    pub y: (f64, f64),
    pub api: Vec<ApiSeries>,
    /// The self-hosted staircase; empty when the deployment does not resolve.
    pub stairs: Vec<(f64, f64)>,
    /// log10 of the current volume.
    pub current: f64,
    pub crossings: Vec<Crossing>,
    pub x_ticks: Vec<(f64, String)>,
    pub y_ticks: Vec<(f64, String)>,
    /// Uncertainty bands (`b`), empty when they are off.
    pub bands: Vec<Band>,
}

/// Samples across the visible range of a band's edges.
pub const BAND_SAMPLES: usize = 256;

/// Where a line may lie when its price is any value the sources state: the cost (log10) at
/// [`BAND_SAMPLES`] volumes evenly spread over the visible range, with the low price and the
/// high one.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// The API line's colour slot; `None` for the self-hosted staircase.
    pub slot: Option<usize>,
    pub lo: Vec<f64>,
    pub hi: Vec<f64>,
}

impl Band {
    /// The cost (log10) of the band's edges at `x` (log10 volume).
    pub fn at(&self, data: &ChartData, x: f64) -> (f64, f64) {
        let (x0, x1) = data.x;
        let last = self.lo.len().saturating_sub(1);
        let i = (((x - x0) / (x1 - x0)) * last as f64)
            .round()
            .clamp(0.0, last as f64) as usize;
        (self.lo[i].min(self.hi[i]), self.lo[i].max(self.hi[i]))
    }
}

/// The bands of API lines (slot, cheapest and dearest blended $/M) and of the staircase (the
/// deployment at its lowest and highest GPU price), over the range of `data`.
pub fn bands(
    data: &ChartData,
    apis: &[(usize, f64, f64)],
    stairs: Option<(&Deployment, &Deployment)>,
) -> Vec<Band> {
    let (lo, hi) = data.x;
    let xs: Vec<f64> = (0..BAND_SAMPLES)
        .map(|i| lo + (hi - lo) * i as f64 / (BAND_SAMPLES - 1) as f64)
        .collect();
    let mut out: Vec<Band> = apis
        .iter()
        .map(|(slot, a, b)| {
            let edge = |p: f64| {
                xs.iter()
                    .map(|x| log(api_monthly_cost_at(p, 10f64.powf(*x))))
                    .collect()
            };
            Band {
                slot: Some(*slot),
                lo: edge(*a),
                hi: edge(*b),
            }
        })
        .collect();
    if let Some((a, b)) = stairs {
        let edge = |d: &Deployment| {
            xs.iter()
                .map(|x| log(self_host_cost(d, 10f64.powf(*x)).usd_per_month))
                .collect()
        };
        out.push(Band {
            slot: None,
            lo: edge(a),
            hi: edge(b),
        });
    }
    out
}

/// An API series to draw: colour slot, blended $/M, and its crossover points (tokens/day).
pub struct ApiInput {
    pub slot: usize,
    pub blended: f64,
    pub break_even: Option<f64>,
    pub stays_from: Option<f64>,
}

/// The volume range (log10) that contains the current volume and every crossover, with a
/// margin, at least two decades wide, then narrowed or widened by `zoom` steps.
pub fn volume_range(current: f64, marks: &[f64], zoom: i32) -> (f64, f64) {
    let (min, max) = (VOLUME_MIN.log10(), VOLUME_MAX.log10());
    let c = current.clamp(VOLUME_MIN, VOLUME_MAX).log10();
    let mut lo = c;
    let mut hi = c;
    for m in marks.iter().filter(|m| m.is_finite() && **m > 0.0) {
        lo = lo.min(m.log10());
        hi = hi.max(m.log10());
    }
    lo -= 0.7;
    hi += 0.7;
    if hi - lo < 2.0 {
        let mid = (lo + hi) / 2.0;
        lo = mid - 1.0;
        hi = mid + 1.0;
    }
    let mut half = (hi - lo) / 2.0;
    let mut mid = (lo + hi) / 2.0;
    if zoom != 0 {
        half = (half * ZOOM_FACTOR.powi(zoom)).clamp(0.35, (max - min) / 2.0);
        if zoom > 0 {
            mid = c;
        }
    }
    let mid = mid.clamp(min + half, max - half);
    (mid - half, mid + half)
}

fn log(v: f64) -> f64 {
    v.max(1e-6).log10()
}

/// The staircase over the visible range in log10 coordinates, with a vertical segment at each
/// step so it reads as steps.
fn stairs(d: &Deployment, lo: f64, hi: f64) -> Vec<(f64, f64)> {
    let (vlo, vhi) = (10f64.powf(lo), 10f64.powf(hi));
    if let Some(steps) = staircase_steps(d, vlo, vhi, MAX_STEPS) {
        let mut out = Vec::with_capacity(steps.len() * 2 + 1);
        for (i, (v, c)) in steps.iter().enumerate() {
            if i > 0 {
                out.push((log(*v), log(steps[i - 1].1)));
            }
            out.push((log(*v), log(*c)));
        }
        if let Some((_, c)) = steps.last() {
            out.push((hi, log(*c)));
        }
        return out;
    }
    (0..SAMPLES)
        .map(|i| {
            let x = lo + (hi - lo) * i as f64 / (SAMPLES - 1) as f64;
            (x, log(self_host_cost(d, 10f64.powf(x)).usd_per_month))
        })
        .collect()
}

/// Everything the chart draws, for the volume range `x` (log10).
pub fn chart(
    x: (f64, f64),
    current: f64,
    apis: &[ApiInput],
    deployment: Option<&Deployment>,
) -> ChartData {
    let (lo, hi) = x;
    let api_at = |b: f64, lx: f64| log(api_monthly_cost_at(b, 10f64.powf(lx)));
    let api: Vec<ApiSeries> = apis
        .iter()
        .map(|a| ApiSeries {
            slot: a.slot,
            points: vec![(lo, api_at(a.blended, lo)), (hi, api_at(a.blended, hi))],
        })
        .collect();
    let stairs = deployment.map(|d| stairs(d, lo, hi)).unwrap_or_default();
    let mut crossings = Vec::new();
    for a in apis {
        let mut add = |v: Option<f64>, stays: bool| {
            if let Some(v) = v.filter(|v| (lo..=hi).contains(&v.log10())) {
                crossings.push(Crossing {
                    slot: a.slot,
                    x: v.log10(),
                    y: log(api_monthly_cost_at(a.blended, v)),
                    stays,
                });
            }
        };
        add(a.break_even, false);
        if a.stays_from != a.break_even {
            add(a.stays_from, true);
        }
    }
    let ys = api
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .chain(stairs.iter().map(|p| p.1));
    let (mut ylo, mut yhi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
        (a.min(y), b.max(y))
    });
    if !ylo.is_finite() || !yhi.is_finite() {
        (ylo, yhi) = (0.0, 6.0);
    }
    // Whole decades, so the tick labels sit on the edges; at least two decades tall.
    let mut y = (ylo.floor(), yhi.ceil());
    if y.1 - y.0 < 2.0 {
        y.1 = y.0 + 2.0;
    }
    ChartData {
        x,
        y,
        api,
        stairs,
        current: log(current),
        crossings,
        x_ticks: ticks(x, tokens_tick),
        y_ticks: ticks(y, usd_tick),
        bands: Vec::new(),
    }
}

/// Tick positions: each decade, and 2 and 5 times it when the range is under two decades.
fn ticks(range: (f64, f64), label: fn(f64) -> String) -> Vec<(f64, String)> {
    let (lo, hi) = range;
    let fine = hi - lo < 2.0;
    let mut out = Vec::new();
    let mut e = lo.floor() as i32;
    while f64::from(e) <= hi + 1e-9 {
        for m in [1.0, 2.0, 5.0] {
            if m > 1.0 && !fine {
                continue;
            }
            let v = m * 10f64.powi(e);
            let at = v.log10();
            if at >= lo - 1e-9 && at <= hi + 1e-9 {
                out.push((at, label(v)));
            }
        }
        e += 1;
    }
    out
}

/// 1K, 10K, 1M, 1B, 100B.
pub fn tokens_tick(v: f64) -> String {
    crate::domain::units::format_tokens(v)
}

/// $1, $100, $10K, $1M.
pub fn usd_tick(v: f64) -> String {
    for (scale, unit) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")] {
        if v >= scale {
            return format!("${}{unit}", trim(v / scale));
        }
    }
    format!("${}", trim(v))
}

fn trim(x: f64) -> String {
    let text = format!("{x:.1}");
    text.strip_suffix(".0").unwrap_or(&text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_holds_the_volume_and_the_crossovers() {
        let (lo, hi) = volume_range(5e6, &[1.79e7, 2e9], 0);
        assert!(lo < 5e6f64.log10() && hi > 2e9f64.log10());
        let (zlo, zhi) = volume_range(5e6, &[1.79e7, 2e9], 2);
        assert!(zhi - zlo < hi - lo);
        assert!(zlo <= 5e6f64.log10() && zhi >= 5e6f64.log10());
        let (olo, ohi) = volume_range(5e6, &[], -6);
        assert!(olo >= 3.0 && ohi <= 11.0);
        assert!(ohi - olo > 7.9);
    }

    #[test]
    fn tick_labels_are_readable() {
        assert_eq!(usd_tick(100.0), "$100");
        assert_eq!(usd_tick(10_000.0), "$10K");
        assert_eq!(usd_tick(1e6), "$1M");
        assert_eq!(tokens_tick(1e4), "10K");
        assert_eq!(tokens_tick(1e9), "1B");
        let t = ticks((3.0, 6.0), tokens_tick);
        assert_eq!(
            t.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>(),
            ["1K", "10K", "100K", "1M"]
        );
    }
}

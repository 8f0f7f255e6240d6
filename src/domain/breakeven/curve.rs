//! The break-even pane's curves: monthly cost against log-spaced volumes, and the staircase's
//! exact steps.

use super::{Stairs, VOLUME_MAX, VOLUME_MIN};
use crate::domain::catalog::Price;
use crate::domain::cost::{
    Deployment, Rates, Workload, api_monthly_cost_at, blended_price,
    replica_capacity_tokens_per_day, replicas_at,
};

/// One point of the break-even chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CurvePoint {
    pub tokens_per_day: f64,
    pub api_usd_per_month: f64,
    pub self_host_usd_per_month: f64,
}

/// `lo` and `hi` made usable: finite, positive, ordered, inside the volume range.
fn volume_bounds(lo: f64, hi: f64) -> (f64, f64) {
    let fix = |v: f64, default: f64| {
        if v.is_finite() && v > 0.0 {
            v.clamp(VOLUME_MIN, VOLUME_MAX)
        } else {
            default
        }
    };
    let (lo, hi) = (fix(lo, VOLUME_MIN), fix(hi, VOLUME_MAX));
    (lo.min(hi), lo.max(hi))
}

/// `points` volumes spaced evenly on a log axis from `lo` to `hi`, both ends exact. Bounds that
/// are not finite or not positive become the range's; all are clamped into the volume range.
pub fn log_volumes(points: usize, lo: f64, hi: f64) -> Vec<f64> {
    log_volume_iter(points, lo, hi).collect()
}

fn log_volume_iter(points: usize, lo: f64, hi: f64) -> impl Iterator<Item = f64> {
    let (lo, hi) = volume_bounds(lo, hi);
    // Repeated multiplication: rounding drifts by at most `points` ulps, invisible on a chart,
    // and it is several times cheaper than an exp per point. The last point is `hi` exactly.
    let ratio = if points > 1 {
        (hi / lo).powf(1.0 / (points - 1) as f64)
    } else {
        1.0
    };
    let mut v = lo;
    (0..points).map(move |i| {
        let out = if i + 1 == points && i > 0 { hi } else { v };
        v *= ratio;
        out
    })
}

/// Monthly API and self-hosted cost at `points` log-spaced volumes (see [`log_volumes`]); the
/// workload supplies the input share and prompt length, its volume is ignored.
pub fn cost_curve(
    d: &Deployment,
    price: &Price,
    w: &Workload,
    points: usize,
    lo: f64,
    hi: f64,
) -> Vec<CurvePoint> {
    let blended = blended_price(price, w);
    // The cheapest replica size at each volume, as `self_host_cost` bills it.
    let sizes: Vec<(Deployment, f64, Rates)> = d
        .size_options()
        .into_iter()
        .map(|o| {
            let capacity = replica_capacity_tokens_per_day(&o);
            let rates = Rates::new(&o);
            (o, capacity, rates)
        })
        .collect();
    log_volume_iter(points, lo, hi)
        .map(|v| CurvePoint {
            tokens_per_day: v,
            api_usd_per_month: api_monthly_cost_at(blended, v),
            self_host_usd_per_month: sizes
                .iter()
                .map(|(o, capacity, rates)| rates.bill(replicas_at(o, *capacity, v)).2)
                .fold(f64::INFINITY, f64::min),
        })
        .collect()
}

/// The staircase between `lo` and `hi` (bounds as in [`log_volumes`]): the first entry is
/// (`lo`, cost at `lo`), each next one is (first volume needing one more replica, the monthly
/// cost from there). `None` when there are more than `max_steps` steps: too fine to draw, so
/// plot [`cost_curve`] instead. Also `None` for a deployment that cannot be sized.
pub fn staircase_steps(
    d: &Deployment,
    lo: f64,
    hi: f64,
    max_steps: usize,
) -> Option<Vec<(f64, f64)>> {
    let (lo, hi) = volume_bounds(lo, hi);
    // Several replica sizes make a staircase of their cheapest: drawn from sampled points.
    if d.size_options().len() > 1 {
        return None;
    }
    let stairs = Stairs::new(d, lo, hi)?;
    let steps = stairs.r_hi - stairs.r_lo;
    if steps.is_nan() || steps > max_steps as f64 {
        return None;
    }
    let mut out = Vec::with_capacity(steps as usize + 1);
    let mut r = stairs.r_lo;
    out.push((lo, stairs.cost(r)));
    while r < stairs.r_hi {
        r += 1.0;
        out.push((stairs.start(r), stairs.cost(r)));
    }
    Some(out)
}

//! Section 4: where the self-hosted staircase C(V) meets the API line A(V), and the curves the
//! break-even pane draws.
//!
//! The answers are exact for the `f64` arithmetic of [`crate::domain::cost`]: the break-even
//! volume V* is the smallest double in the range with C(V*) <= A(V*) as those functions compute
//! them. The search never walks the staircase step by step (a tiny measured throughput can make
//! billions of steps); see [`crossover`] for how it stays within a few dozen evaluations.

use super::cost::{
    Deployment, GPUS_PER_SERVER, Rates, api_monthly_cost_at, marginal_usd_per_million,
    replica_capacity_tokens_per_day, replicas_at,
};
use super::units::format_tokens;
use std::fmt;

mod curve;
pub use curve::{CurvePoint, cost_curve, log_volumes, staircase_steps};

/// The volume range, tokens a day (cost-model.md section 1).
pub const VOLUME_MIN: f64 = 1_000.0;
pub const VOLUME_MAX: f64 = 1e11;

#[derive(Debug, Clone, PartialEq)]
pub struct Crossover {
    /// Smallest volume in the range where self-hosting costs no more than the API.
    pub break_even_tokens_per_day: Option<f64>,
    /// Smallest volume from which self-hosting costs no more than the API at every larger
    /// volume in the range.
    pub stays_cheaper_from_tokens_per_day: Option<f64>,
    /// Why there is no break-even; `None` whenever there is one.
    pub never_reason: Option<NeverReason>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NeverReason {
    /// Each added replica costs more per token it serves than the API charges.
    MarginalAboveApi {
        marginal_usd_per_million: f64,
        api_usd_per_million: f64,
    },
    /// Self-hosting would get cheaper only beyond the largest volume considered.
    NotWithinRange,
}

impl fmt::Display for NeverReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NeverReason::MarginalAboveApi {
                marginal_usd_per_million,
                api_usd_per_million,
            } => write!(
                f,
                "never cheaper: each extra replica costs ${marginal_usd_per_million:.2} per \
                 million tokens it can serve, more than the API's ${api_usd_per_million:.2}"
            ),
            NeverReason::NotWithinRange => write!(
                f,
                "not cheaper anywhere from {} to {} tokens a day",
                format_tokens(VOLUME_MIN),
                format_tokens(VOLUME_MAX)
            ),
        }
    }
}

/// The staircase of one deployment over a volume range: segment boundaries as exact doubles.
struct Stairs<'a> {
    d: &'a Deployment,
    capacity: f64,
    lo: f64,
    hi: f64,
    /// Replicas at `lo` and at `hi`.
    r_lo: f64,
    r_hi: f64,
    rates: Rates,
    /// K_R repeats its shape every `period` replicas (see [`crossover`]).
    period: f64,
}

impl<'a> Stairs<'a> {
    /// `None` when the deployment cannot be sized (it failed or skipped validation).
    fn new(d: &'a Deployment, lo: f64, hi: f64) -> Option<Self> {
        let capacity = replica_capacity_tokens_per_day(d);
        if !(capacity.is_finite() && capacity > 0.0 && d.min_replicas >= 1) {
            return None;
        }
        let replicas = |v| replicas_at(d, capacity, v);
        let rates = Rates::new(d);
        // Servers add a step every 8 GPUs: with n_r GPUs a replica, the pattern of
        // ceil(R * n_r / 8) repeats every 8 / gcd(n_r, 8) replicas; renting has no servers.
        let period = if rates.colo == 0.0 {
            1.0
        } else {
            match (rates.gpus_per_replica as u64) % 8 {
                0 => 1.0,
                4 => 2.0,
                2 | 6 => 4.0,
                _ => 8.0,
            }
        };
        Some(Stairs {
            d,
            capacity,
            lo,
            hi,
            r_lo: replicas(lo),
            r_hi: replicas(hi),
            rates,
            period,
        })
    }

    fn replicas(&self, v: f64) -> f64 {
        replicas_at(self.d, self.capacity, v)
    }

    /// K_R: the monthly bill with `r` replicas.
    fn cost(&self, r: f64) -> f64 {
        self.rates.bill(r).2
    }

    /// Largest volume in the range that `r` replicas cover.
    fn end(&self, r: f64) -> f64 {
        if r >= self.r_hi {
            return self.hi;
        }
        first_true(self.lo, self.hi, r * self.capacity, |v| {
            self.replicas(v) > r
        })
        .map_or(self.hi, f64::next_down)
    }

    /// Smallest volume in the range that needs `r` replicas.
    fn start(&self, r: f64) -> f64 {
        if r <= self.r_lo {
            self.lo
        } else {
            self.end(r - 1.0).next_up()
        }
    }
}

/// The search for one API price against one staircase over the volume range.
struct Search<'a> {
    stairs: Stairs<'a>,
    blended: f64,
}

impl Search<'_> {
    fn api(&self, v: f64) -> f64 {
        api_monthly_cost_at(self.blended, v)
    }

    /// Smallest volume in segment `r` where K_r <= A(V): max(segment start, K_r / a) when that
    /// is inside the segment.
    fn crossing_in(&self, r: f64) -> Option<f64> {
        let k = self.stairs.cost(r);
        let guess = k * 1e6 / (30.0 * self.blended);
        first_true(self.stairs.start(r), self.stairs.end(r), guess, |v| {
            self.api(v) >= k
        })
    }

    /// Segment `r` has a crossing: K_r is at or below the API line at the segment's end.
    fn crosses(&self, r: f64) -> bool {
        self.stairs.cost(r) <= self.api(self.stairs.end(r))
    }

    /// Segment `r` starts above the API line, so self-hosting is dearer just after the step.
    fn dearer_at_start(&self, r: f64) -> bool {
        self.stairs.cost(r) > self.api(self.stairs.start(r))
    }
}

/// Smallest double in [lo, hi] where `pred` holds, for a `pred` that is false then true along
/// the range (0 <= lo <= hi). Steps a few ulps from `guess`, then bisects the bit patterns (for
/// non-negative doubles, bit order is numeric order), so at most about 70 calls.
fn first_true(lo: f64, hi: f64, guess: f64, pred: impl Fn(f64) -> bool) -> Option<f64> {
    if pred(lo) {
        return Some(lo);
    }
    if !pred(hi) {
        return None;
    }
    // Invariant: !pred(a) and pred(b).
    let (mut a, mut b) = (lo, hi);
    if guess > lo && guess < hi {
        let mut g = guess;
        if pred(g) {
            b = g;
            for _ in 0..4 {
                g = g.next_down();
                if g <= a {
                    break;
                }
                if pred(g) {
                    b = g;
                } else {
                    a = g;
                    break;
                }
            }
        } else {
            a = g;
            for _ in 0..4 {
                g = g.next_up();
                if g >= b {
                    break;
                }
                if pred(g) {
                    b = g;
                    break;
                }
                a = g;
            }
        }
    }
    let (mut ia, mut ib) = (a.to_bits(), b.to_bits());
    while ib - ia > 1 {
        let mid = ia + (ib - ia) / 2;
        if pred(f64::from_bits(mid)) {
            ib = mid;
        } else {
            ia = mid;
        }
    }
    Some(f64::from_bits(ib))
}

/// Smallest whole j in (lo, hi] where `pred` holds, given !pred(lo), pred(hi) and a monotone
/// `pred`; tries `guess` and its neighbour first.
fn first_true_int(lo: f64, hi: f64, guess: f64, pred: impl Fn(f64) -> bool) -> f64 {
    let (mut a, mut b) = (lo, hi);
    if guess > a && guess < b {
        if pred(guess) {
            b = guess;
            if guess - 1.0 > a && !pred(guess - 1.0) {
                a = guess - 1.0;
            }
        } else {
            a = guess;
            if guess + 1.0 < b && pred(guess + 1.0) {
                b = guess + 1.0;
            }
        }
    }
    while b - a > 1.0 {
        let mid = ((a + b) / 2.0).floor();
        if pred(mid) {
            b = mid;
        } else {
            a = mid;
        }
    }
    b
}

/// Replica counts R = p*j + t in [from, to] for one residue t in 1..=p: the j range.
fn residue_range(p: f64, t: f64, from: f64, to: f64) -> Option<(f64, f64)> {
    let j_lo = ((from - t) / p).ceil().max(0.0);
    let j_hi = ((to - t) / p).floor();
    (j_lo <= j_hi).then_some((j_lo, j_hi))
}

/// Break-even and stays-cheaper-from for an API at `blended_usd_per_million` against the
/// deployment `d` (which should pass [`Deployment::validate`]), exact per cost-model.md section 4.
///
/// How it stays fast: K_R = G*R + Cl*ceil(R*n_r/8) + Lb (GPUs, colocation by the server, labor,
/// all with overhead). The server count repeats its pattern every p = 8 / gcd(n_r, 8) replicas
/// (p = 1 when renting). Writing R = p*j + t makes ceil(R*n_r/8) = j*p*n_r/8 + ceil(t*n_r/8), so
/// within each residue t both "segment R crosses the API line" (K_R <= a*R*c) and "segment R
/// starts above it" (K_R > a*(R-1)*c) are linear in j: each holds on a ray of j. So per residue
/// the two ends of the j range tell whether and which way the ray runs; its first (or last) j
/// is worked out in closed form and confirmed with the exact predicates by a bisection seeded
/// there, so float rounding cannot make the answer wrong. About p * 6 predicate calls in all,
/// however many steps the staircase has.
pub fn crossover(blended_usd_per_million: f64, d: &Deployment) -> Crossover {
    let options = d.size_options();
    if options.len() == 1 {
        return crossover_sized(blended_usd_per_million, d);
    }
    // Self-hosting is no dearer at V when some replica size is: the first such volume is the
    // earliest of the sizes' break-evens; each size's stays-cheaper point holds for the
    // cheapest too (it may hold a little earlier).
    let all: Vec<Crossover> = options
        .iter()
        .map(|o| crossover_sized(blended_usd_per_million, o))
        .collect();
    let earliest =
        |pick: fn(&Crossover) -> Option<f64>| all.iter().filter_map(pick).reduce(f64::min);
    let break_even = earliest(|x| x.break_even_tokens_per_day);
    if break_even.is_some() {
        return Crossover {
            break_even_tokens_per_day: break_even,
            stays_cheaper_from_tokens_per_day: earliest(|x| x.stays_cheaper_from_tokens_per_day),
            never_reason: None,
        };
    }
    let cheapest = options
        .iter()
        .zip(&all)
        .min_by(|a, b| marginal_usd_per_million(a.0).total_cmp(&marginal_usd_per_million(b.0)));
    cheapest.map_or_else(
        || crossover_sized(blended_usd_per_million, d),
        |(_, x)| x.clone(),
    )
}

/// [`crossover`] for one replica size.
fn crossover_sized(blended_usd_per_million: f64, d: &Deployment) -> Crossover {
    let none = |reason| Crossover {
        break_even_tokens_per_day: None,
        stays_cheaper_from_tokens_per_day: None,
        never_reason: Some(reason),
    };
    let b = blended_usd_per_million;
    let Some(stairs) = Stairs::new(d, VOLUME_MIN, VOLUME_MAX).filter(|_| b.is_finite() && b >= 0.0)
    else {
        return none(NeverReason::NotWithinRange);
    };
    let search = Search { stairs, blended: b };
    let break_even = first_crossing(&search);
    let stays = stays_cheaper_from(&search);
    // A stays-cheaper point is itself a crossing, so it can never come before the break-even.
    let break_even = match (break_even, stays) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    match break_even {
        Some(_) => Crossover {
            break_even_tokens_per_day: break_even,
            stays_cheaper_from_tokens_per_day: stays,
            never_reason: None,
        },
        None => {
            let marginal = marginal_usd_per_million(d);
            none(if marginal > b {
                NeverReason::MarginalAboveApi {
                    marginal_usd_per_million: marginal,
                    api_usd_per_million: b,
                }
            } else {
                NeverReason::NotWithinRange
            })
        }
    }
}

/// For residue t: the slope D and the offset E of "K_R <= alpha*R" written as j*D >= E, and
/// alpha = a*c, what the API charges for one replica's capacity. With R = p*j + t and
/// q = p*n_r/8 servers per period, K_R = G*R + Cl*(j*q + ceil(t*n_r/8)) + Lb.
fn linear_form(s: &Search, t: f64) -> (f64, f64, f64) {
    let (rates, p) = (&s.stairs.rates, s.stairs.period);
    let n_r = rates.gpus_per_replica;
    let g = rates.factor * n_r * rates.per_gpu;
    let cl = rates.factor * rates.colo;
    let alpha = 30.0 * s.blended / 1e6 * s.stairs.capacity;
    let slope = p * (alpha - g) - cl * (p * n_r / GPUS_PER_SERVER);
    let offset =
        g * t + cl * (t * n_r / GPUS_PER_SERVER).ceil() + rates.factor * rates.labor - alpha * t;
    (slope, offset, alpha)
}

/// The residues t = 1..=p and the full search range for each, as (t, j_lo, j_hi).
fn residues(st: &Stairs, from: f64, to: f64) -> impl Iterator<Item = (f64, f64, f64)> {
    let p = st.period;
    (1..=p as u32).filter_map(move |t| {
        let t = f64::from(t);
        residue_range(p, t, from, to).map(|(lo, hi)| (t, lo, hi))
    })
}

fn first_crossing(s: &Search) -> Option<f64> {
    let st = &s.stairs;
    let p = st.period;
    let crosses = |r: f64| s.crosses(r);
    // Full segments R0 ..= R_last - 1 by residue; the last one is cut at VOLUME_MAX.
    let mut best: Option<f64> = None;
    for (t, j_lo, j_hi) in residues(st, st.r_lo, st.r_hi - 1.0) {
        let at = |j: f64| p * j + t;
        let j = if crosses(at(j_lo)) {
            j_lo
        } else if crosses(at(j_hi)) {
            let (slope, offset, _) = linear_form(s, t);
            first_true_int(j_lo, j_hi, (offset / slope).ceil(), |j| crosses(at(j)))
        } else {
            continue;
        };
        best = Some(best.map_or(at(j), |b: f64| b.min(at(j))));
    }
    if best.is_none() && crosses(st.r_hi) {
        best = Some(st.r_hi);
    }
    best.and_then(|r| s.crossing_in(r))
}

fn stays_cheaper_from(s: &Search) -> Option<f64> {
    let st = &s.stairs;
    let p = st.period;
    let dearer = |r: f64| s.dearer_at_start(r);
    // The last segment that starts above the API line; segment R0 starts at VOLUME_MIN.
    let mut last: Option<f64> = None;
    for (t, j_lo, j_hi) in residues(st, st.r_lo + 1.0, st.r_hi) {
        let at = |j: f64| p * j + t;
        let j = if dearer(at(j_hi)) {
            j_hi
        } else if dearer(at(j_lo)) {
            // "Dearer at start" is K_R > alpha*(R-1), i.e. j*D < E + alpha.
            let (slope, offset, alpha) = linear_form(s, t);
            let guess = ((offset + alpha) / slope).ceil();
            first_true_int(j_lo, j_hi, guess, |j| !dearer(at(j))) - 1.0
        } else {
            continue;
        };
        last = Some(last.map_or(at(j), |l: f64| l.max(at(j))));
    }
    if last.is_none() && dearer(st.r_lo) {
        last = Some(st.r_lo);
    }
    match last {
        None => Some(st.lo),
        Some(r) => s
            .crossing_in(r)
            .or_else(|| (r < st.r_hi).then(|| st.start(r + 1.0))),
    }
}

#[cfg(test)]
mod tests;

//! The search at one volume. Every purchase bills each use case at its own price, so for each
//! set of use cases the cheapest purchase that may carry them all is a fixed table; a
//! self-hosted tier's bill depends only on the tokens of the set, so its table is filled at the
//! volume. The plan is then the cheapest split of the use cases into three sets (exhaustive:
//! 3^n splits up to [`MAX_EXHAUSTIVE`] use cases), with each tier run the cheapest way, the
//! shared team paid once.

use super::space::{Mask, Space};
use crate::domain::cost::self_host_cost;

/// Up to this many use cases every split is tried (3^12 = 531,441); above it the search starts
/// from the current split and the cheapest all-in-one-tier splits and moves one use case at a
/// time while that saves money, so the result is never dearer than any single move.
pub const MAX_EXHAUSTIVE: usize = 12;

/// How a tier runs in a plan found by the search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pick {
    Empty,
    /// Index into [`Space::purchases`].
    Buy(usize),
    /// Index into `Space::own[tier - 2]`.
    Own(usize),
}

/// A plan as the search sees it: each use case's tier (0, 1, 2) and each tier's pick.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub tier_of: Vec<u8>,
    pub picks: [Pick; 3],
    pub usd_per_month: f64,
    pub exhaustive: bool,
}

/// The staff inputs of tiers 2 and 3: FTE × salary a year, overhead, own staff.
#[derive(Debug, Clone, Copy)]
pub struct Staff {
    pub usd_per_year: f64,
    pub overhead: f64,
    pub own: bool,
}

/// The cheapest entry of each set: value and which candidate.
type Table = Vec<(f64, Option<usize>)>;

fn empty_table(n: usize) -> Table {
    vec![(f64::INFINITY, None); 1 << n]
}

/// Every non-empty subset of `mask`, including itself.
fn subsets(mask: Mask) -> impl Iterator<Item = Mask> {
    let mut next = Some(mask);
    std::iter::from_fn(move || {
        let s = next?;
        next = if s == 0 { None } else { Some((s - 1) & mask) };
        Some(s)
    })
    .filter(|s| *s != 0)
}

/// Volume-independent tables of the cheapest purchase per set, in dollars a month per token a
/// day: one over every purchase (tier 1), one over purchases of open models (tiers 2 and 3).
pub fn purchase_tables(space: &Space, n: usize, open: &[bool]) -> [Table; 2] {
    let mut any = empty_table(n);
    let mut open_only = empty_table(n);
    // Sums over every set, each from the set without its lowest member: one addition a set.
    let mut sums = vec![0.0; 1 << n];
    for (i, p) in space.purchases.iter().enumerate() {
        // Every non-empty subset of the mask in increasing order, so a set's sum without its
        // lowest member is always ready.
        let mut s: Mask = 0;
        loop {
            s = s.wrapping_sub(p.mask) & p.mask;
            if s == 0 {
                break;
            }
            let low = s.trailing_zeros() as usize;
            let unit = sums[(s & (s - 1)) as usize] + p.unit[low] * space.shares[low];
            sums[s as usize] = unit;
            if unit < any[s as usize].0 {
                any[s as usize] = (unit, Some(i));
            }
            if open[p.model] && unit < open_only[s as usize].0 {
                open_only[s as usize] = (unit, Some(i));
            }
        }
    }
    [any, open_only]
}

/// The cheapest self-hosted infrastructure per set at `volume` for one tier.
fn own_table(space: &Space, tier: usize, n: usize, volume: f64) -> Table {
    let mut table = empty_table(n);
    for (i, o) in space.own[tier].iter().enumerate() {
        for s in subsets(o.mask) {
            let tokens: f64 = (0..n)
                .filter(|u| s & (1 << u) != 0)
                .map(|u| space.shares[u])
                .sum::<f64>()
                * volume;
            let cost = self_host_cost(&o.bare, tokens).usd_per_month;
            if cost < table[s as usize].0 {
                table[s as usize] = (cost, Some(i));
            }
        }
    }
    table
}

/// The tables at one volume, reusable across every split.
pub struct Tables<'a> {
    space: &'a Space,
    n: usize,
    volume: f64,
    buy: &'a [Table; 2],
    own: [Table; 2],
    staff: [Staff; 2],
}

impl<'a> Tables<'a> {
    pub fn new(space: &'a Space, buy: &'a [Table; 2], staff: [Staff; 2], volume: f64) -> Self {
        let n = space.shares.len();
        Tables {
            space,
            n,
            volume,
            buy,
            own: [
                own_table(space, 0, n, volume),
                own_table(space, 1, n, volume),
            ],
            staff,
        }
    }

    fn tokens(&self, s: Mask) -> f64 {
        (0..self.n)
            .filter(|u| s & (1 << u) != 0)
            .map(|u| self.space.shares[u])
            .sum::<f64>()
            * self.volume
    }

    /// The cheapest way to run the split `sets` (tiers 1, 2, 3), and its cost.
    pub fn best(&self, sets: [Mask; 3]) -> Option<([Pick; 3], f64)> {
        let tier1 = match sets[0] {
            0 => (Pick::Empty, 0.0),
            s => match self.buy[0][s as usize] {
                (unit, Some(i)) => (Pick::Buy(i), unit * self.volume),
                _ => return None,
            },
        };
        // At most two ways per tier (bought, self-hosted); no allocation on this hot path.
        let options = |t: usize| -> [Option<(Pick, f64)>; 2] {
            let s = sets[t + 1] as usize;
            if s == 0 {
                return [Some((Pick::Empty, 0.0)), None];
            }
            let buy = match self.buy[1][s] {
                (unit, Some(i)) => Some((Pick::Buy(i), unit * self.volume)),
                _ => None,
            };
            let own = match self.own[t][s] {
                (cost, Some(i)) => Some((Pick::Own(i), cost)),
                _ => None,
            };
            [buy, own]
        };
        let mut best: Option<([Pick; 3], f64)> = None;
        for (p2, c2) in options(0).into_iter().flatten() {
            for (p3, c3) in options(1).into_iter().flatten() {
                let staff = self.staff_cost([p2, p3], [sets[1], sets[2]]);
                let total = tier1.1 + c2 + c3 + staff;
                if best.as_ref().is_none_or(|b| total < b.1) {
                    best = Some(([tier1.0, p2, p3], total));
                }
            }
        }
        best
    }

    /// Labor of the self-hosted tiers, as the hybrid plan bills it: one team (the larger
    /// staffing asked for) shared by tokens, with each tier's overhead; own staff in full.
    fn staff_cost(&self, picks: [Pick; 2], sets: [Mask; 2]) -> f64 {
        let own = |t: usize| matches!(picks[t], Pick::Own(_));
        let mut total = 0.0;
        let mut team: f64 = 0.0;
        let mut shared: Vec<(f64, f64)> = Vec::new();
        for (t, (st, set)) in self.staff.iter().zip(sets).enumerate() {
            if !own(t) {
                continue;
            }
            if st.own {
                total += st.usd_per_year / 12.0 * (1.0 + st.overhead);
            } else {
                team = team.max(st.usd_per_year / 12.0);
                shared.push((self.tokens(set), 1.0 + st.overhead));
            }
        }
        let tokens: f64 = shared.iter().map(|s| s.0).sum();
        if tokens > 0.0 {
            total += shared
                .iter()
                .map(|(v, f)| team * v / tokens * f)
                .sum::<f64>();
        }
        total
    }
}

/// The sets of each tier for an assignment of use cases to tiers.
pub fn sets_of(tier_of: &[u8]) -> [Mask; 3] {
    let mut sets = [0; 3];
    for (u, t) in tier_of.iter().enumerate() {
        sets[usize::from(*t)] |= 1 << u;
    }
    sets
}

/// The cheapest plan over every split (or, above [`MAX_EXHAUSTIVE`], the best local one from
/// the given starts). None when no split can be run without breaking a constraint.
pub fn solve(tables: &Tables, starts: &[Vec<u8>]) -> Option<Found> {
    let n = tables.n;
    let mut best: Option<Found> = None;
    let consider = |tier_of: &[u8], best: &mut Option<Found>| {
        if let Some((picks, cost)) = tables.best(sets_of(tier_of))
            && best.as_ref().is_none_or(|b| cost < b.usd_per_month)
        {
            *best = Some(Found {
                tier_of: tier_of.to_vec(),
                picks,
                usd_per_month: cost,
                exhaustive: n <= MAX_EXHAUSTIVE,
            });
        }
    };
    if n <= MAX_EXHAUSTIVE {
        // Starts first, so that among equal costs the current plan is kept.
        for s in starts {
            consider(s, &mut best);
        }
        let mut tier_of = vec![0u8; n];
        loop {
            consider(&tier_of, &mut best);
            let Some(i) = tier_of.iter().position(|t| *t < 2) else {
                break;
            };
            for t in &mut tier_of[..i] {
                *t = 0;
            }
            tier_of[i] += 1;
        }
        return best;
    }
    for start in starts {
        let mut here = start.clone();
        let mut local: Option<Found> = None;
        consider(&here, &mut local);
        loop {
            let mut improved = false;
            for u in 0..n {
                for t in 0..3u8 {
                    if here[u] == t {
                        continue;
                    }
                    let old = here[u];
                    here[u] = t;
                    let before = local.as_ref().map(|f| f.usd_per_month);
                    consider(&here, &mut local);
                    if local.as_ref().map(|f| f.usd_per_month) != before {
                        improved = true;
                    } else {
                        here[u] = old;
                    }
                }
            }
            if !improved {
                break;
            }
        }
        if let Some(l) = local
            && best
                .as_ref()
                .is_none_or(|b| l.usd_per_month < b.usd_per_month)
        {
            best = Some(l);
        }
    }
    best
}

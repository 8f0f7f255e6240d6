//! The candidates of the search space: a purchase through an API and a self-hosted
//! deployment, each with the set of use cases it may carry. Their own module so that the space
//! and the pruning rules both use them without importing each other.

use crate::domain::cost::{Deployment, Rates, replicas_at};
use crate::domain::hybrid::Way;
use crate::domain::scenario::DeploymentChoice;

/// A set of use cases, one bit each (use case `i` is bit `i`).
pub type Mask = u32;

/// A way to buy a model through an API, with the use cases it may carry.
#[derive(Debug, Clone)]
pub struct Purchase {
    pub model: usize,
    /// Index into the model's offerings; None for its listed price.
    pub offering: Option<usize>,
    pub way: Way,
    pub mask: Mask,
    /// Per use case: dollars a month for each token a day (30 / 1e6 × blended price).
    pub unit: Vec<f64>,
}

/// One replica size a deployment could run: GPUs, tokens a day per replica and the bill's
/// rates, worked out once.
#[derive(Debug, Clone)]
pub struct Size {
    pub gpus_per_replica: f64,
    /// u x tau x 86,400: tokens a day one replica serves.
    pub capacity: f64,
    pub(crate) rates: Rates,
}

/// A self-hosted deployment of an open model for tier 2 or 3, with the use cases it may carry.
#[derive(Debug, Clone)]
pub struct Own {
    pub model: usize,
    pub choice: DeploymentChoice,
    /// Resolved, with no staff: its bill is the infrastructure alone.
    pub bare: Deployment,
    pub mask: Mask,
    /// Every replica size the cost model would choose from (`Deployment::size_options`): the
    /// search prices a set of use cases at the cheapest of them with the cost model's own
    /// staircase (`Rates::bill` of `replicas_at`), exactly as `self_host_cost` bills the tier.
    pub sizes: Vec<Size>,
}

impl Own {
    /// Dollars a month for `tokens_per_day`, staff aside, and the replica size that bills it:
    /// `self_host_cost`'s total.
    pub fn cheapest(&self, tokens_per_day: f64) -> (f64, &Size) {
        let bill = |s: &Size| {
            let replicas = replicas_at(&self.bare, s.capacity, tokens_per_day);
            s.rates.bill(replicas).2
        };
        let mut best = (bill(&self.sizes[0]), &self.sizes[0]);
        for s in &self.sizes[1..] {
            let c = bill(s);
            // At equal bills the roomier size, as `cost::self_host_cost` breaks its ties, so the
            // optimum names the replica size the plan's bill uses.
            if c < best.0 || (c == best.0 && s.capacity > best.1.capacity) {
                best = (c, s);
            }
        }
        best
    }

    pub fn usd_per_month(&self, tokens_per_day: f64) -> f64 {
        self.cheapest(tokens_per_day).0
    }
}

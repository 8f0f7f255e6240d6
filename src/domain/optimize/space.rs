//! The search space, built once per scenario and reused at every volume: each way a tier can
//! run (a purchase through an API, or a self-hosted deployment) with the set of use cases it
//! may carry: those whose quality it meets, whose capabilities it has and whose data breaks no
//! blocking rule there.

use super::Need;
use crate::domain::catalog::{Catalog, Model};
use crate::domain::cost::{Deployment, Precision, Rates, replica_capacity_tokens_per_day};
use crate::domain::hybrid::{Bought, Way, has_capability, purchases};
use crate::domain::rules::{DeploymentKind, Host, Rule, RuleBook, Severity, Subject};
use crate::domain::scenario::{DeploymentChoice, Scenario, Settings};
use crate::domain::usecase::{Quality, grade};
use std::collections::BTreeSet;

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

/// A self-hosted deployment of an open model for tier 2 or 3, with the use cases it may carry.
#[derive(Debug, Clone)]
pub struct Own {
    pub model: usize,
    pub choice: DeploymentChoice,
    /// Resolved, with no staff: its bill is the infrastructure alone.
    pub bare: Deployment,
    pub mask: Mask,
}

/// Everything the search needs that does not depend on the volume.
#[derive(Debug, Clone)]
pub struct Space {
    pub shares: Vec<f64>,
    /// Tier 1: every purchase; tiers 2 and 3: purchases of open models.
    pub purchases: Vec<Purchase>,
    /// Self-hosted candidates for tier 2 (`own[0]`) and tier 3 (`own[1]`).
    pub own: [Vec<Own>; 2],
    /// Self-hosted candidates before dominance pruning, for tiers 2 and 3.
    pub own_considered: [usize; 2],
}

/// The blocking rules of the region and sector, and the plan-wide ones among them.
pub struct Blocks<'a> {
    pub rules: Vec<&'a Rule>,
    pub book: &'a RuleBook,
}

impl<'a> Blocks<'a> {
    pub fn new(book: &'a RuleBook, region: &str, sector: &str) -> Self {
        let places = book.region_and_parents(region);
        let rules = book
            .rules
            .iter()
            .filter(|r| r.severity == Severity::Block)
            .filter(|r| r.regions.is_empty() || r.regions.iter().any(|g| places.contains(g)))
            .filter(|r| r.sectors.is_empty() || r.sectors.iter().any(|s| s == sector))
            .collect();
        Blocks { rules, book }
    }

    /// The first blocking rule that fires for `model` run this way with `need`'s data.
    pub fn blocker(
        &self,
        model: &'a Model,
        deployment: DeploymentKind,
        host: Option<&Host>,
        need: &Need,
    ) -> Option<&'a Rule> {
        self.all(model, deployment, host, need).next()
    }

    /// Every blocking rule that fires for `model` run this way with `need`'s data.
    pub fn all(
        &self,
        model: &'a Model,
        deployment: DeploymentKind,
        host: Option<&Host>,
        need: &Need,
    ) -> impl Iterator<Item = &'a Rule> + '_ {
        let subject = Subject {
            label: String::new(),
            model,
            deployment,
            sensitivities: BTreeSet::from([need.sensitivity]),
            host: host.cloned(),
        };
        self.rules
            .iter()
            .copied()
            .filter(move |r| r.when.is_plan_wide() || r.when.admits(&subject))
    }
}

/// Whether `model` meets `need`'s quality and capabilities (rules aside).
pub fn fits(model: &Model, need: &Need) -> bool {
    fits_graded(model, grade(model).quality, need)
}

/// [`fits`] with the model's grade already worked out.
fn fits_graded(model: &Model, quality: Quality, need: &Need) -> bool {
    quality >= need.quality && need.needs.iter().all(|n| has_capability(model, *n))
}

impl Blocks<'_> {
    /// The use cases among `needs` whose data no blocking rule stops on `model` run this way:
    /// each distinct sensitivity is checked once.
    pub fn allowed(
        &self,
        model: &Model,
        deployment: DeploymentKind,
        host: Option<Host>,
        needs: &[Need],
    ) -> Mask {
        let mut subject = Subject {
            label: String::new(),
            model,
            deployment,
            sensitivities: BTreeSet::new(),
            host,
        };
        let mut verdicts: Vec<(crate::domain::rules::Sensitivity, bool)> = Vec::new();
        let mut mask = 0;
        for (i, need) in needs.iter().enumerate() {
            let ok = match verdicts.iter().find(|(s, _)| *s == need.sensitivity) {
                Some((_, ok)) => *ok,
                None => {
                    subject.sensitivities = BTreeSet::from([need.sensitivity]);
                    let ok = !self
                        .rules
                        .iter()
                        .any(|r| r.when.is_plan_wide() || r.when.admits(&subject));
                    verdicts.push((need.sensitivity, ok));
                    ok
                }
            };
            if ok {
                mask |= 1 << i;
            }
        }
        mask
    }
}

fn mask_of(needs: &[Need], ok: impl Fn(&Need) -> bool) -> Mask {
    needs
        .iter()
        .enumerate()
        .filter(|(_, n)| ok(n))
        .fold(0, |m, (i, _)| m | (1 << i))
}

/// Settings for running a tier's settings on another model or GPU: figures measured or typed
/// for the tier's own model and GPU do not carry over.
pub(crate) fn settings_for(
    tier: &DeploymentChoice,
    model: &str,
    gpu: &str,
    p: Precision,
) -> Settings {
    let mut s = tier.settings.clone();
    if tier.gpu != gpu {
        s.gpu_hour_price = None;
        s.gpu_price = None;
        s.power_watts = None;
    }
    if tier.model != model || tier.gpu != gpu || tier.settings.precision != p {
        s.throughput = None;
    }
    s.precision = p;
    s
}

impl Space {
    pub fn build(
        catalog: &Catalog,
        rules: &RuleBook,
        scenario: &Scenario,
        needs: &[Need],
    ) -> Space {
        let blocks = Blocks::new(rules, &scenario.region, &scenario.sector);
        let shares = crate::domain::hybrid::normalized_shares(&scenario.use_cases);
        let prompt = scenario.workload.prompt_tokens;
        let mut bought = Vec::new();
        let grades: Vec<Quality> = catalog.models.iter().map(|m| grade(m).quality).collect();
        for (mi, model) in catalog.models.iter().enumerate() {
            let fit = mask_of(needs, |n| fits_graded(model, grades[mi], n));
            if fit == 0 {
                continue;
            }
            for b in purchases(model) {
                let mask = fit & blocks.allowed(model, DeploymentKind::Api, b.host(rules), needs);
                if mask == 0 {
                    continue;
                }
                bought.push(Purchase {
                    model: mi,
                    offering: offering_index(&b),
                    way: b.way(),
                    mask,
                    unit: needs
                        .iter()
                        .map(|n| unit_price(&b, n.input_share, prompt))
                        .collect(),
                });
            }
        }
        let tiers = [&scenario.tiers.large, &scenario.tiers.small];
        let mut own: [Vec<Own>; 2] = [Vec::new(), Vec::new()];
        let mut considered = [0; 2];
        let models = open_models(catalog, &grades, &blocks, needs);
        for (t, tier) in tiers.iter().enumerate() {
            let mut all = Vec::new();
            for &(mi, mask) in &models {
                let model = &catalog.models[mi];
                for gpu in &catalog.gpus {
                    for p in Precision::ALL {
                        let choice = DeploymentChoice {
                            model: model.id.clone(),
                            gpu: gpu.id.clone(),
                            settings: settings_for(tier, &model.id, &gpu.id, p),
                        };
                        let Ok(mut bare) = choice.resolve_for(catalog, &scenario.workload) else {
                            continue;
                        };
                        bare.fte = 0.0;
                        all.push(Own {
                            model: mi,
                            choice,
                            bare,
                            mask,
                        });
                    }
                }
            }
            considered[t] = all.len();
            own[t] = prune_own(all);
        }
        Space {
            shares,
            purchases: bought,
            own,
            own_considered: considered,
        }
    }
}

fn offering_index(b: &Bought) -> Option<usize> {
    let o = b.offering?;
    b.model.offerings.iter().position(|x| std::ptr::eq(x, o))
}

/// Dollars a month per token a day at this input share: 30 / 1e6 × blended price.
fn unit_price(b: &Bought, input_share: f64, prompt_tokens: f64) -> f64 {
    let w = crate::domain::cost::Workload {
        tokens_per_day: 1.0,
        input_share,
        prompt_tokens,
        ..Default::default()
    };
    crate::domain::cost::api_monthly_cost(b.price, &w)
}

/// Keep the candidates no other one beats. `beats(b, a)` must be a strict order that the
/// sort by `key` respects (a candidate that beats another sorts before it), so each candidate
/// is only checked against those kept before it: transitivity covers the rest.
fn front<K: PartialOrd>(keys: &[K], beats: impl Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| {
        keys[a]
            .partial_cmp(&keys[b])
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    let mut kept: Vec<usize> = Vec::new();
    for a in order {
        if !kept.iter().any(|&b| beats(b, a)) {
            kept.push(a);
        }
    }
    kept.sort_unstable();
    kept
}

/// Open models that can be self-hosted and carry at least one use case, with that set; a model
/// is dropped when another carries every use case it does with no more total and no more
/// active parameters (memory grows with the total, time per token with the active count, so
/// on every GPU and precision it costs at least as much: the bound the pruning relies on).
fn open_models(
    catalog: &Catalog,
    grades: &[Quality],
    blocks: &Blocks,
    needs: &[Need],
) -> Vec<(usize, Mask)> {
    let found: Vec<(usize, Mask, (f64, f64))> = catalog
        .models
        .iter()
        .enumerate()
        .filter(|(_, m)| m.can_self_host())
        .filter_map(|(i, m)| {
            let fit = mask_of(needs, |n| fits_graded(m, grades[i], n));
            let mask = if fit == 0 {
                0
            } else {
                fit & blocks.allowed(m, DeploymentKind::SelfHosted, None, needs)
            };
            Some((i, mask, m.sizing_params()?)).filter(|_| mask != 0)
        })
        .collect();
    let keys: Vec<(f64, f64, i64)> = found
        .iter()
        .map(|f| (f.2.0, f.2.1, -i64::from(f.1.count_ones())))
        .collect();
    let beats = |b: usize, a: usize| {
        let (a, b) = (&found[a], &found[b]);
        b.1 & a.1 == a.1 && b.2.0 <= a.2.0 && b.2.1 <= a.2.1
    };
    front(&keys, beats)
        .into_iter()
        .map(|k| (found[k].0, found[k].1))
        .collect()
}

/// Drop deployments another beats at every volume: it carries every use case this one does,
/// serves at least as many tokens per replica, with no more GPUs per replica and no dearer
/// replica. Staircases of the same settings then never cross, so the pruning is exact.
fn prune_own(all: Vec<Own>) -> Vec<Own> {
    let keys: Vec<(f64, f64, f64, i64)> = all
        .iter()
        .map(|o| {
            let r = Rates::new(&o.bare);
            (
                -replica_capacity_tokens_per_day(&o.bare),
                r.gpus_per_replica,
                r.gpus_per_replica * r.per_gpu,
                -i64::from(o.mask.count_ones()),
            )
        })
        .collect();
    let beats = |b: usize, a: usize| {
        let (ka, kb) = (keys[a], keys[b]);
        all[b].mask & all[a].mask == all[a].mask && kb.0 <= ka.0 && kb.1 <= ka.1 && kb.2 <= ka.2
    };
    let kept = front(&keys, beats);
    let mut all: Vec<Option<Own>> = all.into_iter().map(Some).collect();
    kept.into_iter().filter_map(|k| all[k].take()).collect()
}

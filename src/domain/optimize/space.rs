//! The search space, built once per scenario and reused at every volume: each way a tier can
//! run (a purchase through an API, or a self-hosted deployment) with the set of use cases it
//! may carry: those whose quality it meets, whose capabilities it has and whose data breaks no
//! blocking rule there.

use super::Need;
pub use super::candidate::{Mask, Own, Purchase, Size};
use super::prune::{Context, Profile, front, prune_own};
use crate::domain::catalog::{Catalog, Model};
use crate::domain::cost::{Deployment, Precision, Rates, SECONDS_PER_DAY};
use crate::domain::hybrid::{Bought, has_capability, purchases, reads_text};
use crate::domain::rules::{DeploymentKind, Host, Rule, RuleBook, Severity, Subject};
use crate::domain::scenario::{DeploymentChoice, Scenario, Settings};
use crate::domain::serving::Shape;
use crate::domain::usecase::{Quality, grade};
use std::collections::BTreeSet;

/// Everything the search needs that does not depend on the volume.
#[derive(Debug, Clone)]
pub struct Space {
    pub shares: Vec<f64>,
    /// Tier 1: every purchase; tiers 2 and 3: purchases of open models.
    pub purchases: Vec<Purchase>,
    /// Self-hosted candidates for tier 2 (`own[0]`) and tier 3 (`own[1]`).
    pub own: [Vec<Own>; 2],
    /// Self-hosted candidates before the deployment pruning, for tiers 2 and 3.
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
    quality >= need.quality
        && reads_text(model)
        && need.needs.iter().all(|n| has_capability(model, *n))
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
    if tier.model != model || tier.gpu != gpu {
        // A replica size pinned for the tier's own model and GPU; elsewhere the cost model
        // chooses the cheapest one.
        s.gpus_per_replica = None;
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
        for (t, tier) in tiers.iter().enumerate() {
            let mut all = Vec::new();
            let models = open_models(catalog, &grades, &blocks, needs, scenario, tier);
            for gpu in &catalog.gpus {
                for p in Precision::ALL {
                    // A resolved deployment of another model stands for every model but the
                    // tier's own (whose settings may differ): see [`patched`].
                    let mut template: Option<Deployment> = None;
                    let mut group = Vec::new();
                    for &(mi, mask) in &models {
                        let model = &catalog.models[mi];
                        let choice = DeploymentChoice {
                            model: model.id.clone(),
                            gpu: gpu.id.clone(),
                            settings: settings_for(tier, &model.id, &gpu.id, p),
                        };
                        let resolved = match &template {
                            Some(d) if model.id != tier.model => {
                                let d = patched(d, model);
                                d.validate().map(|()| d)
                            }
                            _ => choice.resolve_for(catalog, &scenario.workload),
                        };
                        let mut bare = match resolved {
                            Ok(d) => d,
                            // No price for the GPU in the tier's mode, or FP4 on a GPU without
                            // FP4 or FP8 units: the GPU and precision refuse every model alike
                            // (the settings clear a typed price on every model's other GPUs).
                            Err(e) if GPU_REFUSALS.contains(&e.field) => break,
                            Err(_) => continue,
                        };
                        if template.is_none() && model.id != tier.model {
                            template = Some(bare.clone());
                        }
                        bare.fte = 0.0;
                        group.push(priced(mi, choice, bare, mask));
                    }
                    // Pruned per GPU and precision first, so the thousands of candidates are
                    // never all held at once: what another in its group beats, a survivor of
                    // the whole also beats (the bound is a dominance order, and transitive).
                    considered[t] += group.len();
                    all.extend(prune_own(group));
                }
            }
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

/// Refusals that depend on the GPU, the precision and the tier's settings, never the model.
const GPU_REFUSALS: [&str; 3] = ["gpu-price", "gpu-hour-price", "precision"];

/// A candidate with its replica sizes priced.
fn priced(model: usize, choice: DeploymentChoice, bare: Deployment, mask: Mask) -> Own {
    let sizes = bare
        .size_options()
        .iter()
        .map(|o| {
            let plan = o.plan();
            Size {
                gpus_per_replica: plan.gpus,
                capacity: o.utilization * plan.tokens_per_s * SECONDS_PER_DAY,
                rates: Rates::with_gpus(o, plan.gpus),
            }
        })
        .collect();
    Own {
        model,
        choice,
        bare,
        mask,
        sizes,
    }
}

/// `template` (another model resolved on the same GPU, precision and tier settings) for
/// `model`: a deployment reads only the parameter counts and the architecture from its model
/// (`deployment_defaults_for`), so this is what `resolve_for` gives once validated, without
/// its catalogue lookups (a test checks it).
pub(crate) fn patched(template: &Deployment, model: &Model) -> Deployment {
    let (total, active) = model.sizing_params().unwrap_or_default();
    Deployment {
        params_total_b: total,
        params_active_b: active,
        architecture: model.architecture.as_ref().map(|f| f.value.clone()),
        ..template.clone()
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

/// Open models that can be self-hosted on this tier and carry at least one use case, with
/// that set, less those another beats on every GPU and precision ([`Profile::beats`]). The
/// tier's own model is always kept: its settings may pin a replica size or a measured
/// throughput that no other model shares.
fn open_models(
    catalog: &Catalog,
    grades: &[Quality],
    blocks: &Blocks,
    needs: &[Need],
    scenario: &Scenario,
    tier: &DeploymentChoice,
) -> Vec<(usize, Mask)> {
    let s = &tier.settings;
    let cx = Context {
        catalog,
        kv: s.kv_precision,
        serving: s.serving,
        shape: Shape {
            prompt_tokens: scenario.workload.prompt_tokens,
            output_tokens: scenario.workload.output_tokens,
        },
        kv_overhead: s.kv_overhead,
    };
    let mut own_model = None;
    let mut found: Vec<Profile> = Vec::new();
    for (i, m) in catalog.models.iter().enumerate() {
        if !m.can_self_host() {
            continue;
        }
        let fit = mask_of(needs, |n| fits_graded(m, grades[i], n));
        if fit == 0 {
            continue;
        }
        let mask = fit & blocks.allowed(m, DeploymentKind::SelfHosted, None, needs);
        if mask == 0 {
            continue;
        }
        if m.id == tier.model {
            own_model = Some((i, mask));
        } else if let Some(p) = Profile::new(&cx, i, mask) {
            found.push(p);
        }
    }
    let keys: Vec<(f64, f64, i64)> = found.iter().map(Profile::key).collect();
    let mut kept: Vec<(usize, Mask)> = front(&keys, |b, a| found[b].beats(&found[a]))
        .into_iter()
        .map(|k| (found[k].model, found[k].mask))
        .collect();
    kept.extend(own_model);
    kept.sort_unstable();
    kept
}

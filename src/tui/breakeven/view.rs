//! The derived view of pane 2: every number the pane draws, computed from the scenario when an
//! input changes (never while drawing), in plain structs the explanation and benches reuse.

use crate::domain::breakeven::{Crossover, NeverReason, VOLUME_MIN, crossover};
use crate::domain::catalog::Catalog;
use crate::domain::catalog::Price;
use crate::domain::cost::api::api_choice;
use crate::domain::cost::{
    Deployment, SelfHostCost, Workload, api_monthly_cost_at, blended_price,
    marginal_usd_per_million, self_host_cost,
};
use crate::domain::explain::{self, Explanation};
use crate::domain::preset::Comparison;
use crate::domain::preset::Preset;
use crate::domain::rules::RuleBook;
use crate::domain::rules::{DeploymentKind, Finding, Host, Subject};
use crate::domain::scenario::{MAX_COMPARED, Scenario};
use crate::domain::sensitivity::Case;
use crate::domain::uncertainty::{
    BreakEvenRange, break_even_range, gpu_spread, price_spread, with_gpu_price,
};
use crate::domain::units::format_tokens;
use crate::tui::context::Ctx;
use crate::tui::plot::{self, ApiInput, ChartData};
use crate::tui::sliders::{self, Field, Shown};
use std::collections::BTreeSet;

/// What the pane reads besides the scenario.
pub struct Context<'a> {
    pub catalog: &'a Catalog,
    pub rules: &'a RuleBook,
    pub presets: &'a [Preset],
}

impl<'a> Context<'a> {
    /// The parts of the session's read-only context the pane reads.
    pub fn of(ctx: &'a Ctx) -> Context<'a> {
        Context {
            catalog: &ctx.catalog,
            rules: &ctx.rules,
            presets: &ctx.presets,
        }
    }
}

/// One compared API model at the current inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiLine {
    pub id: String,
    pub name: String,
    /// Colour slot, fixed by its place in the compared list.
    pub slot: usize,
    pub price: Price,
    pub blended: f64,
    pub usd_per_month: f64,
    pub crossover: Crossover,
    pub verdict: String,
    /// The verdict in fewer words, for narrow tables.
    pub short_verdict: String,
    /// The break-even volumes the sources' prices allow, where they disagree.
    pub range: Option<BreakEvenRange>,
}

/// The self-hosted deployment at the current volume.
#[derive(Debug, Clone, PartialEq)]
pub struct DeployLine {
    pub name: String,
    pub gpu: String,
    pub deployment: Deployment,
    pub cost: SelfHostCost,
    pub marginal_usd_per_million: f64,
    /// Demand over what the replicas could serve at full speed.
    pub actual_utilization: f64,
    /// What bounds the estimate (`kv-capacity`, ...), or `params only` for the fallback.
    pub bound: String,
    /// Why the replica has its number of GPUs.
    pub replica_reason: String,
}

/// A loaded preset's stated figures beside the computed ones.
#[derive(Debug, Clone, PartialEq)]
pub struct PresetLine {
    pub title: String,
    pub comparisons: Vec<Comparison>,
    /// The sliders were moved after loading (the computed figures stay at the preset's inputs).
    pub moved: bool,
}

/// Everything the pane draws, derived from the scenario.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BreakEvenView {
    pub sliders: Vec<Shown>,
    pub workload: Workload,
    pub apis: Vec<ApiLine>,
    /// Compared models that cannot be priced, with why.
    pub api_problems: Vec<String>,
    pub deployment: Option<DeployLine>,
    /// Why the deployment does not resolve.
    pub deployment_error: Option<String>,
    pub chart: Option<ChartData>,
    pub findings: Vec<Finding>,
    pub preset: Option<PresetLine>,
    /// The chart shows uncertainty bands and the table the break-even ranges (`b`).
    pub bands: bool,
}

/// $/M as a table shows it: $17.50, $0.075, $131.
pub fn per_million(v: f64) -> String {
    if !v.is_finite() {
        "n/a".into()
    } else if v >= 100.0 {
        format!("${v:.0}")
    } else if v != 0.0 && v < 0.1 {
        format!("${v:.3}")
    } else {
        format!("${v:.2}")
    }
}

/// The verdict in at most about 45 columns.
pub fn short_verdict(x: &Crossover, v: f64) -> String {
    match &x.never_reason {
        Some(NeverReason::MarginalAboveApi {
            marginal_usd_per_million: m,
            api_usd_per_million: a,
        }) if x.break_even_tokens_per_day.is_none() => format!(
            "never: a replica {}/M > the API's {}/M",
            per_million(*m),
            per_million(*a)
        ),
        Some(_) if x.break_even_tokens_per_day.is_none() => "API cheaper at every volume".into(),
        _ => verdict(x, v).replace(" tokens/day", ""),
    }
}

/// The verdict in words for one API model at the current volume `v`.
pub fn verdict(x: &Crossover, v: f64) -> String {
    let be = x.break_even_tokens_per_day;
    let stays = x.stays_cheaper_from_tokens_per_day;
    match (be, stays) {
        (None, _) => match &x.never_reason {
            Some(NeverReason::MarginalAboveApi {
                marginal_usd_per_million: m,
                api_usd_per_million: a,
            }) => format!(
                "API always cheaper: one more replica costs {}/M vs the API's {}",
                per_million(*m),
                per_million(*a)
            ),
            _ => "API cheaper at every volume up to 100B tokens/day".into(),
        },
        (Some(b), Some(s)) if b <= VOLUME_MIN && s <= VOLUME_MIN => {
            "self-host cheaper at every volume".into()
        }
        (Some(b), Some(s)) if b == s => {
            if v < b {
                format!("API cheaper until {} tokens/day", format_tokens(b))
            } else {
                format!("self-host cheaper from {}", format_tokens(b))
            }
        }
        (Some(b), Some(s)) => format!(
            "self-host cheaper at {}, for good from {}",
            format_tokens(b),
            format_tokens(s)
        ),
        (Some(b), None) => format!(
            "self-host cheaper from {}, API again at the top of the range",
            format_tokens(b)
        ),
    }
}

/// Rows the explanation steps through: each priced API model, then the deployment.
pub fn row_count(view: &BreakEvenView) -> usize {
    view.apis.len() + usize::from(view.deployment.is_some())
}

/// The arithmetic behind one table row: an API model's bill and its break-even against the
/// deployment, or the deployment's sizing and bill.
pub fn explanation(view: &BreakEvenView, row: usize) -> Option<Explanation> {
    let w = &view.workload;
    if let Some(a) = view.apis.get(row) {
        let mut e = explain::api(&a.name, &a.price, w);
        if let Some(d) = &view.deployment {
            let be = explain::break_even(&a.name, &a.price, w, &d.deployment, &a.crossover);
            e.steps.extend(be.steps);
            e.conclusion = format!("{} {}", e.conclusion, be.conclusion);
        }
        if let Some(r) = a.range.as_ref().filter(|_| view.bands) {
            e.steps.push(range_step(r, w));
        }
        return Some(e);
    }
    let d = view.deployment.as_ref()?;
    let name = format!("{} on {}", d.name, d.gpu);
    Some(explain::self_hosted(&name, &d.deployment, w.tokens_per_day))
}

/// The break-even range as a step of the explanation: which stated prices give each end, and
/// the sources behind them.
fn range_step(r: &BreakEvenRange, w: &Workload) -> explain::Step {
    let at = |v: Option<f64>| {
        v.map_or_else(
            || "never".into(),
            |v| format!("{} tokens/day", format_tokens(v)),
        )
    };
    let mut numbers = Vec::new();
    if let Some((cheap, dear)) = &r.api {
        numbers.push(format!(
            "API blended {}/M ({}) to {}/M ({})",
            per_million(blended_price(&cheap.value, w)),
            cheap.sources.join(", "),
            per_million(blended_price(&dear.value, w)),
            dear.sources.join(", ")
        ));
    }
    if let Some((field, low, high)) = &r.gpu {
        numbers.push(format!(
            "{field} {} ({}) to {} ({})",
            crate::domain::units::format_usd(low.value),
            low.sources.join(", "),
            crate::domain::units::format_usd(high.value),
            high.sources.join(", ")
        ));
    }
    explain::Step {
        name: "range the sources allow".into(),
        formula: "earliest: the dearest API price against the cheapest GPU; latest: the reverse"
            .into(),
        numbers: numbers.join("; "),
        result: format!(
            "{} (sources: {}) to {} (sources: {})",
            at(r.low),
            r.low_sources.join(", "),
            at(r.high),
            r.high_sources.join(", ")
        ),
    }
}

pub(super) fn compute(
    s: &Scenario,
    ctx: &Context,
    fields: &[Field],
    zoom: i32,
    bands: bool,
) -> BreakEvenView {
    let catalog = ctx.catalog;
    let w = s.workload.clone();
    let v = w.tokens_per_day;
    let (deployment, deployment_error) = match s.self_host.resolve_for(catalog, &s.workload) {
        Ok(d) => (Some(d), None),
        Err(e) => (None, Some(e.to_string())),
    };
    let mut apis = Vec::new();
    let mut api_problems = Vec::new();
    for (slot, id) in s.api_models.iter().enumerate().take(MAX_COMPARED) {
        let chosen = match api_choice(catalog, id) {
            Ok(c) => c,
            Err(refusal) => {
                api_problems.push(refusal.to_string());
                continue;
            }
        };
        let figure = chosen.price;
        let price = figure.value.clone();
        let range = deployment.as_ref().and_then(|_| {
            let case = Case {
                workload: w.clone(),
                price: price.clone(),
                choice: s.self_host.clone(),
            };
            break_even_range(catalog, &case, figure).ok().flatten()
        });
        let blended = blended_price(&price, &w);
        let x = match &deployment {
            Some(d) => crossover(blended, d),
            None => Crossover {
                break_even_tokens_per_day: None,
                stays_cheaper_from_tokens_per_day: None,
                never_reason: None,
            },
        };
        apis.push(ApiLine {
            id: id.clone(),
            name: chosen.label(),
            slot,
            verdict: if deployment.is_some() {
                verdict(&x, v)
            } else {
                "no self-hosted deployment to compare".into()
            },
            short_verdict: if deployment.is_some() {
                short_verdict(&x, v)
            } else {
                "no deployment".into()
            },
            usd_per_month: api_monthly_cost_at(blended, v),
            range,
            blended,
            price,
            crossover: x,
        });
    }
    let deploy_line = deployment.as_ref().map(|d| {
        let cost = self_host_cost(d, v);
        let z = &cost.sizing;
        let full_speed = f64::from(z.replicas) * z.replica_tokens_per_s;
        let plan = d.plan();
        DeployLine {
            bound: plan.replica.as_ref().map_or_else(
                || "params only".to_string(),
                |r| r.bound.as_str().to_string(),
            ),
            replica_reason: plan.reason.clone(),
            name: catalog
                .model(&s.self_host.model)
                .map_or_else(|| s.self_host.model.clone(), |m| m.name.clone()),
            gpu: catalog
                .gpu(&s.self_host.gpu)
                .map_or_else(|| s.self_host.gpu.clone(), |g| g.name.clone()),
            deployment: d.clone(),
            marginal_usd_per_million: marginal_usd_per_million(d),
            actual_utilization: z.demand_tokens_per_s / full_speed.max(f64::MIN_POSITIVE),
            cost,
        }
    });
    let marks: Vec<f64> = apis
        .iter()
        .flat_map(|a| {
            [
                a.crossover.break_even_tokens_per_day,
                a.crossover.stays_cheaper_from_tokens_per_day,
            ]
        })
        .flatten()
        .collect();
    let range = plot::volume_range(v, &marks, zoom);
    let inputs: Vec<ApiInput> = apis
        .iter()
        .map(|a| ApiInput {
            slot: a.slot,
            blended: a.blended,
            break_even: a.crossover.break_even_tokens_per_day,
            stays_from: a.crossover.stays_cheaper_from_tokens_per_day,
        })
        .collect();
    let mut chart = (!apis.is_empty() || deployment.is_some())
        .then(|| plot::chart(range, v, &inputs, deployment.as_ref()));
    if let Some(data) = chart.as_mut().filter(|_| bands) {
        data.bands = chart_bands(s, ctx, data, &apis, deployment.is_some());
    }
    BreakEvenView {
        sliders: fields.iter().map(|f| shown(*f, s, ctx)).collect(),
        findings: findings(s, ctx),
        preset: preset_line(s, ctx),
        workload: w,
        apis,
        api_problems,
        deployment: deploy_line,
        deployment_error,
        chart,
        bands,
    }
}

/// A band for each API line whose sources disagree on its price, and for the staircase when
/// they disagree on the GPU's.
fn chart_bands(
    s: &Scenario,
    ctx: &Context,
    data: &plot::ChartData,
    apis: &[ApiLine],
    resolves: bool,
) -> Vec<plot::Band> {
    let w = &s.workload;
    let lines: Vec<(usize, f64, f64)> = apis
        .iter()
        .filter_map(|a| {
            let figure = api_choice(ctx.catalog, &a.id).ok()?.price;
            let (cheap, dear) = price_spread(figure, w)?;
            Some((
                a.slot,
                blended_price(&cheap.value, w),
                blended_price(&dear.value, w),
            ))
        })
        .collect();
    let gpu = resolves
        .then(|| gpu_spread(ctx.catalog, &s.self_host))
        .flatten()
        .and_then(|(_, low, high)| {
            let at = |p: f64| {
                with_gpu_price(&s.self_host, p)
                    .resolve_for(ctx.catalog, &s.workload)
                    .ok()
            };
            Some((at(low.value)?, at(high.value)?))
        });
    plot::bands(data, &lines, gpu.as_ref().map(|(a, b)| (a, b)))
}

fn shown(field: Field, s: &Scenario, ctx: &Context) -> Shown {
    let label = field.label().to_string();
    // Ids and names only (no choice lists with details): this runs on every change.
    let place = |ids: Vec<(&str, &str)>, id: &str| {
        let at = ids.iter().position(|(i, _)| *i == id);
        Shown {
            field,
            label: label.clone(),
            value: at.map_or_else(|| id.to_string(), |i| ids[i].1.to_string()),
            position: at.map(|i| i as f64 / (ids.len().max(2) - 1) as f64),
            from_database: false,
        }
    };
    match field {
        f if f.group() == sliders::Group::Workload => sliders::show_workload(f, &s.workload),
        Field::Region => place(
            ctx.rules
                .regions
                .iter()
                .map(|r| (r.id.as_str(), r.name.as_str()))
                .collect(),
            &s.region,
        ),
        Field::Sector => place(
            ctx.rules
                .sectors
                .iter()
                .map(|r| (r.id.as_str(), r.name.as_str()))
                .collect(),
            &s.sector,
        ),
        Field::Api(slot) => match s.api_models.get(slot) {
            Some(id) => Shown {
                field,
                label: format!("API {}", slot + 1),
                value: api_choice(ctx.catalog, id).map_or_else(|_| id.clone(), |c| c.label()),
                position: None,
                from_database: false,
            },
            None => Shown {
                field,
                label: "+ add".into(),
                value: "Enter to pick".into(),
                position: None,
                from_database: false,
            },
        },
        _ => sliders::deployment::show_deployment(field, &s.self_host, ctx.catalog),
    }
}

fn findings(s: &Scenario, ctx: &Context) -> Vec<Finding> {
    let mut subjects = Vec::new();
    // A hosted offering is an API to the rules, with the host's provider and region.
    for c in s
        .api_models
        .iter()
        .filter_map(|id| api_choice(ctx.catalog, id).ok())
    {
        subjects.push(Subject {
            label: format!("API: {}", c.label()),
            model: c.model,
            deployment: DeploymentKind::Api,
            sensitivities: BTreeSet::new(),
            host: c
                .third_party()
                .map(|o| Host::new(ctx.rules, &o.provider, o.region.as_deref())),
        });
    }
    if let Some(m) = ctx.catalog.model(&s.self_host.model) {
        subjects.push(Subject {
            label: format!("self-hosted: {}", m.name),
            model: m,
            deployment: DeploymentKind::SelfHosted,
            sensitivities: BTreeSet::new(),
            host: None,
        });
    }
    ctx.rules.evaluate(&s.region, &s.sector, &subjects)
}

fn preset_line(s: &Scenario, ctx: &Context) -> Option<PresetLine> {
    let id = s.preset.as_ref()?;
    let p = ctx.presets.iter().find(|p| p.id == *id)?;
    let comparisons = p.compare(ctx.catalog).ok()?;
    let moved = s.workload.tokens_per_day != p.tokens_per_day
        || s.workload.input_share != p.input_share
        || s.api_models != p.api
        || s.self_host != p.deployment();
    Some(PresetLine {
        title: p.title.clone(),
        comparisons,
        moved,
    })
}

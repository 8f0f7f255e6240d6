//! The hybrid plan as a report: a JSON document that carries every input needed to recompute
//! each number by hand, and a one-page Markdown plan. Pure: built from the plan and the data.

use super::catalog::{Catalog, Price};
use super::cost::{Deployment, Workload};
use super::format::{self, Percent};
use super::hybrid::{HybridPlan, TIER_NAMES};
use super::rules::{DeploymentKind, RuleBook};
use super::scenario::Scenario;
use super::units::{format_tokens, format_usd_full};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanReport {
    pub scenario: String,
    pub region: String,
    pub sector: String,
    pub workload: WorkloadReport,
    pub tiers: Vec<TierReport>,
    pub use_cases: Vec<UseCaseReport>,
    pub hybrid_usd_per_month: f64,
    pub all_frontier_usd_per_month: f64,
    pub all_self_hosted_usd_per_month: f64,
    /// 1 - hybrid / all-frontier; `null` when all-frontier costs nothing.
    pub savings_vs_frontier: Option<f64>,
    pub findings: Vec<FindingReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkloadReport {
    pub tokens_per_day: f64,
    /// Token-weighted input share of the use cases: what the all-frontier baseline bills at.
    pub input_share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierReport {
    pub tier: u8,
    pub model: String,
    /// `api` or `self-hosted`.
    pub deployment: &'static str,
    pub settings: TierSettings,
    pub tokens_per_day: f64,
    pub input_share: f64,
    pub gpus: u32,
    pub usd_per_month: f64,
}

/// The cost inputs of a tier, named as the options of `tierwise cost`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum TierSettings {
    Api(ApiSettings),
    SelfHosted(Box<HostSettings>),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApiSettings {
    /// The prices in effect for the workload's prompt length (long-context tier included).
    pub input_usd_per_million: f64,
    pub output_usd_per_million: f64,
    pub blended_usd_per_million: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HostSettings {
    pub gpu: String,
    pub precision: &'static str,
    pub kv_overhead: f64,
    pub efficiency: f64,
    pub utilization: f64,
    pub min_replicas: u32,
    pub throughput: Option<f64>,
    pub mode: &'static str,
    pub gpu_hour_price: f64,
    pub gpu_price: f64,
    pub years: f64,
    pub power_watts: f64,
    pub pue: f64,
    pub power_price: f64,
    pub colo: f64,
    pub fte: f64,
    pub salary: f64,
    pub overhead: f64,
    pub params_total_b: f64,
    pub params_active_b: f64,
    pub gpu_memory_gb: f64,
    pub gpu_tflops: f64,
}

impl HostSettings {
    pub fn new(gpu: &str, d: &Deployment) -> Self {
        HostSettings {
            gpu: gpu.to_string(),
            precision: d.precision.as_str(),
            kv_overhead: d.kv_overhead,
            efficiency: d.efficiency,
            utilization: d.utilization,
            min_replicas: d.min_replicas,
            throughput: d.throughput,
            mode: d.mode.as_str(),
            gpu_hour_price: d.gpu_hour_price,
            gpu_price: d.gpu_price,
            years: d.years,
            power_watts: d.power_watts,
            pue: d.pue,
            power_price: d.power_price,
            colo: d.colo,
            fte: d.fte,
            salary: d.salary,
            overhead: d.overhead,
            params_total_b: d.params_total_b,
            params_active_b: d.params_active_b,
            gpu_memory_gb: d.gpu_memory_gb,
            gpu_tflops: d.gpu_tflops,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UseCaseReport {
    pub name: String,
    /// Normalized: the shares of all use cases sum to 1.
    pub share: f64,
    pub input_share: f64,
    pub sensitivity: &'static str,
    pub quality: &'static str,
    pub tier: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingReport {
    pub severity: &'static str,
    pub rule: String,
    pub subject: String,
    pub message: String,
    pub source: String,
}

/// Input and output prices that apply at the workload's prompt length.
pub fn prices_in_effect(price: &Price, w: &Workload) -> (f64, f64) {
    match &price.long_context {
        Some(long) if w.prompt_tokens > long.above_tokens as f64 => (long.input, long.output),
        _ => (price.input, price.output),
    }
}

/// The report of `plan`, which must be the plan of `scenario` over `catalog`.
pub fn build(catalog: &Catalog, scenario: &Scenario, plan: &HybridPlan) -> PlanReport {
    // The price a bought tier pays: its offering's, else its model's listed one.
    let price_of = |t: &super::hybrid::TierPlan| {
        t.offering
            .as_deref()
            .and_then(|id| super::hybrid::find_offering(catalog, id))
            .map(|(_, o)| &o.price.value)
            .or_else(|| {
                catalog
                    .model(&t.model)
                    .and_then(|m| m.price.as_ref())
                    .map(|p| &p.value)
            })
    };
    let tiers = plan
        .tiers
        .iter()
        .map(|t| {
            let price = price_of(t);
            let settings = match (&t.settings, t.tier) {
                (Some(d), 2) => TierSettings::SelfHosted(Box::new(HostSettings::new(
                    &scenario.tiers.large.gpu,
                    d,
                ))),
                (Some(d), _) => TierSettings::SelfHosted(Box::new(HostSettings::new(
                    &scenario.tiers.small.gpu,
                    d,
                ))),
                (None, _) => {
                    let (input, output) = price.map_or((f64::NAN, f64::NAN), |p| {
                        prices_in_effect(p, &scenario.workload)
                    });
                    TierSettings::Api(ApiSettings {
                        input_usd_per_million: input,
                        output_usd_per_million: output,
                        blended_usd_per_million: t.blended_usd_per_million.unwrap_or(f64::NAN),
                    })
                }
            };
            TierReport {
                tier: t.tier,
                model: t.model.clone(),
                deployment: t.deployment.as_str(),
                settings,
                tokens_per_day: t.tokens_per_day,
                input_share: t.input_share,
                gpus: t.gpus,
                usd_per_month: t.usd_per_month,
            }
        })
        .collect();
    let use_cases = scenario
        .use_cases
        .iter()
        .zip(&plan.shares)
        .map(|(c, share)| UseCaseReport {
            name: c.use_case.name.clone(),
            share: *share,
            input_share: c.use_case.input_share,
            sensitivity: c.use_case.sensitivity.as_str(),
            quality: c.use_case.quality.as_str(),
            tier: c.tier,
        })
        .collect();
    let input_share = scenario
        .use_cases
        .iter()
        .zip(&plan.shares)
        .map(|(c, s)| s * c.use_case.input_share)
        .sum();
    PlanReport {
        scenario: scenario.name.clone(),
        region: scenario.region.clone(),
        sector: scenario.sector.clone(),
        workload: WorkloadReport {
            tokens_per_day: scenario.workload.tokens_per_day,
            input_share,
        },
        tiers,
        use_cases,
        hybrid_usd_per_month: plan.hybrid_usd_per_month,
        all_frontier_usd_per_month: plan.all_frontier_usd_per_month,
        all_self_hosted_usd_per_month: plan.all_self_hosted_usd_per_month,
        savings_vs_frontier: plan.savings_vs_frontier,
        findings: plan
            .findings
            .iter()
            .map(|f| FindingReport {
                severity: f.severity.as_str(),
                rule: f.rule.clone(),
                subject: f.subject.clone(),
                message: f.message.clone(),
                source: f.source.clone(),
            })
            .collect(),
    }
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|")
}

fn percent(share: f64) -> String {
    format::percent(share, Percent::Fixed(1))
}

fn model_name<'a>(catalog: &'a Catalog, id: &'a str) -> &'a str {
    catalog.model(id).map_or(id, |m| m.name.as_str())
}

fn savings_line(report: &PlanReport) -> String {
    match report.savings_vs_frontier {
        Some(s) if s >= 0.0 => format!(
            "Savings against running everything on the frontier API: **{}**.",
            percent(s)
        ),
        Some(s) => format!(
            "The hybrid plan costs **{}** more than running everything on the frontier API.",
            percent(-s)
        ),
        None => "Savings against all-frontier are not defined: that bill is zero.".into(),
    }
}

fn tier_runs_on(catalog: &Catalog, t: &TierReport) -> String {
    match &t.settings {
        TierSettings::Api(a) => format!(
            "API, ${}/M blended (${} in, ${} out)",
            plain(a.blended_usd_per_million),
            plain(a.input_usd_per_million),
            plain(a.output_usd_per_million)
        ),
        TierSettings::SelfHosted(h) => {
            let gpu = catalog
                .gpu(&h.gpu)
                .map_or(h.gpu.as_str(), |g| g.name.as_str());
            format!("{gpu}, {}, {}", h.mode, h.precision)
        }
    }
}

/// A number with at most four decimals and no trailing zeros.
fn plain(v: f64) -> String {
    let text = format!("{v:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The one-page Markdown plan.
pub fn markdown(report: &PlanReport, catalog: &Catalog, rules: &RuleBook) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    let region = rules.region(&report.region).map_or("", |r| r.name.as_str());
    let sector = rules.sector(&report.sector).map_or("", |s| s.name.as_str());
    line(format!("# Hybrid plan: {}", report.scenario));
    line(String::new());
    line(format!(
        "Workload: {} tokens a day, {} of them input. Place: {region} (`{}`), sector {sector} (`{}`).",
        format_tokens(report.workload.tokens_per_day),
        percent(report.workload.input_share),
        report.region,
        report.sector,
    ));
    line(String::new());
    line("## Tiers".into());
    line(String::new());
    line("| Tier | Model | Runs on | Tokens a day | Input | GPUs | Per month |".into());
    line("|:--|:--|:--|--:|--:|--:|--:|".into());
    for t in &report.tiers {
        let name = usize::from(t.tier)
            .checked_sub(1)
            .and_then(|i| TIER_NAMES.get(i))
            .unwrap_or(&"");
        let gpus = match t.deployment {
            d if d == DeploymentKind::Api.as_str() => "—".to_string(),
            _ => t.gpus.to_string(),
        };
        line(format!(
            "| {} {} | {} | {} | {} | {} | {} | {} |",
            t.tier,
            name,
            cell(model_name(catalog, &t.model)),
            cell(&tier_runs_on(catalog, t)),
            format_tokens(t.tokens_per_day),
            percent(t.input_share),
            gpus,
            format_usd_full(t.usd_per_month)
        ));
    }
    line(String::new());
    line("## Use cases".into());
    line(String::new());
    line("| Use case | Share | Input | Sensitivity | Quality | Tier |".into());
    line("|:--|--:|--:|:--|:--|--:|".into());
    for c in &report.use_cases {
        line(format!(
            "| {} | {} | {} | {} | {} | {} |",
            cell(&c.name),
            percent(c.share),
            percent(c.input_share),
            c.sensitivity,
            c.quality,
            c.tier
        ));
    }
    line(String::new());
    line("## Costs".into());
    line(String::new());
    let frontier = report.tiers.first().map_or("", |t| t.model.as_str());
    let large = report.tiers.get(1).map_or("", |t| t.model.as_str());
    line("| Plan | Per month |".into());
    line("|:--|--:|".into());
    line(format!(
        "| Hybrid (sum of the tiers) | **{}** |",
        format_usd_full(report.hybrid_usd_per_month)
    ));
    line(format!(
        "| All on the frontier API ({}) | {} |",
        cell(model_name(catalog, frontier)),
        format_usd_full(report.all_frontier_usd_per_month)
    ));
    line(format!(
        "| All self-hosted ({}) | {} |",
        cell(model_name(catalog, large)),
        format_usd_full(report.all_self_hosted_usd_per_month)
    ));
    line(String::new());
    line(savings_line(report));
    line(String::new());
    line("## Findings".into());
    line(String::new());
    if report.findings.is_empty() {
        line("No compliance rule fires for this plan in this region and sector.".into());
    }
    for f in &report.findings {
        let source = catalog.source(&f.source).map_or_else(
            || f.source.clone(),
            |s| format!("{}, {}, {}", s.title, s.publisher, s.date),
        );
        line(format!(
            "- **{}** `{}` ({}): {} Source: {}.",
            f.severity.to_uppercase(),
            f.rule,
            f.subject,
            f.message,
            source
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{embedded_catalog, embedded_rules, embedded_use_cases};
    use crate::domain::hybrid::{plan, reroute};

    fn setup() -> (Catalog, RuleBook, Scenario) {
        let catalog = embedded_catalog().unwrap();
        let rules = embedded_rules(&catalog).unwrap();
        let cases = embedded_use_cases(&catalog).unwrap();
        let mut s = Scenario::builtin("t", &cases, |_| 2);
        reroute(&catalog, &mut s).unwrap();
        (catalog, rules, s)
    }

    #[test]
    fn the_report_carries_the_plan_numbers() {
        let (catalog, rules, s) = setup();
        let p = plan(&catalog, &rules, &s).unwrap();
        let r = build(&catalog, &s, &p);
        assert_eq!(r.tiers.len(), 3);
        assert_eq!(r.hybrid_usd_per_month, p.hybrid_usd_per_month);
        assert!(matches!(r.tiers[0].settings, TierSettings::Api(_)));
        match &r.tiers[2].settings {
            TierSettings::SelfHosted(h) => {
                assert_eq!(h.gpu, "a100-80gb");
                assert_eq!(h.mode, "buy");
            }
            other => panic!("tier 3 is self-hosted, got {other:?}"),
        }
        let overall: f64 = r.use_cases.iter().map(|c| c.share * c.input_share).sum();
        assert!((r.workload.input_share - overall).abs() < 1e-12);
    }

    #[test]
    fn markdown_escapes_table_cells_and_explains_undefined_savings() {
        let (mut catalog, rules, s) = setup();
        let p = plan(&catalog, &rules, &s).unwrap();
        let mut r = build(&catalog, &s, &p);
        catalog
            .models
            .iter_mut()
            .find(|m| m.id == "phi-4")
            .unwrap()
            .name = "Phi | 4".into();
        r.savings_vs_frontier = None;
        let md = markdown(&r, &catalog, &rules);
        assert!(md.contains("| Phi \\| 4 |"), "{md}");
        assert!(md.contains("not defined"), "{md}");
        r.savings_vs_frontier = Some(0.25);
        assert!(markdown(&r, &catalog, &rules).contains("**25.0%**"));
    }
}

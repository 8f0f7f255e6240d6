//! What a scenario's report carries beside the hybrid plan: the break-even comparison (each
//! compared API model against the self-hosted deployment at the scenario's volume), what moves
//! the answer, and the date of the data. The JSON report prints these after the plan and the
//! HTML page draws them, so a number on the page is always one the JSON carries. Pure.

use super::breakeven::{VOLUME_MIN, crossover};
use super::catalog::{Catalog, SourceId};
use super::cost::api::api_choice;
use super::cost::{api_monthly_cost_at, blended_price, marginal_usd_per_million, self_host_cost};
use super::hybrid_sensitivity::hybrid_tornado;
use super::report::{HostSettings, prices_in_effect};
use super::scenario::Scenario;
use super::sensitivity::{Case, DEFAULT_SPAN, tornado};
use super::units::format_tokens;
use super::what_moves::TOP;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioExtras {
    pub breakeven: BreakevenReport,
    pub what_moves: WhatMovesReport,
    /// Newest date among the sources of the figures in use (prices, GPU figures), as written
    /// in the sources (`2026-04`, `2026-04-19`); `null` when none is cited.
    pub data_as_of: Option<String>,
    /// Every source the figures in use cite, in order of first use.
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakevenReport {
    pub tokens_per_day: f64,
    pub input_share: f64,
    pub prompt_tokens: f64,
    /// The self-hosted deployment at the scenario's volume; `null` when it does not resolve.
    pub self_host: Option<SelfHostLine>,
    /// Why there is no self-hosted line.
    pub self_host_problem: Option<String>,
    pub api: Vec<ApiLine>,
    /// Why an API line is missing: no model compared, or a compared model without a price.
    pub api_problems: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SelfHostLine {
    pub model: String,
    /// Every cost input, named as the options of `tierwise cost` (as the plan's tiers are).
    pub settings: HostSettings,
    pub usd_per_month: f64,
    pub usd_per_million: f64,
    pub replicas: u32,
    pub gpus: u32,
    /// What one more replica costs per million tokens it can serve.
    pub marginal_usd_per_million: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApiLine {
    pub model: String,
    pub input_usd_per_million: f64,
    pub output_usd_per_million: f64,
    pub blended_usd_per_million: f64,
    pub usd_per_month: f64,
    /// `null` without a self-hosted line, or when self-hosting is never cheaper.
    pub break_even_tokens_per_day: Option<f64>,
    pub stays_cheaper_from_tokens_per_day: Option<f64>,
    /// Why there is no break-even, in words.
    pub never_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatMovesReport {
    /// Each input moved down and up by this fraction.
    pub span: f64,
    pub breakeven: Option<BreakevenTornado>,
    pub breakeven_problem: Option<String>,
    pub hybrid: Option<HybridTornadoReport>,
    pub hybrid_problem: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakevenTornado {
    /// The API model the break-even is taken against: the first compared one with a price.
    pub against: String,
    pub break_even_tokens_per_day: Option<f64>,
    /// The inputs with the largest effect, largest first.
    pub bars: Vec<BreakevenBar>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakevenBar {
    pub input: &'static str,
    pub value: String,
    pub low_value: String,
    pub low_break_even_tokens_per_day: Option<f64>,
    pub high_value: String,
    pub high_break_even_tokens_per_day: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HybridTornadoReport {
    pub usd_per_month: f64,
    pub savings_vs_frontier: Option<f64>,
    /// The inputs with the largest effect on the monthly cost, largest first.
    pub bars: Vec<HybridBarReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HybridBarReport {
    /// 1 to 3; `null` for the workload.
    pub tier: Option<u8>,
    pub input: &'static str,
    pub value: String,
    pub low_value: String,
    pub low_usd_per_month: f64,
    pub low_savings_vs_frontier: Option<f64>,
    pub high_value: String,
    pub high_usd_per_month: f64,
    pub high_savings_vs_frontier: Option<f64>,
}

/// A part of a sentence: words, or one of an [`ApiLine`]'s fields (a volume or the reason
/// there is none), which a page marks and a screen may show large.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(&'static str),
    /// `break_even_tokens_per_day` or `stays_cheaper_from_tokens_per_day`.
    Volume(&'static str, f64),
    NeverReason(String),
}

/// The answer for one API line in words, at the scenario's volume `now`:
/// "self-hosting pays from 20.9M tokens a day".
pub fn verdict(line: &ApiLine, now: f64) -> Vec<Piece> {
    verdict_of(
        line.break_even_tokens_per_day,
        line.stays_cheaper_from_tokens_per_day,
        line.never_reason.as_deref(),
        now,
    )
}

/// [`verdict`] from a crossing's parts: the break-even and stays-cheaper-from volumes and the
/// reason there is none.
pub fn verdict_of(
    break_even: Option<f64>,
    stays_cheaper_from: Option<f64>,
    never_reason: Option<&str>,
    now: f64,
) -> Vec<Piece> {
    use Piece::{NeverReason, Text, Volume};
    const BE: &str = "break_even_tokens_per_day";
    const STAYS: &str = "stays_cheaper_from_tokens_per_day";
    match (break_even, stays_cheaper_from) {
        (None, _) => vec![
            Text("the API stays cheaper: "),
            match never_reason {
                Some(r) => NeverReason(r.to_string()),
                None => Text("no crossing"),
            },
        ],
        (Some(b), Some(s)) if b <= VOLUME_MIN && s <= VOLUME_MIN => {
            vec![Text("self-hosting is cheaper at every volume")]
        }
        (Some(b), Some(s)) if b == s => vec![
            Text("self-hosting pays from "),
            Volume(BE, b),
            Text(if now < b {
                " tokens a day"
            } else {
                " tokens a day, as it is now"
            }),
        ],
        (Some(b), Some(s)) => vec![
            Text("self-hosting is first cheaper at "),
            Volume(BE, b),
            Text(" tokens a day and for good from "),
            Volume(STAYS, s),
        ],
        (Some(b), None) => vec![
            Text("self-hosting is cheaper from "),
            Volume(BE, b),
            Text(" tokens a day, though not at every larger volume"),
        ],
    }
}

/// [`verdict`] as plain text.
pub fn verdict_text(line: &ApiLine, now: f64) -> String {
    plain(verdict(line, now))
}

/// Pieces as plain text.
pub fn plain(pieces: Vec<Piece>) -> String {
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t.to_string(),
            Piece::Volume(_, v) => format_tokens(v),
            Piece::NeverReason(r) => r,
        })
        .collect()
}

/// The extras of `scenario`, through the same functions the break-even pane, the tornado views
/// and the Markdown export use.
pub fn build(catalog: &Catalog, scenario: &Scenario) -> ScenarioExtras {
    let mut sources: Vec<SourceId> = Vec::new();
    let breakeven = breakeven(catalog, scenario, &mut sources);
    for tier in [&scenario.tiers.large, &scenario.tiers.small] {
        gpu_sources(catalog, &tier.gpu, &mut sources);
    }
    if let Some(p) = catalog
        .model(&scenario.tiers.frontier)
        .and_then(|m| m.price.as_ref())
    {
        sources.extend(p.sources.iter().cloned());
    }
    let mut seen = Vec::new();
    sources.retain(|id| {
        let new = !seen.contains(id);
        seen.push(id.clone());
        new
    });
    let data_as_of = sources
        .iter()
        .filter_map(|id| catalog.source(id))
        .map(|s| s.date.clone())
        .max();
    ScenarioExtras {
        what_moves: what_moves(catalog, scenario),
        breakeven,
        data_as_of,
        sources,
    }
}

fn gpu_sources(catalog: &Catalog, gpu: &str, sources: &mut Vec<SourceId>) {
    if let Some(g) = catalog.gpu(gpu) {
        sources.extend(g.rent_usd_per_hour.iter().flat_map(|f| f.sources.clone()));
        sources.extend(g.purchase_usd.iter().flat_map(|f| f.sources.clone()));
        sources.extend(g.power_w.sources.clone());
    }
}

fn breakeven(catalog: &Catalog, s: &Scenario, sources: &mut Vec<SourceId>) -> BreakevenReport {
    let w = &s.workload;
    let v = w.tokens_per_day;
    let deployment = s.self_host.resolve(catalog);
    let self_host = deployment.as_ref().ok().map(|d| {
        gpu_sources(catalog, &s.self_host.gpu, sources);
        let cost = self_host_cost(d, v);
        SelfHostLine {
            model: s.self_host.model.clone(),
            settings: HostSettings::new(&s.self_host.gpu, d),
            usd_per_month: cost.usd_per_month,
            usd_per_million: cost.usd_per_million_tokens,
            replicas: cost.sizing.replicas,
            gpus: cost.sizing.gpus,
            marginal_usd_per_million: marginal_usd_per_million(d),
        }
    });
    let mut api_problems = Vec::new();
    if s.api_models.is_empty() {
        api_problems.push("no API model is compared".to_string());
    }
    let api = s
        .api_models
        .iter()
        .filter_map(|id| {
            let price = match api_choice(catalog, id) {
                Ok(c) => c.price,
                Err(refusal) => {
                    api_problems.push(refusal.to_string());
                    return None;
                }
            };
            sources.extend(price.sources.iter().cloned());
            let (input, output) = prices_in_effect(&price.value, w);
            let blended = blended_price(&price.value, w);
            let x = deployment.as_ref().ok().map(|d| crossover(blended, d));
            Some(ApiLine {
                model: id.clone(),
                input_usd_per_million: input,
                output_usd_per_million: output,
                blended_usd_per_million: blended,
                usd_per_month: api_monthly_cost_at(blended, v),
                break_even_tokens_per_day: x.as_ref().and_then(|x| x.break_even_tokens_per_day),
                stays_cheaper_from_tokens_per_day: x
                    .as_ref()
                    .and_then(|x| x.stays_cheaper_from_tokens_per_day),
                never_reason: x
                    .as_ref()
                    .and_then(|x| x.never_reason.as_ref())
                    .map(|r| r.to_string()),
            })
        })
        .collect();
    BreakevenReport {
        tokens_per_day: v,
        input_share: w.input_share,
        prompt_tokens: w.prompt_tokens,
        self_host_problem: deployment.as_ref().err().map(|e| e.to_string()),
        self_host,
        api,
        api_problems,
    }
}

fn what_moves(catalog: &Catalog, s: &Scenario) -> WhatMovesReport {
    let priced = s.api_models.iter().find_map(|id| {
        let c = api_choice(catalog, id).ok()?;
        Some((id.clone(), c.price.value.clone()))
    });
    let (breakeven, breakeven_problem) = match priced {
        None => (None, Some("no compared API model has a price".to_string())),
        Some((against, price)) => {
            let case = Case {
                workload: s.workload.clone(),
                price,
                choice: s.self_host.clone(),
            };
            match tornado(catalog, &case, DEFAULT_SPAN) {
                Ok(t) => (
                    Some(BreakevenTornado {
                        against,
                        break_even_tokens_per_day: t.base,
                        bars: t
                            .bars
                            .into_iter()
                            .take(TOP)
                            .map(|b| BreakevenBar {
                                input: b.input,
                                value: b.base_value,
                                low_value: b.low.value,
                                low_break_even_tokens_per_day: b.low.break_even,
                                high_value: b.high.value,
                                high_break_even_tokens_per_day: b.high.break_even,
                            })
                            .collect(),
                    }),
                    None,
                ),
                Err(e) => (None, Some(e.to_string())),
            }
        }
    };
    let (hybrid, hybrid_problem) = match hybrid_tornado(catalog, s, DEFAULT_SPAN) {
        Ok(t) => (
            Some(HybridTornadoReport {
                usd_per_month: t.base.usd_per_month,
                savings_vs_frontier: t.base.savings,
                bars: t
                    .bars
                    .into_iter()
                    .take(TOP)
                    .map(|b| HybridBarReport {
                        tier: b.tier,
                        input: b.input,
                        low_savings_vs_frontier: b.low.savings,
                        high_savings_vs_frontier: b.high.savings,
                        value: b.base_value,
                        low_value: b.low.value,
                        low_usd_per_month: b.low.usd_per_month,
                        high_value: b.high.value,
                        high_usd_per_month: b.high.usd_per_month,
                    })
                    .collect(),
            }),
            None,
        ),
        Err(e) => (None, Some(e.to_string())),
    };
    WhatMovesReport {
        span: DEFAULT_SPAN,
        breakeven,
        breakeven_problem,
        hybrid,
        hybrid_problem,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{embedded_catalog, embedded_use_cases};
    use crate::domain::hybrid::reroute;

    fn scenario(catalog: &Catalog) -> Scenario {
        let cases = embedded_use_cases(catalog).unwrap();
        let mut s = Scenario::builtin("t", &cases, |_| 2);
        reroute(catalog, &mut s).unwrap();
        s
    }

    #[test]
    fn every_compared_model_gets_a_line_with_the_pane_crossover() {
        let catalog = embedded_catalog().unwrap();
        let s = scenario(&catalog);
        let x = build(&catalog, &s);
        let b = &x.breakeven;
        assert_eq!(b.api.len(), s.api_models.len());
        assert!(b.api_problems.is_empty() && b.self_host_problem.is_none());
        let d = s.self_host.resolve(&catalog).unwrap();
        for line in &b.api {
            let c = crossover(line.blended_usd_per_million, &d);
            assert_eq!(line.break_even_tokens_per_day, c.break_even_tokens_per_day);
        }
        let t = x.what_moves.breakeven.as_ref().unwrap();
        assert_eq!(t.against, s.api_models[0]);
        assert_eq!(t.bars.len(), TOP);
        assert_eq!(x.what_moves.hybrid.as_ref().unwrap().bars.len(), TOP);
        assert!(x.data_as_of.is_some() && !x.sources.is_empty());
        // At the default 5M tokens a day against Claude Opus 4.7: its $15/M blend against the
        // 4-GPU replica's $11,200 a month, 11,200 / (30 × 15 / 10^6) = 24.9M tokens a day.
        assert_eq!(
            verdict_text(&b.api[0], s.workload.tokens_per_day),
            "self-hosting pays from 24.9M tokens a day"
        );
        let mut far = b.api[0].clone();
        far.break_even_tokens_per_day = None;
        far.never_reason = Some("never cheaper".into());
        assert_eq!(
            verdict_text(&far, 1e6),
            "the API stays cheaper: never cheaper"
        );
    }

    #[test]
    fn an_offering_is_a_line_at_its_providers_price_and_a_free_plan_a_problem() {
        let catalog = embedded_catalog().unwrap();
        let mut s = scenario(&catalog);
        s.api_models = vec!["llama-3.3-70b@groq".into(), "llama-3.3-70b@nvidia".into()];
        let b = build(&catalog, &s).breakeven;
        assert_eq!(b.api.len(), 1);
        assert_eq!(b.api[0].model, "llama-3.3-70b@groq");
        // 0.5 × $0.59 + 0.5 × $0.79 = $0.69/M; 30 × 5M / 1M × 0.69 = $103.50 a month.
        assert!((b.api[0].blended_usd_per_million - 0.69).abs() < 1e-12);
        assert!((b.api[0].usd_per_month - 103.5).abs() < 1e-9);
        assert_eq!(b.api_problems.len(), 1);
        assert!(
            b.api_problems[0].contains("free plan"),
            "{:?}",
            b.api_problems
        );
    }

    #[test]
    fn missing_lines_and_deployments_are_said() {
        let catalog = embedded_catalog().unwrap();
        let mut s = scenario(&catalog);
        s.api_models.clear();
        s.self_host.gpu = "no-such-gpu".into();
        let x = build(&catalog, &s);
        assert!(x.breakeven.api.is_empty());
        assert_eq!(x.breakeven.api_problems, ["no API model is compared"]);
        assert!(x.breakeven.self_host.is_none());
        assert!(
            x.breakeven
                .self_host_problem
                .as_deref()
                .unwrap()
                .contains("no-such-gpu")
        );
        assert!(x.what_moves.breakeven.is_none() && x.what_moves.breakeven_problem.is_some());
        // The plan's own tiers still resolve, so its tornado is there.
        assert!(x.what_moves.hybrid.is_some());
    }
}

//! What moves the hybrid plan: each input of the three tiers (the tier-1 API prices, every
//! setting of the two self-hosted deployments, their precision and GPU) and the daily volume,
//! moved down and up over a span, with the plan's monthly cost and savings against
//! all-frontier at each end, sorted by how far the cost moves.
//!
//! The inputs are moved by the break-even tornado's own levers ([`moves`]) and every end is
//! priced by the plan itself ([`plan_priced`]), so a bar can never disagree with the pane.

use super::breakeven::{VOLUME_MAX, VOLUME_MIN};
use super::catalog::{Catalog, Price};
use super::cost::InputError;
use super::hybrid::plan_priced;
use super::rules::RuleBook;
use super::scenario::Scenario;
use super::sensitivity::{Case, Moved, Part, check_span, moves};
use super::units::format_tokens;

/// One end of a bar (or the base): the input's value, the plan's monthly cost and its savings
/// against all-frontier (`None` when all-frontier costs nothing).
#[derive(Debug, Clone, PartialEq)]
pub struct HybridEnd {
    pub value: String,
    pub usd_per_month: f64,
    pub savings: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HybridBar {
    /// The tier (1 to 3) the input belongs to; `None` for the workload.
    pub tier: Option<u8>,
    pub input: &'static str,
    pub base_value: String,
    pub low: HybridEnd,
    pub high: HybridEnd,
    /// How far the monthly cost moves between the two ends, in dollars.
    pub effect: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HybridTornado {
    pub span: f64,
    pub base: HybridEnd,
    /// Largest effect first.
    pub bars: Vec<HybridBar>,
}

/// The plan's total and savings, with the tier-1 price replaced when given. No rules are
/// evaluated: findings do not change the cost.
fn answer(
    catalog: &Catalog,
    scenario: &Scenario,
    price: Option<&Price>,
) -> Result<(f64, Option<f64>), InputError> {
    let p = plan_priced(catalog, &RuleBook::default(), scenario, price)?;
    Ok((p.hybrid_usd_per_month, p.savings_vs_frontier))
}

/// Every input of the plan moved down and up by `span`, largest effect on the monthly cost
/// first.
pub fn hybrid_tornado(
    catalog: &Catalog,
    scenario: &Scenario,
    span: f64,
) -> Result<HybridTornado, InputError> {
    check_span(span)?;
    let (usd, savings) = answer(catalog, scenario, None)?;
    let base = HybridEnd {
        value: String::new(),
        usd_per_month: usd,
        savings,
    };
    let price = catalog
        .model(&scenario.tiers.frontier)
        .and_then(|m| m.price.as_ref())
        .map(|p| p.value.clone())
        .ok_or_else(|| InputError {
            field: "tier-1",
            value: scenario.tiers.frontier.clone(),
            allowed: "a model with an API price".into(),
        })?;
    let mut bars = Vec::new();
    // An end that cannot be priced (a neighbour that does not fit) stays at the base.
    let end = |moved: Option<(Scenario, Option<Price>, String)>, base_value: &str| match moved
        .map(|(s, p, v)| (answer(catalog, &s, p.as_ref()), v))
    {
        Some((Ok((usd, savings)), value)) => HybridEnd {
            value,
            usd_per_month: usd,
            savings,
        },
        _ => HybridEnd {
            value: base_value.to_string(),
            ..base.clone()
        },
    };
    let mut push = |tier: Option<u8>, input, base_value: String, low, high| {
        let low = end(low, &base_value);
        let high = end(high, &base_value);
        bars.push(HybridBar {
            tier,
            input,
            effect: (high.usd_per_month - low.usd_per_month).abs(),
            base_value,
            low,
            high,
        });
    };

    let tier1 = Case {
        workload: scenario.workload.clone(),
        price: price.clone(),
        choice: scenario.tiers.large.clone(),
    };
    for m in moves(catalog, &tier1, span, &[Part::Api]) {
        let priced = |moved: Moved| moved.map(|(c, v)| (scenario.clone(), Some(c.price), v));
        push(
            Some(1),
            m.input,
            m.base_value,
            priced(m.low),
            priced(m.high),
        );
    }
    for tier in [2u8, 3] {
        let choice = if tier == 2 {
            &scenario.tiers.large
        } else {
            &scenario.tiers.small
        };
        let case = Case {
            choice: choice.clone(),
            ..tier1.clone()
        };
        for m in moves(catalog, &case, span, &[Part::Deployment]) {
            let placed = |moved: Moved| {
                moved.map(|(c, v)| {
                    let mut s = scenario.clone();
                    if tier == 2 {
                        s.tiers.large = c.choice;
                    } else {
                        s.tiers.small = c.choice;
                    }
                    (s, None, v)
                })
            };
            push(
                Some(tier),
                m.input,
                m.base_value,
                placed(m.low),
                placed(m.high),
            );
        }
    }
    let at = |factor: f64| {
        let mut s = scenario.clone();
        let v = (s.workload.tokens_per_day * factor).clamp(VOLUME_MIN, VOLUME_MAX);
        s.workload.tokens_per_day = v;
        Some((s, None, format!("{}/day", format_tokens(v))))
    };
    let base_volume = format!("{}/day", format_tokens(scenario.workload.tokens_per_day));
    push(None, "volume", base_volume, at(1.0 - span), at(1.0 + span));

    bars.sort_by(|a, b| {
        b.effect
            .total_cmp(&a.effect)
            .then_with(|| a.tier.cmp(&b.tier))
            .then_with(|| a.input.cmp(b.input))
    });
    Ok(HybridTornado { span, base, bars })
}

#[cfg(test)]
mod tests;

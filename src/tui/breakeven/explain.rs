//! The arithmetic behind a row of the pane's table, for the explanation overlay (`x`).

use super::view::{BreakEvenView, per_million};
use crate::domain::cost::{Workload, blended_price};
use crate::domain::explain::{self, Explanation};
use crate::domain::uncertainty::BreakEvenRange;
use crate::domain::units::format_tokens;

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

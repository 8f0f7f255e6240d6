//! "What moves the answer" for reports: the inputs with the largest effect on the break-even
//! volume and on the hybrid plan's cost, as Markdown tables, from the same tornadoes the
//! interface draws.

use super::catalog::Catalog;
use super::hybrid_sensitivity::{HybridEnd, hybrid_tornado};
use super::scenario::Scenario;
use super::sensitivity::{Case, DEFAULT_SPAN, describe, tornado};
use super::units::format_usd_full;

/// How many inputs a report lists.
pub const TOP: usize = 5;

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn span_words() -> String {
    format!(
        "Each input is moved down and up by {:.0}% (the GPU and the precision to their \
         neighbouring options), largest effect first.",
        DEFAULT_SPAN * 100.0
    )
}

/// The top inputs of the break-even tornado of `case` against the API model `name`, under a
/// heading of `level` (`##`, `###`).
pub fn breakeven_markdown(catalog: &Catalog, case: &Case, name: &str, level: &str) -> String {
    let mut out = format!("{level} What moves the break-even\n\n");
    let t = match tornado(catalog, case, DEFAULT_SPAN) {
        Ok(t) => t,
        Err(e) => return out + &format!("The inputs cannot be varied: {e}\n\n"),
    };
    out.push_str(&format!(
        "Against {}: break-even {} at the scenario's inputs. {}\n\n",
        cell(name),
        describe(t.base),
        span_words()
    ));
    out.push_str("| Input | Now | Lowered | Break-even | Raised | Break-even |\n");
    out.push_str("|:--|--:|--:|--:|--:|--:|\n");
    for b in t.bars.iter().take(TOP) {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            b.input,
            cell(&b.base_value),
            cell(&b.low.value),
            describe(b.low.break_even),
            cell(&b.high.value),
            describe(b.high.break_even)
        ));
    }
    out.push('\n');
    out
}

fn savings(e: &HybridEnd) -> String {
    e.savings
        .map_or_else(|| "n/a".into(), |s| format!("{:.0}%", s * 100.0))
}

/// The top inputs of the hybrid plan's tornado, under a heading of `level`.
pub fn hybrid_markdown(catalog: &Catalog, scenario: &Scenario, level: &str) -> String {
    let mut out = format!("{level} What moves the hybrid cost\n\n");
    let t = match hybrid_tornado(catalog, scenario, DEFAULT_SPAN) {
        Ok(t) => t,
        Err(e) => return out + &format!("The inputs cannot be varied: {e}\n\n"),
    };
    out.push_str(&format!(
        "The plan costs {} a month{}. {}\n\n",
        format_usd_full(t.base.usd_per_month),
        match t.base.savings {
            Some(v) if v >= 0.0 => format!(", {:.0}% less than all-frontier", v * 100.0),
            Some(v) => format!(", {:.0}% more than all-frontier", -v * 100.0),
            None => String::new(),
        },
        span_words()
    ));
    out.push_str(
        "| Tier | Input | Now | Lowered | Cost (saving vs all-frontier) | Raised | Cost (saving) |\n",
    );
    out.push_str("|:--|:--|--:|--:|--:|--:|--:|\n");
    for b in t.bars.iter().take(TOP) {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} ({}) | {} | {} ({}) |\n",
            b.tier.map_or_else(|| "all".into(), |t| t.to_string()),
            b.input,
            cell(&b.base_value),
            cell(&b.low.value),
            format_usd_full(b.low.usd_per_month),
            savings(&b.low),
            cell(&b.high.value),
            format_usd_full(b.high.usd_per_month),
            savings(&b.high)
        ));
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{embedded_catalog, embedded_use_cases};
    use crate::domain::hybrid::route;
    use crate::domain::scenario::DeploymentChoice;

    #[test]
    fn five_inputs_largest_first_with_both_ends() {
        let catalog = embedded_catalog().unwrap();
        let case = Case {
            workload: Default::default(),
            price: catalog
                .model("gpt-5.5")
                .unwrap()
                .price
                .clone()
                .unwrap()
                .value,
            choice: DeploymentChoice::new("llama-3.1-70b", "h100-sxm"),
        };
        let md = breakeven_markdown(&catalog, &case, "GPT-5.5", "##");
        let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| ")).collect();
        assert_eq!(rows.len(), 1 + TOP, "{md}");
        let t = tornado(&catalog, &case, DEFAULT_SPAN).unwrap();
        assert!(
            rows[1].starts_with(&format!("| {} |", t.bars[0].input)),
            "{md}"
        );
        // The 4-GPU replica option: K_1 = 4 × $2.50 × 720 + 0.25 × $192,000 / 12 = $11,200 a
        // month, carrying 0.5 × 2,271 tokens/s × 86,400 = 98M tokens a day; GPT-5.5 blends to
        // 0.5 × $5 + 0.5 × $30 = $17.50/M, so V* = 11,200 / (30 × 17.5 / 10^6) = 21.3M.
        assert!(md.contains("break-even 21.3M/day"), "{md}");

        let cases = embedded_use_cases(&catalog).unwrap();
        let f = catalog.model("claude-opus-4.7").unwrap().clone();
        let l = catalog.model("llama-3.1-70b").unwrap().clone();
        let s = Scenario::builtin("t", &cases, |u| route(u, &f, &l));
        let md = hybrid_markdown(&catalog, &s, "###");
        assert!(md.starts_with("### What moves the hybrid cost"));
        assert_eq!(md.lines().filter(|l| l.starts_with("| ")).count(), 1 + TOP);

        // The exported scenario carries both.
        let rules = crate::data::embedded_rules(&catalog).unwrap();
        let doc = crate::domain::export::scenario_markdown(&catalog, &rules, &s);
        assert!(doc.contains("\n## What moves the break-even\n"));
        assert!(doc.contains("\n### What moves the hybrid cost\n"));
    }
}

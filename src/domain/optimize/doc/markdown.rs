//! The plan document as Markdown.

use super::{PlaceDoc, PlanDoc, PlanSide, TierDoc};
use crate::domain::rules::{RuleBook, Severity};
use crate::domain::scenario::Scenario;
use crate::domain::units::{format_tokens, format_usd_full};

/// `tier 2 `llama-3.1-70b` self-hosted on 3× h100-sxm`, `tier 1 `x` hosted `x@groq``.
fn place_text(p: &PlaceDoc) -> String {
    let d = &p.deployment;
    let how = match (&d.offering, &d.gpu) {
        (_, Some(gpu)) => format!("{} on {}× {gpu}", d.kind, d.gpus_per_replica.unwrap_or(1)),
        (Some(o), _) => format!("{} `{o}`", d.kind),
        (None, None) => d.kind.to_string(),
    };
    format!("tier {} `{}` {how}", p.tier, d.model)
}

fn tier_line(t: &TierDoc) -> String {
    let empty = t.tokens_per_day <= 0.0;
    let how = match (t.deployment.kind, &t.deployment.offering, &t.deployment.gpu) {
        // An empty tier keeps its settings but runs no replica and bills no staff.
        ("self-hosted", _, Some(gpu)) if empty => format!("self-hosted on {gpu}, carries nothing"),
        ("self-hosted", _, Some(gpu)) => format!(
            "self-hosted, {}× {gpu} per replica, {}, {} GPU{}",
            t.deployment.gpus_per_replica.unwrap_or(1),
            t.precision.unwrap_or(""),
            t.gpus,
            if t.gpus == 1 { "" } else { "s" }
        ),
        (kind, Some(o), _) => format!("{kind}, `{o}`"),
        (kind, None, _) => kind.to_string(),
    };
    let staff = t
        .staff
        .as_ref()
        .filter(|_| !empty)
        .map_or(String::new(), |s| {
            if s.shared {
                format!(
                    "; shared team of {} FTE, {} billed here",
                    s.team_fte,
                    (s.billed_fte * 1000.0).round() / 1000.0
                )
            } else {
                format!("; own staff {} FTE", s.team_fte)
            }
        });
    format!(
        "| {} | `{}` | {how}{staff} | {} ({}) | {} | {} |",
        t.tier,
        t.deployment.model,
        t.quality.grade,
        t.quality.basis,
        format_tokens(t.tokens_per_day),
        format_usd_full(t.usd_per_month)
    )
}

fn side_markdown(out: &mut Vec<String>, side: &PlanSide) {
    out.push("| Tier | Model | Runs | Quality grade | Tokens a day | Per month |".into());
    out.push("|:--|:--|:--|:--|--:|--:|".into());
    out.extend(side.tiers.iter().map(tier_line));
    out.push(String::new());
    for c in &side.use_cases {
        out.push(format!(
            "- {}: tier {} ({}, needs {}{})",
            c.name,
            c.tier,
            c.sensitivity,
            c.quality_needed,
            c.needs.iter().map(|n| format!(", {n}")).collect::<String>()
        ));
    }
    let blocks = side
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Block.as_str())
        .count();
    out.push(String::new());
    let n = side.findings.len();
    out.push(format!(
        "{n} finding{}, {blocks} blocking.",
        if n == 1 { "" } else { "s" }
    ));
}

/// The document as Markdown, headings at `level` (`##`).
pub fn markdown(doc: &PlanDoc, rules: &RuleBook, scenario: &Scenario, level: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let region = rules
        .region(&scenario.region)
        .map_or("", |r| r.name.as_str());
    out.push(format!(
        "{level} Current plan: {}",
        format_usd_full(doc.current.usd_per_month)
    ));
    out.push(String::new());
    out.push(format!(
        "{} tokens a day; {region}, sector `{}`.",
        format_tokens(scenario.workload.tokens_per_day),
        scenario.sector
    ));
    out.push(String::new());
    side_markdown(&mut out, &doc.current);
    out.push(String::new());
    out.join("\n") + "\n" + &search_markdown(doc, level)
}

/// The search's part alone: the cheapest compliant plan (or why there is none), the bands
/// over volume and the hybrid break-even.
pub fn search_markdown(doc: &PlanDoc, level: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    match &doc.optimal {
        Some(o) => {
            let saving = doc.current.usd_per_month - o.plan.usd_per_month;
            out.push(format!(
                "{level} Cheapest compliant plan: {} ({} less a month{})",
                format_usd_full(o.plan.usd_per_month),
                format_usd_full(saving),
                if o.exhaustive {
                    ""
                } else {
                    "; best found, not every split tried"
                }
            ));
            out.push(String::new());
            side_markdown(&mut out, &o.plan);
            out.push(String::new());
            if o.moved.is_empty() {
                out.push(
                    "Nothing moves: the current plan is already the cheapest compliant one.".into(),
                );
            } else {
                out.push("What moves and why:".into());
                out.push(String::new());
                for m in &o.moved {
                    out.push(format!(
                        "- {}: {} → {}: {}",
                        m.use_case,
                        place_text(&m.from),
                        place_text(&m.to),
                        m.why
                    ));
                }
            }
            out.push(String::new());
        }
        None if !doc.no_compliant_plan.is_empty() => {
            out.push(format!("{level} No compliant plan"));
            out.push(String::new());
            for s in &doc.no_compliant_plan {
                out.push(format!("- {} has no compliant place:", s.use_case));
                out.extend(s.reasons.iter().map(|r| format!("  - {r}")));
            }
            out.push(String::new());
        }
        None => {}
    }
    if !doc.thresholds.is_empty() {
        out.push(format!("{level} Where the answer changes"));
        out.push(String::new());
        for t in &doc.thresholds {
            out.push(format!(
                "- {} to {} tokens a day ({} a month at the start): {}",
                format_tokens(t.from_tokens_per_day),
                format_tokens(t.to_tokens_per_day),
                t.usd_per_month_at_from.map_or("—".into(), format_usd_full),
                t.summary
            ));
        }
        out.push(String::new());
    }
    out.push(match doc.hybrid_break_even_tokens_per_day {
        Some(v) => format!(
            "Hybrid break-even: from {} tokens a day the current plan costs less than sending everything to its frontier API.",
            format_tokens(v)
        ),
        None => "Hybrid break-even: the current plan never costs less than all-frontier between 1K and 100B tokens a day.".into(),
    });
    out.push(match doc.break_even_vs_self_hosted {
        Some(v) => format!(
            "Against running everything self-hosted on tier 2's deployment, it costs less from {} tokens a day.",
            format_tokens(v)
        ),
        None => "Against running everything self-hosted on tier 2's deployment, it never costs less between 1K and 100B tokens a day.".into(),
    });
    out.join("\n") + "\n"
}

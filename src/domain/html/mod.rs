//! The report as one self-contained HTML page: the answer in big figures, the break-even chart
//! and table, what moves the answer, the hybrid plan, the findings, the inputs with their
//! sources, the notes. Charts are inline SVG drawn here; there is no script, and nothing is
//! loaded from elsewhere (links to sources aside). Every computed number on the page is a
//! `<data>` element (or an SVG `tspan`) naming the JSON report's field it shows, so the page
//! can be checked against `tierwise report --format json`. Pure.

mod breakeven;
mod chart;
pub mod escape;
mod facts;
mod plan;
mod style;
mod svg;
mod tornado;

use crate::domain::breakeven::VOLUME_MAX;
use crate::domain::catalog::Catalog;
use crate::domain::cost::Deployment;
use crate::domain::report::PlanReport;
use crate::domain::rules::RuleBook;
use crate::domain::scenario::Scenario;
use crate::domain::scenario_report::ScenarioExtras;
use crate::domain::units::{format_tokens, format_usd, format_usd_full};
use escape::{escape, escape_line};
use svg::{data, data_text};
use tornado::{HIGH_COLOUR, LOW_COLOUR};

/// Everything the page is drawn from.
pub struct PageInput<'a> {
    pub catalog: &'a Catalog,
    pub rules: &'a RuleBook,
    pub scenario: &'a Scenario,
    /// The hybrid plan's report, or why it cannot be computed.
    pub plan: Result<&'a PlanReport, String>,
    pub extras: &'a ScenarioExtras,
}

impl PageInput<'_> {
    fn deployment(&self) -> Option<Deployment> {
        self.extras.breakeven.self_host.as_ref()?;
        self.scenario.self_host.resolve(self.catalog).ok()
    }
}

/// One section of the page: its anchor id, heading and body. A new part of the report is one
/// more entry in [`SECTIONS`].
struct Section {
    id: &'static str,
    heading: &'static str,
    body: fn(&mut String, &PageInput),
}

const SECTIONS: &[Section] = &[
    Section {
        id: "break-even",
        heading: "Break-even: self-hosting against the API",
        body: |out, p| {
            breakeven::section(out, p.catalog, &p.extras.breakeven, p.deployment().as_ref())
        },
    },
    Section {
        id: "what-moves",
        heading: "What moves the answer",
        body: what_moves,
    },
    Section {
        id: "plan",
        heading: "Hybrid plan",
        body: hybrid_plan,
    },
    Section {
        id: "findings",
        heading: "Findings",
        body: |out, p| match &p.plan {
            Ok(r) => facts::findings(out, p.catalog, r),
            Err(_) => out.push_str("<p>No findings: the plan cannot be computed.</p>"),
        },
    },
    Section {
        id: "inputs",
        heading: "Inputs",
        body: |out, p| facts::inputs(out, p.catalog, p.rules, p.scenario, &p.extras.breakeven),
    },
    Section {
        id: "notes",
        heading: "Notes",
        body: |out, p| facts::notes(out, p.scenario),
    },
    Section {
        id: "sources",
        heading: "Sources",
        body: |out, p| facts::sources(out, p.catalog, p.extras, p.plan.as_ref().ok().copied()),
    },
];

/// The whole page.
pub fn page(p: &PageInput) -> String {
    let name = escape_line(&p.scenario.name);
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"color-scheme\" content=\"light dark\">\
         <meta name=\"generator\" content=\"tierwise\">\
         <title>Hybrid plan: {name}</title><style>{}</style></head><body><main>",
        style::CSS
    ));
    header(&mut out, p);
    answer(&mut out, p);
    for s in SECTIONS {
        out.push_str(&format!(
            "<section id=\"{}\"><h2>{}</h2>",
            s.id,
            escape(s.heading)
        ));
        (s.body)(&mut out, p);
        out.push_str("</section>");
    }
    out.push_str(&format!(
        "<footer>Made by tierwise from the scenario <span class=\"name\">“{name}”</span>. \
         Figures as of {}. Every number here is also in <code>tierwise report --format \
         json</code>.</footer></main></body></html>\n",
        p.extras
            .data_as_of
            .as_deref()
            .map_or("an unknown date".into(), |d| data_text("/data_as_of", d))
    ));
    out
}

fn header(out: &mut String, p: &PageInput) {
    let s = p.scenario;
    let region = p
        .rules
        .region(&s.region)
        .map_or(s.region.as_str(), |r| r.name.as_str());
    let sector = p
        .rules
        .sector(&s.sector)
        .map_or(s.sector.as_str(), |r| r.name.as_str());
    let b = &p.extras.breakeven;
    out.push_str(&format!(
        "<header><h1>Hybrid plan: <span class=\"name\">{}</span></h1><p class=\"meta\">{} tokens \
         a day · <span class=\"name\">{}</span> · sector <span class=\"name\">{}</span>{}</p>\
         </header>",
        escape_line(&s.name),
        data(
            "/breakeven/tokens_per_day",
            Some(b.tokens_per_day),
            &format_tokens(b.tokens_per_day)
        ),
        escape_line(region),
        escape_line(sector),
        p.extras
            .data_as_of
            .as_deref()
            .map_or(String::new(), |d| format!(
                " · data as of {}",
                data_text("/data_as_of", d)
            ))
    ));
}

fn card(out: &mut String, class: &str, big: String, what: String) {
    out.push_str(&format!(
        "<div class=\"card {class}\"><span class=\"big\">{big}</span><span class=\"what\">{what}</span></div>"
    ));
}

/// The answer in two or three big figures.
fn answer(out: &mut String, p: &PageInput) {
    out.push_str("<div class=\"answer\">");
    let b = &p.extras.breakeven;
    let first = b.api.first();
    match (first, &b.self_host) {
        (Some(a), Some(h)) => {
            let name = escape_line(breakeven::model_name(p.catalog, &a.model));
            let host = escape_line(&breakeven::host_name(p.catalog, h));
            let big = match a.break_even_tokens_per_day {
                Some(v) => format!(
                    "{}<small> tokens/day</small>",
                    data(
                        "/breakeven/api/0/break_even_tokens_per_day",
                        Some(v),
                        &format_tokens(v)
                    )
                ),
                None => "never".into(),
            };
            card(
                out,
                "",
                big,
                format!(
                    "Against <span class=\"name\">{name}</span>: {}. Self-hosted: <span \
                     class=\"name\">{host}</span>.",
                    breakeven::verdict(a, 0, b.tokens_per_day)
                ),
            );
        }
        _ => card(
            out,
            "",
            "—".into(),
            "No break-even: the page needs at least one priced API model and a self-hosted \
             deployment that resolves (see below)."
                .into(),
        ),
    }
    cheapest_now(out, p);
    match &p.plan {
        Ok(r) => {
            let savings = match r.savings_vs_frontier {
                Some(s) if s >= 0.0 => format!(
                    "{} less than everything on the frontier API",
                    data("/savings_vs_frontier", Some(s), &plan::percent(s))
                ),
                Some(s) => format!(
                    "{} more than everything on the frontier API",
                    data("/savings_vs_frontier", Some(s), &plan::percent(-s))
                ),
                None => "savings against all-frontier are not defined: that bill is zero".into(),
            };
            card(
                out,
                "plan",
                format!(
                    "{}<small>/month</small>",
                    data(
                        "/hybrid_usd_per_month",
                        Some(r.hybrid_usd_per_month),
                        &format_usd(r.hybrid_usd_per_month)
                    )
                ),
                format!("The hybrid plan: {savings}."),
            );
        }
        Err(e) => card(
            out,
            "plan",
            "—".into(),
            format!("The hybrid plan cannot be computed: {}", escape_line(e)),
        ),
    }
    out.push_str("</div>");
}

/// Which line is cheapest at the scenario's volume, and what the others cost there.
fn cheapest_now(out: &mut String, p: &PageInput) {
    let b = &p.extras.breakeven;
    let mut options: Vec<(f64, String, String)> = b
        .api
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let name = escape_line(breakeven::model_name(p.catalog, &a.model));
            (
                a.usd_per_month,
                format!("/breakeven/api/{i}/usd_per_month"),
                format!("the <span class=\"name\">{name}</span> API"),
            )
        })
        .collect();
    if let Some(h) = &b.self_host {
        let name = escape_line(&breakeven::host_name(p.catalog, h));
        options.push((
            h.usd_per_month,
            "/breakeven/self_host/usd_per_month".into(),
            format!("self-hosting <span class=\"name\">{name}</span>"),
        ));
    }
    let Some(best) = options
        .iter()
        .filter(|o| o.0.is_finite())
        .min_by(|a, b| a.0.total_cmp(&b.0))
    else {
        return;
    };
    let others: Vec<String> = options
        .iter()
        .filter(|o| o.1 != best.1)
        .map(|o| format!("{} {}", o.2, data(&o.1, Some(o.0), &format_usd(o.0))))
        .collect();
    let rest = if others.is_empty() {
        String::new()
    } else {
        format!(" Then: {}.", others.join(", "))
    };
    card(
        out,
        "now",
        format!(
            "{}<small>/month</small>",
            data(&best.1, Some(best.0), &format_usd(best.0))
        ),
        format!(
            "Cheapest at {} tokens a day: {}.{rest}",
            data(
                "/breakeven/tokens_per_day",
                Some(b.tokens_per_day),
                &format_tokens(b.tokens_per_day)
            ),
            best.2
        ),
    );
}

fn what_moves(out: &mut String, p: &PageInput) {
    let w = &p.extras.what_moves;
    out.push_str(&format!(
        "<p>Each input is moved down and up by {} (the GPU and the precision to their \
         neighbouring options); the five with the largest effect, largest first.</p>\
         <ul class=\"legend\"><li><svg viewBox=\"0 0 22 10\" aria-hidden=\"true\"><rect \
         class=\"low\" width=\"22\" height=\"10\" fill=\"{LOW_COLOUR}\"/>\
         </svg>input lowered</li><li><svg viewBox=\"0 0 22 10\" aria-hidden=\"true\"><rect \
         class=\"high\" width=\"22\" height=\"10\" fill=\"{HIGH_COLOUR}\" /></svg>input raised</li></ul>",
        data("/what_moves/span", Some(w.span), &plan::percent(w.span))
    ));
    out.push_str("<h3>The break-even volume</h3>");
    match &w.breakeven {
        Some(t) => out.push_str(&format!(
            "<figure>{}<figcaption>Against <span class=\"name\">{}</span>, on a log scale; \
             “never” means self-hosting is not cheaper at any volume up to <span \
             class=\"label\">{}</span> tokens a day.</figcaption></figure>",
            tornado::breakeven_tornado(t),
            escape_line(breakeven::model_name(p.catalog, &t.against)),
            format_tokens(VOLUME_MAX)
        )),
        None => out.push_str(&format!(
            "<p class=\"missing\">Not drawn: {}.</p>",
            escape_line(w.breakeven_problem.as_deref().unwrap_or("no data"))
        )),
    }
    out.push_str("<h3>The hybrid plan's monthly cost</h3>");
    match &w.hybrid {
        Some(t) => out.push_str(&format!("<figure>{}</figure>", tornado::hybrid_tornado(t))),
        None => out.push_str(&format!(
            "<p class=\"missing\">Not drawn: {}.</p>",
            escape_line(w.hybrid_problem.as_deref().unwrap_or("no data"))
        )),
    }
}

fn hybrid_plan(out: &mut String, p: &PageInput) {
    let r = match &p.plan {
        Ok(r) => r,
        Err(e) => {
            out.push_str(&format!(
                "<p class=\"missing\">The plan cannot be computed: {}.</p>",
                escape_line(e)
            ));
            return;
        }
    };
    out.push_str(&format!(
        "<p>The use cases' {} tokens a day split over three tiers: {} a month in all, against \
         {} on the frontier API alone and {} all self-hosted.</p>",
        data(
            "/workload/tokens_per_day",
            Some(r.workload.tokens_per_day),
            &format_tokens(r.workload.tokens_per_day)
        ),
        data(
            "/hybrid_usd_per_month",
            Some(r.hybrid_usd_per_month),
            &format_usd_full(r.hybrid_usd_per_month)
        ),
        data(
            "/all_frontier_usd_per_month",
            Some(r.all_frontier_usd_per_month),
            &format_usd_full(r.all_frontier_usd_per_month)
        ),
        data(
            "/all_self_hosted_usd_per_month",
            Some(r.all_self_hosted_usd_per_month),
            &format_usd_full(r.all_self_hosted_usd_per_month)
        ),
    ));
    out.push_str("<figure>");
    out.push_str(&plan::cost_bars(r, p.catalog));
    out.push_str(&plan::tier_legend());
    out.push_str("</figure><h3>Tiers</h3>");
    out.push_str(&plan::tiers_table(r, p.catalog));
    out.push_str("<h3>Use cases</h3>");
    out.push_str(&plan::use_cases_table(r));
}

//! The page's reference parts: the findings with their sources, the inputs the numbers rest
//! on, the notes, and every source cited.

use super::breakeven::{host_name, model_name};
use super::escape::{escape, escape_line, safe_url};
use super::plan::percent;
use super::svg::{data, data_text};
use crate::domain::catalog::{Catalog, SourceId};
use crate::domain::report::PlanReport;
use crate::domain::rules::RuleBook;
use crate::domain::scenario::Scenario;
use crate::domain::scenario_report::{BreakevenReport, ScenarioExtras};
use crate::domain::units::{format_price, format_tokens, format_usd_full};

/// A reference as a web address: as it is when it has a scheme, with `https://` when it
/// starts with a host name (`nvidia.com/...`); `None` for a file name or anything else.
fn web_address(reference: &str) -> Option<String> {
    if let Some(url) = safe_url(reference) {
        return Some(url);
    }
    let (host, _) = reference.split_once('/')?;
    let looks_like_host = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    looks_like_host
        .then(|| safe_url(&format!("https://{reference}")))
        .flatten()
}

/// A source in one line: title, publisher, date, and a link when it is a web address.
pub fn citation(catalog: &Catalog, id: &SourceId) -> String {
    match catalog.source(id) {
        Some(s) => {
            let title = match s.reference.as_deref().and_then(web_address) {
                Some(url) => format!("<a href=\"{url}\">{}</a>", escape_line(&s.title)),
                None => escape_line(&s.title),
            };
            let file = s
                .reference
                .as_deref()
                .filter(|r| web_address(r).is_none())
                .map_or(String::new(), |r| {
                    format!(" (<code>{}</code>)", escape_line(r))
                });
            format!(
                "<span class=\"src\">{title}, {}, {}{file}</span>",
                escape_line(&s.publisher),
                escape_line(&s.date)
            )
        }
        None => format!(
            "<span class=\"src\"><code>{}</code></span>",
            escape_line(id)
        ),
    }
}

pub fn findings(out: &mut String, catalog: &Catalog, r: &PlanReport) {
    if r.findings.is_empty() {
        out.push_str("<p>No compliance rule fires for this plan in this region and sector.</p>");
        return;
    }
    out.push_str("<ul class=\"findings\">");
    for (i, f) in r.findings.iter().enumerate() {
        out.push_str(&format!(
            "<li><span class=\"sev {0}\">{1}</span> <code class=\"name\">{2}</code> \
             (<span class=\"name\">{3}</span>): {4} {5}</li>",
            match f.severity {
                "block" | "warn" => f.severity,
                _ => "info",
            },
            escape(&f.severity.to_uppercase()),
            escape_line(&f.rule),
            escape_line(&f.subject),
            data_text(&format!("/findings/{i}/message"), &f.message),
            citation(catalog, &f.source)
        ));
    }
    out.push_str("</ul>");
}

fn row(out: &mut String, term: &str, detail: String) {
    out.push_str(&format!("<dt>{term}</dt><dd>{detail}</dd>"));
}

pub fn inputs(
    out: &mut String,
    catalog: &Catalog,
    rules: &RuleBook,
    scenario: &Scenario,
    b: &BreakevenReport,
) {
    out.push_str("<dl class=\"inputs\">");
    row(
        out,
        "Workload",
        format!(
            "{} tokens a day, {} of them input, prompts of {} tokens",
            data(
                "/breakeven/tokens_per_day",
                Some(b.tokens_per_day),
                &format_tokens(b.tokens_per_day)
            ),
            data(
                "/breakeven/input_share",
                Some(b.input_share),
                &percent(b.input_share)
            ),
            data(
                "/breakeven/prompt_tokens",
                Some(b.prompt_tokens),
                &format_tokens(b.prompt_tokens)
            )
        ),
    );
    let region = rules
        .region(&scenario.region)
        .map_or("", |r| r.name.as_str());
    let sector = rules
        .sector(&scenario.sector)
        .map_or("", |r| r.name.as_str());
    row(
        out,
        "Place",
        format!(
            "<span class=\"name\">{} (<code>{}</code>), sector {} (<code>{}</code>)</span>",
            escape_line(region),
            escape_line(&scenario.region),
            escape_line(sector),
            escape_line(&scenario.sector)
        ),
    );
    for (i, a) in b.api.iter().enumerate() {
        let sources = catalog
            .model(&a.model)
            .and_then(|m| m.price.as_ref())
            .map_or(String::new(), |p| {
                let cited: Vec<String> = p.sources.iter().map(|s| citation(catalog, s)).collect();
                format!("; {}", cited.join("; "))
            });
        row(
            out,
            "API price",
            format!(
                "<span class=\"name\">{}</span>: {} in, {} out per million tokens{sources}",
                escape_line(model_name(catalog, &a.model)),
                data(
                    &format!("/breakeven/api/{i}/input_usd_per_million"),
                    Some(a.input_usd_per_million),
                    &format_price(a.input_usd_per_million)
                ),
                data(
                    &format!("/breakeven/api/{i}/output_usd_per_million"),
                    Some(a.output_usd_per_million),
                    &format_price(a.output_usd_per_million)
                ),
            ),
        );
    }
    if let Some(h) = &b.self_host {
        let s = &h.settings;
        let k = |f: &str| format!("/breakeven/self_host/settings/{f}");
        let pct = |f: &str, v: f64| data(&k(f), Some(v), &percent(v));
        let price = if s.mode == "buy" {
            format!(
                "bought at {} a GPU over {} years",
                data(
                    &k("gpu_price"),
                    Some(s.gpu_price),
                    &format_usd_full(s.gpu_price)
                ),
                data(&k("years"), Some(s.years), &format!("{}", s.years))
            )
        } else {
            format!(
                "rented at {} a GPU-hour",
                data(
                    &k("gpu_hour_price"),
                    Some(s.gpu_hour_price),
                    &format_price(s.gpu_hour_price)
                )
            )
        };
        let gpu_sources = catalog.gpu(&s.gpu).map_or(String::new(), |g| {
            let mut ids: Vec<&SourceId> = g
                .rent_usd_per_hour
                .iter()
                .flat_map(|f| &f.sources)
                .collect();
            ids.extend(g.purchase_usd.iter().flat_map(|f| &f.sources));
            ids.dedup();
            let cited: Vec<String> = ids.into_iter().map(|s| citation(catalog, s)).collect();
            if cited.is_empty() {
                String::new()
            } else {
                format!("; GPU prices: {}", cited.join("; "))
            }
        });
        row(
            out,
            "Self-hosted",
            format!(
                "<span class=\"name\">{}</span>, {price}; utilization {}, efficiency {}, at \
                 least {} replica(s), {} staff at {} a year{gpu_sources}",
                escape_line(&host_name(catalog, h)),
                pct("utilization", s.utilization),
                pct("efficiency", s.efficiency),
                data(
                    &k("min_replicas"),
                    Some(f64::from(s.min_replicas)),
                    &s.min_replicas.to_string()
                ),
                data(&k("fte"), Some(s.fte), &format!("{} FTE", s.fte)),
                data(&k("salary"), Some(s.salary), &format_usd_full(s.salary)),
            ),
        );
    }
    if let Some(p) = &scenario.preset {
        row(
            out,
            "Preset",
            format!("<code class=\"name\">{}</code>", escape_line(p)),
        );
    }
    out.push_str("</dl>");
}

pub fn notes(out: &mut String, scenario: &Scenario) {
    if scenario.notes.trim().is_empty() {
        out.push_str("<p>No notes were written for this scenario.</p>");
    } else {
        out.push_str(&format!(
            "<div class=\"notes\">{}</div>",
            escape(scenario.notes.trim_end())
        ));
    }
}

/// Every source the figures cite, then the findings' sources, each once.
pub fn sources(out: &mut String, catalog: &Catalog, x: &ScenarioExtras, plan: Option<&PlanReport>) {
    let mut ids: Vec<&SourceId> = x.sources.iter().collect();
    for f in plan.iter().flat_map(|p| &p.findings) {
        if !ids.contains(&&f.source) {
            ids.push(&f.source);
        }
    }
    if ids.is_empty() {
        out.push_str("<p>No sourced figure is cited above.</p>");
        return;
    }
    out.push_str("<ul>");
    for id in ids {
        out.push_str(&format!("<li>{}</li>", citation(catalog, id)));
    }
    out.push_str("</ul>");
}

#[cfg(test)]
mod tests {
    use super::web_address;

    #[test]
    fn references_become_links_only_when_they_are_web_addresses() {
        assert_eq!(
            web_address("nvidia.com/en-us/data-center/h100").as_deref(),
            Some("https://nvidia.com/en-us/data-center/h100")
        );
        assert_eq!(web_address("000_8b9e921e8beed53d.txt"), None);
        assert_eq!(web_address("javascript:alert(1)/x"), None);
        assert_eq!(web_address("a b.com/x"), None);
    }
}

//! The break-even part of the page: the verdict in words, the chart with its legend, and the
//! table of every compared API model against the self-hosted deployment.

use super::chart::{HOST_COLOUR, SERIES_COLOURS, breakeven_chart};
use super::escape::escape;
use super::svg::{data, data_text};
use crate::domain::catalog::Catalog;
use crate::domain::cost::Deployment;
use crate::domain::scenario_report::{self, ApiLine, BreakevenReport, Piece, SelfHostLine};
use crate::domain::units::{format_price, format_tokens, format_usd, format_usd_full};

pub fn model_name<'a>(catalog: &'a Catalog, id: &'a str) -> &'a str {
    catalog.model(id).map_or(id, |m| m.name.as_str())
}

/// "Llama 3.1 70B on H100 SXM" (plain text).
pub fn host_name(catalog: &Catalog, h: &SelfHostLine) -> String {
    let gpu = catalog
        .gpu(&h.settings.gpu)
        .map_or(h.settings.gpu.as_str(), |g| g.name.as_str());
    format!("{} on {}", model_name(catalog, &h.model), gpu)
}

/// The answer for one API line in a sentence of markup, its numbers marked (`i`: its index).
pub fn verdict(line: &ApiLine, i: usize, now: f64) -> String {
    scenario_report::verdict(line, now)
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => escape(t),
            Piece::Volume(field, v) => data(
                &format!("/breakeven/api/{i}/{field}"),
                Some(v),
                &format_tokens(v),
            ),
            Piece::NeverReason(r) => data_text(&format!("/breakeven/api/{i}/never_reason"), &r),
        })
        .collect()
}

fn swatch(class: &str, colour: &str, width: f64) -> String {
    format!(
        "<svg viewBox=\"0 0 22 10\" aria-hidden=\"true\"><line class=\"{class}\" x1=\"0\" \
         y1=\"5\" x2=\"22\" y2=\"5\" stroke=\"{colour}\" stroke-width=\"{width}\"/></svg>"
    )
}

fn missing(out: &mut String, text: &str) {
    out.push_str(&format!("<p class=\"missing\">{}</p>", escape(text)));
}

/// The section's body (its heading is the page's).
pub fn section(out: &mut String, catalog: &Catalog, r: &BreakevenReport, d: Option<&Deployment>) {
    let now = r.tokens_per_day;
    let now_text = data("/breakeven/tokens_per_day", Some(now), &format_tokens(now));
    match &r.self_host {
        Some(h) => out.push_str(&format!(
            "<p>At {now_text} tokens a day, self-hosting <span class=\"name\">{}</span> ({}, {}) \
             costs {} a month on {} GPUs ({} {}).</p>",
            escape(&host_name(catalog, h)),
            data_text("/breakeven/self_host/settings/mode", h.settings.mode),
            data_text(
                "/breakeven/self_host/settings/precision",
                h.settings.precision
            ),
            data(
                "/breakeven/self_host/usd_per_month",
                Some(h.usd_per_month),
                &format_usd_full(h.usd_per_month)
            ),
            data(
                "/breakeven/self_host/gpus",
                Some(f64::from(h.gpus)),
                &h.gpus.to_string()
            ),
            data(
                "/breakeven/self_host/replicas",
                Some(f64::from(h.replicas)),
                &h.replicas.to_string()
            ),
            if h.replicas == 1 {
                "replica"
            } else {
                "replicas"
            },
        )),
        None => missing(
            out,
            &format!(
                "No self-hosted line: the deployment does not resolve ({}). Choose an open \
                 model and a GPU with a price in the break-even pane.",
                r.self_host_problem.as_deref().unwrap_or("not set")
            ),
        ),
    }
    for p in &r.api_problems {
        missing(
            out,
            &format!("No API line for this: {p}. Add a priced API model in the break-even pane."),
        );
    }
    let names: Vec<String> = r
        .api
        .iter()
        .map(|a| model_name(catalog, &a.model).to_string())
        .collect();
    let host = r
        .self_host
        .as_ref()
        .map_or(String::new(), |h| host_name(catalog, h));
    if let Some(svg) = breakeven_chart(r, d, &names, &host) {
        out.push_str("<figure>");
        out.push_str(&svg);
        out.push_str("<ul class=\"legend\">");
        for (i, name) in names.iter().enumerate() {
            let slot = i % SERIES_COLOURS.len();
            out.push_str(&format!(
                "<li>{}<span><span class=\"name\">{}</span> API</span></li>",
                swatch(&format!("s{slot}"), SERIES_COLOURS[slot], 2.5),
                escape(name)
            ));
        }
        if r.self_host.is_some() {
            out.push_str(&format!(
                "<li>{}<span><span class=\"name\">{}</span>, self-hosted</span></li>",
                swatch("host", HOST_COLOUR, 3.0),
                escape(&host)
            ));
        }
        out.push_str(
            "</ul><figcaption>Monthly cost against tokens a day, both on log scales. A dot \
             marks where self-hosting first costs no more than an API, a ring where it stays \
             cheaper for good; the dashed line is the scenario's volume.</figcaption></figure>",
        );
    }
    if !r.api.is_empty() {
        table(out, r, &names);
    }
}

fn table(out: &mut String, r: &BreakevenReport, names: &[String]) {
    out.push_str(
        "<div class=\"table\"><table><thead><tr><th>API model</th><th class=\"n\">In $/M</th>\
         <th class=\"n\">Out $/M</th><th class=\"n\">Blended $/M</th><th class=\"n\">API a \
         month</th><th class=\"n\">Break-even</th><th class=\"n\">Cheaper for good from</th>\
         </tr></thead><tbody>",
    );
    let when = |key: String, v: Option<f64>| {
        let text = v.map_or("never".into(), |v| format!("{}/day", format_tokens(v)));
        if r.self_host.is_none() {
            "—".to_string()
        } else {
            data(&key, v, &text)
        }
    };
    for (i, a) in r.api.iter().enumerate() {
        let key = |f: &str| format!("/breakeven/api/{i}/{f}");
        let price = |f: &str, v: f64| data(&key(f), Some(v), &format_price(v));
        out.push_str(&format!(
            "<tr><td class=\"name\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td></tr>",
            escape(&names[i]),
            price("input_usd_per_million", a.input_usd_per_million),
            price("output_usd_per_million", a.output_usd_per_million),
            price("blended_usd_per_million", a.blended_usd_per_million),
            data(
                &key("usd_per_month"),
                Some(a.usd_per_month),
                &format_usd(a.usd_per_month)
            ),
            when(
                key("break_even_tokens_per_day"),
                a.break_even_tokens_per_day
            ),
            when(
                key("stays_cheaper_from_tokens_per_day"),
                a.stays_cheaper_from_tokens_per_day
            ),
        ));
    }
    out.push_str("</tbody></table></div>");
    if r.self_host.is_some() {
        out.push_str("<ul class=\"verdicts\">");
        for (i, a) in r.api.iter().enumerate() {
            out.push_str(&format!(
                "<li>Against <span class=\"name\">{}</span>: {}.</li>",
                escape(&names[i]),
                verdict(a, i, r.tokens_per_day)
            ));
        }
        out.push_str("</ul>");
    }
}

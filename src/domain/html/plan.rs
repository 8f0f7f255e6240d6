//! The hybrid plan's part of the page: the plan against its two baselines as bars (the plan
//! stacked by tier), the tiers and the use cases as tables.

use super::escape::escape;
use super::svg::{Scale, c, data, data_text, linear_ticks, tspan};
use crate::domain::catalog::Catalog;
use crate::domain::format::{self, Percent};
use crate::domain::hybrid::TIER_NAMES;
use crate::domain::report::{PlanReport, TierSettings};
use crate::domain::units::{format_price, format_tokens, format_usd, format_usd_full};

/// Tier colours as SVG attributes (light), matching the stylesheet's --t1..--t3.
const TIER_COLOURS: [&str; 3] = ["#0072b2", "#009e73", "#e69f00"];
const W: f64 = 720.0;
const LEFT: f64 = 200.0;
const RIGHT: f64 = 640.0;
const ROW: f64 = 42.0;

/// One bar: its label, its parts (dollars, tier index), its total and the total's JSON field.
type BarRow = (String, Vec<(f64, usize)>, f64, &'static str);

fn model_name<'a>(catalog: &'a Catalog, id: &'a str) -> &'a str {
    catalog.model(id).map_or(id, |m| m.name.as_str())
}

pub fn percent(v: f64) -> String {
    format::percent(v, Percent::Fixed(1))
}

/// The plan, all-frontier and all-self-hosted as horizontal bars in dollars a month.
pub fn cost_bars(r: &PlanReport, catalog: &Catalog) -> String {
    let max = r
        .hybrid_usd_per_month
        .max(r.all_frontier_usd_per_month)
        .max(r.all_self_hosted_usd_per_month)
        .max(1.0);
    let x = Scale::linear(0.0, max, LEFT, RIGHT);
    let h = 16.0 + ROW * 3.0 + 26.0;
    let mut s = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {W} {}\" role=\"img\" aria-labelledby=\"plan-title\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title id=\"plan-title\">Monthly cost of the \
         hybrid plan by tier, against running everything on the frontier API or everything \
         self-hosted</title><g class=\"grid\">",
        c(h)
    );
    let ticks = linear_ticks(max, 4);
    for v in &ticks {
        s.push_str(&format!(
            "<line x1=\"{0}\" x2=\"{0}\" y1=\"10\" y2=\"{1}\" stroke=\"#e3e7eb\"/>",
            c(x.at(*v)),
            c(h - 26.0)
        ));
    }
    s.push_str("</g><g class=\"axis\" fill=\"#57606a\">");
    for v in &ticks {
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            c(x.at(*v)),
            c(h - 8.0),
            format_usd(*v)
        ));
    }
    s.push_str("</g>");
    let frontier = r.tiers.first().map_or("", |t| t.model.as_str());
    let large = r.tiers.get(1).map_or("", |t| t.model.as_str());
    let rows: [BarRow; 3] = [
        (
            "Hybrid plan".into(),
            r.tiers
                .iter()
                .map(|t| (t.usd_per_month, usize::from(t.tier.clamp(1, 3) - 1)))
                .collect(),
            r.hybrid_usd_per_month,
            "/hybrid_usd_per_month",
        ),
        (
            format!("All on {}", model_name(catalog, frontier)),
            vec![(r.all_frontier_usd_per_month, 0)],
            r.all_frontier_usd_per_month,
            "/all_frontier_usd_per_month",
        ),
        (
            format!("All on {}", model_name(catalog, large)),
            vec![(r.all_self_hosted_usd_per_month, 1)],
            r.all_self_hosted_usd_per_month,
            "/all_self_hosted_usd_per_month",
        ),
    ];
    for (i, (label, parts, total, key)) in rows.iter().enumerate() {
        let top = 16.0 + ROW * i as f64;
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"name\">{}</text>",
            c(LEFT - 8.0),
            c(top + 17.0),
            escape(label)
        ));
        let mut at = 0.0;
        for (usd, tier) in parts {
            if *usd > 0.0 {
                s.push_str(&format!(
                    "<rect class=\"t{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"24\" \
                     fill=\"{}\"/>",
                    tier + 1,
                    c(x.at(at)),
                    c(top),
                    c((x.at(at + usd) - x.at(at)).max(1.0)),
                    TIER_COLOURS[*tier]
                ));
            }
            at += usd;
        }
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\">{}</text>",
            c(x.at(*total) + 8.0),
            c(top + 17.0),
            tspan(key, Some(*total), &format_usd(*total))
        ));
    }
    s.push_str("</svg>");
    s
}

/// The legend of the tier colours.
pub fn tier_legend() -> String {
    let mut s = String::from("<ul class=\"legend\">");
    for (i, name) in TIER_NAMES.iter().enumerate() {
        s.push_str(&format!(
            "<li><svg viewBox=\"0 0 22 10\" aria-hidden=\"true\"><rect class=\"t{0}\" width=\"22\" \
             height=\"10\" fill=\"{1}\"/></svg><span class=\"label\">Tier {0}</span> {2}</li>",
            i + 1,
            TIER_COLOURS[i],
            name
        ));
    }
    s.push_str("</ul>");
    s
}

fn runs_on(catalog: &Catalog, i: usize, settings: &TierSettings) -> String {
    match settings {
        TierSettings::Api(a) => format!(
            "API, {}/M blended",
            data(
                &format!("/tiers/{i}/settings/blended_usd_per_million"),
                Some(a.blended_usd_per_million),
                &format_price(a.blended_usd_per_million)
            )
        ),
        TierSettings::SelfHosted(h) => {
            let gpu = catalog
                .gpu(&h.gpu)
                .map_or(h.gpu.as_str(), |g| g.name.as_str());
            format!(
                "<span class=\"name\">{}</span>, {}, {}",
                escape(gpu),
                data_text(&format!("/tiers/{i}/settings/mode"), h.mode),
                data_text(&format!("/tiers/{i}/settings/precision"), h.precision)
            )
        }
    }
}

pub fn tiers_table(r: &PlanReport, catalog: &Catalog) -> String {
    let mut s = String::from(
        "<div class=\"table\"><table><thead><tr><th>Tier</th><th>Model</th><th>Runs on</th>\
         <th class=\"n\">Tokens a day</th><th class=\"n\">Input</th><th class=\"n\">GPUs</th>\
         <th class=\"n\">Per month</th></tr></thead><tbody>",
    );
    for (i, t) in r.tiers.iter().enumerate() {
        let name = usize::from(t.tier)
            .checked_sub(1)
            .and_then(|k| TIER_NAMES.get(k))
            .unwrap_or(&"");
        let gpus = match t.settings {
            TierSettings::Api(_) => "—".to_string(),
            TierSettings::SelfHosted(_) => data(
                &format!("/tiers/{i}/gpus"),
                Some(f64::from(t.gpus)),
                &t.gpus.to_string(),
            ),
        };
        s.push_str(&format!(
            "<tr><td><span class=\"label\">{}</span> {name}</td><td class=\"name\">{}</td>\
             <td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{gpus}</td>\
             <td class=\"n\">{}</td></tr>",
            t.tier,
            escape(model_name(catalog, &t.model)),
            runs_on(catalog, i, &t.settings),
            data(
                &format!("/tiers/{i}/tokens_per_day"),
                Some(t.tokens_per_day),
                &format_tokens(t.tokens_per_day)
            ),
            data(
                &format!("/tiers/{i}/input_share"),
                Some(t.input_share),
                &percent(t.input_share)
            ),
            data(
                &format!("/tiers/{i}/usd_per_month"),
                Some(t.usd_per_month),
                &format_usd_full(t.usd_per_month)
            ),
        ));
    }
    s.push_str("</tbody></table></div>");
    s
}

pub fn use_cases_table(r: &PlanReport) -> String {
    if r.use_cases.is_empty() {
        return "<p class=\"missing\">The scenario has no use cases: all its volume is billed \
                at the overall input share.</p>"
            .into();
    }
    let mut s = String::from(
        "<div class=\"table\"><table><thead><tr><th>Use case</th><th class=\"n\">Share</th>\
         <th class=\"n\">Input</th><th>Sensitivity</th><th>Quality</th><th class=\"n\">Tier</th>\
         </tr></thead><tbody>",
    );
    for (i, u) in r.use_cases.iter().enumerate() {
        s.push_str(&format!(
            "<tr><td class=\"name\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            escape(&u.name),
            data(
                &format!("/use_cases/{i}/share"),
                Some(u.share),
                &percent(u.share)
            ),
            data(
                &format!("/use_cases/{i}/input_share"),
                Some(u.input_share),
                &percent(u.input_share)
            ),
            data_text(&format!("/use_cases/{i}/sensitivity"), u.sensitivity),
            data_text(&format!("/use_cases/{i}/quality"), u.quality),
            data(
                &format!("/use_cases/{i}/tier"),
                Some(f64::from(u.tier)),
                &u.tier.to_string()
            ),
        ));
    }
    s.push_str("</tbody></table></div>");
    s
}

//! The cheapest compliant plan's part of the page: its cost beside the current plan's, what
//! moved and why, and the volume bands (which plan is cheapest from which volume) as a strip
//! on a log axis with the hybrid break-even marked.

use super::escape::escape_line;
use super::svg::{Scale, c, data, decade_ticks};
use crate::domain::optimize::doc::PlanDoc;
use crate::domain::units::{format_tokens, format_usd_full};

const W: f64 = 720.0;
const LEFT: f64 = 16.0;
const RIGHT: f64 = 704.0;
/// Band fills, light; the stylesheet's --b0.. override them.
const BAND_COLOURS: [&str; 4] = ["#cfe3f1", "#f6d5bf", "#cdeee2", "#efd6e6"];

pub fn section(out: &mut String, d: &PlanDoc) {
    let now = d.current.usd_per_month;
    match &d.optimal {
        Some(o) => {
            out.push_str(&format!(
                "<p>The cheapest plan that every rule allows costs {} a month, against {} for \
                 the plan as set{}.</p>",
                data(
                    "/optimal/usd_per_month",
                    Some(o.plan.usd_per_month),
                    &format_usd_full(o.plan.usd_per_month)
                ),
                data("/hybrid_usd_per_month", Some(now), &format_usd_full(now)),
                if o.exhaustive {
                    "; every split of the use cases was tried"
                } else {
                    ""
                }
            ));
            if o.moved.is_empty() {
                out.push_str("<p>The plan as set is already the cheapest compliant one.</p>");
            } else {
                out.push_str(
                    "<div class=\"table\"><table><thead><tr><th>Use case</th><th>From</th>\
                     <th>To</th><th>Why</th></tr></thead><tbody>",
                );
                for (i, m) in o.moved.iter().enumerate() {
                    out.push_str(&format!(
                        "<tr><td class=\"name\">{}</td><td class=\"name\">tier {} · {}</td>\
                         <td class=\"name\">tier {} · {}</td><td>{}</td></tr>",
                        escape_line(&m.use_case),
                        m.from.tier,
                        escape_line(&m.from.deployment.model),
                        m.to.tier,
                        escape_line(&m.to.deployment.model),
                        super::svg::data_text(&format!("/optimal/moved/{i}/why"), &m.why)
                    ));
                }
                out.push_str("</tbody></table></div>");
            }
        }
        None => {
            out.push_str("<p class=\"missing\">No plan satisfies every rule:</p><ul>");
            for s in &d.no_compliant_plan {
                out.push_str(&format!(
                    "<li><span class=\"name\">{}</span>: {}</li>",
                    escape_line(&s.use_case),
                    escape_line(&s.reasons.join("; "))
                ));
            }
            out.push_str("</ul>");
        }
    }
    if let Some(v) = d.hybrid_break_even_tokens_per_day {
        out.push_str(&format!(
            "<p>The hybrid plan costs less than everything on the frontier API from {} tokens a \
             day.</p>",
            data(
                "/hybrid_break_even_tokens_per_day",
                Some(v),
                &format_tokens(v)
            )
        ));
    }
    if !d.thresholds.is_empty() {
        out.push_str("<figure>");
        out.push_str(&bands(d));
        out.push_str("<ol class=\"legend bands\">");
        for (i, t) in d.thresholds.iter().enumerate() {
            let k = |f: &str| format!("/thresholds/{i}/{f}");
            let from = t.from_tokens_per_day;
            let to = t.to_tokens_per_day;
            out.push_str(&format!(
                "<li><svg viewBox=\"0 0 22 10\" aria-hidden=\"true\"><rect class=\"b{}\" \
                 width=\"22\" height=\"10\" fill=\"{}\"/></svg><span>{}–{}: {}</span></li>",
                i % 4,
                BAND_COLOURS[i % 4],
                data(&k("from_tokens_per_day"), Some(from), &format_tokens(from)),
                data(&k("to_tokens_per_day"), Some(to), &format_tokens(to)),
                super::svg::data_text(&k("summary"), &t.summary)
            ));
        }
        out.push_str("</ol>");
        out.push_str(
            "<figcaption>Which compliant plan is cheapest at each volume, tokens a day on a \
             log scale; the line marks where the hybrid plan starts to cost less than \
             everything on the frontier API.</figcaption></figure>",
        );
    }
}

fn bands(d: &PlanDoc) -> String {
    let lo = d
        .thresholds
        .first()
        .map_or(1e3, |t| t.from_tokens_per_day)
        .max(1.0);
    let hi = d
        .thresholds
        .last()
        .map_or(1e11, |t| t.to_tokens_per_day)
        .max(lo * 10.0);
    let x = Scale::log(lo, hi, LEFT, RIGHT);
    let h = 64.0;
    let mut s = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {W} {}\" role=\"img\" aria-labelledby=\"bands-title\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title id=\"bands-title\">The cheapest compliant \
         plan by volume</title>",
        c(h)
    );
    for (i, t) in d.thresholds.iter().enumerate() {
        let (x0, x1) = (x.at(t.from_tokens_per_day), x.at(t.to_tokens_per_day));
        s.push_str(&format!(
            "<rect class=\"b{}\" x=\"{}\" y=\"8\" width=\"{}\" height=\"26\" fill=\"{}\"/>",
            i % 4,
            c(x0),
            c((x1 - x0).max(1.0)),
            BAND_COLOURS[i % 4]
        ));
    }
    if let Some(v) = d
        .hybrid_break_even_tokens_per_day
        .filter(|v| x.contains(*v))
    {
        let px = c(x.at(v));
        s.push_str(&format!(
            "<line class=\"base\" x1=\"{px}\" x2=\"{px}\" y1=\"4\" y2=\"38\" stroke=\"#1c2128\" \
             stroke-width=\"2\"/>"
        ));
    }
    s.push_str("<g class=\"axis\" fill=\"#57606a\">");
    for v in decade_ticks(lo.log10().ceil() as i32, hi.log10().floor() as i32, 9) {
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>",
            c(x.at(v)),
            c(h - 6.0),
            format_tokens(v)
        ));
    }
    s.push_str("</g></svg>");
    s
}

//! The break-even chart as inline SVG: monthly cost against daily volume, both on log axes,
//! one straight line per compared API model, the self-hosted staircase, the crossings marked
//! and labelled, and the scenario's volume as a dashed line.

use super::escape::escape;
use super::svg::{Scale, c, decade_ticks, tspan};
use crate::domain::breakeven::{VOLUME_MAX, VOLUME_MIN, log_volumes, staircase_steps};
use crate::domain::cost::{Deployment, api_monthly_cost_at, self_host_cost};
use crate::domain::scenario_report::BreakevenReport;
use crate::domain::units::{format_tokens, format_usd};

const W: f64 = 720.0;
const H: f64 = 380.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 46.0;
/// More steps than this and the staircase is drawn from sampled costs instead.
const MAX_STEPS: usize = 1500;
const SAMPLES: usize = 320;

/// The light colours of the series, as SVG attributes for readers that drop the stylesheet.
pub const SERIES_COLOURS: [&str; 4] = ["#0072b2", "#d55e00", "#009e73", "#cc79a7"];
pub const HOST_COLOUR: &str = "#1c2128";

/// The volume range shown: a decade either side of the scenario's volume and every crossing,
/// in whole decades, inside the model's range.
fn x_range(report: &BreakevenReport) -> (f64, f64) {
    let mut marks = vec![report.tokens_per_day];
    for a in &report.api {
        marks.extend(a.break_even_tokens_per_day);
        marks.extend(a.stays_cheaper_from_tokens_per_day);
    }
    let logs = marks
        .iter()
        .filter(|v| v.is_finite() && **v > 0.0)
        .map(|v| v.log10());
    let lo = logs.clone().fold(f64::MAX, f64::min) - 1.0;
    let hi = logs.fold(f64::MIN, f64::max) + 1.0;
    let lo = lo.floor().max(VOLUME_MIN.log10());
    let hi = hi.ceil().min(VOLUME_MAX.log10()).max(lo + 1.0);
    (10f64.powf(lo), 10f64.powf(hi))
}

/// The self-hosted staircase as (volume, monthly cost) corners from `lo` to `hi`.
fn host_points(d: &Deployment, lo: f64, hi: f64) -> Vec<(f64, f64)> {
    match staircase_steps(d, lo, hi, MAX_STEPS) {
        Some(steps) => {
            let mut out = Vec::with_capacity(steps.len() * 2 + 1);
            for (i, (v, cost)) in steps.iter().enumerate() {
                if i > 0 {
                    out.push((*v, out.last().map_or(*cost, |p: &(f64, f64)| p.1)));
                }
                out.push((*v, *cost));
            }
            let last = out.last().map_or(0.0, |p| p.1);
            out.push((hi, last));
            out
        }
        None => log_volumes(SAMPLES, lo, hi)
            .into_iter()
            .map(|v| (v, self_host_cost(d, v).usd_per_month))
            .collect(),
    }
}

/// The chart, or `None` when there is nothing to draw (no API line and no deployment).
pub fn breakeven_chart(
    report: &BreakevenReport,
    deployment: Option<&Deployment>,
    api_names: &[String],
    host_name: &str,
) -> Option<String> {
    if report.api.is_empty() && deployment.is_none() {
        return None;
    }
    let (lo, hi) = x_range(report);
    let host = deployment.map(|d| host_points(d, lo, hi));
    let mut costs: Vec<f64> = host.iter().flatten().map(|p| p.1).collect();
    for a in &report.api {
        costs.push(api_monthly_cost_at(a.blended_usd_per_million, lo));
        costs.push(api_monthly_cost_at(a.blended_usd_per_million, hi));
    }
    let costs = costs.into_iter().filter(|v| v.is_finite() && *v > 0.0);
    let y_max = costs.clone().fold(1.0, f64::max);
    // Two decades under the cheapest self-hosted bill is room enough to see the API lines
    // approach it; lower costs say nothing about the choice.
    let floor = host
        .iter()
        .flatten()
        .map(|p| p.1 / 100.0)
        .reduce(f64::min)
        .unwrap_or(1.0);
    let y_min = costs.fold(f64::MAX, f64::min).max(floor).clamp(1.0, y_max);
    let (ylo_exp, yhi_exp) = (
        y_min.log10().floor() as i32,
        (y_max.log10().ceil() as i32).max(y_min.log10().floor() as i32 + 1),
    );
    let (ylo, yhi) = (10f64.powi(ylo_exp), 10f64.powi(yhi_exp));
    let x = Scale::log(lo, hi, LEFT, W - RIGHT);
    let y = Scale::log(ylo, yhi, H - BOTTOM, TOP);

    let mut s = String::new();
    s.push_str(&format!(
        "<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"be-title\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title id=\"be-title\">Monthly cost against tokens \
         a day, both on log scales: each API model's line, the self-hosted staircase and where \
         they cross</title>"
    ));
    axes(&mut s, &x, &y, lo, hi, ylo_exp, yhi_exp);
    // The scenario's volume.
    let now = report.tokens_per_day;
    let nx = c(x.at(now));
    s.push_str(&format!(
        "<line class=\"now\" x1=\"{nx}\" x2=\"{nx}\" y1=\"{}\" y2=\"{}\" stroke=\"#57606a\" \
         stroke-dasharray=\"5 4\"/><text x=\"{}\" y=\"{}\" class=\"muted\">now {}/day</text>",
        c(TOP),
        c(H - BOTTOM),
        c(x.at(now) + 5.0),
        c(TOP + 15.0),
        tspan("/breakeven/tokens_per_day", Some(now), &format_tokens(now))
    ));
    for (i, a) in report.api.iter().enumerate() {
        let slot = i % SERIES_COLOURS.len();
        let b = a.blended_usd_per_million;
        // Start where the line enters the cost axis.
        let start = (ylo * 1e6 / (30.0 * b)).max(lo);
        if b > 0.0 && start < hi {
            s.push_str(&format!(
                "<line class=\"line s{slot}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" \
                 stroke=\"{}\" stroke-width=\"2.5\"><title>{}</title></line>",
                c(x.at(start)),
                c(y.at(api_monthly_cost_at(b, start))),
                c(x.at(hi)),
                c(y.at(api_monthly_cost_at(b, hi))),
                SERIES_COLOURS[slot],
                escape(api_names.get(i).map_or("", String::as_str))
            ));
        }
    }
    if let Some(points) = &host {
        let mut d = String::new();
        for (k, (v, cost)) in points.iter().enumerate() {
            let cmd = if k == 0 { 'M' } else { 'L' };
            d.push_str(&format!("{cmd}{} {}", c(x.at(*v)), c(y.at(*cost))));
        }
        s.push_str(&format!(
            "<path class=\"line host\" d=\"{d}\" stroke=\"{HOST_COLOUR}\" stroke-width=\"3\" \
             fill=\"none\" stroke-linejoin=\"round\"><title>{}</title></path>",
            escape(host_name)
        ));
    }
    crossings(&mut s, report, &x, &y);
    s.push_str("</svg>");
    Some(s)
}

fn axes(s: &mut String, x: &Scale, y: &Scale, lo: f64, hi: f64, ylo: i32, yhi: i32) {
    s.push_str("<g class=\"grid\">");
    let xt = decade_ticks(lo.log10().round() as i32, hi.log10().round() as i32, 9);
    let yt = decade_ticks(ylo, yhi, 7);
    for v in &xt {
        let px = c(x.at(*v));
        s.push_str(&format!(
            "<line x1=\"{px}\" x2=\"{px}\" y1=\"{}\" y2=\"{}\" stroke=\"#e3e7eb\"/>",
            c(TOP),
            c(H - BOTTOM)
        ));
    }
    for v in &yt {
        let py = c(y.at(*v));
        s.push_str(&format!(
            "<line x1=\"{}\" x2=\"{}\" y1=\"{py}\" y2=\"{py}\" stroke=\"#e3e7eb\"/>",
            c(LEFT),
            c(W - RIGHT)
        ));
    }
    s.push_str("</g>");
    s.push_str(&format!(
        "<rect class=\"frame\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" \
         stroke=\"#d0d7de\"/><g class=\"axis\" fill=\"#57606a\">",
        c(LEFT),
        c(TOP),
        c(W - RIGHT - LEFT),
        c(H - BOTTOM - TOP)
    ));
    for v in &xt {
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            c(x.at(*v)),
            c(H - BOTTOM + 17.0),
            format_tokens(*v)
        ));
    }
    for v in &yt {
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            c(LEFT - 6.0),
            c(y.at(*v) + 4.0),
            format_usd(*v)
        ));
    }
    s.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">tokens a day (log scale)</text>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"start\">cost a month (log scale)</text></g>",
        c((LEFT + W - RIGHT) / 2.0),
        c(H - 8.0),
        c(LEFT),
        c(TOP - 10.0)
    ));
}

/// A dot where each API line meets the staircase, labelled with the volume; a ring where
/// self-hosting stays cheaper for good, when that comes later.
fn crossings(s: &mut String, report: &BreakevenReport, x: &Scale, y: &Scale) {
    // Labels already placed, as (left, top, right, bottom), so the next one moves up clear.
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    for (i, a) in report.api.iter().enumerate() {
        let slot = i % SERIES_COLOURS.len();
        let colour = SERIES_COLOURS[slot];
        let b = a.blended_usd_per_million;
        let mut mark = |v: f64, field: &str, filled: bool| {
            if !x.contains(v) {
                return;
            }
            let (px, py) = (x.at(v), y.at(api_monthly_cost_at(b, v)));
            let fill = if filled { colour } else { "none" };
            s.push_str(&format!(
                "<circle class=\"cross s{slot}\" cx=\"{}\" cy=\"{}\" r=\"5.5\" fill=\"{fill}\" \
                 stroke=\"{colour}\" stroke-width=\"2\"{}/>",
                c(px),
                c(py),
                if filled { "" } else { " style=\"fill:none\"" }
            ));
            let text = format_tokens(v);
            let width = 7.5 * text.len() as f64;
            let mut base = py - 9.0;
            let clear = |b: f64, placed: &[(f64, f64, f64, f64)]| {
                let (l, t, r, btm) = (px - 8.0 - width, b - 13.0, px - 6.0, b + 2.0);
                placed
                    .iter()
                    .all(|p| r < p.0 || l > p.2 || btm < p.1 || t > p.3)
            };
            while !clear(base, &placed) && base > TOP + 14.0 {
                base -= 15.0;
            }
            placed.push((px - 8.0 - width, base - 13.0, px - 6.0, base + 2.0));
            s.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"f{slot}\" \
                 fill=\"{colour}\">{}</text>",
                c(px - 8.0),
                c(base),
                tspan(&format!("/breakeven/api/{i}/{field}"), Some(v), &text)
            ));
        };
        if let Some(v) = a.break_even_tokens_per_day {
            mark(v, "break_even_tokens_per_day", true);
        }
        match (
            a.break_even_tokens_per_day,
            a.stays_cheaper_from_tokens_per_day,
        ) {
            (Some(be), Some(st)) if st > be => mark(st, "stays_cheaper_from_tokens_per_day", false),
            _ => {}
        }
    }
}

//! Tornado charts as inline SVG: one row per input, a bar from the answer at the scenario's
//! inputs to the answer with the input lowered (one colour) and raised (the other), the
//! largest effect on top. Drawn for the break-even volume (log scale, "never" past the end)
//! and for the hybrid plan's monthly cost (linear dollars).

use super::escape::escape;
use super::svg::{Scale, c, decade_ticks, linear_ticks, tspan, tspan_text};
use crate::domain::breakeven::VOLUME_MAX;
use crate::domain::scenario_report::{BreakevenTornado, HybridTornadoReport};
use crate::domain::sensitivity::decades;
use crate::domain::units::{format_tokens, format_usd};

const W: f64 = 720.0;
const LABEL_RIGHT: f64 = 250.0;
const PLOT_LEFT: f64 = 262.0;
const PLOT_RIGHT: f64 = 706.0;
const ROW: f64 = 34.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 28.0;
pub const LOW_COLOUR: &str = "#0072b2";
pub const HIGH_COLOUR: &str = "#d55e00";

/// One input: its name and value (markup), each end's position and label (markup).
struct Row {
    label: String,
    low: f64,
    high: f64,
    low_text: String,
    high_text: String,
}

struct Axis {
    scale: Scale,
    base: f64,
    base_text: String,
    ticks: Vec<(f64, String)>,
}

fn draw(id: &str, title: &str, rows: &[Row], axis: &Axis) -> String {
    let h = TOP + ROW * rows.len() as f64 + BOTTOM;
    let x = &axis.scale;
    let mut s = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {W} {}\" role=\"img\" aria-labelledby=\"{id}\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}\">{}</title><g class=\"grid\">",
        c(h),
        escape(title)
    );
    for (v, _) in &axis.ticks {
        s.push_str(&format!(
            "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#e3e7eb\"/>",
            c(x.at(*v)),
            c(TOP - 4.0),
            c(h - BOTTOM)
        ));
    }
    s.push_str("</g><g class=\"axis\" fill=\"#57606a\">");
    for (v, text) in &axis.ticks {
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            c(x.at(*v)),
            c(h - BOTTOM + 17.0),
            escape(text)
        ));
    }
    s.push_str("</g>");
    for (i, r) in rows.iter().enumerate() {
        let mid = TOP + ROW * i as f64 + ROW / 2.0;
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            c(LABEL_RIGHT),
            c(mid + 4.5),
            r.label
        ));
        let b = x.at(axis.base);
        let ends = [
            (r.low, "low", LOW_COLOUR, &r.low_text),
            (r.high, "high", HIGH_COLOUR, &r.high_text),
        ];
        for (k, (end, class, colour, _)) in ends.iter().enumerate() {
            let e = x.at(*end);
            let (left, width) = (b.min(e), (e - b).abs().max(1.5));
            // Lowered on the upper half of the row, raised on the lower: both show even when
            // they point the same way.
            s.push_str(&format!(
                "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"9\" \
                 fill=\"{colour}\"/>",
                c(left),
                c(mid - 9.0 + 9.0 * k as f64),
                c(width)
            ));
        }
        // The leftmost end's label to the left of the bars, the other to the right.
        let (first, second) = if x.at(r.low) <= x.at(r.high) {
            (&ends[0], &ends[1])
        } else {
            (&ends[1], &ends[0])
        };
        let left_edge = x.at(first.0).min(b) - 6.0;
        let right_edge = x.at(second.0).max(b) + 6.0;
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\" class=\"{}\">{}</text>\
             <text x=\"{}\" y=\"{}\" font-size=\"12\" class=\"{}\">{}</text>",
            c(left_edge),
            c(mid + 4.0),
            first.1,
            first.3,
            c(right_edge),
            c(mid + 4.0),
            second.1,
            second.3
        ));
    }
    let b = c(x.at(axis.base));
    s.push_str(&format!(
        "<line class=\"base\" x1=\"{b}\" x2=\"{b}\" y1=\"{}\" y2=\"{}\" stroke=\"#1c2128\" \
         stroke-width=\"1.5\"/><text x=\"{b}\" y=\"{}\" text-anchor=\"middle\">{}</text></svg>",
        c(TOP - 6.0),
        c(h - BOTTOM),
        c(TOP - 10.0),
        axis.base_text
    ));
    s
}

/// `[lo, hi]` widened so the bars take the middle half and the end labels fit either side;
/// `min_span` keeps a range where nothing moves from collapsing.
fn padded(lo: f64, hi: f64, min_span: f64) -> (f64, f64) {
    let span = (hi - lo).max(min_span).max(1e-9);
    (lo - span * 0.55, hi + span * 0.55)
}

/// Tick positions (log10 of volumes) at 1, 2 and 5 times powers of ten inside `[lo, hi]`,
/// thinned to whole decades when there are too many.
fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let fine: Vec<f64> = (lo.floor() as i32..=hi.ceil() as i32)
        .flat_map(|e| [1.0, 2.0, 5.0].map(|m| (m * 10f64.powi(e)).log10()))
        .filter(|d| *d >= lo && *d <= hi)
        .collect();
    if fine.len() <= 7 {
        return fine;
    }
    decade_ticks(lo.ceil() as i32, hi.floor() as i32, 7)
        .into_iter()
        .map(f64::log10)
        .collect()
}

/// Break-even volumes on a log scale; "never" sits a decade past the largest volume.
pub fn breakeven_tornado(t: &BreakevenTornado) -> String {
    let base = decades(t.break_even_tokens_per_day);
    let mut lo = base;
    let mut hi = base;
    let rows: Vec<Row> = t
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let key = format!("/what_moves/breakeven/bars/{i}");
            let (low, high) = (
                decades(b.low_break_even_tokens_per_day),
                decades(b.high_break_even_tokens_per_day),
            );
            lo = lo.min(low).min(high);
            hi = hi.max(low).max(high);
            let end = |value: &str, v: Option<f64>, side: &str| {
                format!(
                    "{}: {}",
                    tspan_text(&format!("{key}/{side}_value"), value),
                    tspan(
                        &format!("{key}/{side}_break_even_tokens_per_day"),
                        v,
                        &v.map_or("never".into(), format_tokens)
                    )
                )
            };
            Row {
                label: format!(
                    "{} ({})",
                    escape(b.input),
                    tspan_text(&format!("{key}/value"), &b.value)
                ),
                low,
                high,
                low_text: end(&b.low_value, b.low_break_even_tokens_per_day, "low"),
                high_text: end(&b.high_value, b.high_break_even_tokens_per_day, "high"),
            }
        })
        .collect();
    // Room on both sides for the end labels.
    let (lo, hi) = padded(lo, hi, 0.05);
    let never = decades(None);
    let mut ticks: Vec<(f64, String)> = log_ticks(lo, hi)
        .into_iter()
        .filter(|d| *d <= VOLUME_MAX.log10() + 1e-9)
        .map(|d| (d, format_tokens(10f64.powf(d))))
        .collect();
    if never <= hi {
        ticks.push((never, "never".into()));
    }
    let base_text = format!(
        "now {}",
        tspan(
            "/what_moves/breakeven/break_even_tokens_per_day",
            t.break_even_tokens_per_day,
            &t.break_even_tokens_per_day
                .map_or("never".into(), format_tokens)
        )
    );
    draw(
        "tornado-be",
        "What moves the break-even volume: each input lowered and raised",
        &rows,
        &Axis {
            scale: Scale::linear(lo, hi, PLOT_LEFT, PLOT_RIGHT),
            base,
            base_text,
            ticks,
        },
    )
}

/// The hybrid plan's monthly cost on a linear dollar scale.
pub fn hybrid_tornado(t: &HybridTornadoReport) -> String {
    let mut lo = t.usd_per_month;
    let mut hi = t.usd_per_month;
    let rows: Vec<Row> = t
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let key = format!("/what_moves/hybrid/bars/{i}");
            lo = lo.min(b.low_usd_per_month).min(b.high_usd_per_month);
            hi = hi.max(b.low_usd_per_month).max(b.high_usd_per_month);
            let end = |value: &str, v: f64, side: &str| {
                format!(
                    "{}: {}",
                    tspan_text(&format!("{key}/{side}_value"), value),
                    tspan(
                        &format!("{key}/{side}_usd_per_month"),
                        Some(v),
                        &format_usd(v)
                    )
                )
            };
            let tier = b.tier.map_or("all".to_string(), |t| format!("tier {t}"));
            Row {
                label: format!(
                    "<tspan class=\"label\">{tier}</tspan> {} ({})",
                    escape(b.input),
                    tspan_text(&format!("{key}/value"), &b.value)
                ),
                low: b.low_usd_per_month,
                high: b.high_usd_per_month,
                low_text: end(&b.low_value, b.low_usd_per_month, "low"),
                high_text: end(&b.high_value, b.high_usd_per_month, "high"),
            }
        })
        .collect();
    let (lo, hi) = padded(lo, hi, hi.abs() * 0.02);
    let lo = lo.max(0.0);
    let ticks = linear_ticks(hi, 6)
        .into_iter()
        .filter(|v| *v >= lo)
        .map(|v| (v, format_usd(v)))
        .collect();
    let base_text = format!(
        "now {}/month",
        tspan(
            "/what_moves/hybrid/usd_per_month",
            Some(t.usd_per_month),
            &format_usd(t.usd_per_month)
        )
    );
    draw(
        "tornado-plan",
        "What moves the hybrid plan's monthly cost: each input lowered and raised",
        &rows,
        &Axis {
            scale: Scale::linear(lo, hi, PLOT_LEFT, PLOT_RIGHT),
            base: t.usd_per_month,
            base_text,
            ticks,
        },
    )
}

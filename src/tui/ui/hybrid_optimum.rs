//! Under pane 3's totals: the cheapest compliant plan beside the current one (its cost, the
//! saving, how many use cases it moves, the key that applies it) and the bands of the cheapest
//! plan over 1K to 100B tokens a day as a strip, the scenario's volume marked. An answer
//! computed for other inputs is never shown as current: the line says it is being worked out.

use super::parts;
use super::parts::first_fit;
use crate::domain::breakeven::{VOLUME_MAX, VOLUME_MIN};
use crate::domain::optimize::{Analysis, Band, Outcome};
use crate::domain::units::{format_tokens, format_usd};
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    if area.height == 0 {
        return;
    }
    let t = &app.chrome.theme;
    let s = &app.doc.scenario;
    let w = usize::from(area.width);
    let current = app.optimum.current(s);
    let summary = match (current, &app.optimum.done) {
        (Some(a), _) => summary(app, a, w),
        (None, Some(done)) if !app.optimum.is_stale(s) => match &done.result {
            Err(e) => Line::from(Span::styled(
                first_fit(&[format!(" Plan search: {e}")], w),
                t.bad,
            )),
            Ok(_) => Line::from(""),
        },
        _ => Line::from(Span::styled(
            first_fit(
                &[
                    " Cheapest compliant plan: being worked out for these inputs…".to_string(),
                    " Cheapest plan: working…".to_string(),
                ],
                w,
            ),
            t.muted,
        )),
    };
    let line_area = Rect { height: 1, ..area };
    parts::put_paragraph(frame.buffer_mut(), line_area, [&summary], Style::default());
    if area.height >= 2
        && let Some(a) = current
    {
        let strip = strip(app, &a.bands, w);
        let strip_area = Rect {
            y: area.y + 1,
            height: 1,
            ..area
        };
        parts::put_paragraph(frame.buffer_mut(), strip_area, [&strip], Style::default());
    }
}

/// `Cheapest compliant $4.5K/mo · saves $6.3K (58%) · moves 7 use cases · O applies`.
fn summary<'a>(app: &App, a: &Analysis, w: usize) -> Line<'a> {
    let t = &app.chrome.theme;
    let now = app.hybrid.plan().map(|p| p.hybrid_usd_per_month);
    match &a.outcome {
        Outcome::Optimal(o) => {
            let best = o.plan.hybrid_usd_per_month;
            let cost = format_usd(best);
            let moved = o.moves.len();
            if moved == 0 {
                let text = first_fit(
                    &[
                        format!(" Cheapest compliant plan: this one ({cost}/month)"),
                        format!(" Cheapest: this one ({cost})"),
                    ],
                    w,
                );
                return Line::from(Span::styled(text, t.good));
            }
            let saving = now.map_or(String::new(), |n| {
                let pct = if n > 0.0 { (n - best) / n * 100.0 } else { 0.0 };
                format!(" · saves {} ({pct:.0}%)", format_usd(n - best))
            });
            let plural = if moved == 1 { "" } else { "s" };
            let text = first_fit(
                &[
                    format!(
                        " Cheapest compliant plan {cost}/month{saving} · moves {moved} use case{plural} · F why · O applies"
                    ),
                    format!(" Cheapest compliant {cost}/mo{saving} · moves {moved} · O applies"),
                    format!(" Best {cost}{saving} · O"),
                ],
                w,
            );
            Line::from(Span::styled(text, t.accent))
        }
        Outcome::NoCompliantPlan(stuck) => {
            let names: Vec<&str> = stuck.iter().map(|s| s.use_case.as_str()).collect();
            let text = first_fit(
                &[
                    format!(
                        " No compliant plan: {} has no compliant place (tierwise plan --optimize says why)",
                        names.join(", ")
                    ),
                    format!(" No compliant plan: {}", names.join(", ")),
                ],
                w,
            );
            Line::from(Span::styled(text, t.bad))
        }
    }
}

/// The bands along a logarithmic volume axis, alternating glyphs and colours, the scenario's
/// volume as `▲`, the ends labelled.
fn strip<'a>(app: &App, bands: &[Band], w: usize) -> Line<'a> {
    let t = &app.chrome.theme;
    let (left, right) = (" 1K ", " 100B");
    let inner = w.saturating_sub(left.len() + right.len());
    if inner < 8 || bands.is_empty() {
        return Line::from("");
    }
    let span = (VOLUME_MAX / VOLUME_MIN).log10();
    let column = |v: f64| ((v / VOLUME_MIN).log10() / span * inner as f64) as usize;
    let here = column(app.doc.scenario.workload.tokens_per_day).min(inner - 1);
    let mut spans = vec![Span::styled(left, t.muted)];
    for x in 0..inner {
        let v = VOLUME_MIN * 10f64.powf((x as f64 + 0.5) / inner as f64 * span);
        let k = bands.iter().rposition(|b| b.from <= v).unwrap_or(0);
        let (glyph, style) = if x == here {
            ("▲", t.warn)
        } else if k % 2 == 0 {
            ("━", t.accent)
        } else {
            ("─", t.text)
        };
        spans.push(Span::styled(glyph, style));
    }
    spans.push(Span::styled(right, t.muted));
    Line::from(spans)
}

/// ` · pays from 64.4M/day` for the totals line: the hybrid break-even against all-frontier
/// (and all-self-hosted when room), from the current answer only.
pub fn break_even_text(app: &App, long: bool) -> Option<String> {
    let a = app.optimum.current(&app.doc.scenario)?;
    let be = &a.break_even;
    let f = be
        .vs_frontier
        .map_or("never".to_string(), |v| format!("{}/day", format_tokens(v)));
    Some(if long {
        let s = be
            .vs_self_hosted
            .map_or("never all-self-hosted".to_string(), |v| {
                format!("all-self-hosted from {}/day", format_tokens(v))
            });
        let f = be
            .vs_frontier
            .map_or("never beats all-API".to_string(), |v| {
                format!("beats all-API from {}/day", format_tokens(v))
            });
        format!("{f}, {s}")
    } else {
        format!("pays from {f}")
    })
}

/// The optimum's moves, each with its reason, and the bands over volume: the top of the `F`
/// list while the answer is current.
pub fn why_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = &app.chrome.theme;
    let Some(a) = app.optimum.current(&app.doc.scenario) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let wrapped = |text: String, style: Style, out: &mut Vec<Line<'static>>| {
        for (i, l) in super::parts::wrap(&text, width.saturating_sub(4))
            .into_iter()
            .enumerate()
        {
            let indent = if i == 0 { " " } else { "   " };
            out.push(Line::from(Span::styled(format!("{indent}{l}"), style)));
        }
    };
    match &a.outcome {
        Outcome::Optimal(o) if o.moves.is_empty() => {
            wrapped(
                "The plan is already the cheapest compliant one.".into(),
                t.good,
                &mut out,
            );
        }
        Outcome::Optimal(o) => {
            wrapped(
                format!(
                    "Cheapest compliant plan: {} a month. What moves (O applies it):",
                    format_usd(o.plan.hybrid_usd_per_month)
                ),
                t.header,
                &mut out,
            );
            for m in &o.moves {
                wrapped(
                    format!(
                        "• {}: {} → {} — {}",
                        m.use_case,
                        m.from.describe(),
                        m.to.describe(),
                        m.why
                    ),
                    t.text,
                    &mut out,
                );
            }
        }
        Outcome::NoCompliantPlan(stuck) => {
            wrapped("No compliant plan:".into(), t.bad, &mut out);
            for s in stuck {
                wrapped(
                    format!("• {}: {}", s.use_case, s.reasons.join("; ")),
                    t.text,
                    &mut out,
                );
            }
        }
    }
    out.push(Line::from(""));
    wrapped("Where the answer changes:".into(), t.header, &mut out);
    for b in &a.bands {
        wrapped(
            format!(
                "• {} to {}/day: {}",
                format_tokens(b.from),
                format_tokens(b.to),
                b.summary
            ),
            t.text,
            &mut out,
        );
    }
    out.push(Line::from(""));
    out
}

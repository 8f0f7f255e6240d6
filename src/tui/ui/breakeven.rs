//! Pane 2: sliders on the left; on the right the chart, the notes under it (a loaded preset's
//! stated-versus-computed figures, compliance findings) and the table. At small sizes the
//! chart shrinks first and the table drops whole columns rather than cutting numbers.

use super::chart::{self, BAND, Legend, glyph};
use super::parts;
use super::parts::fit;
use crate::domain::preset::{Comparison, StatedKind};
use crate::domain::rules::Severity;
use crate::domain::uncertainty::BreakEvenRange;
use crate::domain::units::{format_tokens, format_usd};
use crate::tui::app::App;
use crate::tui::breakeven::{BreakEvenView, per_million};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use unicode_width::UnicodeWidthStr;

mod lines;
use lines::{deploy_lines, fit_label};

/// The smallest chart worth drawing (legend, plot, axis labels), and the height below which
/// the table's verdict lines give way to it.
const MIN_CHART: u16 = 7;
const ROOMY_CHART: u16 = 10;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.chrome.theme;
    let pane = &app.breakeven;
    // The slider list keeps about 30 columns (its right edge is the border); the rest is the
    // chart and the table.
    let left_w = (area.width * 3 / 10).clamp(30, 44);
    let left = Rect {
        width: left_w,
        ..area
    };
    let right = Rect {
        x: area.x + left_w + 1,
        width: area.width.saturating_sub(left_w + 1),
        ..area
    };
    let block = Block::new().borders(Borders::RIGHT).border_style(t.border);
    let inner = block.inner(left);
    frame.render_widget(block, left);
    super::sliders::draw(
        frame,
        inner,
        t,
        &pane.view.sliders,
        pane.list.selected,
        pane.editor.as_ref(),
    );
    draw_right(frame, right, t, &pane.view);
}

/// The status line of the pane: the inputs a room needs to see at a glance.
pub fn status_text(app: &App) -> String {
    let s = &app.doc.scenario;
    let w = &s.workload;
    let region = app
        .ctx
        .rules
        .region(&s.region)
        .map_or(s.region.as_str(), |r| r.name.as_str());
    let sector = app
        .ctx
        .rules
        .sector(&s.sector)
        .map_or(s.sector.as_str(), |r| r.name.as_str());
    let mut text = format!(
        " {} tokens/day · {:.0}% input · {region} · {sector}",
        format_tokens(w.tokens_per_day),
        w.input_share * 100.0
    );
    let zoom = app.breakeven.zoom;
    if zoom != 0 {
        text.push_str(&format!(" · zoom {zoom:+}"));
    }
    text
}

fn draw_right(frame: &mut Frame, area: Rect, t: &Theme, view: &BreakEvenView) {
    let width = usize::from(area.width);
    let verdict_column = width >= 76;
    let deploy = deploy_lines(view, width, t, if area.height >= 30 { 2 } else { 1 });
    let problems = view.api_problems.len() as u16 + u16::from(view.deployment_error.is_some());
    let base_table = 1 + view.apis.len() as u16 + problems + deploy.len() as u16;
    let notes = notes(view, t);
    // A loaded preset's stated-versus-computed lines matter more than the verdict lines.
    let note_cap: u16 = match (area.height >= 30, view.preset.is_some()) {
        (true, _) => 8,
        (false, true) => 4,
        (false, false) => 2,
    };
    let mut note_rows = (notes.len() as u16).min(note_cap);
    // Verdicts go on their own lines under each row when the table is too narrow for them,
    // as long as the chart keeps its minimum height.
    let verdict_rows = if verdict_column {
        0
    } else {
        view.apis.len() as u16
    };
    let mut table_rows = base_table + verdict_rows;
    if area.height < table_rows + note_rows + ROOMY_CHART {
        table_rows = base_table;
    }
    // With bands on, a line of sources under each row that has a range, when there is room
    // (the explanation, `x`, always has them).
    let ranged = if view.bands {
        view.apis.iter().filter(|a| a.range.is_some()).count() as u16
    } else {
        0
    };
    let source_lines = ranged > 0 && area.height >= table_rows + ranged + note_rows + ROOMY_CHART;
    if source_lines {
        table_rows += ranged;
    }
    while note_rows > 1 && area.height < table_rows + note_rows + MIN_CHART {
        note_rows -= 1;
    }
    let table_h = table_rows.min(area.height);
    let chart_h = area.height.saturating_sub(table_h + note_rows);
    let chart_area = Rect {
        height: chart_h,
        ..area
    };
    if let Some(data) = &view.chart {
        let legend: Vec<Legend> = view
            .apis
            .iter()
            .map(|a| Legend {
                slot: a.slot,
                name: &a.name,
            })
            .collect();
        let self_host = view.deployment.as_ref().map(|d| d.name.as_str());
        chart::draw(frame, chart_area, t, data, &legend, self_host);
    }
    let notes_area = Rect {
        y: area.y + chart_h,
        height: note_rows,
        ..area
    };
    draw_notes(frame, notes_area, notes, t);
    let table_area = Rect {
        y: area.y + chart_h + note_rows,
        height: table_h,
        ..area
    };
    let with_verdict_lines =
        !verdict_column && table_rows > base_table + ranged * u16::from(source_lines);
    draw_table(
        frame,
        table_area,
        t,
        view,
        deploy,
        verdict_column,
        with_verdict_lines,
        source_lines,
    );
}

fn stated_value(c: &Comparison) -> String {
    let Some(v) = c.computed else {
        return "never in range".into();
    };
    match c.stated.what {
        StatedKind::SelfHostUsdPerMillion => format!("{}/M", per_million(v)),
        StatedKind::BreakEven { .. } => format!("{} tokens/day", format_tokens(v)),
        _ => format!("{}/month", format_usd(v)),
    }
}

/// The preset's comparisons then the findings, each one line, worst finding first.
fn notes<'a>(view: &'a BreakEvenView, t: &Theme) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    if let Some(p) = &view.preset {
        for c in &p.comparisons {
            let ratio = c.ratio().map_or(String::new(), |r| format!(" ({r:.2}×)"));
            // The numbers first, so a narrow screen cuts the article's wording, not them.
            out.push(Line::from(vec![
                Span::styled("computed ", t.muted),
                Span::styled(format!("{}{ratio}", stated_value(c)), t.accent),
                Span::styled(" · stated: ", t.muted),
                Span::styled(c.stated.text.clone(), t.text),
            ]));
        }
        if p.moved {
            out.push(Line::from(Span::styled(
                "  (computed at the preset's own inputs; the sliders have moved since)",
                t.muted,
            )));
        }
    }
    for f in &view.findings {
        let style = match f.severity {
            Severity::Block => t.bad,
            Severity::Warn => t.warn,
            Severity::Info => t.muted,
        };
        out.push(Line::from(vec![
            Span::styled(format!("[{}] ", f.severity.as_str()), style),
            Span::styled(format!("{}: ", f.subject), t.text),
            Span::styled(f.message.clone(), t.text),
            Span::styled(format!(" ({})", f.source), t.muted),
        ]));
    }
    out
}

fn draw_notes(frame: &mut Frame, area: Rect, notes: Vec<Line>, t: &Theme) {
    if area.height == 0 {
        return;
    }
    let rows = usize::from(area.height);
    let total = notes.len();
    let mut shown: Vec<Line> = notes.into_iter().take(rows).collect();
    if total > rows {
        shown.pop();
        shown.push(Line::from(Span::styled(
            format!("+{} more", total - rows + 1),
            t.muted,
        )));
    }
    let width = usize::from(area.width);
    let lines: Vec<Line> = shown.into_iter().map(|l| cut_line(l, width)).collect();
    parts::put_paragraph(frame.buffer_mut(), area, &lines, Style::default());
}

/// A line cut to `width` columns, ending in "…" when cut.
fn cut_line(line: Line, width: usize) -> Line {
    let mut used = 0;
    let mut out = Vec::new();
    for span in line.spans {
        let w = span.content.width();
        if used + w <= width {
            used += w;
            out.push(span);
        } else {
            let rest = width.saturating_sub(used);
            if rest > 0 {
                out.push(Span::styled(fit(&span.content, rest), span.style));
            }
            break;
        }
    }
    Line::from(out)
}

#[allow(clippy::too_many_arguments)]
fn draw_table(
    frame: &mut Frame,
    area: Rect,
    t: &Theme,
    view: &BreakEvenView,
    deploy: Vec<Line<'static>>,
    verdict_column: bool,
    verdict_lines: bool,
    source_lines: bool,
) {
    let width = usize::from(area.width);
    // Numbers are never cut: a column that does not fit is left out. With bands on, the range
    // of break-evens comes before the monthly bill and replaces "stays from".
    let cols: [(&str, usize); 4] = if view.bands {
        [
            ("$/M", 6),
            ("break-even", 10),
            ("range", RANGE_W),
            ("/month", 7),
        ]
    } else {
        [
            ("$/M", 6),
            ("/month", 7),
            ("break-even", 10),
            ("stays from", 10),
        ]
    };
    let numbers: usize = cols.iter().map(|(_, w)| w + 1).sum();
    let name_w = if verdict_column {
        20
    } else {
        width.saturating_sub(numbers + 2).clamp(8, 24)
    };
    let keep = cols
        .iter()
        .scan(name_w + 2, |used, (h, w)| {
            *used += w + 1;
            Some((*h, *w, *used <= width))
        })
        .filter(|(_, _, fits)| *fits)
        .map(|(h, w, _)| (h, w))
        .collect::<Vec<_>>();
    let verdict_w =
        width.saturating_sub(name_w + 2 + keep.iter().map(|(_, w)| w + 1).sum::<usize>() + 1);
    let mut lines = Vec::new();
    let mut header = vec![Span::styled(
        format!("  {:<name_w$}", "API model"),
        t.header,
    )];
    for (h, w) in &keep {
        header.push(Span::styled(format!(" {h:>w$}"), t.header));
    }
    if verdict_column {
        header.push(Span::styled(
            format!("  {:<verdict_w$}", "verdict"),
            t.header,
        ));
    }
    lines.push(Line::from(header));
    for a in &view.apis {
        let style = t.series[a.slot % t.series.len()];
        let x = &a.crossover;
        let be = x
            .break_even_tokens_per_day
            .map_or("never".into(), format_tokens);
        let stays = x
            .stays_cheaper_from_tokens_per_day
            .map_or("never".into(), format_tokens);
        let values = if view.bands {
            [
                per_million(a.blended),
                be,
                a.range.as_ref().map_or_else(|| "-".into(), range_text),
                format_usd(a.usd_per_month),
            ]
        } else {
            [
                per_million(a.blended),
                format_usd(a.usd_per_month),
                be,
                stays,
            ]
        };
        let mut spans = vec![
            Span::styled(format!("{} ", glyph(a.slot)), style),
            Span::styled(format!("{:<name_w$}", fit_label(&a.name, name_w)), style),
        ];
        for ((_, w), v) in keep.iter().zip(values) {
            spans.push(Span::styled(format!(" {v:>w$}"), t.text));
        }
        if verdict_column {
            let text = if a.verdict.width() <= verdict_w {
                &a.verdict
            } else {
                &a.short_verdict
            };
            spans.push(Span::styled(
                format!("  {}", fit(text, verdict_w)),
                verdict_style(t, &a.verdict),
            ));
        }
        lines.push(Line::from(spans));
        if verdict_lines {
            let room = width.saturating_sub(4);
            let text = if a.verdict.width() <= room {
                &a.verdict
            } else {
                &a.short_verdict
            };
            lines.push(Line::from(Span::styled(
                format!("    {}", fit(text, room)),
                verdict_style(t, &a.verdict),
            )));
        }
        if let Some(r) = a.range.as_ref().filter(|_| source_lines) {
            let text = format!(
                "{BAND} {}: {} · {}: {}",
                describe(r.low),
                r.low_sources.join(", "),
                describe(r.high),
                r.high_sources.join(", ")
            );
            lines.push(Line::from(Span::styled(
                format!("    {}", fit(&text, width.saturating_sub(4))),
                t.muted,
            )));
        }
    }
    for p in &view.api_problems {
        lines.push(Line::from(Span::styled(
            format!("  {}", fit(p, width - 2)),
            t.bad,
        )));
    }
    if let Some(e) = &view.deployment_error {
        lines.push(Line::from(Span::styled(
            format!("  self-hosted: {}", fit(e, width.saturating_sub(15))),
            t.bad,
        )));
    }
    lines.extend(deploy);
    parts::put_paragraph(frame.buffer_mut(), area, &lines, Style::default());
}

/// Width of the range column: "100.0M–never".
const RANGE_W: usize = 13;

fn describe(v: Option<f64>) -> String {
    v.map_or_else(|| "never".into(), format_tokens)
}

/// "8.1M–55M": the earliest and latest break-even the sources allow.
fn range_text(r: &BreakEvenRange) -> String {
    format!("{}–{}", describe(r.low), describe(r.high))
}

fn verdict_style(t: &Theme, verdict: &str) -> Style {
    if verdict.starts_with("self-host") {
        t.good
    } else {
        t.text
    }
}

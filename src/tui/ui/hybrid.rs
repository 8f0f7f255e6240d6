//! The hybrid pane: the shared workload on one line, the three tier boxes, the use-case table,
//! the totals and the findings. Only reads the state and the plan cached by `update`.

use super::parts;
use super::parts::{first_fit, fit};
use super::{hybrid_findings, hybrid_optimum, hybrid_tiers, usecase_table};
use crate::domain::units::{format_tokens, format_usd};
use crate::tui::app::App;
use crate::tui::layout::{HybridParts, hybrid_parts};
use crate::tui::usecase_edit::{UcField, UseCaseEdit, percent};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// Where each part of the pane goes in `area`.
pub fn layout(area: Rect, app: &App) -> HybridParts {
    let findings = app.hybrid.plan().map_or(1, |p| p.findings.len());
    hybrid_parts(area, app.doc.scenario.use_cases.len(), findings)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let parts = layout(area, app);
    header(frame, parts.header, app);
    hybrid_tiers::draw(frame, parts.tiers, app);
    usecase_table::draw(frame, parts.table, app);
    totals(frame, parts.totals, app);
    hybrid_optimum::draw(frame, parts.optimum, app);
    hybrid_findings::draw_strip(frame, parts.findings, app);
}

fn header(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.chrome.theme;
    let s = &app.doc.scenario;
    let w = &s.workload;
    let region = app
        .ctx
        .rules
        .region(&s.region)
        .map_or(s.region.as_str(), |r| &r.name);
    let sector = app
        .ctx
        .rules
        .sector(&s.sector)
        .map_or(s.sector.as_str(), |r| &r.name);
    let volume = format_tokens(w.tokens_per_day);
    // The plan bills each use case at its own input share, so the workload's input share is
    // their token-weighted mix, not pane 2's single figure.
    let (long, short) = match app.hybrid.plan() {
        Some(plan) => {
            let mix = percent(plan.tiers.iter().map(|t| t.share * t.input_share).sum());
            (
                format!("input {mix} (use-case mix)"),
                format!("input mix {mix}"),
            )
        }
        None => {
            let input = percent(w.input_share);
            (format!("input {input}"), format!("input {input}"))
        }
    };
    let options = [
        format!(" Workload {volume} tokens/day · {long} · {region} · {sector}  (set in pane 2)"),
        format!(" Workload {volume} tokens/day · {long} · {region} · {sector}"),
        format!(
            " {volume} tokens/day · {short} · {} · {}",
            s.region, s.sector
        ),
        format!(" {volume}/day · {short} · {} · {}", s.region, s.sector),
    ];
    let text = first_fit(&options, usize::from(area.width));
    let line = Line::from(Span::styled(text, t.text));
    parts::put_paragraph(frame.buffer_mut(), area, [&line], Style::default());
}

fn totals(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.chrome.theme;
    let Some(p) = app.hybrid.plan() else {
        let msg = " Totals unavailable until the plan's inputs are fixed (see the tier boxes)";
        let line = Line::from(Span::styled(fit(msg, usize::from(area.width)), t.bad));
        parts::put_paragraph(frame.buffer_mut(), area, [&line], Style::default());
        return;
    };
    let hybrid = format_usd(p.hybrid_usd_per_month);
    let frontier = format_usd(p.all_frontier_usd_per_month);
    let hosted = format_usd(p.all_self_hosted_usd_per_month);
    let (savings, savings_style) = match p.savings_vs_frontier {
        Some(s) if s >= 0.0 => (format!("saves {:.0}%", s * 100.0), t.good),
        Some(s) => (format!("costs {:.0}% more", -s * 100.0), t.bad),
        None => ("saves —".into(), t.muted),
    };
    let gpus = format!(
        "{} GPU{}",
        p.gpus_total,
        if p.gpus_total == 1 { "" } else { "s" }
    );
    let w = usize::from(area.width);
    // Longest labels first; numbers stay whole.
    let variants: [[&str; 4]; 3] = [
        [
            " Hybrid ",
            "/month  vs all-frontier ",
            "  all-self-hosted ",
            "  ·  ",
        ],
        [" Hybrid ", "/mo · all-API ", " · all-self ", " · "],
        [" ", " · API ", " · self ", " · "],
    ];
    let build = |v: &[&str; 4]| {
        vec![
            Span::styled(v[0].to_string(), t.header),
            Span::styled(hybrid.clone(), t.accent),
            Span::styled(v[1].to_string(), t.muted),
            Span::styled(frontier.clone(), t.text),
            Span::styled(v[2].to_string(), t.muted),
            Span::styled(hosted.clone(), t.text),
            Span::styled(v[3].to_string(), t.muted),
            Span::styled(savings.clone(), savings_style),
            Span::styled(v[3].to_string(), t.muted),
            Span::styled(gpus.clone(), t.text),
        ]
    };
    let width = |s: &Vec<Span>| s.iter().map(|s| s.content.width()).sum::<usize>();
    // The break-even from the plan search, when its answer is for these inputs and fits.
    let with_break_even = |long: bool, v: &[&str; 4]| {
        let mut spans = build(v);
        if !long && v == &variants[2] {
            // The narrowest form gives the GPU count's room to the break-even.
            spans.truncate(spans.len() - 2);
        }
        let text = hybrid_optimum::break_even_text(app, long)?;
        spans.push(Span::styled(v[3].to_string(), t.muted));
        spans.push(Span::styled(text, t.text));
        Some(spans)
    };
    // The break-even first (long, then short, each with the longest labels that fit), then
    // the totals alone.
    let spans = variants
        .iter()
        .map(|v| with_break_even(true, v))
        .chain(variants.iter().map(|v| with_break_even(false, v)))
        .flatten()
        .chain(variants.iter().map(build))
        .find(|s| width(s) <= w)
        .unwrap_or_else(|| build(&variants[2]));
    let line = Line::from(spans);
    parts::put_paragraph(frame.buffer_mut(), area, [&line], Style::default());
}

/// The status line of the pane when there is no notice.
pub fn status_text(app: &App) -> String {
    let s = &app.doc.scenario;
    let mut text = format!(" {} use cases", s.use_cases.len());
    if let Some(v) = &app.hybrid.view {
        let [b, w, i] = v.counts;
        text.push_str(&format!(" · findings: {b} block, {w} warn, {i} info"));
    }
    if app.doc.session.undo_len() > 0 {
        text.push_str(" · u undoes");
    }
    text
}

/// The field editor of the selected use case, over the pane.
pub fn draw_edit(frame: &mut Frame, body: Rect, app: &App, edit: &UseCaseEdit) {
    let t = &app.chrome.theme;
    let Some(case) = app.doc.scenario.use_cases.get(app.hybrid.selected) else {
        return;
    };
    let share = app
        .hybrid
        .plan()
        .and_then(|p| p.shares.get(app.hybrid.selected).copied())
        .unwrap_or(case.use_case.share);
    let extra = usize::from(edit.text.is_some()) * 2;
    let note = case.use_case.note.as_deref().unwrap_or("");
    let h = (UcField::ALL.len() + 2 + extra + 3) as u16;
    let area = super::parts::centered(body, 72, h);
    let buf = frame.buffer_mut();
    Clear.render(area, buf);
    let title = format!(" Edit: {} ", fit(&case.use_case.name, 50));
    Block::bordered()
        .border_style(t.accent)
        .title(Span::styled(title, t.title))
        .render(area, buf);
    let inner = Block::bordered().inner(area);
    let label_w = 20;
    let value_w = usize::from(inner.width).saturating_sub(label_w + 3);
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, field) in UcField::ALL.iter().enumerate() {
        let selected = i == edit.field;
        let style = if selected { t.selection } else { t.text };
        let value = match (&edit.text, selected) {
            (Some(text), true) => {
                let before: String = text.text.chars().take(text.cursor).collect();
                cursor = Some((
                    inner.x + (label_w + 3) as u16 + before.width() as u16,
                    inner.y + lines.len() as u16,
                ));
                text.text.clone()
            }
            _ => {
                let v = field.value(case, share);
                if field.is_typed() {
                    v
                } else {
                    format!("‹ {v} ›")
                }
            }
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {:<label_w$}  ", field.label()), style),
            Span::styled(fit(&value, value_w), style),
        ]));
    }
    lines.push(Line::from(""));
    if let Some(text) = &edit.text {
        let field = edit.current();
        match &text.error {
            Some(e) => lines.push(Line::from(Span::styled(
                format!(" {}", fit(e, usize::from(inner.width).saturating_sub(1))),
                t.bad,
            ))),
            None => lines.push(Line::from(Span::styled(
                format!(" type {}; Enter applies, Esc cancels", field.typed_help()),
                t.muted,
            ))),
        }
        lines.push(Line::from(""));
    }
    let hint = " ↑/↓ field · ←/→ change · Enter type or cycle · u undo · Esc close";
    lines.push(Line::from(Span::styled(
        fit(hint, usize::from(inner.width)),
        t.muted,
    )));
    if !note.is_empty() {
        lines.push(Line::from(Span::styled(
            fit(&format!(" {note}"), usize::from(inner.width)),
            t.muted,
        )));
    }
    parts::put_paragraph(frame.buffer_mut(), inner, &lines, Style::default());
    if let Some((x, y)) = cursor
        && x < inner.right()
    {
        frame.set_cursor_position(Position::new(x, y));
    }
}

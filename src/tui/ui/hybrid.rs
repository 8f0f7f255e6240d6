//! The hybrid pane: the shared workload on one line, the three tier boxes, the use-case table,
//! the totals and the findings. Only reads the state and the plan cached by `update`.

use super::parts::{first_fit, fit, section, tier_style, wrap};
use super::{cells, hybrid_findings, hybrid_tiers};
use crate::domain::units::{format_tokens, format_usd};
use crate::tui::app::App;
use crate::tui::hybrid::Focus;
use crate::tui::layout::{HybridParts, hybrid_parts};
use crate::tui::usecase_edit::{UcField, UseCaseEdit, percent};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use std::fmt::Write;
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
    table(frame, parts.table, app);
    totals(frame, parts.totals, app);
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
    cells::put_paragraph(frame.buffer_mut(), area, [&line], Style::default());
}

/// Columns of the use-case table, richest first; the first whose name column keeps at least
/// `min_name` cells is used, so numbers are never cut: columns are dropped instead.
#[derive(Clone, Copy, PartialEq)]
enum Col {
    Share,
    Input,
    Sensitivity(bool),
    Quality(bool),
    Needs,
    Tier,
    Cost(bool),
}

const LAYOUTS: &[(usize, &[Col])] = &[
    (
        40,
        &[
            Col::Share,
            Col::Input,
            Col::Sensitivity(true),
            Col::Quality(true),
            Col::Needs,
            Col::Tier,
            Col::Cost(true),
        ],
    ),
    (
        34,
        &[
            Col::Share,
            Col::Input,
            Col::Sensitivity(true),
            Col::Quality(true),
            Col::Tier,
            Col::Cost(false),
        ],
    ),
    (
        18,
        &[
            Col::Share,
            Col::Sensitivity(true),
            Col::Quality(true),
            Col::Tier,
            Col::Cost(false),
        ],
    ),
    (
        12,
        &[
            Col::Share,
            Col::Sensitivity(false),
            Col::Quality(false),
            Col::Tier,
            Col::Cost(false),
        ],
    ),
    (0, &[Col::Share, Col::Tier, Col::Cost(false)]),
];

impl Col {
    fn width(self) -> usize {
        match self {
            Col::Share | Col::Input => 5,
            Col::Sensitivity(true) => 12,
            Col::Sensitivity(false) => 5,
            Col::Quality(true) => 8,
            Col::Quality(false) => 5,
            Col::Needs => 24,
            Col::Tier => 4,
            Col::Cost(true) => 12,
            Col::Cost(false) => 7,
        }
    }

    fn header(self) -> &'static str {
        match self {
            Col::Share => "share",
            Col::Input => "input",
            Col::Sensitivity(true) => "sensitivity",
            Col::Sensitivity(false) => "data",
            Col::Quality(true) => "quality",
            Col::Quality(false) => "qual",
            Col::Needs => "needs",
            Col::Tier => "tier",
            Col::Cost(_) => "$/month",
        }
    }

    fn numeric(self) -> bool {
        matches!(self, Col::Share | Col::Input | Col::Cost(_))
    }
}

/// The use-case table, written straight into the buffer in the order ratatui's `Table` writes
/// it: table style, header style and text, then each row's style and cells, then the
/// highlight of the selected row.
fn table(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.chrome.theme;
    let pane = &app.hybrid;
    let focused = pane.focus == Focus::Table;
    let count = app.doc.scenario.use_cases.len();
    let buf = frame.buffer_mut();
    let inner = section(buf, area, &format!("Use cases ({count})"), focused, t);
    let width = usize::from(inner.width).saturating_sub(1);
    let longest = app
        .doc
        .scenario
        .use_cases
        .iter()
        .map(|c| c.use_case.name.width())
        .max()
        .unwrap_or(8)
        .max(8);
    let (cols, name_w) = LAYOUTS
        .iter()
        .find_map(|(min, cols)| {
            let used: usize = cols.iter().map(|c| c.width() + 1).sum();
            let name = width.saturating_sub(used);
            // Beyond what the longest name needs, spare room stays on the right.
            (name >= *min).then_some((*cols, name.min(longest.max(*min))))
        })
        .unwrap_or((LAYOUTS[LAYOUTS.len() - 1].1, 4));
    let used = (name_w + cols.iter().map(|c| c.width() + 1).sum::<usize>()) as u16;
    let area = Rect {
        x: inner.x + 1,
        width: used.min(inner.width.saturating_sub(1)),
        ..inner
    };
    if !area.is_empty() {
        rows(buf, area, app, cols, name_w);
    }
    // Wide screens: what the selected use case is and where its defaults come from.
    let spare = Rect {
        x: area.right() + 3,
        width: inner.right().saturating_sub(area.right() + 4),
        ..inner
    };
    if spare.width >= 40 {
        about(buf, spare, app);
    }
}

/// The header and the visible rows of the use-case table in `area`.
fn rows(buf: &mut Buffer, area: Rect, app: &App, cols: &[Col], name_w: usize) {
    let t = &app.chrome.theme;
    let pane = &app.hybrid;
    let focused = pane.focus == Focus::Table;
    let widths: Vec<u16> = std::iter::once(name_w as u16)
        .chain(cols.iter().map(|c| c.width() as u16))
        .collect();
    let columns = cells::column_areas(&widths, area.width);
    let cell = |i: usize, y: u16| Rect::new(area.x + columns[i].x, y, columns[i].width, 1);
    cells::fill_style(buf, area, t.text);
    cells::fill_style(buf, Rect { height: 1, ..area }, t.header);
    cells::put_line(
        buf,
        cell(0, area.y),
        &[("use case", Style::default())],
        false,
    );
    for (i, c) in cols.iter().enumerate() {
        let header = [(c.header(), Style::default())];
        cells::put_line(buf, cell(i + 1, area.y), &header, c.numeric());
    }
    let plan = pane.plan();
    let shares = crate::domain::hybrid::normalized_shares(&app.doc.scenario.use_cases);
    let visible = usize::from(area.height - 1);
    let shown: Vec<_> = app
        .doc
        .scenario
        .use_cases
        .iter()
        .enumerate()
        .skip(pane.offset)
        .take(visible)
        .collect();
    let mut text = String::new();
    for (row, (i, case)) in shown.iter().enumerate() {
        let (i, u) = (*i, &case.use_case);
        let y = area.y + 1 + row as u16;
        if !focused && i == pane.selected {
            cells::fill_style(
                buf,
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                t.accent,
            );
        }
        let name = fit(&u.name, name_w);
        cells::put_line(buf, cell(0, y), &[(&name, Style::default())], false);
        let cost = plan.and_then(|p| p.use_case_usd_per_month.get(i).copied());
        for (k, c) in cols.iter().enumerate() {
            text.clear();
            match c {
                Col::Share => text.push_str(&percent(shares[i])),
                Col::Input => text.push_str(&percent(u.input_share)),
                Col::Sensitivity(true) => text.push_str(u.sensitivity.as_str()),
                Col::Sensitivity(false) => text.extend(u.sensitivity.as_str().chars().take(5)),
                Col::Quality(true) => text.push_str(u.quality.as_str()),
                Col::Quality(false) => text.extend(u.quality.as_str().chars().take(5)),
                Col::Needs => {
                    for (n, need) in u.needs.iter().enumerate() {
                        if n > 0 {
                            text.push_str(", ");
                        }
                        text.push_str(need.as_str());
                    }
                }
                Col::Tier => {
                    let _ = write!(text, "T{}", case.tier);
                }
                Col::Cost(full) => match cost {
                    Some(v) if *full => text.push_str(&crate::domain::units::format_usd_full(v)),
                    Some(v) => text.push_str(&format_usd(v)),
                    None => text.push('—'),
                },
            }
            let style = match c {
                Col::Sensitivity(_) if u.sensitivity.as_str() == "regulated" => t.warn,
                Col::Tier => tier_style(case.tier, t),
                _ => Style::default(),
            };
            let shown = crate::domain::text::truncate_to_width(&text, c.width());
            cells::put_line(buf, cell(k + 1, y), &[(&shown, style)], c.numeric());
        }
    }
    // The table keeps the selection on its last row at the latest.
    if let Some(selected) = focused
        .then(|| pane.selected.checked_sub(pane.offset))
        .flatten()
        && !shown.is_empty()
    {
        let y = area.y + 1 + selected.min(shown.len() - 1) as u16;
        cells::fill_style(
            buf,
            Rect {
                y,
                height: 1,
                ..area
            },
            t.selection,
        );
    }
}

fn about(buf: &mut Buffer, area: Rect, app: &App) {
    let t = &app.chrome.theme;
    let Some(case) = app.doc.scenario.use_cases.get(app.hybrid.selected) else {
        return;
    };
    let u = &case.use_case;
    let width = usize::from(area.width);
    let mut lines = vec![Line::from(Span::styled(fit(&u.name, width), t.header))];
    let note = u
        .note
        .as_deref()
        .unwrap_or("Your own use case: Enter edits its fields.");
    for l in wrap(note, width) {
        lines.push(Line::from(Span::styled(l, t.text)));
    }
    if let Some(id) = &u.source {
        let source = match app.ctx.catalog.source(id) {
            Some(s) => format!("source: {} — {}, {} [{id}]", s.title, s.publisher, s.date),
            None => format!("source: [{id}]"),
        };
        for l in wrap(&source, width) {
            lines.push(Line::from(Span::styled(l, t.muted)));
        }
    }
    cells::put_paragraph(buf, area, &lines, Style::default());
}

fn totals(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.chrome.theme;
    let Some(p) = app.hybrid.plan() else {
        let msg = " Totals unavailable until the plan's inputs are fixed (see the tier boxes)";
        let line = Line::from(Span::styled(fit(msg, usize::from(area.width)), t.bad));
        cells::put_paragraph(frame.buffer_mut(), area, [&line], Style::default());
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
    let spans = variants
        .iter()
        .map(build)
        .find(|s| s.iter().map(|s| s.content.width()).sum::<usize>() <= w)
        .unwrap_or_else(|| build(&variants[2]));
    let line = Line::from(spans);
    cells::put_paragraph(frame.buffer_mut(), area, [&line], Style::default());
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
    cells::clear(buf, area);
    let title = format!(" Edit: {} ", fit(&case.use_case.name, 50));
    cells::border(buf, area, Borders::ALL, t.accent, &[(&title, t.title)]);
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
    cells::put_paragraph(frame.buffer_mut(), inner, &lines, Style::default());
    if let Some((x, y)) = cursor
        && x < inner.right()
    {
        frame.set_cursor_position(Position::new(x, y));
    }
}

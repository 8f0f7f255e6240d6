//! The hybrid pane's use-case table, a widget with its column layout: the columns that fit the
//! width, richest first, and the rows written straight into the buffer (a hot path: it is
//! redrawn on every key).

use super::cells;
use super::parts;
use super::parts::{fit, section, tier_style, wrap};
use crate::domain::format::{Money, money};
use crate::domain::scenario::PlannedUseCase;
use crate::tui::app::App;
use crate::tui::hybrid::Focus;
use crate::tui::theme::Theme;
use crate::tui::usecase_edit::percent;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

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

/// The use-case table as a widget over the inside of its section: the columns that fit the
/// width, then the header and the visible rows, written straight into the buffer in the order
/// ratatui's `Table` writes them (table style, header style and text, each row's style and
/// cells, then the highlight of the selected row).
pub struct UseCaseTable<'a> {
    pub cases: &'a [PlannedUseCase],
    /// Each use case's monthly cost, when the plan resolves.
    pub costs: Option<&'a [f64]>,
    /// First visible row and the selected one (indices into `cases`).
    pub offset: usize,
    pub selected: usize,
    pub focused: bool,
    pub theme: &'a Theme,
}

impl UseCaseTable<'_> {
    /// The richest column set whose name column keeps its minimum in `width` cells, and the
    /// name column's width.
    fn layout(&self, width: usize) -> (&'static [Col], usize) {
        let longest = self
            .cases
            .iter()
            .map(|c| c.use_case.name.width())
            .max()
            .unwrap_or(8)
            .max(8);
        LAYOUTS
            .iter()
            .find_map(|(min, cols)| {
                let used: usize = cols.iter().map(|c| c.width() + 1).sum();
                let name = width.saturating_sub(used);
                // Beyond what the longest name needs, spare room stays on the right.
                (name >= *min).then_some((*cols, name.min(longest.max(*min))))
            })
            .unwrap_or((LAYOUTS[LAYOUTS.len() - 1].1, 4))
    }

    /// Where the table goes inside `inner`: one cell in, as wide as its columns.
    pub fn area(&self, inner: Rect) -> Rect {
        let (cols, name_w) = self.layout(usize::from(inner.width).saturating_sub(1));
        let used = (name_w + cols.iter().map(|c| c.width() + 1).sum::<usize>()) as u16;
        Rect {
            x: inner.x + 1,
            width: used.min(inner.width.saturating_sub(1)),
            ..inner
        }
    }
}

impl Widget for UseCaseTable<'_> {
    fn render(self, inner: Rect, buf: &mut Buffer) {
        let (cols, name_w) = self.layout(usize::from(inner.width).saturating_sub(1));
        let area = self.area(inner);
        if !area.is_empty() {
            self.rows(buf, area, cols, name_w);
        }
    }
}

/// Pane 3's use-case section: the table and, on wide screens, what the selected use case is.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.chrome.theme;
    let pane = &app.hybrid;
    let cases = &app.doc.scenario.use_cases;
    let table = UseCaseTable {
        cases,
        costs: pane.plan().map(|p| p.use_case_usd_per_month.as_slice()),
        offset: pane.offset,
        selected: pane.selected,
        focused: pane.focus == Focus::Table,
        theme: t,
    };
    let buf = frame.buffer_mut();
    let title = format!("Use cases ({})", cases.len());
    let inner = section(buf, area, &title, table.focused, t);
    let area = table.area(inner);
    table.render(inner, buf);
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

impl UseCaseTable<'_> {
    /// The header and the visible rows in `area`.
    fn rows(&self, buf: &mut Buffer, area: Rect, cols: &[Col], name_w: usize) {
        let t = self.theme;
        let focused = self.focused;
        let widths: Vec<u16> = std::iter::once(name_w as u16)
            .chain(cols.iter().map(|c| c.width() as u16))
            .collect();
        let columns = parts::column_areas(&widths, area.width);
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
        let shares = crate::domain::hybrid::normalized_shares(self.cases);
        let visible = usize::from(area.height - 1);
        let shown: Vec<_> = self
            .cases
            .iter()
            .enumerate()
            .skip(self.offset)
            .take(visible)
            .collect();
        let mut text = String::new();
        for (row, (i, case)) in shown.iter().enumerate() {
            let (i, u) = (*i, &case.use_case);
            let y = area.y + 1 + row as u16;
            if !focused && i == self.selected {
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
            let cost = self.costs.and_then(|c| c.get(i).copied());
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
                        Some(v) if *full => text.push_str(&money(v, Money::Full)),
                        Some(v) => text.push_str(&money(v, Money::Compact)),
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
            .then(|| self.selected.checked_sub(self.offset))
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
    parts::put_paragraph(buf, area, &lines, Style::default());
}

//! The comparison view: one column per marked model, one row per attribute. The best value in
//! each row is highlighted, rows where every model agrees are dimmed, unknowns say so.

use super::parts;
use crate::domain::text::truncate_to_width;
use crate::tui::app::App;
use crate::tui::compare::{CompareRow, models, rows};
use crate::tui::format::UNKNOWN;
use crate::tui::layout::max_scroll;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Clear;
use ratatui::widgets::{Block, Borders};
use std::borrow::Cow;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, focus: usize, scroll: usize) {
    let t = &app.chrome.theme;
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(t.border)
        .title(Span::styled(" Comparison ", t.title))
        .title(Span::styled(" bold = best · dim = all equal ", t.muted));
    let inner = block.inner(area);
    // A top border touches only the first row.
    frame.render_widget(
        block,
        Rect {
            height: area.height.min(1),
            ..area
        },
    );
    let cat = &app.catalogue;
    let ms = models(&app.ctx.catalog, &cat.marks);
    let label_w: u16 = 16;
    let n = ms.len().max(1) as u16;
    let col_w = (inner.width.saturating_sub(label_w) / n)
        .saturating_sub(1)
        .clamp(8, 40);
    let w = usize::from(col_w);

    // The table, written as ratatui's `Table` writes it (see `cells`): its style over the
    // whole area, a header row, then the rows that fit.
    let buf = frame.buffer_mut();
    buf.set_style(inner, t.text);
    if inner.is_empty() {
        return;
    }
    let widths: Vec<u16> = std::iter::once(label_w)
        .chain(ms.iter().map(|_| col_w))
        .collect();
    let columns = parts::column_areas(&widths, inner.width);
    let cell = |i: usize, y: u16| {
        let c = columns[i];
        Rect::new(inner.x + c.x, y, c.width, 1)
    };
    for (i, m) in ms.iter().enumerate().take(columns.len().saturating_sub(1)) {
        let style = if i == focus { t.selection } else { t.header };
        let name = truncate_to_width(&m.name, w);
        parts::put_line(buf, cell(i + 1, inner.y), &[(&name, style)], false);
    }
    // Made by update when the marks change; a view set up without update (a test) makes them
    // here, for this frame only.
    let rows: Cow<[CompareRow]> = match cat.views.compare_for(&cat.marks) {
        Some(rows) => rows.into(),
        None => rows(&app.ctx.catalog, &cat.marks, &cat.columns.score_names).into(),
    };
    // The last row is kept off the bottom line, as the first release had it.
    let max = max_scroll(rows.len(), usize::from(area.height).saturating_sub(3));
    app.chrome.measured.compare_max.set(Some(max));
    let shown = rows
        .iter()
        .skip(scroll.min(max))
        .take(usize::from(inner.height - 1));
    for (row, y) in shown.zip(inner.y + 1..) {
        let equal = row.all_equal();
        let best = row.best();
        let label_style = if equal { t.same } else { t.header };
        parts::put_line(buf, cell(0, y), &[(&row.label, label_style)], false);
        for (i, c) in row.cells.iter().enumerate().take(columns.len() - 1) {
            let (text, style) = match c {
                None => (UNKNOWN.into(), t.unknown),
                Some((s, _)) if best[i] => (format!("{s} ★").into(), t.best),
                Some((s, _)) if equal => (Cow::from(s.as_str()), t.same),
                Some((s, _)) => (Cow::from(s.as_str()), t.text),
            };
            let text = truncate_to_width(&text, w);
            parts::put_line(buf, cell(i + 1, y), &[(&text, style)], false);
        }
    }
}

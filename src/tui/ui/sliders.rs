//! A slider list: group headings, then each input with its value, unit and a small bar showing
//! where it sits in its range; the selected row highlighted and, when open, the one-line editor
//! with its unit and any refusal under it. Reusable by any pane that lists [`Shown`] rows.

use super::parts;
use super::parts::fit;
use crate::tui::editor::Editor;
use crate::tui::sliders::{Group, Shown};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

const BAR: usize = 5;
const LABEL: usize = 13;

/// One line of the list: a heading or an index into the rows.
enum Item {
    Heading(Group),
    Row(usize),
}

fn items(rows: &[Shown]) -> Vec<Item> {
    let mut out = Vec::with_capacity(rows.len() + 4);
    let mut group = None;
    for (i, r) in rows.iter().enumerate() {
        let g = r.field.group();
        if group != Some(g) {
            out.push(Item::Heading(g));
            group = Some(g);
        }
        out.push(Item::Row(i));
    }
    out
}

/// `──●──`: where `position` (0 to 1) sits along a bar `width` wide.
pub fn bar(position: f64, width: usize) -> String {
    let at = (position.clamp(0.0, 1.0) * (width - 1) as f64).round() as usize;
    (0..width)
        .map(|i| if i == at { '●' } else { '─' })
        .collect()
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    t: &Theme,
    rows: &[Shown],
    selected: usize,
    editor: Option<&Editor>,
) {
    let items = items(rows);
    let height = usize::from(area.height);
    let at = items
        .iter()
        .position(|i| matches!(i, Item::Row(r) if *r == selected))
        .unwrap_or(0);
    // Keep one line of context under the selection once the list scrolls.
    let offset = (at + 2)
        .saturating_sub(height)
        .min(items.len().saturating_sub(height));
    let width = usize::from(area.width);
    let mut lines = Vec::with_capacity(height);
    let mut editor_row = None;
    for (n, item) in items.iter().enumerate().skip(offset).take(height) {
        match item {
            Item::Heading(g) => lines.push(Line::from(Span::styled(g.title(), t.header))),
            Item::Row(i) => {
                let r = &rows[*i];
                if *i == selected {
                    editor_row = Some((n - offset) as u16);
                }
                lines.push(row_line(r, *i == selected, width, t));
            }
        }
    }
    parts::put_paragraph(frame.buffer_mut(), area, &lines, Style::default());
    if let (Some(ed), Some(row)) = (editor, editor_row) {
        draw_editor(frame, area, row, ed, t);
    }
}

fn row_line<'a>(r: &Shown, selected: bool, width: usize, t: &Theme) -> Line<'a> {
    let label = fit(&r.label, LABEL - 1);
    let room = width.saturating_sub(LABEL + 1);
    let with_bar = r.position.is_some() && room >= BAR + 7 && r.value.width() + BAR < room;
    let value_room = if with_bar { room - BAR - 1 } else { room };
    let value = fit(&r.value, value_room);
    let base = if selected { t.selection } else { t.text };
    let value_style = if selected {
        t.selection
    } else if r.from_database {
        t.muted
    } else {
        t.accent
    };
    let mut spans = vec![
        Span::styled(format!(" {label:<w$}", w = LABEL - 1), base),
        Span::styled(format!("{value:>value_room$}"), value_style),
    ];
    if with_bar {
        spans.push(Span::styled(" ", base));
        let style = if selected { t.selection } else { t.muted };
        spans.push(Span::styled(bar(r.position.unwrap_or(0.0), BAR), style));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    if used < width {
        spans.push(Span::styled(" ".repeat(width - used), base));
    }
    Line::from(spans)
}

/// The editor box over the selected row, its unit in the title and any error below.
fn draw_editor(frame: &mut Frame, area: Rect, row: u16, ed: &Editor, t: &Theme) {
    let title = format!(" {} ({}) ", ed.field.label(), ed.unit);
    let error = ed.error.as_deref();
    let width = area.width;
    let error_rows = error.map_or(0, |e| {
        let inner = usize::from(width.saturating_sub(2)).max(1);
        (e.width() + 2).div_ceil(inner) as u16
    });
    let height = (3 + error_rows).min(area.height);
    let top = (area.y + row).min(area.bottom().saturating_sub(height));
    let boxed = Rect {
        x: area.x,
        y: top,
        width,
        height,
    };
    frame.render_widget(Clear, boxed);
    let block = Block::bordered()
        .border_style(if error.is_some() { t.bad } else { t.accent })
        .title(Span::styled(fit(&title, usize::from(width) - 2), t.title))
        .title_bottom(Span::styled(" Enter set · Esc cancel ", t.muted));
    let inner = block.inner(boxed);
    frame.render_widget(block, boxed);
    let input = Rect { height: 1, ..inner };
    frame.render_widget(&ed.area, input);
    if let Some(e) = error
        && inner.height > 1
    {
        let r = Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!("✗ {e}"), t.bad)).wrap(Wrap { trim: true }),
            r,
        );
    }
}

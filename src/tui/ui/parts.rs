//! Small drawing pieces the views share: placing a box, cutting and wrapping text, section
//! titles, tier colours.

pub use crate::tui::layout::{fit, wrap};

use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// A rectangle of at most `w` x `h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The first of `options` that fits `width`, else the last one cut.
pub fn first_fit(options: &[String], width: usize) -> String {
    options
        .iter()
        .find(|o| o.width() <= width)
        .cloned()
        .unwrap_or_else(|| fit(options.last().map_or("", |s| s.as_str()), width))
}

/// A section title on a top border, highlighted when the section has focus; returns the
/// area under the border.
pub fn section(buf: &mut Buffer, area: Rect, title: &str, focused: bool, t: &Theme) -> Rect {
    let (style, mark, title_style) = if focused {
        (t.accent, "▸ ", t.accent)
    } else {
        (t.border, "", t.header)
    };
    let text = format!(" {mark}{title} ");
    Block::new()
        .borders(Borders::TOP)
        .border_style(style)
        .title(Span::styled(text, title_style))
        .render(area, buf);
    Rect {
        y: area.y.saturating_add(1).min(area.bottom()),
        height: area.height.saturating_sub(1),
        ..area
    }
}

/// Styled pieces as one ratatui `Line` in `area` (right-aligned when `right`), cut at its
/// edge.
pub fn put_line(buf: &mut Buffer, area: Rect, pieces: &[(&str, Style)], right: bool) {
    let line = Line::from_iter(
        pieces
            .iter()
            .map(|(text, style)| Span::styled(*text, *style)),
    );
    let line = if right { line.right_aligned() } else { line };
    line.render(area, buf);
}

/// `lines` as a ratatui `Paragraph` (no wrapping) over `style`, borrowing their text.
pub fn put_paragraph<'a>(
    buf: &mut Buffer,
    area: Rect,
    lines: impl IntoIterator<Item = &'a Line<'a>>,
    style: Style,
) {
    let text: Vec<Line> = lines.into_iter().map(borrowed).collect();
    Paragraph::new(text).style(style).render(area, buf);
}

/// A line whose spans borrow `line`'s text: no string is copied to draw it.
fn borrowed<'a>(line: &'a Line<'a>) -> Line<'a> {
    let spans = line
        .spans
        .iter()
        .map(|s| Span::styled(s.content.as_ref(), s.style));
    Line {
        spans: spans.collect(),
        style: line.style,
        alignment: line.alignment,
    }
}

pub fn tier_style(tier: u8, t: &Theme) -> Style {
    t.series[usize::from(tier.saturating_sub(1)).min(crate::tui::theme::SERIES - 1)]
}

/// Where each column of a table starts and how wide it is, as ratatui's `Table` lays out
/// `widths` with a one-column gap and no selection symbol. Columns that fit sit side by side;
/// the constraint solver is asked only when they do not (it costs more than a whole frame).
pub fn column_areas(widths: &[u16], width: u16) -> Vec<Rect> {
    let total: usize = widths.iter().map(|w| usize::from(*w) + 1).sum();
    if total.saturating_sub(1) <= usize::from(width) {
        let mut x = 0;
        return widths
            .iter()
            .map(|w| {
                let r = Rect::new(x, 0, *w, 1);
                x += w + 1;
                r
            })
            .collect();
    }
    let [_, inner] = Layout::horizontal([Constraint::Length(0), Constraint::Fill(0)])
        .areas(Rect::new(0, 0, width, 1));
    Layout::horizontal(widths.iter().map(|w| Constraint::Length(*w)))
        .flex(Flex::Start)
        .spacing(1)
        .split(inner)
        .to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::columns::TableColumns;

    #[test]
    fn columns_sit_where_ratatuis_table_puts_them() {
        let catalog = crate::data::embedded_catalog().unwrap();
        let columns = TableColumns::measure(&catalog);
        let solved = |ws: &[u16], width: u16| {
            let [_, inner] = Layout::horizontal([Constraint::Length(0), Constraint::Fill(0)])
                .areas(Rect::new(0, 0, width, 1));
            Layout::horizontal(ws.iter().map(|w| Constraint::Length(*w)))
                .flex(Flex::Start)
                .spacing(1)
                .split(inner)
                .to_vec()
        };
        // The solver is slow in a debug build: a spread of widths and three kinds of sort.
        let keys = crate::domain::query::sort_keys(&catalog);
        for sort in [&keys[0], &keys[4], &keys[keys.len() - 1]] {
            for width in (20..=300).step_by(11).chain([59, 60, 80, 200, 250]) {
                let ws: Vec<u16> = columns.plan(width, sort).iter().map(|(_, w)| *w).collect();
                assert_eq!(column_areas(&ws, width), solved(&ws, width), "{width}");
            }
        }
        // Columns too wide for the table: the solver decides.
        assert_eq!(column_areas(&[16, 40, 40], 60), solved(&[16, 40, 40], 60));
    }
}

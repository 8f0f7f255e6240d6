//! Writing text and styles straight into the buffer, cell for cell what ratatui's `Table`,
//! `Paragraph` and `Clear` write, but a row of cells at a time and without building a widget
//! tree of owned strings first. On a large terminal those per-cell costs (index checks,
//! grapheme segmentation, one allocation per table cell) were most of a frame.
//!
//! Text made only of one-cell characters takes the direct path; anything else (wide
//! characters, combining marks) is handed to ratatui itself, so the screen never differs.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::line;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Borders, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// Symbols the views use that are one column wide and never combine with a neighbour into one
/// grapheme: like printable ASCII, each takes exactly one cell.
const NARROW: &[char] = &[
    '—', '●', '…', '↑', '↓', '★', '✓', '·', '‹', '›', '▸', '×', '⚠', '─', '│', '┤', '┘', '└', '┌',
    '┐', '├', '┼', '→', '←', '–', '−', '±', '▲', '▼', '■', '◆', '░', '█', '✗',
];

fn one_cell(c: char) -> bool {
    // Braille patterns (the charts) are one column each and never combine.
    c == ' '
        || c.is_ascii_graphic()
        || NARROW.contains(&c)
        || ('\u{2800}'..='\u{28FF}').contains(&c)
}

/// The buffer's cells of row `y` from `x`, `width` long (the caller keeps it inside).
fn row(buf: &mut Buffer, x: u16, y: u16, width: u16) -> &mut [ratatui::buffer::Cell] {
    let start = buf.index_of(x, y);
    &mut buf.content[start..start + usize::from(width)]
}

/// `Buffer::set_style` over `area`.
pub fn fill_style(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for cell in row(buf, area.x, y, area.width) {
            cell.set_style(style);
        }
    }
}

/// What the `Clear` widget does: every cell of `area` back to empty.
pub fn clear(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for cell in row(buf, area.x, y, area.width) {
            cell.reset();
        }
    }
}

/// The number of cells `pieces` take if every character takes one, else `None`.
fn simple_width<'a>(pieces: impl Iterator<Item = &'a str>) -> Option<usize> {
    let mut n = 0;
    for text in pieces {
        if text.is_ascii() {
            if text.bytes().any(|b| b.is_ascii_control()) {
                return None;
            }
            n += text.len();
            continue;
        }
        for c in text.chars() {
            if !one_cell(c) {
                return None;
            }
            n += 1;
        }
    }
    Some(n)
}

/// `cell` cut to the buffer (a cell is nearly always inside it already).
fn inside(buf: &Buffer, cell: Rect) -> Rect {
    let a = buf.area;
    let within = cell.x >= a.x && cell.y >= a.y && cell.right() <= a.right();
    if within && cell.bottom() <= a.bottom() {
        cell
    } else {
        cell.intersection(a)
    }
}

/// Draw styled pieces into one table cell as ratatui draws a `Cell` holding that `Line`: left
/// or right aligned, cut at the cell's edge.
pub fn put_line(buf: &mut Buffer, cell: Rect, pieces: &[(&str, Style)], right: bool) {
    let cell = inside(buf, cell);
    let len = simple_width(pieces.iter().map(|(s, _)| *s));
    if len == Some(0) || cell.is_empty() {
        return;
    }
    let Some(len) = len.filter(|n| *n <= usize::from(cell.width)) else {
        let line = Line::from(
            pieces
                .iter()
                .map(|(s, style)| Span::styled(*s, *style))
                .collect::<Vec<_>>(),
        );
        let line = if right { line.right_aligned() } else { line };
        line.render(cell, buf);
        return;
    };
    let indent = if right {
        usize::from(cell.width) - len
    } else {
        0
    };
    let mut cells = row(buf, cell.x, cell.y, cell.width)[indent..].iter_mut();
    for (text, style) in pieces {
        if text.is_ascii() {
            for (b, cell) in text.bytes().zip(&mut cells) {
                cell.set_char(char::from(b)).set_style(*style);
            }
        } else {
            for (c, cell) in text.chars().zip(&mut cells) {
                cell.set_char(c).set_style(*style);
            }
        }
    }
}

/// Draw `lines` into `area` as `Paragraph::new(lines).style(style)` does (no wrapping): the
/// style over the whole area, then one line per row, cut at the right edge.
pub fn put_paragraph<'a>(
    buf: &mut Buffer,
    area: Rect,
    lines: impl IntoIterator<Item = &'a Line<'a>>,
    style: Style,
) {
    let area = area.intersection(buf.area);
    // A default style changes no cell.
    if style != Style::default() {
        fill_style(buf, area, style);
    }
    if area.is_empty() {
        return;
    }
    for (line, y) in lines.into_iter().zip(area.top()..area.bottom()) {
        let row_area = Rect {
            y,
            height: 1,
            ..area
        };
        let Some(len) = simple_width(line.spans.iter().map(|s| s.content.as_ref())) else {
            // The style is already on the row; applying it again changes nothing.
            Paragraph::new(line.clone())
                .style(style)
                .render(row_area, buf);
            continue;
        };
        let shown = len.min(usize::from(area.width));
        let x = match line.alignment.unwrap_or(Alignment::Left) {
            Alignment::Left => 0,
            Alignment::Right => usize::from(area.width) - shown,
            Alignment::Center => (usize::from(area.width) / 2).saturating_sub(shown / 2),
        };
        let mut cells = row(buf, area.x, y, area.width)[x..].iter_mut().take(shown);
        for span in &line.spans {
            let style = line.style.patch(span.style);
            for (c, cell) in span.content.chars().zip(&mut cells) {
                cell.set_char(c).set_style(style);
            }
        }
    }
}

/// What a plain `Block` with `borders`, `border_style` and one left-aligned top title draws
/// (and nothing else: the block's own style is the default, which changes no cell). Only the
/// border cells are touched; `Block` would also walk every cell inside to apply that style.
pub fn border(
    buf: &mut Buffer,
    area: Rect,
    borders: Borders,
    style: Style,
    title: &[(&str, Style)],
) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let (left, top) = (area.left(), area.top());
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    let mut put = |x: u16, y: u16, symbol: &str| {
        let i = buf.index_of(x, y);
        buf.content[i].set_symbol(symbol).set_style(style);
    };
    // Sides in ratatui's order, then the corners over them.
    if borders.contains(Borders::LEFT) {
        (top..=bottom).for_each(|y| put(left, y, line::VERTICAL));
    }
    if borders.contains(Borders::TOP) {
        (left..=right).for_each(|x| put(x, top, line::HORIZONTAL));
    }
    if borders.contains(Borders::RIGHT) {
        (top..=bottom).for_each(|y| put(right, y, line::VERTICAL));
    }
    if borders.contains(Borders::BOTTOM) {
        (left..=right).for_each(|x| put(x, bottom, line::HORIZONTAL));
    }
    let corners = [
        (
            Borders::RIGHT | Borders::BOTTOM,
            right,
            bottom,
            line::BOTTOM_RIGHT,
        ),
        (Borders::RIGHT | Borders::TOP, right, top, line::TOP_RIGHT),
        (
            Borders::LEFT | Borders::BOTTOM,
            left,
            bottom,
            line::BOTTOM_LEFT,
        ),
        (Borders::LEFT | Borders::TOP, left, top, line::TOP_LEFT),
    ];
    for (needs, x, y, symbol) in corners {
        if borders.contains(needs) {
            put(x, y, symbol);
        }
    }
    let inset = u16::from(borders.contains(Borders::LEFT));
    let room = area
        .width
        .saturating_sub(inset)
        .saturating_sub(u16::from(borders.contains(Borders::RIGHT)));
    let width: usize = title.iter().map(|(s, _)| s.width()).sum();
    if room == 0 || width == 0 {
        return;
    }
    let cell = Rect::new(left + inset, top, room.min(width as u16), 1);
    put_line(buf, cell, title, false);
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
    use ratatui::style::{Color, Modifier};
    use ratatui::widgets::Clear;

    /// A buffer with symbols and a pattern of styles already in it, as under a real view.
    fn canvas() -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 3));
        buf.set_string(0, 0, "xxxxxxxxxxxx", Style::new().fg(Color::Red));
        buf.set_string(0, 2, "yyyyyyyyyyyy", Style::new().bg(Color::Green));
        buf.set_style(
            Rect::new(3, 0, 4, 3),
            Style::new().add_modifier(Modifier::BOLD),
        );
        buf
    }

    const RED: Style = Style::new().fg(Color::Red);
    const BLUE: Style = Style::new().bg(Color::Blue).add_modifier(Modifier::DIM);
    const PLAIN: Style = Style::new();

    /// Pieces of text covering the direct path and every way out of it.
    const CASES: &[&[(&str, Style)]] = &[
        &[("$0.145", PLAIN)],
        &[("10.00", PLAIN), ("*", RED)],
        &[("—", BLUE)],
        &[("●", RED)],
        &[("Model↓", PLAIN)],
        &[("", RED), ("*", BLUE)],
        &[("longer than the cell", RED)],
        &[("通义", RED), ("x", BLUE)],
        &[("e\u{301}x", RED)],
        &[("a\tb", RED)],
        &[("a", RED), ("b", PLAIN), ("…", BLUE)],
        &[(" ▸ Tier ", RED), ("1 × 3 ⚠", BLUE)],
        &[("⚠\u{fe0f} x", RED)],
        &[("──●── ┤┘└ ◆▲■ ", RED), ("→←–−± ░█✗ ⠂⣿", BLUE)],
        &[("┌─┐├┼┤└─┘│▼", PLAIN)],
    ];

    fn line(pieces: &[(&str, Style)]) -> Line<'static> {
        Line::from(
            pieces
                .iter()
                .map(|(s, st)| Span::styled(s.to_string(), *st))
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn every_narrow_symbol_is_one_column() {
        use unicode_width::UnicodeWidthChar;
        for c in NARROW
            .iter()
            .copied()
            .chain(['\u{2800}', '\u{2802}', '\u{28FF}'])
        {
            assert!(one_cell(c));
            assert_eq!(c.width(), Some(1), "{c:?}");
        }
    }

    #[test]
    fn a_cell_matches_ratatuis_line() {
        for pieces in CASES {
            for right in [false, true] {
                for width in [0, 1, 3, 6, 10] {
                    let cell = Rect::new(2, 1, width, 1);
                    let mut ours = canvas();
                    put_line(&mut ours, cell, pieces, right);
                    let mut theirs = canvas();
                    let l = line(pieces);
                    let l = if right { l.right_aligned() } else { l };
                    l.render(cell, &mut theirs);
                    assert_eq!(ours, theirs, "{pieces:?} right={right} width={width}");
                }
            }
        }
    }

    #[test]
    fn text_matches_ratatuis_paragraph() {
        let mut lines: Vec<Line> = CASES.iter().map(|p| line(p)).collect();
        lines.push(line(CASES[1]).style(BLUE).right_aligned());
        lines.push(line(CASES[0]).style(RED).centered());
        lines.push(line(CASES[6]).centered());
        lines.push(Line::default());
        for start in 0..lines.len() {
            for (w, h) in [(0, 3), (1, 2), (5, 3), (9, 1), (12, 3)] {
                let area = Rect::new(1, 0, w, h);
                let style = Style::new().fg(Color::Yellow);
                let mut ours = canvas();
                put_paragraph(&mut ours, area, &lines[start..], style);
                let mut theirs = canvas();
                Paragraph::new(lines[start..].to_vec())
                    .style(style)
                    .render(area, &mut theirs);
                assert_eq!(ours, theirs, "from line {start} in {area:?}");
            }
        }
    }

    #[test]
    fn styles_and_clearing_match_ratatui() {
        let style = Style::new()
            .fg(Color::Green)
            .remove_modifier(Modifier::BOLD);
        for area in [Rect::new(1, 0, 5, 2), Rect::new(8, 1, 10, 5), Rect::ZERO] {
            let mut ours = canvas();
            fill_style(&mut ours, area, style);
            let mut theirs = canvas();
            theirs.set_style(area, style);
            assert_eq!(ours, theirs, "{area:?}");
            let mut ours = canvas();
            clear(&mut ours, area);
            let mut theirs = canvas();
            Clear.render(area, &mut theirs);
            assert_eq!(ours, theirs, "{area:?}");
        }
    }

    #[test]
    fn borders_match_ratatuis_block() {
        use ratatui::widgets::Block;
        let titles: &[&[(&str, Style)]] =
            &[&[], CASES[0], CASES[11], CASES[6], CASES[7], &[("", RED)]];
        let areas = [
            Rect::new(0, 0, 12, 3),
            Rect::new(1, 1, 6, 2),
            Rect::new(2, 0, 1, 1),
            Rect::new(0, 2, 2, 1),
            Rect::new(3, 1, 20, 9),
            Rect::new(0, 0, 0, 3),
        ];
        for borders in [Borders::ALL, Borders::TOP] {
            for title in titles {
                for area in areas {
                    let mut ours = canvas();
                    border(&mut ours, area, borders, BLUE, title);
                    let mut theirs = canvas();
                    let block = Block::new().borders(borders).border_style(BLUE);
                    let block = if title.is_empty() {
                        block
                    } else {
                        block.title(line(title))
                    };
                    block.render(area, &mut theirs);
                    assert_eq!(ours, theirs, "{borders:?} {title:?} {area:?}");
                }
            }
        }
    }

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

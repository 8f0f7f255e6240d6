//! Writing the two hot tables' cells (the catalogue's and the hybrid use cases') straight into
//! the buffer, cell for cell what ratatui's `Table` writes, but a row of cells at a time and
//! without building a widget tree of owned strings first. On a large terminal those per-cell
//! costs (index checks, grapheme segmentation, one allocation per table cell) were most of a
//! frame (#15: 1.33 ms with `Table` against 0.50 ms direct for the catalogue at 250x70).
//! Everything else is drawn with ratatui's own widgets.
//!
//! Text made only of one-cell characters takes the direct path; anything else (wide
//! characters, combining marks) is handed to ratatui itself, so the screen never differs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

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
    fn styles_match_ratatui() {
        let style = Style::new()
            .fg(Color::Green)
            .remove_modifier(Modifier::BOLD);
        for area in [Rect::new(1, 0, 5, 2), Rect::new(8, 1, 10, 5), Rect::ZERO] {
            let mut ours = canvas();
            fill_style(&mut ours, area, style);
            let mut theirs = canvas();
            theirs.set_style(area, style);
            assert_eq!(ours, theirs, "{area:?}");
        }
    }
}

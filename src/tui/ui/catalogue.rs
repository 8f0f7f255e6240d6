//! The catalogue pane: the search and filter line, then the table of models.
//!
//! The table is written straight into the buffer, cell by cell, in the order ratatui's `Table`
//! would write it (table style, header style, cell text, then the selection), so the screen is
//! the same; building a `Row` of `Cell`s of `Line`s of owned `String`s for every visible cell
//! on every frame was most of a frame's time on a large terminal.

use crate::domain::text::truncate_to_width;
use crate::tui::app::{App, Overlay};
use crate::tui::columns::{Column, plan};
use crate::tui::format::{CONFLICT, UNKNOWN};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let search = Rect { height: 1, ..area };
    let table = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    search_line(frame, search, app);
    // The detail and comparison views clear the whole body: a table under them is never seen.
    if app.overlays.iter().any(hides_body) {
        return;
    }
    draw_table(frame, table, app);
}

/// Whether an overlay clears the whole body (see `detail::draw` and `compare::draw`).
fn hides_body(overlay: &Overlay) -> bool {
    matches!(overlay, Overlay::Detail { .. } | Overlay::Compare { .. })
}

fn search_line(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let cat = &app.catalogue;
    let label = Span::styled(" Search: ", if cat.editing { t.accent } else { t.muted });
    let text = if cat.query.text.is_empty() && !cat.editing {
        Span::styled("/ to search", t.muted)
    } else {
        Span::styled(cat.query.text.as_str(), t.text)
    };
    let mut spans = vec![label, text, Span::raw("   ")];
    let chips = cat.query.filters.describe();
    if !chips.is_empty() {
        spans.push(Span::styled("Filters: ", t.muted));
        for chip in chips {
            spans.push(Span::styled(format!("[{chip}]"), t.chip));
            spans.push(Span::raw(" "));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if cat.editing {
        let before: String = cat.query.text.chars().take(cat.cursor).collect();
        let x = area.x + 9 + before.width() as u16;
        if x < area.right() {
            frame.set_cursor_position(Position::new(x, area.y));
        }
    }
}

fn draw_table(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let cat = &app.catalogue;
    if cat.hits.is_empty() {
        let msg = "No model matches. Esc clears the search; f changes the filters.";
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {msg}"), t.muted)),
            area,
        );
        return;
    }
    let buf = frame.buffer_mut();
    fill_style(buf, area, t.text);
    if area.is_empty() {
        return;
    }
    let columns = plan(area.width, &cat.rows, &cat.widths, &cat.query.sort);
    let cells = column_areas(&columns, area.width);

    // The header.
    fill_style(buf, Rect { height: 1, ..area }, t.header);
    let sorted = Column::for_sort(&cat.query.sort, &cat.rows);
    let arrow = if cat.query.descending { "↓" } else { "↑" };
    for ((col, w), x) in columns.iter().zip(cells.iter()) {
        let w = usize::from(*w);
        let header = col.header(&cat.rows);
        let text = if Some(*col) == sorted {
            format!("{}{arrow}", truncate_to_width(header, w.saturating_sub(1)))
        } else {
            header.to_string()
        };
        let text = truncate_to_width(&text, w);
        let cell = Rect::new(area.x + x.x, area.y, x.width, 1);
        put_line(buf, cell, &[(&text, Style::default())], col.numeric());
    }

    // The visible rows; the table keeps the selection on screen, the last row at the latest.
    let visible = usize::from(area.height - 1);
    let shown = cat.hits.len().saturating_sub(cat.offset).min(visible);
    for (i, hit) in cat.hits.iter().skip(cat.offset).take(shown).enumerate() {
        let y = area.y + 1 + i as u16;
        let model = &app.catalog.models[hit.index];
        let text = &cat.rows.rows[hit.index];
        for ((col, w), x) in columns.iter().zip(cells.iter()) {
            let w = usize::from(*w);
            let cell = Rect::new(area.x + x.x, y, x.width, 1);
            match col {
                Column::Mark if cat.is_marked(&model.id) => {
                    put_line(buf, cell, &[("●", t.mark)], false);
                }
                Column::Mark => {}
                Column::Name => name_cell(buf, cell, &text.name, &hit.name_matches, w, t),
                Column::Tier => {
                    let tier = (text.tier.short(), t.tier(text.tier));
                    if text.tier_conflict {
                        put_line(buf, cell, &[tier, (CONFLICT, t.warn)], false);
                    } else {
                        put_line(buf, cell, &[tier], false);
                    }
                }
                other => {
                    let value = other.cell(text);
                    let value = if other.numeric() {
                        value.into()
                    } else {
                        truncate_to_width(value, w)
                    };
                    put_line(buf, cell, &value_spans(&value, t), other.numeric());
                }
            }
        }
    }
    if let Some(selected) = cat.selected.checked_sub(cat.offset)
        && shown > 0
    {
        let y = area.y + 1 + selected.min(shown - 1) as u16;
        fill_style(
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

/// Where each column starts (relative to the table) and how wide it is: the layout ratatui's
/// `Table` computes for these widths with a one-column gap and no selection symbol. `plan`
/// chooses columns that fit, which lays them side by side; the constraint solver is only asked
/// when they do not (it costs more than the rest of the frame).
fn column_areas(columns: &[(Column, u16)], width: u16) -> Vec<Rect> {
    let total: usize = columns.iter().map(|(_, w)| usize::from(*w) + 1).sum();
    if total.saturating_sub(1) <= usize::from(width) {
        let mut x = 0;
        return columns
            .iter()
            .map(|(_, w)| {
                let r = Rect::new(x, 0, *w, 1);
                x += w + 1;
                r
            })
            .collect();
    }
    let [_, inner] = Layout::horizontal([Constraint::Length(0), Constraint::Fill(0)])
        .areas(Rect::new(0, 0, width, 1));
    Layout::horizontal(columns.iter().map(|(_, w)| Constraint::Length(*w)))
        .flex(Flex::Start)
        .spacing(1)
        .split(inner)
        .to_vec()
}

/// Symbols the tables use that are one column wide and never combine with a neighbour into one
/// grapheme: like printable ASCII, they take exactly one cell each.
const NARROW: &[char] = &['—', '●', '…', '↑', '↓', '★', '✓', '·'];

fn one_cell(c: char) -> bool {
    c == ' ' || c.is_ascii_graphic() || NARROW.contains(&c)
}

/// `Buffer::set_style` over `area`, a row of cells at a time.
pub(super) fn fill_style(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        for cell in &mut buf.content[start..start + usize::from(area.width)] {
            cell.set_style(style);
        }
    }
}

/// Draw a line of styled pieces into one table cell, as a `Cell` holding that `Line` is drawn:
/// left or right aligned, cut at the cell's edge. Text of one-cell characters that fits is
/// written directly; anything else (wide characters, combining marks, a line too long for its
/// cell) goes through ratatui's own `Line`.
pub(super) fn put_line(buf: &mut Buffer, cell: Rect, pieces: &[(&str, Style)], right: bool) {
    let cell = cell.intersection(buf.area);
    let mut len = 0;
    let mut simple = true;
    for (text, _) in pieces {
        for c in text.chars() {
            simple &= one_cell(c);
            len += 1;
        }
    }
    if len == 0 || cell.is_empty() {
        return;
    }
    if !simple || len > usize::from(cell.width) {
        let line = Line::from(
            pieces
                .iter()
                .map(|(s, style)| Span::styled(*s, *style))
                .collect::<Vec<_>>(),
        );
        let line = if right { line.right_aligned() } else { line };
        line.render(cell, buf);
        return;
    }
    let indent = if right {
        usize::from(cell.width) - len
    } else {
        0
    };
    let start = buf.index_of(cell.x, cell.y) + indent;
    let mut cells = buf.content[start..start + len].iter_mut();
    for (text, style) in pieces {
        for (c, cell) in text.chars().zip(&mut cells) {
            cell.set_char(c).set_style(*style);
        }
    }
}

/// The model name with the search matches highlighted, cut to `width`.
fn name_cell(buf: &mut Buffer, cell: Rect, name: &str, matches: &[usize], width: usize, t: &Theme) {
    let shown = truncate_to_width(name, width);
    if matches.is_empty() {
        put_line(buf, cell, &[(&shown, Style::default())], false);
        return;
    }
    // A character is highlighted when it matched and is still the name's own character (the
    // cut adds an ellipsis that never is).
    let mut own = name.chars();
    let pieces: Vec<(&str, Style)> = shown
        .char_indices()
        .enumerate()
        .map(|(i, (at, c))| {
            let original = own.next();
            let style = if matches.contains(&i) && original == Some(c) {
                t.matched
            } else {
                Style::default()
            };
            (&shown[at..at + c.len_utf8()], style)
        })
        .collect();
    put_line(buf, cell, &pieces, false);
}

/// A value with the unknown sign dimmed and the conflict marker in the warning colour.
fn value_spans<'a>(value: &'a str, t: &Theme) -> Vec<(&'a str, Style)> {
    if value == UNKNOWN {
        return vec![(value, t.unknown)];
    }
    match value.strip_suffix(CONFLICT) {
        Some(v) => vec![(v, Style::default()), (CONFLICT, t.warn)],
        None => vec![(value, Style::default())],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::query::SortKey;
    use crate::tui::columns::Widths;
    use crate::tui::format::Rows;
    use ratatui::style::{Color, Modifier};

    /// A buffer with a pattern of styles and symbols already in it, as under a real table.
    fn canvas() -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 2));
        buf.set_string(0, 0, "xxxxxxxxxxxx", Style::new().fg(Color::Red));
        buf.set_style(
            Rect::new(3, 0, 4, 1),
            Style::new().add_modifier(Modifier::BOLD),
        );
        buf
    }

    #[test]
    fn direct_cells_match_ratatuis_line() {
        let red = Style::new().fg(Color::Red);
        let blue = Style::new().bg(Color::Blue).add_modifier(Modifier::DIM);
        let cases: &[&[(&str, Style)]] = &[
            &[("$0.145", Style::default())],
            &[("10.00", Style::default()), ("*", red)],
            &[("—", blue)],
            &[("●", red)],
            &[("Model↓", Style::default())],
            &[("", red), ("*", blue)],
            &[("longer than the cell", red)],
            &[("通义", red), ("x", blue)],
            &[("e\u{301}x", red)],
            &[("a", red), ("b", Style::default()), ("…", blue)],
        ];
        for pieces in cases {
            for right in [false, true] {
                for width in [0, 1, 3, 6, 10] {
                    let cell = Rect::new(2, 0, width, 1);
                    let mut ours = canvas();
                    put_line(&mut ours, cell, pieces, right);
                    let mut theirs = canvas();
                    let line = Line::from(
                        pieces
                            .iter()
                            .map(|(s, st)| Span::styled(*s, *st))
                            .collect::<Vec<_>>(),
                    );
                    let line = if right { line.right_aligned() } else { line };
                    line.render(cell, &mut theirs);
                    assert_eq!(ours, theirs, "{pieces:?} right={right} width={width}");
                }
            }
        }
    }

    #[test]
    fn styles_fill_like_buffer_set_style() {
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

    #[test]
    fn columns_sit_where_ratatuis_table_puts_them() {
        let catalog = crate::data::embedded_catalog().unwrap();
        let rows = Rows::new(&catalog);
        let widths = Widths::new(&rows);
        // The solver is slow in a debug build: a spread of widths and three kinds of sort.
        let keys = crate::domain::query::sort_keys(&catalog);
        let sorts = keys.iter().filter(|k| {
            matches!(k, SortKey::Name | SortKey::InputPrice) || **k == keys[keys.len() - 1]
        });
        for sort in sorts {
            for width in (20..=300).step_by(11).chain([59, 60, 80, 200, 250]) {
                let columns = plan(width, &rows, &widths, sort);
                let [_, inner] = Layout::horizontal([Constraint::Length(0), Constraint::Fill(0)])
                    .areas(Rect::new(0, 0, width, 1));
                let solved =
                    Layout::horizontal(columns.iter().map(|(_, w)| Constraint::Length(*w)))
                        .flex(Flex::Start)
                        .spacing(1)
                        .split(inner);
                assert_eq!(column_areas(&columns, width), solved.to_vec(), "{width}");
            }
        }
    }
}

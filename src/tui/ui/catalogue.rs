//! The catalogue pane: the search and filter line, then the table of models.
//!
//! The table is written straight into the buffer (see `cells`) in the order ratatui's `Table`
//! writes it: table style, header style, cell text, then the selection. Building a `Row` of
//! `Cell`s of `Line`s of owned strings for every visible cell was most of a large frame.

use super::cells::{column_areas, fill_style, put_line};
use crate::domain::catalog_diff::PriceField;
use crate::domain::text::truncate_to_width;
use crate::tui::app::{App, Overlay};
use crate::tui::columns::{Column, plan};
use crate::tui::format::{CONFLICT, UNKNOWN};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
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
    if app.chrome.overlays.iter().any(hides_body) {
        return;
    }
    draw_table(frame, table, app);
}

/// Whether an overlay clears the whole body (see `detail::draw` and `compare::draw`).
fn hides_body(overlay: &Overlay) -> bool {
    matches!(overlay, Overlay::Detail { .. } | Overlay::Compare { .. })
}

fn search_line(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.chrome.theme;
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
    let left: usize = spans.iter().map(|s| s.width()).sum();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    // Right-aligned where it fits: how old the prices are.
    // An update's status when one is in use, else the embedded snapshot's dates.
    let status = app
        .ctx
        .data_status
        .clone()
        .or_else(|| app.ctx.catalog.prices_as_of());
    if let Some(asof) = status {
        let text = format!("{asof} ");
        let w = text.width();
        if usize::from(area.width) > left + w {
            let w = w as u16;
            let right = Rect::new(area.right() - w, area.y, w, 1);
            frame.render_widget(Paragraph::new(Span::styled(text, t.muted)), right);
        }
    }
    if cat.editing {
        let before: String = cat.query.text.chars().take(cat.cursor).collect();
        let x = area.x + 9 + before.width() as u16;
        if x < area.right() {
            frame.set_cursor_position(Position::new(x, area.y));
        }
    }
}

fn draw_table(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.chrome.theme;
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
    let widths: Vec<u16> = columns.iter().map(|(_, w)| *w).collect();
    let cells = column_areas(&widths, area.width);

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
        let model = &app.ctx.catalog.models[hit.index];
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
                Column::Input | Column::Output if moved(app, model, *col) => {
                    // A price that moved since the embedded snapshot (the detail view has the old one).
                    put_line(buf, cell, &[(col.cell(text), t.warn)], true);
                }
                other => {
                    let value = other.cell(text);
                    let value = if other.numeric() {
                        value.into()
                    } else {
                        truncate_to_width(value, w)
                    };
                    let (pieces, n) = value_pieces(&value, t);
                    put_line(buf, cell, &pieces[..n], other.numeric());
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

/// Whether the model's listed input or output price is one that moved since the embedded
/// snapshot (after `tierwise update`).
fn moved(app: &App, model: &crate::domain::catalog::Model, col: Column) -> bool {
    let (field, now) = match (col, &model.price) {
        (Column::Input, Some(p)) => (PriceField::Input, p.value.input),
        (Column::Output, Some(p)) => (PriceField::Output, p.value.output),
        _ => return false,
    };
    app.ctx
        .price_changes
        .prices
        .iter()
        .any(|c| c.model.id == model.id && c.field == field && c.new == Some(now))
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

/// A value with the unknown sign dimmed and the conflict marker in the warning colour: the
/// pieces and how many of them are used (no allocation per cell).
fn value_pieces<'a>(value: &'a str, t: &Theme) -> ([(&'a str, Style); 2], usize) {
    if value == UNKNOWN {
        return ([(value, t.unknown), ("", Style::default())], 1);
    }
    match value.strip_suffix(CONFLICT) {
        Some(v) => ([(v, Style::default()), (CONFLICT, t.warn)], 2),
        None => ([(value, Style::default()), ("", Style::default())], 1),
    }
}

/// A value as a line, the unknown sign dimmed and the conflict marker in the warning colour
/// (for views that build `Line`s; the table writes the same pieces directly).
pub fn value_line(value: String, t: &Theme) -> Line<'static> {
    if value == UNKNOWN {
        return Line::from(Span::styled(value, t.unknown));
    }
    match value.strip_suffix(CONFLICT) {
        Some(v) => Line::from(vec![
            Span::raw(v.to_string()),
            Span::styled(CONFLICT, t.warn),
        ]),
        None => Line::from(value),
    }
}

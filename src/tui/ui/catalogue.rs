//! The catalogue pane: the search and filter line, then the table of models.

use super::fit;
use crate::tui::app::App;
use crate::tui::columns::{Column, plan};
use crate::tui::format::{CONFLICT, UNKNOWN};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let search = Rect { height: 1, ..area };
    let table = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    search_line(frame, search, app);
    draw_table(frame, table, app);
}

fn search_line(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let cat = &app.catalogue;
    let label = Span::styled(" Search: ", if cat.editing { t.accent } else { t.muted });
    let text = if cat.query.text.is_empty() && !cat.editing {
        Span::styled("/ to search", t.muted)
    } else {
        Span::styled(cat.query.text.clone(), t.text)
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
    let columns = plan(area.width, &cat.rows, &cat.widths, &cat.query.sort);
    let sorted = Column::for_sort(&cat.query.sort, &cat.rows);
    let arrow = if cat.query.descending { "↓" } else { "↑" };
    let header = Row::new(columns.iter().map(|(col, w)| {
        let mut text = col.header(&cat.rows).to_string();
        if Some(*col) == sorted {
            text = format!("{}{arrow}", fit(&text, usize::from(*w).saturating_sub(1)));
        }
        let line = Line::from(fit(&text, usize::from(*w)));
        Cell::from(if col.numeric() {
            line.right_aligned()
        } else {
            line
        })
    }))
    .style(t.header);
    let visible = area.height.saturating_sub(1) as usize;
    let rows = cat.hits.iter().skip(cat.offset).take(visible).map(|hit| {
        let model = &app.catalog.models[hit.index];
        let text = &cat.rows.rows[hit.index];
        Row::new(columns.iter().map(|(col, w)| {
            let w = usize::from(*w);
            match col {
                Column::Mark if cat.is_marked(&model.id) => Cell::from(Span::styled("●", t.mark)),
                Column::Mark => Cell::from(""),
                Column::Name => Cell::from(name_line(&text.name, &hit.name_matches, w, t)),
                Column::Tier => {
                    let mut spans = vec![Span::styled(text.tier.short(), t.tier(text.tier))];
                    if text.tier_conflict {
                        spans.push(Span::styled(CONFLICT, t.warn));
                    }
                    Cell::from(Line::from(spans))
                }
                other => {
                    let value = other.cell(text);
                    let value = if other.numeric() {
                        value.to_string()
                    } else {
                        fit(value, w)
                    };
                    let line = value_line(value, t);
                    Cell::from(if other.numeric() {
                        line.right_aligned()
                    } else {
                        line
                    })
                }
            }
        }))
    });
    let widths: Vec<Constraint> = columns
        .iter()
        .map(|(_, w)| Constraint::Length(*w))
        .collect();
    let table = Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .style(t.text)
        .row_highlight_style(t.selection);
    let mut state = TableState::default().with_selected(cat.selected.checked_sub(cat.offset));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The model name with the search matches highlighted, cut to `width`.
fn name_line<'a>(name: &'a str, matches: &[usize], width: usize, t: &Theme) -> Line<'a> {
    let shown = fit(name, width);
    if matches.is_empty() {
        return Line::from(shown);
    }
    let spans: Vec<Span> = shown
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let style = if matches.contains(&i) && name.chars().nth(i) == Some(c) {
                t.matched
            } else {
                Style::default()
            };
            Span::styled(c.to_string(), style)
        })
        .collect();
    Line::from(spans)
}

/// A value with the unknown sign dimmed and the conflict marker in the warning colour.
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

//! The catalogue pane: the search and filter line, then the table of models
//! (`catalogue_table`), and the status line's count.

use super::catalogue_table::CatalogueTable;
use crate::domain::units::format_count;
use crate::tui::app::{App, Overlay};
use crate::tui::format::{CONFLICT, UNKNOWN};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
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
    let widget = CatalogueTable {
        state: &app.catalogue,
        catalog: &app.ctx.catalog,
        changes: &app.ctx.price_changes,
        theme: &app.chrome.theme,
    };
    frame.render_widget(widget, table);
}

/// The status line under the table: how many models of all are listed, in which order, the
/// marks, and whether only the current models are shown.
pub fn status_text(app: &App) -> String {
    let cat = &app.catalogue;
    let arrow = if cat.query.descending { "↓" } else { "↑" };
    let mut text = format!(
        " {} of {} models · sorted by {} {arrow}",
        format_count(cat.hits.len() as f64),
        format_count(app.ctx.catalog.models.len() as f64),
        cat.query.sort.label()
    );
    if !cat.marks.is_empty() {
        text.push_str(&format!(" · {} marked", cat.marks.len()));
    }
    if !cat.shows_all() {
        text.push_str(" · current (a: all)");
    }
    text
}

/// Whether an overlay clears the whole body (see `detail::draw` and `compare::draw`).
fn hides_body(overlay: &Overlay) -> bool {
    matches!(overlay, Overlay::Detail(_) | Overlay::Compare(_))
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

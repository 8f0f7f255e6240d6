//! The catalogue table as a widget: the header, the visible rows of the hit list and the
//! selection, with the column layout (`TableColumns::plan`) chosen for the area's width.
//!
//! It is written straight into the buffer (see `cells`) in the order ratatui's `Table` writes
//! it: table style, header style, cell text, then the selection. Only the rows on screen are
//! formatted, so a frame costs the same with 70 models or 7,000.

use super::cells::{fill_style, put_line};
use super::parts::column_areas;
use crate::domain::catalog::{Catalog, Model};
use crate::domain::catalog_diff::{CatalogDiff, PriceField};
use crate::domain::text::truncate_to_width;
use crate::tui::catalogue::CatalogueState;
use crate::tui::columns::Column;
use crate::tui::format::{CONFLICT, UNKNOWN};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Widget};

/// What the table reads: the pane's state, the catalogue, the prices that moved since the
/// embedded snapshot, and the theme.
pub struct CatalogueTable<'a> {
    pub state: &'a CatalogueState,
    pub catalog: &'a Catalog,
    pub changes: &'a CatalogDiff,
    pub theme: &'a Theme,
}

impl Widget for CatalogueTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let cat = self.state;
        if cat.hits.is_empty() {
            let msg = if cat.shows_all() {
                "No model matches. Esc clears the search; f changes the filters."
            } else {
                "No current model matches. a shows all models; Esc clears the search."
            };
            Paragraph::new(Span::styled(format!(" {msg}"), t.muted)).render(area, buf);
            return;
        }
        fill_style(buf, area, t.text);
        if area.is_empty() {
            return;
        }
        let columns = cat.columns.plan(area.width, &cat.query.sort);
        let widths: Vec<u16> = columns.iter().map(|(_, w)| *w).collect();
        let cells = column_areas(&widths, area.width);

        // The header.
        fill_style(buf, Rect { height: 1, ..area }, t.header);
        let sorted = cat.columns.for_sort(&cat.query.sort);
        let arrow = if cat.query.descending { "↓" } else { "↑" };
        for ((col, w), x) in columns.iter().zip(cells.iter()) {
            let w = usize::from(*w);
            let header = cat.columns.header(*col);
            let text = if Some(*col) == sorted {
                format!("{}{arrow}", truncate_to_width(header, w.saturating_sub(1)))
            } else {
                header.to_string()
            };
            let text = truncate_to_width(&text, w);
            let cell = Rect::new(area.x + x.x, area.y, x.width, 1);
            put_line(buf, cell, &[(&text, Style::default())], col.numeric());
        }

        // The visible rows; update keeps the selection on screen, the last row at the latest.
        let visible = usize::from(area.height - 1);
        let shown = cat.hits.len().saturating_sub(cat.offset).min(visible);
        let names = &cat.columns.score_names;
        for (i, hit) in cat.hits.iter().skip(cat.offset).take(shown).enumerate() {
            let y = area.y + 1 + i as u16;
            let model = &self.catalog.models[hit.index];
            for ((col, w), x) in columns.iter().zip(cells.iter()) {
                let w = usize::from(*w);
                let cell = Rect::new(area.x + x.x, y, x.width, 1);
                match col {
                    Column::Mark if cat.is_marked(&model.id) => {
                        put_line(buf, cell, &[("●", t.mark)], false);
                    }
                    Column::Mark => {}
                    Column::Name => name_cell(buf, cell, &model.name, &hit.name_matches, w, t),
                    Column::Tier => {
                        let tier = model.openness.value;
                        let short = (tier.short(), t.tier(tier));
                        if model.openness.is_conflicting() {
                            put_line(buf, cell, &[short, (CONFLICT, t.warn)], false);
                        } else {
                            put_line(buf, cell, &[short], false);
                        }
                    }
                    Column::Input | Column::Output if self.moved(model, *col) => {
                        // A price that moved since the embedded snapshot (the detail view has
                        // the old one).
                        let text = col.text(model, names);
                        put_line(buf, cell, &[(&text, t.warn)], true);
                    }
                    other => {
                        let value = other.text(model, names);
                        let value = if other.numeric() {
                            value
                        } else {
                            truncate_to_width(&value, w).into_owned().into()
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
}

impl CatalogueTable<'_> {
    /// Whether the model's listed input or output price is one that moved since the embedded
    /// snapshot (after `tierwise update`).
    fn moved(&self, model: &Model, col: Column) -> bool {
        let (field, now) = match (col, &model.price) {
            (Column::Input, Some(p)) => (PriceField::Input, p.value.input),
            (Column::Output, Some(p)) => (PriceField::Output, p.value.output),
            _ => return false,
        };
        self.changes
            .prices
            .iter()
            .any(|c| c.model.id == model.id && c.field == field && c.new == Some(now))
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

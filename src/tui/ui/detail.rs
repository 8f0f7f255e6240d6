//! The detail view: the lines `tui::detail` made for the model (kept in the catalogue state by
//! update), drawn from the scroll position.

use super::parts;
use crate::tui::app::App;
use crate::tui::layout::max_scroll;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;
use ratatui::widgets::{Block, Borders};
use std::borrow::Cow;

pub use crate::tui::detail::{lines, lines_with_changes};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, model: usize, scroll: usize) {
    let t = &app.chrome.theme;
    let Some(m) = app.ctx.catalog.models.get(model) else {
        return;
    };
    frame.render_widget(Clear, area);
    let mark = if app.catalogue.is_marked(&m.id) {
        " ● marked"
    } else {
        ""
    };
    let title = Line::from(vec![
        Span::styled(format!(" {} ", m.name), t.title),
        Span::styled(format!("({}) ", m.id), t.muted),
        Span::styled(m.openness.value.short(), t.tier(m.openness.value)),
        Span::styled(mark, t.mark),
        Span::raw(" "),
    ]);
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(t.border)
        .title(title);
    let inner = block.inner(area);
    // A top border touches only the first row.
    frame.render_widget(
        block,
        Rect {
            height: area.height.min(1),
            ..area
        },
    );
    // Update wraps every figure and its sources when the model, the width or the theme
    // changes; a view set up without update (a test) makes them here, for this frame only.
    let key = (model, area.width, t.clone());
    let lines: Cow<[Line]> = match app.catalogue.views.detail_for(&key) {
        Some(lines) => lines.into(),
        None => lines_with_changes(
            &app.ctx.catalog,
            &app.ctx.price_changes,
            t,
            model,
            area.width,
        )
        .into(),
    };
    let max = max_scroll(lines.len(), usize::from(inner.height));
    app.chrome.measured.detail_max.set(Some(max));
    let shown = lines
        .iter()
        .skip(scroll.min(max))
        .take(usize::from(inner.height));
    parts::put_paragraph(frame.buffer_mut(), inner, shown, t.text);
}

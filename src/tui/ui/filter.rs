//! The filter menu: sections of entries with check boxes, drawn over the right of the table.

use super::parts::{centered, fit};
use crate::tui::app::App;
use crate::tui::filter_menu::{FilterMenu, Item, PARAM_STEPS};
use crate::tui::format::billions;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn draw(frame: &mut Frame, body: Rect, app: &App, menu: &FilterMenu) {
    let t = &app.chrome.theme;
    // Below the search line, so the active filters stay visible above the table.
    let below = Rect {
        y: body.y + 1,
        height: body.height.saturating_sub(1),
        ..body
    };
    let area = centered(below, 48, below.height);
    let area = Rect {
        x: below.right().saturating_sub(area.width),
        ..area
    };
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(t.border)
        .title(Span::styled(" Filters ", t.title))
        .title_bottom(Span::styled(
            " Space toggle · x clear · Esc close ",
            t.muted,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let filters = &app.catalogue.query.filters;
    let width = usize::from(inner.width);
    // (line, item index) so the cursor line can be kept in view.
    let mut lines: Vec<(Line, Option<usize>)> = Vec::new();
    let mut section = "";
    for (i, item) in menu.items.iter().enumerate() {
        if item.section() != section {
            section = item.section();
            lines.push((Line::from(Span::styled(section, t.header)), None));
        }
        let on = menu.is_on(item, filters);
        let check = match item {
            Item::FitsGpu => "   ",
            _ if on => "[x]",
            _ => "[ ]",
        };
        let text = label(item, menu, app);
        let style = if i == menu.cursor {
            t.selection
        } else {
            t.text
        };
        let check_style = if i == menu.cursor {
            t.selection
        } else if on {
            t.good
        } else {
            t.muted
        };
        let line = Line::from(vec![
            Span::styled(format!(" {check} "), check_style),
            Span::styled(fit(&text, width.saturating_sub(5)), style),
        ]);
        lines.push((line, Some(i)));
    }
    let height = usize::from(inner.height);
    let cursor_line = lines
        .iter()
        .position(|(_, i)| *i == Some(menu.cursor))
        .unwrap_or(0);
    let start = (cursor_line + 1).saturating_sub(height);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(start)
        .take(height)
        .map(|(l, _)| l)
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

fn label(item: &Item, menu: &FilterMenu, app: &App) -> String {
    use crate::domain::query::Openish;
    match item {
        Item::Tier(t) => format!("{} {}", t.short(), t.as_str()),
        Item::Openish(Openish::Open) => "open weights (any open tier)".into(),
        Item::Openish(Openish::Proprietary) => "proprietary (closed API)".into(),
        Item::Origin(o) | Item::Vendor(o) | Item::Provider(o) => o.clone(),
        Item::Hosted => "has a hosted offering (cloud or host)".into(),
        Item::MinParams => format!(
            "at least ‹{}› parameters",
            billions(PARAM_STEPS[menu.min_params])
        ),
        Item::MaxParams => format!(
            "at most ‹{}› parameters",
            billions(PARAM_STEPS[menu.max_params])
        ),
        Item::License(l) => l.as_str().into(),
        Item::Sizable => "can be sized for self-hosting".into(),
        Item::FitsOn => format!("fits on ‹{}› GPU(s) (fp16 + 20% KV)", menu.gpus),
        Item::FitsGpu => match app.ctx.catalog.gpus.get(menu.gpu) {
            Some(g) => format!("GPU ‹{}›", g.name),
            None => "GPU".into(),
        },
    }
}

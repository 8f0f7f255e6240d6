//! The help overlay: the lines `update` made from the keymap, styled by the theme.

use super::parts;
use super::parts::centered;
use crate::tui::app::App;
use crate::tui::help::HelpText;
use crate::tui::layout::max_scroll;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

pub fn draw(frame: &mut Frame, body: Rect, app: &App, scroll: usize) {
    let t = &app.chrome.theme;
    // Made by update; a view drawn without one (a test's) makes its own.
    let made;
    let text = match &app.chrome.help {
        Some(h) if h.body_width == body.width => h,
        _ => {
            made = HelpText::new(&app.ctx.keymap, body.width);
            &made
        }
    };
    let key_w = text.key_w;
    let area = centered(body, text.width, body.height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(t.border)
        .title(Span::styled(" Help ", t.title))
        .title_bottom(Span::styled(" j/k scroll · Esc or ? close ", t.muted));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let entries = &text.entries;
    let max = max_scroll(entries.len(), usize::from(inner.height));
    app.chrome.measured.help_max.set(Some(max));
    let lines: Vec<Line> = entries
        .iter()
        .skip(scroll.min(max))
        .take(usize::from(inner.height))
        .map(|(key, help, heading)| {
            if *heading {
                Line::from(Span::styled(key.as_str(), t.header))
            } else {
                let style: Style = match key.as_str() {
                    "FO" => t.tier_fully_open,
                    "OP" => t.tier_open_permissive,
                    "OR" => t.tier_open_restricted,
                    "CL" => t.tier_closed,
                    _ => t.hint_key,
                };
                Line::from(vec![
                    Span::styled(format!("  {key:<key_w$}"), style),
                    Span::styled(help.as_str(), t.text),
                ])
            }
        })
        .collect();
    parts::put_paragraph(frame.buffer_mut(), inner, &lines, Style::default());
}

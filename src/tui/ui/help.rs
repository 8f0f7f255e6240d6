//! The help overlay, generated from the keymap: every binding grouped by mode, then a legend.

use super::{cells, centered};
use crate::domain::catalog::Openness;
use crate::tui::app::App;
use crate::tui::format::{CONFLICT, UNKNOWN};
use crate::tui::keymap::Keymap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

/// (key column, description, is heading) for every line of the help.
pub fn entries(keymap: &Keymap) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    for (mode, bindings) in &keymap.modes {
        out.push((mode.title().to_string(), String::new(), true));
        for b in bindings {
            out.push((b.labels.join(", "), b.help.clone(), false));
        }
        out.push((String::new(), String::new(), false));
    }
    out.push(("Legend".into(), String::new(), true));
    for tier in Openness::ALL {
        out.push((tier.short().into(), tier.as_str().into(), false));
    }
    out.push((
        CONFLICT.into(),
        "sources disagree; Enter shows every value".into(),
        false,
    ));
    out.push((UNKNOWN.into(), "unknown".into(), false));
    out
}

pub fn line_count(keymap: &Keymap) -> usize {
    entries(keymap).len()
}

pub fn draw(frame: &mut Frame, body: Rect, app: &App, scroll: usize) {
    let t = &app.theme;
    let area = centered(body, 76, body.height);
    cells::clear(frame.buffer_mut(), area);
    let block = Block::bordered()
        .border_style(t.border)
        .title(Span::styled(" Help ", t.title))
        .title_bottom(Span::styled(" j/k scroll · Esc or ? close ", t.muted));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let key_w = 22;
    let lines: Vec<Line> = entries(&app.keymap)
        .into_iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .map(|(key, help, heading)| {
            if heading {
                Line::from(Span::styled(key, t.header))
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
                    Span::styled(help, t.text),
                ])
            }
        })
        .collect();
    cells::put_paragraph(frame.buffer_mut(), inner, &lines, Style::default());
}

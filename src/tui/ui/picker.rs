//! The fuzzy picker overlay: the typed query, then the matching choices with their details.

use super::parts::{centered, fit};
use crate::tui::app::App;
use crate::tui::layout::picker_rows;
use crate::tui::picker::Picker;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, body: Rect, app: &App, p: &Picker) {
    let t = &app.chrome.theme;
    let rows = picker_rows(app.chrome.size.1);
    let area = centered(body, 70, rows as u16 + 4);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(t.border)
        .title(Span::styled(format!(" {} ", p.title), t.title))
        .title_bottom(Span::styled(
            format!(
                " {} of {} · type to search · Enter choose · Esc cancel ",
                p.matches.len(),
                p.choices.len()
            ),
            t.muted,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = vec![Line::from(vec![
        Span::styled("› ", t.accent),
        Span::styled(p.query.clone(), t.text),
    ])];
    lines.push(Line::from(Span::styled("─".repeat(width), t.border)));
    if p.matches.is_empty() {
        lines.push(Line::from(Span::styled(
            " nothing matches; Backspace widens the search",
            t.muted,
        )));
    }
    for (n, &i) in p.matches.iter().enumerate().skip(p.offset).take(rows) {
        let c = &p.choices[i];
        let selected = n == p.selected;
        let mark = if c.id == p.current { "• " } else { "  " };
        let label = fit(&c.label, width.saturating_sub(4).min(32));
        let detail_w = width.saturating_sub(label.width() + 5);
        let detail = fit(&c.detail, detail_w);
        let base = if selected { t.selection } else { t.text };
        let mut spans = vec![
            Span::styled(
                mark.to_string(),
                if selected { t.selection } else { t.mark },
            ),
            Span::styled(label.clone(), base),
            Span::styled("  ", base),
            Span::styled(detail.clone(), if selected { t.selection } else { t.muted }),
        ];
        let used = 2 + label.width() + 2 + detail.width();
        if selected && used < width {
            spans.push(Span::styled(" ".repeat(width - used), base));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x + 2 + p.query.width() as u16;
    if x < inner.right() {
        frame.set_cursor_position(Position::new(x, inner.y));
    }
}

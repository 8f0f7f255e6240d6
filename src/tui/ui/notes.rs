//! The notes editor overlay, and the notices overlay (messages too long for the notice line).

use super::parts::{centered, fit};
use crate::tui::app::App;
use crate::tui::layout::max_scroll;
use crate::tui::notes::NotesEditor;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, body: Rect, app: &App, editor: &NotesEditor) {
    let t = &app.chrome.theme;
    let area = centered(body, 100, body.height);
    frame.render_widget(Clear, area);
    let chars: usize = editor.area.lines().iter().map(|l| l.chars().count()).sum();
    let block = Block::bordered()
        .border_style(t.border)
        .title(Span::styled(
            format!(" Notes: {} ", fit(&app.doc.scenario.name, 40)),
            t.title,
        ))
        .title_bottom(Span::styled(
            format!(" {chars} characters · saved as you type · Esc done "),
            t.muted,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if editor.area.is_empty() {
        let hint = "What did the room decide? Type here; Enter starts a new line.";
        frame.render_widget(Paragraph::new(Span::styled(hint, t.muted)), inner);
        frame.set_cursor_position((inner.x, inner.y));
        return;
    }
    let mut area = editor.area.clone();
    area.set_style(t.text);
    area.set_cursor_line_style(t.text);
    area.set_cursor_style(t.selection);
    frame.render_widget(&area, inner);
}

pub fn draw_notices(frame: &mut Frame, body: Rect, app: &App, lines: &[String], scroll: usize) {
    let t = &app.chrome.theme;
    let block = Block::bordered()
        .border_style(t.border)
        .title(Span::styled(" Notices ", t.title))
        .title_bottom(Span::styled(" Esc or Enter closes ", t.muted));
    let text: Vec<Line> = lines
        .iter()
        .flat_map(|l| {
            [
                Line::from(Span::styled(format!("• {l}"), t.text)),
                Line::from(""),
            ]
        })
        .collect();
    let p = Paragraph::new(text).wrap(Wrap { trim: false });
    // As tall as the wrapped messages (a blank line after each), within the body; the count
    // is ratatui's own for this width, so the last line can always be scrolled to.
    let inner_w = body.width.min(76).saturating_sub(2).max(1);
    let rows = p.line_count(inner_w);
    let area = centered(body, 76, (rows + 1).min(usize::from(body.height)) as u16);
    let shown = usize::from(area.height.saturating_sub(2));
    app.chrome
        .measured
        .notices_max
        .set(Some(max_scroll(rows, shown)));
    frame.render_widget(Clear, area);
    let p = p
        .block(block)
        .scroll((scroll.min(u16::MAX as usize) as u16, 0));
    frame.render_widget(p, area);
}

//! Shown instead of everything else when the terminal is below the minimum size.

use crate::tui::app::{App, MIN_HEIGHT, MIN_WIDTH};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.chrome.theme;
    let lines = vec![
        Line::from(Span::styled("Terminal too small", t.warn)),
        Line::from(format!("need {MIN_WIDTH}x{MIN_HEIGHT}")),
        Line::from(format!("have {}x{}", area.width, area.height)),
        Line::from(Span::styled("resize, or q to quit", t.muted)),
    ];
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let inner = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        inner,
    );
}

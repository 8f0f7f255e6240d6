//! The scenario list overlay: every saved scenario (the active one marked), and below it the
//! name being typed or the delete question.

use super::parts::{centered, fit};
use crate::tui::app::App;
use crate::tui::layout::scenario_rows;
use crate::tui::scenarios::{ScenarioList, Step};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, body: Rect, app: &App, list: &ScenarioList) {
    let t = &app.chrome.theme;
    let rows = scenario_rows(app.chrome.size.1);
    let names = app.doc.session.names();
    let area = centered(body, 60, rows.min(names.len().max(1)) as u16 + 5);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(t.border)
        .title(Span::styled(" Scenarios ", t.title))
        .title_bottom(Span::styled(
            format!(" {} saved · ● active ", names.len()),
            t.muted,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let selected = list.selected.min(names.len().saturating_sub(1));
    let shown = rows.min(names.len()).max(1);
    let offset = (selected + 1).saturating_sub(shown);
    let mut lines = Vec::new();
    for (i, name) in names.iter().enumerate().skip(offset).take(shown) {
        let active = *name == app.doc.scenario.name;
        let style = if i == selected { t.selection } else { t.text };
        let text = fit(name, width.saturating_sub(3));
        let pad = width.saturating_sub(text.width() + 2);
        lines.push(Line::from(vec![
            Span::styled(
                if active { "● " } else { "  " },
                if i == selected { t.selection } else { t.mark },
            ),
            Span::styled(format!("{text}{}", " ".repeat(pad)), style),
        ]));
    }
    lines.push(Line::from(Span::styled("─".repeat(width), t.border)));
    let mut cursor = None;
    match &list.step {
        Step::Browse => lines.push(Line::from(Span::styled(
            fit("Enter switch · a new · c copy · r rename · d delete", width),
            t.muted,
        ))),
        Step::Naming { purpose, error, .. } => {
            let (text, at) = list.naming_text().unwrap_or_default();
            let label = format!("{}: ", purpose.title());
            let room = width.saturating_sub(label.width() + 1);
            // Keep the cursor in view: show the end of a long name.
            let chars: Vec<char> = text.chars().collect();
            let start = at.saturating_sub(room);
            let visible: String = chars[start.min(chars.len())..].iter().take(room).collect();
            let before: String = chars[start.min(chars.len())..at.min(chars.len())]
                .iter()
                .collect();
            cursor = Some(label.width() + before.width());
            lines.push(Line::from(vec![
                Span::styled(label, t.accent),
                Span::styled(visible, t.text),
            ]));
            if let Some(e) = error {
                lines.push(Line::from(Span::styled(fit(e, width), t.bad)));
            }
        }
        Step::ConfirmDelete => {
            let name = names.get(selected).map_or("", String::as_str);
            lines.push(Line::from(Span::styled(
                fit(&format!("Delete \"{name}\"? y deletes · n keeps"), width),
                t.warn,
            )));
        }
    }
    let y = inner.y + lines.len().saturating_sub(1) as u16;
    let y = if matches!(&list.step, Step::Naming { error: Some(_), .. }) {
        y - 1
    } else {
        y
    };
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(x) = cursor {
        let x = inner.x + x as u16;
        if x < inner.right() && y < inner.bottom() {
            frame.set_cursor_position(Position::new(x, y));
        }
    }
}

//! The explanation overlay: a table row's arithmetic from cost-model.md, step by step, with
//! this scenario's numbers in place of the symbols.

use super::parts::centered;
use crate::domain::explain::Explanation;
use crate::tui::app::App;
use crate::tui::breakeven::row_count;
use crate::tui::layout::explain_width;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

fn lines<'a>(e: &'a Explanation, app: &App) -> Vec<Line<'a>> {
    let t = &app.chrome.theme;
    let mut out = Vec::new();
    for s in &e.steps {
        out.push(Line::from(vec![
            Span::styled(format!("{}: ", s.name), t.header),
            Span::styled(s.formula.clone(), t.text),
        ]));
        if !s.numbers.is_empty() {
            out.push(Line::from(vec![
                Span::styled("    = ", t.muted),
                Span::styled(s.numbers.clone(), t.text),
            ]));
        }
        out.push(Line::from(vec![
            Span::styled("    = ", t.muted),
            Span::styled(s.result.clone(), t.accent),
        ]));
    }
    out.push(Line::raw(""));
    out.push(Line::from(Span::styled(e.conclusion.clone(), t.good)));
    out
}

pub fn draw(frame: &mut Frame, body: Rect, app: &App, row: usize, scroll: usize, e: &Explanation) {
    let t = &app.chrome.theme;
    let area = centered(body, explain_width(app.chrome.size.0), body.height);
    frame.render_widget(Clear, area);
    let rows = row_count(&app.breakeven.view);
    let block = Block::bordered()
        .border_style(t.border)
        .title(Span::styled(format!(" {} ", e.title), t.title))
        .title_bottom(Span::styled(
            format!(
                " row {} of {rows} · ←/→ row · j/k scroll · Esc close ",
                row + 1
            ),
            t.muted,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text = lines(e, app);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(u16::MAX as usize) as u16, 0)),
        inner,
    );
}

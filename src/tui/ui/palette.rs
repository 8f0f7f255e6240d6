//! The command palette overlay: the typed query, then one row per match: its kind, its text
//! with the matched characters highlighted, where it belongs, and an action's keys at the right.

use super::parts::{centered, fit};
use crate::tui::app::App;
use crate::tui::layout::{Scroll, palette_rows};
use crate::tui::palette::{Entry, Hit, Palette};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The first row shown: the stored one, moved if the list got shorter (a resize).
fn first_row(p: &Palette, rows: usize) -> usize {
    let mut offset = p.offset;
    offset.follow(p.selected, rows);
    offset
}

pub fn draw(frame: &mut Frame, body: Rect, app: &App, p: &Palette) {
    let t = &app.chrome.theme;
    let rows = palette_rows(app.chrome.size.1);
    let area = centered(body, body.width.saturating_sub(4).min(110), rows as u16 + 4);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(t.border)
        .title(Span::styled(" Command palette ", t.title))
        .title_bottom(Span::styled(
            format!(
                " {} of {} · type to narrow · ↑/↓ move · Enter run · Esc close ",
                p.matches.len(),
                p.entries.len()
            ),
            t.muted,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = vec![
        Line::from(vec![
            Span::styled("› ", t.accent),
            Span::styled(p.query.as_str(), t.text),
        ]),
        Line::from(Span::styled("─".repeat(width), t.border)),
    ];
    if p.matches.is_empty() {
        lines.push(Line::from(Span::styled(
            " nothing matches; Backspace widens the search",
            t.muted,
        )));
    }
    let shown: Vec<_> = p
        .matches
        .iter()
        .enumerate()
        .skip(first_row(p, rows))
        .take(rows)
        .collect();
    // Aligned columns, as wide as the visible rows need (within limits).
    let cap = |w: usize| w.min(if width >= 100 { 24 } else { 16 });
    let context_w = cap(shown
        .iter()
        .map(|(_, m)| p.entries[m.entry].context.width())
        .max()
        .unwrap_or(0));
    let keys_w = cap(shown
        .iter()
        .map(|(_, m)| p.entries[m.entry].keys.width())
        .max()
        .unwrap_or(0));
    let columns = Columns {
        text: width.saturating_sub(10 + 1 + context_w + 2 + keys_w + 1),
        context: context_w,
        keys: keys_w,
    };
    for (n, m) in shown {
        lines.push(row(
            &p.entries[m.entry],
            &m.hit,
            n == p.selected,
            &columns,
            t,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x + 2 + p.query.width() as u16;
    if x < inner.right() {
        frame.set_cursor_position(Position::new(x, inner.y));
    }
}

struct Columns {
    text: usize,
    context: usize,
    keys: usize,
}

/// `text` cut to `width`, as pieces: the characters at `hits` highlighted, the last `muted`
/// characters muted.
fn pieces(
    text: &str,
    width: usize,
    hits: &[usize],
    muted: usize,
    base: (Style, Style, Style),
) -> Vec<Span<'static>> {
    let (plain, dim, matched) = base;
    let shown = fit(text, width);
    let muted_from = text.chars().count().saturating_sub(muted);
    let mut own = text.chars();
    let mut spans: Vec<Span> = Vec::new();
    for (i, c) in shown.chars().enumerate() {
        // The cut's ellipsis is never the text's own character, so never highlighted.
        let original = own.next() == Some(c);
        let style = if original && hits.contains(&i) {
            matched
        } else if i >= muted_from {
            dim
        } else {
            plain
        };
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push(c),
            _ => spans.push(Span::styled(c.to_string(), style)),
        }
    }
    spans
}

fn row(e: &Entry, hit: &Hit, selected: bool, cols: &Columns, t: &Theme) -> Line<'static> {
    let pick = |s: Style| if selected { t.selection.patch(s) } else { s };
    let sel = |s: Style| if selected { t.selection } else { s };
    let none: &[usize] = &[];
    let (text_hits, context_hits) = match hit {
        Hit::Text(i) => (i.as_slice(), none),
        Hit::Context(i) => (none, i.as_slice()),
        Hit::Nothing => (none, none),
    };
    let mut spans = vec![Span::styled(
        format!(" {:<8} ", e.kind.label()),
        sel(t.muted),
    )];
    let text = pieces(
        &e.text,
        cols.text,
        text_hits,
        e.muted_tail,
        (sel(t.text), sel(t.muted), pick(t.matched)),
    );
    let used: usize = text.iter().map(|s| s.content.width()).sum();
    spans.extend(text);
    spans.push(Span::styled(
        " ".repeat(cols.text.saturating_sub(used) + 1),
        sel(t.text),
    ));
    let context = pieces(
        &e.context,
        cols.context,
        context_hits,
        0,
        (sel(t.muted), sel(t.muted), pick(t.matched)),
    );
    let used: usize = context.iter().map(|s| s.content.width()).sum();
    spans.extend(context);
    let keys = fit(&e.keys, cols.keys);
    spans.push(Span::styled(
        " ".repeat(cols.context.saturating_sub(used) + 2 + cols.keys - keys.width()),
        sel(t.text),
    ));
    spans.push(Span::styled(keys, sel(t.hint_key)));
    spans.push(Span::styled(" ", sel(t.text)));
    Line::from(spans)
}

//! Small drawing pieces the views share: placing a box, cutting and wrapping text, section
//! titles, tier colours.

use super::cells;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Borders;
use unicode_width::UnicodeWidthStr;

/// A rectangle of at most `w` x `h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Cut `text` to `width` columns, ending in "…" when shortened.
pub fn fit(text: &str, width: usize) -> String {
    crate::domain::text::truncate_to_width(text, width).into_owned()
}

/// Words of `text` in lines of at most `width` columns; a word longer than a line is cut.
/// The width of the line so far is kept as words are added (a space between words never joins
/// them into one wider sequence), instead of measuring the whole line again for every word.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_w = 0;
    for word in text.split_whitespace() {
        let word_w = word.width();
        if !line.is_empty() && line_w + 1 + word_w > width {
            lines.push(std::mem::take(&mut line));
            line_w = 0;
        }
        if !line.is_empty() {
            line.push(' ');
            line_w += 1;
        }
        line.push_str(word);
        line_w += word_w;
        if line_w > width {
            lines.push(fit(&line, width));
            line.clear();
            line_w = 0;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The first of `options` that fits `width`, else the last one cut.
pub fn first_fit(options: &[String], width: usize) -> String {
    options
        .iter()
        .find(|o| o.width() <= width)
        .cloned()
        .unwrap_or_else(|| fit(options.last().map_or("", |s| s.as_str()), width))
}

/// A section title on a top border, highlighted when the section has focus; returns the
/// area under the border.
pub fn section(buf: &mut Buffer, area: Rect, title: &str, focused: bool, t: &Theme) -> Rect {
    let (style, mark, title_style) = if focused {
        (t.accent, "▸ ", t.accent)
    } else {
        (t.border, "", t.header)
    };
    let text = format!(" {mark}{title} ");
    cells::border(buf, area, Borders::TOP, style, &[(&text, title_style)]);
    Rect {
        y: area.y.saturating_add(1).min(area.bottom()),
        height: area.height.saturating_sub(1),
        ..area
    }
}

pub fn tier_style(tier: u8, t: &Theme) -> Style {
    t.series[usize::from(tier.saturating_sub(1)).min(crate::tui::theme::SERIES - 1)]
}

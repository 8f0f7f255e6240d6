//! Small drawing pieces the views share: placing a box, cutting and wrapping text, section
//! titles, tier colours.

pub use crate::tui::layout::{fit, wrap};

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

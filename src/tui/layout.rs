//! Screen geometry that `update` and the drawing both need, so that `update` never asks `ui/`:
//! how many rows a pane's table or a list shows at a terminal size, the scroll arithmetic, and
//! the sizes only a draw can know (lines of wrapped text), recorded by the draw for the next
//! update as gitui does with a `Cell` of the last size.

use super::action::Action;
use ratatui::layout::Rect;
use std::cell::Cell;
use unicode_width::UnicodeWidthStr;

/// Rows between the top bar and the two bottom lines.
pub fn body_rows(height: u16) -> usize {
    usize::from(height).saturating_sub(3)
}

/// The body of a terminal of this size (between the top bar and the two bottom lines).
pub fn body_area((width, height): (u16, u16)) -> Rect {
    Rect::new(0, 1, width, height.saturating_sub(3))
}

/// Catalogue table rows that fit: the body less the search line and the header.
pub fn table_rows(height: u16) -> usize {
    body_rows(height).saturating_sub(2)
}

/// Rows of the fuzzy picker's list.
pub fn picker_rows(height: u16) -> usize {
    body_rows(height).min(20).saturating_sub(4)
}

/// Rows of the command palette's list.
pub fn palette_rows(height: u16) -> usize {
    body_rows(height).min(26).saturating_sub(4)
}

/// Rows of the saved-scenarios list.
pub fn scenario_rows(height: u16) -> usize {
    body_rows(height).min(20).saturating_sub(5)
}

/// Visible rows of the detail view's text in a body of `body` rows (one goes to the title).
pub fn detail_text_rows(body: usize) -> usize {
    body.saturating_sub(1)
}

/// Width of the explanation overlay at a terminal width.
pub fn explain_width(width: u16) -> u16 {
    width.saturating_sub(4).min(110)
}

/// Wrapped lines of explanation text (`lines` after the title rows) at a terminal width.
pub fn explain_line_count<'a>(lines: impl IntoIterator<Item = &'a str>, width: u16) -> usize {
    let inner = usize::from(explain_width(width).saturating_sub(2)).max(1);
    lines
        .into_iter()
        .map(|l| {
            unicode_width::UnicodeWidthStr::width(l)
                .div_ceil(inner)
                .max(1)
        })
        .sum()
}

/// Where each part of the hybrid pane goes.
pub struct HybridParts {
    pub header: Rect,
    pub tiers: Rect,
    pub table: Rect,
    pub totals: Rect,
    /// The cheapest compliant plan and its bands over volume (0 to 2 rows, as room allows).
    pub optimum: Rect,
    pub findings: Rect,
}

/// Hybrid tier boxes grow with the terminal: 4 lines of text up to 29 rows, 6 up to 39, then 9.
pub fn tier_height(body_height: u16) -> u16 {
    match body_height {
        0..=29 => 6,
        30..=39 => 8,
        _ => 11,
    }
}

/// The hybrid pane's parts in `area` for `cases` use cases and `findings` findings.
pub fn hybrid_parts(area: Rect, cases: usize, findings: usize) -> HybridParts {
    let cases = cases as u16;
    let findings = findings as u16;
    let tiers_h = tier_height(area.height);
    let fixed = 1 + tiers_h + 1;
    let rest = area.height.saturating_sub(fixed);
    let findings_min = 1 + findings.clamp(1, 2);
    // The optimum's two lines come after a minimal table and the findings' minimum.
    let optimum_h = rest.saturating_sub(3 + findings_min).min(2);
    let table_h = (2 + cases.max(1))
        .min(rest.saturating_sub(findings_min + optimum_h))
        .max(3);
    let row = |y: u16, h: u16| Rect {
        y,
        height: h.min(area.bottom().saturating_sub(y)),
        ..area
    };
    let header = row(area.y, 1);
    let tiers = row(header.bottom(), tiers_h);
    let table = row(tiers.bottom(), table_h);
    let totals = row(table.bottom(), 1);
    let optimum = row(totals.bottom(), optimum_h);
    let findings = row(
        optimum.bottom(),
        area.bottom().saturating_sub(optimum.bottom()),
    );
    HybridParts {
        header,
        tiers,
        table,
        totals,
        optimum,
        findings,
    }
}

/// Use-case rows visible in the hybrid table (below its title and header).
pub fn hybrid_table_rows(size: (u16, u16), cases: usize, findings: usize) -> usize {
    let parts = hybrid_parts(body_area(size), cases, findings);
    usize::from(parts.table.height.saturating_sub(2))
}

/// The one scroll arithmetic, on the first visible row or line of a list or text.
pub trait Scroll {
    /// Move the window the least so that `selected` is among `rows` visible rows.
    fn follow(&mut self, selected: usize, rows: usize);
    /// Back by `n`, stopping at the top.
    fn back(&mut self, n: usize);
    /// On by `n`, stopping at `max`.
    fn forward(&mut self, n: usize, max: usize);
    /// Never past `max`.
    fn stop_at(&mut self, max: usize);
}

impl Scroll for usize {
    fn follow(&mut self, selected: usize, rows: usize) {
        let rows = rows.max(1);
        if selected < *self {
            *self = selected;
        } else if selected >= *self + rows {
            *self = selected + 1 - rows;
        }
    }

    fn back(&mut self, n: usize) {
        *self = self.saturating_sub(n);
    }

    fn forward(&mut self, n: usize, max: usize) {
        *self = self.saturating_add(n).min(max);
    }

    fn stop_at(&mut self, max: usize) {
        *self = (*self).min(max);
    }
}

/// A scrolling key on a text whose largest scroll is `max`, `page` lines a page; false for
/// any other action.
pub fn scroll_text(scroll: &mut usize, action: &Action, page: usize, max: usize) -> bool {
    match action {
        Action::Up => scroll.back(1),
        Action::Down => scroll.forward(1, max),
        Action::PageUp => scroll.back(page),
        Action::PageDown => scroll.forward(page, max),
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = max,
        _ => return false,
    }
    true
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

/// The largest scroll of `lines` lines in a window of `rows`.
pub fn max_scroll(lines: usize, rows: usize) -> usize {
    lines.saturating_sub(rows)
}

/// Sizes only a draw knows (wrapped text), recorded by the last draw for the next update.
/// `None` until the overlay has been drawn once; the draw never shows past its own end.
#[derive(Debug, Default)]
pub struct Measured {
    /// Largest scroll of the help overlay.
    pub help_max: Cell<Option<usize>>,
    /// Largest scroll of the detail overlay of the model last drawn.
    pub detail_max: Cell<Option<usize>>,
    /// Largest scroll of the comparison view.
    pub compare_max: Cell<Option<usize>>,
    /// Largest scroll of the findings overlay.
    pub findings_max: Cell<Option<usize>>,
    /// Largest scroll of the notices overlay.
    pub notices_max: Cell<Option<usize>>,
}

impl Measured {
    /// A recorded limit, or none before the first draw.
    pub fn limit(cell: &Cell<Option<usize>>) -> usize {
        cell.get().unwrap_or(usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_moves_the_window_the_least() {
        let mut offset = 0;
        offset.follow(12, 10);
        assert_eq!(offset, 3);
        offset.follow(5, 10);
        assert_eq!(offset, 3);
        offset.follow(1, 10);
        assert_eq!(offset, 1);
        offset.follow(4, 0);
        assert_eq!(offset, 4, "no room still shows the selection");
    }

    #[test]
    fn steps_stop_at_the_ends() {
        let mut s = 2;
        s.back(5);
        assert_eq!(s, 0);
        s.forward(7, 5);
        assert_eq!(s, 5);
        s.forward(usize::MAX, usize::MAX);
        assert_eq!(s, usize::MAX);
        s.stop_at(3);
        assert_eq!(s, 3);
        assert_eq!(max_scroll(10, 4), 6);
        assert_eq!(max_scroll(3, 4), 0);
    }
}

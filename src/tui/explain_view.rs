//! The arithmetic behind one row of pane 2's table (`e`), an overlay that steps through the
//! rows with ←/→ and scrolls within its wrapped text.

use super::action::Action;
use super::breakeven::{self, BreakEvenView, row_count};
use super::layout::{self, max_scroll, scroll_text};
use super::reply::Reply;
use crate::domain::explain::Explanation;

#[derive(Debug, Clone, PartialEq)]
pub struct ExplainView {
    /// The table row explained: API rows first, then the deployment.
    pub row: usize,
    pub scroll: usize,
    pub explanation: Explanation,
}

impl ExplainView {
    /// The view of `row` (clamped to the table), or a notice when no row resolves.
    pub fn open(view: &BreakEvenView, row: usize) -> Result<ExplainView, String> {
        let rows = row_count(view);
        if rows == 0 {
            return Err("nothing to explain: no API model or deployment resolves".into());
        }
        let row = row.min(rows - 1);
        let explanation = breakeven::explanation(view, row)
            .ok_or_else(|| format!("row {row} of the table has no explanation"))?;
        Ok(ExplainView {
            row,
            scroll: 0,
            explanation,
        })
    }

    /// Handle an action over the pane's current `view`, in a terminal of `size`.
    pub fn update(&mut self, action: Action, view: &BreakEvenView, size: (u16, u16)) -> Reply {
        let rows = row_count(view);
        let body = layout::body_rows(size.1).saturating_sub(2);
        let lines = self.explanation.lines();
        let lines = layout::explain_line_count(lines.iter().skip(2).map(String::as_str), size.0);
        if scroll_text(&mut self.scroll, &action, body, max_scroll(lines, body)) {
            return Reply::Redraw;
        }
        match action {
            Action::Left | Action::Right | Action::FocusNext | Action::FocusPrev => {
                if rows == 0 {
                    return Reply::Nothing;
                }
                let back = matches!(action, Action::Left | Action::FocusPrev);
                let next = if back {
                    (self.row + rows - 1) % rows
                } else {
                    (self.row + 1) % rows
                };
                if let Some(e) = breakeven::explanation(view, next) {
                    self.row = next;
                    self.scroll = 0;
                    self.explanation = e;
                }
                Reply::Redraw
            }
            Action::Close => Reply::Close,
            _ => Reply::Nothing,
        }
    }
}

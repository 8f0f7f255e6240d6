//! How actions change the tornado view: the selected bar, the span, the API model it is
//! against; `Enter` asks the app to jump to the bar's slider.

use super::{MIN_SPAN, SPAN_STEP, Sensitivity};
use crate::domain::catalog::Catalog;
use crate::domain::scenario::Scenario;
use crate::domain::sensitivity::MAX_SPAN;
use crate::tui::action::Action;
use crate::tui::breakeven::BreakEvenView;
use crate::tui::reply::{Ask, Reply};

impl Sensitivity {
    /// The tornado of the hybrid plan, or the break-even one against the `api`-th model.
    pub fn of(
        hybrid: bool,
        view: &BreakEvenView,
        scenario: &Scenario,
        catalog: &Catalog,
        api: usize,
        span: f64,
    ) -> Sensitivity {
        if hybrid {
            Sensitivity::hybrid(catalog, scenario, span)
        } else {
            Sensitivity::breakeven(view, scenario, catalog, api, span)
        }
    }

    /// Handle an action while the view is the top overlay; `view` is the break-even pane's.
    pub fn update(
        &mut self,
        action: Action,
        scenario: &Scenario,
        catalog: &Catalog,
        view: &BreakEvenView,
    ) -> Reply {
        let apis = view.apis.len();
        let (hybrid, mut span, mut api, rows) = (self.hybrid, self.span, self.api, self.rows.len());
        let mut selected = self.selected;
        match action {
            Action::Up => selected = selected.saturating_sub(1),
            Action::Down => selected = (selected + 1).min(rows.saturating_sub(1)),
            Action::PageUp => selected = selected.saturating_sub(10),
            Action::PageDown => selected = (selected + 10).min(rows.saturating_sub(1)),
            Action::Top => selected = 0,
            Action::Bottom => selected = rows.saturating_sub(1),
            Action::Increase | Action::Decrease => {
                let by = if action == Action::Increase {
                    SPAN_STEP
                } else {
                    -SPAN_STEP
                };
                // Whole steps, so repeated presses land on 0.30, not 0.30000000000000004.
                let next = ((span + by) / SPAN_STEP).round() * SPAN_STEP;
                let next = next.clamp(MIN_SPAN, MAX_SPAN);
                if (next - span).abs() < 1e-9 {
                    return Reply::Notice(format!(
                        "the span goes from ±{:.0}% to ±{:.0}%",
                        MIN_SPAN * 100.0,
                        MAX_SPAN * 100.0
                    ));
                }
                span = next;
            }
            Action::Left | Action::Right if !hybrid && apis > 1 => {
                api = if action == Action::Left {
                    (api + apis - 1) % apis
                } else {
                    (api + 1) % apis
                };
            }
            Action::Confirm => {
                return match self.rows.get(selected) {
                    Some(row) => Reply::Ask(Ask::Jump {
                        input: row.input.clone(),
                        target: row.target.clone(),
                    }),
                    None => Reply::Nothing,
                };
            }
            Action::Close => return Reply::Close,
            _ => return Reply::Nothing,
        }
        if self.span != span || self.api != api {
            let mut fresh = Sensitivity::of(hybrid, view, scenario, catalog, api, span);
            fresh.selected = selected.min(fresh.rows.len().saturating_sub(1));
            *self = fresh;
        } else {
            self.selected = selected;
        }
        Reply::Redraw
    }
}

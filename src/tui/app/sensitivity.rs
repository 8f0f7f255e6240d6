//! The app's side of `sensitivity.rs`: opening the tornado view and routing actions to it.

use super::{App, Outcome, Overlay, Pane};
use crate::domain::sensitivity::{DEFAULT_SPAN, MAX_SPAN};
use crate::tui::action::Action;
use crate::tui::hybrid_tier;
use crate::tui::hybrid_tier::TierSettings;
use crate::tui::sensitivity::*;
use crate::tui::sliders::{Field, SliderList, deployment_fields};

impl App {
    fn sensitivity(&self, hybrid: bool, api: usize, span: f64) -> Sensitivity {
        if hybrid {
            Sensitivity::hybrid(&self.ctx.catalog, &self.doc.scenario, span)
        } else {
            Sensitivity::breakeven(
                &self.breakeven.view,
                &self.doc.scenario,
                &self.ctx.catalog,
                api,
                span,
            )
        }
    }

    /// `v`: the tornado of the pane in view; the break-even one is against the selected API
    /// model (the first when no API slider is selected).
    pub(super) fn open_sensitivity(&mut self) -> Outcome {
        let hybrid = self.chrome.pane == Pane::Hybrid;
        let api = match self.breakeven.list.current() {
            Some(Field::Api(i)) if i < self.breakeven.view.apis.len() => i,
            _ => 0,
        };
        let view = self.sensitivity(hybrid, api, DEFAULT_SPAN);
        self.chrome
            .overlays
            .push(Overlay::Sensitivity(Box::new(view)));
        Outcome::redraw()
    }

    pub(super) fn update_sensitivity(&mut self, action: Action) -> Outcome {
        let apis = self.breakeven.view.apis.len();
        let Some(Overlay::Sensitivity(view)) = self.chrome.overlays.last() else {
            return Outcome::default();
        };
        let (hybrid, mut span, mut api, rows) = (view.hybrid, view.span, view.api, view.rows.len());
        let mut selected = view.selected;
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
                    return self.notify(format!(
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
            Action::Confirm => return self.sensitivity_jump(selected),
            Action::Close => {
                self.chrome.overlays.pop();
                return Outcome::redraw();
            }
            _ => return Outcome::default(),
        }
        let Some(Overlay::Sensitivity(view)) = self.chrome.overlays.last() else {
            return Outcome::default();
        };
        if view.span != span || view.api != api {
            let mut fresh = self.sensitivity(hybrid, api, span);
            fresh.selected = selected.min(fresh.rows.len().saturating_sub(1));
            if let Some(Overlay::Sensitivity(v)) = self.chrome.overlays.last_mut() {
                **v = fresh;
            }
        } else if let Some(Overlay::Sensitivity(v)) = self.chrome.overlays.last_mut() {
            v.selected = selected;
        }
        Outcome::redraw()
    }

    /// `Enter` on a bar: close the view and select that input's slider.
    fn sensitivity_jump(&mut self, selected: usize) -> Outcome {
        let Some(Overlay::Sensitivity(view)) = self.chrome.overlays.last() else {
            return Outcome::default();
        };
        let Some(row) = view.rows.get(selected) else {
            return Outcome::default();
        };
        let (input, target) = (row.input.clone(), row.target.clone());
        match target {
            Target::Nowhere(why) => self.notify(why),
            Target::Slider(field) => {
                let Some(at) = self.breakeven.list.fields.iter().position(|f| *f == field) else {
                    return self.notify(format!("{input} has no slider in this mode"));
                };
                self.chrome.overlays.pop();
                self.chrome.pane = Pane::BreakEven;
                self.breakeven.list.selected = at;
                self.notify(format!("{}: ←/→ step, Enter types a value", field.label()))
            }
            Target::Tier(tier, field) => {
                self.chrome.overlays.pop();
                let mode = hybrid_tier::deployment(&mut self.doc.scenario, tier)
                    .settings
                    .mode;
                let mut list = SliderList::new(deployment_fields(mode));
                list.selected = list.fields.iter().position(|f| *f == field).unwrap_or(0);
                self.chrome
                    .overlays
                    .push(Overlay::TierSettings(Box::new(TierSettings {
                        tier,
                        list,
                        editor: None,
                    })));
                self.notify(format!(
                    "tier {} {}: ←/→ step, Enter types a value",
                    tier + 1,
                    field.label()
                ))
            }
        }
    }
}

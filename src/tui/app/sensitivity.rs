//! The app's side of `sensitivity.rs`: opening the tornado view, routing actions to it (its
//! `update`), and the jump to a bar's slider.

use super::{App, Outcome, Overlay, Pane};
use crate::domain::sensitivity::DEFAULT_SPAN;
use crate::tui::action::Action;
use crate::tui::hybrid_tier;
use crate::tui::hybrid_tier::TierSettings;
use crate::tui::sensitivity::{Sensitivity, Target};
use crate::tui::sliders::{Field, SliderList, deployment_fields};

impl App {
    /// `v`: the tornado of the pane in view; the break-even one is against the selected API
    /// model (the first when no API slider is selected).
    pub(super) fn open_sensitivity(&mut self) -> Outcome {
        let hybrid = self.chrome.pane == Pane::Hybrid;
        let api = match self.breakeven.list.current() {
            Some(Field::Api(i)) if i < self.breakeven.view.apis.len() => i,
            _ => 0,
        };
        let view = Sensitivity::of(
            hybrid,
            &self.breakeven.view,
            &self.doc.scenario,
            &self.ctx.catalog,
            api,
            DEFAULT_SPAN,
        );
        self.chrome
            .overlays
            .push(Overlay::Sensitivity(Box::new(view)));
        Outcome::redraw()
    }

    pub(super) fn update_sensitivity(&mut self, action: Action) -> Outcome {
        let Some(Overlay::Sensitivity(view)) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let reply = view.update(
            action,
            &self.doc.scenario,
            &self.ctx.catalog,
            &self.breakeven.view,
        );
        self.answer(reply)
    }

    /// `Enter` on a bar: close the view and select that input's slider.
    pub(super) fn sensitivity_jump(&mut self, input: String, target: Target) -> Outcome {
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

//! The app's side of `hybrid_tier.rs`: opening it, routing actions to it (its `update`), and
//! the tier pickers' choices.

use super::{App, Outcome, Overlay};
use crate::domain::units::format_usd;
use crate::tui::action::Action;
use crate::tui::hybrid_tier::{
    TIER_TITLES, TierSettings, change_tier, current_model, deployment, tier_model_choices,
};
use crate::tui::picker::Picker;
use crate::tui::sliders::{Change, Field, SliderList, deployment_fields};

impl App {
    /// `m`: the picker of the models eligible for `tier`.
    pub(crate) fn open_tier_model(&mut self, tier: usize) -> Outcome {
        let choices = tier_model_choices(&self.ctx.catalog, tier);
        let current = current_model(&self.doc.scenario, tier).to_string();
        let picker = Picker::new(TIER_TITLES[tier].into(), Field::Model, choices, &current);
        self.chrome
            .overlays
            .push(Overlay::TierPicker { tier, picker });
        Outcome::redraw()
    }

    /// `Enter` on a tier box: the sliders of a self-hosted tier; the API tier has only a model.
    pub(crate) fn open_tier_settings(&mut self, tier: usize) -> Outcome {
        if tier == 0 {
            return self.open_tier_model(0);
        }
        let mode = deployment(&mut self.doc.scenario, tier).settings.mode;
        self.chrome
            .overlays
            .push(Overlay::TierSettings(Box::new(TierSettings {
                tier,
                list: SliderList::new(deployment_fields(mode)),
                editor: None,
            })));
        Outcome::redraw()
    }

    pub(crate) fn update_tier_picker(&mut self, action: Action) -> Outcome {
        let Some(Overlay::TierPicker { tier, .. }) = self.chrome.overlays.last() else {
            return Outcome::default();
        };
        let tier = *tier;
        match self.step_picker(&action) {
            Ok((field, id)) => self.picked_for_tier(tier, field, &id),
            Err(outcome) => outcome,
        }
    }

    fn picked_for_tier(&mut self, tier: usize, field: Field, id: &str) -> Outcome {
        if tier == 0 {
            self.doc.scenario.tiers.frontier = id.to_string();
        } else {
            let change = Change::Exact(id.to_string());
            let s = &mut self.doc.scenario;
            if let Err(e) = change_tier(s, &self.ctx.catalog, tier, field, &change) {
                return self.notify(e);
            }
            // A choice picked from the settings overlay may change which fields it lists.
            let mode = deployment(s, tier).settings.mode;
            if let Some(Overlay::TierSettings(settings)) = self.chrome.overlays.last_mut() {
                settings.list.set_fields(deployment_fields(mode));
            }
        }
        let (label, what) = match field {
            Field::Model => (
                "model",
                self.ctx.catalog.model(id).map_or(id, |m| m.name.as_str()),
            ),
            _ => (field.label(), id),
        };
        let done = format!("tier {}: {label} {what}", tier + 1);
        self.after_tier_change(tier, done)
    }

    pub(crate) fn update_tier_settings(&mut self, action: Action) -> Outcome {
        let Some(Overlay::TierSettings(s)) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let reply = s.update(action, &mut self.doc, &self.ctx.catalog);
        self.answer(reply)
    }

    /// Recompute now and report the tier's new monthly cost (or why there is none).
    pub(super) fn after_tier_change(&mut self, tier: usize, done: String) -> Outcome {
        self.hybrid.tier = tier;
        self.hybrid
            .refresh(&self.ctx.catalog, &self.ctx.rules, &self.doc.scenario);
        let text = match self.hybrid.view.as_ref().map(|v| &v.plan) {
            Some(Ok(p)) => format!(
                "{done} · tier {} {}/month",
                tier + 1,
                format_usd(p.tiers[tier].usd_per_month)
            ),
            Some(Err(e)) => format!("{done} · {}", e.error),
            None => done,
        };
        self.notify(text)
    }
}

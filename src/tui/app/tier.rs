//! The app's side of `hybrid_tier.rs`: opening it and routing actions to it.

use super::{App, Outcome, Overlay};
use crate::domain::scenario::Scenario;
use crate::domain::units::format_usd;
use crate::tui::action::Action;
use crate::tui::editor::{Editor, EditorEvent};
use crate::tui::hybrid_tier::{
    TIER_TITLES, TierSettings, current_model, deployment, tier_model_choices,
};
use crate::tui::picker::Picker;
use crate::tui::sliders::{self, Change, Field, SliderList, deployment_fields};

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

    /// Apply a change to a self-hosted tier's deployment; the error names the field.
    fn change_tier(&mut self, tier: usize, field: Field, change: &Change) -> Result<bool, String> {
        // `0` restores the built-in scenario's setting for this tier.
        let mut defaults = Scenario::builtin("", &[], |_| 2);
        let default = deployment(&mut defaults, tier).clone();
        let d = deployment(&mut self.doc.scenario, tier);
        let changed =
            sliders::deployment::change_deployment(field, d, &default, &self.ctx.catalog, change)?;
        let mode = d.settings.mode;
        if let Some(Overlay::TierSettings(s)) = self.chrome.overlays.last_mut() {
            s.list.set_fields(deployment_fields(mode));
        }
        Ok(changed)
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
        } else if let Err(e) = self.change_tier(tier, field, &Change::Exact(id.to_string())) {
            return self.notify(e);
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
        let tier = s.tier;
        let Some(field) = s.list.current() else {
            return Outcome::default();
        };
        if let Some(editor) = s.editor.as_mut() {
            return match editor.handle(&action) {
                EditorEvent::Editing(true) => Outcome::redraw(),
                EditorEvent::Editing(false) => Outcome::default(),
                EditorEvent::Cancel => {
                    s.editor = None;
                    Outcome::redraw()
                }
                EditorEvent::Submit(text) => {
                    match self.change_tier(tier, field, &Change::Exact(text)) {
                        Ok(_) => {
                            if let Some(Overlay::TierSettings(s)) = self.chrome.overlays.last_mut()
                            {
                                s.editor = None;
                            }
                            self.after_tier_change(
                                tier,
                                format!("tier {}: {} set", tier + 1, field.label()),
                            )
                        }
                        Err(e) => {
                            if let Some(Overlay::TierSettings(s)) = self.chrome.overlays.last_mut()
                                && let Some(ed) = s.editor.as_mut()
                            {
                                ed.error = Some(e);
                            }
                            Outcome::redraw()
                        }
                    }
                }
            };
        }
        let change = match action {
            Action::Up | Action::Down => {
                let by = if action == Action::Up { -1 } else { 1 };
                return if s.list.move_by(by) {
                    Outcome::redraw()
                } else {
                    Outcome::default()
                };
            }
            Action::Close => {
                self.chrome.overlays.pop();
                return Outcome::redraw();
            }
            Action::Confirm if field == Field::Model => return self.open_tier_model(tier),
            Action::Confirm if field.is_choice() => {
                let d = deployment(&mut self.doc.scenario, tier);
                let current = sliders::deployment::deployment_choice_id(field, d);
                let choices = sliders::deployment::deployment_choices(field, &self.ctx.catalog);
                let title = format!("Tier {}: choose the {}", tier + 1, field.label());
                let picker = Picker::new(title, field, choices, &current);
                self.chrome
                    .overlays
                    .push(Overlay::TierPicker { tier, picker });
                return Outcome::redraw();
            }
            Action::Confirm => {
                let d = deployment(&mut self.doc.scenario, tier);
                let text = sliders::deployment::deployment_text(field, d, &self.ctx.catalog);
                let unit = field.spec().map_or("", |s| s.unit);
                if let Some(Overlay::TierSettings(s)) = self.chrome.overlays.last_mut() {
                    s.editor = Some(Editor::new(field, &text, unit));
                }
                return Outcome::redraw();
            }
            Action::Left => Change::Step(-1),
            Action::Right => Change::Step(1),
            Action::FastLeft => Change::Step(-10),
            Action::FastRight => Change::Step(10),
            Action::Reset => Change::Reset,
            _ => return Outcome::default(),
        };
        match self.change_tier(tier, field, &change) {
            Ok(true) => {
                self.after_tier_change(tier, format!("tier {}: {}", tier + 1, field.label()))
            }
            Ok(false) => Outcome::default(),
            Err(e) => self.notify(e),
        }
    }

    /// Recompute now and report the tier's new monthly cost (or why there is none).
    fn after_tier_change(&mut self, tier: usize, done: String) -> Outcome {
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

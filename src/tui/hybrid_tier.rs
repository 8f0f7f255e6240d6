//! A tier's model and deployment, edited from the hybrid pane: `m` opens a fuzzy picker of the
//! models eligible for the tier; `Enter` on a self-hosted tier opens the break-even pane's
//! deployment sliders (the same fields, steps, editor and pickers) on that tier's deployment.

use super::action::Action;
use super::app::{App, Outcome, Overlay};
use super::editor::{Editor, EditorEvent};
use super::hybrid::eligible;
use super::picker::Picker;
use super::sliders::{self, Change, Choice, Field, SliderList, deployment_fields};
use crate::domain::catalog::Catalog;
use crate::domain::scenario::{DeploymentChoice, Scenario};
use crate::domain::units::format_usd;

/// The deployment sliders of tier 2 or 3 (`tier` is 0-based: 1 or 2).
pub struct TierSettings {
    pub tier: usize,
    pub list: SliderList,
    pub editor: Option<Editor>,
}

// The editor (a text area) has no Debug or Clone of its own: these go by its text.
impl std::fmt::Debug for TierSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TierSettings")
            .field("tier", &self.tier)
            .field("list", &self.list)
            .field("editing", &self.editor.as_ref().map(|e| e.text()))
            .finish()
    }
}

impl Clone for TierSettings {
    fn clone(&self) -> Self {
        TierSettings {
            tier: self.tier,
            list: self.list.clone(),
            editor: self.editor.as_ref().map(|e| {
                let mut copy = Editor::new(e.field, &e.text(), e.unit);
                copy.error = e.error.clone();
                copy
            }),
        }
    }
}

impl PartialEq for TierSettings {
    fn eq(&self, other: &Self) -> bool {
        self.tier == other.tier && self.list == other.list
    }
}

/// The deployment of a self-hosted tier (0-based 1 or 2).
pub fn deployment(s: &mut Scenario, tier: usize) -> &mut DeploymentChoice {
    if tier == 1 {
        &mut s.tiers.large
    } else {
        &mut s.tiers.small
    }
}

/// The models a tier may use, for its picker.
pub fn tier_model_choices(catalog: &Catalog, tier: usize) -> Vec<Choice> {
    if tier > 0 {
        return sliders::model_choices(catalog)
            .into_iter()
            .filter(|c| catalog.model(&c.id).is_some_and(|m| eligible(m, tier)))
            .collect();
    }
    catalog
        .models
        .iter()
        .filter(|m| eligible(m, 0))
        .map(|m| Choice {
            id: m.id.clone(),
            label: m.name.clone(),
            detail: match &m.price {
                Some(p) => format!(
                    "{} · {} in / {} out",
                    m.vendor,
                    format_usd(p.value.input),
                    format_usd(p.value.output)
                ),
                None => format!("{} · no API price in the database", m.vendor),
            },
        })
        .collect()
}

fn current_model(s: &Scenario, tier: usize) -> &str {
    match tier {
        0 => &s.tiers.frontier,
        1 => &s.tiers.large.model,
        _ => &s.tiers.small.model,
    }
}

const TIER_TITLES: [&str; 3] = [
    "Tier 1 model: closed or API-priced",
    "Tier 2 model: open weights, sizeable",
    "Tier 3 model: open weights, sizeable",
];

impl App {
    /// `m`: the picker of the models eligible for `tier`.
    pub(super) fn open_tier_model(&mut self, tier: usize) -> Outcome {
        let choices = tier_model_choices(&self.catalog, tier);
        let current = current_model(&self.scenario, tier).to_string();
        let picker = Picker::new(TIER_TITLES[tier].into(), Field::Model, choices, &current);
        self.overlays.push(Overlay::TierPicker { tier, picker });
        Outcome::redraw()
    }

    /// `Enter` on a tier box: the sliders of a self-hosted tier; the API tier has only a model.
    pub(super) fn open_tier_settings(&mut self, tier: usize) -> Outcome {
        if tier == 0 {
            return self.open_tier_model(0);
        }
        let mode = deployment(&mut self.scenario, tier).settings.mode;
        self.overlays
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
        let d = deployment(&mut self.scenario, tier);
        let changed = sliders::change_deployment(field, d, &default, &self.catalog, change)?;
        let mode = d.settings.mode;
        if let Some(Overlay::TierSettings(s)) = self.overlays.last_mut() {
            s.list.set_fields(deployment_fields(mode));
        }
        Ok(changed)
    }

    pub(super) fn update_tier_picker(&mut self, action: Action) -> Outcome {
        let Some(Overlay::TierPicker { tier, .. }) = self.overlays.last() else {
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
            self.scenario.tiers.frontier = id.to_string();
        } else if let Err(e) = self.change_tier(tier, field, &Change::Exact(id.to_string())) {
            return self.notify(e);
        }
        let (label, what) = match field {
            Field::Model => (
                "model",
                self.catalog.model(id).map_or(id, |m| m.name.as_str()),
            ),
            _ => (field.label(), id),
        };
        let done = format!("tier {}: {label} {what}", tier + 1);
        self.after_tier_change(tier, done)
    }

    pub(super) fn update_tier_settings(&mut self, action: Action) -> Outcome {
        let Some(Overlay::TierSettings(s)) = self.overlays.last_mut() else {
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
                            if let Some(Overlay::TierSettings(s)) = self.overlays.last_mut() {
                                s.editor = None;
                            }
                            self.after_tier_change(
                                tier,
                                format!("tier {}: {} set", tier + 1, field.label()),
                            )
                        }
                        Err(e) => {
                            if let Some(Overlay::TierSettings(s)) = self.overlays.last_mut()
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
                self.overlays.pop();
                return Outcome::redraw();
            }
            Action::Confirm if field == Field::Model => return self.open_tier_model(tier),
            Action::Confirm if field.is_choice() => {
                let d = deployment(&mut self.scenario, tier);
                let current = sliders::deployment_choice_id(field, d);
                let choices = sliders::deployment_choices(field, &self.catalog);
                let title = format!("Tier {}: choose the {}", tier + 1, field.label());
                let picker = Picker::new(title, field, choices, &current);
                self.overlays.push(Overlay::TierPicker { tier, picker });
                return Outcome::redraw();
            }
            Action::Confirm => {
                let d = deployment(&mut self.scenario, tier);
                let text = sliders::deployment_text(field, d, &self.catalog);
                let unit = field.spec().map_or("", |s| s.unit);
                if let Some(Overlay::TierSettings(s)) = self.overlays.last_mut() {
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
            .refresh(&self.catalog, &self.rules, &self.scenario);
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

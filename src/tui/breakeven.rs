//! Pane 2, break-even: the slider list over the scenario's workload, place, compared API models
//! and self-hosted deployment, and the derived view (curves, crossovers, table, findings,
//! preset comparison), recomputed here whenever an input changes, never while drawing.

use super::action::Action;
use super::editor::{Editor, EditorEvent};
use super::picker::Picker;
use super::plot::{ZOOM_MAX, ZOOM_MIN};
use super::sliders::{
    self, Change, Choice, Field, Group, SliderList, WORKLOAD_FIELDS, deployment_fields,
};
use crate::domain::catalog::{Catalog, Price};
use crate::domain::cost::api::{api_choice, api_entries, is_free};
use crate::domain::cost::{Workload, blended_price};
use crate::domain::rules::RuleBook;
use crate::domain::scenario::{MAX_COMPARED, Scenario};

mod view;
pub use view::{
    ApiLine, BreakEvenView, Context, DeployLine, PresetLine, explanation, per_million, row_count,
    short_verdict, verdict,
};

/// What the pane asks the app to do after an action.
#[derive(Debug, PartialEq)]
pub enum Reply {
    Nothing,
    Redraw,
    Notice(String),
    Picker(Picker),
    /// Open the explanation of this table row (API rows first, then the deployment).
    Explain(usize),
    Presets,
}

pub struct BreakEvenState {
    pub list: SliderList,
    pub zoom: i32,
    pub editor: Option<Editor>,
    pub view: BreakEvenView,
    /// Uncertainty bands on the chart and ranges in the table (`b`).
    pub bands: bool,
}

/// The built-in scenario for a catalogue: the default models, and the hybrid plan routed by the
/// domain's rules when the catalogue has its tier models.
pub fn default_scenario(catalog: &Catalog) -> Scenario {
    let cases = crate::data::embedded_use_cases(catalog).unwrap_or_default();
    let probe = Scenario::builtin("default", &[], |_| 2);
    let frontier = catalog.model(&probe.tiers.frontier).cloned();
    let large = catalog.model(&probe.tiers.large.model).cloned();
    Scenario::builtin("default", &cases, |u| match (&frontier, &large) {
        (Some(f), Some(l)) => crate::domain::hybrid::route(u, f, l),
        _ => 2,
    })
}

fn fields(s: &Scenario) -> Vec<Field> {
    let mut out = WORKLOAD_FIELDS.to_vec();
    out.extend([Field::Region, Field::Sector]);
    let n = s.api_models.len().min(MAX_COMPARED);
    let slots = if n < MAX_COMPARED { n + 1 } else { n };
    out.extend((0..slots).map(Field::Api));
    out.extend(deployment_fields(s.self_host.settings.mode));
    out
}

pub fn region_choices(rules: &RuleBook) -> Vec<Choice> {
    rules
        .regions
        .iter()
        .map(|r| Choice {
            id: r.id.clone(),
            label: r.name.clone(),
            detail: r.within.join(", "),
        })
        .collect()
}

pub fn sector_choices(rules: &RuleBook) -> Vec<Choice> {
    rules
        .sectors
        .iter()
        .map(|s| Choice {
            id: s.id.clone(),
            label: s.name.clone(),
            detail: String::new(),
        })
        .collect()
}

/// What an API slot can compare, as the picker lists it: each model sold through an API at its
/// listed price and, for a model with several offerings, each offering, cheapest first at the
/// workload's input share. Free plans are listed last among their model's, marked refused.
pub fn api_choices(catalog: &Catalog, w: &Workload) -> Vec<Choice> {
    let dollars = |p: &Price| {
        format!(
            "{} in / {} out",
            sliders::dollars(p.input),
            sliders::dollars(p.output)
        )
    };
    api_entries(catalog, |p| blended_price(p, w))
        .into_iter()
        .filter_map(|(id, m, o)| {
            let (label, detail) = match o {
                None => (
                    m.name.clone(),
                    format!("{} · {}", m.vendor, dollars(&m.price.as_ref()?.value)),
                ),
                Some(o) => {
                    let region = o.region.as_ref().map_or(String::new(), |r| format!(" {r}"));
                    let price = if is_free(&o.price.value) {
                        "free plan: refused, cannot carry a workload".to_string()
                    } else {
                        dollars(&o.price.value)
                    };
                    (
                        format!("{} · {}", m.name, o.provider_name),
                        format!("{}{region} · {price}", o.kind.as_str()),
                    )
                }
            };
            Some(Choice { id, label, detail })
        })
        .collect()
}

/// The ids ←/→ step through in an API slot: [`api_choices`] without the free plans.
fn api_step_ids(catalog: &Catalog, w: &Workload) -> Vec<Choice> {
    api_entries(catalog, |p| blended_price(p, w))
        .into_iter()
        .filter(|(_, m, o)| {
            let price = o.map(|o| &o.price).or(m.price.as_ref());
            price.is_some_and(|p| !is_free(&p.value))
        })
        .map(|(id, _, _)| Choice {
            id,
            label: String::new(),
            detail: String::new(),
        })
        .collect()
}

impl BreakEvenState {
    pub fn new(scenario: &Scenario, ctx: &Context, size: (u16, u16)) -> BreakEvenState {
        let mut s = BreakEvenState {
            list: SliderList::new(fields(scenario)),
            zoom: 0,
            editor: None,
            view: BreakEvenView::default(),
            bands: false,
        };
        s.recompute(scenario, ctx, size);
        s
    }

    /// Rebuild the slider texts and every derived number from the scenario.
    pub fn recompute(&mut self, scenario: &Scenario, ctx: &Context, _size: (u16, u16)) {
        self.list.set_fields(fields(scenario));
        self.view = view::compute(scenario, ctx, &self.list.fields, self.zoom, self.bands);
    }

    /// Apply a change to one field of the scenario.
    pub fn apply(
        &mut self,
        field: Field,
        change: &Change,
        scenario: &mut Scenario,
        ctx: &Context,
    ) -> Result<bool, String> {
        match field.group() {
            Group::Workload => sliders::change_workload(field, &mut scenario.workload, change),
            Group::Place => {
                let (id, choices, default) = match field {
                    Field::Region => (&mut scenario.region, region_choices(ctx.rules), "global"),
                    _ => (
                        &mut scenario.sector,
                        sector_choices(ctx.rules),
                        "commercial",
                    ),
                };
                sliders::change_id(id, &choices, default, change)
            }
            Group::Compared => {
                let Field::Api(slot) = field else {
                    return Ok(false);
                };
                change_api(
                    &mut scenario.api_models,
                    slot,
                    change,
                    ctx.catalog,
                    &scenario.workload,
                )
            }
            Group::SelfHosted => {
                let default = Scenario::builtin("", &[], |_| 2).self_host;
                sliders::deployment::change_deployment(
                    field,
                    &mut scenario.self_host,
                    &default,
                    ctx.catalog,
                    change,
                )
            }
        }
    }

    /// Handle an action in the pane (or its inline editor).
    pub fn update(&mut self, action: Action, scenario: &mut Scenario, ctx: &Context) -> Reply {
        if self.editor.is_some() {
            return self.update_editor(action, scenario, ctx);
        }
        let Some(field) = self.list.current() else {
            return Reply::Nothing;
        };
        let step = |n| Change::Step(n);
        let change = match action {
            Action::Up => return self.moved(-1),
            Action::Down => return self.moved(1),
            Action::PageUp => return self.moved(-10),
            Action::PageDown => return self.moved(10),
            Action::Top => return self.moved(isize::MIN / 2),
            Action::Bottom => return self.moved(isize::MAX / 2),
            Action::Left => step(-1),
            Action::Right => step(1),
            Action::FastLeft => step(-10),
            Action::FastRight => step(10),
            Action::Reset => Change::Reset,
            Action::Backspace | Action::Delete => {
                let Field::Api(slot) = field else {
                    return Reply::Nothing;
                };
                if slot >= scenario.api_models.len() {
                    return Reply::Nothing;
                }
                if scenario.api_models.len() == 1 {
                    return Reply::Notice("keep at least one API model to compare".into());
                }
                scenario.api_models.remove(slot);
                self.recompute(scenario, ctx, (0, 0));
                return Reply::Redraw;
            }
            Action::Confirm => return self.open_input(field, scenario, ctx),
            Action::ZoomIn | Action::ZoomOut => {
                let z = if action == Action::ZoomIn {
                    self.zoom + 1
                } else {
                    self.zoom - 1
                };
                if !(ZOOM_MIN..=ZOOM_MAX).contains(&z) {
                    return Reply::Nothing;
                }
                self.zoom = z;
                self.recompute(scenario, ctx, (0, 0));
                return Reply::Redraw;
            }
            Action::Explain => {
                let row = match field {
                    Field::Api(i) if i < self.view.apis.len() => i,
                    f if f.group() == Group::SelfHosted => self.view.apis.len(),
                    _ => 0,
                };
                return Reply::Explain(row);
            }
            Action::Presets => return Reply::Presets,
            Action::Bands => {
                self.bands = !self.bands;
                self.recompute(scenario, ctx, (0, 0));
                return Reply::Notice(self.bands_notice());
            }
            _ => return Reply::Nothing,
        };
        match self.apply(field, &change, scenario, ctx) {
            Ok(true) => {
                self.recompute(scenario, ctx, (0, 0));
                Reply::Redraw
            }
            Ok(false) => Reply::Nothing,
            Err(e) => Reply::Notice(e),
        }
    }

    /// What `b` did, and where the sources disagree.
    fn bands_notice(&self) -> String {
        if !self.bands {
            return "uncertainty bands off".into();
        }
        let spread = self.view.apis.iter().filter(|a| a.range.is_some()).count();
        if spread == 0 {
            return "uncertainty bands on: no price of this scenario has a range or conflicting sources".into();
        }
        format!(
            "uncertainty bands on: {spread} of {} break-evens have a range (x: its sources)",
            self.view.apis.len()
        )
    }

    fn moved(&mut self, delta: isize) -> Reply {
        if self.list.move_by(delta) {
            Reply::Redraw
        } else {
            Reply::Nothing
        }
    }

    /// Enter: a picker for choices, the editor for numbers.
    fn open_input(&mut self, field: Field, scenario: &Scenario, ctx: &Context) -> Reply {
        let (choices, current) = match field {
            Field::Region => (region_choices(ctx.rules), scenario.region.clone()),
            Field::Sector => (sector_choices(ctx.rules), scenario.sector.clone()),
            Field::Api(slot) => {
                let mut choices = api_choices(ctx.catalog, &scenario.workload);
                let current = scenario.api_models.get(slot).cloned().unwrap_or_default();
                choices.retain(|c| c.id == current || !scenario.api_models.contains(&c.id));
                (choices, current)
            }
            f if f.is_choice() => (
                sliders::deployment::deployment_choices(f, ctx.catalog),
                sliders::deployment::deployment_choice_id(f, &scenario.self_host),
            ),
            f => {
                let text = match f.group() {
                    Group::Workload => sliders::workload_text(f, &scenario.workload),
                    _ => sliders::deployment::deployment_text(f, &scenario.self_host, ctx.catalog),
                };
                let unit = f.spec().map_or("", |s| s.unit);
                self.editor = Some(Editor::new(f, &text, unit));
                return Reply::Redraw;
            }
        };
        let title = match field {
            Field::Api(slot) if slot >= scenario.api_models.len() => "Add an API model".into(),
            Field::Api(_) => "Compare against".into(),
            f => format!("Choose the {}", f.label()),
        };
        Reply::Picker(Picker::new(title, field, choices, &current))
    }

    fn update_editor(&mut self, action: Action, scenario: &mut Scenario, ctx: &Context) -> Reply {
        let Some(editor) = self.editor.as_mut() else {
            return Reply::Nothing;
        };
        match editor.handle(&action) {
            EditorEvent::Editing(changed) => {
                if changed {
                    Reply::Redraw
                } else {
                    Reply::Nothing
                }
            }
            EditorEvent::Cancel => {
                self.editor = None;
                Reply::Redraw
            }
            EditorEvent::Submit(text) => {
                let field = editor.field;
                match self.apply(field, &Change::Exact(text), scenario, ctx) {
                    Ok(_) => {
                        self.editor = None;
                        self.recompute(scenario, ctx, (0, 0));
                    }
                    Err(e) => {
                        if let Some(ed) = self.editor.as_mut() {
                            ed.error = Some(e);
                        }
                    }
                }
                Reply::Redraw
            }
        }
    }

    /// A choice taken in the picker.
    pub fn picked(
        &mut self,
        field: Field,
        id: &str,
        scenario: &mut Scenario,
        ctx: &Context,
    ) -> Reply {
        match self.apply(field, &Change::Exact(id.to_string()), scenario, ctx) {
            Ok(_) => {
                self.recompute(scenario, ctx, (0, 0));
                Reply::Redraw
            }
            Err(e) => Reply::Notice(e),
        }
    }
}

/// Step, set or reset one compared API model or offering. `0` restores the default comparison.
fn change_api(
    models: &mut Vec<String>,
    slot: usize,
    change: &Change,
    catalog: &Catalog,
    w: &Workload,
) -> Result<bool, String> {
    if let Change::Reset = change {
        let defaults = Scenario::builtin("", &[], |_| 2).api_models;
        let changed = *models != defaults;
        *models = defaults;
        return Ok(changed);
    }
    let current = models.get(slot).cloned().unwrap_or_default();
    if let Change::Exact(id) = change {
        api_choice(catalog, id).map_err(|refusal| format!("--api: {refusal}"))?;
        if *id != current && models.contains(id) {
            return Err(format!(
                "--api: {id:?} is already compared; pick another model or offering"
            ));
        }
    }
    // Ids already compared elsewhere are skipped, so no line is drawn twice.
    let open: Vec<Choice> = api_step_ids(catalog, w)
        .into_iter()
        .filter(|c| c.id == current || !models.contains(&c.id))
        .collect();
    let next = match change {
        Change::Exact(id) => Some(id.clone()).filter(|id| *id != current),
        Change::Step(n) if current.is_empty() => (*n > 0)
            .then(|| open.first().map(|c| c.id.clone()))
            .flatten(),
        other => sliders::choose(&open, &current, other),
    };
    let Some(next) = next else {
        return Ok(false);
    };
    if slot < models.len() {
        models[slot] = next;
    } else if models.len() < MAX_COMPARED {
        models.push(next);
    }
    Ok(true)
}

//! Pane 2, break-even: the slider list over the scenario's workload, place, compared API models
//! and self-hosted deployment, and the derived view (curves, crossovers, table, findings,
//! preset comparison), recomputed here whenever an input changes, never while drawing.

use super::action::Action;
use super::editor::{Editor, EditorEvent};
use super::picker::Picker;
use super::plot::{self, ApiInput, ChartData, ZOOM_MAX, ZOOM_MIN};
use super::sliders::{
    self, Change, Choice, Field, Group, Shown, SliderList, WORKLOAD_FIELDS, deployment_fields,
};
use crate::domain::breakeven::{Crossover, NeverReason, VOLUME_MIN, crossover};
use crate::domain::catalog::{Catalog, Price};
use crate::domain::cost::{
    Deployment, SelfHostCost, Workload, api_monthly_cost_at, blended_price,
    marginal_usd_per_million, self_host_cost,
};
use crate::domain::explain::{self, Explanation};
use crate::domain::preset::{Comparison, Preset};
use crate::domain::rules::{DeploymentKind, Finding, RuleBook, Subject};
use crate::domain::scenario::{MAX_COMPARED, Scenario};
use crate::domain::units::format_tokens;
use std::collections::BTreeSet;

/// What the pane reads besides the scenario.
pub struct Context<'a> {
    pub catalog: &'a Catalog,
    pub rules: &'a RuleBook,
    pub presets: &'a [Preset],
}

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

/// One compared API model at the current inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiLine {
    pub id: String,
    pub name: String,
    /// Colour slot, fixed by its place in the compared list.
    pub slot: usize,
    pub price: Price,
    pub blended: f64,
    pub usd_per_month: f64,
    pub crossover: Crossover,
    pub verdict: String,
    /// The verdict in fewer words, for narrow tables.
    pub short_verdict: String,
}

/// The self-hosted deployment at the current volume.
#[derive(Debug, Clone, PartialEq)]
pub struct DeployLine {
    pub name: String,
    pub gpu: String,
    pub deployment: Deployment,
    pub cost: SelfHostCost,
    pub marginal_usd_per_million: f64,
    /// Demand over what the replicas could serve at full speed.
    pub actual_utilization: f64,
}

/// A loaded preset's stated figures beside the computed ones.
#[derive(Debug, Clone, PartialEq)]
pub struct PresetLine {
    pub title: String,
    pub comparisons: Vec<Comparison>,
    /// The sliders were moved after loading (the computed figures stay at the preset's inputs).
    pub moved: bool,
}

/// Everything the pane draws, derived from the scenario.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BreakEvenView {
    pub sliders: Vec<Shown>,
    pub workload: Workload,
    pub apis: Vec<ApiLine>,
    /// Compared models that cannot be priced, with why.
    pub api_problems: Vec<String>,
    pub deployment: Option<DeployLine>,
    /// Why the deployment does not resolve.
    pub deployment_error: Option<String>,
    pub chart: Option<ChartData>,
    pub findings: Vec<Finding>,
    pub preset: Option<PresetLine>,
}

pub struct BreakEvenState {
    pub list: SliderList,
    pub zoom: i32,
    pub editor: Option<Editor>,
    pub view: BreakEvenView,
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

/// Models sold through an API, with their prices.
pub fn api_choices(catalog: &Catalog) -> Vec<Choice> {
    catalog
        .models
        .iter()
        .filter_map(|m| {
            let p = &m.price.as_ref()?.value;
            Some(Choice {
                id: m.id.clone(),
                label: m.name.clone(),
                detail: format!(
                    "{} · {} in / {} out",
                    m.vendor,
                    sliders::dollars(p.input),
                    sliders::dollars(p.output)
                ),
            })
        })
        .collect()
}

fn choice_label(choices: &[Choice], id: &str) -> String {
    choices
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| id.to_string(), |c| c.label.clone())
}

fn choice_shown(field: Field, label: String, choices: &[Choice], id: &str) -> Shown {
    let at = choices.iter().position(|c| c.id == id);
    Shown {
        field,
        label,
        value: choice_label(choices, id),
        position: at.map(|i| i as f64 / (choices.len().max(2) - 1) as f64),
        from_database: false,
    }
}

/// $/M as a table shows it: $17.50, $0.075, $131.
pub fn per_million(v: f64) -> String {
    if !v.is_finite() {
        "n/a".into()
    } else if v >= 100.0 {
        format!("${v:.0}")
    } else if v != 0.0 && v < 0.1 {
        format!("${v:.3}")
    } else {
        format!("${v:.2}")
    }
}

/// The verdict in at most about 45 columns.
pub fn short_verdict(x: &Crossover, v: f64) -> String {
    match &x.never_reason {
        Some(NeverReason::MarginalAboveApi {
            marginal_usd_per_million: m,
            api_usd_per_million: a,
        }) if x.break_even_tokens_per_day.is_none() => format!(
            "never: a replica {}/M > the API's {}/M",
            per_million(*m),
            per_million(*a)
        ),
        Some(_) if x.break_even_tokens_per_day.is_none() => "API cheaper at every volume".into(),
        _ => verdict(x, v).replace(" tokens/day", ""),
    }
}

/// The verdict in words for one API model at the current volume `v`.
pub fn verdict(x: &Crossover, v: f64) -> String {
    let be = x.break_even_tokens_per_day;
    let stays = x.stays_cheaper_from_tokens_per_day;
    match (be, stays) {
        (None, _) => match &x.never_reason {
            Some(NeverReason::MarginalAboveApi {
                marginal_usd_per_million: m,
                api_usd_per_million: a,
            }) => format!(
                "API always cheaper: one more replica costs {}/M vs the API's {}",
                per_million(*m),
                per_million(*a)
            ),
            _ => "API cheaper at every volume up to 100B tokens/day".into(),
        },
        (Some(b), Some(s)) if b <= VOLUME_MIN && s <= VOLUME_MIN => {
            "self-host cheaper at every volume".into()
        }
        (Some(b), Some(s)) if b == s => {
            if v < b {
                format!("API cheaper until {} tokens/day", format_tokens(b))
            } else {
                format!("self-host cheaper from {}", format_tokens(b))
            }
        }
        (Some(b), Some(s)) => format!(
            "self-host cheaper at {}, for good from {}",
            format_tokens(b),
            format_tokens(s)
        ),
        (Some(b), None) => format!(
            "self-host cheaper from {}, API again at the top of the range",
            format_tokens(b)
        ),
    }
}

impl BreakEvenState {
    pub fn new(scenario: &Scenario, ctx: &Context, size: (u16, u16)) -> BreakEvenState {
        let mut s = BreakEvenState {
            list: SliderList::new(fields(scenario)),
            zoom: 0,
            editor: None,
            view: BreakEvenView::default(),
        };
        s.recompute(scenario, ctx, size);
        s
    }

    /// Rebuild the slider texts and every derived number from the scenario.
    pub fn recompute(&mut self, scenario: &Scenario, ctx: &Context, _size: (u16, u16)) {
        self.list.set_fields(fields(scenario));
        self.view = compute(scenario, ctx, &self.list.fields, self.zoom);
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
                change_api(&mut scenario.api_models, slot, change, ctx.catalog)
            }
            Group::SelfHosted => {
                let default = Scenario::builtin("", &[], |_| 2).self_host;
                sliders::change_deployment(
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
                let mut choices = api_choices(ctx.catalog);
                let current = scenario.api_models.get(slot).cloned().unwrap_or_default();
                choices.retain(|c| c.id == current || !scenario.api_models.contains(&c.id));
                (choices, current)
            }
            f if f.is_choice() => (
                sliders::deployment_choices(f, ctx.catalog),
                sliders::deployment_choice_id(f, &scenario.self_host),
            ),
            f => {
                let text = match f.group() {
                    Group::Workload => sliders::workload_text(f, &scenario.workload),
                    _ => sliders::deployment_text(f, &scenario.self_host, ctx.catalog),
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

/// Step, set or reset one compared API model. `0` restores the default comparison.
fn change_api(
    models: &mut Vec<String>,
    slot: usize,
    change: &Change,
    catalog: &Catalog,
) -> Result<bool, String> {
    let all = api_choices(catalog);
    if let Change::Reset = change {
        let defaults = Scenario::builtin("", &[], |_| 2).api_models;
        let changed = *models != defaults;
        *models = defaults;
        return Ok(changed);
    }
    // Models already compared elsewhere are skipped, so no model is listed twice.
    let current = models.get(slot).cloned().unwrap_or_default();
    let free: Vec<Choice> = all
        .into_iter()
        .filter(|c| c.id == current || !models.contains(&c.id))
        .collect();
    if let Change::Exact(id) = change
        && !free.iter().any(|c| c.id == *id)
    {
        return Err(format!(
            "--api: {id:?} is not allowed; expected a model with an API price that is not \
             already compared"
        ));
    }
    let next = if current.is_empty() {
        match change {
            Change::Step(n) if *n > 0 => free.first().map(|c| c.id.clone()),
            Change::Exact(id) => Some(id.clone()),
            _ => None,
        }
    } else {
        sliders::choose(&free, &current, change)
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

/// Rows the explanation steps through: each priced API model, then the deployment.
pub fn row_count(view: &BreakEvenView) -> usize {
    view.apis.len() + usize::from(view.deployment.is_some())
}

/// The arithmetic behind one table row: an API model's bill and its break-even against the
/// deployment, or the deployment's sizing and bill.
pub fn explanation(view: &BreakEvenView, row: usize) -> Option<Explanation> {
    let w = &view.workload;
    if let Some(a) = view.apis.get(row) {
        let mut e = explain::api(&a.name, &a.price, w);
        if let Some(d) = &view.deployment {
            let be = explain::break_even(&a.name, &a.price, w, &d.deployment, &a.crossover);
            e.steps.extend(be.steps);
            e.conclusion = format!("{} {}", e.conclusion, be.conclusion);
        }
        return Some(e);
    }
    let d = view.deployment.as_ref()?;
    let name = format!("{} on {}", d.name, d.gpu);
    Some(explain::self_hosted(&name, &d.deployment, w.tokens_per_day))
}

fn compute(s: &Scenario, ctx: &Context, fields: &[Field], zoom: i32) -> BreakEvenView {
    let catalog = ctx.catalog;
    let w = s.workload.clone();
    let v = w.tokens_per_day;
    let (deployment, deployment_error) = match s.self_host.resolve(catalog) {
        Ok(d) => (Some(d), None),
        Err(e) => (None, Some(e.to_string())),
    };
    let mut apis = Vec::new();
    let mut api_problems = Vec::new();
    for (slot, id) in s.api_models.iter().enumerate().take(MAX_COMPARED) {
        let Some(model) = catalog.model(id) else {
            api_problems.push(format!("{id}: not in the catalogue"));
            continue;
        };
        let Some(price) = model.price.as_ref().map(|p| p.value.clone()) else {
            api_problems.push(format!("{}: no API price", model.name));
            continue;
        };
        let blended = blended_price(&price, &w);
        let x = match &deployment {
            Some(d) => crossover(blended, d),
            None => Crossover {
                break_even_tokens_per_day: None,
                stays_cheaper_from_tokens_per_day: None,
                never_reason: None,
            },
        };
        apis.push(ApiLine {
            id: id.clone(),
            name: model.name.clone(),
            slot,
            verdict: if deployment.is_some() {
                verdict(&x, v)
            } else {
                "no self-hosted deployment to compare".into()
            },
            short_verdict: if deployment.is_some() {
                short_verdict(&x, v)
            } else {
                "no deployment".into()
            },
            usd_per_month: api_monthly_cost_at(blended, v),
            blended,
            price,
            crossover: x,
        });
    }
    let deploy_line = deployment.as_ref().map(|d| {
        let cost = self_host_cost(d, v);
        let z = &cost.sizing;
        let full_speed = f64::from(z.replicas) * z.replica_tokens_per_s;
        DeployLine {
            name: catalog
                .model(&s.self_host.model)
                .map_or_else(|| s.self_host.model.clone(), |m| m.name.clone()),
            gpu: catalog
                .gpu(&s.self_host.gpu)
                .map_or_else(|| s.self_host.gpu.clone(), |g| g.name.clone()),
            deployment: d.clone(),
            marginal_usd_per_million: marginal_usd_per_million(d),
            actual_utilization: z.demand_tokens_per_s / full_speed.max(f64::MIN_POSITIVE),
            cost,
        }
    });
    let marks: Vec<f64> = apis
        .iter()
        .flat_map(|a| {
            [
                a.crossover.break_even_tokens_per_day,
                a.crossover.stays_cheaper_from_tokens_per_day,
            ]
        })
        .flatten()
        .collect();
    let range = plot::volume_range(v, &marks, zoom);
    let inputs: Vec<ApiInput> = apis
        .iter()
        .map(|a| ApiInput {
            slot: a.slot,
            blended: a.blended,
            break_even: a.crossover.break_even_tokens_per_day,
            stays_from: a.crossover.stays_cheaper_from_tokens_per_day,
        })
        .collect();
    let chart = (!apis.is_empty() || deployment.is_some())
        .then(|| plot::chart(range, v, &inputs, deployment.as_ref()));
    BreakEvenView {
        sliders: fields.iter().map(|f| shown(*f, s, ctx)).collect(),
        findings: findings(s, ctx),
        preset: preset_line(s, ctx),
        workload: w,
        apis,
        api_problems,
        deployment: deploy_line,
        deployment_error,
        chart,
    }
}

fn shown(field: Field, s: &Scenario, ctx: &Context) -> Shown {
    let label = field.label().to_string();
    match field {
        Field::Volume | Field::InputShare => sliders::show_workload(field, &s.workload),
        Field::Region => choice_shown(field, label, &region_choices(ctx.rules), &s.region),
        Field::Sector => choice_shown(field, label, &sector_choices(ctx.rules), &s.sector),
        Field::Api(slot) => match s.api_models.get(slot) {
            Some(id) => Shown {
                position: None,
                ..choice_shown(
                    field,
                    format!("API {}", slot + 1),
                    &api_choices(ctx.catalog),
                    id,
                )
            },
            None => Shown {
                field,
                label: "+ add".into(),
                value: "Enter to pick".into(),
                position: None,
                from_database: false,
            },
        },
        _ => sliders::show_deployment(field, &s.self_host, ctx.catalog),
    }
}

fn findings(s: &Scenario, ctx: &Context) -> Vec<Finding> {
    let mut subjects = Vec::new();
    for id in &s.api_models {
        if let Some(m) = ctx.catalog.model(id) {
            subjects.push(Subject {
                label: format!("API: {}", m.name),
                model: m,
                deployment: DeploymentKind::Api,
                sensitivities: BTreeSet::new(),
            });
        }
    }
    if let Some(m) = ctx.catalog.model(&s.self_host.model) {
        subjects.push(Subject {
            label: format!("self-hosted: {}", m.name),
            model: m,
            deployment: DeploymentKind::SelfHosted,
            sensitivities: BTreeSet::new(),
        });
    }
    ctx.rules.evaluate(&s.region, &s.sector, &subjects)
}

fn preset_line(s: &Scenario, ctx: &Context) -> Option<PresetLine> {
    let id = s.preset.as_ref()?;
    let p = ctx.presets.iter().find(|p| p.id == *id)?;
    let comparisons = p.compare(ctx.catalog).ok()?;
    let moved = s.workload.tokens_per_day != p.tokens_per_day
        || s.workload.input_share != p.input_share
        || s.api_models != p.api
        || s.self_host != p.deployment();
    Some(PresetLine {
        title: p.title.clone(),
        comparisons,
        moved,
    })
}

//! Pane 2, break-even: the slider list over the scenario's workload, place, compared API models
//! and self-hosted deployment, and the derived view (curves, crossovers, table, findings,
//! preset comparison), recomputed here whenever an input changes, never while drawing.

use super::editor::Editor;
use super::sliders::{self, Change, Choice, Field, SliderList, WORKLOAD_FIELDS, deployment_fields};
use crate::domain::catalog::{Catalog, Price};
use crate::domain::cost::api::{api_choice, api_entries, is_free};
use crate::domain::cost::{Workload, blended_price};
use crate::domain::rules::RuleBook;
use crate::domain::scenario::{MAX_COMPARED, Scenario};

mod explain;
mod update;
mod view;
pub use explain::{explanation, row_count};
pub use view::{
    ApiLine, BreakEvenView, Context, DeployLine, PresetLine, per_million, short_verdict, verdict,
};

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
    pub fn new(scenario: &Scenario, ctx: &Context) -> BreakEvenState {
        let mut s = BreakEvenState {
            list: SliderList::new(fields(scenario)),
            zoom: 0,
            editor: None,
            view: BreakEvenView::default(),
            bands: false,
        };
        s.recompute(scenario, ctx);
        s
    }

    /// Rebuild the slider texts and every derived number from the scenario.
    pub fn recompute(&mut self, scenario: &Scenario, ctx: &Context) {
        self.list.set_fields(fields(scenario));
        self.view = view::compute(scenario, ctx, &self.list.fields, self.zoom, self.bands);
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

//! The deployment sliders: model, GPU, precision, mode and every setting of a
//! [`DeploymentChoice`], shown, stepped, typed or reset. A change is kept only when the
//! deployment still resolves.

use super::*;
use crate::domain::cost::{InputError, replica_tokens_per_s};
use crate::domain::inputs::{Choices, FixedChoices};

/// The open models that can be sized for self-hosting.
pub fn model_choices(catalog: &Catalog) -> Vec<Choice> {
    catalog
        .models
        .iter()
        .filter(|m| m.can_self_host())
        .map(|m| Choice {
            id: m.id.clone(),
            label: m.name.clone(),
            detail: format!(
                "{} · {}",
                m.vendor,
                m.sizing_params()
                    .map(|(t, a)| if t == a {
                        format!("{t}B")
                    } else {
                        format!("{t}B, {a}B active")
                    })
                    .unwrap_or_default()
            ),
        })
        .collect()
}

pub fn gpu_choices(catalog: &Catalog) -> Vec<Choice> {
    catalog
        .gpus
        .iter()
        .map(|g| {
            let price = |mode| default_price(g, mode).ok();
            let mut detail = format!("{} GB", g.memory_gb.value);
            if let Some(r) = price(Mode::Rent) {
                detail.push_str(&format!(" · {}/h", dollars(r)));
            }
            if let Some(p) = price(Mode::Buy) {
                detail.push_str(&format!(" · {}", dollars(p)));
            }
            Choice {
                id: g.id.clone(),
                label: g.name.clone(),
                detail,
            }
        })
        .collect()
}

/// A fixed list of the inputs table as picker entries.
fn fixed_choices(list: fn() -> FixedChoices) -> Vec<Choice> {
    list()
        .into_iter()
        .map(|(id, detail)| Choice {
            id: id.into(),
            label: id.into(),
            detail,
        })
        .collect()
}

fn choice_list(field: Field) -> Option<Choices> {
    match field.row()?.access {
        Access::Choice { list, .. } => Some(list),
        _ => None,
    }
}

pub fn precision_choices() -> Vec<Choice> {
    deployment_choices(Field::Precision, &Catalog::default())
}

pub fn mode_choices() -> Vec<Choice> {
    deployment_choices(Field::Mode, &Catalog::default())
}

/// The list a deployment choice field picks from.
pub fn deployment_choices(field: Field, catalog: &Catalog) -> Vec<Choice> {
    match choice_list(field) {
        Some(Choices::Models) => model_choices(catalog),
        Some(Choices::Gpus) => gpu_choices(catalog),
        Some(Choices::Fixed(list)) => fixed_choices(list),
        None => Vec::new(),
    }
}

/// The current id of a deployment choice field.
pub fn deployment_choice_id(field: Field, d: &DeploymentChoice) -> String {
    match field.row().map(|r| r.access) {
        Some(Access::Choice { get, .. }) => get(d),
        _ => String::new(),
    }
}

/// The GPU database's figure for a price the user has not set; `None` for inputs the
/// database has no figure for.
fn database_value(field: Field, d: &DeploymentChoice, catalog: &Catalog) -> Option<Option<f64>> {
    let mode = match field {
        Field::GpuHourPrice => Mode::Rent,
        Field::GpuPrice => Mode::Buy,
        _ => return None,
    };
    Some(
        catalog
            .gpu(&d.gpu)
            .and_then(|gpu| default_price(gpu, mode).ok()),
    )
}

/// (value, from the database) of a numeric deployment field; `None` value: not set.
fn deployment_value(field: Field, d: &DeploymentChoice, catalog: &Catalog) -> (Option<f64>, bool) {
    let Some(row) = field.row().filter(|r| r.part == Part::Deployment) else {
        return (None, false);
    };
    match (
        row.setting_value(&d.settings),
        database_value(field, d, catalog),
    ) {
        (None, Some(db)) => (db, true),
        (v, _) => (v, false),
    }
}

fn format_deployment(field: Field, v: Option<f64>) -> String {
    let show = field.row().map_or(Show::Plain, |r| r.show);
    match v {
        Some(v) => show.format(v),
        None if show == Show::TokensPerSecond => "estimated".into(),
        // GPUs per replica left to the estimate's choice (cost-model.md section 3b).
        None if show == Show::Whole => "chosen".into(),
        None => "no price".into(),
    }
}

pub fn show_deployment(field: Field, d: &DeploymentChoice, catalog: &Catalog) -> Shown {
    let label = field.label().to_string();
    if field.is_choice() {
        // Only ids and names are needed here: no detail strings on every recompute.
        let id = deployment_choice_id(field, d);
        let fixed;
        let names: Vec<(&str, &str)> = match choice_list(field) {
            Some(Choices::Models) => catalog
                .models
                .iter()
                .filter(|m| m.can_self_host())
                .map(|m| (m.id.as_str(), m.name.as_str()))
                .collect(),
            Some(Choices::Gpus) => catalog
                .gpus
                .iter()
                .map(|g| (g.id.as_str(), g.name.as_str()))
                .collect(),
            Some(Choices::Fixed(list)) => {
                fixed = list();
                fixed.iter().map(|(id, _)| (*id, *id)).collect()
            }
            None => Vec::new(),
        };
        let at = names.iter().position(|(i, _)| *i == id);
        return Shown {
            field,
            label,
            value: at.map_or(id, |i| names[i].1.to_string()),
            position: at.map(|i| i as f64 / (names.len().max(2) - 1) as f64),
            from_database: false,
        };
    }
    let (v, from_database) = deployment_value(field, d, catalog);
    let spec = field.spec();
    Shown {
        field,
        label,
        value: format_deployment(field, v),
        position: v.zip(spec).map(|(v, s)| bar_position(&s, v)),
        from_database,
    }
}

/// The editor's starting text for a numeric deployment field.
pub fn deployment_text(field: Field, d: &DeploymentChoice, catalog: &Catalog) -> String {
    match deployment_value(field, d, catalog).0 {
        None => String::new(),
        Some(v) if field.row().is_some_and(|r| r.show == Show::Whole) => format!("{v:.0}"),
        Some(v) => plain_full(v),
    }
}

/// A number as typed: no grouping, no needless decimals.
fn plain_full(v: f64) -> String {
    let text = format!("{v:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn set_deployment_value(field: Field, s: &mut Settings, v: Option<f64>) -> Result<(), String> {
    let Some(row) = field.row() else {
        return Ok(());
    };
    if let (Some(accepts), Some(n)) = (row.accepts, v)
        && accepts.whole
    {
        // Refused before it is turned into a count (2.5 replicas must not become 2).
        row.check(n).map_err(|e| {
            InputError {
                value: plain_full(n),
                ..e
            }
            .to_string()
        })?;
    }
    if let Access::Setting { set, .. } = row.access {
        set(s, v);
    }
    Ok(())
}

/// The deployment's estimated replica throughput, for stepping a measured one up from "none".
fn estimated_throughput(d: &DeploymentChoice, catalog: &Catalog) -> Option<f64> {
    let mut estimate = d.clone();
    estimate.settings.throughput = None;
    let resolved = estimate.resolve(catalog).ok()?;
    Some(replica_tokens_per_s(&resolved).0)
}

/// Apply a change to a deployment field; `Ok(true)` when something changed. The result must
/// resolve (model, GPU, every setting in range); otherwise the error names the field, the
/// value and what is allowed, and `d` is untouched. A deployment that did not resolve before
/// (an unknown model after a catalogue change) accepts any change, so it can be repaired.
pub fn change_deployment(
    field: Field,
    d: &mut DeploymentChoice,
    default: &DeploymentChoice,
    catalog: &Catalog,
    change: &Change,
) -> Result<bool, String> {
    if let Change::Reset = change {
        let candidate = reset(field, d, default);
        return commit(d, candidate, catalog);
    }
    if field.is_choice() {
        return change_deployment_choice(field, d, catalog, change);
    }
    let mut candidate = d.clone();
    let spec = field
        .spec()
        .unwrap_or(inputs::spec(Grid::Linear(1.0), 0.0, 1.0, false, ""));
    let (current, _) = deployment_value(field, d, catalog);
    let next = match change {
        Change::Step(n) => match (current, field) {
            (None, Field::Throughput) if *n > 0 => estimated_throughput(d, catalog)
                .map(|t| step_value(&spec, t, 1).min(spec.hi).max(spec.lo)),
            (None, _) => None,
            (Some(v), _) => Some(step_value(&spec, v, *n)),
        },
        Change::Exact(text) => {
            parse_exact(field, text).map_err(|e| format!("--{}: {e}", field.option()))?
        }
        Change::Reset => current,
    };
    if next.is_none() && current.is_none() {
        return Ok(false);
    }
    set_deployment_value(field, &mut candidate.settings, next)?;
    commit(d, candidate, catalog)
}

fn with_choice(d: &DeploymentChoice, field: Field, id: &str) -> DeploymentChoice {
    let mut c = d.clone();
    if let Some(Access::Choice { set, .. }) = field.row().map(|r| r.access) {
        set(&mut c, id);
    }
    c
}

/// Model, GPU, precision or mode. A step passes over entries that do not resolve (a GPU with
/// no price for the chosen mode, a model too large for it) so ←/→ never get stuck; a picked
/// entry that does not resolve is refused with the reason.
fn change_deployment_choice(
    field: Field,
    d: &mut DeploymentChoice,
    catalog: &Catalog,
    change: &Change,
) -> Result<bool, String> {
    let choices = deployment_choices(field, catalog);
    let current = deployment_choice_id(field, d);
    let Some(first) = choose(&choices, &current, change) else {
        return Ok(false);
    };
    let first_try = commit(d, with_choice(d, field, &first), catalog);
    let Change::Step(n) = change else {
        return first_try;
    };
    if first_try.is_ok() {
        return first_try;
    }
    let start = choices.iter().position(|c| c.id == first).unwrap_or(0);
    let others: Vec<&Choice> = if *n > 0 {
        choices.iter().skip(start + 1).collect()
    } else {
        choices.iter().take(start).rev().collect()
    };
    for c in others {
        if let Ok(changed) = commit(d, with_choice(d, field, &c.id), catalog) {
            return Ok(changed);
        }
    }
    first_try
}

/// `d` with `field` back at `default`'s value.
fn reset(field: Field, d: &DeploymentChoice, default: &DeploymentChoice) -> DeploymentChoice {
    let mut out = d.clone();
    match field.row().map(|r| r.access) {
        Some(Access::Choice { get, set, .. }) => {
            set(&mut out, &get(default));
        }
        Some(Access::Setting { get, set }) => set(&mut out.settings, get(&default.settings)),
        _ => {}
    }
    out
}

fn commit(
    d: &mut DeploymentChoice,
    candidate: DeploymentChoice,
    catalog: &Catalog,
) -> Result<bool, String> {
    if candidate == *d {
        return Ok(false);
    }
    if let Err(e) = candidate.resolve(catalog)
        && d.resolve(catalog).is_ok()
    {
        return Err(e.to_string());
    }
    *d = candidate;
    Ok(true)
}

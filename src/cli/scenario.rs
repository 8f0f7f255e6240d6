//! `tierwise scenario list | show NAME | export NAME [FILE] | import FILE`: the saved scenarios
//! from the command line. Export writes `(version: 2, scenario: (...))`; importing that file
//! elsewhere gives the identical scenario.

use super::args::ScenarioAction;
use super::errors::CliError;
use super::output::{Align, Column, plain_number, short_count, table};
use crate::data::{embedded_rules, embedded_use_cases};
use crate::domain::catalog::Catalog;
use crate::domain::cost::api::api_choice;
use crate::domain::hybrid::{TIER_NAMES, plan};
use crate::domain::scenario::{DeploymentChoice, Scenario, Settings};
use crate::store::{self, MAX_STATE_BYTES, ReadOutcome, State, Store, builtin_scenario};
use std::path::Path;

pub fn run(catalog: &Catalog, action: &ScenarioAction) -> Result<String, CliError> {
    let cases = embedded_use_cases(catalog)
        .map_err(|e| CliError::Failure(format!("the embedded use cases did not load: {e}")))?;
    let (store, state, notices) = Store::open_default(|| builtin_scenario(catalog, &cases));
    for notice in &notices {
        eprintln!("warning: {notice}");
    }
    match action {
        ScenarioAction::List => Ok(list(&state)),
        ScenarioAction::Show { name } => Ok(show(find(&state, name)?, &state.active)),
        ScenarioAction::Export { name, file } => export(find(&state, name)?, file.as_deref()),
        ScenarioAction::Import { file } => import(catalog, store, state, file),
    }
}

/// The scenario called `name`, or the one whose name matches ignoring case if only one does.
fn find<'a>(state: &'a State, name: &str) -> Result<&'a Scenario, CliError> {
    if let Some(s) = state.get(name) {
        return Ok(s);
    }
    let folded: Vec<&Scenario> = state
        .scenarios
        .iter()
        .filter(|s| s.name.to_lowercase() == name.to_lowercase())
        .collect();
    match folded.as_slice() {
        [one] => Ok(one),
        _ => Err(CliError::input(format!(
            "no scenario named {name:?}; saved scenarios: {}",
            quoted_names(state)
        ))),
    }
}

fn quoted_names(state: &State) -> String {
    let names: Vec<String> = state
        .scenarios
        .iter()
        .map(|s| format!("{:?}", s.name))
        .collect();
    names.join(", ")
}

fn list(state: &State) -> String {
    let columns = [
        Column {
            header: "",
            align: Align::Left,
            max: 1,
        },
        Column {
            header: "NAME",
            align: Align::Left,
            max: 40,
        },
        Column {
            header: "TOKENS/DAY",
            align: Align::Right,
            max: 12,
        },
        Column {
            header: "REGION",
            align: Align::Left,
            max: 20,
        },
        Column {
            header: "SECTOR",
            align: Align::Left,
            max: 20,
        },
    ];
    let rows: Vec<Vec<String>> = state
        .scenarios
        .iter()
        .map(|s| {
            vec![
                if s.name == state.active { "*" } else { "" }.to_string(),
                s.name.clone(),
                short_count(s.workload.tokens_per_day),
                s.region.clone(),
                s.sector.clone(),
            ]
        })
        .collect();
    table(&columns, &rows)
}

fn percent(share: f64) -> String {
    crate::domain::format::percent(share, crate::domain::format::Percent::Trimmed(6))
}

fn or_gpu_default(value: Option<f64>, unit: &str) -> String {
    value.map_or_else(
        || "from the GPU database".to_string(),
        |v| format!("{}{unit}", plain_number(v)),
    )
}

/// Every setting as (label, text), in the order of cost-model.md section 3.
fn settings_rows(s: &Settings) -> Vec<(&'static str, String)> {
    vec![
        ("precision", s.precision.as_str().to_string()),
        ("KV-cache overhead", percent(s.kv_overhead)),
        ("efficiency", percent(s.efficiency)),
        ("utilization", percent(s.utilization)),
        ("minimum replicas", s.min_replicas.to_string()),
        (
            "throughput",
            s.throughput.map_or_else(
                || "estimated".to_string(),
                |t| format!("{} tokens/s per GPU", plain_number(t)),
            ),
        ),
        ("mode", s.mode.as_str().to_string()),
        ("GPU hour price", or_gpu_default(s.gpu_hour_price, " $/h")),
        ("GPU price", or_gpu_default(s.gpu_price, " $")),
        ("amortization", format!("{} years", plain_number(s.years))),
        ("GPU power", or_gpu_default(s.power_watts, " W")),
        ("PUE", plain_number(s.pue)),
        (
            "power price",
            format!("{} $/kWh", plain_number(s.power_price)),
        ),
        (
            "colocation",
            format!("{} $/server-month", plain_number(s.colo)),
        ),
        ("staff", format!("{} FTE", plain_number(s.fte))),
        ("salary", format!("{} $/year", plain_number(s.salary))),
        ("overhead", format!("{} $/month", plain_number(s.overhead))),
    ]
}

/// A deployment in one line, then the settings that differ from the defaults.
fn deployment(out: &mut String, label: &str, d: &DeploymentChoice) {
    out.push_str(&format!(
        "  {label:<16}{} on {} ({})\n",
        d.model,
        d.gpu,
        d.settings.mode.as_str()
    ));
    let defaults = settings_rows(&Settings::default());
    let changed: Vec<String> = settings_rows(&d.settings)
        .into_iter()
        .zip(defaults)
        .filter(|(mine, default)| mine.1 != default.1 && mine.0 != "mode")
        .map(|((label, text), _)| format!("{label} {text}"))
        .collect();
    if !changed.is_empty() {
        out.push_str(&format!("  {:<16}{}\n", "", changed.join(", ")));
    }
}

fn show(s: &Scenario, active: &str) -> String {
    let mut out = format!("Scenario {:?}", s.name);
    out.push_str(if s.name == active {
        " (active)\n"
    } else {
        "\n"
    });
    let w = &s.workload;
    out.push_str("\nInputs\n");
    for (label, value) in [
        (
            "volume",
            format!("{} tokens a day", short_count(w.tokens_per_day)),
        ),
        ("input share", percent(w.input_share)),
        (
            "prompt length",
            format!("{} tokens", short_count(w.prompt_tokens)),
        ),
        ("region", s.region.clone()),
        ("sector", s.sector.clone()),
    ] {
        out.push_str(&format!("  {label:<16}{value}\n"));
    }
    out.push_str("\nAPI models compared\n");
    out.push_str(&format!("  {}\n", none_if_empty(&s.api_models)));
    out.push_str("\nSelf-hosted deployment (break-even)\n");
    deployment(&mut out, "model", &s.self_host);
    out.push_str("\nTiers\n");
    out.push_str(&format!("  {:<16}{}\n", "1 frontier", s.tiers.frontier));
    deployment(&mut out, "2 large open", &s.tiers.large);
    deployment(&mut out, "3 small open", &s.tiers.small);
    out.push_str("\nUse cases\n");
    out.push_str(&use_cases(s));
    out.push_str("\nMarked models\n");
    out.push_str(&format!("  {}\n", none_if_empty(&s.marks)));
    let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "none".into());
    out.push_str(&format!(
        "\nPreset {}, theme {}, pane {}\n",
        shown(&s.preset),
        shown(&s.theme),
        shown(&s.pane)
    ));
    out.push_str("\nNotes\n");
    if s.notes.trim().is_empty() {
        out.push_str("  none\n");
    }
    for line in s.notes.lines() {
        out.push_str(&format!("  {line}\n"));
    }
    out
}

fn none_if_empty(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}

fn use_cases(s: &Scenario) -> String {
    let columns = [
        Column {
            header: "  NAME",
            align: Align::Left,
            max: 44,
        },
        Column {
            header: "SHARE",
            align: Align::Right,
            max: 6,
        },
        Column {
            header: "INPUT",
            align: Align::Right,
            max: 6,
        },
        Column {
            header: "DATA",
            align: Align::Left,
            max: 12,
        },
        Column {
            header: "QUALITY",
            align: Align::Left,
            max: 8,
        },
        Column {
            header: "NEEDS",
            align: Align::Left,
            max: 26,
        },
        Column {
            header: "TIER",
            align: Align::Left,
            max: 40,
        },
    ];
    let rows: Vec<Vec<String>> = s
        .use_cases
        .iter()
        .map(|c| {
            let u = &c.use_case;
            let needs: Vec<&str> = u.needs.iter().map(|n| n.as_str()).collect();
            let tier = TIER_NAMES
                .get(usize::from(c.tier).wrapping_sub(1))
                .map_or_else(|| c.tier.to_string(), |n| format!("{} {n}", c.tier));
            vec![
                format!("  {}", u.name),
                percent(u.share),
                percent(u.input_share),
                u.sensitivity.as_str().to_string(),
                u.quality.as_str().to_string(),
                if needs.is_empty() {
                    "-".into()
                } else {
                    needs.join(", ")
                },
                tier,
            ]
        })
        .collect();
    table(&columns, &rows)
}

fn export(s: &Scenario, file: Option<&Path>) -> Result<String, CliError> {
    let text = store::serialize_export(s);
    match file {
        None => Ok(text),
        Some(p) if p == Path::new("-") => Ok(text),
        Some(path) => {
            store::write_atomic(path, text.as_bytes())
                .map_err(|e| CliError::Failure(format!("cannot write {}: {e}", path.display())))?;
            Ok(format!("exported {:?} to {}\n", s.name, path.display()))
        }
    }
}

fn read_scenario(path: &Path) -> Result<Scenario, CliError> {
    let shown = path.display();
    let bytes = match store::read_capped(path, MAX_STATE_BYTES) {
        Ok(ReadOutcome::Bytes(bytes)) => bytes,
        Ok(ReadOutcome::Missing) => {
            return Err(CliError::input(format!("{shown}: no such file")));
        }
        Ok(ReadOutcome::NotRegular) => {
            return Err(CliError::input(format!("{shown}: not a regular file")));
        }
        Ok(ReadOutcome::TooLarge(size)) => {
            return Err(CliError::input(format!(
                "{shown}: {size} bytes is over the {MAX_STATE_BYTES}-byte limit for a scenario file"
            )));
        }
        Err(e) => return Err(CliError::input(format!("{shown}: cannot read: {e}"))),
    };
    let mut scenario = store::text_of(&bytes)
        .and_then(store::parse_export)
        .map_err(|e| CliError::input(format!("{shown}:{}:{}: {}", e.line, e.column, e.message)))?;
    store::clean_scenario(&mut scenario);
    Ok(scenario)
}

/// A scenario this build can plan: known models and GPUs, settings in range.
fn check(catalog: &Catalog, s: &Scenario) -> Result<(), String> {
    let rules = embedded_rules(catalog).map_err(|e| e.to_string())?;
    plan(catalog, &rules, s).map_err(|e| e.to_string())?;
    s.self_host.resolve(catalog).map_err(|e| e.to_string())?;
    // A compared id is a model or an offering `model@provider`, as `cost --api` takes.
    for id in &s.api_models {
        api_choice(catalog, id).map_err(|refusal| format!("api_models: {refusal}"))?;
    }
    if let Some(id) = s.marks.iter().find(|id| catalog.model(id).is_none()) {
        return Err(format!(
            "marks: {id:?} is not allowed; expected a model id from the catalogue"
        ));
    }
    Ok(())
}

fn import(
    catalog: &Catalog,
    mut store: Store,
    mut state: State,
    path: &Path,
) -> Result<String, CliError> {
    let mut scenario = read_scenario(path)?;
    check(catalog, &scenario).map_err(|e| {
        CliError::input(format!(
            "{}: scenario {:?}: {e}",
            path.display(),
            scenario.name
        ))
    })?;
    if let Some(reason) = store.not_persistent_reason() {
        return Err(CliError::Failure(format!("cannot import: {reason}")));
    }
    let wanted = scenario.name.clone();
    scenario.name = store::unique_name(&wanted, |n| state.get(n).is_some());
    let name = scenario.name.clone();
    state.scenarios.push(scenario);
    match store.save(&state) {
        Ok(_) if name == wanted => Ok(format!("imported {name:?} from {}\n", path.display())),
        Ok(_) => Ok(format!(
            "imported {wanted:?} as {name:?}: a scenario named {wanted:?} already exists\n"
        )),
        Err(e) => Err(CliError::Failure(e.to_string())),
    }
}

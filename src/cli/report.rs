//! `tierwise report`: the hybrid plan of a scenario as a one-page Markdown plan, as JSON
//! carrying every input needed to recompute each number, or as a self-contained HTML page with
//! charts whose every number is one the JSON carries.

use super::errors::{CliError, one_line};
use super::suggest;
use crate::data::overlay::Loaded;
use crate::domain::cost::InputError;
use crate::domain::html::scenario_page;
use crate::domain::hybrid::plan;
use crate::domain::report::{self, PlanReport};
use crate::domain::scenario::Scenario;
use crate::domain::scenario_report::{self, ScenarioExtras};
use crate::domain::units::parse_quantity;
use crate::store::{self, State, Store};
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// Saved scenario to report [default: the active one, or the built-in default]
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,

    /// Region id from the rules (eu, us-tx, ...) [default: the scenario's]
    #[arg(long, value_name = "R")]
    pub region: Option<String>,

    /// Sector id from the rules (commercial, healthcare, ...) [default: the scenario's]
    #[arg(long, value_name = "S")]
    pub sector: Option<String>,

    /// Input plus output tokens a day: 750K, 5M, 2.5B [default: the scenario's]
    #[arg(long, value_name = "TOKENS", value_parser = parse_quantity, allow_negative_numbers = true)]
    pub tokens_per_day: Option<f64>,

    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,

    /// Write the report to FILE instead of standard output; the file is replaced whole, and
    /// only once the report is complete
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Json,
    /// One self-contained page with the charts (no scripts, nothing loaded from elsewhere)
    Html,
}

/// The JSON report: the plan's fields, then the break-even comparison, what moves the answer
/// and the sources, so every number of the HTML page is here too.
#[derive(Serialize)]
struct FullReport<'a> {
    #[serde(flatten)]
    plan: &'a PlanReport,
    optimal: &'a Option<crate::domain::optimize::doc::OptimalSide>,
    thresholds: &'a [crate::domain::optimize::doc::Threshold],
    hybrid_break_even_tokens_per_day: Option<f64>,
    #[serde(flatten)]
    extras: &'a ScenarioExtras,
}

/// `; closest: ...` among `ids`, or the whole list when nothing is close.
fn choices<'a>(wanted: &str, ids: impl Iterator<Item = &'a str> + Clone) -> String {
    let best = suggest::closest(wanted, ids.clone());
    if best.is_empty() {
        format!("; expected one of: {}", ids.collect::<Vec<_>>().join(", "))
    } else {
        format!("; closest: {}", best.join(", "))
    }
}

/// Apply `--region`, `--sector` and `--tokens-per-day` to the scenario, checking each.
pub fn apply_options(
    loaded: &Loaded,
    scenario: &mut Scenario,
    args: &ReportArgs,
) -> Result<(), CliError> {
    let rules = &loaded.rules;
    if let Some(r) = &args.region {
        if rules.region(r).is_none() {
            let ids = rules.regions.iter().map(|r| r.id.as_str());
            return Err(CliError::input(format!(
                "--region: unknown region {r:?}{}",
                choices(r, ids)
            )));
        }
        scenario.region = r.clone();
    }
    if let Some(s) = &args.sector {
        if rules.sector(s).is_none() {
            let ids = rules.sectors.iter().map(|s| s.id.as_str());
            return Err(CliError::input(format!(
                "--sector: unknown sector {s:?}{}",
                choices(s, ids)
            )));
        }
        scenario.sector = s.clone();
    }
    if let Some(v) = args.tokens_per_day {
        scenario.workload.tokens_per_day = v;
    }
    scenario.workload.validate().map_err(|e| {
        // The cost model calls the volume by its symbol's name; the option is tokens-per-day.
        let field = if e.field == "volume" {
            "tokens-per-day"
        } else {
            e.field
        };
        CliError::input(InputError { field, ..e }.to_string())
    })
}

/// The report of `scenario` in the chosen format.
pub fn render(
    loaded: &Loaded,
    scenario: &Scenario,
    format: ReportFormat,
) -> Result<String, CliError> {
    let planned = plan(&loaded.catalog, &loaded.rules, scenario)
        .map(|p| report::build(&loaded.catalog, scenario, &p));
    let failed = |e: &InputError| CliError::input(format!("scenario {:?}: {e}", scenario.name));
    match format {
        ReportFormat::Markdown => {
            let doc = planned.map_err(|e| failed(&e))?;
            let mut text = report::markdown(&doc, &loaded.catalog, &loaded.rules);
            if !text.ends_with("\n\n") {
                text.push('\n');
            }
            text.push_str(&crate::domain::what_moves::hybrid_markdown(
                &loaded.catalog,
                scenario,
                "##",
            ));
            text.push_str(&search_markdown(loaded, scenario)?);
            Ok(text)
        }
        ReportFormat::Json => {
            let doc = planned.map_err(|e| failed(&e))?;
            let d = super::plan_doc::document(loaded, scenario, true)?;
            let extras = scenario_report::build(&loaded.catalog, scenario);
            let full = FullReport {
                plan: &doc,
                optimal: &d.optimal,
                thresholds: &d.thresholds,
                hybrid_break_even_tokens_per_day: d.hybrid_break_even_tokens_per_day,
                extras: &extras,
            };
            let mut text = serde_json::to_string_pretty(&full)
                .map_err(|e| CliError::Failure(format!("cannot encode JSON: {e}")))?;
            text.push('\n');
            Ok(text)
        }
        // The page says what is missing rather than failing.
        ReportFormat::Html => Ok(scenario_page(&loaded.catalog, &loaded.rules, scenario)),
    }
}

/// The report's part from the plan search: the cheapest compliant plan, the bands over volume
/// and the hybrid break-even, as in `tierwise plan --optimize`.
fn search_markdown(loaded: &Loaded, scenario: &Scenario) -> Result<String, CliError> {
    let d = super::plan_doc::document(loaded, scenario, true)?;
    Ok(format!(
        "\n{}",
        crate::domain::optimize::doc::search_markdown(&d, "##")
    ))
}

/// The saved state, when a state file exists. Opened like the app opens it (same repairs and
/// notices, printed as warnings); without a state file nothing is created on disk.
fn saved_state(builtin: impl FnOnce() -> Scenario) -> Option<State> {
    let dir = store::state_dir().ok()?;
    if !dir.join(store::STATE_FILE).exists() {
        return None;
    }
    let (_store, state, notices) = Store::open(&dir, builtin);
    for notice in notices {
        eprintln!("warning: {}", one_line(&notice.to_string()));
    }
    Some(state)
}

/// The scenario `--scenario` names: a saved one, or the built-in `default` when no saved
/// scenario has that name; without the option, the active saved scenario.
pub fn scenario(loaded: &Loaded, name: Option<&str>) -> Result<Scenario, CliError> {
    let builtin = || store::builtin_scenario(&loaded.catalog, &loaded.use_cases);
    let state = saved_state(builtin);
    let found = match (&state, name) {
        (Some(state), None) => state.active_scenario().cloned(),
        (None, None) => None,
        (state, Some(name)) => state.as_ref().and_then(|s| s.get(name)).cloned(),
    };
    match (found, name) {
        (Some(s), _) => Ok(s),
        (None, None) | (None, Some(store::BUILTIN_NAME)) => Ok(builtin()),
        (None, Some(other)) => {
            let mut names: Vec<&str> = state
                .iter()
                .flat_map(|s| s.scenarios.iter().map(|s| s.name.as_str()))
                .chain([store::BUILTIN_NAME])
                .collect();
            names.sort_unstable();
            names.dedup();
            Err(CliError::input(format!(
                "--scenario: unknown scenario {other:?}{}",
                choices(other, names.iter().copied())
            )))
        }
    }
}

pub fn run(loaded: &Loaded, args: &ReportArgs) -> Result<String, CliError> {
    let mut s = scenario(loaded, args.scenario.as_deref())?;
    apply_options(loaded, &mut s, args)?;
    let text = render(loaded, &s, args.format)?;
    match &args.output {
        None => Ok(text),
        Some(path) => {
            store::write_atomic(path, text.as_bytes())
                .map_err(|e| CliError::Failure(format!("cannot write {}: {e}", path.display())))?;
            Ok(String::new())
        }
    }
}

//! The non-interactive commands. Each returns its whole output as text; `run` prints it or
//! reports the one-line error with the right exit code.

pub mod args;
pub mod check_data;
pub mod cost;
pub mod cost_args;
pub mod cost_report;
pub mod errors;
pub mod gpus;
pub mod input_args;
pub mod models;
pub mod models_json;
pub mod offering_json;
pub mod output;
pub mod plan;
pub mod plan_doc;
pub mod report;
pub mod scenario;
pub mod sensitivity;
pub mod sizing;
pub mod suggest;
pub mod update;

use crate::data::overlay::{self, Loaded};
use args::Command;
use errors::{CliError, one_line};
use std::process::ExitCode;

/// Run one command and turn its outcome into an exit code.
pub fn run(command: Command) -> ExitCode {
    if let Command::CheckData(args) = &command {
        return check_data::run(args);
    }
    if let Command::Update(args) = &command {
        return finish(update::run(args));
    }
    finish(load().and_then(|loaded| execute(&loaded, &command)))
}

/// The output of one command against the loaded data.
pub fn execute(loaded: &Loaded, command: &Command) -> Result<String, CliError> {
    match command {
        Command::Models(args) => models::run(&loaded.catalog, args),
        Command::Cost(args) => cost::run(&loaded.catalog, args),
        Command::Scenario(args) => scenario::run(&loaded.catalog, &args.action),
        Command::Report(args) => report::run(loaded, args),
        Command::Plan(args) => plan::run(loaded, args),
        Command::Gpus(args) => gpus::run(&loaded.catalog, args),
        Command::Sensitivity(args) => sensitivity::run(&loaded.catalog, args),
        Command::Sizing(args) => sizing::run(&loaded.catalog, args),
        Command::CheckData(_) => Err(CliError::Failure(
            "check-data runs on its own, not against loaded data".into(),
        )),
        Command::Update(_) => Err(CliError::Failure(
            "update runs on its own, not against loaded data".into(),
        )),
    }
}

/// The embedded data with the user's own files applied; a bad user file is a warning on
/// stderr (one line per problem) and its data is left out, never a failure.
fn load() -> Result<Loaded, CliError> {
    let config = overlay::config_dir();
    let data = crate::store::state_dir().ok();
    let loaded = crate::data::updated::load_layers(config.as_deref(), data.as_deref())
        .map_err(|e| CliError::Failure(format!("the embedded database did not load: {e}")))?;
    for notice in &loaded.notices {
        eprintln!("warning: {}", one_line(notice));
    }
    Ok(loaded)
}

fn finish(outcome: Result<String, CliError>) -> ExitCode {
    match outcome.and_then(|text| output::emit(&text)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => e.report(),
    }
}

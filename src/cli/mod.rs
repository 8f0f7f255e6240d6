//! The non-interactive commands. Each returns its whole output as text; `run` prints it or
//! reports the one-line error with the right exit code.

pub mod args;
pub mod cost;
pub mod cost_args;
pub mod cost_report;
pub mod errors;
pub mod models;
pub mod models_json;
pub mod output;
pub mod scenario;
pub mod suggest;

use crate::domain::catalog::Catalog;
use args::Command;
use errors::CliError;
use std::process::ExitCode;

/// Run one command and turn its outcome into an exit code.
pub fn run(command: Command) -> ExitCode {
    finish(load().and_then(|catalog| execute(&catalog, &command)))
}

/// The output of one command against a catalogue.
pub fn execute(catalog: &Catalog, command: &Command) -> Result<String, CliError> {
    match command {
        Command::Models(args) => models::run(catalog, args),
        Command::Cost(args) => cost::run(catalog, args),
        Command::Scenario(args) => scenario::run(catalog, &args.action),
    }
}

fn load() -> Result<Catalog, CliError> {
    crate::data::embedded_catalog()
        .map_err(|e| CliError::Failure(format!("the embedded database did not load: {e}")))
}

fn finish(outcome: Result<String, CliError>) -> ExitCode {
    match outcome.and_then(|text| output::emit(&text)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => e.report(),
    }
}

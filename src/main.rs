//! Parse the command line and hand over to the commands or the interactive explorer.

use clap::Parser;
use std::process::ExitCode;
use tierwise::cli::{self, args::Cli};

fn main() -> ExitCode {
    match Cli::try_parse() {
        Err(e) => cli::errors::clap_failure(e),
        Ok(Cli {
            command: Some(command),
            ..
        }) => cli::run(command),
        Ok(Cli {
            command: None,
            theme,
        }) => cli::overview(theme),
    }
}

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
            present,
        }) => {
            let theme = theme.map(|t| t.as_str().to_string());
            let code = tierwise::tui::run(tierwise::tui::Options { theme, present });
            ExitCode::from(u8::try_from(code).unwrap_or(1))
        }
    }
}

//! `tierwise check-data FILE`: validate a user data file exactly as the app would load it.
//! Exit 0 with a one-line summary when it is sound, 1 with one line per problem when it is
//! not, 2 when the file is missing or its kind cannot be told.

use super::errors::{CliError, one_line};
use super::output;
use crate::data::overlay::{self, Kind};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct CheckDataArgs {
    /// The file to check: models.ron, gpus.ron or rules.ron
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// What the file holds, when its name does not say [default: from the file name]
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Option<KindName>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindName {
    Models,
    Gpus,
    Rules,
}

impl From<KindName> for Kind {
    fn from(k: KindName) -> Kind {
        match k {
            KindName::Models => Kind::Models,
            KindName::Gpus => Kind::Gpus,
            KindName::Rules => Kind::Rules,
        }
    }
}

/// The file's kind, or a usage error naming the choices.
fn kind(args: &CheckDataArgs) -> Result<Kind, CliError> {
    match args.kind {
        Some(k) => Ok(k.into()),
        None => Kind::from_path(&args.file).ok_or_else(|| {
            CliError::input(format!(
                "{}: cannot tell what the file holds from its name; name it models.ron, \
                 gpus.ron or rules.ron, or pass --kind models|gpus|rules",
                args.file.display()
            ))
        }),
    }
}

pub fn run(args: &CheckDataArgs) -> ExitCode {
    let kind = match kind(args) {
        Ok(k) => k,
        Err(e) => return e.report(),
    };
    if !args.file.exists() {
        return CliError::input(format!("{}: no such file", args.file.display())).report();
    }
    match overlay::check_file(&args.file, kind) {
        Ok(summary) => match output::emit(&format!("{summary}\n")) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => e.report(),
        },
        Err(problems) => {
            for p in &problems {
                eprintln!("error: {}", one_line(p));
            }
            ExitCode::from(1)
        }
    }
}

//! `tierwise plan --optimize`: the current plan beside the cheapest compliant one, what moves
//! and why, where the answer changes over volume, and the hybrid break-even.

use super::errors::CliError;
use super::plan_doc::document;
use super::report::{ReportArgs, ReportFormat, apply_options, scenario};
use crate::data::overlay::Loaded;
use crate::domain::optimize::doc;
use crate::domain::units::parse_quantity;
use clap::{Args, ValueEnum};

/// `plan` prints Markdown or JSON (the HTML page is `report --format html`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    Markdown,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct PlanArgs {
    /// Search for the cheapest compliant plan and where it changes over volume
    #[arg(long)]
    pub optimize: bool,

    /// Saved scenario [default: the active one, or the built-in default]
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,

    /// Input plus output tokens a day: 750K, 5M, 2.5B [default: the scenario's]
    #[arg(long, value_name = "V", value_parser = parse_quantity, allow_negative_numbers = true)]
    pub tokens_per_day: Option<f64>,

    /// Region id from the rules (eu, us-tx, ...) [default: the scenario's]
    #[arg(long, value_name = "R")]
    pub region: Option<String>,

    /// Sector id from the rules (commercial, healthcare, ...) [default: the scenario's]
    #[arg(long, value_name = "S")]
    pub sector: Option<String>,

    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = PlanFormat::Markdown)]
    pub format: PlanFormat,
}

pub fn run(loaded: &Loaded, args: &PlanArgs) -> Result<String, CliError> {
    let mut s = scenario(loaded, args.scenario.as_deref())?;
    let options = ReportArgs {
        scenario: None,
        region: args.region.clone(),
        sector: args.sector.clone(),
        tokens_per_day: args.tokens_per_day,
        format: match args.format {
            PlanFormat::Markdown => ReportFormat::Markdown,
            PlanFormat::Json => ReportFormat::Json,
        },
        output: None,
    };
    apply_options(loaded, &mut s, &options)?;
    let d = document(loaded, &s, args.optimize)?;
    match args.format {
        PlanFormat::Markdown => Ok(format!(
            "# Plan: {}\n\n{}",
            s.name,
            doc::markdown(&d, &loaded.rules, &s, "##")
        )),
        PlanFormat::Json => {
            let mut text = serde_json::to_string_pretty(&d)
                .map_err(|e| CliError::Failure(format!("cannot encode JSON: {e}")))?;
            text.push('\n');
            Ok(text)
        }
    }
}

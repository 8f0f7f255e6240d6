//! The command line, declared with clap's derive API. Values are checked for shape here
//! (finite numbers, known names); ranges and ids are checked against the domain afterwards.

use crate::domain::catalog::Openness;
// `cost_args` depends on nothing here, so the two files do not import each other.
use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "tierwise",
    version,
    about = "Decide which AI work goes to frontier APIs and which to self-hosted open models",
    long_about = None,
)]
pub struct Cli {
    /// Colour theme of the interactive explorer
    #[arg(long, global = true, value_enum, value_name = "NAME")]
    pub theme: Option<ThemeName>,

    /// Start the explorer in the presenter view of the break-even pane (for a projector)
    #[arg(long)]
    pub present: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the model catalogue, with sources for every figure
    Models(ModelsArgs),
    /// Compare API prices with the cost of self-hosting an open model
    Cost(Box<crate::cli::cost_args::CostArgs>),
    /// List, show, export and import saved scenarios
    Scenario(ScenarioArgs),
    /// The hybrid plan of a scenario as a one-page Markdown plan, JSON, or an HTML page with charts
    Report(crate::cli::report::ReportArgs),
    /// The current plan beside the cheapest compliant one (--optimize), over volume
    Plan(crate::cli::plan::PlanArgs),
    /// List the GPUs: memory, bandwidth, throughput, power, rental offers and prices
    Gpus(GpusArgs),
    /// Check a user data file (models.ron, gpus.ron, rules.ron) as the app would load it
    CheckData(crate::cli::check_data::CheckDataArgs),
    /// Which assumptions move the break-even volume, and how far (same options as cost)
    Sensitivity(Box<crate::cli::sensitivity::SensitivityArgs>),
    /// Fetch current prices from models.dev and LiteLLM (the only command that uses the network)
    Update(crate::cli::update::UpdateArgs),
    /// GPUs per replica, memory split and throughput of a model on a GPU, with its bound
    Sizing(Box<crate::cli::sizing::SizingArgs>),
}

#[derive(Debug, Clone, Args)]
pub struct ScenarioArgs {
    #[command(subcommand)]
    pub action: ScenarioAction,
}

#[derive(Debug, Clone, Subcommand)]
pub enum ScenarioAction {
    /// List the saved scenarios; the active one is marked with *
    List,
    /// Print one scenario: inputs, API models, deployment, tiers, use cases and notes
    Show {
        /// The scenario's name
        name: String,
    },
    /// Write one scenario as a RON file a colleague can import
    Export {
        /// The scenario's name
        name: String,
        /// Where to write it; standard output when absent or "-"
        file: Option<std::path::PathBuf>,
    },
    /// Add the scenario in an exported RON file to the saved ones
    Import {
        /// A file written by `tierwise scenario export`
        file: std::path::PathBuf,
    },
}

/// The built-in themes of the interactive explorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeName {
    Dark,
    Light,
    HighContrast,
    Mono,
}

impl ThemeName {
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
            ThemeName::Mono => "mono",
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct ModelsArgs {
    /// Fuzzy search over name, vendor, license and id; whole words in the description
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,

    /// Keep only this openness tier (repeat for several)
    #[arg(long, value_enum, value_name = "TIER")]
    pub tier: Vec<TierName>,

    /// Keep models sold by this provider or host (id or name, e.g. groq, bedrock, Together)
    #[arg(long, value_name = "PROVIDER")]
    pub provider: Option<String>,

    /// Keep open-weight models only
    #[arg(long)]
    pub open: bool,

    /// Keep models with at least this many billion parameters
    #[arg(long, value_name = "BILLIONS", value_parser = crate::cli::input_args::finite_number)]
    pub min_params: Option<f64>,

    /// Keep models with at most this many billion parameters
    #[arg(long, value_name = "BILLIONS", value_parser = crate::cli::input_args::finite_number)]
    pub max_params: Option<f64>,

    /// Print at most this many models
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ModelsFormat::Table)]
    pub format: ModelsFormat,
}

#[derive(Debug, Clone, Args)]
pub struct GpusArgs {
    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ModelsFormat::Table)]
    pub format: ModelsFormat,
}

/// Openness tiers as spelled on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TierName {
    FullyOpen,
    OpenWeightsPermissive,
    OpenWeightsRestricted,
    ClosedApi,
}

impl From<TierName> for Openness {
    fn from(t: TierName) -> Openness {
        match t {
            TierName::FullyOpen => Openness::FullyOpen,
            TierName::OpenWeightsPermissive => Openness::OpenWeightsPermissive,
            TierName::OpenWeightsRestricted => Openness::OpenWeightsRestricted,
            TierName::ClosedApi => Openness::ClosedApi,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelsFormat {
    Table,
    Json,
    Csv,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// `sensitivity` takes every input option `cost` takes (the tests of
    /// `cli/input_args` check each row has its option).
    #[test]
    fn sensitivity_takes_the_cost_options() {
        let command = Cli::command();
        let longs = |name: &str| -> Vec<String> {
            let sub = command.find_subcommand(name).expect("a command");
            sub.get_arguments()
                .filter_map(|a| a.get_long().map(String::from))
                .collect()
        };
        let sensitivity = longs("sensitivity");
        for option in longs("cost") {
            assert!(sensitivity.contains(&option), "--{option}");
        }
    }
}

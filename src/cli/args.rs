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
    #[arg(long, value_name = "BILLIONS", value_parser = crate::cli::cost_args::finite_number)]
    pub min_params: Option<f64>,

    /// Keep models with at most this many billion parameters
    #[arg(long, value_name = "BILLIONS", value_parser = crate::cli::cost_args::finite_number)]
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

    /// Every row but the model and the GPU (which name the deployment) is set by an option
    /// through the table, and lands where the row reads it.
    #[test]
    fn every_input_option_sets_its_row() {
        use crate::cli::cost_args::Given;
        use crate::domain::cost::Workload;
        use crate::domain::inputs::{INPUTS, InputId};
        use crate::domain::scenario::DeploymentChoice;
        let cli = Cli::try_parse_from([
            "tierwise",
            "cost",
            "--api",
            "a",
            "--self-host",
            "m",
            "--tokens-per-day",
            "7M",
            "--input-share",
            "0.3",
            "--prompt-tokens",
            "900",
            "--output-tokens",
            "300",
            "--precision",
            "int4",
            "--kv-precision",
            "fp8",
            "--serving",
            "peak",
            "--gpus-per-replica",
            "4",
            "--mode",
            "buy",
            "--gpu-hour-price",
            "2.1",
            "--gpu-price",
            "20000",
            "--years",
            "4",
            "--power-watts",
            "600",
            "--power-price",
            "0.2",
            "--pue",
            "1.3",
            "--colo",
            "400",
            "--utilization",
            "0.6",
            "--efficiency",
            "0.3",
            "--kv-overhead",
            "0.4",
            "--min-replicas",
            "2",
            "--throughput",
            "1500",
            "--fte",
            "0.5",
            "--salary",
            "150000",
            "--overhead",
            "0.1",
        ])
        .expect("parses");
        let Some(Command::Cost(args)) = cli.command else {
            panic!("not the cost command");
        };
        let given = args.given();
        let ids: Vec<InputId> = given.iter().map(|(id, _)| *id).collect();
        let expected: Vec<InputId> = INPUTS
            .iter()
            .map(|r| r.id)
            .filter(|id| !matches!(id, InputId::Model | InputId::Gpu))
            .collect();
        assert_eq!(ids, expected);
        let mut w = Workload::default();
        let mut d = DeploymentChoice::new("m", "g");
        args.apply_to_workload(&mut w);
        args.apply_to_deployment(&mut d);
        for (id, value) in given {
            let row = id.row();
            match value {
                Given::Number(v) => {
                    let read = row.workload_value(&w).or(row.setting_value(&d.settings));
                    assert_eq!(read, Some(v), "{}", row.name);
                }
                Given::Choice(c) => {
                    let crate::domain::inputs::Access::Choice { get, .. } = row.access else {
                        panic!("{} is not a choice", row.name);
                    };
                    assert_eq!(get(&d), c);
                }
            }
        }
    }

    #[test]
    fn command_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// The options and the inputs table name the same inputs: every row has its `cost` option,
    /// and every option but the API models and the format is a row.
    #[test]
    fn every_input_has_its_option_and_every_option_an_input() {
        use crate::domain::inputs::INPUTS;
        let command = Cli::command();
        let cost = command.find_subcommand("cost").expect("a cost command");
        let options: Vec<&str> = cost.get_arguments().filter_map(|a| a.get_long()).collect();
        for row in &INPUTS {
            assert!(options.contains(&row.flag), "--{} missing", row.flag);
        }
        for option in options {
            let known = INPUTS.iter().any(|r| r.flag == option);
            assert!(
                known || ["api", "format"].contains(&option),
                "--{option} has no row"
            );
        }
    }
}

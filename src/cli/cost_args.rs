//! The options of `tierwise cost` (and `sensitivity`, which takes them all): the API models to
//! compare, every input option of the inputs table ([`InputArgs`]), and the format.

use super::input_args::{Given, InputArgs, choice, number};
use crate::domain::cost::{KvPrecision, Precision, Serving, Workload};
use crate::domain::inputs::InputId as Id;
use crate::domain::scenario::DeploymentChoice;
use clap::{Args, ValueEnum};

#[derive(Debug, Clone, Args)]
pub struct CostArgs {
    /// API model to compare (repeat for several)
    #[arg(long = "api", value_name = "ID", required = true)]
    pub api: Vec<String>,

    #[command(flatten)]
    pub inputs: InputArgs,

    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = CostFormat::Text)]
    pub format: CostFormat,
}

impl CostArgs {
    /// The open model to self-host (`--self-host`, which the commands require).
    pub fn self_host(&self) -> &str {
        self.inputs.text(Id::Model).unwrap_or_default()
    }

    /// The GPU given (`--gpu`), if any.
    pub fn gpu(&self) -> Option<&str> {
        self.inputs.text(Id::Gpu)
    }

    /// Every input option given, by the inputs table's row, in the table's order.
    pub fn given(&self) -> &[(Id, Given)] {
        &self.inputs.given
    }

    /// The workload options over `w` (cost-model.md's defaults where none was given).
    pub fn apply_to_workload(&self, w: &mut Workload) {
        for (id, given) in self.given() {
            if let Given::Number(v) = given {
                id.row().set_workload(w, *v);
            }
        }
    }

    /// The deployment options over `d` (its model and GPU included); GPU-dependent figures
    /// stay with the GPU database unless given.
    pub fn apply_to_deployment(&self, d: &mut DeploymentChoice) {
        for (id, given) in self.given() {
            let row = id.row();
            match given {
                Given::Number(v) => {
                    row.set_setting(&mut d.settings, Some(*v));
                }
                Given::Choice(choice) => {
                    row.set_choice(d, choice);
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CostFormat {
    Text,
    Json,
}

// `sizing` holds a few of the same options in typed fields, refused in the table's words.

/// A fixed choice as its type; the refusal is the table's (the two parse alike).
fn typed<T>(id: Id, text: &str, parse: fn(&str) -> Option<T>) -> Result<T, String> {
    parse(text).ok_or_else(|| choice(id.row(), text).err().unwrap_or_default())
}

pub fn kv_precision(text: &str) -> Result<KvPrecision, String> {
    typed(Id::KvPrecision, text, KvPrecision::parse)
}

pub fn serving(text: &str) -> Result<Serving, String> {
    typed(Id::Serving, text, Serving::parse)
}

pub fn precision(text: &str) -> Result<Precision, String> {
    typed(Id::Precision, text, Precision::parse)
}

pub fn gpus_per_replica(text: &str) -> Result<u32, String> {
    number(Id::GpusPerReplica.row(), text).map(|n| n as u32)
}

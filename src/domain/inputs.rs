//! The table of inputs: every number or choice a user sets for a workload or a self-hosted
//! deployment, in one place. The break-even sliders, the hybrid tiers' sliders, the `cost` and
//! `sensitivity` options, validation and the tornado all read a row from here.
//!
//! # How to add an input
//! 1. The struct field it sets, with its default, and the arithmetic that reads it: `Workload`
//!    and `Workload::default` (plus a `serde` default, so scenarios saved before it load), or
//!    `Settings` and `Settings::default` (a test checks the default equals the row's).
//! 2. Its id in [`InputId`] (the order there is nothing; the list order is the table's).
//! 3. One row in the file of its group under `inputs/table/` (workload and choices, the GPUs'
//!    bill, serving and staff), where the slider list and `cost --help` should show it: the
//!    name errors and the tornado use, the CLI flag, the label, the accepted range, the slider
//!    (grid, bar range, unit; `None` for an input set only on the command line), how it reads
//!    ([`Show`]), the default and why, when it counts (renting, buying, always), how to get and
//!    set it; for the command line its help (ending in the default it states, which a test
//!    compares with the row's), placeholder and [`Kind`]; `tornado: true` to move it in the
//!    tornado, with an [`Idle`] rule where it plays no part in some cases and `resolved` where
//!    unset means the resolved deployment's figure.
//!
//! That is all for a workload input: the sliders list, show, step, type, reset and validate
//! it; `cost` and `sensitivity` take `--flag` in the row's syntax (`src/cli/input_args.rs`
//! reads the rows); validation refuses values outside the row's range with the row's name; the
//! tornado scales it through its get/set, clamps it to its range and reads it as its slider
//! does. A deployment input also needs its field on the resolved [`Deployment`] (copied in
//! `DeploymentChoice::resolve`, used by the arithmetic) and its line in `Deployment::validate`
//! in `inputs/check.rs` (the resolved deployment is a flat struct, read by field, in the order
//! errors are reported). Choices (model, GPU, precision, mode) are rows too: their options
//! come from the catalogue or from the row's own fixed list ([`Choices`]).

use super::cost::{Deployment, InputError, Mode, Workload};
use super::scenario::{DeploymentChoice, Settings};

mod check;
mod choices;
mod grid;
mod show;
mod table;

pub use grid::{Grid, Spec, bar_position, parse_typed, spec, step_value};
pub use show::{Show, plain};
pub use table::INPUTS;

/// Ids of `Choices::Fixed` lists keep their order: ←/→ step along it.
pub type FixedChoices = Vec<(&'static str, String)>;

/// Which input a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputId {
    Volume,
    InputShare,
    PromptTokens,
    OutputTokens,
    Model,
    Gpu,
    Precision,
    Mode,
    GpuHourPrice,
    GpuPrice,
    Years,
    PowerWatts,
    PowerPrice,
    Pue,
    Colo,
    Utilization,
    Efficiency,
    KvOverhead,
    MinReplicas,
    Throughput,
    KvPrecision,
    Serving,
    GpusPerReplica,
    Fte,
    Salary,
    Overhead,
}

/// What the input is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Workload,
    Deployment,
}

/// In which mode a deployment input counts (and is listed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    Renting,
    Buying,
}

/// The values validation accepts: `lo <= v <= hi` (`lo < v` when `open_low`), finite, and a
/// whole number when `whole`. `allowed` replaces the generic wording in errors where one reads
/// better ("tokens a day from 1K ...").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Accepts {
    pub lo: f64,
    pub hi: f64,
    pub open_low: bool,
    pub whole: bool,
    pub allowed: Option<&'static str>,
}

/// What the command line takes for a row's option (`--{flag}`); the parsers are in `src/cli`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An id checked against the catalogue afterwards; `required`: the commands need it.
    Id { required: bool },
    /// `750K`, `5M`, `2.5B`, `5e6`: [`crate::domain::units::parse_quantity`].
    Quantity,
    /// A finite number.
    Number,
    /// A whole number. `in_range`: refused at once outside the accepted range (as `sizing`
    /// does for the same option); otherwise the range check names it.
    Whole { in_range: bool },
    /// One of the row's fixed choices, in any case.
    Choice,
}

/// When a row plays no part although its mode counts: data, so the tornado and anything else
/// that asks reads one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idle {
    /// While another row is set: the efficiency once a measured throughput replaces the
    /// estimate from compute.
    WhileSet(InputId),
    /// While another row is zero: the salary of no staff.
    WhileZero(InputId),
}

/// How a row reads and writes its value.
#[derive(Clone, Copy)]
pub enum Access {
    /// A number of the workload.
    Workload {
        get: fn(&Workload) -> f64,
        set: fn(&mut Workload, f64),
    },
    /// A number of the deployment's settings; `None`: not set (the GPU database's figure, or
    /// the estimate, is used).
    Setting {
        get: fn(&Settings) -> Option<f64>,
        set: fn(&mut Settings, Option<f64>),
    },
    /// A choice, by id; `set` returns false for an id that is not one of the choices.
    Choice {
        get: fn(&DeploymentChoice) -> String,
        set: fn(&mut DeploymentChoice, &str) -> bool,
        list: Choices,
    },
}

/// Where a choice's options come from.
#[derive(Clone, Copy)]
pub enum Choices {
    /// The open models of the catalogue that can be sized for self-hosting.
    Models,
    /// The GPUs of the catalogue.
    Gpus,
    /// A fixed list: (id, what it means), in order from the first to the last step.
    Fixed(fn() -> FixedChoices),
}

/// One row of the table.
#[derive(Clone, Copy)]
pub struct Input {
    pub id: InputId,
    /// The name errors and the tornado use; the CLI option's name where the two agree.
    pub name: &'static str,
    /// The `cost` option, without dashes (`tokens-per-day` for the volume).
    pub flag: &'static str,
    /// The slider's label.
    pub label: &'static str,
    pub part: Part,
    pub when: When,
    /// `None` for choices.
    pub accepts: Option<Accepts>,
    /// `None` for choices and for inputs without a slider.
    pub slider: Option<Spec>,
    pub show: Show,
    /// The default as a number (`None`: from the database, or unset).
    pub default: Option<f64>,
    /// Why the default is what it is.
    pub why: &'static str,
    pub access: Access,
    /// The option's help, ending in its default where it has one (`[default: 5M]`).
    pub help: &'static str,
    /// The option's value placeholder (`TOKENS` in `--tokens-per-day <TOKENS>`).
    pub value_name: &'static str,
    pub kind: Kind,
    /// The tornado scales it down and up by the span (`sensitivity`, the pane's overlay).
    pub tornado: bool,
    pub idle: Option<Idle>,
    /// The figure the resolved deployment uses while the setting is unset (the GPU database's
    /// price for the chosen GPU); `None`: unset means no figure (the estimate, or nothing).
    pub resolved: Option<fn(&Deployment) -> f64>,
}

impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Input").field("id", &self.id).finish()
    }
}

impl PartialEq for Input {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl InputId {
    /// This input's row. Every id has one (a test checks).
    pub fn row(self) -> &'static Input {
        INPUTS.iter().find(|r| r.id == self).unwrap_or(&INPUTS[0])
    }
}

/// The row named `name` (as errors and the tornado name it).
pub fn by_name(name: &str) -> Option<&'static Input> {
    INPUTS.iter().find(|r| r.name == name)
}

impl When {
    pub fn counts_in(self, mode: Mode) -> bool {
        match self {
            When::Always => true,
            When::Renting => mode == Mode::Rent,
            When::Buying => mode == Mode::Buy,
        }
    }
}

impl Input {
    /// Set this row's number on a workload; false when the row is not a workload number.
    pub fn set_workload(&self, w: &mut Workload, v: f64) -> bool {
        match self.access {
            Access::Workload { set, .. } => {
                set(w, v);
                true
            }
            _ => false,
        }
    }

    /// Set this row's number on deployment settings; false when the row is not a setting.
    pub fn set_setting(&self, s: &mut Settings, v: Option<f64>) -> bool {
        match self.access {
            Access::Setting { set, .. } => {
                set(s, v);
                true
            }
            _ => false,
        }
    }

    /// Choose `id` for this row; false when the row is not a choice or `id` is not one of it.
    pub fn set_choice(&self, d: &mut DeploymentChoice, id: &str) -> bool {
        match self.access {
            Access::Choice { set, .. } => set(d, id),
            _ => false,
        }
    }

    pub fn is_choice(&self) -> bool {
        matches!(self.access, Access::Choice { .. })
    }

    /// The number this row reads from a workload (`None` for deployment rows).
    pub fn workload_value(&self, w: &Workload) -> Option<f64> {
        match self.access {
            Access::Workload { get, .. } => Some(get(w)),
            _ => None,
        }
    }

    /// The number this row reads from deployment settings (`None` when unset or not a setting).
    pub fn setting_value(&self, s: &Settings) -> Option<f64> {
        match self.access {
            Access::Setting { get, .. } => get(s),
            _ => None,
        }
    }

    /// The number this row reads from a workload or deployment settings, whichever it is part of.
    pub fn value_in(&self, w: &Workload, s: &Settings) -> Option<f64> {
        self.workload_value(w).or_else(|| self.setting_value(s))
    }

    /// Whether this row plays a part in a case in `s.mode`: its mode counts and its [`Idle`]
    /// rule does not hold.
    pub fn counts(&self, w: &Workload, s: &Settings) -> bool {
        let idle = match self.idle {
            None => false,
            Some(Idle::WhileSet(other)) => other.row().value_in(w, s).is_some(),
            Some(Idle::WhileZero(other)) => other.row().value_in(w, s) == Some(0.0),
        };
        self.when.counts_in(s.mode) && !idle
    }

    /// `v` clamped into the accepted range; an open lower end keeps 0.01 above it.
    pub fn clamp(&self, v: f64) -> f64 {
        match self.accepts {
            Some(a) => {
                let lo = if a.open_low { a.lo + 0.01 } else { a.lo };
                v.clamp(lo, a.hi)
            }
            None => v,
        }
    }

    /// Refuse a value outside the accepted range, naming the input, the value and the range.
    pub fn check(&self, v: f64) -> Result<(), InputError> {
        let Some(a) = self.accepts else {
            return Ok(());
        };
        let low_ok = if a.open_low { v > a.lo } else { v >= a.lo };
        if v.is_finite() && low_ok && v <= a.hi && (!a.whole || v.fract() == 0.0) {
            return Ok(());
        }
        let allowed = match a.allowed {
            Some(text) => text.to_string(),
            None => {
                let low = if a.open_low { ">" } else { ">=" };
                format!("a number {low} {} and <= {}", show(a.lo), show(a.hi))
            }
        };
        Err(InputError {
            field: self.flag,
            value: show(v),
            allowed,
        })
    }
}

/// Plain decimals for ordinary values, exponent form for extreme ones (no 300-digit zeros).
pub fn show(v: f64) -> String {
    let a = v.abs();
    if v == 0.0 || !v.is_finite() || (1e-4..1e15).contains(&a) {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

/// The deployment rows listed for `mode`, in table order.
pub fn deployment_inputs(mode: Mode) -> impl Iterator<Item = &'static Input> {
    INPUTS.iter().filter(move |r| {
        r.part == Part::Deployment && r.slider_or_choice() && r.when.counts_in(mode)
    })
}

/// The workload rows with a slider, in table order.
pub fn workload_inputs() -> impl Iterator<Item = &'static Input> {
    INPUTS
        .iter()
        .filter(|r| r.part == Part::Workload && r.slider.is_some())
}

impl Input {
    /// Listed among the sliders: a numeric slider or a choice.
    fn slider_or_choice(&self) -> bool {
        self.slider.is_some() || self.is_choice()
    }
}

#[cfg(test)]
mod tests;

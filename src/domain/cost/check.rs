//! Section 6: every input is finite and inside its range before anything is computed from it.
//!
//! The ranges of the user's inputs are the inputs table's and are checked there
//! (`domain/inputs/check.rs`). Here: the error type, the figures that come from the database,
//! and what the inputs imply together: at most [`MAX_GPUS_PER_REPLICA`] GPUs per replica, a
//! replica throughput of at most [`MAX_REPLICA_TOKENS_PER_S`] and a replica capacity of at
//! least [`MIN_REPLICA_CAPACITY`].

use super::{Deployment, replica_capacity_tokens_per_day, replica_tokens_per_s};
use std::fmt;

/// A replica needing more GPUs than this means the GPU memory is far too small for the model.
pub const MAX_GPUS_PER_REPLICA: f64 = 100_000.0;
/// Tokens/s of one replica, measured or estimated.
pub const MAX_REPLICA_TOKENS_PER_S: f64 = 1e12;
/// Tokens a day one replica must serve at the target utilization; below this the staircase has
/// more steps than volumes a double can tell apart.
pub const MIN_REPLICA_CAPACITY: f64 = 1.0;

/// A refused input: the CLI option (without dashes), the value given and what is allowed.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    pub field: &'static str,
    pub value: String,
    pub allowed: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "--{}: {} is not allowed; expected {}",
            self.field, self.value, self.allowed
        )
    }
}

impl std::error::Error for InputError {}

/// Plain decimals for ordinary values, exponent form for extreme ones (no 300-digit zeros).
fn show(v: f64) -> String {
    let a = v.abs();
    if v == 0.0 || !v.is_finite() || (1e-4..1e15).contains(&a) {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

fn refuse(field: &'static str, value: f64, allowed: impl Into<String>) -> InputError {
    InputError {
        field,
        value: show(value),
        allowed: allowed.into(),
    }
}

/// lo <= v <= hi, or lo < v <= hi when `open_low`; always finite.
fn within(field: &'static str, v: f64, lo: f64, hi: f64, open_low: bool) -> Result<(), InputError> {
    let low_ok = if open_low { v > lo } else { v >= lo };
    if v.is_finite() && low_ok && v <= hi {
        return Ok(());
    }
    let low = if open_low { ">" } else { ">=" };
    Err(refuse(
        field,
        v,
        format!("a number {low} {} and <= {}", show(lo), show(hi)),
    ))
}

// `Workload::validate` and `Deployment::validate` live in `domain/inputs/check.rs`, beside the
// ranges they check; they call the two checks below for what does not come from the user.

impl Deployment {
    /// The model's parameter counts (from the database, or `--params-*`).
    pub(crate) fn check_parameters(&self) -> Result<(), InputError> {
        within("params-total", self.params_total_b, 0.0, f64::MAX, true).map_err(|e| {
            InputError {
                allowed: "billions of parameters, a number > 0".into(),
                ..e
            }
        })?;
        if !(self.params_active_b.is_finite()
            && self.params_active_b > 0.0
            && self.params_active_b <= self.params_total_b)
        {
            return Err(refuse(
                "params-active",
                self.params_active_b,
                format!(
                    "a number > 0 and <= --params-total ({})",
                    show(self.params_total_b)
                ),
            ));
        }
        Ok(())
    }

    /// The GPU's memory and compute (from the database).
    pub(crate) fn check_gpu_figures(&self) -> Result<(), InputError> {
        within("gpu-memory", self.gpu_memory_gb, 0.0, f64::MAX, true).map_err(|e| InputError {
            allowed: "GB per GPU, a number > 0".into(),
            ..e
        })?;
        within("gpu-tflops", self.gpu_tflops, 0.0, f64::MAX, true).map_err(|e| InputError {
            allowed: "TFLOPS per GPU, a number > 0".into(),
            ..e
        })
    }

    /// Checks on what the fields imply together, after each field is in range.
    pub(crate) fn validate_derived(&self) -> Result<(), InputError> {
        // A GPU too small for any replica is the GPU memory's fault, named as such before the
        // serving estimate's broader "fits on no replica" (which cannot tell which input to
        // blame).
        let memory =
            self.params_total_b * self.precision.bytes_per_param() * (1.0 + self.kv_overhead);
        let n_r = (memory / self.gpu_memory_gb).ceil();
        if n_r.is_nan() || n_r > MAX_GPUS_PER_REPLICA {
            return Err(refuse(
                "gpu-memory",
                self.gpu_memory_gb,
                format!(
                    "enough memory per GPU that one replica ({} GB) needs at most 100,000 GPUs",
                    show(memory)
                ),
            ));
        }
        super::plan::check(self)?;
        let (tau, source) = replica_tokens_per_s(self);
        if tau.is_nan() || tau > MAX_REPLICA_TOKENS_PER_S {
            return Err(InputError {
                field: "throughput",
                value: format!("{} tokens/s ({source})", show(tau)),
                allowed: "at most 1e12 tokens/s per replica; lower --gpu-tflops or \
                          --efficiency, or pass a measured --throughput"
                    .into(),
            });
        }
        let capacity = replica_capacity_tokens_per_day(self);
        if capacity.is_nan() || capacity < MIN_REPLICA_CAPACITY {
            return Err(InputError {
                field: "throughput",
                value: format!("{} tokens/s ({source})", show(tau)),
                allowed: format!(
                    "enough that one replica serves at least 1 token a day at --utilization {} \
                     (it serves {}); raise --throughput, --gpu-tflops or --efficiency",
                    show(self.utilization),
                    show(capacity)
                ),
            });
        }
        Ok(())
    }
}

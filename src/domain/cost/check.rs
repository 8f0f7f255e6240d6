//! Section 6: every input is finite and inside its range before anything is computed from it.
//!
//! Beyond the ranges of cost-model.md section 3, a few generous limits keep the arithmetic
//! finite and the break-even search exact: watts and FTE at most 1e6, years at least 0.01, at
//! most [`MAX_GPUS_PER_REPLICA`] GPUs per replica, a replica throughput of at most
//! [`MAX_REPLICA_TOKENS_PER_S`] and a replica capacity of at least [`MIN_REPLICA_CAPACITY`].

use super::{Deployment, Workload, replica_capacity_tokens_per_day, replica_tokens_per_s};
use crate::domain::breakeven::{VOLUME_MAX, VOLUME_MIN};
use crate::domain::validate::MAX_MONEY;
use std::fmt;

/// A replica needing more GPUs than this means the GPU memory is far too small for the model.
pub const MAX_GPUS_PER_REPLICA: f64 = 100_000.0;
/// Tokens/s of one replica, measured or estimated.
pub const MAX_REPLICA_TOKENS_PER_S: f64 = 1e12;
/// Tokens a day one replica must serve at the target utilization; below this the staircase has
/// more steps than volumes a double can tell apart.
pub const MIN_REPLICA_CAPACITY: f64 = 1.0;

const MAX_WATTS: f64 = 1e6;
const MAX_FTE: f64 = 1e6;
const MIN_YEARS: f64 = 0.01;

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

fn money(field: &'static str, v: f64) -> Result<(), InputError> {
    within(field, v, 0.0, MAX_MONEY, false)
}

impl Workload {
    pub fn validate(&self) -> Result<(), InputError> {
        within("volume", self.tokens_per_day, VOLUME_MIN, VOLUME_MAX, false).map_err(|e| {
            InputError {
                allowed: "tokens a day from 1K (1,000) to 100B (100,000,000,000)".into(),
                ..e
            }
        })?;
        within("input-share", self.input_share, 0.0, 1.0, false)?;
        within("prompt-tokens", self.prompt_tokens, 1.0, 1e7, false)?;
        within("output-tokens", self.output_tokens, 1.0, 1e7, false)
    }
}

impl Deployment {
    pub fn validate(&self) -> Result<(), InputError> {
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
        within("kv-overhead", self.kv_overhead, 0.0, 10.0, false)?;
        within("gpu-memory", self.gpu_memory_gb, 0.0, f64::MAX, true).map_err(|e| InputError {
            allowed: "GB per GPU, a number > 0".into(),
            ..e
        })?;
        within("gpu-tflops", self.gpu_tflops, 0.0, f64::MAX, true).map_err(|e| InputError {
            allowed: "TFLOPS per GPU, a number > 0".into(),
            ..e
        })?;
        within("efficiency", self.efficiency, 0.0, 1.0, true)?;
        within("utilization", self.utilization, 0.0, 1.0, true)?;
        if !(1..=1000).contains(&self.min_replicas) {
            return Err(InputError {
                field: "min-replicas",
                value: self.min_replicas.to_string(),
                allowed: "a whole number from 1 to 1000".into(),
            });
        }
        if let Some(t) = self.throughput {
            within("throughput", t, 0.0, MAX_REPLICA_TOKENS_PER_S, true)?;
        }
        money("gpu-hour-price", self.gpu_hour_price)?;
        money("gpu-price", self.gpu_price)?;
        within("years", self.years, MIN_YEARS, 20.0, false)?;
        within("power-watts", self.power_watts, 0.0, MAX_WATTS, false)?;
        within("pue", self.pue, 1.0, 3.0, false)?;
        money("power-price", self.power_price)?;
        money("colo", self.colo)?;
        within("fte", self.fte, 0.0, MAX_FTE, false)?;
        money("salary", self.salary)?;
        within("overhead", self.overhead, 0.0, 10.0, false)?;
        self.validate_derived()
    }

    /// Checks on what the fields imply together, after each field is in range.
    fn validate_derived(&self) -> Result<(), InputError> {
        super::plan::check(self)?;
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

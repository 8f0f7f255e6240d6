//! The options of `tierwise cost`. Each number is checked for shape here (finite, readable);
//! ranges are checked by the cost model, which names the option in its error.

use crate::domain::cost::{KvPrecision, Mode, Precision, Serving, Workload};
use crate::domain::inputs::InputId as Id;
use crate::domain::scenario::DeploymentChoice;
use crate::domain::units::parse_quantity;
use clap::{Args, ValueEnum};

#[derive(Debug, Clone, Args)]
pub struct CostArgs {
    /// API model to compare (repeat for several)
    #[arg(long = "api", value_name = "ID", required = true)]
    pub api: Vec<String>,

    /// Open-weight model to self-host
    #[arg(long, value_name = "ID")]
    pub self_host: String,

    /// GPU to self-host on [default: h100-sxm]
    #[arg(long, value_name = "ID")]
    pub gpu: Option<String>,

    /// Input plus output tokens a day: 750K, 5M, 2.5B, 5000000 or 5e6 [default: 5M]
    #[arg(long, value_name = "TOKENS", value_parser = quantity, allow_negative_numbers = true)]
    pub tokens_per_day: Option<f64>,

    /// Fraction of the tokens that is input, 0 to 1 [default: 0.5]
    #[arg(long, value_name = "SHARE", value_parser = finite_number, allow_negative_numbers = true)]
    pub input_share: Option<f64>,

    /// Average prompt length in tokens; selects long-context prices and shapes the
    /// throughput [default: 2000]
    #[arg(long, value_name = "TOKENS", value_parser = quantity, allow_negative_numbers = true)]
    pub prompt_tokens: Option<f64>,

    /// Average output tokens per request; shapes the throughput [default: 2000]
    #[arg(long, value_name = "TOKENS", value_parser = quantity, allow_negative_numbers = true)]
    pub output_tokens: Option<f64>,

    /// Weight precision: fp16, bf16, fp8, int8, int4, fp4 [default: fp16]
    #[arg(long, value_name = "P", value_parser = precision)]
    pub precision: Option<Precision>,

    /// KV cache precision: fp16, bf16, fp8 [default: fp16]
    #[arg(long, value_name = "P", value_parser = kv_precision)]
    pub kv_precision: Option<KvPrecision>,

    /// Serving stack: typical (stock vLLM/SGLang) or peak (tuned) [default: typical]
    #[arg(long, value_name = "PROFILE", value_parser = serving)]
    pub serving: Option<Serving>,

    /// GPUs per replica, 1 to 64 [default: chosen for the lowest $/M]
    #[arg(long, value_name = "N", value_parser = gpus_per_replica)]
    pub gpus_per_replica: Option<u32>,

    /// KV cache and activation memory as a fraction of the weights [default: 0.2]
    #[arg(long, value_name = "K", value_parser = finite_number, allow_negative_numbers = true)]
    pub kv_overhead: Option<f64>,

    /// Achieved fraction of the GPU's peak compute [default: 0.25]
    #[arg(long, value_name = "ETA", value_parser = finite_number, allow_negative_numbers = true)]
    pub efficiency: Option<f64>,

    /// Target average utilization of the fleet [default: 0.5]
    #[arg(long, value_name = "U", value_parser = finite_number, allow_negative_numbers = true)]
    pub utilization: Option<f64>,

    /// Minimum number of replicas, 1 to 1000 [default: 1]
    #[arg(long, value_name = "N", value_parser = whole_number, allow_negative_numbers = true)]
    pub min_replicas: Option<u32>,

    /// Measured tokens/s of one replica; replaces the estimate from compute
    #[arg(long, value_name = "TOKENS_PER_S", value_parser = quantity, allow_negative_numbers = true)]
    pub throughput: Option<f64>,

    /// Rent GPUs by the hour or buy them [default: rent]
    #[arg(long, value_name = "MODE", value_parser = mode)]
    pub mode: Option<Mode>,

    /// Rental price per GPU-hour, US dollars [default: from the GPU database]
    #[arg(long, value_name = "USD", value_parser = quantity, allow_negative_numbers = true)]
    pub gpu_hour_price: Option<f64>,

    /// Purchase price per GPU, US dollars [default: from the GPU database]
    #[arg(long, value_name = "USD", value_parser = quantity, allow_negative_numbers = true)]
    pub gpu_price: Option<f64>,

    /// Amortization period of bought GPUs, years [default: 3]
    #[arg(long, value_name = "YEARS", value_parser = finite_number, allow_negative_numbers = true)]
    pub years: Option<f64>,

    /// Power per GPU, watts [default: from the GPU database]
    #[arg(long, value_name = "W", value_parser = quantity, allow_negative_numbers = true)]
    pub power_watts: Option<f64>,

    /// Power usage effectiveness of the data centre, 1 to 3 [default: 1.4]
    #[arg(long, value_name = "PUE", value_parser = finite_number, allow_negative_numbers = true)]
    pub pue: Option<f64>,

    /// Electricity price, US dollars per kWh [default: 0.13]
    #[arg(long, value_name = "USD", value_parser = finite_number, allow_negative_numbers = true)]
    pub power_price: Option<f64>,

    /// Colocation per server (8 GPUs) a month, US dollars [default: 350]
    #[arg(long, value_name = "USD", value_parser = quantity, allow_negative_numbers = true)]
    pub colo: Option<f64>,

    /// Staff running the deployment, in full-time equivalents [default: 0.25]
    #[arg(long, value_name = "FTE", value_parser = finite_number, allow_negative_numbers = true)]
    pub fte: Option<f64>,

    /// Yearly cost of one FTE, US dollars [default: 192000]
    #[arg(long, value_name = "USD", value_parser = quantity, allow_negative_numbers = true)]
    pub salary: Option<f64>,

    /// Maintenance overhead on the whole bill, fraction [default: 0]
    #[arg(long, value_name = "O", value_parser = finite_number, allow_negative_numbers = true)]
    pub overhead: Option<f64>,

    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = CostFormat::Text)]
    pub format: CostFormat,
}

/// One option the user gave, for the row of the inputs table it sets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Given {
    Number(f64),
    Choice(&'static str),
}

impl CostArgs {
    /// Every input option given, by the inputs table's row, in the table's order. `--self-host`
    /// and `--gpu` choose the deployment itself; `--api` and `--format` are not inputs.
    pub fn given(&self) -> Vec<(Id, Given)> {
        let number = |id, v: Option<f64>| v.map(|v| (id, Given::Number(v)));
        [
            number(Id::Volume, self.tokens_per_day),
            number(Id::InputShare, self.input_share),
            number(Id::PromptTokens, self.prompt_tokens),
            number(Id::OutputTokens, self.output_tokens),
            self.precision
                .map(|p| (Id::Precision, Given::Choice(p.as_str()))),
            self.mode.map(|m| (Id::Mode, Given::Choice(m.as_str()))),
            number(Id::GpuHourPrice, self.gpu_hour_price),
            number(Id::GpuPrice, self.gpu_price),
            number(Id::Years, self.years),
            number(Id::PowerWatts, self.power_watts),
            number(Id::PowerPrice, self.power_price),
            number(Id::Pue, self.pue),
            number(Id::Colo, self.colo),
            number(Id::Utilization, self.utilization),
            number(Id::Efficiency, self.efficiency),
            number(Id::KvOverhead, self.kv_overhead),
            number(Id::MinReplicas, self.min_replicas.map(f64::from)),
            number(Id::Throughput, self.throughput),
            self.kv_precision
                .map(|p| (Id::KvPrecision, Given::Choice(p.as_str()))),
            self.serving
                .map(|p| (Id::Serving, Given::Choice(p.as_str()))),
            number(Id::GpusPerReplica, self.gpus_per_replica.map(f64::from)),
            number(Id::Fte, self.fte),
            number(Id::Salary, self.salary),
            number(Id::Overhead, self.overhead),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The workload options over `w` (cost-model.md's defaults where none was given).
    pub fn apply_to_workload(&self, w: &mut Workload) {
        for (id, given) in self.given() {
            if let Given::Number(v) = given {
                id.row().set_workload(w, v);
            }
        }
    }

    /// The deployment options over `d`'s settings; GPU-dependent figures stay with the GPU
    /// database unless given.
    pub fn apply_to_deployment(&self, d: &mut DeploymentChoice) {
        for (id, given) in self.given() {
            let row = id.row();
            match given {
                Given::Number(v) => {
                    row.set_setting(&mut d.settings, Some(v));
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

/// A finite number: rejects `NaN`, `inf` and anything that is not a number.
pub fn finite_number(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| "expected a number".to_string())?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err("expected a finite number".to_string())
    }
}

/// `750K`, `5M`, `2.5B`, `5e6`, `5000000.0`: the cost model's quantity syntax.
fn quantity(text: &str) -> Result<f64, String> {
    parse_quantity(text)
}

pub fn kv_precision(text: &str) -> Result<KvPrecision, String> {
    KvPrecision::parse(text).ok_or_else(|| format!("expected one of {}", KvPrecision::names()))
}

pub fn serving(text: &str) -> Result<Serving, String> {
    Serving::parse(text).ok_or_else(|| "expected typical or peak".to_string())
}

pub fn gpus_per_replica(text: &str) -> Result<u32, String> {
    let allowed = "expected a whole number from 1 to 64";
    let value = finite_number(text).map_err(|_| allowed.to_string())?;
    if value.fract() != 0.0 || !(1.0..=64.0).contains(&value) {
        return Err(allowed.to_string());
    }
    Ok(value as u32)
}

fn whole_number(text: &str) -> Result<u32, String> {
    let allowed = "expected a whole number from 1 to 1000";
    let value = finite_number(text).map_err(|_| allowed.to_string())?;
    // Out-of-range whole numbers go through so the range check can name them; fractions cannot.
    if value.fract() != 0.0 || value < 0.0 || value > f64::from(u32::MAX) {
        return Err(allowed.to_string());
    }
    Ok(value as u32)
}

pub fn precision(text: &str) -> Result<Precision, String> {
    Precision::parse(text).ok_or_else(|| {
        let names: Vec<&str> = Precision::ALL.iter().map(|p| p.as_str()).collect();
        format!("expected one of {}", names.join(", "))
    })
}

fn mode(text: &str) -> Result<Mode, String> {
    Mode::parse(text).ok_or_else(|| "expected rent or buy".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finite_number_rejects_nan_and_infinity() {
        assert_eq!(finite_number("2.5"), Ok(2.5));
        assert!(finite_number("NaN").is_err());
        assert!(finite_number("inf").is_err());
        assert!(finite_number("abc").is_err());
    }

    #[test]
    fn whole_numbers_refuse_fractions() {
        assert_eq!(whole_number("2"), Ok(2));
        assert_eq!(whole_number("0"), Ok(0));
        assert!(whole_number("1.5").is_err());
        assert!(whole_number("-1").is_err());
        assert!(whole_number("NaN").is_err());
    }

    #[test]
    fn names_parse_case_insensitively() {
        assert_eq!(precision("INT4"), Ok(Precision::Int4));
        assert_eq!(precision("FP4"), Ok(Precision::Fp4));
        assert!(precision("fp2").unwrap_err().contains("int4, fp4"));
        assert_eq!(mode("buy"), Ok(Mode::Buy));
        assert!(mode("lease").is_err());
    }
}

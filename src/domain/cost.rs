//! The cost model of cost-model.md sections 1 to 3: what an API bills for a workload, how a
//! self-hosted deployment is sized and what it bills a month. Input checks (section 6) live in
//! the `check` submodule; break-even in [`super::breakeven`].
//!
//! Counts (replicas, GPUs, servers) are whole numbers carried as `f64` inside the arithmetic, so
//! nothing overflows; [`Sizing`] reports them as `u32`, saturating at `u32::MAX` (a value only an
//! absurd deployment reaches; the bill is always computed from the unsaturated count).

use super::catalog::{Architecture, Gpu, Model, Price};
use serde::{Deserialize, Serialize};

pub mod api;
mod check;
mod plan;
pub use super::serving::{KvPrecision, Precision, Serving, ThroughputSource};
pub use check::{InputError, MAX_GPUS_PER_REPLICA, MAX_REPLICA_TOKENS_PER_S, MIN_REPLICA_CAPACITY};

pub const DAYS_PER_MONTH: f64 = 30.0;
pub const HOURS_PER_MONTH: f64 = 720.0;
pub const SECONDS_PER_DAY: f64 = 86_400.0;
pub const GPUS_PER_SERVER: f64 = 8.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Rent,
    Buy,
}

impl Mode {
    pub const ALL: [Mode; 2] = [Mode::Rent, Mode::Buy];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Rent => "rent",
            Mode::Buy => "buy",
        }
    }

    pub fn parse(text: &str) -> Option<Mode> {
        let text = text.trim();
        Mode::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(text))
    }
}

/// Section 1: how much traffic, how it splits, how long the prompts are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workload {
    /// V: input plus output tokens a day.
    pub tokens_per_day: f64,
    /// s: fraction of V that is input.
    pub input_share: f64,
    /// L: average prompt length: picks a long-context price tier and shapes the throughput.
    pub prompt_tokens: f64,
    /// O: average output tokens per request; shapes the throughput.
    #[serde(default = "default_output_tokens")]
    pub output_tokens: f64,
}

/// As long as the default prompt, so the default lengths agree with the default input share
/// of 0.5.
fn default_output_tokens() -> f64 {
    2_000.0
}

fn default_prompt_tokens() -> f64 {
    2_000.0
}

impl Default for Workload {
    fn default() -> Self {
        Workload {
            tokens_per_day: 5_000_000.0,
            input_share: 0.5,
            prompt_tokens: default_prompt_tokens(),
            output_tokens: default_output_tokens(),
        }
    }
}

/// Section 3: a self-hosted deployment. Flat, with fields named like the CLI options; both the
/// rent and the buy inputs are kept so switching `mode` loses nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deployment {
    pub params_total_b: f64,
    pub params_active_b: f64,
    pub precision: Precision,
    /// k: KV cache and activations as a fraction of the weights.
    pub kv_overhead: f64,
    pub gpu_memory_gb: f64,
    /// F: dense BF16 TFLOPS of one GPU.
    pub gpu_tflops: f64,
    /// eta: achieved fraction of F.
    pub efficiency: f64,
    /// u: target average utilization of the fleet.
    pub utilization: f64,
    pub min_replicas: u32,
    /// Measured tokens/s of one replica; replaces the estimate.
    pub throughput: Option<f64>,
    pub mode: Mode,
    /// Rent: US dollars per GPU-hour.
    pub gpu_hour_price: f64,
    /// Buy: US dollars per GPU, amortized over `years`.
    pub gpu_price: f64,
    pub years: f64,
    pub power_watts: f64,
    pub pue: f64,
    /// Electricity, US dollars per kWh.
    pub power_price: f64,
    /// Colocation, US dollars per server (8 GPUs) a month.
    pub colo: f64,
    pub fte: f64,
    /// Yearly cost of one FTE.
    pub salary: f64,
    /// o: maintenance overhead on the whole bill, fraction.
    pub overhead: f64,
    /// The model's shape (catalogue); without it, or without `memory_bandwidth_tb_s`, the
    /// parameter-only estimate (k, eta) applies.
    #[serde(default)]
    pub architecture: Option<Architecture>,
    /// GPU memory bandwidth, TB/s, and dense FP8 / INT8 / FP4 tensor throughput.
    #[serde(default)]
    pub memory_bandwidth_tb_s: Option<f64>,
    #[serde(default)]
    pub fp8_tflops: Option<f64>,
    #[serde(default)]
    pub int8_tops: Option<f64>,
    #[serde(default)]
    pub fp4_tflops: Option<f64>,
    #[serde(default)]
    pub kv_precision: KvPrecision,
    #[serde(default)]
    pub serving: Serving,
    /// GPUs per replica fixed by the user; `None`: chosen for the lowest $/M.
    #[serde(default)]
    pub gpus_per_replica: Option<u32>,
    /// The request shape the throughput is estimated for, copied from the workload
    /// ([`Deployment::shaped`]).
    #[serde(default = "default_prompt_tokens")]
    pub prompt_tokens: f64,
    #[serde(default = "default_output_tokens")]
    pub output_tokens: f64,
    /// The workload's volume the replica size is chosen for; `None`: the size with the most
    /// tokens/s per GPU (cost-model.md section 3b).
    #[serde(default)]
    pub tokens_per_day: Option<f64>,
}

/// The GPU database's price for `mode`: per GPU-hour (rent) or per GPU (buy).
pub fn default_price(gpu: &Gpu, mode: Mode) -> Result<f64, InputError> {
    let (figure, field, what) = match mode {
        Mode::Rent => (&gpu.rent_usd_per_hour, "gpu-hour-price", "rental"),
        Mode::Buy => (&gpu.purchase_usd, "gpu-price", "purchase"),
    };
    figure.as_ref().map(|f| f.value).ok_or_else(|| InputError {
        field,
        value: "none".into(),
        allowed: format!(
            "a price: the GPU database has no {what} price for {}; pass --{field} or use --mode {}",
            gpu.id,
            match mode {
                Mode::Rent => "buy",
                Mode::Buy => "rent",
            }
        ),
    })
}

/// Defaults for running `model` on `gpu`, renting. See [`deployment_defaults_for`].
pub fn deployment_defaults(model: &Model, gpu: &Gpu) -> Result<Deployment, InputError> {
    deployment_defaults_for(model, gpu, Mode::Rent)
}

/// Defaults for running `model` on `gpu` in `mode`: sizes from the model, GPU figures from the
/// GPU database, everything else from cost-model.md section 3.
///
/// Errors: field `self-host` when the model is closed or has no parameter count; the price
/// field of `mode` (`gpu-hour-price` or `gpu-price`) when the GPU database has no such price.
/// The price of the other mode is filled when known and is 0 otherwise: a caller that switches
/// mode without a price typed by the user should fill it from [`default_price`], which names
/// the missing figure.
pub fn deployment_defaults_for(
    model: &Model,
    gpu: &Gpu,
    mode: Mode,
) -> Result<Deployment, InputError> {
    let sizing = model.sizing_params().filter(|_| model.is_open_weights());
    let Some((total, active)) = sizing else {
        let why = if model.is_open_weights() {
            "has no parameter count in the database"
        } else {
            "is a closed API model"
        };
        return Err(InputError {
            field: "self-host",
            value: model.id.clone(),
            allowed: format!(
                "an open-weight model with a known parameter count; {} {why} and cannot be sized",
                model.id
            ),
        });
    };
    default_price(gpu, mode)?;
    Ok(Deployment {
        params_total_b: total,
        params_active_b: active,
        precision: Precision::Fp16,
        kv_overhead: 0.2,
        gpu_memory_gb: gpu.memory_gb.value,
        gpu_tflops: gpu.bf16_tflops.value,
        efficiency: 0.25,
        utilization: 0.5,
        min_replicas: 1,
        throughput: None,
        mode,
        gpu_hour_price: default_price(gpu, Mode::Rent).unwrap_or(0.0),
        gpu_price: default_price(gpu, Mode::Buy).unwrap_or(0.0),
        years: 3.0,
        power_watts: gpu.power_w.value,
        pue: 1.4,
        power_price: 0.13,
        colo: 350.0,
        fte: 0.25,
        salary: 192_000.0,
        overhead: 0.0,
        architecture: model.architecture.as_ref().map(|f| f.value.clone()),
        memory_bandwidth_tb_s: gpu.memory_bandwidth_tb_s.as_ref().map(|f| f.value),
        fp8_tflops: gpu.fp8_tflops.as_ref().map(|f| f.value),
        int8_tops: gpu.int8_tops.as_ref().map(|f| f.value),
        fp4_tflops: gpu.fp4_tflops.as_ref().map(|f| f.value),
        kv_precision: KvPrecision::default(),
        serving: Serving::default(),
        gpus_per_replica: None,
        prompt_tokens: default_prompt_tokens(),
        output_tokens: default_output_tokens(),
        tokens_per_day: None,
    })
}

/// b: dollars per million tokens at the workload's input share, using the long-context tier
/// when the average prompt is longer than its threshold.
pub fn blended_price(price: &Price, w: &Workload) -> f64 {
    let (input, output) = match &price.long_context {
        Some(long) if w.prompt_tokens > long.above_tokens as f64 => (long.input, long.output),
        _ => (price.input, price.output),
    };
    w.input_share * input + (1.0 - w.input_share) * output
}

/// A(V) = 30 * V / 1e6 * b, in dollars a month.
pub fn api_monthly_cost(price: &Price, w: &Workload) -> f64 {
    api_monthly_cost_at(blended_price(price, w), w.tokens_per_day)
}

/// A(V) for a blended price already worked out; the one place this product is computed.
pub fn api_monthly_cost_at(blended_usd_per_million: f64, tokens_per_day: f64) -> f64 {
    DAYS_PER_MONTH * tokens_per_day / 1e6 * blended_usd_per_million
}

/// Sizing of a deployment for one volume (section 3).
#[derive(Debug, Clone, PartialEq)]
pub struct Sizing {
    /// W = P_total * bytes(q).
    pub weights_gb: f64,
    /// Memory of one replica: W * (1 + k) with parameters only; GPUs x memory per GPU from
    /// the architecture (the KV cache takes what the weights and the reserve leave).
    pub memory_gb: f64,
    /// n_r = max(1, ceil(M / VRAM)).
    pub gpus_per_replica: u32,
    /// tau, tokens/s of one replica.
    pub replica_tokens_per_s: f64,
    pub throughput_source: ThroughputSource,
    /// r = V / 86,400.
    pub demand_tokens_per_s: f64,
    /// R = max(R_min, ceil(r / (u * tau))).
    pub replicas: u32,
    /// N = R * n_r.
    pub gpus: u32,
    /// S = ceil(N / 8).
    pub servers: u32,
    /// R * u * tau * 86,400.
    pub capacity_tokens_per_day: f64,
}

pub(crate) fn gpus_per_replica_f64(d: &Deployment) -> f64 {
    d.plan().gpus
}

/// tau and where it comes from: the measured figure, else the estimate of [`Deployment::plan`]
/// (from the architecture, or n_r * F * eta / (2 * P_active) with parameters only).
pub fn replica_tokens_per_s(d: &Deployment) -> (f64, ThroughputSource) {
    let plan = d.plan();
    (plan.tokens_per_s, plan.source)
}

/// c = u * tau * 86,400: tokens a day one replica serves at the target utilization.
pub fn replica_capacity_tokens_per_day(d: &Deployment) -> f64 {
    d.utilization * replica_tokens_per_s(d).0 * SECONDS_PER_DAY
}

/// R for volume `v` given c; the single definition the break-even search relies on.
/// Written as ceil(V / c), which is ceil(r / (u * tau)) with r = V / 86,400.
pub(crate) fn replicas_at(d: &Deployment, capacity: f64, v: f64) -> f64 {
    // f64::max ignores NaN, so a NaN volume gets R_min instead of a NaN count.
    (v / capacity).ceil().max(f64::from(d.min_replicas))
}

fn saturate(count: f64) -> u32 {
    // `as` saturates (and maps NaN to 0); never panics.
    count as u32
}

pub fn size(d: &Deployment, tokens_per_day: f64) -> Sizing {
    size_planned(d, &d.plan(), tokens_per_day)
}

/// [`size`] with the replica already planned (the plan is the costly part).
fn size_planned(
    d: &Deployment,
    plan: &crate::domain::serving::Plan,
    tokens_per_day: f64,
) -> Sizing {
    let n_r = plan.gpus;
    let tau = plan.tokens_per_s;
    let capacity = d.utilization * tau * SECONDS_PER_DAY;
    let replicas = replicas_at(d, capacity, tokens_per_day);
    let gpus = replicas * n_r;
    let weights = d.params_total_b * d.precision.bytes_per_param();
    Sizing {
        weights_gb: weights,
        memory_gb: plan
            .replica
            .as_ref()
            .map_or(weights * (1.0 + d.kv_overhead), |r| r.memory_gb),
        gpus_per_replica: saturate(n_r),
        replica_tokens_per_s: tau,
        throughput_source: plan.source,
        demand_tokens_per_s: tokens_per_day / SECONDS_PER_DAY,
        replicas: saturate(replicas),
        gpus: saturate(gpus),
        servers: saturate((gpus / GPUS_PER_SERVER).ceil()),
        capacity_tokens_per_day: replicas * capacity,
    }
}

/// Dollars a month for one GPU, without colocation: rent, or amortization plus power.
pub(crate) fn per_gpu_month(d: &Deployment) -> f64 {
    match d.mode {
        Mode::Rent => d.gpu_hour_price * HOURS_PER_MONTH,
        Mode::Buy => {
            d.gpu_price / (12.0 * d.years)
                + d.power_watts / 1000.0 * HOURS_PER_MONTH * d.pue * d.power_price
        }
    }
}

/// The per-deployment numbers of the monthly bill, worked out once: every path that prices a
/// replica count (bills, curves, the break-even search) goes through [`Rates::bill`], so they
/// agree to the last bit.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rates {
    pub gpus_per_replica: f64,
    pub per_gpu: f64,
    /// Colocation per server; 0 when renting.
    pub colo: f64,
    pub labor: f64,
    /// 1 + o.
    pub factor: f64,
}

impl Rates {
    pub fn new(d: &Deployment) -> Rates {
        Rates::with_gpus(d, gpus_per_replica_f64(d))
    }

    /// The rates for replicas of `gpus_per_replica` GPUs (already planned).
    pub fn with_gpus(d: &Deployment, gpus_per_replica: f64) -> Rates {
        Rates {
            gpus_per_replica,
            per_gpu: per_gpu_month(d),
            colo: if d.mode == Mode::Buy { d.colo } else { 0.0 },
            labor: d.fte * d.salary / 12.0,
            factor: 1.0 + d.overhead,
        }
    }

    /// (infra, labor, total) a month with `replicas` replicas: the staircase step K_R.
    pub fn bill(&self, replicas: f64) -> (f64, f64, f64) {
        let gpus = replicas * self.gpus_per_replica;
        let mut infra = gpus * self.per_gpu;
        if self.colo != 0.0 {
            infra += (gpus / GPUS_PER_SERVER).ceil() * self.colo;
        }
        (infra, self.labor, (infra + self.labor) * self.factor)
    }
}

/// (infra, labor, total) a month with `replicas` replicas.
pub(crate) fn bill_for_replicas(d: &Deployment, replicas: f64) -> (f64, f64, f64) {
    Rates::new(d).bill(replicas)
}

/// C(V) = K_R for the replicas the volume needs.
pub fn monthly_cost_with_replicas(d: &Deployment, replicas: u32) -> f64 {
    bill_for_replicas(d, f64::from(replicas)).2
}

#[derive(Debug, Clone, PartialEq)]
pub struct SelfHostCost {
    pub sizing: Sizing,
    pub infra_usd_per_month: f64,
    pub labor_usd_per_month: f64,
    /// C(V) = (infra + labor) * (1 + o).
    pub usd_per_month: f64,
    /// C(V) / (30 * V / 1e6); infinite when V is 0.
    pub usd_per_million_tokens: f64,
}

/// The bill at `tokens_per_day` with the cheapest of the deployment's replica sizes
/// ([`Deployment::size_options`]).
pub fn self_host_cost(d: &Deployment, tokens_per_day: f64) -> SelfHostCost {
    let options = d.size_options();
    if options.len() == 1 {
        return self_host_cost_sized(d, tokens_per_day);
    }
    options
        .iter()
        .map(|o| self_host_cost_sized(o, tokens_per_day))
        // At equal bills the size with more headroom, as the replica choice (`plan`) breaks
        // its ties, so the bill and the sizing text name the same replica.
        .reduce(|best, c| {
            let cheaper = c.usd_per_month < best.usd_per_month;
            let roomier = c.usd_per_month == best.usd_per_month
                && c.sizing.capacity_tokens_per_day > best.sizing.capacity_tokens_per_day;
            if cheaper || roomier { c } else { best }
        })
        .unwrap_or_else(|| self_host_cost_sized(d, tokens_per_day))
}

/// The bill of one replica size.
fn self_host_cost_sized(d: &Deployment, tokens_per_day: f64) -> SelfHostCost {
    let plan = d.plan();
    let sizing = size_planned(d, &plan, tokens_per_day);
    let capacity = d.utilization * sizing.replica_tokens_per_s * SECONDS_PER_DAY;
    let replicas = replicas_at(d, capacity, tokens_per_day);
    let (infra, labor, total) = Rates::with_gpus(d, plan.gpus).bill(replicas);
    let millions_a_month = DAYS_PER_MONTH * tokens_per_day / 1e6;
    SelfHostCost {
        sizing,
        infra_usd_per_month: infra,
        labor_usd_per_month: labor,
        usd_per_month: total,
        usd_per_million_tokens: if millions_a_month > 0.0 {
            total / millions_a_month
        } else {
            f64::INFINITY
        },
    }
}

/// One more replica's share of the infra bill, with overhead, a month: its GPUs plus (buying)
/// their share n_r / 8 of a server's colocation. The slope of the staircase in the long run.
pub(crate) fn marginal_usd_per_replica_month(d: &Deployment) -> f64 {
    let n_r = gpus_per_replica_f64(d);
    let colo_share = match d.mode {
        Mode::Rent => 0.0,
        Mode::Buy => n_r / GPUS_PER_SERVER * d.colo,
    };
    (n_r * per_gpu_month(d) + colo_share) * (1.0 + d.overhead)
}

/// Marginal self-hosted cost per million tokens: one replica's infra share (with overhead) over
/// the tokens it serves a month at the target utilization. When it is above the API's blended
/// price, self-hosting never catches up however large the volume (section 4, "never").
/// With several replica sizes, the cheapest one's.
pub fn marginal_usd_per_million(d: &Deployment) -> f64 {
    d.size_options()
        .iter()
        .map(|o| {
            let millions_a_month = DAYS_PER_MONTH * replica_capacity_tokens_per_day(o) / 1e6;
            marginal_usd_per_replica_month(o) / millions_a_month
        })
        .fold(f64::INFINITY, f64::min)
}

#[cfg(test)]
pub(crate) mod tests;

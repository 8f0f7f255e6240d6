//! Which replica size a deployment runs, its throughput, and why: from the architecture when
//! the model has one (and the GPU a memory bandwidth), from the parameter count otherwise.

use super::{
    GpuSpec, KvPrecision, MAX_REPLICA_GPUS, ModelShape, NODE_SIZES, Precision, Replica, Serving,
    Shape, ThroughputSource, estimate_replica,
};
use crate::domain::catalog::{Architecture, AttentionKind};

/// Everything the plan reads: a deployment's sizing fields, borrowed.
#[derive(Debug, Clone)]
pub struct Inputs<'a> {
    pub total_b: f64,
    pub active_b: f64,
    pub architecture: Option<&'a Architecture>,
    /// `None` when the GPU database has no memory bandwidth for the GPU.
    pub gpu: Option<GpuSpec>,
    pub precision: Precision,
    pub kv_precision: KvPrecision,
    pub serving: Serving,
    pub shape: Shape,
    /// GPUs per replica fixed by the user.
    pub pinned: Option<u32>,
    pub measured: Option<f64>,
    /// The workload's volume (tokens a day), target utilization and fewest replicas: with a
    /// volume the size needing the fewest GPUs for it is chosen; without, the size with the
    /// most tokens/s per GPU.
    pub volume: Option<f64>,
    pub utilization: f64,
    pub min_replicas: u32,
    /// The parameter-only estimate's inputs.
    pub kv_overhead: f64,
    pub efficiency: f64,
    pub gpu_memory_gb: f64,
    pub gpu_tflops: f64,
}

/// How the throughput was estimated.
#[derive(Debug, Clone, PartialEq)]
pub enum Method {
    Architecture,
    /// The old rule of thumb, with the reason the architecture could not be used.
    ParametersOnly(String),
}

impl Method {
    /// What the screen and the JSON say.
    pub fn label(&self) -> String {
        match self {
            Method::Architecture => "estimated from the architecture".into(),
            Method::ParametersOnly(why) => format!("estimated from parameters only ({why})"),
        }
    }
}

/// The replica a deployment runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// GPUs per replica; a whole number, kept as a float so an absurd parameter-only count
    /// cannot overflow.
    pub gpus: f64,
    /// Input plus output tokens a second of one replica (measured when given).
    pub tokens_per_s: f64,
    pub source: ThroughputSource,
    pub method: Method,
    /// The architecture estimate of the chosen size.
    pub replica: Option<Replica>,
    /// Why this many GPUs.
    pub reason: String,
}

/// Why the architecture cannot be used, if it cannot.
fn unusable(inputs: &Inputs) -> Option<String> {
    let Some(arch) = inputs.architecture else {
        return Some("the catalogue has no architecture for this model".into());
    };
    if inputs.gpu.is_none() {
        return Some("the GPU database has no memory bandwidth for this GPU".into());
    }
    let mla = arch.attention == AttentionKind::Mla;
    let missing = arch.layers == 0
        || arch.attention_heads == 0
        || (!mla && (arch.kv_heads == 0 || arch.head_dim == 0))
        || (mla && (arch.kv_lora_rank.is_none() || arch.qk_rope_head_dim.is_none()));
    missing.then(|| "the architecture lacks layer, head or latent sizes".into())
}

/// The smallest replica size that holds the model and one sequence, with the architecture.
pub fn smallest_fit(inputs: &Inputs) -> Option<u32> {
    if unusable(inputs).is_some() {
        return None;
    }
    sizes().find(|&n| replica(inputs, n).is_some_and(|r| r.fits))
}

/// Replica sizes tried for fitting: 1, 2, 4, ... up to [`MAX_REPLICA_GPUS`].
fn sizes() -> impl Iterator<Item = u32> {
    (0..=MAX_REPLICA_GPUS.ilog2()).map(|k| 1u32 << k)
}

fn replica(inputs: &Inputs, gpus: u32) -> Option<Replica> {
    let model = ModelShape {
        total_b: inputs.total_b,
        active_b: inputs.active_b,
        arch: inputs.architecture?,
    };
    Some(estimate_replica(
        &model,
        inputs.gpu.as_ref()?,
        inputs.precision,
        inputs.kv_precision,
        inputs.serving,
        inputs.shape,
        gpus,
    ))
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The parameter-only rule: M = W(1 + k), n = ceil(M / VRAM), tau = n F eta / (2 P_active).
fn parameters_only(inputs: &Inputs, why: String) -> Plan {
    let memory = inputs.total_b * inputs.precision.bytes_per_param() * (1.0 + inputs.kv_overhead);
    let needed = (memory / inputs.gpu_memory_gb).ceil().max(1.0);
    let (n, reason) = match inputs.pinned {
        Some(p) => (f64::from(p), "pinned by the user".to_string()),
        None => (
            needed,
            format!("the fewest that hold weights and KV overhead ({memory:.0} GB)"),
        ),
    };
    let (tau, source) = match inputs.measured {
        Some(t) => (t, ThroughputSource::Measured),
        None => (
            n * inputs.gpu_tflops * 1e12 * inputs.efficiency / (2.0 * inputs.active_b * 1e9),
            ThroughputSource::Estimated,
        ),
    };
    Plan {
        gpus: n,
        tokens_per_s: tau,
        source,
        method: Method::ParametersOnly(why),
        replica: None,
        reason,
    }
}

/// The replica of a deployment: the pinned size, or the size from the smallest that fits up to
/// a node with the most tokens/s per GPU (the lowest $/M, since every GPU costs the same).
pub fn plan(inputs: &Inputs) -> Plan {
    if let Some(why) = unusable(inputs) {
        return parameters_only(inputs, why);
    }
    let fitting = sizes().find_map(|n| replica(inputs, n).filter(|r| r.fits));
    let (chosen, reason) = match (inputs.pinned, fitting) {
        (Some(n), _) => (replica(inputs, n), "pinned by the user".to_string()),
        (None, None) => (
            replica(inputs, MAX_REPLICA_GPUS),
            format!("fits on no replica of up to {MAX_REPLICA_GPUS} GPUs"),
        ),
        (None, Some(smallest)) => choose(inputs, smallest),
    };
    let Some(chosen) = chosen else {
        return parameters_only(inputs, "the architecture could not be used".into());
    };
    let (tokens_per_s, source) = match inputs.measured {
        Some(t) => (t, ThroughputSource::Measured),
        None => (chosen.total_tokens_per_s, ThroughputSource::Estimated),
    };
    Plan {
        gpus: f64::from(chosen.gpus),
        tokens_per_s,
        source,
        method: Method::Architecture,
        reason,
        replica: Some(chosen),
    }
}

fn per_gpu(r: &Replica) -> f64 {
    r.total_tokens_per_s / f64::from(r.gpus)
}

/// Among the smallest fitting size and the larger node sizes, the most tokens/s per GPU; a
/// larger size must beat the smaller by more than 1% to be worth its extra GPUs.
fn choose(inputs: &Inputs, smallest: Replica) -> (Option<Replica>, String) {
    let why_smallest = |r: &Replica| {
        format!(
            "the smallest that fits ({:.0} GB of weights, {:.0} GB left for the KV cache)",
            r.weights_gb, r.kv_gb_free
        )
    };
    if inputs.measured.is_some() {
        let reason = format!(
            "{}; the measured throughput is for it",
            why_smallest(&smallest)
        );
        return (Some(smallest), reason);
    }
    let mut best = smallest.clone();
    for n in NODE_SIZES.into_iter().filter(|&n| n > smallest.gpus) {
        if let Some(r) = replica(inputs, n)
            && per_gpu(&r) > per_gpu(&best) * 1.01
        {
            best = r;
        }
    }
    if let Some(volume) = inputs.volume.filter(|v| v.is_finite() && *v > 0.0) {
        return for_volume(inputs, volume, smallest, best);
    }
    if best.gpus == smallest.gpus {
        let more = if smallest.gpus < *NODE_SIZES.last().unwrap_or(&1) {
            "; larger replicas serve no more tokens/s per GPU"
        } else {
            ""
        };
        return (
            Some(smallest.clone()),
            format!("{}{more}", why_smallest(&smallest)),
        );
    }
    let reason = format!(
        "{:.1}x the tokens/s per GPU of {} GPU{}, the smallest that fits ({:.0} concurrent \
         sequences against {:.0}): the lowest $/M once the volume fills a replica",
        per_gpu(&best) / per_gpu(&smallest),
        smallest.gpus,
        plural(smallest.gpus),
        smallest.max_concurrent_sequences,
        best.max_concurrent_sequences
    );
    (Some(best), reason)
}

/// GPUs to serve `volume` tokens a day with replicas like `r` at the target utilization.
fn gpus_for(inputs: &Inputs, r: &Replica, volume: f64) -> f64 {
    let capacity = inputs.utilization * r.total_tokens_per_s * 86_400.0;
    let replicas = (volume / capacity)
        .ceil()
        .max(f64::from(inputs.min_replicas.max(1)));
    replicas * f64::from(r.gpus)
}

/// With a known volume: the node size needing the fewest GPUs for it (the lowest $/M at the
/// workload, since every GPU costs the same); on a tie the size serving the most tokens/s per
/// GPU (the most headroom for the same bill), as the bill (`cost::self_host_cost`) breaks its
/// ties.
fn for_volume(
    inputs: &Inputs,
    volume: f64,
    smallest: Replica,
    per_gpu_best: Replica,
) -> (Option<Replica>, String) {
    let mut best = smallest.clone();
    let mut best_gpus = gpus_for(inputs, &smallest, volume);
    for n in NODE_SIZES.into_iter().filter(|&n| n > smallest.gpus) {
        let Some(r) = replica(inputs, n) else {
            continue;
        };
        let g = gpus_for(inputs, &r, volume);
        if g < best_gpus || (g == best_gpus && per_gpu(&r) > per_gpu(&best) * 1.01) {
            best_gpus = g;
            best = r;
        }
    }
    let mut reason = format!(
        "the fewest GPUs ({best_gpus:.0}) for {} tokens a day at {:.0}% utilization",
        crate::domain::units::format_tokens(volume),
        inputs.utilization * 100.0
    );
    if best.gpus == smallest.gpus {
        reason += "; the smallest that fits";
    }
    if per_gpu_best.gpus != best.gpus {
        reason += &format!(
            "; {} GPUs would serve {:.1}x the tokens/s per GPU once the volume fills them",
            per_gpu_best.gpus,
            per_gpu(&per_gpu_best) / per_gpu(&best)
        );
    }
    (Some(best), reason)
}

/// Refusals of the architecture estimate: a pinned size that does not fit, a model that fits
/// on no replica of up to [`MAX_REPLICA_GPUS`] GPUs, or FP4 on a GPU without FP8 or FP4 units.
/// Each error is (field, value, what is allowed).
pub fn check(inputs: &Inputs) -> Result<(), (&'static str, String, String)> {
    if let Some(gpu) = &inputs.gpu
        && inputs.precision == Precision::Fp4
        && gpu.fp4_tflops.is_none()
        && gpu.fp8_tflops.is_none()
    {
        let allowed: Vec<Precision> = Precision::ALL
            .into_iter()
            .filter(|p| *p != Precision::Fp4)
            .collect();
        return Err((
            "precision",
            "fp4".into(),
            format!(
                "one of {} on this GPU: NVFP4 needs FP8 or FP4 tensor units (Ada, Hopper, \
                 Blackwell)",
                Precision::names(&allowed)
            ),
        ));
    }
    if let Some(n) = inputs.pinned
        && !(1..=MAX_REPLICA_GPUS).contains(&n)
    {
        return Err((
            "gpus-per-replica",
            n.to_string(),
            format!("a whole number from 1 to {MAX_REPLICA_GPUS}"),
        ));
    }
    if unusable(inputs).is_some() {
        return Ok(());
    }
    let memory = |r: &Replica| {
        format!(
            "{:.0} GB of weights and {:.0} GB of runtime reserve in {:.0} GB, and one sequence \
             of {:.0} tokens needs {:.2} GB of KV cache",
            r.weights_gb,
            r.reserve_gb,
            r.memory_gb,
            inputs.shape.prompt_tokens + inputs.shape.output_tokens,
            r.kv_bytes_per_token * (inputs.shape.prompt_tokens + inputs.shape.output_tokens) / 1e9
        )
    };
    if let Some(n) = inputs.pinned
        && let Some(r) = replica(inputs, n).filter(|r| !r.fits)
    {
        return Err((
            "gpus-per-replica",
            n.to_string(),
            format!("enough GPUs to hold the model: {}", memory(&r)),
        ));
    }
    if sizes().all(|n| replica(inputs, n).is_some_and(|r| !r.fits))
        && let Some(r) = replica(inputs, MAX_REPLICA_GPUS)
    {
        return Err((
            "gpu",
            format!("{MAX_REPLICA_GPUS} GPUs"),
            format!(
                "a GPU, precision or request length that fits on a replica of up to \
                 {MAX_REPLICA_GPUS} GPUs; at {MAX_REPLICA_GPUS} there are {}",
                memory(&r)
            ),
        ));
    }
    Ok(())
}

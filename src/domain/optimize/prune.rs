//! The two bounds that drop self-hosted candidates before the search, each without changing
//! its answer under the cost model (cost-model.md section 7 gives the same argument):
//!
//! 1. **Models.** A self-hosted deployment reads only three things from its model: the total
//!    and active parameter counts and the architecture (`deployment_defaults_for`). Models with
//!    the same three are the same deployment on every GPU and precision; and a model B beats a
//!    model A on every GPU, precision and replica size when B carries every use case A does and
//!    is no heavier in any quantity the serving estimate reads ([`Profile::beats`]).
//! 2. **Deployments.** A deployment is dropped when another of the same tier carries every use
//!    case it does and, for each replica size it could run, has a size with no more GPUs, no
//!    dearer GPU and at least as many tokens a day per replica ([`prune_own`]).

use super::candidate::{Mask, Own};
use crate::domain::catalog::{Catalog, Gpu, Model};
use crate::domain::serving::{
    GpuSpec, KvPrecision, MOE_EFFICIENCY, ModelShape, Precision, Serving, Shape, estimate_replica,
};

/// Replica sizes the serving estimate tries: 1, 2, 4, ... 64 GPUs.
const SIZES: [u32; 7] = [1, 2, 4, 8, 16, 32, 64];
/// The largest size within a node ([`crate::domain::serving::NODE_SIZES`]).
const NODE: u32 = 8;

/// Keep the candidates no other one beats. `beats(b, a)` must be transitive, and a candidate
/// that beats another must not sort after it by `key` unless the two tie: each candidate is
/// only checked against those kept before it. A dropped candidate is always beaten by a kept
/// one, so the pruning is safe whatever the ties.
pub(super) fn front<K: PartialOrd>(keys: &[K], beats: impl Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| {
        keys[a]
            .partial_cmp(&keys[b])
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    let mut kept: Vec<usize> = Vec::new();
    for a in order {
        if !kept.iter().any(|&b| beats(b, a)) {
            kept.push(a);
        }
    }
    kept.sort_unstable();
    kept
}

/// What the serving estimate reads from one model, for one tier's settings and the
/// workload's request shape.
pub(super) struct Profile {
    pub model: usize,
    pub mask: Mask,
    total: f64,
    active: f64,
    /// Whether the estimate can use the architecture (on GPUs with a memory bandwidth).
    arch: Option<ArchProfile>,
    /// Parameter-only rule: GPUs per replica on each GPU and precision where it applies
    /// (every GPU without an architecture; GPUs without a bandwidth with one).
    params_gpus: Vec<f64>,
}

/// The architecture estimate's inputs, per replica size where they depend on it.
struct ArchProfile {
    /// KV bytes of a full-length sequence, and of one mid-generation, at each of [`SIZES`]
    /// (tensor parallelism past the KV heads copies them).
    kv_full: [f64; 7],
    kv_context: [f64; 7],
    /// Billions of parameters a token computes with (experts weighted as the estimate does).
    compute_b: f64,
    /// Attention FLOPs of a decode token, and of prefill per prompt token.
    attention: f64,
    prefill_attention: f64,
    /// Bounds on the parameters (billions, experts weighted) a decode step reads, at any batch.
    read_low: f64,
    read_high: f64,
    /// Whether on every GPU and precision the smallest replica that fits is within a node
    /// (or none fits): then its replica sizes are the node sizes from that one up.
    fits_in_node: bool,
}

/// The tier's settings that shape every candidate alike.
pub(super) struct Context<'a> {
    pub catalog: &'a Catalog,
    pub kv: KvPrecision,
    pub serving: Serving,
    pub shape: Shape,
    pub kv_overhead: f64,
}

fn spec(gpu: &Gpu) -> Option<GpuSpec> {
    Some(GpuSpec {
        memory_gb: gpu.memory_gb.value,
        bandwidth_tb_s: gpu.memory_bandwidth_tb_s.as_ref()?.value,
        bf16_tflops: gpu.bf16_tflops.value,
        fp8_tflops: gpu.fp8_tflops.as_ref().map(|f| f.value),
        int8_tops: gpu.int8_tops.as_ref().map(|f| f.value),
        fp4_tflops: gpu.fp4_tflops.as_ref().map(|f| f.value),
    })
}

/// The parameter-only rule's GPUs per replica: ceil(W (1 + k) / VRAM), at least 1.
fn params_gpus(total: f64, p: Precision, k: f64, gpu: &Gpu) -> f64 {
    (total * p.bytes_per_param() * (1.0 + k) / gpu.memory_gb.value)
        .ceil()
        .max(1.0)
}

impl Profile {
    pub fn new(cx: &Context, model: usize, mask: Mask) -> Option<Profile> {
        let m: &Model = &cx.catalog.models[model];
        let (total, active) = m.sizing_params()?;
        let arch = m
            .architecture
            .as_ref()
            .and_then(|a| arch_profile(cx, total, active, &a.value));
        let params_gpus = cx
            .catalog
            .gpus
            .iter()
            .filter(|g| arch.is_none() || spec(g).is_none())
            .flat_map(|g| Precision::ALL.map(|p| params_gpus(total, p, cx.kv_overhead, g)))
            .collect();
        Some(Profile {
            model,
            mask,
            total,
            active,
            arch,
            params_gpus,
        })
    }

    /// The sort key [`front`] needs: a model that beats another has no more of either count.
    pub fn key(&self) -> (f64, f64, i64) {
        (self.total, self.active, -i64::from(self.mask.count_ones()))
    }

    /// Whether `self` costs no more than `other` on every GPU, precision and volume.
    ///
    /// Parameter-only rule: n = ceil(W (1 + k) / VRAM) GPUs serving n F eta / (2 P_active)
    /// tokens a second, so a no heavier model serves at least as much per GPU; when its n
    /// divides the other's, the fewest GPUs for any volume (a multiple of its n) is no more.
    ///
    /// Architecture estimate: no more weights and no more KV bytes per sequence leave at
    /// least as many sequences (so it fits wherever the other does, with as large a batch); a
    /// decode step per token (the larger of arithmetic and memory reads, over the batch) does
    /// not grow with the batch, and at the other's batch every term is no larger: parameters
    /// computed and read, KV bytes read, attention FLOPs; prefill likewise. So on each replica
    /// size it serves at least as many tokens a second, and when the other's smallest fit is
    /// within a node both choose among the same node sizes.
    pub fn beats(&self, other: &Profile) -> bool {
        if self.mask & other.mask != other.mask
            || self.total > other.total
            || self.active > other.active
            || self.params_gpus.len() != other.params_gpus.len()
        {
            return false;
        }
        let divides = self
            .params_gpus
            .iter()
            .zip(&other.params_gpus)
            .all(|(a, b)| b % a == 0.0);
        if !divides {
            return false;
        }
        match (&self.arch, &other.arch) {
            (None, None) => true,
            (Some(a), Some(b)) => {
                b.fits_in_node
                    && a.compute_b <= b.compute_b
                    && a.attention <= b.attention
                    && a.prefill_attention <= b.prefill_attention
                    && a.read_high <= b.read_low
                    && (0..SIZES.len())
                        .all(|i| a.kv_full[i] <= b.kv_full[i] && a.kv_context[i] <= b.kv_context[i])
            }
            _ => false,
        }
    }
}

/// The architecture estimate's inputs, read off its own replica on a reference GPU (unbounded
/// memory, 1 TFLOPS in every format, so compute and attention run at one rate); None when the
/// estimate cannot use the architecture.
fn arch_profile(
    cx: &Context,
    total: f64,
    active: f64,
    arch: &crate::domain::catalog::Architecture,
) -> Option<ArchProfile> {
    let shape = ModelShape {
        total_b: total,
        active_b: active,
        arch,
    };
    let reference = GpuSpec {
        memory_gb: 1e12,
        bandwidth_tb_s: 1.0,
        bf16_tflops: 1.0,
        fp8_tflops: None,
        int8_tops: None,
        fp4_tflops: None,
    };
    // The same test the estimate makes: with a bandwidth, does it take the architecture?
    let inputs = crate::domain::serving::Inputs {
        total_b: total,
        active_b: active,
        architecture: Some(arch),
        gpu: Some(reference.clone()),
        precision: Precision::Fp16,
        kv_precision: cx.kv,
        serving: cx.serving,
        shape: cx.shape,
        pinned: Some(1),
        measured: None,
        volume: None,
        utilization: 1.0,
        min_replicas: 1,
        kv_overhead: cx.kv_overhead,
        efficiency: 1.0,
        gpu_memory_gb: reference.memory_gb,
        gpu_tflops: 1.0,
    };
    if crate::domain::serving::plan(&inputs).method != crate::domain::serving::Method::Architecture
    {
        return None;
    }
    let at = |gpu: &GpuSpec, p: Precision, n: u32| {
        estimate_replica(&shape, gpu, p, cx.kv, cx.serving, cx.shape, n)
    };
    let sequence = cx.shape.prompt_tokens + cx.shape.output_tokens;
    let mut kv_full = [0.0; 7];
    let mut kv_context = [0.0; 7];
    let mut first = None;
    for (i, n) in SIZES.into_iter().enumerate() {
        let r = at(&reference, Precision::Fp16, n);
        kv_full[i] = r.kv_bytes_per_token * sequence;
        kv_context[i] = r.step_kv_gb * 1e9 / r.batch;
        first.get_or_insert(r);
    }
    let r = first?;
    let bytes = Precision::Fp16.bytes_per_param();
    // A dense model reads all its weights each step; a mixture of experts reads the shared
    // part and the experts the batch touches, from one token's (the parameters it computes
    // with) up to every expert (at most the total over the experts' efficiency).
    let dense = r.step_weights_effective_gb == total * bytes;
    let (read_low, read_high) = if dense {
        (total, total)
    } else {
        (r.compute_params_b, total / MOE_EFFICIENCY)
    };
    // Reference compute and attention run at the same rate, so prefill per prompt token is
    // (2 x compute parameters + its attention FLOPs) / that rate.
    let prefill_attention =
        r.prefill_s * r.tflops * 1e12 / cx.shape.prompt_tokens - 2.0 * r.compute_params_b * 1e9;
    let fits = |gpu: &GpuSpec, p: Precision, n: u32| at(gpu, p, n).fits;
    let specs: Vec<GpuSpec> = cx.catalog.gpus.iter().filter_map(spec).collect();
    // Fitting on 8 of the smallest GPU at the widest weights means fitting on 8 everywhere.
    let smallest = specs
        .iter()
        .min_by(|a, b| a.memory_gb.total_cmp(&b.memory_gb));
    let fits_in_node = smallest.is_none_or(|g| fits(g, Precision::Fp16, NODE))
        || specs.iter().all(|g| {
            Precision::ALL.into_iter().all(|p| {
                SIZES
                    .iter()
                    .take_while(|n| **n <= NODE)
                    .any(|n| fits(g, p, *n))
                    || SIZES.iter().all(|n| !fits(g, p, *n))
            })
        });
    Some(ArchProfile {
        kv_full,
        kv_context,
        compute_b: r.compute_params_b,
        attention: r.attention_flops,
        prefill_attention,
        read_low,
        read_high,
        fits_in_node,
    })
}

/// Drop deployments another beats at every volume: it carries every use case this one does
/// and, for each of this one's replica sizes, has one with no more GPUs per replica, no dearer
/// replica, as cheap colocation and overhead, and at least as many tokens a day. Its bill at
/// any volume (the cheapest of its sizes) is then no more.
pub(super) fn prune_own(all: Vec<Own>) -> Vec<Own> {
    let keys: Vec<(f64, f64, i64)> = all
        .iter()
        .map(|o| {
            let best = o
                .sizes
                .iter()
                .map(|s| s.capacity)
                .fold(f64::NEG_INFINITY, f64::max);
            let fewest = o
                .sizes
                .iter()
                .map(|s| s.rates.gpus_per_replica)
                .fold(f64::INFINITY, f64::min);
            (-best, fewest, -i64::from(o.mask.count_ones()))
        })
        .collect();
    let beats = |b: usize, a: usize| {
        let (a, b) = (&all[a], &all[b]);
        b.mask & a.mask == a.mask
            && a.sizes.iter().all(|sa| {
                b.sizes.iter().any(|sb| {
                    let (ra, rb) = (&sa.rates, &sb.rates);
                    sb.capacity >= sa.capacity
                        && rb.gpus_per_replica <= ra.gpus_per_replica
                        && rb.gpus_per_replica * rb.per_gpu <= ra.gpus_per_replica * ra.per_gpu
                        && rb.colo <= ra.colo
                        && rb.factor <= ra.factor
                        && rb.labor <= ra.labor
                })
            })
            && b.bare.min_replicas <= a.bare.min_replicas
    };
    let kept = front(&keys, beats);
    let mut all: Vec<Option<Own>> = all.into_iter().map(Some).collect();
    kept.into_iter().filter_map(|k| all[k].take()).collect()
}

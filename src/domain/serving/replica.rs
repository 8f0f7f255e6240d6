//! One replica of `n` GPUs: what its memory holds and how fast it serves a request shape.
//!
//! Time per output token = prefill of one request / output tokens + decode step / batch, where
//! prefill is compute-bound and a decode step runs its GEMMs and then its attention, each as
//! long as the longer of its arithmetic and its memory reads (the GEMMs read the weights or
//! the experts the batch touches, attention reads the KV cache).

use super::{
    BANDWIDTH_EFFICIENCY, Bound, COMPUTE_EFFICIENCY, FP4_EFFICIENCY, KvPrecision, MAX_BATCH,
    MOE_EFFICIENCY, Precision, RUNTIME_RESERVE, Serving, TP_EFFICIENCY_PER_DOUBLING,
};
use crate::domain::catalog::{Architecture, AttentionKind};
use crate::domain::units::format_count;

/// The datasheet figures of one GPU that the estimate reads.
#[derive(Debug, Clone, PartialEq)]
pub struct GpuSpec {
    pub memory_gb: f64,
    pub bandwidth_tb_s: f64,
    /// Dense tensor TFLOPS per format; BF16 is always known.
    pub bf16_tflops: f64,
    pub fp8_tflops: Option<f64>,
    pub int8_tops: Option<f64>,
    pub fp4_tflops: Option<f64>,
}

impl GpuSpec {
    /// The format whose tensor rate weights at `p` run at: the format itself when the GPU has
    /// it, else the next one down (FP4 -> FP8 -> BF16; int4 weights are dequantized to BF16,
    /// as AWQ and GPTQ kernels do).
    pub fn compute_format(&self, p: Precision) -> &'static str {
        match p {
            Precision::Fp4 if self.fp4_tflops.is_some() => "fp4",
            Precision::Fp4 | Precision::Fp8 if self.fp8_tflops.is_some() => "fp8",
            Precision::Int8 if self.int8_tops.is_some() => "int8",
            _ => "bf16",
        }
    }

    /// Dense TFLOPS (TOPS for int8) for weights at `p`, after the fallback: the datasheet.
    pub fn tflops(&self, p: Precision) -> f64 {
        match self.compute_format(p) {
            "fp4" => self.fp4_tflops,
            "fp8" => self.fp8_tflops,
            "int8" => self.int8_tops,
            _ => None,
        }
        .unwrap_or(self.bf16_tflops)
    }

    /// The share of [`GpuSpec::tflops`] the weights' format reaches against the others:
    /// [`FP4_EFFICIENCY`] for NVFP4 on FP4 units, else 1.
    pub fn format_efficiency(&self, p: Precision) -> f64 {
        if self.compute_format(p) == "fp4" {
            FP4_EFFICIENCY
        } else {
            1.0
        }
    }

    /// Attention math runs in the KV cache's format: FP8 where both the cache and the GPU are.
    fn attention_tflops(&self, kv: KvPrecision) -> f64 {
        match (kv, self.fp8_tflops) {
            (KvPrecision::Fp8, Some(f)) => f,
            _ => self.bf16_tflops,
        }
    }
}

/// The model as the estimate sees it.
#[derive(Debug, Clone, Copy)]
pub struct ModelShape<'a> {
    pub total_b: f64,
    pub active_b: f64,
    pub arch: &'a Architecture,
}

/// A request: prompt tokens in, output tokens out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shape {
    pub prompt_tokens: f64,
    pub output_tokens: f64,
}

/// What one replica of `gpus` GPUs holds and serves.
#[derive(Debug, Clone, PartialEq)]
pub struct Replica {
    pub gpus: u32,
    /// GPUs x memory per GPU.
    pub memory_gb: f64,
    /// The runtime's share, [`RUNTIME_RESERVE`] of `memory_gb`.
    pub reserve_gb: f64,
    pub weights_gb: f64,
    /// KV bytes a full-length request holds, per token, with tensor-parallel copies.
    pub kv_bytes_per_token: f64,
    /// Memory left for the KV cache: memory - reserve - weights (negative: does not fit).
    pub kv_gb_free: f64,
    /// Sequences of prompt + output tokens the KV cache holds at once.
    pub max_concurrent_sequences: f64,
    /// Most sequences the runtime decodes at once: [`MAX_BATCH`] per scheduler.
    pub batch_limit: f64,
    /// Sequences decoded together: the above, at most `batch_limit`.
    pub batch: f64,
    pub fits: bool,
    /// Effective compute and bandwidth of the replica after the efficiencies.
    pub tflops: f64,
    pub bandwidth_tb_s: f64,
    /// Seconds of compute to prefill one request.
    pub prefill_s: f64,
    /// One decode step of the whole batch: its GEMMs' arithmetic and weight reads, then its
    /// attention's arithmetic and KV reads; the step is the longer of each pair, added.
    pub gemm_compute_s: f64,
    pub weights_read_s: f64,
    pub attention_compute_s: f64,
    pub kv_read_s: f64,
    pub step_s: f64,
    /// Billions of parameters a token computes with (experts weighted by MOE_EFFICIENCY).
    pub compute_params_b: f64,
    /// Attention FLOPs of one decode token mid-generation.
    pub attention_flops: f64,
    /// Bytes one decode step reads: weights (or the experts it touches), and KV cache.
    pub step_weights_gb: f64,
    /// The weights' read time in GB at full efficiency: expert bytes count 1 / MOE_EFFICIENCY
    /// times (equal to `step_weights_gb` for a dense model).
    pub step_weights_effective_gb: f64,
    pub step_kv_gb: f64,
    pub output_tokens_per_s: f64,
    pub total_tokens_per_s: f64,
    pub bound: Bound,
}

/// Layers by kind: (full attention, sliding window, linear/recurrent).
fn layer_split(arch: &Architecture) -> (f64, f64, f64) {
    let layers = f64::from(arch.layers);
    let sliding = f64::from(arch.sliding_layers.unwrap_or(0)).min(layers);
    let linear = f64::from(arch.linear_layers.unwrap_or(0)).min(layers - sliding);
    (layers - sliding - linear, sliding, linear)
}

/// KV bytes of one sequence `tokens` long, times `copies` for the cached heads.
fn kv_bytes(arch: &Architecture, kv: KvPrecision, tokens: f64, copies: f64) -> f64 {
    let b = kv.bytes();
    if arch.attention == AttentionKind::Mla {
        let width = f64::from(arch.kv_lora_rank.unwrap_or(0) + arch.qk_rope_head_dim.unwrap_or(0));
        return width * f64::from(arch.layers) * b * tokens;
    }
    let (full, sliding, linear) = layer_split(arch);
    let per_layer_token = 2.0 * f64::from(arch.kv_heads) * f64::from(arch.head_dim) * b;
    let window = arch
        .sliding_window
        .map_or(tokens, |w| tokens.min(f64::from(w)));
    // A recurrent layer keeps one head_dim x head_dim state per head, whatever the length.
    let state = f64::from(arch.attention_heads) * f64::from(arch.head_dim).powi(2) * b;
    (full * tokens + sliding * window) * per_layer_token * copies + linear * state
}

/// Attention FLOPs for one query token over `context` earlier tokens.
fn attention_flops(arch: &Architecture, context: f64) -> f64 {
    let heads = f64::from(arch.attention_heads);
    if arch.attention == AttentionKind::Mla {
        let rank = f64::from(arch.kv_lora_rank.unwrap_or(0));
        let rope = f64::from(arch.qk_rope_head_dim.unwrap_or(0));
        // Scores over the latent plus the rotary part, values over the latent.
        return 2.0 * heads * (2.0 * rank + rope) * f64::from(arch.layers) * context;
    }
    let (full, sliding, linear) = layer_split(arch);
    let d = f64::from(arch.head_dim);
    let window = arch
        .sliding_window
        .map_or(context, |w| context.min(f64::from(w)));
    4.0 * heads * d * (full * context + sliding * window) + 4.0 * heads * d * d * linear
}

/// Mixture of experts: (parameters every token uses, parameters of one expert, experts,
/// experts per token), in billions, from the totals; `None` for a dense model.
fn expert_split(model: &ModelShape) -> Option<(f64, f64, f64, f64)> {
    let experts = f64::from(model.arch.experts?);
    let per_token = f64::from(model.arch.active_experts?);
    if per_token < 1.0 || experts <= per_token {
        return None;
    }
    let expert = (model.total_b - model.active_b) / (experts - per_token);
    let shared = model.active_b - per_token * expert;
    (expert > 0.0 && shared >= 0.0).then_some((shared, expert, experts, per_token))
}

/// Whether the model runs attention data-parallel across the replica's GPUs, as tuned stacks
/// serve mixtures of experts and MLA models (TensorRT-LLM's `enable_attention_dp` in its
/// MoE benchmark setup and DeepSeek-R1 guide; SGLang's DP attention): each GPU holds whole
/// KV heads for its own sequences, so the cache is not copied, and each GPU schedules its
/// own batch of up to [`MAX_BATCH`].
pub fn attention_data_parallel(model: &ModelShape) -> bool {
    model.arch.attention == AttentionKind::Mla || expert_split(model).is_some()
}

/// The replica of `gpus` GPUs serving `shape` at `precision`.
pub fn estimate_replica(
    model: &ModelShape,
    gpu: &GpuSpec,
    precision: Precision,
    kv: KvPrecision,
    serving: Serving,
    shape: Shape,
    gpus: u32,
) -> Replica {
    let arch = model.arch;
    let n = f64::from(gpus.max(1));
    let (prompt, output) = (shape.prompt_tokens, shape.output_tokens);
    let scaling = TP_EFFICIENCY_PER_DOUBLING.powf(n.log2());
    let tflops =
        n * gpu.tflops(precision) * gpu.format_efficiency(precision) * COMPUTE_EFFICIENCY * scaling;
    let attention_tflops = n * gpu.attention_tflops(kv) * COMPUTE_EFFICIENCY * scaling;
    let bandwidth = n * gpu.bandwidth_tb_s * BANDWIDTH_EFFICIENCY * scaling;

    let memory_gb = n * gpu.memory_gb;
    let reserve_gb = RUNTIME_RESERVE * memory_gb;
    let bytes = precision.bytes_per_param();
    let weights_gb = model.total_b * bytes;
    let kv_gb_free = memory_gb - reserve_gb - weights_gb;
    // Tensor parallelism past the KV heads copies them; data-parallel attention does not.
    let data_parallel = attention_data_parallel(model);
    let copies = if data_parallel {
        1.0
    } else {
        (n / f64::from(arch.kv_heads.max(1))).max(1.0)
    };
    let batch_limit = if data_parallel {
        n * MAX_BATCH
    } else {
        MAX_BATCH
    };
    let sequence = prompt + output;
    let kv_full = kv_bytes(arch, kv, sequence, copies);
    let max_sequences = (kv_gb_free * 1e9 / kv_full).max(0.0);
    let batch = max_sequences.min(batch_limit);
    let fits = max_sequences >= 1.0;

    // Billions of parameters a token computes with, and read per step for `batch` tokens
    // (as read, and weighted by the expert layers' lower efficiency).
    let (compute_b, read_b, read_effective_b) = match expert_split(model) {
        Some((shared, expert, experts, per_token)) => {
            let touched = experts * (1.0 - (1.0 - per_token / experts).powf(batch.max(1.0)));
            (
                shared + per_token * expert / MOE_EFFICIENCY,
                shared + touched * expert,
                shared + touched * expert / MOE_EFFICIENCY,
            )
        }
        None => (model.active_b, model.total_b, model.total_b),
    };
    // Mid-generation, a sequence attends to its prompt and half its output.
    let context = prompt + output / 2.0;
    let step_weights_gb = read_b * bytes;
    let step_weights_effective_gb = read_effective_b * bytes;
    let step_kv_gb = batch * kv_bytes(arch, kv, context, copies) / 1e9;
    // The GEMMs and the attention kernel run one after the other: the KV reads cannot hide
    // under the GEMMs' arithmetic, nor the weight reads under attention's.
    let gemm_compute_s = batch * 2.0 * compute_b * 1e9 / (tflops * 1e12);
    let weights_read_s = step_weights_effective_gb / (bandwidth * 1e3);
    let attention_compute_s = batch * attention_flops(arch, context) / (attention_tflops * 1e12);
    let kv_read_s = step_kv_gb / (bandwidth * 1e3);
    let step_s = gemm_compute_s.max(weights_read_s) + attention_compute_s.max(kv_read_s);
    let prefill_s = prompt * 2.0 * compute_b * 1e9 / (tflops * 1e12)
        + prompt * attention_flops(arch, prompt / 2.0) / (attention_tflops * 1e12);

    let decode_per_token = if fits { step_s / batch } else { f64::INFINITY };
    let prefill_per_token = prefill_s / output;
    let output_tokens_per_s = serving.ratio() / (decode_per_token + prefill_per_token);
    // The step's time spent on arithmetic: each half whose arithmetic outlasts its reads.
    let arithmetic_s = [
        (gemm_compute_s, weights_read_s),
        (attention_compute_s, kv_read_s),
    ]
    .iter()
    .filter(|(c, m)| c >= m)
    .map(|(c, _)| c)
    .sum::<f64>();
    let bound = if arithmetic_s * 2.0 >= step_s || prefill_per_token >= decode_per_token {
        Bound::Compute
    } else if max_sequences < batch_limit {
        Bound::KvCapacity
    } else {
        Bound::MemoryBandwidth
    };
    Replica {
        gpus,
        memory_gb,
        reserve_gb,
        weights_gb,
        kv_bytes_per_token: kv_full / sequence,
        kv_gb_free,
        max_concurrent_sequences: max_sequences.floor(),
        batch_limit,
        batch,
        fits,
        tflops,
        bandwidth_tb_s: bandwidth,
        prefill_s,
        gemm_compute_s,
        weights_read_s,
        attention_compute_s,
        kv_read_s,
        step_s,
        compute_params_b: compute_b,
        attention_flops: attention_flops(arch, context),
        step_weights_gb,
        step_weights_effective_gb,
        step_kv_gb,
        output_tokens_per_s,
        total_tokens_per_s: output_tokens_per_s * sequence / output,
        bound,
    }
}

impl Replica {
    /// What a decode step reads, in words.
    fn reads(&self) -> String {
        let experts = if self.step_weights_effective_gb > self.step_weights_gb * (1.0 + 1e-9) {
            format!(
                " (experts at {:.0}% efficiency: as slow as {:.1} GB)",
                MOE_EFFICIENCY * 100.0,
                self.step_weights_effective_gb
            )
        } else {
            String::new()
        };
        format!(
            "reads {:.1} GB of weights{experts} and {:.1} GB of KV cache",
            self.step_weights_gb, self.step_kv_gb
        )
    }

    /// The bound in words, with its numbers.
    pub fn bound_sentence(&self) -> String {
        let step_ms = self.step_s * 1e3;
        match self.bound {
            Bound::Compute => format!(
                "compute (prefill {:.1} ms per request; a decode step is {:.1} ms of arithmetic \
                 against {:.1} ms of memory reads)",
                self.prefill_s * 1e3,
                (self.gemm_compute_s + self.attention_compute_s) * 1e3,
                (self.weights_read_s + self.kv_read_s) * 1e3
            ),
            Bound::MemoryBandwidth => format!(
                "memory-bandwidth (each {step_ms:.1} ms decode step {} for {} sequences, the \
                 runtime's batch limit)",
                self.reads(),
                format_count(self.batch)
            ),
            Bound::KvCapacity => format!(
                "kv-capacity (the KV cache holds {} sequences; each {step_ms:.1} ms decode step \
                 {})",
                format_count(self.max_concurrent_sequences),
                self.reads()
            ),
        }
    }
}

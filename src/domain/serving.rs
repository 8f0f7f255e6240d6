//! How many GPUs one replica needs and how many tokens a second it serves, from the model's
//! architecture and the GPU's datasheet (cost-model.md section 3b). Pure arithmetic: the
//! per-replica physics is in [`replica`], the choice of replica size in [`choice`].
//!
//! Every constant below is named with where it comes from; `peak` is calibrated on the four
//! published measurements of issue #13 and checked on measurements it was not fitted to
//! (`tests/sizing_calibration.rs`).

use serde::{Deserialize, Serialize};

mod choice;
mod precision;
mod replica;
pub use choice::{Inputs, Method, Plan, check, plan, smallest_fit};
pub use precision::{Precision, ThroughputSource};
pub use replica::{GpuSpec, ModelShape, Replica, Shape, attention_data_parallel, estimate_replica};

/// Fraction of the dense tensor throughput that prefill and decode GEMMs reach in a tuned
/// stack. Calibrated (with [`MOE_EFFICIENCY`]) on the four measurements of issue #13.
pub const COMPUTE_EFFICIENCY: f64 = 0.55;
/// Fraction of the datasheet memory bandwidth a decode step's reads reach: the microbenchmark
/// figure for HBM3e on Blackwell (Azure's ND GB200 v6 measurement in gpu-datasheets.json).
/// Measured, not calibrated.
pub const BANDWIDTH_EFFICIENCY: f64 = 0.92;
/// Mixture-of-experts layers (grouped GEMMs over few tokens per expert, token routing) reach
/// this fraction of the dense efficiency. Calibrated on the DeepSeek-R1 measurement alone.
pub const MOE_EFFICIENCY: f64 = 0.24;
/// NVFP4 weights reach this share of the datasheet FP4 rate relative to the other formats:
/// at 0.5 a B200 computes NVFP4 at its FP8 rate, and FP4's gain is in the bytes it reads.
/// Calibrated on one measurement not in the validation table: DeepSeek-R1 FP4 on 8x B200
/// (TP8, EP8), 1,024 in / 2,048 out, 16-bit KV cache, 36,384 tokens/s (TensorRT-LLM blog
/// "Best performance practice on DeepSeek-R1").
pub const FP4_EFFICIENCY: f64 = 0.50;
/// Tensor parallelism: each doubling of the GPUs keeps this fraction of the added compute and
/// bandwidth (all-reduce traffic over NVLink). An assumption, checked by the TP2-TP8 rows of
/// the validation table.
pub const TP_EFFICIENCY_PER_DOUBLING: f64 = 0.90;
/// Memory a runtime keeps for itself: vLLM's `gpu_memory_utilization` and TensorRT-LLM's
/// `kv_cache_free_gpu_mem_fraction` both default to 0.9.
pub const RUNTIME_RESERVE: f64 = 0.10;
/// Most sequences one scheduler decodes at once: TensorRT-LLM's default `max_batch_size`.
/// A replica has one scheduler, or one per GPU when it runs attention data-parallel (see
/// [`attention_data_parallel`]).
pub const MAX_BATCH: f64 = 2048.0;
/// `typical` (a stock vLLM or SGLang deployment) against `peak`: public reports of stock
/// setups reach 25-60% of the published figures (TensorRT-LLM #6294: about 7,100 against
/// 27,688 tokens/s; vLLM #8244: about 700 against 3,100); 0.4 is the geometric middle.
pub const TYPICAL_RATIO: f64 = 0.40;
/// The largest replica tried before saying the model fits nowhere.
pub const MAX_REPLICA_GPUS: u32 = 64;
/// Replica sizes the choice considers within a node (tensor parallel sizes are powers of two).
pub const NODE_SIZES: [u32; 4] = [1, 2, 4, 8];

/// Which serving stack the throughput is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Serving {
    /// A stock vLLM or SGLang deployment: [`TYPICAL_RATIO`] of `peak`.
    #[default]
    Typical,
    /// A tuned stack as in the vendors' published measurements.
    Peak,
}

impl Serving {
    pub const ALL: [Serving; 2] = [Serving::Typical, Serving::Peak];

    pub fn as_str(self) -> &'static str {
        match self {
            Serving::Typical => "typical",
            Serving::Peak => "peak",
        }
    }

    pub fn parse(text: &str) -> Option<Serving> {
        let text = text.trim();
        Serving::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(text))
    }

    /// The factor applied to the `peak` throughput.
    pub fn ratio(self) -> f64 {
        match self {
            Serving::Typical => TYPICAL_RATIO,
            Serving::Peak => 1.0,
        }
    }
}

/// The number format of the KV cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KvPrecision {
    /// The default of vLLM and SGLang (`kv_cache_dtype=auto` on a 16-bit model).
    #[default]
    Fp16,
    Bf16,
    Fp8,
}

impl KvPrecision {
    pub const ALL: [KvPrecision; 3] = [KvPrecision::Fp16, KvPrecision::Bf16, KvPrecision::Fp8];

    pub fn bytes(self) -> f64 {
        match self {
            KvPrecision::Fp16 | KvPrecision::Bf16 => 2.0,
            KvPrecision::Fp8 => 1.0,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            KvPrecision::Fp16 => "fp16",
            KvPrecision::Bf16 => "bf16",
            KvPrecision::Fp8 => "fp8",
        }
    }

    pub fn parse(text: &str) -> Option<KvPrecision> {
        let text = text.trim();
        KvPrecision::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(text))
    }

    /// The allowed names, for error messages.
    pub fn names() -> String {
        let names: Vec<&str> = KvPrecision::ALL.iter().map(|p| p.as_str()).collect();
        names.join(", ")
    }
}

/// What limits a replica's throughput.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// Tensor throughput: prefill, or decode steps whose arithmetic outlasts their memory reads.
    Compute,
    /// Decode steps wait on memory reads at the largest batch the runtime allows.
    MemoryBandwidth,
    /// Decode steps wait on memory reads and the batch is as large as the KV cache holds:
    /// more memory per replica would raise throughput.
    KvCapacity,
}

impl Bound {
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Compute => "compute",
            Bound::MemoryBandwidth => "memory-bandwidth",
            Bound::KvCapacity => "kv-capacity",
        }
    }
}

#[cfg(test)]
mod tests;

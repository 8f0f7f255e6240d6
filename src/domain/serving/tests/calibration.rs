//! The calibration points of issue #13 and the FP4 point and check, each within ±15%.

use super::*;

// The four calibration points of issue #13: output tokens/s of one replica, all requests
// queued, fixed lengths. FP8 rows use NVIDIA's ModelOpt FP8 checkpoints, whose
// hf_quant_config sets an FP8 KV cache; the A100 row and DeepSeek-R1 keep a 16-bit cache.

#[test]
fn calibration_llama_8b_fp8_h100() {
    // TensorRT-LLM performance overview, v0.17 table: 15,245 tokens/s at 1,000 in / 1,000 out.
    let r = peak(
        &llama_8b(),
        8.03,
        8.03,
        &h100(),
        Precision::Fp8,
        KvPrecision::Fp8,
        1000.0,
        1000.0,
        1,
    );
    within(r.output_tokens_per_s, 15_245.0, 0.15);
}

#[test]
fn calibration_llama_8b_fp16_a100() {
    // Same table: 3,787 tokens/s.
    let r = peak(
        &llama_8b(),
        8.03,
        8.03,
        &a100(),
        Precision::Fp16,
        KvPrecision::Fp16,
        1000.0,
        1000.0,
        1,
    );
    within(r.output_tokens_per_s, 3_787.0, 0.15);
}

#[test]
fn calibration_llama_70b_fp8_h200() {
    // Same table: 2,823 tokens/s.
    let r = peak(
        &llama_70b(),
        70.6,
        70.6,
        &h200(),
        Precision::Fp8,
        KvPrecision::Fp8,
        1000.0,
        1000.0,
        1,
    );
    within(r.output_tokens_per_s, 2_823.0, 0.15);
}

#[test]
fn calibration_deepseek_r1_fp8_8x_h200() {
    // TensorRT-LLM blog "Best performance practice on DeepSeek-R1": 11,489 tokens/s on
    // 8x H200 (TP8, EP8), 1,024 in / 2,048 out.
    let r = peak(
        &deepseek_r1(),
        671.0,
        37.0,
        &h200(),
        Precision::Fp8,
        KvPrecision::Fp16,
        1024.0,
        2048.0,
        8,
    );
    within(r.output_tokens_per_s, 11_489.0, 0.15);
}

#[test]
fn calibration_deepseek_r1_fp4_8x_b200() {
    // The same blog, "B200 max-throughput for R1 with FP16 KV cache": 36,384 tokens/s on
    // 8x B200 (TP8, EP8) with the NVFP4 checkpoint, 1,024 in / 2,048 out. FP4_EFFICIENCY is
    // fitted on this point alone.
    let r = peak(
        &deepseek_r1(),
        671.0,
        37.0,
        &b200(),
        Precision::Fp4,
        KvPrecision::Fp16,
        1024.0,
        2048.0,
        8,
    );
    within(r.output_tokens_per_s, 36_384.0, 0.15);
}

#[test]
fn deepseek_r1_0528_fp4_with_an_fp8_cache_on_8x_b200_is_checked_not_fitted() {
    // The same blog, "B200 max-throughput for R1-0528 with FP8 KV cache": 43,146 tokens/s on
    // 8x B200 (TP8, EP8), 1,024 in / 2,048 out. Nothing was fitted to it.
    let r = peak(
        &deepseek_r1(),
        671.0,
        37.0,
        &b200(),
        Precision::Fp4,
        KvPrecision::Fp8,
        1024.0,
        2048.0,
        8,
    );
    within(r.output_tokens_per_s, 43_146.0, 0.15);
}

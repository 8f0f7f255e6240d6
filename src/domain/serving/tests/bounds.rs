//! Which bound applies to a request shape, and how a decode step and NVFP4 are timed.

use super::*;

#[test]
fn bounds_follow_the_request_shape() {
    let r = |prompt, output| {
        peak(
            &llama_70b(),
            70.6,
            70.6,
            &h200(),
            Precision::Fp8,
            KvPrecision::Fp8,
            prompt,
            output,
            1,
        )
        .bound
    };
    // Long prompts, short answers: prefill dominates.
    assert_eq!(r(5000.0, 100.0), Bound::Compute);
    // Long answers fill the KV cache long before the batch limit.
    assert_eq!(r(1000.0, 4000.0), Bound::KvCapacity);
    // A small model on more GPUs than it needs reaches the batch limit of its one scheduler,
    // and each step then waits on reading the KV cache.
    let small = peak(
        &llama_8b(),
        8.03,
        8.03,
        &h200(),
        Precision::Fp8,
        KvPrecision::Fp16,
        100.0,
        1000.0,
        8,
    );
    assert_eq!(
        (small.batch, small.bound),
        (MAX_BATCH, Bound::MemoryBandwidth)
    );
    assert!(small.kv_read_s > small.weights_read_s + small.gemm_compute_s);
    // A mixture of experts runs attention data-parallel: each of the 8 GPUs schedules its own
    // batch, so short requests fill 8 x 2,048 sequences and the step is the experts'
    // arithmetic.
    let moe = peak(
        &deepseek_r1(),
        671.0,
        37.0,
        &h200(),
        Precision::Fp8,
        KvPrecision::Fp16,
        10.0,
        200.0,
        8,
    );
    assert_eq!(moe.batch_limit, 8.0 * MAX_BATCH);
    assert_eq!((moe.batch, moe.bound), (8.0 * MAX_BATCH, Bound::Compute));
    assert!(moe.gemm_compute_s > moe.weights_read_s);
}

#[test]
fn a_decode_step_adds_its_gemms_and_its_attention() {
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
    let gemms = r.gemm_compute_s.max(r.weights_read_s);
    let attention = r.attention_compute_s.max(r.kv_read_s);
    assert!(gemms > 0.0 && attention > 0.0);
    assert!((r.step_s - (gemms + attention)).abs() < 1e-15);
    // The KV reads do not hide under the GEMMs' arithmetic.
    assert!(r.step_s > r.gemm_compute_s.max(r.weights_read_s + r.kv_read_s));
}

#[test]
fn nvfp4_computes_at_the_stated_share_of_its_datasheet_rate() {
    let fp4 = peak(
        &llama_70b(),
        70.6,
        70.6,
        &b200(),
        Precision::Fp4,
        KvPrecision::Fp8,
        1000.0,
        1000.0,
        1,
    );
    let fp8 = peak(
        &llama_70b(),
        70.6,
        70.6,
        &b200(),
        Precision::Fp8,
        KvPrecision::Fp8,
        1000.0,
        1000.0,
        1,
    );
    assert_eq!(b200().format_efficiency(Precision::Fp4), FP4_EFFICIENCY);
    assert_eq!(h100().format_efficiency(Precision::Fp4), 1.0);
    assert!((fp4.tflops / fp8.tflops - 9000.0 * FP4_EFFICIENCY / 4500.0).abs() < 1e-12);
}

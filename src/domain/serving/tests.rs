//! The estimate's own tests: the four calibration measurements of issue #13 (kept within
//! ±15%), the fallback, the replica choice and the refusals. Architectures and GPUs are built
//! here from the published configs and datasheets, so the tests do not depend on the
//! catalogue.

use super::*;
use crate::domain::catalog::{Architecture, AttentionKind};

/// A dense GQA architecture (Llama 3.1 style).
fn gqa(layers: u32, heads: u32, kv_heads: u32, hidden: u32) -> Architecture {
    Architecture {
        layers,
        attention_heads: heads,
        kv_heads,
        head_dim: 128,
        hidden_size: hidden,
        attention: AttentionKind::Full,
        kv_lora_rank: None,
        qk_rope_head_dim: None,
        sliding_window: None,
        sliding_layers: None,
        linear_layers: None,
        experts: None,
        active_experts: None,
    }
}

/// aiconfigurator model_configs, meta-llama/Meta-Llama-3.1-8B: 32 layers, 32 heads, 8 KV
/// heads, hidden 4096 (head_dim 4096 / 32 = 128).
pub(super) fn llama_8b() -> Architecture {
    gqa(32, 32, 8, 4096)
}

/// aiconfigurator model_configs, meta-llama/Meta-Llama-3.1-70B: 80 layers, 64 heads, 8 KV
/// heads, hidden 8192.
pub(super) fn llama_70b() -> Architecture {
    gqa(80, 64, 8, 8192)
}

/// aiconfigurator model_configs, deepseek-ai/DeepSeek-R1: 61 layers, 128 heads, MLA with
/// kv_lora_rank 512 and qk_rope_head_dim 64, 256 routed experts, 8 per token.
pub(super) fn deepseek_r1() -> Architecture {
    Architecture {
        layers: 61,
        attention_heads: 128,
        kv_heads: 128,
        head_dim: 128,
        hidden_size: 7168,
        attention: AttentionKind::Mla,
        kv_lora_rank: Some(512),
        qk_rope_head_dim: Some(64),
        sliding_window: None,
        sliding_layers: None,
        linear_layers: None,
        experts: Some(256),
        active_experts: Some(8),
    }
}

/// NVIDIA H100 SXM datasheet: 80 GB, 3.35 TB/s, dense BF16 989 / FP8 1,979 TFLOPS.
pub(super) fn h100() -> GpuSpec {
    GpuSpec {
        memory_gb: 80.0,
        bandwidth_tb_s: 3.35,
        bf16_tflops: 989.0,
        fp8_tflops: Some(1979.0),
        int8_tops: Some(1979.0),
        fp4_tflops: None,
    }
}

/// NVIDIA H200 datasheet: 141 GB, 4.8 TB/s, compute as the H100.
pub(super) fn h200() -> GpuSpec {
    GpuSpec {
        memory_gb: 141.0,
        bandwidth_tb_s: 4.8,
        ..h100()
    }
}

/// NVIDIA A100 80GB datasheet: 2.039 TB/s, dense BF16 312 TFLOPS, INT8 624 TOPS, no FP8.
pub(super) fn a100() -> GpuSpec {
    GpuSpec {
        memory_gb: 80.0,
        bandwidth_tb_s: 2.039,
        bf16_tflops: 312.0,
        fp8_tflops: None,
        int8_tops: Some(624.0),
        fp4_tflops: None,
    }
}

/// NVIDIA B200 (HGX, 1,000 W) datasheet: 180 GB, 8 TB/s, dense BF16 2,250 / FP8 4,500 /
/// FP4 9,000 TFLOPS.
pub(super) fn b200() -> GpuSpec {
    GpuSpec {
        memory_gb: 180.0,
        bandwidth_tb_s: 8.0,
        bf16_tflops: 2250.0,
        fp8_tflops: Some(4500.0),
        int8_tops: Some(4500.0),
        fp4_tflops: Some(9000.0),
    }
}

fn shape(prompt: f64, output: f64) -> Shape {
    Shape {
        prompt_tokens: prompt,
        output_tokens: output,
    }
}

/// Output tokens/s of one peak replica.
#[allow(clippy::too_many_arguments)]
fn peak(
    arch: &Architecture,
    total_b: f64,
    active_b: f64,
    gpu: &GpuSpec,
    precision: Precision,
    kv: KvPrecision,
    prompt: f64,
    output: f64,
    gpus: u32,
) -> Replica {
    let model = ModelShape {
        total_b,
        active_b,
        arch,
    };
    estimate_replica(
        &model,
        gpu,
        precision,
        kv,
        Serving::Peak,
        shape(prompt, output),
        gpus,
    )
}

fn within(estimate: f64, measured: f64, tolerance: f64) {
    let ratio = estimate / measured;
    // `cargo test --lib calibration -- --nocapture` prints the docs' calibration table.
    println!("estimate {estimate:.0} measured {measured:.0} ratio {ratio:.3}");
    assert!(
        (1.0 - tolerance..=1.0 + tolerance).contains(&ratio),
        "estimate {estimate:.0} against measured {measured:.0}: ratio {ratio:.3}"
    );
}

mod calibration;

#[test]
fn kv_bytes_per_token_follow_the_formulas() {
    // Full attention: 2 x 80 layers x 8 heads x 128 x 2 bytes = 327,680.
    let r = peak(
        &llama_70b(),
        70.6,
        70.6,
        &h200(),
        Precision::Fp8,
        KvPrecision::Fp16,
        1000.0,
        1000.0,
        1,
    );
    assert_eq!(r.kv_bytes_per_token, 327_680.0);
    // MLA: (512 + 64) x 61 layers x 2 bytes = 70,272.
    let r = peak(
        &deepseek_r1(),
        671.0,
        37.0,
        &h200(),
        Precision::Fp8,
        KvPrecision::Fp16,
        1000.0,
        1000.0,
        8,
    );
    assert_eq!(r.kv_bytes_per_token, 70_272.0);
    // Sliding window: half the layers capped at 128 tokens; over 2,000 tokens the 18 sliding
    // layers hold 128 of them.
    let mut arch = gqa(36, 64, 8, 2880);
    arch.head_dim = 64;
    arch.attention = AttentionKind::SlidingWindow;
    arch.sliding_window = Some(128);
    arch.sliding_layers = Some(18);
    let r = peak(
        &arch,
        117.0,
        5.1,
        &h100(),
        Precision::Fp8,
        KvPrecision::Fp16,
        1000.0,
        1000.0,
        1,
    );
    let expected = (18.0 * 2000.0 + 18.0 * 128.0) * 2.0 * 8.0 * 64.0 * 2.0 / 2000.0;
    assert!((r.kv_bytes_per_token - expected).abs() < 1e-6);
}

#[test]
fn tensor_parallel_past_the_kv_heads_copies_them() {
    let one = peak(
        &llama_70b(),
        70.6,
        70.6,
        &h100(),
        Precision::Fp8,
        KvPrecision::Fp16,
        1000.0,
        1000.0,
        8,
    );
    let mut arch = llama_70b();
    arch.kv_heads = 4;
    let four = peak(
        &arch,
        70.6,
        70.6,
        &h100(),
        Precision::Fp8,
        KvPrecision::Fp16,
        1000.0,
        1000.0,
        8,
    );
    // 4 KV heads over 8 GPUs: each is held twice, so a token costs as much as with 8 heads.
    assert_eq!(one.kv_bytes_per_token, four.kv_bytes_per_token);
}

#[test]
fn fp8_on_an_a100_runs_at_its_bf16_rate() {
    assert_eq!(a100().tflops(Precision::Fp8), 312.0);
    assert_eq!(a100().compute_format(Precision::Fp8), "bf16");
    assert_eq!(h100().tflops(Precision::Fp4), 1979.0);
    assert_eq!(a100().tflops(Precision::Int8), 624.0);
    assert_eq!(h100().tflops(Precision::Int4), 989.0);
}

#[test]
fn typical_is_the_stated_share_of_peak() {
    let model = ModelShape {
        total_b: 8.03,
        active_b: 8.03,
        arch: &llama_8b(),
    };
    let at = |s| {
        estimate_replica(
            &model,
            &h100(),
            Precision::Fp8,
            KvPrecision::Fp8,
            s,
            shape(1000.0, 1000.0),
            1,
        )
    };
    let ratio = at(Serving::Typical).output_tokens_per_s / at(Serving::Peak).output_tokens_per_s;
    assert!((ratio - TYPICAL_RATIO).abs() < 1e-12);
}

mod bounds;

pub(super) fn inputs<'a>(arch: Option<&'a Architecture>, gpu: Option<GpuSpec>) -> Inputs<'a> {
    Inputs {
        total_b: 70.6,
        active_b: 70.6,
        architecture: arch,
        gpu,
        precision: Precision::Fp16,
        kv_precision: KvPrecision::Fp16,
        serving: Serving::Typical,
        shape: shape(2000.0, 2000.0),
        pinned: None,
        measured: None,
        volume: None,
        utilization: 0.5,
        min_replicas: 1,
        kv_overhead: 0.2,
        efficiency: 0.25,
        gpu_memory_gb: 80.0,
        gpu_tflops: 989.0,
    }
}

#[test]
fn without_an_architecture_the_parameter_rule_applies_and_says_so() {
    let p = plan(&inputs(None, Some(h100())));
    // M = 141.2 x 1.2 = 169.4 GB: 3 GPUs; tau = 3 x 989e12 x 0.25 / (2 x 70.6e9).
    assert_eq!(p.gpus, 3.0);
    assert!((p.tokens_per_s - 3.0 * 989e12 * 0.25 / 141.2e9).abs() < 1e-6);
    assert!(
        p.method
            .label()
            .starts_with("estimated from parameters only")
    );
    let arch = llama_70b();
    let p = plan(&inputs(Some(&arch), None));
    assert!(
        p.method.label().contains("memory bandwidth"),
        "{}",
        p.method.label()
    );
}

#[test]
fn fp16_70b_on_h100s_takes_the_replica_with_the_most_tokens_per_gpu() {
    let arch = llama_70b();
    let p = plan(&inputs(Some(&arch), Some(h100())));
    // 141 GB of weights fit on 2 GPUs (144 GB usable) with almost no KV room; 4 GPUs hold
    // hundreds of sequences and serve far more per GPU.
    assert_eq!(p.method, Method::Architecture);
    assert!(p.gpus >= 4.0, "{p:?}");
    assert!(p.reason.contains("the smallest that fits"), "{}", p.reason);
    assert!(p.reason.contains("lowest $/M"), "{}", p.reason);
}

#[test]
fn a_pinned_size_wins_and_a_measured_throughput_replaces_the_estimate() {
    let arch = llama_70b();
    let mut i = inputs(Some(&arch), Some(h100()));
    i.pinned = Some(8);
    let p = plan(&i);
    assert_eq!((p.gpus, p.reason.as_str()), (8.0, "pinned by the user"));
    i.measured = Some(1234.0);
    let p = plan(&i);
    assert_eq!(
        (p.tokens_per_s, p.source),
        (1234.0, ThroughputSource::Measured)
    );
}

#[test]
fn refusals_name_the_field_and_what_is_allowed() {
    let arch = llama_70b();
    let mut i = inputs(Some(&arch), Some(h100()));
    i.pinned = Some(1);
    let (field, value, allowed) = check(&i).unwrap_err();
    assert_eq!((field, value.as_str()), ("gpus-per-replica", "1"));
    assert!(allowed.contains("141 GB of weights"), "{allowed}");

    let mut i = inputs(Some(&arch), Some(a100()));
    i.precision = Precision::Fp4;
    let (field, _, allowed) = check(&i).unwrap_err();
    assert_eq!(field, "precision");
    assert!(allowed.contains("fp16, bf16, fp8, int8, int4"), "{allowed}");

    // 70.6 trillion parameters fit on no 64 x 80 GB replica.
    let mut i = inputs(Some(&arch), Some(h100()));
    i.total_b = 70_600.0;
    let (field, _, allowed) = check(&i).unwrap_err();
    assert_eq!(field, "gpu");
    assert!(
        allowed.contains("fits on a replica of up to 64"),
        "{allowed}"
    );
    assert!(allowed.contains("GB of weights"), "{allowed}");
}

#[test]
fn with_a_volume_the_size_needing_the_fewest_gpus_wins() {
    let arch = llama_70b();
    let mut i = inputs(Some(&arch), Some(h100()));
    i.precision = Precision::Fp8;
    let at_scale = plan(&i);
    // 5M tokens a day fill no large replica: the fewest GPUs that carry it win.
    i.volume = Some(5e6);
    let small = plan(&i);
    assert!(small.gpus < at_scale.gpus, "{small:?} against {at_scale:?}");
    assert!(
        small.reason.starts_with("the fewest GPUs"),
        "{}",
        small.reason
    );
    assert!(
        small
            .reason
            .contains("tokens/s per GPU once the volume fills them"),
        "{}",
        small.reason
    );
    // A huge volume fills any replica: the most tokens/s per GPU wins again.
    i.volume = Some(1e11);
    assert_eq!(plan(&i).gpus, at_scale.gpus);
}

#[test]
fn with_a_volume_a_tie_in_gpus_takes_the_roomier_replica_as_the_bill_does() {
    let arch = llama_70b();
    let mut i = inputs(Some(&arch), Some(h100()));
    let tau = |n: u32| {
        let mut pinned = i.clone();
        pinned.pinned = Some(n);
        plan(&pinned).tokens_per_s
    };
    let (two, four) = (tau(2), tau(4));
    // Two 2-GPU replicas carry 1.5 of them; one 4-GPU replica carries it too: 4 GPUs either way.
    let volume = 1.5 * i.utilization * two * 86_400.0;
    assert!(volume <= i.utilization * four * 86_400.0);
    i.volume = Some(volume);
    let p = plan(&i);
    assert!(four > 2.0 * two, "the 4-GPU replica serves more per GPU");
    assert_eq!(p.gpus, 4.0, "{}", p.reason);
    assert!(p.reason.starts_with("the fewest GPUs (4)"), "{}", p.reason);
}

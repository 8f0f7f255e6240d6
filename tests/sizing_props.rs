//! Properties of the serving estimate (issue #13, point 10) over random architectures, GPUs,
//! precisions, replica sizes and request shapes.

use proptest::prelude::*;
use tierwise::domain::catalog::{Architecture, AttentionKind};
use tierwise::domain::serving::{
    GpuSpec, KvPrecision, ModelShape, Precision, Replica, Serving, Shape, estimate_replica,
};

#[derive(Debug, Clone)]
struct Case {
    arch: Architecture,
    total_b: f64,
    active_b: f64,
    gpu: GpuSpec,
    precision: Precision,
    kv: KvPrecision,
    serving: Serving,
    gpus: u32,
    prompt: f64,
    output: f64,
}

fn architecture() -> impl Strategy<Value = Architecture> {
    (
        (
            8u32..128,
            8u32..129,
            1u32..17,
            prop::sample::select(vec![64u32, 128, 256]),
        ),
        0usize..4,
        prop::option::of((2u32..300, 1u32..9)),
        (0u32..64, prop::option::of(64u32..8192)),
    )
        .prop_map(
            |((layers, heads, kv, head_dim), kind, experts, (part, window))| {
                let attention = AttentionKind::ALL[kind];
                let part = part.min(layers / 2);
                Architecture {
                    layers,
                    attention_heads: heads,
                    kv_heads: kv.min(heads),
                    head_dim,
                    hidden_size: heads * head_dim,
                    attention,
                    kv_lora_rank: (attention == AttentionKind::Mla).then_some(512),
                    qk_rope_head_dim: (attention == AttentionKind::Mla).then_some(64),
                    sliding_window: (attention == AttentionKind::SlidingWindow)
                        .then(|| window.unwrap_or(4096)),
                    sliding_layers: (attention == AttentionKind::SlidingWindow).then_some(part),
                    linear_layers: (attention == AttentionKind::Linear).then_some(part),
                    experts: experts.map(|e| e.0.max(e.1 + 1)),
                    active_experts: experts.map(|e| e.1),
                }
            },
        )
}

fn case() -> impl Strategy<Value = Case> {
    (
        architecture(),
        (1.0f64..800.0, 0.02f64..=1.0),
        (
            16.0f64..200.0,
            0.5f64..10.0,
            100.0f64..3000.0,
            prop::option::of(1.0f64..3.0),
            prop::option::of(1.0f64..2.0),
        ),
        (0usize..6, 0usize..3, any::<bool>(), 0u32..7),
        (1.0f64..50_000.0, 1.0f64..8_000.0),
    )
        .prop_map(
            |(
                arch,
                (total_b, active),
                (mem, bw, bf16, fp8, fp4),
                (p, kv, peak, n),
                (prompt, output),
            )| {
                let active_b = if arch.experts.is_some() {
                    total_b * active
                } else {
                    total_b
                };
                let fp8_tflops = fp8.map(|f| f * bf16);
                Case {
                    arch,
                    total_b,
                    active_b,
                    gpu: GpuSpec {
                        memory_gb: mem,
                        bandwidth_tb_s: bw,
                        bf16_tflops: bf16,
                        fp8_tflops,
                        int8_tops: fp8_tflops,
                        fp4_tflops: fp8_tflops.zip(fp4).map(|(f, k)| f * k),
                    },
                    precision: Precision::ALL[p],
                    kv: KvPrecision::ALL[kv],
                    serving: if peak {
                        Serving::Peak
                    } else {
                        Serving::Typical
                    },
                    gpus: 1 << n,
                    prompt,
                    output,
                }
            },
        )
}

fn run(c: &Case) -> Replica {
    let model = ModelShape {
        total_b: c.total_b,
        active_b: c.active_b,
        arch: &c.arch,
    };
    estimate_replica(
        &model,
        &c.gpu,
        c.precision,
        c.kv,
        c.serving,
        Shape {
            prompt_tokens: c.prompt,
            output_tokens: c.output,
        },
        c.gpus,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn more_bandwidth_or_tflops_never_lowers_throughput(c in case(), k in 1.0f64..4.0) {
        let base = run(&c);
        prop_assert!(base.output_tokens_per_s.is_finite() && base.output_tokens_per_s >= 0.0);
        let mut faster_memory = c.clone();
        faster_memory.gpu.bandwidth_tb_s *= k;
        prop_assert!(run(&faster_memory).output_tokens_per_s >= base.output_tokens_per_s * (1.0 - 1e-12));
        let mut faster_compute = c.clone();
        faster_compute.gpu.bf16_tflops *= k;
        faster_compute.gpu.fp8_tflops = c.gpu.fp8_tflops.map(|f| f * k);
        faster_compute.gpu.int8_tops = c.gpu.int8_tops.map(|f| f * k);
        faster_compute.gpu.fp4_tflops = c.gpu.fp4_tflops.map(|f| f * k);
        prop_assert!(run(&faster_compute).output_tokens_per_s >= base.output_tokens_per_s * (1.0 - 1e-12));
    }

    #[test]
    fn a_longer_output_never_raises_total_throughput_beyond_the_decode_bound(
        c in case(),
        longer in 1.0f64..8.0,
    ) {
        let short = run(&c);
        let mut long_case = c.clone();
        long_case.output *= longer;
        let long = run(&long_case);
        for (r, output) in [(&short, c.output), (&long, long_case.output)] {
            if r.fits {
                // Were prefill free, every step would emit `batch` output tokens.
                let decode_only = c.serving.ratio() * r.batch / r.step_s;
                let decode_bound = decode_only * (c.prompt + output) / output;
                prop_assert!(r.total_tokens_per_s <= decode_bound * (1.0 + 1e-9));
            }
        }
        prop_assert!(long.total_tokens_per_s <= short.total_tokens_per_s * (1.0 + 1e-9));
    }

    #[test]
    fn memory_per_replica_never_exceeds_the_gpus(c in case()) {
        let r = run(&c);
        let kv_in_use = r.max_concurrent_sequences * r.kv_bytes_per_token * (c.prompt + c.output) / 1e9;
        let total = f64::from(c.gpus) * c.gpu.memory_gb;
        prop_assert!((r.memory_gb - total).abs() < 1e-9);
        if r.fits {
            prop_assert!(r.weights_gb + r.reserve_gb + kv_in_use <= total * (1.0 + 1e-12));
            prop_assert!(r.batch <= r.max_concurrent_sequences + 1.0);
        } else {
            prop_assert_eq!(r.output_tokens_per_s, 0.0);
        }
    }
}

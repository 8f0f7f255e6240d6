//! The `peak` serving estimate against published measurements it was not fitted to.
//!
//! Source: NVIDIA TensorRT-LLM performance overview, v1.0 tables ("Total Output Throughput",
//! one replica, all requests queued, fixed input/output lengths; trtllm-bench with the PyTorch
//! backend; ModelOpt FP8 and NVFP4 checkpoints, whose hf_quant_config sets an FP8 KV cache),
//! github.com/NVIDIA/TensorRT-LLM docs/source/performance/perf-overview.md. The two rows that
//! repeat a calibration point (Llama 3.1 8B on H100 and Llama 3.3 70B on H200 at 1,000/1,000)
//! are left out; GB200 and RTX 6000 columns are left out (no such GPU in the database).
//!
//! Issue #13 asks for ±30% at the median and never more than 2x off; the two tests below
//! assert exactly that. No constant of the estimate was fitted to these rows.

use tierwise::domain::catalog::{Architecture, AttentionKind};
use tierwise::domain::serving::{
    GpuSpec, KvPrecision, ModelShape, Precision, Serving, Shape, estimate_replica,
};

struct Model {
    name: &'static str,
    total_b: f64,
    active_b: f64,
    arch: Architecture,
}

fn arch(
    layers: u32,
    heads: u32,
    kv_heads: u32,
    hidden: u32,
    experts: Option<(u32, u32)>,
) -> Architecture {
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
        experts: experts.map(|e| e.0),
        active_experts: experts.map(|e| e.1),
    }
}

/// Llama 4's chunked attention (config.json: `attention_chunk_size` 8192): three of every four
/// layers attend only within their 8,192-token chunk, every fourth layer (no RoPE) to the
/// whole sequence. The estimate's sliding-window layers describe the chunked ones: at most
/// 8,192 tokens of KV cache each.
fn llama4(experts: u32) -> Architecture {
    Architecture {
        attention: AttentionKind::SlidingWindow,
        sliding_window: Some(8192),
        sliding_layers: Some(36),
        ..arch(48, 40, 8, 5120, Some((experts, 1)))
    }
}

/// Architectures from aiconfigurator's model_configs (verbatim config.json values); parameter
/// counts from the model cards.
fn models() -> Vec<Model> {
    vec![
        Model {
            name: "Llama 3.1 8B",
            total_b: 8.03,
            active_b: 8.03,
            arch: arch(32, 32, 8, 4096, None),
        },
        Model {
            name: "Llama 3.3 70B",
            total_b: 70.6,
            active_b: 70.6,
            arch: arch(80, 64, 8, 8192, None),
        },
        Model {
            name: "Llama 3.1 405B",
            total_b: 405.9,
            active_b: 405.9,
            arch: arch(126, 128, 8, 16384, None),
        },
        Model {
            name: "Qwen3-235B-A22B",
            total_b: 235.1,
            active_b: 22.2,
            arch: arch(94, 64, 4, 4096, Some((128, 8))),
        },
        Model {
            name: "Qwen3-30B-A3B",
            total_b: 30.5,
            active_b: 3.3,
            arch: arch(48, 32, 4, 2048, Some((128, 8))),
        },
        Model {
            name: "Llama 4 Maverick",
            total_b: 400.0,
            active_b: 17.0,
            arch: llama4(128),
        },
        Model {
            name: "Llama 4 Scout",
            total_b: 109.0,
            active_b: 17.0,
            arch: llama4(16),
        },
    ]
}

/// Datasheets (dense figures): H100 SXM, H200, B200 (HGX, 1,000 W).
fn gpu(name: &str) -> GpuSpec {
    let h100 = GpuSpec {
        memory_gb: 80.0,
        bandwidth_tb_s: 3.35,
        bf16_tflops: 989.0,
        fp8_tflops: Some(1979.0),
        int8_tops: Some(1979.0),
        fp4_tflops: None,
    };
    match name {
        "H100" => h100,
        "H200" => GpuSpec {
            memory_gb: 141.0,
            bandwidth_tb_s: 4.8,
            ..h100
        },
        _ => GpuSpec {
            memory_gb: 180.0,
            bandwidth_tb_s: 8.0,
            bf16_tflops: 2250.0,
            fp8_tflops: Some(4500.0),
            int8_tops: Some(4500.0),
            fp4_tflops: Some(9000.0),
        },
    }
}

const LENGTHS: [(f64, f64); 10] = [
    (128.0, 128.0),
    (128.0, 2048.0),
    (128.0, 4096.0),
    (500.0, 2000.0),
    (1000.0, 1000.0),
    (1000.0, 2000.0),
    (2048.0, 128.0),
    (2048.0, 2048.0),
    (5000.0, 500.0),
    (20000.0, 2000.0),
];

/// (model, [(GPU, GPUs per replica)], one row per length in [`LENGTHS`]; 0 = not published
/// or left out). B200 columns are FP4, the others FP8.
type Table = (
    &'static str,
    &'static [(&'static str, u32)],
    [&'static [u32]; 10],
);

const TABLES: [Table; 7] = [
    (
        "Llama 4 Scout",
        &[("B200", 1), ("H200", 4), ("H100", 4)],
        [
            &[25342, 30354, 0],
            &[14699, 34316, 15130],
            &[8932, 21332, 8603],
            &[11977, 24630, 12399],
            &[10591, 21636, 12129],
            &[9356, 18499, 9838],
            &[3137, 3699, 3253],
            &[7152, 14949, 7972],
            &[2937, 4605, 3342],
            &[1644, 2105, 0],
        ],
    ),
    (
        "Llama 3.3 70B",
        &[("B200", 1), ("H200", 1), ("H100", 2)],
        [
            &[11147, 3803, 6378],
            &[9922, 4336, 6651],
            &[6831, 2872, 4199],
            &[7762, 3666, 5222],
            &[7007, 0, 4205],
            &[6271, 2994, 4146],
            &[1339, 442, 762],
            &[4783, 2003, 3082],
            &[1459, 566, 898],
            &[665, 283, 437],
        ],
    ),
    (
        "Qwen3-235B-A22B",
        &[("B200", 8), ("H200", 8), ("H100", 8)],
        [
            &[63362, 30429, 0],
            &[66057, 42821, 19658],
            &[39496, 26852, 12447],
            &[57117, 28026, 18351],
            &[42391, 23789, 14898],
            &[34105, 22061, 15136],
            &[7329, 3331, 0],
            &[26854, 16672, 9924],
            &[8190, 3623, 3225],
            &[4453, 1876, 0],
        ],
    ),
    (
        "Qwen3-30B-A3B",
        &[("B200", 1)],
        [
            &[39827],
            &[37844],
            &[24953],
            &[27817],
            &[25828],
            &[22051],
            &[6251],
            &[17554],
            &[6142],
            &[2944],
        ],
    ),
    (
        "Llama 4 Maverick",
        &[("B200", 8), ("H200", 8), ("H100", 8)],
        [
            &[124323, 63994, 0],
            &[112676, 40572, 10829],
            &[68170, 24616, 6744],
            &[0, 37835, 10108],
            &[79617, 31782, 9677],
            &[63766, 34734, 9151],
            &[18088, 7307, 0],
            &[52195, 20957, 6916],
            &[0, 8456, 3457],
            &[12678, 4106, 0],
        ],
    ),
    (
        "Llama 3.1 405B",
        &[("B200", 4), ("H200", 8), ("H100", 8)],
        [
            &[6281, 3814, 3627],
            &[8020, 5348, 4340],
            &[6345, 4741, 3116],
            &[6244, 4724, 3994],
            &[5209, 3330, 2919],
            &[4933, 3722, 2895],
            &[749, 456, 453],
            &[4212, 2948, 2296],
            &[1048, 650, 610],
            &[672, 505, 345],
        ],
    ),
    (
        "Llama 3.1 8B",
        &[("H200", 1), ("H100", 1)],
        [
            &[27911, 28312],
            &[26221, 22714],
            &[18027, 14325],
            &[20770, 17660],
            &[17744, 0],
            &[16828, 13899],
            &[3538, 3450],
            &[12194, 9305],
            &[3902, 3459],
            &[1804, 1351],
        ],
    ),
];

struct Row {
    label: String,
    measured: f64,
    estimate: f64,
    bound: &'static str,
}

fn rows() -> Vec<Row> {
    let models = models();
    let mut rows = Vec::new();
    for (name, columns, lengths) in TABLES {
        let model = models
            .iter()
            .find(|m| m.name == name)
            .expect("model listed");
        let shape_of = ModelShape {
            total_b: model.total_b,
            active_b: model.active_b,
            arch: &model.arch,
        };
        for ((prompt, output), measured) in LENGTHS.iter().zip(lengths) {
            for ((gpu_name, n), &value) in columns.iter().zip(measured.iter()) {
                if value == 0 {
                    continue;
                }
                let precision = if *gpu_name == "B200" {
                    Precision::Fp4
                } else {
                    Precision::Fp8
                };
                let r = estimate_replica(
                    &shape_of,
                    &gpu(gpu_name),
                    precision,
                    KvPrecision::Fp8,
                    Serving::Peak,
                    Shape {
                        prompt_tokens: *prompt,
                        output_tokens: *output,
                    },
                    *n,
                );
                rows.push(Row {
                    label: format!(
                        "{name} | {n}x {gpu_name} {} | {prompt}/{output}",
                        precision.as_str()
                    ),
                    measured: f64::from(value),
                    estimate: r.output_tokens_per_s,
                    bound: r.bound.as_str(),
                });
            }
        }
    }
    rows
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    }
}

/// How far off, as a factor >= 1 either way.
fn factor(r: &Row) -> f64 {
    let ratio = r.estimate / r.measured;
    ratio.max(1.0 / ratio)
}

fn ratios(rows: &[Row]) -> Vec<f64> {
    rows.iter().map(|r| r.estimate / r.measured).collect()
}

#[test]
fn peak_is_within_30_percent_at_the_median_of_unfitted_measurements() {
    let rows = rows();
    assert_eq!(rows.len(), 168);
    for r in &rows {
        // `cargo test --test sizing_calibration -- --nocapture` prints the table of the docs.
        println!(
            "| {} | {:.0} | {:.0} | {:.2} | {} |",
            r.label,
            r.measured,
            r.estimate,
            r.estimate / r.measured,
            r.bound
        );
    }
    let within = ratios(&rows)
        .iter()
        .filter(|x| (0.7..=1.3).contains(*x))
        .count();
    println!(
        "rows within ±30%: {within} of {} ({:.0}%)",
        rows.len(),
        100.0 * within as f64 / rows.len() as f64
    );
    let m = median(ratios(&rows));
    println!("median estimate / measured: {m:.3}");
    assert!((0.7..=1.3).contains(&m), "median ratio {m:.3}");
}

#[test]
fn peak_is_never_more_than_2x_off() {
    let rows = rows();
    let worst = rows
        .iter()
        .max_by(|a, b| factor(a).total_cmp(&factor(b)))
        .expect("rows");
    println!(
        "worst: {} measured {:.0} estimate {:.0} ({:.2}x off)",
        worst.label,
        worst.measured,
        worst.estimate,
        factor(worst)
    );
    for r in &rows {
        assert!(
            factor(r) <= 2.0,
            "{}: measured {:.0}, estimate {:.0}",
            r.label,
            r.measured,
            r.estimate
        );
    }
}

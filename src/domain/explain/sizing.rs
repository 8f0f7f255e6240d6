//! Section 3 and 3b written out: a replica's sizing with the deployment's numbers, from the
//! parameters only or from the architecture (memory split, decode step, prefill and bound).

use super::{Step, num, step};
use crate::domain::catalog::AttentionKind;
use crate::domain::cost::{Deployment, SelfHostCost};
use crate::domain::serving::{ModelShape, Plan, RUNTIME_RESERVE, Replica, attention_data_parallel};

fn ms(seconds: f64) -> String {
    format!("{} ms", num(seconds * 1e3, 2))
}

/// The KV-per-token step: the formula of the model's attention kind.
fn kv_step(d: &Deployment, r: &Replica) -> Step {
    let kv = d.kv_precision.bytes();
    let arch = d.architecture.as_ref();
    let plain = arch
        .is_some_and(|a| a.sliding_layers.unwrap_or(0) == 0 && a.linear_layers.unwrap_or(0) == 0);
    let (formula, numbers) = match arch {
        Some(a) if a.attention == AttentionKind::Mla => (
            "(kv_lora_rank + qk_rope_head_dim) × layers × bytes(q_kv)".to_string(),
            format!(
                "({} + {}) × {} × {}",
                a.kv_lora_rank.unwrap_or(0),
                a.qk_rope_head_dim.unwrap_or(0),
                a.layers,
                num(kv, 0)
            ),
        ),
        Some(a) if plain => {
            let model = ModelShape {
                total_b: d.params_total_b,
                active_b: d.params_active_b,
                arch: a,
            };
            // Data-parallel attention keeps whole heads per GPU: no copies.
            let copies = if attention_data_parallel(&model) {
                1.0
            } else {
                (f64::from(r.gpus) / f64::from(a.kv_heads.max(1))).max(1.0)
            };
            (
                "2 × layers × kv_heads × head_dim × bytes(q_kv) × copies".to_string(),
                format!(
                    "2 × {} × {} × {} × {} × {}",
                    a.layers,
                    a.kv_heads,
                    a.head_dim,
                    num(kv, 0),
                    num(copies, 2)
                ),
            )
        }
        _ => (
            "KV bytes of one request / (L + O), sliding layers capped at the window, \
             recurrent layers a constant state"
                .to_string(),
            String::new(),
        ),
    };
    step(
        "KV cache per token",
        &formula,
        numbers,
        format!("{} bytes", num(r.kv_bytes_per_token, 0)),
    )
}

/// The steps from weights to the replica's throughput and its bound.
pub(super) fn architecture_steps(d: &Deployment, plan: &Plan, r: &Replica) -> Vec<Step> {
    let (prompt, output) = (d.prompt_tokens, d.output_tokens);
    let out_per_s = plan.tokens_per_s * output / (prompt + output);
    let mut steps = vec![
        step(
            "weights",
            "W = P_total × bytes(q)",
            format!(
                "{} × {}",
                num(d.params_total_b, 2),
                num(d.precision.bytes_per_param(), 4)
            ),
            format!("{} GB", num(r.weights_gb, 2)),
        ),
        kv_step(d, r),
        step(
            "KV cache free",
            "n × VRAM × (1 − reserve) − W",
            format!(
                "{} × {} × (1 − {}) − {}",
                r.gpus,
                num(d.gpu_memory_gb, 1),
                num(RUNTIME_RESERVE, 2),
                num(r.weights_gb, 2)
            ),
            format!("{} GB", num(r.kv_gb_free, 2)),
        ),
        step(
            "sequences at once",
            "KV free / (KV per token × (L + O)); batch B = min(that, batch limit: 2,048 per \
             scheduler, one scheduler per GPU with data-parallel attention)",
            format!(
                "{} GB / ({} × ({} + {}))",
                num(r.kv_gb_free, 2),
                num(r.kv_bytes_per_token, 0),
                num(prompt, 0),
                num(output, 0)
            ),
            format!(
                "{}; B = min(that, {}) = {}",
                num(r.max_concurrent_sequences, 0),
                num(r.batch_limit, 0),
                num(r.batch, 0)
            ),
        ),
        step(
            "decode step, GEMMs",
            "max(B × 2 × P_c (experts / η_moe) / F, weights read (experts / η_moe) / BW)",
            format!(
                "max({} × 2 × {} × 1e9 / {} TFLOPS, {} GB / {} TB/s)",
                num(r.batch, 0),
                num(r.compute_params_b, 2),
                num(r.tflops, 0),
                num(r.step_weights_effective_gb, 2),
                num(r.bandwidth_tb_s, 2)
            ),
            format!(
                "max({}, {}) = {}",
                ms(r.gemm_compute_s),
                ms(r.weights_read_s),
                ms(r.gemm_compute_s.max(r.weights_read_s))
            ),
        ),
        step(
            "decode step, attention",
            "max(B × attention FLOPs at L + O/2 / F_kv, B × KV at L + O/2 / BW)",
            format!(
                "max({} × {} FLOPs, {} GB / {} TB/s)",
                num(r.batch, 0),
                num(r.attention_flops, 0),
                num(r.step_kv_gb, 2),
                num(r.bandwidth_tb_s, 2)
            ),
            format!(
                "max({}, {}) = {}; the step is {}",
                ms(r.attention_compute_s),
                ms(r.kv_read_s),
                ms(r.attention_compute_s.max(r.kv_read_s)),
                ms(r.step_s)
            ),
        ),
        step(
            "prefill per request",
            "L × (2 × P_c + attention FLOPs) / F",
            format!("{} tokens at {} TFLOPS", num(prompt, 0), num(r.tflops, 0)),
            ms(r.prefill_s),
        ),
    ];
    steps.push(match d.throughput {
        Some(t) => step(
            "replica throughput",
            "tau = the measured figure",
            String::new(),
            format!("{} tokens/s (measured)", num(t, 2)),
        ),
        None => step(
            "replica throughput",
            "out/s = ratio / (step / B + prefill / O); tau = out/s × (L + O) / O",
            format!(
                "{} / ({} / {} + {} / {})",
                num(d.serving.ratio(), 2),
                ms(r.step_s),
                num(r.batch, 0),
                ms(r.prefill_s),
                num(output, 0)
            ),
            format!(
                "{} output tokens/s; tau = {} tokens/s ({} serving)",
                num(out_per_s, 1),
                num(plan.tokens_per_s, 1),
                d.serving.as_str()
            ),
        ),
    });
    steps.push(step(
        "bound",
        "compute when arithmetic is most of a decode step (or prefill outlasts decode); \
         kv-capacity when B is what the KV cache holds",
        String::new(),
        r.bound_sentence(),
    ));
    steps.push(step(
        "GPUs per replica",
        "n_r: the most tokens/s per GPU from the smallest that fits up to 8, or pinned",
        String::new(),
        format!("{} ({})", r.gpus, plan.reason),
    ));
    steps
}

/// Section 3's parameter-only sizing steps.
pub(super) fn parameter_steps(d: &Deployment, c: &SelfHostCost) -> Vec<Step> {
    let q = d.precision.bytes_per_param();
    let z = &c.sizing;
    let mut steps = vec![
        step(
            "weights",
            "W = P_total × bytes(q)",
            format!("{} × {}", num(d.params_total_b, 2), num(q, 1)),
            format!("{} GB", num(z.weights_gb, 2)),
        ),
        step(
            "memory per replica",
            "M = W × (1 + k)",
            format!("{} × (1 + {})", num(z.weights_gb, 2), num(d.kv_overhead, 3)),
            format!("{} GB", num(z.memory_gb, 2)),
        ),
        step(
            "GPUs per replica",
            "n_r = max(1, ceil(M / VRAM))",
            format!(
                "max(1, ceil({} / {}))",
                num(z.memory_gb, 2),
                num(d.gpu_memory_gb, 1)
            ),
            num(f64::from(z.gpus_per_replica), 0),
        ),
    ];
    steps.push(match d.throughput {
        Some(t) => step(
            "replica throughput",
            "tau = the measured figure",
            String::new(),
            format!("{} tokens/s (measured)", num(t, 2)),
        ),
        None => step(
            "replica throughput",
            "tau = n_r × F × 1e12 × eta / (2 × P_active × 1e9)",
            format!(
                "{} × {} × 1e12 × {} / (2 × {} × 1e9)",
                z.gpus_per_replica,
                num(d.gpu_tflops, 1),
                num(d.efficiency, 3),
                num(d.params_active_b, 2)
            ),
            format!("{} tokens/s (estimated)", num(z.replica_tokens_per_s, 1)),
        ),
    });
    steps
}

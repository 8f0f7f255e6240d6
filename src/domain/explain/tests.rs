use super::*;
use crate::domain::breakeven::crossover;
use crate::domain::cost::Precision;

fn deployment() -> Deployment {
    Deployment {
        params_total_b: 70.0,
        params_active_b: 70.0,
        precision: Precision::Fp16,
        kv_overhead: 0.2,
        gpu_memory_gb: 80.0,
        gpu_tflops: 989.0,
        efficiency: 0.25,
        utilization: 0.5,
        min_replicas: 1,
        throughput: None,
        mode: Mode::Rent,
        gpu_hour_price: 2.5,
        gpu_price: 0.0,
        years: 3.0,
        power_watts: 700.0,
        pue: 1.4,
        power_price: 0.13,
        colo: 350.0,
        fte: 0.25,
        salary: 192_000.0,
        overhead: 0.0,
        architecture: None,
        memory_bandwidth_tb_s: None,
        fp8_tflops: None,
        int8_tops: None,
        fp4_tflops: None,
        kv_precision: Default::default(),
        serving: Default::default(),
        gpus_per_replica: None,
        prompt_tokens: 2000.0,
        output_tokens: 2000.0,
        tokens_per_day: None,
    }
}

#[test]
fn api_steps_substitute_the_numbers() {
    let price = Price {
        input: 5.0,
        output: 25.0,
        long_context: None,
    };
    let e = api("Opus", &price, &Workload::default());
    let text = e.lines().join("\n");
    assert!(text.contains("0.5 × $5.00 + 0.5 × $25.00"), "{text}");
    assert!(text.contains("$15.00 per million tokens"), "{text}");
    assert!(
        text.contains("30 × 5,000,000 / 1,000,000 × $15.00"),
        "{text}"
    );
    assert!(text.contains("$2,250.00 a month"), "{text}");
}

#[test]
fn self_hosted_steps_end_in_the_bill() {
    let d = deployment();
    let e = self_hosted("Llama", &d, 5e6);
    let text = e.lines().join("\n");
    // 70 x 2 x 1.2 = 168 GB -> 3 GPUs of 80 GB; 3 x $2.50 x 720 = $5,400; staff $4,000.
    assert!(text.contains("max(1, ceil(168 / 80))"), "{text}");
    assert!(text.contains("3 × $2.50 × 720"), "{text}");
    assert!(text.contains("$9,400.00 a month"), "{text}");
    assert!(
        e.conclusion.contains("estimated from parameters only"),
        "{}",
        e.conclusion
    );
}

#[test]
fn architecture_steps_show_the_bound_with_its_numbers() {
    let mut d = deployment();
    d.architecture = Some(crate::domain::catalog::Architecture::full_attention(
        80, 64, 8, 128, 8192,
    ));
    d.memory_bandwidth_tb_s = Some(3.35);
    d.fp8_tflops = Some(1979.0);
    d.precision = Precision::Fp8;
    let e = self_hosted("Llama", &d, 5e6);
    let text = e.lines().join("\n");
    // 2 x 80 x 8 x 128 x 2 bytes = 327,680 per token.
    assert!(text.contains("2 × 80 × 8 × 128 × 2"), "{text}");
    assert!(text.contains("327,680 bytes"), "{text}");
    let plan = d.plan();
    let r = plan.replica.as_ref().unwrap();
    assert!(text.contains(&r.bound_sentence()), "{text}");
    assert!(text.contains(r.bound.as_str()), "{text}");
    assert!(
        e.conclusion.contains("estimated from the architecture"),
        "{}",
        e.conclusion
    );
}

#[test]
fn a_mixture_of_experts_shows_its_kv_cache_uncopied() {
    // Qwen3-235B-A22B's shape: 4 KV heads on 8 GPUs, but attention runs data-parallel.
    let mut d = deployment();
    let mut arch = crate::domain::catalog::Architecture::full_attention(94, 64, 4, 128, 4096);
    arch.experts = Some(128);
    arch.active_experts = Some(8);
    d.architecture = Some(arch);
    d.params_total_b = 235.0;
    d.params_active_b = 22.0;
    d.memory_bandwidth_tb_s = Some(3.35);
    d.fp8_tflops = Some(1979.0);
    d.precision = Precision::Fp8;
    d.gpus_per_replica = Some(8);
    let text = self_hosted("Qwen", &d, 5e6).lines().join("\n");
    // 2 x 94 x 4 x 128 x 2 bytes = 192,512 per token, held once.
    assert!(text.contains("2 × 94 × 4 × 128 × 2 × 1\n"), "{text}");
    assert!(text.contains("192,512 bytes"), "{text}");
}

#[test]
fn break_even_names_the_crossing_volume() {
    let d = deployment();
    let price = Price {
        input: 5.0,
        output: 25.0,
        long_context: None,
    };
    let w = Workload::default();
    let x = crossover(blended_price(&price, &w), &d);
    let v = x.break_even_tokens_per_day.unwrap();
    let e = break_even("Opus", &price, &w, &d, &x);
    assert!(e.conclusion.contains(&format_tokens(v)), "{}", e.conclusion);
    assert!(e.steps.iter().any(|s| s.name == "break-even"));
}

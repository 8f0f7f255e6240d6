//! Break-even and a 200-point cost curve for every API-priced model against one deployment
//! (llama-3.1-70b on h100-sxm, renting). Budget: under 1 ms for the whole set, with the
//! catalogue grown to about 70 models; the second group measures such a set. The last group
//! runs the same with the architecture estimate (llama-3.3-70b at fp8) and times one plan.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tierwise::domain::breakeven::{VOLUME_MAX, VOLUME_MIN, cost_curve, crossover};
use tierwise::domain::catalog::Price;
use tierwise::domain::cost::{Deployment, Mode, Workload, blended_price, deployment_defaults};

fn deployment_of(id: &str) -> Deployment {
    let catalog = tierwise::data::embedded_catalog().expect("embedded catalogue");
    let model = catalog.model(id).expect("model in the catalogue");
    let gpu = catalog.gpu("h100-sxm").expect("h100-sxm");
    deployment_defaults(model, gpu).expect("defaults")
}

fn deployment() -> Deployment {
    deployment_of("llama-3.1-70b")
}

/// What the break-even pane recomputes when an input changes.
fn recompute(d: &Deployment, prices: &[Price], w: &Workload) -> f64 {
    let mut checksum = 0.0;
    for price in prices {
        let x = crossover(blended_price(price, w), d);
        let curve = cost_curve(d, price, w, 200, VOLUME_MIN, VOLUME_MAX);
        checksum += x.break_even_tokens_per_day.unwrap_or(0.0) + curve[199].api_usd_per_month;
    }
    checksum
}

/// 70 prices from $0.05 to $100 per million, log-spaced: the size the catalogue will reach,
/// spanning never-cheaper, ordinary and bottom-of-range crossings.
fn seventy_prices() -> Vec<Price> {
    (0..70)
        .map(|i| {
            let p = 0.05 * (2000f64).powf(i as f64 / 69.0);
            Price {
                input: p / 2.0,
                output: p * 1.5,
                long_context: None,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let catalog = tierwise::data::embedded_catalog().expect("embedded catalogue");
    let prices: Vec<Price> = catalog
        .models
        .iter()
        .filter_map(|m| m.price.as_ref().map(|f| f.value.clone()))
        .collect();
    let w = Workload::default();
    let rent = deployment();
    let mut buy = rent.clone();
    buy.mode = Mode::Buy;
    // A measured 0.02 tokens/s: about 58 million staircase steps in the range.
    let mut fine = buy.clone();
    fine.throughput = Some(0.02);
    fine.utilization = 1.0;

    c.bench_function(
        &format!("catalogue: {} API models, rent", prices.len()),
        |b| b.iter(|| recompute(black_box(&rent), black_box(&prices), black_box(&w))),
    );
    let seventy = seventy_prices();
    c.bench_function("70 API prices, rent", |b| {
        b.iter(|| recompute(black_box(&rent), black_box(&seventy), black_box(&w)))
    });
    c.bench_function("70 API prices, buy", |b| {
        b.iter(|| recompute(black_box(&buy), black_box(&seventy), black_box(&w)))
    });
    c.bench_function("70 API prices, buy: break-even only", |b| {
        b.iter(|| {
            seventy
                .iter()
                .map(|p| crossover(blended_price(p, &w), black_box(&buy)))
                .filter(|x| x.break_even_tokens_per_day.is_some())
                .count()
        })
    });
    c.bench_function("70 API prices, buy: curves only", |b| {
        b.iter(|| {
            seventy
                .iter()
                .map(|p| {
                    cost_curve(black_box(&buy), p, &w, 200, VOLUME_MIN, VOLUME_MAX)[100]
                        .api_usd_per_month
                })
                .sum::<f64>()
        })
    });
    c.bench_function("70 API prices, 58M-step staircase", |b| {
        b.iter(|| recompute(black_box(&fine), black_box(&seventy), black_box(&w)))
    });
    let mut architecture = deployment_of("llama-3.3-70b");
    architecture.precision = tierwise::domain::cost::Precision::Fp8;
    assert!(
        architecture.plan().replica.is_some(),
        "the architecture estimate applies"
    );
    c.bench_function("architecture estimate: one plan (replica choice)", |b| {
        b.iter(|| black_box(&architecture).plan().tokens_per_s)
    });
    c.bench_function("architecture estimate: 70 API prices, rent", |b| {
        b.iter(|| recompute(black_box(&architecture), black_box(&seventy), black_box(&w)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

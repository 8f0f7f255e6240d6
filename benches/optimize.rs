//! The plan search and the volume sweep at the default scenario. Budgets: the search (building
//! the space from the whole catalogue and solving at 5M tokens a day) at most 50 ms; the sweep
//! (the cheapest plan's bands over 1K to 100B tokens a day, plus the hybrid break-even) at
//! most 200 ms.
//!
//! Two catalogues: the embedded one (the imported catalogue of #12: 2,801 models, 1,514
//! offerings), which the budgets are for; and a stress case, the embedded one with 2,000 more
//! synthetic open models (copies of its sized ones with parameter counts spread over 0.5B to
//! 1T, each with 2 to 4 hosted offerings) and a copy of every GPU with 1.5x the memory, built
//! here so the bench does not depend on a newer import.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tierwise::domain::catalog::{Catalog, Figure, Offering, OfferingKind, Price};
use tierwise::domain::hybrid::route;
use tierwise::domain::optimize::{Optimizer, bands, break_even, optimize};
use tierwise::domain::rules::RuleBook;
use tierwise::domain::scenario::Scenario;

fn scenario(catalog: &Catalog) -> Scenario {
    let cases = tierwise::data::embedded_use_cases(catalog).unwrap();
    let frontier = catalog.model("claude-opus-4.7").unwrap().clone();
    let large = catalog.model("llama-3.1-70b").unwrap().clone();
    Scenario::builtin("bench", &cases, |u| route(u, &frontier, &large))
}

/// The embedded catalogue grown to the imported one's size: copies of its sized open models
/// with parameter counts spread over 0.5B to 1T, each with hosted offerings.
fn scaled(base: &Catalog) -> Catalog {
    let mut c = base.clone();
    let open: Vec<_> = base
        .models
        .iter()
        .filter(|m| m.can_self_host())
        .cloned()
        .collect();
    let hosts = ["together", "fireworks", "deepinfra", "groq"];
    for i in 0..2000 {
        let mut m = open[i % open.len()].clone();
        m.id = format!("{}-copy-{i}", m.id);
        let params = 0.5 * 2000f64.powf((i % 97) as f64 / 96.0);
        m.total_params_b = Some(Figure::new(params, "bench"));
        m.active_params_b = None;
        m.offerings = (0..2 + i % 3)
            .map(|h| Offering {
                id: format!("{}@{}", m.id, hosts[h]),
                provider: hosts[h].into(),
                provider_name: hosts[h].into(),
                kind: OfferingKind::Host,
                region: Some(if h % 2 == 0 { "us" } else { "eu" }.into()),
                price: Figure::new(
                    Price {
                        input: 0.02 * params.sqrt() * (1.0 + h as f64 / 10.0),
                        output: 0.06 * params.sqrt() * (1.0 + h as f64 / 10.0),
                        long_context: None,
                    },
                    "bench",
                ),
                cache_read: None,
                batch: None,
                context_tokens: None,
                max_output_tokens: None,
                as_of: "2026-10-01".into(),
                deprecation: None,
            })
            .collect();
        c.models.push(m);
    }
    let gpus = base.gpus.clone();
    for mut g in gpus {
        g.id = format!("{}-b", g.id);
        g.memory_gb.value *= 1.5;
        c.gpus.push(g);
    }
    c
}

fn cases() -> Vec<(&'static str, Catalog, RuleBook)> {
    let base = tierwise::data::embedded_catalog().unwrap();
    let rules = tierwise::data::embedded_rules(&base).unwrap();
    let big = scaled(&base);
    vec![("embedded", base, rules.clone()), ("scaled", big, rules)]
}

fn search(c: &mut Criterion) {
    for (name, catalog, rules) in cases() {
        let s = scenario(&catalog);
        c.bench_function(&format!("optimize/search/{name}"), |b| {
            b.iter(|| black_box(optimize(&catalog, &rules, black_box(&s)).unwrap()))
        });
    }
}

fn sweep(c: &mut Criterion) {
    for (name, catalog, rules) in cases() {
        let s = scenario(&catalog);
        c.bench_function(&format!("optimize/sweep/{name}"), |b| {
            b.iter(|| {
                let optimizer = Optimizer::new(&catalog, &rules, &s).unwrap();
                black_box(bands(&optimizer, &catalog));
                black_box(break_even(&catalog, &rules, &s).unwrap())
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = search, sweep
}
criterion_main!(benches);

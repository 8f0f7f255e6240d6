//! One search keystroke over the whole embedded catalogue (about 2,800 models): the query's
//! filters, the fuzzy ranking and the sort, as the catalogue runs them on each key.
//! Budget: at most 5 ms per keystroke (issue 12, point 7).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tierwise::domain::query::{Query, Searcher, SortKey};

fn bench(c: &mut Criterion) {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let searcher = Searcher::default();
    let mut group = c.benchmark_group("search keystroke");
    // The prefixes a user types, one per keystroke; the last is the longest.
    for text in [
        "l",
        "ll",
        "llama 3.3 70",
        "gpt-4o",
        "qwen3 32b",
        "claude opus 4.7",
        "zzzz",
    ] {
        let query = Query {
            text: text.into(),
            sort: SortKey::InputPrice,
            ..Query::default()
        };
        group.bench_function(format!("/{text}"), |b| {
            b.iter(|| black_box(searcher.run(black_box(&catalog), black_box(&query))))
        });
    }
    let mut open = Query::default();
    open.filters.openish = Some(tierwise::domain::query::Openish::Open);
    open.filters.min_params = Some(7.0);
    group.bench_function("no text, open >= 7B", |b| {
        b.iter(|| black_box(searcher.run(black_box(&catalog), black_box(&open))))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

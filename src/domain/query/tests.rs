use super::*;
use crate::domain::catalog::{Figure, Price};

fn model(id: &str, name: &str, vendor: &str, tier: Openness) -> Model {
    Model {
        id: id.into(),
        name: name.into(),
        vendor: vendor.into(),
        origin: None,
        openness: Figure::new(tier, "s"),
        license: None,
        license_family: LicenseFamily::Unknown,
        release: None,
        total_params_b: None,
        active_params_b: None,
        experts: None,
        context_tokens: None,
        price: None,
        modalities: None,
        scores: Default::default(),
        description: format!("{name} test model"),
        notes: vec![],
        hf_repo: None,
        downloads: None,
        architecture: None,
        offerings: vec![],
    }
}

fn priced(mut m: Model, input: f64) -> Model {
    m.price = Some(Figure::new(
        Price {
            input,
            output: input * 4.0,
            long_context: None,
        },
        "s",
    ));
    m
}

fn catalog() -> Catalog {
    let mut llama = model(
        "llama-3.1-70b",
        "Llama 3.1 70B",
        "Meta",
        Openness::OpenWeightsRestricted,
    );
    llama.total_params_b = Some(Figure::new(70.0, "s"));
    llama.origin = Some(Figure::new("US".into(), "s"));
    let mut r1 = priced(
        model(
            "deepseek-r1",
            "DeepSeek R1",
            "DeepSeek",
            Openness::OpenWeightsPermissive,
        ),
        0.55,
    );
    r1.origin = Some(Figure::new("China".into(), "s"));
    r1.total_params_b = Some(Figure::new(671.0, "s"));
    Catalog {
        sources: vec![],
        models: vec![
            priced(
                model("gpt-5.5", "GPT-5.5", "OpenAI", Openness::ClosedApi),
                5.0,
            ),
            llama,
            r1,
            priced(
                model(
                    "claude-haiku-4.5",
                    "Claude Haiku 4.5",
                    "Anthropic",
                    Openness::ClosedApi,
                ),
                1.0,
            ),
        ],
        gpus: vec![],
    }
}

fn names(c: &Catalog, q: &Query) -> Vec<String> {
    run(c, q)
        .iter()
        .map(|h| c.models[h.index].name.clone())
        .collect()
}

#[test]
fn empty_query_lists_everything_by_name() {
    let c = catalog();
    assert_eq!(
        names(&c, &Query::default()),
        [
            "Claude Haiku 4.5",
            "DeepSeek R1",
            "GPT-5.5",
            "Llama 3.1 70B"
        ]
    );
}

#[test]
fn fuzzy_search_narrows_and_reports_name_matches() {
    let c = catalog();
    let q = Query {
        text: "dpsk".into(),
        ..Query::default()
    };
    let hits = run(&c, &q);
    assert_eq!(hits.len(), 1);
    assert_eq!(c.models[hits[0].index].id, "deepseek-r1");
    assert_eq!(hits[0].name_matches, vec![0, 3, 4, 7]);
    let q = Query {
        text: "meta".into(),
        ..Query::default()
    };
    assert_eq!(names(&c, &q), ["Llama 3.1 70B"]);
}

#[test]
fn a_name_match_outranks_a_vendor_match_which_outranks_the_description() {
    let mut c = catalog();
    c.models[0].description = "Compared with Llama in the article".into();
    let searcher = Searcher::default();
    let rank = |id: &str, text: &str| {
        let m = c.models.iter().find(|m| m.id == id).unwrap();
        searcher.rank(m, text).map(|(r, _)| r)
    };
    let name = rank("llama-3.1-70b", "llama").unwrap();
    let description = rank("gpt-5.5", "llama").unwrap();
    assert!(name > description, "{name} vs {description}");
    let vendor = rank("llama-3.1-70b", "meta").unwrap();
    assert!(name > vendor && vendor > description);
    assert_eq!(rank("gpt-5.5", ""), Some(0));
    assert_eq!(rank("deepseek-r1", "llama"), None);
}

#[test]
fn description_needs_whole_words_not_scattered_letters() {
    let c = catalog();
    // "tst" would fuzzy-match "test" in every description; it must not match at all.
    let q = Query {
        text: "tst".into(),
        ..Query::default()
    };
    assert!(names(&c, &q).is_empty());
    let q = Query {
        text: "test model".into(),
        ..Query::default()
    };
    assert_eq!(names(&c, &q).len(), 4);
}

#[test]
fn filters_combine() {
    let c = catalog();
    let mut q = Query::default();
    q.filters.openish = Some(Openish::Open);
    assert_eq!(names(&c, &q), ["DeepSeek R1", "Llama 3.1 70B"]);
    q.filters.origins.insert("China".into());
    assert_eq!(names(&c, &q), ["DeepSeek R1"]);
    assert_eq!(q.filters.describe(), ["open weights", "origin: China"]);
    let mut q = Query::default();
    q.filters.fits_on = Some(FitsOn {
        gpu_memory_gb: 80.0,
        gpus: 2,
        bytes_per_param: 2.0,
        kv_overhead: 0.0,
    });
    assert_eq!(names(&c, &q), ["Llama 3.1 70B"]);
    q.filters.fits_on.as_mut().unwrap().kv_overhead = 0.2;
    assert!(names(&c, &q).is_empty(), "168 GB does not fit in 160 GB");
}

#[test]
fn unknown_prices_sort_last_in_both_directions() {
    let c = catalog();
    let mut q = Query {
        sort: SortKey::InputPrice,
        ..Query::default()
    };
    assert_eq!(
        names(&c, &q),
        [
            "DeepSeek R1",
            "Claude Haiku 4.5",
            "GPT-5.5",
            "Llama 3.1 70B"
        ]
    );
    q.descending = true;
    assert_eq!(
        names(&c, &q),
        [
            "GPT-5.5",
            "Claude Haiku 4.5",
            "DeepSeek R1",
            "Llama 3.1 70B"
        ]
    );
}

#[test]
fn facets_and_sort_keys_come_from_the_data() {
    let c = catalog();
    let f = facet_values(&c);
    assert_eq!(f.origins, ["China", "US"]);
    assert_eq!(f.vendors.len(), 4);
    assert_eq!(
        sort_keys(&c).len(),
        9,
        "no benchmark is reported by 3 models here"
    );
}

#[test]
fn while_searching_the_best_match_comes_first_whatever_the_sort() {
    let mut c = catalog();
    c.models.push(priced(
        model(
            "deepseek-v3",
            "DeepSeek V3",
            "DeepSeek",
            Openness::OpenWeightsPermissive,
        ),
        0.27,
    ));
    c.models[4].description = "Rivals GPT-4o on many benchmarks".into();
    c.models.push(priced(
        model("gpt-4o-mini", "GPT-4o mini", "OpenAI", Openness::ClosedApi),
        0.15,
    ));
    c.models.push(priced(
        model("gpt-4o", "GPT-4o", "OpenAI", Openness::ClosedApi),
        2.5,
    ));
    let q = Query {
        text: "gpt-4o".into(),
        sort: SortKey::InputPrice,
        ..Query::default()
    };
    let found = names(&c, &q);
    assert_eq!(found[0], "GPT-4o", "{found:?}");
    assert_eq!(found[1], "GPT-4o mini", "{found:?}");
    assert_eq!(
        found.last().unwrap(),
        "DeepSeek V3",
        "a description match ranks last"
    );
}

#[test]
fn words_of_a_search_may_be_split_differently_from_the_name() {
    let mut c = catalog();
    c.models.push(model(
        "qwen3-32b",
        "Qwen3-32B",
        "Qwen",
        Openness::OpenWeightsPermissive,
    ));
    c.models.push(model(
        "qwen3-235b",
        "Qwen3-235B-A22B",
        "Qwen",
        Openness::OpenWeightsPermissive,
    ));
    let q = Query {
        text: "qwen3 32b".into(),
        ..Query::default()
    };
    assert_eq!(names(&c, &q)[0], "Qwen3-32B");
    let q = Query {
        text: "llama 3.1 70b".into(),
        ..Query::default()
    };
    assert_eq!(names(&c, &q), ["Llama 3.1 70B"]);
    let q = Query {
        text: "meta 70b".into(),
        ..Query::default()
    };
    assert_eq!(
        names(&c, &q),
        ["Llama 3.1 70B"],
        "vendor and name words together"
    );
}

#[test]
fn provider_hosted_and_parameter_filters() {
    use crate::domain::catalog::{Offering, OfferingKind};
    let mut c = catalog();
    let offer = |id: &str, provider: &str, kind| Offering {
        id: format!("{id}@{provider}"),
        provider: provider.into(),
        provider_name: provider.to_uppercase(),
        kind,
        region: None,
        price: Figure::new(
            Price {
                input: 1.0,
                output: 2.0,
                long_context: None,
            },
            "s",
        ),
        cache_read: None,
        batch: None,
        context_tokens: None,
        max_output_tokens: None,
        as_of: "2026".into(),
        deprecation: None,
    };
    c.models[1]
        .offerings
        .push(offer("llama-3.1-70b", "groq", OfferingKind::Host));
    c.models[0]
        .offerings
        .push(offer("gpt-5.5", "openai", OfferingKind::FirstParty));
    let mut q = Query::default();
    q.filters.providers.insert("GROQ".into());
    assert_eq!(names(&c, &q), ["Llama 3.1 70B"]);
    let mut q = Query::default();
    q.filters.hosted_only = true;
    assert_eq!(names(&c, &q), ["Llama 3.1 70B"]);
    let mut q = Query::default();
    q.filters.min_params = Some(100.0);
    assert_eq!(names(&c, &q), ["DeepSeek R1"]);
    q.filters.min_params = None;
    q.filters.max_params = Some(100.0);
    assert_eq!(
        names(&c, &q),
        ["Llama 3.1 70B"],
        "unknown counts fail any bound"
    );
    assert_eq!(q.filters.describe(), ["params ≤ 100B"]);
}

#[test]
fn current_models_are_the_priced_the_offered_and_the_most_downloaded_open_ones() {
    let mut models = vec![
        priced(model("api", "Api", "A", Openness::ClosedApi), 1.0),
        model("old-closed", "Old Closed", "A", Openness::ClosedApi),
    ];
    // More open models than the top list holds: downloads 0, 1, 2, ...
    for i in 0..CURRENT_TOP_OPEN + 50 {
        let mut m = model(
            &format!("open-{i}"),
            "Open",
            "B",
            Openness::OpenWeightsPermissive,
        );
        m.downloads = Some(i as u64);
        models.push(m);
    }
    let catalog = Catalog {
        sources: vec![],
        models,
        gpus: vec![],
    };
    let current = Current::for_catalog(&catalog);
    assert_eq!(current.min_downloads, 50);
    let q = Query {
        filters: Filters {
            current: Some(current),
            ..Filters::default()
        },
        ..Query::default()
    };
    let ids: Vec<&str> = run(&catalog, &q)
        .iter()
        .map(|h| catalog.models[h.index].id.as_str())
        .collect();
    assert_eq!(ids.len(), 1 + CURRENT_TOP_OPEN);
    assert!(ids.contains(&"api") && ids.contains(&"open-50") && ids.contains(&"open-249"));
    assert!(!ids.contains(&"old-closed") && !ids.contains(&"open-49"));
    // The scope is not one of the menu's filters.
    assert!(q.filters.menu_is_empty() && !q.filters.is_empty());
}

use super::*;
use crate::data::embedded_catalog;
use crate::domain::catalog::{Alternative, Offering, OfferingKind, Price};

const MD: &str = include_str!("../../../tests/fixtures/update/models-dev-changed.json");
const LL: &str = include_str!("../../../tests/fixtures/update/litellm-small.json");

fn feed(feed: Feed, text: &str) -> FeedText<'_> {
    FeedText {
        feed,
        text,
        date: "2026-12-04".into(),
        address: format!("http://127.0.0.1/{}", feed.file_name()),
    }
}

#[test]
fn fetched_prices_cite_the_fetch_and_carry_its_date() {
    let embedded = embedded_catalog().unwrap();
    let catalog = apply(
        &embedded,
        &[feed(Feed::ModelsDev, MD), feed(Feed::Litellm, LL)],
    )
    .unwrap();
    let opus = catalog.model("claude-opus-4.7").unwrap();
    let lab = opus
        .offerings
        .iter()
        .find(|o| o.provider == "anthropic" && o.region.is_none())
        .expect("the lab's own offering");
    assert_eq!(lab.price.value.input, 4.2);
    assert_eq!(lab.price.sources, vec!["models-dev-fetched".to_string()]);
    assert_eq!(lab.as_of, "2026-12-04");
    // LiteLLM still says $5: kept as an alternative that cites the LiteLLM fetch.
    assert!(
        lab.price
            .alternatives
            .iter()
            .any(|a| a.value.input == 5.0 && a.sources == vec!["litellm-fetched".to_string()])
    );
    let source = catalog.source("models-dev-fetched").unwrap();
    assert_eq!(source.title, "models.dev, fetched 2026-12-04");
    assert_eq!(source.date, "2026-12-04");
    assert_eq!(source.kind, SourceKind::Dataset);
    assert_eq!(
        source.reference.as_deref(),
        Some("http://127.0.0.1/models-dev-api.json")
    );
    // The embedded snapshot's source, where there is one, stays for the figures it backs.
    assert_eq!(
        catalog.source("models-dev").map(|s| &s.date),
        embedded.source("models-dev").map(|s| &s.date)
    );
    // No price anywhere still cites the replaced snapshots.
    for m in &catalog.models {
        for o in &m.offerings {
            assert!(
                o.price
                    .all_sources()
                    .all(|s| s != "models-dev" && s != "litellm"),
                "{}",
                o.id
            );
        }
    }
    assert_eq!(catalog.gpus, embedded.gpus);
}

#[test]
fn stripping_keeps_what_other_sources_state() {
    let mut m = embedded_catalog()
        .unwrap()
        .model("claude-opus-4.7")
        .unwrap()
        .clone();
    let mut offering = Offering {
        id: "claude-opus-4.7@anthropic".into(),
        provider: "anthropic".into(),
        provider_name: "Anthropic".into(),
        kind: OfferingKind::FirstParty,
        region: None,
        price: Figure::new(m.price.as_ref().unwrap().value.clone(), "models-dev"),
        cache_read: None,
        batch: None,
        context_tokens: None,
        max_output_tokens: None,
        as_of: "2026-07-02".into(),
        deprecation: None,
    };
    offering.price.sources.push("litellm".into());
    let mut own = offering.clone();
    own.id = "claude-opus-4.7@mine".into();
    own.price.sources = vec!["user-models".into()];
    m.offerings = vec![offering, own];
    let price = m.price.as_mut().unwrap();
    price.sources = vec!["article".into(), "models-dev".into(), "litellm".into()];
    price.alternatives = vec![
        Alternative {
            value: price.value.clone(),
            sources: vec!["models-dev".into()],
            range: None,
            note: None,
        },
        Alternative {
            value: price.value.clone(),
            sources: vec!["other-article".into(), "litellm".into()],
            range: None,
            note: None,
        },
    ];
    strip_prices(&mut m, &["models-dev", "litellm"]);
    let price = m.price.as_ref().unwrap();
    assert_eq!(price.sources, vec!["article".to_string()]);
    assert_eq!(price.alternatives.len(), 1);
    assert_eq!(
        price.alternatives[0].sources,
        vec!["other-article".to_string()]
    );
    // Offerings only the data sets stated go; one with another source stays.
    assert_eq!(m.offerings.len(), 1);
    assert_eq!(m.offerings[0].id, "claude-opus-4.7@mine");
    // The lab's price shown with an article's beside it: the article's stays, shown.
    let price = m.price.as_mut().unwrap();
    price.sources = vec!["litellm".into()];
    price.alternatives = vec![Alternative {
        value: Price {
            input: 25.0,
            output: 125.0,
            long_context: None,
        },
        sources: vec!["article".into()],
        range: None,
        note: Some("The article's figure.".into()),
    }];
    strip_prices(&mut m, &["litellm"]);
    let price = m.price.as_ref().unwrap();
    assert_eq!((price.value.input, price.value.output), (25.0, 125.0));
    assert_eq!(price.sources, vec!["article".to_string()]);
    assert!(price.alternatives.is_empty());
    assert_eq!(price.note.as_deref(), Some("The article's figure."));
    // A price only the data sets gave goes away whole.
    m.price.as_mut().unwrap().sources = vec!["litellm".into()];
    strip_prices(&mut m, &["litellm"]);
    assert!(m.price.is_none());
}

#[test]
fn models_are_ordered_as_the_import_made_them() {
    let catalog = embedded_catalog().unwrap();
    let rank_of = |id: &str| origin_rank(catalog.model(id).unwrap());
    assert_eq!(rank_of("claude-opus-4.7"), 0);
    let mut hf = catalog.models[0].clone();
    hf.openness.sources = vec!["llmfit".into()];
    assert_eq!(origin_rank(&hf), 2);
    hf.openness.sources = vec!["models-dev".into()];
    assert_eq!(origin_rank(&hf), 1);
}

#[test]
fn refused_files_say_why() {
    let check = |feed_kind, text| check_feed(&feed(feed_kind, text)).unwrap_err();
    let cut = check(Feed::ModelsDev, &MD[..200]);
    assert!(cut.starts_with("not valid JSON ("), "{cut}");
    assert!(cut.contains("cut short"), "{cut}");
    let list = check(Feed::Litellm, "[1, 2]");
    assert_eq!(list, "not LiteLLM data: the top level is not a JSON object");
    let empty = check(Feed::ModelsDev, "{}");
    assert_eq!(empty, "no usable models.dev entry");
    let ok = check_feed(&feed(Feed::Litellm, LL)).unwrap();
    assert_eq!(ok, "1 entry read, 0 skipped");
}

#[test]
fn control_characters_never_reach_the_catalogue() {
    let embedded = embedded_catalog().unwrap();
    let hostile = include_str!("../../../tests/fixtures/update/models-dev-hostile.json");
    let catalog = apply(&embedded, &[feed(Feed::ModelsDev, hostile)]).unwrap();
    for m in &catalog.models {
        let texts = [&m.name, &m.vendor, &m.description];
        for t in texts
            .into_iter()
            .chain(m.offerings.iter().map(|o| &o.provider_name))
        {
            assert!(
                !t.chars().any(|c| c.is_control() || c == '\u{202e}'),
                "{t:?}"
            );
        }
    }
}

#[test]
fn notes_name_the_fetched_sources() {
    assert_eq!(
        swap_word(
            "x@anthropic (models-dev, litellm); models-dev-fetched",
            "models-dev",
            "models-dev-fetched"
        ),
        "x@anthropic (models-dev-fetched, litellm); models-dev-fetched"
    );
}

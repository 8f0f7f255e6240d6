use super::*;
use crate::data::embedded_catalog;
use crate::domain::catalog::{BatchPrice, Figure, OfferingKind};

fn offering(model: &str, provider: &str, input: f64, output: f64) -> Offering {
    Offering {
        id: format!("{model}@{provider}"),
        provider: provider.to_string(),
        provider_name: provider.to_uppercase(),
        kind: OfferingKind::FirstParty,
        region: None,
        price: Figure::new(
            Price {
                input,
                output,
                long_context: None,
            },
            "test",
        ),
        cache_read: None,
        batch: None,
        context_tokens: None,
        max_output_tokens: None,
        as_of: "2026-12-04".into(),
        deprecation: None,
    }
}

fn priced_model_id(c: &Catalog) -> String {
    c.models
        .iter()
        .find(|m| m.price.is_some())
        .expect("a priced model")
        .id
        .clone()
}

#[test]
fn identical_catalogues_have_no_changes() {
    let c = embedded_catalog().unwrap();
    let d = diff(&c, &c);
    assert!(d.is_empty(), "{:?}", d.lines());
    assert_eq!(
        d.summary(),
        "0 new models, 0 removed, 0 new offerings, 0 withdrawn, 0 prices changed"
    );
}

#[test]
fn a_changed_offering_price_reads_old_to_new() {
    let mut old = embedded_catalog().unwrap();
    let id = priced_model_id(&old);
    let i = old.models.iter().position(|m| m.id == id).unwrap();
    old.models[i].offerings = vec![offering(&id, "anthropic", 5.0, 25.0)];
    let mut new = old.clone();
    new.models[i].offerings[0].price.value.input = 4.2;
    let d = diff(&old, &new);
    assert_eq!(d.prices.len(), 1, "{:?}", d.lines());
    let name = &old.models[i].name;
    assert_eq!(
        d.prices[0].to_string(),
        format!("{name} (anthropic) input $5.00 → $4.20/M")
    );
    let key = format!("{id}@anthropic");
    assert!(d.price_change(&id, Some(&key), PriceField::Input).is_some());
    assert!(
        d.price_change(&id, Some(&key), PriceField::Output)
            .is_none()
    );
}

#[test]
fn headline_change_explained_by_an_offering_is_not_repeated() {
    let mut old = embedded_catalog().unwrap();
    let id = priced_model_id(&old);
    let i = old.models.iter().position(|m| m.id == id).unwrap();
    let input = old.models[i].price.as_ref().unwrap().value.input;
    old.models[i].offerings = vec![offering(&id, "lab", input, 1.0)];
    let mut new = old.clone();
    new.models[i].offerings[0].price.value.input = input * 2.0;
    new.models[i].price.as_mut().unwrap().value.input = input * 2.0;
    let d = diff(&old, &new);
    assert_eq!(d.prices.len(), 1, "{:?}", d.lines());
    assert_eq!(
        d.prices[0].offering_id.as_deref(),
        Some(&*format!("{id}@lab"))
    );

    // A headline change of its own is reported under "default".
    new.models[i].price.as_mut().unwrap().value.output += 1.0;
    let d = diff(&old, &new);
    assert!(
        d.prices
            .iter()
            .any(|c| c.seller == "default" && c.field == PriceField::Output),
        "{:?}",
        d.lines()
    );
}

#[test]
fn per_token_rounding_is_not_a_change() {
    let mut old = embedded_catalog().unwrap();
    let id = priced_model_id(&old);
    let i = old.models.iter().position(|m| m.id == id).unwrap();
    old.models[i].offerings = vec![offering(&id, "x", 3.0, 15.0)];
    let mut new = old.clone();
    // 3e-06 per token read back as per-million is 2.9999999999999997.
    new.models[i].offerings[0].price.value.input = 3e-06 * 1e6;
    assert!(diff(&old, &new).is_empty());
}

#[test]
fn added_and_removed_models_and_offerings_are_listed() {
    let old = embedded_catalog().unwrap();
    let mut new = old.clone();
    let gone = new.models.remove(0);
    let mut fresh = new.models[0].clone();
    fresh.id = "brand-new-model".into();
    fresh.name = "Brand New".into();
    new.models.push(fresh);
    let keep = new.models[0].id.clone();
    new.models[0]
        .offerings
        .push(offering(&keep, "groq", 0.5, 0.8));
    let d = diff(&old, &new);
    assert_eq!(d.added.len(), 1);
    assert_eq!(d.added[0].id, "brand-new-model");
    assert_eq!(d.removed.len(), 1);
    assert_eq!(d.removed[0].id, gone.id);
    assert_eq!(d.offerings_added.len(), 1);
    assert_eq!(d.offerings_added[0].seller, "groq");
    let lines = d.lines();
    assert!(lines.contains(&"new model: Brand New (brand-new-model)".to_string()));
    assert!(lines.iter().any(|l| l.starts_with("removed model: ")));
    // The reverse direction withdraws the offering.
    let back = diff(&new, &old);
    assert_eq!(back.offerings_removed.len(), 1);
    assert!(
        back.lines()
            .iter()
            .any(|l| l.starts_with("withdrawn offering: "))
    );
}

#[test]
fn prices_that_appear_or_vanish_show_none() {
    let mut old = embedded_catalog().unwrap();
    let id = priced_model_id(&old);
    let i = old.models.iter().position(|m| m.id == id).unwrap();
    old.models[i].offerings = vec![offering(&id, "p", 1.0, 2.0)];
    let mut new = old.clone();
    new.models[i].offerings[0].cache_read = Some(0.1);
    new.models[i].offerings[0].batch = Some(BatchPrice {
        input: 0.5,
        output: 1.0,
    });
    let d = diff(&old, &new);
    let shown: Vec<String> = d.prices.iter().map(ToString::to_string).collect();
    let name = &old.models[i].name;
    assert!(
        shown.contains(&format!("{name} (p) cache read none → $0.10/M")),
        "{shown:?}"
    );
    assert!(
        shown.contains(&format!("{name} (p) batch input none → $0.50/M")),
        "{shown:?}"
    );
    assert_eq!(d.prices.len(), 3);
    let regional = Offering {
        region: Some("eu".into()),
        ..offering(&id, "bedrock", 1.0, 2.0)
    };
    assert_eq!(seller(&regional), "bedrock eu");
}

//! Building offerings and folding one source's value into a figure: equal values add the
//! source, different ones become alternatives, so a disagreement stays visible.

use super::Doubt;
use super::litellm::PriceEntry;
use super::models_dev::ApiRow;
use super::providers::ProviderInfo;
use crate::domain::catalog::{Alternative, Figure, Model, Offering, OfferingKind, Price};

/// Two prices agree when both sides are within a thousandth of a cent per million.
fn same_price(a: &Price, b: &Price) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() < 1e-5;
    close(a.input, b.input) && close(a.output, b.output)
}

/// Adds `value` from `source` to `figure`: as a further source when it agrees with the value
/// or an alternative, otherwise as a new alternative with `note`.
pub fn fold<T: Clone>(
    figure: &mut Figure<T>,
    value: &T,
    sources: &[String],
    note: Option<String>,
    same: impl Fn(&T, &T) -> bool,
) {
    let add = |list: &mut Vec<String>| {
        for s in sources {
            if !list.contains(s) {
                list.push(s.clone());
            }
        }
    };
    if same(&figure.value, value) {
        add(&mut figure.sources);
        return;
    }
    if let Some(alt) = figure
        .alternatives
        .iter_mut()
        .find(|a| same(&a.value, value))
    {
        add(&mut alt.sources);
        return;
    }
    figure.alternatives.push(Alternative {
        value: value.clone(),
        sources: sources.to_vec(),
        range: None,
        note,
    });
}

/// Folds into an optional figure, creating it when absent. A disagreeing value is noted as
/// the data set's own, and the default keeps its place: the first source to state it.
pub fn fold_opt<T: Clone>(
    figure: &mut Option<Figure<T>>,
    value: &T,
    source: &str,
    same: impl Fn(&T, &T) -> bool,
) {
    match figure {
        None => *figure = Some(Figure::new(value.clone(), source)),
        Some(f) => {
            let note = format!(
                "As the {source} data set states it; the default is the first source's value."
            );
            fold(f, value, &[source.to_string()], Some(note), same);
            if f.is_conflicting() && f.note.is_none() {
                f.note = Some("The sources disagree; the default is the value stated first (the curated or API figure).".into());
            }
        }
    }
}

/// Folds every value of `claim` (its own and its alternatives) into `target`, which keeps its
/// shown value; an absent `target` becomes `claim`. A claim that agrees with the shown value
/// adds its sources and, where the shown value has none, its remark; a disagreeing claim
/// becomes an alternative carrying its remark.
pub fn fold_in<T: Clone>(
    target: &mut Option<Figure<T>>,
    claim: Figure<T>,
    same: impl Fn(&T, &T) -> bool + Copy,
) {
    let Some(t) = target else {
        *target = Some(claim);
        return;
    };
    let agrees = same(&t.value, &claim.value);
    fold(t, &claim.value, &claim.sources, claim.note.clone(), same);
    if agrees && let Some(remark) = claim.note {
        t.note = Some(match t.note.take() {
            Some(n) if n != remark => format!("{n} {remark}"),
            _ => remark,
        });
    }
    for alt in claim.alternatives {
        // An article's remark on a value another source also gives stays with that value.
        if let (Some(remark), Some(existing)) = (
            &alt.note,
            t.alternatives
                .iter_mut()
                .find(|a| same(&a.value, &alt.value)),
        ) {
            existing.note = Some(match existing.note.take() {
                Some(n) if !n.contains(remark.as_str()) => format!("{n} {remark}"),
                Some(n) => n,
                None => remark.clone(),
            });
        }
        fold(t, &alt.value, &alt.sources, alt.note, same);
    }
}

pub fn close_f64(a: &f64, b: &f64) -> bool {
    (a - b).abs() <= 0.02 * a.abs().max(b.abs())
}

pub fn offering_id(model: &str, provider: &str, region: Option<&str>) -> String {
    match region {
        Some(r) => format!("{model}@{provider}.{r}"),
        None => format!("{model}@{provider}"),
    }
}

/// Adds a models.dev row to the model's offerings (or to the existing one as an alternative).
pub fn add_models_dev(m: &mut Model, row: &ApiRow, info: &ProviderInfo, source: &str, as_of: &str) {
    let Some(p) = &row.price else { return };
    let price = Price {
        input: p.input,
        output: p.output,
        long_context: p.long_context.clone(),
    };
    let id = offering_id(&m.id, info.id, info.region);
    if let Some(o) = m.offerings.iter_mut().find(|o| o.id == id) {
        let note = Some(format!(
            "models.dev also lists {} under the key {:?}",
            info.id, row.key
        ));
        fold(
            &mut o.price,
            &price,
            &[source.to_string()],
            note,
            same_price,
        );
        return;
    }
    m.offerings.push(Offering {
        id,
        provider: info.id.to_string(),
        provider_name: row.provider_name.clone(),
        kind: info.kind_for(&m.vendor),
        region: info.region.map(str::to_string),
        price: Figure::new(price, source),
        cache_read: p.cache_read,
        batch: None,
        context_tokens: row.context,
        max_output_tokens: row.max_output,
        as_of: as_of.to_string(),
        deprecation: None,
    });
}

/// Adds a LiteLLM entry: to the matching offering (its price agreeing or as an alternative,
/// plus batch, cache and retirement facts models.dev lacks), or as a new offering.
pub fn add_litellm(
    m: &mut Model,
    e: &PriceEntry,
    info: &ProviderInfo,
    region: Option<&str>,
    provider_name: &str,
    source: &str,
    as_of: &str,
) {
    let price = Price {
        input: e.input,
        output: e.output,
        long_context: e.long_context.clone(),
    };
    let region = region.or(info.region);
    let id = offering_id(&m.id, info.id, region);
    let note = match &e.source_url {
        Some(url) => format!("LiteLLM key {:?}, citing {url}", e.key),
        None => format!("LiteLLM key {:?}", e.key),
    };
    if let Some(o) = m.offerings.iter_mut().find(|o| o.id == id) {
        // LiteLLM writes 0 where it lacks a price; free plans come from models.dev.
        let free = price.input == 0.0 && price.output == 0.0;
        if !(free && o.price.value.input + o.price.value.output > 0.0) {
            fold(
                &mut o.price,
                &price,
                &[source.to_string()],
                Some(note),
                same_price,
            );
        }
        o.cache_read = o.cache_read.or(e.cache_read);
        o.batch = o.batch.clone().or(e.batch.clone());
        o.deprecation = o.deprecation.clone().or(e.deprecation.clone());
        o.context_tokens = o.context_tokens.or(e.max_input_tokens);
        o.max_output_tokens = o.max_output_tokens.or(e.max_output_tokens);
        return;
    }
    let mut figure = Figure::new(price, source);
    figure.note = Some(note);
    m.offerings.push(Offering {
        id,
        provider: info.id.to_string(),
        provider_name: provider_name.to_string(),
        kind: info.kind_for(&m.vendor),
        region: region.map(str::to_string),
        price: figure,
        cache_read: e.cache_read,
        batch: e.batch.clone(),
        context_tokens: e.max_input_tokens,
        max_output_tokens: e.max_output_tokens,
        as_of: as_of.to_string(),
        deprecation: e.deprecation.clone(),
    });
}

/// The offering whose price is the model's headline price: the lab's own (no region first),
/// else the cheapest by input plus output. Free plans are listed but never the headline,
/// since a free preview says nothing about what the work will cost.
pub fn default_offering(offerings: &[Offering]) -> Option<&Offering> {
    let paid = |o: &&Offering| o.price.value.input + o.price.value.output > 0.0;
    let first_party = offerings
        .iter()
        .filter(paid)
        .filter(|o| o.kind == OfferingKind::FirstParty)
        .min_by(|a, b| (a.region.is_some(), &a.id).cmp(&(b.region.is_some(), &b.id)));
    first_party.or_else(|| {
        offerings.iter().filter(paid).min_by(|a, b| {
            let cost = |o: &Offering| o.price.value.input + o.price.value.output;
            cost(a).total_cmp(&cost(b)).then_with(|| a.id.cmp(&b.id))
        })
    })
}

/// Sorts offerings cheapest first (free plans last, as they are not the headline) and sets
/// the model's price from the default offering and the articles' figures.
///
/// The rule: where the model's own lab sells it, the lab's list price in the dated snapshots
/// is shown and an article's different figure is kept as an alternative (an article that
/// agrees adds its source and remark). Where no lab sells it, the offering is only the
/// cheapest host's, which is not a list price: an article's figure stays shown and the host's
/// price joins as an alternative.
///
/// A lab price the curated facts doubt (`curated/doubts.ron`) is treated as a host's: kept as
/// an alternative with the reason, the article's figure shown.
pub fn settle_price(m: &mut Model, doubts: &[Doubt]) {
    let cost = |o: &Offering| {
        let c = o.price.value.input + o.price.value.output;
        if c > 0.0 { c } else { f64::INFINITY }
    };
    m.offerings
        .sort_by(|a, b| cost(a).total_cmp(&cost(b)).then_with(|| a.id.cmp(&b.id)));
    let Some(default) = default_offering(&m.offerings) else {
        return;
    };
    let doubt = doubts
        .iter()
        .find(|d| d.model == m.id && default.price.sources.iter().all(|s| *s == d.source));
    let lab = default.kind == OfferingKind::FirstParty && (doubt.is_none() || m.price.is_none());
    let why = if default.kind == OfferingKind::FirstParty {
        format!("{}'s own price", default.provider_name)
    } else {
        format!("the cheapest offering, {}", default.provider_name)
    };
    let mut upstream = default.price.clone();
    for alt in &mut upstream.alternatives {
        alt.note = Some(match &alt.note {
            Some(n) => format!("{}: {n}", default.id),
            None => format!("{} ({})", default.id, alt.sources.join(", ")),
        });
    }
    let Some(article) = m.price.take() else {
        upstream.note = Some(format!(
            "Default: {why} ({}); every offering is listed under offerings.",
            default.id
        ));
        m.price = Some(upstream);
        return;
    };
    let out;
    if lab {
        upstream.note = Some(format!(
            "Default: {why} ({}), the list price in the dated data sets; every offering is listed under offerings.",
            default.id
        ));
        let agrees = same_price(&upstream.value, &article.value);
        let mut shown = Some(upstream);
        fold_in(&mut shown, article, same_price);
        if !agrees && let Some(f) = &mut shown {
            f.note = f
                .note
                .take()
                .map(|n| format!("{n} The articles' figures are kept as alternatives."));
        }
        out = shown;
    } else {
        let mut f = article;
        let before = f.alternatives.len();
        let label = match doubt {
            Some(d) => format!(
                "{} ({}): doubted: {}",
                default.id,
                upstream.sources.join(", "),
                d.why
            ),
            None => format!("{} ({})", default.id, upstream.sources.join(", ")),
        };
        fold(
            &mut f,
            &upstream.value,
            &upstream.sources,
            Some(label),
            same_price,
        );
        for alt in upstream.alternatives {
            fold(&mut f, &alt.value, &alt.sources, alt.note, same_price);
        }
        if f.alternatives.len() > before {
            let rule = if doubt.is_some() {
                format!(
                    "Default: the article's figure, as the lab's price in the data set is doubted (see its note); {why} and the other sources' values are alternatives."
                )
            } else {
                format!(
                    "Default: the article's figure, as no lab sells the model itself; {why} and the other sources' values are alternatives."
                )
            };
            f.note = Some(match f.note.take() {
                Some(n) => format!("{n} {rule}"),
                None => rule,
            });
        }
        out = Some(f);
    }
    m.price = out;
}

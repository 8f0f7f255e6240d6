//! Which source's value a model's facts show, and where every other value goes.
//!
//! The rule, in order of precedence (the first source that states a value is shown, every
//! disagreeing value stays as an alternative with its own sources and note):
//!
//! - context window: for open weights, the model's published config (aiconfigurator, a
//!   curated config, llmfit), then the lab's own API listing; for API-only models, the lab's
//!   own API listing (models.dev's first-party rows, then LiteLLM's first-party entry); then
//!   the articles, then the first cloud's or host's listing (its own limit, also on its
//!   offering);
//! - release date: the lab's own API listing, then the articles, then the Hugging Face
//!   repository's date (llmfit), then the first other API listing;
//! - modalities: the lab's own API listing, then the articles, then any other listing (a gap
//!   only);
//! - list price: see `merge_prices::settle_price` (the lab's own price over an article's);
//! - parameters stay as the articles quote the vendor's announcement, llmfit's count (which
//!   includes every tensor of the checkpoint) joining as an alternative.
//!
//! An article that agrees with the shown value adds its sources to it and keeps its remark.

use super::identity::normalise;
use super::merge_prices::{fold, fold_in};
use super::model_index::source_ids;
use super::models_dev::ApiRow;
use crate::domain::catalog::{Figure, Modality, Model};

/// The facts one API listing states about a model.
#[derive(Debug, Clone, Default)]
struct RowFacts {
    provider: String,
    key: String,
    context: Option<u64>,
    release: Option<String>,
    modalities: Vec<Modality>,
}

impl RowFacts {
    fn of(row: &ApiRow) -> Self {
        RowFacts {
            provider: row.provider_name.clone(),
            key: row.key.clone(),
            context: row.context,
            release: row.release.clone(),
            modalities: row.modalities.clone(),
        }
    }
}

/// What the API data sets say about one model: every listing by the model's own lab, and the
/// first listing by anyone else.
#[derive(Debug, Clone, Default)]
pub struct ApiFacts {
    lab: Vec<RowFacts>,
    other: Option<RowFacts>,
    lab_litellm_context: Option<u64>,
}

impl ApiFacts {
    /// Records a models.dev row; `lab` when the model's own maker sells it there.
    pub fn see_row(&mut self, row: &ApiRow, lab: bool) {
        if lab {
            self.lab.push(RowFacts::of(row));
        } else if self.other.is_none() {
            self.other = Some(RowFacts::of(row));
        }
    }

    /// Records the context window of a LiteLLM entry from the model's own maker.
    pub fn see_litellm_lab_context(&mut self, context: Option<u64>) {
        if self.lab_litellm_context.is_none() {
            self.lab_litellm_context = context;
        }
    }
}

/// The articles' statements of the facts the data sets also give, set aside while the data
/// sets' values are gathered so that every value lands in its place of precedence.
#[derive(Debug, Clone, Default)]
pub struct ArticleFacts {
    context: Option<Figure<u64>>,
    release: Option<Figure<String>>,
    modalities: Option<Figure<Vec<Modality>>>,
}

impl ArticleFacts {
    pub fn take(m: &mut Model) -> Self {
        ArticleFacts {
            context: m.context_tokens.take(),
            release: m.release.take(),
            modalities: m.modalities.take(),
        }
    }
}

/// Two release dates agree when one is the other written less precisely (`2024`, `2024-05-13`).
pub fn same_date(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// One source's statement of a fact, with where it ranks in the rule.
struct Claim<T> {
    figure: Figure<T>,
    /// Who it is, for the note on a disputed figure ("the lab's own API listing").
    rank: &'static str,
    /// An article's note is a remark on its value, kept even when the value agrees.
    remark: bool,
}

const LAB: &str = "the lab's own API listing in the dated data sets";
const CONFIG: &str = "the model's published config";
const ARTICLE: &str = "the articles' figure, as no data set ranked above them states one";
const OTHER: &str = "the first cloud or host listing, as no better source states one";
const REPO: &str = "the Hugging Face repository's date (llmfit)";

fn data<T>(figure: Figure<T>, rank: &'static str) -> Claim<T> {
    Claim {
        figure,
        rank,
        remark: false,
    }
}

fn article<T>(figure: Figure<T>) -> Claim<T> {
    Claim {
        figure,
        rank: ARTICLE,
        remark: true,
    }
}

/// Builds one fact from its claims, best first; `gap` is used only when no claim states it.
fn settle<T: Clone>(
    claims: Vec<Claim<T>>,
    gap: Option<Figure<T>>,
    same: impl Fn(&T, &T) -> bool + Copy,
    what: &str,
) -> Option<Figure<T>> {
    let mut out: Option<Figure<T>> = None;
    let mut shown = None;
    for mut c in claims {
        if out.is_none() && c.rank == OTHER {
            // Shown for want of better: the note is for when it is an alternative.
            c.figure.note = None;
        }
        shown = shown.or(Some(c.rank));
        match &mut out {
            Some(f) if !c.remark => {
                fold(f, &c.figure.value, &c.figure.sources, c.figure.note, same);
                for alt in c.figure.alternatives {
                    fold(f, &alt.value, &alt.sources, alt.note, same);
                }
            }
            _ => fold_in(&mut out, c.figure, same),
        }
    }
    if out.is_none() {
        out = gap;
    }
    if let Some(f) = &mut out
        && f.is_conflicting()
        && f.note.is_none()
    {
        let by = shown.unwrap_or("the only listing that states it");
        f.note = Some(format!(
            "Shown: the {what} from {by}; the other sources' values are alternatives."
        ));
    }
    out
}

/// The lab's listings, the one under the model's own name first; the others note their key.
fn lab_claims<T>(
    lab: &[RowFacts],
    model_id: &str,
    value: impl Fn(&RowFacts) -> Option<T>,
) -> Vec<Claim<T>> {
    let own = normalise(model_id);
    let mut rows: Vec<&RowFacts> = lab.iter().collect();
    rows.sort_by_key(|r| normalise(&r.key) != own);
    let mut out = Vec::new();
    for r in rows {
        let Some(v) = value(r) else { continue };
        let mut f = Figure::new(v, source_ids::MODELS_DEV);
        if !out.is_empty() {
            f.note = Some(format!(
                "models.dev's listing under the lab's key {:?}.",
                r.key
            ));
        }
        out.push(data(f, LAB));
    }
    out
}

/// A cloud's or host's listing: the last word, noted with who lists it.
fn other_claim<T>(value: T, row: &RowFacts) -> Claim<T> {
    let mut f = Figure::new(value, source_ids::MODELS_DEV);
    f.note = Some(format!(
        "As {} lists it under {:?} in models.dev; a host's own limit is on its offering.",
        row.provider, row.key
    ));
    data(f, OTHER)
}

/// Sets the model's context, release and modalities from every source by the rule above. The
/// context its configs give and llmfit's date (set by `fill_from_hf`) are read from the model.
pub fn settle_facts(m: &mut Model, api: ApiFacts, articles: ArticleFacts) {
    let md = source_ids::MODELS_DEV;
    let other = api.other.unwrap_or_default();

    let config: Vec<Claim<u64>> = m
        .context_tokens
        .take()
        .map(|f| data(f, CONFIG))
        .into_iter()
        .collect();
    let mut lab = lab_claims(&api.lab, &m.id, |r| r.context);
    lab.extend(
        api.lab_litellm_context
            .map(|c| data(Figure::new(c, source_ids::LITELLM), LAB)),
    );
    let mut claims = if m.is_open_weights() {
        config.into_iter().chain(lab).collect::<Vec<_>>()
    } else {
        lab.into_iter().chain(config).collect()
    };
    claims.extend(articles.context.map(article));
    claims.extend(other.context.map(|c| other_claim(c, &other)));
    m.context_tokens = settle(claims, None, |a, b| a == b, "context window");

    let mut claims = lab_claims(&api.lab, &m.id, |r| r.release.clone());
    claims.extend(articles.release.map(article));
    claims.extend(m.release.take().map(|f| data(f, REPO)));
    claims.extend(other.release.clone().map(|r| other_claim(r, &other)));
    m.release = settle(
        claims,
        None,
        |a: &String, b: &String| same_date(a, b),
        "release date",
    );

    let mut claims = lab_claims(&api.lab, &m.id, |r| {
        (!r.modalities.is_empty()).then(|| r.modalities.clone())
    });
    claims.extend(articles.modalities.map(article));
    let gap = (!other.modalities.is_empty()).then(|| Figure::new(other.modalities, md));
    m.modalities = settle(claims, gap, |a, b| a == b, "modalities");
}

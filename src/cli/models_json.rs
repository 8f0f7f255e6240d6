//! The JSON shape of `tierwise models --format json`: every figure carries its sources and
//! every conflicting value; an unknown figure is `null`, never zero.

pub use super::offering_json::{ArchitectureJson, OfferingJson};
use crate::domain::catalog::{Alternative, Figure, LongContextPrice, Model, Note, Price};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize)]
pub struct FigureJson<T> {
    pub value: T,
    pub sources: Vec<String>,
    /// Low and high ends when the source gives a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<(T, T)>,
    pub alternatives: Vec<AlternativeJson<T>>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct AlternativeJson<T> {
    pub value: T,
    pub sources: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<(T, T)>,
    pub note: Option<String>,
}

impl<T> FigureJson<T> {
    /// Convert a figure, mapping each stated value (default, range ends, alternatives).
    pub fn map<U>(f: &Figure<U>, conv: impl Fn(&U) -> T) -> Self {
        let range = |r: &Option<(U, U)>| r.as_ref().map(|(a, b)| (conv(a), conv(b)));
        FigureJson {
            value: conv(&f.value),
            sources: f.sources.clone(),
            range: range(&f.range),
            alternatives: f
                .alternatives
                .iter()
                .map(|a: &Alternative<U>| AlternativeJson {
                    value: conv(&a.value),
                    sources: a.sources.clone(),
                    range: range(&a.range),
                    note: a.note.clone(),
                })
                .collect(),
            note: f.note.clone(),
        }
    }
}

fn opt<U, T>(f: &Option<Figure<U>>, conv: impl Fn(&U) -> T) -> Option<FigureJson<T>> {
    f.as_ref().map(|f| FigureJson::map(f, conv))
}

#[derive(Debug, Serialize)]
pub struct PriceJson {
    pub input_usd_per_million: f64,
    pub output_usd_per_million: f64,
    pub long_context: Option<LongContextJson>,
}

#[derive(Debug, Serialize)]
pub struct LongContextJson {
    pub above_prompt_tokens: u64,
    pub input_usd_per_million: f64,
    pub output_usd_per_million: f64,
}

impl From<&Price> for PriceJson {
    fn from(p: &Price) -> Self {
        PriceJson {
            input_usd_per_million: p.input,
            output_usd_per_million: p.output,
            long_context: p
                .long_context
                .as_ref()
                .map(|l: &LongContextPrice| LongContextJson {
                    above_prompt_tokens: l.above_tokens,
                    input_usd_per_million: l.input,
                    output_usd_per_million: l.output,
                }),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ModelJson {
    pub id: String,
    pub name: String,
    pub vendor: String,
    pub origin: Option<FigureJson<String>>,
    pub openness: FigureJson<&'static str>,
    pub license: Option<FigureJson<String>>,
    pub license_family: &'static str,
    pub release: Option<FigureJson<String>>,
    pub total_params_b: Option<FigureJson<f64>>,
    /// Stated only for mixture-of-experts models; `null` means not stated separately.
    pub active_params_b: Option<FigureJson<f64>>,
    pub experts: Option<FigureJson<u32>>,
    pub context_tokens: Option<FigureJson<u64>>,
    pub price: Option<FigureJson<PriceJson>>,
    pub modalities: Option<FigureJson<Vec<&'static str>>>,
    pub scores: BTreeMap<String, FigureJson<f64>>,
    pub description: String,
    pub notes: Vec<Note>,
    /// Hugging Face repository of the weights (open models).
    pub hf_repo: Option<String>,
    /// Hugging Face downloads at the data set's snapshot.
    pub downloads: Option<u64>,
    pub architecture: Option<FigureJson<ArchitectureJson>>,
    /// Every way to buy it through an API, cheapest first.
    pub offerings: Vec<OfferingJson>,
}

impl From<&Model> for ModelJson {
    fn from(m: &Model) -> Self {
        ModelJson {
            id: m.id.clone(),
            name: m.name.clone(),
            vendor: m.vendor.clone(),
            origin: opt(&m.origin, Clone::clone),
            openness: FigureJson::map(&m.openness, |o| o.as_str()),
            license: opt(&m.license, Clone::clone),
            license_family: m.license_family.as_str(),
            release: opt(&m.release, Clone::clone),
            total_params_b: opt(&m.total_params_b, |v| *v),
            active_params_b: opt(&m.active_params_b, |v| *v),
            experts: opt(&m.experts, |v| *v),
            context_tokens: opt(&m.context_tokens, |v| *v),
            price: opt(&m.price, |p| PriceJson::from(p)),
            modalities: opt(&m.modalities, |v| v.iter().map(|m| m.as_str()).collect()),
            scores: m
                .scores
                .iter()
                .map(|(k, f)| (k.clone(), FigureJson::map(f, |v| *v)))
                .collect(),
            description: m.description.clone(),
            notes: m.notes.clone(),
            hf_repo: m.hf_repo.clone(),
            downloads: m.downloads,
            architecture: opt(&m.architecture, |a| ArchitectureJson::from(a)),
            offerings: m.offerings.iter().map(OfferingJson::from).collect(),
        }
    }
}

/// The JSON document: an array of models, pretty-printed, with a final newline.
pub fn render(models: &[&Model]) -> Result<String, serde_json::Error> {
    let docs: Vec<ModelJson> = models.iter().map(|m| ModelJson::from(*m)).collect();
    let mut text = serde_json::to_string_pretty(&docs)?;
    text.push('\n');
    Ok(text)
}

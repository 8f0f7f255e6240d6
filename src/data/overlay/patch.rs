//! What a user file may say: every entry of the embedded files with every field optional but
//! the id, and figures whose sources may be left out. Unknown fields are errors at every level.
//! Struct names are renamed so parse errors speak of `Model`, `Figure`, ..., not Rust types.

use crate::domain::catalog::{
    Alternative, Figure, LicenseFamily, Modality, Note, Openness, Price, SourceId,
};
use crate::domain::rules::{Match, Region, Sector, Severity};
use serde::Deserialize;
use std::collections::BTreeMap;

/// A figure in a user file: like the embedded one, but `sources` may be omitted.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(
    rename = "Figure",
    deny_unknown_fields,
    bound(deserialize = "T: Deserialize<'de>")
)]
pub struct FigurePatch<T> {
    pub value: T,
    #[serde(default)]
    pub sources: Vec<SourceId>,
    #[serde(default)]
    pub range: Option<(T, T)>,
    #[serde(default)]
    pub alternatives: Vec<AlternativePatch<T>>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(
    rename = "Alternative",
    deny_unknown_fields,
    bound(deserialize = "T: Deserialize<'de>")
)]
pub struct AlternativePatch<T> {
    pub value: T,
    #[serde(default)]
    pub sources: Vec<SourceId>,
    #[serde(default)]
    pub range: Option<(T, T)>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Note", deny_unknown_fields)]
pub struct NotePatch {
    pub text: String,
    #[serde(default)]
    pub sources: Vec<SourceId>,
}

/// One entry of the user's models.ron.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Model", deny_unknown_fields)]
pub struct ModelPatch {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub vendor: Option<String>,
    #[serde(default)]
    pub origin: Option<FigurePatch<String>>,
    #[serde(default)]
    pub openness: Option<FigurePatch<Openness>>,
    #[serde(default)]
    pub license: Option<FigurePatch<String>>,
    #[serde(default)]
    pub license_family: Option<LicenseFamily>,
    #[serde(default)]
    pub release: Option<FigurePatch<String>>,
    #[serde(default)]
    pub total_params_b: Option<FigurePatch<f64>>,
    #[serde(default)]
    pub active_params_b: Option<FigurePatch<f64>>,
    #[serde(default)]
    pub experts: Option<FigurePatch<u32>>,
    #[serde(default)]
    pub context_tokens: Option<FigurePatch<u64>>,
    #[serde(default)]
    pub price: Option<FigurePatch<Price>>,
    #[serde(default)]
    pub modalities: Option<FigurePatch<Vec<Modality>>>,
    /// Merged per benchmark: a score given here replaces that benchmark's figure only.
    #[serde(default)]
    pub scores: BTreeMap<String, FigurePatch<f64>>,
    #[serde(default)]
    pub description: Option<String>,
    /// Added after the entry's own notes.
    #[serde(default)]
    pub notes: Vec<NotePatch>,
}

/// One entry of the user's gpus.ron.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Gpu", deny_unknown_fields)]
pub struct GpuPatch {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub vendor: Option<String>,
    #[serde(default)]
    pub memory_gb: Option<FigurePatch<f64>>,
    #[serde(default)]
    pub bf16_tflops: Option<FigurePatch<f64>>,
    #[serde(default)]
    pub power_w: Option<FigurePatch<f64>>,
    #[serde(default)]
    pub purchase_usd: Option<FigurePatch<f64>>,
    #[serde(default)]
    pub rent_usd_per_hour: Option<FigurePatch<f64>>,
    #[serde(default)]
    pub notes: Vec<NotePatch>,
}

/// A rule in the user's rules.ron; `source` may be omitted. Replaces a rule with the same id.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Rule", deny_unknown_fields)]
pub struct RulePatch {
    pub id: String,
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub sectors: Vec<String>,
    #[serde(default)]
    pub when: Match,
    pub severity: Severity,
    pub message: String,
    #[serde(default)]
    pub source: Option<SourceId>,
}

/// The user's rules.ron: regions, sectors and rules, each merged by id.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename = "Rules", deny_unknown_fields)]
pub struct RulesPatch {
    #[serde(default)]
    pub regions: Vec<Region>,
    #[serde(default)]
    pub sectors: Vec<Sector>,
    #[serde(default)]
    pub rules: Vec<RulePatch>,
}

/// Sources of a user figure: the user's own source first, then any the file names.
fn user_sources(given: Vec<SourceId>, user: &str) -> Vec<SourceId> {
    let mut out = vec![user.to_string()];
    out.extend(given.into_iter().filter(|s| s != user));
    out
}

impl<T> FigurePatch<T> {
    /// The figure this patch states, citing the user's source.
    pub fn into_figure(self, user: &str) -> Figure<T> {
        Figure {
            value: self.value,
            sources: user_sources(self.sources, user),
            range: self.range,
            alternatives: self
                .alternatives
                .into_iter()
                .map(|a| Alternative {
                    value: a.value,
                    sources: user_sources(a.sources, user),
                    range: a.range,
                    note: a.note,
                })
                .collect(),
            note: self.note,
        }
    }
}

impl NotePatch {
    pub fn into_note(self, user: &str) -> Note {
        Note {
            text: self.text,
            sources: user_sources(self.sources, user),
        }
    }
}

/// Remove control characters and bidirectional overrides; tabs and line breaks become spaces.
/// Such characters can rearrange or hide text on a terminal.
pub fn clean_text(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if is_unsafe(c) => None,
            c => Some(c),
        })
        .collect()
}

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

/// Cleans every string a loaded value holds.
pub trait Clean {
    fn clean(&mut self);
}

impl Clean for String {
    fn clean(&mut self) {
        if self.chars().any(is_unsafe) {
            *self = clean_text(self);
        }
    }
}

macro_rules! no_strings {
    ($($t:ty),*) => { $(impl Clean for $t { fn clean(&mut self) {} })* };
}
no_strings!(
    f64,
    u32,
    u64,
    Openness,
    LicenseFamily,
    Modality,
    Price,
    Severity
);

impl<T: Clean> Clean for Option<T> {
    fn clean(&mut self) {
        if let Some(v) = self {
            v.clean();
        }
    }
}

impl<T: Clean> Clean for Vec<T> {
    fn clean(&mut self) {
        self.iter_mut().for_each(Clean::clean);
    }
}

impl<A: Clean, B: Clean> Clean for (A, B) {
    fn clean(&mut self) {
        self.0.clean();
        self.1.clean();
    }
}

impl<T: Clean> Clean for BTreeMap<String, T> {
    fn clean(&mut self) {
        let old = std::mem::take(self);
        for (mut key, mut value) in old {
            key.clean();
            value.clean();
            self.insert(key, value);
        }
    }
}

impl<T: Clean> Clean for FigurePatch<T> {
    fn clean(&mut self) {
        self.value.clean();
        self.sources.clean();
        self.range.clean();
        for alt in &mut self.alternatives {
            alt.value.clean();
            alt.sources.clean();
            alt.range.clean();
            alt.note.clean();
        }
        self.note.clean();
    }
}

impl Clean for NotePatch {
    fn clean(&mut self) {
        self.text.clean();
        self.sources.clean();
    }
}

impl Clean for ModelPatch {
    fn clean(&mut self) {
        self.id.clean();
        self.name.clean();
        self.vendor.clean();
        self.origin.clean();
        self.openness.clean();
        self.license.clean();
        self.release.clean();
        self.total_params_b.clean();
        self.active_params_b.clean();
        self.experts.clean();
        self.context_tokens.clean();
        self.price.clean();
        self.modalities.clean();
        self.scores.clean();
        self.description.clean();
        self.notes.clean();
    }
}

impl Clean for GpuPatch {
    fn clean(&mut self) {
        self.id.clean();
        self.name.clean();
        self.vendor.clean();
        self.memory_gb.clean();
        self.bf16_tflops.clean();
        self.power_w.clean();
        self.purchase_usd.clean();
        self.rent_usd_per_hour.clean();
        self.notes.clean();
    }
}

impl Clean for Match {
    fn clean(&mut self) {
        self.origins.clean();
        self.vendors.clean();
        self.models.clean();
    }
}

impl Clean for RulesPatch {
    fn clean(&mut self) {
        for r in &mut self.regions {
            r.id.clean();
            r.name.clean();
            r.within.clean();
        }
        for s in &mut self.sectors {
            s.id.clean();
            s.name.clean();
        }
        for r in &mut self.rules {
            r.id.clean();
            r.regions.clean();
            r.sectors.clean();
            r.when.clean();
            r.message.clean();
            r.source.clean();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_removed() {
        assert_eq!(clean_text("a\u{1b}[31mb"), "a[31mb");
        assert_eq!(clean_text("x\u{202E}y\u{2066}z\u{7f}"), "xyz");
        assert_eq!(clean_text("two\nlines\tand\u{85}"), "two lines and");
        assert_eq!(clean_text("Café 東京"), "Café 東京");
    }

    #[test]
    fn user_sources_come_first_once() {
        let f = FigurePatch {
            value: 1.0,
            sources: vec!["a".into(), "user-models".into()],
            range: None,
            alternatives: vec![],
            note: None,
        };
        assert_eq!(f.into_figure("user-models").sources, ["user-models", "a"]);
    }
}

//! What changed between two catalogues: models added and removed, API offerings added and
//! removed, and every price that moved (old → new). `tierwise update` prints it before and after
//! applying fresh data; the TUI uses it to mark changed prices.

use super::catalog::{Catalog, Model, Offering, Price};
use super::units::format_price;
use std::collections::BTreeMap;
use std::fmt;

/// One model named in a change.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelRef {
    pub id: String,
    pub name: String,
}

/// One API offering named in a change: whose model, sold by whom.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferingRef {
    pub model: ModelRef,
    pub offering_id: String,
    /// `anthropic`, `bedrock eu`: the provider and, where given, the region.
    pub seller: String,
}

/// Which price of a model or offering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PriceField {
    Input,
    Output,
    LongContextInput,
    LongContextOutput,
    CacheRead,
    BatchInput,
    BatchOutput,
}

impl PriceField {
    pub fn label(self) -> &'static str {
        match self {
            PriceField::Input => "input",
            PriceField::Output => "output",
            PriceField::LongContextInput => "long-context input",
            PriceField::LongContextOutput => "long-context output",
            PriceField::CacheRead => "cache read",
            PriceField::BatchInput => "batch input",
            PriceField::BatchOutput => "batch output",
        }
    }
}

/// One price that moved, in US dollars per million tokens. `None` is a price that was not
/// stated on that side (a cache price that appeared, a batch price that went away).
#[derive(Debug, Clone, PartialEq)]
pub struct PriceChange {
    pub model: ModelRef,
    /// The offering's id, or `None` for the model's own (headline) price.
    pub offering_id: Option<String>,
    /// The seller as shown: the provider of the offering, or `default` for the headline price.
    pub seller: String,
    pub field: PriceField,
    pub old: Option<f64>,
    pub new: Option<f64>,
}

impl fmt::Display for PriceChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |v: Option<f64>| v.map_or_else(|| "none".to_string(), format_price);
        write!(
            f,
            "{} ({}) {} {} → {}/M",
            self.model.name,
            self.seller,
            self.field.label(),
            show(self.old),
            show(self.new)
        )
    }
}

/// Everything that differs between an old and a new catalogue, each list sorted by model id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogDiff {
    pub added: Vec<ModelRef>,
    pub removed: Vec<ModelRef>,
    pub offerings_added: Vec<OfferingRef>,
    pub offerings_removed: Vec<OfferingRef>,
    pub prices: Vec<PriceChange>,
}

impl CatalogDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.offerings_added.is_empty()
            && self.offerings_removed.is_empty()
            && self.prices.is_empty()
    }

    /// One line: `3 new models, 1 removed, 2 new offerings, 0 withdrawn, 5 prices changed`.
    pub fn summary(&self) -> String {
        format!(
            "{}, {} removed, {}, {} withdrawn, {}",
            plural(self.added.len(), "new model", "new models"),
            self.removed.len(),
            plural(self.offerings_added.len(), "new offering", "new offerings"),
            self.offerings_removed.len(),
            plural(self.prices.len(), "price changed", "prices changed"),
        )
    }

    /// Every change, one per line, for the terminal: new and removed models, offerings, then
    /// prices.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        out.extend(
            self.added
                .iter()
                .map(|m| format!("new model: {} ({})", m.name, m.id)),
        );
        out.extend(
            self.removed
                .iter()
                .map(|m| format!("removed model: {} ({})", m.name, m.id)),
        );
        out.extend(
            self.offerings_added
                .iter()
                .map(|o| format!("new offering: {} ({})", o.model.name, o.seller)),
        );
        out.extend(
            self.offerings_removed
                .iter()
                .map(|o| format!("withdrawn offering: {} ({})", o.model.name, o.seller)),
        );
        out.extend(self.prices.iter().map(ToString::to_string));
        out
    }

    /// The price change of one field of a model's headline price or of one offering, if any.
    pub fn price_change(
        &self,
        model_id: &str,
        offering_id: Option<&str>,
        field: PriceField,
    ) -> Option<&PriceChange> {
        self.prices.iter().find(|c| {
            c.model.id == model_id && c.offering_id.as_deref() == offering_id && c.field == field
        })
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Two prices in $/M are the same when they differ by less than a millionth of their size:
/// a figure that went through a per-token conversion (5e-06 × 1e6) must not read as a change.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

fn model_ref(m: &Model) -> ModelRef {
    ModelRef {
        id: m.id.clone(),
        name: m.name.clone(),
    }
}

fn seller(o: &Offering) -> String {
    match &o.region {
        Some(region) => format!("{} {region}", o.provider),
        None => o.provider.clone(),
    }
}

/// The prices of a headline price or an offering, field by field.
fn fields(price: Option<&Price>, offering: Option<&Offering>) -> Vec<(PriceField, Option<f64>)> {
    let long = price.and_then(|p| p.long_context.as_ref());
    let batch = offering.and_then(|o| o.batch.as_ref());
    vec![
        (PriceField::Input, price.map(|p| p.input)),
        (PriceField::Output, price.map(|p| p.output)),
        (PriceField::LongContextInput, long.map(|l| l.input)),
        (PriceField::LongContextOutput, long.map(|l| l.output)),
        (PriceField::CacheRead, offering.and_then(|o| o.cache_read)),
        (PriceField::BatchInput, batch.map(|b| b.input)),
        (PriceField::BatchOutput, batch.map(|b| b.output)),
    ]
}

fn compare_fields(
    model: &Model,
    offering_id: Option<&str>,
    seller: &str,
    old: Vec<(PriceField, Option<f64>)>,
    new: Vec<(PriceField, Option<f64>)>,
    out: &mut Vec<PriceChange>,
) {
    for ((field, before), (_, after)) in old.into_iter().zip(new) {
        let changed = match (before, after) {
            (Some(a), Some(b)) => !same(a, b),
            (None, None) => false,
            _ => true,
        };
        if changed {
            out.push(PriceChange {
                model: model_ref(model),
                offering_id: offering_id.map(str::to_string),
                seller: seller.to_string(),
                field,
                old: before,
                new: after,
            });
        }
    }
}

/// The changes from `old` to `new`. Models and offerings are matched by id; a headline price
/// change that one of the model's offerings already reports (same field, same new value) is
/// not repeated.
pub fn diff(old: &Catalog, new: &Catalog) -> CatalogDiff {
    let before: BTreeMap<&str, &Model> = old.models.iter().map(|m| (m.id.as_str(), m)).collect();
    let after: BTreeMap<&str, &Model> = new.models.iter().map(|m| (m.id.as_str(), m)).collect();
    let mut d = CatalogDiff::default();
    for (id, m) in &after {
        if !before.contains_key(id) {
            d.added.push(model_ref(m));
        }
    }
    for (id, m) in &before {
        match after.get(id) {
            None => d.removed.push(model_ref(m)),
            Some(n) => diff_model(m, n, &mut d),
        }
    }
    d
}

fn diff_model(old: &Model, new: &Model, d: &mut CatalogDiff) {
    let before: BTreeMap<&str, &Offering> =
        old.offerings.iter().map(|o| (o.id.as_str(), o)).collect();
    let after: BTreeMap<&str, &Offering> =
        new.offerings.iter().map(|o| (o.id.as_str(), o)).collect();
    let offering_ref = |o: &Offering| OfferingRef {
        model: model_ref(new),
        offering_id: o.id.clone(),
        seller: seller(o),
    };
    let mut changes = Vec::new();
    for (id, o) in &after {
        match before.get(id) {
            None => d.offerings_added.push(offering_ref(o)),
            Some(b) => compare_fields(
                new,
                Some(id),
                &seller(o),
                fields(Some(&b.price.value), Some(b)),
                fields(Some(&o.price.value), Some(o)),
                &mut changes,
            ),
        }
    }
    for (id, o) in &before {
        if !after.contains_key(id) {
            d.offerings_removed.push(offering_ref(o));
        }
    }
    let mut headline = Vec::new();
    compare_fields(
        new,
        None,
        "default",
        fields(old.price.as_ref().map(|f| &f.value), None),
        fields(new.price.as_ref().map(|f| &f.value), None),
        &mut headline,
    );
    headline.retain(|h| {
        !changes.iter().any(|c| {
            c.field == h.field
                && match (c.new, h.new) {
                    (Some(a), Some(b)) => same(a, b),
                    (a, b) => a.is_none() && b.is_none(),
                }
        })
    });
    d.prices.extend(headline);
    d.prices.extend(changes);
}

#[cfg(test)]
#[path = "catalog_diff/tests.rs"]
mod tests;

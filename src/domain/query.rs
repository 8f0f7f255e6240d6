//! Searching, filtering and sorting the catalogue. Pure: the TUI and the CLI share it.

use super::catalog::{Catalog, LicenseFamily, Model, OfferingKind, Openness};
use std::cmp::Ordering;
use std::collections::BTreeSet;

mod search;
#[cfg(test)]
mod tests;

/// "Fits on N of this GPU": the model's weights plus KV overhead fit in N GPUs' memory.
#[derive(Debug, Clone, PartialEq)]
pub struct FitsOn {
    pub gpu_memory_gb: f64,
    pub gpus: u32,
    pub bytes_per_param: f64,
    pub kv_overhead: f64,
}

impl FitsOn {
    /// Whether `model` fits; a model without a parameter count never does.
    pub fn admits(&self, model: &Model) -> bool {
        model.sizing_params().is_some_and(|(total, _)| {
            total * self.bytes_per_param * (1.0 + self.kv_overhead)
                <= self.gpu_memory_gb * f64::from(self.gpus)
        })
    }
}

/// Proprietary or open, the coarsest split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Openish {
    Open,
    Proprietary,
}

/// Every active filter; the default filters nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub tiers: BTreeSet<Openness>,
    pub openish: Option<Openish>,
    pub origins: BTreeSet<String>,
    pub vendors: BTreeSet<String>,
    pub license_families: BTreeSet<LicenseFamily>,
    pub sizable_only: bool,
    pub fits_on: Option<FitsOn>,
    /// Provider ids or names (any case) of which the model must have an offering.
    pub providers: BTreeSet<String>,
    /// Only models an inference host or cloud sells (not just the lab itself).
    pub hosted_only: bool,
    /// Billions of parameters, inclusive; a model without a count fails any bound.
    pub min_params: Option<f64>,
    pub max_params: Option<f64>,
    /// Only the models a user shopping today looks for (see `Current`); `None` lists all.
    pub current: Option<Current>,
}

/// How many of the most-downloaded open-weight models count as current besides every model
/// with a price or an offering: about the models past 250,000 downloads in the embedded data
/// (the 200th has 259,182), where the long tail of fine-tunes and quantisations begins.
pub const CURRENT_TOP_OPEN: usize = 200;

/// The "current" models: every model with an API price or an offering (lab, cloud or host),
/// plus the `CURRENT_TOP_OPEN` most-downloaded open-weight models (ties at the last place
/// included). Kept as the download threshold so that a model decides on its own.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Current {
    /// Downloads an open model without an offering needs; `u64::MAX` when none has a count.
    pub min_downloads: u64,
}

impl Current {
    pub fn for_catalog(catalog: &Catalog) -> Current {
        let mut downloads: Vec<u64> = catalog
            .models
            .iter()
            .filter(|m| m.is_open_weights())
            .filter_map(|m| m.downloads)
            .collect();
        let min_downloads = match downloads.len() {
            0 => u64::MAX,
            n if n <= CURRENT_TOP_OPEN => 0,
            n => *downloads.select_nth_unstable(n - CURRENT_TOP_OPEN).1,
        };
        Current { min_downloads }
    }

    pub fn admits(&self, model: &Model) -> bool {
        model.price.is_some()
            || !model.offerings.is_empty()
            || (model.is_open_weights() && model.downloads.is_some_and(|d| d >= self.min_downloads))
    }
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// No filter of the menu is on (the current-models scope is not one of them).
    pub fn menu_is_empty(&self) -> bool {
        *self
            == Filters {
                current: self.current,
                ..Filters::default()
            }
    }

    pub fn admits(&self, model: &Model) -> bool {
        let tier = model.openness.value;
        (self.tiers.is_empty() || self.tiers.contains(&tier))
            && match self.openish {
                None => true,
                Some(Openish::Open) => tier.is_open_weights(),
                Some(Openish::Proprietary) => !tier.is_open_weights(),
            }
            && (self.origins.is_empty()
                || model
                    .origin_name()
                    .is_some_and(|o| self.origins.contains(o)))
            && (self.vendors.is_empty() || self.vendors.contains(&model.vendor))
            && (self.license_families.is_empty()
                || self.license_families.contains(&model.license_family))
            && (!self.sizable_only || model.can_self_host())
            && self.fits_on.as_ref().is_none_or(|f| f.admits(model))
            && (self.providers.is_empty() || self.sold_by_listed_provider(model))
            && (!self.hosted_only
                || model
                    .offerings
                    .iter()
                    .any(|o| o.kind != OfferingKind::FirstParty))
            && self.params_in_range(model)
            && self.current.is_none_or(|c| c.admits(model))
    }

    /// Whether one of the model's offerings comes from a provider in `providers`.
    pub fn sold_by_listed_provider(&self, model: &Model) -> bool {
        model.offerings.iter().any(|o| {
            self.providers.iter().any(|p| {
                o.provider.eq_ignore_ascii_case(p)
                    || o.provider_name.eq_ignore_ascii_case(p)
                    || o.provider
                        .split('-')
                        .next()
                        .is_some_and(|head| head.eq_ignore_ascii_case(p))
            })
        })
    }

    fn params_in_range(&self, model: &Model) -> bool {
        if self.min_params.is_none() && self.max_params.is_none() {
            return true;
        }
        model.total_params_b.as_ref().is_some_and(|f| {
            self.min_params.is_none_or(|min| f.value >= min)
                && self.max_params.is_none_or(|max| f.value <= max)
        })
    }

    /// Short labels of the active filters, for the line above the table.
    pub fn describe(&self) -> Vec<String> {
        let mut chips = Vec::new();
        if !self.tiers.is_empty() {
            let tags: Vec<&str> = self.tiers.iter().map(|t| t.short()).collect();
            chips.push(format!("tier: {}", tags.join(",")));
        }
        match self.openish {
            Some(Openish::Open) => chips.push("open weights".into()),
            Some(Openish::Proprietary) => chips.push("proprietary".into()),
            None => {}
        }
        if !self.origins.is_empty() {
            chips.push(format!("origin: {}", join(&self.origins)));
        }
        if !self.vendors.is_empty() {
            chips.push(format!("vendor: {}", join(&self.vendors)));
        }
        if !self.license_families.is_empty() {
            let names: Vec<&str> = self.license_families.iter().map(|l| l.as_str()).collect();
            chips.push(format!("license: {}", names.join(",")));
        }
        if self.sizable_only {
            chips.push("sizable".into());
        }
        if let Some(f) = &self.fits_on {
            chips.push(format!("fits {}×{}GB", f.gpus, f.gpu_memory_gb));
        }
        if !self.providers.is_empty() {
            chips.push(format!("sold by: {}", join(&self.providers)));
        }
        if self.hosted_only {
            chips.push("hosted".into());
        }
        match (self.min_params, self.max_params) {
            (None, None) => {}
            (Some(lo), None) => chips.push(format!("params ≥ {lo}B")),
            (None, Some(hi)) => chips.push(format!("params ≤ {hi}B")),
            (Some(lo), Some(hi)) => chips.push(format!("params {lo}-{hi}B")),
        }
        chips
    }
}

fn join(set: &BTreeSet<String>) -> String {
    set.iter().cloned().collect::<Vec<_>>().join(",")
}

/// A column the catalogue can be sorted by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Vendor,
    Openness,
    Context,
    InputPrice,
    OutputPrice,
    Params,
    Release,
    Downloads,
    Score(String),
}

impl SortKey {
    pub fn label(&self) -> String {
        match self {
            SortKey::Name => "name".into(),
            SortKey::Vendor => "vendor".into(),
            SortKey::Openness => "tier".into(),
            SortKey::Context => "context".into(),
            SortKey::InputPrice => "input $/M".into(),
            SortKey::OutputPrice => "output $/M".into(),
            SortKey::Params => "params".into(),
            SortKey::Release => "release".into(),
            SortKey::Downloads => "downloads".into(),
            SortKey::Score(bench) => bench.clone(),
        }
    }
}

/// What the user asked for: search text, filters and order.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub text: String,
    pub filters: Filters,
    pub sort: SortKey,
    pub descending: bool,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            text: String::new(),
            filters: Filters::default(),
            sort: SortKey::Name,
            descending: false,
        }
    }
}

pub use search::{Hit, Searcher, run};

/// The value a model has for a numeric sort key; `None` when unknown.
pub fn numeric_key(model: &Model, key: &SortKey) -> Option<f64> {
    match key {
        SortKey::Context => model.context_tokens.as_ref().map(|f| f.value as f64),
        SortKey::InputPrice => model.price.as_ref().map(|f| f.value.input),
        SortKey::OutputPrice => model.price.as_ref().map(|f| f.value.output),
        SortKey::Params => model.total_params_b.as_ref().map(|f| f.value),
        SortKey::Downloads => model.downloads.map(|d| d as f64),
        SortKey::Score(bench) => model.scores.get(bench).map(|f| f.value),
        _ => None,
    }
}

/// Order two models by `key`; unknown values go last whichever the direction, and ties fall
/// back to the name so the order is stable and predictable.
pub(super) fn compare(a: &Model, b: &Model, key: &SortKey, descending: bool) -> Ordering {
    let directed = |o: Ordering| if descending { o.reverse() } else { o };
    let by_name = || caseless(&a.name, &b.name);
    let primary = match key {
        SortKey::Name => return directed(by_name()),
        SortKey::Vendor => directed(caseless(&a.vendor, &b.vendor)),
        SortKey::Openness => directed(a.openness.value.cmp(&b.openness.value)),
        SortKey::Release => {
            let ra = a.release.as_ref().map(|f| f.value.as_str());
            let rb = b.release.as_ref().map(|f| f.value.as_str());
            unknown_last(ra, rb, |x, y| directed(x.cmp(y)))
        }
        _ => unknown_last(numeric_key(a, key), numeric_key(b, key), |x, y| {
            directed(x.total_cmp(&y))
        }),
    };
    primary.then_with(by_name)
}

/// The order of the lowercased texts, without allocating them: a sort of 3,000 models makes
/// some 35,000 comparisons, and two allocations each cost more than the search itself.
fn caseless(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        // Most names: a byte compare, several times quicker than the general case.
        return a
            .bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(b.bytes().map(|c| c.to_ascii_lowercase()));
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

fn unknown_last<T>(a: Option<T>, b: Option<T>, known: impl FnOnce(T, T) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => known(x, y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The cycle of sort keys for the `s` key: the fixed columns, then every benchmark that at
/// least three models report, most reported first.
pub fn sort_keys(catalog: &Catalog) -> Vec<SortKey> {
    let mut keys = vec![
        SortKey::Name,
        SortKey::Openness,
        SortKey::Context,
        SortKey::InputPrice,
        SortKey::OutputPrice,
        SortKey::Params,
        SortKey::Vendor,
        SortKey::Release,
        SortKey::Downloads,
    ];
    keys.extend(common_scores(catalog, 3).into_iter().map(SortKey::Score));
    keys
}

/// Benchmark names reported by at least `min_models` models, most reported first.
pub fn common_scores(catalog: &Catalog, min_models: usize) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for model in &catalog.models {
        for bench in model.scores.keys() {
            match counts.iter_mut().find(|(b, _)| b == bench) {
                Some((_, n)) => *n += 1,
                None => counts.push((bench.clone(), 1)),
            }
        }
    }
    counts.retain(|(_, n)| *n >= min_models);
    counts.sort_by(|(a, na), (b, nb)| nb.cmp(na).then_with(|| a.cmp(b)));
    counts.into_iter().map(|(b, _)| b).collect()
}

/// The distinct values the filter menu offers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    pub origins: Vec<String>,
    pub vendors: Vec<String>,
    pub license_families: Vec<LicenseFamily>,
    /// Names of the providers that sell a model (labs, clouds, hosts), sorted.
    pub providers: Vec<String>,
}

pub fn facet_values(catalog: &Catalog) -> Facets {
    let origins: BTreeSet<String> = catalog
        .models
        .iter()
        .filter_map(|m| m.origin_name().map(str::to_string))
        .collect();
    let vendors: BTreeSet<String> = catalog.models.iter().map(|m| m.vendor.clone()).collect();
    let families: BTreeSet<LicenseFamily> =
        catalog.models.iter().map(|m| m.license_family).collect();
    let providers: BTreeSet<&str> = catalog
        .models
        .iter()
        .flat_map(|m| m.offerings.iter().map(|o| o.provider_name.as_str()))
        .collect();
    Facets {
        origins: origins.into_iter().collect(),
        vendors: vendors.into_iter().collect(),
        license_families: families.into_iter().collect(),
        providers: providers.into_iter().map(str::to_string).collect(),
    }
}

//! The filter menu (`f`): one entry per filter value, grouped in sections. Toggling an entry
//! changes the catalogue's filters at once, so the table behind the menu narrows live.

use crate::domain::catalog::{Catalog, LicenseFamily, Openness};
use crate::domain::query::{Facets, Filters, FitsOn, Openish};

mod update;

/// Weight precision and KV/activation overhead for "fits on": the cost model's defaults
/// (docs/cost-model.md: fp16 = 2 bytes per parameter, overhead 0.2).
pub const BYTES_PER_PARAM: f64 = 2.0;
pub const KV_OVERHEAD: f64 = 0.2;
pub const MAX_GPUS: u32 = 16;
/// The parameter bounds the menu steps through, in billions: a 1-2-5 grid from a phone-sized
/// model to the largest open ones.
pub const PARAM_STEPS: [f64; 11] = [
    1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0,
];
/// The bounds a fresh menu offers: 10B to 100B, the range one to four GPUs serve.
const MIN_PARAMS_START: usize = 3;
const MAX_PARAMS_START: usize = 6;

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Tier(Openness),
    Openish(Openish),
    Origin(String),
    Vendor(String),
    License(LicenseFamily),
    /// Sold by this provider (its name as the offerings give it).
    Provider(String),
    /// Sold by a cloud or an inference host, not only by the lab.
    Hosted,
    MinParams,
    MaxParams,
    Sizable,
    FitsOn,
    FitsGpu,
}

impl Item {
    pub fn section(&self) -> &'static str {
        match self {
            Item::Tier(_) => "Openness tier",
            Item::Openish(_) => "Open or proprietary",
            Item::Origin(_) => "Origin",
            Item::Vendor(_) => "Vendor",
            Item::License(_) => "License family",
            Item::Provider(_) => "Sold by",
            Item::Hosted | Item::MinParams | Item::MaxParams => "Offerings and size",
            Item::Sizable | Item::FitsOn | Item::FitsGpu => "Self-hosting",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FilterMenu {
    pub items: Vec<Item>,
    pub cursor: usize,
    /// GPU count and GPU (index into `catalog.gpus`) for "fits on".
    pub gpus: u32,
    pub gpu: usize,
    /// Indices into `PARAM_STEPS` for the lower and upper parameter bound.
    pub min_params: usize,
    pub max_params: usize,
}

impl FilterMenu {
    pub fn new(catalog: &Catalog, facets: &Facets, filters: &Filters) -> FilterMenu {
        let mut items: Vec<Item> = Openness::ALL.iter().map(|t| Item::Tier(*t)).collect();
        items.push(Item::Openish(Openish::Open));
        items.push(Item::Openish(Openish::Proprietary));
        // Where it is sold and its size before the long lists of origins and vendors.
        items.extend([Item::Hosted, Item::MinParams, Item::MaxParams]);
        items.extend(facets.providers.iter().cloned().map(Item::Provider));
        items.extend(facets.origins.iter().cloned().map(Item::Origin));
        items.extend(facets.vendors.iter().cloned().map(Item::Vendor));
        items.extend(facets.license_families.iter().map(|l| Item::License(*l)));
        items.push(Item::Sizable);
        if !catalog.gpus.is_empty() {
            items.push(Item::FitsOn);
            items.push(Item::FitsGpu);
        }
        // Re-opening the menu shows the "fits on" choice already in force.
        let (gpus, gpu) = match &filters.fits_on {
            Some(f) => (
                f.gpus,
                catalog
                    .gpus
                    .iter()
                    .position(|g| g.memory_gb.value == f.gpu_memory_gb)
                    .unwrap_or(0),
            ),
            None => (1, 0),
        };
        // The bounds in force, or the starting ones.
        let step = |v: Option<f64>, start: usize| {
            v.and_then(|v| PARAM_STEPS.iter().position(|s| *s == v))
                .unwrap_or(start)
        };
        FilterMenu {
            items,
            cursor: 0,
            gpus,
            gpu,
            min_params: step(filters.min_params, MIN_PARAMS_START),
            max_params: step(filters.max_params, MAX_PARAMS_START),
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.items.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    /// Jump to the first entry of the next (or previous) section.
    pub fn jump_section(&mut self, forward: bool) {
        let Some(current) = self.items.get(self.cursor).map(Item::section) else {
            return;
        };
        if forward {
            if let Some(i) =
                (self.cursor..self.items.len()).find(|&i| self.items[i].section() != current)
            {
                self.cursor = i;
            }
        } else {
            let start = (0..self.cursor)
                .rev()
                .find(|&i| self.items[i].section() != current);
            if let Some(prev_end) = start {
                let prev = self.items[prev_end].section();
                self.cursor = (0..=prev_end)
                    .rev()
                    .take_while(|&i| self.items[i].section() == prev)
                    .last()
                    .unwrap_or(prev_end);
            }
        }
    }

    pub fn fits(&self, catalog: &Catalog) -> Option<FitsOn> {
        catalog.gpus.get(self.gpu).map(|g| FitsOn {
            gpu_memory_gb: g.memory_gb.value,
            gpus: self.gpus,
            bytes_per_param: BYTES_PER_PARAM,
            kv_overhead: KV_OVERHEAD,
        })
    }

    pub fn is_on(&self, item: &Item, filters: &Filters) -> bool {
        match item {
            Item::Tier(t) => filters.tiers.contains(t),
            Item::Openish(o) => filters.openish == Some(*o),
            Item::Origin(o) => filters.origins.contains(o),
            Item::Vendor(v) => filters.vendors.contains(v),
            Item::License(l) => filters.license_families.contains(l),
            Item::Provider(p) => filters.providers.contains(p),
            Item::Hosted => filters.hosted_only,
            Item::MinParams => filters.min_params.is_some(),
            Item::MaxParams => filters.max_params.is_some(),
            Item::Sizable => filters.sizable_only,
            Item::FitsOn | Item::FitsGpu => filters.fits_on.is_some(),
        }
    }

    /// Switch the entry under the cursor on or off.
    pub fn toggle(&self, filters: &mut Filters, catalog: &Catalog) {
        let Some(item) = self.items.get(self.cursor) else {
            return;
        };
        fn flip<T: Ord + Clone>(set: &mut std::collections::BTreeSet<T>, v: &T) {
            if !set.remove(v) {
                set.insert(v.clone());
            }
        }
        match item {
            Item::Tier(t) => flip(&mut filters.tiers, t),
            Item::Openish(o) => {
                filters.openish = if filters.openish == Some(*o) {
                    None
                } else {
                    Some(*o)
                }
            }
            Item::Origin(o) => flip(&mut filters.origins, o),
            Item::Vendor(v) => flip(&mut filters.vendors, v),
            Item::License(l) => flip(&mut filters.license_families, l),
            Item::Provider(p) => flip(&mut filters.providers, p),
            Item::Hosted => filters.hosted_only = !filters.hosted_only,
            Item::MinParams => {
                filters.min_params = match filters.min_params {
                    Some(_) => None,
                    None => Some(PARAM_STEPS[self.min_params]),
                }
            }
            Item::MaxParams => {
                filters.max_params = match filters.max_params {
                    Some(_) => None,
                    None => Some(PARAM_STEPS[self.max_params]),
                }
            }
            Item::Sizable => filters.sizable_only = !filters.sizable_only,
            Item::FitsOn | Item::FitsGpu => {
                filters.fits_on = match filters.fits_on {
                    Some(_) => None,
                    None => self.fits(catalog),
                }
            }
        }
    }

    /// Left/right on the "fits on" entries: fewer/more GPUs, or the previous/next GPU; on a
    /// parameter bound, the previous/next step (a bound in force moves with it). Returns
    /// whether anything changed.
    pub fn adjust(&mut self, delta: i32, filters: &mut Filters, catalog: &Catalog) -> bool {
        match self.items.get(self.cursor) {
            Some(Item::MinParams) => {
                return step_bound(&mut self.min_params, &mut filters.min_params, delta);
            }
            Some(Item::MaxParams) => {
                return step_bound(&mut self.max_params, &mut filters.max_params, delta);
            }
            Some(Item::FitsOn) => {
                let n = self.gpus.saturating_add_signed(delta).clamp(1, MAX_GPUS);
                if n == self.gpus {
                    return false;
                }
                self.gpus = n;
            }
            Some(Item::FitsGpu) if !catalog.gpus.is_empty() => {
                let len = catalog.gpus.len() as i64;
                let next = (self.gpu as i64 + i64::from(delta)).rem_euclid(len) as usize;
                if next == self.gpu {
                    return false;
                }
                self.gpu = next;
            }
            _ => return false,
        }
        if filters.fits_on.is_some() {
            filters.fits_on = self.fits(catalog);
        }
        true
    }
}

/// Move a parameter bound's step (`at`, into [`PARAM_STEPS`]) by `delta`; a bound in force
/// moves with it. Whether it moved.
fn step_bound(at: &mut usize, bound: &mut Option<f64>, delta: i32) -> bool {
    let i = at
        .saturating_add_signed(delta as isize)
        .min(PARAM_STEPS.len() - 1);
    if i == *at {
        return false;
    }
    *at = i;
    if bound.is_some() {
        *bound = Some(PARAM_STEPS[i]);
    }
    true
}

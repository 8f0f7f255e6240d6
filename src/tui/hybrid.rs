//! The hybrid pane's state: which part has focus, the selected tier and use case, and the plan
//! computed from the scenario (undo is the session's, over whole scenarios). The plan is recomputed in
//! `refresh` (called from `update`) whenever the scenario's inputs change, never while drawing.

mod update;

use super::layout::Scroll;
use crate::domain::catalog::{Catalog, Model};
use crate::domain::cost::InputError;
use crate::domain::hybrid::{HybridPlan, normalized_shares, plan, route};
use crate::domain::rules::{RuleBook, Sensitivity, Severity};
use crate::domain::scenario::{PlannedUseCase, Scenario};
use crate::domain::usecase::{Quality, UseCase};

/// How much `+`/`-` move a share (of the total volume).
pub const SHARE_STEP: f64 = 0.05;
/// The share a new use case starts with.
pub const NEW_SHARE: f64 = 0.05;
/// Names are cut to this many characters.
pub const MAX_NAME: usize = 60;

/// The part of the pane that keys act on; Tab cycles through them in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tiers,
    Table,
    Findings,
}

impl Focus {
    pub fn next(self, forward: bool) -> Focus {
        const ORDER: [Focus; 3] = [Focus::Tiers, Focus::Table, Focus::Findings];
        let i = ORDER.iter().position(|f| *f == self).unwrap_or(0);
        let n = ORDER.len();
        ORDER[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// Which tier a plan error belongs to (0-based), or `None` for the plan as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanError {
    pub tier: Option<usize>,
    pub error: InputError,
}

/// Everything the pane draws that had to be computed.
#[derive(Debug, Clone, PartialEq)]
pub struct HybridView {
    pub plan: Result<HybridPlan, PlanError>,
    /// Display names of the three tiers' models (the id when unknown).
    pub model_names: [String; 3],
    /// GPU names of tiers 2 and 3 (index 0 unused).
    pub gpu_names: [String; 3],
    /// Findings by severity: block, warn, info.
    pub counts: [usize; 3],
}

/// The inputs the plan depends on; the plan is recomputed when any of them changes.
type Inputs = (
    crate::domain::cost::Workload,
    String,
    String,
    crate::domain::scenario::Tiers,
    Vec<PlannedUseCase>,
);

fn inputs(s: &Scenario) -> Inputs {
    (
        s.workload.clone(),
        s.region.clone(),
        s.sector.clone(),
        s.tiers.clone(),
        s.use_cases.clone(),
    )
}

#[derive(Debug, Clone)]
pub struct HybridState {
    pub focus: Focus,
    /// The selected tier box, 0-based.
    pub tier: usize,
    /// The selected use case, an index into the scenario's use cases.
    pub selected: usize,
    /// First visible row of the use-case table.
    pub offset: usize,
    /// First visible finding in the findings strip.
    pub findings_offset: usize,
    /// Use-case rows on screen (`layout::hybrid_table_rows`), set by the app before each
    /// update, for PageUp and PageDown.
    pub page: usize,
    pub view: Option<HybridView>,
    computed_for: Option<Inputs>,
}

impl Default for HybridState {
    fn default() -> Self {
        HybridState {
            focus: Focus::Table,
            tier: 0,
            selected: 0,
            offset: 0,
            findings_offset: 0,
            page: 1,
            view: None,
            computed_for: None,
        }
    }
}

/// Whether `model` may be picked for tier `tier` (0-based): tier 1 takes closed or
/// API-priced models, tiers 2 and 3 open-weight models that can be sized.
pub fn eligible(model: &Model, tier: usize) -> bool {
    if tier == 0 {
        !model.is_open_weights() || model.price.is_some()
    } else {
        model.can_self_host()
    }
}

/// Which tier a plan error comes from: each tier is checked on its own.
fn locate(catalog: &Catalog, s: &Scenario, error: InputError) -> PlanError {
    let tier = if catalog
        .model(&s.tiers.frontier)
        .is_none_or(|m| m.price.is_none())
    {
        Some(0)
    } else if s.tiers.large.resolve_for(catalog, &s.workload).is_err() {
        Some(1)
    } else if s.tiers.small.resolve_for(catalog, &s.workload).is_err() {
        Some(2)
    } else {
        None
    };
    PlanError { tier, error }
}

pub fn compute(catalog: &Catalog, rules: &RuleBook, s: &Scenario) -> HybridView {
    let name = |id: &str| {
        catalog
            .model(id)
            .map_or(id, |m| m.name.as_str())
            .to_string()
    };
    let gpu = |id: &str| catalog.gpu(id).map_or(id, |g| g.name.as_str()).to_string();
    let plan = plan(catalog, rules, s).map_err(|e| locate(catalog, s, e));
    let mut counts = [0; 3];
    if let Ok(p) = &plan {
        for f in &p.findings {
            counts[match f.severity {
                Severity::Block => 0,
                Severity::Warn => 1,
                Severity::Info => 2,
            }] += 1;
        }
    }
    // A tier bought through an offering is named by the model it buys (with the seller),
    // not by the deployment it would self-host.
    let bought = |i: usize, fallback: &str| match &plan {
        Ok(p) if p.tiers[i].way != crate::domain::hybrid::Way::SelfHosted => {
            let t = &p.tiers[i];
            let seller = t
                .offering
                .as_deref()
                .and_then(|id| crate::domain::hybrid::find_offering(catalog, id))
                .map(|(_, o)| format!(" · {}", o.provider_name))
                .unwrap_or_default();
            format!("{}{seller}", name(&t.model))
        }
        _ => name(fallback),
    };
    HybridView {
        model_names: [
            bought(0, &s.tiers.frontier),
            bought(1, &s.tiers.large.model),
            bought(2, &s.tiers.small.model),
        ],
        plan,
        gpu_names: [
            String::new(),
            gpu(&s.tiers.large.gpu),
            gpu(&s.tiers.small.gpu),
        ],
        counts,
    }
}

/// Set use case `i`'s share to `value` (kept within 0..=1) and scale the others so every
/// share still sums to 1. With a single use case its share stays 1.
pub fn set_share(cases: &mut [PlannedUseCase], i: usize, value: f64) {
    if i >= cases.len() || !value.is_finite() {
        return;
    }
    let shares = normalized_shares(cases);
    let n = cases.len();
    let v = if n == 1 { 1.0 } else { value.clamp(0.0, 1.0) };
    let rest_old = 1.0 - shares[i];
    let rest_new = 1.0 - v;
    for (j, case) in cases.iter_mut().enumerate() {
        case.use_case.share = if j == i {
            v
        } else if rest_old > 1e-12 {
            shares[j] * rest_new / rest_old
        } else {
            // The others had nothing: they split what is left evenly.
            rest_new / (n - 1) as f64
        };
    }
}

/// Write the normalized shares back, so they sum to 1.
pub fn normalize(cases: &mut [PlannedUseCase]) {
    let shares = normalized_shares(cases);
    for (case, share) in cases.iter_mut().zip(shares) {
        case.use_case.share = share;
    }
}

/// Control characters and bidirectional overrides out, surrounding space trimmed, length cut.
pub fn clean_name(text: &str) -> String {
    let bidi = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    text.chars()
        .filter(|c| !c.is_control() && !bidi(*c))
        .collect::<String>()
        .trim()
        .chars()
        .take(MAX_NAME)
        .collect()
}

impl HybridState {
    /// Recompute the plan if the scenario's inputs changed since the last time.
    pub fn refresh(&mut self, catalog: &Catalog, rules: &RuleBook, s: &Scenario) {
        let now = inputs(s);
        if self.computed_for.as_ref() != Some(&now) || self.view.is_none() {
            let blocks_before = self.block_count();
            self.view = Some(compute(catalog, rules, s));
            self.computed_for = Some(now);
            // A new block finding sorts first: scroll the strip back so it is seen.
            if self.block_count() > blocks_before {
                self.findings_offset = 0;
            }
        }
        self.selected = self.selected.min(s.use_cases.len().saturating_sub(1));
    }

    fn block_count(&self) -> usize {
        self.plan().map_or(0, |p| {
            p.findings
                .iter()
                .filter(|f| f.severity == Severity::Block)
                .count()
        })
    }

    pub fn plan(&self) -> Option<&HybridPlan> {
        self.view.as_ref().and_then(|v| v.plan.as_ref().ok())
    }

    /// Keep the selected row within `rows` visible rows.
    pub fn scroll_into_view(&mut self, rows: usize) {
        self.offset.follow(self.selected, rows);
    }

    pub fn move_selection(&mut self, by: isize, len: usize) {
        let last = len.saturating_sub(1) as isize;
        self.selected = (self.selected as isize + by).clamp(0, last) as usize;
    }

    /// Move the selected use case one tier down (`by` = -1, towards tier 1) or up; returns the
    /// new tier, or `None` when it cannot move that way.
    pub fn move_tier(&mut self, s: &mut Scenario, by: i8) -> Option<u8> {
        let tier = s.use_cases.get(self.selected)?.tier;
        let next = tier
            .checked_add_signed(by)
            .filter(|t| (1..=3).contains(t))?;
        s.use_cases[self.selected].tier = next;
        Some(next)
    }

    /// Step the selected use case's share by `by` (a fraction of the total).
    pub fn step_share(&mut self, s: &mut Scenario, by: f64) -> bool {
        let Some(&now) = normalized_shares(&s.use_cases).get(self.selected) else {
            return false;
        };
        let next = (now + by).clamp(0.0, 1.0);
        if s.use_cases.len() < 2 || (next - now).abs() < 1e-12 {
            return false;
        }
        set_share(&mut s.use_cases, self.selected, next);
        true
    }

    /// Set the selected use case's share exactly.
    pub fn set_selected_share(&mut self, s: &mut Scenario, value: f64) {
        set_share(&mut s.use_cases, self.selected, value);
    }

    /// Apply `edit` to the selected use case.
    pub fn edit(&mut self, s: &mut Scenario, edit: impl FnOnce(&mut PlannedUseCase)) {
        if self.selected < s.use_cases.len() {
            edit(&mut s.use_cases[self.selected]);
        }
    }

    /// Add a use case with a default share, routed by the default routing; it becomes the
    /// selection.
    pub fn add(&mut self, catalog: &Catalog, s: &mut Scenario) {
        let mut name = "New use case".to_string();
        let mut n = 2;
        while s.use_cases.iter().any(|c| c.use_case.name == name) {
            name = format!("New use case {n}");
            n += 1;
        }
        let case = UseCase {
            name,
            share: 0.0,
            input_share: s.workload.input_share,
            sensitivity: Sensitivity::Internal,
            quality: Quality::Standard,
            needs: Vec::new(),
            source: None,
            note: None,
        };
        let tier = default_tier(catalog, s, &case);
        normalize(&mut s.use_cases);
        s.use_cases.push(PlannedUseCase {
            use_case: case,
            tier,
        });
        self.selected = s.use_cases.len() - 1;
        set_share(&mut s.use_cases, self.selected, NEW_SHARE);
    }

    /// Delete the selected use case; the last one stays (a plan needs one).
    pub fn delete(&mut self, s: &mut Scenario) -> Option<String> {
        if s.use_cases.len() < 2 || self.selected >= s.use_cases.len() {
            return None;
        }
        normalize(&mut s.use_cases);
        let gone = s.use_cases.remove(self.selected);
        normalize(&mut s.use_cases);
        self.selected = self.selected.min(s.use_cases.len() - 1);
        Some(gone.use_case.name)
    }

    /// Re-apply the default routing to every use case (`R`); false when nothing changed.
    pub fn reroute(&mut self, catalog: &Catalog, s: &mut Scenario) -> Result<bool, InputError> {
        let mut routed = s.clone();
        crate::domain::hybrid::reroute(catalog, &mut routed)?;
        if routed.use_cases == s.use_cases {
            return Ok(false);
        }
        s.use_cases = routed.use_cases;
        Ok(true)
    }
}

/// The tier the default routing gives `case` with the scenario's tier models (2 when a tier
/// model is unknown).
pub fn default_tier(catalog: &Catalog, s: &Scenario, case: &UseCase) -> u8 {
    match (
        catalog.model(&s.tiers.frontier),
        catalog.model(&s.tiers.large.model),
    ) {
        (Some(frontier), Some(large)) => route(case, frontier, large),
        _ => 2,
    }
}

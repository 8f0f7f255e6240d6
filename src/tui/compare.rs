//! The comparison view's rows: one attribute across the marked models, with which value is
//! best. Plain data, made by update from the catalogue and kept with the catalogue state.

use crate::domain::catalog::{Catalog, Model};
use crate::tui::format;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Better {
    Higher,
    Lower,
    /// Not a quality: nothing is highlighted.
    Neither,
}

/// One attribute across the compared models: display text and, for numbers, the value.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub label: String,
    pub cells: Vec<Option<(String, Option<f64>)>>,
    pub better: Better,
}

impl CompareRow {
    pub fn all_equal(&self) -> bool {
        self.cells.windows(2).all(|w| w[0] == w[1])
    }

    /// Which cells hold the best value (none unless at least two values are known).
    pub fn best(&self) -> Vec<bool> {
        let values: Vec<Option<f64>> = self
            .cells
            .iter()
            .map(|c| c.as_ref().and_then(|(_, v)| *v))
            .collect();
        let known: Vec<f64> = values.iter().flatten().copied().collect();
        if known.len() < 2 || self.better == Better::Neither || self.all_equal() {
            return vec![false; self.cells.len()];
        }
        let target = match self.better {
            Better::Higher => known.iter().copied().fold(f64::MIN, f64::max),
            _ => known.iter().copied().fold(f64::MAX, f64::min),
        };
        values.iter().map(|v| *v == Some(target)).collect()
    }
}

/// The compared models, in the order they were marked.
pub fn models<'c>(catalog: &'c Catalog, marks: &[String]) -> Vec<&'c Model> {
    marks.iter().filter_map(|id| catalog.model(id)).collect()
}

/// One row per attribute for the marked models (made by update when the marks change), then
/// one per benchmark that one of them reports, in `score_names` order.
pub fn rows(catalog: &Catalog, marks: &[String], score_names: &[String]) -> Vec<CompareRow> {
    let ms = models(catalog, marks);
    let text = |label: &str, f: &dyn Fn(&Model) -> Option<String>| CompareRow {
        label: label.into(),
        cells: ms.iter().map(|m| f(m).map(|s| (s, None))).collect(),
        better: Better::Neither,
    };
    let num =
        |label: &str, better: Better, f: &dyn Fn(&Model) -> Option<(String, f64)>| CompareRow {
            label: label.into(),
            cells: ms.iter().map(|m| f(m).map(|(s, v)| (s, Some(v)))).collect(),
            better,
        };
    let mut out = vec![
        text("Vendor", &|m| Some(m.vendor.clone())),
        text("Tier", &|m| Some(tier_label(m.openness.value).to_string())),
        text("Origin", &|m| m.origin.as_ref().map(|f| f.value.clone())),
        text("License", &|m| Some(m.license_family.as_str().to_string())),
        text("Release", &|m| m.release.as_ref().map(|f| f.value.clone())),
        num("Parameters", Better::Neither, &|m| {
            m.total_params_b
                .as_ref()
                .map(|f| (format::billions(f.value), f.value))
        }),
        num("Active (MoE)", Better::Neither, &|m| {
            m.active_params_b
                .as_ref()
                .map(|f| (format::billions(f.value), f.value))
        }),
        num("Context", Better::Higher, &|m| {
            m.context_tokens
                .as_ref()
                .map(|f| (format::tokens(f.value), f.value as f64))
        }),
        num("Input $/M", Better::Lower, &|m| {
            m.price
                .as_ref()
                .map(|f| (format::price(f.value.input), f.value.input))
        }),
        num("Output $/M", Better::Lower, &|m| {
            m.price
                .as_ref()
                .map(|f| (format::price(f.value.output), f.value.output))
        }),
        text("Self-hostable", &|m| {
            Some(if m.can_self_host() { "yes" } else { "no" }.into())
        }),
    ];
    for bench in score_names {
        if ms.iter().any(|m| m.scores.contains_key(bench)) {
            out.push(num(bench, Better::Higher, &|m| {
                m.scores
                    .get(bench)
                    .map(|f| (format::score(f.value), f.value))
            }));
        }
    }
    out
}

fn tier_label(tier: crate::domain::catalog::Openness) -> &'static str {
    use crate::domain::catalog::Openness::*;
    match tier {
        FullyOpen => "FO fully open",
        OpenWeightsPermissive => "OP open, permissive",
        OpenWeightsRestricted => "OR open, restricted",
        ClosedApi => "CL closed API",
    }
}

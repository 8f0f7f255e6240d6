//! `b` in the catalogue: the marked models go to pane 2's comparison.

use super::CatalogueState;
use crate::domain::catalog::Catalog;
use crate::domain::scenario::{MAX_COMPARED, Scenario};

impl CatalogueState {
    /// The marked models that have an API price replace the compared API models (at most
    /// four), and the first marked model that can be self-hosted becomes the self-hosted one
    /// (an open model without an API price first). Returns what went where, naming the ones
    /// skipped; `Err` when none of them can go anywhere (the scenario is unchanged).
    pub fn send_marks(&self, scenario: &mut Scenario, catalog: &Catalog) -> Result<String, String> {
        let marked: Vec<_> = self
            .marks
            .iter()
            .filter_map(|id| catalog.model(id))
            .collect();
        let hosted = marked
            .iter()
            .find(|m| m.can_self_host() && m.price.is_none())
            .or_else(|| marked.iter().find(|m| m.can_self_host()))
            .map(|m| (m.id.clone(), m.name.clone()));
        let mut sent = Vec::new();
        let mut skipped = Vec::new();
        for m in &marked {
            if m.price.is_some() && sent.len() < MAX_COMPARED {
                sent.push(m.id.clone());
            } else if hosted.as_ref().is_none_or(|(id, _)| *id != m.id) {
                let why = if m.price.is_some() {
                    "four API models at most"
                } else if m.can_self_host() {
                    "one self-hosted model at a time"
                } else {
                    "no API price, not sizable"
                };
                skipped.push(format!("{} ({why})", m.name));
            }
        }
        if sent.is_empty() && hosted.is_none() {
            return Err(format!(
                "none of the marked models has an API price or can be sized for self-hosting: {}",
                skipped.join(", ")
            ));
        }
        let mut parts = Vec::new();
        if !sent.is_empty() {
            let noun = if sent.len() == 1 { "model" } else { "models" };
            parts.push(format!("comparing {} API {noun}", sent.len()));
            scenario.api_models = sent;
        }
        if let Some((id, name)) = hosted {
            parts.push(format!("self-hosting {name}"));
            scenario.self_host.model = id;
        }
        if !skipped.is_empty() {
            parts.push(format!("skipped {}", skipped.join(", ")));
        }
        Ok(parts.join("; "))
    }
}

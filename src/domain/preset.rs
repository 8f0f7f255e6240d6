//! The articles' cost scenarios as loadable presets, each with what the article states so the
//! screen can set it beside what the cost model computes from the same assumptions.

use super::breakeven::crossover;
use super::catalog::{Catalog, SourceId};
use super::cost::{InputError, Workload, api_monthly_cost, blended_price, self_host_cost};
use super::scenario::{DeploymentChoice, Scenario, Settings};
use serde::{Deserialize, Serialize};

/// What kind of figure an article states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum StatedKind {
    SelfHostUsdPerMonth,
    SelfHostUsdPerMillion,
    ApiUsdPerMonth { model: String },
    BreakEven { model: String },
}

impl StatedKind {
    pub fn label(&self) -> String {
        match self {
            StatedKind::SelfHostUsdPerMonth => "self-hosted $/month".into(),
            StatedKind::SelfHostUsdPerMillion => "self-hosted $/M".into(),
            StatedKind::ApiUsdPerMonth { model } => format!("{model} $/month"),
            StatedKind::BreakEven { model } => format!("break-even vs {model}"),
        }
    }
}

/// A figure as the article states it: a value or a range, and its wording.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stated {
    pub what: StatedKind,
    pub low: f64,
    pub high: f64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    pub id: String,
    pub title: String,
    pub source: SourceId,
    pub tokens_per_day: f64,
    pub input_share: f64,
    pub api: Vec<String>,
    pub model: String,
    pub gpu: String,
    #[serde(default)]
    pub settings: Settings,
    pub stated: Vec<Stated>,
    /// How the article's assumptions were worked out, and what we chose where it is silent.
    pub note: String,
}

/// A stated figure next to the one the cost model computes; `None` when there is none
/// (a break-even that never happens in range).
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub stated: Stated,
    pub computed: Option<f64>,
}

impl Comparison {
    /// Computed over stated, against the nearer end of a stated range; 1.0 inside the range.
    pub fn ratio(&self) -> Option<f64> {
        let c = self.computed?;
        let s = &self.stated;
        if c >= s.low && c <= s.high {
            Some(1.0)
        } else if c < s.low {
            (s.low > 0.0).then(|| c / s.low)
        } else {
            (s.high > 0.0).then(|| c / s.high)
        }
    }
}

impl Preset {
    pub fn workload(&self) -> Workload {
        Workload {
            tokens_per_day: self.tokens_per_day,
            input_share: self.input_share,
            ..Workload::default()
        }
    }

    pub fn deployment(&self) -> DeploymentChoice {
        DeploymentChoice {
            model: self.model.clone(),
            gpu: self.gpu.clone(),
            settings: self.settings.clone(),
        }
    }

    /// Set the scenario's break-even inputs to this preset's (the hybrid plan is left alone).
    pub fn apply(&self, scenario: &mut Scenario) {
        scenario.workload.tokens_per_day = self.tokens_per_day;
        scenario.workload.input_share = self.input_share;
        scenario.api_models = self.api.clone();
        scenario.self_host = self.deployment();
        scenario.preset = Some(self.id.clone());
    }

    /// Every stated figure beside the computed one, at the preset's own inputs.
    pub fn compare(&self, catalog: &Catalog) -> Result<Vec<Comparison>, InputError> {
        let workload = self.workload();
        workload.validate()?;
        let deployment = self.deployment().resolve_for(catalog, &workload)?;
        let hosted = self_host_cost(&deployment, workload.tokens_per_day);
        let api_price = |model: &str| {
            catalog
                .model(model)
                .and_then(|m| m.price.as_ref())
                .map(|p| p.value.clone())
                .ok_or_else(|| InputError {
                    field: "api",
                    value: model.to_string(),
                    allowed: "a model with an API price".into(),
                })
        };
        self.stated
            .iter()
            .map(|stated| {
                let computed = match &stated.what {
                    StatedKind::SelfHostUsdPerMonth => Some(hosted.usd_per_month),
                    StatedKind::SelfHostUsdPerMillion => Some(hosted.usd_per_million_tokens),
                    StatedKind::ApiUsdPerMonth { model } => {
                        Some(api_monthly_cost(&api_price(model)?, &workload))
                    }
                    StatedKind::BreakEven { model } => {
                        let blended = blended_price(&api_price(model)?, &workload);
                        crossover(blended, &deployment).break_even_tokens_per_day
                    }
                };
                Ok(Comparison {
                    stated: stated.clone(),
                    computed,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{embedded_catalog, embedded_presets};

    fn preset(id: &str) -> (Catalog, Preset) {
        let catalog = embedded_catalog().unwrap();
        let p = embedded_presets(&catalog)
            .unwrap()
            .into_iter()
            .find(|p| p.id == id)
            .unwrap();
        (catalog, p)
    }

    #[test]
    fn timewell_tco_is_recomputed_from_its_parts() {
        let (catalog, p) = preset("timewell-2xh100");
        let found = p.compare(&catalog).unwrap();
        // fp8: 70 GB weights, 84 GB with KV -> 2 GPUs per replica, 1 replica at 5M/day.
        // infra = 2 x 17,500 / 36 + 2 x 0.5 kW x 720 h x 1.4 x $0.13 + 1 server x $350
        //       = 972.22 + 131.04 + 350 = 1,453.26; labor = 0.25 x 192,000 / 12 = 4,000.
        let monthly = found[0].computed.unwrap();
        assert!((monthly - 5453.26).abs() < 0.01, "{monthly}");
        // Per million: 5,453.26 / 150 = 36.36, about 91x the stated $0.40.
        let per_million = found[1].computed.unwrap();
        assert!((per_million - 36.355).abs() < 0.01, "{per_million}");
        assert!(found[1].ratio().unwrap() > 90.0);
    }

    #[test]
    fn ranges_count_as_agreement_inside_them() {
        let c = Comparison {
            stated: Stated {
                what: StatedKind::SelfHostUsdPerMonth,
                low: 100.0,
                high: 200.0,
                text: String::new(),
            },
            computed: Some(150.0),
        };
        assert_eq!(c.ratio(), Some(1.0));
        let below = Comparison {
            computed: Some(50.0),
            ..c.clone()
        };
        assert_eq!(below.ratio(), Some(0.5));
        let none = Comparison {
            computed: None,
            ..c
        };
        assert_eq!(none.ratio(), None);
    }

    #[test]
    fn applying_sets_the_break_even_inputs_only() {
        let (catalog, p) = preset("ai-beat-10m");
        let cases = crate::data::embedded_use_cases(&catalog).unwrap();
        let mut s = Scenario::builtin("t", &cases, |_| 2);
        let tiers = s.tiers.clone();
        p.apply(&mut s);
        assert_eq!(s.workload.tokens_per_day, 1e7);
        assert_eq!(s.api_models, ["gpt-4o", "claude-3.5-sonnet"]);
        assert_eq!(s.self_host.settings.gpu_hour_price, Some(3.47));
        assert_eq!(s.preset.as_deref(), Some("ai-beat-10m"));
        assert_eq!(s.tiers, tiers);
    }
}

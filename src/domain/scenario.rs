//! A scenario: everything a user sets, in one value that can be saved, exported and compared.
//!
//! Deployment settings are kept apart from the model and GPU they apply to, so choosing another
//! GPU takes that GPU's memory, speed, power and prices, while the user's own choices
//! (utilization, staff, a negotiated price they typed) carry over.

use super::catalog::{Catalog, Figure};
use super::cost::{
    Deployment, InputError, KvPrecision, Mode, Precision, Serving, Workload,
    deployment_defaults_for,
};
use super::usecase::UseCase;
use serde::{Deserialize, Serialize};

/// The inputs of a self-hosted deployment that do not come from the model database.
/// GPU-dependent figures are `None` while the user has not typed their own value: the GPU
/// database's figure is used then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub precision: Precision,
    pub kv_overhead: f64,
    pub efficiency: f64,
    pub utilization: f64,
    pub min_replicas: u32,
    pub throughput: Option<f64>,
    pub mode: Mode,
    pub gpu_hour_price: Option<f64>,
    pub gpu_price: Option<f64>,
    pub years: f64,
    pub power_watts: Option<f64>,
    pub pue: f64,
    pub power_price: f64,
    pub colo: f64,
    pub fte: f64,
    pub salary: f64,
    pub overhead: f64,
    /// In the hybrid plan: this tier pays its own staff (`fte` at `salary`) instead of sharing
    /// the one team that runs every self-hosted tier.
    pub own_staff: bool,
    pub kv_precision: KvPrecision,
    pub serving: Serving,
    /// GPUs per replica fixed by the user; `None`: chosen for the lowest $/M.
    pub gpus_per_replica: Option<u32>,
}

impl Default for Settings {
    /// The defaults of cost-model.md section 3.
    fn default() -> Self {
        Settings {
            precision: Precision::Fp16,
            kv_overhead: 0.2,
            efficiency: 0.25,
            utilization: 0.5,
            min_replicas: 1,
            throughput: None,
            mode: Mode::Rent,
            gpu_hour_price: None,
            gpu_price: None,
            years: 3.0,
            power_watts: None,
            pue: 1.4,
            power_price: 0.13,
            colo: 350.0,
            fte: 0.25,
            salary: 192_000.0,
            overhead: 0.0,
            own_staff: false,
            kv_precision: KvPrecision::Fp16,
            serving: Serving::Typical,
            gpus_per_replica: None,
        }
    }
}

/// An open model on a GPU with settings: what a self-hosted tier or the break-even pane runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeploymentChoice {
    pub model: String,
    pub gpu: String,
    #[serde(default)]
    pub settings: Settings,
}

impl DeploymentChoice {
    pub fn new(model: &str, gpu: &str) -> Self {
        DeploymentChoice {
            model: model.to_string(),
            gpu: gpu.to_string(),
            settings: Settings::default(),
        }
    }

    /// The full set of cost inputs, validated. Errors name the field (as the CLI option), the
    /// value and what is allowed: an unknown id, a closed model, a GPU with no price for the
    /// chosen mode, or any setting out of range.
    pub fn resolve(&self, catalog: &Catalog) -> Result<Deployment, InputError> {
        self.resolve_for(catalog, &Workload::default())
    }

    /// [`DeploymentChoice::resolve`] for requests of the workload's prompt and output lengths,
    /// which the throughput estimate depends on.
    pub fn resolve_for(&self, catalog: &Catalog, w: &Workload) -> Result<Deployment, InputError> {
        let model = catalog.model(&self.model).ok_or_else(|| InputError {
            field: "self-host",
            value: self.model.clone(),
            allowed: "a model id from the catalogue".into(),
        })?;
        let gpu = catalog.gpu(&self.gpu).ok_or_else(|| InputError {
            field: "gpu",
            value: self.gpu.clone(),
            allowed: "a GPU id from the database".into(),
        })?;
        let s = &self.settings;
        // The user's own figures stand in for the GPU database's, so a GPU with no price in
        // the database works once the user types one, and the error names the missing price.
        let mut gpu = gpu.clone();
        if let Some(rate) = s.gpu_hour_price {
            gpu.rent_usd_per_hour = Some(Figure::new(rate, "user"));
        }
        if let Some(price) = s.gpu_price {
            gpu.purchase_usd = Some(Figure::new(price, "user"));
        }
        if let Some(watts) = s.power_watts {
            gpu.power_w = Figure::new(watts, "user");
        }
        let mut d = deployment_defaults_for(model, &gpu, s.mode)?;
        d.precision = s.precision;
        d.kv_overhead = s.kv_overhead;
        d.efficiency = s.efficiency;
        d.utilization = s.utilization;
        d.min_replicas = s.min_replicas;
        d.throughput = s.throughput;
        d.years = s.years;
        d.pue = s.pue;
        d.power_price = s.power_price;
        d.colo = s.colo;
        d.fte = s.fte;
        d.salary = s.salary;
        d.overhead = s.overhead;
        d.kv_precision = s.kv_precision;
        d.serving = s.serving;
        d.gpus_per_replica = s.gpus_per_replica;
        let d = d.shaped(w);
        d.validate()?;
        Ok(d)
    }
}

/// Which model each tier of the hybrid plan uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tiers {
    /// Tier 1: an API model.
    pub frontier: String,
    /// Tier 1's offering (`model@provider`) when not the model's own listed price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frontier_offering: Option<String>,
    /// Tier 2: a large open model, self-hosted.
    pub large: DeploymentChoice,
    /// Tier 3: a small open model in a closed environment.
    pub small: DeploymentChoice,
    /// Tier 2 bought through an API instead of self-hosting `large`: an offering id
    /// (`model@provider`), or an open model's id for its own listed price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_offering: Option<String>,
    /// Tier 3 bought from a host instead of self-hosting `small`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_offering: Option<String>,
}

/// A use case with the tier it is routed to (1, 2 or 3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedUseCase {
    #[serde(flatten)]
    pub use_case: UseCase,
    pub tier: u8,
}

/// Everything a user sets. Saved as a whole; two scenarios never share state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub name: String,
    pub workload: Workload,
    pub region: String,
    pub sector: String,
    /// API lines compared in the break-even pane (at most [`MAX_COMPARED`]): a model id (its
    /// listed price) or an offering id `model@provider`, as `tierwise cost --api` takes.
    pub api_models: Vec<String>,
    /// The self-hosted deployment of the break-even pane.
    pub self_host: DeploymentChoice,
    /// Models marked in the catalogue (at most [`MAX_COMPARED`]).
    #[serde(default)]
    pub marks: Vec<String>,
    pub tiers: Tiers,
    pub use_cases: Vec<PlannedUseCase>,
    #[serde(default)]
    pub notes: String,
    /// The article preset last loaded, whose stated results are shown beside ours.
    #[serde(default)]
    pub preset: Option<String>,
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub pane: Option<String>,
}

/// How many models the break-even pane compares, and the catalogue marks.
pub const MAX_COMPARED: usize = 4;

impl Scenario {
    /// The built-in starting point: two frontier APIs and a budget one against Llama 3.1 70B on
    /// rented H100s; a hybrid of Claude Opus 4.7, Llama 3.1 70B and Phi-4 on a bought A100.
    pub fn builtin(name: &str, use_cases: &[UseCase], route: impl Fn(&UseCase) -> u8) -> Scenario {
        let mut small = DeploymentChoice::new("phi-4", "a100-80gb");
        small.settings.mode = Mode::Buy;
        Scenario {
            name: name.to_string(),
            workload: Workload::default(),
            region: "global".into(),
            sector: "commercial".into(),
            api_models: vec![
                "claude-opus-4.7".into(),
                "gpt-5.5".into(),
                "gemini-3-flash".into(),
            ],
            self_host: DeploymentChoice::new("llama-3.1-70b", "h100-sxm"),
            marks: Vec::new(),
            tiers: Tiers {
                frontier: "claude-opus-4.7".into(),
                frontier_offering: None,
                large: DeploymentChoice::new("llama-3.1-70b", "h100-sxm"),
                small,
                large_offering: None,
                small_offering: None,
            },
            use_cases: use_cases
                .iter()
                .map(|u| PlannedUseCase {
                    use_case: u.clone(),
                    tier: route(u),
                })
                .collect(),
            notes: String::new(),
            preset: None,
            theme: None,
            pane: None,
        }
    }
}

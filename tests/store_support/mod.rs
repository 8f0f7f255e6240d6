//! Helpers shared by the store tests: the built-in scenario, a scenario with every field set,
//! and opening a store in a directory.
#![allow(dead_code)]

use std::path::Path;
use tierwise::data::{embedded_catalog, embedded_use_cases};
use tierwise::domain::catalog::Catalog;
use tierwise::domain::cost::{Mode, Precision, Workload};
use tierwise::domain::rules::Sensitivity;
use tierwise::domain::scenario::{DeploymentChoice, PlannedUseCase, Scenario, Settings, Tiers};
use tierwise::domain::usecase::{Capability, Quality, UseCase};
use tierwise::store::{Notice, State, Store, builtin_scenario};

pub fn catalog() -> Catalog {
    embedded_catalog().expect("the embedded catalogue loads")
}

pub fn builtin() -> Scenario {
    let catalog = catalog();
    let cases = embedded_use_cases(&catalog).expect("the embedded use cases load");
    builtin_scenario(&catalog, &cases)
}

pub fn open(dir: &Path) -> (Store, State, Vec<Notice>) {
    Store::open(dir, builtin)
}

/// Settings where no field has its default value.
pub fn odd_settings(seed: f64) -> Settings {
    Settings {
        precision: Precision::Int4,
        kv_overhead: 0.31 + seed,
        efficiency: 0.41,
        utilization: 0.77,
        min_replicas: 3,
        throughput: Some(1234.5 + seed),
        mode: Mode::Buy,
        gpu_hour_price: Some(2.25),
        gpu_price: Some(28_000.0),
        years: 4.5,
        power_watts: Some(650.0),
        pue: 1.25,
        power_price: 0.21,
        colo: 410.0,
        fte: 0.6,
        salary: 201_000.0,
        overhead: 0.15,
        own_staff: true,
        kv_precision: tierwise::domain::cost::KvPrecision::Fp8,
        serving: tierwise::domain::cost::Serving::Peak,
        gpus_per_replica: Some(16),
    }
}

/// A scenario in which every field, down to the use cases, differs from the built-in.
pub fn full_scenario(name: &str) -> Scenario {
    Scenario {
        name: name.to_string(),
        workload: Workload {
            tokens_per_day: 42_000_000.0,
            input_share: 0.63,
            prompt_tokens: 9_000.0,
            output_tokens: 700.0,
        },
        region: "eu".into(),
        sector: "healthcare".into(),
        api_models: vec!["gpt-5.5".into(), "gemini-3-flash".into()],
        self_host: DeploymentChoice {
            model: "deepseek-r1".into(),
            gpu: "a100-80gb".into(),
            settings: odd_settings(0.0),
        },
        marks: vec!["phi-4".into(), "llama-3.1-70b".into()],
        tiers: Tiers {
            frontier: "gpt-5.5".into(),
            frontier_offering: None,
            large_offering: None,
            small_offering: None,
            large: DeploymentChoice {
                model: "deepseek-r1".into(),
                gpu: "h100-sxm".into(),
                settings: odd_settings(0.01),
            },
            small: DeploymentChoice {
                model: "llama-3.1-70b".into(),
                gpu: "a100-80gb".into(),
                settings: odd_settings(0.02),
            },
        },
        use_cases: vec![
            PlannedUseCase {
                use_case: UseCase {
                    name: "Claims triage".into(),
                    share: 0.6,
                    input_share: 0.8,
                    sensitivity: Sensitivity::Regulated,
                    quality: Quality::Standard,
                    needs: vec![Capability::LongContext, Capability::Multimodal],
                    source: Some("timewell-2026".into()),
                    note: Some("two\nlines".into()),
                },
                tier: 3,
            },
            PlannedUseCase {
                use_case: UseCase {
                    name: "Drafting".into(),
                    share: 0.4,
                    input_share: 0.3,
                    sensitivity: Sensitivity::Public,
                    quality: Quality::Frontier,
                    needs: Vec::new(),
                    source: None,
                    note: None,
                },
                tier: 1,
            },
        ],
        notes: "Budget review, Q3.\nAsk finance about the colo rate.".into(),
        preset: Some("timewell-2026".into()),
        theme: Some("light".into()),
        pane: Some("hybrid".into()),
    }
}

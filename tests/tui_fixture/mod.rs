//! A small fixed catalogue for interface tests, so snapshots do not move when the embedded
//! database grows.
#![allow(dead_code)]

use tierwise::data::parse_ron;
use tierwise::domain::catalog::{Catalog, Gpu, Model, Source};
use tierwise::tui::app::App;
use tierwise::tui::keymap::Keymap;
use tierwise::tui::theme::Theme;

const SOURCES: &str = r#"[
    (id: "article-a", title: "Open versus closed models", publisher: "A", date: "2026-04", kind: Article),
    (id: "card-b", title: "Model card", publisher: "B", date: "2025-12-01", kind: ModelCard),
]"#;

const MODELS: &str = r#"#![enable(implicit_some)]
[
    (id: "gpt-4o", name: "GPT-4o", vendor: "OpenAI",
     origin: (value: "US", sources: ["article-a"]),
     openness: (value: ClosedApi, sources: ["article-a"]),
     license: (value: "proprietary", sources: ["article-a"]), license_family: Proprietary,
     release: (value: "2024", sources: ["article-a"]),
     context_tokens: (value: 128000, sources: ["article-a"]),
     price: (value: (input: 2.5, output: 10.0), sources: ["article-a"],
             alternatives: [(value: (input: 5.0, output: 30.0), sources: ["card-b"], note: "A newer model's price.")],
             note: "The list price of the 2024 model."),
     scores: {"MMLU": (value: 88.7, sources: ["article-a"]), "GPQA": (value: 53.6, sources: ["card-b"])},
     description: "A closed multimodal flagship model."),
    (id: "deepseek-r1", name: "DeepSeek R1", vendor: "DeepSeek",
     origin: (value: "China", sources: ["article-a"]),
     openness: (value: OpenWeightsPermissive, sources: ["article-a"]),
     license: (value: "MIT", sources: ["card-b"]), license_family: Mit,
     total_params_b: (value: 671.0, sources: ["card-b"]), active_params_b: (value: 37.0, sources: ["card-b"]),
     context_tokens: (value: 131072, sources: ["card-b"]),
     price: (value: (input: 0.55, output: 2.19), sources: ["article-a"]),
     scores: {"MMLU": (value: 90.8, sources: ["card-b"])},
     description: "A reasoning model with open weights."),
    (id: "deepseek-v3", name: "DeepSeek V3", vendor: "DeepSeek",
     origin: (value: "China", sources: ["article-a"]),
     openness: (value: OpenWeightsPermissive, sources: ["article-a"]),
     license_family: Mit,
     total_params_b: (value: 671.0, sources: ["card-b"]),
     scores: {"MMLU": (value: 88.5, sources: ["card-b"]), "GPQA": (value: 59.1, sources: ["card-b"])},
     description: "A large mixture-of-experts chat model."),
    (id: "llama-3.1-70b", name: "Llama 3.1 70B", vendor: "Meta",
     origin: (value: "US", sources: ["article-a"]),
     openness: (value: OpenWeightsRestricted, sources: ["article-a"]),
     license: (value: "Llama 3.1 Community License", sources: ["article-a"]), license_family: Llama,
     release: (value: "2024-07", sources: ["article-a"]),
     total_params_b: (value: 70.0, sources: ["article-a"]),
     context_tokens: (value: 128000, sources: ["article-a"]),
     price: (value: (input: 0.88, output: 0.88), sources: ["article-a"]),
     scores: {"MMLU": (value: 86.0, sources: ["article-a"])},
     description: "A dense mid-size workhorse."),
    (id: "mistral-small", name: "Mistral Small", vendor: "Mistral AI",
     origin: (value: "France", sources: ["article-a"]),
     openness: (value: OpenWeightsPermissive, sources: ["article-a"]),
     license: (value: "Apache 2.0", sources: ["article-a"]), license_family: Apache2,
     total_params_b: (value: 24.0, sources: ["article-a"]),
     context_tokens: (value: 32000, sources: ["article-a"]),
     description: "A small permissive model for local use."),
    (id: "olmo-2", name: "OLMo 2", vendor: "AI2",
     openness: (value: FullyOpen, sources: ["article-a"]),
     license_family: Apache2,
     description: "Weights, data and code all published."),
]"#;

const GPUS: &str = r#"#![enable(implicit_some)]
[
    (id: "h100", name: "H100 80GB", vendor: "NVIDIA",
     memory_gb: (value: 80.0, sources: ["card-b"]), bf16_tflops: (value: 989.0, sources: ["card-b"]),
     power_w: (value: 700.0, sources: ["card-b"])),
    (id: "l4", name: "L4 24GB", vendor: "NVIDIA",
     memory_gb: (value: 24.0, sources: ["card-b"]), bf16_tflops: (value: 121.0, sources: ["card-b"]),
     power_w: (value: 72.0, sources: ["card-b"])),
]"#;

pub fn catalog() -> Catalog {
    Catalog {
        sources: parse_ron::<Vec<Source>>("sources", SOURCES).unwrap(),
        models: parse_ron::<Vec<Model>>("models", MODELS).unwrap(),
        gpus: parse_ron::<Vec<Gpu>>("gpus", GPUS).unwrap(),
    }
}

pub fn app(w: u16, h: u16) -> App {
    app_with(catalog(), "dark", w, h)
}

pub fn app_with(catalog: Catalog, theme: &str, w: u16, h: u16) -> App {
    let mut app = App::new(
        catalog,
        Keymap::embedded().unwrap(),
        Theme::builtin(theme).unwrap(),
        (w, h),
    );
    // The six models stand for the whole catalogue: list them all (the catalogue opens on the
    // current models, and half of these have no price, offering or download count).
    app.update(tierwise::tui::action::Action::ShowAll);
    app
}

/// Names of the models in the current hit list, in order.
pub fn names(app: &App) -> Vec<String> {
    app.catalogue
        .hits
        .iter()
        .map(|h| app.ctx.catalog.models[h.index].name.clone())
        .collect()
}

//! The importer end to end on small fixture files (tests/fixtures/import/): identity across
//! sources, offerings, disagreements kept, bad input reported with file and key, never a panic,
//! and byte-identical output for the same input.

use tierwise::data::parse_ron;
use tierwise::domain::catalog::{OfferingKind, Source};
use tierwise::domain::validate::validate;
use tierwise::import::{Curated, Imported, Upstream, import, write};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const SOURCES: &str = r#"[
    (id: "article", title: "An article", publisher: "P", date: "2026-04", kind: Article),
    (id: "models-dev", title: "models.dev", publisher: "m", date: "2026-07-02", kind: Dataset),
    (id: "litellm", title: "LiteLLM", publisher: "l", date: "2026-09", kind: Dataset),
    (id: "lab-home-countries", title: "Labs' home countries", publisher: "t", date: "2026-12", kind: Dataset),
    (id: "llmfit", title: "llmfit", publisher: "f", date: "2026-10-12", kind: Dataset),
    (id: "aiconfigurator", title: "aic", publisher: "n", date: "2026-08-21", kind: Dataset),
    (id: "gpu-datasheets", title: "ds", publisher: "d", date: "2026", kind: Dataset),
    (id: "gpu-price-index", title: "pi", publisher: "p", date: "2026-10-10", kind: Dataset),
]"#;

const MODELS: &str = r#"#![enable(implicit_some)]
[
    (id: "llama-9-70b", name: "Llama 9 70B", vendor: "Meta",
     openness: (value: OpenWeightsRestricted, sources: ["article"]), license_family: Llama,
     description: "A curated open model.", hf_repo: "meta-llama/Llama-9-70B-Instruct"),
    (id: "deepseek-v9", name: "DeepSeek V9", vendor: "DeepSeek",
     openness: (value: OpenWeightsPermissive, sources: ["article"]), license_family: Mit,
     price: (value: (input: 0.1, output: 2.0), sources: ["article"]),
     description: "A curated model with an article price.", hf_repo: "deepseek-ai/DeepSeek-V9"),
    (id: "claude-opus-9", name: "Claude Opus 9", vendor: "Anthropic",
     openness: (value: ClosedApi, sources: ["article"]), license_family: Proprietary,
     release: (value: "2026", sources: ["article"]),
     context_tokens: (value: 1000000, sources: ["article"], note: "Rounded by the article."),
     price: (value: (input: 15.0, output: 75.0), sources: ["article"]),
     description: "A curated API model whose article misstates its context."),
]"#;

const GPUS: &str = r#"[
    (id: "h100-sxm", name: "H100", vendor: "NVIDIA", memory_gb: (value: 80.0, sources: ["article"]),
     bf16_tflops: (value: 989.0, sources: ["article"]), power_w: (value: 700.0, sources: ["article"])),
]"#;

const ALIASES: &str = r#"[
    (provider: Some("groq"), key: "llama-9-70b-versatile", model: "meta-llama/Llama-9-70B-Instruct", why: "Groq's name."),
    (key: "ghost", model: "nobody/Ghost", why: "Points nowhere."),
]"#;

fn curated() -> Curated {
    Curated {
        sources: parse_ron::<Vec<Source>>("sources", SOURCES).unwrap(),
        models: parse_ron("models", MODELS).unwrap(),
        gpus: parse_ron("gpus", GPUS).unwrap(),
        aliases: parse_ron("aliases", ALIASES).unwrap(),
        configs: Vec::new(),
        doubts: Vec::new(),
    }
}

struct Texts(Vec<String>);

impl Texts {
    fn as_upstream(&self) -> Upstream<'_> {
        let t = &self.0;
        Upstream {
            models_dev: &t[0],
            litellm: &t[1],
            llmfit: &t[2],
            aic_models: &t[3],
            aic_systems: &t[4],
            datasheets: &t[5],
            gpu_prices: &t[6],
        }
    }
}

fn upstream_texts() -> Texts {
    Texts(
        [
            "models-dev-api.json",
            "litellm-model-prices.json",
            "llmfit-hf-models.json",
            "aiconfigurator-model-configs.json",
            "aiconfigurator-gpu-systems.json",
            "gpu-datasheets.json",
            "gpu-prices.csv",
        ]
        .iter()
        .map(|f| fixture(f))
        .collect(),
    )
}

fn run() -> Imported {
    import(&upstream_texts().as_upstream(), &curated())
}

#[test]
fn one_model_across_sources_with_its_offerings() {
    let out = run();
    let problems = validate(&out.catalog);
    assert!(problems.is_empty(), "{problems:?}");
    let llama = out
        .catalog
        .model("llama-9-70b")
        .expect("the curated id is kept");
    let ids: Vec<&str> = llama.offerings.iter().map(|o| o.id.as_str()).collect();
    // Groq by alias, Together by the normal form (-Turbo dropped), Meta's free Llama API.
    assert_eq!(
        ids,
        [
            "llama-9-70b@groq",
            "llama-9-70b@togetherai",
            "llama-9-70b@llama"
        ],
        "cheapest first, free last"
    );
    assert!(
        llama
            .offerings
            .iter()
            .all(|o| o.kind == OfferingKind::Host || o.provider == "llama")
    );
    let price = llama.price.as_ref().unwrap();
    assert_eq!(
        (price.value.input, price.value.output),
        (0.59, 0.79),
        "the cheapest paid offering, not the free plan"
    );
    assert_eq!(
        llama.offerings[2].price.value.input, 0.0,
        "0 is free, kept as a price"
    );
    // The gated repo's 4,096 is llmfit's fallback, so the context comes from the API row.
    assert_eq!(llama.context_tokens.as_ref().unwrap().value, 131_072);
    assert_eq!(llama.total_params_b.as_ref().unwrap().value, 70.554);
    assert!(
        llama.architecture.is_none(),
        "no config and no dimensions: no architecture"
    );
}

#[test]
fn disagreeing_prices_are_all_kept_with_their_sources() {
    let out = run();
    let v9 = out.catalog.model("deepseek-v9").unwrap();
    let price = v9.price.as_ref().unwrap();
    assert_eq!(
        (price.value.input, price.value.output),
        (0.5, 1.0),
        "the lab's own list price in the dated data set is shown over the article's"
    );
    assert_eq!(price.sources, ["models-dev"]);
    let alternatives: Vec<(f64, f64, &str)> = price
        .alternatives
        .iter()
        .map(|a| (a.value.input, a.value.output, a.sources[0].as_str()))
        .collect();
    assert_eq!(
        alternatives,
        [(1.2, 3.6, "litellm"), (0.1, 2.0, "article")],
        "LiteLLM's and the article's prices stay as alternatives"
    );
    assert!(price.note.as_ref().unwrap().contains("articles' figures"));
    let own = v9
        .offerings
        .iter()
        .find(|o| o.id == "deepseek-v9@deepseek")
        .unwrap();
    assert_eq!(own.kind, OfferingKind::FirstParty);
    assert_eq!(
        own.batch.as_ref().map(|b| (b.input, b.output)),
        Some((0.6, 1.8))
    );
    assert_eq!(own.as_of, "2026-07-02");
    let eu = v9
        .offerings
        .iter()
        .find(|o| o.provider == "amazon-bedrock")
        .expect("Bedrock's eu offering");
    assert_eq!(
        (eu.id.as_str(), eu.region.as_deref(), eu.kind),
        (
            "deepseek-v9@amazon-bedrock.eu",
            Some("eu"),
            OfferingKind::Cloud
        )
    );
    assert_eq!(eu.as_of, "2026-09");
    // The verbatim config gives MLA; llmfit's derived head_dim 56 is not used.
    let arch = &v9.architecture.as_ref().unwrap().value;
    assert_eq!((arch.kv_lora_rank, arch.head_dim), (Some(512), 192));
    assert!(
        !out.catalog
            .models
            .iter()
            .any(|m| m.offerings.iter().any(|o| o.provider == "openrouter")),
        "gateways are not offerings"
    );
}

#[test]
fn a_doubted_lab_price_leaves_the_article_shown() {
    let mut curated = curated();
    curated.doubts = vec![tierwise::import::Doubt {
        model: "deepseek-v9".into(),
        source: "models-dev".into(),
        why: "Evidence against it.".into(),
    }];
    let out = import(&upstream_texts().as_upstream(), &curated);
    let price = out
        .catalog
        .model("deepseek-v9")
        .unwrap()
        .price
        .clone()
        .unwrap();
    assert_eq!((price.value.input, price.value.output), (0.1, 2.0));
    assert_eq!(price.sources, ["article"]);
    let doubted = price
        .alternatives
        .iter()
        .find(|a| a.sources == ["models-dev"])
        .expect("the doubted price is kept");
    assert_eq!((doubted.value.input, doubted.value.output), (0.5, 1.0));
    assert!(
        doubted
            .note
            .as_ref()
            .unwrap()
            .contains("Evidence against it.")
    );
    assert!(price.note.as_ref().unwrap().contains("doubted"));
}

#[test]
fn an_article_context_that_the_lab_contradicts_is_kept_as_an_alternative() {
    let out = run();
    let opus = out.catalog.model("claude-opus-9").unwrap();
    let ctx = opus.context_tokens.as_ref().unwrap();
    assert_eq!(
        (ctx.value, ctx.sources.as_slice()),
        (200_000, &["models-dev".to_string()][..])
    );
    assert_eq!(ctx.alternatives.len(), 1);
    assert_eq!(ctx.alternatives[0].value, 1_000_000);
    assert_eq!(ctx.alternatives[0].sources, ["article"]);
    assert_eq!(
        ctx.alternatives[0].note.as_deref(),
        Some("Rounded by the article.")
    );
    assert!(ctx.note.as_ref().unwrap().contains("lab's own API listing"));
    // "2026" is the lab's 2026-01-01 written less precisely: they agree.
    let release = opus.release.as_ref().unwrap();
    assert_eq!(release.value, "2026-01-01");
    assert_eq!(release.sources, ["models-dev", "article"]);
    assert!(release.alternatives.is_empty());
}

#[test]
fn latest_aliases_join_the_model_they_name() {
    let out = run();
    let names: Vec<&str> = out.catalog.models.iter().map(|m| m.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains("latest")), "{names:?}");
    // `claude-opus-9-0` is Claude Opus 9: one offering, the alias's own price an alternative.
    let opus = out.catalog.model("claude-opus-9").unwrap();
    let ids: Vec<&str> = opus.offerings.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["claude-opus-9@anthropic"]);
    let price = &opus.offerings[0].price;
    assert_eq!((price.value.input, price.value.output), (15.0, 75.0));
    assert_eq!(price.alternatives.len(), 1);
    assert_eq!(
        (
            price.alternatives[0].value.input,
            price.alternatives[0].value.output
        ),
        (16.0, 80.0)
    );
    assert!(
        price.alternatives[0]
            .note
            .as_ref()
            .unwrap()
            .contains("claude-opus-9-0")
    );
    assert!(out.catalog.model("claude-opus-9.0").is_none());
    // Claude Opus 9.1 is another model, under its plain name.
    let next = out
        .catalog
        .model("claude-opus-9.1")
        .expect("9.1 kept apart");
    assert_eq!(next.name, "Claude Opus 9.1");
    assert_eq!(next.offerings.len(), 1);
    // `mistral-medium-latest` names the dated version released the same day (2508, not 2505).
    // LiteLLM's key of the same name carries no date to say which version it prices: it
    // joins no model.
    assert!(out.catalog.model("mistral-medium").is_none());
    let m31 = out.catalog.model("mistral-medium-2508").unwrap();
    assert_eq!(m31.name, "Mistral Medium 3.1");
    assert_eq!(m31.offerings.len(), 1);
    let p = &m31.offerings[0].price;
    assert_eq!(p.sources, ["models-dev"]);
    assert!(p.alternatives.is_empty(), "{p:?}");
    assert!(
        !out.catalog
            .models
            .iter()
            .flat_map(|m| &m.offerings)
            .any(|o| o.price.all_sources().any(|s| s == "litellm") && o.provider == "mistral")
    );
    assert_eq!(
        out.catalog
            .model("mistral-medium-2505")
            .unwrap()
            .offerings
            .len(),
        1
    );
    // An alias with no dated version in the catalogue stays one model, plainly named.
    assert_eq!(out.catalog.model("codestral").unwrap().name, "Codestral");
}

#[test]
fn bad_input_is_reported_with_file_and_key_and_skipped() {
    let out = run();
    let text: Vec<String> = out.problems.iter().map(|p| p.to_string()).collect();
    let has = |needle: &str| text.iter().any(|t| t.contains(needle));
    assert!(
        has("models-dev-api.json: groq/broken: `cost.input`"),
        "{text:#?}"
    );
    assert!(
        has("litellm-model-prices.json: deepseek/deepseek-v9-permillion: `input_cost_per_token`"),
        "{text:#?}"
    );
    assert!(
        has("llmfit-hf-models.json: acme-lab/Small-7B: duplicate"),
        "{text:#?}"
    );
    assert!(
        has("llmfit-hf-models.json: [5]: missing field `name`"),
        "{text:#?}"
    );
    assert!(has("curated/aliases.ron: ghost:"), "{text:#?}");
    assert!(
        has("gpu-prices.csv: line 7: gpu_model \"TPU-v5\""),
        "{text:#?}"
    );
    assert!(
        has("aiconfigurator-model-configs.json: (values): 1 non-JSON"),
        "{text:#?}"
    );
    // The lab's own small model is kept; the quantized copy is not.
    assert!(out.catalog.model("small-7b").is_some());
    assert!(
        !out.catalog
            .models
            .iter()
            .any(|m| m.hf_repo.as_deref() == Some("someone/Small-7B-GGUF"))
    );
}

#[test]
fn gpus_get_figures_offers_and_a_median_rent() {
    let out = run();
    let h100 = out.catalog.gpu("h100-sxm").unwrap();
    assert_eq!(h100.memory_bandwidth_tb_s.as_ref().unwrap().value, 3.35);
    let bw = h100.memory_bandwidth_tb_s.as_ref().unwrap();
    assert_eq!(
        bw.sources,
        ["gpu-datasheets", "aiconfigurator"],
        "agreeing sources join"
    );
    assert_eq!(h100.rent_offers.len(), 4);
    let rent = h100.rent_usd_per_hour.as_ref().unwrap();
    assert_eq!(
        rent.value, 3.99,
        "median of the three on-demand offers; spot left out"
    );
    assert_eq!(rent.range, Some((2.99, 6.88)));
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let a = run();
    let b = run();
    let text = |i: &Imported| write::to_ron("h", &i.catalog.models).unwrap();
    assert_eq!(text(&a), text(&b));
    assert_eq!(
        write::to_ron("h", &a.catalog.gpus).unwrap(),
        write::to_ron("h", &b.catalog.gpus).unwrap()
    );
    let back: Vec<tierwise::domain::catalog::Model> = parse_ron("back", &text(&a)).unwrap();
    assert_eq!(back, a.catalog.models);
}

#[test]
fn garbage_never_panics() {
    for junk in [
        "",
        "{",
        "[]",
        "null",
        "{\"a\": 1}",
        "[1, 2]",
        "\u{0}\u{ffff}",
    ] {
        let up = Upstream {
            models_dev: junk,
            litellm: junk,
            llmfit: junk,
            aic_models: junk,
            aic_systems: junk,
            datasheets: junk,
            gpu_prices: junk,
        };
        let out = import(&up, &curated());
        assert_eq!(
            out.catalog.models.len(),
            3,
            "the curated models survive {junk:?}"
        );
    }
}

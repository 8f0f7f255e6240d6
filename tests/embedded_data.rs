//! The embedded database loads and validates, so a bad edit to assets/*.ron fails CI.
//! The other tests pin what the rest of the app relies on: coverage, required ids, datasheet
//! figures, encoded conflicts and provenance.

use std::collections::HashSet;
use tierwise::domain::catalog::{Catalog, Figure, Model};

fn catalog() -> Catalog {
    tierwise::data::embedded_catalog().unwrap_or_else(|e| panic!("{e}"))
}

fn model<'a>(catalog: &'a Catalog, id: &str) -> &'a Model {
    catalog
        .model(id)
        .unwrap_or_else(|| panic!("model {id} is missing"))
}

/// Every source id cited by a figure of a model (notes are not figures).
fn model_sources(m: &Model, out: &mut HashSet<String>) {
    fn add<T>(f: Option<&Figure<T>>, out: &mut HashSet<String>) {
        if let Some(f) = f {
            out.extend(f.all_sources().cloned());
        }
    }
    add(m.origin.as_ref(), out);
    add(Some(&m.openness), out);
    add(m.license.as_ref(), out);
    add(m.release.as_ref(), out);
    add(m.total_params_b.as_ref(), out);
    add(m.active_params_b.as_ref(), out);
    add(m.experts.as_ref(), out);
    add(m.context_tokens.as_ref(), out);
    add(m.price.as_ref(), out);
    add(m.modalities.as_ref(), out);
    add(m.architecture.as_ref(), out);
    for f in m.scores.values() {
        add(Some(f), out);
    }
    for o in &m.offerings {
        out.extend(o.sources().cloned());
    }
}

/// Paths of a model's figures that have alternatives but no note saying why.
fn unexplained_conflicts(m: &Model) -> Vec<String> {
    fn check<T>(path: &str, f: Option<&Figure<T>>, out: &mut Vec<String>) {
        if let Some(f) = f {
            let noted = f.note.as_ref().is_some_and(|n| !n.trim().is_empty());
            if f.is_conflicting() && !noted {
                out.push(path.to_string());
            }
        }
    }
    let mut out = Vec::new();
    let id = &m.id;
    check(&format!("{id}.origin"), m.origin.as_ref(), &mut out);
    check(&format!("{id}.openness"), Some(&m.openness), &mut out);
    check(&format!("{id}.license"), m.license.as_ref(), &mut out);
    check(&format!("{id}.release"), m.release.as_ref(), &mut out);
    check(&format!("{id}.total"), m.total_params_b.as_ref(), &mut out);
    check(
        &format!("{id}.active"),
        m.active_params_b.as_ref(),
        &mut out,
    );
    check(&format!("{id}.experts"), m.experts.as_ref(), &mut out);
    check(
        &format!("{id}.context"),
        m.context_tokens.as_ref(),
        &mut out,
    );
    check(&format!("{id}.price"), m.price.as_ref(), &mut out);
    check(&format!("{id}.modalities"), m.modalities.as_ref(), &mut out);
    for (bench, f) in &m.scores {
        check(&format!("{id}.scores[{bench}]"), Some(f), &mut out);
    }
    out
}

#[test]
fn embedded_database_loads_and_validates() {
    let catalog = catalog();
    assert!(!catalog.models.is_empty());
    assert!(!catalog.gpus.is_empty());
}

#[test]
fn embedded_rules_load_and_reference_known_sources() {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let rules = tierwise::data::embedded_rules(&catalog).unwrap_or_else(|e| panic!("{e}"));
    assert!(rules.rules.len() >= 20);
    assert!(rules.region("eu").is_some() && rules.sector("public-sector").is_some());
}

#[test]
fn embedded_use_cases_cover_the_articles_workloads() {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let cases = tierwise::data::embedded_use_cases(&catalog).unwrap_or_else(|e| panic!("{e}"));
    let total: f64 = cases.iter().map(|c| c.share).sum();
    assert!((total - 1.0).abs() < 1e-9, "default shares sum to {total}");
    for needed in [
        "Coding",
        "RAG",
        "summarization",
        "video",
        "Customer",
        "health",
    ] {
        assert!(
            cases.iter().any(|c| c.name.contains(needed)),
            "no use case for {needed}"
        );
    }
}

#[test]
fn at_least_sixty_models_both_closed_and_open() {
    let catalog = catalog();
    assert!(
        catalog.models.len() >= 60,
        "only {} models",
        catalog.models.len()
    );
    let open = catalog
        .models
        .iter()
        .filter(|m| m.is_open_weights())
        .count();
    let closed = catalog.models.len() - open;
    assert!(open >= 20, "only {open} open-weight models");
    assert!(closed >= 15, "only {closed} closed models");
    assert!(
        catalog.models.iter().any(|m| m.can_self_host()),
        "no model can be sized for self-hosting"
    );
}

#[test]
fn required_model_ids_exist() {
    let catalog = catalog();
    for id in [
        "claude-opus-4.7",
        "gpt-5.5",
        "gpt-5.4",
        "gpt-4o",
        "gemini-3.1-pro",
        "gemini-3-flash",
        "llama-3.1-70b",
        "qwen-3.5-397b-a17b",
        "deepseek-v4-pro",
        "deepseek-r1",
        "llama-4-maverick",
        "llama-4-scout",
        "phi-4",
        "gemma-3-27b",
        "mistral-large",
        "mistral-large-2",
        "mistral-large-3",
    ] {
        model(&catalog, id);
    }
}

#[test]
fn gpus_carry_exact_datasheet_figures() {
    let catalog = catalog();
    let expected = [
        ("h100-sxm", 80.0, 989.0, 700.0),
        ("h200", 141.0, 989.0, 700.0),
        ("b200", 180.0, 2250.0, 1000.0),
        ("a100-80gb", 80.0, 312.0, 400.0),
        ("l40s", 48.0, 362.0, 350.0),
        ("rtx-4090", 24.0, 165.0, 450.0),
        ("rtx-3090", 24.0, 71.0, 350.0),
    ];
    assert!(catalog.gpus.len() >= 12, "{} GPUs", catalog.gpus.len());
    for (id, memory, tflops, watts) in expected {
        let gpu = catalog
            .gpu(id)
            .unwrap_or_else(|| panic!("gpu {id} is missing"));
        assert_eq!(gpu.memory_gb.value, memory, "{id} memory");
        assert_eq!(gpu.bf16_tflops.value, tflops, "{id} tflops");
        assert_eq!(gpu.power_w.value, watts, "{id} power");
        for f in [&gpu.memory_gb, &gpu.bf16_tflops, &gpu.power_w] {
            assert!(
                f.sources.iter().any(|s| s.starts_with("nvidia-")),
                "{id}: a datasheet figure must cite a datasheet, got {:?}",
                f.sources
            );
        }
    }
}

#[test]
fn gpu_prices_keep_ranges_around_their_midpoints() {
    let catalog = catalog();
    for gpu in &catalog.gpus {
        for f in [&gpu.purchase_usd, &gpu.rent_usd_per_hour]
            .into_iter()
            .flatten()
        {
            assert!(f.value > 0.0, "{}: price {}", gpu.id, f.value);
            if let Some((low, high)) = f.range {
                assert!(low <= f.value && f.value <= high, "{}: {f:?}", gpu.id);
            }
            if f.is_conflicting() {
                assert!(
                    f.note.is_some(),
                    "{}: conflicting price without a note",
                    gpu.id
                );
            }
        }
    }
    let h100 = catalog.gpu("h100-sxm").unwrap();
    let (low, high) = h100.rent_usd_per_hour.as_ref().unwrap().low_high();
    // The articles' $2.00 to the price index's dearest on-demand offer (Azure, $12.29).
    assert_eq!((low, high), (2.0, 12.29));
}

#[test]
fn price_conflicts_are_kept() {
    let catalog = catalog();
    let gpt4o = model(&catalog, "gpt-4o").price.as_ref().unwrap();
    let mut values = vec![(gpt4o.value.input, gpt4o.value.output)];
    values.extend(
        gpt4o
            .alternatives
            .iter()
            .map(|a| (a.value.input, a.value.output)),
    );
    assert_eq!(values, vec![(2.5, 10.0), (5.0, 15.0), (5.0, 30.0)]);
    // The article's 1M context stays beside OpenAI's 128K, which is shown.
    let ctx = model(&catalog, "gpt-4o").context_tokens.as_ref().unwrap();
    let contexts: Vec<u64> = std::iter::once(ctx.value)
        .chain(ctx.alternatives.iter().map(|a| a.value))
        .collect();
    assert_eq!(contexts, [128_000, 1_000_000]);
    // The second model whose sources disagree: DeepSeek R1's config (163,840) is shown; the
    // article and model card's 128K and DeepSeek's own API limit (64K) stay as alternatives.
    let r1 = model(&catalog, "deepseek-r1")
        .context_tokens
        .as_ref()
        .unwrap();
    let mut values: Vec<u64> = r1.alternatives.iter().map(|a| a.value).collect();
    values.sort();
    assert_eq!(r1.value, 163_840);
    assert!(
        values.contains(&128_000) && values.contains(&65_536),
        "{r1:?}"
    );

    let gpt54 = model(&catalog, "gpt-5.4").price.as_ref().unwrap();
    let inputs: Vec<f64> = std::iter::once(gpt54.value.input)
        .chain(gpt54.alternatives.iter().map(|a| a.value.input))
        .collect();
    assert_eq!(inputs.len(), 2);
    assert!(inputs.contains(&2.5) && inputs.contains(&5.0), "{inputs:?}");

    let flash = model(&catalog, "gemini-3-flash").price.as_ref().unwrap();
    assert!(!flash.alternatives.is_empty());

    let pro = model(&catalog, "gemini-3.1-pro").price.as_ref().unwrap();
    let long = pro.value.long_context.as_ref().expect("long-context tier");
    assert_eq!(
        (long.above_tokens, long.input, long.output),
        (200_000, 4.0, 18.0)
    );
}

#[test]
fn openness_and_license_conflicts_are_kept() {
    let catalog = catalog();
    for id in [
        "deepseek-r1",
        "mistral-large",
        "mistral-large-2",
        "mistral-large-3",
    ] {
        assert!(
            model(&catalog, id).openness.is_conflicting(),
            "{id} openness"
        );
    }
    for id in [
        "llama-3.1-70b",
        "llama-4-maverick",
        "qwen-2.5-72b",
        "mistral-7b",
    ] {
        let license = model(&catalog, id).license.as_ref().unwrap();
        assert!(license.is_conflicting(), "{id} license");
    }
    for id in ["gpt-4o", "gemini-3.1-pro"] {
        let m = model(&catalog, id);
        let conflicting = m.release.as_ref().is_some_and(|f| f.is_conflicting())
            || m.context_tokens
                .as_ref()
                .is_some_and(|f| f.is_conflicting());
        assert!(conflicting, "{id} release/context");
    }
}

#[test]
fn every_conflicting_figure_says_why() {
    let catalog = catalog();
    let mut missing = Vec::new();
    for m in &catalog.models {
        missing.extend(unexplained_conflicts(m));
    }
    for g in &catalog.gpus {
        let figures = [Some(&g.memory_gb), Some(&g.bf16_tflops), Some(&g.power_w)];
        let prices = [g.purchase_usd.as_ref(), g.rent_usd_per_hour.as_ref()];
        for f in figures.into_iter().chain(prices).flatten() {
            if f.is_conflicting() && f.note.is_none() {
                missing.push(format!("{}: {f:?}", g.id));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "alternatives without a note: {missing:?}"
    );
}

#[test]
fn active_parameters_never_exceed_total() {
    let catalog = catalog();
    for m in catalog.models.iter().filter(|m| m.is_open_weights()) {
        if let (Some(total), Some(active)) = (&m.total_params_b, &m.active_params_b) {
            assert!(active.value <= total.value, "{}", m.id);
            for alt in &active.alternatives {
                assert!(alt.value <= total.value, "{} alternative", m.id);
            }
        }
    }
}

#[test]
fn no_model_is_priced_at_zero() {
    // No source says any listed model is free; unknown prices are absent, never zero.
    let catalog = catalog();
    for m in &catalog.models {
        if let Some(price) = &m.price {
            let mut all = vec![&price.value];
            all.extend(price.alternatives.iter().map(|a| &a.value));
            for p in all {
                assert!(p.input > 0.0 && p.output > 0.0, "{}: {p:?}", m.id);
            }
        }
    }
}

#[test]
fn descriptions_are_short_and_distinct() {
    let catalog = catalog();
    let mut seen = HashSet::new();
    for m in &catalog.models {
        let chars = m.description.chars().count();
        assert!(chars <= 120, "{}: description has {chars} chars", m.id);
        assert!(
            seen.insert(m.description.as_str()),
            "{}: duplicate description",
            m.id
        );
    }
}

#[test]
fn every_source_is_cited() {
    let catalog = catalog();
    let mut cited = HashSet::new();
    for m in &catalog.models {
        model_sources(m, &mut cited);
    }
    for g in &catalog.gpus {
        for f in [&g.memory_gb, &g.bf16_tflops, &g.power_w] {
            cited.extend(f.all_sources().cloned());
        }
        for f in [
            &g.purchase_usd,
            &g.rent_usd_per_hour,
            &g.memory_bandwidth_tb_s,
            &g.fp8_tflops,
            &g.int8_tops,
            &g.fp4_tflops,
        ]
        .into_iter()
        .flatten()
        {
            cited.extend(f.all_sources().cloned());
        }
        for o in &g.rent_offers {
            cited.extend(o.sources.iter().cloned());
        }
    }
    for s in &catalog.sources {
        assert!(cited.contains(&s.id), "source {} is never cited", s.id);
    }
}

#[test]
fn every_article_has_a_preset_that_loads_and_computes() {
    let catalog = catalog();
    let presets = tierwise::data::embedded_presets(&catalog).unwrap_or_else(|e| panic!("{e}"));
    for source in catalog
        .sources
        .iter()
        .filter(|s| s.reference.as_deref().is_some_and(|r| r.ends_with(".txt")))
    {
        assert!(
            presets.iter().any(|p| p.source == source.id),
            "no preset for {}",
            source.id
        );
    }
    for p in &presets {
        let found = p.compare(&catalog).unwrap();
        assert_eq!(found.len(), p.stated.len());
        assert!(!p.note.trim().is_empty(), "{} has no note", p.id);
    }
}

#[test]
fn the_embedded_binary_says_what_the_reviewed_text_says() {
    use tierwise::data::parse_ron;
    use tierwise::domain::catalog::{Gpu, Source};
    let read = |name: &str| {
        std::fs::read_to_string(format!("{}/assets/{name}", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let catalog = catalog();
    let models: Vec<Model> = parse_ron("models.ron", &read("models.ron")).unwrap();
    let gpus: Vec<Gpu> = parse_ron("gpus.ron", &read("gpus.ron")).unwrap();
    let sources: Vec<Source> = parse_ron("sources.ron", &read("sources.ron")).unwrap();
    assert!(
        models == catalog.models && gpus == catalog.gpus && sources == catalog.sources,
        "assets/catalog.bin and assets/*.ron differ: rerun `cargo run --release --example import`"
    );
}

#[test]
fn the_catalogue_holds_the_open_models_and_offerings_a_user_looks_for() {
    let catalog = catalog();
    let open: Vec<&Model> = catalog
        .models
        .iter()
        .filter(|m| m.is_open_weights())
        .collect();
    let with_params = open.iter().filter(|m| m.total_params_b.is_some()).count();
    let with_arch = open.iter().filter(|m| m.architecture.is_some()).count();
    assert!(
        with_params >= 2000,
        "{with_params} open models with a parameter count"
    );
    assert!(
        with_arch >= 1500,
        "{with_arch} open models with an architecture"
    );
    let llama = model(&catalog, "llama-3.3-70b");
    assert!(llama.offerings.len() >= 3, "{:?}", llama.offerings);
    assert!(
        llama
            .offerings
            .iter()
            .all(|o| !o.as_of.is_empty() && o.sources().count() > 0)
    );
    assert!(llama.architecture.is_some() && llama.price.is_some());
    assert_eq!(
        llama.hf_repo.as_deref(),
        Some("meta-llama/Llama-3.3-70B-Instruct")
    );
    // llmfit's 4,096 fallback for a gated repo is never shown as the context.
    assert_ne!(llama.context_tokens.as_ref().unwrap().value, 4096);
    let pro = model(&catalog, "deepseek-v4-pro").price.as_ref().unwrap();
    let mut prices = vec![(pro.value.input, pro.value.output)];
    prices.extend(
        pro.alternatives
            .iter()
            .map(|a| (a.value.input, a.value.output)),
    );
    for stated in [(0.145, 3.48), (0.435, 0.87), (1.32, 3.96)] {
        assert!(
            prices.contains(&stated),
            "{stated:?} missing from {prices:?}"
        );
    }
    assert!(pro.note.is_some());
    let oss = model(&catalog, "gpt-oss-120b");
    let arch = &oss.architecture.as_ref().unwrap().value;
    assert_eq!(
        (arch.sliding_layers, arch.sliding_window),
        (Some(18), Some(128))
    );
    let v3 = &model(&catalog, "deepseek-v3")
        .architecture
        .as_ref()
        .unwrap()
        .value;
    assert_eq!(
        (v3.kv_lora_rank, v3.qk_rope_head_dim),
        (Some(512), Some(64))
    );
}

#[test]
fn the_current_models_are_every_priced_or_offered_model_and_the_popular_open_ones() {
    use tierwise::domain::query::{CURRENT_TOP_OPEN, Current};
    let c = catalog();
    let current = Current::for_catalog(&c);
    let shown: Vec<&Model> = c.models.iter().filter(|m| current.admits(m)).collect();
    let sold = c
        .models
        .iter()
        .filter(|m| m.price.is_some() || !m.offerings.is_empty())
        .count();
    assert!(shown.len() >= sold && shown.len() <= sold + CURRENT_TOP_OPEN + 10);
    assert!(shown.len() < c.models.len() / 2, "{} current", shown.len());
    for id in ["llama-3.3-70b", "gpt-4o", "claude-opus-4.7"] {
        assert!(shown.iter().any(|m| m.id == id), "{id} is not current");
    }
}

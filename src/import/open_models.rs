//! Open-weight models from llmfit's Hugging Face catalogue: which repositories to keep, and
//! the facts each brings (parameters, context, license, downloads, architecture).

use super::PublishedConfig;
use super::aiconfig::ConfigEntry;
use super::identity::{id_from, normalise};
use super::license::classify;
use super::llmfit::{HfRow, full_attention_types};
use super::merge_prices::{close_f64, fold_in, fold_opt};
use super::model_index::{AIC_SOURCE, LLMFIT_SOURCE, Models};
use super::providers::LAB_ORGS;
use crate::domain::catalog::{Architecture, AttentionKind, Figure, Model};
use std::collections::{BTreeMap, HashMap};

/// How many Hugging Face repositories the catalogue keeps in all (lab models, hosted models
/// and the most downloaded rest): enough that 2,000 carry a parameter count and 1,500 an
/// architecture, few enough that the catalogue stays quick to search.
pub const OPEN_MODEL_TARGET: usize = 2_500;

/// Organisations that only re-upload others' weights (quantized or converted).
const COPY_ORGS: [&str; 9] = [
    "mlx-community",
    "unsloth",
    "lmstudio-community",
    "TheBloke",
    "bartowski",
    "RedHatAI",
    "cyankiwi",
    "QuantTrio",
    "mradermacher",
];

/// Name parts that mark a quantized, converted or altered copy of another repository.
const COPY_MARKERS: [&str; 24] = [
    "gguf",
    "awq",
    "gptq",
    "mlx",
    "bnb",
    "4bit",
    "8bit",
    "int4",
    "int8",
    "fp8",
    "nvfp4",
    "mxfp4",
    "exl2",
    "w4a16",
    "w8a8",
    "abliterated",
    "uncensored",
    "heretic",
    "dflash",
    "eagle",
    "autoround",
    "onnx",
    "-q4",
    "-q8",
];

pub fn is_copy(row: &HfRow) -> bool {
    let name = row.basename().to_lowercase();
    COPY_ORGS.contains(&row.org()) || COPY_MARKERS.iter().any(|m| name.contains(m))
}

fn is_language_model(row: &HfRow) -> bool {
    matches!(
        row.pipeline.as_str(),
        "text-generation" | "image-text-to-text"
    )
}

/// The rows by repository and by normal form of their name (the best row for each form).
pub struct HfIndex<'a> {
    rows: &'a [HfRow],
    by_repo: HashMap<String, usize>,
    by_norm: HashMap<String, usize>,
}

impl<'a> HfIndex<'a> {
    pub fn new(rows: &'a [HfRow]) -> Self {
        let by_repo = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.repo.to_lowercase(), i))
            .collect();
        let mut by_norm: HashMap<String, usize> = HashMap::new();
        // Better rows win a shared name: a lab's own, then an original, then more downloads.
        let rank = |r: &HfRow| {
            (
                !LAB_ORGS.contains(&r.org()),
                is_copy(r),
                std::cmp::Reverse(r.downloads),
            )
        };
        for (i, r) in rows.iter().enumerate() {
            by_norm
                .entry(normalise(r.basename()))
                .and_modify(|best| {
                    if (rank(r), &r.repo) < (rank(&rows[*best]), &rows[*best].repo) {
                        *best = i;
                    }
                })
                .or_insert(i);
        }
        HfIndex {
            rows,
            by_repo,
            by_norm,
        }
    }

    pub fn row(&self, repo: &str) -> Option<&'a HfRow> {
        self.by_repo
            .get(&repo.to_lowercase())
            .map(|&i| &self.rows[i])
    }

    pub fn by_norm(&self, norm: &str) -> Option<&'a HfRow> {
        self.by_norm.get(norm).map(|&i| &self.rows[i])
    }
}

/// A new model for a repository; `None` when no id is free for it.
pub fn new_hf_model(models: &Models, row: &HfRow, _as_of: &str) -> Option<Model> {
    let id = models.free_id(&id_from(row.basename()), &id_from(row.org()))?;
    let vendor = super::providers::open_model_vendor(&row.publisher, row.org());
    let (family, openness) = classify(row.license.as_deref());
    // The repo keeps each description distinct; a very long one stands alone.
    let description = format!("{vendor}'s open weights on Hugging Face: {}.", row.repo);
    let description = if description.chars().count() <= 120 {
        description
    } else {
        row.repo.clone()
    };
    Some(Model {
        id,
        name: row.basename().to_string(),
        vendor,
        origin: None,
        openness: Figure::new(openness, LLMFIT_SOURCE),
        license: row
            .license
            .as_ref()
            .map(|l| Figure::new(l.clone(), LLMFIT_SOURCE)),
        license_family: family,
        release: None,
        total_params_b: None,
        active_params_b: None,
        experts: None,
        context_tokens: None,
        price: None,
        modalities: None,
        scores: BTreeMap::new(),
        description,
        notes: Vec::new(),
        hf_repo: Some(row.repo.clone()),
        downloads: None,
        architecture: None,
        offerings: Vec::new(),
    })
}

fn has_full_attention_dimensions(row: &HfRow) -> bool {
    row.has_dimensions() && full_attention_types().contains(row.model_type.as_str())
}

/// Adds the labs' base and instruct models, then the most downloaded other originals whose
/// dimensions are known, until
/// the catalogue holds [`OPEN_MODEL_TARGET`] repositories.
pub fn select_open(models: &mut Models, hf: &HfIndex, as_of: &str) {
    let candidates: Vec<&HfRow> = hf
        .rows
        .iter()
        .filter(|r| !is_copy(r) && is_language_model(r) && r.params_b.is_some_and(|p| p >= 0.1))
        .collect();
    let (mut labs, mut rest): (Vec<&HfRow>, Vec<&HfRow>) = candidates
        .into_iter()
        .partition(|r| LAB_ORGS.contains(&r.org()));
    let order = |a: &&HfRow, b: &&HfRow| {
        b.downloads
            .cmp(&a.downloads)
            .then_with(|| a.repo.cmp(&b.repo))
    };
    // Beyond the labs, a model is worth listing when it can be sized for self-hosting.
    rest.retain(|r| has_full_attention_dimensions(r));
    labs.sort_by(order);
    rest.sort_by(order);
    let mut kept = models.list.iter().filter(|m| m.hf_repo.is_some()).count();
    for row in labs.into_iter().chain(rest) {
        if kept >= OPEN_MODEL_TARGET {
            break;
        }
        if models.by_repo(&row.repo).is_some() {
            continue;
        }
        if let Some(m) = new_hf_model(models, row, as_of) {
            models.push(m);
            kept += 1;
        }
    }
}

/// The architecture a config gives, looked up by repository and then by the name without its
/// quantization (an NVFP4 or FP8 copy has the same shape).
fn config_for<'a>(
    repo: &str,
    configs: &'a HashMap<String, &'a ConfigEntry>,
) -> Option<&'a ConfigEntry> {
    if let Some(c) = configs.get(&repo.to_lowercase()) {
        return Some(c);
    }
    let base = |r: &str| {
        let name = normalise(r.rsplit('/').next().unwrap_or(r));
        let name = name.trim_end_matches("-nvfp4").trim_end_matches("-bf16");
        name.trim_end_matches("-instruct")
            .trim_end_matches("-it")
            .to_string()
    };
    let want = base(repo);
    let mut found: Vec<&&ConfigEntry> =
        configs.values().filter(|c| base(&c.repo) == want).collect();
    found.sort_by(|a, b| a.repo.cmp(&b.repo));
    found.first().map(|c| **c)
}

/// A verbatim config's context is shown over llmfit's reading of it; llmfit's, if different,
/// stays as an alternative.
fn prefer_context(m: &mut Model, config: Figure<u64>) {
    let llmfit = m.context_tokens.replace(config);
    if let Some(f) = llmfit {
        fold_in(&mut m.context_tokens, f, |a, b| a == b);
    }
    if let Some(f) = &mut m.context_tokens
        && f.is_conflicting()
        && f.note.is_none()
    {
        f.note =
            Some("Shown: the model's verbatim config; llmfit's reading is an alternative.".into());
    }
}

/// Parameters, context, license, release, downloads and architecture of a model with a repo.
pub fn fill_from_hf(
    m: &mut Model,
    hf: &HfIndex,
    configs: &HashMap<String, &ConfigEntry>,
    published: &[PublishedConfig],
) {
    let Some(repo) = m.hf_repo.clone() else {
        return;
    };
    if let Some(row) = hf.row(&repo) {
        if let Some(p) = row.params_b {
            fold_opt(&mut m.total_params_b, &p, LLMFIT_SOURCE, close_f64);
        }
        if let Some(a) = row.active_params_b
            && m.total_params_b.as_ref().is_none_or(|t| a <= t.value)
        {
            fold_opt(&mut m.active_params_b, &a, LLMFIT_SOURCE, close_f64);
        }
        if let Some(e) = row.experts {
            fold_opt(&mut m.experts, &e, LLMFIT_SOURCE, |a, b| a == b);
        }
        if let Some(c) = row.context {
            fold_opt(&mut m.context_tokens, &c, LLMFIT_SOURCE, |a, b| a == b);
        }
        if m.license.is_none()
            && let Some(l) = &row.license
        {
            m.license = Some(Figure::new(l.clone(), LLMFIT_SOURCE));
        }
        if m.release.is_none()
            && let Some(r) = &row.release
        {
            m.release = Some(Figure::new(r.clone(), LLMFIT_SOURCE));
        }
        m.downloads = Some(row.downloads);
    }
    if m.architecture.is_some() {
        return;
    }
    if let Some(c) = config_for(&repo, configs) {
        let mut f = Figure::new(c.architecture.clone(), AIC_SOURCE);
        f.note = c.note.clone();
        if c.repo != repo {
            f.note = Some(
                format!(
                    "From the config of {}, the same model quantized. {}",
                    c.repo,
                    c.note.clone().unwrap_or_default()
                )
                .trim()
                .to_string(),
            );
        }
        m.architecture = Some(f);
        if let Some(ctx) = c.context {
            prefer_context(m, Figure::new(ctx, AIC_SOURCE));
        }
        return;
    }
    if let Some(p) = published
        .iter()
        .find(|p| p.hf_repo.eq_ignore_ascii_case(&repo))
    {
        m.architecture = Some(Figure::new(p.architecture.clone(), &p.source));
        prefer_context(m, Figure::new(p.context_tokens, &p.source));
        return;
    }
    let Some(row) = hf.row(&repo) else { return };
    if has_full_attention_dimensions(row) {
        let (Some(layers), Some(heads), Some(kv), Some(head_dim), Some(hidden)) = (
            row.layers,
            row.attention_heads,
            row.kv_heads,
            row.head_dim,
            row.hidden_size,
        ) else {
            return;
        };
        let mut f = Figure::new(
            Architecture {
                layers,
                attention_heads: heads,
                kv_heads: kv,
                head_dim,
                hidden_size: hidden,
                attention: AttentionKind::Full,
                kv_lora_rank: None,
                qk_rope_head_dim: None,
                sliding_window: None,
                sliding_layers: None,
                linear_layers: None,
                experts: row.experts,
                active_experts: row.active_experts,
            },
            LLMFIT_SOURCE,
        );
        f.note = Some(format!(
            "llmfit's dimensions; the {} family attends to the whole sequence in every layer.",
            row.model_type
        ));
        m.architecture = Some(f);
    }
}

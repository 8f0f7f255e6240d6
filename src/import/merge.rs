//! The import itself: curated models first, then every API offering resolved to its model,
//! then the open models, then the GPUs.

use super::facts::{ApiFacts, ArticleFacts, settle_facts};
use super::identity::{id_from, is_latest_alias, normalise, plain_name, split_region};
use super::latest::{DatedTargets, dated_targets};
use super::merge_prices::{add_litellm, add_models_dev, settle_price};
use super::model_index::{Models, source_ids};
use super::open_models::{HfIndex, fill_from_hf, new_hf_model, select_open};
use super::providers::{self, ProviderInfo};
use super::{
    Curated, ImportProblem, Imported, Upstream, aiconfig, files, gpus, litellm, llmfit, models_dev,
};
use crate::domain::catalog::{Catalog, Figure, LicenseFamily, Model, OfferingKind, Openness};
use std::collections::{BTreeMap, HashMap};

/// What a key resolves to.
struct Resolver<'a> {
    aliases: BTreeMap<(Option<String>, String), String>,
    /// "Latest" aliases whose stem names no model: the dated version each names.
    dated: DatedTargets,
    hf: &'a HfIndex<'a>,
    as_of_hf: String,
}

impl Resolver<'_> {
    /// The model a provider's key names: the alias table, then the normal form among the
    /// catalogue's models, then (for a models.dev row, `dated_alias`) the dated version a
    /// "latest" alias names, then the Hugging Face repos, then (when given) the display name.
    /// LiteLLM's keys carry no release date, and its unversioned names can point at another
    /// version than models.dev's (`mistral/mistral-medium` cites Medium 3.5's card).
    fn find(
        &self,
        models: &mut Models,
        provider: &str,
        key: &str,
        name: Option<&str>,
        dated_alias: bool,
    ) -> Option<usize> {
        let lower = key.to_lowercase();
        let alias = self
            .aliases
            .get(&(Some(provider.to_string()), lower.clone()))
            .or_else(|| self.aliases.get(&(None, lower)));
        if let Some(target) = alias {
            if let Some(&i) = models.by_id.get(target.as_str()) {
                return Some(i);
            }
            return self.hf_model(models, target);
        }
        let n = normalise(key);
        if let Some(&i) = models.by_key.get(&n) {
            return Some(i);
        }
        if dated_alias
            && let Some(dated) = self.dated.get(&(provider.to_string(), n.clone()))
            && let Some(&i) = models.by_key.get(dated)
        {
            return Some(i);
        }
        if let Some(row) = self.hf.by_norm(&n) {
            return self.hf_model(models, &row.repo);
        }
        name.and_then(|name| models.by_key.get(&normalise(name)).copied())
    }

    /// The model of a Hugging Face repo, made on first use.
    fn hf_model(&self, models: &mut Models, repo: &str) -> Option<usize> {
        if let Some(i) = models.by_repo(repo) {
            return Some(i);
        }
        let row = self.hf.row(repo)?;
        let model = new_hf_model(models, row, &self.as_of_hf)?;
        Some(models.push(model))
    }
}

/// Turns the upstream text and the curated files into the catalogue.
pub fn import(up: &Upstream, curated: &Curated) -> Imported {
    let mut problems: Vec<ImportProblem> = Vec::new();
    let mut counts: Vec<(String, usize)> = Vec::new();
    let date = |id: &str| {
        curated
            .sources
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.date.clone())
    };
    for id in source_ids::ALL {
        if date(id).is_none() {
            problems.push(ImportProblem::new(
                "curated/sources.ron",
                id,
                "the data set's source entry is missing",
            ));
        }
    }
    let dated = |id: &str| date(id).unwrap_or_default();

    let (api_rows, p) = models_dev::parse(up.models_dev);
    problems.extend(p);
    let (prices, p) = litellm::parse(up.litellm);
    problems.extend(p);
    let (hf_rows, p) = llmfit::parse(up.llmfit);
    problems.extend(p);
    let (configs, p) = aiconfig::parse(up.aic_models);
    problems.extend(p);
    counts.push(("models.dev rows".into(), api_rows.len()));
    counts.push(("LiteLLM chat prices".into(), prices.len()));
    counts.push(("llmfit repositories".into(), hf_rows.len()));
    counts.push(("aiconfigurator configs".into(), configs.len()));

    let hf = HfIndex::new(&hf_rows);
    let mut models = Models::new(&curated.models);
    // The articles' context, release and modalities wait while the data sets' are gathered.
    let mut article_facts: Vec<ArticleFacts> =
        models.list.iter_mut().map(ArticleFacts::take).collect();
    let mut api_facts: HashMap<usize, ApiFacts> = HashMap::new();
    for m in &curated.models {
        if let Some(repo) = &m.hf_repo
            && hf.row(repo).is_none()
        {
            problems.push(ImportProblem::new(
                "curated/models.ron",
                &m.id,
                format!("hf_repo {repo:?} is not in {}", files::LLMFIT),
            ));
        }
    }
    let resolver = Resolver {
        aliases: curated
            .aliases
            .iter()
            .map(|a| ((a.provider.clone(), a.key.to_lowercase()), a.model.clone()))
            .collect(),
        dated: dated_targets(&api_rows),
        hf: &hf,
        as_of_hf: dated(source_ids::LLMFIT),
    };
    for d in &curated.doubts {
        if !models.has_id(&d.model) {
            problems.push(ImportProblem::new(
                "curated/doubts.ron",
                &d.model,
                "names no curated model",
            ));
        }
    }
    for a in &curated.aliases {
        if !models.has_id(&a.model) && hf.row(&a.model).is_none() {
            problems.push(ImportProblem::new(
                "curated/aliases.ron",
                &a.key,
                format!(
                    "names {:?}, which is neither a model id nor a known repository",
                    a.model
                ),
            ));
        }
    }

    // models.dev: lab rows first so a model made here takes its name from its maker.
    let mut kept: Vec<(&models_dev::ApiRow, &ProviderInfo)> = api_rows
        .iter()
        .filter_map(|r| providers::provider(&r.provider).map(|p| (r, p)))
        .filter(|(r, _)| r.price.is_some())
        // Embeddings (input priced, output free) are not chat models.
        .filter(|(r, _)| {
            r.price
                .as_ref()
                .is_some_and(|p| !(p.output == 0.0 && p.input > 0.0))
        })
        .collect();
    counts.push((
        "models.dev rows from gateways or plans, skipped".into(),
        api_rows.len() - kept.len(),
    ));
    // Aliases last, so the dated model they name exists and names itself.
    let alias = |r: &models_dev::ApiRow| is_latest_alias(&r.key, &r.name);
    kept.sort_by(|(a, pa), (b, pb)| {
        (alias(a), pa.kind, &a.provider, a.key.len(), &a.key).cmp(&(
            alias(b),
            pb.kind,
            &b.provider,
            b.key.len(),
            &b.key,
        ))
    });
    let md_as_of = dated(source_ids::MODELS_DEV);
    for (row, info) in kept {
        let paid = row.price.as_ref().is_some_and(|p| p.input + p.output > 0.0);
        let i = match resolver.find(&mut models, &row.provider, &row.key, Some(&row.name), true) {
            Some(i) => i,
            // A model only a free endpoint serves says nothing about cost: not listed.
            None if !paid => continue,
            None => match new_api_model(&models, row, info) {
                Some(m) => models.push(m),
                None => {
                    problems.push(ImportProblem::new(
                        files::MODELS_DEV,
                        format!("{}/{}", row.provider, row.key),
                        "no usable id for this model",
                    ));
                    continue;
                }
            },
        };
        let m = &mut models.list[i];
        add_models_dev(m, row, info, source_ids::MODELS_DEV, &md_as_of);
        let lab = info.kind_for(&m.vendor) == OfferingKind::FirstParty;
        api_facts.entry(i).or_default().see_row(row, lab);
    }

    let ll_as_of = dated(source_ids::LITELLM);
    let provider_names: HashMap<&str, &str> = api_rows
        .iter()
        .map(|r| (r.provider.as_str(), r.provider_name.as_str()))
        .collect();
    let mut unmatched = 0;
    for e in &prices {
        // Embeddings and classifiers (input priced, output free) are not chat models.
        if e.output == 0.0 && e.input > 0.0 {
            continue;
        }
        let Some(info) = providers::from_litellm(&e.provider) else {
            continue;
        };
        let (region, key) = split_region(&e.key);
        let Some(i) = resolver.find(&mut models, info.id, key, None, false) else {
            unmatched += 1;
            continue;
        };
        let name = provider_names.get(info.id).copied().unwrap_or(info.id);
        if region.is_none() && info.kind_for(&models.list[i].vendor) == OfferingKind::FirstParty {
            api_facts
                .entry(i)
                .or_default()
                .see_litellm_lab_context(e.max_input_tokens);
        }
        add_litellm(
            &mut models.list[i],
            e,
            info,
            region,
            name,
            source_ids::LITELLM,
            &ll_as_of,
        );
    }
    counts.push((
        "LiteLLM prices matching no catalogue model, skipped".into(),
        unmatched,
    ));

    let hosted = models.list.iter().filter(|m| m.hf_repo.is_some()).count();
    counts.push((
        "open models with a hosted or first-party offering".into(),
        hosted,
    ));
    select_open(&mut models, &hf, &resolver.as_of_hf);
    let config_by_repo: HashMap<String, &aiconfig::ConfigEntry> =
        configs.iter().map(|c| (c.repo.to_lowercase(), c)).collect();
    for (i, m) in models.list.iter_mut().enumerate() {
        fill_from_hf(m, &hf, &config_by_repo, &curated.configs);
        let api = api_facts.remove(&i).unwrap_or_default();
        let article = article_facts.get_mut(i).map(std::mem::take);
        settle_facts(m, api, article.unwrap_or_default());
        settle_price(m, &curated.doubts);
        super::origins::fill_origin(m);
    }
    let (gpu_list, p) = gpus::import(up, &curated.gpus);
    problems.extend(p);

    let mut list = models.list;
    list.sort_by(|a, b| a.id.cmp(&b.id));
    let count = |f: &dyn Fn(&Model) -> bool| list.iter().filter(|m| f(m)).count();
    counts.push(("models".into(), list.len()));
    counts.push(("open-weight models".into(), count(&|m| m.is_open_weights())));
    counts.push((
        "open-weight models with a parameter count".into(),
        count(&|m| m.is_open_weights() && m.total_params_b.is_some()),
    ));
    counts.push((
        "open-weight models with an architecture".into(),
        count(&|m| m.is_open_weights() && m.architecture.is_some()),
    ));
    counts.push(("models with a price".into(), count(&|m| m.price.is_some())));
    counts.push((
        "offerings".into(),
        list.iter().map(|m| m.offerings.len()).sum(),
    ));
    counts.push(("GPUs".into(), gpu_list.len()));
    counts.push((
        "GPU rental offers".into(),
        gpu_list.iter().map(|g| g.rent_offers.len()).sum(),
    ));
    problems.sort();
    problems.dedup();
    Imported {
        catalog: Catalog {
            sources: curated.sources.clone(),
            models: list,
            gpus: gpu_list,
        },
        problems,
        counts,
    }
}

/// A model known only from the API catalogue.
fn new_api_model(models: &Models, row: &models_dev::ApiRow, info: &ProviderInfo) -> Option<Model> {
    let key = normalise(&row.key);
    let id = models.free_id(&id_from(&key), info.id)?;
    let vendor = info
        .vendor
        .or_else(|| providers::vendor_from_name(&key))
        .unwrap_or("Unknown")
        .to_string();
    let (openness, family) = if row.open_weights {
        (Openness::OpenWeightsRestricted, LicenseFamily::Unknown)
    } else {
        (Openness::ClosedApi, LicenseFamily::Proprietary)
    };
    // The id keeps each description distinct.
    let description = if row.open_weights {
        format!(
            "{} ({id}) by {vendor}: open weights sold through an API.",
            plain_name(&row.name)
        )
    } else {
        format!(
            "{} ({id}) by {vendor}, available only through an API.",
            plain_name(&row.name)
        )
    };
    let description = if description.chars().count() > 120 {
        format!("{id}: a model by {vendor}, sold through an API.")
    } else {
        description
    };
    Some(Model {
        id,
        name: plain_name(&row.name).to_string(),
        vendor,
        origin: None,
        openness: Figure::new(openness, source_ids::MODELS_DEV),
        license: None,
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
        hf_repo: None,
        downloads: None,
        architecture: None,
        offerings: Vec::new(),
    })
}

// Kept beside `import` so the open-model module can name the source.

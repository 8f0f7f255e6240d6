//! The data-set source ids and the index of the models an import builds, shared by the
//! import's steps (merge, open models, GPUs) so none of them imports another back.

use super::identity::{id_from, normalise};
use crate::domain::catalog::Model;
use std::collections::HashMap;

/// Ids of the data-set sources, kept in the curated sources file with their versions and dates.
pub mod source_ids {
    pub const MODELS_DEV: &str = "models-dev";
    pub const LITELLM: &str = "litellm";
    pub const LLMFIT: &str = "llmfit";
    pub const AICONFIGURATOR: &str = "aiconfigurator";
    pub const DATASHEETS: &str = "gpu-datasheets";
    pub const PRICE_INDEX: &str = "gpu-price-index";
    pub const ALL: [&str; 6] = [
        MODELS_DEV,
        LITELLM,
        LLMFIT,
        AICONFIGURATOR,
        DATASHEETS,
        PRICE_INDEX,
    ];
}

/// The models being built and the ways to find one.
pub(super) struct Models {
    pub list: Vec<Model>,
    pub by_key: HashMap<String, usize>,
    pub by_id: HashMap<String, usize>,
    by_repo: HashMap<String, usize>,
}

impl Models {
    pub fn new(curated: &[Model]) -> Self {
        let mut m = Models {
            list: Vec::new(),
            by_key: HashMap::new(),
            by_id: HashMap::new(),
            by_repo: HashMap::new(),
        };
        for model in curated {
            m.push(model.clone());
        }
        m
    }

    pub fn push(&mut self, model: Model) -> usize {
        let i = self.list.len();
        let mut keys = vec![normalise(&model.id), normalise(&model.name)];
        if let Some(repo) = &model.hf_repo {
            keys.push(normalise(repo));
            self.by_repo.insert(repo.to_lowercase(), i);
        }
        for k in keys {
            self.by_key.entry(k).or_insert(i);
        }
        self.by_id.insert(model.id.clone(), i);
        self.list.push(model);
        i
    }

    pub fn has_id(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    pub fn by_repo(&self, repo: &str) -> Option<usize> {
        self.by_repo.get(&repo.to_lowercase()).copied()
    }

    /// An id not yet taken: `base`, else `prefix-base`; `None` when both are taken or invalid.
    pub fn free_id(&self, base: &str, prefix: &str) -> Option<String> {
        [base.to_string(), id_from(&format!("{prefix}-{base}"))]
            .into_iter()
            .find(|id| !id.is_empty() && id.len() <= 64 && !self.has_id(id))
    }
}

pub(super) use source_ids::AICONFIGURATOR as AIC_SOURCE;
pub(super) use source_ids::LLMFIT as LLMFIT_SOURCE;

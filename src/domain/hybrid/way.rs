//! The three ways to run a tier: a model's API (its maker's, or a cloud's for a closed model),
//! an open model bought from a host, or open weights on the company's own GPUs.

use crate::domain::catalog::{Catalog, Model, Offering, OfferingKind, Price};
use crate::domain::cost::InputError;
use crate::domain::rules::{DeploymentKind, Host, RuleBook};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Way {
    /// An API: the maker's own, or a cloud's offering of a closed model.
    Api,
    /// An open model bought from a third party (an inference host or a cloud).
    Hosted,
    /// Open weights on the company's own or rented GPUs.
    SelfHosted,
}

impl Way {
    pub fn as_str(self) -> &'static str {
        match self {
            Way::Api => "api",
            Way::Hosted => "hosted",
            Way::SelfHosted => "self-hosted",
        }
    }

    /// What the rules see: anything bought through an API sends the data out.
    pub fn deployment(self) -> DeploymentKind {
        match self {
            Way::Api | Way::Hosted => DeploymentKind::Api,
            Way::SelfHosted => DeploymentKind::SelfHosted,
        }
    }
}

/// A model bought through an API: its listed price, or one of its offerings.
#[derive(Debug, Clone, Copy)]
pub struct Bought<'a> {
    pub model: &'a Model,
    pub offering: Option<&'a Offering>,
    pub price: &'a Price,
}

impl<'a> Bought<'a> {
    /// `hosted` when a third party sells an open model; `api` otherwise.
    pub fn way(&self) -> Way {
        match self.offering {
            Some(o) if o.kind != OfferingKind::FirstParty && self.model.is_open_weights() => {
                Way::Hosted
            }
            _ => Way::Api,
        }
    }

    /// The third party that sees the data, when it is not the model's maker.
    pub fn host(&self, rules: &RuleBook) -> Option<Host> {
        self.offering
            .filter(|o| o.kind != OfferingKind::FirstParty)
            .map(|o| Host::new(rules, &o.provider, o.region.as_deref()))
    }

    /// `Llama 3.3 70B · Groq` for an offering, the model's name otherwise.
    pub fn label(&self) -> String {
        match self.offering {
            Some(o) => format!("{} · {}", self.model.name, o.provider_name),
            None => self.model.name.clone(),
        }
    }
}

/// The model and offering an id `model@provider` names.
pub fn find_offering<'a>(catalog: &'a Catalog, id: &str) -> Option<(&'a Model, &'a Offering)> {
    let (model_id, _) = id.rsplit_once('@')?;
    let model = catalog.model(model_id)?;
    let offering = model.offerings.iter().find(|o| o.id == id)?;
    Some((model, offering))
}

/// What a tier buys: `offering` when given (it names its model), else `model` at its listed
/// price. Errors name `field`, the id and what is allowed (the model's offerings when the id's
/// model exists).
pub fn bought<'a>(
    catalog: &'a Catalog,
    field: &'static str,
    model: &str,
    offering: Option<&str>,
) -> Result<Bought<'a>, InputError> {
    if let Some(id) = offering {
        let Some((m, o)) = find_offering(catalog, id) else {
            // The model's own offerings when the model exists, else every offering.
            let model = id.rsplit_once('@').and_then(|(m, _)| catalog.model(m));
            let ids: Vec<&str> = match model {
                Some(m) => m.offerings.iter().map(|o| o.id.as_str()).collect(),
                None => catalog
                    .models
                    .iter()
                    .flat_map(|m| m.offerings.iter().map(|o| o.id.as_str()))
                    .collect(),
            };
            let near = nearest(id, ids);
            let allowed = if near.is_empty() {
                "an offering id `model@provider` from the catalogue".to_string()
            } else {
                format!(
                    "an offering id `model@provider` from the catalogue; the nearest: {}",
                    near.join(", ")
                )
            };
            return Err(InputError {
                field,
                value: id.to_string(),
                allowed,
            });
        };
        return Ok(Bought {
            model: m,
            offering: Some(o),
            price: &o.price.value,
        });
    }
    let m = catalog.model(model).ok_or_else(|| InputError {
        field,
        value: model.to_string(),
        allowed: "a model id from the catalogue".into(),
    })?;
    let price = m
        .price
        .as_ref()
        .map(|f| &f.value)
        .ok_or_else(|| InputError {
            field,
            value: m.id.clone(),
            allowed: "a model with an API price".into(),
        })?;
    Ok(Bought {
        model: m,
        offering: None,
        price,
    })
}

/// Up to five of `ids` closest to `wanted` by edit distance, nearest first.
fn nearest<'a>(wanted: &str, ids: Vec<&'a str>) -> Vec<&'a str> {
    let distance = |b: &str| {
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in wanted.chars().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, cb) in b.iter().enumerate() {
                cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    };
    let mut scored: Vec<(usize, &str)> = ids.into_iter().map(|c| (distance(c), c)).collect();
    scored.sort_unstable();
    scored.into_iter().take(5).map(|(_, c)| c).collect()
}

/// A free plan: nothing for input and nothing for output. Such plans (NVIDIA's and Google's
/// trial endpoints, a lab's playground key) are rate-limited tries, not a way to buy volume.
pub fn is_free(price: &Price) -> bool {
    price.input == 0.0 && price.output == 0.0
}

/// Every way to buy `model`'s production volume through an API: its listed price (when it has
/// one) and each of its offerings, free plans left out ([`is_free`]): at $0 they would win
/// every comparison while carrying none of the traffic they are priced for.
pub fn purchases(model: &Model) -> impl Iterator<Item = Bought<'_>> {
    let listed = model.price.as_ref().map(|p| Bought {
        model,
        offering: None,
        price: &p.value,
    });
    listed
        .into_iter()
        .chain(model.offerings.iter().map(move |o| Bought {
            model,
            offering: Some(o),
            price: &o.price.value,
        }))
        .filter(|b| !is_free(b.price))
}

//! The API side of a comparison. A compared id names either a model at its listed price or one
//! of its offerings (`model@provider`) at that provider's price: the grammar of
//! `tierwise cost --api`, shared by the break-even pane, the reports and the CLI so that one id
//! prices the same everywhere.

use crate::domain::catalog::{Catalog, Figure, Model, Offering, OfferingKind, Price};
use std::fmt;

/// What a compared id resolves to.
#[derive(Debug, Clone, Copy)]
pub struct ApiChoice<'a> {
    pub model: &'a Model,
    /// `None`: the model's listed (default) price.
    pub offering: Option<&'a Offering>,
    /// The price with its sources and any disagreeing alternatives.
    pub price: &'a Figure<Price>,
}

impl ApiChoice<'_> {
    /// `Llama 3.3 70B · Groq` for an offering (with its region where it has one), the model's
    /// name for its listed price.
    pub fn label(&self) -> String {
        match self.offering {
            Some(o) => offering_label(self.model, o),
            None => self.model.name.clone(),
        }
    }

    /// The third party that sees the data, when it is not the model's maker: the offering's
    /// provider and region.
    pub fn third_party(&self) -> Option<&Offering> {
        self.offering.filter(|o| o.kind != OfferingKind::FirstParty)
    }
}

/// `Llama 3.3 70B · Groq`, or `Llama 3.3 70B · Amazon Bedrock (us)` where it sells per region.
pub fn offering_label(model: &Model, o: &Offering) -> String {
    match &o.region {
        Some(r) => format!("{} · {} ({r})", model.name, o.provider_name),
        None => format!("{} · {}", model.name, o.provider_name),
    }
}

/// A free plan charges $0 in and out. Its rate limits are for trying a model, not for carrying a
/// workload, so a comparison never uses one: at $0 the API line would lie flat on the axis and
/// no deployment could ever break even against it.
pub fn is_free(p: &Price) -> bool {
    p.input == 0.0 && p.output == 0.0
}

/// Why an id cannot be compared.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiRefusal {
    /// No model has the id (before the `@`).
    UnknownModel { id: String },
    /// The model is known but sold through no API.
    NoPrice { id: String },
    /// The model is known but has no offering with this id; `known` lists the ones it has.
    UnknownOffering {
        id: String,
        model: String,
        known: Vec<String>,
    },
    /// A $0 plan: refused, see [`is_free`].
    Free { id: String },
}

impl ApiRefusal {
    /// The id asked for.
    pub fn id(&self) -> &str {
        match self {
            ApiRefusal::UnknownModel { id }
            | ApiRefusal::NoPrice { id }
            | ApiRefusal::UnknownOffering { id, .. }
            | ApiRefusal::Free { id } => id,
        }
    }
}

impl fmt::Display for ApiRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiRefusal::UnknownModel { id } => write!(f, "unknown model {id:?}"),
            ApiRefusal::NoPrice { id } => write!(
                f,
                "{id:?} has no API price in the database; expected a model sold through an API"
            ),
            ApiRefusal::UnknownOffering { id, model, known } if known.is_empty() => {
                write!(f, "unknown offering {id:?}; {model} has no offerings")
            }
            ApiRefusal::UnknownOffering { id, .. } => write!(f, "unknown offering {id:?}"),
            ApiRefusal::Free { id } => write!(
                f,
                "{id:?} is a free plan ($0 in and out); a free plan's limits cannot carry a \
                 workload, so it is not compared: pick a paid offering"
            ),
        }
    }
}

/// Resolve a compared id: `MODEL` (its listed price) or `MODEL@PROVIDER` (that offering; the
/// provider part may carry a region, `MODEL@PROVIDER.REGION`). Free plans are refused.
pub fn api_choice<'a>(catalog: &'a Catalog, id: &str) -> Result<ApiChoice<'a>, ApiRefusal> {
    let model_id = id.split_once('@').map_or(id, |(m, _)| m);
    let model = catalog
        .model(model_id)
        .ok_or_else(|| ApiRefusal::UnknownModel { id: id.to_string() })?;
    let choice = if id.contains('@') {
        let o = model.offerings.iter().find(|o| o.id == id).ok_or_else(|| {
            ApiRefusal::UnknownOffering {
                id: id.to_string(),
                model: model.id.clone(),
                known: model.offerings.iter().map(|o| o.id.clone()).collect(),
            }
        })?;
        ApiChoice {
            model,
            offering: Some(o),
            price: &o.price,
        }
    } else {
        let price = model
            .price
            .as_ref()
            .ok_or_else(|| ApiRefusal::NoPrice { id: id.to_string() })?;
        ApiChoice {
            model,
            offering: None,
            price,
        }
    };
    if is_free(&choice.price.value) {
        return Err(ApiRefusal::Free { id: id.to_string() });
    }
    Ok(choice)
}

/// A model's release as the catalogue gives it (`None` sorts last, newest first).
fn release(m: &Model) -> Option<&str> {
    m.release.as_ref().map(|r| r.value.as_str())
}

/// Everything that can be compared, in the order a picker lists it: each model with an API
/// price, newest release first (what a user compares against today leads the list; models with
/// no known release last, a tie in the catalogue's order), followed (when it has more than one
/// offering) by each of its offerings, cheapest first by `cost` (the blended price at the
/// user's workload). Free plans are listed, last among their model's, so a picker can show
/// them refused; [`api_choice`] refuses them.
pub fn api_entries(
    catalog: &Catalog,
    cost: impl Fn(&Price) -> f64,
) -> Vec<(String, &Model, Option<&Offering>)> {
    let mut out = Vec::new();
    let mut models: Vec<&Model> = catalog.models.iter().collect();
    // "2026-06" and "2026-06-13" compare as text in date order; a shorter, less precise date
    // sorts before the longer ones of its month, which is as good a guess as any.
    models.sort_by(|a, b| release(b).cmp(&release(a)));
    for m in models {
        if m.price.is_some() {
            out.push((m.id.clone(), m, None));
        }
        // One offering is the listed price already; a model sold only on free plans has
        // nothing that could carry a workload.
        let paid = m.offerings.iter().any(|o| !is_free(&o.price.value));
        if (m.offerings.len() < 2 && m.price.is_some()) || (m.price.is_none() && !paid) {
            continue;
        }
        let mut offerings: Vec<&Offering> = m.offerings.iter().collect();
        // Paid first, cheapest first; ties keep the catalogue's order.
        offerings.sort_by(|a, b| {
            let key = |o: &Offering| (is_free(&o.price.value), cost(&o.price.value));
            let (fa, ca) = key(a);
            let (fb, cb) = key(b);
            fa.cmp(&fb).then(ca.total_cmp(&cb))
        });
        out.extend(offerings.into_iter().map(|o| (o.id.clone(), m, Some(o))));
    }
    out
}

//! The plan document (`plan`, `report`): the current plan, the hybrid break-even and, when
//! asked, the search for the cheapest compliant plan. Both commands use it, so it lives apart
//! from either.

use super::errors::CliError;
use crate::data::overlay::Loaded;
use crate::domain::hybrid::plan;
use crate::domain::optimize::{self, doc};

/// The plan document of the scenario, with the search when `search` is set.
pub fn document(
    loaded: &Loaded,
    s: &crate::domain::scenario::Scenario,
    search: bool,
) -> Result<doc::PlanDoc, CliError> {
    let bad =
        |e: crate::domain::cost::InputError| CliError::input(format!("scenario {:?}: {e}", s.name));
    let (catalog, rules) = (&loaded.catalog, &loaded.rules);
    let current = plan(catalog, rules, s).map_err(bad)?;
    if search {
        let a = optimize::analyse(catalog, rules, s).map_err(bad)?;
        return Ok(doc::build(
            catalog,
            s,
            &current,
            Some(&a.outcome),
            &a.bands,
            &a.break_even,
        ));
    }
    let break_even = optimize::break_even(catalog, rules, s).map_err(bad)?;
    Ok(doc::build(catalog, s, &current, None, &[], &break_even))
}

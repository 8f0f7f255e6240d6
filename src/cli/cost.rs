//! `tierwise cost`: resolve ids and options into a workload and a deployment, then price the
//! self-hosted deployment against each API model.

use super::cost_args::CostArgs;
use super::cost_args::CostFormat;
use super::cost_report::{self, ApiLine, Report};
use super::errors::CliError;
use super::suggest;
use crate::domain::breakeven::crossover;
use crate::domain::catalog::{Catalog, Model, Price};
use crate::domain::cost::api::{ApiRefusal, api_choice, is_free};
use crate::domain::cost::{
    InputError, Workload, api_monthly_cost_at, blended_price, self_host_cost,
};
use crate::domain::scenario::DeploymentChoice;

/// The GPU used when `--gpu` is not given.
pub const DEFAULT_GPU: &str = "h100-sxm";

pub fn run(catalog: &Catalog, args: &CostArgs) -> Result<String, CliError> {
    let report = compute(catalog, args)?;
    match args.format {
        CostFormat::Text => Ok(cost_report::text(&report)),
        CostFormat::Json => cost_report::json(&report)
            .map_err(|e| CliError::Failure(format!("cannot encode JSON: {e}"))),
    }
}

/// Everything the report shows, or the first bad input.
pub fn compute<'a>(catalog: &'a Catalog, args: &CostArgs) -> Result<Report<'a>, CliError> {
    let apis: Vec<(&str, &Model, &Price)> = args
        .api
        .iter()
        .map(|id| api_model(catalog, id).map(|(m, p)| (id.as_str(), m, p)))
        .collect::<Result<_, _>>()?;
    let model = find_model(catalog, "self-host", args.self_host())?;
    let gpu_id = args.gpu().unwrap_or(DEFAULT_GPU);
    let gpu = catalog.gpu(gpu_id).ok_or_else(|| {
        let ids = catalog.gpus.iter().map(|g| g.id.as_str());
        CliError::input(format!(
            "--gpu: unknown GPU {gpu_id:?}{}",
            suggest::hint(gpu_id, ids)
        ))
    })?;

    let workload = workload(args);
    workload.validate().map_err(input_error)?;
    let deployment = choice(args, &gpu.id)
        .resolve_for(catalog, &workload)
        .map_err(input_error)?;

    let self_host = self_host_cost(&deployment, workload.tokens_per_day);
    let api = apis
        .into_iter()
        .map(|(id, m, price)| {
            let blended = blended_price(price, &workload);
            ApiLine {
                id: id.to_string(),
                model: m,
                blended_usd_per_million: blended,
                usd_per_month: api_monthly_cost_at(blended, workload.tokens_per_day),
                crossover: crossover(blended, &deployment),
            }
        })
        .collect();
    Ok(Report {
        workload,
        model,
        gpu,
        deployment,
        self_host,
        api,
    })
}

pub fn find_model<'a>(catalog: &'a Catalog, option: &str, id: &str) -> Result<&'a Model, CliError> {
    catalog.model(id).ok_or_else(|| {
        let ids = catalog.models.iter().map(|m| m.id.as_str());
        CliError::input(format!(
            "--{option}: unknown model {id:?}{}",
            suggest::hint(id, ids)
        ))
    })
}

/// `--api ID`: a model id (its default price) or an offering id `MODEL@PROVIDER` (that
/// provider's price; `MODEL@PROVIDER.REGION` where it sells per region). Free plans are refused:
/// they cannot carry a workload.
pub fn api_model<'a>(catalog: &'a Catalog, id: &str) -> Result<(&'a Model, &'a Price), CliError> {
    match api_choice(catalog, id) {
        Ok(c) => Ok((c.model, &c.price.value)),
        Err(refusal) => Err(CliError::input(api_refusal(catalog, &refusal))),
    }
}

/// The refusal as one line naming `--api`, with the nearest ids that would work.
pub fn api_refusal(catalog: &Catalog, refusal: &ApiRefusal) -> String {
    let hint = match refusal {
        // An offering id with an unknown model: the nearest offering ids, as the plan's
        // refusal gives them; a plain id: the nearest model ids.
        ApiRefusal::UnknownModel { id } if id.contains('@') => suggest::hint(
            id,
            catalog
                .models
                .iter()
                .flat_map(|m| m.offerings.iter())
                .filter(|o| !is_free(&o.price.value))
                .map(|o| o.id.as_str()),
        ),
        ApiRefusal::UnknownModel { id } => {
            suggest::hint(id, catalog.models.iter().map(|m| m.id.as_str()))
        }
        ApiRefusal::NoPrice { id } => suggest::hint(
            id,
            catalog
                .models
                .iter()
                .filter(|m| m.price.is_some())
                .map(|m| m.id.as_str()),
        ),
        ApiRefusal::UnknownOffering { id, known, .. } if !known.is_empty() => {
            suggest::hint(id, known.iter().map(String::as_str))
        }
        ApiRefusal::Free { id } => {
            let model_id = id.split_once('@').map_or(id.as_str(), |(m, _)| m);
            let paid = catalog.model(model_id).into_iter().flat_map(|m| {
                m.offerings
                    .iter()
                    .filter(|o| !is_free(&o.price.value))
                    .map(|o| o.id.as_str())
            });
            suggest::hint(id, paid)
        }
        ApiRefusal::UnknownOffering { .. } => String::new(),
    };
    format!("--api: {refusal}{hint}")
}

/// The options as a scenario's deployment: every option the user gave, the rest from
/// cost-model.md; GPU-dependent figures stay with the GPU database unless given.
pub fn choice(args: &CostArgs, gpu: &str) -> DeploymentChoice {
    let mut c = DeploymentChoice::new(args.self_host(), gpu);
    args.apply_to_deployment(&mut c);
    c
}

/// The workload options, with cost-model.md's defaults.
pub fn workload(args: &CostArgs) -> Workload {
    let mut w = Workload::default();
    args.apply_to_workload(&mut w);
    w
}

/// The cost model names its own fields; a few come from the database rather than an option,
/// so name the option that chose them.
pub fn input_error(e: InputError) -> CliError {
    let option = match e.field {
        "volume" => "tokens-per-day",
        "params-total" | "params-active" => "self-host",
        "gpu-memory" | "gpu-tflops" => "gpu",
        other => other,
    };
    CliError::input(InputError { field: option, ..e }.to_string())
}

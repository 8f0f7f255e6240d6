//! `tierwise cost`: resolve ids and options into a workload and a deployment, then price the
//! self-hosted deployment against each API model.

use super::args::CostFormat;
use super::cost_args::CostArgs;
use super::cost_report::{self, ApiLine, Report};
use super::errors::CliError;
use super::suggest;
use crate::domain::breakeven::crossover;
use crate::domain::catalog::{Catalog, Gpu, Model, Price};
use crate::domain::cost::{
    Deployment, InputError, Mode, Workload, api_monthly_cost_at, blended_price,
    deployment_defaults_for, self_host_cost,
};

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
    let apis: Vec<(&Model, &Price)> = args
        .api
        .iter()
        .map(|id| api_model(catalog, id))
        .collect::<Result<_, _>>()?;
    let model = find_model(catalog, "self-host", &args.self_host)?;
    let gpu_id = args.gpu.as_deref().unwrap_or(DEFAULT_GPU);
    let gpu = catalog.gpu(gpu_id).ok_or_else(|| {
        let ids = catalog.gpus.iter().map(|g| g.id.as_str());
        CliError::input(format!(
            "--gpu: unknown GPU {gpu_id:?}{}",
            suggest::hint(gpu_id, ids)
        ))
    })?;

    let defaults = Workload::default();
    let workload = Workload {
        tokens_per_day: args.tokens_per_day.unwrap_or(defaults.tokens_per_day),
        input_share: args.input_share.unwrap_or(defaults.input_share),
        prompt_tokens: args.prompt_tokens.unwrap_or(defaults.prompt_tokens),
    };
    workload.validate().map_err(input_error)?;
    let deployment = deployment(model, gpu, args)?;
    deployment.validate().map_err(input_error)?;

    let self_host = self_host_cost(&deployment, workload.tokens_per_day);
    let api = apis
        .into_iter()
        .map(|(m, price)| {
            let blended = blended_price(price, &workload);
            ApiLine {
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

fn find_model<'a>(catalog: &'a Catalog, option: &str, id: &str) -> Result<&'a Model, CliError> {
    catalog.model(id).ok_or_else(|| {
        let ids = catalog.models.iter().map(|m| m.id.as_str());
        CliError::input(format!(
            "--{option}: unknown model {id:?}{}",
            suggest::hint(id, ids)
        ))
    })
}

fn api_model<'a>(catalog: &'a Catalog, id: &str) -> Result<(&'a Model, &'a Price), CliError> {
    let model = find_model(catalog, "api", id)?;
    match &model.price {
        Some(price) => Ok((model, &price.value)),
        None => {
            let priced = catalog
                .models
                .iter()
                .filter(|m| m.price.is_some())
                .map(|m| m.id.as_str());
            Err(CliError::input(format!(
                "--api: {id:?} has no API price in the database; expected a model sold through \
                 an API{}",
                suggest::hint(id, priced)
            )))
        }
    }
}

/// Defaults from the model, the GPU and cost-model.md, then every option the user gave.
fn deployment(model: &Model, gpu: &Gpu, args: &CostArgs) -> Result<Deployment, CliError> {
    let mode = args.mode.unwrap_or(Mode::Rent);
    let user_price = match mode {
        Mode::Rent => args.gpu_hour_price,
        Mode::Buy => args.gpu_price,
    };
    let mut d = match deployment_defaults_for(model, gpu, mode) {
        Ok(d) => d,
        // The GPU database lacks a price for this mode, but the user supplied one: size the
        // deployment with the other mode's defaults, then switch.
        Err(e) if user_price.is_some() && e.field.contains("price") => {
            let other = if mode == Mode::Rent {
                Mode::Buy
            } else {
                Mode::Rent
            };
            let mut d = deployment_defaults_for(model, gpu, other).map_err(|_| input_error(e))?;
            d.mode = mode;
            d
        }
        Err(e) => return Err(input_error(e)),
    };
    let set = |field: &mut f64, value: Option<f64>| {
        if let Some(v) = value {
            *field = v;
        }
    };
    d.mode = mode;
    if let Some(p) = args.precision {
        d.precision = p;
    }
    set(&mut d.kv_overhead, args.kv_overhead);
    set(&mut d.efficiency, args.efficiency);
    set(&mut d.utilization, args.utilization);
    if let Some(n) = args.min_replicas {
        d.min_replicas = n;
    }
    if args.throughput.is_some() {
        d.throughput = args.throughput;
    }
    set(&mut d.gpu_hour_price, args.gpu_hour_price);
    set(&mut d.gpu_price, args.gpu_price);
    set(&mut d.years, args.years);
    set(&mut d.power_watts, args.power_watts);
    set(&mut d.pue, args.pue);
    set(&mut d.power_price, args.power_price);
    set(&mut d.colo, args.colo);
    set(&mut d.fte, args.fte);
    set(&mut d.salary, args.salary);
    set(&mut d.overhead, args.overhead);
    Ok(d)
}

/// The cost model names its own fields; a few come from the database rather than an option,
/// so name the option that chose them.
fn input_error(e: InputError) -> CliError {
    let option = match e.field {
        "volume" => "tokens-per-day",
        "params-total" | "params-active" => "self-host",
        "gpu-memory" | "gpu-tflops" => "gpu",
        other => other,
    };
    CliError::input(InputError { field: option, ..e }.to_string())
}

//! `tierwise sensitivity`: which assumptions move the break-even volume, and how far.

use super::cost::{DEFAULT_GPU, api_model, choice, find_model, input_error, workload};
use super::cost_args::CostArgs;
use super::cost_args::CostFormat;
use super::errors::CliError;
use super::output::{Align, Column, table};
use crate::domain::catalog::Catalog;
use crate::domain::sensitivity::{Case, DEFAULT_SPAN, Tornado, describe, tornado};
use clap::Args;
use serde::Serialize;

#[derive(Debug, Clone, Args)]
pub struct SensitivityArgs {
    #[command(flatten)]
    pub cost: CostArgs,

    /// How far each input moves down and up, as a fraction (0.25 = ±25%)
    #[arg(long, value_name = "FRACTION", default_value_t = DEFAULT_SPAN, value_parser = super::input_args::finite_number, allow_negative_numbers = true)]
    pub span: f64,
}

/// One tornado per API model, in the order given.
pub fn compute(
    catalog: &Catalog,
    args: &SensitivityArgs,
) -> Result<Vec<(String, Tornado)>, CliError> {
    let cost = &args.cost;
    find_model(catalog, "self-host", cost.self_host())?;
    let gpu = cost.gpu().unwrap_or(DEFAULT_GPU);
    let choice = choice(cost, gpu);
    let workload = workload(cost);
    cost.api
        .iter()
        .map(|id| {
            let (_, price) = api_model(catalog, id)?;
            let case = Case {
                workload: workload.clone(),
                price: price.clone(),
                choice: choice.clone(),
            };
            let t = tornado(catalog, &case, args.span).map_err(input_error)?;
            Ok((id.clone(), t))
        })
        .collect()
}

pub fn run(catalog: &Catalog, args: &SensitivityArgs) -> Result<String, CliError> {
    let tornados = compute(catalog, args)?;
    match args.cost.format {
        CostFormat::Text => Ok(text(args, &tornados)),
        CostFormat::Json => serde_json::to_string_pretty(&json(args, &tornados))
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| CliError::Failure(format!("cannot encode JSON: {e}"))),
    }
}

fn text(args: &SensitivityArgs, tornados: &[(String, Tornado)]) -> String {
    let columns = [
        Column {
            header: "INPUT",
            align: Align::Left,
            max: 20,
        },
        Column {
            header: "LOW",
            align: Align::Right,
            max: 14,
        },
        Column {
            header: "HIGH",
            align: Align::Right,
            max: 14,
        },
        Column {
            header: "BREAK-EVEN AT LOW",
            align: Align::Right,
            max: 20,
        },
        Column {
            header: "AT HIGH",
            align: Align::Right,
            max: 20,
        },
    ];
    let gpu = args.cost.gpu().unwrap_or(DEFAULT_GPU);
    let mut out = String::new();
    for (api, t) in tornados {
        out.push_str(&format!(
            "{} on {gpu} against {api}: break-even {}; each input moved ±{:.0}%, \
             choices to their neighbours, largest effect first\n\n",
            args.cost.self_host(),
            describe(t.base),
            t.span * 100.0
        ));
        let rows: Vec<Vec<String>> = t
            .bars
            .iter()
            .map(|b| {
                vec![
                    b.input.to_string(),
                    b.low.value.clone(),
                    b.high.value.clone(),
                    describe(b.low.break_even),
                    describe(b.high.break_even),
                ]
            })
            .collect();
        out.push_str(&table(&columns, &rows));
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct Json<'a> {
    span: f64,
    self_host: &'a str,
    gpu: &'a str,
    tornados: Vec<JsonTornado<'a>>,
}

#[derive(Serialize)]
struct JsonTornado<'a> {
    api: &'a str,
    base_break_even_tokens_per_day: Option<f64>,
    bars: Vec<JsonBar<'a>>,
}

#[derive(Serialize)]
struct JsonBar<'a> {
    input: &'a str,
    base: &'a str,
    low: &'a str,
    high: &'a str,
    break_even_at_low_tokens_per_day: Option<f64>,
    break_even_at_high_tokens_per_day: Option<f64>,
    effect_decades: f64,
}

fn json<'a>(args: &'a SensitivityArgs, tornados: &'a [(String, Tornado)]) -> Json<'a> {
    Json {
        span: args.span,
        self_host: args.cost.self_host(),
        gpu: args.cost.gpu().unwrap_or(DEFAULT_GPU),
        tornados: tornados
            .iter()
            .map(|(api, t)| JsonTornado {
                api,
                base_break_even_tokens_per_day: t.base,
                bars: t
                    .bars
                    .iter()
                    .map(|b| JsonBar {
                        input: b.input,
                        base: &b.base_value,
                        low: &b.low.value,
                        high: &b.high.value,
                        break_even_at_low_tokens_per_day: b.low.break_even,
                        break_even_at_high_tokens_per_day: b.high.break_even,
                        effect_decades: b.effect,
                    })
                    .collect(),
            })
            .collect(),
    }
}

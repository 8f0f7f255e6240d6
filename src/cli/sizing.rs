//! `tierwise sizing`: how many GPUs one replica of a model needs, how its memory splits and
//! how many tokens a second it serves, with what bounds it (cost-model.md section 3b).

use super::cost::{find_model, input_error};
use super::cost_args::CostFormat;
use super::cost_args::{gpus_per_replica, kv_precision, precision, serving};
use super::errors::CliError;
use super::input_args::finite_number;
use super::suggest;
use crate::domain::catalog::{Catalog, Figure, Gpu, Model};
use crate::domain::cost::{
    Deployment, KvPrecision, Precision, Serving, Workload, deployment_defaults,
};
use crate::domain::serving::{Method, Plan};
use crate::domain::units::{format_count, format_tokens};
use clap::Args;
use serde::Serialize;

#[derive(Debug, Clone, Args)]
pub struct SizingArgs {
    /// Open-weight model to size
    #[arg(long, value_name = "ID")]
    pub model: String,

    /// GPU to run it on
    #[arg(long, value_name = "ID")]
    pub gpu: String,

    /// GPUs per replica, 1 to 64 [default: chosen for the lowest $/M]
    #[arg(long, value_name = "N", value_parser = gpus_per_replica)]
    pub gpus_per_replica: Option<u32>,

    /// Weight precision: fp16, bf16, fp8, int8, int4, fp4 [default: fp16]
    #[arg(long, value_name = "P", value_parser = precision)]
    pub precision: Option<Precision>,

    /// KV cache precision: fp16, bf16, fp8 [default: fp16]
    #[arg(long, value_name = "P", value_parser = kv_precision)]
    pub kv_precision: Option<KvPrecision>,

    /// Prompt tokens per request [default: 2000]
    #[arg(long, value_name = "TOKENS", value_parser = finite_number)]
    pub prompt_tokens: Option<f64>,

    /// Output tokens per request [default: 2000]
    #[arg(long, value_name = "TOKENS", value_parser = finite_number)]
    pub output_tokens: Option<f64>,

    /// Serving stack: typical (stock vLLM/SGLang) or peak (tuned) [default: typical]
    #[arg(long, value_name = "PROFILE", value_parser = serving)]
    pub serving: Option<Serving>,

    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = CostFormat::Text)]
    pub format: CostFormat,
}

pub fn run(catalog: &Catalog, args: &SizingArgs) -> Result<String, CliError> {
    let (model, gpu, d) = deployment(catalog, args)?;
    let plan = d.plan();
    match args.format {
        CostFormat::Text => Ok(text(model, gpu, &d, &plan)),
        CostFormat::Json => serde_json::to_string_pretty(&doc(model, gpu, &d, &plan))
            .map(|s| s + "\n")
            .map_err(|e| CliError::Failure(format!("cannot encode JSON: {e}"))),
    }
}

/// The deployment the options describe, validated like every cost input.
fn deployment<'a>(
    catalog: &'a Catalog,
    args: &SizingArgs,
) -> Result<(&'a Model, &'a Gpu, Deployment), CliError> {
    let model = find_model(catalog, "model", &args.model)?;
    let gpu = catalog.gpu(&args.gpu).ok_or_else(|| {
        let ids = catalog.gpus.iter().map(|g| g.id.as_str());
        CliError::input(format!(
            "--gpu: unknown GPU {:?}{}",
            args.gpu,
            suggest::hint(&args.gpu, ids)
        ))
    })?;
    // Sizing prices nothing, so a GPU without a rental price in the database is fine here.
    let mut priced = gpu.clone();
    priced
        .rent_usd_per_hour
        .get_or_insert_with(|| Figure::new(0.0, "user"));
    let defaults = Workload::default();
    let workload = Workload {
        prompt_tokens: args.prompt_tokens.unwrap_or(defaults.prompt_tokens),
        output_tokens: args.output_tokens.unwrap_or(defaults.output_tokens),
        ..defaults
    };
    let named = |e: crate::domain::cost::InputError| match e.field {
        "self-host" => CliError::input(format!("--model: {}", e.allowed)),
        _ => input_error(e),
    };
    workload.validate().map_err(named)?;
    let mut d = deployment_defaults(model, &priced).map_err(named)?;
    if let Some(p) = args.precision {
        d.precision = p;
    }
    if let Some(p) = args.kv_precision {
        d.kv_precision = p;
    }
    if let Some(s) = args.serving {
        d.serving = s;
    }
    d.gpus_per_replica = args.gpus_per_replica;
    let mut d = d.shaped(&workload);
    // No volume: the replica is sized for the most tokens/s per GPU.
    d.tokens_per_day = None;
    d.validate().map_err(named)?;
    Ok((model, gpu, d))
}

// The JSON shape is fixed by issue #13: these structs keep exactly its keys, in its order.

#[derive(Serialize)]
struct Doc<'a> {
    model: &'a str,
    gpu: &'a str,
    precision: &'static str,
    kv_precision: &'static str,
    gpus_per_replica: u32,
    gpus_per_replica_chosen_because: String,
    memory: MemoryJson,
    throughput: ThroughputJson,
}

#[derive(Serialize)]
struct MemoryJson {
    weights_gb: f64,
    kv_bytes_per_token: Option<f64>,
    kv_gb_free: Option<f64>,
    max_concurrent_sequences: Option<u64>,
}

#[derive(Serialize)]
struct ThroughputJson {
    output_tokens_per_s: f64,
    total_tokens_per_s: f64,
    bound: &'static str,
    serving: &'static str,
}

/// Why this many GPUs; with parameters only, that comes first.
fn because(plan: &Plan) -> String {
    match &plan.method {
        Method::Architecture => plan.reason.clone(),
        Method::ParametersOnly(_) => format!("{}; {}", plan.method.label(), plan.reason),
    }
}

/// Output tokens/s: from the estimate, or the total split by the request's output share.
fn output_rate(d: &Deployment, plan: &Plan) -> f64 {
    plan.tokens_per_s * d.output_tokens / (d.prompt_tokens + d.output_tokens)
}

fn doc<'a>(model: &'a Model, gpu: &'a Gpu, d: &Deployment, plan: &Plan) -> Doc<'a> {
    let r = plan.replica.as_ref();
    Doc {
        model: &model.id,
        gpu: &gpu.id,
        precision: d.precision.as_str(),
        kv_precision: d.kv_precision.as_str(),
        gpus_per_replica: plan.gpus as u32,
        gpus_per_replica_chosen_because: because(plan),
        memory: MemoryJson {
            weights_gb: d.params_total_b * d.precision.bytes_per_param(),
            kv_bytes_per_token: r.map(|r| r.kv_bytes_per_token),
            kv_gb_free: r.map(|r| r.kv_gb_free),
            // A whole count, floored in the estimate; `as` saturates.
            max_concurrent_sequences: r.map(|r| r.max_concurrent_sequences as u64),
        },
        throughput: ThroughputJson {
            output_tokens_per_s: output_rate(d, plan),
            total_tokens_per_s: plan.tokens_per_s,
            // The parameter-only rule counts arithmetic only: compute-bound by construction.
            bound: r.map_or("compute", |r| r.bound.as_str()),
            serving: d.serving.as_str(),
        },
    }
}

fn gb(v: f64) -> String {
    format!("{v:.1} GB")
}

fn text(model: &Model, gpu: &Gpu, d: &Deployment, plan: &Plan) -> String {
    let mut out = format!(
        "{} on {}: {} weights, {} KV cache, {} in / {} out per request, {} serving\n",
        model.name,
        gpu.name,
        d.precision.as_str(),
        d.kv_precision.as_str(),
        format_count(d.prompt_tokens),
        format_count(d.output_tokens),
        d.serving.as_str()
    );
    let n = plan.gpus as u32;
    out += &format!(
        "Replica: {n} GPU{} ({})\n",
        if n == 1 { "" } else { "s" },
        because(plan)
    );
    match &plan.replica {
        Some(r) => {
            out += &format!(
                "Memory per replica: {} ({} x {})\n",
                gb(r.memory_gb),
                r.gpus,
                gb(d.gpu_memory_gb)
            );
            out += &format!("  weights           {}\n", gb(r.weights_gb));
            out += &format!("  runtime reserve   {}\n", gb(r.reserve_gb));
            out += &format!(
                "  KV cache free     {} ({} bytes per token; {} sequences at once)\n",
                gb(r.kv_gb_free),
                format_count(r.kv_bytes_per_token),
                format_count(r.max_concurrent_sequences)
            );
        }
        None => {
            let weights = d.params_total_b * d.precision.bytes_per_param();
            out += &format!(
                "Memory per replica: {} ({} of weights x (1 + {} KV overhead))\n",
                gb(weights * (1.0 + d.kv_overhead)),
                gb(weights),
                d.kv_overhead
            );
        }
    }
    out += &format!(
        "Throughput per replica: {} output tokens/s, {} total tokens/s ({})\n",
        format_tokens(output_rate(d, plan)),
        format_tokens(plan.tokens_per_s),
        plan.method.label()
    );
    if let Some(r) = &plan.replica {
        out += &format!("Bound: {}\n", r.bound_sentence());
    }
    out
}

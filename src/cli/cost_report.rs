//! What `tierwise cost` prints: the exact JSON document of the issue, or a readable report.

use super::output::{Align, Column, table};
use crate::domain::breakeven::Crossover;
use crate::domain::catalog::{Gpu, Model};
use crate::domain::cost::{Deployment, SelfHostCost, ThroughputSource, Workload};
use crate::domain::units::{format_count, format_tokens, format_usd, format_usd_full};
use serde::Serialize;

/// The computed comparison, before formatting.
pub struct Report<'a> {
    pub workload: Workload,
    pub model: &'a Model,
    pub gpu: &'a Gpu,
    pub deployment: Deployment,
    pub self_host: SelfHostCost,
    pub api: Vec<ApiLine<'a>>,
}

pub struct ApiLine<'a> {
    /// As asked: a model id, or an offering id `model@provider` priced by that provider.
    pub id: String,
    pub model: &'a Model,
    pub blended_usd_per_million: f64,
    pub usd_per_month: f64,
    pub crossover: Crossover,
}

// The JSON shape is fixed by the issue: these structs keep exactly its keys, in its order.

#[derive(Serialize)]
struct Doc<'a> {
    workload: WorkloadJson,
    self_host: SelfHostJson<'a>,
    api: Vec<ApiJson<'a>>,
}

#[derive(Serialize)]
struct WorkloadJson {
    tokens_per_day: f64,
    input_share: f64,
}

#[derive(Serialize)]
struct SelfHostJson<'a> {
    model: &'a str,
    gpu: &'a str,
    mode: &'static str,
    precision: &'static str,
    gpus_per_replica: u32,
    replicas: u32,
    gpus: u32,
    servers: u32,
    throughput_tokens_per_s: f64,
    throughput_source: &'static str,
    capacity_tokens_per_day: f64,
    infra_usd_per_month: f64,
    labor_usd_per_month: f64,
    usd_per_month: f64,
    usd_per_million_tokens: f64,
}

#[derive(Serialize)]
struct ApiJson<'a> {
    model: &'a str,
    blended_usd_per_million: f64,
    usd_per_month: f64,
    break_even_tokens_per_day: Option<f64>,
    stays_cheaper_from_tokens_per_day: Option<f64>,
}

pub fn json(r: &Report) -> Result<String, serde_json::Error> {
    let s = &r.self_host.sizing;
    let doc = Doc {
        workload: WorkloadJson {
            tokens_per_day: r.workload.tokens_per_day,
            input_share: r.workload.input_share,
        },
        self_host: SelfHostJson {
            model: &r.model.id,
            gpu: &r.gpu.id,
            mode: r.deployment.mode.as_str(),
            precision: r.deployment.precision.as_str(),
            gpus_per_replica: s.gpus_per_replica,
            replicas: s.replicas,
            gpus: s.gpus,
            servers: s.servers,
            throughput_tokens_per_s: s.replica_tokens_per_s,
            throughput_source: s.throughput_source.as_str(),
            capacity_tokens_per_day: s.capacity_tokens_per_day,
            infra_usd_per_month: r.self_host.infra_usd_per_month,
            labor_usd_per_month: r.self_host.labor_usd_per_month,
            usd_per_month: r.self_host.usd_per_month,
            usd_per_million_tokens: r.self_host.usd_per_million_tokens,
        },
        api: r
            .api
            .iter()
            .map(|a| ApiJson {
                model: &a.id,
                blended_usd_per_million: a.blended_usd_per_million,
                usd_per_month: a.usd_per_month,
                break_even_tokens_per_day: a.crossover.break_even_tokens_per_day,
                stays_cheaper_from_tokens_per_day: a.crossover.stays_cheaper_from_tokens_per_day,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    Ok(text)
}

fn per_day(v: Option<f64>) -> String {
    v.map_or("never".into(), |v| {
        format!("{} tokens/day", format_tokens(v))
    })
}

/// Tokens/s: grouped whole numbers, but a measured 0.5 tokens/s is not shown as 0.
fn rate(v: f64) -> String {
    if v < 100.0 {
        super::output::plain_number((v * 100.0).round() / 100.0)
    } else {
        format_count(v)
    }
}

fn count(n: u32, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", format_count(f64::from(n)))
    }
}

fn percent(share: f64) -> String {
    crate::domain::format::percent(share, crate::domain::format::Percent::Trimmed(1))
}

pub fn text(r: &Report) -> String {
    let w = &r.workload;
    let d = &r.deployment;
    let c = &r.self_host;
    let s = &c.sizing;
    let mut out = format!(
        "Workload: {} tokens/day ({}), {} input, average prompt {} tokens\n\n",
        format_tokens(w.tokens_per_day),
        format_count(w.tokens_per_day),
        percent(w.input_share),
        format_count(w.prompt_tokens),
    );
    out.push_str(&format!(
        "Self-hosted: {} on {}, {}, {}\n",
        r.model.id,
        r.gpu.id,
        d.mode.as_str(),
        d.precision.as_str()
    ));
    let plan = d.plan();
    match &plan.replica {
        Some(z) => out.push_str(&format!(
            "  memory      {} GB per replica ({} GB weights, {} GB KV cache free for {} \
             sequences) -> {} of {} GB: {}\n",
            format_count(z.memory_gb),
            format_count(z.weights_gb),
            format_count(z.kv_gb_free),
            format_count(z.max_concurrent_sequences),
            count(s.gpus_per_replica, "GPU"),
            format_count(d.gpu_memory_gb),
            plan.reason,
        )),
        None => out.push_str(&format!(
            "  memory      {} GB per replica ({} GB weights + {} KV) -> {} of {} GB\n",
            format_count(s.memory_gb),
            format_count(s.weights_gb),
            percent(d.kv_overhead),
            count(s.gpus_per_replica, "GPU"),
            format_count(d.gpu_memory_gb),
        )),
    }
    let source = match (s.throughput_source, &plan.replica) {
        (ThroughputSource::Measured, _) => "measured, from --throughput".to_string(),
        (ThroughputSource::Estimated, Some(z)) => format!(
            "{}, {} serving, bound: {}; --throughput sets a measured one",
            plan.method.label(),
            d.serving.as_str(),
            z.bound.as_str()
        ),
        (ThroughputSource::Estimated, None) => format!(
            "{}, compute-bound; --throughput sets a measured one",
            plan.method.label()
        ),
    };
    out.push_str(&format!(
        "  throughput  {} tokens/s per replica ({source})\n",
        rate(s.replica_tokens_per_s)
    ));
    out.push_str(&format!(
        "  fleet       {}, {}, {}; capacity {} tokens/day at {} utilization\n",
        count(s.replicas, "replica"),
        count(s.gpus, "GPU"),
        count(s.servers, "server"),
        format_tokens(s.capacity_tokens_per_day),
        percent(d.utilization),
    ));
    out.push_str(&format!(
        "  monthly     {} infra + {} labor = {} ({} per million tokens)\n\n",
        format_usd_full(c.infra_usd_per_month),
        format_usd_full(c.labor_usd_per_month),
        format_usd_full(c.usd_per_month),
        format_usd(c.usd_per_million_tokens),
    ));
    out.push_str(&api_table(r));
    for a in &r.api {
        if let Some(reason) = &a.crossover.never_reason {
            out.push_str(&format!("{}: {reason}\n", a.id));
        }
    }
    out.push_str(
        "\nBREAK-EVEN: the first volume at which self-hosting costs no more than the API.\n\
         STAYS CHEAPER FROM: the volume above which self-hosting never costs more again.\n",
    );
    out
}

const API_COLUMNS: [Column; 6] = [
    Column {
        header: "API MODEL",
        align: Align::Left,
        max: 24,
    },
    Column {
        header: "$/M",
        align: Align::Right,
        max: 8,
    },
    Column {
        header: "PER MONTH",
        align: Align::Right,
        max: 14,
    },
    Column {
        header: "CHEAPER NOW",
        align: Align::Left,
        max: 11,
    },
    Column {
        header: "BREAK-EVEN",
        align: Align::Left,
        max: 20,
    },
    Column {
        header: "STAYS CHEAPER FROM",
        align: Align::Left,
        max: 20,
    },
];

fn api_table(r: &Report) -> String {
    let rows: Vec<Vec<String>> = r
        .api
        .iter()
        .map(|a| {
            let cheaper = if r.self_host.usd_per_month <= a.usd_per_month {
                "self-host"
            } else {
                "API"
            };
            vec![
                a.id.clone(),
                format_usd(a.blended_usd_per_million),
                format_usd_full(a.usd_per_month),
                cheaper.into(),
                per_day(a.crossover.break_even_tokens_per_day),
                per_day(a.crossover.stays_cheaper_from_tokens_per_day),
            ]
        })
        .collect();
    table(&API_COLUMNS, &rows)
}

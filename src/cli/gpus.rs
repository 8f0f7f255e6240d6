//! `tierwise gpus`: the accelerators with their datasheet figures, rental offers and prices.

use super::args::{GpusArgs, ModelsFormat};
use super::errors::CliError;
use super::models_json::FigureJson;
use super::output::{Align, Column, UNKNOWN, csv_record, plain_number, table};
use crate::domain::catalog::{Catalog, Figure, Gpu, RentOffer};
use serde::Serialize;

pub fn run(catalog: &Catalog, args: &GpusArgs) -> Result<String, CliError> {
    let gpus: Vec<&Gpu> = catalog.gpus.iter().collect();
    match args.format {
        ModelsFormat::Table => Ok(render_table(&gpus)),
        ModelsFormat::Json => {
            render_json(&gpus).map_err(|e| CliError::Failure(format!("cannot encode JSON: {e}")))
        }
        ModelsFormat::Csv => Ok(render_csv(&gpus)),
    }
}

#[derive(Debug, Serialize)]
struct TflopsJson {
    bf16: FigureJson<f64>,
    fp8: Option<FigureJson<f64>>,
    fp4: Option<FigureJson<f64>>,
}

#[derive(Debug, Serialize)]
struct GpuJson<'a> {
    id: &'a str,
    name: &'a str,
    vendor: &'a str,
    memory_gb: FigureJson<f64>,
    memory_bandwidth_tb_s: Option<FigureJson<f64>>,
    /// Dense tensor throughput.
    tflops: TflopsJson,
    int8_tops: Option<FigureJson<f64>>,
    power_w: FigureJson<f64>,
    /// The default rental price with its range and every other stated value.
    rent_usd_per_hour: Option<FigureJson<f64>>,
    rent_offers: &'a [RentOffer],
    purchase_usd: Option<FigureJson<f64>>,
}

fn fig(f: &Figure<f64>) -> FigureJson<f64> {
    FigureJson::map(f, |v| *v)
}

fn opt(f: &Option<Figure<f64>>) -> Option<FigureJson<f64>> {
    f.as_ref().map(fig)
}

fn render_json(gpus: &[&Gpu]) -> Result<String, serde_json::Error> {
    let docs: Vec<GpuJson> = gpus
        .iter()
        .map(|g| GpuJson {
            id: &g.id,
            name: &g.name,
            vendor: &g.vendor,
            memory_gb: fig(&g.memory_gb),
            memory_bandwidth_tb_s: opt(&g.memory_bandwidth_tb_s),
            tflops: TflopsJson {
                bf16: fig(&g.bf16_tflops),
                fp8: opt(&g.fp8_tflops),
                fp4: opt(&g.fp4_tflops),
            },
            int8_tops: opt(&g.int8_tops),
            power_w: fig(&g.power_w),
            rent_usd_per_hour: opt(&g.rent_usd_per_hour),
            rent_offers: &g.rent_offers,
            purchase_usd: opt(&g.purchase_usd),
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&docs)?;
    text.push('\n');
    Ok(text)
}

const COLUMNS: [Column; 10] = [
    Column {
        header: "ID",
        align: Align::Left,
        max: 12,
    },
    Column {
        header: "VENDOR",
        align: Align::Left,
        max: 6,
    },
    Column {
        header: "MEM GB",
        align: Align::Right,
        max: 6,
    },
    Column {
        header: "TB/S",
        align: Align::Right,
        max: 5,
    },
    Column {
        header: "BF16",
        align: Align::Right,
        max: 6,
    },
    Column {
        header: "FP8",
        align: Align::Right,
        max: 6,
    },
    Column {
        header: "FP4",
        align: Align::Right,
        max: 6,
    },
    Column {
        header: "WATTS",
        align: Align::Right,
        max: 5,
    },
    Column {
        header: "RENT $/H",
        align: Align::Right,
        max: 14,
    },
    Column {
        header: "BUY $",
        align: Align::Right,
        max: 7,
    },
];

fn value(f: &Option<Figure<f64>>) -> String {
    f.as_ref()
        .map_or(UNKNOWN.to_string(), |f| plain_number(f.value))
}

/// The default rent and, where the offers spread, their low-high range.
fn rent_text(g: &Gpu) -> String {
    let Some(f) = &g.rent_usd_per_hour else {
        return UNKNOWN.into();
    };
    let (low, high) = f.low_high();
    if low < high {
        format!(
            "{} ({}-{})",
            plain_number(f.value),
            plain_number(low),
            plain_number(high)
        )
    } else {
        plain_number(f.value)
    }
}

fn render_table(gpus: &[&Gpu]) -> String {
    let rows: Vec<Vec<String>> = gpus
        .iter()
        .map(|g| {
            vec![
                g.id.clone(),
                g.vendor.clone(),
                plain_number(g.memory_gb.value),
                value(&g.memory_bandwidth_tb_s),
                plain_number(g.bf16_tflops.value),
                value(&g.fp8_tflops),
                value(&g.fp4_tflops),
                plain_number(g.power_w.value),
                rent_text(g),
                value(&g.purchase_usd),
            ]
        })
        .collect();
    let mut out = table(&COLUMNS, &rows);
    out.push_str(&format!(
        "\n{} GPU(s). TFLOPS dense; RENT is the default per GPU-hour with the range of every \
         stated value;\n{UNKNOWN} unknown. tierwise gpus --format json shows each offer and source.\n",
        gpus.len()
    ));
    out
}

const CSV_HEADER: [&str; 14] = [
    "id",
    "name",
    "vendor",
    "memory_gb",
    "memory_bandwidth_tb_s",
    "bf16_tflops",
    "fp8_tflops",
    "fp4_tflops",
    "int8_tops",
    "power_w",
    "rent_usd_per_hour",
    "rent_low",
    "rent_high",
    "purchase_usd",
];

fn render_csv(gpus: &[&Gpu]) -> String {
    let header: Vec<String> = CSV_HEADER.iter().map(|h| h.to_string()).collect();
    let mut out = csv_record(&header);
    let num = |f: &Option<Figure<f64>>| f.as_ref().map_or(String::new(), |f| plain_number(f.value));
    for g in gpus {
        let (low, high) =
            g.rent_usd_per_hour
                .as_ref()
                .map_or((String::new(), String::new()), |f| {
                    let (l, h) = f.low_high();
                    (plain_number(l), plain_number(h))
                });
        out.push_str(&csv_record(&[
            g.id.clone(),
            g.name.clone(),
            g.vendor.clone(),
            plain_number(g.memory_gb.value),
            num(&g.memory_bandwidth_tb_s),
            plain_number(g.bf16_tflops.value),
            num(&g.fp8_tflops),
            num(&g.fp4_tflops),
            num(&g.int8_tops),
            plain_number(g.power_w.value),
            num(&g.rent_usd_per_hour),
            low,
            high,
            num(&g.purchase_usd),
        ]));
    }
    out
}

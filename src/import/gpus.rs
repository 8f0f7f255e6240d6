//! GPUs: the curated list (ids, names, article prices) completed with datasheet figures,
//! aiconfigurator's system files and rental offers from the GPU price index.

use super::merge_prices::{close_f64, fold_opt};
use super::model_index::source_ids::{AICONFIGURATOR, DATASHEETS, PRICE_INDEX};
use super::{ImportProblem, Upstream, files};
use crate::domain::catalog::{Alternative, Figure, Gpu, RentOffer};
use serde_json::Value;

/// Datasheet names (`gpu` field, by prefix) and aiconfigurator system ids of our GPU ids.
const DATASHEET_IDS: [(&str, &str); 8] = [
    ("H100 SXM", "h100-sxm"),
    ("H200 SXM", "h200"),
    ("B200 SXM", "b200"),
    ("GB200", "gb200"),
    ("A100 SXM4 80GB", "a100-80gb"),
    ("L40S", "l40s"),
    ("RTX 4090", "rtx-4090"),
    ("MI300X", "mi300x"),
];
const SYSTEM_IDS: [(&str, &str); 11] = [
    ("a100_sxm", "a100-80gb"),
    ("b200_sxm", "b200"),
    ("b300_sxm", "b300"),
    ("gb200", "gb200"),
    ("gb300", "gb300"),
    ("h100_pcie", "h100-pcie"),
    ("h100_sxm", "h100-sxm"),
    ("h200_sxm", "h200"),
    ("l4", "l4"),
    ("l40s", "l40s"),
    ("rtx_pro_6000_server", "rtx-pro-6000"),
];
/// The price index's `gpu_model` names.
const PRICE_IDS: [(&str, &str); 9] = [
    ("H100", "h100-sxm"),
    ("H100-NVL", "h100-nvl"),
    ("H200", "h200"),
    ("B200", "b200"),
    ("B300", "b300"),
    ("A100-80GB", "a100-80gb"),
    ("A100-40GB", "a100-40gb"),
    ("L40S", "l40s"),
    ("MI300X", "mi300x"),
];

fn lookup(table: &[(&str, &'static str)], name: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == name).map(|(_, id)| *id)
}

pub fn import(up: &Upstream, curated: &[Gpu]) -> (Vec<Gpu>, Vec<ImportProblem>) {
    let mut gpus = curated.to_vec();
    let mut problems = Vec::new();
    datasheets(up.datasheets, &mut gpus, &mut problems);
    systems(up.aic_systems, &mut gpus, &mut problems);
    let offers = parse_prices(up.gpu_prices, &mut problems);
    for (id, offer) in offers {
        match gpus.iter_mut().find(|g| g.id == id) {
            Some(g) => g.rent_offers.push(offer),
            None => problems.push(ImportProblem::new(
                files::GPU_PRICES,
                id,
                "no curated GPU has this id",
            )),
        }
    }
    for g in &mut gpus {
        g.rent_offers.sort_by(|a, b| {
            (a.spot, &a.provider, &a.region)
                .cmp(&(b.spot, &b.provider, &b.region))
                .then(a.usd_per_gpu_hour.total_cmp(&b.usd_per_gpu_hour))
        });
        settle_rent(g);
    }
    gpus.sort_by(|a, b| a.id.cmp(&b.id));
    (gpus, problems)
}

fn datasheets(text: &str, gpus: &mut [Gpu], problems: &mut Vec<ImportProblem>) {
    if text.is_empty() {
        return;
    }
    let Ok(Value::Array(list)) = serde_json::from_str::<Value>(text) else {
        problems.push(ImportProblem::new(
            files::DATASHEETS,
            "(root)",
            "is not a JSON array",
        ));
        return;
    };
    for v in list {
        let Some(name) = v.get("gpu").and_then(Value::as_str) else {
            problems.push(ImportProblem::new(
                files::DATASHEETS,
                "(entry)",
                "missing field `gpu`",
            ));
            continue;
        };
        let Some(id) = DATASHEET_IDS
            .iter()
            .find(|(p, _)| name.starts_with(p))
            .map(|(_, id)| *id)
        else {
            continue; // GH200, MI325X: no curated GPU, or no figures to take.
        };
        let Some(g) = gpus.iter_mut().find(|g| g.id == id) else {
            continue;
        };
        let num = |f: &str| {
            v.get(f)
                .and_then(Value::as_f64)
                .filter(|x| x.is_finite() && *x > 0.0)
        };
        if let Some(x) = num("hbm_TBps") {
            fold_opt(&mut g.memory_bandwidth_tb_s, &x, DATASHEETS, close_f64);
        }
        if let Some(x) = num("bf16_dense_TFLOPS") {
            let mut f = Some(g.bf16_tflops.clone());
            fold_opt(&mut f, &x, DATASHEETS, close_f64);
            g.bf16_tflops = f.expect("folded into an existing figure");
        }
        if let Some(x) = num("fp8_dense_TFLOPS") {
            fold_opt(&mut g.fp8_tflops, &x, DATASHEETS, close_f64);
        }
        if let Some(x) = num("fp4_dense_TFLOPS") {
            fold_opt(&mut g.fp4_tflops, &x, DATASHEETS, close_f64);
        }
    }
}

fn systems(text: &str, gpus: &mut [Gpu], problems: &mut Vec<ImportProblem>) {
    if text.is_empty() {
        return;
    }
    let Some(systems) = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| v.get("systems").cloned())
        .and_then(|s| s.as_object().cloned())
    else {
        problems.push(ImportProblem::new(
            files::AIC_SYSTEMS,
            "(root)",
            "missing field `systems`",
        ));
        return;
    };
    for (system, v) in &systems {
        let Some(id) = lookup(&SYSTEM_IDS, system) else {
            continue;
        };
        let Some(g) = gpus.iter_mut().find(|g| g.id == id) else {
            problems.push(ImportProblem::new(
                files::AIC_SYSTEMS,
                system,
                format!("maps to {id}, which is not a curated GPU"),
            ));
            continue;
        };
        let Some(gpu) = v.get("gpu") else {
            problems.push(ImportProblem::new(
                files::AIC_SYSTEMS,
                system,
                "missing field `gpu`",
            ));
            continue;
        };
        let num = |f: &str| {
            gpu.get(f)
                .and_then(Value::as_f64)
                .filter(|x| x.is_finite() && *x > 0.0)
        };
        if let Some(bw) = num("mem_bw") {
            fold_opt(
                &mut g.memory_bandwidth_tb_s,
                &(bw / 1e12),
                AICONFIGURATOR,
                close_f64,
            );
        }
        let mut bf16 = Some(g.bf16_tflops.clone());
        if let Some(x) = num("bfloat16_tc_flops") {
            fold_opt(&mut bf16, &(x / 1e12), AICONFIGURATOR, close_f64);
        }
        g.bf16_tflops = bf16.expect("folded into an existing figure");
        if let Some(x) = num("fp8_tc_flops") {
            fold_opt(&mut g.fp8_tflops, &(x / 1e12), AICONFIGURATOR, close_f64);
        }
        if let Some(x) = num("int8_tc_flops") {
            fold_opt(&mut g.int8_tops, &(x / 1e12), AICONFIGURATOR, close_f64);
        }
        if let Some(x) = num("fp4_tc_flops") {
            fold_opt(&mut g.fp4_tflops, &(x / 1e12), AICONFIGURATOR, close_f64);
        }
    }
}

/// Rows of the price CSV as (gpu id, offer); bad rows are reported and skipped.
pub fn parse_prices(text: &str, problems: &mut Vec<ImportProblem>) -> Vec<(String, RentOffer)> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let Some((_, header)) = lines.next() else {
        return Vec::new();
    };
    let columns: Vec<&str> = header.split(',').map(str::trim).collect();
    let col = |name: &str| columns.iter().position(|c| *c == name);
    let needed = [
        "date",
        "provider",
        "pricing",
        "gpu_model",
        "region",
        "usd_per_gpu_hour",
    ];
    let missing: Vec<&str> = needed
        .iter()
        .copied()
        .filter(|n| col(n).is_none())
        .collect();
    if !missing.is_empty() {
        problems.push(ImportProblem::new(
            files::GPU_PRICES,
            "(header)",
            format!("missing column(s) {}", missing.join(", ")),
        ));
        return Vec::new();
    }
    let at = |fields: &[&str], name: &str| {
        fields
            .get(col(name).unwrap_or(usize::MAX))
            .map(|s| s.trim().to_string())
    };
    let mut out: Vec<(String, RentOffer)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (n, line) in lines {
        let key = format!("line {}", n + 1);
        let fields: Vec<&str> = line.split(',').collect();
        if fields.len() != columns.len() {
            problems.push(ImportProblem::new(
                files::GPU_PRICES,
                key,
                format!("has {} fields, the header {}", fields.len(), columns.len()),
            ));
            continue;
        }
        let model = at(&fields, "gpu_model").unwrap_or_default();
        let Some(id) = lookup(&PRICE_IDS, &model) else {
            problems.push(ImportProblem::new(
                files::GPU_PRICES,
                key,
                format!("gpu_model {model:?} is not a known GPU"),
            ));
            continue;
        };
        let price = at(&fields, "usd_per_gpu_hour").unwrap_or_default();
        let Some(usd) = price
            .parse::<f64>()
            .ok()
            .filter(|p| p.is_finite() && *p > 0.0 && *p < 1_000.0)
        else {
            problems.push(ImportProblem::new(
                files::GPU_PRICES,
                key,
                format!("usd_per_gpu_hour {price:?} is not a price between 0 and 1,000"),
            ));
            continue;
        };
        if !seen.insert(line.to_string()) {
            problems.push(ImportProblem::new(files::GPU_PRICES, key, "duplicate row"));
            continue;
        }
        let region = at(&fields, "region").filter(|r| !r.is_empty() && r != "global");
        out.push((
            id.to_string(),
            RentOffer {
                provider: at(&fields, "provider").unwrap_or_default(),
                region,
                usd_per_gpu_hour: usd,
                spot: at(&fields, "pricing").as_deref() == Some("spot"),
                as_of: at(&fields, "date").unwrap_or_default(),
                sources: vec![PRICE_INDEX.to_string()],
            },
        ));
    }
    out
}

/// The median of the sorted values.
pub fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

/// The default rental price: the article's figure where one exists (the scenarios reproduce
/// the articles); otherwise the median of the on-demand offers. Either way the offers' median
/// and their low-high range are kept, so the uncertainty bands span every offer.
fn settle_rent(g: &mut Gpu) {
    let mut prices: Vec<f64> = g
        .rent_offers
        .iter()
        .filter(|o| !o.spot)
        .map(|o| o.usd_per_gpu_hour)
        .collect();
    if prices.is_empty() {
        return;
    }
    prices.sort_by(f64::total_cmp);
    let mid = (median(&prices) * 10_000.0).round() / 10_000.0;
    let range = (prices[0], prices[prices.len() - 1]);
    let note = if prices.len() == 1 {
        format!(
            "The one on-demand offer in the GPU price index: ${} per GPU-hour.",
            range.0
        )
    } else {
        format!(
            "Median of {} on-demand offers in the GPU price index; they range from ${} to ${} per GPU-hour.",
            prices.len(),
            range.0,
            range.1
        )
    };
    match &mut g.rent_usd_per_hour {
        None => {
            let mut f = Figure::new(mid, PRICE_INDEX);
            f.range = Some(range);
            f.note = Some(note);
            g.rent_usd_per_hour = Some(f);
        }
        Some(f) => {
            f.alternatives
                .retain(|a| !a.sources.iter().any(|s| s == PRICE_INDEX));
            f.alternatives.push(Alternative {
                value: mid,
                sources: vec![PRICE_INDEX.to_string()],
                range: Some(range),
                note: Some(note),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_rows_and_their_problems() {
        let csv = "# excerpt\n\
            date,provider,segment,pricing,gpu_model,sku,region,gpu_count,usd_per_hour,usd_per_gpu_hour,sample_size\n\
            2026-10-10,AWS,h,on_demand,H100,p5,us-east-1,8,55.04,6.88,1\n\
            2026-10-10,Lambda,n,on_demand,H100,x,global,1,2.5,2.5,1\n\
            2026-10-10,Lambda,n,on_demand,H100,x,global,1,2.5,2.5,1\n\
            2026-10-10,GCP,h,spot,H100,y,global,1,1.0,1.0,1\n\
            2026-10-10,X,n,on_demand,TPU,z,global,1,1,1,1\n\
            2026-10-10,Y,n,on_demand,H100,z,global,1,1,free,1\n\
            2026-10-10,short,row\n";
        let mut problems = Vec::new();
        let offers = parse_prices(csv, &mut problems);
        assert_eq!(offers.len(), 3);
        assert_eq!(offers[0].1.region.as_deref(), Some("us-east-1"));
        assert_eq!(offers[1].1.region, None, "global is no region");
        assert!(offers[2].1.spot);
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages[0].contains("line 5: duplicate"));
        assert!(messages[1].contains("\"TPU\""));
        assert!(messages[2].contains("\"free\""));
        assert!(messages[3].contains("has 3 fields"));
    }

    #[test]
    fn median_of_odd_and_even() {
        assert_eq!(median(&[1.0, 2.0, 9.0]), 2.0);
        assert_eq!(median(&[1.0, 2.0, 4.0, 9.0]), 3.0);
    }
}

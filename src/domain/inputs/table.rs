//! The rows. Ranges are those of docs/cost-model.md sections 1 and 3 (plus the generous limits
//! of `cost/check.rs` that keep the arithmetic finite); defaults are `Workload::default` and
//! `Settings::default`, and say where they come from. The order is the sliders' list order.

use super::grid::{Grid::*, Spec, spec};
use super::{Accepts, Access, Input, InputId as Id, Part, Show, When, choices};
use crate::domain::breakeven::{VOLUME_MAX, VOLUME_MIN};
use crate::domain::validate::MAX_MONEY;

const fn range(lo: f64, hi: f64) -> Option<Accepts> {
    Some(Accepts {
        lo,
        hi,
        open_low: false,
        whole: false,
        allowed: None,
    })
}

/// Above `lo`, up to `hi`.
const fn above(lo: f64, hi: f64) -> Option<Accepts> {
    Some(Accepts {
        lo,
        hi,
        open_low: true,
        whole: false,
        allowed: None,
    })
}

const MONEY: Option<Accepts> = range(0.0, MAX_MONEY);

const fn percent(s: Spec) -> Option<Spec> {
    Some(Spec { percent: true, ..s })
}

/// A workload number.
macro_rules! workload {
    ($field:ident) => {
        Access::Workload {
            get: |w| w.$field,
            set: |w, v| w.$field = v,
        }
    };
}

/// A required deployment setting (unset is not a value it can take: NaN, refused).
macro_rules! setting {
    ($field:ident) => {
        Access::Setting {
            get: |s| Some(s.$field),
            set: |s, v| s.$field = v.unwrap_or(f64::NAN),
        }
    };
}

/// An optional deployment setting (`None`: the GPU database's figure, or the estimate).
macro_rules! optional {
    ($field:ident) => {
        Access::Setting {
            get: |s| s.$field,
            set: |s, v| s.$field = v,
        }
    };
}

const fn row(id: Id, name: &'static str, label: &'static str, part: Part, access: Access) -> Input {
    Input {
        id,
        name,
        flag: name,
        label,
        part,
        when: When::Always,
        accepts: None,
        slider: None,
        show: Show::Plain,
        default: None,
        why: "",
        access,
    }
}

const W: Part = Part::Workload;
const D: Part = Part::Deployment;

pub static INPUTS: [Input; 26] = [
    Input {
        flag: "tokens-per-day",
        accepts: Some(Accepts {
            allowed: Some("tokens a day from 1K (1,000) to 100B (100,000,000,000)"),
            ..range(VOLUME_MIN, VOLUME_MAX).unwrap()
        }),
        slider: Some(spec(OneTwoFive, 1e3, 1e11, true, "tokens/day")),
        show: Show::TokensPerDay,
        default: Some(5e6),
        why: "the volume of the TCO example in article 000 (2 used H100s at 5M tokens a day), \
              and where article 004 puts the start of the crossover",
        ..row(Id::Volume, "volume", "volume", W, workload!(tokens_per_day))
    },
    Input {
        accepts: range(0.0, 1.0),
        slider: percent(spec(
            Linear(0.05),
            0.0,
            1.0,
            false,
            "fraction of tokens, 0 to 1",
        )),
        show: Show::InputShare,
        default: Some(0.5),
        why: "the 50/50 input/output split article 004 assumes",
        ..row(
            Id::InputShare,
            "input-share",
            "input share",
            W,
            workload!(input_share),
        )
    },
    Input {
        accepts: range(1.0, 1e7),
        slider: Some(spec(TwoDigits, 10.0, 1e6, true, "tokens per request")),
        show: Show::Whole,
        default: Some(2000.0),
        why: "it picks a long-context price tier and shapes the throughput; 2,000 keeps the \
              ordinary prices (the catalogue's one long-context tier starts above 200,000); \
              no article states a length per request",
        ..row(
            Id::PromptTokens,
            "prompt-tokens",
            "prompt",
            W,
            workload!(prompt_tokens),
        )
    },
    Input {
        accepts: range(1.0, 1e7),
        slider: Some(spec(TwoDigits, 10.0, 1e6, true, "tokens per request")),
        show: Show::Whole,
        default: Some(2000.0),
        why: "as long as the default prompt, so the two lengths agree with the default input \
              share of 0.5; no article states a length per request",
        ..row(
            Id::OutputTokens,
            "output-tokens",
            "output",
            W,
            workload!(output_tokens),
        )
    },
    Input {
        flag: "self-host",
        show: Show::Choice,
        why: "the first open model marked in the catalogue, or the built-in scenario's",
        ..row(Id::Model, "self-host", "open model", D, choices::MODEL)
    },
    Input {
        show: Show::Choice,
        why: "h100-sxm: the GPU of article 000's self-hosting example, and the \
              `cost` command's default",
        ..row(Id::Gpu, "gpu", "GPU", D, choices::GPU)
    },
    Input {
        show: Show::Choice,
        why: "fp16: no quantization; a lower precision is a choice the user makes",
        ..row(
            Id::Precision,
            "precision",
            "precision",
            D,
            choices::PRECISION,
        )
    },
    Input {
        show: Show::Choice,
        why: "rent: nothing bought up front; buying adds the purchase, power and \
              colocation inputs",
        ..row(Id::Mode, "mode", "rent or buy", D, choices::MODE)
    },
    Input {
        when: When::Renting,
        accepts: MONEY,
        slider: Some(spec(TwoDigits, 0.1, 50.0, true, "$ per GPU-hour")),
        show: Show::PerHour,
        why: "the GPU database's rental price for the chosen GPU, with its source",
        ..row(
            Id::GpuHourPrice,
            "gpu-hour-price",
            "GPU-hour",
            D,
            optional!(gpu_hour_price),
        )
    },
    Input {
        when: When::Buying,
        accepts: MONEY,
        slider: Some(spec(TwoDigits, 1e3, 1e6, true, "$ per GPU")),
        show: Show::Dollars,
        why: "the GPU database's purchase price for the chosen GPU, with its source",
        ..row(
            Id::GpuPrice,
            "gpu-price",
            "GPU price",
            D,
            optional!(gpu_price),
        )
    },
    Input {
        when: When::Buying,
        accepts: range(0.01, 20.0),
        slider: Some(spec(Linear(0.5), 0.5, 20.0, false, "years")),
        show: Show::Years,
        default: Some(3.0),
        why: "the cost model's write-off period (cost-model.md section 3)",
        ..row(Id::Years, "years", "amortize", D, setting!(years))
    },
    Input {
        when: When::Buying,
        accepts: range(0.0, 1e6),
        why: "the GPU database's board power for the chosen GPU",
        ..row(
            Id::PowerWatts,
            "power-watts",
            "power draw",
            D,
            optional!(power_watts),
        )
    },
    Input {
        when: When::Buying,
        accepts: MONEY,
        slider: Some(spec(Linear(0.01), 0.0, 1.0, false, "$ per kWh")),
        show: Show::PerKwh,
        default: Some(0.13),
        why: "the price implied by article 000's power bill ($131 a month for 1,008 kWh)",
        ..row(
            Id::PowerPrice,
            "power-price",
            "power",
            D,
            setting!(power_price),
        )
    },
    Input {
        when: When::Buying,
        // cost-model.md section 3: 1 (no cooling at all) to 3 (an old, inefficient room).
        accepts: range(1.0, 3.0),
        slider: Some(spec(Linear(0.05), 1.0, 3.0, false, "PUE, 1 to 3")),
        default: Some(1.4),
        why: "the PUE article 000 states",
        ..row(Id::Pue, "pue", "PUE", D, setting!(pue))
    },
    Input {
        when: When::Buying,
        accepts: MONEY,
        slider: Some(spec(Linear(25.0), 0.0, 2000.0, false, "$ per server-month")),
        show: Show::Dollars,
        default: Some(350.0),
        why: "the middle of article 000's $200-500 a month for colocation",
        ..row(Id::Colo, "colo", "colocation", D, setting!(colo))
    },
    Input {
        accepts: above(0.0, 1.0),
        slider: percent(spec(
            Linear(0.05),
            0.05,
            1.0,
            false,
            "fraction, above 0 to 1",
        )),
        show: Show::Percent,
        default: Some(0.5),
        why: "the cost model's planning estimate: half the capacity left for peaks",
        ..row(
            Id::Utilization,
            "utilization",
            "utilization",
            D,
            setting!(utilization),
        )
    },
    Input {
        accepts: above(0.0, 1.0),
        slider: percent(spec(
            Linear(0.01),
            0.01,
            1.0,
            false,
            "fraction of peak, above 0 to 1",
        )),
        show: Show::Percent,
        default: Some(0.25),
        why: "the cost model's planning estimate of the fraction of peak compute serving \
              achieves; a measured throughput replaces it",
        ..row(
            Id::Efficiency,
            "efficiency",
            "efficiency",
            D,
            setting!(efficiency),
        )
    },
    Input {
        accepts: range(0.0, 10.0),
        show: Show::Percent,
        default: Some(0.2),
        why: "the cost model's estimate of KV cache and activations beside the weights",
        ..row(
            Id::KvOverhead,
            "kv-overhead",
            "KV overhead",
            D,
            setting!(kv_overhead),
        )
    },
    Input {
        accepts: Some(Accepts {
            whole: true,
            allowed: Some("a whole number from 1 to 1000"),
            ..range(1.0, 1000.0).unwrap()
        }),
        slider: Some(spec(Linear(1.0), 1.0, 1000.0, true, "replicas")),
        show: Show::Whole,
        default: Some(1.0),
        why: "one replica; 2 buys high availability",
        ..row(
            Id::MinReplicas,
            "min-replicas",
            "min replicas",
            D,
            Access::Setting {
                get: |s| Some(f64::from(s.min_replicas)),
                set: |s, v| s.min_replicas = v.map_or(0, |v| v as u32),
            },
        )
    },
    Input {
        accepts: above(0.0, crate::domain::cost::MAX_REPLICA_TOKENS_PER_S),
        slider: Some(Spec {
            optional: true,
            ..spec(TwoDigits, 1.0, 1e6, true, "tokens/s per replica, or none")
        }),
        show: Show::TokensPerSecond,
        why: "none: estimated from the GPU's compute and the efficiency until measured",
        ..row(
            Id::Throughput,
            "throughput",
            "throughput",
            D,
            optional!(throughput),
        )
    },
    Input {
        show: Show::Choice,
        why: "fp16: what vLLM and SGLang cache by default for a 16-bit model",
        ..row(
            Id::KvPrecision,
            "kv-precision",
            "KV precision",
            D,
            choices::KV_PRECISION,
        )
    },
    Input {
        show: Show::Choice,
        why: "typical: a stock deployment reaches 25-60% of published peaks (TensorRT-LLM \
              #6294, vLLM #8244); peak is the tuned stack of the vendors' measurements",
        ..row(Id::Serving, "serving", "serving", D, choices::SERVING)
    },
    Input {
        accepts: Some(Accepts {
            whole: true,
            allowed: Some("a whole number from 1 to 64"),
            ..range(1.0, 64.0).unwrap()
        }),
        slider: Some(Spec {
            optional: true,
            ..spec(Linear(1.0), 1.0, 64.0, true, "GPUs per replica, or chosen")
        }),
        show: Show::Whole,
        why: "none: the size with the most tokens/s per GPU from the smallest that fits up to \
              a node (the lowest $/M)",
        ..row(
            Id::GpusPerReplica,
            "gpus-per-replica",
            "GPUs/replica",
            D,
            Access::Setting {
                get: |s| s.gpus_per_replica.map(f64::from),
                set: |s, v| s.gpus_per_replica = v.map(|v| v as u32),
            },
        )
    },
    Input {
        accepts: range(0.0, 1e6),
        slider: Some(spec(Linear(0.05), 0.0, 10.0, false, "FTE")),
        show: Show::Fte,
        default: Some(0.25),
        why: "article 000's senior MLOps engineer at 25% allocation",
        ..row(Id::Fte, "fte", "staff", D, setting!(fte))
    },
    Input {
        accepts: MONEY,
        slider: Some(spec(TwoDigits, 1e4, 1e6, true, "$ per FTE-year")),
        show: Show::PerYear,
        default: Some(192_000.0),
        why: "derived from article 000: about $4,000 a month for a quarter of an engineer",
        ..row(Id::Salary, "salary", "FTE cost", D, setting!(salary))
    },
    Input {
        accepts: range(0.0, 10.0),
        slider: percent(spec(
            Linear(0.05),
            0.0,
            2.0,
            false,
            "fraction of the bill, 0 to 10",
        )),
        show: Show::Percent,
        default: Some(0.0),
        why: "none until the user adds maintenance on top",
        ..row(Id::Overhead, "overhead", "overhead", D, setting!(overhead))
    },
];

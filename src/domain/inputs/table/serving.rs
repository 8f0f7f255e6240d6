//! How the deployment serves (utilization, efficiency, memory, replicas, throughput, the
//! serving stack) and what runs it beside the GPUs (staff, overhead).

use super::super::Idle;
use super::super::choices;
use super::super::grid::{Grid::*, spec};
use super::*;

pub(super) const ROWS: &[Input] = &[
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
        help: "Target average utilization of the fleet [default: 0.5]",
        value_name: "U",
        tornado: true,
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
        help: "Achieved fraction of the GPU's peak compute [default: 0.25]",
        value_name: "ETA",
        tornado: true,
        idle: Some(Idle::WhileSet(Id::Throughput)),
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
        help: "KV cache and activation memory as a fraction of the weights [default: 0.2]",
        value_name: "K",
        tornado: true,
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
        help: "Minimum number of replicas, 1 to 1000 [default: 1]",
        value_name: "N",
        kind: Kind::Whole { in_range: false },
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
        help: "Measured tokens/s of one replica; replaces the estimate from compute",
        value_name: "TOKENS_PER_S",
        kind: Kind::Quantity,
        tornado: true,
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
        help: "KV cache precision: fp16, bf16, fp8 [default: fp16]",
        value_name: "P",
        kind: Kind::Choice,
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
        help: "Serving stack: typical (stock vLLM/SGLang) or peak (tuned) [default: typical]",
        value_name: "PROFILE",
        kind: Kind::Choice,
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
        help: "GPUs per replica, 1 to 64 [default: chosen for the lowest $/M]",
        value_name: "N",
        kind: Kind::Whole { in_range: true },
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
        help: "Staff running the deployment, in full-time equivalents [default: 0.25]",
        value_name: "FTE",
        tornado: true,
        ..row(Id::Fte, "fte", "staff", D, setting!(fte))
    },
    Input {
        accepts: MONEY,
        slider: Some(spec(TwoDigits, 1e4, 1e6, true, "$ per FTE-year")),
        show: Show::PerYear,
        default: Some(192_000.0),
        why: "derived from article 000: about $4,000 a month for a quarter of an engineer",
        help: "Yearly cost of one FTE, US dollars [default: 192000]",
        value_name: "USD",
        kind: Kind::Quantity,
        tornado: true,
        idle: Some(Idle::WhileZero(Id::Fte)),
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
        help: "Maintenance overhead on the whole bill, fraction [default: 0]",
        value_name: "O",
        tornado: true,
        ..row(Id::Overhead, "overhead", "overhead", D, setting!(overhead))
    },
];

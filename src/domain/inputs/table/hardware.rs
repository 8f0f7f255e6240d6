//! The GPUs' bill: the rental or purchase price, and what buying adds (write-off, power,
//! cooling, colocation).

use super::super::grid::{Grid::*, spec};
use super::*;

pub(super) const ROWS: &[Input] = &[
    Input {
        when: When::Renting,
        accepts: MONEY,
        slider: Some(spec(TwoDigits, 0.1, 50.0, true, "$ per GPU-hour")),
        show: Show::PerHour,
        why: "the GPU database's rental price for the chosen GPU, with its source",
        help: "Rental price per GPU-hour, US dollars [default: from the GPU database]",
        value_name: "USD",
        kind: Kind::Quantity,
        tornado: true,
        resolved: Some(|d| d.gpu_hour_price),
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
        help: "Purchase price per GPU, US dollars [default: from the GPU database]",
        value_name: "USD",
        kind: Kind::Quantity,
        tornado: true,
        resolved: Some(|d| d.gpu_price),
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
        help: "Amortization period of bought GPUs, years [default: 3]",
        value_name: "YEARS",
        tornado: true,
        ..row(Id::Years, "years", "amortize", D, setting!(years))
    },
    Input {
        when: When::Buying,
        accepts: range(0.0, 1e6),
        why: "the GPU database's board power for the chosen GPU",
        help: "Power per GPU, watts [default: from the GPU database]",
        value_name: "W",
        kind: Kind::Quantity,
        resolved: Some(|d| d.power_watts),
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
        help: "Electricity price, US dollars per kWh [default: 0.13]",
        value_name: "USD",
        tornado: true,
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
        help: "Power usage effectiveness of the data centre, 1 to 3 [default: 1.4]",
        value_name: "PUE",
        tornado: true,
        ..row(Id::Pue, "pue", "PUE", D, setting!(pue))
    },
    Input {
        when: When::Buying,
        accepts: MONEY,
        slider: Some(spec(Linear(25.0), 0.0, 2000.0, false, "$ per server-month")),
        show: Show::Dollars,
        default: Some(350.0),
        why: "the middle of article 000's $200-500 a month for colocation",
        help: "Colocation per server (8 GPUs) a month, US dollars [default: 350]",
        value_name: "USD",
        kind: Kind::Quantity,
        tornado: true,
        ..row(Id::Colo, "colo", "colocation", D, setting!(colo))
    },
];

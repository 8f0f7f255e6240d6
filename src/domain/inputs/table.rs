//! The rows. Ranges are those of docs/cost-model.md sections 1 and 3 (plus the generous limits
//! of `cost/check.rs` that keep the arithmetic finite); defaults are `Workload::default` and
//! `Settings::default`, and say where they come from. The order is the sliders' list order,
//! and the `cost --help` order: the workload and what runs it, then the GPUs' bill, then
//! serving and staff, one file each.

use super::grid::Spec;
use super::{Accepts, Access, Input, InputId as Id, Kind, Part, Show, When};
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
        help: "",
        value_name: "",
        kind: Kind::Number,
        tornado: false,
        idle: None,
        resolved: None,
    }
}

const W: Part = Part::Workload;
const D: Part = Part::Deployment;

mod hardware;
mod serving;
mod workload;

/// How many rows the three files hold.
const COUNT: usize = workload::ROWS.len() + hardware::ROWS.len() + serving::ROWS.len();

pub static INPUTS: [Input; COUNT] = join([workload::ROWS, hardware::ROWS, serving::ROWS]);

/// The three files' rows as one table, in order (a row added to a file needs no count).
const fn join(parts: [&[Input]; 3]) -> [Input; COUNT] {
    let mut out = [parts[0][0]; COUNT];
    let (mut part, mut at) = (0, 0);
    while part < parts.len() {
        let mut i = 0;
        while i < parts[part].len() {
            out[at] = parts[part][i];
            at += 1;
            i += 1;
        }
        part += 1;
    }
    out
}

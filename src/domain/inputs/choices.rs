//! How the choice rows read and write their id, and where their options come from.

use super::{Access, Choices};
use crate::domain::cost::{KvPrecision, Mode, Precision, Serving};

pub const MODEL: Access = Access::Choice {
    get: |d| d.model.clone(),
    set: |d, id| {
        d.model = id.to_string();
        true
    },
    list: Choices::Models,
};

pub const GPU: Access = Access::Choice {
    get: |d| d.gpu.clone(),
    set: |d, id| {
        d.gpu = id.to_string();
        true
    },
    list: Choices::Gpus,
};

pub const PRECISION: Access = Access::Choice {
    get: |d| d.settings.precision.as_str().into(),
    set: |d, id| match Precision::parse(id) {
        Some(p) => {
            d.settings.precision = p;
            true
        }
        None => false,
    },
    list: Choices::Fixed(|| {
        Precision::ALL
            .iter()
            .map(|p| {
                (
                    p.as_str(),
                    format!("{} bytes per parameter", p.bytes_per_param()),
                )
            })
            .collect()
    }),
};

pub const MODE: Access = Access::Choice {
    get: |d| d.settings.mode.as_str().into(),
    set: |d, id| match Mode::parse(id) {
        Some(m) => {
            d.settings.mode = m;
            true
        }
        None => false,
    },
    list: Choices::Fixed(|| {
        vec![
            ("rent", "pay per GPU-hour".into()),
            ("buy", "purchase, power and colocation".into()),
        ]
    }),
};

pub const KV_PRECISION: Access = Access::Choice {
    get: |d| d.settings.kv_precision.as_str().into(),
    set: |d, id| match KvPrecision::parse(id) {
        Some(p) => {
            d.settings.kv_precision = p;
            true
        }
        None => false,
    },
    list: Choices::Fixed(|| {
        KvPrecision::ALL
            .iter()
            .map(|p| (p.as_str(), format!("{} bytes per cached value", p.bytes())))
            .collect()
    }),
};

pub const SERVING: Access = Access::Choice {
    get: |d| d.settings.serving.as_str().into(),
    set: |d, id| match Serving::parse(id) {
        Some(s) => {
            d.settings.serving = s;
            true
        }
        None => false,
    },
    list: Choices::Fixed(|| {
        vec![
            (
                "typical",
                "a stock vLLM or SGLang deployment: 40% of peak".into(),
            ),
            (
                "peak",
                "a tuned stack, as in the vendors' published measurements".into(),
            ),
        ]
    }),
};

//! Number formats of the weights, and where a replica's throughput figure comes from.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The weights' number format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Fp16,
    Bf16,
    Fp8,
    Int8,
    Int4,
    /// Blackwell's NVFP4: 4-bit values with one FP8 scale per 16 of them.
    Fp4,
}

impl Precision {
    pub const ALL: [Precision; 6] = [
        Precision::Fp16,
        Precision::Bf16,
        Precision::Fp8,
        Precision::Int8,
        Precision::Int4,
        Precision::Fp4,
    ];

    /// Bytes per weight. NVFP4 carries its block scales (4.5 bits); int4 is counted without
    /// its group scales (about 3% more with AWQ's groups of 128).
    pub fn bytes_per_param(self) -> f64 {
        match self {
            Precision::Fp16 | Precision::Bf16 => 2.0,
            Precision::Fp8 | Precision::Int8 => 1.0,
            Precision::Int4 => 0.5,
            Precision::Fp4 => 0.5625,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Fp16 => "fp16",
            Precision::Bf16 => "bf16",
            Precision::Fp8 => "fp8",
            Precision::Int8 => "int8",
            Precision::Int4 => "int4",
            Precision::Fp4 => "fp4",
        }
    }

    /// Case-insensitive: `fp16`, `BF16`, ...
    pub fn parse(text: &str) -> Option<Precision> {
        let text = text.trim();
        Precision::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(text))
    }

    /// The names, comma-separated, for error messages.
    pub fn names(list: &[Precision]) -> String {
        let names: Vec<&str> = list.iter().map(|p| p.as_str()).collect();
        names.join(", ")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ThroughputSource {
    Estimated,
    Measured,
}

impl ThroughputSource {
    pub fn as_str(self) -> &'static str {
        match self {
            ThroughputSource::Estimated => "estimated",
            ThroughputSource::Measured => "measured",
        }
    }
}

impl fmt::Display for ThroughputSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

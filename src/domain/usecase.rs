//! Use cases: the slices of a company's AI traffic that the hybrid plan routes to tiers.

use super::catalog::SourceId;
use super::rules::Sensitivity;
use serde::{Deserialize, Serialize};

/// How good the answers must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Quality {
    Basic,
    Standard,
    Frontier,
}

impl Quality {
    pub const ALL: [Quality; 3] = [Quality::Basic, Quality::Standard, Quality::Frontier];

    pub fn as_str(self) -> &'static str {
        match self {
            Quality::Basic => "basic",
            Quality::Standard => "standard",
            Quality::Frontier => "frontier",
        }
    }
}

/// A capability a use case cannot do without.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Capability {
    /// Images, audio or video in.
    Multimodal,
    /// Prompts beyond [`LONG_CONTEXT_TOKENS`].
    LongContext,
}

impl Capability {
    pub fn as_str(self) -> &'static str {
        match self {
            Capability::Multimodal => "multimodal",
            Capability::LongContext => "long-context",
        }
    }
}

/// A context window at least this long counts as "long context".
pub const LONG_CONTEXT_TOKENS: u64 = 200_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UseCase {
    pub name: String,
    /// Fraction of the total volume; the plan normalizes shares to sum to 1.
    pub share: f64,
    /// Fraction of this use case's tokens that are input.
    pub input_share: f64,
    pub sensitivity: Sensitivity,
    pub quality: Quality,
    #[serde(default)]
    pub needs: Vec<Capability>,
    /// The article the use case and its defaults are drawn from.
    #[serde(default)]
    pub source: Option<SourceId>,
    /// Why the defaults are what they are.
    #[serde(default)]
    pub note: Option<String>,
}

impl UseCase {
    /// Problems with this use case's numbers, naming the field and the allowed range.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push("name: is empty".to_string());
        }
        for (field, value) in [("share", self.share), ("input_share", self.input_share)] {
            if !(value.is_finite() && (0.0..=1.0).contains(&value)) {
                problems.push(format!(
                    "{}.{field}: {value} is not allowed; expected a number from 0 to 1",
                    self.name
                ));
            }
        }
        problems
    }
}

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

/// A benchmark and the scores from which it counts as evidence of a grade.
struct Evidence {
    benchmark: &'static str,
    /// Scores at or above this make a model `frontier` (None: this benchmark never does).
    frontier: Option<f64>,
    standard: f64,
}

/// Benchmarks that grade a model, with their cut-offs. A model takes the best grade any of its
/// listed scores reaches. The cut-offs sit between the April 2026 frontier models of the
/// articles (GPQA Diamond 94, SWE-bench Verified 77-88, MMLU 88-90) and the 2024-25 open
/// mid-size ones (Llama 3.1 70B MMLU 80.5, Gemma 3 27B GPQA 42), so each grade is the class the
/// articles put the model in. `Cat-*` are the 0-100 category scores of one comparison.
const EVIDENCE: [Evidence; 9] = [
    Evidence {
        benchmark: "GPQA-D",
        frontier: Some(85.0),
        standard: 40.0,
    },
    Evidence {
        benchmark: "SWE-V",
        frontier: Some(75.0),
        standard: 40.0,
    },
    Evidence {
        benchmark: "MMLU-Pro",
        frontier: Some(85.0),
        standard: 60.0,
    },
    Evidence {
        benchmark: "MMLU",
        frontier: Some(88.0),
        standard: 75.0,
    },
    Evidence {
        benchmark: "AA-II",
        frontier: Some(50.0),
        standard: 30.0,
    },
    Evidence {
        benchmark: "Cat-",
        frontier: Some(90.0),
        standard: 80.0,
    },
    Evidence {
        benchmark: "HumanEval",
        frontier: None,
        standard: 70.0,
    },
    Evidence {
        benchmark: "MATH",
        frontier: None,
        standard: 70.0,
    },
    Evidence {
        benchmark: "MGSM",
        frontier: None,
        standard: 70.0,
    },
];

/// Open models without a graded score: this many billion parameters or more count as
/// `standard` (the articles' "large open" tier starts at the 70B class), fewer as `basic`.
pub const STANDARD_OPEN_PARAMS_B: f64 = 60.0;

/// A model's quality grade and the reason for it, e.g. `GPQA-D 94.2 ≥ 85`.
#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    pub quality: Quality,
    pub basis: String,
}

/// How good a model's answers are, decided in this order:
/// 1. its scores: the best grade any benchmark of [`EVIDENCE`] reaches;
/// 2. without such a score, its tier: a closed API model is `standard` (a vendor's API with no
///    score here is not assumed frontier); an open model is `standard` from
///    [`STANDARD_OPEN_PARAMS_B`] total parameters, else `basic`; an open model of unknown size
///    is `basic`.
pub fn grade(model: &super::catalog::Model) -> Grade {
    let mut best: Option<Grade> = None;
    for (name, figure) in &model.scores {
        let Some(e) = EVIDENCE.iter().find(|e| {
            if e.benchmark.ends_with('-') {
                name.starts_with(e.benchmark)
            } else {
                name == e.benchmark
            }
        }) else {
            continue;
        };
        let v = figure.value;
        let (quality, cut) = match e.frontier {
            Some(f) if v >= f => (Quality::Frontier, f),
            _ if v >= e.standard => (Quality::Standard, e.standard),
            _ => (Quality::Basic, 0.0),
        };
        let basis = if quality == Quality::Basic {
            format!("{name} {v} < {}", e.standard)
        } else {
            format!("{name} {v} ≥ {cut}")
        };
        if best.as_ref().is_none_or(|b| quality > b.quality) {
            best = Some(Grade { quality, basis });
        }
    }
    if let Some(found) = best {
        return found;
    }
    if !model.is_open_weights() {
        return Grade {
            quality: Quality::Standard,
            basis: "closed API model without a graded score".into(),
        };
    }
    match model.total_params_b.as_ref().map(|f| f.value) {
        Some(p) if p >= STANDARD_OPEN_PARAMS_B => Grade {
            quality: Quality::Standard,
            basis: format!("open, {p}B ≥ {STANDARD_OPEN_PARAMS_B}B parameters, no graded score"),
        },
        Some(p) => Grade {
            quality: Quality::Basic,
            basis: format!("open, {p}B < {STANDARD_OPEN_PARAMS_B}B parameters, no graded score"),
        },
        None => Grade {
            quality: Quality::Basic,
            basis: "open, size and scores unknown".into(),
        },
    }
}

//! Checks a [`Catalog`] for what the type system cannot: unique ids, known sources, finite
//! numbers in range. Every problem names the field, the value and what is allowed.

use super::catalog::{Catalog, Figure, Gpu, Model, SourceId};
use std::collections::HashSet;
use std::fmt;

/// One problem found in the database.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where: `models[gpt-4o].price.input`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Largest money amount accepted anywhere (cost-model.md section 3).
pub const MAX_MONEY: f64 = 1e12;

/// Ids are lowercase words joined by `-`, dots kept: `claude-opus-4.7`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        && !id.starts_with(['-', '.'])
        && !id.ends_with(['-', '.'])
}

struct Checker<'a> {
    known_sources: HashSet<&'a str>,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn problem(&mut self, path: String, message: String) {
        self.problems.push(Problem { path, message });
    }

    fn sources(&mut self, path: &str, ids: &[SourceId]) {
        if ids.is_empty() {
            self.problem(
                format!("{path}.sources"),
                "is empty; every figure needs at least one source id".into(),
            );
        }
        for id in ids {
            if !self.known_sources.contains(id.as_str()) {
                self.problem(
                    format!("{path}.sources"),
                    format!("source id {id:?} is not in sources.ron"),
                );
            }
        }
    }

    fn figure<T>(
        &mut self,
        path: &str,
        figure: &Figure<T>,
        mut check: impl FnMut(&mut Self, &str, &T),
    ) {
        self.sources(path, &figure.sources);
        check(self, path, &figure.value);
        if let Some((low, high)) = &figure.range {
            check(self, &format!("{path}.range.0"), low);
            check(self, &format!("{path}.range.1"), high);
        }
        for (i, alt) in figure.alternatives.iter().enumerate() {
            let alt_path = format!("{path}.alternatives[{i}]");
            self.sources(&alt_path, &alt.sources);
            check(self, &alt_path, &alt.value);
            if let Some((low, high)) = &alt.range {
                check(self, &format!("{alt_path}.range.0"), low);
                check(self, &format!("{alt_path}.range.1"), high);
            }
        }
    }

    fn number(&mut self, path: &str, value: f64, min: f64, max: f64, allow_min: bool) {
        let ok = value.is_finite() && value <= max && (value > min || (allow_min && value == min));
        if !ok {
            let lower = if allow_min { ">=" } else { ">" };
            self.problem(
                path.to_string(),
                format!("value {value} is not allowed; expected a finite number {lower} {min} and <= {max}"),
            );
        }
    }

    fn positive_figure(&mut self, path: &str, figure: &Figure<f64>, max: f64) {
        self.figure(path, figure, |c, p, v| c.number(p, *v, 0.0, max, false));
    }

    fn money_figure(&mut self, path: &str, figure: &Figure<f64>) {
        self.figure(path, figure, |c, p, v| {
            c.number(p, *v, 0.0, MAX_MONEY, true)
        });
    }

    fn price_figure(&mut self, path: &str, f: &Figure<crate::domain::catalog::Price>) {
        self.figure(path, f, |c, p, price| {
            c.number(&format!("{p}.input"), price.input, 0.0, MAX_MONEY, true);
            c.number(&format!("{p}.output"), price.output, 0.0, MAX_MONEY, true);
            if let Some(long) = &price.long_context {
                c.number(
                    &format!("{p}.long_context.input"),
                    long.input,
                    0.0,
                    MAX_MONEY,
                    true,
                );
                c.number(
                    &format!("{p}.long_context.output"),
                    long.output,
                    0.0,
                    MAX_MONEY,
                    true,
                );
                c.number(
                    &format!("{p}.long_context.above_tokens"),
                    long.above_tokens as f64,
                    1.0,
                    1e9,
                    true,
                );
            }
        });
    }

    fn model(&mut self, m: &Model) {
        let base = format!("models[{}]", m.id);
        if m.name.trim().is_empty() {
            self.problem(format!("{base}.name"), "is empty".into());
        }
        if m.description.trim().is_empty() {
            self.problem(format!("{base}.description"), "is empty".into());
        }
        if let Some(f) = &m.origin {
            self.figure(&format!("{base}.origin"), f, |_, _, _| {});
        }
        self.figure(&format!("{base}.openness"), &m.openness, |_, _, _| {});
        if let Some(f) = &m.license {
            self.figure(&format!("{base}.license"), f, |_, _, _| {});
        }
        if let Some(f) = &m.release {
            self.figure(&format!("{base}.release"), f, |_, _, _| {});
        }
        if let Some(f) = &m.total_params_b {
            self.positive_figure(&format!("{base}.total_params_b"), f, 100_000.0);
        }
        if let Some(f) = &m.active_params_b {
            self.positive_figure(&format!("{base}.active_params_b"), f, 100_000.0);
            if let Some(total) = &m.total_params_b
                && f.value > total.value
            {
                self.problem(
                    format!("{base}.active_params_b"),
                    format!(
                        "value {} is above total_params_b {}; active parameters must be <= total",
                        f.value, total.value
                    ),
                );
            }
        }
        if let Some(f) = &m.experts {
            self.figure(&format!("{base}.experts"), f, |c, p, v| {
                c.number(p, f64::from(*v), 1.0, 100_000.0, true)
            });
        }
        if let Some(f) = &m.context_tokens {
            self.figure(&format!("{base}.context_tokens"), f, |c, p, v| {
                c.number(p, *v as f64, 1.0, 1e9, true)
            });
        }
        if let Some(f) = &m.price {
            self.price_figure(&format!("{base}.price"), f);
        }
        for (i, offering) in m.offerings.iter().enumerate() {
            let path = format!("{base}.offerings[{i}]");
            if !offering.id.starts_with(&format!("{}@", m.id)) {
                self.problem(
                    format!("{path}.id"),
                    format!(
                        "\"{}\" is not allowed; expected \"{}@<provider>\"",
                        offering.id, m.id
                    ),
                );
            }
            self.price_figure(&format!("{path}.price"), &offering.price);
            let extras = [offering.cache_read].into_iter().chain(
                offering
                    .batch
                    .iter()
                    .flat_map(|b| [Some(b.input), Some(b.output)]),
            );
            for value in extras.flatten() {
                self.number(&format!("{path}.extra_price"), value, 0.0, MAX_MONEY, true);
            }
        }
        if let Some(f) = &m.architecture {
            self.figure(&format!("{base}.architecture"), f, |c, p, a| {
                for (name, v) in [
                    ("layers", a.layers),
                    ("attention_heads", a.attention_heads),
                    ("kv_heads", a.kv_heads),
                    ("head_dim", a.head_dim),
                    ("hidden_size", a.hidden_size),
                ] {
                    c.number(&format!("{p}.{name}"), v as f64, 0.0, 1e7, false);
                }
            });
        }
        if let Some(f) = &m.modalities {
            self.figure(&format!("{base}.modalities"), f, |c, p, v| {
                if v.is_empty() {
                    c.problem(
                        p.to_string(),
                        "is an empty list; leave the field out when unknown".into(),
                    );
                }
            });
        }
        for (bench, f) in &m.scores {
            self.figure(&format!("{base}.scores[{bench}]"), f, |c, p, v| {
                c.number(p, *v, 0.0, 100.0, true)
            });
        }
        for (i, note) in m.notes.iter().enumerate() {
            self.sources(&format!("{base}.notes[{i}]"), &note.sources);
        }
    }

    fn gpu(&mut self, g: &Gpu) {
        let base = format!("gpus[{}]", g.id);
        self.positive_figure(&format!("{base}.memory_gb"), &g.memory_gb, 100_000.0);
        self.positive_figure(&format!("{base}.bf16_tflops"), &g.bf16_tflops, 1e6);
        self.figure(&format!("{base}.power_w"), &g.power_w, |c, p, v| {
            c.number(p, *v, 0.0, 1e6, true)
        });
        if let Some(f) = &g.purchase_usd {
            self.money_figure(&format!("{base}.purchase_usd"), f);
        }
        if let Some(f) = &g.rent_usd_per_hour {
            self.money_figure(&format!("{base}.rent_usd_per_hour"), f);
        }
        let optional = [
            ("memory_bandwidth_tb_s", &g.memory_bandwidth_tb_s, 1_000.0),
            ("fp8_tflops", &g.fp8_tflops, 1e6),
            ("int8_tops", &g.int8_tops, 1e6),
            ("fp4_tflops", &g.fp4_tflops, 1e6),
        ];
        for (name, figure, max) in optional {
            if let Some(f) = figure {
                self.positive_figure(&format!("{base}.{name}"), f, max);
            }
        }
        for (i, offer) in g.rent_offers.iter().enumerate() {
            let path = format!("{base}.rent_offers[{i}]");
            self.sources(&path, &offer.sources);
            self.number(
                &format!("{path}.usd_per_gpu_hour"),
                offer.usd_per_gpu_hour,
                0.0,
                MAX_MONEY,
                false,
            );
        }
        for (i, note) in g.notes.iter().enumerate() {
            self.sources(&format!("{base}.notes[{i}]"), &note.sources);
        }
    }
}

fn check_ids<'a>(kind: &str, ids: impl Iterator<Item = &'a str>, problems: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    for id in ids {
        if !is_valid_id(id) {
            problems.push(Problem {
                path: format!("{kind}[{id}].id"),
                message: format!(
                    "id {id:?} is not allowed; use lowercase letters, digits, '-' and '.'"
                ),
            });
        }
        if !seen.insert(id) {
            problems.push(Problem {
                path: format!("{kind}[{id}].id"),
                message: format!("id {id:?} appears more than once; ids must be unique"),
            });
        }
    }
}

/// Every problem in the catalogue; empty when it is sound.
pub fn validate(catalog: &Catalog) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_ids(
        "sources",
        catalog.sources.iter().map(|s| s.id.as_str()),
        &mut problems,
    );
    check_ids(
        "models",
        catalog.models.iter().map(|m| m.id.as_str()),
        &mut problems,
    );
    check_ids(
        "gpus",
        catalog.gpus.iter().map(|g| g.id.as_str()),
        &mut problems,
    );
    let mut checker = Checker {
        known_sources: catalog.sources.iter().map(|s| s.id.as_str()).collect(),
        problems,
    };
    for model in &catalog.models {
        checker.model(model);
    }
    for gpu in &catalog.gpus {
        checker.gpu(gpu);
    }
    checker.problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::*;

    fn source(id: &str) -> Source {
        Source {
            id: id.into(),
            title: "t".into(),
            publisher: "p".into(),
            date: "2026".into(),
            kind: SourceKind::Article,
            reference: None,
        }
    }

    fn model(id: &str) -> Model {
        Model {
            id: id.into(),
            name: "M".into(),
            vendor: "V".into(),
            origin: None,
            openness: Figure::new(Openness::OpenWeightsPermissive, "a"),
            license: None,
            license_family: LicenseFamily::Apache2,
            release: None,
            total_params_b: Some(Figure::new(70.0, "a")),
            active_params_b: None,
            experts: None,
            context_tokens: None,
            price: None,
            modalities: None,
            scores: Default::default(),
            description: "d".into(),
            notes: vec![],
            hf_repo: None,
            downloads: None,
            architecture: None,
            offerings: vec![],
        }
    }

    #[test]
    fn ids_follow_the_naming_rule() {
        for good in ["claude-opus-4.7", "gpt-5.5", "qwen-3.5-397b-a17b", "phi-4"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", "GPT-4o", "a b", "-x", "x.", "llama_3"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn a_sound_catalogue_has_no_problems() {
        let catalog = Catalog {
            sources: vec![source("a")],
            models: vec![model("m-1")],
            gpus: vec![],
        };
        assert_eq!(validate(&catalog), vec![]);
    }

    #[test]
    fn duplicates_unknown_sources_and_bad_numbers_are_named() {
        let mut bad = model("m-1");
        bad.total_params_b = Some(Figure::new(f64::NAN, "missing"));
        bad.active_params_b = Some(Figure::new(90.0, "a"));
        let catalog = Catalog {
            sources: vec![source("a")],
            models: vec![model("m-1"), bad],
            gpus: vec![],
        };
        let text: Vec<String> = validate(&catalog).iter().map(|p| p.to_string()).collect();
        assert!(
            text.iter().any(|t| t.contains("appears more than once")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("\"missing\" is not in sources.ron")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|t| t.contains("total_params_b: value NaN")),
            "{text:?}"
        );
    }

    #[test]
    fn low_high_spans_ranges_and_alternatives() {
        let mut f = Figure::new(2.5, "a");
        f.range = Some((2.0, 3.0));
        f.alternatives.push(Alternative {
            value: 6.88,
            sources: vec!["a".into()],
            range: None,
            note: None,
        });
        assert_eq!(f.low_high(), (2.0, 6.88));
    }
}

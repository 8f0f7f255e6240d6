//! Loading the embedded database: RON text compiled into the binary, parsed and validated.

pub mod compact;
pub mod overlay;
pub mod updated;

use crate::domain::catalog::Catalog;
use crate::domain::preset::Preset;
use crate::domain::rules::RuleBook;
use crate::domain::usecase::UseCase;
use crate::domain::validate::{Problem, validate};
use serde::de::DeserializeOwned;
use std::fmt;

/// The catalogue (sources, models, GPUs) in its compact form; `assets/*.ron` is the same data
/// as text, for review and diffs (see `compact`).
pub const CATALOG_BIN: &[u8] = include_bytes!("../../assets/catalog.bin");
pub const RULES_RON: &str = include_str!("../../assets/rules.ron");
pub const USECASES_RON: &str = include_str!("../../assets/usecases.ron");
pub const PRESETS_RON: &str = include_str!("../../assets/presets.ron");

/// A problem in a data file, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub enum DataError {
    /// The text does not parse: file, line, column and what is wrong.
    Parse {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The text parses but a value is not allowed.
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::Parse {
                file,
                line,
                column,
                message,
            } => write!(f, "{file}:{line}:{column}: {message}"),
            DataError::Invalid { file, problems } => {
                write!(f, "{file}: {} problem(s)", problems.len())?;
                for p in problems {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for DataError {}

/// Parse RON text, turning an error into file:line:column form.
pub fn parse_ron<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DataError> {
    let options = ron::Options::default().with_recursion_limit(64);
    options.from_str::<T>(text).map_err(|e| DataError::Parse {
        file: file.to_string(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
}

/// The database shipped inside the binary, parsed and validated.
pub fn embedded_catalog() -> Result<Catalog, DataError> {
    let compact = compact::decode(CATALOG_BIN).map_err(|message| DataError::Parse {
        file: "assets/catalog.bin".into(),
        line: 1,
        column: 1,
        message,
    })?;
    let catalog = Catalog {
        sources: compact.sources,
        models: compact.models,
        gpus: compact.gpus,
    };
    // The bytes are fixed when the binary is built, and every debug build (the test suite)
    // validates these same bytes; a release start skips the 15-30 ms check of 3,000 models.
    if !cfg!(debug_assertions) {
        return Ok(catalog);
    }
    let problems = validate(&catalog);
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(DataError::Invalid {
            file: "assets/catalog.bin".into(),
            problems,
        })
    }
}

/// The compliance rules shipped inside the binary, checked against the catalogue's sources.
pub fn embedded_rules(catalog: &Catalog) -> Result<RuleBook, DataError> {
    let book: RuleBook = parse_ron("assets/rules.ron", RULES_RON)?;
    let known = catalog.sources.iter().map(|s| s.id.as_str()).collect();
    let problems = book.problems(&known);
    if problems.is_empty() {
        Ok(book)
    } else {
        Err(DataError::Invalid {
            file: "assets/rules.ron".into(),
            problems: problems
                .into_iter()
                .map(|message| Problem {
                    path: "rules".into(),
                    message,
                })
                .collect(),
        })
    }
}

/// The default use cases for the hybrid plan.
pub fn embedded_use_cases(catalog: &Catalog) -> Result<Vec<UseCase>, DataError> {
    let cases: Vec<UseCase> = parse_ron("assets/usecases.ron", USECASES_RON)?;
    let mut problems: Vec<Problem> = cases
        .iter()
        .flat_map(|c| c.problems())
        .map(|message| Problem {
            path: "usecases".into(),
            message,
        })
        .collect();
    for case in &cases {
        if let Some(id) = &case.source
            && catalog.source(id).is_none()
        {
            problems.push(Problem {
                path: format!("usecases[{}].source", case.name),
                message: format!("{id:?} is not in sources.ron"),
            });
        }
    }
    if problems.is_empty() {
        Ok(cases)
    } else {
        Err(DataError::Invalid {
            file: "assets/usecases.ron".into(),
            problems,
        })
    }
}

/// The articles' cost scenarios; each must name known models, GPU and source, and its
/// deployment must resolve, so a bad edit fails the data test.
pub fn embedded_presets(catalog: &Catalog) -> Result<Vec<Preset>, DataError> {
    let presets: Vec<Preset> = parse_ron("assets/presets.ron", PRESETS_RON)?;
    let mut problems = Vec::new();
    for p in &presets {
        let mut problem = |message: String| {
            problems.push(Problem {
                path: format!("presets[{}]", p.id),
                message,
            })
        };
        if catalog.source(&p.source).is_none() {
            problem(format!("source {:?} is not in sources.ron", p.source));
        }
        for id in &p.api {
            if catalog.model(id).and_then(|m| m.price.as_ref()).is_none() {
                problem(format!("api model {id:?} is unknown or has no API price"));
            }
        }
        if let Err(e) = p.compare(catalog) {
            problem(e.to_string());
        }
    }
    if problems.is_empty() {
        Ok(presets)
    } else {
        Err(DataError::Invalid {
            file: "assets/presets.ron".into(),
            problems,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::Source;

    #[test]
    fn parse_errors_carry_line_and_column() {
        let err = parse_ron::<Vec<Source>>("x.ron", "[\n  (id: 3)\n]").unwrap_err();
        match err {
            DataError::Parse { file, line, .. } => {
                assert_eq!(file, "x.ron");
                assert_eq!(line, 2);
            }
            other => panic!("expected a parse error, got {other:?}"),
        }
    }
}

//! The state file's versioned schema: read the `version` first, then the body of that version,
//! and migrate old versions to the current one. Unknown fields are tolerated everywhere (no
//! `deny_unknown_fields` on these structs), so an older build reads a newer file's known parts.

use crate::domain::cost::Workload;
use crate::domain::scenario::{DeploymentChoice, MAX_COMPARED, PlannedUseCase, Scenario, Tiers};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version this build writes.
pub const CURRENT_VERSION: u32 = 2;

/// Nesting deeper than this is refused: scenarios are shallow, and deep input is an attack.
const RECURSION_LIMIT: usize = 64;

/// Everything saved: the scenarios, which one is active, and the save counter.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Incremented by every save; together with a hash of the bytes, how a session notices
    /// that another one wrote the file.
    pub revision: u64,
    /// The name of the scenario in use.
    pub active: String,
    /// Never empty once loaded by [`crate::store::Store::open`]; names are unique.
    pub scenarios: Vec<Scenario>,
}

impl State {
    /// A state holding just one scenario, which is active.
    pub fn single(scenario: Scenario) -> State {
        State {
            revision: 0,
            active: scenario.name.clone(),
            scenarios: vec![scenario],
        }
    }

    pub fn get(&self, name: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.name == name)
    }

    /// The active scenario (the first one if the name is stale).
    pub fn active_scenario(&self) -> Option<&Scenario> {
        self.get(&self.active).or_else(|| self.scenarios.first())
    }
}

/// A parse failure with where it happened (1-based line and column).
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// What a state file turned out to hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    /// A file of this or an older version, migrated to the current one.
    Current {
        state: State,
        migrated_from: Option<u32>,
    },
    /// Written by a newer build. `known` is what this build understands of it, if anything.
    Newer { version: u32, known: Option<State> },
}

#[derive(Deserialize)]
struct Probe {
    version: u32,
}

#[derive(Serialize, Deserialize)]
struct FileV2 {
    version: u32,
    #[serde(default)]
    revision: u64,
    #[serde(default)]
    active: String,
    scenarios: Vec<Scenario>,
}

#[derive(Deserialize)]
struct FileV1 {
    scenario: ScenarioV1,
}

/// Version 1 kept one scenario, called the break-even comparison `compare`, and had no marks,
/// notes, preset, theme or pane.
#[derive(Deserialize)]
struct ScenarioV1 {
    name: String,
    workload: Workload,
    region: String,
    sector: String,
    #[serde(default)]
    compare: Vec<String>,
    self_host: DeploymentChoice,
    tiers: Tiers,
    use_cases: Vec<PlannedUseCase>,
}

impl ScenarioV1 {
    fn migrate(self) -> Scenario {
        let mut api_models = self.compare;
        api_models.truncate(MAX_COMPARED);
        Scenario {
            name: self.name,
            workload: self.workload,
            region: self.region,
            sector: self.sector,
            api_models,
            self_host: self.self_host,
            marks: Vec::new(),
            tiers: self.tiers,
            use_cases: self.use_cases,
            notes: String::new(),
            preset: None,
            theme: None,
            pane: None,
        }
    }
}

/// A one-scenario export file: `(version: 2, scenario: (...))`.
#[derive(Serialize, Deserialize)]
struct ExportV2 {
    version: u32,
    scenario: Scenario,
}

fn ron_from<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT)
        .from_str::<T>(text)
        .map_err(|e| ParseError {
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
}

fn version_of(text: &str) -> Result<u32, ParseError> {
    let version = ron_from::<Probe>(text)?.version;
    if version == 0 {
        return Err(ParseError {
            line: 1,
            column: 1,
            message: "version 0 is not a tierwise state version; expected 1 or later".into(),
        });
    }
    Ok(version)
}

/// Parse a state file of any known version (or a newer one). Never panics.
pub fn parse_state(text: &str) -> Result<Parsed, ParseError> {
    match version_of(text)? {
        1 => {
            let v1: FileV1 = ron_from(text)?;
            Ok(Parsed::Current {
                state: State::single(v1.scenario.migrate()),
                migrated_from: Some(1),
            })
        }
        CURRENT_VERSION => Ok(Parsed::Current {
            state: from_v2(ron_from(text)?),
            migrated_from: None,
        }),
        version => Ok(Parsed::Newer {
            version,
            known: ron_from::<FileV2>(text).ok().map(from_v2),
        }),
    }
}

fn from_v2(file: FileV2) -> State {
    State {
        revision: file.revision,
        active: file.active,
        scenarios: file.scenarios,
    }
}

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("  ".to_string())
        .struct_names(false)
}

fn to_ron<T: Serialize>(value: &T) -> String {
    // Serializing plain data to a string cannot fail for these types (no maps with non-string
    // keys); should it ever, the message is kept rather than a panic.
    let mut text = ron::Options::default()
        .to_string_pretty(value, pretty())
        .unwrap_or_else(|e| format!("// tierwise could not write this file: {e}\n"));
    text.push('\n');
    text
}

/// The current-version text of `state`.
pub fn serialize_state(state: &State) -> String {
    to_ron(&FileV2 {
        version: CURRENT_VERSION,
        revision: state.revision,
        active: state.active.clone(),
        scenarios: state.scenarios.clone(),
    })
}

/// The export text of one scenario: `(version: 2, scenario: (...))`.
pub fn serialize_export(scenario: &Scenario) -> String {
    to_ron(&ExportV2 {
        version: CURRENT_VERSION,
        scenario: scenario.clone(),
    })
}

/// Read an export file (version 2, or a version-1 state file, which has the same shape).
pub fn parse_export(text: &str) -> Result<Scenario, ParseError> {
    match version_of(text)? {
        1 => Ok(ron_from::<FileV1>(text)?.scenario.migrate()),
        CURRENT_VERSION => Ok(ron_from::<ExportV2>(text)?.scenario),
        version => Err(ParseError {
            line: 1,
            column: 1,
            message: format!(
                "the file is version {version}, written by a newer tierwise; this one reads up to {CURRENT_VERSION}"
            ),
        }),
    }
}

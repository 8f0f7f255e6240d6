//! A three-way merge of one scenario, field by field.
//!
//! The three versions are turned into JSON value trees (every field of a scenario has a serde
//! form), merged key by key, and turned back. Working on the serde form means a field added
//! to `Scenario` later is merged without touching this file. What counts as one field:
//! - a number, string, bool or `null` (an unset optional value);
//! - a list of plain values (the compared API models, the marks) as a whole: two sessions
//!   editing one list is a conflict, not a mix of both lists;
//! - a list of named records (the use cases) record by record when all three versions hold the
//!   same names in the same order; otherwise the list as a whole.

use crate::domain::inputs::INPUTS;
use crate::domain::scenario::Scenario;
use serde_json::{Map, Value};

/// Both sessions changed the same field to different values; this session's value was kept
/// (the later save wins).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldConflict {
    /// The scenario's name.
    pub scenario: String,
    /// Dotted path of the field: `workload.tokens_per_day`, `use_cases[2].tier`.
    pub field: String,
    /// The value this session saved (and kept), as it reads in the state file.
    pub kept: String,
    /// The other session's value, which was overwritten.
    pub overwritten: String,
}

impl std::fmt::Display for FieldConflict {
    /// `"a" volume 10M (the other session had 20M)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "\"{}\" ", self.scenario)?;
        match input_label(&self.field) {
            Some(label) => write!(f, "{label} ({})", self.field)?,
            None => f.write_str(&self.field)?,
        }
        write!(
            f,
            " {} (the other session had {})",
            self.kept, self.overwritten
        )
    }
}

/// The slider label of the input a field path ends in (`workload.tokens_per_day` -> volume),
/// from the inputs table, whose CLI flags are the field names with dashes.
fn input_label(path: &str) -> Option<&'static str> {
    let key = path.rsplit('.').next()?.replace('_', "-");
    INPUTS
        .iter()
        .find(|r| r.flag == key || r.name == key)
        .map(|r| r.label)
}

/// The merged scenario and the fields both sides changed. `None` when a version cannot be
/// turned into a value tree and back (never for a scenario this build wrote); the caller then
/// keeps this session's scenario whole.
pub fn merge_scenario(
    base: &Scenario,
    mine: &Scenario,
    theirs: &Scenario,
) -> Option<(Scenario, Vec<FieldConflict>)> {
    let tree = |s: &Scenario| serde_json::to_value(s).ok();
    let (b, m, t) = (tree(base)?, tree(mine)?, tree(theirs)?);
    let mut conflicts = Vec::new();
    let merged = merge_value(&b, &m, &t, "", &mut |field, kept, overwritten| {
        conflicts.push(FieldConflict {
            scenario: mine.name.clone(),
            field,
            kept: show(kept),
            overwritten: show(overwritten),
        })
    });
    let scenario: Scenario = serde_json::from_value(merged).ok()?;
    Some((scenario, conflicts))
}

fn show(v: &Value) -> String {
    match v {
        Value::String(s) => format!("{s:?}"),
        Value::Null => "none".into(),
        other => other.to_string(),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

type OnConflict<'a> = dyn FnMut(String, &Value, &Value) + 'a;

fn merge_value(b: &Value, m: &Value, t: &Value, path: &str, conflict: &mut OnConflict) -> Value {
    if m == t || t == b {
        return m.clone();
    }
    if m == b {
        return t.clone();
    }
    match (b, m, t) {
        (Value::Object(b), Value::Object(m), Value::Object(t)) => {
            Value::Object(merge_object(b, m, t, path, conflict))
        }
        (Value::Array(b), Value::Array(m), Value::Array(t)) if same_names(b, m, t) => {
            let items = (b.iter().zip(m).zip(t))
                .enumerate()
                .map(|(i, ((b, m), t))| merge_value(b, m, t, &format!("{path}[{i}]"), conflict));
            Value::Array(items.collect())
        }
        _ => {
            conflict(path.to_string(), m, t);
            m.clone()
        }
    }
}

fn merge_object(
    b: &Map<String, Value>,
    m: &Map<String, Value>,
    t: &Map<String, Value>,
    path: &str,
    conflict: &mut OnConflict,
) -> Map<String, Value> {
    let mut keys: Vec<&String> = m.keys().collect();
    keys.extend(t.keys().filter(|k| !m.contains_key(*k)));
    let mut out = Map::new();
    for key in keys {
        // A key missing on a side reads as null there: serde writes every field of a scenario,
        // so this only happens with optional values.
        let get = |o: &Map<String, Value>| o.get(key).cloned().unwrap_or(Value::Null);
        let v = merge_value(&get(b), &get(m), &get(t), &join(path, key), conflict);
        out.insert(key.clone(), v);
    }
    out
}

/// Lists of records with the same `name`s in the same order on all three sides.
fn same_names(b: &[Value], m: &[Value], t: &[Value]) -> bool {
    let names = |l: &[Value]| -> Option<Vec<String>> {
        l.iter()
            .map(|v| v.get("name").and_then(Value::as_str).map(str::to_string))
            .collect()
    };
    match names(b) {
        Some(nb) => !nb.is_empty() && names(m).as_ref() == Some(&nb) && names(t) == Some(nb),
        None => false,
    }
}

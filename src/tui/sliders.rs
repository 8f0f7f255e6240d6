//! A reusable list of sliders: every input of a workload and of a self-hosted deployment (plus
//! the place and the compared API models), each stepped with ←/→, reset with `0`, typed exactly
//! with `Enter` or picked from a list.
//!
//! The functions take the value they edit as a parameter (`&mut Workload`,
//! `&mut DeploymentChoice`, an id), so the break-even pane edits its scenario's deployment and
//! the hybrid pane can edit each tier's. A change is tried on a copy and kept only when the
//! domain's validation accepts it: the edited value never holds an invalid input.

use crate::domain::catalog::Catalog;
use crate::domain::cost::{Mode, Workload, default_price};
use crate::domain::inputs::{self, Access, InputId, Part, Show, plain};
use crate::domain::scenario::{DeploymentChoice, Settings};
use crate::domain::units::format_tokens;
use std::sync::LazyLock;

pub use crate::domain::inputs::{Grid, Spec, step_value};

/// The deployment's sliders; it builds on this file's types, so it is reached by its own path
/// (`sliders::deployment::...`) rather than re-exported, which would make the two import each
/// other.
pub mod deployment;

/// One adjustable input: a row of the inputs table ([`crate::domain::inputs`]), or one of the
/// pane's own lists (place, compared API models).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Input(InputId),
    Region,
    Sector,
    /// The n-th compared API model; `n == len` is the empty "add a model" slot.
    Api(usize),
}

/// The inputs by their old names, so call sites and patterns read as before.
#[allow(non_upper_case_globals)]
impl Field {
    pub const Volume: Field = Field::Input(InputId::Volume);
    pub const InputShare: Field = Field::Input(InputId::InputShare);
    pub const Model: Field = Field::Input(InputId::Model);
    pub const Gpu: Field = Field::Input(InputId::Gpu);
    pub const Precision: Field = Field::Input(InputId::Precision);
    pub const Mode: Field = Field::Input(InputId::Mode);
    pub const GpuHourPrice: Field = Field::Input(InputId::GpuHourPrice);
    pub const GpuPrice: Field = Field::Input(InputId::GpuPrice);
    pub const Years: Field = Field::Input(InputId::Years);
    pub const PowerPrice: Field = Field::Input(InputId::PowerPrice);
    pub const Pue: Field = Field::Input(InputId::Pue);
    pub const Colo: Field = Field::Input(InputId::Colo);
    pub const Utilization: Field = Field::Input(InputId::Utilization);
    pub const Efficiency: Field = Field::Input(InputId::Efficiency);
    pub const MinReplicas: Field = Field::Input(InputId::MinReplicas);
    pub const Throughput: Field = Field::Input(InputId::Throughput);
    pub const Fte: Field = Field::Input(InputId::Fte);
    pub const Salary: Field = Field::Input(InputId::Salary);
    pub const Overhead: Field = Field::Input(InputId::Overhead);
}

/// The heading a field is listed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Workload,
    Place,
    Compared,
    SelfHosted,
}

impl Group {
    pub fn title(self) -> &'static str {
        match self {
            Group::Workload => "Workload",
            Group::Place => "Place",
            Group::Compared => "API models",
            Group::SelfHosted => "Self-hosted",
        }
    }
}

impl Field {
    /// The inputs table's row, for the fields that are inputs.
    pub fn row(self) -> Option<&'static inputs::Input> {
        match self {
            Field::Input(id) => Some(id.row()),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Field::Input(id) => id.row().label,
            Field::Region => "region",
            Field::Sector => "sector",
            Field::Api(_) => "API",
        }
    }

    /// The name the cost model's errors use for this input (the CLI option).
    pub fn option(self) -> &'static str {
        match self {
            Field::Input(id) => id.row().flag,
            Field::Region => "region",
            Field::Sector => "sector",
            Field::Api(_) => "api",
        }
    }

    pub fn group(self) -> Group {
        match self {
            Field::Input(id) if id.row().part == Part::Workload => Group::Workload,
            Field::Input(_) => Group::SelfHosted,
            Field::Region | Field::Sector => Group::Place,
            Field::Api(_) => Group::Compared,
        }
    }

    /// `None` for choices (picked from a list).
    pub fn spec(self) -> Option<Spec> {
        self.row().and_then(|r| r.slider)
    }

    pub fn is_choice(self) -> bool {
        self.spec().is_none()
    }
}

/// The deployment fields in list order (the inputs table's); power, PUE and colocation only
/// count when buying.
pub fn deployment_fields(mode: Mode) -> Vec<Field> {
    inputs::deployment_inputs(mode)
        .map(|r| Field::Input(r.id))
        .collect()
}

/// The workload's sliders, in the inputs table's order.
pub static WORKLOAD_FIELDS: LazyLock<Vec<Field>> = LazyLock::new(|| {
    inputs::workload_inputs()
        .map(|r| Field::Input(r.id))
        .collect()
});

/// What one slider shows: value with unit, where it sits in its range, and whether the value
/// comes from a database rather than the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub field: Field,
    pub label: String,
    pub value: String,
    /// 0 to 1 along the bar; `None` draws no bar.
    pub position: Option<f64>,
    pub from_database: bool,
}

/// One entry of a choice list.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// Extra words the picker matches and shows dimmed (vendor, memory, prices).
    pub detail: String,
}

/// A change asked of a slider.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// ←/→: this many grid steps (negative is left).
    Step(i32),
    /// `0`: back to the default.
    Reset,
    /// `Enter`: a value typed in the editor.
    Exact(String),
}

fn bar_position(spec: &Spec, v: f64) -> f64 {
    inputs::bar_position(spec, v)
}

/// Parse what the user typed for a numeric field: quantities with K/M/B suffixes for volumes,
/// money and counts, a plain number (0.5) or a percentage (50%) for fractions.
pub fn parse_exact(field: Field, text: &str) -> Result<Option<f64>, String> {
    let Some(spec) = field.spec() else {
        return Err(format!("{} is chosen from a list", field.label()));
    };
    inputs::parse_typed(&spec, text)
}

/// Dollars, compact but exact enough to read back: $2.49, $350, $17,500, $192K.
pub fn dollars(v: f64) -> String {
    crate::domain::format::money(v, crate::domain::format::Money::Readable)
}

// ---- workload ---------------------------------------------------------------------------

/// The row and the number a workload field reads; `None` for fields that are not workload
/// inputs (they used to read as the volume).
fn workload_value(field: Field, w: &Workload) -> Option<(&'static inputs::Input, f64)> {
    let row = field.row().filter(|r| r.part == Part::Workload)?;
    row.workload_value(w).map(|v| (row, v))
}

pub fn show_workload(field: Field, w: &Workload) -> Shown {
    let Some((row, v)) = workload_value(field, w) else {
        return Shown {
            field,
            label: field.label().into(),
            value: String::new(),
            position: None,
            from_database: false,
        };
    };
    Shown {
        field,
        label: field.label().into(),
        value: row.show.format(v),
        position: field.spec().map(|s| bar_position(&s, v)),
        from_database: false,
    }
}

/// The editor's starting text for a workload field.
pub fn workload_text(field: Field, w: &Workload) -> String {
    match workload_value(field, w) {
        Some((row, v)) if row.show == Show::TokensPerDay => format_tokens(v),
        Some((_, v)) => plain(v),
        None => String::new(),
    }
}

/// Apply a change to a workload field; `Ok(true)` when the value changed. Errors name the
/// field, the value and what is allowed (from [`Workload::validate`]). A field that is not a
/// workload input changes nothing.
pub fn change_workload(field: Field, w: &mut Workload, change: &Change) -> Result<bool, String> {
    let (Some(spec), Some((row, current))) = (field.spec(), workload_value(field, w)) else {
        return Ok(false);
    };
    let Access::Workload { get, set } = row.access else {
        return Ok(false);
    };
    let next = match change {
        Change::Step(n) => step_value(&spec, current, *n),
        Change::Reset => get(&Workload::default()),
        Change::Exact(text) => parse_exact(field, text)
            .map_err(|e| format!("--{}: {e}", field.option()))?
            .unwrap_or(current),
    };
    let mut candidate = w.clone();
    set(&mut candidate, next);
    candidate.validate().map_err(|e| e.to_string())?;
    let changed = candidate != *w;
    *w = candidate;
    Ok(changed)
}

/// The id a choice change selects: a step along the list (clamped), the default for a reset
/// (`Reset` handled by the caller when it has one), or an exact id.
pub fn choose(choices: &[Choice], current: &str, change: &Change) -> Option<String> {
    match change {
        Change::Step(n) => {
            if choices.is_empty() {
                return None;
            }
            let at = choices.iter().position(|c| c.id == current);
            let next = match at {
                Some(i) => (i as i64 + i64::from(*n)).clamp(0, choices.len() as i64 - 1) as usize,
                None => 0,
            };
            Some(choices[next].id.clone()).filter(|id| id != current)
        }
        Change::Exact(id) => choices
            .iter()
            .find(|c| c.id == *id)
            .map(|c| c.id.clone())
            .filter(|id| id != current),
        Change::Reset => None,
    }
}

/// Step, reset or set an id among `choices`; `default` is what `0` restores.
pub fn change_id(
    id: &mut String,
    choices: &[Choice],
    default: &str,
    change: &Change,
) -> Result<bool, String> {
    let next = match change {
        Change::Reset => Some(default.to_string()).filter(|d| d != id),
        Change::Exact(text) if !choices.iter().any(|c| c.id == *text) => {
            return Err(format!("{text:?} is not one of the choices"));
        }
        other => choose(choices, id, other),
    };
    match next {
        Some(next) => {
            *id = next;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Where the selection is in a list of fields, and which row is at the top of the view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SliderList {
    pub fields: Vec<Field>,
    pub selected: usize,
}

impl SliderList {
    pub fn new(fields: Vec<Field>) -> SliderList {
        SliderList {
            fields,
            selected: 0,
        }
    }

    pub fn current(&self) -> Option<Field> {
        self.fields.get(self.selected).copied()
    }

    pub fn move_by(&mut self, delta: isize) -> bool {
        let last = self.fields.len().saturating_sub(1) as isize;
        let next = (self.selected as isize + delta).clamp(0, last) as usize;
        let moved = next != self.selected;
        self.selected = next;
        moved
    }

    /// Replace the fields (the mode changed, a model was added) keeping the selected field
    /// when it is still listed, else the same position.
    pub fn set_fields(&mut self, fields: Vec<Field>) {
        let current = self.current();
        self.selected = current
            .and_then(|f| fields.iter().position(|g| *g == f))
            .unwrap_or(self.selected)
            .min(fields.len().saturating_sub(1));
        self.fields = fields;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_value_that_is_no_number_names_the_command_line_option() {
        let mut w = Workload::default();
        let change = Change::Exact("abc".into());
        let err = change_workload(Field::Volume, &mut w, &change).unwrap_err();
        assert!(err.starts_with("--tokens-per-day: "), "{err}");
        assert_eq!(w, Workload::default(), "a refused value changes nothing");
    }

    #[test]
    fn sliders_step_on_the_tables_grids() {
        let s = Field::Volume.spec().unwrap();
        assert_eq!(step_value(&s, 5e6, 1), 1e7);
        let s = Field::GpuHourPrice.spec().unwrap();
        assert_eq!(step_value(&s, 2.49, 1), 2.5);
        let share = Field::InputShare.spec().unwrap();
        assert_eq!(step_value(&share, 0.5, 1), 0.55);
    }

    /// A field that is not a workload input used to be read and written as the volume.
    #[test]
    fn only_workload_inputs_change_the_workload() {
        let mut w = Workload::default();
        for field in [Field::Pue, Field::Years, Field::Gpu, Field::Region] {
            assert_eq!(change_workload(field, &mut w, &Change::Step(1)), Ok(false));
            assert_eq!(
                change_workload(field, &mut w, &Change::Exact("2".into())),
                Ok(false)
            );
            assert_eq!(w, Workload::default(), "{field:?}");
            assert!(
                !show_workload(field, &w).value.contains("/day"),
                "{field:?}"
            );
        }
        assert_eq!(
            change_workload(Field::InputShare, &mut w, &Change::Step(1)),
            Ok(true)
        );
        assert_eq!(w.input_share, 0.55);
        assert_eq!(w.tokens_per_day, 5e6);
        assert_eq!(
            change_workload(Field::Volume, &mut w, &Change::Step(1)),
            Ok(true)
        );
        assert_eq!(w.tokens_per_day, 1e7);
        assert_eq!(show_workload(Field::Volume, &w).value, "10M/day");
        assert_eq!(show_workload(Field::InputShare, &w).value, "55% in");
    }

    #[test]
    fn exact_values_parse_with_units_and_percentages() {
        assert_eq!(parse_exact(Field::Volume, "750K"), Ok(Some(750_000.0)));
        assert_eq!(parse_exact(Field::InputShare, "35%"), Ok(Some(0.35)));
        assert_eq!(parse_exact(Field::GpuPrice, "$17,500"), Ok(Some(17_500.0)));
        assert_eq!(parse_exact(Field::Throughput, "none"), Ok(None));
        assert!(parse_exact(Field::Volume, "lots").is_err());
    }
}

//! A reusable list of sliders: every input of a workload and of a self-hosted deployment (plus
//! the place and the compared API models), each stepped with ←/→, reset with `0`, typed exactly
//! with `Enter` or picked from a list.
//!
//! The functions take the value they edit as a parameter (`&mut Workload`,
//! `&mut DeploymentChoice`, an id), so the break-even pane edits its scenario's deployment and
//! the hybrid pane can edit each tier's. A change is tried on a copy and kept only when the
//! domain's validation accepts it: the edited value never holds an invalid input.

use crate::domain::catalog::Catalog;
use crate::domain::cost::{Mode, Precision, Workload, default_price};
use crate::domain::scenario::{DeploymentChoice, Settings};
use crate::domain::units::{format_tokens, parse_quantity};

mod deployment;
pub use deployment::{
    change_deployment, deployment_choice_id, deployment_choices, deployment_text, gpu_choices,
    mode_choices, model_choices, precision_choices, show_deployment,
};

/// One adjustable input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Volume,
    InputShare,
    Region,
    Sector,
    /// The n-th compared API model; `n == len` is the empty "add a model" slot.
    Api(usize),
    Model,
    Gpu,
    Precision,
    Mode,
    GpuHourPrice,
    GpuPrice,
    Years,
    PowerPrice,
    Pue,
    Colo,
    Utilization,
    Efficiency,
    MinReplicas,
    Throughput,
    Fte,
    Salary,
    Overhead,
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

/// How ←/→ move a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Grid {
    /// 1, 2, 5, 10, 20, 50, ...
    OneTwoFive,
    /// Two significant digits: 2.4, 2.5, ... 9.9, 10, 11, ...
    TwoDigits,
    /// Multiples of a fixed step.
    Linear(f64),
}

/// A numeric slider: its unit, step grid and the range its bar shows (and steps stay in).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spec {
    pub grid: Grid,
    pub lo: f64,
    pub hi: f64,
    /// The bar is logarithmic (volumes, prices) or linear (shares).
    pub log: bool,
    /// What the editor shows after the value: `tokens/day`, `$/GPU-hour`.
    pub unit: &'static str,
    /// Accepts `none` (measured throughput).
    pub optional: bool,
    /// A fraction typed as a plain number (0.5), shown as a percentage.
    pub percent: bool,
}

const fn spec(grid: Grid, lo: f64, hi: f64, log: bool, unit: &'static str) -> Spec {
    Spec {
        grid,
        lo,
        hi,
        log,
        unit,
        optional: false,
        percent: false,
    }
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Volume => "volume",
            Field::InputShare => "input share",
            Field::Region => "region",
            Field::Sector => "sector",
            Field::Api(_) => "API",
            Field::Model => "open model",
            Field::Gpu => "GPU",
            Field::Precision => "precision",
            Field::Mode => "rent or buy",
            Field::GpuHourPrice => "GPU-hour",
            Field::GpuPrice => "GPU price",
            Field::Years => "amortize",
            Field::PowerPrice => "power",
            Field::Pue => "PUE",
            Field::Colo => "colocation",
            Field::Utilization => "utilization",
            Field::Efficiency => "efficiency",
            Field::MinReplicas => "min replicas",
            Field::Throughput => "throughput",
            Field::Fte => "staff",
            Field::Salary => "FTE cost",
            Field::Overhead => "overhead",
        }
    }

    /// The name the cost model's errors use for this input (the CLI option).
    pub fn option(self) -> &'static str {
        match self {
            Field::Volume => "volume",
            Field::InputShare => "input-share",
            Field::Region => "region",
            Field::Sector => "sector",
            Field::Api(_) => "api",
            Field::Model => "self-host",
            Field::Gpu => "gpu",
            Field::Precision => "precision",
            Field::Mode => "mode",
            Field::GpuHourPrice => "gpu-hour-price",
            Field::GpuPrice => "gpu-price",
            Field::Years => "years",
            Field::PowerPrice => "power-price",
            Field::Pue => "pue",
            Field::Colo => "colo",
            Field::Utilization => "utilization",
            Field::Efficiency => "efficiency",
            Field::MinReplicas => "min-replicas",
            Field::Throughput => "throughput",
            Field::Fte => "fte",
            Field::Salary => "salary",
            Field::Overhead => "overhead",
        }
    }

    pub fn group(self) -> Group {
        match self {
            Field::Volume | Field::InputShare => Group::Workload,
            Field::Region | Field::Sector => Group::Place,
            Field::Api(_) => Group::Compared,
            _ => Group::SelfHosted,
        }
    }

    /// `None` for choices (picked from a list).
    pub fn spec(self) -> Option<Spec> {
        use Grid::*;
        let s = match self {
            Field::Volume => spec(OneTwoFive, 1e3, 1e11, true, "tokens/day"),
            Field::InputShare => Spec {
                percent: true,
                ..spec(Linear(0.05), 0.0, 1.0, false, "fraction of tokens, 0 to 1")
            },
            Field::GpuHourPrice => spec(TwoDigits, 0.1, 50.0, true, "$ per GPU-hour"),
            Field::GpuPrice => spec(TwoDigits, 1e3, 1e6, true, "$ per GPU"),
            Field::Years => spec(Linear(0.5), 0.5, 20.0, false, "years"),
            Field::PowerPrice => spec(Linear(0.01), 0.0, 1.0, false, "$ per kWh"),
            Field::Pue => spec(Linear(0.05), 1.0, 3.0, false, "PUE, 1 to 3"),
            Field::Colo => spec(Linear(25.0), 0.0, 2000.0, false, "$ per server-month"),
            Field::Utilization => Spec {
                percent: true,
                ..spec(Linear(0.05), 0.05, 1.0, false, "fraction, above 0 to 1")
            },
            Field::Efficiency => Spec {
                percent: true,
                ..spec(
                    Linear(0.01),
                    0.01,
                    1.0,
                    false,
                    "fraction of peak, above 0 to 1",
                )
            },
            Field::MinReplicas => spec(Linear(1.0), 1.0, 1000.0, true, "replicas"),
            Field::Throughput => Spec {
                optional: true,
                ..spec(TwoDigits, 1.0, 1e6, true, "tokens/s per replica, or none")
            },
            Field::Fte => spec(Linear(0.05), 0.0, 10.0, false, "FTE"),
            Field::Salary => spec(TwoDigits, 1e4, 1e6, true, "$ per FTE-year"),
            Field::Overhead => Spec {
                percent: true,
                ..spec(
                    Linear(0.05),
                    0.0,
                    2.0,
                    false,
                    "fraction of the bill, 0 to 10",
                )
            },
            _ => return None,
        };
        Some(s)
    }

    pub fn is_choice(self) -> bool {
        self.spec().is_none()
    }
}

/// The deployment fields in list order; power, PUE and colocation only count when buying.
pub fn deployment_fields(mode: Mode) -> Vec<Field> {
    let mut out = vec![Field::Model, Field::Gpu, Field::Precision, Field::Mode];
    match mode {
        Mode::Rent => out.push(Field::GpuHourPrice),
        Mode::Buy => out.extend([
            Field::GpuPrice,
            Field::Years,
            Field::PowerPrice,
            Field::Pue,
            Field::Colo,
        ]),
    }
    out.extend([
        Field::Utilization,
        Field::Efficiency,
        Field::MinReplicas,
        Field::Throughput,
        Field::Fte,
        Field::Salary,
        Field::Overhead,
    ]);
    out
}

pub const WORKLOAD_FIELDS: [Field; 2] = [Field::Volume, Field::InputShare];

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

/// Rounds away float noise from grid arithmetic (0.15000000000000002 -> 0.15).
fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    format!("{v:.11e}").parse().unwrap_or(v)
}

fn grid_next(grid: Grid, v: f64, up: bool) -> f64 {
    const EPS: f64 = 1e-9;
    match grid {
        Grid::Linear(step) => {
            let k = v / step;
            let k = if up {
                (k + EPS).floor() + 1.0
            } else {
                (k - EPS).ceil() - 1.0
            };
            tidy(k * step)
        }
        Grid::OneTwoFive => {
            if v <= 0.0 {
                return if up { 1.0 } else { 0.0 };
            }
            let e = v.log10().floor() as i32;
            let mut candidates = Vec::with_capacity(9);
            for p in e - 1..=e + 1 {
                for m in [1.0, 2.0, 5.0] {
                    candidates.push(tidy(m * 10f64.powi(p)));
                }
            }
            let found = if up {
                candidates.into_iter().find(|c| *c > v * (1.0 + EPS))
            } else {
                candidates.into_iter().rev().find(|c| *c < v * (1.0 - EPS))
            };
            found.unwrap_or(v)
        }
        Grid::TwoDigits => {
            if v <= 0.0 {
                return 0.0;
            }
            let mut scale = 10f64.powi(v.log10().floor() as i32 - 1);
            // Stepping down from 10, 100, ... lands on 9.9, 99, ...: the finer decade below.
            if !up && v / scale <= 10.0 + EPS {
                scale /= 10.0;
            }
            let m = v / scale;
            let m = if up {
                (m + EPS).floor() + 1.0
            } else {
                (m - EPS).ceil() - 1.0
            };
            tidy(m * scale)
        }
    }
}

/// `n` grid steps from `v`, kept inside the slider's range. A value typed outside the range
/// moves into it, never further out.
pub fn step_value(spec: &Spec, v: f64, n: i32) -> f64 {
    let up = n > 0;
    let mut x = v;
    for _ in 0..n.unsigned_abs() {
        let next = if !up && x <= spec.lo {
            x
        } else if up && x < spec.lo {
            spec.lo
        } else {
            grid_next(spec.grid, x, up).clamp(spec.lo, spec.hi)
        };
        if next == x {
            break;
        }
        x = next;
    }
    if (up && x < v) || (!up && x > v) {
        v
    } else {
        x
    }
}

fn bar_position(spec: &Spec, v: f64) -> f64 {
    let p = if spec.log {
        let lo = spec.lo.max(1e-9).log10();
        (v.max(1e-9).log10() - lo) / (spec.hi.log10() - lo)
    } else {
        (v - spec.lo) / (spec.hi - spec.lo)
    };
    p.clamp(0.0, 1.0)
}

/// Parse what the user typed for a numeric field: quantities with K/M/B suffixes for volumes,
/// money and counts, a plain number (0.5) or a percentage (50%) for fractions.
pub fn parse_exact(field: Field, text: &str) -> Result<Option<f64>, String> {
    let Some(spec) = field.spec() else {
        return Err(format!("{} is chosen from a list", field.label()));
    };
    let t = text.trim();
    if spec.optional && (t.is_empty() || t.eq_ignore_ascii_case("none")) {
        return Ok(None);
    }
    let t = t.trim_start_matches('$').replace(',', "");
    if spec.percent
        && let Some(p) = t.strip_suffix('%')
    {
        return parse_quantity(p).map(|v| Some(v / 100.0));
    }
    parse_quantity(&t).map(Some)
}

/// Dollars, compact but exact enough to read back: $2.49, $350, $17,500, $192K.
pub fn dollars(v: f64) -> String {
    if v < 100.0 {
        let text = format!("{v:.2}");
        format!("${}", text.strip_suffix(".00").unwrap_or(&text))
    } else if v < 1e5 {
        format!("${}", crate::domain::units::format_count(v))
    } else {
        format!("${}", format_tokens(v))
    }
}

fn percent(v: f64) -> String {
    let p = v * 100.0;
    if (p - p.round()).abs() < 1e-6 {
        format!("{p:.0}%")
    } else {
        format!("{p:.1}%")
    }
}

fn plain(v: f64) -> String {
    let text = format!("{v:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

// ---- workload ---------------------------------------------------------------------------

fn workload_value(field: Field, w: &Workload) -> f64 {
    match field {
        Field::InputShare => w.input_share,
        _ => w.tokens_per_day,
    }
}

pub fn show_workload(field: Field, w: &Workload) -> Shown {
    let v = workload_value(field, w);
    let value = match field {
        Field::InputShare => format!("{} in", percent(v)),
        _ => format!("{}/day", format_tokens(v)),
    };
    Shown {
        field,
        label: field.label().into(),
        value,
        position: field.spec().map(|s| bar_position(&s, v)),
        from_database: false,
    }
}

/// The editor's starting text for a workload field.
pub fn workload_text(field: Field, w: &Workload) -> String {
    match field {
        Field::InputShare => plain(w.input_share),
        _ => format_tokens(w.tokens_per_day),
    }
}

/// Apply a change to a workload field; `Ok(true)` when the value changed. Errors name the
/// field, the value and what is allowed (from [`Workload::validate`]).
pub fn change_workload(field: Field, w: &mut Workload, change: &Change) -> Result<bool, String> {
    let Some(spec) = field.spec() else {
        return Ok(false);
    };
    let current = workload_value(field, w);
    let defaults = Workload::default();
    let next = match change {
        Change::Step(n) => step_value(&spec, current, *n),
        Change::Reset => workload_value(field, &defaults),
        Change::Exact(text) => parse_exact(field, text)
            .map_err(|e| format!("--{}: {e}", field.option()))?
            .unwrap_or(current),
    };
    let mut candidate = w.clone();
    match field {
        Field::InputShare => candidate.input_share = next,
        _ => candidate.tokens_per_day = next,
    }
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
    fn volume_steps_on_one_two_five() {
        let s = Field::Volume.spec().unwrap();
        assert_eq!(step_value(&s, 5e6, 1), 1e7);
        assert_eq!(step_value(&s, 5e6, -1), 2e6);
        assert_eq!(step_value(&s, 3.7e6, 1), 5e6);
        assert_eq!(step_value(&s, 3.7e6, -1), 2e6);
        assert_eq!(step_value(&s, 5e6, 10), 1e10);
        assert_eq!(step_value(&s, 1e11, 1), 1e11);
        assert_eq!(step_value(&s, 1e3, -1), 1e3);
    }

    #[test]
    fn two_digit_prices_and_linear_shares_step_cleanly() {
        let s = Field::GpuHourPrice.spec().unwrap();
        assert_eq!(step_value(&s, 2.49, 1), 2.5);
        assert_eq!(step_value(&s, 2.5, 1), 2.6);
        assert_eq!(step_value(&s, 9.9, 1), 10.0);
        assert_eq!(step_value(&s, 10.0, -1), 9.9);
        let share = Field::InputShare.spec().unwrap();
        assert_eq!(step_value(&share, 0.5, 1), 0.55);
        assert_eq!(step_value(&share, 0.15, 1), 0.2);
        assert_eq!(step_value(&share, 0.0, -1), 0.0);
        assert_eq!(step_value(&share, 0.95, 10), 1.0);
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

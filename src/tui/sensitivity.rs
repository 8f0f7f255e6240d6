//! The sensitivity view (`v`): a tornado chart of what moves the answer, over the break-even
//! pane's scenario (the break-even volume against one compared API model) or the hybrid plan
//! (its monthly cost and savings). Computed when the view opens and when its span or API model
//! changes; the scenario cannot change while it is open.

mod update;

use super::breakeven::BreakEvenView;
use super::sliders::Field;
use crate::domain::catalog::Catalog;
use crate::domain::format::{self, Money, Percent};
use crate::domain::hybrid_sensitivity::{HybridEnd, hybrid_tornado};
use crate::domain::inputs;
use crate::domain::scenario::Scenario;
use crate::domain::sensitivity::{Case, tornado};
use crate::domain::units::format_tokens;

/// How far `+`/`-` move the span, and the narrowest span offered.
pub const SPAN_STEP: f64 = 0.05;
pub const MIN_SPAN: f64 = 0.05;

/// Where a bar's input is set in the interface.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A slider of the break-even pane.
    Slider(Field),
    /// A slider of a self-hosted hybrid tier (0-based 1 or 2).
    Tier(usize, Field),
    /// No slider: why, for the status line.
    Nowhere(String),
}

/// One end of a bar: the input's value there, the answer it gives, and how far that is from
/// the base on the chart's scale (decades of volume, or dollars a month).
#[derive(Debug, Clone, PartialEq)]
pub struct End {
    pub value: String,
    pub answer: String,
    /// Savings against all-frontier, in the hybrid view.
    pub detail: Option<String>,
    pub delta: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub input: String,
    pub target: Target,
    pub base_value: String,
    /// A choice (GPU, precision): the ends are the neighbouring options, not a percentage.
    pub choice: bool,
    /// The input lowered (or the lower neighbouring choice) and raised.
    pub low: End,
    pub high: End,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    pub hybrid: bool,
    pub span: f64,
    /// The compared API model (break-even view), an index into the pane's priced models.
    pub api: usize,
    pub selected: usize,
    /// What is compared: "GPT-5.5 vs Llama 3.1 70B on H100".
    pub subject: String,
    /// The answer at the base: "break-even 17.9M tokens/day".
    pub base: String,
    pub rows: Vec<Row>,
    /// Why nothing could be computed.
    pub error: Option<String>,
}

fn volume(v: Option<f64>) -> String {
    v.map_or_else(|| "never".into(), format_tokens)
}

/// Savings against all-frontier in words: a negative saving is a higher bill.
fn percent(v: Option<f64>) -> Option<String> {
    v.map(|s| {
        if s >= 0.0 {
            format!("saves {}", format::percent(s, Percent::Fixed(0)))
        } else {
            format!("{} dearer", format::percent(-s, Percent::Fixed(0)))
        }
    })
}

/// Dollars to three significant digits ($15.2K, $152K, $1.52M), so neighbouring ends differ.
pub fn money(v: f64) -> String {
    format::money(v, Money::ThreeDigits)
}

/// The break-even pane's slider for an input named as in the inputs table; `None` for inputs
/// set only on the command line (no slider) and for the API prices.
fn slider_for(input: &str) -> Option<Field> {
    inputs::by_name(input)
        .filter(|r| r.slider.is_some() || r.is_choice())
        .map(|r| Field::Input(r.id))
}

fn no_slider(input: &str) -> String {
    if input.starts_with("api ") {
        "API prices come from the model database; they have no slider (pick another model instead)"
            .into()
    } else {
        format!("{input} has no slider; the command line sets it (tierwise cost --{input})")
    }
}

impl Sensitivity {
    fn empty(hybrid: bool, span: f64, api: usize) -> Sensitivity {
        Sensitivity {
            hybrid,
            span,
            api,
            selected: 0,
            subject: String::new(),
            base: String::new(),
            rows: Vec::new(),
            error: None,
        }
    }

    /// The break-even tornado of the scenario against its `api`-th priced model.
    pub fn breakeven(
        view: &BreakEvenView,
        s: &Scenario,
        catalog: &Catalog,
        api: usize,
        span: f64,
    ) -> Sensitivity {
        let mut out = Sensitivity::empty(false, span, api);
        let Some(line) = view.apis.get(api) else {
            out.error = Some("no compared API model has a price".into());
            return out;
        };
        let case = Case {
            workload: s.workload.clone(),
            price: line.price.clone(),
            choice: s.self_host.clone(),
        };
        out.subject = match &view.deployment {
            Some(d) => format!("{} vs {} on {}", line.name, d.name, d.gpu),
            None => line.name.clone(),
        };
        let t = match tornado(catalog, &case, span) {
            Ok(t) => t,
            Err(e) => {
                out.error = Some(e.to_string());
                return out;
            }
        };
        let at = |v: Option<f64>| crate::domain::sensitivity::decades(v);
        out.base = match t.base {
            Some(v) => format!("break-even {} tokens/day", format_tokens(v)),
            None => "break-even never in range".into(),
        };
        out.rows = t
            .bars
            .iter()
            .map(|b| {
                let end = |e: &crate::domain::sensitivity::End| End {
                    value: e.value.clone(),
                    answer: volume(e.break_even),
                    detail: None,
                    delta: at(e.break_even) - at(t.base),
                };
                Row {
                    input: b.input.to_string(),
                    target: slider_for(b.input)
                        .map_or_else(|| Target::Nowhere(no_slider(b.input)), Target::Slider),
                    base_value: b.base_value.clone(),
                    choice: inputs::by_name(b.input).is_some_and(|r| r.is_choice()),
                    low: end(&b.low),
                    high: end(&b.high),
                }
            })
            .collect();
        out
    }

    /// The hybrid plan's tornado: its monthly cost and savings as each input moves.
    pub fn hybrid(catalog: &Catalog, scenario: &Scenario, span: f64) -> Sensitivity {
        let mut out = Sensitivity::empty(true, span, 0);
        out.subject = "hybrid plan".into();
        let t = match hybrid_tornado(catalog, scenario, span) {
            Ok(t) => t,
            Err(e) => {
                out.error = Some(e.to_string());
                return out;
            }
        };
        let against = match t.base.savings {
            Some(v) if v >= 0.0 => format!(", saves {:.0}% against all-frontier", v * 100.0),
            Some(v) => format!(", {:.0}% dearer than all-frontier", -v * 100.0),
            None => String::new(),
        };
        out.base = format!("hybrid {}/month{against}", money(t.base.usd_per_month));
        let base = t.base.usd_per_month;
        out.rows = t
            .bars
            .iter()
            .map(|b| {
                let end = |e: &HybridEnd| End {
                    value: e.value.clone(),
                    answer: money(e.usd_per_month),
                    detail: percent(e.savings),
                    delta: e.usd_per_month - base,
                };
                let target = match (b.tier, slider_for(b.input)) {
                    (Some(t @ 2..=3), Some(f)) => Target::Tier(usize::from(t - 1), f),
                    (None, Some(f)) => Target::Slider(f),
                    _ => Target::Nowhere(no_slider(b.input)),
                };
                Row {
                    input: match b.tier {
                        Some(t) => format!("T{t} {}", b.input),
                        None => b.input.to_string(),
                    },
                    target,
                    base_value: b.base_value.clone(),
                    choice: inputs::by_name(b.input).is_some_and(|r| r.is_choice()),
                    low: end(&b.low),
                    high: end(&b.high),
                }
            })
            .collect();
        out
    }
}

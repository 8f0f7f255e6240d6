//! What moves the answer: each assumption of the break-even comparison moved down and up over
//! a span, and the break-even volume that results, sorted by how far it moves.
//!
//! Every perturbed case goes through the same functions as the base case
//! ([`DeploymentChoice::resolve`], [`blended_price`], [`crossover`]), so a bar can never
//! disagree with the break-even pane.

use super::breakeven::{VOLUME_MAX, crossover};
use super::catalog::{Catalog, Price};
use super::cost::{InputError, Precision, Workload, blended_price};
use super::inputs::{INPUTS, Input, Part as InputPart};
use super::scenario::DeploymentChoice;
use super::units::format_tokens;

/// The largest span: prices cannot fall by 100% or more.
pub const MAX_SPAN: f64 = 0.9;
pub const DEFAULT_SPAN: f64 = 0.25;

/// One break-even comparison: a workload, an API price and a self-hosted deployment.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub workload: Workload,
    pub price: Price,
    pub choice: DeploymentChoice,
}

/// One end of a bar: the input's value there and the break-even volume it gives
/// (`None`: never within the range).
#[derive(Debug, Clone, PartialEq)]
pub struct End {
    pub value: String,
    pub break_even: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The input, named as the `cost` option where there is one.
    pub input: &'static str,
    pub base_value: String,
    pub low: End,
    pub high: End,
    /// How far the answer moves, in decades of volume (never counts as one decade past the
    /// range's end).
    pub effect: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tornado {
    pub span: f64,
    pub base: Option<f64>,
    /// Largest effect first.
    pub bars: Vec<Bar>,
}

/// The break-even volume of a case, through the same functions the pane and the CLI use.
pub fn break_even(catalog: &Catalog, case: &Case) -> Result<Option<f64>, InputError> {
    case.workload.validate()?;
    let deployment = case.choice.resolve_for(catalog, &case.workload)?;
    let blended = blended_price(&case.price, &case.workload);
    Ok(crossover(blended, &deployment).break_even_tokens_per_day)
}

/// Position on a log scale, with "never" one decade past the largest volume.
pub fn decades(volume: Option<f64>) -> f64 {
    volume.unwrap_or(VOLUME_MAX * 10.0).log10()
}

/// Which part of a case an input belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The API price.
    Api,
    /// The workload (input share, request lengths).
    Workload,
    /// The self-hosted deployment (its settings, precision and GPU).
    Deployment,
}

/// An API price, scaled by the factor. The API prices come from the model database, not the
/// user, so they are not rows of the inputs table.
struct ApiLever {
    input: &'static str,
    /// Scale the price (and its long-context tier) and return the new ordinary price.
    scale: fn(&mut Price, f64) -> f64,
}

const API_LEVERS: [ApiLever; 2] = [
    ApiLever {
        input: "api input price",
        scale: |p, f| {
            p.input *= f;
            if let Some(long) = &mut p.long_context {
                long.input *= f;
            }
            p.input
        },
    },
    ApiLever {
        input: "api output price",
        scale: |p, f| {
            p.output *= f;
            if let Some(long) = &mut p.long_context {
                long.output *= f;
            }
            p.output
        },
    },
];

/// The value a row the tornado moves starts from in `case`: `None` when the row plays no part
/// (its mode or [`Idle`](super::inputs::Idle) rule) or there is nothing to scale (zero, or
/// unset with no figure behind it). An unset GPU-dependent figure is the resolved deployment's.
fn row_base(row: &Input, case: &Case, catalog: &Catalog) -> Option<f64> {
    let settings = &case.choice.settings;
    if !row.tornado || !row.counts(&case.workload, settings) {
        return None;
    }
    let v = row.value_in(&case.workload, settings).or_else(|| {
        let read = row.resolved?;
        case.choice.resolve(catalog).ok().map(|d| read(&d))
    })?;
    (v != 0.0).then_some(v)
}

/// `case` with `row` at `base × factor`, clamped to the row's range, and how the value reads
/// there (as its slider reads it).
fn scaled(row: &Input, case: &Case, base: f64, factor: f64) -> (Case, String) {
    let v = row.clamp(base * factor);
    let mut c = case.clone();
    if !row.set_workload(&mut c.workload, v) {
        row.set_setting(&mut c.choice.settings, Some(v));
    }
    (c, row.show.format(v))
}

/// The neighbouring precisions: fewer bytes per parameter below, more above.
fn precision_neighbours(p: Precision) -> (Option<Precision>, Option<Precision>) {
    let order = [Precision::Int4, Precision::Fp8, Precision::Fp16];
    let bytes = p.bytes_per_param();
    let lower = order
        .iter()
        .rev()
        .find(|q| q.bytes_per_param() < bytes)
        .copied();
    let higher = order.iter().find(|q| q.bytes_per_param() > bytes).copied();
    (lower, higher)
}

/// The neighbouring GPUs by compute, skipping any that cannot price this deployment.
fn gpu_neighbours(catalog: &Catalog, case: &Case) -> (Option<String>, Option<String>) {
    let mut gpus: Vec<_> = catalog.gpus.iter().collect();
    gpus.sort_by(|a, b| a.bf16_tflops.value.total_cmp(&b.bf16_tflops.value));
    let Some(at) = gpus.iter().position(|g| g.id == case.choice.gpu) else {
        return (None, None);
    };
    let works = |id: &str| {
        let mut c = case.clone();
        c.choice.gpu = id.to_string();
        break_even(catalog, &c).is_ok()
    };
    let lower = gpus[..at]
        .iter()
        .rev()
        .find(|g| works(&g.id))
        .map(|g| g.id.clone());
    let higher = gpus[at + 1..]
        .iter()
        .find(|g| works(&g.id))
        .map(|g| g.id.clone());
    (lower, higher)
}

fn money(v: f64) -> String {
    super::format::money(v, super::format::Money::Compact)
}

/// A moved case and how its input reads there.
pub type Moved = Option<(Case, String)>;

fn bar(
    catalog: &Catalog,
    input: &'static str,
    base_value: String,
    base: Option<f64>,
    low: Moved,
    high: Moved,
) -> Bar {
    let end = |moved: Moved| match moved.map(|(c, v)| (break_even(catalog, &c), v)) {
        Some((Ok(be), value)) => End {
            value,
            break_even: be,
        },
        // An end that cannot be computed (a neighbour with no price) stays at the base.
        _ => End {
            value: base_value.clone(),
            break_even: base,
        },
    };
    let low = end(low);
    let high = end(high);
    let effect = (decades(low.break_even) - decades(high.break_even)).abs();
    Bar {
        input,
        base_value,
        low,
        high,
        effect,
    }
}

/// Refuse a span outside 0 to [`MAX_SPAN`].
pub fn check_span(span: f64) -> Result<(), InputError> {
    if span.is_finite() && (0.0..=MAX_SPAN).contains(&span) {
        return Ok(());
    }
    Err(InputError {
        field: "span",
        value: span.to_string(),
        allowed: format!("a fraction from 0 to {MAX_SPAN}"),
    })
}

/// One input of a case moved down and up: the moved cases (`None` where a choice has no
/// neighbour on that side) and how the input reads at the base.
pub struct Move {
    pub input: &'static str,
    pub part: Part,
    pub base_value: String,
    pub low: Moved,
    pub high: Moved,
}

/// Every input of `case` that belongs to one of `parts` and plays a part in it, moved down and
/// up by `span` (choices: to their neighbours, when the span is not zero): the API prices, then
/// the inputs table's rows marked `tornado`, in table order.
pub fn moves(catalog: &Catalog, case: &Case, span: f64, parts: &[Part]) -> Vec<Move> {
    let mut out = Vec::new();
    if parts.contains(&Part::Api) {
        for lever in &API_LEVERS {
            let moved = |factor: f64| {
                let mut c = case.clone();
                let price = (lever.scale)(&mut c.price, factor);
                (c, money(price))
            };
            out.push(Move {
                input: lever.input,
                part: Part::Api,
                base_value: moved(1.0).1,
                low: Some(moved(1.0 - span)),
                high: Some(moved(1.0 + span)),
            });
        }
    }
    for row in &INPUTS {
        let part = match row.part {
            InputPart::Workload => Part::Workload,
            InputPart::Deployment => Part::Deployment,
        };
        if !parts.contains(&part) {
            continue;
        }
        let Some(base) = row_base(row, case, catalog) else {
            continue;
        };
        out.push(Move {
            input: row.name,
            part,
            base_value: row.show.format(base),
            low: Some(scaled(row, case, base, 1.0 - span)),
            high: Some(scaled(row, case, base, 1.0 + span)),
        });
    }
    if span > 0.0 && parts.contains(&Part::Deployment) {
        let (lower, higher) = precision_neighbours(case.choice.settings.precision);
        let with = |p: Option<Precision>| {
            p.map(|p| {
                let mut c = case.clone();
                c.choice.settings.precision = p;
                (c, p.as_str().to_string())
            })
        };
        out.push(Move {
            input: "precision",
            part: Part::Deployment,
            base_value: case.choice.settings.precision.as_str().into(),
            low: with(lower),
            high: with(higher),
        });
        let (slower, faster) = gpu_neighbours(catalog, case);
        let with_gpu = |g: Option<String>| {
            g.map(|id| {
                let mut c = case.clone();
                c.choice.gpu = id.clone();
                (c, id)
            })
        };
        out.push(Move {
            input: "gpu",
            part: Part::Deployment,
            base_value: case.choice.gpu.clone(),
            low: with_gpu(slower),
            high: with_gpu(faster),
        });
    }
    out
}

/// Every input of `case` moved down and up by `span` (choices: to their neighbours), and the
/// break-even volume at each end, largest effect first.
pub fn tornado(catalog: &Catalog, case: &Case, span: f64) -> Result<Tornado, InputError> {
    check_span(span)?;
    let base = break_even(catalog, case)?;
    let parts = [Part::Api, Part::Workload, Part::Deployment];
    let mut bars: Vec<Bar> = moves(catalog, case, span, &parts)
        .into_iter()
        .map(|m| bar(catalog, m.input, m.base_value, base, m.low, m.high))
        .collect();
    bars.sort_by(|a, b| {
        b.effect
            .total_cmp(&a.effect)
            .then_with(|| a.input.cmp(b.input))
    });
    Ok(Tornado { span, base, bars })
}

/// "17.9M tokens/day" or "never".
pub fn describe(volume: Option<f64>) -> String {
    volume.map_or_else(
        || "never".to_string(),
        |v| format!("{}/day", format_tokens(v)),
    )
}

#[cfg(test)]
mod tests;

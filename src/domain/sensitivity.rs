//! What moves the answer: each assumption of the break-even comparison moved down and up over
//! a span, and the break-even volume that results, sorted by how far it moves.
//!
//! Every perturbed case goes through the same functions as the base case
//! ([`DeploymentChoice::resolve`], [`blended_price`], [`crossover`]), so a bar can never
//! disagree with the break-even pane.

use super::breakeven::{VOLUME_MAX, crossover};
use super::catalog::{Catalog, Price};
use super::cost::{InputError, Mode, Precision, Workload, blended_price};
use super::inputs::InputId as Id;
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

type Apply = fn(&mut Case, f64, &Catalog) -> Option<String>;

/// Which part of a case an input belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The API price.
    Api,
    /// The workload (input share).
    Workload,
    /// The self-hosted deployment (its settings, precision and GPU).
    Deployment,
}

/// A continuous input: scaled by the factor, clamped to the inputs table's range for it.
/// `input` is the table's name for the input (a test checks), or `api ...` for the API prices,
/// which are not user inputs.
struct Lever {
    input: &'static str,
    part: Part,
    /// Whether the input plays a part in this case.
    applies: fn(&Case) -> bool,
    apply: Apply,
}

fn money(v: f64) -> String {
    super::format::money(v, super::format::Money::Compact)
}

fn fraction(v: f64) -> String {
    super::format::percent(v, super::format::Percent::Fixed(0))
}

fn rent(c: &Case) -> bool {
    c.choice.settings.mode == Mode::Rent
}

fn buy(c: &Case) -> bool {
    c.choice.settings.mode == Mode::Buy
}

fn always(_: &Case) -> bool {
    true
}

/// Resolve the deployment to read GPU-dependent defaults that the settings leave open.
fn resolved<T>(c: &Case, catalog: &Catalog, read: fn(&super::cost::Deployment) -> T) -> Option<T> {
    c.choice.resolve(catalog).ok().map(|d| read(&d))
}

const LEVERS: &[Lever] = &[
    Lever {
        input: "api input price",
        part: Part::Api,
        applies: always,
        apply: |c, f, _| {
            c.price.input *= f;
            if let Some(long) = &mut c.price.long_context {
                long.input *= f;
            }
            Some(money(c.price.input))
        },
    },
    Lever {
        input: "api output price",
        part: Part::Api,
        applies: always,
        apply: |c, f, _| {
            c.price.output *= f;
            if let Some(long) = &mut c.price.long_context {
                long.output *= f;
            }
            Some(money(c.price.output))
        },
    },
    Lever {
        input: "input-share",
        part: Part::Workload,
        applies: always,
        apply: |c, f, _| {
            c.workload.input_share = Id::InputShare.row().clamp(c.workload.input_share * f);
            Some(fraction(c.workload.input_share))
        },
    },
    Lever {
        input: "prompt-tokens",
        part: Part::Workload,
        applies: always,
        apply: |c, f, _| {
            c.workload.prompt_tokens = Id::PromptTokens.row().clamp(c.workload.prompt_tokens * f);
            Some(format!("{:.0} tokens", c.workload.prompt_tokens))
        },
    },
    Lever {
        input: "output-tokens",
        part: Part::Workload,
        applies: always,
        apply: |c, f, _| {
            c.workload.output_tokens = Id::OutputTokens.row().clamp(c.workload.output_tokens * f);
            Some(format!("{:.0} tokens", c.workload.output_tokens))
        },
    },
    Lever {
        input: "gpu-hour-price",
        part: Part::Deployment,
        applies: rent,
        apply: |c, f, catalog| {
            let base = resolved(c, catalog, |d| d.gpu_hour_price)?;
            c.choice.settings.gpu_hour_price = Some(base * f);
            Some(money(base * f))
        },
    },
    Lever {
        input: "gpu-price",
        part: Part::Deployment,
        applies: buy,
        apply: |c, f, catalog| {
            let base = resolved(c, catalog, |d| d.gpu_price)?;
            c.choice.settings.gpu_price = Some(base * f);
            Some(money(base * f))
        },
    },
    Lever {
        input: "years",
        part: Part::Deployment,
        applies: buy,
        apply: |c, f, _| {
            c.choice.settings.years = Id::Years.row().clamp(c.choice.settings.years * f);
            Some(format!("{:.2} y", c.choice.settings.years))
        },
    },
    Lever {
        input: "utilization",
        part: Part::Deployment,
        applies: always,
        apply: |c, f, _| {
            c.choice.settings.utilization = Id::Utilization
                .row()
                .clamp(c.choice.settings.utilization * f);
            Some(fraction(c.choice.settings.utilization))
        },
    },
    Lever {
        input: "efficiency",
        part: Part::Deployment,
        applies: |c| c.choice.settings.throughput.is_none(),
        apply: |c, f, _| {
            c.choice.settings.efficiency =
                Id::Efficiency.row().clamp(c.choice.settings.efficiency * f);
            Some(fraction(c.choice.settings.efficiency))
        },
    },
    Lever {
        input: "throughput",
        part: Part::Deployment,
        applies: |c| c.choice.settings.throughput.is_some(),
        apply: |c, f, _| {
            let t = c.choice.settings.throughput? * f;
            c.choice.settings.throughput = Some(t);
            Some(format!("{t:.0} tok/s"))
        },
    },
    Lever {
        input: "kv-overhead",
        part: Part::Deployment,
        applies: always,
        apply: |c, f, _| {
            c.choice.settings.kv_overhead = Id::KvOverhead
                .row()
                .clamp(c.choice.settings.kv_overhead * f);
            Some(fraction(c.choice.settings.kv_overhead))
        },
    },
    Lever {
        input: "fte",
        part: Part::Deployment,
        applies: always,
        apply: |c, f, _| {
            c.choice.settings.fte *= f;
            Some(format!("{:.2}", c.choice.settings.fte))
        },
    },
    Lever {
        input: "salary",
        part: Part::Deployment,
        applies: |c| c.choice.settings.fte > 0.0,
        apply: |c, f, _| {
            c.choice.settings.salary *= f;
            Some(money(c.choice.settings.salary))
        },
    },
    Lever {
        input: "power-price",
        part: Part::Deployment,
        applies: buy,
        apply: |c, f, _| {
            c.choice.settings.power_price *= f;
            Some(format!("${:.3}/kWh", c.choice.settings.power_price))
        },
    },
    Lever {
        input: "pue",
        part: Part::Deployment,
        applies: buy,
        apply: |c, f, _| {
            c.choice.settings.pue = Id::Pue.row().clamp(c.choice.settings.pue * f);
            Some(format!("{:.2}", c.choice.settings.pue))
        },
    },
    Lever {
        input: "colo",
        part: Part::Deployment,
        applies: buy,
        apply: |c, f, _| {
            c.choice.settings.colo *= f;
            Some(money(c.choice.settings.colo))
        },
    },
    Lever {
        input: "overhead",
        part: Part::Deployment,
        applies: |c| c.choice.settings.overhead > 0.0,
        apply: |c, f, _| {
            c.choice.settings.overhead = Id::Overhead.row().clamp(c.choice.settings.overhead * f);
            Some(fraction(c.choice.settings.overhead))
        },
    },
];

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
/// up by `span` (choices: to their neighbours, when the span is not zero).
pub fn moves(catalog: &Catalog, case: &Case, span: f64, parts: &[Part]) -> Vec<Move> {
    let mut out = Vec::new();
    for lever in LEVERS
        .iter()
        .filter(|l| parts.contains(&l.part) && (l.applies)(case))
    {
        let moved = |factor: f64| {
            let mut c = case.clone();
            let value = (lever.apply)(&mut c, factor, catalog);
            value.map(|v| (c, v))
        };
        let (Some(low), Some(high)) = (moved(1.0 - span), moved(1.0 + span)) else {
            continue;
        };
        out.push(Move {
            input: lever.input,
            part: lever.part,
            base_value: moved(1.0).map(|(_, v)| v).unwrap_or_default(),
            low: Some(low),
            high: Some(high),
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

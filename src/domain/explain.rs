//! The arithmetic of cost-model.md written out with a scenario's numbers, step by step, so a
//! reader can check every figure by hand. Used by the break-even pane's explain overlay and
//! by exported reports; plain text, no terminal.

use super::breakeven::{Crossover, NeverReason, VOLUME_MIN, crossover};
use super::catalog::Price;
use super::cost::{
    DAYS_PER_MONTH, Deployment, Mode, SECONDS_PER_DAY, Workload, blended_price,
    gpus_per_replica_f64, marginal_usd_per_million, marginal_usd_per_replica_month,
    monthly_cost_with_replicas, replica_capacity_tokens_per_day, self_host_cost,
};
use super::format::{Money, Percent, money, percent};
use super::units::{format_count, format_tokens};

mod sizing;

/// One line of arithmetic: what is computed, the formula, the formula with numbers, the result.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub name: String,
    pub formula: String,
    pub numbers: String,
    pub result: String,
}

/// A titled list of steps and a closing sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub title: String,
    pub steps: Vec<Step>,
    pub conclusion: String,
}

impl Explanation {
    /// The whole explanation as plain text lines (for reports and tests).
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![self.title.clone(), String::new()];
        for s in &self.steps {
            out.push(format!("{}: {}", s.name, s.formula));
            if !s.numbers.is_empty() {
                out.push(format!("    = {}", s.numbers));
            }
            out.push(format!("    = {}", s.result));
        }
        out.push(String::new());
        out.push(self.conclusion.clone());
        out
    }
}

fn step(name: &str, formula: &str, numbers: String, result: String) -> Step {
    Step {
        name: name.into(),
        formula: formula.into(),
        numbers,
        result,
    }
}

/// A number with up to `d` decimals, no trailing zeros, thousands grouped.
fn num(v: f64, d: usize) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    let text = format!("{:.*}", d, v.abs());
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let sign = if v < 0.0 { "-" } else { "" };
    let whole = format_count(whole.parse::<f64>().unwrap_or(0.0));
    if frac.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

fn usd(v: f64) -> String {
    money(v, Money::Full)
}

/// $/M with the precision a price needs: $17.50, $0.075.
fn per_million(v: f64) -> String {
    if v != 0.0 && v.abs() < 0.1 {
        format!("${v:.4}")
    } else {
        format!("${v:.2}")
    }
}

fn tokens(v: f64) -> String {
    format!("{} ({})", format_tokens(v), format_count(v))
}

/// Section 2: the blended price and the monthly API bill.
pub fn api(name: &str, price: &Price, w: &Workload) -> Explanation {
    let b = blended_price(price, w);
    let s = w.input_share;
    let long = price
        .long_context
        .as_ref()
        .filter(|l| w.prompt_tokens > l.above_tokens as f64);
    let (p_in, p_out) = long.map_or((price.input, price.output), |l| (l.input, l.output));
    let monthly = DAYS_PER_MONTH * w.tokens_per_day / 1e6 * b;
    let conclusion = match long {
        Some(l) => format!(
            "Prompts average {} tokens, above {}, so the long-context prices apply.",
            num(w.prompt_tokens, 0),
            num(l.above_tokens as f64, 0)
        ),
        None => format!("{name} costs {} a month at this volume.", usd(monthly)),
    };
    Explanation {
        title: format!("{name} through its API"),
        steps: vec![
            step(
                "blended price",
                "b = s × p_in + (1 − s) × p_out",
                format!(
                    "{} × {} + {} × {}",
                    num(s, 4),
                    per_million(p_in),
                    num(1.0 - s, 4),
                    per_million(p_out)
                ),
                format!("{} per million tokens", per_million(b)),
            ),
            step(
                "monthly cost",
                "A(V) = 30 × V / 1e6 × b",
                format!(
                    "30 × {} / 1,000,000 × {}",
                    num(w.tokens_per_day, 0),
                    per_million(b)
                ),
                format!("{} a month", usd(monthly)),
            ),
        ],
        conclusion,
    }
}

/// Section 3: sizing, the monthly bill and the unit cost of a deployment at volume `v`.
pub fn self_hosted(name: &str, d: &Deployment, v: f64) -> Explanation {
    let c = self_host_cost(d, v);
    let z = &c.sizing;
    let plan = d.plan();
    let mut steps = match &plan.replica {
        Some(r) => sizing::architecture_steps(d, &plan, r),
        None => sizing::parameter_steps(d, &c),
    };
    steps.extend([
        step(
            "demand",
            "r = V / 86,400",
            format!("{} / 86,400", num(v, 0)),
            format!("{} tokens/s", num(z.demand_tokens_per_s, 2)),
        ),
        step(
            "replicas",
            "R = max(R_min, ceil(r / (u × tau)))",
            format!(
                "max({}, ceil({} / ({} × {})))",
                d.min_replicas,
                num(z.demand_tokens_per_s, 2),
                num(d.utilization, 3),
                num(z.replica_tokens_per_s, 1)
            ),
            num(f64::from(z.replicas), 0),
        ),
        step(
            "GPUs",
            "N = R × n_r",
            format!("{} × {}", z.replicas, z.gpus_per_replica),
            num(f64::from(z.gpus), 0),
        ),
    ]);
    match d.mode {
        Mode::Rent => steps.push(step(
            "infrastructure (rent)",
            "infra = N × rate × 720",
            format!("{} × {} × 720", z.gpus, usd(d.gpu_hour_price)),
            format!("{} a month", usd(c.infra_usd_per_month)),
        )),
        Mode::Buy => {
            steps.push(step(
                "servers",
                "S = ceil(N / 8)",
                format!("ceil({} / 8)", z.gpus),
                num(f64::from(z.servers), 0),
            ));
            steps.push(step(
                "infrastructure (buy)",
                "infra = N × price / (12 × years) + N × watts / 1000 × 720 × PUE × elec + S × colo",
                format!(
                    "{n} × {} / (12 × {}) + {n} × {} / 1000 × 720 × {} × {} + {} × {}",
                    usd(d.gpu_price),
                    num(d.years, 2),
                    num(d.power_watts, 0),
                    num(d.pue, 2),
                    usd(d.power_price),
                    z.servers,
                    usd(d.colo),
                    n = z.gpus,
                ),
                format!("{} a month", usd(c.infra_usd_per_month)),
            ));
        }
    }
    steps.extend([
        step(
            "staff",
            "labor = FTE × salary / 12",
            format!("{} × {} / 12", num(d.fte, 3), usd(d.salary)),
            format!("{} a month", usd(c.labor_usd_per_month)),
        ),
        step(
            "monthly cost",
            "C(V) = (infra + labor) × (1 + o)",
            format!(
                "({} + {}) × (1 + {})",
                usd(c.infra_usd_per_month),
                usd(c.labor_usd_per_month),
                num(d.overhead, 3)
            ),
            format!("{} a month", usd(c.usd_per_month)),
        ),
        step(
            "unit cost",
            "C(V) / (30 × V / 1e6)",
            format!(
                "{} / (30 × {} / 1,000,000)",
                usd(c.usd_per_month),
                num(v, 0)
            ),
            format!(
                "{} per million tokens",
                per_million(c.usd_per_million_tokens)
            ),
        ),
        step(
            "capacity",
            "R × u × tau × 86,400",
            format!(
                "{} × {} × {} × 86,400",
                z.replicas,
                num(d.utilization, 3),
                num(z.replica_tokens_per_s, 1)
            ),
            format!("{} tokens/day", tokens(z.capacity_tokens_per_day)),
        ),
    ]);
    let marginal = marginal_usd_per_million(d);
    Explanation {
        title: format!("{name}, self-hosted at {} tokens/day", format_tokens(v)),
        steps,
        conclusion: format!(
            "The GPUs are busy {} of the time at this volume (target {}); one more replica \
             adds {} per million tokens it can serve. Throughput is {}, {}.",
            pct(v / z.capacity_tokens_per_day.max(f64::MIN_POSITIVE) * d.utilization),
            pct(d.utilization),
            per_million(marginal),
            z.throughput_source,
            plan.method.label(),
        ),
    }
}

fn pct(share: f64) -> String {
    percent(share, Percent::Trimmed(1))
}

/// Section 4: where the staircase meets the API line, with the numbers of the crossing segment.
pub fn break_even(
    name: &str,
    price: &Price,
    w: &Workload,
    d: &Deployment,
    x: &Crossover,
) -> Explanation {
    let b = blended_price(price, w);
    let a = DAYS_PER_MONTH * b / 1e6;
    // With several replica sizes the crossing is the earliest size's: explain each point with
    // the size that gives it, so K_R / a is the volume shown.
    let sizes = d.size_options();
    let size_at = |v: f64, pick: fn(&Crossover) -> Option<f64>| {
        sizes
            .iter()
            .find(|o| pick(&crossover(b, o)) == Some(v))
            .unwrap_or(d)
    };
    let mut steps = vec![step(
        "API cost per token/day",
        "a = 30 × b / 1e6",
        format!("30 × {} / 1,000,000", per_million(b)),
        format!("${} a month per token/day", num(a, 8)),
    )];
    let capacity = |o: &Deployment| {
        let c = replica_capacity_tokens_per_day(o);
        step(
            "replica capacity",
            "c = u × tau × 86,400",
            format!(
                "{} × {} × 86,400 ({} GPUs a replica)",
                num(o.utilization, 3),
                num(c / o.utilization / SECONDS_PER_DAY, 1),
                num(gpus_per_replica_f64(o), 0)
            ),
            format!("{} tokens/day", tokens(c)),
        )
    };
    let segment = |o: &Deployment, v: f64, label: &str| {
        let c = replica_capacity_tokens_per_day(o);
        let r = (v / c).ceil().max(f64::from(o.min_replicas));
        let k = monthly_cost_with_replicas(o, r as u32);
        let start = if r <= f64::from(o.min_replicas) {
            VOLUME_MIN
        } else {
            (r - 1.0) * c
        };
        step(
            label,
            "V* = max(segment start, K_R / a), with K_R the bill at R replicas",
            format!(
                "R = {}, K_R = {}; max({}, {} / {})",
                num(r, 0),
                usd(k),
                num(start, 0),
                num(k, 2),
                num(a, 8)
            ),
            format!("{} tokens/day", tokens(v)),
        )
    };
    let be = x.break_even_tokens_per_day;
    let stays = x
        .stays_cheaper_from_tokens_per_day
        .filter(|s| Some(*s) != be);
    let be_size = be.map(|v| size_at(v, |c| c.break_even_tokens_per_day));
    let stays_size = stays.map(|v| size_at(v, |c| c.stays_cheaper_from_tokens_per_day));
    if be.is_none() && stays.is_none() {
        steps.push(capacity(d));
    }
    if let (Some(v), Some(o)) = (be, be_size) {
        steps.push(capacity(o));
        steps.push(segment(o, v, "break-even"));
    }
    if let (Some(v), Some(o)) = (stays, stays_size) {
        if be_size.is_none_or(|p| !std::ptr::eq(p, o)) {
            steps.push(capacity(o));
        }
        steps.push(segment(o, v, "stays cheaper from"));
    }
    if let Some(NeverReason::MarginalAboveApi {
        marginal_usd_per_million: m,
        ..
    }) = &x.never_reason
    {
        // The cheapest replica size gives the marginal price; name its own figures, not the
        // size sized for the current volume.
        let sizes = d.size_options();
        let cheapest = sizes
            .iter()
            .min_by(|p, q| marginal_usd_per_million(p).total_cmp(&marginal_usd_per_million(q)));
        let numbers = cheapest.map_or_else(String::new, |o| {
            format!(
                "{} GPUs a replica: {} a month over {} tokens a month",
                num(gpus_per_replica_f64(o), 0),
                usd(marginal_usd_per_replica_month(o)),
                num(DAYS_PER_MONTH * replica_capacity_tokens_per_day(o), 0)
            )
        });
        steps.push(step(
            "marginal self-hosted cost",
            "one replica's infra share × (1 + o) / (30 × c / 1e6)",
            numbers,
            format!("{} per million tokens", per_million(*m)),
        ));
    }
    let conclusion = match (x.break_even_tokens_per_day, &x.never_reason) {
        (Some(v), _) => format!(
            "Self-hosting costs no more than {name} from {} tokens/day{}.",
            format_tokens(v),
            match x.stays_cheaper_from_tokens_per_day {
                Some(s) if s != v => format!(", and stays cheaper from {}", format_tokens(s)),
                Some(_) => String::new(),
                None => ", but the API is cheaper again at the top of the range".into(),
            }
        ),
        (None, Some(reason)) => format!("{reason}."),
        (None, None) => "No crossing in range.".into(),
    };
    Explanation {
        title: format!("Break-even against {name}"),
        steps,
        conclusion,
    }
}

#[cfg(test)]
mod tests;

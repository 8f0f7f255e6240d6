//! How ←/→ move a number: the step grids, the slider's range and bar, and typed values.

use crate::domain::units::parse_quantity;

/// How ←/→ move a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Grid {
    /// 1, 2, 5, 10, 20, 50, ...: volumes, where only the order of magnitude matters at first.
    OneTwoFive,
    /// Two significant digits: 2.4, 2.5, ... 9.9, 10, 11, ...: prices.
    TwoDigits,
    /// Multiples of a fixed step: shares, years, counts.
    Linear(f64),
}

/// A numeric slider: its step grid and the range its bar shows (and steps stay in).
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

/// A slider with the usual flags off; rows switch `optional` and `percent` on where needed.
pub const fn spec(grid: Grid, lo: f64, hi: f64, log: bool, unit: &'static str) -> Spec {
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

/// Where `v` sits along the slider's bar, 0 to 1.
pub fn bar_position(spec: &Spec, v: f64) -> f64 {
    let p = if spec.log {
        let lo = spec.lo.max(1e-9).log10();
        (v.max(1e-9).log10() - lo) / (spec.hi.log10() - lo)
    } else {
        (v - spec.lo) / (spec.hi - spec.lo)
    };
    p.clamp(0.0, 1.0)
}

/// What the user typed for a numeric input: quantities with K/M/B suffixes for volumes, money
/// and counts, a plain number (0.5) or a percentage (50%) for fractions; `Ok(None)` for `none`
/// where the input is optional.
pub fn parse_typed(spec: &Spec, text: &str) -> Result<Option<f64>, String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volume_steps_on_one_two_five() {
        let s = spec(Grid::OneTwoFive, 1e3, 1e11, true, "");
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
        let s = spec(Grid::TwoDigits, 0.1, 50.0, true, "");
        assert_eq!(step_value(&s, 2.49, 1), 2.5);
        assert_eq!(step_value(&s, 2.5, 1), 2.6);
        assert_eq!(step_value(&s, 9.9, 1), 10.0);
        assert_eq!(step_value(&s, 10.0, -1), 9.9);
        let share = spec(Grid::Linear(0.05), 0.0, 1.0, false, "");
        assert_eq!(step_value(&share, 0.5, 1), 0.55);
        assert_eq!(step_value(&share, 0.15, 1), 0.2);
        assert_eq!(step_value(&share, 0.0, -1), 0.0);
        assert_eq!(step_value(&share, 0.95, 10), 1.0);
    }
}

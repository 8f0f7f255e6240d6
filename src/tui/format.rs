//! Text for figures: prices, context sizes, parameters, unknowns and conflict markers.
//! Computed once per model at load, so drawing only copies strings.

use crate::domain::catalog::{Catalog, Figure, Model, Openness};
use unicode_width::UnicodeWidthStr;

/// Shown for every unknown figure.
pub const UNKNOWN: &str = "—";
/// Appended to a figure whose sources disagree; the detail view lists every value.
pub const CONFLICT: &str = "*";

/// Three significant digits below $1 ($0.145), cents from $1 up; the CLI prints the same digits.
pub fn price(v: f64) -> String {
    crate::domain::units::format_price(v)
}

pub fn tokens(n: u64) -> String {
    // Binary sizes (32768, 131072, 1048576) read as 32K, 128K, 1M, like the vendors write them.
    let binary = |unit: u64| n.is_multiple_of(unit) && (n / unit).is_power_of_two();
    let (unit, div) = if n >= 1_000_000 {
        (
            "M",
            if binary(1 << 20) {
                (1u64 << 20) as f64
            } else {
                1e6
            },
        )
    } else if n >= 1000 {
        ("K", if binary(1024) { 1024.0 } else { 1e3 })
    } else {
        return n.to_string();
    };
    let v = n as f64 / div;
    if (v - v.round()).abs() < 0.05 {
        format!("{:.0}{unit}", v.round())
    } else {
        format!("{v:.1}{unit}")
    }
}

pub fn billions(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}B")
    } else {
        format!("{v:.1}B")
    }
}

pub fn score(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The figure's text with the conflict marker, or the unknown sign.
fn fig<T>(f: Option<&Figure<T>>, text: impl Fn(&T) -> String) -> String {
    match f {
        Some(f) if f.is_conflicting() => format!("{}{CONFLICT}", text(&f.value)),
        Some(f) => text(&f.value),
        None => UNKNOWN.to_string(),
    }
}

/// One catalogue row as text, every column.
#[derive(Debug, Clone, PartialEq)]
pub struct RowText {
    pub name: String,
    pub tier: Openness,
    pub tier_conflict: bool,
    pub vendor: String,
    pub origin: String,
    pub context: String,
    pub input: String,
    pub output: String,
    pub params: String,
    pub license: String,
    pub release: String,
    /// Aligned with the catalogue's score columns.
    pub scores: Vec<String>,
}

impl RowText {
    pub fn new(model: &Model, score_names: &[String]) -> RowText {
        let price = model.price.as_ref();
        let price_part = |pick: fn(&crate::domain::catalog::Price) -> f64| match price {
            Some(p) if p.is_conflicting() => format!("{}{CONFLICT}", self::price(pick(&p.value))),
            Some(p) => self::price(pick(&p.value)),
            None => UNKNOWN.to_string(),
        };
        let params = match (&model.total_params_b, &model.active_params_b) {
            (Some(t), Some(a)) => {
                let mark = if t.is_conflicting() || a.is_conflicting() {
                    CONFLICT
                } else {
                    ""
                };
                format!("{}/{}{mark}", billions(t.value), billions(a.value))
            }
            (t, _) => fig(t.as_ref(), |v| billions(*v)),
        };
        RowText {
            name: model.name.clone(),
            tier: model.openness.value,
            tier_conflict: model.openness.is_conflicting(),
            vendor: model.vendor.clone(),
            origin: fig(model.origin.as_ref(), |s| s.clone()),
            context: fig(model.context_tokens.as_ref(), |n| tokens(*n)),
            input: price_part(|p| p.input),
            output: price_part(|p| p.output),
            params,
            license: fig(model.license.as_ref(), |s| s.clone()),
            release: fig(model.release.as_ref(), |s| s.clone()),
            scores: score_names
                .iter()
                .map(|b| fig(model.scores.get(b), |v| score(*v)))
                .collect(),
        }
    }
}

/// Every model's row text plus the widest value in each column (so widths do not jump while
/// the user filters).
#[derive(Debug, Clone, PartialEq)]
pub struct Rows {
    pub rows: Vec<RowText>,
    pub score_names: Vec<String>,
}

impl Rows {
    pub fn new(catalog: &Catalog) -> Rows {
        let score_names = crate::domain::query::common_scores(catalog, 1);
        Rows {
            rows: catalog
                .models
                .iter()
                .map(|m| RowText::new(m, &score_names))
                .collect(),
            score_names,
        }
    }

    pub fn widest(&self, cell: impl Fn(&RowText) -> &str) -> usize {
        self.rows.iter().map(|r| cell(r).width()).max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_counts_read_like_vendors_write_them() {
        assert_eq!(tokens(128_000), "128K");
        assert_eq!(tokens(131_072), "128K");
        assert_eq!(tokens(131_000), "131K");
        assert_eq!(tokens(32_768), "32K");
        assert_eq!(tokens(1_000_000), "1M");
        assert_eq!(tokens(1_048_576), "1M");
        assert_eq!(tokens(1_500_000), "1.5M");
        assert_eq!(tokens(512), "512");
    }

    #[test]
    fn prices_and_sizes() {
        assert_eq!(price(2.5), "$2.50");
        assert_eq!(price(0.075), "$0.075");
        assert_eq!(price(0.145), "$0.145");
        assert_eq!(price(0.55), "$0.55");
        assert_eq!(price(15.0), "$15.00");
        assert_eq!(billions(70.0), "70B");
        assert_eq!(billions(7.5), "7.5B");
        assert_eq!(score(88.0), "88");
        assert_eq!(score(88.66), "88.7");
    }
}

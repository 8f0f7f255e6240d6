//! Text for figures: prices, context sizes, parameters, unknowns and conflict markers.
//! The catalogue table formats only the rows it shows, with these.

use crate::domain::catalog::{Figure, Model, Price};

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

/// A download count, short: 512, 48K, 1.2M, 23M.
pub fn downloads(n: u64) -> String {
    let v = n as f64;
    if n < 1000 {
        n.to_string()
    } else if n < 999_500 {
        format!("{:.0}K", v / 1e3)
    } else if n < 9_950_000 {
        format!("{:.1}M", v / 1e6)
    } else {
        format!("{:.0}M", v / 1e6)
    }
}

/// The figure's text with the conflict marker, or the unknown sign.
pub fn fig<T>(f: Option<&Figure<T>>, text: impl Fn(&T) -> String) -> String {
    match f {
        Some(f) if f.is_conflicting() => format!("{}{CONFLICT}", text(&f.value)),
        Some(f) => text(&f.value),
        None => UNKNOWN.to_string(),
    }
}

/// A text figure borrowed as it is, with the conflict marker or the unknown sign.
pub fn fig_str(f: Option<&Figure<String>>) -> std::borrow::Cow<'_, str> {
    match f {
        Some(f) if f.is_conflicting() => format!("{}{CONFLICT}", f.value).into(),
        Some(f) => f.value.as_str().into(),
        None => UNKNOWN.into(),
    }
}

/// The model's input or output price text, with the conflict marker or the unknown sign.
pub fn price_part(model: &Model, pick: fn(&Price) -> f64) -> String {
    match &model.price {
        Some(p) if p.is_conflicting() => format!("{}{CONFLICT}", price(pick(&p.value))),
        Some(p) => price(pick(&p.value)),
        None => UNKNOWN.to_string(),
    }
}

/// Total parameters, with the active ones of a mixture of experts: `671B/37B`.
pub fn params(model: &Model) -> String {
    match (&model.total_params_b, &model.active_params_b) {
        (Some(t), Some(a)) => {
            let mark = if t.is_conflicting() || a.is_conflicting() {
                CONFLICT
            } else {
                ""
            };
            format!("{}/{}{mark}", billions(t.value), billions(a.value))
        }
        (t, _) => fig(t.as_ref(), |v| billions(*v)),
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
        assert_eq!(downloads(512), "512");
        assert_eq!(downloads(48_200), "48K");
        assert_eq!(downloads(999_499), "999K");
        assert_eq!(downloads(999_500), "1.0M");
        assert_eq!(downloads(1_234_567), "1.2M");
        assert_eq!(downloads(23_456_789), "23M");
    }
}

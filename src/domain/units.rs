//! Reading and writing quantities: `750K` tokens, `$5.9K` a month, `1,008` GPUs.
//!
//! Non-finite values format as `n/a` so a bad number is visible instead of a misleading zero.

/// What [`parse_quantity`] accepts, for error messages.
pub const QUANTITY_HELP: &str =
    "a number such as 750K, 5M, 2.5B, 1T, 5000000 or 5e6 (suffixes K, M, B, T)";

const SUFFIXES: [(char, f64); 4] = [('k', 1e3), ('m', 1e6), ('b', 1e9), ('t', 1e12)];

/// Parses `750K`, `5M`, `2.5B`, `1T`, `5000000`, `5e6`: digits, one `.`, an exponent and at most
/// one K/M/B/T suffix (any case), with optional spaces around. A leading `-` is accepted so the
/// caller's range check can name the negative value; NaN and infinities are refused.
pub fn parse_quantity(text: &str) -> Result<f64, String> {
    let refuse = || {
        format!(
            "{:?} is not a number; expected {QUANTITY_HELP}",
            text.trim()
        )
    };
    let trimmed = text.trim();
    let (number, scale) = match trimmed.chars().last() {
        Some(last) => match SUFFIXES.iter().find(|(s, _)| last.eq_ignore_ascii_case(s)) {
            Some(&(_, scale)) => (&trimmed[..trimmed.len() - 1], scale),
            None => (trimmed, 1.0),
        },
        None => return Err(refuse()),
    };
    // Only these characters: this keeps out `inf`, `NaN`, `_` and a second suffix.
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-');
    if number.is_empty()
        || !number.chars().all(allowed)
        || !number.contains(|c: char| c.is_ascii_digit())
    {
        return Err(refuse());
    }
    let value: f64 = number.parse().map_err(|_| refuse())?;
    let value = value * scale;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(format!(
            "{:?} is too large; expected {QUANTITY_HELP}",
            trimmed
        ))
    }
}

/// Rounds to `digits` significant digits.
fn round_significant(v: f64, digits: i32) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let magnitude = v.abs().log10().floor() as i32;
    let factor = 10f64.powi(digits - 1 - magnitude);
    (v * factor).round() / factor
}

/// `x` with at most `decimals` decimals and no trailing zeros: 2.50 -> "2.5", 5.0 -> "5".
fn trim_decimals(x: f64, decimals: usize) -> String {
    let text = format!("{x:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// Compact token count with at most 3 significant digits: 750K, 5M, 2.5B, 1.2T, 999.
pub fn format_tokens(v: f64) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    // Round first so 999,999 becomes 1M rather than 1000K.
    let a = round_significant(v.abs(), 3);
    let units = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")];
    for (scale, unit) in units {
        if a >= scale {
            let x = a / scale;
            let decimals = if x >= 100.0 {
                0
            } else if x >= 10.0 {
                1
            } else {
                2
            };
            return format!("{sign}{}{unit}", trim_decimals(x, decimals));
        }
    }
    let decimals = if a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else {
        2
    };
    format!("{sign}{}", trim_decimals(a, decimals))
}

/// Compact dollars for screens: $0.40, $12.50, $131, $5.9K, $59K, $1.2M.
pub fn format_usd(v: f64) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    let a = v.abs();
    // Below a dollar, three significant digits as prices have ($0.145, not $0.14); a sliver
    // under a tenth of a cent is rounding noise and reads as $0.00.
    if (0.001..1.0).contains(&a) && (a * 100.0).round() < 100.0 {
        return format_price(v);
    }
    let body = if (a * 100.0).round() < 10_000.0 {
        format!("{a:.2}")
    } else if a.round() < 1000.0 {
        format!("{a:.0}")
    } else {
        compact_thousands(a)
    };
    // No "-$0.00" for a tiny negative.
    if v < 0.0 && body.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("-${body}")
    } else {
        format!("${body}")
    }
}

/// 5931 -> 5.9K, 59312 -> 59K, 1.2e6 -> 1.2M; one decimal below 10 of a unit.
fn compact_thousands(a: f64) -> String {
    for (scale, unit) in [(1e3, "K"), (1e6, "M"), (1e9, "B")] {
        let x = a / scale;
        if (x * 10.0).round() < 100.0 {
            return format!("{}{unit}", trim_decimals(x, 1));
        }
        if x.round() < 1000.0 {
            return format!("{x:.0}{unit}");
        }
    }
    let x = a / 1e12;
    if (x * 10.0).round() < 100.0 {
        format!("{}T", trim_decimals(x, 1))
    } else {
        format!("{x:.0}T")
    }
}

/// Groups the digits of a non-negative whole number: "5931" -> "5,931".
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Full dollars with thousands separators and cents: $5,931.25.
pub fn format_usd_full(v: f64) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    let text = format!("{:.2}", v.abs());
    let (whole, cents) = text.split_once('.').unwrap_or((&text, "00"));
    let sign = if v < 0.0 && text != "0.00" { "-" } else { "" };
    format!("{sign}${}.{cents}", group_thousands(whole))
}

/// A price's digits (dollars per million tokens, no `$`): three significant digits below $1, so
/// the last digit of $0.145 or $0.075 is not lost, with at least the cents ($0.55, $0.50); cents
/// from $1 up ($2.50, $15.00, $125.00). The catalogue screen and the `models` table both use it.
pub fn price_digits(v: f64) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    let a = v.abs();
    let mut text = format!("{a:.2}");
    if a > 0.0 && a < 1.0 {
        // Decimals for three significant digits: 0.145 -> 3, 0.0375 -> 4.
        let magnitude = a.log10().floor() as i32;
        let decimals = usize::try_from(2 - magnitude).unwrap_or(2).clamp(2, 12);
        let precise = format!("{a:.decimals$}");
        // Rounding up to a whole dollar (0.9996) reads as $1.00, like any price from $1 up.
        if !precise.starts_with('1') {
            let trimmed = precise.trim_end_matches('0');
            let cents = trimmed.find('.').map_or(0, |dot| dot + 3);
            text = precise[..trimmed.len().max(cents)].to_string();
        }
    }
    let sign = if v < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    format!("{sign}{text}")
}

/// A price with its dollar sign: `$0.145`, `$2.50`; see [`price_digits`].
pub fn format_price(v: f64) -> String {
    let digits = price_digits(v);
    match digits.strip_prefix('-') {
        Some(d) => format!("-${d}"),
        None if digits == "n/a" => digits,
        None => format!("${digits}"),
    }
}

/// A whole number with thousands separators: 1,008.
pub fn format_count(v: f64) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    let text = format!("{:.0}", v.abs());
    let sign = if v < 0.0 && text != "0" { "-" } else { "" };
    format!("{sign}{}", group_thousands(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_with_suffixes_parse() {
        assert_eq!(parse_quantity("750K"), Ok(750_000.0));
        assert_eq!(parse_quantity("5M"), Ok(5_000_000.0));
        assert_eq!(parse_quantity("2.5B"), Ok(2_500_000_000.0));
        assert_eq!(parse_quantity("1T"), Ok(1e12));
        assert_eq!(parse_quantity("5m"), Ok(5e6));
        assert_eq!(parse_quantity(" 10k "), Ok(10_000.0));
        assert_eq!(parse_quantity("5000000"), Ok(5e6));
        assert_eq!(parse_quantity("5000000.0"), Ok(5e6));
        assert_eq!(parse_quantity("5e6"), Ok(5e6));
        assert_eq!(parse_quantity("0.5"), Ok(0.5));
        assert_eq!(parse_quantity("-5"), Ok(-5.0));
    }

    #[test]
    fn bad_quantities_are_refused_with_what_is_allowed() {
        for bad in [
            "",
            "  ",
            "K",
            "NaN",
            "nan",
            "inf",
            "-inf",
            "infinity",
            "5_000_000",
            "5MM",
            "5 M",
            "1e400",
            "1.2.3",
            "e5",
            "$5",
            "5KB",
            "0x10",
            "1,000",
        ] {
            let err = parse_quantity(bad).expect_err(bad);
            assert!(err.contains("750K"), "{bad}: {err}");
        }
    }

    #[test]
    fn tokens_are_compact_with_three_significant_digits() {
        assert_eq!(format_tokens(750_000.0), "750K");
        assert_eq!(format_tokens(5e6), "5M");
        assert_eq!(format_tokens(2.5e9), "2.5B");
        assert_eq!(format_tokens(10_000.0), "10K");
        assert_eq!(format_tokens(1.2e12), "1.2T");
        assert_eq!(format_tokens(1_234.0), "1.23K");
        assert_eq!(format_tokens(50_133_333.0), "50.1M");
        assert_eq!(format_tokens(228_882_857.0), "229M");
        assert_eq!(format_tokens(999_999.0), "1M");
        assert_eq!(format_tokens(999.0), "999");
        assert_eq!(format_tokens(0.0), "0");
        assert_eq!(format_tokens(-5e6), "-5M");
        assert_eq!(format_tokens(f64::NAN), "n/a");
    }

    #[test]
    fn dollars_are_compact_on_screens() {
        assert_eq!(format_usd(0.4), "$0.40");
        assert_eq!(format_usd(12.5), "$12.50");
        assert_eq!(format_usd(131.2), "$131");
        assert_eq!(format_usd(99.996), "$100");
        assert_eq!(format_usd(999.6), "$1K");
        assert_eq!(format_usd(5_931.25), "$5.9K");
        assert_eq!(format_usd(5_000.0), "$5K");
        assert_eq!(format_usd(59_312.0), "$59K");
        assert_eq!(format_usd(999_700.0), "$1M");
        assert_eq!(format_usd(1_200_000.0), "$1.2M");
        assert_eq!(format_usd(3e15), "$3000T");
        assert_eq!(format_usd(-5_931.25), "-$5.9K");
        assert_eq!(format_usd(-0.0004), "$0.00");
        assert_eq!(format_usd(0.145), "$0.145");
        assert_eq!(format_usd(-0.0375), "-$0.0375");
        assert_eq!(format_usd(0.996), "$1.00");
        assert_eq!(format_usd(f64::INFINITY), "n/a");
    }

    #[test]
    fn prices_keep_three_significant_digits_below_a_dollar() {
        assert_eq!(format_price(0.145), "$0.145");
        assert_eq!(format_price(0.075), "$0.075");
        assert_eq!(format_price(0.14), "$0.14");
        assert_eq!(format_price(0.55), "$0.55");
        assert_eq!(format_price(0.5), "$0.50");
        assert_eq!(format_price(0.1), "$0.10");
        assert_eq!(format_price(0.0375), "$0.0375");
        assert_eq!(format_price(0.99949), "$0.999");
        assert_eq!(format_price(0.9996), "$1.00");
        assert_eq!(format_price(0.0), "$0.00");
        assert_eq!(format_price(1.0), "$1.00");
        assert_eq!(format_price(2.19), "$2.19");
        assert_eq!(format_price(2.5), "$2.50");
        assert_eq!(format_price(15.0), "$15.00");
        assert_eq!(format_price(125.0), "$125.00");
        assert_eq!(format_price(-0.145), "-$0.145");
        assert_eq!(format_price(f64::NAN), "n/a");
        assert_eq!(price_digits(0.075), "0.075");
        assert_eq!(price_digits(10.0), "10.00");
    }

    #[test]
    fn full_dollars_and_counts_have_separators() {
        assert_eq!(format_usd_full(5_931.25), "$5,931.25");
        assert_eq!(format_usd_full(0.4), "$0.40");
        assert_eq!(format_usd_full(1_234_567.891), "$1,234,567.89");
        assert_eq!(format_usd_full(-9_400.0), "-$9,400.00");
        assert_eq!(format_usd_full(f64::NAN), "n/a");
        assert_eq!(format_count(1_008.0), "1,008");
        assert_eq!(format_count(999.0), "999");
        assert_eq!(format_count(1e9), "1,000,000,000");
        assert_eq!(format_count(-1_008.4), "-1,008");
        assert_eq!(format_count(0.0), "0");
    }
}

//! Percentages and dollars as text: the one formatter of each, with the styles the screens,
//! the command line and the documents print. A style exists because a view shows its numbers
//! that way (the snapshot tests pin each); a new view picks one rather than writing its own.

use super::units::{format_count, format_tokens, format_usd, format_usd_full};

/// How a share (0.3 = 30%) is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Percent {
    /// Exactly this many decimals: 30%, 12.5%, 12.0%.
    Fixed(usize),
    /// Rounded (half away from zero) to at most this many decimals, trailing zeros dropped:
    /// 30%, 12.5%, 0.125%. Never "-0%".
    Trimmed(usize),
    /// Whole when the percentage is whole, else one decimal: a slider's value (65%, 62.5%).
    WholeOrTenth,
    /// Whole, but one decimal for a sliver between 0 and 0.95% so it does not read as 0% or
    /// 1%: a use case's share (0.5%, 30%).
    TenthBelowOne,
}

/// `share` as a percentage in `style`.
pub fn percent(share: f64, style: Percent) -> String {
    let p = share * 100.0;
    match style {
        Percent::Fixed(decimals) => format!("{p:.decimals$}%"),
        Percent::Trimmed(decimals) => {
            let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(i32::MAX));
            let rounded = (p * scale).round() / scale;
            let text = format!("{rounded:.decimals$}");
            let text = if text.contains('.') {
                text.trim_end_matches('0').trim_end_matches('.')
            } else {
                &text
            };
            if text == "-0" {
                "0%".into()
            } else {
                format!("{text}%")
            }
        }
        Percent::WholeOrTenth => {
            if (p - p.round()).abs() < 1e-6 {
                format!("{p:.0}%")
            } else {
                format!("{p:.1}%")
            }
        }
        Percent::TenthBelowOne => {
            if p > 0.0 && p < 0.95 {
                format!("{p:.1}%")
            } else {
                format!("{p:.0}%")
            }
        }
    }
}

/// How an amount of dollars is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Money {
    /// Compact for screens: $0.40, $131, $5.9K, $1.2M (`units::format_usd`).
    Compact,
    /// Every cent with thousands separators: $5,931.25 (`units::format_usd_full`).
    Full,
    /// Compact but exact enough to type back into a slider: $2.49, $350, $17,500, $192K.
    Readable,
    /// Three significant digits ($15.2K, $152K, $1.52M), so the two ends of a tornado bar
    /// that differ by a little still read differently.
    ThreeDigits,
}

/// `usd` dollars in `style`.
pub fn money(usd: f64, style: Money) -> String {
    match style {
        Money::Compact => format_usd(usd),
        Money::Full => format_usd_full(usd),
        Money::Readable => readable(usd),
        Money::ThreeDigits => three_digits(usd),
    }
}

fn readable(v: f64) -> String {
    if v < 100.0 {
        let text = format!("{v:.2}");
        format!("${}", text.strip_suffix(".00").unwrap_or(&text))
    } else if v < 1e5 {
        format!("${}", format_count(v))
    } else {
        format!("${}", format_tokens(v))
    }
}

fn three_digits(v: f64) -> String {
    let a = v.abs();
    let sign = if v < 0.0 { "-" } else { "" };
    for (scale, unit) in [(1e9, "B"), (1e6, "M"), (1e3, "K")] {
        if a >= scale * 0.9995 {
            let x = a / scale;
            let digits = if x >= 99.95 {
                0
            } else if x >= 9.995 {
                1
            } else {
                2
            };
            return format!("{sign}${x:.digits$}{unit}");
        }
    }
    format!("{sign}${a:.0}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_percent_keeps_its_decimals() {
        assert_eq!(percent(0.3, Percent::Fixed(0)), "30%");
        assert_eq!(percent(0.125, Percent::Fixed(1)), "12.5%");
        assert_eq!(percent(0.12, Percent::Fixed(1)), "12.0%");
        assert_eq!(percent(0.005, Percent::Fixed(0)), "0%");
    }

    #[test]
    fn trimmed_percent_drops_zeros_and_never_says_minus_zero() {
        assert_eq!(percent(0.3, Percent::Trimmed(1)), "30%");
        assert_eq!(percent(0.1234, Percent::Trimmed(1)), "12.3%");
        assert_eq!(percent(0.12345, Percent::Trimmed(6)), "12.345%");
        assert_eq!(percent(-1e-9, Percent::Trimmed(1)), "0%");
        assert_eq!(percent(-0.25, Percent::Trimmed(1)), "-25%");
        assert_eq!(percent(0.65, Percent::Trimmed(1)), "65%");
    }

    #[test]
    fn slider_percent_is_whole_when_it_can_be() {
        assert_eq!(percent(0.65, Percent::WholeOrTenth), "65%");
        assert_eq!(percent(0.625, Percent::WholeOrTenth), "62.5%");
        assert_eq!(percent(1.0, Percent::WholeOrTenth), "100%");
    }

    #[test]
    fn a_sliver_of_a_share_keeps_a_decimal() {
        assert_eq!(percent(0.005, Percent::TenthBelowOne), "0.5%");
        assert_eq!(percent(0.0, Percent::TenthBelowOne), "0%");
        assert_eq!(percent(0.3, Percent::TenthBelowOne), "30%");
        assert_eq!(percent(0.0096, Percent::TenthBelowOne), "1%");
    }

    #[test]
    fn readable_money_can_be_typed_back() {
        assert_eq!(money(2.49, Money::Readable), "$2.49");
        assert_eq!(money(2.0, Money::Readable), "$2");
        assert_eq!(money(350.0, Money::Readable), "$350");
        assert_eq!(money(17_500.0, Money::Readable), "$17,500");
        assert_eq!(money(192_000.0, Money::Readable), "$192K");
    }

    #[test]
    fn three_digit_money_tells_close_ends_apart() {
        assert_eq!(money(15_240.0, Money::ThreeDigits), "$15.2K");
        assert_eq!(money(152_400.0, Money::ThreeDigits), "$152K");
        assert_eq!(money(1_524_000.0, Money::ThreeDigits), "$1.52M");
        assert_eq!(money(-2_500.0, Money::ThreeDigits), "-$2.50K");
        assert_eq!(money(999.4, Money::ThreeDigits), "$999");
        assert_eq!(money(999.6, Money::ThreeDigits), "$1.00K");
    }

    #[test]
    fn compact_and_full_money_are_the_units_formatters() {
        assert_eq!(money(5931.25, Money::Compact), format_usd(5931.25));
        assert_eq!(money(5931.25, Money::Full), "$5,931.25");
        assert_eq!(money(-0.001, Money::Full), "$0.00");
    }
}

//! How a value reads: on its slider, in the tornado's bars, anywhere one input is shown.

use crate::domain::format::{Money, Percent, money, percent};
use crate::domain::units::format_tokens;

/// How a row's value reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// `5M/day`
    TokensPerDay,
    /// `50% in`
    InputShare,
    /// `$2.49/h`
    PerHour,
    /// `$17,500`
    Dollars,
    /// `$192K/yr`
    PerYear,
    /// `3 yr`
    Years,
    /// `$0.13/kWh`
    PerKwh,
    /// `1.4`
    Plain,
    /// `25%`
    Percent,
    /// `2`
    Whole,
    /// `1.2K tok/s`
    TokensPerSecond,
    /// `0.25 FTE`
    Fte,
    /// A choice's name.
    Choice,
}

impl Show {
    /// `v` as this row reads it.
    pub fn format(self, v: f64) -> String {
        match self {
            Show::TokensPerDay => format!("{}/day", format_tokens(v)),
            Show::InputShare => format!("{} in", share(v)),
            Show::PerHour => format!("{}/h", dollars(v)),
            Show::Dollars => dollars(v),
            Show::PerYear => format!("{}/yr", dollars(v)),
            Show::Years => format!("{} yr", plain(v)),
            // Tariffs differ in the third decimal ($0.084 against $0.13): keep it.
            Show::PerKwh => format!("${}/kWh", decimals(v, 3)),
            Show::Percent => share(v),
            Show::Whole => format!("{v:.0}"),
            Show::TokensPerSecond => format!("{} tok/s", format_tokens(v)),
            Show::Fte => format!("{} FTE", plain(v)),
            Show::Plain | Show::Choice => plain(v),
        }
    }
}

/// Compact but exact enough to read back: $2.49, $350, $17,500, $192K.
fn dollars(v: f64) -> String {
    money(v, Money::Readable)
}

fn share(v: f64) -> String {
    percent(v, Percent::WholeOrTenth)
}

/// Up to two decimals, without trailing zeros: 1.4, 0.25, 3.
pub fn plain(v: f64) -> String {
    decimals(v, 2)
}

/// Up to `places` decimals, without trailing zeros.
fn decimals(v: f64, places: usize) -> String {
    let text = format!("{v:.places$}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

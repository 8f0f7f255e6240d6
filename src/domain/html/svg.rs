//! Small pieces the page's SVG charts share: scales, tick positions, numbers marked with the
//! JSON field they come from.

use super::escape::escape;

/// A value as the JSON report prints it: the shortest text that reads back exactly, `null`
/// for a missing or non-finite one (serde_json writes NaN and infinities as null).
pub fn repr(v: Option<f64>) -> String {
    match v {
        Some(v) if v.is_finite() => format!("{v}"),
        _ => "null".into(),
    }
}

/// An HTML number: the text shown, with the exact value and the JSON pointer it comes from.
pub fn data(key: &str, value: Option<f64>, text: &str) -> String {
    format!(
        "<data value=\"{}\" data-key=\"{}\">{}</data>",
        repr(value),
        escape(key),
        escape(text)
    )
}

/// An HTML text field of the JSON report, shown as it is.
pub fn data_text(key: &str, text: &str) -> String {
    format!(
        "<data value=\"{0}\" data-key=\"{1}\">{0}</data>",
        escape(text),
        escape(key)
    )
}

/// The SVG counterpart of [`data`]: a `tspan` inside a `text`.
pub fn tspan(key: &str, value: Option<f64>, text: &str) -> String {
    format!(
        "<tspan data-key=\"{}\" data-value=\"{}\">{}</tspan>",
        escape(key),
        repr(value),
        escape(text)
    )
}

/// The SVG counterpart of [`data_text`].
pub fn tspan_text(key: &str, text: &str) -> String {
    format!(
        "<tspan data-key=\"{}\" data-value=\"{1}\">{1}</tspan>",
        escape(key),
        escape(text)
    )
}

/// A coordinate with one decimal: enough for a chart, short in the file.
pub fn c(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// A linear map from `[d0, d1]` onto `[r0, r1]`; on a log scale the domain is in log10.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
    pub log: bool,
}

impl Scale {
    pub fn log(lo: f64, hi: f64, r0: f64, r1: f64) -> Scale {
        Scale {
            d0: lo.log10(),
            d1: hi.log10().max(lo.log10() + 1e-9),
            r0,
            r1,
            log: true,
        }
    }

    pub fn linear(lo: f64, hi: f64, r0: f64, r1: f64) -> Scale {
        Scale {
            d0: lo,
            d1: hi.max(lo + 1e-9),
            r0,
            r1,
            log: false,
        }
    }

    /// Where `v` goes, clamped to the range's ends.
    pub fn at(&self, v: f64) -> f64 {
        let d = if self.log { v.max(1e-300).log10() } else { v };
        let t = ((d - self.d0) / (self.d1 - self.d0)).clamp(0.0, 1.0);
        self.r0 + t * (self.r1 - self.r0)
    }

    /// Whether `v` lies inside the domain.
    pub fn contains(&self, v: f64) -> bool {
        let d = if self.log { v.log10() } else { v };
        v.is_finite() && d >= self.d0 - 1e-9 && d <= self.d1 + 1e-9
    }
}

/// Powers of ten from `lo` to `hi` (whole decades), thinned to at most `max` ticks.
pub fn decade_ticks(lo_exp: i32, hi_exp: i32, max: usize) -> Vec<f64> {
    let count = (hi_exp - lo_exp + 1).max(1) as usize;
    let step = count.div_ceil(max.max(1)).max(1);
    (lo_exp..=hi_exp)
        .step_by(step)
        .map(|e| 10f64.powi(e))
        .collect()
}

/// Round numbers across `[0, hi]`: 1, 2 or 5 times a power of ten, about `wanted` of them.
pub fn linear_ticks(hi: f64, wanted: usize) -> Vec<f64> {
    if !(hi.is_finite() && hi > 0.0) {
        return vec![0.0];
    }
    let raw = hi / wanted.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    (0..)
        .map(|i| i as f64 * step)
        .take_while(|v| *v <= hi * 1.0001)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_map_and_clamp() {
        let s = Scale::log(1e3, 1e6, 0.0, 300.0);
        assert!((s.at(1e4) - 100.0).abs() < 1e-9);
        assert_eq!(s.at(1.0), 0.0);
        assert_eq!(s.at(1e9), 300.0);
        let l = Scale::linear(0.0, 10.0, 100.0, 0.0);
        assert_eq!(l.at(5.0), 50.0);
        assert!(s.contains(1e5) && !s.contains(1e7));
    }

    #[test]
    fn ticks_are_round_and_thinned() {
        assert_eq!(decade_ticks(3, 6, 10), vec![1e3, 1e4, 1e5, 1e6]);
        assert_eq!(decade_ticks(0, 9, 5).len(), 5);
        assert_eq!(
            linear_ticks(8_000.0, 4),
            vec![0.0, 2000.0, 4000.0, 6000.0, 8000.0]
        );
        assert_eq!(linear_ticks(9_000.0, 4), vec![0.0, 5000.0]);
        assert_eq!(repr(Some(0.1)), "0.1");
        assert_eq!(repr(Some(f64::NAN)), "null");
        assert_eq!(c(12.345), "12.3");
        assert_eq!(c(12.0), "12");
    }
}

//! Medians and percentiles of measured durations and byte counts.

use std::time::Duration;

/// The nearest-rank percentile (`p` in 0..=100): the smallest sample with at least p% of the
/// samples at or below it. `None` for no samples.
pub fn percentile<T: Ord + Copy>(samples: &[T], p: u32) -> Option<T> {
    if samples.is_empty() {
        return None;
    }
    let mut sorted = samples.to_vec();
    sorted.sort();
    let n = sorted.len();
    let rank = (n * p.min(100) as usize).div_ceil(100).max(1);
    Some(sorted[rank - 1])
}

pub fn median<T: Ord + Copy>(samples: &[T]) -> Option<T> {
    percentile(samples, 50)
}

/// Milliseconds with two decimals.
pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms_list(v: &[u64]) -> Vec<Duration> {
        v.iter().map(|&m| Duration::from_millis(m)).collect()
    }

    #[test]
    fn nearest_rank_percentiles() {
        let s = ms_list(&[5, 1, 4, 2, 3]);
        assert_eq!(median(&s), Some(Duration::from_millis(3)));
        assert_eq!(percentile(&s, 0), Some(Duration::from_millis(1)));
        assert_eq!(percentile(&s, 100), Some(Duration::from_millis(5)));
        assert_eq!(percentile(&s, 99), Some(Duration::from_millis(5)));
        // 200 samples: the 99th percentile is the 198th smallest, not the largest.
        let many: Vec<Duration> = (1..=200).map(Duration::from_millis).collect();
        assert_eq!(percentile(&many, 99), Some(Duration::from_millis(198)));
        assert_eq!(median(&many), Some(Duration::from_millis(100)));
    }

    #[test]
    fn no_samples_no_percentile() {
        assert_eq!(percentile::<usize>(&[], 50), None);
    }
}

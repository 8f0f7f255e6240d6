//! Which price data a session runs on, for the status line and the CLI: the embedded snapshot,
//! or the files `tierwise update` fetched, with their dates.

use super::Feed;
use super::stored::Manifest;

/// The price data in use.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum DataInUse {
    /// The snapshot compiled into the program.
    #[default]
    Embedded,
    /// Files fetched by `tierwise update`, layered over the embedded data.
    Fetched(Vec<FetchedFeed>),
}

/// One fetched file in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchedFeed {
    pub feed: Feed,
    /// `2026-12-04`.
    pub date: String,
    pub address: String,
}

impl DataInUse {
    pub fn from_manifest(manifest: &Manifest) -> Self {
        DataInUse::Fetched(
            manifest
                .files
                .iter()
                .map(|f| FetchedFeed {
                    feed: f.feed,
                    date: f.date().to_string(),
                    address: f.address.clone(),
                })
                .collect(),
        )
    }

    /// The oldest fetch date, if the data was fetched.
    pub fn oldest_fetch(&self) -> Option<&str> {
        match self {
            DataInUse::Embedded => None,
            DataInUse::Fetched(feeds) => feeds.iter().map(|f| f.date.as_str()).min(),
        }
    }

    /// `prices: fetched 2026-12-04 (2 days old)` or `prices: embedded (2026-07-02, 157 days
    /// old)`; `embedded_date` is the embedded snapshot's date and `today` the current UTC date,
    /// both `YYYY-MM-DD`.
    pub fn describe(&self, embedded_date: Option<&str>, today: &str) -> String {
        let age = |date: &str| age(date, today);
        match self {
            DataInUse::Embedded => match embedded_date {
                Some(date) => format!("prices: embedded ({date}, {})", age(date)),
                None => "prices: embedded".to_string(),
            },
            DataInUse::Fetched(feeds) => {
                let oldest = self.oldest_fetch().unwrap_or("");
                let names: Vec<&str> = feeds.iter().map(|f| f.feed.label()).collect();
                format!(
                    "prices: {} fetched {oldest} ({})",
                    names.join(" + "),
                    age(oldest)
                )
            }
        }
    }
}

/// "today", "1 day old", "157 days old" or "date unknown"; both dates `YYYY-MM-DD`.
pub fn age(date: &str, today: &str) -> String {
    match days_between(date, today) {
        Some(0) => "today".to_string(),
        Some(1) => "1 day old".to_string(),
        Some(n) if n > 1 => format!("{n} days old"),
        _ => "date unknown".to_string(),
    }
}

/// Whole days from `from` to `to`, both `YYYY-MM-DD`.
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    Some(day_number(to)? - day_number(from)?)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (Howard Hinnant's days_from_civil).
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.get(..10)?.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_arithmetic_crosses_months_years_and_leap_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(days_between("2026-12-04", "2026-12-06"), Some(2));
        assert_eq!(days_between("2026-07-02", "2026-12-06"), Some(157));
        assert_eq!(days_between("2024-02-28", "2024-03-01"), Some(2));
        assert_eq!(days_between("2025-12-31", "2026-01-01"), Some(1));
        assert_eq!(days_between("2026-13-01", "2026-12-06"), None);
        assert_eq!(days_between("soon", "2026-12-06"), None);
    }

    #[test]
    fn the_description_names_the_data_and_its_age() {
        assert_eq!(
            DataInUse::Embedded.describe(Some("2026-07-02"), "2026-12-06"),
            "prices: embedded (2026-07-02, 157 days old)"
        );
        let fetched = DataInUse::Fetched(vec![
            FetchedFeed {
                feed: Feed::ModelsDev,
                date: "2026-12-04".into(),
                address: "https://models.dev/api.json".into(),
            },
            FetchedFeed {
                feed: Feed::Litellm,
                date: "2026-12-05".into(),
                address: "https://x/y.json".into(),
            },
        ]);
        assert_eq!(
            fetched.describe(Some("2026-07-02"), "2026-12-06"),
            "prices: models.dev + LiteLLM fetched 2026-12-04 (2 days old)"
        );
        assert_eq!(
            fetched.describe(None, "2026-12-04"),
            "prices: models.dev + LiteLLM fetched 2026-12-04 (today)"
        );
    }
}

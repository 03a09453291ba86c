//! Dates as the app writes and reads them: "2026-03-12", "12 Mar 2026",
//! "12 March 2026", "Thursday", and the `YYYY-MM-DD` of a date input and of
//! stored documents. Every tool takes its date layouts from here.
//!
//! These replace chrono's strftime `format` and its general parser, whose
//! pattern code costs every page several KB of wasm for a few fixed layouts.

use chrono::{Datelike, NaiveDate, Weekday};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month's name (1 = January; out-of-range values are clamped), or its
/// first three letters when `short`.
pub fn month_name(month: u32, short: bool) -> &'static str {
    let name = MONTHS[(month.clamp(1, 12) - 1) as usize];
    if short {
        &name[..3]
    } else {
        name
    }
}

/// "2026-03-12": file names, "Updated" lines, date inputs and stored dates;
/// sortable and unambiguous.
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Reads `YYYY-MM-DD` (the value of an `<input type="date">`, which is
/// empty while the date is incomplete). Anything else, or a day that does
/// not exist, gives `None`.
pub fn parse_iso_date(raw: &str) -> Option<NaiveDate> {
    let mut parts = raw.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The value for an `<input type="date">`: empty when there is no date.
pub fn date_input_value(date: Option<NaiveDate>) -> String {
    date.map(iso_date).unwrap_or_default()
}

/// "12 Mar 2026": readable in any English locale (no US/UK day-month clash).
pub fn day_month_year(date: NaiveDate) -> String {
    let month = month_name(date.month(), true);
    format!("{} {month} {}", date.day(), date.year())
}

/// "12 March 2026": the same order with the month in full, for recaps.
pub fn day_full_month_year(date: NaiveDate) -> String {
    let month = month_name(date.month(), false);
    format!("{} {month} {}", date.day(), date.year())
}

/// "Monday" … "Sunday".
pub fn weekday_name(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// Serde for dates stored as `YYYY-MM-DD` (`#[serde(with = "crate::dates::iso_serde")]`),
/// through the small functions above rather than chrono's general parser.
pub mod iso_serde {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::iso_date(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let raw = String::deserialize(d)?;
        super::parse_iso_date(&raw).ok_or_else(|| D::Error::custom(format!("not a date: {raw}")))
    }

    /// The same for an optional date, stored as `null` when absent.
    pub mod option {
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => super::serialize(d, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            match Option::<String>::deserialize(d)? {
                None => Ok(None),
                Some(raw) => super::super::parse_iso_date(&raw)
                    .map(Some)
                    .ok_or_else(|| serde::de::Error::custom(format!("not a date: {raw}"))),
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn hand_worked_examples() {
        assert_eq!(iso_date(d(2026, 3, 5)), "2026-03-05");
        assert_eq!(iso_date(d(987, 12, 31)), "0987-12-31");
        assert_eq!(day_month_year(d(2026, 3, 5)), "5 Mar 2026");
        assert_eq!(day_month_year(d(2025, 12, 31)), "31 Dec 2025");
        assert_eq!(weekday_name(d(2026, 11, 29)), "Sunday");
        assert_eq!(weekday_name(d(2026, 3, 17)), "Tuesday");
        assert_eq!(day_full_month_year(d(2026, 12, 31)), "31 December 2026");
        assert_eq!(day_full_month_year(d(2026, 5, 1)), "1 May 2026");
        assert_eq!(month_name(9, false), "September");
        assert_eq!(month_name(9, true), "Sep");
        assert_eq!(month_name(0, true), "Jan", "clamped, never a panic");
        assert_eq!(month_name(13, false), "December");
    }

    #[test]
    fn iso_dates_parse_strictly() {
        assert_eq!(parse_iso_date(" 2026-03-10 "), Some(d(2026, 3, 10)));
        assert_eq!(parse_iso_date(""), None, "an incomplete date input");
        assert_eq!(parse_iso_date("2026-02-30"), None, "no such day");
        assert_eq!(parse_iso_date("2026-3-1"), None);
        assert_eq!(parse_iso_date("10/03/2026"), None);
        assert_eq!(date_input_value(Some(d(2026, 3, 1))), "2026-03-01");
        assert_eq!(date_input_value(None), "");
    }

    proptest! {
        /// The hand-written layouts match chrono's strftime for every date.
        #[test]
        fn matches_chrono_strftime(days in -200_000i32..200_000) {
            let date = d(2000, 1, 1) + chrono::Duration::days(days as i64);
            prop_assert_eq!(iso_date(date), date.format("%Y-%m-%d").to_string());
            prop_assert_eq!(day_month_year(date), date.format("%-d %b %Y").to_string());
            prop_assert_eq!(weekday_name(date), date.format("%A").to_string());
            prop_assert_eq!(day_full_month_year(date), date.format("%-d %B %Y").to_string());
        }

        /// Every four-digit-year date reads back as itself.
        #[test]
        fn iso_dates_round_trip(days in 0i32..2_900_000) {
            let date = d(1, 1, 1) + chrono::Duration::days(days as i64);
            prop_assert_eq!(parse_iso_date(&iso_date(date)), Some(date));
        }
    }
}

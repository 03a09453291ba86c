//! Dates as the app writes and reads them: "2026-03-12", "12 Mar 2026",
//! "12 March 2026", "Thursday", and the `YYYY-MM-DD` of a date input and of
//! stored documents. Every tool takes its date layouts from here.
//!
//! These replace chrono's strftime `format` and its general parser, whose
//! pattern code costs every page several KB of wasm for a few fixed layouts.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc, Weekday};

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

/// "2026-03-12T09:30:05.250Z": a UTC instant as chrono's own serde writes
/// it (RFC 3339, `Z`, the fraction only as long as it needs: none, 3, 6 or
/// 9 digits), so stored documents keep their exact text.
pub fn utc_text(t: DateTime<Utc>) -> String {
    let nanos = t.timestamp_subsec_nanos();
    let frac = if nanos == 0 {
        String::new()
    } else if nanos % 1_000_000 == 0 {
        format!(".{:03}", nanos / 1_000_000)
    } else if nanos % 1_000 == 0 {
        format!(".{:06}", nanos / 1_000)
    } else {
        format!(".{nanos:09}")
    };
    format!(
        "{}T{:02}:{:02}:{:02}{frac}Z",
        iso_date(t.date_naive()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Reads an RFC 3339 instant: `YYYY-MM-DDTHH:MM:SS`, an optional fraction
/// of up to nine digits, then `Z` or an offset `±HH:MM` (a `t`, `z` or a
/// space in their places too, as chrono accepts). Anything else, or a time
/// that does not exist, gives `None`.
pub fn parse_utc(raw: &str) -> Option<DateTime<Utc>> {
    let b = raw.as_bytes();
    let digits = |from: usize, len: usize| -> Option<u32> {
        let part = b.get(from..from + len)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let date = parse_iso_date(raw.get(..10)?)?;
    if !matches!(b.get(10), Some(b'T' | b't' | b' '))
        || b.get(13) != Some(&b':')
        || b.get(16) != Some(&b':')
    {
        return None;
    }
    let (h, m, sec) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    let mut at = 19;
    let mut nanos = 0u32;
    if b.get(at) == Some(&b'.') {
        let len = b[at + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if len == 0 || len > 9 {
            return None;
        }
        nanos = digits(at + 1, len)? * 10u32.pow(9 - len as u32);
        at += 1 + len;
    }
    let offset_secs = match b.get(at..)? {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let secs = (digits(at + 1, 2)? * 3600 + digits(at + 4, 2)? * 60) as i64;
            if *sign == b'+' {
                secs
            } else {
                -secs
            }
        }
        _ => return None,
    };
    // A leap second (:60) is held as :59 with the nanoseconds past a whole
    // second, as chrono does.
    let time = if sec == 60 {
        chrono::NaiveTime::from_hms_nano_opt(h, m, 59, 1_000_000_000 + nanos)?
    } else {
        chrono::NaiveTime::from_hms_nano_opt(h, m, sec, nanos)?
    };
    let local = date.and_time(time);
    let utc = local.checked_sub_signed(chrono::TimeDelta::try_seconds(offset_secs)?)?;
    Some(DateTime::from_naive_utc_and_offset(utc, Utc))
}

/// Serde for UTC instants (`#[serde(with = "crate::dates::utc_serde")]`),
/// through the two functions above: chrono's own serde goes through its
/// general parser, which costs each page that stores an instant ~3 KB.
pub mod utc_serde {
    use chrono::{DateTime, Utc};
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::utc_text(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let raw = String::deserialize(d)?;
        super::parse_utc(&raw).ok_or_else(|| D::Error::custom(format!("not a time: {raw}")))
    }

    /// The same for an optional instant, stored as `null` when absent.
    pub mod option {
        use chrono::{DateTime, Utc};
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(
            t: &Option<DateTime<Utc>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => super::serialize(t, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<DateTime<Utc>>, D::Error> {
            match Option::<String>::deserialize(d)? {
                None => Ok(None),
                Some(raw) => super::super::parse_utc(&raw)
                    .map(Some)
                    .ok_or_else(|| serde::de::Error::custom(format!("not a time: {raw}"))),
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

    #[test]
    fn utc_instants_read_as_chrono_reads_them() {
        let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        for text in [
            "2026-03-12T09:30:05Z",
            "2026-03-12T09:30:05.250Z",
            "2026-03-12T09:30:05.000250Z",
            "2026-03-12T09:30:05.123456789Z",
            "2026-03-12t09:30:05z",
            "2026-03-12 09:30:05+02:00",
            "2026-03-12T09:30:05.5-05:30",
            "2016-12-31T23:59:60Z",
        ] {
            assert_eq!(parse_utc(text), Some(t(text)), "{text}");
        }
        for bad in [
            "",
            "2026-03-12",
            "2026-03-12T09:30Z",
            "2026-03-12T09:30:05",
            "2026-03-12T25:00:00Z",
            "2026-02-30T09:30:05Z",
            "2026-03-12T09:30:05.Z",
            "2026-03-12T09:30:05.1234567890Z",
            "2026-03-12T09:30:05+0200",
            "2026-03-12T09:30:05Zjunk",
            "2026-03-12T0٩:30:05Z",
        ] {
            assert_eq!(parse_utc(bad), None, "{bad}");
        }
        assert_eq!(
            utc_text(t("2026-03-12T09:30:05.250Z")),
            "2026-03-12T09:30:05.250Z"
        );
    }

    proptest! {
        /// Written exactly as chrono's serde writes, and read back as itself.
        #[test]
        fn utc_text_matches_chrono_and_round_trips(secs in 0i64..253_402_300_799, nanos in 0u32..1_000_000_000, unit in 0usize..4) {
            let nanos = [nanos, nanos / 1000 * 1000, nanos / 1_000_000 * 1_000_000, 0][unit];
            let t = DateTime::from_timestamp(secs, nanos).unwrap();
            let chrono_text = serde_json::to_string(&t).unwrap();
            prop_assert_eq!(format!("\"{}\"", utc_text(t)), chrono_text);
            prop_assert_eq!(parse_utc(&utc_text(t)), Some(t));
        }

        /// Any text: never a panic, and whatever reads agrees with chrono.
        #[test]
        fn utc_parse_never_panics(text in "[0-9T:.Zz+ -]{0,40}") {
            if let Some(t) = parse_utc(&text) {
                prop_assert_eq!(Some(t), text.parse::<DateTime<Utc>>().ok());
            }
        }

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

//! Dates as the app writes them: "2026-03-12", "12 Mar 2026", "Thursday".
//!
//! These replace chrono's strftime `format`, whose pattern parser and
//! formatter cost every page several KB of wasm for three fixed layouts.

use chrono::{Datelike, NaiveDate, Weekday};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "2026-03-12": file names and "Updated" lines, sortable and unambiguous.
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// "12 Mar 2026": readable in any English locale (no US/UK day-month clash).
pub fn day_month_year(date: NaiveDate) -> String {
    let month = MONTHS[date.month0() as usize];
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
    }

    proptest! {
        /// The hand-written layouts match chrono's strftime for every date.
        #[test]
        fn matches_chrono_strftime(days in -200_000i32..200_000) {
            let date = d(2000, 1, 1) + chrono::Duration::days(days as i64);
            prop_assert_eq!(iso_date(date), date.format("%Y-%m-%d").to_string());
            prop_assert_eq!(day_month_year(date), date.format("%-d %b %Y").to_string());
            prop_assert_eq!(weekday_name(date), date.format("%A").to_string());
        }
    }
}

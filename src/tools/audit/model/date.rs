//! How a completion date is stored: `"YYYY-MM-DD"`, as it always was.
//!
//! The date itself is chrono's `NaiveDate`, so a day that does not exist
//! (31 February) can't be built or loaded. Reading and writing are done by
//! hand instead of through chrono's `FromStr`/strftime, which would pull
//! its format parser into the page for one fixed layout.

use crate::dates::iso_date;
use chrono::NaiveDate;
use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

/// Parses `YYYY-MM-DD` (the numbers may lack leading zeros, as older
/// builds accepted). `None` for anything else, or a day the month lacks.
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let mut parts = s.splitn(3, '-');
    let mut next = || parts.next().and_then(|p| p.parse::<u16>().ok());
    let (y, m, d) = (next()?, next()?, next()?);
    NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
}

/// For `#[serde(with = "date")]` on a stored `NaiveDate`.
pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&iso_date(*date))
}

/// For `#[serde(with = "date")]`: refuses a malformed or impossible date,
/// which the storage layer then treats as damaged data.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    parse_iso(&s).ok_or_else(|| D::Error::custom(format!("bad date {s}")))
}

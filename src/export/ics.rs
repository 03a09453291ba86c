//! Calendar files (.ics) of a deal's dates: the decision date and the
//! mutual action plan's items, as all-day events.
//!
//! RFC 5545: one `VCALENDAR` (`VERSION:2.0`, `PRODID`, `CALSCALE:GREGORIAN`,
//! `METHOD:PUBLISH`) of `VEVENT`s. Events rather than `VTODO`s because
//! Google and Apple calendars ignore to-dos.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use super::text::ContentLines;

/// Who made the file (RFC 5545 §3.7.3 requires a `PRODID`).
pub const PRODID: &str = "-//Stagecraft//Deal desk//EN";

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// The same for the same item in every export, so importing the file
    /// again updates the event instead of adding a copy (RFC 5545 §3.8.4.7);
    /// see [`stable_uid`].
    pub uid: String,
    /// The day of the event.
    pub date: NaiveDate,
    /// The event's title.
    pub summary: String,
    /// Details; left out of the file when empty.
    pub description: String,
}

/// A UID that stays the same across exports: `kind-id-id…@stagecraft`, for
/// example `plan-42-7@stagecraft` for item 7 of deal 42's plan.
///
/// Each id keeps ASCII letters, digits, `_` and `.`; any other byte (the
/// `-` separator included) is written `%XX`, so two different id lists never
/// give the same UID and the UID never needs TEXT escaping.
pub fn stable_uid(kind: &str, ids: &[&str]) -> String {
    let mut uid = String::with_capacity(32);
    push_id(&mut uid, kind);
    for id in ids {
        uid.push('-');
        push_id(&mut uid, id);
    }
    uid.push_str("@stagecraft");
    uid
}

fn push_id(out: &mut String, id: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in id.as_bytes() {
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

/// A whole calendar file of `events`.
///
/// `stamp` is when the file is made, written as each `DTSTAMP` in UTC (RFC
/// 5545 §3.8.7.2 requires UTC there); the caller passes it because pure code
/// has no clock. Each event is `DTSTART;VALUE=DATE` with `DTEND;VALUE=DATE`
/// the next day (the end is exclusive, §3.6.1), `SUMMARY` and an optional
/// `DESCRIPTION`, TEXT-escaped, CRLF-ended and folded at 75 octets.
pub fn calendar(events: &[CalendarEvent], stamp: DateTime<Utc>) -> String {
    let stamp = utc_stamp(stamp);
    let mut lines = ContentLines::new();
    lines.raw("BEGIN", "VCALENDAR");
    lines.raw("VERSION", "2.0");
    lines.raw("PRODID", PRODID);
    lines.raw("CALSCALE", "GREGORIAN");
    lines.raw("METHOD", "PUBLISH");
    for event in events {
        lines.raw("BEGIN", "VEVENT");
        lines.text("UID", &event.uid);
        lines.raw("DTSTAMP", &stamp);
        lines.raw("DTSTART;VALUE=DATE", &ics_date(event.date));
        // The last representable day has no next day; an all-day DTSTART
        // without DTEND lasts that one day (§3.6.1), so nothing is lost.
        if let Some(next) = event.date.succ_opt() {
            lines.raw("DTEND;VALUE=DATE", &ics_date(next));
        }
        lines.text("SUMMARY", event.summary.trim());
        lines.optional("DESCRIPTION", &event.description);
        lines.raw("END", "VEVENT");
    }
    lines.raw("END", "VCALENDAR");
    lines.finish()
}

/// `YYYYMMDD` (RFC 5545 §3.3.4), by hand rather than through chrono's
/// strftime, which costs the wasm several KB.
fn ics_date(date: NaiveDate) -> String {
    let mut out = String::with_capacity(8);
    push_digits(&mut out, date.year().max(0) as u32, 4);
    push_digits(&mut out, date.month(), 2);
    push_digits(&mut out, date.day(), 2);
    out
}

/// `YYYYMMDDTHHMMSSZ` (RFC 5545 §3.3.5, form 2: UTC).
fn utc_stamp(stamp: DateTime<Utc>) -> String {
    let mut out = ics_date(stamp.date_naive());
    out.push('T');
    push_digits(&mut out, stamp.hour(), 2);
    push_digits(&mut out, stamp.minute(), 2);
    push_digits(&mut out, stamp.second().min(59), 2);
    out.push('Z');
    out
}

fn push_digits(out: &mut String, value: u32, width: u32) {
    let mut div = 10u32.pow(width - 1);
    let value = value % (div * 10);
    while div > 0 {
        out.push(char::from(b'0' + (value / div % 10) as u8));
        div /= 10;
    }
}

//! Native tests of the discovery model, one file per part of the model;
//! the shared fixtures (a fixed clock, a call) live here.

use super::*;
use crate::storage::{decode, encode, Loaded};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 10, 0, 0).unwrap()
}

fn at(secs: i64) -> DateTime<Utc> {
    t0() + Duration::seconds(secs)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn call() -> Call {
    Call::new(1, "Acme discovery".into(), day(2026, 3, 10), t0())
}

fn person(id: u64, name: &str, role: Role) -> Stakeholder {
    Stakeholder {
        id,
        name: name.into(),
        title: String::new(),
        role,
        ..Stakeholder::default()
    }
}

fn item(id: u64, desc: &str, due: Option<NaiveDate>) -> ActionItem {
    ActionItem {
        id,
        description: desc.into(),
        due,
        ..ActionItem::default()
    }
}

mod calls;
mod capture;
mod clock;
mod files;
mod list;
mod props;
mod recap;

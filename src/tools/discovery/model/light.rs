//! The light view of the stored calls that the qualification tool reads:
//! for each call linked to a deal, its date, clocks, people and decision
//! process, nothing else (no notes, pain or plan), turned into the shared
//! `crate::deal` shape. Qualification never parses this tool's format.

use super::{display_title, talk_share, CallsDoc, DecisionProcess, Role};
use crate::deal::{LinkedCall, Person};
use crate::storage::DocumentView;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

/// The fields of a call the deal page needs.
#[derive(Deserialize)]
struct CallLight {
    id: u64,
    #[serde(default)]
    title: String,
    #[serde(default)]
    deal_id: Option<String>,
    #[serde(with = "crate::dates::iso_serde")]
    date: NaiveDate,
    #[serde(default)]
    clock: ClockLight,
    #[serde(default)]
    talk: TalkLight,
    #[serde(default)]
    stakeholders: Vec<PersonLight>,
    #[serde(default)]
    decision: DecisionProcess,
}

/// A stakeholder's name, title and role (email and phone stay unread).
#[derive(Deserialize)]
struct PersonLight {
    #[serde(default)]
    name: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    role: Role,
}

/// One stored stretch of a stopwatch, as the milliseconds it is stored in
/// (read without chrono: the deal page only sums them).
#[derive(Deserialize)]
struct SpanLight {
    start: i64,
    #[serde(default)]
    end: Option<i64>,
}

/// A stopwatch's stretches.
#[derive(Default, Deserialize)]
struct WatchLight {
    #[serde(default)]
    spans: Vec<SpanLight>,
}

impl WatchLight {
    /// The latest instant stored, in milliseconds.
    fn latest(&self) -> Option<i64> {
        self.spans.iter().map(|s| s.end.unwrap_or(s.start).max(s.start)).max()
    }

    /// Running time at `now_ms`, as `Stopwatch::elapsed_ms` counts it.
    fn elapsed_ms(&self, now_ms: i64) -> u64 {
        self.spans
            .iter()
            .map(|s| u64::try_from(s.end.unwrap_or(now_ms) - s.start).unwrap_or(0))
            .sum()
    }
}

/// Only the whole call's stopwatch: the section clocks stay unread.
#[derive(Default, Deserialize)]
struct ClockLight {
    #[serde(default)]
    call: WatchLight,
}

/// Both sides' talk stopwatches.
#[derive(Default, Deserialize)]
struct TalkLight {
    #[serde(default)]
    rep: WatchLight,
    #[serde(default)]
    buyer: WatchLight,
}

/// Discovery's calls as seen from another tool (read it with
/// `storage::browser::read_view`, which applies `CallsDoc`'s version rules).
#[derive(Default, Deserialize)]
pub struct CallsLight {
    #[serde(default)]
    calls: Vec<CallLight>,
}

impl DocumentView for CallsLight {
    type Of = CallsDoc;
}

impl CallsLight {
    /// The calls linked to `deal_id`, oldest first, with their clocks read
    /// at `now` (a call still running counts up to now).
    pub fn for_deal(self, deal_id: &str, now: DateTime<Utc>) -> Vec<LinkedCall> {
        let mut calls: Vec<LinkedCall> = self
            .calls
            .into_iter()
            .filter(|c| c.deal_id.as_deref() == Some(deal_id))
            .map(|c| {
                // Never earlier than anything recorded, as on the call's page.
                let floor = [c.clock.call.latest(), c.talk.rep.latest(), c.talk.buyer.latest()]
                    .into_iter()
                    .flatten()
                    .fold(now.timestamp_millis(), i64::max);
                let people = c
                    .stakeholders
                    .iter()
                    .filter(|s| !s.name.trim().is_empty())
                    .map(|s| Person {
                        name: s.name.trim().to_string(),
                        title: s.title.trim().to_string(),
                        role: s.role.label(),
                        economic_buyer: s.role == Role::EconomicBuyer,
                    })
                    .collect();
                LinkedCall {
                    id: c.id,
                    title: display_title(&c.title, c.date),
                    date: c.date,
                    secs: c.clock.call.elapsed_ms(floor) / 1000,
                    rep_share: talk_share(c.talk.rep.elapsed_ms(floor) / 1000, c.talk.buyer.elapsed_ms(floor) / 1000),
                    people,
                    decision_date: c.decision.decision_date,
                    steps: c
                        .decision
                        .step_list()
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                    competitors: c.decision.competitors.trim().to_string(),
                }
            })
            .collect();
        calls.sort_by_key(|c| (c.date, c.id));
        calls
    }
}

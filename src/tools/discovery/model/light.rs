//! The light view of the stored calls that the qualification tool reads:
//! for each call linked to a deal, its date, clocks, people and decision
//! process, nothing else (no notes, pain or plan), turned into the shared
//! `crate::deal` shape. Qualification never parses this tool's format.

use super::{display_title, CallsDoc, DecisionProcess, Role, Stakeholder, Stopwatch, TalkBalance};
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
    talk: TalkBalance,
    #[serde(default)]
    stakeholders: Vec<Stakeholder>,
    #[serde(default)]
    decision: DecisionProcess,
}

/// Only the whole call's stopwatch: the section clocks stay unread.
#[derive(Default, Deserialize)]
struct ClockLight {
    #[serde(default)]
    call: Stopwatch,
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
                let floor = [
                    c.clock.call.latest(),
                    c.talk.rep.latest(),
                    c.talk.buyer.latest(),
                ]
                .into_iter()
                .flatten()
                .fold(now, DateTime::max);
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
                    rep_share: c.talk.rep_share(floor),
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

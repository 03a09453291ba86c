//! The light view of the stored calls that the qualification tool reads:
//! for each call linked to a deal, its date, clocks, people and decision
//! process, nothing else (no notes, pain or plan), turned into the shared
//! `crate::deal` shape. Qualification never parses this tool's format.

use super::{Call, CallClock, CallsDoc, DecisionProcess, Role, Stakeholder, TalkBalance};
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
    clock: CallClock,
    #[serde(default)]
    talk: TalkBalance,
    #[serde(default)]
    stakeholders: Vec<Stakeholder>,
    #[serde(default)]
    decision: DecisionProcess,
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
                // Through `Call`, so the clocks and the title read exactly
                // as on the call's own page.
                let mut call = Call::new(c.id, c.title, c.date, now);
                call.clock = c.clock;
                call.talk = c.talk;
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
                    id: call.id,
                    title: call.display_title(),
                    date: call.date,
                    secs: call.call_secs(now),
                    rep_share: call.rep_share(now),
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

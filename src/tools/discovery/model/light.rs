//! The light view of the stored calls that the qualification tool reads:
//! for each call linked to a deal, its date, people and decision
//! process, nothing else (no notes, pain or plan), turned into the shared
//! `crate::deal` shape. Qualification never parses this tool's format.

use super::{display_title, CallsDoc, DecisionProcess, Role};
use crate::deal::{LinkedCall, Person};
use crate::storage::DocumentView;
use chrono::NaiveDate;
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
    /// The calls linked to `deal_id`, oldest first. (Their clocks stay
    /// unread: reading them cost the qualify page more than it could spare.)
    pub fn for_deal(self, deal_id: &str) -> Vec<LinkedCall> {
        let mut calls: Vec<LinkedCall> = self
            .calls
            .into_iter()
            .filter(|c| c.deal_id.as_deref() == Some(deal_id))
            .map(|c| {
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

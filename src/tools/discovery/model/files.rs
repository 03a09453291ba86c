//! A call's dates and people as files a calendar and an address book open:
//! the decision date and the action plan as all-day events (.ics), the
//! stakeholders as contact cards (.vcf). The formats themselves live in
//! `crate::export`; this module only decides what goes in.

use super::{sorted_plan, Call, Side};
use crate::dates::{day_full_month_year, iso_date};
use crate::export::ics::{calendar, stable_uid, CalendarEvent};
use crate::export::vcard::{vcards, Contact};
use chrono::{DateTime, Utc};

/// The calendar of one call: its decision date, then every plan item that
/// has a due date (items without one can't be placed and are counted by
/// [`undated_steps`]). UIDs come from the call's and item's ids, so
/// importing a newer file updates the same events.
pub fn call_calendar(call: &Call, stamp: DateTime<Utc>) -> String {
    let title = call.display_title();
    let id = call.id.to_string();
    let from = format!(
        "From the discovery call \"{title}\" on {}.",
        day_full_month_year(call.date)
    );
    let mut events = Vec::new();
    if let Some(date) = call.decision.decision_date {
        let mut description = call.decision.step_list().join("\n");
        if !description.is_empty() {
            description.push('\n');
        }
        description.push_str(&from);
        events.push(CalendarEvent {
            uid: stable_uid("decision", &[&id]),
            date,
            summary: format!("Decision date: {title}"),
            description,
        });
    }
    for item in sorted_plan(&call.plan) {
        let (Some(date), text) = (item.due, item.description.trim()) else {
            continue;
        };
        if text.is_empty() {
            continue;
        }
        let owner = match item.owner {
            Side::Buyer => "the buyer",
            Side::Seller => "us",
        };
        events.push(CalendarEvent {
            uid: stable_uid("plan", &[&id, &item.id.to_string()]),
            date,
            summary: if item.done {
                format!("Done: {text}")
            } else {
                text.to_string()
            },
            description: format!("Owner: {owner}. {from}"),
        });
    }
    calendar(&events, stamp)
}

/// Plan items with text but no due date: left out of the calendar, and the
/// view says how many.
pub fn undated_steps(call: &Call) -> usize {
    call.plan
        .iter()
        .filter(|i| i.due.is_none() && !i.description.trim().is_empty())
        .count()
}

/// Whether the calendar would hold anything.
pub fn has_dates(call: &Call) -> bool {
    call.decision.decision_date.is_some()
        || call
            .plan
            .iter()
            .any(|i| i.due.is_some() && !i.description.trim().is_empty())
}

/// The stakeholders who can become a card: anyone with a name or an email.
fn card_people(call: &Call) -> impl Iterator<Item = &super::Stakeholder> {
    call.stakeholders
        .iter()
        .filter(|s| !s.name.trim().is_empty() || !s.email.trim().is_empty())
}

/// How many contact cards [`call_contacts`] writes.
pub fn contact_count(call: &Call) -> usize {
    card_people(call).count()
}

/// One vCard per named stakeholder, with the linked deal's company as the
/// organisation; the role goes in the note, since vCard has no field for a
/// buying role.
pub fn call_contacts(call: &Call, company: &str) -> String {
    let title = call.display_title();
    let contacts: Vec<Contact> = card_people(call)
        .map(|s| Contact {
            name: s.name.trim().to_string(),
            org: company.trim().to_string(),
            title: s.title.trim().to_string(),
            email: s.email.trim().to_string(),
            phone: s.phone.trim().to_string(),
            note: format!("{}. From the discovery call \"{title}\".", s.role.label()),
        })
        .collect();
    vcards(&contacts)
}

/// `discovery-<kind>-<title slug>-<call date>.<ext>`.
pub fn call_filename(call: &Call, kind: &str, ext: &str) -> String {
    format!(
        "discovery-{kind}-{}-{}.{ext}",
        crate::text::file_slug(&call.display_title(), "call"),
        iso_date(call.date)
    )
}

//! What qualification and discovery share about one deal: the people named
//! on its calls, the calls themselves, and what the calls learned that
//! bears on a qualification criterion.
//!
//! Pure and below the tools: discovery publishes its calls in this shape
//! (its light view of the stored calls), qualification reads them in this
//! shape, and neither ever parses the other's stored format.

use chrono::NaiveDate;

/// A person named on a call, as the deal sees them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub title: String,
    /// The buying role's label ("Economic buyer").
    pub role: &'static str,
    pub economic_buyer: bool,
}

/// One call linked to the deal, as the deal page lists it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkedCall {
    pub id: u64,
    /// The call's title (never blank: "Untitled call, 10 Mar 2026").
    pub title: String,
    pub date: NaiveDate,
    pub people: Vec<Person>,
    pub decision_date: Option<NaiveDate>,
    /// The decision steps, one per entry.
    pub steps: Vec<String>,
    pub competitors: String,
}

/// Everyone named on any of `calls`, once each (by name, case and spacing
/// ignored), the most recent call's entry winning, in first-named order.
pub fn people(calls: &[LinkedCall]) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    let mut by_date: Vec<&LinkedCall> = calls.iter().collect();
    by_date.sort_by_key(|c| (c.date, c.id));
    for call in by_date {
        for p in &call.people {
            let key = name_key(&p.name);
            if key.is_empty() {
                continue;
            }
            match out.iter_mut().find(|q| name_key(&q.name) == key) {
                Some(q) => *q = p.clone(),
                None => out.push(p.clone()),
            }
        }
    }
    out
}

fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// The latest decision date any call set, with the call that set it.
pub fn decision_date(calls: &[LinkedCall]) -> Option<(NaiveDate, &LinkedCall)> {
    calls
        .iter()
        .filter_map(|c| c.decision_date.map(|d| (d, c)))
        .max_by_key(|(_, c)| (c.date, c.id))
}

//! A deal seen through its discovery calls: the people named there count
//! as the deal's people, and what the calls learned about a criterion is
//! offered as an update the rep applies (or not) with one click.

use super::{Criterion, Deal, DealAction};
use crate::dates::{day_full_month_year, day_month_year};
use crate::deal::{decision_date, people, LinkedCall, Person};

/// The deal as the summary judges it: the stakeholder count is the larger
/// of what the rep typed and how many people its calls name, so a call
/// that names three people clears the single-threaded warning without the
/// rep retyping a number. Nothing is written back to the deal.
pub fn with_calls(deal: &Deal, calls: &[LinkedCall]) -> Deal {
    let named = people(calls).len() as u32;
    let typed = deal.stakeholders_value().ok().flatten();
    let mut seen = deal.clone();
    if named > 0 && typed.is_none_or(|t| t < named) && deal.stakeholders_value().is_ok() {
        seen.stakeholders = named.to_string();
    }
    seen
}

/// The economic buyer its calls name, if any (the latest call's, when two
/// name different people).
pub fn economic_buyer(calls: &[LinkedCall]) -> Option<Person> {
    people(calls).into_iter().rev().find(|p| p.economic_buyer)
}

/// One thing a call learned, ready to apply and to undo.
#[derive(Debug, Clone, PartialEq)]
pub struct CallUpdate {
    /// What it changes, in a sentence ("Economic buyer: add …").
    pub label: String,
    /// The edit that applies it.
    pub apply: DealAction,
    /// The edit that puts the deal back as it was.
    pub undo: DealAction,
}

/// Evidence the calls support for `criterion` that the deal doesn't hold
/// yet, as an update that appends it (the rating stays the rep's call).
fn evidence(deal: &Deal, criterion: Criterion, line: String, label: String) -> Option<CallUpdate> {
    if !deal.framework().criteria().contains(&criterion) {
        return None;
    }
    let before = deal
        .answers
        .get(&criterion)
        .map(|a| a.evidence.clone())
        .unwrap_or_default();
    if before.contains(&line) {
        return None;
    }
    let after = if before.trim().is_empty() {
        line
    } else {
        format!("{}\n{line}", before.trim_end())
    };
    Some(CallUpdate {
        label,
        apply: DealAction::Evidence(criterion, after),
        undo: DealAction::Evidence(criterion, before),
    })
}

/// Words that mark a decision step as part of the paper process (the
/// legal and purchasing path to a signature).
const PAPER_WORDS: [&str; 9] = [
    "legal",
    "procurement",
    "contract",
    "security",
    "msa",
    "sign",
    "purchase",
    "po ",
    "vendor",
];

/// Everything the deal's calls learned that the deal doesn't show yet.
pub fn call_updates(deal: &Deal, calls: &[LinkedCall]) -> Vec<CallUpdate> {
    let mut out = Vec::new();
    let framework = deal.framework();
    if let Some(eb) = economic_buyer(calls) {
        let who = if eb.title.is_empty() {
            eb.name.clone()
        } else {
            format!("{}, {}", eb.name, eb.title)
        };
        let c = framework.power_criterion();
        out.extend(evidence(
            deal,
            c,
            format!("Economic buyer named on a call: {who}."),
            format!("{}: add \"{who}\", named as the economic buyer.", c.name()),
        ));
    }
    if let Some((date, call)) = decision_date(calls) {
        if deal.close_date != Some(date) {
            out.push(CallUpdate {
                label: format!(
                    "Expected close date: use the decision date set on \"{}\", {}.",
                    call.title,
                    day_full_month_year(date)
                ),
                apply: DealAction::CloseDate(Some(date)),
                undo: DealAction::CloseDate(deal.close_date),
            });
        }
        let line = format!(
            "Decision by {} (call of {}).",
            day_full_month_year(date),
            day_month_year(call.date)
        );
        out.extend(evidence(
            deal,
            Criterion::Timeline,
            line,
            "Timeline: add the decision date.".into(),
        ));
    }
    let steps: Vec<&str> = calls
        .iter()
        .flat_map(|c| c.steps.iter().map(String::as_str))
        .collect();
    if !steps.is_empty() {
        let line = format!("Decision steps from calls: {}.", steps.join("; "));
        out.extend(evidence(
            deal,
            Criterion::DecisionProcess,
            line,
            "Decision process: add the steps mapped on calls.".into(),
        ));
        let paper: Vec<&str> = steps
            .iter()
            .copied()
            .filter(|s| {
                let s = format!("{} ", crate::text::lower(s));
                PAPER_WORDS.iter().any(|w| s.contains(w))
            })
            .collect();
        if !paper.is_empty() {
            let line = format!("Paper steps from calls: {}.", paper.join("; "));
            out.extend(evidence(
                deal,
                Criterion::PaperProcess,
                line,
                "Paper process: add the legal and purchasing steps.".into(),
            ));
        }
    }
    let competitors: Vec<&str> = calls
        .iter()
        .map(|c| c.competitors.as_str())
        .filter(|c| !c.is_empty())
        .collect();
    if !competitors.is_empty() {
        let line = format!("Also considering (from calls): {}.", competitors.join("; "));
        out.extend(evidence(
            deal,
            Criterion::Competition,
            line,
            "Competition: add the alternatives named on calls.".into(),
        ));
    }
    out
}

//! Restoring an export safely: what a file holds against what this browser
//! holds, and the merge that keeps both. Pure: the data page reads and
//! writes storage, this only works on the documents' text.
//!
//! Merge rule: items with an identity (deals, calls) are matched by it and
//! the newer edit wins; items only one side has are kept. A tool that keeps
//! one document without edit times (calculator inputs, settings) keeps this
//! browser's version unless it is still empty. Audit history is the union
//! of both; the audit in progress is this browser's unless it has none.

use super::audit::model::AuditDoc;
use super::benchmarks::model::BenchmarksDoc;
use super::discovery::model::CallsDoc;
use super::qualify::model::DealsDoc;
use crate::settings::Settings;
use crate::storage::{decode, encode, storage_key, Document, Loaded};

/// What a set of stored documents holds, in the user's terms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Contents {
    pub deals: usize,
    pub calls: usize,
    /// Completed audits, plus one for an audit in progress.
    pub audits: usize,
    /// Whether calculator inputs differ from an empty calculator.
    pub calculator: bool,
}

fn read<T: Document>(docs: &[(String, String)]) -> Option<T> {
    let key = storage_key::<T>();
    let raw = docs.iter().find(|(k, _)| *k == key)?;
    match decode::<T>(Some(&raw.1)) {
        Loaded::Ready(doc) => Some(doc),
        _ => None,
    }
}

/// Counts what `(full key, stored text)` pairs hold.
pub fn contents(docs: &[(String, String)]) -> Contents {
    let audits = read::<AuditDoc>(docs).map_or(0, |a| {
        a.history.len() + usize::from(a.answers.iter().any(Option::is_some))
    });
    Contents {
        deals: read::<DealsDoc>(docs).map_or(0, |d| d.deals.len()),
        calls: read::<CallsDoc>(docs).map_or(0, |c| c.calls.len()),
        audits,
        calculator: read::<BenchmarksDoc>(docs).is_some_and(|b| b != BenchmarksDoc::default()),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// "4 deals, 2 calls, 3 audits and calculator inputs", or "nothing".
pub fn describe(c: Contents) -> String {
    let mut parts = Vec::new();
    if c.deals > 0 {
        parts.push(count(c.deals, "deal", "deals"));
    }
    if c.calls > 0 {
        parts.push(count(c.calls, "call", "calls"));
    }
    if c.audits > 0 {
        parts.push(count(c.audits, "audit", "audits"));
    }
    if c.calculator {
        parts.push("calculator inputs".to_string());
    }
    match parts.len() {
        0 => "nothing".to_string(),
        1 => parts.remove(0),
        _ => {
            let last = parts.pop().unwrap_or_default();
            format!("{} and {last}", parts.join(", "))
        }
    }
}

/// The deals of both: one per id, the more recently updated one winning.
pub fn merge_deals(mut ours: DealsDoc, theirs: DealsDoc) -> DealsDoc {
    for deal in theirs.deals {
        match ours.deals.iter_mut().find(|d| d.id == deal.id) {
            Some(mine) if deal.updated > mine.updated => *mine = deal,
            Some(_) => {}
            None => ours.deals.push(deal),
        }
    }
    ours
}

/// The calls of both. Call ids are counted per browser, so a call is the
/// same call only when its id and creation time both match (the newer edit
/// then wins); a different call that happens to share an id gets a new one.
pub fn merge_calls(mut ours: CallsDoc, theirs: CallsDoc) -> CallsDoc {
    let mut next = ours
        .calls
        .iter()
        .chain(theirs.calls.iter())
        .map(|c| c.id)
        .max()
        .unwrap_or(0)
        // `next_id` is the next one free, so the last one taken is below it.
        .max(ours.next_id.saturating_sub(1))
        .max(theirs.next_id.saturating_sub(1));
    for mut call in theirs.calls {
        let same = ours
            .calls
            .iter_mut()
            .find(|c| c.id == call.id && c.created_at == call.created_at);
        match same {
            Some(mine) if call.updated_at > mine.updated_at => *mine = call,
            Some(_) => {}
            None => {
                if ours.calls.iter().any(|c| c.id == call.id) {
                    // Checked: ids near u64::MAX must not wrap onto a call.
                    let used: Vec<u64> = ours.calls.iter().map(|c| c.id).collect();
                    call.id =
                        crate::tools::discovery::model::fresh_id(&used, next.saturating_add(1));
                    next = next.max(call.id);
                }
                ours.calls.push(call);
            }
        }
    }
    ours.next_id = ours.next_id.max(next.saturating_add(1));
    ours
}

/// Both histories (without repeats, oldest first); this browser's audit in
/// progress unless it has no answers.
pub fn merge_audits(mut ours: AuditDoc, theirs: AuditDoc) -> AuditDoc {
    for past in theirs.history.iter() {
        if !ours.history.contains(past) {
            ours.history.push(past.clone());
        }
    }
    ours.history = crate::order::into_sorted_by(ours.history, |a, b| a.date.cmp(&b.date));
    if ours.answers.iter().all(Option::is_none) {
        ours.step = theirs.step;
        ours.answers = theirs.answers;
    }
    ours
}

fn merge_doc<T: Document>(ours: Option<&str>, theirs: &str, merge: fn(T, T) -> T) -> String {
    let mine = match decode::<T>(ours) {
        Loaded::Ready(doc) => Some(doc),
        // Nothing usable here: the file's document as it is.
        _ => None,
    };
    match (mine, decode::<T>(Some(theirs))) {
        (Some(mine), Loaded::Ready(other)) => encode(&merge(mine, other)),
        _ => theirs.to_string(),
    }
}

/// Keeps this browser's document unless it is still empty.
fn keep_ours<T: Document>(mine: T, other: T) -> T {
    if mine == T::default() {
        other
    } else {
        mine
    }
}

/// The text to store for `key` when merging the file's `theirs` into what
/// this browser holds (`ours`, if anything).
pub fn merged(key: &str, ours: Option<&str>, theirs: &str) -> String {
    let is = |k: String| k == key;
    if is(storage_key::<DealsDoc>()) {
        merge_doc::<DealsDoc>(ours, theirs, merge_deals)
    } else if is(storage_key::<CallsDoc>()) {
        merge_doc::<CallsDoc>(ours, theirs, merge_calls)
    } else if is(storage_key::<AuditDoc>()) {
        merge_doc::<AuditDoc>(ours, theirs, merge_audits)
    } else if is(storage_key::<BenchmarksDoc>()) {
        merge_doc::<BenchmarksDoc>(ours, theirs, keep_ours)
    } else if is(storage_key::<Settings>()) {
        merge_doc::<Settings>(ours, theirs, keep_ours)
    } else {
        theirs.to_string()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::tools::discovery::model::Call;
    use crate::tools::qualify::model::Deal;
    use chrono::{DateTime, NaiveDate, TimeZone, Utc};

    fn t(min: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_700_000_000 + min * 60, 0).unwrap()
    }

    fn deal(id: &str, name: &str, updated: i64) -> Deal {
        let mut d = Deal::new(id.into(), t(0));
        d.name = name.into();
        d.updated = t(updated);
        d
    }

    fn call(id: u64, title: &str, created: i64, updated: i64) -> Call {
        let mut c = Call::new(
            id,
            title.into(),
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            t(created),
        );
        c.updated_at = t(updated);
        c
    }

    #[test]
    fn deals_merge_by_id_and_the_newer_edit_wins() {
        let ours = DealsDoc {
            deals: vec![
                deal("a", "Acme (mine, newer)", 9),
                deal("b", "Beta (mine, older)", 1),
                deal("c", "Only mine", 1),
            ],
        };
        let theirs = DealsDoc {
            deals: vec![
                deal("a", "Acme (file)", 5),
                deal("b", "Beta (file, newer)", 7),
                deal("d", "Only in file", 2),
            ],
        };
        let names: Vec<String> = merge_deals(ours, theirs)
            .deals
            .into_iter()
            .map(|d| d.name)
            .collect();
        assert_eq!(
            names,
            [
                "Acme (mine, newer)",
                "Beta (file, newer)",
                "Only mine",
                "Only in file"
            ]
        );
    }

    #[test]
    fn calls_from_another_browser_never_overwrite_a_different_call_with_the_same_id() {
        let ours = CallsDoc {
            calls: vec![call(1, "Mine", 0, 3)],
            next_id: 2,
        };
        let theirs = CallsDoc {
            calls: vec![
                call(1, "Theirs, same id", 10, 11),
                call(2, "Theirs 2", 12, 12),
            ],
            next_id: 3,
        };
        let m = merge_calls(ours, theirs);
        let got: Vec<(u64, &str)> = m.calls.iter().map(|c| (c.id, c.title.as_str())).collect();
        assert_eq!(got, [(1, "Mine"), (3, "Theirs, same id"), (2, "Theirs 2")]);
        assert!(
            m.next_id > 3,
            "the next call gets an unused id: {}",
            m.next_id
        );
        // The same call (id and creation time) edited later in the file wins.
        let ours = CallsDoc {
            calls: vec![call(1, "Old title", 0, 3)],
            next_id: 2,
        };
        let theirs = CallsDoc {
            calls: vec![call(1, "New title", 0, 8)],
            next_id: 2,
        };
        assert_eq!(merge_calls(ours, theirs).calls[0].title, "New title");
    }

    #[test]
    fn merging_calls_at_id_u64_max_wraps_onto_nothing() {
        let ours = CallsDoc {
            calls: vec![
                call(u64::MAX, "Mine at the top", 0, 3),
                call(1, "Mine", 0, 3),
            ],
            next_id: u64::MAX,
        };
        let theirs = CallsDoc {
            calls: vec![
                call(u64::MAX, "Theirs at the top", 10, 11),
                call(1, "Theirs one", 10, 11),
            ],
            next_id: u64::MAX,
        };
        let m = merge_calls(ours, theirs);
        let mut ids: Vec<u64> = m.calls.iter().map(|c| c.id).collect();
        assert_eq!(m.calls.len(), 4);
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 4, "four calls, four ids");
        let title = |id| m.calls.iter().find(|c| c.id == id).unwrap().title.as_str();
        assert_eq!(title(u64::MAX), "Mine at the top");
        assert_eq!(title(1), "Mine");
    }

    #[test]
    fn a_merge_keeps_what_only_this_browser_has_and_describes_it() {
        let ours = vec![(
            storage_key::<DealsDoc>(),
            encode(&DealsDoc {
                deals: vec![deal("a", "A", 1), deal("b", "B", 1)],
            }),
        )];
        let file = vec![
            (
                storage_key::<DealsDoc>(),
                encode(&DealsDoc {
                    deals: vec![deal("c", "C", 1)],
                }),
            ),
            (
                storage_key::<CallsDoc>(),
                encode(&CallsDoc {
                    calls: vec![call(1, "X", 0, 0)],
                    next_id: 2,
                }),
            ),
        ];
        assert_eq!(describe(contents(&file)), "1 deal and 1 call");
        assert_eq!(describe(contents(&ours)), "2 deals");
        assert_eq!(describe(Contents::default()), "nothing");
        assert_eq!(
            describe(Contents {
                deals: 4,
                calls: 2,
                audits: 3,
                calculator: true
            }),
            "4 deals, 2 calls, 3 audits and calculator inputs"
        );
        let text = merged(&file[0].0, Some(&ours[0].1), &file[0].1);
        let Loaded::Ready(m) = decode::<DealsDoc>(Some(&text)) else {
            panic!("{text}")
        };
        assert_eq!(m.deals.len(), 3);
        // Nothing here yet: the file's document as it is.
        assert_eq!(merged(&file[1].0, None, &file[1].1), file[1].1);
    }

    #[test]
    fn single_documents_keep_this_browsers_version_unless_it_is_empty() {
        let key = storage_key::<BenchmarksDoc>();
        let mut mine = BenchmarksDoc::default();
        mine.apply(crate::tools::benchmarks::model::Action::LoadExample);
        let empty = encode(&BenchmarksDoc::default());
        assert_eq!(merged(&key, Some(&encode(&mine)), &empty), encode(&mine));
        assert_eq!(merged(&key, Some(&empty), &encode(&mine)), encode(&mine));
    }
}

//! The four tools, and restoring their data (`restore`). Each tool's
//! folder holds a pure `model/` (data, formulas, flows; tested natively)
//! and, on wasm only, the views that render it.

pub mod audit;
pub mod benchmarks;
pub mod discovery;
pub mod qualify;
pub mod restore;

use crate::storage::{check_document, Document, KEY_PREFIX};

/// What a stored document holds, in the user's words, for messages about
/// it ("The deals in this file can't be used…").
pub fn document_label(key: &str) -> &'static str {
    match key.strip_prefix(KEY_PREFIX) {
        Some(k) if k == audit::model::AuditDoc::KEY => "audit",
        Some(k) if k == qualify::model::DealsDoc::KEY => "deals",
        Some(k) if k == discovery::model::CallsDoc::KEY => "calls",
        Some(k) if k == benchmarks::model::BenchmarksDoc::KEY => "calculator inputs",
        Some(k) if k == crate::settings::Settings::KEY => "settings",
        _ => "data",
    }
}

/// Import validation: every document in an import file must be one this
/// build knows, and must decode cleanly, before anything is written.
pub fn validate_document(key: &str, raw: &str) -> Result<(), String> {
    let short = key
        .strip_prefix(KEY_PREFIX)
        .ok_or("it is not Stagecraft data")?;
    match short {
        k if k == audit::model::AuditDoc::KEY => check_document::<audit::model::AuditDoc>(raw),
        k if k == qualify::model::DealsDoc::KEY => check_document::<qualify::model::DealsDoc>(raw),
        k if k == discovery::model::CallsDoc::KEY => {
            check_document::<discovery::model::CallsDoc>(raw)
        }
        k if k == benchmarks::model::BenchmarksDoc::KEY => {
            check_document::<benchmarks::model::BenchmarksDoc>(raw)
        }
        k if k == crate::settings::Settings::KEY => {
            check_document::<crate::settings::Settings>(raw)
        }
        _ => Err("this version of Stagecraft does not know that data".into()),
    }
}

// Issue 16, item 7: a field a newer build adds at the same version must
// survive a save here, for every document type.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod unknown_fields {
    use crate::storage::merge::merge_texts;
    use crate::storage::{decode, encode, Document, Loaded};
    use chrono::{NaiveDate, TimeZone, Utc};
    use serde_json::Value;

    /// Adds a field this build doesn't know to every struct in `v`. Not to
    /// maps keyed by an enum (a deal's `answers`): a key there that this
    /// build doesn't know is a new criterion, a change of schema that
    /// comes with a new version, so it is rightly read as damage.
    fn add_unknown_fields(v: &mut Value, path: &str) {
        match v {
            Value::Object(m) => {
                for (k, child) in m.iter_mut() {
                    add_unknown_fields(child, &format!("{path}.{k}"));
                }
                if !path.ends_with(".answers") {
                    m.insert("zz_from_a_newer_build".into(), Value::String(path.into()));
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter_mut().enumerate() {
                    add_unknown_fields(child, &format!("{path}[{i}]"));
                }
            }
            _ => {}
        }
    }

    /// Every unknown field of `theirs` is in `out`, at the same place,
    /// following lists by position (the edits here don't reorder them).
    fn assert_unknown_fields_kept(theirs: &Value, out: &Value) {
        match (theirs, out) {
            (Value::Object(t), Value::Object(o)) => {
                for (k, tv) in t {
                    let Some(ov) = o.get(k) else {
                        assert!(k != "zz_from_a_newer_build", "lost {tv}");
                        continue;
                    };
                    if k == "zz_from_a_newer_build" {
                        assert_eq!(tv, ov);
                    } else {
                        assert_unknown_fields_kept(tv, ov);
                    }
                }
            }
            (Value::Array(t), Value::Array(o)) => {
                for (tv, ov) in t.iter().zip(o) {
                    assert_unknown_fields_kept(tv, ov);
                }
            }
            _ => {}
        }
    }

    /// Stores `doc` with unknown fields everywhere, loads it, saves `edit`
    /// of it, and checks the saved text: the edit is there, and so is
    /// every unknown field.
    fn check<T: Document + std::fmt::Debug>(doc: T, edit: impl Fn(&mut T)) {
        let mut stored: Value = serde_json::from_str(&encode(&doc)).unwrap();
        add_unknown_fields(&mut stored, "");
        let stored = stored.to_string();
        let loaded = match decode::<T>(Some(&stored)) {
            Loaded::Ready(v) => v,
            other => panic!("{} with unknown fields no longer loads: {other:?}", T::KEY),
        };
        assert_eq!(
            loaded,
            doc,
            "{}: unknown fields change nothing known",
            T::KEY
        );
        let mut mine = loaded.clone();
        edit(&mut mine);
        assert_ne!(mine, loaded, "{}: the edit changes something", T::KEY);
        let saved = merge_texts(&encode(&loaded), &encode(&mine), &stored).unwrap();
        assert_eq!(
            decode::<T>(Some(&saved)),
            Loaded::Ready(mine),
            "{}: the edit is saved",
            T::KEY
        );
        assert_unknown_fields_kept(
            &serde_json::from_str(&stored).unwrap(),
            &serde_json::from_str(&saved).unwrap(),
        );
    }

    fn now() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap()
    }

    #[test]
    fn deals_keep_fields_a_newer_build_added() {
        let mut doc = super::qualify::model::DealsDoc::default();
        let a = doc.create(now(), 1);
        doc.create(now(), 2);
        doc.rename(&a, "Northwind", now());
        check(doc, |d| {
            let id = d.sorted()[0].id.clone();
            d.rename(&id, "Northwind Health", now());
        });
    }

    #[test]
    fn calls_keep_fields_a_newer_build_added() {
        use super::discovery::model::{Call, CallsDoc};
        let day = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let mut call = Call::new(1, "Intro".into(), day, now());
        call.add_stakeholder();
        call.add_action();
        let doc = CallsDoc {
            calls: vec![call, Call::new(2, "Demo".into(), day, now())],
            next_id: 3,
        };
        check(doc, |d| d.calls[1].title = "Demo, take two".into());
    }

    #[test]
    fn audits_keep_fields_a_newer_build_added() {
        use super::audit::model::{Action, AuditDoc};
        let mut doc = AuditDoc::default();
        let today = now().date_naive();
        doc.apply(Action::Start, today);
        check(doc, |d| {
            d.apply(
                Action::Answer {
                    index: 0,
                    answer: super::audit::model::Answer::MAX,
                    advance: true,
                },
                today,
            );
        });
    }

    #[test]
    fn calculator_inputs_keep_fields_a_newer_build_added() {
        use super::benchmarks::model::{Action, BenchmarksDoc};
        let mut doc = BenchmarksDoc::default();
        doc.apply(Action::LoadExample);
        check(doc, |d| d.prospects = "401".into());
    }

    #[test]
    fn settings_keep_fields_a_newer_build_added() {
        let doc = crate::settings::Settings::default();
        check(doc, |s| s.currency = Some("EUR".into()));
    }
}

//! Property tests of the storage rules against every real document type:
//! unknown fields survive a load and a save, wherever they sit.

use super::{decode, encode, Document, Loaded};
use crate::tools::{audit, benchmarks, discovery, qualify};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Any small JSON value a newer build might add (no floats: they are
/// compared after a round trip through text).
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A field name no build uses (every real field is snake_case ASCII).
fn unknown_name() -> impl Strategy<Value = String> {
    "[a-z]{1,8}".prop_map(|s| format!("zz_{s}"))
}

/// Loads `data` as `T`, saves it, loads it again: the document must be the
/// same both times, and the saved JSON must still hold `value` at every
/// `pointer` (each pointing at an unknown field that was put in `data`).
fn survives<T: Document + std::fmt::Debug>(data: Value, pointers: &[String], value: &Value) {
    let raw = json!({ "version": T::VERSION, "data": data }).to_string();
    let doc = match decode::<T>(Some(&raw)) {
        Loaded::Ready(d) => d,
        other => panic!("not readable: {other:?} from {raw}"),
    };
    let saved = encode(&doc);
    assert_eq!(decode::<T>(Some(&saved)), Loaded::Ready(doc.clone()));
    let saved: Value = serde_json::from_str(&saved).unwrap();
    for p in pointers {
        assert_eq!(
            saved.pointer(&format!("/data{p}")),
            Some(value),
            "{p} lost in {saved}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn unknown_fields_survive_load_and_save_in_every_document(name in unknown_name(), v in any_json()) {
        let at = |path: &str| format!("{path}/{name}");
        let mut data = json!({});
        data[&name] = v.clone();
        survives::<audit::model::AuditDoc>(data.clone(), &[at("")], &v);

        let mut bench = json!({ "baseline": {} });
        bench[&name] = v.clone();
        bench["baseline"][&name] = v.clone();
        survives::<benchmarks::model::BenchmarksDoc>(bench, &[at(""), at("/baseline")], &v);

        let mut deal = json!({ "id": "d1", "name": "Acme", "answers": { "metrics": {} } });
        deal[&name] = v.clone();
        deal["answers"]["metrics"][&name] = v.clone();
        let mut deals = json!({ "deals": [deal] });
        deals[&name] = v.clone();
        survives::<qualify::model::DealsDoc>(
            deals,
            &[at(""), at("/deals/0"), at("/deals/0/answers/metrics")],
            &v,
        );

        let mut call = json!({
            "id": 1, "date": "2026-11-30", "created_at": 0, "updated_at": 0,
            "stakeholders": [{ "id": 1 }], "plan": [{ "id": 2 }],
            "pain": {}, "outcome": {}, "decision": {}
        });
        call[&name] = v.clone();
        for part in ["pain", "outcome", "decision"] {
            call[part][&name] = v.clone();
        }
        call["stakeholders"][0][&name] = v.clone();
        call["plan"][0][&name] = v.clone();
        let mut calls = json!({ "calls": [call], "next_id": 2 });
        calls[&name] = v.clone();
        survives::<discovery::model::CallsDoc>(
            calls,
            &[
                at(""),
                at("/calls/0"),
                at("/calls/0/pain"),
                at("/calls/0/outcome"),
                at("/calls/0/decision"),
                at("/calls/0/stakeholders/0"),
                at("/calls/0/plan/0"),
            ],
            &v,
        );
    }
}

/// Any text, including JSON-looking text that is still damaged.
fn damaged_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        Just("{not json".to_string()),
        Just(r#"{"version":1,"data":{"deals":"not a list"}}"#.to_string()),
        Just(r#"{"version":1,"data":{"calls":[{"id":-1}]}}"#.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// An export taken in any state, damaged documents included, imports
    /// back: every good document is restored as it was, and the text of
    /// every damaged one and every backup is kept.
    #[test]
    fn any_export_imports_back_with_every_good_document(
        damaged in damaged_text(),
        backup in ".{0,20}",
        title in "[a-zA-Z ]{0,12}",
    ) {
        use super::{build_export, plan_import};
        let mut bench = benchmarks::model::BenchmarksDoc::default();
        bench.prospects = title.clone();
        let good = encode(&bench);
        let audit = encode(&audit::model::AuditDoc::default());
        let entries = vec![
            ("stagecraft.audit".to_string(), audit.clone()),
            ("stagecraft.benchmarks".to_string(), good.clone()),
            ("stagecraft.benchmarks.backup".to_string(), backup.clone()),
            ("stagecraft.qualify".to_string(), damaged.clone()),
        ];
        let file = build_export(&entries, "now");
        let plan = plan_import(&file, crate::tools::validate_document).expect("importable");
        let doc = |key: &str| plan.documents.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        prop_assert_eq!(
            decode::<benchmarks::model::BenchmarksDoc>(doc("stagecraft.benchmarks").as_deref()),
            Loaded::Ready(bench)
        );
        prop_assert!(doc("stagecraft.audit").is_some());
        prop_assert!(plan.backups.iter().any(|(_, v)| *v == backup));
        let qualify_ok = crate::tools::validate_document("stagecraft.qualify", &damaged).is_ok();
        if !qualify_ok {
            prop_assert!(plan.skipped.iter().any(|(k, _)| k == "stagecraft.qualify") || plan.backups.iter().any(|(_, v)| *v == damaged));
            prop_assert!(plan.backups.iter().any(|(_, v)| *v == damaged || serde_json::from_str::<Value>(v).ok() == serde_json::from_str::<Value>(&damaged).ok()));
        }
    }

    /// Random bytes and mutations of a valid export never panic, and
    /// either refuse the file or plan only checked documents.
    #[test]
    fn import_files_never_panic(
        noise in prop::collection::vec(any::<u8>(), 0..200),
        cut in 0usize..400,
        insert in ".{0,8}",
    ) {
        use super::{build_export, plan_import};
        let _ = plan_import(&String::from_utf8_lossy(&noise), crate::tools::validate_document);
        let valid = build_export(
            &[("stagecraft.audit".to_string(), encode(&audit::model::AuditDoc::default()))],
            "now",
        );
        let mut at = cut.min(valid.len());
        while !valid.is_char_boundary(at) {
            at -= 1;
        }
        let mutated = format!("{}{insert}{}", &valid[..at], &valid[at..]);
        if let Ok(plan) = plan_import(&mutated, crate::tools::validate_document) {
            for (k, v) in &plan.documents {
                prop_assert!(crate::tools::validate_document(k, v).is_ok());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Share links, fuzzed: random bytes and one-character mutations of a
    /// real link never panic, through the route parser and the share
    /// decoder; a mutation is either refused or decodes to a valid set.
    #[test]
    fn share_links_never_panic(
        values in proptest::array::uniform16(0u8..=3),
        noise in prop::collection::vec(any::<u8>(), 0..80),
        at in 0usize..80,
        with in any::<char>(),
    ) {
        use crate::route::{parse_hash, Route};
        use audit::share::{share_fragment, AuditRoute};
        let set = audit::model::AnswerSet(values.map(|v| audit::model::Answer::new(v).unwrap()));
        let link = share_fragment(&set);
        let mut chars: Vec<char> = link.chars().collect();
        let i = at.min(chars.len().saturating_sub(1));
        chars[i] = with;
        let mutated: String = chars.into_iter().collect();
        for hash in [link.clone(), mutated, String::from_utf8_lossy(&noise).into_owned()] {
            if let Route::Tool { rest, .. } = parse_hash(&hash).route {
                let _ = AuditRoute::parse(&rest);
            }
        }
        let Route::Tool { rest, .. } = parse_hash(&link).route else {
            panic!("a share link is a tool route");
        };
        prop_assert_eq!(AuditRoute::parse(&rest), AuditRoute::Shared(Ok(set)));
    }
}

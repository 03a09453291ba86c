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

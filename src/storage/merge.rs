//! The three-way merge that lets two tabs edit the same document: what
//! another tab saved is adopted wherever this tab has not changed anything
//! since its last save, and this tab's pending edits are kept everywhere
//! else. Pure, over `serde_json::Value`, so it works for every document.

use serde_json::{Map, Value};

/// Merges `ours` (this tab's working copy) and `theirs` (what another tab
/// just saved), both descended from `base` (what this tab last saved or
/// adopted). Objects merge field by field; arrays whose items all carry an
/// `id` merge item by item (added, edited and deleted items from either
/// side); anything else that both sides changed keeps ours. A deletion
/// never wins over an edit made on the other side, so nothing typed is lost.
pub fn merge3(base: &Value, ours: &Value, theirs: &Value) -> Value {
    merge_opt(Some(base), Some(ours), Some(theirs)).unwrap_or(Value::Null)
}

fn merge_opt(base: Option<&Value>, ours: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
    if ours == base {
        return theirs.cloned();
    }
    if theirs == base || ours == theirs {
        return ours.cloned();
    }
    match (ours, theirs) {
        (Some(Value::Object(o)), Some(Value::Object(t))) => {
            let empty = Map::new();
            let b = match base {
                Some(Value::Object(b)) => b,
                _ => &empty,
            };
            Some(Value::Object(merge_objects(b, o, t)))
        }
        (Some(Value::Array(o)), Some(Value::Array(t))) => {
            let b: &[Value] = match base {
                Some(Value::Array(b)) => b,
                _ => &[],
            };
            match merge_items(b, o, t) {
                Some(merged) => Some(Value::Array(merged)),
                None => Some(Value::Array(o.clone())),
            }
        }
        // One side deleted what the other changed: keep the change.
        (None, t) => t.cloned(),
        (o, _) => o.cloned(),
    }
}

fn merge_objects(
    b: &Map<String, Value>,
    o: &Map<String, Value>,
    t: &Map<String, Value>,
) -> Map<String, Value> {
    let mut out = Map::new();
    // Ours first, so fields keep this tab's order; then fields only theirs has.
    let keys = o
        .keys()
        .chain(t.keys().filter(|k| !o.contains_key(*k)))
        .chain(
            b.keys()
                .filter(|k| !o.contains_key(*k) && !t.contains_key(*k)),
        );
    for k in keys {
        if let Some(v) = merge_opt(b.get(k), o.get(k), t.get(k)) {
            out.insert(k.clone(), v);
        }
    }
    out
}

/// The `id` of an array item, as text (ids are strings or numbers).
fn id_of(v: &Value) -> Option<String> {
    match v.get("id")? {
        Value::String(s) => Some(format!("s{s}")),
        Value::Number(n) => Some(format!("n{n}")),
        _ => None,
    }
}

/// Merges arrays of items with ids; `None` when some item has no id (or
/// ids repeat), and the arrays are then treated as single values.
fn merge_items(b: &[Value], o: &[Value], t: &[Value]) -> Option<Vec<Value>> {
    let index = |list: &[Value]| -> Option<Vec<(String, usize)>> {
        let mut ids: Vec<(String, usize)> = Vec::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            ids.push((id_of(v)?, i));
        }
        let mut sorted: Vec<&String> = ids.iter().map(|(id, _)| id).collect();
        sorted.sort();
        sorted.dedup();
        (sorted.len() == ids.len()).then_some(ids)
    };
    let (bi, oi, ti) = (index(b)?, index(o)?, index(t)?);
    let find = |ids: &[(String, usize)], list: &'_ [Value], id: &str| -> Option<Value> {
        ids.iter()
            .find(|(k, _)| k == id)
            .map(|(_, i)| list[*i].clone())
    };
    let mut out = Vec::new();
    // Their order (a reorder there is adopted), then items only we have.
    let order = ti.iter().map(|(id, _)| id).chain(
        oi.iter()
            .map(|(id, _)| id)
            .filter(|id| !ti.iter().any(|(k, _)| k == *id)),
    );
    for id in order {
        let (bv, ov, tv) = (find(&bi, b, id), find(&oi, o, id), find(&ti, t, id));
        if let Some(v) = merge_opt(bv.as_ref(), ov.as_ref(), tv.as_ref()) {
            out.push(v);
        }
    }
    Some(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn fields_this_tab_did_not_touch_follow_the_other_tab() {
        let base = json!({ "name": "Acme", "company": "", "acv": "10" });
        let ours = json!({ "name": "Acme", "company": "Initech", "acv": "10" });
        let theirs = json!({ "name": "Acme Corp", "company": "", "acv": "10" });
        assert_eq!(
            merge3(&base, &ours, &theirs),
            json!({ "name": "Acme Corp", "company": "Initech", "acv": "10" })
        );
    }

    #[test]
    fn the_same_field_changed_in_both_keeps_this_tabs_text() {
        let base = json!({ "notes": "" });
        let ours = json!({ "notes": "metric typed in tab A" });
        let theirs = json!({ "notes": "metric typed in tab B" });
        assert_eq!(merge3(&base, &ours, &theirs), ours);
    }

    #[test]
    fn items_with_ids_merge_one_by_one() {
        let base = json!({ "deals": [{ "id": "a", "name": "A" }, { "id": "b", "name": "B" }] });
        // We renamed a and added c; they renamed b, deleted nothing, added d.
        let ours = json!({ "deals": [{ "id": "a", "name": "A2" }, { "id": "b", "name": "B" }, { "id": "c", "name": "C" }] });
        let theirs = json!({ "deals": [{ "id": "a", "name": "A" }, { "id": "b", "name": "B2" }, { "id": "d", "name": "D" }] });
        assert_eq!(
            merge3(&base, &ours, &theirs),
            json!({ "deals": [
                { "id": "a", "name": "A2" }, { "id": "b", "name": "B2" },
                { "id": "d", "name": "D" }, { "id": "c", "name": "C" }
            ] })
        );
    }

    #[test]
    fn a_deletion_applies_unless_the_other_side_edited_the_item() {
        let base = json!([{ "id": 1, "t": "x" }, { "id": 2, "t": "y" }]);
        let ours = json!([{ "id": 1, "t": "x" }, { "id": 2, "t": "y, edited" }]);
        let theirs = json!([]);
        assert_eq!(
            merge3(&base, &ours, &theirs),
            json!([{ "id": 2, "t": "y, edited" }])
        );
    }

    fn small_doc() -> impl Strategy<Value = Value> {
        let item = (0u8..4, "[a-c]{0,2}").prop_map(|(id, t)| json!({ "id": id, "t": t }));
        (
            prop::collection::btree_map(0u8..4, item, 0..4),
            "[a-c]{0,2}",
            any::<bool>(),
        )
            .prop_map(|(items, name, flag)| {
                let items: Vec<Value> = items.into_values().collect();
                let mut seen = std::collections::BTreeSet::new();
                let items: Vec<Value> = items
                    .into_iter()
                    .filter(|v| seen.insert(v["id"].to_string()))
                    .collect();
                json!({ "items": items, "name": name, "flag": flag })
            })
    }

    proptest! {
        /// Without edits on one side the other side is taken whole, and
        /// merging is never lossy for a side that alone changed a field.
        #[test]
        fn one_sided_changes_are_taken_whole(base in small_doc(), other in small_doc()) {
            prop_assert_eq!(merge3(&base, &base, &other), other.clone());
            prop_assert_eq!(merge3(&base, &other, &base), other.clone());
            prop_assert_eq!(merge3(&base, &other, &other), other);
        }

        #[test]
        fn our_changed_fields_always_survive(base in small_doc(), ours in small_doc(), theirs in small_doc()) {
            let merged = merge3(&base, &ours, &theirs);
            for field in ["name", "flag"] {
                if ours[field] != base[field] {
                    prop_assert_eq!(&merged[field], &ours[field]);
                } else {
                    prop_assert_eq!(&merged[field], &theirs[field]);
                }
            }
        }
    }
}

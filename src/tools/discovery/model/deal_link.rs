//! Linking a call to a qualification deal: the picker's choices, read from
//! the qualify tool's stored text.

use crate::storage::Document;
use serde::Deserialize;

/// Just the fields of a qualification deal the call picker needs.
#[derive(Deserialize)]
struct DealLite {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    company: String,
    /// RFC 3339 text; compared as text (same format throughout).
    #[serde(default)]
    created: String,
    #[serde(default)]
    updated: String,
}

#[derive(Deserialize)]
struct DealsLite {
    #[serde(default)]
    deals: Vec<DealLite>,
}

/// The qualify tool's deals as `(id, label)`, most recently updated first,
/// read from its stored text. Same result as
/// `qualify::model::deal_choices` (a test holds the two together), but it
/// decodes only four fields: decoding whole deals would add about 40 KB of
/// code to this page for a drop-down list. Data this build doesn't know
/// (another version, damage) gives an empty list; the qualify tool itself
/// reports those problems.
pub fn deal_choices_from_stored(raw: Option<&str>) -> Vec<(String, String)> {
    use crate::tools::qualify::model::DealsDoc;
    let Some(envelope) = raw.and_then(|r| serde_json::from_str::<crate::storage::Envelope>(r).ok())
    else {
        return Vec::new();
    };
    if envelope.version != DealsDoc::VERSION {
        return Vec::new();
    }
    let Ok(doc) = serde_json::from_value::<DealsLite>(envelope.data) else {
        return Vec::new();
    };
    let mut deals = doc.deals;
    deals.sort_by(|a, b| {
        b.updated
            .cmp(&a.updated)
            .then(b.created.cmp(&a.created))
            .then(a.id.cmp(&b.id))
    });
    deals
        .into_iter()
        .map(|d| {
            let name = match d.name.trim() {
                "" => "Untitled deal",
                n => n,
            };
            let company = d.company.trim();
            let label = if company.is_empty() {
                name.to_string()
            } else {
                format!("{name} ({company})")
            };
            (d.id, label)
        })
        .collect()
}

// Native only, like the rest of the model's tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::storage::encode;
    use chrono::{DateTime, Duration, TimeZone, Utc};

    fn at(secs: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 10, 10, 0, 0).unwrap() + Duration::seconds(secs)
    }

    #[test]
    fn deal_picker_matches_the_qualify_tool() {
        use crate::tools::qualify::model::{deal_choices, DealsDoc};
        let mut doc = DealsDoc::default();
        let a = doc.create(at(0), 1);
        let b = doc.create(at(5), 2);
        let c = doc.create(at(9), 3);
        doc.rename(&a, "Acme rollout", at(20));
        doc.get_mut(&a).unwrap().company = "Acme".into();
        doc.rename(&c, "  ", at(11));
        let raw = encode(&doc);
        let mine = deal_choices_from_stored(Some(&raw));
        assert_eq!(mine, deal_choices(&doc));
        assert_eq!(mine[0], (a, "Acme rollout (Acme)".to_string()));
        assert_eq!(mine.len(), 3);
        assert!(mine
            .iter()
            .any(|(id, label)| *id == b && label == "Untitled deal"));
    }

    #[test]
    fn deal_picker_is_empty_for_missing_newer_or_damaged_data() {
        assert!(deal_choices_from_stored(None).is_empty());
        assert!(deal_choices_from_stored(Some("{oops")).is_empty());
        assert!(
            deal_choices_from_stored(Some(r#"{"version":99,"data":{"deals":[{"id":"x"}]}}"#))
                .is_empty()
        );
        assert!(
            deal_choices_from_stored(Some(r#"{"version":1,"data":{"deals":"nope"}}"#)).is_empty()
        );
    }
}

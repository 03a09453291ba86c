//! The light view of qualify's deals that other tools may read: id, name,
//! company and the two timestamps of each deal, nothing else. Discovery's
//! "link to a deal" picker reads it so that its page never compiles the
//! full deal deserialiser (about 40 KB for a drop-down list), and so no
//! other tool parses this tool's stored format itself.

use crate::storage::DocumentView;
use crate::tools::qualify::model::DealsDoc;
use serde::Deserialize;

/// Just the fields of a deal a picker needs.
#[derive(Deserialize)]
struct DealLight {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    company: String,
    /// RFC 3339 text, as `DealsDoc` writes it: compared as text, which sorts
    /// the same way because the format never varies.
    #[serde(default)]
    created: String,
    #[serde(default)]
    updated: String,
}

/// Qualify's deals as seen from another tool (read it with
/// `storage::browser::read_view`, which applies `DealsDoc`'s version rules).
#[derive(Default, Deserialize)]
pub struct DealsLight {
    #[serde(default)]
    deals: Vec<DealLight>,
}

impl DocumentView for DealsLight {
    type Of = DealsDoc;
}

impl DealsLight {
    /// The company typed on one deal, if the deal exists and has one.
    pub fn company(&self, id: &str) -> Option<String> {
        self.deals
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.company.trim().to_string())
            .filter(|c| !c.is_empty())
    }

    /// The deals as `(id, label)`, most recently updated first: the same
    /// list as `deal_choices` on the full document (a test holds the two
    /// together).
    pub fn choices(self) -> Vec<(String, String)> {
        let deals = self.deals;
        crate::order::sorted_by(&deals, |a, b| {
            b.updated
                .cmp(&a.updated)
                .then(b.created.cmp(&a.created))
                .then(a.id.cmp(&b.id))
        })
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
            (d.id.clone(), label)
        })
        .collect()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::storage::{decode_view, encode, Loaded};
    use crate::tools::qualify::model::deal_choices;
    use chrono::{DateTime, Duration, Utc};

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::<Utc>::UNIX_EPOCH + Duration::days(20_500) + Duration::seconds(secs)
    }

    /// What a reader gets from stored text, as `read_view` would give it.
    fn choices_from(raw: Option<&str>) -> Vec<(String, String)> {
        match decode_view::<DealsLight>(raw) {
            Loaded::Ready(v) => v.choices(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn light_choices_match_the_full_document() {
        let mut doc = DealsDoc::default();
        let a = doc.create(at(0), 1);
        let b = doc.create(at(5), 2);
        let c = doc.create(at(9), 3);
        doc.rename(&a, "Acme rollout", at(20));
        doc.get_mut(&a).unwrap().company = "Acme".into();
        doc.rename(&c, "  ", at(11));
        let raw = encode(&doc);
        let light = choices_from(Some(&raw));
        assert_eq!(light, deal_choices(&doc));
        assert_eq!(light[0], (a, "Acme rollout (Acme)".to_string()));
        assert_eq!(light.len(), 3);
        assert!(light
            .iter()
            .any(|(id, label)| *id == b && label == "Untitled deal"));
    }

    #[test]
    fn light_choices_are_empty_for_missing_newer_or_damaged_data() {
        assert!(choices_from(None).is_empty());
        assert!(choices_from(Some("{oops")).is_empty());
        assert!(choices_from(Some(r#"{"version":99,"data":{"deals":[{"id":"x"}]}}"#)).is_empty());
        assert!(choices_from(Some(r#"{"version":1,"data":{"deals":"nope"}}"#)).is_empty());
    }

    #[test]
    fn light_choices_read_deals_that_only_have_an_id() {
        let raw = r#"{"version":1,"data":{"deals":[{"id":"d-1"}]}}"#;
        assert_eq!(
            choices_from(Some(raw)),
            vec![("d-1".to_string(), "Untitled deal".to_string())]
        );
    }
}

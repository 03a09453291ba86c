//! Versioned, never-lossy persistence for every tool.
//!
//! The pure half (this file) decides what a stored string *means*: a current
//! document, an older one to migrate, one written by a newer app, or damage.
//! The browser half (`storage/browser.rs`) talks to `localStorage`, falls back
//! to memory when storage is missing, and reports problems as notices. Keeping
//! the decisions pure lets every failure path be tested natively.

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::BTreeMap;

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod merge;

/// Every key the app writes starts with this, so export, reset and the
/// cross-tab listener can tell our data from a host page's.
pub const KEY_PREFIX: &str = "stagecraft.";

/// Corrupt data is copied here before a tool starts from empty.
pub const BACKUP_SUFFIX: &str = ".backup";

/// A tool's persisted state. Implementors choose a key and a schema version,
/// and supply one migration step per older version they still understand.
pub trait Document:
    Serialize + DeserializeOwned + Default + Clone + PartialEq + Send + Sync + 'static
{
    /// Short key, without the prefix: `"audit"` is stored at `stagecraft.audit`.
    const KEY: &'static str;
    /// The schema version this build writes.
    const VERSION: u32;

    /// Upgrades the JSON of version `from` to version `from + 1`.
    /// Steps run in order, so each one only knows its neighbour.
    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        let _ = data;
        Err(format!("no migration from version {from}"))
    }
}

/// The wire format of one stored document: `{"version":N,"data":…}`.
/// `data` is kept as raw text, so a current document is read straight from
/// the stored string: each document type's deserialiser is compiled once
/// (for text), not twice (for text and for `serde_json::Value`), which is a
/// few kilobytes of wasm per type.
///
/// `version` is kept as its number text too: a newer build may count past
/// any fixed width, and a version too big for this build's integer type is
/// still a newer document to leave alone, not damage.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    version: &'a RawValue,
    #[serde(borrow)]
    data: &'a RawValue,
}

/// A stored version: whole digits only (`2.0`, `-1` and `"2"` are damage).
/// Past `u64::MAX` it reads as `u64::MAX`, newer than any build.
fn version_number(text: &str) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(t.parse().unwrap_or(u64::MAX))
}

/// What a stored string turned out to hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    /// Nothing stored yet.
    Missing,
    /// A usable document, migrated to the current version if needed.
    Ready(T),
    /// Unreadable JSON or a failed migration. `raw` must be backed up.
    Corrupt { raw: String, reason: String },
    /// Written by a newer Stagecraft: leave it alone, never overwrite.
    Newer { found: u64 },
}

/// The full storage key of a document type.
pub fn storage_key<T: Document>() -> String {
    format!("{KEY_PREFIX}{}", T::KEY)
}

/// Where the raw text of a damaged document is kept. `n` counts earlier
/// backups of the same key, so a second accident never overwrites the first.
pub fn backup_key(key: &str, n: u32) -> String {
    if n <= 1 {
        format!("{key}{BACKUP_SUFFIX}")
    } else {
        format!("{key}{BACKUP_SUFFIX}.{n}")
    }
}

/// Whether a key holds a backup rather than a live document.
pub fn is_backup_key(key: &str) -> bool {
    key.contains(BACKUP_SUFFIX)
}

/// Serialises a document in its envelope.
pub fn encode<T: Document>(value: &T) -> String {
    let data = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    format!("{{\"version\":{},\"data\":{data}}}", T::VERSION)
}

/// Interprets a stored string, running migrations in order.
pub fn decode<T: Document>(raw: Option<&str>) -> Loaded<T> {
    decode_as::<T, T>(raw)
}

/// A read-only slice of another tool's document: only the fields a reader
/// needs, so a page that shows, say, a list of deal names does not compile
/// the owner's whole deserialiser. The owning tool publishes it beside its
/// document, so no other tool ever parses its stored format.
pub trait DocumentView: DeserializeOwned + 'static {
    /// The document this is a view of; its key, version and migrations apply.
    type Of: Document;
}

/// Interprets a stored string as a view, with the same envelope, version
/// and migration rules as its document (a newer or damaged document is
/// never read as if it were current).
pub fn decode_view<V: DocumentView>(raw: Option<&str>) -> Loaded<V> {
    decode_as::<V::Of, V>(raw)
}

/// Runs `T`'s envelope rules and migrations, then reads the data as `V`.
fn decode_as<T: Document, V: DeserializeOwned>(raw: Option<&str>) -> Loaded<V> {
    let Some(raw) = raw else {
        return Loaded::Missing;
    };
    let corrupt = |reason: String| Loaded::Corrupt {
        raw: raw.to_string(),
        reason,
    };
    let envelope: Envelope = match serde_json::from_str(raw) {
        Ok(e) => e,
        Err(e) => return corrupt(format!("not valid saved data ({e})")),
    };
    let Some(version) = version_number(envelope.version.get()) else {
        return corrupt("its version is not a whole number".into());
    };
    if version > u64::from(T::VERSION) {
        return Loaded::Newer { found: version };
    }
    // Now at most `T::VERSION`, so it fits.
    let version = version as u32;
    if version == 0 {
        return corrupt("version 0 does not exist".into());
    }
    // Only an older document goes through `Value`, for its migrations;
    // the result is written back to text and read like a current one.
    let upgraded;
    let text = if version == T::VERSION {
        envelope.data.get()
    } else {
        let mut data: Value = match serde_json::from_str(envelope.data.get()) {
            Ok(d) => d,
            Err(e) => return corrupt(format!("not valid saved data ({e})")),
        };
        for from in version..T::VERSION {
            data = match T::migrate(from, data) {
                Ok(d) => d,
                Err(e) => return corrupt(format!("could not upgrade from version {from}: {e}")),
            };
        }
        upgraded = data.to_string();
        upgraded.as_str()
    };
    match serde_json::from_str::<V>(text) {
        Ok(v) => Loaded::Ready(v),
        Err(e) => corrupt(format!("saved data has an unexpected shape ({e})")),
    }
}

/// One file holding every document, for "Export my data" and "Import".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportBundle {
    /// Always `"stagecraft"`, so a random JSON file is rejected early.
    pub app: String,
    pub format: u32,
    pub exported_at: String,
    /// Full storage key → the stored envelope, as JSON.
    pub documents: BTreeMap<String, Value>,
}

pub const EXPORT_FORMAT: u32 = 1;

/// Why an import file was refused. Nothing is changed when this is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("This file is not valid JSON, so nothing was imported.")]
    NotJson,
    #[error("This file is not a Stagecraft export, so nothing was imported.")]
    NotStagecraft,
    #[error("This export was made by a newer Stagecraft (format {0}). Nothing was imported.")]
    NewerFormat(u32),
    #[error("The export holds no data, so nothing was imported.")]
    Empty,
    /// Only when no document in the file can be used at all.
    #[error("“{key}” in this file can't be used: {reason}. Nothing was imported.")]
    BadDocument { key: String, reason: String },
    #[error("This file holds only backups of damaged data, with nothing to import, so nothing was imported.")]
    OnlyBackups,
    /// Storage refused a write; everything written was put back as it was.
    #[error("Nothing was imported: your browser's storage is full, so the file's data doesn't fit. Everything here is as it was. Free some space (delete backups you no longer need, or other sites' data) and try again.")]
    StorageFull,
    /// Storage would not let this page read a key the import would write.
    #[error("Nothing was imported: some data stored here can't be read by this version of Stagecraft (your browser won't let it, or a newer version saved it), and an import could overwrite what it can't see.")]
    Unreadable,
}

/// What an accepted import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportOutcome {
    /// How many documents (tools) the file replaced.
    pub count: usize,
    /// False when the data is only kept in memory until the page closes
    /// (storage was unavailable or full before the import).
    pub kept: bool,
}

/// The live key a backup key belongs to: `stagecraft.qualify.backup.2` →
/// `stagecraft.qualify`. A key that is not a backup is its own.
pub fn backup_base(key: &str) -> &str {
    key.find(BACKUP_SUFFIX).map_or(key, |i| &key[..i])
}

/// Where `raw`, a backup of `base`, goes among `taken` (every key already
/// holding a backup, with its text): `None` when a backup of `base`
/// already holds exactly this text (it is kept already), otherwise the
/// first backup key of `base` that no backup holds. Never a key that holds
/// a different backup, so keeping one never overwrites another.
fn place_backup(base: &str, raw: &str, taken: &[(String, String)]) -> Option<String> {
    if taken
        .iter()
        .any(|(k, v)| is_backup_key(k) && backup_base(k) == base && v == raw)
    {
        return None;
    }
    (1..)
        .map(|n| backup_key(base, n))
        .find(|candidate| taken.iter().all(|(k, _)| k != candidate))
}

/// Builds the export file from `(full key, raw stored text)` pairs, so it
/// holds everything stored and every piece can be imported back.
/// `validate` is `crate::tools::validate_document`: a live document it
/// refuses (damaged, newer, unknown) is exported under a free backup key,
/// its text as a JSON string, byte for byte, as the import would keep it
/// anyway; a whole file is then never refused for one bad document. Stored
/// backups are exported as their text too. Keys of other apps are skipped.
pub fn build_export(
    entries: &[(String, String)],
    exported_at: &str,
    validate: impl Fn(&str, &str) -> Result<(), String>,
) -> String {
    let ours = || entries.iter().filter(|(k, _)| k.starts_with(KEY_PREFIX));
    // Backups first, so a damaged document is placed beside them.
    let mut kept: Vec<(String, String)> =
        ours().filter(|(k, _)| is_backup_key(k)).cloned().collect();
    let mut documents = BTreeMap::new();
    for (key, raw) in ours().filter(|(k, _)| !is_backup_key(k)) {
        match serde_json::from_str::<Value>(raw) {
            Ok(value) if validate(key, raw).is_ok() => {
                documents.insert(key.clone(), value);
            }
            _ => {
                if let Some(at) = place_backup(key, raw, &kept) {
                    kept.push((at, raw.clone()));
                }
            }
        }
    }
    for (key, raw) in kept {
        documents.insert(key, Value::String(raw));
    }
    let bundle = ExportBundle {
        app: "stagecraft".into(),
        format: EXPORT_FORMAT,
        exported_at: exported_at.into(),
        documents,
    };
    serde_json::to_string_pretty(&bundle).unwrap_or_default()
}

/// A document in an import file that this build can't use as it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Unusable {
    /// The live key it was filed under, for `crate::tools::document_label`.
    pub key: String,
    /// Why, in the user's words (from `validate`).
    pub reason: String,
    /// Its text, to keep as a backup.
    pub raw: String,
}

/// A checked import file: what to import, and what to keep aside so that
/// nothing in the file is lost.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportPlan {
    /// The documents to import, as `(full key, raw text)`.
    pub docs: Vec<(String, String)>,
    /// Documents in the file that can't be imported, and why.
    pub skipped: Vec<Unusable>,
    /// The backups the file itself holds, as `(live key they belong to,
    /// raw text)`.
    pub backups: Vec<(String, String)>,
}

impl ImportPlan {
    /// Everything to keep as backups, as `(live key, raw text)` for
    /// `backup_writes`: the skipped documents, then the file's backups.
    pub fn kept_aside(&self) -> Vec<(String, String)> {
        self.skipped
            .iter()
            .map(|u| (backup_home(&u.key), u.raw.clone()))
            .chain(self.backups.iter().cloned())
            .collect()
    }
}

/// The live key under which a file's `key` is kept as a backup: its own,
/// or for a key outside Stagecraft's, the same under our prefix (where the
/// data page lists it, never among a host page's keys).
fn backup_home(key: &str) -> String {
    match backup_base(key) {
        b if b.starts_with(KEY_PREFIX) => b.to_string(),
        b => format!("{KEY_PREFIX}{b}"),
    }
}

/// Checks an import file completely before anything is written.
/// `validate` is asked about each document (key, raw envelope text) and
/// returns why it is unusable; see `crate::tools::validate_document`.
/// A bad document does not sink the file: it is listed in `skipped`, to
/// be kept as a backup with the file's own backups (`kept_aside`). Only a
/// file with no usable document at all is refused.
pub fn parse_import(
    text: &str,
    validate: impl Fn(&str, &str) -> Result<(), String>,
) -> Result<ImportPlan, ImportError> {
    let bundle: ExportBundle = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            ImportError::NotJson
        } else {
            ImportError::NotStagecraft
        }
    })?;
    if bundle.app != "stagecraft" {
        return Err(ImportError::NotStagecraft);
    }
    if bundle.format > EXPORT_FORMAT {
        return Err(ImportError::NewerFormat(bundle.format));
    }
    if bundle.documents.is_empty() {
        return Err(ImportError::Empty);
    }
    let mut plan = ImportPlan::default();
    for (key, doc) in bundle.documents {
        // Text that was kept as text (a backup, or damage an older export
        // kept as a string) is stored as that text, not as quoted JSON.
        let raw = match doc {
            Value::String(s) => s,
            other => other.to_string(),
        };
        if is_backup_key(&key) {
            plan.backups.push((backup_home(&key), raw));
            continue;
        }
        match validate(&key, &raw) {
            Ok(()) => plan.docs.push((key, raw)),
            Err(reason) => plan.skipped.push(Unusable { key, reason, raw }),
        }
    }
    if plan.docs.is_empty() {
        return Err(match plan.skipped.into_iter().next() {
            Some(Unusable { key, reason, .. }) => ImportError::BadDocument { key, reason },
            None => ImportError::OnlyBackups,
        });
    }
    Ok(plan)
}

/// Where an import keeps each of `backups` (see `ImportPlan::kept_aside`),
/// given the backups `stored` holds: `(backup key, text)` to write. Text
/// already kept in a backup of the same key is not written twice, and no
/// existing backup is ever overwritten.
pub fn backup_writes(
    backups: &[(String, String)],
    stored: &[(String, String)],
) -> Vec<(String, String)> {
    let mut taken: Vec<(String, String)> = stored
        .iter()
        .filter(|(k, _)| is_backup_key(k))
        .cloned()
        .collect();
    let mut out = Vec::new();
    for (base, raw) in backups {
        if let Some(at) = place_backup(base, raw, &taken) {
            taken.push((at.clone(), raw.clone()));
            out.push((at, raw.clone()));
        }
    }
    out
}

/// The shared import check for one document type: it must decode cleanly.
pub fn check_document<T: Document>(raw: &str) -> Result<(), String> {
    match decode::<T>(Some(raw)) {
        Loaded::Ready(_) => Ok(()),
        Loaded::Missing => Err("it is empty".into()),
        // The decoder's own words ("unknown variant `maybe`…") mean nothing
        // to the person importing; what they need is what happened.
        Loaded::Corrupt { .. } => {
            Err("it is damaged, or in a shape this version of Stagecraft can't read".into())
        }
        Loaded::Newer { found } => Err(format!(
            "it was saved by a newer Stagecraft (version {found})"
        )),
    }
}

// Pure tests run natively (`cargo test`); the wasm tier runs tests/web_*.rs.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Version 3 of a toy document. Version 1 stored `count` as a string,
    /// version 2 called it `total`.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    struct Counter {
        count: u32,
    }

    impl Document for Counter {
        const KEY: &'static str = "counter";
        const VERSION: u32 = 3;
        fn migrate(from: u32, data: Value) -> Result<Value, String> {
            match from {
                1 => {
                    let s = data["total"].as_str().ok_or("total missing")?;
                    let n: u32 = s.parse().map_err(|_| "total is not a number")?;
                    Ok(serde_json::json!({ "total": n }))
                }
                2 => Ok(serde_json::json!({ "count": data["total"] })),
                _ => Err(format!("unknown version {from}")),
            }
        }
    }

    #[test]
    fn round_trips_current_version() {
        let raw = encode(&Counter { count: 7 });
        assert_eq!(raw, r#"{"version":3,"data":{"count":7}}"#);
        assert_eq!(
            decode::<Counter>(Some(&raw)),
            Loaded::Ready(Counter { count: 7 })
        );
    }

    #[test]
    fn missing_is_not_an_error() {
        assert_eq!(decode::<Counter>(None), Loaded::Missing);
    }

    #[test]
    fn migrations_run_in_order_from_the_stored_version() {
        let v1 = r#"{"version":1,"data":{"total":"41"}}"#;
        assert_eq!(
            decode::<Counter>(Some(v1)),
            Loaded::Ready(Counter { count: 41 })
        );
        let v2 = r#"{"version":2,"data":{"total":5}}"#;
        assert_eq!(
            decode::<Counter>(Some(v2)),
            Loaded::Ready(Counter { count: 5 })
        );
    }

    #[test]
    fn failed_migration_is_corrupt_and_keeps_raw_text() {
        let v1 = r#"{"version":1,"data":{"total":"lots"}}"#;
        match decode::<Counter>(Some(v1)) {
            Loaded::Corrupt { raw, reason } => {
                assert_eq!(raw, v1);
                assert!(reason.contains("version 1"), "{reason}");
            }
            other => panic!("expected corrupt, got {other:?}"),
        }
    }

    #[test]
    fn bad_json_is_corrupt_and_keeps_raw_text() {
        match decode::<Counter>(Some("{not json")) {
            Loaded::Corrupt { raw, .. } => assert_eq!(raw, "{not json"),
            other => panic!("expected corrupt, got {other:?}"),
        }
    }

    #[test]
    fn wrong_shape_is_corrupt() {
        let raw = r#"{"version":3,"data":{"count":"seven"}}"#;
        assert!(matches!(
            decode::<Counter>(Some(raw)),
            Loaded::Corrupt { .. }
        ));
        assert!(matches!(
            decode::<Counter>(Some("[1,2]")),
            Loaded::Corrupt { .. }
        ));
        assert!(matches!(
            decode::<Counter>(Some(r#"{"version":0,"data":{}}"#)),
            Loaded::Corrupt { .. }
        ));
    }

    #[test]
    fn backup_keys_never_collide_with_documents() {
        assert_eq!(backup_key("stagecraft.audit", 1), "stagecraft.audit.backup");
        assert_eq!(
            backup_key("stagecraft.audit", 3),
            "stagecraft.audit.backup.3"
        );
        assert!(is_backup_key("stagecraft.audit.backup.3"));
        assert!(!is_backup_key("stagecraft.audit"));
    }

    #[test]
    fn newer_version_is_left_alone() {
        let raw = r#"{"version":9,"data":{"anything":true}}"#;
        assert_eq!(decode::<Counter>(Some(raw)), Loaded::Newer { found: 9 });
    }

    #[test]
    fn versions_past_u32_and_u64_are_newer_not_damage() {
        let newer =
            |v: &str| decode::<Counter>(Some(&format!(r#"{{"version":{v},"data":{{"x":1}}}}"#)));
        assert_eq!(newer("4294967296"), Loaded::Newer { found: 1 << 32 });
        assert_eq!(
            newer("18446744073709551615"),
            Loaded::Newer { found: u64::MAX }
        );
        assert_eq!(
            newer("340282366920938463463374607431768211456"),
            Loaded::Newer { found: u64::MAX }
        );
        assert!(
            check_document::<Counter>(r#"{"version":4294967296,"data":{}}"#)
                .unwrap_err()
                .contains("newer")
        );
        // Not whole numbers: damage, as before.
        for v in ["-1", "2.0", "1e3", "\"3\"", "null"] {
            assert!(
                matches!(newer(v), Loaded::Corrupt { .. }),
                "{v}: {:?}",
                newer(v)
            );
        }
        // A current version written with the same digits still reads.
        assert!(matches!(
            decode::<Counter>(Some(r#"{"version": 3 ,"data":{"count":7}}"#)),
            Loaded::Ready(_)
        ));
    }

    /// A reader that only wants to know whether anything was counted.
    #[derive(Debug, PartialEq, Deserialize)]
    struct CountOnly {
        count: u32,
    }

    impl DocumentView for CountOnly {
        type Of = Counter;
    }

    #[test]
    fn a_view_follows_its_documents_versions_and_migrations() {
        let v1 = r#"{"version":1,"data":{"total":"41"}}"#;
        assert_eq!(
            decode_view::<CountOnly>(Some(v1)),
            Loaded::Ready(CountOnly { count: 41 })
        );
        let current = r#"{"version":3,"data":{"count":2,"extra":"ignored"}}"#;
        assert_eq!(
            decode_view::<CountOnly>(Some(current)),
            Loaded::Ready(CountOnly { count: 2 })
        );
        assert_eq!(
            decode_view::<CountOnly>(Some(r#"{"version":9,"data":{}}"#)),
            Loaded::Newer { found: 9 }
        );
        assert!(matches!(
            decode_view::<CountOnly>(Some("{oops")),
            Loaded::Corrupt { .. }
        ));
        assert_eq!(decode_view::<CountOnly>(None), Loaded::Missing);
    }

    /// Counters are stored under two keys; any other key is unknown.
    fn accept_counters(key: &str, raw: &str) -> Result<(), String> {
        if key == "stagecraft.counter" || key == "stagecraft.other" {
            check_document::<Counter>(raw)
        } else {
            Err("unknown document".into())
        }
    }

    #[test]
    fn export_then_import_round_trips_with_backups() {
        let entries = vec![
            (
                "stagecraft.counter".to_string(),
                encode(&Counter { count: 3 }),
            ),
            (
                "stagecraft.counter.backup".to_string(),
                "{broken".to_string(),
            ),
            ("someone.else".to_string(), "x".to_string()),
        ];
        let file = build_export(&entries, "2026-11-29T10:00:00Z", accept_counters);
        assert!(!file.contains("someone.else"), "{file}");
        let plan = parse_import(&file, accept_counters).expect("valid export");
        assert_eq!(plan.docs.len(), 1);
        assert_eq!(plan.docs[0].0, "stagecraft.counter");
        assert_eq!(
            decode::<Counter>(Some(&plan.docs[0].1)),
            Loaded::Ready(Counter { count: 3 })
        );
        assert!(plan.skipped.is_empty());
        assert_eq!(
            plan.kept_aside(),
            vec![("stagecraft.counter".to_string(), "{broken".to_string())]
        );
    }

    #[test]
    fn a_damaged_document_is_exported_as_a_backup_and_imported_as_one() {
        let entries = vec![
            (
                "stagecraft.counter".to_string(),
                r#"{"version":3,"data":{"count":"seven"}}"#.to_string(),
            ),
            (
                "stagecraft.counter.backup".to_string(),
                "{older damage".to_string(),
            ),
            (
                "stagecraft.other".to_string(),
                encode(&Counter { count: 1 }),
            ),
        ];
        let file = build_export(&entries, "", accept_counters);
        let bundle: ExportBundle = serde_json::from_str(&file).unwrap();
        // The live key is not exported as a document; its text sits under
        // the next free backup key, as a string, byte for byte.
        assert!(!bundle.documents.contains_key("stagecraft.counter"));
        assert_eq!(
            bundle.documents["stagecraft.counter.backup.2"],
            Value::String(entries[0].1.clone())
        );
        let plan = parse_import(&file, accept_counters).unwrap();
        assert_eq!(plan.docs.len(), 1);
        assert_eq!(plan.docs[0].0, "stagecraft.other");
        assert_eq!(plan.kept_aside().len(), 2);
        // Into a browser that already holds one of the two texts as a
        // backup and another backup under the first free key: only the new
        // text is written, under a key that overwrites nothing.
        let stored = vec![
            (
                "stagecraft.counter.backup".to_string(),
                "something else".to_string(),
            ),
            (
                "stagecraft.counter.backup.2".to_string(),
                "{older damage".to_string(),
            ),
        ];
        assert_eq!(
            backup_writes(&plan.kept_aside(), &stored),
            vec![(
                "stagecraft.counter.backup.3".to_string(),
                entries[0].1.clone()
            )]
        );
    }

    #[test]
    fn one_bad_document_is_kept_aside_and_the_rest_imports() {
        let file = format!(
            r#"{{"app":"stagecraft","format":1,"exported_at":"","documents":{{
                "stagecraft.counter":{{"version":3,"data":{{"count":-1}}}},
                "stagecraft.future":{{"version":9,"data":{{}}}},
                "stagecraft.old":"{{not json",
                "other.thing.backup":"x",
                "stagecraft.other":{}}}}}"#,
            encode(&Counter { count: 2 })
        );
        let plan = parse_import(&file, accept_counters).unwrap();
        assert_eq!(plan.docs.len(), 1);
        assert_eq!(plan.docs[0].0, "stagecraft.other");
        let skipped: Vec<&str> = plan.skipped.iter().map(|u| u.key.as_str()).collect();
        assert_eq!(
            skipped,
            ["stagecraft.counter", "stagecraft.future", "stagecraft.old"]
        );
        assert!(plan.skipped[0].reason.contains("damaged"));
        // Text kept as text (an older export's way with damage) is kept as
        // that text; another app's key is kept under ours.
        let aside = plan.kept_aside();
        assert!(aside.contains(&("stagecraft.old".to_string(), "{not json".to_string())));
        assert!(aside.contains(&("stagecraft.other.thing".to_string(), "x".to_string())));
        assert_eq!(aside.len(), 4);
        let written = backup_writes(&aside, &[]);
        assert_eq!(written.len(), 4);
        assert!(written
            .iter()
            .all(|(k, _)| k.starts_with(KEY_PREFIX) && is_backup_key(k)));
    }

    #[test]
    fn a_file_of_backups_alone_is_refused() {
        let file = r#"{"app":"stagecraft","format":1,"exported_at":"","documents":{"stagecraft.counter.backup":"{x"}}"#;
        assert_eq!(
            parse_import(file, accept_counters),
            Err(ImportError::OnlyBackups)
        );
    }

    #[test]
    fn import_rejects_every_kind_of_bad_file() {
        assert_eq!(
            parse_import("nope", accept_counters),
            Err(ImportError::NotJson)
        );
        assert_eq!(
            parse_import(r#"{"hello":1}"#, accept_counters),
            Err(ImportError::NotStagecraft)
        );
        let other_app = r#"{"app":"other","format":1,"exported_at":"","documents":{}}"#;
        assert_eq!(
            parse_import(other_app, accept_counters),
            Err(ImportError::NotStagecraft)
        );
        let newer = r#"{"app":"stagecraft","format":2,"exported_at":"","documents":{}}"#;
        assert_eq!(
            parse_import(newer, accept_counters),
            Err(ImportError::NewerFormat(2))
        );
        let empty = r#"{"app":"stagecraft","format":1,"exported_at":"","documents":{}}"#;
        assert_eq!(
            parse_import(empty, accept_counters),
            Err(ImportError::Empty)
        );
        let bad_doc = r#"{"app":"stagecraft","format":1,"exported_at":"","documents":{"stagecraft.counter":{"version":3,"data":{"count":-1}}}}"#;
        assert!(matches!(
            parse_import(bad_doc, accept_counters),
            Err(ImportError::BadDocument { .. })
        ));
        let unknown = r#"{"app":"stagecraft","format":1,"exported_at":"","documents":{"stagecraft.mystery":{"version":1,"data":{}}}}"#;
        assert!(matches!(
            parse_import(unknown, accept_counters),
            Err(ImportError::BadDocument { .. })
        ));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod import_props {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    struct Counter {
        count: u32,
    }

    impl Document for Counter {
        const KEY: &'static str = "counter";
        const VERSION: u32 = 1;
    }

    const LIVE: [&str; 3] = [
        "stagecraft.counter",
        "stagecraft.tally",
        "stagecraft.mystery",
    ];

    /// Counters and tallies are known; `mystery` is data this build does
    /// not know, like a newer build's tool.
    fn validate(key: &str, raw: &str) -> Result<(), String> {
        match key {
            "stagecraft.counter" | "stagecraft.tally" => check_document::<Counter>(raw),
            _ => Err("unknown".into()),
        }
    }

    /// A stored text: a good counter, a newer one, or damage (random text,
    /// or JSON of the wrong shape).
    fn stored_text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<u32>().prop_map(|count| encode(&Counter { count })),
            (2u64..).prop_map(|v| format!(r#"{{"version":{v},"data":{{}}}}"#)),
            "\\PC{0,12}",
            "[{}\\[\\]\\\\\"a-z0-9:,\\u00e9 ]{0,16}",
            Just(r#"{"version":1,"data":{"count":"seven"}}"#.to_string()),
        ]
    }

    /// Stored entries: some live documents and some backups of them.
    fn state() -> impl Strategy<Value = BTreeMap<String, String>> {
        let live = prop::collection::vec((0..LIVE.len(), stored_text()), 0..4);
        let backups = prop::collection::vec((0..LIVE.len(), 1u32..4, stored_text()), 0..4);
        (live, backups).prop_map(|(live, backups)| {
            let mut m: BTreeMap<String, String> = live
                .into_iter()
                .map(|(i, raw)| (LIVE[i].to_string(), raw))
                .collect();
            for (i, n, raw) in backups {
                m.insert(backup_key(LIVE[i], n), raw);
            }
            m
        })
    }

    proptest! {
        /// The import of any export of any state, into any browser, restores
        /// every good document and keeps every damaged one, and every
        /// backup, as a backup; no backup already there is overwritten.
        #[test]
        fn importing_an_export_restores_good_documents_and_keeps_the_rest(
            source in state(),
            target in state(),
        ) {
            let entries: Vec<(String, String)> = source.clone().into_iter().collect();
            let file = build_export(&entries, "2026-12-02T10:00:00Z", validate);
            let good: Vec<(&String, &String)> = source
                .iter()
                .filter(|(k, raw)| !is_backup_key(k) && validate(k, raw).is_ok())
                .collect();
            let plan = match parse_import(&file, validate) {
                Ok(plan) => plan,
                Err(e) => {
                    prop_assert!(good.is_empty(), "refused with good documents: {e:?}");
                    return Ok(());
                }
            };
            // Replace, as the data page does: documents, then backups.
            let mut after = target.clone();
            let stored: Vec<(String, String)> = target.clone().into_iter().collect();
            for (key, raw) in &plan.docs {
                after.insert(key.clone(), raw.clone());
            }
            for (key, raw) in backup_writes(&plan.kept_aside(), &stored) {
                prop_assert!(!target.contains_key(&key), "{key} overwritten");
                prop_assert!(is_backup_key(&key));
                after.insert(key, raw);
            }
            for (key, raw) in &good {
                prop_assert_eq!(decode::<Counter>(after.get(*key).map(String::as_str)), decode::<Counter>(Some(raw)));
            }
            for (key, raw) in source.iter().filter(|(k, raw)| is_backup_key(k) || validate(k, raw).is_err()) {
                let base = backup_base(key);
                prop_assert!(
                    after.iter().any(|(k, v)| is_backup_key(k) && backup_base(k) == base && v == raw),
                    "{key}: {raw:?} is not kept"
                );
            }
            for (key, raw) in target.iter().filter(|(k, _)| is_backup_key(k)) {
                prop_assert_eq!(after.get(key), Some(raw));
            }
        }
    }
}

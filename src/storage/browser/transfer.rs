//! Moving data in and out as a whole: the data page's export, import, the
//! list of backups, and reset.

use super::super::{backup_key, build_export, is_backup_key, plan_import, BACKUP_SUFFIX};
use super::{all_entries, read_raw, remove_raw, with_backend, ReadFailed};
use crate::storage::{ImportError, ImportOutcome, KEY_PREFIX};

/// Backups of damaged data that are still stored, as (key, raw text).
pub fn backups() -> Vec<(String, String)> {
    all_entries()
        .into_iter()
        .filter(|(k, _)| is_backup_key(k))
        .collect()
}

/// Deletes one backup of damaged data. Only backups: a live document is
/// never removed through this door.
pub fn remove_backup(key: &str) {
    if key.starts_with(KEY_PREFIX) && is_backup_key(key) {
        remove_raw(key);
    }
}

/// Deletes every Stagecraft key, backups included.
pub fn clear_all() {
    for (k, _) in all_entries() {
        remove_raw(&k);
    }
}

/// The export file of everything stored (see `build_export`).
pub fn export_bundle(exported_at: &str) -> String {
    build_export(&all_entries(), exported_at)
}

/// Checks an export file completely (every document through `validate`, see
/// `crate::tools::validate_document`) and only then writes it, all or
/// nothing: when storage runs out part-way, every key written is put back
/// as it was and `NoRoom` is returned. Damaged documents in the file are
/// kept as backups (never over an earlier, different backup) and reported
/// in `skipped`; the good ones are restored. A refused file changes nothing.
pub fn import_bundle(
    text: &str,
    validate: impl Fn(&str, &str) -> Result<(), String>,
) -> Result<ImportOutcome, ImportError> {
    let plan = plan_import(text, validate)?;
    let mut writes: Vec<(String, String)> = Vec::new();
    for (key, raw) in &plan.backups {
        let base = key.find(BACKUP_SUFFIX).map_or(key.as_str(), |i| &key[..i]);
        let taken = |k: &str| writes.iter().any(|(w, v)| w == k && v != raw);
        let mut n = 1u32;
        let target = loop {
            let candidate = backup_key(base, n);
            let free = match read_raw(&candidate) {
                Ok(None) => true,
                Ok(Some(existing)) => existing == *raw,
                Err(ReadFailed) => false,
            };
            if free && !taken(&candidate) {
                break Some(candidate);
            }
            match n.checked_add(1) {
                Some(next) => n = next,
                None => break None,
            }
        };
        if let Some(target) = target {
            writes.push((target, raw.clone()));
        }
    }
    writes.extend(plan.documents.iter().cloned());
    let kept = write_all_or_nothing(&writes)?;
    Ok(ImportOutcome {
        count: plan.documents.len(),
        kept,
        skipped: plan.skipped,
    })
}

/// Writes every pair, or none. Returns whether they reached storage that
/// outlives the page (false: storage was already unavailable, so they are
/// in memory).
fn write_all_or_nothing(writes: &[(String, String)]) -> Result<bool, ImportError> {
    with_backend(|b| {
        for (k, _) in writes {
            // Imported data replaces whatever this page held for the key.
            b.pinned.remove(k);
        }
        let (true, Some(s)) = (b.writable, b.local.clone()) else {
            for (k, v) in writes {
                b.overlay.insert(k.clone(), Some(v.clone()));
            }
            return Ok(false);
        };
        let mut before: Vec<(&str, Option<String>)> = Vec::new();
        for (k, v) in writes {
            let Ok(old) = s.get_item(k) else {
                undo(&s, &before);
                return Err(ImportError::NoRoom);
            };
            before.push((k, old));
            if s.set_item(k, v).is_err() {
                undo(&s, &before);
                return Err(ImportError::NoRoom);
            }
        }
        for (k, _) in writes {
            b.overlay.remove(k);
        }
        Ok(true)
    })
}

/// Puts keys back as they were before an import that couldn't finish.
fn undo(s: &web_sys::Storage, before: &[(&str, Option<String>)]) {
    for (k, old) in before.iter().rev() {
        let _ = match old {
            Some(v) => s.set_item(k, v),
            None => s.remove_item(k),
        };
    }
}

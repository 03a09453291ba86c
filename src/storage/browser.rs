//! The browser half of storage: `localStorage` when it works, memory when it
//! doesn't, and notices for the shell whenever something needs the user's
//! attention.
//!
//! `gloo_storage::LocalStorage` panics when storage is missing or denied
//! (sandboxed iframes, blocked third-party storage, some privacy modes), so
//! storage is probed once with web-sys and only then used; every later
//! failure is a value, never a panic.

use super::{backup_key, decode, encode, is_backup_key, storage_key, Document, Loaded, KEY_PREFIX};
use gloo_storage::{LocalStorage, Storage as _};
use leptos::prelude::*;
use leptos_use::use_event_listener;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Where documents live for this page load.
enum Backend {
    Local(web_sys::Storage),
    /// Storage is unavailable: data lasts until the page closes.
    Memory(BTreeMap<String, String>),
}

thread_local! {
    static BACKEND: RefCell<Option<Backend>> = const { RefCell::new(None) };
}

const PROBE_KEY: &str = "stagecraft.__probe";

fn probe() -> Backend {
    let usable = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .filter(|s| s.set_item(PROBE_KEY, "1").is_ok() && s.remove_item(PROBE_KEY).is_ok())
        .is_some();
    if usable {
        // Safe now: the probe proved `window.localStorage` exists and accepts writes.
        Backend::Local(LocalStorage::raw())
    } else {
        Backend::Memory(BTreeMap::new())
    }
}

fn with_backend<R>(f: impl FnOnce(&mut Backend) -> R) -> R {
    BACKEND.with(|cell| {
        let mut slot = cell.borrow_mut();
        f(slot.get_or_insert_with(probe))
    })
}

/// Whether data survives a reload on this page.
pub fn is_persistent() -> bool {
    with_backend(|b| matches!(b, Backend::Local(_)))
}

/// Forgets the probe result, so the next access probes again. Tests use it
/// after changing what `window.localStorage` does.
pub fn reset_backend() {
    BACKEND.with(|cell| *cell.borrow_mut() = None);
}

/// Reads one raw value.
pub fn read_raw(key: &str) -> Option<String> {
    with_backend(|b| match b {
        Backend::Local(s) => s.get_item(key).ok().flatten(),
        Backend::Memory(m) => m.get(key).cloned(),
    })
}

/// Every Stagecraft key and its raw value, sorted by key.
pub fn all_entries() -> Vec<(String, String)> {
    with_backend(|b| match b {
        Backend::Local(s) => {
            let len = s.length().unwrap_or(0);
            let mut out: Vec<(String, String)> = (0..len)
                .filter_map(|i| s.key(i).ok().flatten())
                .filter(|k| k.starts_with(KEY_PREFIX) && k != PROBE_KEY)
                .filter_map(|k| s.get_item(&k).ok().flatten().map(|v| (k, v)))
                .collect();
            out.sort();
            out
        }
        Backend::Memory(m) => m
            .iter()
            .filter(|(k, _)| k.starts_with(KEY_PREFIX))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    })
}

/// Why a value could not be kept beyond this page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteFailed;

/// Writes one value. When `localStorage` refuses (quota exceeded, revoked),
/// everything moves to memory so the app keeps working, and the caller is
/// told so it can warn the user.
pub fn write_raw(key: &str, value: &str) -> Result<(), WriteFailed> {
    with_backend(|b| match b {
        Backend::Local(s) => {
            if s.set_item(key, value).is_ok() {
                return Ok(());
            }
            let mut memory: BTreeMap<String, String> = BTreeMap::new();
            let len = s.length().unwrap_or(0);
            for i in 0..len {
                if let Some(k) = s.key(i).ok().flatten() {
                    if let Some(v) = s.get_item(&k).ok().flatten() {
                        memory.insert(k, v);
                    }
                }
            }
            memory.insert(key.to_string(), value.to_string());
            *b = Backend::Memory(memory);
            Err(WriteFailed)
        }
        Backend::Memory(m) => {
            m.insert(key.to_string(), value.to_string());
            Ok(())
        }
    })
}

/// Removes one value.
pub fn remove_raw(key: &str) {
    with_backend(|b| match b {
        Backend::Local(s) => {
            let _ = s.remove_item(key);
        }
        Backend::Memory(m) => {
            m.remove(key);
        }
    })
}

/// Something about storage the user should know.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Storage is unavailable from the start: nothing will be kept.
    MemoryOnly,
    /// A save failed part-way (usually a full quota): newer changes are not kept.
    WriteFailed,
    /// Saved data could not be read; its raw text was copied to `backup_key`.
    Corrupt {
        key: String,
        backup_key: String,
        raw: String,
        reason: String,
    },
    /// Saved data comes from a newer Stagecraft; it is left untouched and
    /// this tab's changes are not saved.
    Newer { key: String, found: u32 },
}

/// The shell's list of storage notices, shared through context. Tools never
/// see it: `use_document` reports into it on their behalf.
#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Vec<Notice>>);

impl Notices {
    pub fn new() -> Self {
        Notices(RwSignal::new(Vec::new()))
    }

    /// Adds a notice unless an identical one is already showing.
    pub fn push(&self, notice: Notice) {
        self.0.update(|list| {
            if !list.contains(&notice) {
                list.push(notice);
            }
        });
    }

    pub fn dismiss(&self, index: usize) {
        self.0.update(|list| {
            if index < list.len() {
                list.remove(index);
            }
        });
    }

    pub fn list(&self) -> Signal<Vec<Notice>> {
        self.0.into()
    }
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}

fn notify(notice: Notice) {
    if let Some(n) = use_context::<Notices>() {
        n.push(notice);
    }
}

/// Picks a backup key that doesn't overwrite an earlier, different backup.
fn free_backup_key(key: &str, raw: &str) -> String {
    let mut n = 1;
    loop {
        let candidate = backup_key(key, n);
        match read_raw(&candidate) {
            None => return candidate,
            Some(existing) if existing == raw => return candidate,
            Some(_) => n += 1,
        }
    }
}

/// Loads a document into a signal, saves every change, and follows changes
/// made in other tabs. Call it once per tool, at the top of its component.
///
/// Problems never lose data: corrupt text is backed up and reported, a
/// newer version is left untouched (this tab then works in memory), and
/// failed writes fall back to memory with a notice.
pub fn use_document<T: Document>() -> RwSignal<T> {
    let key = storage_key::<T>();
    let raw = read_raw(&key);
    let (initial, writable) = match decode::<T>(raw.as_deref()) {
        Loaded::Missing => (T::default(), true),
        Loaded::Ready(v) => (v, true),
        Loaded::Corrupt { raw, reason } => {
            let backup = free_backup_key(&key, &raw);
            let backed_up = write_raw(&backup, &raw).is_ok();
            let fresh = T::default();
            if backed_up {
                // The damaged text is safe in the backup, so the live key can
                // start over; otherwise leave it alone for the user to rescue.
                let _ = write_raw(&key, &encode(&fresh));
            }
            notify(Notice::Corrupt {
                key: key.clone(),
                backup_key: backup,
                raw,
                reason,
            });
            (fresh, backed_up)
        }
        Loaded::Newer { found } => {
            notify(Notice::Newer {
                key: key.clone(),
                found,
            });
            (T::default(), false)
        }
    };
    let last_saved = StoredValue::new(encode(&initial));
    let doc = RwSignal::new(initial);

    {
        let key = key.clone();
        Effect::new(move |_| {
            let text = doc.with(encode);
            if !writable || last_saved.with_value(|l| *l == text) {
                return;
            }
            if write_raw(&key, &text).is_err() {
                notify(Notice::WriteFailed);
            }
            last_saved.set_value(text);
        });
    }

    // Another tab saved: adopt its version. Only documents this build can
    // read are adopted; anything else waits for a reload, where the usual
    // corrupt/newer handling applies.
    let _ = use_event_listener(
        window(),
        leptos::ev::storage,
        move |ev: web_sys::StorageEvent| {
            let affects_us = match ev.key() {
                Some(k) => k == key,
                None => true, // `localStorage.clear()` in another tab
            };
            if !affects_us || !writable {
                return;
            }
            let new_value = ev.new_value();
            match decode::<T>(new_value.as_deref()) {
                Loaded::Ready(v) => {
                    last_saved.set_value(encode(&v));
                    doc.set(v);
                }
                Loaded::Missing => {
                    let fresh = T::default();
                    last_saved.set_value(encode(&fresh));
                    doc.set(fresh);
                }
                Loaded::Corrupt { .. } | Loaded::Newer { .. } => {}
            }
        },
    );
    doc
}

/// A one-off read of a document another tool owns, without subscribing to it.
pub fn read_document<T: Document>() -> Option<T> {
    match decode::<T>(read_raw(&storage_key::<T>()).as_deref()) {
        Loaded::Ready(v) => Some(v),
        _ => None,
    }
}

/// Backups of damaged data that are still stored, as (key, raw text).
pub fn backups() -> Vec<(String, String)> {
    all_entries()
        .into_iter()
        .filter(|(k, _)| is_backup_key(k))
        .collect()
}

/// Deletes every Stagecraft key, backups included.
pub fn clear_all() {
    for (k, _) in all_entries() {
        remove_raw(&k);
    }
}

//! The browser half of storage: `localStorage` when it works, memory when it
//! doesn't, and notices for the shell whenever something needs the user's
//! attention.
//!
//! `gloo_storage::LocalStorage` panics when storage is missing or denied
//! (sandboxed iframes, blocked third-party storage, some privacy modes), so
//! storage is probed once with web-sys and only then used; every later
//! failure is a value, never a panic.

use super::{
    backup_key, backup_writes, build_export, decode, decode_view, encode, is_backup_key,
    parse_import, storage_key, Document, DocumentView, ImportError, ImportOutcome, Loaded,
    KEY_PREFIX,
};
use crate::components::listen::listen;
use gloo_storage::{LocalStorage, Storage as _};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Where documents live for this page load.
enum Backend {
    Local(web_sys::Storage),
    /// Storage is unavailable: data lasts until the page closes.
    Memory(BTreeMap<String, String>),
}

thread_local! {
    static BACKEND: RefCell<Option<Backend>> = const { RefCell::new(None) };
    /// Keys this page keeps in memory instead of storage, what it holds for
    /// each, and why. Nothing is ever written to storage under them: for an
    /// unreadable key an edit would replace a document nobody could read
    /// with an empty one; a newer or damaged document must stay as it is.
    /// Held for the whole page, so a tool that is left and reopened (a new
    /// deal, another route) finds its work here instead of re-reading the
    /// document it can't use.
    static HELD: RefCell<Vec<(String, Option<String>, Hold)>> = const { RefCell::new(Vec::new()) };
    /// The probe found storage that reads but refuses writes (full).
    static FULL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

const PROBE_KEY: &str = "stagecraft.__probe";

/// Why a key is held in memory (see `HELD`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hold {
    /// Its `getItem` threw: what storage has is unknown.
    Unreadable,
    /// Storage has a document this build must not write over (newer, or
    /// damaged with no room for a backup); the status says which.
    Blocked(SaveStatus),
}

/// Starts holding `key` in memory with `value`, unless it is held already.
fn hold(key: &str, value: Option<String>, why: Hold) {
    HELD.with(|h| {
        let mut h = h.borrow_mut();
        if !h.iter().any(|(k, _, _)| k == key) {
            h.push((key.to_string(), value, why));
        }
    });
}
/// Why `key` is held in memory, if it is.
fn hold_of(key: &str) -> Option<Hold> {
    HELD.with(|h| {
        h.borrow()
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, _, w)| *w)
    })
}

fn probe() -> Backend {
    let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return Backend::Memory(BTreeMap::new());
    };
    if s.set_item(PROBE_KEY, "1").is_ok() && s.remove_item(PROBE_KEY).is_ok() {
        // Safe now: the probe proved `window.localStorage` exists and accepts writes.
        return Backend::Local(LocalStorage::raw());
    }
    // Storage that is there, holds something and refuses a write is full:
    // reading does not depend on writing, so work in memory on top of what
    // it holds. Empty and refusing is storage switched off (a quota of 0).
    let held = copy_of(&s);
    FULL.with(|f| f.set(!held.is_empty()));
    Backend::Memory(held)
}

/// Everything `s` lets this page read.
fn copy_of(s: &web_sys::Storage) -> BTreeMap<String, String> {
    let mut memory = BTreeMap::new();
    for i in 0..s.length().unwrap_or(0) {
        if let Some(k) = s.key(i).ok().flatten() {
            if let Some(v) = s.get_item(&k).ok().flatten() {
                memory.insert(k, v);
            }
        }
    }
    memory
}

/// Whether storage was full before this page loaded (it then works in
/// memory on top of what is stored, and the shell says storage is full).
pub fn storage_full() -> bool {
    with_backend(|_| ());
    FULL.with(|f| f.get())
}

/// Whether `key` lives in this page's memory instead of storage.
fn is_held(key: &str) -> bool {
    hold_of(key).is_some()
}

/// Runs `f` on what memory holds for `key`, if it is held. A short list,
/// not a map: there are five keys at most, and a new map type would cost
/// the pages more code than it could ever save.
fn held<R>(key: &str, f: impl FnOnce(&mut Option<String>) -> R) -> Option<R> {
    HELD.with(|u| {
        u.borrow_mut()
            .iter_mut()
            .find(|(k, _, _)| k == key)
            .map(|(_, v, _)| f(v))
    })
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
    HELD.with(|u| u.borrow_mut().clear());
    FULL.with(|f| f.set(false));
}

/// Moves this page's documents into `storage`, which the Storage Access API
/// has just opened (a widget in a third-party frame whose browser blocked
/// it). What memory holds was typed during this visit, so it is written; a
/// different value already stored under the same key is first copied to a
/// backup key, so nothing is lost either way. Every open tool then adopts
/// what is stored, as if another tab had saved it (a returning visitor's
/// progress comes back). Returns false if `storage` refuses a write: memory
/// then stays in charge, and whatever was written is whole.
pub fn adopt_storage(storage: web_sys::Storage) -> bool {
    let held = with_backend(|b| match b {
        Backend::Memory(m) => std::mem::take(m),
        Backend::Local(_) => BTreeMap::new(),
    });
    let mut ok = storage.set_item(PROBE_KEY, "1").is_ok();
    for (key, value) in &held {
        if !ok {
            break;
        }
        // An older value under the key goes to a free backup key first, so
        // a write that fails half-way still loses nothing.
        if let Some(old) = storage
            .get_item(key)
            .ok()
            .flatten()
            .filter(|old| old != value)
        {
            let backup = free_backup_key_in(key, &old, &|k| storage.get_item(k).ok().flatten());
            ok = storage.set_item(&backup, &old).is_ok();
        }
        ok = ok && storage.set_item(key, value).is_ok();
    }
    let _ = storage.remove_item(PROBE_KEY);
    if !ok {
        // Memory stays in charge, with everything it held.
        with_backend(|b| *b = Backend::Memory(held));
        return false;
    }
    with_backend(|b| *b = Backend::Local(storage.clone()));
    for i in 0..storage.length().unwrap_or(0) {
        let Some(key) = storage.key(i).ok().flatten() else {
            continue;
        };
        let init = web_sys::StorageEventInit::new();
        init.set_key(Some(&key));
        init.set_new_value(storage.get_item(&key).ok().flatten().as_deref());
        if let Ok(ev) = web_sys::StorageEvent::new_with_event_init_dict("storage", &init) {
            let _ = window().dispatch_event(&ev);
        }
    }
    true
}

/// Reads one raw value. Private: everything outside storage goes through
/// typed doors (`use_document_with`, `read_view`, the data-page functions),
/// so the rules about newer and damaged data live in one place.
fn read_raw(key: &str) -> Option<String> {
    if let Some(v) = held(key, |v| v.clone()) {
        return v;
    }
    with_backend(|b| match b {
        Backend::Local(s) => match s.get_item(key) {
            Ok(v) => v,
            // Not "nothing stored": from now on this key lives in memory.
            Err(_) => {
                hold(key, None, Hold::Unreadable);
                None
            }
        },
        Backend::Memory(m) => m.get(key).cloned(),
    })
}

/// Every Stagecraft key and its raw value, sorted by key.
fn all_entries() -> Vec<(String, String)> {
    with_backend(|b| match b {
        Backend::Local(s) => {
            let len = s.length().unwrap_or(0);
            let mut out: Vec<(String, String)> = (0..len)
                .filter_map(|i| s.key(i).ok().flatten())
                .filter(|k| k.starts_with(KEY_PREFIX) && k != PROBE_KEY)
                .filter_map(|k| s.get_item(&k).ok().flatten().map(|v| (k, v)))
                .collect();
            // What memory holds for unreadable keys is this page's work;
            // for a blocked key, what storage holds is the real document.
            HELD.with(|u| {
                for (k, v, why) in u.borrow().iter() {
                    if let (Some(v), Hold::Unreadable) = (v, why) {
                        out.retain(|(o, _)| o != k);
                        out.push((k.clone(), v.clone()));
                    }
                }
            });
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
fn write_raw(key: &str, value: &str) -> Result<(), WriteFailed> {
    if held(key, |v| *v = Some(value.to_string())).is_some() {
        return Err(WriteFailed);
    }
    with_backend(|b| match b {
        Backend::Local(s) => {
            if s.set_item(key, value).is_ok() {
                return Ok(());
            }
            let mut memory = copy_of(s);
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
fn remove_raw(key: &str) {
    if held(key, |v| *v = None).is_some() {
        return;
    }
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
    /// Saved data could not be read. With `backed_up`, its raw text was
    /// copied to `backup_key` and the tool started fresh; without (storage
    /// full), the damaged text is left where it is and the tool works in
    /// memory.
    Corrupt {
        key: String,
        backup_key: String,
        raw: String,
        reason: String,
        backed_up: bool,
    },
    /// Saved data comes from a newer Stagecraft; it is left untouched and
    /// this tab's changes last only as long as the page.
    Newer { key: String, found: u64 },
    /// Storage would not let this page read `key`: the tool started empty,
    /// works in memory, and never writes over what is stored there.
    ReadFailed { key: String },
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

    /// Takes back every notice equal to `notice` (it no longer holds).
    pub fn remove(&self, notice: &Notice) {
        self.0.update(|list| list.retain(|n| n != notice));
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

fn notify(notices: Option<Notices>, notice: Notice) {
    if let Some(n) = notices {
        n.push(notice);
    }
}

/// Picks a backup key that doesn't overwrite an earlier, different backup.
fn free_backup_key(key: &str, raw: &str) -> String {
    free_backup_key_in(key, raw, &read_raw)
}

/// The first backup key for `key` that is free, or already holds `raw`,
/// in the storage `get` reads.
fn free_backup_key_in(key: &str, raw: &str, get: &dyn Fn(&str) -> Option<String>) -> String {
    let mut n = 1;
    loop {
        let candidate = backup_key(key, n);
        match get(&candidate) {
            None => return candidate,
            Some(existing) if existing == raw => return candidate,
            Some(_) => n += 1,
        }
    }
}

/// How `use_document_with` saves. The default saves every change at once,
/// which suits tools whose edits are clicks; a tool with free text asks for
/// a debounce, and then for the flushes that make sure nothing typed is
/// lost to it.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct DocOptions {
    /// Write only after this long without changes; 0 writes every change.
    pub debounce_ms: u32,
    /// With a debounce, write a pending change at once when the page is
    /// left or hidden (`pagehide`, `visibilitychange`): the timer may never
    /// fire. (Without one nothing is ever pending.)
    pub flush_on_hide: bool,
    /// With a debounce, write a pending change at once when focus leaves a
    /// field (`focusout`), so a finished field is saved before the pause ends.
    pub flush_on_blur: bool,
}

/// Whether what the user sees is what storage holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStatus {
    /// Storage that outlives the page holds exactly this document.
    Saved,
    /// A change waits for the debounce.
    Pending,
    /// Nothing is kept beyond this page (storage missing or full, or data
    /// that couldn't be backed up blocks the key); the shell says why.
    NotKept,
    /// A newer Stagecraft saved this document; it is left untouched and
    /// this tab's changes are not saved.
    NewerElsewhere,
}

/// A tool's document and whether it is saved.
pub struct DocHandle<T: 'static> {
    /// The document. Edit it freely: saving follows the options.
    pub doc: RwSignal<T>,
    /// Compares the stored document (decoded, so key order and spacing
    /// don't matter) with `doc` after every write.
    pub status: Signal<SaveStatus>,
}

impl<T: 'static> Clone for DocHandle<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for DocHandle<T> {}

/// Reads a tool's document at mount. Problems never lose data: corrupt text
/// is backed up and reported, a newer version is left untouched. Returns the
/// document and, when this tab must not write, the status that says why.
fn load<T: Document>(key: &str, notices: Option<Notices>) -> (T, Option<SaveStatus>) {
    let raw = read_raw(key);
    if let Some(Hold::Blocked(status)) = hold_of(key) {
        // Reopened after a block: this page's work is in memory (its
        // notice is still showing).
        let doc = match decode::<T>(raw.as_deref()) {
            Loaded::Ready(v) => v,
            _ => T::default(),
        };
        return (doc, Some(status));
    }
    if hold_of(key) == Some(Hold::Unreadable) {
        notify(
            notices,
            Notice::ReadFailed {
                key: key.to_string(),
            },
        );
    }
    match decode::<T>(raw.as_deref()) {
        Loaded::Missing => (T::default(), None),
        Loaded::Ready(v) => (v, None),
        Loaded::Corrupt { raw, reason } => {
            let backup = free_backup_key(key, &raw);
            let backed_up = write_raw(&backup, &raw).is_ok();
            let fresh = T::default();
            if backed_up {
                // The damaged text is safe in the backup, so the live key can
                // start over; otherwise leave it alone for the user to rescue.
                let _ = write_raw(key, &encode(&fresh));
            } else {
                hold(key, None, Hold::Blocked(SaveStatus::NotKept));
            }
            notify(
                notices,
                Notice::Corrupt {
                    key: key.to_string(),
                    backup_key: backup,
                    raw,
                    reason,
                    backed_up,
                },
            );
            (fresh, (!backed_up).then_some(SaveStatus::NotKept))
        }
        Loaded::Newer { found } => {
            hold(key, None, Hold::Blocked(SaveStatus::NewerElsewhere));
            notify(
                notices,
                Notice::Newer {
                    key: key.to_string(),
                    found,
                },
            );
            (T::default(), Some(SaveStatus::NewerElsewhere))
        }
    }
}

/// Whether storage that outlives the page holds `doc`. Compares decoded
/// documents, not text: an import writes the same data with its keys in
/// another order.
fn stored_holds<T: Document>(key: &str, doc: &T) -> bool {
    if !is_persistent() || is_held(key) {
        return false;
    }
    match read_raw(key) {
        None => *doc == T::default(),
        Some(raw) => {
            raw == encode(doc) || matches!(decode::<T>(Some(&raw)), Loaded::Ready(v) if v == *doc)
        }
    }
}

/// The debounce timer and the flushes, which don't depend on the document
/// type (kept apart so a page compiles them once, not once per document).
/// Returns the function that restarts the countdown after a change.
fn start_saver(options: DocOptions, pending: RwSignal<bool>, flush: Rc<dyn Fn()>) -> Rc<dyn Fn()> {
    use leptos::leptos_dom::helpers::TimeoutHandle;
    use wasm_bindgen::JsCast;

    // A plain timeout handle: one less generic instantiation than
    // `use_timeout_fn`, which matters for page size.
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let stop = move || {
        if let Some(h) = timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    };
    on_cleanup(stop);

    let flush_pending = {
        let flush = flush.clone();
        move || {
            if pending.try_get_untracked().unwrap_or(false) {
                stop();
                flush();
            }
        }
    };
    let targets = [
        (options.flush_on_hide, "pagehide"),
        (options.flush_on_hide, "visibilitychange"),
        (options.flush_on_blur, "focusout"),
    ];
    for (_, name) in targets.into_iter().filter(|(on, _)| *on) {
        let target: web_sys::EventTarget = if name == "pagehide" {
            window().unchecked_into()
        } else {
            document().unchecked_into()
        };
        let flush_pending = flush_pending.clone();
        // One event type for all three keeps the page smaller.
        listen(target, name, move |ev| {
            if ev.type_() != "visibilitychange" || document().hidden() {
                flush_pending();
            }
        });
    }

    let delay = Duration::from_millis(u64::from(options.debounce_ms));
    Rc::new(move || {
        stop();
        let flush = flush.clone();
        let handle = set_timeout_with_handle(
            move || {
                timer.try_set_value(None);
                flush();
            },
            delay,
        )
        .ok();
        timer.set_value(handle);
    })
}

/// Loads a tool's document into a signal and keeps it saved, following
/// changes made in other tabs. Call it once per tool, at the top of its
/// component.
///
/// Every write keeps one rule: data this build can't read (newer or
/// damaged) is never overwritten, whether it was there at mount or another
/// tab wrote it later. Failed writes fall back to memory with a notice.
pub fn use_document_with<T: Document>(options: DocOptions) -> DocHandle<T> {
    let saver = (options.debounce_ms > 0).then_some((options, start_saver as StartSaver));
    document_hook::<T>(saver)
}

/// `use_document_with` with the default options: every change is saved at
/// once, and only the document is returned.
pub fn use_document<T: Document>() -> RwSignal<T> {
    // No saver: a page whose tools never debounce doesn't compile one.
    document_hook::<T>(None).doc
}

/// How `document_hook` gets its debounce: passed in rather than called
/// directly, so only pages that ask for a debounce contain it.
type StartSaver = fn(DocOptions, RwSignal<bool>, Rc<dyn Fn()>) -> Rc<dyn Fn()>;

/// The hook itself; `saver` is `None` for save-on-every-change.
fn document_hook<T: Document>(saver: Option<(DocOptions, StartSaver)>) -> DocHandle<T> {
    let notices = use_context::<Notices>();
    let key = storage_key::<T>();
    let (initial, block) = load::<T>(&key, notices);
    // The text this tab last saw in storage (written, adopted or loaded).
    let last = StoredValue::new(encode(&initial));
    let doc = RwSignal::new(initial);
    let blocked = RwSignal::new(block);
    let pending = RwSignal::new(false);
    let written = Trigger::new();
    let key = StoredValue::new(key);

    let flush = move || {
        let Some(text) = doc.try_with_untracked(encode) else {
            return;
        };
        pending.try_set(false);
        let unchanged = last.try_with_value(|l| *l == text).unwrap_or(true);
        if unchanged {
            return;
        }
        let Some(key) = key.try_get_value() else {
            return;
        };
        // A blocked key is written only to this page's memory; should that
        // hold be gone (tests reset the backend), write nothing at all.
        if blocked.try_get_untracked().flatten().is_some() && !is_held(&key) {
            return;
        }
        // Something else wrote since we looked: only overwrite what this
        // build can read.
        if let Some(raw) = read_raw(&key).filter(|raw| last.with_value(|l| l != raw)) {
            let stop = match decode::<T>(Some(&raw)) {
                Loaded::Newer { found } => {
                    notify(
                        notices,
                        Notice::Newer {
                            key: key.clone(),
                            found,
                        },
                    );
                    Some(SaveStatus::NewerElsewhere)
                }
                Loaded::Corrupt { .. } => Some(SaveStatus::NotKept),
                Loaded::Ready(_) | Loaded::Missing => None,
            };
            // From now on this page's work lives in memory.
            if let Some(status) = stop {
                blocked.set(Some(status));
                hold(&key, None, Hold::Blocked(status));
            }
        }
        // A held key lives in memory on purpose; its own notice has said so.
        if write_raw(&key, &text).is_err() && !is_held(&key) {
            notify(notices, Notice::WriteFailed);
        }
        last.set_value(text);
        written.notify();
    };

    let restart = saver.map(|(options, start)| start(options, pending, Rc::new(flush)));
    Effect::new(move |_| {
        doc.track();
        match &restart {
            None => flush(),
            Some(restart) => {
                let text = doc.with_untracked(encode);
                let changed = last.with_value(|l| *l != text);
                pending.set(changed);
                if changed {
                    restart();
                }
            }
        }
    });
    // Leaving the tool saves what the debounce still holds.
    on_cleanup(flush);

    // Another tab saved: adopt its version. A newer version blocks writing
    // here; anything else unreadable waits for a reload, where the usual
    // corrupt handling applies (and the write rule above keeps it intact).
    listen(window(), "storage", move |ev: web_sys::Event| {
        let ev: &web_sys::StorageEvent = ev.unchecked_ref();
        let affects_us = match ev.key() {
            Some(k) => key.with_value(|key| k == *key),
            None => true, // `localStorage.clear()` in another tab
        };
        if !affects_us || blocked.get_untracked().is_some() {
            return;
        }
        let adopted = match decode::<T>(ev.new_value().as_deref()) {
            Loaded::Ready(v) => v,
            Loaded::Missing => T::default(),
            Loaded::Newer { found } => {
                blocked.set(Some(SaveStatus::NewerElsewhere));
                hold(
                    &key.get_value(),
                    Some(doc.with_untracked(encode)),
                    Hold::Blocked(SaveStatus::NewerElsewhere),
                );
                notify(
                    notices,
                    Notice::Newer {
                        key: key.get_value(),
                        found,
                    },
                );
                return;
            }
            Loaded::Corrupt { .. } => return,
        };
        last.set_value(encode(&adopted));
        doc.set(adopted);
        written.notify();
    });

    // Not tracking `doc`: the status changes when a write (or the wait for
    // one) does, so it never flickers between an edit and its save.
    let status = Memo::new(move |_| {
        if let Some(s) = blocked.get() {
            return s;
        }
        if pending.get() {
            return SaveStatus::Pending;
        }
        written.track();
        let held = key.with_value(|k| doc.with_untracked(|d| stored_holds(k, d)));
        if held {
            SaveStatus::Saved
        } else {
            SaveStatus::NotKept
        }
    });
    DocHandle {
        doc,
        status: status.into(),
    }
}

/// A one-off read of a document another tool owns, without subscribing to it.
pub fn read_document<T: Document>() -> Option<T> {
    match decode::<T>(read_raw(&storage_key::<T>()).as_deref()) {
        Loaded::Ready(v) => Some(v),
        _ => None,
    }
}

/// A one-off read of the view another tool publishes of its document (see
/// `DocumentView`). `None` when nothing is stored, or when the document is
/// newer or damaged: its owner reports those when it opens.
pub fn read_view<V: DocumentView>() -> Option<V> {
    match decode_view::<V>(read_raw(&storage_key::<V::Of>()).as_deref()) {
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

/// The export file of everything stored (see `build_export`; `validate`
/// is `crate::tools::validate_document`, passed in so that only the page
/// that exports compiles every document type's reader).
pub fn export_bundle(
    exported_at: &str,
    validate: impl Fn(&str, &str) -> Result<(), String>,
) -> String {
    build_export(&all_entries(), exported_at, validate)
}

/// Every live document (no backups) as `(full key, stored text)`: what an
/// import would be compared with.
pub fn stored_documents() -> Vec<(String, String)> {
    all_entries()
        .into_iter()
        .filter(|(k, _)| k.starts_with(KEY_PREFIX) && !is_backup_key(k))
        .collect()
}

/// What `keys` hold now (`None`: nothing stored), so an import can be
/// undone exactly.
pub fn snapshot(keys: &[String]) -> Vec<(String, Option<String>)> {
    keys.iter().map(|k| (k.clone(), read_raw(k))).collect()
}

/// Writes each `(key, text)`, or removes the key for `None` (an undo of an
/// import puts back absence too). False when storage refused a write: what
/// was refused then lasts only until the page closes.
pub fn write_documents(entries: &[(String, Option<String>)]) -> bool {
    let mut kept = true;
    for (key, text) in entries {
        match text {
            Some(t) => kept &= write_raw(key, t).is_ok(),
            None => remove_raw(key),
        }
    }
    kept
}

/// Checks an export file completely (every document through `validate`, see
/// `crate::tools::validate_document`) and only then writes it, all or
/// nothing (see `import_documents`): the file's usable documents replace
/// what is stored, and what it holds that can't be used is kept as
/// backups. A refused file changes nothing.
pub fn import_bundle(
    text: &str,
    validate: impl Fn(&str, &str) -> Result<(), String>,
) -> Result<ImportOutcome, ImportError> {
    let plan = parse_import(text, validate)?;
    let mut writes: Vec<(String, Option<String>)> = plan
        .docs
        .iter()
        .map(|(k, v)| (k.clone(), Some(v.clone())))
        .collect();
    writes.extend(
        backup_writes(&plan.kept_aside(), &backups())
            .into_iter()
            .map(|(k, v)| (k, Some(v))),
    );
    let kept = match import_documents(&writes) {
        ImportWrite::Kept => true,
        ImportWrite::InMemory => false,
        ImportWrite::Full => return Err(ImportError::StorageFull),
        ImportWrite::Unreadable => return Err(ImportError::Unreadable),
    };
    Ok(ImportOutcome {
        count: plan.docs.len(),
        kept,
    })
}

/// How an all-or-nothing write (`import_documents`) went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportWrite {
    /// Every value is in storage that outlives the page.
    Kept,
    /// Storage was unavailable (or full) before the import began, so this
    /// page already works in memory: every value is there, until it closes.
    InMemory,
    /// Storage refused a write: every key already written was put back as
    /// it was, and storage stays in charge. Nothing changed.
    Full,
    /// Storage won't let this page read a key the write would change (its
    /// `getItem` threw), so nothing was written over what it can't see.
    Unreadable,
}

/// Writes each `(key, text)`, or removes the key for `None`, all or
/// nothing. An import (or its undo) must never half-apply: `write_raw`
/// would move the whole page to memory at the first refused write, leaving
/// the tools written so far changed in storage and the rest not. Here a
/// refused write puts every key already written back exactly as it was,
/// and the backend is left as it was, so the app keeps saving normally.
pub fn import_documents(entries: &[(String, Option<String>)]) -> ImportWrite {
    if entries.iter().any(|(k, _)| is_held(k)) {
        return ImportWrite::Unreadable;
    }
    with_backend(|b| match b {
        Backend::Memory(m) => {
            for (key, text) in entries {
                match text {
                    Some(t) => m.insert(key.clone(), t.clone()),
                    None => m.remove(key),
                };
            }
            ImportWrite::InMemory
        }
        Backend::Local(s) => {
            // Every key as it is now, before anything is written.
            let mut before = Vec::with_capacity(entries.len());
            for (key, _) in entries {
                match s.get_item(key) {
                    Ok(v) => before.push((key.as_str(), v)),
                    Err(_) => return ImportWrite::Unreadable,
                }
            }
            for (done, (key, text)) in entries.iter().enumerate() {
                let ok = match text {
                    Some(t) => s.set_item(key, t).is_ok(),
                    None => s.remove_item(key).is_ok(),
                };
                if !ok {
                    // Newest first, so each step returns storage to a state
                    // it held during the writes, which fitted.
                    for (key, old) in before[..done].iter().rev() {
                        put_back(s, key, old.as_deref());
                    }
                    return ImportWrite::Full;
                }
            }
            ImportWrite::Kept
        }
    })
}

/// Restores one key to `old` (absent for `None`). Removing first frees the
/// key's space, should the store be too full to swap the texts in place.
fn put_back(s: &web_sys::Storage, key: &str, old: Option<&str>) {
    match old {
        Some(old) => {
            if s.set_item(key, old).is_err() {
                let _ = s.remove_item(key);
                let _ = s.set_item(key, old);
            }
        }
        None => {
            let _ = s.remove_item(key);
        }
    }
}

//! The browser half of storage: `localStorage` when it works, memory when it
//! doesn't, and notices for the shell whenever something needs the user's
//! attention.
//!
//! `gloo_storage::LocalStorage` panics when storage is missing or denied
//! (sandboxed iframes, blocked third-party storage, some privacy modes), so
//! storage is probed once with web-sys and only then used; every later
//! failure is a value, never a panic.

use super::{
    backup_key, decode, decode_view, encode, storage_key, Document, DocumentView, Loaded,
    KEY_PREFIX,
};
use leptos::prelude::*;
use leptos_use::use_event_listener;

mod notices;
mod transfer;

use notices::notify;
pub use notices::{Notice, Notices};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;
pub use transfer::{backups, clear_all, export_bundle, import_bundle, remove_backup};

/// Where documents live for this page load: `localStorage` when the browser
/// offers one, with changes that can't be written there kept in memory on
/// top of it. Reading never depends on writing: a full quota still shows
/// (and exports) everything stored.
struct Backend {
    /// `window.localStorage`, when reading it didn't throw.
    local: Option<web_sys::Storage>,
    /// Whether writes reach `local`. False from the start when the probe
    /// write fails, and after the first refused write.
    writable: bool,
    /// Whether a refused write said the quota is full (as opposed to
    /// storage that refuses every write), so the notice can say so.
    full: bool,
    /// Changes kept only in memory, read before `local`; `None` is a removal.
    overlay: BTreeMap<String, Option<String>>,
    /// Keys this page must never write to `local` (a newer document, damage
    /// that couldn't be backed up, a read that threw), with the status that
    /// says why. Their tool keeps working on its copy in `overlay`.
    pinned: BTreeMap<String, SaveStatus>,
}

thread_local! {
    static BACKEND: RefCell<Option<Backend>> = const { RefCell::new(None) };
}

const PROBE_KEY: &str = "stagecraft.__probe";

/// Whether a thrown storage error means the quota is used up.
fn is_quota_error(e: &wasm_bindgen::JsValue) -> bool {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .is_some_and(|n| n == "QuotaExceededError" || n == "NS_ERROR_DOM_QUOTA_REACHED")
}

fn probe() -> Backend {
    let local = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    let mut full = false;
    let writable = local
        .as_ref()
        .is_some_and(|s| match s.set_item(PROBE_KEY, "1") {
            Ok(()) => s.remove_item(PROBE_KEY).is_ok(),
            Err(e) => {
                full = is_quota_error(&e);
                false
            }
        });
    Backend {
        local,
        writable,
        full,
        overlay: BTreeMap::new(),
        pinned: BTreeMap::new(),
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
    with_backend(|b| b.local.is_some() && b.writable)
}

/// Whether storage is there and readable but full: what was saved is shown,
/// and new changes live in memory.
pub fn is_full() -> bool {
    with_backend(|b| b.local.is_some() && !b.writable && b.full)
}

/// Forgets the probe result and everything held in memory, so the next
/// access probes again. Tests use it after changing what
/// `window.localStorage` does.
pub fn reset_backend() {
    BACKEND.with(|cell| *cell.borrow_mut() = None);
}

/// A read of `localStorage` threw: the key's content is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ReadFailed;

/// Reads one raw value, memory first. Private: everything outside storage
/// goes through typed doors (`use_document_with`, `read_view`, the
/// data-page functions), so the rules about newer and damaged data live in
/// one place.
fn read_raw(key: &str) -> Result<Option<String>, ReadFailed> {
    with_backend(|b| {
        if let Some(v) = b.overlay.get(key) {
            return Ok(v.clone());
        }
        match &b.local {
            None => Ok(None),
            Some(s) => s.get_item(key).map_err(|_| ReadFailed),
        }
    })
}

/// What `localStorage` itself holds under `key` (not memory), for export.
fn read_stored(b: &Backend, key: &str) -> Option<String> {
    b.local
        .as_ref()
        .and_then(|s| s.get_item(key).ok().flatten())
}

/// Every Stagecraft key and its value, sorted by key: what is stored, with
/// what is only in memory on top. A pinned key keeps its stored value when
/// there is one (a newer document must reach the export untouched); its
/// memory copy is exported only when nothing stored could be read.
fn all_entries() -> Vec<(String, String)> {
    with_backend(|b| {
        let mut out: BTreeMap<String, String> = BTreeMap::new();
        if let Some(s) = &b.local {
            let len = s.length().unwrap_or(0);
            for k in (0..len).filter_map(|i| s.key(i).ok().flatten()) {
                if k.starts_with(KEY_PREFIX) && k != PROBE_KEY {
                    if let Some(v) = read_stored(b, &k) {
                        out.insert(k, v);
                    }
                }
            }
        }
        for (k, v) in &b.overlay {
            if !k.starts_with(KEY_PREFIX) || (b.pinned.contains_key(k) && out.contains_key(k)) {
                continue;
            }
            match v {
                Some(v) => out.insert(k.clone(), v.clone()),
                None => out.remove(k),
            };
        }
        out.into_iter().collect()
    })
}

/// Why a value could not be kept beyond this page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteFailed;

/// Writes one value. When `localStorage` refuses (quota exceeded, revoked),
/// this and every later write stay in memory so the app keeps working, and
/// the caller is told so it can warn the user. A pinned key is only ever
/// written to memory.
fn write_raw(key: &str, value: &str) -> Result<(), WriteFailed> {
    with_backend(|b| {
        let to_local = b.writable && !b.pinned.contains_key(key);
        if let (true, Some(s)) = (to_local, &b.local) {
            match s.set_item(key, value) {
                Ok(()) => {
                    b.overlay.remove(key);
                    return Ok(());
                }
                Err(e) => {
                    b.writable = false;
                    b.full = is_quota_error(&e);
                    b.overlay.insert(key.to_string(), Some(value.to_string()));
                    return Err(WriteFailed);
                }
            }
        }
        b.overlay.insert(key.to_string(), Some(value.to_string()));
        Ok(())
    })
}

/// Removes one value (everywhere this page can).
fn remove_raw(key: &str) {
    with_backend(|b| {
        b.pinned.remove(key);
        match (&b.local, b.writable) {
            (Some(s), true) => {
                let _ = s.remove_item(key);
                b.overlay.remove(key);
            }
            _ => {
                b.overlay.insert(key.to_string(), None);
            }
        }
    })
}

/// Marks `key` as never to be written to `localStorage` on this page.
fn pin(key: &str, status: SaveStatus) {
    with_backend(|b| b.pinned.insert(key.to_string(), status));
}

/// Why `key` is pinned, if it is.
fn pinned(key: &str) -> Option<SaveStatus> {
    with_backend(|b| b.pinned.get(key).copied())
}

/// Keeps a pinned document's working copy in memory, so a remount (a route
/// change) shows what the user did instead of re-reading storage.
fn hold(key: &str, text: &str) {
    with_backend(|b| b.overlay.insert(key.to_string(), Some(text.to_string())));
}

/// Whether what is read under `key` is what `localStorage` holds.
fn is_kept(key: &str) -> bool {
    with_backend(|b| {
        b.local.is_some()
            && b.writable
            && !b.pinned.contains_key(key)
            && !b.overlay.contains_key(key)
    })
}

/// Picks a backup key that doesn't overwrite an earlier, different backup.
/// `None` when a backup key can't be read, so no free one can be promised.
fn free_backup_key(key: &str, raw: &str) -> Option<String> {
    let mut n = 1;
    loop {
        let candidate = backup_key(key, n);
        match read_raw(&candidate).ok()? {
            None => return Some(candidate),
            Some(existing) if existing == raw => return Some(candidate),
            Some(_) => n = n.checked_add(1)?,
        }
    }
}

/// Copies `from`'s stored value to `to` inside `localStorage`, as the JS
/// string it is: text that isn't valid UTF-16 (a lone surrogate) would
/// come back altered through a Rust `String`. True only when the copy is
/// in storage that outlives the page.
fn back_up_exactly(from: &str, to: &str) -> bool {
    use wasm_bindgen::JsCast;
    with_backend(|b| {
        let (true, Some(s)) = (b.writable, &b.local) else {
            return false;
        };
        let call = |name: &str| {
            js_sys::Reflect::get(s, &name.into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        };
        let (Some(get), Some(set)) = (call("getItem"), call("setItem")) else {
            return false;
        };
        let Ok(value) = get.call1(s, &from.into()) else {
            return false;
        };
        if !value.is_string() {
            return false;
        }
        match set.call2(s, &to.into(), &value) {
            Ok(_) => true,
            Err(e) => {
                b.writable = false;
                b.full = is_quota_error(&e);
                false
            }
        }
    })
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
    // Pinned earlier on this page: its working copy is in memory.
    if let Some(status) = pinned(key) {
        let doc = match read_raw(key) {
            Ok(Some(raw)) => match decode::<T>(Some(&raw)) {
                Loaded::Ready(v) => v,
                _ => T::default(),
            },
            _ => T::default(),
        };
        return (doc, Some(status));
    }
    let raw = match read_raw(key) {
        Ok(raw) => raw,
        Err(ReadFailed) => {
            // Unknown is not empty: never write over what we couldn't read.
            pin(key, SaveStatus::NotKept);
            notify(
                notices,
                Notice::ReadFailed {
                    key: key.to_string(),
                },
            );
            return (T::default(), Some(SaveStatus::NotKept));
        }
    };
    match decode::<T>(raw.as_deref()) {
        Loaded::Missing => (T::default(), None),
        Loaded::Ready(v) => (v, None),
        Loaded::Corrupt { raw, reason } => {
            let backup = free_backup_key(key, &raw);
            let backed_up = backup.as_deref().is_some_and(|to| back_up_exactly(key, to));
            let fresh = T::default();
            if backed_up {
                // The damaged text is safe in the backup, so the live key can
                // start over; otherwise leave it alone for the user to rescue.
                let _ = write_raw(key, &encode(&fresh));
            } else {
                pin(key, SaveStatus::NotKept);
            }
            notify(
                notices,
                Notice::Corrupt {
                    key: key.to_string(),
                    backup_key: backup.unwrap_or_else(|| backup_key(key, 1)),
                    raw,
                    reason,
                    backed_up,
                },
            );
            (fresh, (!backed_up).then_some(SaveStatus::NotKept))
        }
        Loaded::Newer { found } => {
            pin(key, SaveStatus::NewerElsewhere);
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
    if !is_kept(key) {
        return false;
    }
    match read_raw(key).ok().flatten() {
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
        let _ = use_event_listener(
            target,
            leptos::ev::Custom::<web_sys::Event>::new(name),
            move |ev| {
                if ev.type_() != "visibilitychange" || document().hidden() {
                    flush_pending();
                }
            },
        );
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
        let Some(key) = key.try_get_value() else {
            return;
        };
        if unchanged {
            return;
        }
        // A key this page must not write: keep the work in memory, so the
        // tool stays usable across route changes.
        if blocked.try_get_untracked().flatten().is_some() {
            hold(&key, &text);
            last.set_value(text);
            return;
        }
        // Something else wrote since we looked: only overwrite what this
        // build can read.
        let seen = read_raw(&key);
        let other = match seen {
            Ok(raw) => raw.filter(|raw| last.with_value(|l| l != raw)),
            Err(ReadFailed) => {
                pin(&key, SaveStatus::NotKept);
                blocked.set(Some(SaveStatus::NotKept));
                hold(&key, &text);
                last.set_value(text);
                notify(notices, Notice::ReadFailed { key });
                return;
            }
        };
        if let Some(raw) = other {
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
            if let Some(status) = stop {
                pin(&key, status);
                blocked.set(Some(status));
                hold(&key, &text);
                last.set_value(text);
                return;
            }
        }
        if write_raw(&key, &text).is_err() {
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
    let _ = use_event_listener(
        window(),
        leptos::ev::storage,
        move |ev: web_sys::StorageEvent| {
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
            let theirs_text = encode(&adopted);
            // Edits this tab hasn't saved yet are kept: merge them over the
            // other tab's save (the result is saved here in turn).
            let merged = last
                .with_value(|base| doc.with_untracked(|ours| merge_pending(base, ours, &adopted)));
            last.set_value(theirs_text);
            doc.set(merged.unwrap_or(adopted));
            written.notify();
        },
    );

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

/// This tab's working copy merged over another tab's save, when this tab
/// has changes since `base_text` (what it last saved or adopted); `None`
/// when it has none, and the other tab's document is simply adopted.
fn merge_pending<T: Document>(base_text: &str, ours: &T, theirs: &T) -> Option<T> {
    let base = serde_json::from_str::<serde_json::Value>(base_text)
        .ok()?
        .get("data")?
        .clone();
    let ours = serde_json::to_value(ours).ok()?;
    if ours == base {
        return None;
    }
    let theirs = serde_json::to_value(theirs).ok()?;
    serde_json::from_value(super::merge::merge3(&base, &ours, &theirs)).ok()
}

/// A one-off read of a document another tool owns, without subscribing to it.
pub fn read_document<T: Document>() -> Option<T> {
    match decode::<T>(read_raw(&storage_key::<T>()).ok().flatten().as_deref()) {
        Loaded::Ready(v) => Some(v),
        _ => None,
    }
}

/// A one-off read of the view another tool publishes of its document (see
/// `DocumentView`). `None` when nothing is stored, or when the document is
/// newer or damaged: its owner reports those when it opens.
pub fn read_view<V: DocumentView>() -> Option<V> {
    match decode_view::<V>(read_raw(&storage_key::<V::Of>()).ok().flatten().as_deref()) {
        Loaded::Ready(v) => Some(v),
        _ => None,
    }
}

//! Debounced saving with an honest "Saved" indicator.
//!
//! The screens edit a working copy. After a short pause in typing it is
//! handed to the shared `use_document` signal, which writes it. Leaving the
//! page, hiding the tab, leaving a field or leaving the tool writes at once,
//! so nothing typed is lost to the debounce. The indicator compares what is
//! really in storage with the working copy instead of assuming success.

use crate::storage::browser::{is_persistent, read_raw, use_document, write_raw};
use crate::storage::{decode, encode, storage_key, Loaded};
use crate::tools::discovery::model::CallsDoc;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use leptos_use::use_event_listener;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// A pause in typing this long triggers a save.
const DEBOUNCE_MS: u64 = 400;

/// What the indicator shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStatus {
    Saving,
    Saved,
    /// Storage refused or is unavailable; the shell shows why.
    NotSaved,
}

/// The working copy and its save state.
pub struct Debounced {
    pub work: RwSignal<CallsDoc>,
    pub status: Signal<SaveStatus>,
}

/// Whether storage holds exactly `doc`, in a store that outlives the page.
fn stored_matches(doc: &CallsDoc) -> bool {
    if !is_persistent() {
        return false;
    }
    match read_raw(&storage_key::<CallsDoc>()) {
        Some(raw) => raw == encode(doc),
        None => *doc == CallsDoc::default(),
    }
}

/// Writes straight to storage, for moments when the reactive save may not
/// get to run (the page is unloading, the tool is unmounting). Mirrors
/// `use_document`'s rule: never overwrite data that is newer or unreadable.
fn write_now(doc: &CallsDoc) {
    let key = storage_key::<CallsDoc>();
    let ours = matches!(
        decode::<CallsDoc>(read_raw(&key).as_deref()),
        Loaded::Ready(_) | Loaded::Missing
    );
    if ours {
        let _ = write_raw(&key, &encode(doc));
    }
}

/// Loads the calls and returns a working copy that saves itself.
pub fn use_debounced_calls() -> Debounced {
    let doc = use_document::<CallsDoc>();
    let work = RwSignal::new(doc.get_untracked());
    // The last version handed to `doc` (or received from it).
    let handed = RwSignal::new(doc.get_untracked());
    let stored_ok = RwSignal::new(stored_matches(&work.get_untracked()));
    let pending = Memo::new(move |_| work.with(|w| handed.with(|h| w != h)));

    let flush = move || {
        let Some(current) = work.try_get_untracked() else {
            return;
        };
        if handed.with_untracked(|h| *h != current) {
            handed.set(current.clone());
            doc.set(current);
        }
        // `use_document` writes in an effect; look once it has run.
        set_timeout(
            move || {
                if let Some(w) = work.try_get_untracked() {
                    stored_ok.try_set(stored_matches(&w));
                }
            },
            Duration::from_millis(0),
        );
    };

    // The debounce timer. (A plain timeout handle: one less generic
    // instantiation than `use_timeout_fn`, which matters for page size.)
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let stop = move || {
        if let Some(h) = timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    };
    // Every edit restarts the countdown, so a save happens after a pause.
    Effect::new(move |_| {
        work.track();
        if pending.get_untracked() {
            stop();
            let handle = set_timeout_with_handle(
                move || {
                    timer.try_set_value(None);
                    flush();
                },
                Duration::from_millis(DEBOUNCE_MS),
            )
            .ok();
            timer.set_value(handle);
        }
    });

    // Another tab saved: its version replaces the working copy. This is the
    // one place the two signals meet, and only for changes made elsewhere.
    Effect::new(move |_| {
        let d = doc.get();
        if handed.with_untracked(|h| *h != d) {
            handed.set(d.clone());
            work.set(d);
        }
    });

    let flush_now = move || {
        if pending.get_untracked() {
            stop();
            flush();
            if let Some(w) = work.try_get_untracked() {
                write_now(&w);
            }
        }
    };
    // Leaving the page, hiding the tab and leaving a field all save at
    // once. (One event type for all three keeps the page smaller.)
    for (target, name) in [
        (
            window().unchecked_into::<web_sys::EventTarget>(),
            "pagehide",
        ),
        (document().unchecked_into(), "visibilitychange"),
        (document().unchecked_into(), "focusout"),
    ] {
        let _ = use_event_listener(
            target,
            leptos::ev::Custom::<web_sys::Event>::new(name),
            move |ev| {
                if ev.type_() != "visibilitychange" || document().hidden() {
                    flush_now();
                }
            },
        );
    }
    on_cleanup(move || {
        stop();
        if let (Some(w), Some(h)) = (work.try_get_untracked(), handed.try_get_untracked()) {
            if w != h {
                write_now(&w);
            }
        }
    });

    let status = Signal::derive(move || {
        if pending.get() {
            SaveStatus::Saving
        } else if stored_ok.get() {
            SaveStatus::Saved
        } else {
            SaveStatus::NotSaved
        }
    });
    Debounced { work, status }
}

/// The quiet indicator next to a call's title.
#[component]
pub fn SaveIndicator(
    /// Current save state.
    status: Signal<SaveStatus>,
) -> impl IntoView {
    // Not a live region: it flips on every keystroke, which would be noise
    // for a screen reader. A failure is announced by the shell's notice.
    view! {
        <p
            class="sc-discovery-save"
            data-testid="save-status"
            data-state=move || match status.get() {
                SaveStatus::Saving => "saving",
                SaveStatus::Saved => "saved",
                SaveStatus::NotSaved => "not-saved",
            }
        >
            {move || match status.get() {
                SaveStatus::Saving => "Saving…",
                SaveStatus::Saved => "✓ Saved",
                SaveStatus::NotSaved => "Not saved on this device",
            }}
        </p>
    }
}

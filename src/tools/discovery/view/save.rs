//! The calls document and the quiet "Saved" indicator.
//!
//! Saving itself belongs to storage (`use_document_with`): it waits for a
//! pause in typing, and writes at once when the rep leaves a field, hides
//! or leaves the page, or leaves the tool, so nothing typed is lost to the
//! wait. This file only chooses those options and says what the status means.

pub use crate::storage::browser::SaveStatus;
use crate::storage::browser::{use_document_with, DocHandle, DocOptions};
use crate::tools::discovery::model::CallsDoc;
use leptos::prelude::*;

/// A pause in typing this long triggers a save.
const DEBOUNCE_MS: u32 = 400;

/// Loads the calls; every change saves itself after a pause.
pub fn use_calls() -> DocHandle<CallsDoc> {
    use_document_with::<CallsDoc>(DocOptions {
        debounce_ms: DEBOUNCE_MS,
        flush_on_hide: true,
        flush_on_blur: true,
    })
}

/// The quiet indicator next to a call's title.
#[component]
pub fn SaveIndicator(
    /// Whether storage holds what the screen shows.
    status: Signal<SaveStatus>,
) -> impl IntoView {
    // Not a live region: it flips on every keystroke, which would be noise
    // for a screen reader. A failure is announced by the shell's notice.
    // A newer version elsewhere is, for the rep, one more "not saved here".
    view! {
        <p
            class="sc-discovery-save"
            data-testid="save-status"
            data-state=move || match status.get() {
                SaveStatus::Pending => "saving",
                SaveStatus::Saved => "saved",
                SaveStatus::NotKept | SaveStatus::NewerElsewhere => "not-saved",
            }
        >
            {move || match status.get() {
                SaveStatus::Pending => "Saving…",
                SaveStatus::Saved => "✓ Saved",
                SaveStatus::NotKept | SaveStatus::NewerElsewhere => "Not saved on this device",
            }}
        </p>
    }
}

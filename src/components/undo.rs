use super::listen::Timer;
use leptos::prelude::*;

/// How long a deleted item can still be brought back.
const UNDO_WINDOW_MS: u64 = 6000;

/// "Deal deleted. Undo" for a few seconds after a destructive action, the
/// design guide's alternative to confirmation dialogs.
///
/// The parent keeps the removed item until `on_expire`, and restores it on
/// `on_undo`. A new message restarts the countdown.
#[component]
pub fn UndoToast(
    /// The message to show, or `None` when nothing can be undone.
    #[prop(into)]
    message: Signal<Option<String>>,
    /// Puts the removed item back.
    on_undo: Callback<()>,
    /// The undo window closed: the removal becomes final.
    on_expire: Callback<()>,
) -> impl IntoView {
    let timer = Timer::new();
    Effect::new(move |_| {
        if message.with(Option::is_some) {
            // A second deletion gets its own full window, not the rest of
            // the first one's.
            timer.restart(UNDO_WINDOW_MS, move || on_expire.run(()));
        } else {
            timer.stop();
        }
    });
    view! {
        <div class="sc-toast-region" role="status" aria-live="polite">
            {move || message.get().map(|m| view! {
                <div class="sc-toast">
                    <span>{m}</span>
                    <button type="button" class="sc-button sc-button--ghost" on:click=move |_| on_undo.run(())>
                        "Undo"
                    </button>
                </div>
            })}
        </div>
    }
}

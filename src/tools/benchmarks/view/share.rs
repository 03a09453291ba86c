//! Sharing a funnel: the link's address, and the strip a colleague sees
//! when they open one (read only, with "Use these numbers").

use crate::tools::benchmarks::model::*;
use leptos::prelude::*;

/// The full address of a share link for this document's inputs: this
/// page with the share fragment.
pub(super) fn share_url(doc: &BenchmarksDoc) -> String {
    let href = window().location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}{}", funnel_fragment(doc))
}

/// Leaves a shared funnel for the visitor's own (`#/benchmarks`).
pub(super) fn go_home() {
    let _ = window().location().set_hash("#/benchmarks");
}

/// Shown above a shared funnel: says it is read only and offers to take
/// its numbers (with Undo) or go back to one's own. A refused link says
/// why in one line, over the visitor's own funnel.
#[component]
pub(super) fn SharedStrip(
    /// `None` for a readable link, the refusal otherwise.
    refused: Option<String>,
    /// Copies the shared inputs into the visitor's own funnel.
    on_use: Callback<()>,
) -> impl IntoView {
    let body = match refused {
        Some(message) => view! {
            <p><strong>"Shared funnel not opened. "</strong>{message}" Your own funnel is below."</p>
            <button type="button" class="sc-button sc-button--ghost" on:click=move |_| go_home()>"Dismiss"</button>
        }
        .into_any(),
        None => view! {
            <p>
                <strong>"Shared funnel — read only. "</strong>
                "A colleague's numbers. Your own funnel is untouched and nothing here is saved."
            </p>
            <div class="sc-row">
                <button type="button" class="sc-button sc-button--primary" on:click=move |_| on_use.run(())>"Use these numbers"</button>
                <button type="button" class="sc-button sc-button--ghost" on:click=move |_| go_home()>"Back to my funnel"</button>
            </div>
        }
        .into_any(),
    };
    view! {
        <section class="sc-card sc-benchmarks-shared sc-no-print" role="region" aria-label="Shared funnel" data-testid="shared-strip">
            {body}
        </section>
    }
}

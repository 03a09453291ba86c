//! What keeps a long list usable: a search box and a "Show more" footer.
//!
//! Why: a rep keeps every deal and call on this device, and drawing
//! thousands of rows at once froze the page for seconds. The list draws the
//! first [`PAGE`] matches and adds a page at a time, and any row is one
//! search away.

use super::TextField;
use leptos::prelude::*;

/// How many rows a list draws at first, and adds per "Show more".
pub const PAGE: usize = 50;

/// Lists shorter than this don't need a search box.
const SEARCH_FROM: usize = 20;

/// The search box above a long list. Typing starts the list over at its
/// first page, so the best matches are the ones on screen.
#[component]
pub fn ListSearch(
    /// DOM id of the search input.
    id: &'static str,
    /// Visible label, such as "Search deals".
    label: &'static str,
    /// What the rows are searched by, for the hint ("Names and companies").
    hint: &'static str,
    /// All rows, before the search: the box shows once there are enough.
    #[prop(into)]
    total: Signal<usize>,
    /// The text typed.
    query: RwSignal<String>,
    /// How many matches are drawn.
    shown: RwSignal<usize>,
) -> impl IntoView {
    move || {
        (total.get() >= SEARCH_FROM || !query.with(String::is_empty)).then(|| {
            view! {
                <div class="sc-list-search">
                    <TextField
                        id=id
                        label=label
                        hint=hint
                        value=query
                        on_input=Callback::new(move |text: String| {
                            query.set(text);
                            shown.set(PAGE);
                        })
                    />
                </div>
            }
        })
    }
}

/// Below a long list: how much of it is drawn, "Show more", and what to do
/// when a search matches nothing.
#[component]
pub fn ListFooter(
    /// Rows matching the search.
    #[prop(into)]
    matching: Signal<usize>,
    /// How many matches are drawn.
    shown: RwSignal<usize>,
    /// The text searched for.
    query: RwSignal<String>,
    /// The rows' name in the plural, such as "deals".
    noun: &'static str,
) -> impl IntoView {
    move || {
        let n = matching.get();
        let drawn = n.min(shown.get());
        if n == 0 && !query.with(String::is_empty) {
            return Some(
                view! {
                    <p class="sc-list-footer" role="status">
                        {format!("No {noun} match “{}”.", query.get().trim())}
                        " "
                        <button type="button" class="sc-button sc-button--ghost" on:click=move |_| query.set(String::new())>
                            "Clear the search"
                        </button>
                    </p>
                }
                .into_any(),
            );
        }
        (drawn < n).then(|| {
            view! {
                <p class="sc-list-footer">
                    <span role="status">{format!("Showing {drawn} of {n} {noun}.")}</span>
                    " "
                    <button type="button" class="sc-button" on:click=move |_| shown.update(|s| *s += PAGE)>
                        {format!("Show {} more", (n - drawn).min(PAGE))}
                    </button>
                </p>
            }
            .into_any()
        })
    }
}

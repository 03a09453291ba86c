//! Views of the discovery tool.

use super::model::CallsDoc;
use crate::storage::browser::use_document;
use leptos::prelude::*;

/// The discovery tool. `rest` is the part of the route after the tool's slug.
#[component]
pub fn DiscoveryTool(#[prop(into)] rest: Signal<String>) -> impl IntoView {
    let _ = rest;
    let _doc = use_document::<CallsDoc>();
    view! { <section class="sc-tool"><h1>"Discovery"</h1></section> }
}

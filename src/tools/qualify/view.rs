//! Views of the qualify tool.

use super::model::DealsDoc;
use crate::storage::browser::use_document;
use leptos::prelude::*;

/// The qualify tool. `rest` is the part of the route after the tool's slug.
#[component]
pub fn QualifyTool(#[prop(into)] rest: Signal<String>) -> impl IntoView {
    let _ = rest;
    let _doc = use_document::<DealsDoc>();
    view! { <section class="sc-tool"><h1>"Qualify"</h1></section> }
}

//! Views of the benchmarks tool.

use super::model::BenchmarksDoc;
use crate::storage::browser::use_document;
use leptos::prelude::*;

/// The benchmarks tool. `rest` is the part of the route after the tool's slug.
#[component]
pub fn BenchmarksTool(#[prop(into)] rest: Signal<String>) -> impl IntoView {
    let _ = rest;
    let _doc = use_document::<BenchmarksDoc>();
    view! { <section class="sc-tool"><h1>"Benchmarks"</h1></section> }
}

//! Views of the audit tool.

use super::model::AuditDoc;
use crate::storage::browser::use_document;
use leptos::prelude::*;

/// The audit tool. `rest` is the part of the route after the tool's slug.
#[component]
pub fn AuditTool(#[prop(into)] rest: Signal<String>) -> impl IntoView {
    let _ = rest;
    let _doc = use_document::<AuditDoc>();
    view! { <section class="sc-tool"><h1>"Audit"</h1></section> }
}

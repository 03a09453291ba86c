//! Where the ranges come from (under the segment picker, under the stage
//! table and on the printed page), and what "My baseline" rests on.

use crate::components::NumberField;
use crate::numbers::FieldKind;
use crate::tools::benchmarks::model::Action;
use crate::tools::benchmarks::model::*;
use leptos::prelude::*;

/// The provenance line of the ranges in use, with the thin-sample warning
/// for an own baseline resting on fewer than 30 closed deals (an empty
/// paragraph, hidden, otherwise).
#[component]
pub(super) fn ProvenanceNote(
    /// The document shown: its segment and own baseline decide the line.
    doc: Signal<BenchmarksDoc>,
    /// `data-testid` of the line, so each place can be checked.
    testid: &'static str,
) -> impl IntoView {
    view! {
        <p class="sc-benchmarks-source" data-testid=testid>{super::doc_text(doc, |d| d.provenance().line())}</p>
        <p class="sc-benchmarks-warning sc-benchmarks-source__warning" data-testid=format!("{testid}-warning")>
            {super::doc_text(doc, |d| d.provenance().warning().unwrap_or_default())}
        </p>
    }
}

/// How many closed deals "My baseline" rests on: its sample, shown in the
/// provenance line, with a warning under 30.
#[component]
pub(super) fn ClosedDeals(
    /// The saved document (read only; changes go through `on_action`).
    doc: Signal<BenchmarksDoc>,
    /// Applies a change to the document.
    on_action: Callback<Action>,
) -> impl IntoView {
    view! {
        <NumberField
            id="sc-benchmarks-bl-closed"
            label="Closed deals behind this baseline"
            hint="Won and lost deals these ranges come from. Under 30, each range may be off by several points."
            value=super::doc_text(doc, |d| d.baseline.closed_deals.clone())
            on_input=Callback::new(move |v: String| on_action.run(Action::SetBaselineClosedDeals(v)))
            rules=CLOSED_DEALS_RULES
            kind=Some(FieldKind::Count)
        />
    }
}

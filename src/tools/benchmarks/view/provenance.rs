//! Where the ranges come from (under the segment picker, under the stage
//! table and on the printed page), and the user's named baselines.

use crate::components::{use_field, Field, NumberField};
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

/// What "My baseline" rests on, and its saved copies: save under a name,
/// switch to another, delete (with Undo). Kept in the document, so they
/// travel with a backup.
#[component]
pub(super) fn SavedBaselines(
    /// The saved document (read only; changes go through `on_action`).
    doc: Signal<BenchmarksDoc>,
    /// Applies a change to the document.
    on_action: Callback<Action>,
    /// Applies a change that replaces typed ranges, offering Undo.
    undoable: Callback<(Action, &'static str)>,
) -> impl IntoView {
    let name = RwSignal::new(doc.with_untracked(|d| d.baseline.name.clone()));
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let save = move |_| {
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            error.set(Some("Type a name to save this baseline under.".into()));
            return;
        }
        error.set(None);
        let year = js_sys::Date::new_0().get_full_year() as i32;
        on_action.run(Action::SaveBaseline {
            name: n.clone(),
            year: Some(year),
        });
        status.set(format!("Saved as “{n}”."));
    };
    let list = move || {
        doc.with(|d| {
            d.baselines
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let n = b.name.clone();
                    let sample = b.input.provenance().sample;
                    view! {
                        <li class="sc-benchmarks-saved__item">
                            <span>{sample}</span>
                            <button type="button" class="sc-button sc-button--ghost" aria-label=format!("Use {n}") on:click=move |_| undoable.run((Action::PickBaseline(i), "Baseline switched."))>"Use"</button>
                            <button type="button" class="sc-button sc-button--ghost" aria-label=format!("Delete {n}") on:click=move |_| undoable.run((Action::DeleteBaseline(i), "Baseline deleted."))>"Delete"</button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
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
        <div class="sc-benchmarks-save">
            <Field
                id="sc-benchmarks-bl-name"
                label="Name for this baseline"
                hint="For example a segment or a team. Saving under a name already kept replaces it."
                error=error
            >
                {
                    let f = use_field();
                    view! {
                        <input
                            id=f.id()
                            class="sc-input"
                            type="text"
                            autocomplete="off"
                            prop:value=move || name.get()
                            aria-invalid=f.aria_invalid()
                            aria-describedby=f.described_by()
                            on:input=move |ev| name.set(event_target_value(&ev))
                        />
                    }
                }
            </Field>
            <button type="button" class="sc-button" on:click=save>"Save baseline"</button>
            <p class="sc-field__hint" role="status">{status}</p>
        </div>
        // Hidden by the style sheet while the list is empty.
        <div class="sc-benchmarks-saved-box">
            <h3 class="sc-benchmarks-subtitle">"Saved baselines"</h3>
            <ul class="sc-benchmarks-saved" data-testid="saved-baselines">{list}</ul>
        </div>
    }
}

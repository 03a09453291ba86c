//! The "My baseline" form: the user's own range for every stage and target.

use crate::components::{use_field, Field};
use crate::tools::benchmarks::model::Action;
use crate::tools::benchmarks::model::*;
use leptos::prelude::*;

/// Edits the custom baseline. Shown while "My baseline" is the segment.
/// Every field keeps what was typed; a range whose high end is below its low
/// end is flagged on the high field.
#[component]
pub fn BaselineEditor(
    /// The saved document (read only; changes go through `on_action`).
    doc: Signal<BenchmarksDoc>,
    /// Applies a change to the document.
    on_action: Callback<Action>,
    /// Applies a change that replaces typed ranges, offering Undo.
    undoable: Callback<(Action, &'static str)>,
) -> impl IntoView {
    let errors = Memo::new(move |_| doc.with(|d| d.baseline.errors()));
    let field = move |f: BaselineField| view! { <RangeField field=f doc=doc errors=errors on_action=on_action /> };

    let stages = Stage::ALL
        .into_iter()
        .map(|stage| {
            let i = stage.index();
            let conv = (i < FUNNEL).then(|| {
                view! {
                    {field(BaselineField::ConversionLow(i))}
                    {field(BaselineField::ConversionHigh(i))}
                }
            });
            view! {
                <fieldset class="sc-benchmarks-baseline__group">
                    <legend>{stage.name()}</legend>
                    <div class="sc-benchmarks-baseline__grid">
                        {conv}
                        {field(BaselineField::DaysLow(i))}
                        {field(BaselineField::DaysHigh(i))}
                    </div>
                </fieldset>
            }
        })
        .collect_view();

    view! {
        <section class="sc-benchmarks-baseline sc-stack" aria-labelledby="sc-benchmarks-baseline-title">
            <h2 id="sc-benchmarks-baseline-title" class="sc-benchmarks-subtitle">"My baseline"</h2>
            <p class="sc-field__hint">
                "Your own ranges, saved on this device. Start from a published set and change what your data says is different."
            </p>
            <div class="sc-row">
                <button type="button" class="sc-button sc-button--ghost" on:click=move |_| undoable.run((Action::CopyBaselineFrom(Segment::MidMarket), "Baseline reset to mid-market."))>
                    "Start from mid-market"
                </button>
                <button type="button" class="sc-button sc-button--ghost" on:click=move |_| undoable.run((Action::CopyBaselineFrom(Segment::Enterprise), "Baseline reset to enterprise."))>
                    "Start from enterprise"
                </button>
            </div>
            <super::provenance::ClosedDeals doc=doc on_action=on_action />
            <p class="sc-benchmarks-baseline__status" role="status">
                {move || {
                    let n = errors.with(Vec::len);
                    if n == 0 {
                        String::new()
                    } else {
                        format!("{n} {} in your baseline to fix before results update.", if n == 1 { "range" } else { "ranges" })
                    }
                }}
            </p>
            <fieldset class="sc-benchmarks-baseline__group">
                <legend>"Targets"</legend>
                <div class="sc-benchmarks-baseline__grid">
                    {field(BaselineField::WinRateLow)}
                    {field(BaselineField::WinRateHigh)}
                    {field(BaselineField::CycleLow)}
                    {field(BaselineField::CycleHigh)}
                </div>
            </fieldset>
            {stages}
        </section>
    }
}

/// One end of a baseline range, with its inline error.
#[component]
fn RangeField(
    /// Which value this edits.
    field: BaselineField,
    /// The saved document.
    doc: Signal<BenchmarksDoc>,
    /// Every current baseline error, computed once for the whole form.
    errors: Memo<Vec<(BaselineField, String)>>,
    /// Applies a change to the document.
    on_action: Callback<Action>,
) -> impl IntoView {
    let error = Signal::derive(move || {
        errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
    });
    let unit = if field.is_percent() { "%" } else { "days" };
    view! {
        <Field id=field.id() label=field.label() error=error>
            {
                let f = use_field();
                view! {
                    <div class="sc-input-wrap">
                        <input
                            id=f.id()
                            class="sc-input"
                            type="text"
                            inputmode="decimal"
                            autocomplete="off"
                            prop:value=move || doc.with(|d| d.baseline.raw(field).to_string())
                            aria-invalid=f.aria_invalid()
                            aria-describedby=f.described_by()
                            on:input=move |ev| on_action.run(Action::SetBaselineField(field, event_target_value(&ev)))
                        />
                        <span class="sc-input-affix" aria-hidden="true">{unit}</span>
                    </div>
                }
            }
        </Field>
    }
}

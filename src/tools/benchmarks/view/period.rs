//! Counts mode's period select and the monthly volume it gives, shown
//! under "New prospects per month" so a typed figure and the counts' never
//! disagree in silence.

use super::shared::plain_text;
use crate::components::format::number;
use crate::components::{Hint, NumberField};
use crate::tools::benchmarks::model::Action;
use crate::tools::benchmarks::model::*;
use leptos::prelude::*;

/// "Period your counts cover": a month, a quarter or a year. A plain
/// labelled select (not the `Field` shell: it has no hint or error, and
/// the page's wasm budget is tight).
pub(super) fn period_select(doc: Signal<BenchmarksDoc>, on_action: Callback<Action>) -> AnyView {
    view! {
        <div class="sc-field">
            <label class="sc-field__label" for="sc-benchmarks-count-period">"Period your counts cover"</label>
            <select
                id="sc-benchmarks-count-period"
                class="sc-input"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(p) = CountPeriod::ALL.into_iter().find(|p| p.slug() == v) {
                        on_action.run(Action::SetCountPeriod(p));
                    }
                }
            >
                {CountPeriod::ALL
                    .into_iter()
                    .map(|p| view! {
                        <option value=p.slug() selected=move || doc.with(|d| d.count_period == p)>{p.label()}</option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// "New prospects per month". With counts it is optional, and the line
/// under it says what the results use: the counts' own monthly figure,
/// and why when a typed one differs.
pub(super) fn prospects_field(
    doc: Signal<BenchmarksDoc>,
    on_action: Callback<Action>,
    mode: Memo<InputMode>,
) -> impl IntoView {
    let f = Field::Prospects;
    let volume = move || {
        doc.with(Volume::of).map(|v| {
            v.sentence(&|x| {
                if x < 100.0 {
                    plain_text(x)
                } else {
                    number(x, 0)
                }
            })
        })
    };
    move || {
        let m = mode.get();
        let counts = m == InputMode::Counts;
        view! {
            <NumberField
                id=f.id()
                label=f.label()
                value=Signal::derive(move || doc.with(|d| d.raw(f).to_string()))
                on_input=Callback::new(move |v: String| on_action.run(Action::SetField(f, v)))
                rules=f.rules_in(m)
                kind=Some(f.kind())
                hint=if counts {
                    Hint::from(view! { "Optional with counts. " <span data-testid="monthly-volume">{volume}</span> }.into_any())
                } else {
                    Hint::default()
                }
            />
        }
    }
}

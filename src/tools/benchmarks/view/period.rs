//! Counts mode's period select and the monthly volume it gives, shown
//! under "New prospects per month" so a typed figure and the counts' never
//! disagree in silence.

use super::shared::plain_text;
use crate::components::format::number;
use crate::components::{use_field, Field, Hint, NumberField};
use crate::tools::benchmarks::model::Action;
use crate::tools::benchmarks::model::*;
use leptos::prelude::*;

/// "Period your counts cover": a month, a quarter or a year.
pub(super) fn period_select(doc: Signal<BenchmarksDoc>, on_action: Callback<Action>) -> AnyView {
    view! {
        <Field
            id="sc-benchmarks-count-period"
            label="Period your counts cover"
            hint="Monthly figures divide the counts by the months in it."
        >
            {
                let f = use_field();
                let options = CountPeriod::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let words = p.words();
                        view! {
                            <option value=i.to_string() selected=move || doc.with(|d| d.count_period == p)>
                                {format!("{}{}", words[..1].to_uppercase(), &words[1..])}
                            </option>
                        }
                    })
                    .collect_view();
                view! {
                    <select
                        id=f.id()
                        class="sc-input"
                        aria-describedby=f.described_by()
                        on:change=move |ev| {
                            if let Some(p) = event_target_value(&ev)
                                .parse::<usize>()
                                .ok()
                                .and_then(|i| CountPeriod::ALL.get(i))
                            {
                                on_action.run(Action::SetCountPeriod(*p));
                            }
                        }
                    >
                        {options}
                    </select>
                }
            }
        </Field>
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

//! The deal's discovery calls on its summary: which calls there were, who
//! they named, and what they learned that the deal doesn't show yet, each
//! applied with one click and undoable.

use super::common::OnAction;
use super::model::{call_updates, economic_buyer, CallUpdate, Deal};
use crate::components::UndoToast;
use crate::deal::{people, LinkedCall};
use crate::route::{Route, Tool};
use leptos::prelude::*;

/// The link to one call on the discovery page.
fn call_href(id: u64) -> String {
    Route::Tool {
        tool: Tool::Discovery,
        rest: id.to_string(),
    }
    .href()
}

/// "From discovery calls": the calls linked to this deal, the people they
/// named, and the updates they offer. Hidden when no call is linked.
#[component]
pub fn DealCalls(
    /// The deal as stored (the updates compare against what the rep typed).
    deal: Signal<Deal>,
    /// The calls linked to it, read once when the summary opens.
    calls: StoredValue<Vec<LinkedCall>>,
    /// Applies an update or its undo.
    on_action: OnAction,
) -> impl IntoView {
    let updates = Memo::new(move |_| calls.with_value(|c| deal.with(|d| call_updates(d, c))));
    // The last update applied, until its undo window closes.
    let applied = RwSignal::new(None::<CallUpdate>);
    let toast =
        Signal::derive(move || applied.with(|a| a.as_ref().map(|_| "Update applied.".to_string())));
    let apply = move |u: CallUpdate| {
        let _ = on_action.run(u.apply.clone());
        applied.set(Some(u));
    };
    let (list, eb, named) = calls.with_value(|c| {
        let list = c
            .iter()
            .map(|call| {
                view! {
                    <li>
                        <a href=call_href(call.id)>{call.title.clone()}</a>
                        " · "{crate::dates::day_month_year(call.date)}
                    </li>
                }
            })
            .collect_view();
        (list, economic_buyer(c), people(c).len())
    });
    view! {
        <section class="sc-card sc-stack" aria-labelledby="sc-qualify-calls-heading" data-testid="deal-calls">
            <h3 id="sc-qualify-calls-heading">"From discovery calls"</h3>
            <ul>{list}</ul>
            <p>{match named {
                1 => "1 person named on calls, counted as engaged on the deal.".to_string(),
                n => format!("{n} people named on calls, counted as engaged on the deal."),
            }}</p>
            <p>
                <strong>"Economic buyer: "</strong>
                {match eb {
                    Some(p) if p.title.is_empty() => p.name,
                    Some(p) => format!("{}, {}", p.name, p.title),
                    None => "not named on a call yet".to_string(),
                }}
            </p>
            <Show when=move || updates.with(|u| !u.is_empty())>
                <h4>"Updates from calls"</h4>
                <p class="sc-qualify-muted">"Each adds what a call found to the deal. Ratings stay yours to change."</p>
                <ul class="sc-stack sc-qualify-updates">
                    {move || updates.get().into_iter().map(|u| {
                        let label = u.label.clone();
                        view! {
                            <li class="sc-row">
                                <span>{label.clone()}</span>
                                <button type="button" class="sc-button" on:click=move |_| apply(u.clone())>
                                    "Apply"<span class="sc-visually-hidden">{format!(": {label}")}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <UndoToast
                message=toast
                on_undo=Callback::new(move |_| {
                    if let Some(u) = applied.get_untracked() {
                        let _ = on_action.run(u.undo);
                        applied.set(None);
                    }
                })
                on_expire=Callback::new(move |_| applied.set(None))
            />
        </section>
    }
}

//! The list of calls: newest first, each with its coverage and when it was
//! last touched, plus create, duplicate and delete.

use super::{deals, href};
use crate::components::{ListFooter, ListSearch, PAGE};
use crate::text::matches_query;
use crate::tools::discovery::model::{
    format_date_short, month_name, sort_calls, CallRow, CallSort, DealFilter, Screen, Topic,
};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// "29 Nov, 14:05" in the rep's time zone.
fn touched(at: DateTime<Utc>) -> String {
    let local = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    format!(
        "{} {}, {:02}:{:02}",
        local.get_date(),
        month_name(local.get_month() + 1, true),
        local.get_hours(),
        local.get_minutes()
    )
}

/// The calls on this device, newest first, or an empty state that says
/// what to do.
#[component]
pub fn CallList(
    /// Rows, already sorted newest first.
    #[prop(into)]
    rows: Signal<Vec<CallRow>>,
    /// Creates a call and opens it.
    on_create: Callback<()>,
    /// Copies a call (notes and captured facts, fresh clocks).
    on_duplicate: Callback<u64>,
    /// Deletes a call; the parent offers Undo.
    on_delete: Callback<u64>,
) -> impl IntoView {
    let total = Topic::ALL.len();
    // Deal names are read once: the qualify tool is not open at the same time.
    let deal_names = StoredValue::new(deals::deal_options());
    let deal_name = move |id: &Option<String>| {
        id.as_ref().and_then(|id| {
            deal_names.with_value(|ds| ds.iter().find(|d| &d.id == id).map(|d| d.name.clone()))
        })
    };

    // A long list draws one page of matches at a time (see `ListSearch`).
    let query = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    let count = Signal::derive(move || rows.with(Vec::len));
    // Order and deal filter are the rep's view, kept while the list is open.
    let order = RwSignal::new(CallSort::Date);
    let by_deal = RwSignal::new(DealFilter::Any);
    let matching = Memo::new(move |_| {
        let mut found = by_deal.with(|f| {
            query.with(|q| {
                rows.with(|r| {
                    r.iter()
                        .filter(|row| f.matches(row))
                        .filter(|row| {
                            let deal = deal_name(&row.deal_id).unwrap_or_default();
                            matches_query(q, &[&row.title, &deal])
                        })
                        .cloned()
                        .collect::<Vec<_>>()
                })
            })
        });
        sort_calls(&mut found, order.get());
        found
    });
    let controls = move || {
        (count.get() > 1).then(|| view! {
            <div class="sc-row sc-list-controls">
                <div class="sc-field">
                    <label class="sc-field__label" for="sc-discovery-sort">"Sort by"</label>
                    <select id="sc-discovery-sort" on:change=move |ev| order.set(CallSort::from_slug(&event_target_value(&ev)))>
                        {CallSort::ALL.into_iter().map(|o| view! {
                            <option value=o.slug() prop:selected=move || order.get() == o>{o.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="sc-field">
                    <label class="sc-field__label" for="sc-discovery-deal-filter">"Deal"</label>
                    <select id="sc-discovery-deal-filter" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        by_deal.set(match v.as_str() {
                            "" => DealFilter::Any,
                            "-" => DealFilter::Unlinked,
                            id => DealFilter::Deal(id.to_string()),
                        });
                        shown.set(PAGE);
                    }>
                        <option value="">"Every deal"</option>
                        <option value="-">"No deal linked"</option>
                        {deal_names.with_value(|ds| ds.iter().map(|d| view! { <option value=d.id.clone()>{d.name.clone()}</option> }).collect_view())}
                    </select>
                </div>
            </div>
        })
    };
    let matching_count = Signal::derive(move || matching.with(Vec::len));

    view! {
        <header class="sc-stack">
            <h1 class="sc-page-title">"Discovery calls"</h1>
            <p class="sc-lede">
                "Run a four-part discovery call against the clock, keep an eye on who is talking, and leave with numbers, names, dates and a recap."
            </p>
            <p>
                <button type="button" class="sc-button sc-button--primary" on:click=move |_| on_create.run(())>
                    "New call"
                </button>
            </p>
        </header>
        // Plain re-rendering (no keyed list): rows hold no typing state, and
        // it keeps the page small.
        <ListSearch
            id="sc-discovery-search"
            label="Search calls"
            hint="Searches call titles and linked deals."
            total=count
            query=query
            shown=shown
        />
        {controls}
        {move || {
            if count.get() == 0 {
                return view! {
                    <div class="sc-card sc-stack sc-discovery-empty">
                        <h2>"No calls yet"</h2>
                        <p>
                            "Start one a minute before your next discovery call. The script, the clocks and the recap are ready when you are."
                        </p>
                        <p>
                            <button type="button" class="sc-button sc-button--primary" on:click=move |_| on_create.run(())>
                                "Start your first call"
                            </button>
                        </p>
                    </div>
                }
                .into_any();
            }
            let n = shown.get();
            let items = matching
                .get()
                .into_iter()
                .take(n)
                .map(|row| {
                    let id = row.id;
                    let title = row.title.clone();
                    let deal = deal_name(&row.deal_id);
                    view! {
                        <li class="sc-card sc-discovery-list__row">
                            <div class="sc-discovery-list__main">
                                <h2 class="sc-discovery-list__title">
                                    <a href=href(Screen::Call(id))>{title.clone()}</a>
                                </h2>
                                <p class="sc-discovery-list__meta">
                                    {format!("Call on {}", format_date_short(row.date))}
                                    {deal.map(|d| format!(" · Deal: {d}"))}
                                    {format!(" · Last edited {}", touched(row.updated_at))}
                                </p>
                            </div>
                            <p class="sc-discovery-list__score">
                                <span class="sc-num sc-discovery-list__count">{format!("{} of {total}", row.covered)}</span>
                                " topics covered"
                            </p>
                            <div class="sc-row sc-discovery-list__actions">
                                <a class="sc-button" href=href(Screen::Recap(id))>
                                    "Recap"<span class="sc-visually-hidden">{format!(" of {title}")}</span>
                                </a>
                                <button type="button" class="sc-button" on:click=move |_| on_duplicate.run(id)>
                                    "Duplicate"<span class="sc-visually-hidden">{format!(" {title}")}</span>
                                </button>
                                <button type="button" class="sc-button sc-button--danger" on:click=move |_| on_delete.run(id)>
                                    "Delete"<span class="sc-visually-hidden">{format!(" {title}")}</span>
                                </button>
                            </div>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="sc-discovery-list" aria-label="Your calls">{items}</ul> }.into_any()
        }}
        <ListFooter matching=matching_count shown=shown query=query noun="calls" />
    }
}

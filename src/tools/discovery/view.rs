//! Views of the discovery tool: the call list, the call screen (script in
//! the main column, clocks and checks in a side rail) and the recap.
//!
//! All state lives in one `CallsDoc`; screens get read-only slices of it
//! and send changes back as `CallEdit`s through callbacks.

mod call;
mod capture;
mod deals;
mod list;
mod rail;
mod recap;
mod save;

use super::model::{Call, CallEdit, Screen};
use crate::components::UndoToast;
use crate::route::{Route, Tool};
use chrono::{NaiveDate, Utc};
use leptos::prelude::*;

/// The link to a screen of this tool.
fn href(screen: Screen) -> String {
    route(screen).href()
}

fn route(screen: Screen) -> Route {
    Route::Tool {
        tool: Tool::Discovery,
        rest: screen.rest(),
    }
}

/// The rep's local calendar day: call dates and due dates are local dates.
/// (Read from the browser's `Date`, which knows the time zone.)
fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|| Utc::now().date_naive())
}

/// The discovery tool. `rest` is the part of the route after the tool's slug:
/// empty for the list, `<id>` for a call, `<id>/recap` for its recap.
#[component]
pub fn DiscoveryTool(
    /// The path after `#/discovery/`.
    #[prop(into)]
    rest: Signal<String>,
) -> impl IntoView {
    let calls = save::use_calls();
    let (work, status) = (calls.doc, calls.status);

    // A deleted call waits here until the undo window closes.
    let removed = RwSignal::new(None::<(usize, Call)>);
    let toast = Signal::derive(move || {
        removed.with(|r| {
            r.as_ref()
                .map(|(_, c)| format!("“{}” deleted.", c.display_title()))
        })
    });

    let on_create = Callback::new(move |_: ()| {
        let id = work.try_update(|d| d.create(String::new(), today(), Utc::now()));
        if let Some(id) = id {
            crate::shell::navigate(&route(Screen::Call(id)));
        }
    });
    let on_duplicate = Callback::new(move |id: u64| {
        work.update(|d| {
            d.duplicate(id, today(), Utc::now());
        });
    });
    let on_delete = Callback::new(move |id: u64| {
        if let Some(r) = work.try_update(|d| d.remove(id)).flatten() {
            removed.set(Some(r));
        }
    });
    let on_undo = Callback::new(move |_: ()| {
        if let Some((pos, call)) = removed.get_untracked() {
            work.update(|d| d.restore(pos, call));
            removed.set(None);
        }
    });
    let on_expire = Callback::new(move |_: ()| removed.set(None));

    let rows = Memo::new(move |_| {
        work.with(|d| {
            d.list()
                .into_iter()
                .map(crate::tools::discovery::model::CallRow::from)
                .collect::<Vec<_>>()
        })
    });

    let render = move |screen: Screen| {
        match screen {
        Screen::List => view! {
            <list::CallList rows=rows on_create=on_create on_duplicate=on_duplicate on_delete=on_delete />
        }
        .into_any(),
        Screen::Call(id) | Screen::Recap(id) => {
            let exists = Memo::new(move |_| work.with(|d| d.get(id).is_some()));
            // Keeps the last known call while the screen switches to "gone",
            // so nothing below ever sees a missing call.
            let call = Memo::new(move |prev: Option<&Call>| {
                work.with(|d| d.get(id).cloned())
                    .or_else(|| prev.cloned())
                    .unwrap_or_else(|| Call::new(id, String::new(), today(), Utc::now()))
            });
            let on_edit = Callback::new(move |edit: CallEdit| {
                work.update(|d| {
                    d.edit(id, edit, Utc::now());
                });
            });
            let is_recap = matches!(screen, Screen::Recap(_));
            view! {
                {move || {
                    if !exists.get() {
                        view! { <MissingCall /> }.into_any()
                    } else if is_recap {
                        view! { <recap::RecapScreen call=call /> }.into_any()
                    } else {
                        view! { <call::CallScreen call=call on_edit=on_edit status=status /> }.into_any()
                    }
                }}
            }
            .into_any()
        }
    }
    };

    view! {
        <div class="sc-tool sc-discovery">
            {move || render(Screen::parse(&rest.get()))}
            <UndoToast message=toast on_undo=on_undo on_expire=on_expire />
        </div>
    }
}

/// Shown for a link to a call that was deleted (or never existed here).
#[component]
fn MissingCall() -> impl IntoView {
    view! {
        <section class="sc-stack">
            <h1 class="sc-page-title">"This call isn't on this device"</h1>
            <p class="sc-lede">
                "It may have been deleted, or saved in another browser. Your calls live only where you created them."
            </p>
            <p><a class="sc-button" href=href(Screen::List)>"See all calls"</a></p>
        </section>
    }
}

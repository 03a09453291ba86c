//! Views of the qualify tool: the tool root owns the saved document and
//! turns the route into a screen; the list and the wizard only receive data
//! and callbacks.

mod calls;
mod common;
mod list;
mod summary;
mod wizard;

// The views below name the model as `super::model`, as they did when they
// sat beside it.
use super::model;
use crate::embed::Completed;
use crate::route::{Route, Tool};
use crate::shell::{navigate, report_completed};
use crate::storage::browser::use_document;
use chrono::Utc;
use leptos::prelude::*;
use list::{DealList, ListCommand};
use model::{
    deal_rest, deal_rows, parse_rest, Applied, BasicsErrors, DealAction, DealsDoc, Outcome,
    Removed, Screen, Step,
};
use wizard::DealWizard;

/// Salt for new ids, so two tabs creating a deal in the same millisecond
/// still get different ids.
fn salt() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

fn deal_route(id: &str) -> Route {
    Route::Tool {
        tool: Tool::Qualify,
        rest: deal_rest(id),
    }
}

/// The qualification wizard: the deal list at `#/qualify`, one deal's
/// wizard at `#/qualify/deal/<id>` (so a reload resumes where you were).
#[component]
pub fn QualifyTool(
    /// The part of the route after `#/qualify/`.
    #[prop(into)]
    rest: Signal<String>,
) -> impl IntoView {
    let doc = use_document::<DealsDoc>();
    let screen = Memo::new(move |_| parse_rest(&rest.get()));

    view! {
        <section class="sc-tool sc-qualify">
            {move || match screen.get() {
                Screen::List => view! { <ListScreen doc=doc /> }.into_any(),
                Screen::Deal(id) => view! { <DealScreen doc=doc id=id /> }.into_any(),
            }}
        </section>
    }
}

/// The list screen: derives the rows and carries out list commands,
/// including the short undo window after a delete.
#[component]
fn ListScreen(
    /// The tool's saved document.
    doc: RwSignal<DealsDoc>,
) -> impl IntoView {
    let today = chrono::Local::now().date_naive();
    let rows = Memo::new(move |_| doc.with(|d| deal_rows(d, today)));
    // The deleted deal waits here until Undo or until the toast expires.
    let pending = RwSignal::new(None::<Removed>);
    let on_command = Callback::new(move |cmd: ListCommand| {
        let now = Utc::now();
        match cmd {
            ListCommand::Create => {
                let id = doc.try_update(|d| d.create(now, salt()));
                if let Some(id) = id {
                    navigate(&deal_route(&id));
                }
            }
            ListCommand::Rename(id, name) => {
                doc.update(|d| {
                    d.rename(&id, &name, now);
                });
            }
            ListCommand::Snooze(id, snooze) => {
                doc.update(|d| {
                    if let Some(deal) = d.get_mut(&id) {
                        let _ = deal.apply(DealAction::Snooze(snooze), now);
                    }
                });
            }
            ListCommand::Duplicate(id) => {
                doc.update(|d| {
                    d.duplicate(&id, now, salt());
                });
            }
            ListCommand::Delete(id) => {
                if let Some(removed) = doc.try_update(|d| d.delete(&id)).flatten() {
                    pending.set(Some(removed));
                }
            }
            ListCommand::Undo => {
                if let Some(removed) = pending.get_untracked() {
                    doc.update(|d| d.restore(removed));
                }
                pending.set(None);
            }
            ListCommand::ForgetUndo => pending.set(None),
        }
    });
    let undo_message = Signal::derive(move || {
        pending.with(|p| {
            p.as_ref()
                .map(|r| format!("“{}” deleted.", r.deal.display_name()))
        })
    });
    view! {
        <DealList rows=rows undo_message=undo_message on_command=on_command />
        <Show when=move || rows.with(|r| !r.is_empty())>
            <list::CrmExport doc=doc />
        </Show>
    }
}

/// One deal's wizard, or a way back when the deal no longer exists.
#[component]
fn DealScreen(
    /// The tool's saved document.
    doc: RwSignal<DealsDoc>,
    /// The id from the route.
    id: String,
) -> impl IntoView {
    let lookup = id.clone();
    let found = Memo::new(move |_| doc.with(|d| d.get(&lookup).cloned()));
    // Gate on existence only, so typing in a field doesn't rebuild the wizard.
    let exists = Memo::new(move |_| found.with(Option::is_some));
    let deal = Signal::derive(move || found.get().unwrap_or_default());

    let on_action = Callback::new(move |action: DealAction| -> Result<Step, BasicsErrors> {
        let now = Utc::now();
        let applied = doc
            .try_update(|d| d.get_mut(&id).map(|deal| deal.reduce(action, now)))
            .flatten();
        let Some(Applied { step, outcome }) = applied else {
            return Ok(Step::Basics);
        };
        if let Some(Outcome::Completed { score, verdict }) = outcome {
            report_completed(Completed::Qualify {
                score,
                verdict: verdict.label().to_string(),
            });
        }
        step
    });

    view! {
        <Show
            when=move || exists.get()
            fallback=|| view! {
                <div class="sc-card sc-stack">
                    <h1 class="sc-page-title">"We can't find that deal"</h1>
                    <p>"It may have been deleted, or the link came from another browser. Your deals live on this device only."</p>
                    <p><a class="sc-button" href=Route::tool(Tool::Qualify).href()>"See all deals"</a></p>
                </div>
            }
        >
            <DealWizard deal=deal on_action=on_action />
        </Show>
    }
}

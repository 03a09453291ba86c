//! The deal list: newest first, one row per deal, with create, open,
//! rename, duplicate and delete (with a few seconds to undo).

use super::model::{
    deal_rest, hubspot_csv, missing_close_dates, relative_time, salesforce_csv, sort_rows, Deal,
    DealRow, DealSort, DealsDoc, Snooze, Verdict, VerdictFilter,
};
use crate::components::listen::every;
use crate::components::{
    focus_after_render, Badge, DateField, DownloadButton, ListFooter, ListSearch, TextField,
    UndoToast, PAGE,
};
use crate::route::{Route, Tool};
use crate::text::matches_query;
use crate::tone::Tone;
use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;

/// What the list asks its owner to do.
#[derive(Debug, Clone, PartialEq)]
pub enum ListCommand {
    Create,
    Rename(String, String),
    Duplicate(String),
    /// Snoozes a stale deal (or ends its snooze with `None`).
    Snooze(String, Option<Snooze>),
    Delete(String),
    Undo,
    /// The undo window closed.
    ForgetUndo,
}

/// How a verdict reads in a badge. (A view-side mapping for now: it could
/// live on `Verdict` in the model.)
pub fn verdict_tone(v: Verdict) -> Tone {
    match v {
        Verdict::Qualified => Tone::Good,
        Verdict::NeedsWork => Tone::Warn,
        Verdict::Disqualify => Tone::Bad,
        Verdict::Incomplete => Tone::Neutral,
    }
}

fn open_href(id: &str) -> String {
    Route::Tool {
        tool: Tool::Qualify,
        rest: deal_rest(id),
    }
    .href()
}

/// The list of deals, or a friendly empty state.
#[component]
pub fn DealList(
    /// Rows, most recently updated first.
    #[prop(into)]
    rows: Signal<Vec<DealRow>>,
    /// "“Acme” deleted." while a delete can still be undone.
    #[prop(into)]
    undo_message: Signal<Option<String>>,
    /// Carries out create, rename, duplicate, delete and undo.
    on_command: Callback<ListCommand>,
) -> impl IntoView {
    // Re-read the clock every half minute so "5 min ago" stays true.
    let now = RwSignal::new(Utc::now());
    every(30_000, move || now.set(Utc::now()));
    // Which row is being renamed, if any.
    let renaming = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let count = Memo::new(move |_| rows.with(Vec::len));
    // A long list draws one page of matches at a time (see `ListSearch`).
    let query = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    // Order and filter are the rep's view of the list, kept while this
    // screen is open (through renames, deletes and undo).
    let order = RwSignal::new(DealSort::Updated);
    let only = RwSignal::new(None::<VerdictFilter>);
    let matching = Memo::new(move |_| {
        let filter = only.get();
        let mut found = query.with(|q| {
            rows.with(|r| {
                r.iter()
                    .filter(|row| filter.is_none_or(|f| f.matches(row)))
                    .filter(|row| matches_query(q, &[&row.name, &row.company]))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });
        sort_rows(&mut found, order.get());
        found
    });
    let caption = move || match order.get() {
        DealSort::Updated => "Your deals, most recently updated first".to_string(),
        DealSort::Name => "Your deals, by name".to_string(),
        DealSort::Value => "Your deals, biggest annual contract value first".to_string(),
        DealSort::Score => "Your deals, highest score first".to_string(),
        DealSort::Verdict => "Your deals, by verdict: qualified first".to_string(),
        DealSort::CloseDate => "Your deals, soonest close date first".to_string(),
    };
    let sorted_by = move |col: DealSort| {
        move || {
            (order.get() == col).then_some(if col == DealSort::Name {
                "ascending"
            } else {
                "descending"
            })
        }
    };
    let visible = Memo::new(move |_| {
        let n = shown.get();
        matching.with(|m| m.iter().take(n).cloned().collect::<Vec<_>>())
    });
    let matching_count = Signal::derive(move || matching.with(Vec::len));
    let resume = Memo::new(move |_| {
        rows.with(|r| {
            r.first()
                .filter(|r| !r.finished)
                .map(|r| (r.id.clone(), r.name.clone(), r.resume.clone()))
        })
    });

    let create = move |_| on_command.run(ListCommand::Create);
    // A deleted row hands focus to the row that takes its place (or the one
    // above, at the end), so a keyboard user keeps their place in the list.
    let row_command = Callback::new(move |cmd: ListCommand| {
        if let ListCommand::Delete(id) = &cmd {
            let next = visible.with_untracked(|v| {
                let at = v.iter().position(|r| &r.id == id)?;
                v.get(at + 1)
                    .or_else(|| at.checked_sub(1).and_then(|p| v.get(p)))
                    .map(|r| r.id.clone())
            });
            on_command.run(cmd);
            match next {
                Some(next) => focus_after_render(&format!("sc-qualify-open-{next}")),
                None => focus_after_render("sc-qualify-new"),
            }
        } else {
            on_command.run(cmd);
        }
    });

    view! {
        <header class="sc-stack sc-qualify-head">
            <h1 class="sc-page-title">"Qualify your deals"</h1>
            <p class="sc-lede">
                "Run each deal through BANT or the MEDDIC family and get a verdict, the risks, and your next moves."
            </p>
            <div class="sc-row">
                <button type="button" class="sc-button sc-button--primary" id="sc-qualify-new" on:click=create>
                    "New deal"
                </button>
                <span class="sc-qualify-muted">{move || match count.get() {
                    0 => String::new(),
                    1 => "1 deal".to_string(),
                    n => format!("{n} deals"),
                }}</span>
            </div>
        </header>

        {move || resume.get().map(|(id, name, at)| view! {
            <aside class="sc-card sc-qualify-resume" aria-label="Continue where you left off">
                <p>
                    "Continue "<strong>{name}</strong>" at "{at}"."
                </p>
                <a class="sc-button" href=open_href(&id)>"Continue"</a>
            </aside>
        })}

        <Show
            when=move || { count.get() > 0 }
            fallback=move || view! {
                <div class="sc-card sc-stack sc-qualify-empty">
                    <h2>"No deals yet"</h2>
                    <p>"Add the deal you're working on. In about five minutes you'll know whether it deserves more of your time, and what to do next."</p>
                    <p>
                        <button type="button" class="sc-button sc-button--primary" on:click=create>
                            "Qualify your first deal"
                        </button>
                    </p>
                </div>
            }
        >
            <ListSearch
                id="sc-qualify-search"
                label="Search deals"
                hint="Searches deal names and companies."
                total=count
                query=query
                shown=shown
            />
            <div class="sc-row sc-list-controls">
                <div class="sc-field">
                    <label class="sc-field__label" for="sc-qualify-sort">"Sort by"</label>
                    <select id="sc-qualify-sort" on:change=move |ev| order.set(DealSort::from_slug(&event_target_value(&ev)))>
                        {DealSort::ALL.into_iter().map(|o| view! {
                            <option value=o.slug() prop:selected=move || order.get() == o>{o.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="sc-field">
                    <label class="sc-field__label" for="sc-qualify-filter">"Show"</label>
                    <select id="sc-qualify-filter" on:change=move |ev| { only.set(VerdictFilter::from_slug(&event_target_value(&ev))); shown.set(PAGE); }>
                        <option value="" prop:selected=move || only.get().is_none()>"Every verdict"</option>
                        {VerdictFilter::ALL.into_iter().map(|f| view! {
                            <option value=f.slug() prop:selected=move || only.get() == Some(f)>{f.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="sc-qualify-table-wrap" role="region" aria-labelledby="sc-qualify-list-caption" tabindex="0">
                <table class="sc-qualify-table sc-qualify-table--list">
                    <caption id="sc-qualify-list-caption">{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col" aria-sort=sorted_by(DealSort::Name)>"Deal"</th>
                            <th scope="col">"Company"</th>
                            <th scope="col" class="sc-qualify-num" aria-sort=sorted_by(DealSort::Value)>"Annual contract value"</th>
                            <th scope="col">"Stage and framework"</th>
                            <th scope="col" class="sc-qualify-num" aria-sort=sorted_by(DealSort::Score)>"Score"</th>
                            <th scope="col" aria-sort=sorted_by(DealSort::Verdict)>"Verdict"</th>
                            <th scope="col" aria-sort=sorted_by(DealSort::Updated)>"Last updated"</th>
                            <th scope="col"><span class="sc-visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        // A new order or filter draws the rows afresh (a keyed
                        // diff of a whole reordering left rows out of place);
                        // otherwise a row is rebuilt only when its deal changed.
                        {move || {
                            order.track();
                            only.track();
                            view! {
                                <For
                                    each=move || visible.get()
                                    key=|r| (r.id.clone(), r.updated)
                                    children=move |row| view! {
                                        <DealListRow row=row now=now renaming=renaming status=status on_command=row_command />
                                    }
                                />
                            }
                        }}
                    </tbody>
                </table>
            </div>
            <ListFooter matching=matching_count shown=shown query=query noun="deals" />
            {move || (matching_count.get() == 0 && query.with(String::is_empty)).then(|| only.get()).flatten().map(|f| view! {
                <p role="status">
                    {format!("No deal is “{}” right now. ", f.label())}
                    <button type="button" class="sc-button sc-button--ghost" on:click=move |_| only.set(None)>"Show every verdict"</button>
                </p>
            })}
        </Show>
        <p class="sc-visually-hidden" role="status" aria-live="polite">{move || status.get()}</p>
        <UndoToast
            message=undo_message
            on_undo=Callback::new(move |_| {
                on_command.run(ListCommand::Undo);
                status.set("Deal restored.".into());
            })
            on_expire=Callback::new(move |_| on_command.run(ListCommand::ForgetUndo))
        />
    }
}

/// One deal in the list, with its actions; turns into a small rename form.
#[component]
fn DealListRow(
    /// The row's data.
    row: DealRow,
    /// The current time, for "5 min ago".
    now: RwSignal<DateTime<Utc>>,
    /// The id of the row being renamed (shared so only one is at a time).
    renaming: RwSignal<Option<String>>,
    /// Polite announcements for screen readers.
    status: RwSignal<String>,
    /// Carries out the row's actions.
    on_command: Callback<ListCommand>,
) -> impl IntoView {
    let DealRow {
        id,
        name,
        company,
        acv,
        framework,
        score,
        verdict,
        updated,
        resume,
        finished,
        assessed,
        close_date,
        stage,
        flags,
        stale,
        snoozed,
        ..
    } = row;
    let snoozing = RwSignal::new(false);
    let (id_for_snooze, name_for_snooze) = (id.clone(), name.clone());
    let is_renaming = {
        let id = id.clone();
        Memo::new(move |_| renaming.with(|r| r.as_deref() == Some(id.as_str())))
    };
    let draft = RwSignal::new(name.clone());
    let open_id = format!("sc-qualify-open-{id}");
    let rename_input_id = format!("sc-qualify-rename-{id}");
    let updated_local = updated.with_timezone(&Local);
    let when = move || {
        relative_time(
            updated_local.naive_local(),
            now.get().with_timezone(&Local).naive_local(),
        )
    };

    let save = {
        let id = id.clone();
        let open_id = open_id.clone();
        move || {
            let text = draft.get_untracked();
            renaming.set(None);
            if !text.trim().is_empty() {
                on_command.run(ListCommand::Rename(id.clone(), text.trim().to_string()));
                status.set(format!("Renamed to “{}”.", text.trim()));
            }
            focus_after_render(&open_id);
        }
    };
    let cancel = {
        let open_id = open_id.clone();
        move || {
            renaming.set(None);
            focus_after_render(&open_id);
        }
    };

    let name_cell = {
        let id = id.clone();
        let snoozed = snoozed.clone();
        let name = name.clone();
        let save = save.clone();
        let cancel = cancel.clone();
        let rename_input_id = rename_input_id.clone();
        let open_id = open_id.clone();
        move || {
            if is_renaming.get() {
                let save_key = save.clone();
                let cancel_key = cancel.clone();
                let save_click = save.clone();
                let cancel_click = cancel.clone();
                view! {
                    <div class="sc-qualify-rename">
                        <label class="sc-field__label" for=rename_input_id.clone()>{format!("New name for {name}")}</label>
                        <div class="sc-row">
                            <input
                                class="sc-input"
                                id=rename_input_id.clone()
                                type="text"
                                prop:value=move || draft.get()
                                on:input=move |ev| draft.set(event_target_value(&ev))
                                on:keydown=move |ev| match ev.key().as_str() {
                                    "Enter" => { ev.prevent_default(); save_key(); }
                                    "Escape" => { ev.prevent_default(); cancel_key(); }
                                    _ => {}
                                }
                            />
                            <button type="button" class="sc-button sc-button--primary" on:click=move |_| save_click()>"Save"</button>
                            <button type="button" class="sc-button sc-button--ghost" on:click=move |_| cancel_click()>"Cancel"</button>
                        </div>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <a class="sc-qualify-deal-link" id=open_id.clone() href=open_href(&id)>{name.clone()}</a>
                    <span class="sc-qualify-muted sc-qualify-resume-at">
                        {match (finished, assessed) {
                            (true, (done, total)) if done == total => "Summary ready".to_string(),
                            (true, (done, total)) => format!("In progress: {done} of {total} assessed"),
                            (false, _) => format!("Next: {resume}"),
                        }}
                    </span>
                    {(!flags.is_empty()).then(|| view! {
                        <ul class="sc-qualify-flags" aria-label=format!("Flags for {name}")>
                            {flags.clone().into_iter().map(|f| view! { <li><Badge tone=Tone::Warn>{f}</Badge></li> }).collect_view()}
                        </ul>
                    })}
                    {snoozed.clone().map(|s| view! {
                        <span class="sc-qualify-muted sc-qualify-resume-at">
                            {format!("Snoozed until {}{}", crate::dates::day_month_year(s.until), if s.reason.trim().is_empty() { String::new() } else { format!(": {}", s.reason.trim()) })}
                        </span>
                    })}
                }
                .into_any()
            }
        }
    };

    let start_rename = {
        let id = id.clone();
        let rename_input_id = rename_input_id.clone();
        let name = name.clone();
        move |_| {
            draft.set(name.clone());
            renaming.set(Some(id.clone()));
            focus_after_render(&rename_input_id);
        }
    };
    let duplicate = {
        let id = id.clone();
        let name = name.clone();
        move |_| {
            on_command.run(ListCommand::Duplicate(id.clone()));
            status.set(format!(
                "Copied “{name}”. The copy is at the top of the list."
            ));
        }
    };
    let delete = {
        let id = id.clone();
        move |_| on_command.run(ListCommand::Delete(id.clone()))
    };

    view! {
        <tr>
            <th scope="row" data-label="Deal">{name_cell}</th>
            <td data-label="Company">{if company.is_empty() { "—".to_string() } else { company }}</td>
            <td data-label="Annual contract value" class="sc-qualify-num">
                {acv}
                {close_date.map(|d| view! { <small class="sc-qualify-muted sc-qualify-resume-at">{format!("closes {}", crate::dates::day_month_year(d))}</small> })}
            </td>
            <td data-label="Stage">{format!("{} · {}", stage.name(), framework.name())}</td>
            <td data-label="Score" class="sc-qualify-num">{score.map_or("—".to_string(), |s| s.to_string())}</td>
            <td data-label="Verdict">
                {match verdict {
                    // A deal with criteria still open is work in progress,
                    // not a verdict.
                    Some(Verdict::Incomplete) => view! { <Badge tone=Tone::Neutral>"In progress"</Badge> }.into_any(),
                    Some(v) => view! { <Badge tone=verdict_tone(v)>{v.label()}</Badge> }.into_any(),
                    None => view! { <span class="sc-qualify-muted">"Not started"</span> }.into_any(),
                }}
            </td>
            <td data-label="Last updated">
                <time datetime=updated.to_rfc3339()>{when}</time>
            </td>
            <td class="sc-qualify-actions">
                <div class="sc-row">
                    <button type="button" class="sc-button sc-button--ghost" on:click=start_rename>
                        "Rename"<span class="sc-visually-hidden">{format!(" {name}")}</span>
                    </button>
                    <button type="button" class="sc-button sc-button--ghost" on:click=duplicate>
                        "Duplicate"<span class="sc-visually-hidden">{format!(" {name}")}</span>
                    </button>
                    {(stale || snoozed.is_some()).then(|| {
                        let id = id.clone();
                        let name = name.clone();
                        let is_snoozed = snoozed.is_some();
                        view! {
                            <button type="button" class="sc-button sc-button--ghost" on:click=move |_| {
                                if is_snoozed {
                                    on_command.run(ListCommand::Snooze(id.clone(), None));
                                    status.set(format!("“{name}” is no longer snoozed."));
                                } else {
                                    snoozing.set(true);
                                }
                            }>
                                {if is_snoozed { "End snooze" } else { "Snooze" }}<span class="sc-visually-hidden">{format!(" {name}")}</span>
                            </button>
                        }
                    })}
                    <button type="button" class="sc-button sc-button--ghost sc-qualify-danger" on:click=delete>
                        "Delete"<span class="sc-visually-hidden">{format!(" {name}")}</span>
                    </button>
                </div>
            </td>
        </tr>
        {move || snoozing.get().then(|| view! { <SnoozeRow id=id_for_snooze.clone() name=name_for_snooze.clone() snoozing=snoozing status=status on_command=on_command /> })}
    }
}

/// The small form that snoozes a stale deal: why, and until when.
#[component]
fn SnoozeRow(
    /// The deal's id.
    id: String,
    /// The deal's name, for labels and the announcement.
    name: String,
    /// Open while true; the form closes itself.
    snoozing: RwSignal<bool>,
    /// Polite announcements for screen readers.
    status: RwSignal<String>,
    /// Carries out the snooze.
    on_command: Callback<ListCommand>,
) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let until = RwSignal::new(None::<chrono::NaiveDate>);
    let tried = RwSignal::new(false);
    let today = Local::now().date_naive();
    let problem = Signal::derive(move || {
        if !tried.get() {
            return None;
        }
        match until.get() {
            None => Some("Pick the day the deal should come back.".to_string()),
            Some(d) if d <= today => Some("Pick a day after today.".to_string()),
            Some(_) => None,
        }
    });
    let reason_id = format!("sc-qualify-snooze-{id}");
    let until_id = format!("sc-qualify-snooze-until-{id}");
    focus_after_render(&reason_id);
    let save = move || {
        tried.set(true);
        if let (None, Some(d)) = (problem.get_untracked(), until.get_untracked()) {
            on_command.run(ListCommand::Snooze(
                id.clone(),
                Some(Snooze {
                    reason: reason.get_untracked(),
                    until: d,
                }),
            ));
            status.set(format!(
                "“{name}” snoozed until {}.",
                crate::dates::day_month_year(d)
            ));
            snoozing.set(false);
        }
    };
    view! {
        <tr class="sc-qualify-snooze">
            <td colspan="8">
                <form class="sc-row" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                    <TextField id=reason_id label="Why snooze it?" hint="For example: budget frozen until the new quarter." value=reason on_input=Callback::new(move |v| reason.set(v)) />
                    <DateField id=until_id label="Resume on" value=until on_change=Callback::new(move |d| until.set(d)) warning=problem />
                    <button type="submit" class="sc-button sc-button--primary">"Save snooze"</button>
                    <button type="button" class="sc-button sc-button--ghost" on:click=move |_| snoozing.set(false)>"Cancel"</button>
                </form>
            </td>
        </tr>
    }
}

/// The deal list as files a CRM imports: HubSpot's deal import and a
/// Salesforce Data Loader file. Built on the click from the stored deals,
/// newest first, so the file always matches the list.
#[component]
pub fn CrmExport(
    /// Every deal on this device.
    doc: RwSignal<DealsDoc>,
) -> impl IntoView {
    let file =
        move |f: fn(&[&Deal]) -> String| Signal::derive(move || doc.with(|d| f(&d.sorted())));
    let undated = Memo::new(move |_| doc.with(|d| missing_close_dates(&d.sorted())));
    let today = crate::dates::iso_date(Local::now().date_naive());
    view! {
        <section class="sc-card sc-stack sc-no-print" aria-labelledby="sc-qualify-crm-h">
            <h2 id="sc-qualify-crm-h">"Send your deals to a CRM"</h2>
            <div class="sc-row">
                <DownloadButton
                    label="Download HubSpot CSV"
                    filename=format!("stagecraft-deals-hubspot-{today}.csv")
                    mime="text/csv"
                    text=file(hubspot_csv)
                />
                <DownloadButton
                    label="Download Salesforce CSV"
                    filename=format!("stagecraft-opportunities-salesforce-{today}.csv")
                    mime="text/csv"
                    text=file(salesforce_csv)
                />
            </div>
            <p class="sc-field__hint" data-testid="crm-hint">
                "HubSpot: import as deals. Salesforce: insert as Opportunities with Data Loader (UTF-8 on). "
                {move || match undated.get() {
                    0 => String::new(),
                    1 => "1 deal has no expected close date, which Salesforce requires.".to_string(),
                    n => format!("{n} deals have no expected close date, which Salesforce requires."),
                }}
            </p>
        </section>
    }
}

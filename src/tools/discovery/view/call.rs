//! The call screen: the four script sections in the main column, the clocks
//! and live checks in a side rail.

use super::recap::recap_text;
use super::save::{SaveIndicator, SaveStatus};
use super::{capture, deals, href, rail};
use crate::components::listen::{every, listen};
use crate::components::{in_text_control, use_field, Badge, CopyButton, Field};
use crate::components::{DateField, TextField};
use crate::route::{Route, Tool};
use crate::text::matches_query;
use crate::tools::discovery::model::{
    budget_status, format_clock, parse_section_minutes, Audience, Call, CallEdit, RecapFormat,
    Screen, Section, Speaker,
};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One discovery call, live.
#[component]
pub fn CallScreen(
    /// The call being run.
    call: Memo<Call>,
    /// Applies a change to this call.
    on_edit: Callback<CallEdit>,
    /// Save state for the indicator.
    status: Signal<SaveStatus>,
) -> impl IntoView {
    // The clocks are timestamps; this tick only asks the view to redraw
    // them. Missed ticks (background tabs) cost nothing.
    let clock = RwSignal::new(Utc::now());
    every(1000, move || clock.set(Utc::now()));
    let now: Signal<DateTime<Utc>> = clock.into();
    // Show the effect of an action at once instead of on the next tick.
    let edit = Callback::new(move |e: CallEdit| {
        on_edit.run(e);
        clock.set(Utc::now());
    });

    // A plain `Event` listener (the type the save layer uses too, which
    // keeps the page smaller), narrowed to a keyboard event here.
    listen(document(), "keydown", move |ev: web_sys::Event| {
        let Ok(ev) = ev.dyn_into::<web_sys::KeyboardEvent>() else {
            return;
        };
        if ev.default_prevented()
            || ev.repeat()
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
            || in_text_control(&ev)
        {
            return;
        }
        let who = match ev.key().as_str() {
            "r" | "R" => Speaker::Rep,
            "b" | "B" => Speaker::Buyer,
            _ => return,
        };
        ev.prevent_default();
        edit.run(CallEdit::Talk(who));
    });

    view! {
        <p class="sc-no-print sc-discovery-back"><a href=href(Screen::List)>"← All calls"</a></p>
        <CallHeader call=call edit=edit status=status />
        <div class="sc-discovery-layout">
            // The rail comes first in the page: on a phone the clocks and talk
            // toggles are then at the top, and keyboard users reach Start
            // and the toggles first. On wide screens CSS moves it right.
            <aside class="sc-discovery-rail" aria-label="Clocks, talk balance and checks">
                <rail::ClockCard call=call now=now edit=edit />
                <rail::TalkCard call=call now=now edit=edit />
                <rail::CoverageCard call=call />
                <rail::PlanCard call=call now=now edit=edit />
                <rail::QuestionBank call=call edit=edit />
            </aside>
            <div class="sc-discovery-main sc-stack">
                {Section::ALL
                    .into_iter()
                    .map(|s| view! { <ScriptSection section=s call=call now=now edit=edit /> })
                    .collect_view()}
                <capture::Stakeholders call=call edit=edit />
            </div>
        </div>
    }
}

/// Title, date, deal link and budget of the call, with the recap actions.
#[component]
fn CallHeader(
    /// The call.
    call: Memo<Call>,
    /// Applies a change.
    edit: Callback<CallEdit>,
    /// Save state.
    status: Signal<SaveStatus>,
) -> impl IntoView {
    let id = call.with_untracked(|c| c.id);
    let deals = deals::deal_options();
    let has_deals = !deals.is_empty();
    let linked = move || call.with(|c| c.deal_id.clone());
    // A linked deal that was deleted in the qualify tool stays selectable,
    // so the link is never dropped silently.
    let orphan = {
        let known: Vec<String> = deals.iter().map(|d| d.id.clone()).collect();
        move || linked().filter(|l| !known.contains(l))
    };
    // A long list of deals gets a search box in front of the picker.
    let many = deals.len() > 8;
    let find = RwSignal::new(String::new());
    let options = StoredValue::new(deals);
    let minutes = Signal::derive(move || call.with(|c| c.section_minutes.clone()));
    let minutes_error = move || minutes.with(|m| parse_section_minutes(m).err());
    let copy = move |audience| {
        Signal::derive(move || call.with(|c| recap_text(c, audience, RecapFormat::Plain)))
    };

    view! {
        <header class="sc-stack sc-discovery-head">
            <div class="sc-discovery-head__title">
                <h1 class="sc-page-title">{move || call.with(Call::display_title)}</h1>
                <SaveIndicator status=status />
            </div>
            <div class="sc-discovery-head__fields">
                <TextField
                    id="dc-title"
                    label="Call title"
                    placeholder="Acme: first discovery"
                    value=Signal::derive(move || call.with(|c| c.title.clone()))
                    on_input=Callback::new(move |v| edit.run(CallEdit::Title(v)))
                />
                <DateField
                    id="dc-date"
                    label="Call date"
                    required=true
                    value=Signal::derive(move || Some(call.with(|c| c.date)))
                    on_change=Callback::new(move |d: Option<chrono::NaiveDate>| {
                        if let Some(d) = d {
                            edit.run(CallEdit::Date(d));
                        }
                    })
                />
                {many.then(|| view! {
                    <TextField
                        id="dc-deal-find"
                        label="Find a deal"
                        hint="Narrows the linked-deal list to names and companies that match."
                        value=find
                        on_input=Callback::new(move |v| find.set(v))
                    />
                })}
                <Field
                    id="dc-deal"
                    label="Linked deal"
                    hint=if has_deals {
                        view! { "A deal from the qualification wizard, to keep both in step." }.into_any()
                    } else {
                        view! {
                            "No qualified deals on this device yet. "
                            <a href=Route::tool(Tool::Qualify).href()>"Qualify one"</a>
                            " to link it here."
                        }
                        .into_any()
                    }
                >
                    {
                        let f = use_field();
                        view! {
                            <select
                                id=f.id()
                                aria-invalid=f.aria_invalid()
                                aria-describedby=f.described_by()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    edit.run(CallEdit::Deal((!v.is_empty()).then_some(v)));
                                }
                            >
                                <option value="" prop:selected=move || linked().is_none()>"No deal"</option>
                                // Narrowed by "Find a deal"; the linked deal always stays.
                                {move || {
                                    let now_linked = linked();
                                    find.with(|q| options.with_value(|ds| ds
                                        .iter()
                                        .filter(|d| now_linked.as_deref() == Some(d.id.as_str()) || matches_query(q, &[&d.name]))
                                        .map(|d| {
                                            let did = d.id.clone();
                                            view! {
                                                <option
                                                    value=d.id.clone()
                                                    prop:selected=move || linked().as_deref() == Some(did.as_str())
                                                >
                                                    {d.name.clone()}
                                                </option>
                                            }
                                        })
                                        .collect_view()))
                                }}
                                {move || orphan().map(|o| view! {
                                    <option value=o.clone() selected=true>"A deleted deal"</option>
                                })}
                            </select>
                        }
                    }
                </Field>
                <Field
                    id="dc-minutes"
                    label="Minutes per section"
                    hint="10 minutes each fits a 40-minute call."
                    error=Signal::derive(move || minutes_error().map(|e| format!("{e} Until then each section gets 10 minutes.")))
                >
                    {
                        let f = use_field();
                        view! {
                            <div class="sc-input-wrap">
                                <input
                                    class="sc-input"
                                    id=f.id()
                                    type="text"
                                    inputmode="decimal"
                                    autocomplete="off"
                                    aria-invalid=f.aria_invalid()
                                    aria-describedby=f.described_by()
                                    prop:value=move || minutes.get()
                                    on:input=move |ev| edit.run(CallEdit::SectionMinutes(event_target_value(&ev)))
                                />
                                <span class="sc-input-affix" aria-hidden="true">"min"</span>
                            </div>
                        }
                    }
                </Field>
            </div>
            <div class="sc-row sc-no-print">
                <a class="sc-button sc-button--primary" href=href(Screen::Recap(id))>"Open recap"</a>
                <CopyButton label="Copy email to the buyer" text=copy(Audience::Buyer) />
                <CopyButton label="Copy CRM note" text=copy(Audience::Internal) />
            </div>
        </header>
    }
}

/// One part of the script: its clock against budget, aim, questions to
/// tick, notes, and the structured fields that belong to it.
#[component]
fn ScriptSection(
    /// Which part of the call.
    section: Section,
    /// The call.
    call: Memo<Call>,
    /// The current time, ticking once a second.
    now: Signal<DateTime<Utc>>,
    /// Applies a change.
    edit: Callback<CallEdit>,
) -> impl IntoView {
    let slug = section.slug();
    let heading_id = format!("dc-section-{slug}-h");
    let is_current = move || call.with(|c| c.clock.current == section);
    let time = move || {
        let n = now.get();
        call.with(|c| {
            let secs = c.section_secs(section, n);
            let budget = c.section_budget_secs();
            (secs, budget, budget_status(secs, budget))
        })
    };
    let extra = match section {
        Section::CurrentState => None,
        Section::Pain => Some(view! { <capture::PainFields call=call edit=edit /> }.into_any()),
        Section::FutureState => {
            Some(view! { <capture::OutcomeFields call=call edit=edit /> }.into_any())
        }
        Section::DecisionProcess => {
            Some(view! { <capture::DecisionFields call=call edit=edit /> }.into_any())
        }
    };

    view! {
        <section
            class="sc-card sc-stack sc-discovery-section"
            class:sc-discovery-section--current=move || is_current()
            id=format!("dc-section-{slug}")
            data-section=slug
            aria-labelledby=heading_id.clone()
        >
            <div class="sc-discovery-section__head">
                <h2 id=heading_id.clone()>{format!("{}. {}", section.index() + 1, section.title())}</h2>
                <p class="sc-discovery-section__time">
                    <span class="sc-num">
                        {move || {
                            let (secs, budget, _) = time();
                            format!("{} of {}", format_clock(secs), format_clock(budget))
                        }}
                    </span>
                    " "
                    <Badge tone=Signal::derive(move || rail::budget_tone(time().2))>
                        {move || time().2.label()}
                    </Badge>
                </p>
                {move || if is_current() {
                    view! { <p class="sc-badge sc-discovery-section__now">"You are here"</p> }.into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="sc-button sc-button--ghost sc-no-print"
                            on:click=move |_| edit.run(CallEdit::Clock(crate::tools::discovery::model::ClockAction::GoTo(section)))
                        >
                            "Go to this section"<span class="sc-visually-hidden">{format!(": {}", section.title())}</span>
                        </button>
                    }
                    .into_any()
                }}
            </div>
            <p class="sc-discovery-section__aim">{section.aim()}</p>
            <fieldset class="sc-discovery-questions">
                <legend class="sc-field__label">"Suggested questions (tick as you ask)"</legend>
                <ul>
                    {section
                        .questions()
                        .iter()
                        .map(|q| view! { <rail::QuestionTick question=*q call=call edit=edit /> })
                        .collect_view()}
                </ul>
            </fieldset>
            <TextField
                id=format!("dc-notes-{slug}")
                label=format!("{} notes", section.title())
                rows=4
                value=Signal::derive(move || call.with(|c| c.notes_for(section).to_string()))
                on_input=Callback::new(move |v| edit.run(CallEdit::Notes(section, v)))
            />
            {extra}
        </section>
    }
}

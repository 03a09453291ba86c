//! The side rail of the call screen: clocks, talk balance, the coverage
//! check, the mutual action plan and the question bank.

use super::today;
use crate::components::{focus_after_render, use_field, Badge, Field, UndoToast};
use crate::components::{DateField, TextField};
use crate::tone::Tone;
use crate::tools::discovery::model::{
    bank, format_clock, format_date_short, sorted_plan, talk_status, ActionItem, BudgetStatus,
    Call, CallEdit, ClockAction, Phase, Side, Speaker, TalkStatus, Topic, CALL_LIMIT_SECS,
    TALK_TARGET_PERCENT,
};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::time::Duration;

/// How a section's budget status reads in a badge (the text says it too).
/// A view-side mapping for now: it could live on `BudgetStatus` in the model.
pub fn budget_tone(s: BudgetStatus) -> Tone {
    match s {
        BudgetStatus::Ok => Tone::Good,
        BudgetStatus::Amber => Tone::Warn,
        BudgetStatus::Over => Tone::Bad,
    }
}

/// A question with a tick box.
#[component]
pub fn QuestionTick(
    /// The question.
    question: bank::Question,
    /// The call, for the tick state.
    call: Memo<Call>,
    /// Applies a change.
    edit: Callback<CallEdit>,
) -> impl IntoView {
    let box_id = format!("dc-q-{}", question.id);
    let asked = move || call.with(|c| c.has_asked(question.id));
    view! {
        <li class="sc-discovery-question" class:sc-discovery-question--asked=move || asked()>
            <input
                type="checkbox"
                id=box_id.clone()
                prop:checked=asked
                on:change=move |_| edit.run(CallEdit::ToggleAsked(question.id.to_string()))
            />
            <div>
                <label for=box_id.clone()>{question.text}</label>
                {question.follow_up.map(|f| view! {
                    <p class="sc-field__hint">{format!("If the answer is thin: {f}")}</p>
                })}
            </div>
        </li>
    }
}

/// The call clock and the current section's clock, with Start/Pause and
/// Next section.
#[component]
pub fn ClockCard(
    /// The call.
    call: Memo<Call>,
    /// The current time, ticking once a second.
    now: Signal<DateTime<Utc>>,
    /// Applies a change.
    edit: Callback<CallEdit>,
) -> impl IntoView {
    let phase = move || call.with(|c| c.clock.phase());
    let current = move || call.with(|c| c.clock.current);
    let call_secs = move || {
        let n = now.get();
        call.with(|c| c.call_secs(n))
    };
    let over_limit = move || call_secs() > CALL_LIMIT_SECS;
    let section = move || {
        let n = now.get();
        call.with(|c| {
            let s = c.clock.current;
            (
                c.section_secs(s, n),
                c.section_budget_secs(),
                c.section_status(s, n),
            )
        })
    };
    let status = move || section().2;
    // Spoken only when something changes that needs action, never per tick.
    let announcement = move || {
        let s = current();
        let mut parts = Vec::new();
        match status() {
            BudgetStatus::Ok => {}
            BudgetStatus::Amber => parts.push(format!(
                "{}: 80% of its time used. Start wrapping up.",
                s.title()
            )),
            BudgetStatus::Over => parts.push(format!(
                "{} is over its time. Move on when you can.",
                s.title()
            )),
        }
        if over_limit() {
            parts.push("The call has run past 45 minutes. Agree next steps and close.".to_string());
        }
        parts.join(" ")
    };
    let is_last = move || current().next().is_none();

    view! {
        <section class="sc-card sc-stack sc-discovery-clock" aria-labelledby="dc-clock-h">
            <h2 id="dc-clock-h">"Call clock"</h2>
            <p class="sc-discovery-clock__big sc-num" role="timer" aria-label="Call time" data-testid="call-clock">
                {move || format_clock(call_secs())}
            </p>
            <p class="sc-discovery-clock__state">
                {move || match phase() {
                    Phase::Ready => "Not started. Press Start when the call begins.",
                    Phase::Live => "Running.",
                    Phase::Paused => "Paused.",
                    Phase::Ended => "Call ended. Press Start to pick it up again.",
                }}
            </p>
            <p class="sc-discovery-limit" data-state=move || if over_limit() { "over" } else { "ok" } hidden=move || !over_limit()>
                <Badge tone=Tone::Bad>"Over 45 min"</Badge>
                " Agree next steps and close."
            </p>
            <div class="sc-discovery-clock__section">
                <p>
                    {move || format!("Section {} of 4: {}", current().index() + 1, current().title())}
                </p>
                <p class="sc-num" role="timer" aria-label="Section time" data-testid="section-clock">
                    {move || {
                        let (secs, budget, _) = section();
                        format!("{} of {}", format_clock(secs), format_clock(budget))
                    }}
                </p>
                <p>
                    <Badge tone=Signal::derive(move || budget_tone(status())) testid="section-status">
                        {move || status().label()}
                    </Badge>
                </p>
            </div>
            <div class="sc-row sc-no-print">
                <button
                    type="button"
                    class="sc-button sc-button--primary"
                    on:click=move |_| edit.run(CallEdit::Clock(if call.with_untracked(|c| c.clock.phase()) == Phase::Live {
                        ClockAction::Pause
                    } else {
                        ClockAction::Start
                    }))
                >
                    {move || if phase() == Phase::Live { "Pause" } else { "Start" }}
                </button>
                <button
                    type="button"
                    class="sc-button"
                    disabled=move || phase() == Phase::Ended
                    on:click=move |_| edit.run(CallEdit::Clock(ClockAction::NextSection))
                >
                    {move || if is_last() { "End call" } else { "Next section" }}
                </button>
            </div>
            <p class="sc-visually-hidden" aria-live="polite">{move || announcement()}</p>
        </section>
    }
}

/// Two big toggles for who is talking, and the rep's share against 40%.
#[component]
pub fn TalkCard(
    /// The call.
    call: Memo<Call>,
    /// The current time, ticking once a second.
    now: Signal<DateTime<Utc>>,
    /// Applies a change.
    edit: Callback<CallEdit>,
) -> impl IntoView {
    let speaking = move || call.with(|c| c.talk.speaking());
    let secs = move || {
        let n = now.get();
        call.with(|c| c.talk_secs(n))
    };
    let share = move || {
        let (rep, buyer) = secs();
        crate::tools::discovery::model::talk_share(rep, buyer)
    };
    let status = move || talk_status(share());
    let toggle = move |who: Speaker| {
        view! {
            <button
                type="button"
                class="sc-discovery-talk__toggle"
                class:sc-discovery-talk__toggle--rep=who == Speaker::Rep
                aria-pressed=move || if speaking() == Some(who) { "true" } else { "false" }
                aria-keyshortcuts=who.key()
                on:click=move |_| edit.run(CallEdit::Talk(who))
            >
                <span>
                    // A hollow or filled dot says "talking" without colour.
                    <span aria-hidden="true">{move || if speaking() == Some(who) { "● " } else { "○ " }}</span>
                    {who.label()}
                </span>
                <span class="sc-discovery-talk__key" aria-hidden="true">{format!("Key {}", who.key())}</span>
            </button>
        }
    };

    view! {
        <section class="sc-card sc-stack sc-discovery-talk" aria-labelledby="dc-talk-h">
            <h2 id="dc-talk-h">"Talk balance"</h2>
            <div class="sc-discovery-talk__toggles sc-no-print">
                {toggle(Speaker::Rep)}
                {toggle(Speaker::Buyer)}
            </div>
            <p class="sc-field__hint sc-no-print">
                "Press the side that starts talking, or its key (R or B) when you are not typing. Press it again for silence."
            </p>
            <p class="sc-discovery-talk__share">
                <span class="sc-num sc-discovery-talk__pct" data-testid="talk-ratio">
                    {move || share().map_or("—".to_string(), |p| format!("{p}%"))}
                </span>
                {format!(" of the talking was you. Target: under {TALK_TARGET_PERCENT}%.")}
            </p>
            <div class="sc-discovery-talkbar" aria-hidden="true">
                <span class="sc-discovery-talkbar__fill" style:width=move || format!("{}%", share().unwrap_or(0))></span>
                <span class="sc-discovery-talkbar__target" style:left=format!("{TALK_TARGET_PERCENT}%")></span>
            </div>
            <p data-testid="talk-status" data-state=move || match status() {
                TalkStatus::NoData => "none",
                TalkStatus::OnTarget => "ok",
                TalkStatus::TooMuch => "over",
            }>
                {move || match status() {
                    TalkStatus::NoData => view! { "No talk time yet." }.into_any(),
                    TalkStatus::OnTarget => view! {
                        <Badge tone=Tone::Good>"On target"</Badge>
                        " The buyer is doing most of the talking."
                    }
                    .into_any(),
                    TalkStatus::TooMuch => view! {
                        <Badge tone=Tone::Warn>"Above target"</Badge>
                        " Ask an open question and let the buyer run with it."
                    }
                    .into_any(),
                }}
            </p>
            <p class="sc-discovery-muted sc-num">
                {move || {
                    let (rep, buyer) = secs();
                    format!("You {} · Buyer {}", format_clock(rep), format_clock(buyer))
                }}
            </p>
        </section>
    }
}

/// The discovery topics not covered yet, each with the action that closes it.
#[component]
pub fn CoverageCard(
    /// The call.
    call: Memo<Call>,
) -> impl IntoView {
    let missing = move || call.with(Call::missing_topics);
    let total = Topic::ALL.len();
    view! {
        <section class="sc-card sc-stack sc-discovery-coverage" aria-labelledby="dc-coverage-h">
            <h2 id="dc-coverage-h">"Still to cover"</h2>
            <p aria-live="polite" class="sc-num">
                {move || {
                    let covered = total - missing().len();
                    if covered == total {
                        format!("All {total} topics covered. Send the recap while the call is fresh.")
                    } else {
                        format!("{covered} of {total} topics covered.")
                    }
                }}
            </p>
            <ul class="sc-discovery-coverage__list" data-testid="coverage-missing">
                {move || {
                    missing()
                        .into_iter()
                        .map(|topic| view! { <li data-topic=topic.id()>{topic.advice()}</li> })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

/// The mutual action plan, in date order, with overdue and early-date flags.
#[component]
pub fn PlanCard(
    /// The call.
    call: Memo<Call>,
    /// The current time, for overdue flags.
    now: Signal<DateTime<Utc>>,
    /// Applies a change.
    edit: Callback<CallEdit>,
) -> impl IntoView {
    let today = Signal::derive(move || {
        now.track();
        today()
    });
    let sorted_ids = move || {
        call.with(|c| {
            sorted_plan(&c.plan)
                .iter()
                .map(|i| i.id)
                .collect::<Vec<_>>()
        })
    };
    // While focus is inside the plan the rows keep their places: moving the
    // row being edited would throw the focus out of the date field. They
    // fall into date order as soon as focus leaves the plan.
    let frozen = RwSignal::new(None::<Vec<u64>>);
    let order = Memo::new(move |_| {
        let ids = sorted_ids();
        match frozen.get() {
            Some(f) => {
                let mut out: Vec<u64> = f.iter().copied().filter(|id| ids.contains(id)).collect();
                out.extend(ids.iter().copied().filter(|id| !f.contains(id)));
                out
            }
            None => ids,
        }
    });
    let entries = Memo::new(move |_| {
        order
            .get()
            .into_iter()
            .enumerate()
            .collect::<Vec<(usize, u64)>>()
    });
    let list_ref = NodeRef::<leptos::html::Ol>::new();
    let on_focusin = move |_| {
        if frozen.with_untracked(Option::is_none) {
            frozen.set(Some(order.get_untracked()));
        }
    };
    let on_focusout = move |_| {
        set_timeout(
            move || {
                let inside = match (list_ref.get_untracked(), document().active_element()) {
                    (Some(list), Some(active)) => list.contains(Some(&active)),
                    _ => false,
                };
                if !inside {
                    frozen.try_set(None);
                }
            },
            Duration::from_millis(0),
        );
    };
    let removed = RwSignal::new(None::<ActionItem>);
    let toast = Signal::derive(move || {
        removed.with(|r| r.as_ref().map(|_| "Action item removed.".to_string()))
    });
    let add = move |_| {
        edit.run(CallEdit::AddAction);
        if let Some(id) = call.with_untracked(|c| c.plan.last().map(|i| i.id)) {
            focus_after_render(&format!("dc-action-{id}-text"));
        }
    };

    view! {
        <section class="sc-card sc-stack sc-discovery-plan" aria-labelledby="dc-plan-h">
            <h2 id="dc-plan-h">"Mutual action plan"</h2>
            <p class="sc-field__hint">
                "Agree who does what by when, on both sides. A dated next step is what keeps a deal moving after the call."
            </p>
            <ol class="sc-discovery-plan__list" node_ref=list_ref on:focusin=on_focusin on:focusout=on_focusout>
                // Rows re-render only when items are added, removed or
                // re-ordered (never while focus is inside, see `frozen`).
                {move || {
                    entries
                        .get()
                        .into_iter()
                        .map(|(index, id)| view! {
                            <PlanItem index=index id=id call=call today=today edit=edit removed=removed />
                        })
                        .collect_view()
                }}
            </ol>
            <p>
                <button type="button" class="sc-button" on:click=add>"Add action item"</button>
            </p>
            <UndoToast
                message=toast
                on_undo=Callback::new(move |_| {
                    if let Some(item) = removed.get_untracked() {
                        edit.run(CallEdit::RestoreAction(item));
                        removed.set(None);
                    }
                })
                on_expire=Callback::new(move |_| removed.set(None))
            />
        </section>
    }
}

/// One action item: what, whose, by when, done.
#[component]
fn PlanItem(
    /// Position in the displayed order.
    index: usize,
    /// Item id.
    id: u64,
    /// The call.
    call: Memo<Call>,
    /// Today, for the overdue flag.
    today: Signal<chrono::NaiveDate>,
    /// Applies a change.
    edit: Callback<CallEdit>,
    /// Where a removed item waits for Undo.
    removed: RwSignal<Option<ActionItem>>,
) -> impl IntoView {
    let item = Memo::new(move |_| {
        call.with(|c| {
            c.plan
                .iter()
                .find(|i| i.id == id)
                .cloned()
                .unwrap_or_default()
        })
    });
    let call_date = move || call.with(|c| c.date);
    let overdue = move || item.with(|i| i.is_overdue(today.get()));
    let early = move || item.with(|i| i.needs_confirmation(call_date()));
    let warning = Signal::derive(move || {
        early().then(|| {
            format!(
                "This is before the call date ({}). Keep it, or pick a later date.",
                format_date_short(call_date())
            )
        })
    });
    let n = index + 1;
    let done_id = format!("dc-action-{id}-done");
    let owner_id = format!("dc-action-{id}-owner");
    view! {
        <li class="sc-discovery-plan__item" class:sc-discovery-plan__item--overdue=move || overdue()>
            <fieldset class="sc-stack">
                <legend class="sc-field__label">
                    {format!("Action item {n}")}
                    <span class="sc-badge sc-badge--bad sc-discovery-overdue" hidden=move || !overdue()>"Overdue"</span>
                </legend>
                <TextField
                    id=format!("dc-action-{id}-text")
                    label="Action"
                    value=Signal::derive(move || item.with(|i| i.description.clone()))
                    on_input=Callback::new(move |v| edit.run(CallEdit::ActionText(id, v)))
                />
                <div class="sc-discovery-plan__pair">
                    <Field id=owner_id.clone() label="Owner">
                        {
                            let f = use_field();
                            view! {
                                <select
                                    id=f.id()
                                    aria-invalid=f.aria_invalid()
                                    aria-describedby=f.described_by()
                                    on:change=move |ev| {
                                        let side = if event_target_value(&ev) == "buyer" { Side::Buyer } else { Side::Seller };
                                        edit.run(CallEdit::ActionOwner(id, side));
                                    }
                                >
                                    {Side::ALL
                                        .into_iter()
                                        .map(|s| view! {
                                            <option
                                                value=s.label().to_ascii_lowercase()
                                                prop:selected=move || item.with(|i| i.owner == s)
                                            >
                                                {s.label()}
                                            </option>
                                        })
                                        .collect_view()}
                                </select>
                            }
                        }
                    </Field>
                    <DateField
                        id=format!("dc-action-{id}-due")
                        label="Due date"
                        value=Signal::derive(move || item.with(|i| i.due))
                        on_change=Callback::new(move |d| edit.run(CallEdit::ActionDue(id, d)))
                        warning=warning
                    />
                </div>
                <p hidden=move || !early()>
                    <button type="button" class="sc-button" on:click=move |_| edit.run(CallEdit::ConfirmEarlyDue(id))>
                        "Keep this date"
                    </button>
                </p>
                <div class="sc-row">
                    <span class="sc-discovery-check">
                        <input
                            type="checkbox"
                            id=done_id.clone()
                            prop:checked=move || item.with(|i| i.done)
                            on:change=move |ev| edit.run(CallEdit::ActionDone(id, event_target_checked(&ev)))
                        />
                        <label for=done_id.clone()>"Done"</label>
                    </span>
                    <button
                        type="button"
                        class="sc-button sc-button--ghost sc-discovery-remove"
                        on:click=move |_| {
                            let it = item.get_untracked();
                            edit.run(CallEdit::RemoveAction(id));
                            removed.set(Some(it));
                        }
                    >
                        "Remove"<span class="sc-visually-hidden">{format!(" action item {n}")}</span>
                    </button>
                </div>
            </fieldset>
        </li>
    }
}

/// The SPIN bank and the why change / why now / why you checklist.
#[component]
pub fn QuestionBank(
    /// The call.
    call: Memo<Call>,
    /// Applies a change.
    edit: Callback<CallEdit>,
) -> impl IntoView {
    view! {
        <section class="sc-card sc-stack sc-discovery-bank" aria-labelledby="dc-bank-h">
            <h2 id="dc-bank-h">"Question bank"</h2>
            <fieldset class="sc-discovery-questions">
                <legend class="sc-field__label">"Why change, why now, why you"</legend>
                <p class="sc-field__hint">"A deal that can't answer all three tends to stall. Tick each one the buyer has answered."</p>
                <ul>
                    {bank::THREE_WHYS
                        .iter()
                        .map(|q| view! { <QuestionTick question=*q call=call edit=edit /> })
                        .collect_view()}
                </ul>
            </fieldset>
            <details class="sc-discovery-spin">
                <summary>"SPIN questions"</summary>
                <p class="sc-field__hint">
                    "SPIN sorts discovery questions into four kinds: Situation, Problem, Implication and Need-payoff. Move from the first to the last."
                </p>
                {bank::SPIN
                    .iter()
                    .map(|g| view! {
                        <fieldset class="sc-discovery-questions">
                            <legend class="sc-field__label">{g.name}</legend>
                            <p class="sc-field__hint">{g.purpose}</p>
                            <ul>
                                {g.questions
                                    .iter()
                                    .map(|q| view! { <QuestionTick question=*q call=call edit=edit /> })
                                    .collect_view()}
                            </ul>
                        </fieldset>
                    })
                    .collect_view()}
            </details>
        </section>
    }
}

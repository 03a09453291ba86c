//! One audit question per screen.
//!
//! Input rules, so every way of answering feels right:
//! - keys 1–4 answer and move on at once;
//! - a tap or click on an option answers, shows the choice for a short
//!   beat, then moves on;
//! - arrow Up/Down and Space (native radio keys) only change the answer,
//!   because auto-advancing there would skip past options while browsing;
//! - Enter or → moves on, ← goes back, and Back/Next buttons do the same.

use crate::components::listen::listen;
use crate::components::ProgressSteps;
use crate::tools::audit::model::{Action, Answer};
use crate::tools::audit::questions::{COUNT, QUESTIONS};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How long a tapped answer stays visible before the next question.
const BEAT: Duration = Duration::from_millis(200);

/// What a key press on the question screen means, if anything.
fn key_action(key: &str, index: usize, on_control: bool) -> Option<Action> {
    if let Some(answer) = Answer::from_key(key) {
        return Some(Action::Answer {
            index,
            answer,
            advance: true,
        });
    }
    match key {
        // Enter on a button or link belongs to that control.
        "Enter" if !on_control => Some(Action::Next { from: index }),
        "ArrowRight" => Some(Action::Next { from: index }),
        "ArrowLeft" => Some(Action::Back),
        _ => None,
    }
}

/// One question as a radio group labelled by the question, its four
/// answers in score order, with progress, Back and Next.
#[component]
pub fn QuestionScreen(
    /// 0-based index into the question list.
    index: usize,
    /// The saved answer to this question, if any.
    #[prop(into)]
    answer: Signal<Option<Answer>>,
    /// Sends answers and navigation to the flow.
    on_action: Callback<Action>,
    /// Move focus into the question on arrival (only after a user action).
    autofocus: bool,
    /// The audit's first screen (the intro's first question, or a widget that
    /// skips the intro): a pick starts the audit and moves on; no Back/Next row, and
    /// Enter with nothing picked starts the audit instead of nudging.
    #[prop(optional)]
    on_intro: bool,
) -> impl IntoView {
    let q = &QUESTIONS[index];
    let number = index + 1;
    let name = format!("audit-{}", q.id);
    let hint_id = format!("audit-{}-hint", q.id);
    let nudge_id = format!("audit-{}-nudge", q.id);
    let root = NodeRef::<leptos::html::Div>::new();
    let first_option = NodeRef::<leptos::html::Input>::new();
    // A pointer press just happened inside the options: the following
    // click came from a mouse or finger, not from arrow keys or Space.
    let pointer_armed = StoredValue::new(false);
    // "Pick an answer first" after Next on an unanswered question.
    let nudge = RwSignal::new(false);
    // False once this screen is gone. On the intro, the first pick starts
    // the audit, which replaces this screen before the radio's next event
    // (a click is followed by its change) arrives.
    let live = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    {
        let live = live.clone();
        on_cleanup(move || live.store(false, std::sync::atomic::Ordering::Relaxed));
    }

    let act = move |action: Action| {
        if matches!(action, Action::Next { .. }) && answer.get_untracked().is_none() && !on_intro {
            nudge.set(true);
            return;
        }
        on_action.run(action);
    };

    // Keys work wherever focus is, as long as this screen is on the page
    // (a detached copy, e.g. from an earlier mount, must not react).
    listen(window(), "keydown", move |ev: web_sys::Event| {
        let ev: &web_sys::KeyboardEvent = ev.unchecked_ref();
        if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.repeat() {
            return;
        }
        let Some(el) = root.get_untracked() else {
            return;
        };
        if !el.is_connected() {
            return;
        }
        pointer_armed.set_value(false);
        if crate::components::in_text_control(&ev) {
            return;
        }
        let tag = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|t| t.tag_name())
            .unwrap_or_default();
        let on_control = matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY");
        if let Some(action) = key_action(&ev.key(), index, on_control) {
            ev.prevent_default();
            act(action);
        }
    });

    if autofocus {
        Effect::new(move |_| {
            if let Some(input) = first_option.get() {
                // Land on the chosen answer if there is one, else the first.
                let checked = root
                    .get_untracked()
                    .and_then(|r| r.query_selector("input:checked").ok().flatten())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                match checked {
                    Some(c) => {
                        let _ = c.focus();
                    }
                    None => {
                        let _ = input.focus();
                    }
                }
            }
        });
    }

    let options = Answer::ALL
        .into_iter()
        .zip(q.answers)
        .enumerate()
        .map(|(i, (value, text))| {
            let id = format!("audit-{}-a{}", q.id, value.value());
            let name = name.clone();
            let label_for = id.clone();
            let node = if i == 0 { first_option } else { NodeRef::new() };
            let (on_change_live, on_click_live) = (live.clone(), live.clone());
            let alive = |l: &std::sync::atomic::AtomicBool| l.load(std::sync::atomic::Ordering::Relaxed);
            view! {
                <label class="sc-choice sc-audit-option" for=label_for>
                    <input
                        type="radio"
                        id=id
                        name=name
                        value=value.value().to_string()
                        node_ref=node
                        prop:checked=move || answer.get() == Some(value)
                        on:change=move |_| {
                            if alive(&on_change_live) {
                                nudge.set(false);
                                on_action.run(Action::Answer { index, answer: value, advance: false });
                            }
                        }
                        on:click=move |_| {
                            if alive(&on_click_live) && pointer_armed.get_value() {
                                pointer_armed.set_value(false);
                                nudge.set(false);
                                if on_intro {
                                    // The pick starts the audit and moves on at once:
                                    // this screen is gone before a later step could run.
                                    on_action.run(Action::Answer { index, answer: value, advance: true });
                                } else {
                                    on_action.run(Action::Answer { index, answer: value, advance: false });
                                    let live = on_click_live.clone();
                                    set_timeout(
                                        move || {
                                            if alive(&live) {
                                                on_action.run(Action::Next { from: index });
                                            }
                                        },
                                        BEAT,
                                    );
                                }
                            }
                        }
                    />
                    <span class="sc-audit-option__text">{text}</span>
                    <kbd class="sc-audit-option__key" aria-hidden="true">{i + 1}</kbd>
                </label>
            }
        })
        .collect_view();

    let described_by = {
        let hint_id = hint_id.clone();
        let nudge_id = nudge_id.clone();
        move || {
            crate::components::described_by([
                q.hint.is_some().then_some(hint_id.as_str()),
                nudge.get().then_some(nudge_id.as_str()),
            ])
        }
    };

    view! {
        <div class="sc-audit-question sc-stack" node_ref=root data-question=q.id>
            <ProgressSteps
                current=Signal::stored(number)
                total=Signal::stored(COUNT)
                label="Audit progress"
            />
            <p class="sc-audit-question__area">{q.area.name()}</p>
            <fieldset
                class="sc-audit-question__group"
                aria-describedby=described_by
                on:pointerdown=move |_| pointer_armed.set_value(true)
            >
                <legend class="sc-audit-question__prompt">{q.prompt}</legend>
                {q.hint.map(|h| view! { <p class="sc-field__hint sc-audit-question__hint" id=hint_id.clone()>{h}</p> })}
                <div class="sc-audit-options">{options}</div>
            </fieldset>
            <p class="sc-field__error" id=nudge_id.clone() aria-live="polite">
                {move || if nudge.get() { "Pick an answer first: click one, or press 1 to 4." } else { "" }}
            </p>
            <div class="sc-row sc-audit-question__nav" hidden=on_intro>
                <button type="button" class="sc-button" on:click=move |_| act(Action::Back)>
                    "Back"
                </button>
                <button
                    type="button"
                    class="sc-button sc-button--primary"
                    on:click=move |_| act(Action::Next { from: index })
                >
                    {if number == COUNT { "See my report" } else { "Next" }}
                </button>
                <p class="sc-audit-question__keys">"Keys: 1–4 answer, Enter or → next, ← back"</p>
            </div>
        </div>
    }
}

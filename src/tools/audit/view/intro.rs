//! The audit's first screen: what it takes, what it gives, one button, and
//! for a first visit the first question itself, so an answer can be picked
//! at once (even on the prerendered page, before the wasm has arrived).

use super::question::QuestionScreen;
use crate::tools::audit::model::Action;
use crate::tools::audit::questions::COUNT;
use leptos::prelude::*;

/// The intro: the time and privacy promise and a single start button.
/// Returning visitors get "Continue" (with their progress) or a way back
/// to their last report.
#[component]
pub fn Intro(
    /// How many questions already have an answer.
    #[prop(into)]
    answered: Signal<usize>,
    /// Whether an audit was started and not finished.
    #[prop(into)]
    in_progress: Signal<bool>,
    /// Whether a completed audit exists to go back to.
    #[prop(into)]
    has_report: Signal<bool>,
    /// Sends `Start` or `ShowReport` to the flow.
    on_action: Callback<Action>,
) -> impl IntoView {
    let start_label = move || {
        if in_progress.get() {
            format!(
                "Continue the audit ({} of {COUNT} answered)",
                answered.get()
            )
        } else {
            "Start the audit".to_string()
        }
    };
    // A first visit answers question 1 right here: the pick starts the
    // audit and records the answer (keys 1–4 too; Enter starts).
    let from_intro = Callback::new(move |action: Action| {
        on_action.run(Action::Start);
        if !matches!(action, Action::Start) {
            on_action.run(action);
        }
    });
    let first_visit = move || !in_progress.get() && !has_report.get();
    view! {
        <div class="sc-audit-intro sc-stack">
            <h1 class="sc-page-title">"How well does your sales process run?"</h1>
            <p class="sc-lede">
                "Answer 16 quick questions about how your team sells. You get a score out of 100, "
                "your weakest areas and the fixes worth the most, in order."
            </p>
            <ul class="sc-audit-promises">
                <li>"About two minutes. Keys 1–4 answer and move on."</li>
                <li>"Runs in your browser. Your answers never leave this device."</li>
                <li>"No sign-up, no email."</li>
            </ul>
            <div class="sc-row">
                <button
                    type="button"
                    class="sc-button sc-button--primary sc-button--large"
                    on:click=move |_| on_action.run(Action::Start)
                >
                    {start_label}
                </button>
                <Show when=move || has_report.get()>
                    <button
                        type="button"
                        class="sc-button sc-button--ghost"
                        on:click=move |_| on_action.run(Action::ShowReport)
                    >
                        "See your last report"
                    </button>
                </Show>
            </div>
            <Show when=first_visit>
                <section class="sc-audit-intro__first sc-card" aria-label="Question 1">
                    <QuestionScreen
                        index=0
                        answer=Signal::stored(None)
                        on_action=from_intro
                        autofocus=false
                        on_intro=true
                    />
                </section>
            </Show>
        </div>
    }
}

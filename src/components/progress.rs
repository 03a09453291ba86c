use leptos::prelude::*;

/// Where the user is in a one-question-per-screen flow: a bar and "3 of 16".
#[component]
pub fn ProgressSteps(
    /// The current step, counting from 1.
    #[prop(into)]
    current: Signal<usize>,
    /// How many steps there are.
    #[prop(into)]
    total: Signal<usize>,
    /// What is progressing, for screen readers ("Audit progress").
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let percent = move || {
        let t = total.get().max(1);
        (current.get().min(t) * 100) / t
    };
    view! {
        <div class="sc-progress">
            <div
                class="sc-progress__track"
                role="progressbar"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax=move || total.get().to_string()
                aria-valuenow=move || current.get().to_string()
            >
                <div class="sc-progress__fill" style:width=move || format!("{}%", percent())></div>
            </div>
            <p class="sc-progress__count">{move || format!("{} of {}", current.get(), total.get())}</p>
        </div>
    }
}

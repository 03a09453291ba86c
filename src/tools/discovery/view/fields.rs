//! Small labelled inputs used across the call screen. Each keeps the label
//! above the control and wires hints and errors with `aria-describedby`.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::described_by;

use crate::tools::discovery::model::{date_input_value, parse_date_input};

/// A labelled single-line or multi-line text input.
#[component]
pub fn TextField(
    /// DOM id of the control.
    #[prop(into)]
    id: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Current text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    on_input: Callback<String>,
    /// A line of guidance under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Number of rows; `0` makes a single-line input.
    #[prop(optional)]
    rows: u32,
    /// Placeholder example text.
    #[prop(optional, into)]
    placeholder: Option<String>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let describe = described_by([hint.as_ref().map(|_| hint_id.as_str())]);
    let control = if rows == 0 {
        view! {
            <input
                class="sc-input"
                type="text"
                id=id.clone()
                autocomplete="off"
                placeholder=placeholder
                aria-describedby=describe
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        }
        .into_any()
    } else {
        view! {
            <textarea
                id=id.clone()
                rows=rows
                placeholder=placeholder
                aria-describedby=describe
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    };
    view! {
        <div class="sc-field">
            <label class="sc-field__label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="sc-field__hint" id=hint_id.clone()>{h}</p> })}
            {control}
        </div>
    }
}

/// A labelled date input. An incomplete or cleared date reports `None`;
/// `required` fields show an inline message instead.
#[component]
pub fn DateField(
    /// DOM id of the control.
    #[prop(into)]
    id: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// The stored date.
    #[prop(into)]
    value: Signal<Option<NaiveDate>>,
    /// Called with the parsed date whenever the input changes.
    on_change: Callback<Option<NaiveDate>>,
    /// Whether an empty field is an error.
    #[prop(optional)]
    required: bool,
    /// A warning about the current value (for example a date before the call),
    /// shown under the field and linked to it.
    #[prop(optional, into)]
    warning: Option<Signal<Option<String>>>,
    /// A line of guidance under the label.
    #[prop(optional, into)]
    hint: Option<String>,
) -> impl IntoView {
    // Only the "you cleared a required date" state is local: the stored date
    // stays as it was, so nothing is lost while the field is empty.
    let cleared = RwSignal::new(false);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let warning_id = format!("{id}-warning");
    let has_hint = hint.is_some();
    let warning = warning.unwrap_or_else(|| Signal::derive(|| None));
    let describe = {
        let (hint_id, error_id, warning_id) =
            (hint_id.clone(), error_id.clone(), warning_id.clone());
        move || {
            described_by([
                has_hint.then_some(hint_id.as_str()),
                cleared.get().then_some(error_id.as_str()),
                warning.with(Option::is_some).then_some(warning_id.as_str()),
            ])
        }
    };
    view! {
        <div class="sc-field" class:sc-field--invalid=move || cleared.get()>
            <label class="sc-field__label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="sc-field__hint" id=hint_id.clone()>{h}</p> })}
            <input
                class="sc-input"
                type="date"
                id=id.clone()
                required=required
                aria-invalid=move || if cleared.get() { "true" } else { "false" }
                aria-describedby=describe
                prop:value=move || date_input_value(value.get())
                on:input=move |ev| {
                    let parsed = parse_date_input(&event_target_value(&ev));
                    cleared.set(required && parsed.is_none());
                    if parsed.is_some() || !required {
                        on_change.run(parsed);
                    }
                }
            />
            <p class="sc-field__error" id=error_id role="alert" hidden=move || !cleared.get()>
                {move || if cleared.get() { "Enter a complete date (day, month and year)." } else { "" }}
            </p>
            <p class="sc-discovery-warning" id=warning_id hidden=move || warning.with(Option::is_none)>
                {move || warning.get().unwrap_or_default()}
            </p>
        </div>
    }
}

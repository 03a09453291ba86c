//! A number field for the funnel form.
//!
//! It follows the shared `NumberField` (same classes, same parsing, error
//! linked by `aria-describedby`) with one difference: an *empty* field only
//! shows "Enter a number." once the user has emptied it themselves. A fresh
//! form of sixteen fields would otherwise open with sixteen red errors, and
//! the summary already says how many fields are still missing.

use crate::numbers::{parse_number, NumberError, NumberRules};
use leptos::prelude::*;

/// A labelled numeric input that keeps exactly what was typed.
#[component]
pub fn FunnelField(
    /// Unique DOM id; the error id derives from it.
    id: String,
    /// Visible label text.
    label: String,
    /// The raw text, exactly as typed.
    value: Signal<String>,
    /// Called with the new raw text on every keystroke.
    on_input: Callback<String>,
    /// What counts as valid, and how errors are worded.
    rules: NumberRules,
    /// Unit shown before the value inside the field, such as `$`.
    prefix: Option<&'static str>,
    /// Unit shown after the value inside the field, such as `%`.
    suffix: Option<&'static str>,
) -> impl IntoView {
    // Counts the user's own edits, so the memo below can tell them apart
    // from changes made for them (Clear, Load example team, another tab).
    let edits = RwSignal::new(0u32);
    // (the user's last edit left the field empty, edits seen so far)
    let emptied_by_user = Memo::new(move |prev: Option<&(bool, u32)>| {
        let n = edits.get();
        let empty = value.with(|v| v.trim().is_empty());
        let (was, seen) = prev.copied().unwrap_or((false, 0));
        let flag = if n != seen { empty } else { empty && was };
        (flag, n)
    });
    let error = Memo::new(move |_| {
        // Read on every change (not only when empty) so the memo above sees
        // each value and forgets an old "emptied" once the field is filled.
        let emptied = emptied_by_user.get().0;
        value.with(|v| match parse_number(v, rules) {
            Err(NumberError::Empty) if !emptied => None,
            Err(e) => Some(e.to_string()),
            Ok(_) => None,
        })
    });
    let error_id = format!("{id}-error");
    let described_by = {
        let error_id = error_id.clone();
        move || error.with(Option::is_some).then(|| error_id.clone())
    };
    view! {
        <div class="sc-field" class:sc-field--invalid=move || error.with(Option::is_some)>
            <label class="sc-field__label" for=id.clone()>{label}</label>
            <div class="sc-input-wrap">
                {prefix.map(|p| view! { <span class="sc-input-affix" aria-hidden="true">{p}</span> })}
                <input
                    class="sc-input"
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    prop:value=move || value.get()
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=described_by
                    on:input=move |ev| {
                        edits.update(|n| *n = n.wrapping_add(1));
                        on_input.run(event_target_value(&ev));
                    }
                />
                {suffix.map(|s| view! { <span class="sc-input-affix" aria-hidden="true">{s}</span> })}
            </div>
            <p class="sc-field__error" id=error_id role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}

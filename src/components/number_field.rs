use super::field::{use_field, Field};
use crate::numbers::{parse_number, NumberError, NumberRules};
use leptos::prelude::*;

/// A labelled numeric input that keeps exactly what the user typed and
/// explains, right under the field, why a value can't be used. It is the
/// `Field` shell around a decimal text input with optional units.
///
/// The parent owns the raw text and derives the number itself with
/// `parse_number`, so an invalid entry never erases the last good result.
///
/// A required field that is empty only says "Enter a number." once the user
/// has emptied it: a fresh form would otherwise open covered in errors (the
/// tools say what is still missing in their results instead).
#[component]
pub fn NumberField(
    /// Unique DOM id; the label, hint and error ids derive from it.
    #[prop(into)]
    id: String,
    /// Visible label text (tests and screen readers find the field by it).
    #[prop(into)]
    label: String,
    /// The raw text, exactly as typed.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new raw text on every keystroke.
    on_input: Callback<String>,
    /// What counts as valid, and how errors are worded.
    rules: NumberRules,
    /// Unit shown before the value inside the field, such as `$`.
    #[prop(optional_no_strip)]
    prefix: Option<&'static str>,
    /// Unit shown after the value inside the field, such as `%` or `days`.
    #[prop(optional_no_strip)]
    suffix: Option<&'static str>,
    /// One line of guidance under the label.
    #[prop(optional, into)]
    hint: Option<String>,
) -> impl IntoView {
    // Counts the user's own edits, so an empty value set for them (a fresh
    // form, Clear, another tab) stays quiet while one they typed is flagged.
    let edits = RwSignal::new(0u32);
    // (the user's last edit left the field empty, edits seen so far)
    let emptied_by_user = Memo::new(move |prev: Option<&(bool, u32)>| {
        let n = edits.get();
        let empty = value.with(|v| v.trim().is_empty());
        let (was, seen) = prev.copied().unwrap_or((false, 0));
        (if n != seen { empty } else { empty && was }, n)
    });
    let error = Memo::new(move |_| {
        // Read on every change so an old "emptied" is forgotten once filled.
        let emptied = emptied_by_user.get().0;
        value.with(|v| match parse_number(v, rules) {
            Err(NumberError::Empty) if !emptied => None,
            Err(e) => Some(e.to_string()),
            Ok(_) => None,
        })
    });
    // Built inside the shell's children, where `use_field` can see it.
    let control = move || {
        let f = use_field();
        view! {
            <div class="sc-input-wrap">
                {prefix.map(|p| view! { <span class="sc-input-affix" aria-hidden="true">{p}</span> })}
                <input
                    class="sc-input"
                    id=f.id()
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    prop:value=move || value.get()
                    aria-invalid=f.aria_invalid()
                    aria-describedby=f.described_by()
                    on:input=move |ev| {
                        edits.update(|n| *n = n.wrapping_add(1));
                        on_input.run(event_target_value(&ev));
                    }
                />
                {suffix.map(|s| view! { <span class="sc-input-affix" aria-hidden="true">{s}</span> })}
            </div>
        }
    };
    view! {
        <Field id=id label=label hint=hint error=error>
            {control()}
        </Field>
    }
}

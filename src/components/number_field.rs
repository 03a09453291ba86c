use super::field::{use_field, Field, Hint};
use super::format;
use crate::numbers::{as_understood, read_parsed, FieldKind, NumberError, NumberRules};
use leptos::prelude::*;

/// The kind a field's limits suggest, for callers that give none: a whole
/// number is a count, 100 a percentage, ten years a duration in days.
fn kind_of(rules: NumberRules) -> FieldKind {
    match rules.max {
        _ if rules.integer => FieldKind::Count,
        Some(m) if m == 100.0 => FieldKind::Percent,
        Some(m) if m == 3650.0 => FieldKind::Days,
        _ => FieldKind::Decimal,
    }
}

/// A labelled numeric input that keeps exactly what the user typed and
/// explains, right under the field, why a value can't be used. It is the
/// `Field` shell around a decimal text input with optional units.
///
/// The parent owns the raw text and derives the number itself with
/// `numbers::read` (the same parser, in the user's locale), so an invalid
/// entry never erases the last good result.
///
/// A money or count field whose text is not plain digits ("24.000",
/// "60k") says back the value as understood ("= 24 000 €"), so a reading
/// the user did not mean is seen before it is used.
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
    /// What the field holds (money, count, …); decides what is read around
    /// the digits. Without one it follows from `rules`.
    #[prop(optional_no_strip)]
    kind: Option<FieldKind>,
    /// Unit shown before the value inside the field. A money field shows
    /// the chosen currency's symbol whatever is given here.
    #[prop(optional_no_strip)]
    prefix: Option<&'static str>,
    /// Unit shown after the value inside the field, such as `%` or `days`.
    #[prop(optional_no_strip)]
    suffix: Option<&'static str>,
    /// Guidance under the label: text, or a view whose text changes (a
    /// derived figure the field is compared with).
    #[prop(optional, into)]
    hint: Hint,
    /// A refusal beyond the number's own rules (a count larger than the
    /// stage's before it), shown and linked exactly like a parse error.
    #[prop(optional, into)]
    refusal: Option<Signal<Option<String>>>,
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
    let kind = kind.unwrap_or_else(|| kind_of(rules));
    let parsed = Memo::new(move |_| value.with(|v| read_parsed(v, kind, rules)));
    let error = Memo::new(move |_| {
        // Read on every change so an old "emptied" is forgotten once filled.
        let emptied = emptied_by_user.get().0;
        parsed.with(|p| match p {
            Err(NumberError::Empty) if !emptied => None,
            Err(e) => Some(e.to_string()),
            Ok(_) => refusal.and_then(|r| r.get()),
        })
    });
    let says_back = matches!(kind, FieldKind::Money | FieldKind::Count);
    // "= 24 000 €": only for money and counts, only when not plain digits.
    let understood = Memo::new(move |_| {
        if !says_back {
            return None;
        }
        let v = parsed.with(|p| {
            p.as_ref()
                .ok()
                .copied()
                .flatten()
                .and_then(|p| as_understood(&p))
        })?;
        Some(if kind == FieldKind::Money {
            format::money(v)
        } else {
            format::number(v, 0)
        })
    });
    let understood_id = format!("{id}-understood");
    // Built inside the shell's children, where `use_field` can see it.
    let control = move || {
        let f = use_field();
        let described = f.described_by();
        let understood_id = understood_id.clone();
        let line_id = understood_id.clone();
        let describe = move || {
            let own = understood
                .with(Option::is_some)
                .then_some(understood_id.as_str());
            match (described(), own) {
                (Some(d), Some(u)) => Some(format!("{d} {u}")),
                (d, u) => d.or(u.map(str::to_owned)),
            }
        };
        let prefix = move || {
            if kind == FieldKind::Money {
                prefix.map(|_| format::currency_symbol())
            } else {
                prefix.map(str::to_owned)
            }
        };
        view! {
            <div class="sc-input-wrap">
                {move || prefix().map(|p| view! { <span class="sc-input-affix" aria-hidden="true">{p}</span> })}
                <input
                    class="sc-input"
                    id=f.id()
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    prop:value=move || value.get()
                    aria-invalid=f.aria_invalid()
                    aria-describedby=describe
                    on:input=move |ev| {
                        edits.update(|n| *n = n.wrapping_add(1));
                        on_input.run(event_target_value(&ev));
                    }
                />
                {suffix.map(|s| view! { <span class="sc-input-affix" aria-hidden="true">{s}</span> })}
            </div>
            <p class="sc-field__understood" id=line_id hidden=move || understood.with(Option::is_none)>
                {move || understood.get().map(|u| format!("= {u}")).unwrap_or_default()}
            </p>
        }
    };
    view! {
        <Field id=id label=label hint=hint error=error>
            {control()}
        </Field>
    }
}

//! One accessible field, written once. `Field` is the shell: it owns the
//! ids, the label, the hint, the error (and an optional warning) and the
//! `aria-describedby` join. The control inside it (a text input, a select,
//! a date, a textarea, a number) reads those through `use_field`, so a
//! screen reader hears the same things in every tool and no copy can drift.
//!
//! `TextField` and `DateField` are the shell with its most common controls
//! already inside; `NumberField` (in `number_field.rs`) is another.

use chrono::NaiveDate;
use leptos::prelude::*;
use std::cell::Cell;

/// The `aria-describedby` value for the descriptions on screen right now:
/// the ids that are present, space-separated, or no attribute at all, so a
/// screen reader never points at a hint or error that isn't there.
pub fn described_by<'a>(ids: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    let ids: Vec<&str> = ids.into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// Guidance under a field's label: usually a sentence, sometimes with a
/// link in it, so the shell takes either text or a view. The default is
/// no hint (and then nothing points at one).
#[derive(Default)]
pub struct Hint(Option<AnyView>);

impl From<&'static str> for Hint {
    fn from(text: &'static str) -> Self {
        Hint(Some(text.into_any()))
    }
}

impl From<String> for Hint {
    fn from(text: String) -> Self {
        Hint(Some(text.into_any()))
    }
}

impl From<Option<String>> for Hint {
    fn from(text: Option<String>) -> Self {
        Hint(text.map(IntoAny::into_any))
    }
}

impl From<AnyView> for Hint {
    fn from(view: AnyView) -> Self {
        Hint(Some(view))
    }
}

/// What a control inside a `Field` must carry so the label, hint and error
/// belong to it. Copy, so it moves into as many event handlers as needed.
#[derive(Clone, Copy)]
pub struct FieldControl {
    id: StoredValue<String>,
    described_by: Memo<Option<String>>,
    invalid: Memo<bool>,
}

impl FieldControl {
    /// The control's DOM id (the label's `for` points at it).
    pub fn id(self) -> String {
        self.id.get_value()
    }

    /// The live `aria-describedby` value: hint, error and warning ids, only
    /// those on screen.
    pub fn described_by(self) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
        move || self.described_by.get()
    }

    /// The live `aria-invalid` value, "true" exactly while an error shows.
    pub fn aria_invalid(self) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || if self.invalid.get() { "true" } else { "false" }
    }
}

thread_local! {
    /// The `Field` whose children are being built right now. Controls are
    /// built synchronously inside the shell's `children()` call, so a plain
    /// slot does what a context would, without a reactive owner per field
    /// (a `Provider` per field cost about 20 KB of wasm on a tool page).
    static CURRENT: Cell<Option<FieldControl>> = const { Cell::new(None) };
}

/// The ids and state of the `Field` this control sits in. Call it while the
/// `Field`'s children are built (at the top of the child block, never in a
/// later closure); outside one it panics, as a field without a label is a
/// bug.
pub fn use_field() -> FieldControl {
    CURRENT
        .get()
        .expect("use_field() called outside a Field's children")
}

/// The accessible field shell: label above the control, an optional hint
/// under the label, and the error (with `role="alert"`, so it is announced)
/// and an optional warning under the control. Ids derive from `id`:
/// `{id}-hint`, `{id}-error`, `{id}-warning`.
#[component]
pub fn Field(
    /// DOM id of the control; the label, hint, error and warning ids derive
    /// from it, and tests find fields by it.
    #[prop(into)]
    id: String,
    /// Visible label text (tests and screen readers find the field by it).
    #[prop(into)]
    label: String,
    /// Guidance under the label, linked to the control.
    #[prop(optional, into)]
    hint: Hint,
    /// Why the current value can't be used, or `None`. While it is `Some`
    /// the field is marked invalid and the message is announced.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// A caution about a value that is still kept (a date before the call),
    /// linked to the control but not marking it invalid. Only fields given
    /// one get the (hidden until needed) warning line.
    #[prop(optional, into)]
    warning: Option<Signal<Option<String>>>,
    /// Leaves the whole field off the printed page (it only makes sense on
    /// screen, such as a share link).
    #[prop(optional)]
    no_print: bool,
    /// The control; it reads its id and ARIA wiring with `use_field`.
    children: Children,
) -> impl IntoView {
    let hint_id = hint.0.is_some().then(|| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let warning_id = warning.is_some().then(|| format!("{id}-warning"));
    let invalid = Memo::new(move |_| error.with(Option::is_some));
    let describe = {
        let (hint_id, error_id, warning_id) =
            (hint_id.clone(), error_id.clone(), warning_id.clone());
        Memo::new(move |_| {
            described_by([
                hint_id.as_deref(),
                invalid.get().then_some(error_id.as_str()),
                warning
                    .filter(|w| w.with(Option::is_some))
                    .and(warning_id.as_deref()),
            ])
        })
    };
    let control = FieldControl {
        id: StoredValue::new(id.clone()),
        described_by: describe,
        invalid,
    };
    view! {
        <div class="sc-field" class:sc-field--invalid=move || invalid.get() class:sc-no-print=no_print>
            <label class="sc-field__label" for=id>{label}</label>
            {hint.0.map(|h| view! { <p class="sc-field__hint" id=hint_id>{h}</p> })}
            {
                let outer = CURRENT.replace(Some(control));
                let built = children();
                CURRENT.set(outer);
                built
            }
            <p class="sc-field__error" id=error_id role="alert" hidden=move || !invalid.get()>
                {move || error.get().unwrap_or_default()}
            </p>
            {warning.map(|warning| view! {
                <p class="sc-field__warning" id=warning_id hidden=move || warning.with(Option::is_none)>
                    {move || warning.get().unwrap_or_default()}
                </p>
            })}
        </div>
    }
}

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
    hint: Hint,
    /// Why the text can't be used (a required name left empty), or `None`.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Number of rows; `0` makes a single-line input.
    #[prop(optional)]
    rows: u32,
    /// Placeholder example text.
    #[prop(optional, into)]
    placeholder: Option<String>,
    /// Tells assistive technology the field must be filled in (the form
    /// checks it itself, so the browser's own validation stays out).
    #[prop(optional)]
    required: bool,
    /// The browser's autofill hint for a single-line input, such as
    /// `organization`; autofill stays off without one.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// The phone keyboard to offer (`email`, `tel`) for a single-line input.
    /// The input stays `type="text"`, because `type="email"` makes the
    /// browser trim and check what was typed, and the text must be kept
    /// exactly.
    #[prop(optional)]
    inputmode: Option<&'static str>,
) -> impl IntoView {
    let control = move || {
        let f = use_field();
        let aria_required = required.then_some("true");
        if rows == 0 {
            view! {
                <input
                    class="sc-input"
                    type="text"
                    id=f.id()
                    inputmode=inputmode
                    autocomplete=autocomplete.unwrap_or("off")
                    placeholder=placeholder
                    aria-required=aria_required
                    aria-invalid=f.aria_invalid()
                    aria-describedby=f.described_by()
                    prop:value=move || value.get()
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                />
            }
            .into_any()
        } else {
            view! {
                <textarea
                    id=f.id()
                    rows=rows
                    placeholder=placeholder
                    aria-required=aria_required
                    aria-invalid=f.aria_invalid()
                    aria-describedby=f.described_by()
                    prop:value=move || value.get()
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                ></textarea>
            }
            .into_any()
        }
    };
    // Built inside the shell's children, where `use_field` can see it.
    view! {
        <Field id=id label=label hint=hint error=error>
            {control()}
        </Field>
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
    warning: Signal<Option<String>>,
    /// A line of guidance under the label.
    #[prop(optional, into)]
    hint: Hint,
) -> impl IntoView {
    // Only the "you cleared a required date" state is local: the stored date
    // stays as it was, so nothing is lost while the field is empty.
    let cleared = RwSignal::new(false);
    let error = Signal::derive(move || {
        cleared
            .get()
            .then(|| "Enter a complete date (day, month and year).".to_string())
    });
    let control = move || {
        let f = use_field();
        view! {
            <input
                class="sc-input"
                type="date"
                id=f.id()
                required=required
                aria-invalid=f.aria_invalid()
                aria-describedby=f.described_by()
                prop:value=move || value.get().map(crate::dates::iso_date).unwrap_or_default()
                on:input=move |ev| {
                    let parsed = parse_date_input(&event_target_value(&ev));
                    cleared.set(required && parsed.is_none());
                    if parsed.is_some() || !required {
                        on_change.run(parsed);
                    }
                }
            />
        }
    };
    view! {
        <Field id=id label=label hint=hint error=error warning=warning>
            {control()}
        </Field>
    }
}

/// The value of an `<input type="date">`: `YYYY-MM-DD`, or `None` while it
/// is incomplete or cleared.
fn parse_date_input(raw: &str) -> Option<NaiveDate> {
    crate::dates::parse_iso_date(raw)
}

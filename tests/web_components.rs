//! Browser tests of the shared field kit: the `Field` shell wires label,
//! hint and error to its control the same way for every tool, and the
//! badge and export row render what the tools rely on.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use stagecraft::components::{
    use_field, Badge, Download, ExportActions, Field, NumberField, TextField,
};
use stagecraft::numbers::{FieldKind, NumberLocale, NumberRules};
use stagecraft::tone::Tone;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    /// The view mounted by the previous test; dropping it unmounts it.
    static MOUNTED: std::cell::RefCell<Option<Box<dyn std::any::Any>>> = std::cell::RefCell::new(None);
}

/// Mounts `view` into a fresh host element and lets it render.
async fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> HtmlElement {
    MOUNTED.with(|m| m.borrow_mut().take());
    let document = document();
    if let Some(old) = document.get_element_by_id("test-host") {
        old.remove();
    }
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_id("test-host");
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), view);
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
    settle().await;
    host
}

fn by_id(id: &str) -> Element {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("no #{id}"))
}

fn attr(el: &Element, name: &str) -> Option<String> {
    el.get_attribute(name)
}

#[wasm_bindgen_test]
async fn the_field_shell_links_label_hint_and_error_to_its_control() {
    let error = RwSignal::new(None::<String>);
    let root = mount(move || {
        view! {
            <Field id="kit-name" label="Deal name" hint="Something you'll recognise." error=error>
                {
                    let f = use_field();
                    view! {
                        <input
                            id=f.id()
                            aria-invalid=f.aria_invalid()
                            aria-describedby=f.described_by()
                        />
                    }
                }
            </Field>
        }
    })
    .await;

    // The label points at the control and a screen reader hears the hint.
    let label = root.query_selector("label").unwrap().expect("a label");
    assert_eq!(attr(&label, "for").as_deref(), Some("kit-name"));
    assert_eq!(label.text_content().unwrap(), "Deal name");
    let input = input_by_label(&root, "Deal name");
    assert_eq!(input.id(), "kit-name");
    assert_eq!(
        attr(&input, "aria-describedby").as_deref(),
        Some("kit-name-hint")
    );
    assert_eq!(
        by_id("kit-name-hint").text_content().unwrap(),
        "Something you'll recognise."
    );
    assert_eq!(attr(&input, "aria-invalid").as_deref(), Some("false"));
    let err = by_id("kit-name-error");
    assert_eq!(attr(&err, "role").as_deref(), Some("alert"));
    assert!(
        err.has_attribute("hidden"),
        "no error shows before one exists"
    );

    // An error is announced, marks the control invalid and is linked to it.
    error.set(Some("Enter a name.".into()));
    settle().await;
    assert_eq!(attr(&input, "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        attr(&input, "aria-describedby").as_deref(),
        Some("kit-name-hint kit-name-error")
    );
    assert!(!err.has_attribute("hidden"));
    assert_eq!(err.text_content().unwrap(), "Enter a name.");
    assert!(root.query_selector(".sc-field--invalid").unwrap().is_some());

    // Fixed: the link and the mark go away again.
    error.set(None);
    settle().await;
    assert_eq!(attr(&input, "aria-invalid").as_deref(), Some("false"));
    assert_eq!(
        attr(&input, "aria-describedby").as_deref(),
        Some("kit-name-hint")
    );
    assert!(err.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn a_field_without_a_hint_points_only_at_its_error() {
    let error = RwSignal::new(None::<String>);
    let root = mount(move || {
        view! {
            <TextField
                id="kit-plain"
                label="Company"
                value=Signal::stored(String::new())
                on_input=Callback::new(|_| {})
                error=error
            />
        }
    })
    .await;
    let input = input_by_label(&root, "Company");
    assert_eq!(
        attr(&input, "aria-describedby"),
        None,
        "nothing to describe yet"
    );
    assert!(root.query_selector(".sc-field__hint").unwrap().is_none());

    error.set(Some("Too long.".into()));
    settle().await;
    assert_eq!(
        attr(&input, "aria-describedby").as_deref(),
        Some("kit-plain-error")
    );
    assert_eq!(attr(&input, "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        attr(&by_id("kit-plain-error"), "role").as_deref(),
        Some("alert")
    );
}

#[wasm_bindgen_test]
async fn a_number_field_flags_what_the_user_typed() {
    let value = RwSignal::new(String::new());
    let root = mount(move || {
        view! {
            <NumberField
                id="kit-acv"
                label="Annual contract value"
                value=value
                on_input=Callback::new(move |v| value.set(v))
                rules=NumberRules::COUNT
                hint="Per year.".to_string()
            />
        }
    })
    .await;
    let input = input_by_label(&root, "Annual contract value");
    assert_eq!(
        attr(&input, "aria-describedby").as_deref(),
        Some("kit-acv-hint")
    );
    set_value(&input, "-5");
    settle().await;
    assert_eq!(attr(&input, "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        attr(&input, "aria-describedby").as_deref(),
        Some("kit-acv-hint kit-acv-error")
    );
    let err = by_id("kit-acv-error");
    assert_eq!(attr(&err, "role").as_deref(), Some("alert"));
    assert!(!err.text_content().unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn a_money_field_says_back_what_it_understood_and_refuses_two_readings() {
    stagecraft::numbers::set_user_locale(NumberLocale::EN_US);
    let value = RwSignal::new(String::new());
    let days = RwSignal::new(String::new());
    let root = mount(move || {
        view! {
            <NumberField
                id="kit-deal"
                label="Deal size"
                value=value
                on_input=Callback::new(move |v| value.set(v))
                rules=FieldKind::Money.rules()
                kind=Some(FieldKind::Money)
                prefix=Some("$")
            />
            <NumberField
                id="kit-days"
                label="Days"
                value=days
                on_input=Callback::new(move |v| days.set(v))
                rules=NumberRules::DAYS
            />
        }
    })
    .await;
    let input = input_by_label(&root, "Deal size");
    let line = by_id("kit-deal-understood");
    set_value(&input, "24000");
    settle().await;
    assert!(
        line.has_attribute("hidden"),
        "plain digits are not said back"
    );
    set_value(&input, "60k");
    settle().await;
    assert!(!line.has_attribute("hidden"));
    let said = line.text_content().unwrap();
    assert!(said.starts_with("= ") && said.contains("60"), "{said}");
    assert_eq!(
        attr(&input, "aria-describedby").as_deref(),
        Some("kit-deal-understood")
    );
    assert_eq!(input.value(), "60k", "the text stays as typed");

    let days_input = input_by_label(&root, "Days");
    set_value(&days_input, "12,5");
    settle().await;
    assert_eq!(attr(&days_input, "aria-invalid").as_deref(), Some("true"));
    let err = by_id("kit-days-error").text_content().unwrap();
    assert!(err.contains("125") && err.contains("12.5"), "{err}");
    assert_eq!(days_input.value(), "12,5");
}

#[wasm_bindgen_test]
async fn badges_and_the_export_row_say_what_they_mean() {
    let tone = RwSignal::new(Tone::Good);
    let root = mount(move || {
        view! {
            <Badge tone=tone icon=true testid="kit-badge">"On target"</Badge>
            <ExportActions
                copy_label="Copy summary"
                copy_text=Signal::stored("text".to_string())
                download=Download {
                    label: "Download .md",
                    filename: "x.md".into(),
                    mime: "text/markdown",
                    text: Signal::stored("text".to_string()),
                }
            />
        }
    })
    .await;
    let badge = by_testid(&root, "kit-badge");
    assert_eq!(badge.class_name(), "sc-badge sc-badge--good");
    assert_eq!(badge.text_content().unwrap(), "▲ On target");
    tone.set(Tone::Bad);
    settle().await;
    assert_eq!(badge.class_name(), "sc-badge sc-badge--bad");
    assert_eq!(badge.text_content().unwrap(), "▼ On target");

    // Copy, download, print: the same three, in the same order, everywhere.
    let buttons = root.query_selector_all("button").unwrap();
    let words: Vec<String> = (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(words, ["Copy summary", "Download .md", "Print"]);
}

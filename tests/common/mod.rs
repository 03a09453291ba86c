//! Helpers shared by the browser tests (`tests/web_*.rs`).
#![allow(dead_code)]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// Clears saved data, opens `hash`, mounts the whole app into a fresh host
/// element and lets it render.
pub async fn mount_app(hash: &str) -> HtmlElement {
    let storage = window().local_storage().ok().flatten();
    if let Some(s) = storage {
        let _ = s.clear();
    }
    mount_app_keeping_storage(hash).await
}

thread_local! {
    /// The app mounted by the previous test. Unmounting it (by dropping the
    /// handle) removes its window listeners, so they can't react to the next
    /// test's hash changes and key presses.
    static MOUNTED: std::cell::RefCell<Option<Box<dyn std::any::Any>>> = std::cell::RefCell::new(None);
}

/// Like `mount_app`, but keeps whatever is in localStorage (for reload and
/// storage-failure tests).
pub async fn mount_app_keeping_storage(hash: &str) -> HtmlElement {
    MOUNTED.with(|m| m.borrow_mut().take());
    stagecraft::storage::browser::reset_backend();
    let _ = window().location().set_hash(hash);
    let document = document();
    if let Some(old) = document.get_element_by_id("test-host") {
        old.remove();
    }
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_id("test-host");
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), stagecraft::App);
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
    settle().await;
    host
}

/// Lets effects, microtasks and a hashchange run.
pub async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
        sleep_ms(10).await;
    }
}

pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

pub fn by_testid(root: &Element, id: &str) -> Element {
    root.query_selector(&format!("[data-testid='{id}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={id}"))
}

pub fn text_of(root: &Element, testid: &str) -> String {
    by_testid(root, testid)
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

/// Finds a control through the text of its `<label for=…>`.
pub fn input_by_label(root: &Element, label_text: &str) -> HtmlInputElement {
    let labels = root.query_selector_all("label").unwrap();
    for i in 0..labels.length() {
        let label: Element = labels.item(i).unwrap().unchecked_into();
        if label.text_content().unwrap_or_default().trim() == label_text {
            let id = label
                .get_attribute("for")
                .expect("label has a for attribute");
            return document()
                .get_element_by_id(&id)
                .unwrap_or_else(|| panic!("label {label_text:?} points at missing #{id}"))
                .unchecked_into();
        }
    }
    panic!("no label with text {label_text:?}");
}

/// Types a value the way the browser reports it: sets it, fires `input`.
pub fn set_value(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let ev = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&ev).unwrap();
}

pub fn click(el: &Element) {
    el.unchecked_ref::<HtmlElement>().click();
}

/// Finds a button by its visible text.
pub fn button(root: &Element, text: &str) -> Element {
    let buttons = root.query_selector_all("button, a").unwrap();
    for i in 0..buttons.length() {
        let b: Element = buttons.item(i).unwrap().unchecked_into();
        if b.text_content().unwrap_or_default().trim() == text {
            return b;
        }
    }
    panic!("no button or link with text {text:?}");
}

pub fn press_key(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

pub fn local_storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

/// The raw text saved under `key`, if any.
pub fn stored(key: &str) -> Option<String> {
    local_storage().get_item(key).unwrap()
}

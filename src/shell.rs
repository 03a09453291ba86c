//! What tools may ask of the app shell: open a route, tell an embedding
//! page a tool finished. It sits below both the app and the tools, so the
//! app depends on the tools and never the reverse. Wasm only.

use crate::embed::{
    message, started_detail, step_detail, Completed, EmbedOptions, MSG_COMPLETED, MSG_STARTED,
    MSG_STEP,
};
use crate::route::Route;
use leptos::prelude::window;
use serde_json::Value;
use std::cell::{Cell, RefCell};

thread_local! {
    /// Embed options are fixed for the life of the page: the loader sets them
    /// once in the iframe URL. Kept with the raw query (`frame=…&origin=…`),
    /// so routes inside an embed stay embedded.
    static EMBED: RefCell<Option<(EmbedOptions, String)>> = const { RefCell::new(None) };
}

/// Records the embed options of this page load (the app does, at mount).
pub fn set_embed(embed: Option<(EmbedOptions, String)>) {
    EMBED.with(|e| *e.borrow_mut() = embed);
}

/// The embed options and raw embed query, when running as a widget.
pub fn embed_state() -> Option<(EmbedOptions, String)> {
    EMBED.with(|e| e.borrow().clone())
}

/// Whether the app runs as an embedded widget.
pub fn is_embedded() -> bool {
    EMBED.with(|e| e.borrow().is_some())
}

/// The embed options alone, when running as a widget.
pub fn embed_options() -> Option<EmbedOptions> {
    EMBED.with(|e| e.borrow().as_ref().map(|(o, _)| o.clone()))
}

/// Sends one message to the host page. Only to `window.parent`, only with
/// the host origin the loader passed as `targetOrigin` (never `*`), and
/// always with the frame id so several widgets on one page stay apart.
pub fn post(kind: &str, payload: Value) {
    let Some(opts) = embed_options() else { return };
    let Some(origin) = opts.parent_origin.as_deref() else {
        return;
    };
    let text = message(kind, &opts.frame_id, payload).to_string();
    let Ok(data) = js_sys::JSON::parse(&text) else {
        return;
    };
    if let Ok(Some(parent)) = window().parent() {
        // Posting to a window whose origin differs from `origin` is silently
        // dropped by the browser, which is exactly the guarantee we want.
        let _ = parent.post_message(&data, origin);
    }
}

/// Tells the host page that a tool finished (`stagecraft:completed`).
/// A no-op outside an embed, so tools can call it unconditionally.
pub fn report_completed(c: Completed) {
    post(MSG_COMPLETED, c.detail());
}

thread_local! {
    /// Whether `stagecraft:started` went out already: once per page load.
    static STARTED: Cell<bool> = const { Cell::new(false) };
    /// What the widget waits to do until the visitor has begun.
    static ON_START: RefCell<Option<Box<dyn FnOnce()>>> = const { RefCell::new(None) };
}

/// Runs `f` when the visitor begins (the first answer or keystroke in a
/// widget): a widget keeps quiet about storage until then.
pub fn on_started(f: Box<dyn FnOnce()>) {
    ON_START.with(|s| *s.borrow_mut() = Some(f));
}

/// Tells the host page the visitor began (`stagecraft:started`), the first
/// time a tool calls it; later calls do nothing. A no-op outside an embed.
pub fn report_started() {
    let Some(opts) = embed_options() else { return };
    if !STARTED.with(|s| s.replace(true)) {
        post(MSG_STARTED, started_detail(opts.tool));
        if let Some(f) = ON_START.with(|s| s.borrow_mut().take()) {
            f();
        }
    }
}

/// Tells the host page the visitor reached step `step` of `of`
/// (`stagecraft:step`). A no-op outside an embed.
pub fn report_step(step: usize, of: usize) {
    if let Some(opts) = embed_options() {
        post(MSG_STEP, step_detail(opts.tool, step, of));
    }
}

/// Opens a route: the hash changes and the app's `hashchange` listener
/// re-renders.
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}

thread_local! {
    /// What the visitor did on the prerendered first screen before the wasm
    /// arrived: (input id, typed text) and (radio group name, picked value).
    static PREFILL: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Reads what the visitor already typed or picked in the static first
/// screen inside `host` (see `scripts/prerender.mjs`), before the app
/// replaces it. Only controls the visitor changed are kept: an untouched
/// field's build-time value is not a choice. Returns the id of the control
/// that had focus, so the app can put focus back on its own copy.
pub fn capture_prefill(host: &web_sys::Element) -> Option<String> {
    use wasm_bindgen::JsCast;
    let mut found = Vec::new();
    if let Ok(list) = host.query_selector_all("input, textarea") {
        for i in 0..list.length() {
            let Some(node) = list.item(i) else { continue };
            if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
                let kind = input.type_();
                if kind == "radio" || kind == "checkbox" {
                    if input.checked() && !input.default_checked() {
                        found.push((input.name(), input.value()));
                    }
                } else if input.value() != input.default_value() && !input.id().is_empty() {
                    found.push((input.id(), input.value()));
                }
            } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                if Ok(area.value()) != area.default_value() && !area.id().is_empty() {
                    found.push((area.id(), area.value()));
                }
            }
        }
    }
    PREFILL.with(|p| *p.borrow_mut() = found);
    let active = leptos::prelude::document().active_element()?;
    (host.contains(Some(&active)) && !active.id().is_empty()).then(|| active.id())
}

/// Hands a tool what the visitor typed into the control `key` (an id, or a
/// radio group's name) on the static first screen, once: a later mount of
/// the same tool starts from its saved data only.
pub fn take_prefill(key: &str) -> Option<String> {
    PREFILL.with(|p| {
        let mut list = p.borrow_mut();
        let at = list.iter().position(|(k, _)| k == key)?;
        Some(list.remove(at).1)
    })
}

//! What tools may ask of the app shell: open a route, tell an embedding
//! page a tool finished. It sits below both the app and the tools, so the
//! app depends on the tools and never the reverse. Wasm only.

use crate::embed::{message, Completed, EmbedOptions, MSG_COMPLETED};
use crate::route::Route;
use leptos::prelude::window;
use serde_json::Value;
use std::cell::RefCell;

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

/// Opens a route: the hash changes and the app's `hashchange` listener
/// re-renders.
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}

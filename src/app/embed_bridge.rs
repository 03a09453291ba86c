//! Talking to the host page when Stagecraft runs inside the loader's iframe.
//!
//! Messages go only to `window.parent`, only with the host origin the loader
//! passed in the URL as `targetOrigin` (never `*`), and always carry the
//! frame id so several widgets on one page stay apart. The widget accepts no
//! inbound messages at all, so a forged message can't change it.

use super::EMBED;
use crate::embed::{message, Completed, EmbedOptions, MSG_COMPLETED, MSG_READY, MSG_RESIZE};
use crate::route::{Location, Route};
use leptos::prelude::*;
use leptos_use::use_resize_observer;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};

/// Whether the app runs as an embedded widget.
pub fn is_embedded() -> bool {
    EMBED.with(|e| e.borrow().is_some())
}

fn embed_options() -> Option<EmbedOptions> {
    EMBED.with(|e| e.borrow().as_ref().map(|(o, _)| o.clone()))
}

fn post(kind: &str, payload: Value) {
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

/// Announces the widget and reports its height whenever the layout changes,
/// so the loader can size the iframe with no inner scrollbar.
pub fn start(opts: EmbedOptions, root: NodeRef<leptos::html::Div>) {
    let tool = opts.tool.slug();
    let last_height = StoredValue::new(0i32);
    let send_height = move |el: &web_sys::Element| {
        let height = el
            .scroll_height()
            .max(el.get_bounding_client_rect().height().ceil() as i32);
        if height != last_height.get_value() {
            last_height.set_value(height);
            post(MSG_RESIZE, json!({ "height": height }));
        }
    };
    let _ = use_resize_observer(root, move |entries, _| {
        if let Some(entry) = entries.first() {
            send_height(&entry.target());
        }
    });
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        match root.get() {
            Some(el) => {
                post(MSG_READY, json!({ "tool": tool }));
                send_height(&el);
                true
            }
            None => false,
        }
    });
}

/// Inside an embed, hash changes within the same tool (a wizard step, a
/// share link) must keep the embed options; returns the corrected location.
pub fn keep_embedded(next: &Location) -> Option<Location> {
    let (opts, query) = EMBED.with(|e| e.borrow().clone())?;
    if next.embed.is_some() {
        return None;
    }
    let rest = match &next.route {
        Route::Tool { tool, rest } if *tool == opts.tool => rest.clone(),
        _ => String::new(),
    };
    let hash = if rest.is_empty() {
        format!("#/embed/{}?{}", opts.tool.slug(), query)
    } else {
        format!("#/embed/{}/{}?{}", opts.tool.slug(), rest, query)
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&hash));
    }
    Some(Location {
        route: Route::Tool {
            tool: opts.tool,
            rest,
        },
        embed: Some(opts),
    })
}

fn full_app_url(hash: &str) -> String {
    let loc = window().location();
    format!(
        "{}{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default(),
        hash
    )
}

/// A click on a link to another tool leaves the widget: it opens the full
/// app in a new tab instead of replacing the embedded tool.
pub fn open_other_tools_in_new_tab(ev: &web_sys::MouseEvent) {
    let Some(opts) = embed_options() else { return };
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(Some(anchor)) = target.closest("a[href^='#/']") else {
        return;
    };
    let href = anchor.get_attribute("href").unwrap_or_default();
    let stays = matches!(
        crate::route::parse_hash(&href).route,
        Route::Tool { tool, .. } if tool == opts.tool
    );
    if !stays {
        ev.prevent_default();
        let _ = window().open_with_url_and_target_and_features(
            &full_app_url(&href),
            "_blank",
            "noopener",
        );
    }
}

/// The small link that ends every embed.
pub fn open_full_app_link(location: RwSignal<Location>) -> impl IntoView {
    let href = move || location.with(|l| full_app_url(&l.route.href()));
    view! {
        <footer class="sc-embed-footer">
            <a href=href target="_blank" rel="noopener">
                "Open full app"
                <span class="sc-visually-hidden">" (opens in a new tab)"</span>
            </a>
        </footer>
    }
}

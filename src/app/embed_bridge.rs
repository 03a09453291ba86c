//! Talking to the host page when Stagecraft runs inside the loader's iframe.
//!
//! Messages go out through `crate::shell::post` (only to `window.parent`,
//! only to the host's origin, always with the frame id). The widget accepts
//! no inbound messages at all, so a forged message can't change it.

use crate::embed::{EmbedOptions, MSG_READY, MSG_RESIZE};
use crate::route::{Location, Route};
use crate::shell::{embed_options, embed_state, post};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde_json::json;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Announces the widget and reports its height whenever the layout changes,
/// so the loader can size the iframe with no inner scrollbar.
pub fn start(opts: EmbedOptions, root: NodeRef<leptos::html::Div>) {
    let tool = opts.tool.slug();
    let last_height = StoredValue::new(0i32);
    // The flow on screen (`data-sc-steady`: the audit's questions, the
    // wizard's steps). Within one, the widget keeps the tallest height it
    // has had: a shorter question must not pull the host page up only for
    // the next one to push it back down.
    let steady = StoredValue::new(None::<String>);
    let send_height = move |el: &web_sys::Element| {
        let mut height = el
            .scroll_height()
            .max(el.get_bounding_client_rect().height().ceil() as i32);
        let flow = el
            .query_selector("[data-sc-steady]")
            .ok()
            .flatten()
            .and_then(|f| f.get_attribute("data-sc-steady"));
        if flow.is_some() && steady.with_value(|s| *s == flow) {
            height = height.max(last_height.get_value());
        }
        steady.set_value(flow);
        if height != last_height.get_value() {
            last_height.set_value(height);
            post(MSG_RESIZE, json!({ "height": height }));
        }
    };
    // One observer for the page's life, watching the root once it exists.
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
            send_height(&entry.target());
        }
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    let held = SendWrapper::new((observer.clone(), on_resize));
    on_cleanup(move || {
        let (observer, _callback) = held.take();
        if let Some(o) = observer {
            o.disconnect();
        }
    });
    // The visitor's first answer or keystroke in any tool is the host's
    // `stagecraft:started`; only real input fires these events (the app's
    // own restoring of saved work sets values without them).
    for name in ["input", "change"] {
        crate::components::listen::listen(document(), name, |_| crate::shell::report_started());
    }
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        match root.get() {
            Some(el) => {
                post(MSG_READY, json!({ "tool": tool }));
                send_height(&el);
                if let Some(o) = &observer {
                    o.observe(&el);
                }
                true
            }
            None => false,
        }
    });
}

/// Inside an embed, hash changes within the same tool (a wizard step, a
/// share link) must keep the embed options; returns the corrected location.
pub fn keep_embedded(next: &Location) -> Option<Location> {
    let (opts, query) = embed_state()?;
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

/// The small link that ends every embed, unless the marketer hid it
/// (`data-stagecraft-hide-open-app`).
pub fn open_full_app_link(location: RwSignal<Location>) -> impl IntoView {
    let hidden = embed_options().is_some_and(|o| o.marketing.hide_open_app);
    let href = move || location.with(|l| full_app_url(&l.route.href()));
    (!hidden).then(|| {
        view! {
            <footer class="sc-embed-footer">
                <a href=href target="_blank" rel="noopener">
                    "Open full app"
                    <span class="sc-visually-hidden">" (opens in a new tab)"</span>
                </a>
            </footer>
        }
    })
}

//! Storage that asks: a widget in a third-party frame whose browser blocks
//! storage works in memory, and, once the visitor has answered something,
//! offers "Keep my answers on this device" through the Storage Access API.
//!
//! The asking itself is a few lines of JavaScript in the boot script
//! (`window.scStorageAccess` in `embed/boot.js`, defined only where the
//! browser has `document.requestStorageAccess`): Chrome's form of the call
//! opens `localStorage` and hands it back in a handle, Safari's grants
//! access and the frame's own `localStorage` then works. Kept out of the
//! wasm, where the same promise juggling costs every page kilobytes.

use crate::storage::browser::{adopt_storage, Notice, Notices};
use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

const HELPER: &str = "scStorageAccess";

/// Whether this browser can ask for storage access.
pub fn can_ask() -> bool {
    Reflect::has(&window(), &HELPER.into()).unwrap_or(false)
}

/// Asks for storage (or, `silent`, takes it only if the visitor allowed it
/// before, with no prompt) and moves this visit's answers into it. True
/// once they are kept on this device.
pub async fn keep(silent: bool) -> bool {
    let granted = async {
        let f: Function = Reflect::get(&window(), &HELPER.into())
            .ok()?
            .dyn_into()
            .ok()?;
        let promise: Promise = f
            .call1(&JsValue::NULL, &silent.into())
            .ok()?
            .dyn_into()
            .ok()?;
        // Whatever has Storage's methods will do (no `instanceof` check):
        // what the browser hands back is its own `localStorage`.
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .filter(JsValue::is_object)
            .map(JsCast::unchecked_into::<web_sys::Storage>)
    };
    granted.await.is_some_and(adopt_storage)
}

/// A visitor who allowed storage on an earlier visit gets it back at once,
/// and their saved progress replaces the empty start.
pub fn restore_if_allowed(notices: Notices) {
    if can_ask() {
        leptos::task::spawn_local(async move {
            if keep(true).await {
                notices.remove(&Notice::MemoryOnly);
            }
        });
    }
}

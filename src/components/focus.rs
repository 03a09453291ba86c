//! Moving focus to something the view is about to (re)build.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves focus to the element with DOM id `id` once the view has rendered
/// it: a new row, the next step's heading, a rebuilt list. Waiting a frame
/// lets the reactive update land first; if the element never appears,
/// nothing happens.
pub fn focus_after_render(id: &str) {
    let id = id.to_owned();
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

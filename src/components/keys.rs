//! Keyboard shortcuts must never steal keys from someone typing.

use wasm_bindgen::JsCast;

/// Whether a key press happened inside a control that takes text (a text,
/// number or date input, a textarea, a select, or anything editable), so a
/// tool's one-key shortcuts leave it alone. Radio buttons, checkboxes and
/// buttons are not text controls: shortcuts still work on them.
pub fn in_text_control(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    if el.is_content_editable() {
        return true;
    }
    match el.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => {
            let kind = el
                .get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            !matches!(
                kind.as_str(),
                "checkbox" | "radio" | "button" | "submit" | "reset"
            )
        }
        _ => false,
    }
}

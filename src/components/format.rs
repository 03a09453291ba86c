//! Number formatting in the reader's locale through the browser's own
//! `Intl.NumberFormat`: correct separators for free, and no formatting
//! tables compiled into the wasm. Inputs are sanitised first, so NaN,
//! infinities and negative zero never reach the screen.

use crate::numbers::finite_non_negative;
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

fn format_with(value: f64, options: &[(&str, JsValue)]) -> String {
    let opts = Object::new();
    for (k, v) in options {
        let _ = Reflect::set(&opts, &JsValue::from_str(k), v);
    }
    let formatter = Intl::NumberFormat::new(&Array::new(), &opts);
    let format = formatter.format();
    format
        .call1(
            &JsValue::UNDEFINED,
            &JsValue::from_f64(finite_non_negative(value)),
        )
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| format!("{:.0}", finite_non_negative(value)))
}

/// A money amount in US dollars, without cents (`$12,400`).
pub fn money(value: f64) -> String {
    format_with(
        value,
        &[
            ("style", "currency".into()),
            ("currency", "USD".into()),
            ("maximumFractionDigits", 0.into()),
            ("minimumFractionDigits", 0.into()),
        ],
    )
}

/// A plain number with exactly `decimals` decimals (`1,234.5`).
pub fn number(value: f64, decimals: u8) -> String {
    format_with(
        value,
        &[
            ("maximumFractionDigits", decimals.into()),
            ("minimumFractionDigits", decimals.into()),
        ],
    )
}

/// A percentage given in percent units: `percent(22.4, 1)` is `22.4%`.
pub fn percent(value_in_percent: f64, decimals: u8) -> String {
    format!("{}%", number(value_in_percent, decimals))
}

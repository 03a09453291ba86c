//! Learns a locale's number conventions from the browser's own
//! `Intl.NumberFormat`, so the pure parser reads exactly what the screen
//! writes, in any locale, with no tables in the wasm.
//!
//! Each locale is asked once (`formatToParts` of two sample numbers) and
//! remembered for the page's lifetime: fields parse on every keystroke.

use super::locale::{Grouping, NumberLocale};
use js_sys::{Array, Function, Intl, Reflect};
use std::borrow::Cow;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// (requested tag, what Intl said), in the order first asked.
    static LEARNED: RefCell<Vec<(String, NumberLocale)>> = const { RefCell::new(Vec::new()) };
}

/// The user's preferred locale tag: the first of `navigator.languages`
/// (the order the user set), else `navigator.language`, else `en-US`.
pub fn browser_tag() -> String {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return "en-US".into();
    };
    nav.languages()
        .get(0)
        .as_string()
        .or_else(|| nav.language())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "en-US".into())
}

/// The number conventions of the user's own locale.
pub fn user_number_locale() -> NumberLocale {
    number_locale(&browser_tag())
}

/// The number conventions Intl uses for `tag`, learned on first use.
/// A tag Intl rejects (malformed) falls back to its preset, or US
/// conventions, rather than failing: a field must always parse.
pub fn number_locale(tag: &str) -> NumberLocale {
    if let Some(known) = LEARNED.with_borrow(|l| {
        l.iter()
            .find(|(t, _)| t == tag)
            .map(|(_, locale)| locale.clone())
    }) {
        return known;
    }
    let locale = learn(tag).unwrap_or_else(|| NumberLocale::preset(tag).unwrap_or_default());
    LEARNED.with_borrow_mut(|l| l.push((tag.to_owned(), locale.clone())));
    locale
}

/// `new Intl.NumberFormat(tag)`, or `None` where it throws (a malformed
/// tag is a `RangeError`, which the plain binding would turn into a trap).
fn number_format(tag: &str) -> Option<Intl::NumberFormat> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let ctor: Function = Reflect::get(&intl, &JsValue::from_str("NumberFormat"))
        .ok()?
        .dyn_into()
        .ok()?;
    Reflect::construct(&ctor, &Array::of1(&JsValue::from_str(tag)))
        .ok()
        .map(JsCast::unchecked_into)
}

/// The `(type, value)` pairs Intl writes for `x`.
fn parts(format: &Intl::NumberFormat, x: f64) -> Vec<(String, String)> {
    let text = |p: &JsValue, key: &str| {
        Reflect::get(p, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    format
        .format_to_parts(x)
        .iter()
        .map(|p| (text(&p, "type"), text(&p, "value")))
        .collect()
}

fn first_char(parts: &[(String, String)], kind: &str) -> Option<char> {
    parts
        .iter()
        .find(|(t, _)| t == kind)
        .and_then(|(_, v)| v.chars().next())
}

/// Reads the separators off 1234567.5 (decimal, group, and the group
/// sizes: Indian grouping writes 12,34,567) and 1234.5 (whether four-digit
/// numbers are grouped at all, which es-ES does not do).
fn learn(tag: &str) -> Option<NumberLocale> {
    let format = number_format(tag)?;
    let big = parts(&format, 1_234_567.5);
    let decimal = first_char(&big, "decimal")?;
    // Digits other than ASCII (Arabic-Indic, say) would need more than
    // separators; keep US conventions there rather than misreading.
    if decimal != '.' && decimal != ',' {
        return None;
    }
    let other = if decimal == '.' { ',' } else { '.' };
    let group = first_char(&big, "group");
    let ints: Vec<usize> = big
        .iter()
        .filter(|(t, _)| t == "integer")
        .map(|(_, v)| v.chars().count())
        .collect();
    let grouping = if ints.len() > 2 && ints[1..ints.len() - 1].contains(&2) {
        Grouping::Indian
    } else {
        Grouping::Standard
    };
    let small_grouped = first_char(&parts(&format, 1234.5), "group").is_some();
    let resolved = format.resolved_options();
    let resolved_tag = Reflect::get(&resolved, &JsValue::from_str("locale"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| tag.to_owned());
    Some(NumberLocale {
        tag: Cow::Owned(resolved_tag),
        decimal,
        group: group.unwrap_or(other),
        grouping,
        // A locale that never groups is written ungrouped below 10^20.
        min_grouping: match (group, small_grouped) {
            (None, _) => 18,
            (Some(_), true) => 1,
            (Some(_), false) => 2,
        },
    })
}

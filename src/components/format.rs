//! Number formatting in the reader's locale through the browser's own
//! `Intl.NumberFormat`: correct separators for free, and no formatting
//! tables compiled into the wasm. Inputs are sanitised first, so NaN,
//! infinities and negative zero never reach the screen.

use crate::numbers::{currency_minor_digits, default_currency, finite_non_negative};
use js_sys::{Array, Intl, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

thread_local! {
    /// The currency every amount is written in. A signal, so changing it
    /// in the header redraws every amount on screen at once; reference
    /// counted rather than owned by whichever view read it first, so it
    /// outlives every screen (and every mount in the browser tests).
    static CURRENCY: ArcRwSignal<&'static str> = ArcRwSignal::new(default_currency(
        &crate::numbers::browser::browser_tag(),
    ));
}

/// The currency amounts are shown in (tracked: a view reading it redraws
/// when it changes).
pub fn currency() -> &'static str {
    CURRENCY.with(|c| c.get())
}

/// Switches every amount to `code` (one of `numbers::CURRENCIES`).
pub fn set_currency(code: &'static str) {
    CURRENCY.with(|c| {
        if c.get_untracked() != code {
            c.set(code);
        }
    });
    // Copied and downloaded text is built by pure code; give it the same
    // formatter the screen uses.
    crate::text::set_money_formatter(money_text);
}

/// The chosen currency's sign in the user's locale (`$`, `€`, `₹`), for
/// the unit inside a money field.
pub fn currency_symbol() -> String {
    let code = currency();
    let opts = Object::new();
    let _ = Reflect::set(&opts, &"style".into(), &"currency".into());
    let _ = Reflect::set(&opts, &"currency".into(), &code.into());
    let formatter = Intl::NumberFormat::new(&Array::new(), &opts);
    let parts = formatter.format_to_parts(0.0);
    parts
        .iter()
        .find(|p| {
            Reflect::get(p, &"type".into())
                .ok()
                .and_then(|t| t.as_string())
                .is_some_and(|t| t == "currency")
        })
        .and_then(|p| Reflect::get(&p, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| code.to_owned())
}

/// A formatter in the user's locale with the given options.
fn formatter(options: &[(&str, JsValue)]) -> Intl::NumberFormat {
    let opts = Object::new();
    for (k, v) in options {
        let _ = Reflect::set(&opts, &JsValue::from_str(k), v);
    }
    Intl::NumberFormat::new(&Array::new(), &opts)
}

/// One field of an `Intl` part (`type`, `value`).
fn part(p: &JsValue, key: &str) -> String {
    Reflect::get(p, &key.into())
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_default()
}

fn format_with(value: f64, options: &[(&str, JsValue)]) -> String {
    format_by(&formatter(options), value)
}

fn format_by(formatter: &Intl::NumberFormat, value: f64) -> String {
    let format = formatter.format();
    format
        .call1(
            &JsValue::UNDEFINED,
            &JsValue::from_f64(finite_non_negative(value)),
        )
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| crate::numbers::format::shortest(finite_non_negative(value).round()))
}

/// A money amount in the chosen currency, without cents (`$12,400`,
/// `12.400 €`).
pub fn money(value: f64) -> String {
    format_with(
        value,
        &[
            ("style", "currency".into()),
            ("currency", currency().into()),
            ("maximumFractionDigits", 0.into()),
            ("minimumFractionDigits", 0.into()),
        ],
    )
}

/// A money amount for a card that may overflow: compact from a billion on
/// ("1,4 Mrd. €", "$1.4B"), the full figure below.
pub fn money_short(value: f64) -> String {
    if finite_non_negative(value) < 1e9 {
        return money(value);
    }
    money_compact(value)
}

/// A money amount for a sentence, always compact ("$32.7K", "32,7 k €"):
/// the headline reads at a glance. Some locales have no short currency
/// form for thousands (German writes "32.695,4 €"), so when the short form
/// leaves a figure of a thousand or more whole, its digits are replaced by
/// the locale's long compact number, keeping the currency where the
/// locale puts it ("32,7 Tausend €").
pub fn money_compact(value: f64) -> String {
    let v = finite_non_negative(value);
    let short = formatter(&[
        ("style", "currency".into()),
        ("currency", currency().into()),
        ("notation", "compact".into()),
        ("maximumFractionDigits", 1.into()),
    ]);
    let parts = short.format_to_parts(v);
    if v < 1000.0 || parts.iter().any(|p| part(&p, "type") == "compact") {
        return format_by(&short, v);
    }
    let long = format_with(
        v,
        &[
            ("notation", "compact".into()),
            ("compactDisplay", "long".into()),
            ("maximumFractionDigits", 1.into()),
        ],
    );
    let mut out = String::new();
    for p in parts.iter() {
        match part(&p, "type").as_str() {
            "integer" | "group" | "decimal" | "fraction" => {
                if !out.contains(&long) {
                    out.push_str(&long);
                }
            }
            _ => out.push_str(&part(&p, "value")),
        }
    }
    out
}

/// Money for copied and downloaded text: the minor units only when there
/// are some ("$1,250.50", "$12,000"), as the pure `text::format_money`
/// writes, but in the chosen currency and the user's locale. Tracked, so
/// a memo building a summary rebuilds when the currency changes.
pub fn money_text(value: f64) -> String {
    let code = currency();
    let digits = currency_minor_digits(code);
    let v = finite_non_negative(value);
    let scale = 10f64.powi(i32::from(digits));
    let shown = if (v * scale).round() % scale == 0.0 {
        0
    } else {
        digits
    };
    format_with(
        v,
        &[
            ("style", "currency".into()),
            ("currency", code.into()),
            ("maximumFractionDigits", shown.into()),
            ("minimumFractionDigits", shown.into()),
        ],
    )
}

/// Today's date as the user's locale writes it (`Intl.DateTimeFormat`,
/// medium style: "Dec 2, 2026", "02.12.2026"), in their own time zone.
pub fn today_long() -> String {
    let opts = Object::new();
    let _ = Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
    js_sys::Date::new_0()
        .to_locale_date_string("default", &opts)
        .as_string()
        .unwrap_or_default()
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

/// A percentage as the user's locale writes it, sign and spacing included
/// (`52%` in English, `52 %` in German and French), for sentences such as
/// the headline. Figures in cards and tables keep [`percent`].
pub fn percent_locale(value_in_percent: f64, decimals: u8) -> String {
    format_with(
        value_in_percent / 100.0,
        &[
            ("style", "percent".into()),
            ("maximumFractionDigits", decimals.into()),
            ("minimumFractionDigits", decimals.into()),
        ],
    )
}

//! The user's locale, learned once per page and read by every field.
//!
//! Models stay pure: they ask [`read`] with a kind and limits, and the
//! locale comes from here. In the browser it is learned from Intl on first
//! use (so every tool, the embed and the browser tests agree); natively it
//! is US conventions unless a test sets another with [`set_user_locale`].

use super::{parse_with, FieldKind, NumberError, NumberLocale, NumberRules, Parsed};
use std::cell::RefCell;

thread_local! {
    static USER: RefCell<Option<NumberLocale>> = const { RefCell::new(None) };
}

/// The number conventions every field reads and writes with.
pub fn user_locale() -> NumberLocale {
    USER.with_borrow_mut(|slot| slot.get_or_insert_with(learn).clone())
}

/// Replaces the user's locale (tests; a future locale setting).
pub fn set_user_locale(locale: NumberLocale) {
    USER.with_borrow_mut(|slot| *slot = Some(locale));
}

#[cfg(target_arch = "wasm32")]
fn learn() -> NumberLocale {
    super::browser::user_number_locale()
}

#[cfg(not(target_arch = "wasm32"))]
fn learn() -> NumberLocale {
    NumberLocale::default()
}

/// The one parser behind every numeric field: `raw` read in the user's
/// locale as a `kind` with `rules`' limits. An empty optional field is
/// `Ok(None)`.
pub fn read_parsed(
    raw: &str,
    kind: FieldKind,
    rules: NumberRules,
) -> Result<Option<Parsed>, NumberError> {
    USER.with_borrow_mut(|slot| parse_with(raw, slot.get_or_insert_with(learn), kind, rules))
}

/// [`read_parsed`], keeping only the value.
pub fn read(raw: &str, kind: FieldKind, rules: NumberRules) -> Result<Option<f64>, NumberError> {
    read_parsed(raw, kind, rules).map(|p| p.map(|p| p.value))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::numbers::NumberError;

    /// Runs `f` with `locale` as the user's, then puts US back (tests share
    /// threads).
    fn with_locale<R>(locale: NumberLocale, f: impl FnOnce() -> R) -> R {
        set_user_locale(locale);
        let out = f();
        set_user_locale(NumberLocale::EN_US);
        out
    }

    #[test]
    fn every_tool_reads_german_numbers_the_german_way() {
        with_locale(NumberLocale::DE_DE, || {
            let deal = crate::tools::qualify::model::Deal {
                acv: "60.000".into(),
                stakeholders: "3".into(),
                ..Default::default()
            };
            assert_eq!(deal.acv_value(), Ok(Some(60_000.0)));
            let pain = crate::tools::discovery::model::Pain {
                monthly_cost: "8.000".into(),
                annual_price: "24.000 €".into(),
                ..Default::default()
            };
            assert_eq!(pain.figures().annual, Some(96_000.0));
            assert_eq!(pain.price(), Some(24_000.0));
            assert_eq!(
                crate::tools::discovery::model::parse_section_minutes("12,5"),
                Ok(750)
            );
        });
    }

    #[test]
    fn a_comma_decimal_in_a_us_browser_is_refused_with_both_readings() {
        with_locale(NumberLocale::EN_US, || {
            let e = read("12,5", FieldKind::Days, FieldKind::Days.rules()).unwrap_err();
            assert!(matches!(e, NumberError::Ambiguous(_)), "{e:?}");
            let text = e.to_string();
            assert!(text.contains("125") && text.contains("12.5"), "{text}");
            assert_eq!(
                read("24,000", FieldKind::Money, FieldKind::Money.rules()),
                Ok(Some(24_000.0))
            );
        });
    }
}

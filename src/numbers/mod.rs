//! Parsing and validating what people type into number fields.
//!
//! Fields keep the raw text (so nothing typed is ever lost) and derive the
//! number, or an error message, from it with these pure functions.
//!
//! - [`parse_number`] reads US-style text (kept for pasted data such as
//!   imports); every field reads through [`read`] in the user's locale.
//! - [`parse_localized`] / [`parse_with`] read text in the user's locale
//!   ([`NumberLocale`]), refusing what has two readings instead of
//!   guessing; [`format_plain`] writes numbers exactly as Intl does, so
//!   the two are tested against each other in every preset.
//! - `browser` (wasm only) learns a [`NumberLocale`] from the real Intl.

use thiserror::Error;

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod format;
mod locale;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod locale_tests;
mod parse;
mod user;

pub use format::{format_plain, plain_digits};
pub use locale::{
    currency_minor_digits, default_currency, is_space_group, Grouping, NumberLocale, CURRENCIES,
    NARROW_NBSP, SWISS_APOSTROPHE,
};
pub use parse::{as_understood, parse_localized, parse_with, FieldKind, Parsed, MAX_AMOUNT};
pub use user::{read, read_parsed, set_user_locale, user_locale};

/// What kind of number a field holds; decides the limits and the wording.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberRules {
    /// Whole numbers only (counts, days of a stage are fine as decimals).
    pub integer: bool,
    /// Largest accepted value, if any.
    pub max: Option<f64>,
    /// Whether an empty field is an error or simply "no value yet".
    pub required: bool,
}

impl NumberRules {
    /// A count of things: 0, 1, 2, …
    pub const COUNT: NumberRules = NumberRules {
        integer: true,
        max: None,
        required: true,
    };
    /// A money amount from 0 to one trillion ([`MAX_AMOUNT`]): every money
    /// field starts from this rule, so none accepts an amount whose
    /// products would stop being exact.
    pub const MONEY: NumberRules = NumberRules {
        integer: false,
        max: Some(MAX_AMOUNT),
        required: true,
    };
    /// A percentage from 0 to 100.
    pub const PERCENT: NumberRules = NumberRules {
        integer: false,
        max: Some(100.0),
        required: true,
    };
    /// A duration in days, at most ten years.
    pub const DAYS: NumberRules = NumberRules {
        integer: false,
        max: Some(3650.0),
        required: true,
    };

    /// The same rules, but an empty field is allowed (parses to `None`).
    pub const fn optional(self) -> NumberRules {
        NumberRules {
            required: false,
            ..self
        }
    }
}

/// Why a field's text is not an acceptable number. The messages are shown
/// under the field, so they say what to do.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum NumberError {
    #[error("Enter a number.")]
    Empty,
    #[error("Use digits only, for example 1250.")]
    NotANumber,
    #[error("Enter 0 or more.")]
    Negative,
    #[error("Enter a whole number.")]
    NotWhole,
    #[error("Enter {} or less.", format::shortest(*max))]
    TooLarge { max: f64 },
    /// "1e5" is a programmer's notation; a field that accepted it silently
    /// would also accept a mistyped "1e5" for "15".
    #[error("Write the number out in full, such as 100000 for 1e5.")]
    Scientific,
    /// The text has two plausible readings; boxed so every `Result` that
    /// carries a `NumberError` stays small.
    #[error(
        "{} or {}? Type {} or {}.",
        .0.first,
        .0.second,
        .0.type_first,
        .0.type_second
    )]
    Ambiguous(Box<Readings>),
    /// Above `MAX_AMOUNT`: a typo (a digit too many) far more often than
    /// a real deal.
    #[error("Enter an amount of one trillion or less.")]
    AmountTooLarge,
    /// "60k" outside a money field: shorthand for a count or a percentage
    /// is almost always a slip.
    #[error("Type the full number here; shorthand such as 60k is for amounts.")]
    NoShorthand,
}

/// The two readings of an ambiguous entry: `first`/`second` as the locale
/// writes them (`24 000`, `24,0`), `type_first`/`type_second` as the user
/// can type each one unambiguously (`24000`, `24,0`).
#[derive(Debug, Clone, PartialEq)]
pub struct Readings {
    pub first: String,
    pub second: String,
    pub type_first: String,
    pub type_second: String,
}

/// Parses a field. Thousands separators, spaces, and a leading currency
/// sign or trailing `%` are tolerated because people paste them.
pub fn parse_number(raw: &str, rules: NumberRules) -> Result<Option<f64>, NumberError> {
    let cleaned: String = raw
        .trim()
        .trim_start_matches(['$', '€', '£', '¥'])
        .trim_end_matches('%')
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
        .collect();
    if cleaned.is_empty() {
        return if rules.required {
            Err(NumberError::Empty)
        } else {
            Ok(None)
        };
    }
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
    {
        return Err(NumberError::NotANumber);
    }
    let value = format::parse_decimal(&cleaned).ok_or(NumberError::NotANumber)?;
    if !value.is_finite() {
        return Err(NumberError::NotANumber);
    }
    if value < 0.0 {
        return Err(NumberError::Negative);
    }
    if rules.integer && value.fract() != 0.0 {
        return Err(NumberError::NotWhole);
    }
    if let Some(max) = rules.max {
        if value > max {
            return Err(NumberError::TooLarge { max });
        }
    }
    Ok(Some(value + 0.0))
}

/// Parses a required field straight to a number.
pub fn parse_required(raw: &str, rules: NumberRules) -> Result<f64, NumberError> {
    parse_number(
        raw,
        NumberRules {
            required: true,
            ..rules
        },
    )
    .map(|v| v.unwrap_or(0.0))
}

/// Makes any computed value safe to show: NaN, infinities and negatives
/// (including -0) become 0.
pub fn finite_non_negative(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 {
        x
    } else {
        0.0
    }
}

// Native only: proptest is not a wasm32 dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_money_field_stops_at_one_trillion() {
        use crate::tools::benchmarks::model::{BenchmarksDoc, Field};
        use crate::tools::discovery::model::{Pain, MONEY_RULES};
        use crate::tools::qualify::model::{Deal, ACV_RULES};
        let rules = [
            ("qualify ACV", ACV_RULES),
            ("discovery pain", MONEY_RULES),
            ("deal size", Field::DealSize.rules()),
            ("quota", Field::Quota.rules()),
        ];
        for (name, r) in rules {
            assert_eq!(r.max, Some(MAX_AMOUNT), "{name}");
        }
        let over = "1000000000001";
        let at = "1000000000000";
        let deal = |acv: &str| Deal {
            acv: acv.into(),
            ..Deal::default()
        };
        assert_eq!(deal(over).acv_value(), Err(NumberError::AmountTooLarge));
        assert_eq!(deal(at).acv_value(), Ok(Some(MAX_AMOUNT)));
        assert!(deal("1e308").acv_value().is_err());
        let pain = |monthly: &str, price: &str| Pain {
            monthly_cost: monthly.into(),
            annual_price: price.into(),
            ..Pain::default()
        };
        assert!(!pain(over, "").fields_valid());
        assert!(!pain("", over).fields_valid());
        assert_eq!(pain(over, over).figures().annual, None, "never $0 a year");
        assert_eq!(pain(at, "").figures().annual, Some(12.0 * MAX_AMOUNT));
        for f in [Field::DealSize, Field::Quota] {
            let mut doc = BenchmarksDoc::default();
            doc.apply(crate::tools::benchmarks::model::Action::SetField(
                f,
                over.into(),
            ));
            assert_eq!(doc.parse(f), Err(NumberError::AmountTooLarge), "{f:?}");
        }
        // The shared rule itself, for any field that reads through it.
        assert!(parse_required(over, NumberRules::MONEY).is_err());
        assert_eq!(parse_required(at, NumberRules::MONEY), Ok(MAX_AMOUNT));
    }

    #[test]
    fn accepts_plain_and_pasted_numbers() {
        assert_eq!(parse_required("1250", NumberRules::MONEY), Ok(1250.0));
        assert_eq!(
            parse_required(" $1,250.50 ", NumberRules::MONEY),
            Ok(1250.5)
        );
        assert_eq!(parse_required("45%", NumberRules::PERCENT), Ok(45.0));
        assert_eq!(parse_required("0", NumberRules::COUNT), Ok(0.0));
    }

    #[test]
    fn rejects_with_a_helpful_reason() {
        assert_eq!(
            parse_required("", NumberRules::COUNT),
            Err(NumberError::Empty)
        );
        assert_eq!(
            parse_required("abc", NumberRules::COUNT),
            Err(NumberError::NotANumber)
        );
        assert_eq!(
            parse_required("1.2.3", NumberRules::COUNT),
            Err(NumberError::NotANumber)
        );
        assert_eq!(
            parse_required("-5", NumberRules::MONEY),
            Err(NumberError::Negative)
        );
        assert_eq!(
            parse_required("2.5", NumberRules::COUNT),
            Err(NumberError::NotWhole)
        );
        assert_eq!(
            parse_required("100.1", NumberRules::PERCENT),
            Err(NumberError::TooLarge { max: 100.0 })
        );
        assert_eq!(
            parse_required("3651", NumberRules::DAYS),
            Err(NumberError::TooLarge { max: 3650.0 })
        );
        assert_eq!(
            parse_required("inf", NumberRules::MONEY),
            Err(NumberError::NotANumber)
        );
        assert_eq!(
            parse_required("1e999", NumberRules::MONEY),
            Err(NumberError::NotANumber)
        );
        assert_eq!(
            NumberError::TooLarge { max: 100.0 }.to_string(),
            "Enter 100 or less."
        );
    }

    #[test]
    fn optional_fields_may_be_empty() {
        assert_eq!(parse_number("  ", NumberRules::MONEY.optional()), Ok(None));
        assert_eq!(
            parse_number("7", NumberRules::MONEY.optional()),
            Ok(Some(7.0))
        );
    }

    #[test]
    fn boundaries_are_inclusive() {
        assert_eq!(parse_required("100", NumberRules::PERCENT), Ok(100.0));
        assert_eq!(parse_required("3650", NumberRules::DAYS), Ok(3650.0));
    }

    proptest! {
        #[test]
        fn never_yields_a_negative_or_non_finite_number(s in "\\PC{0,12}") {
            if let Ok(Some(v)) = parse_number(&s, NumberRules::MONEY) {
                prop_assert!(v.is_finite() && v >= 0.0);
            }
        }

        #[test]
        fn safe_values_are_finite_and_non_negative(x in proptest::num::f64::ANY) {
            let y = finite_non_negative(x);
            prop_assert!(y.is_finite() && y >= 0.0);
        }
    }
}

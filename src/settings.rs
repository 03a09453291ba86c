//! Preferences shared by every tool, stored as one small document
//! (`stagecraft.settings`) through the same door as the tools' data, so
//! export, import and reset treat it like any other.

use crate::numbers::CURRENCIES;
use crate::storage::Document;
use serde::{Deserialize, Serialize};

/// What the user chose once for all tools. `None` means "follow the
/// browser's locale", so a user who never chose sees their own currency
/// even after moving to another machine with the same export.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// ISO 4217 code of every amount on screen and in exports.
    pub currency: Option<String>,
    /// Field separator for downloaded spreadsheets: `,` or `;`; `None`
    /// follows the locale (`;` where the decimal mark is a comma).
    pub csv_delimiter: Option<char>,
}

impl Document for Settings {
    const KEY: &'static str = "settings";
    const VERSION: u32 = 1;
}

impl Settings {
    /// The currency to use: the chosen one when it is offered, else the
    /// locale's default.
    pub fn currency_or(&self, default: &'static str) -> &'static str {
        self.currency
            .as_deref()
            .and_then(|c| CURRENCIES.into_iter().find(|k| k.eq_ignore_ascii_case(c)))
            .unwrap_or(default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_or_missing_currency_follows_the_locale() {
        assert_eq!(Settings::default().currency_or("EUR"), "EUR");
        let s = Settings {
            currency: Some("gbp".into()),
            ..Settings::default()
        };
        assert_eq!(s.currency_or("EUR"), "GBP");
        let s = Settings {
            currency: Some("XYZ".into()),
            ..Settings::default()
        };
        assert_eq!(s.currency_or("USD"), "USD");
    }

    #[test]
    fn settings_export_and_import_like_any_document() {
        let s = Settings {
            currency: Some("JPY".into()),
            csv_delimiter: Some(';'),
        };
        let raw = crate::storage::encode(&s);
        assert!(crate::tools::validate_document("stagecraft.settings", &raw).is_ok());
        assert!(crate::tools::validate_document("stagecraft.settings", "{").is_err());
    }
}

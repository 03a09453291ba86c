//! The few facts about a locale that reading and writing numbers needs:
//! its separators, how it groups digits, and which currency its people
//! most likely count in.
//!
//! Kept pure (no `Intl` here) so the parser can be tested natively for
//! every locale. In the browser, `numbers::browser` learns the same facts
//! from the real `Intl.NumberFormat`; the presets below are what current
//! browsers write, and the browser test checks that they agree.

use std::borrow::Cow;

/// How the integer digits are split into groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// Groups of three: 1,234,567.
    Standard,
    /// The Indian system: the last three digits, then pairs: 12,34,567
    /// (lakh and crore). Intl writes it for en-IN, so we must read it.
    Indian,
}

/// A locale's number conventions, as `Intl.NumberFormat` writes them.
///
/// The parser takes this as input instead of asking the browser, so the
/// same rules run (and are tested) natively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberLocale {
    /// The BCP 47 tag these facts were learned for (`de-DE`); it also picks
    /// the shorthand words people use (`Mio.`, `lakh`).
    pub tag: Cow<'static, str>,
    /// What separates the whole part from the fraction: `.` or `,`.
    pub decimal: char,
    /// What Intl writes between digit groups. Other group marks are read
    /// too (see `is_space_group`), but this one is the locale's own.
    pub group: char,
    /// Threes, or the Indian lakh/crore grouping.
    pub grouping: Grouping,
    /// Intl leaves numbers with fewer integer digits than
    /// `3 + min_grouping` ungrouped: es-ES writes 1234 but 12.345, so it
    /// has 2; every other preset has 1.
    pub min_grouping: u8,
}

/// U+202F NARROW NO-BREAK SPACE: what current browsers put between digit
/// groups in French (older ones used U+00A0, which we read as well).
pub const NARROW_NBSP: char = '\u{202f}';
/// U+2019 RIGHT SINGLE QUOTATION MARK: Swiss German's group mark in
/// typeset text and in older browsers' Intl (current Chromium writes the
/// ASCII apostrophe); we read both.
pub const SWISS_APOSTROPHE: char = '\u{2019}';

const fn preset(
    tag: &'static str,
    decimal: char,
    group: char,
    grouping: Grouping,
    min_grouping: u8,
) -> NumberLocale {
    NumberLocale {
        tag: Cow::Borrowed(tag),
        decimal,
        group,
        grouping,
        min_grouping,
    }
}

impl NumberLocale {
    /// United States: 1,234.5.
    pub const EN_US: NumberLocale = preset("en-US", '.', ',', Grouping::Standard, 1);
    /// United Kingdom: 1,234.5.
    pub const EN_GB: NumberLocale = preset("en-GB", '.', ',', Grouping::Standard, 1);
    /// Germany: 1.234,5.
    pub const DE_DE: NumberLocale = preset("de-DE", ',', '.', Grouping::Standard, 1);
    /// France: 1 234,5 with a narrow no-break space.
    pub const FR_FR: NumberLocale = preset("fr-FR", ',', NARROW_NBSP, Grouping::Standard, 1);
    /// Spain: 12.345,5, but 1234,5 (no group mark below five digits).
    pub const ES_ES: NumberLocale = preset("es-ES", ',', '.', Grouping::Standard, 2);
    /// Switzerland (German): 1'234.5, with the ASCII apostrophe current
    /// Chromium writes (1’234.5 is read too).
    pub const DE_CH: NumberLocale = preset("de-CH", '.', '\'', Grouping::Standard, 1);
    /// India (English): 12,34,567.5.
    pub const EN_IN: NumberLocale = preset("en-IN", '.', ',', Grouping::Indian, 1);
    /// Japan: 1,234.5.
    pub const JA_JP: NumberLocale = preset("ja-JP", '.', ',', Grouping::Standard, 1);

    /// Every preset, for tests that must hold in each of them.
    pub const PRESETS: [NumberLocale; 8] = [
        NumberLocale::EN_US,
        NumberLocale::EN_GB,
        NumberLocale::DE_DE,
        NumberLocale::FR_FR,
        NumberLocale::ES_ES,
        NumberLocale::DE_CH,
        NumberLocale::EN_IN,
        NumberLocale::JA_JP,
    ];

    /// The preset for exactly this tag (case-insensitive, `_` or `-`), if
    /// there is one. The browser adapter learns other locales from Intl.
    pub fn preset(tag: &str) -> Option<NumberLocale> {
        NumberLocale::PRESETS
            .iter()
            .find(|p| same_tag(&p.tag, tag))
            .cloned()
    }

    /// Whether the tag's language is `lang` (`de` for `de-CH`): shorthand
    /// words such as `mil` or `bn` mean different things in different
    /// languages, so each is only read where it is the usual word.
    pub fn speaks(&self, lang: &str) -> bool {
        subtags(&self.tag)
            .next()
            .is_some_and(|l| l.eq_ignore_ascii_case(lang))
    }
}

impl Default for NumberLocale {
    /// US conventions: what the app read before it knew about locales.
    fn default() -> Self {
        NumberLocale::EN_US
    }
}

/// Characters that only ever separate digit groups, in any locale: spaces
/// of every width and apostrophes. Reading them everywhere is safe because
/// no locale uses them as a decimal mark, and people paste them from
/// French, Swiss or Indian-formatted text into any browser.
pub fn is_space_group(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | NARROW_NBSP | '\u{2009}' | '\'' | SWISS_APOSTROPHE
    )
}

fn subtags(tag: &str) -> impl Iterator<Item = &str> {
    tag.split(['-', '_']).filter(|s| !s.is_empty())
}

fn same_tag(a: &str, b: &str) -> bool {
    subtags(a)
        .map(|s| s.to_ascii_lowercase())
        .eq(subtags(b).map(|s| s.to_ascii_lowercase()))
}

/// The region of a tag in upper case (`CH` for `de-CH`, `419` for
/// `es-419`), skipping a script subtag (`zh-Hant-TW` gives `TW`).
fn region(tag: &str) -> Option<String> {
    subtags(tag)
        .skip(1)
        .find(|s| {
            (s.len() == 2 && s.chars().all(|c| c.is_ascii_alphabetic()))
                || (s.len() == 3 && s.chars().all(|c| c.is_ascii_digit()))
        })
        .map(|s| s.to_ascii_uppercase())
}

/// Regions that pay in euro (the euro area and the microstates that use
/// it by agreement).
const EURO_REGIONS: [&str; 24] = [
    "AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT",
    "NL", "PT", "SI", "SK", "AD", "MC", "SM", "VA",
];

/// Languages whose speakers, when the browser names no region, mostly
/// live in the euro area (German, French, Spanish, Italian, Dutch, …).
const EURO_LANGUAGES: [&str; 12] = [
    "de", "fr", "es", "it", "nl", "fi", "el", "et", "lv", "lt", "sk", "sl",
];

/// The currency to preselect for a browser locale, before the user picks
/// one. A guess from the region (or, without one, the language): a German
/// browser most likely counts in euro, a Swiss one in francs. The user can
/// always change it; USD is the fallback because the app started in it.
pub fn default_currency(locale_tag: &str) -> &'static str {
    let by_region = |r: &str| match r {
        "GB" => Some("GBP"),
        "IN" => Some("INR"),
        "JP" => Some("JPY"),
        "CH" | "LI" => Some("CHF"),
        r if EURO_REGIONS.contains(&r) => Some("EUR"),
        _ => None,
    };
    if let Some(r) = region(locale_tag) {
        return by_region(&r).unwrap_or("USD");
    }
    let lang = subtags(locale_tag)
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match lang.as_str() {
        "ja" => "JPY",
        "hi" => "INR",
        l if EURO_LANGUAGES.contains(&l) => "EUR",
        _ => "USD",
    }
}

/// The currencies the currency setting offers, most used first.
pub const CURRENCIES: [&str; 6] = ["USD", "EUR", "GBP", "INR", "JPY", "CHF"];

/// How many decimals a currency's amounts have (ISO 4217 minor units):
/// yen has no cents, so "¥1,250.50" must never be shown or asked for.
/// Codes not listed have 2, which is right for nearly all of them.
pub fn currency_minor_digits(code: &str) -> u8 {
    match code.to_ascii_uppercase().as_str() {
        "JPY" | "KRW" | "VND" | "CLP" | "ISK" | "UGX" | "PYG" | "XOF" | "XAF" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" | "LYD" | "IQD" => 3,
        _ => 2,
    }
}

//! Browser tests of the number-locale adapter against the real Intl: the
//! pure parser is only right if the separators it is given are the ones
//! the browser writes on screen.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Intl, Object, Reflect};
use stagecraft::numbers::browser::{number_locale, user_number_locale};
use stagecraft::numbers::{
    format_plain, parse_localized, FieldKind, Grouping, NumberLocale, NARROW_NBSP, SWISS_APOSTROPHE,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// What the real `Intl.NumberFormat(tag)` writes for `x` with exactly
/// `decimals` decimals.
fn intl(tag: &str, x: f64, decimals: u8) -> String {
    let opts = Object::new();
    for key in ["minimumFractionDigits", "maximumFractionDigits"] {
        let _ = Reflect::set(&opts, &key.into(), &decimals.into());
    }
    let format = Intl::NumberFormat::new(&Array::of1(&tag.into()), &opts).format();
    format
        .call1(&JsValue::UNDEFINED, &x.into())
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
fn learns_german_and_french_separators_from_intl() {
    let de = number_locale("de-DE");
    assert_eq!((de.decimal, de.group), (',', '.'));
    assert_eq!(de.grouping, Grouping::Standard);
    let fr = number_locale("fr-FR");
    assert_eq!((fr.decimal, fr.group), (',', NARROW_NBSP));
    // Current Chromium writes the ASCII apostrophe (older browsers and
    // typeset text use U+2019); the parser reads both.
    let ch = number_locale("de-CH");
    assert_eq!(ch.decimal, '.');
    assert!(
        matches!(ch.group, '\'' | SWISS_APOSTROPHE),
        "{:?}",
        ch.group
    );
    assert_eq!(number_locale("en-IN").grouping, Grouping::Indian);
    assert_eq!(number_locale("es-ES").min_grouping, 2);
    assert_eq!(number_locale("en-US").min_grouping, 1);
}

#[wasm_bindgen_test]
fn every_preset_is_what_this_browser_writes() {
    for preset in &NumberLocale::PRESETS {
        let learned = number_locale(&preset.tag);
        assert_eq!(learned, *preset, "{}", preset.tag);
    }
}

#[wasm_bindgen_test]
fn the_pure_formatter_writes_exactly_what_intl_writes() {
    let values = [
        0.0,
        0.005,
        0.125,
        0.25,
        1.005,
        2.5,
        999.0,
        1234.5,
        12_345.678,
        99_999.5,
        123_456.0,
        1_234_567.5,
        999_999.5,
        12_345_678.9,
        1e12,
        -1234.5,
        -0.0,
    ];
    for preset in &NumberLocale::PRESETS {
        for x in values {
            for d in 0..=3 {
                assert_eq!(
                    format_plain(x, preset, d),
                    intl(&preset.tag, x, d),
                    "{x} in {} with {d} decimals",
                    preset.tag
                );
            }
        }
    }
}

/// Deterministic spread of values: halves and thousandths (where rounding
/// ties live) and arbitrary doubles from 0 to 10^12.
fn sample_values() -> Vec<f64> {
    let mut seed: u64 = 0x5eed;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed >> 11
    };
    (0..300)
        .map(|i| {
            let r = next();
            match i % 3 {
                0 => (r % 10_000_000) as f64 / 1000.0,
                1 => (r % 2_000_000) as f64 / 2.0,
                _ => (r as f64 / (1u64 << 53) as f64) * 10f64.powi((r % 13) as i32),
            }
        })
        .collect()
}

#[wasm_bindgen_test]
fn the_formatter_and_the_parser_agree_with_intl_on_many_values() {
    for preset in &NumberLocale::PRESETS {
        for (i, x) in sample_values().into_iter().enumerate() {
            let d = (i % 4) as u8;
            let shown = intl(&preset.tag, x, d);
            assert_eq!(format_plain(x, preset, d), shown, "{x} in {}", preset.tag);
            let displayed: f64 = format_plain(x, &NumberLocale::EN_US, d)
                .replace(',', "")
                .parse()
                .unwrap();
            let read = parse_localized(&shown, preset, FieldKind::Money).map(|p| p.value);
            assert_eq!(read, Ok(displayed), "{shown:?} in {}", preset.tag);
        }
    }
}

#[wasm_bindgen_test]
fn what_intl_writes_reads_back() {
    for tag in [
        "de-DE", "fr-FR", "es-ES", "de-CH", "en-IN", "ja-JP", "en-US",
    ] {
        let locale = number_locale(tag);
        for (x, d) in [(24_000.0, 0), (1234.5, 1), (1_234_567.25, 2), (12.5, 1)] {
            let text = intl(tag, x, d);
            let read = parse_localized(&text, &locale, FieldKind::Money).map(|p| p.value);
            assert_eq!(read, Ok(x), "{text:?} in {tag}");
        }
    }
    // The first example, with the locale the browser reports.
    let de = number_locale("de-DE");
    let deal = parse_localized("24.000", &de, FieldKind::Money).map(|p| p.value);
    assert_eq!(deal, Ok(24_000.0));
}

#[wasm_bindgen_test]
fn a_malformed_tag_falls_back_instead_of_trapping() {
    let odd = number_locale("not a tag!");
    assert_eq!((odd.decimal, odd.group), ('.', ','));
    let user = user_number_locale();
    assert!(matches!(user.decimal, '.' | ','), "{user:?}");
}

/// The browser's lower case (`text::lower` uses JavaScript's instead of
/// Rust's tables) matches Rust's rules on the names reps type: accents,
/// a final sigma, the German sharp s, Turkish dotted capitals.
#[wasm_bindgen_test]
fn lower_case_in_the_browser_matches_rusts() {
    for text in [
        "ACME GmbH",
        "ÉCOLE Ørsted",
        "ΟΔΥΣΣΕΥΣ",
        "STRAẞE",
        "İSTANBUL",
        "Ǆemal",
        "日本 Ltd",
        "",
    ] {
        assert_eq!(stagecraft::text::lower(text), text.to_lowercase(), "{text}");
    }
}

/// The browser's shortest decimal (through `Number#toString`, with the
/// exponent spelled out) reads back as the same double and is what Rust's
/// `{}` writes (below 1e12 to the letter; above, but for an exact tie in
/// the last digit), in this engine: at the exponent boundaries, the
/// subnormals, the largest double and the classic rounding cases.
#[wasm_bindgen_test]
fn shortest_decimal_matches_rusts_display_in_this_engine() {
    let mut values = vec![
        0.0,
        0.1,
        0.2,
        0.1 + 0.2,
        1.005,
        2.5,
        1e20,
        1e21,
        1.5e21,
        123_456_789e15,
        1e-6,
        1e-7,
        1.2345e-7,
        5e-324,
        f64::MIN_POSITIVE,
        f64::MAX,
        9_007_199_254_740_993.0,
        1234.5678,
    ];
    let mut x = 1.0f64;
    for _ in 0..200 {
        x *= 3.7;
        values.push(x);
        values.push(1.0 / x);
    }
    for v in values {
        let ours = stagecraft::numbers::format::shortest(v);
        let rust = format!("{v}");
        // Both are shortest round-trip decimals. When two such decimals are
        // equally close (only in the 17th significant digit, far past any
        // figure the app shows), JavaScript picks the even last digit and
        // Rust the upper one; otherwise the text is the same.
        assert_eq!(
            ours.parse::<f64>().ok(),
            Some(v),
            "{ours} reads back as {v:e}"
        );
        if v < 1e12 {
            assert_eq!(ours, rust, "{v:e}");
        } else {
            assert_eq!(ours.len(), rust.len(), "{v:e}: {ours} vs {rust}");
            assert_eq!(
                ours[..ours.len() - 1],
                rust[..rust.len() - 1],
                "{v:e}: {ours} vs {rust}"
            );
        }
    }
}

/// The browser's `Number()` reads every decimal the parser hands it to
/// the same double as Rust's `str::parse`, and refuses what Rust refuses.
#[wasm_bindgen_test]
fn decimal_reading_matches_rusts_parse_in_this_engine() {
    use stagecraft::numbers::format::parse_decimal;
    let mut texts: Vec<String> = [
        "0",
        "0.1",
        "1.005",
        "9007199254740993",
        "123456789012345678901234567890",
        "0.000000000000000000000001",
        "1e5",
        "+5",
        "-5",
        "1.",
        ".5",
        "1e308",
        "1e309",
        "2.2250738585072011e-308",
        "4.9e-324",
        "1.7976931348623157e308",
        "1.2.3",
        "-",
        "+",
        ".",
        "e5",
        "1e",
        "--5",
        "12abc",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut x = 0.7f64;
    for _ in 0..300 {
        x = x * 13.37 + 0.001;
        if x > 1e12 {
            x /= 1e11;
        }
        texts.push(format!("{x}"));
        texts.push(format!("{:.3}", x));
    }
    for t in texts {
        assert_eq!(parse_decimal(&t), t.parse::<f64>().ok(), "{t:?}");
    }
}

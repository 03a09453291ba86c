//! Native tests of the locale-aware parser, the Intl-style formatter and
//! the locale facts. Native only: proptest is not a wasm32 dependency.

use super::*;
use proptest::prelude::*;

const NNBSP: &str = "\u{202f}";

/// What a case should give.
enum Want {
    /// This value.
    V(f64),
    /// A refusal with two readings, whose message is exactly this.
    Amb(&'static str),
    /// This error.
    E(NumberError),
}
use Want::*;

fn check(locale: &NumberLocale, kind: FieldKind, text: &str, want: Want) {
    let got = parse_localized(text, locale, kind);
    let tag = &locale.tag;
    match want {
        V(v) => assert_eq!(
            got.as_ref().map(|p| p.value),
            Ok(v),
            "{tag} {kind:?} {text:?}"
        ),
        Amb(msg) => match got {
            Err(e @ NumberError::Ambiguous(_)) => {
                assert_eq!(e.to_string(), msg, "{tag} {text:?}")
            }
            other => panic!("{tag} {text:?}: wanted a refusal, got {other:?}"),
        },
        E(e) => assert_eq!(got, Err(e), "{tag} {kind:?} {text:?}"),
    }
}

#[test]
fn en_us_reads_its_own_text_and_refuses_a_comma_decimal() {
    let l = &NumberLocale::EN_US;
    use FieldKind::*;
    check(l, Money, "1250", V(1250.0));
    check(l, Money, "1,250.50", V(1250.5));
    check(l, Money, " $1,250.50 ", V(1250.5));
    check(l, Money, "USD 500", V(500.0));
    check(l, Money, "-$0", V(0.0));
    check(l, Money, "60k", V(60_000.0));
    check(l, Money, "60K", V(60_000.0));
    check(l, Money, "$60k", V(60_000.0));
    check(l, Money, "1.2m", V(1_200_000.0));
    check(l, Money, "1.5 bn", V(1_500_000_000.0));
    check(l, Money, "2 Mrd.", V(2_000_000_000.0));
    check(l, Money, "1,500k", V(1_500_000.0));
    check(l, Decimal, "1.000", V(1.0));
    check(l, Decimal, "1.000.000", V(1_000_000.0));
    check(l, Decimal, "1.234,5", V(1234.5));
    check(l, Decimal, "1'234.5", V(1234.5));
    check(l, Decimal, &format!("1{NNBSP}234,5"), V(1234.5));
    check(l, Decimal, ".5", V(0.5));
    check(l, Decimal, "0,5", V(0.5));
    check(l, Decimal, "12.", V(12.0));
    check(l, Decimal, "12,", V(12.0));
    check(l, Days, "12,5", Amb("125 or 12.5? Type 125 or 12.5."));
    check(
        l,
        Money,
        "1,5k",
        Amb("15,000 or 1,500? Type 15000 or 1500."),
    );
    check(
        l,
        Money,
        "1,2345",
        Amb("12,345 or 1.2345? Type 12345 or 1.2345."),
    );
    check(l, Percent, "45%", V(45.0));
    check(l, Percent, "45 %", V(45.0));
    check(l, Percent, "100.1", E(NumberError::TooLarge { max: 100.0 }));
    check(l, Count, "1,000", V(1000.0));
    check(l, Count, "2.5", E(NumberError::NotWhole));
}

#[test]
fn en_gb_and_ja_jp_write_like_en_us() {
    use FieldKind::*;
    for l in [&NumberLocale::EN_GB, &NumberLocale::JA_JP] {
        check(l, Money, "1,234.5", V(1234.5));
        check(l, Money, "12,5", Amb("125 or 12.5? Type 125 or 12.5."));
        check(l, Money, "1.000", V(1.0));
    }
    check(&NumberLocale::EN_GB, Money, "£60k", V(60_000.0));
    let ja = &NumberLocale::JA_JP;
    check(ja, Money, "¥1,234", V(1234.0));
    check(ja, Money, "60万", V(600_000.0));
    check(ja, Money, "60万円", V(600_000.0));
    check(ja, Money, "1.5億", V(150_000_000.0));
    // "万" is Japanese shorthand only.
    check(
        &NumberLocale::EN_US,
        Money,
        "60万",
        E(NumberError::NotANumber),
    );
}

#[test]
fn de_de_reads_german_text_and_the_unambiguous_english_one() {
    let l = &NumberLocale::DE_DE;
    use FieldKind::*;
    check(l, Money, "24.000", V(24_000.0));
    check(l, Money, "8.000", V(8000.0));
    check(l, Money, "60.000 €", V(60_000.0));
    check(l, Money, "1.000", V(1000.0));
    check(l, Money, "1.234,5", V(1234.5));
    check(l, Money, "1.234.567,89", V(1_234_567.89));
    check(l, Money, "1,234.5", V(1234.5));
    check(l, Money, "EUR 1.500", V(1500.0));
    check(l, Money, "1,2 Mio.", V(1_200_000.0));
    check(l, Money, "1,2 Mio. €", V(1_200_000.0));
    check(l, Money, "2 Mrd.", V(2_000_000_000.0));
    check(l, Money, "5 Tsd.", V(5000.0));
    check(l, Money, "60k", V(60_000.0));
    check(l, Money, "1.2m", V(1_200_000.0));
    check(l, Days, "12,5", V(12.5));
    check(l, Days, "12.5", V(12.5));
    check(l, Days, "12.25", V(12.25));
    check(l, Decimal, "24,000", V(24.0));
    check(
        l,
        Decimal,
        "12.3456",
        Amb("123.456 or 12,3456? Type 123456 or 12,3456."),
    );
    check(l, Percent, "12,5 %", V(12.5));
    check(l, Count, "2,5", E(NumberError::NotWhole));
    check(l, Count, "1.2.3", E(NumberError::NotANumber));
    // "bn" and "billion" are English: a German Billion is 10^12.
    check(l, Money, "2 bn", E(NumberError::NotANumber));
}

#[test]
fn fr_fr_reads_every_space_as_a_group_mark() {
    let l = &NumberLocale::FR_FR;
    use FieldKind::*;
    check(l, Money, &format!("1{NNBSP}234,5"), V(1234.5));
    check(l, Money, &format!("24{NNBSP}000"), V(24_000.0));
    check(l, Money, "24\u{a0}000", V(24_000.0));
    check(l, Money, "24 000", V(24_000.0));
    check(l, Money, &format!("24{NNBSP}000\u{a0}€"), V(24_000.0));
    check(l, Money, "1,2 M€", V(1_200_000.0));
    check(l, Money, "2 Md€", V(2_000_000_000.0));
    check(l, Days, "12,5", V(12.5));
    check(l, Days, "12.5", V(12.5));
    check(l, Days, "1.23456", V(1.23456));
    check(
        l,
        Money,
        "24.000",
        Amb("24\u{202f}000 or 24,0? Type 24000 or 24,0."),
    );
    check(l, Money, "24 00", E(NumberError::NotANumber));
}

#[test]
fn es_es_groups_only_from_five_digits_but_reads_both() {
    let l = &NumberLocale::ES_ES;
    use FieldKind::*;
    check(l, Money, "1234,5", V(1234.5));
    check(l, Money, "12.345,5", V(12_345.5));
    check(l, Money, "24.000", V(24_000.0));
    check(l, Money, "1.234", V(1234.0));
    check(l, Money, "60 mil €", V(60_000.0));
    check(l, Money, "3 millones", V(3_000_000.0));
}

#[test]
fn de_ch_reads_both_apostrophes() {
    let l = &NumberLocale::DE_CH;
    use FieldKind::*;
    check(l, Money, "1’234.5", V(1234.5));
    check(l, Money, "1'234.5", V(1234.5));
    check(l, Money, "CHF 1’500", V(1500.0));
    check(l, Money, "Fr. 60k", V(60_000.0));
    check(l, Days, "12,5", V(12.5));
    check(
        l,
        Money,
        "24,000",
        Amb("24'000 or 24.0? Type 24000 or 24.0."),
    );
}

#[test]
fn en_in_reads_lakh_grouping_and_words() {
    let l = &NumberLocale::EN_IN;
    use FieldKind::*;
    check(l, Money, "12,34,567", V(1_234_567.0));
    check(l, Money, "₹12,34,567.50", V(1_234_567.5));
    check(l, Money, "Rs.500", V(500.0));
    check(l, Money, "1,00,000", V(100_000.0));
    check(l, Money, "1,234", V(1234.0));
    check(l, Money, "5 lakh", V(500_000.0));
    check(l, Money, "2 crore", V(20_000_000.0));
    check(l, Money, "1,23", Amb("123 or 1.23? Type 123 or 1.23."));
    check(l, Money, "1,2,3", E(NumberError::NotANumber));
}

#[test]
fn every_locale_refuses_the_same_mistakes() {
    use FieldKind::*;
    for l in &NumberLocale::PRESETS {
        check(l, Money, "1e5", E(NumberError::Scientific));
        check(l, Money, "1.5E3", E(NumberError::Scientific));
        check(l, Decimal, "2e-3", E(NumberError::Scientific));
        check(l, Count, "-3", E(NumberError::Negative));
        check(l, Count, "\u{2212}3", E(NumberError::Negative));
        check(l, Money, "-€5", E(NumberError::Negative));
        check(l, Count, "60k", E(NumberError::NoShorthand));
        check(l, Percent, "5k", E(NumberError::NoShorthand));
        check(l, Count, "$5", E(NumberError::NotANumber));
        check(l, Money, "5%", E(NumberError::NotANumber));
        check(l, Percent, "101", E(NumberError::TooLarge { max: 100.0 }));
        check(l, Days, "3651", E(NumberError::TooLarge { max: 3650.0 }));
        check(l, Money, "1000000000000", V(1e12));
        check(l, Money, "1000000000001", E(NumberError::AmountTooLarge));
        check(l, Money, "2000000m", E(NumberError::AmountTooLarge));
        check(l, Money, &"9".repeat(400), E(NumberError::AmountTooLarge));
        check(l, Decimal, &"9".repeat(400), E(NumberError::NotANumber));
        for bad in [
            "abc", "12-15", "1..2", "12 5", "1,,5", "NaN", "inf", "k", "$", "5 kg",
        ] {
            check(l, Money, bad, E(NumberError::NotANumber));
        }
        check(l, Money, "  ", E(NumberError::Empty));
        assert_eq!(
            parse_with("", l, Money, NumberRules::MONEY.optional()),
            Ok(None)
        );
        assert_eq!(
            parse_localized("-0", l, Count).map(|p| p.value.is_sign_positive()),
            Ok(true)
        );
    }
}

#[test]
fn custom_limits_come_from_the_rules() {
    let rules = NumberRules {
        integer: false,
        max: Some(60.0),
        required: true,
    };
    let de = &NumberLocale::DE_DE;
    let p = parse_with("12,5", de, FieldKind::Decimal, rules);
    assert_eq!(p.map(|p| p.map(|p| p.value)), Ok(Some(12.5)));
    assert_eq!(
        parse_with("61", de, FieldKind::Decimal, rules),
        Err(NumberError::TooLarge { max: 60.0 })
    );
}

#[test]
fn the_value_as_understood_shows_only_when_the_text_was_not_plain() {
    let de = &NumberLocale::DE_DE;
    let echo = |text: &str| as_understood(&parse_localized(text, de, FieldKind::Money).unwrap());
    assert_eq!(echo("24.000"), Some(24_000.0));
    assert_eq!(echo("60k"), Some(60_000.0));
    assert_eq!(echo("12.5"), Some(12.5));
    assert_eq!(echo("1 234"), Some(1234.0));
    assert_eq!(echo("1,000"), Some(1.0));
    assert_eq!(echo("24000"), None);
    assert_eq!(echo("12,5"), None);
    assert_eq!(echo("€ 24000"), None);
    assert_eq!(echo(" 24000 € "), None);
}

#[test]
fn messages_are_short_sentences() {
    assert_eq!(
        NumberError::Scientific.to_string(),
        "Write the number out in full, such as 100000 for 1e5."
    );
    assert_eq!(
        NumberError::AmountTooLarge.to_string(),
        "Enter an amount of one trillion or less."
    );
}

#[test]
fn format_plain_writes_what_intl_writes() {
    let cases: [(f64, &NumberLocale, u8, &str); 17] = [
        (1234567.5, &NumberLocale::EN_US, 1, "1,234,567.5"),
        (1234567.5, &NumberLocale::EN_IN, 1, "12,34,567.5"),
        (123456.0, &NumberLocale::EN_IN, 0, "1,23,456"),
        (1234.0, &NumberLocale::EN_IN, 0, "1,234"),
        (1234.5, &NumberLocale::DE_DE, 1, "1.234,5"),
        (1234.5, &NumberLocale::FR_FR, 2, "1\u{202f}234,50"),
        (1234.5, &NumberLocale::ES_ES, 1, "1234,5"),
        (12345.5, &NumberLocale::ES_ES, 1, "12.345,5"),
        (1234.5, &NumberLocale::DE_CH, 1, "1'234.5"),
        // Intl rounds the shortest decimal (1.005), not 1.00499999….
        (1.005, &NumberLocale::EN_US, 2, "1.01"),
        (999.0, &NumberLocale::DE_DE, 0, "999"),
        // Ties round away from zero, unlike Rust's `{:.N}`.
        (0.125, &NumberLocale::EN_US, 2, "0.13"),
        (2.5, &NumberLocale::EN_US, 0, "3"),
        (0.25, &NumberLocale::DE_DE, 1, "0,3"),
        (999_999.5, &NumberLocale::EN_US, 0, "1,000,000"),
        (-1234.0, &NumberLocale::DE_DE, 0, "-1.234"),
        (-0.0, &NumberLocale::EN_US, 0, "-0"),
    ];
    for (x, l, d, want) in cases {
        assert_eq!(format_plain(x, l, d), want, "{x} {} {d}", l.tag);
    }
    assert_eq!(
        plain_digits(1234567.5, &NumberLocale::DE_DE, 2),
        "1234567,50"
    );
}

#[test]
fn locale_facts() {
    for (tag, currency) in [
        ("de-DE", "EUR"),
        ("fr-FR", "EUR"),
        ("es-ES", "EUR"),
        ("it-IT", "EUR"),
        ("nl-NL", "EUR"),
        ("de-AT", "EUR"),
        ("de", "EUR"),
        ("en-GB", "GBP"),
        ("en_GB", "GBP"),
        ("en-IN", "INR"),
        ("hi", "INR"),
        ("ja-JP", "JPY"),
        ("ja", "JPY"),
        ("de-CH", "CHF"),
        ("fr-CH", "CHF"),
        ("en-US", "USD"),
        ("en", "USD"),
        ("pt-BR", "USD"),
        ("es-419", "USD"),
        ("zh-Hant-TW", "USD"),
        ("", "USD"),
    ] {
        assert_eq!(default_currency(tag), currency, "{tag}");
    }
    assert_eq!(currency_minor_digits("JPY"), 0);
    for c in ["USD", "EUR", "GBP", "INR", "CHF"] {
        assert_eq!(currency_minor_digits(c), 2, "{c}");
    }
    assert_eq!(NumberLocale::preset("de_de"), Some(NumberLocale::DE_DE));
    assert_eq!(NumberLocale::preset("xx-YY"), None);
    assert_eq!(NumberLocale::default(), NumberLocale::EN_US);
}

fn preset() -> impl Strategy<Value = NumberLocale> {
    (0..NumberLocale::PRESETS.len()).prop_map(|i| NumberLocale::PRESETS[i].clone())
}

fn kind() -> impl Strategy<Value = FieldKind> {
    prop_oneof![
        Just(FieldKind::Money),
        Just(FieldKind::Count),
        Just(FieldKind::Decimal),
        Just(FieldKind::Percent),
        Just(FieldKind::Days),
    ]
}

/// Invariants every successful parse keeps, whatever was typed.
fn assert_sane(p: &Parsed, kind: FieldKind) -> Result<(), TestCaseError> {
    prop_assert!(p.value.is_finite() && p.value.is_sign_positive() && p.value >= 0.0);
    let max = kind.rules().max.unwrap_or(f64::MAX);
    prop_assert!(p.value <= max);
    if kind == FieldKind::Count {
        prop_assert_eq!(p.value.fract(), 0.0);
    }
    Ok(())
}

proptest! {
    #[test]
    fn what_intl_writes_reads_back_at_the_displayed_precision(
        l in preset(),
        x in 0.0f64..1e12,
        d in 0u8..=3,
    ) {
        let shown = format_plain(x, &l, d);
        // The displayed number, read by Rust from unambiguous text.
        let displayed: f64 = plain_digits(x, &NumberLocale::EN_US, d).parse().unwrap();
        for kind in [FieldKind::Money, FieldKind::Decimal] {
            let p = parse_localized(&shown, &l, kind);
            prop_assert_eq!(p.map(|p| p.value), Ok(displayed), "{:?} in {}", shown, l.tag);
        }
        prop_assert!((displayed - x).abs() <= 0.5 * 10f64.powi(-(d as i32)) * (1.0 + 1e-9) + x * 1e-15);
        let typed = plain_digits(x, &l, d);
        prop_assert_eq!(parse_localized(&typed, &l, FieldKind::Decimal).map(|p| p.value), Ok(displayed));
    }

    #[test]
    fn whole_numbers_read_back_as_counts(l in preset(), n in 0u64..1_000_000_000_000) {
        let shown = format_plain(n as f64, &l, 0);
        prop_assert_eq!(parse_localized(&shown, &l, FieldKind::Count).map(|p| p.value), Ok(n as f64));
    }

    #[test]
    fn negative_numbers_are_refused_not_misread(l in preset(), x in 0.5f64..1e9, d in 0u8..=2) {
        let shown = format_plain(-x, &l, d);
        prop_assert_eq!(parse_localized(&shown, &l, FieldKind::Money), Err(NumberError::Negative));
    }

    #[test]
    fn random_text_never_panics_or_yields_a_bad_number(
        l in preset(),
        k in kind(),
        s in "\\PC{0,16}",
    ) {
        if let Ok(p) = parse_localized(&s, &l, k) {
            assert_sane(&p, k)?;
        }
    }

    #[test]
    fn number_like_text_never_yields_a_bad_number(
        l in preset(),
        k in kind(),
        s in "[-+$€ 0-9.,'\u{a0}\u{202f}’kKmMe%]{0,14}",
    ) {
        match parse_localized(&s, &l, k) {
            Ok(p) => assert_sane(&p, k)?,
            Err(NumberError::Ambiguous(r)) => prop_assert_ne!(&r.first, &r.second),
            Err(_) => {}
        }
    }
}

//! Reading a typed number in the user's locale, without ever guessing.
//!
//! A number read wrongly without a word is worse than a refusal: "24.000"
//! typed in a German browser means twenty-four thousand, and reading it as
//! 24 silently corrupts every result built on it. So this parser accepts
//! what the locale itself writes, plain digits, and the other convention
//! only where no second reading exists; anything with two plausible
//! readings is refused with a message that offers both.

use super::format::{format_plain, plain_digits};
use super::locale::{is_space_group, NumberLocale};
use super::{NumberError, NumberRules, Readings};

/// Largest amount a money field accepts: no deal or cost in this app comes
/// near it, and it keeps every product of amounts finite and exact enough.
pub const MAX_AMOUNT: f64 = 1_000_000_000_000.0;

/// What a field holds. It decides which extras around the digits are read
/// (currency signs and "60k" only for money, `%` only for percentages) and
/// the default limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// An amount of money: shorthand ("60k", "1,2 Mio.") and currency
    /// signs or codes are read, because reps type and paste them.
    Money,
    /// A count of things: whole numbers only.
    Count,
    /// Any non-negative number, such as minutes.
    Decimal,
    /// A percentage from 0 to 100; a trailing `%` is read.
    Percent,
    /// A duration in days, at most ten years.
    Days,
}

impl FieldKind {
    /// The default limits for the kind; a field with other limits passes
    /// its own to [`parse_with`].
    pub const fn rules(self) -> NumberRules {
        match self {
            FieldKind::Money => NumberRules {
                max: Some(MAX_AMOUNT),
                ..NumberRules::MONEY
            },
            FieldKind::Count => NumberRules::COUNT,
            FieldKind::Decimal => NumberRules {
                integer: false,
                max: None,
                required: true,
            },
            FieldKind::Percent => NumberRules::PERCENT,
            FieldKind::Days => NumberRules::DAYS,
        }
    }
}

/// A number read from a field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parsed {
    /// The value: finite, never negative, never -0.
    pub value: f64,
    /// The digits were plain: no group marks, no shorthand, and no
    /// decimal mark but the locale's own (and not followed by exactly
    /// three digits, which the other convention reads as a group). When
    /// false, the field shows the value as understood, so a reading the
    /// user did not mean is seen.
    pub plain: bool,
}

/// The value to show next to a field as understood ("= 24 000 €"), or
/// `None` when the text was plain digits and saying it back would be
/// noise. Currency signs, `%` and spaces around the digits don't count:
/// they don't change which number was meant.
pub fn as_understood(parsed: &Parsed) -> Option<f64> {
    (!parsed.plain).then_some(parsed.value)
}

/// Reads a required field with the kind's default limits (an empty field
/// is `NumberError::Empty`).
pub fn parse_localized(
    text: &str,
    locale: &NumberLocale,
    kind: FieldKind,
) -> Result<Parsed, NumberError> {
    parse_with(text, locale, kind, kind.rules())?.ok_or(NumberError::Empty)
}

/// Reads a field with explicit limits; an empty optional field is
/// `Ok(None)`. `kind` decides what may surround the digits, `rules` the
/// limits (a money field may have a lower cap than [`MAX_AMOUNT`]).
pub fn parse_with(
    text: &str,
    locale: &NumberLocale,
    kind: FieldKind,
    rules: NumberRules,
) -> Result<Option<Parsed>, NumberError> {
    let t = text.trim();
    if t.is_empty() {
        return if rules.required {
            Err(NumberError::Empty)
        } else {
            Ok(None)
        };
    }
    let (start, end) = core_span(t).ok_or(NumberError::NotANumber)?;
    let negative = read_prefix(&t[..start], kind)?;
    let exp = read_suffix(&t[end..], kind, locale)?;
    let (value, plain) = read_core(&t[start..end], locale, exp)?;
    check_limits(value, negative, kind, rules)?;
    // `+ 0.0` turns -0 into 0, so "-0" never shows as "-0".
    Ok(Some(Parsed {
        value: value + 0.0,
        plain,
    }))
}

fn check_limits(
    value: f64,
    negative: bool,
    kind: FieldKind,
    rules: NumberRules,
) -> Result<(), NumberError> {
    let too_large = || match (kind, rules.max) {
        (FieldKind::Money, _) => NumberError::AmountTooLarge,
        (_, Some(max)) => NumberError::TooLarge { max },
        _ => NumberError::NotANumber,
    };
    if !value.is_finite() {
        return Err(too_large());
    }
    if negative && value != 0.0 {
        return Err(NumberError::Negative);
    }
    if rules.integer && value.fract() != 0.0 {
        return Err(NumberError::NotWhole);
    }
    if kind == FieldKind::Money && value > MAX_AMOUNT {
        return Err(NumberError::AmountTooLarge);
    }
    match rules.max {
        Some(max) if value > max => Err(too_large()),
        _ => Ok(()),
    }
}

/// Byte range of the digits and the marks between them. A decimal mark
/// right before the first digit (".5") or right after the last ("12.")
/// belongs to the number; one glued to a word ("Rs.500") does not.
fn core_span(t: &str) -> Option<(usize, usize)> {
    let first = t.find(|c: char| c.is_ascii_digit())?;
    let last = t.rfind(|c: char| c.is_ascii_digit())? + 1;
    let mut before = t[..first].chars().rev();
    let start = match (before.next(), before.next()) {
        (Some(m), prev) if is_mark(m) && prev.is_none_or(|c| !c.is_alphabetic()) => first - 1,
        _ => first,
    };
    let mut after = t[last..].chars();
    let end = match (after.next(), after.next()) {
        (Some(m), next) if is_mark(m) && next.is_none_or(char::is_whitespace) => last + 1,
        _ => last,
    };
    Some((start, end))
}

fn is_mark(c: char) -> bool {
    c == '.' || c == ','
}

/// Currency signs and codes read around an amount. Signs are what people
/// paste from invoices and CRMs; the codes are those of the currency
/// setting and their neighbours.
const CURRENCY: [&str; 22] = [
    "US$", "CA$", "A$", "$", "€", "£", "¥", "￥", "₹", "円", "SFr.", "Fr.", "Fr", "CHF", "Rs.",
    "Rs", "USD", "EUR", "GBP", "INR", "JPY", "CAD",
];

/// Shorthand for large amounts: (word, power of ten, language or "" for
/// any). A word is read only in the language where it is the usual one
/// ("mil" is a thousand in Spanish, "Billion" is 10^12 in German, so "bn"
/// and "billion" are English only). Longer forms come first where one is
/// a prefix of another ("Mio." before "Mio").
const SHORTHAND: [(&str, u8, &str); 29] = [
    ("k", 3, ""),
    ("thousand", 3, "en"),
    ("Tsd.", 3, "de"),
    ("Tsd", 3, "de"),
    ("mil", 3, "es"),
    ("千", 3, "ja"),
    ("万", 4, "ja"),
    ("lakhs", 5, "en"),
    ("lakh", 5, "en"),
    ("lacs", 5, "en"),
    ("lac", 5, "en"),
    ("m", 6, ""),
    ("mn", 6, ""),
    ("Mio.", 6, ""),
    ("Mio", 6, ""),
    ("million", 6, ""),
    ("millions", 6, ""),
    ("millones", 6, "es"),
    ("crores", 7, "en"),
    ("crore", 7, "en"),
    ("cr", 7, "en"),
    ("億", 8, "ja"),
    ("bn", 9, "en"),
    ("b", 9, "en"),
    ("billion", 9, "en"),
    ("Mrd.", 9, ""),
    ("Mrd", 9, ""),
    ("Md", 9, "fr"),
    ("Mds", 9, "fr"),
];

/// Length of `token` if `rest` starts with it (ASCII case-insensitive) and
/// it ends at a word boundary, so "kg" is not "k" followed by "g".
fn starts_with_token(rest: &str, token: &str) -> Option<usize> {
    let head = rest.get(..token.len())?;
    if !head.eq_ignore_ascii_case(token) {
        return None;
    }
    let ends_word = token.ends_with(|c: char| c.is_ascii_alphabetic());
    let next = rest[token.len()..].chars().next();
    (!ends_word || !next.is_some_and(|c| c.is_ascii_alphabetic())).then_some(token.len())
}

fn currency_len(rest: &str) -> Option<usize> {
    CURRENCY.iter().find_map(|c| starts_with_token(rest, c))
}

/// Whether the text before the digits is a minus sign (`Ok(true)`), or
/// only spaces, a plus sign and, in money fields, a currency.
fn read_prefix(prefix: &str, kind: FieldKind) -> Result<bool, NumberError> {
    let (mut negative, mut signed, mut currency) = (false, false, false);
    let mut rest = prefix;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_whitespace() {
            c.len_utf8()
        } else if matches!(c, '-' | '\u{2212}' | '+') && !signed {
            signed = true;
            negative = c != '+';
            c.len_utf8()
        } else if let Some(len) = (kind == FieldKind::Money && !currency)
            .then(|| currency_len(rest))
            .flatten()
        {
            currency = true;
            len
        } else {
            return Err(NumberError::NotANumber);
        };
        rest = &rest[len..];
    }
    Ok(negative)
}

/// The power of ten of any shorthand after the digits (0 without one),
/// having checked that the rest is only spaces, `%` in percent fields and
/// a currency in money fields.
fn read_suffix(suffix: &str, kind: FieldKind, locale: &NumberLocale) -> Result<u8, NumberError> {
    let (mut exp, mut shorthand, mut currency, mut percent) = (0, false, false, false);
    let mut rest = suffix;
    if rest.starts_with(['e', 'E']) && rest[1..].starts_with(['+', '-']) {
        return Err(NumberError::Scientific);
    }
    while let Some(c) = rest.chars().next() {
        let len = if c.is_whitespace() {
            c.len_utf8()
        } else if c == '%' && kind == FieldKind::Percent && !percent {
            percent = true;
            1
        } else if let Some(len) = (kind == FieldKind::Money && !currency)
            .then(|| currency_len(rest))
            .flatten()
        {
            currency = true;
            len
        } else if let Some((len, e)) = (!shorthand)
            .then(|| {
                SHORTHAND.iter().find_map(|(word, e, lang)| {
                    let ok = lang.is_empty() || locale.speaks(lang);
                    ok.then(|| starts_with_token(rest, word))
                        .flatten()
                        .map(|l| (l, *e))
                })
            })
            .flatten()
        {
            if kind != FieldKind::Money {
                return Err(NumberError::NoShorthand);
            }
            shorthand = true;
            exp = e;
            len
        } else {
            return Err(NumberError::NotANumber);
        };
        rest = &rest[len..];
    }
    Ok(exp)
}

/// How the single `.` or `,` in a number is read.
enum Mark {
    Decimal,
    Group,
    /// Both readings are plausible: refuse and offer them.
    Ambiguous,
}

/// Decides what a lone `.` or `,` between `before` and `after` digits
/// means, with no other mark in the number to tell.
///
/// - The locale's decimal mark is always a decimal: "1.000" in en-US is 1,
///   because en-US itself writes one with three decimals that way (and
///   the field then shows "= 1", see `Parsed::plain`).
/// - The locale's group mark with three digits after it is a group
///   ("24.000" in de-DE is 24000). Placed anywhere else it is a slip, with
///   one exception: a dot followed by one or two digits in a comma
///   locale is the programmer's decimal everyone has seen ("12.5" in
///   de-DE can only be 12,5). A comma in a dot locale ("12,5" in en-US)
///   is refused: it may be 12.5 or a mistyped 125.
/// - A mark the locale uses for neither ("24.000" in fr-FR) is a decimal
///   unless it could also be a group of three, which is ambiguous.
/// - After nothing or a lone zero (",5", "0,5") the mark is a decimal in
///   any locale: nobody groups a number that starts with zero.
fn lone_mark(m: char, before: &str, after: &str, locale: &NumberLocale) -> Mark {
    let could_group = (1..=3).contains(&before.len()) && after.len() == 3;
    if m == locale.decimal || before.is_empty() || before == "0" {
        Mark::Decimal
    } else if m == locale.group {
        if could_group {
            Mark::Group
        } else if m == '.' && (1..=2).contains(&after.len()) {
            Mark::Decimal
        } else {
            Mark::Ambiguous
        }
    } else if could_group {
        Mark::Ambiguous
    } else {
        Mark::Decimal
    }
}

/// Whether digit runs split by group marks form a real grouping: threes
/// (1,234,567) or the Indian pattern (12,34,567), in any locale, since
/// neither can be misread. "1,23" or "12 5" are not numbers anyone wrote.
fn valid_groups(runs: &[&str]) -> bool {
    let Some((first, rest)) = runs.split_first() else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        return true;
    };
    if first.starts_with('0') {
        return false;
    }
    let threes = (1..=3).contains(&first.len()) && rest.iter().all(|r| r.len() == 3);
    let indian =
        (1..=2).contains(&first.len()) && last.len() == 3 && middle.iter().all(|r| r.len() == 2);
    threes || indian
}

/// The value of `int` digits, `frac` digits and a shorthand power of ten,
/// shifted in decimal text so "1.2m" is exactly 1200000 (not 1.2 × 10^6
/// with a binary rounding error) and parsed once, correctly rounded.
fn value_of(int: &str, frac: &str, exp: u8) -> f64 {
    let mut digits = String::with_capacity(int.len() + frac.len() + 12);
    digits.push_str(int);
    digits.push_str(frac);
    let point = int.len() + exp as usize;
    while digits.len() < point {
        digits.push('0');
    }
    digits.insert(point, '.');
    if point == 0 {
        digits.insert(0, '0');
    }
    super::format::parse_decimal(&digits).unwrap_or(f64::NAN)
}

/// Reads the digits and marks: the value and whether it was plain.
fn read_core(core: &str, locale: &NumberLocale, exp: u8) -> Result<(f64, bool), NumberError> {
    if core.contains(['e', 'E']) {
        return Err(NumberError::Scientific);
    }
    // Digit runs and the marks between them.
    let mut runs: Vec<&str> = Vec::new();
    let mut marks: Vec<char> = Vec::new();
    let mut run_start = 0;
    for (i, c) in core.char_indices() {
        if c.is_ascii_digit() {
            continue;
        }
        if !(is_mark(c) || is_space_group(c)) {
            return Err(NumberError::NotANumber);
        }
        runs.push(&core[run_start..i]);
        marks.push(c);
        run_start = i + c.len_utf8();
    }
    runs.push(&core[run_start..]);
    // Two marks in a row ("1..2", "1 ,5") are never a number; an empty
    // run is only allowed at the very start or end (".5", "12.").
    let last = runs.len() - 1;
    if runs
        .iter()
        .enumerate()
        .any(|(i, r)| r.is_empty() && i != 0 && i != last)
    {
        return Err(NumberError::NotANumber);
    }
    let dots = marks.iter().filter(|&&c| c == '.').count();
    let commas = marks.iter().filter(|&&c| c == ',').count();
    let last_mark = marks.iter().rposition(|&c| is_mark(c));
    // Which mark (by index) is the decimal one, if any.
    let decimal: Option<usize> = match (dots, commas, last_mark) {
        (0, 0, _) | (_, _, None) => None,
        // Both kinds: the last one is the decimal, provided it appears
        // once and nothing follows it ("1.234,5", "1,234.5" everywhere).
        (d, c, Some(k)) if d > 0 && c > 0 => {
            let m = marks[k];
            if (m == '.' && d > 1) || (m == ',' && c > 1) || k != marks.len() - 1 {
                return Err(NumberError::NotANumber);
            }
            Some(k)
        }
        // One kind, several times: only groups can repeat.
        (d, c, Some(_)) if d > 1 || c > 1 => None,
        (_, _, Some(k)) => {
            if k != marks.len() - 1 {
                // "1.234 567": a group mark after a lone dot or comma.
                return Err(NumberError::NotANumber);
            }
            if k > 0 {
                // Space groups came first ("1 234,5"), so this ends them.
                Some(k)
            } else {
                match lone_mark(marks[k], runs[0], runs[1], locale) {
                    Mark::Decimal => Some(k),
                    Mark::Group => None,
                    Mark::Ambiguous => {
                        return ambiguous(runs[0], runs[1], locale, exp);
                    }
                }
            }
        }
    };
    let (int_runs, frac) = match decimal {
        Some(k) => (&runs[..=k], runs[k + 1]),
        None => (&runs[..], ""),
    };
    if int_runs.len() > 1 && !valid_groups(int_runs) {
        return Err(NumberError::NotANumber);
    }
    if decimal.is_none() && runs.len() > 1 && runs.iter().any(|r| r.is_empty()) {
        return Err(NumberError::NotANumber);
    }
    let int: String = int_runs.concat();
    // A fraction of exactly three digits is not plain even with the
    // locale's own mark: "1.000" is 1 in en-US but 1000 to anyone used to
    // the other convention, so the field says which one it read.
    let plain = exp == 0
        && int_runs.len() == 1
        && decimal.is_none_or(|k| marks[k] == locale.decimal && frac.len() != 3);
    Ok((value_of(&int, frac, exp), plain))
}

/// The refusal for a lone mark with two readings, each shown as the
/// locale writes it and as the user could type it unambiguously. When
/// both readings are the same number ("12," in en-US) there is nothing
/// to ask, and it is read.
fn ambiguous(
    before: &str,
    after: &str,
    locale: &NumberLocale,
    exp: u8,
) -> Result<(f64, bool), NumberError> {
    let grouped = value_of(&[before, after].concat(), "", exp);
    let decimal = value_of(before, after, exp);
    if grouped == decimal {
        return Ok((decimal, exp == 0));
    }
    // Show the decimal reading with the decimals typed (trailing zeros
    // dropped, at least one so "24,0" still reads as a decimal).
    let typed = after.trim_end_matches('0').len();
    let places = match exp as usize {
        0 => typed.max(1),
        e => typed.saturating_sub(e),
    } as u8;
    Err(NumberError::Ambiguous(Box::new(Readings {
        first: format_plain(grouped, locale, 0),
        second: format_plain(decimal, locale, places),
        type_first: plain_digits(grouped, locale, 0),
        type_second: plain_digits(decimal, locale, places),
    })))
}

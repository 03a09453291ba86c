//! Writing numbers the way `Intl.NumberFormat` does, in pure Rust.
//!
//! The screen formats through the browser's own Intl (no tables in the
//! wasm); this copy exists so the parser can be proven against what Intl
//! writes natively (parse(format(x)) == x in every preset), so exports can
//! be written without a browser, and so refusal messages can show each
//! reading in the user's own notation. The browser test compares it with
//! the real Intl.

use super::locale::{Grouping, NumberLocale};

/// `x` with exactly `decimals` decimals, grouped as Intl groups it for
/// `locale` (`format_plain(1234567.5, &NumberLocale::EN_IN, 1)` is
/// `12,34,567.5`).
///
/// Rounds half away from zero, as Intl does (Rust's own `{:.1}` rounds
/// exact ties to even: 0.25 would become 0.2, Intl writes 0.3). Negative
/// numbers, including -0, get a leading `-`; NaN and infinities are
/// written as Intl writes them, so callers should sanitise first.
pub fn format_plain(x: f64, locale: &NumberLocale, decimals: u8) -> String {
    write(x, locale, decimals, true)
}

/// `x` as the user should type it: like [`format_plain`] but without group
/// marks, so the text is unambiguous in every locale (`1234,5` in de-DE).
/// Refusal messages use it to offer each reading.
pub fn plain_digits(x: f64, locale: &NumberLocale, decimals: u8) -> String {
    write(x, locale, decimals, false)
}

fn write(x: f64, locale: &NumberLocale, decimals: u8, grouped: bool) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}∞");
    }
    let (int, frac) = round_half_up(x.abs(), decimals as usize);
    let mut out = String::with_capacity(int.len() + frac.len() + 8);
    out.push_str(sign);
    if grouped {
        push_grouped(&mut out, &int, locale);
    } else {
        out.push_str(&int);
    }
    if !frac.is_empty() {
        out.push(locale.decimal);
        out.push_str(&frac);
    }
    out
}

/// The integer and fraction digits of `a >= 0` rounded to `d` decimals,
/// ties away from zero.
///
/// Like Intl (ICU), this rounds the shortest decimal that reads back as
/// the same double, not its exact binary value: 1.005 is stored as
/// 1.00499999…, yet Intl writes it as 1.01 at two decimals, and so must
/// we. Rust's `{}` writes exactly that shortest decimal, never in
/// exponent form.
fn round_half_up(a: f64, d: usize) -> (String, String) {
    let text = shortest(a);
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let up = frac.as_bytes().get(d).is_some_and(|&c| c >= b'5');
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes().take(d)).collect();
    digits.resize(int.len() + d, b'0');
    if up {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let split = digits.len() - d;
    let frac = String::from_utf8_lossy(&digits[split..]).into_owned();
    digits.truncate(split);
    (String::from_utf8_lossy(&digits).into_owned(), frac)
}

/// Appends the integer digits with the locale's group marks.
fn push_grouped(out: &mut String, int: &str, locale: &NumberLocale) {
    let n = int.len();
    if n < 3 + locale.min_grouping as usize {
        out.push_str(int);
        return;
    }
    for (i, c) in int.chars().enumerate() {
        let left = n - i;
        let boundary = match locale.grouping {
            Grouping::Standard => left.is_multiple_of(3),
            Grouping::Indian => left == 3 || (left > 3 && left % 2 == 1),
        };
        if i > 0 && boundary {
            out.push(locale.group);
        }
        out.push(c);
    }
}

/// The shortest decimal that reads back as `a` (finite, `a >= 0`), in plain
/// digits with no exponent: what Rust's `{}` writes.
///
/// In the browser this asks JavaScript's `Number.prototype.toString`, which
/// picks the same digits (ECMA-262 Number::toString, the shortest and
/// closest round-trip decimal) but writes an exponent from 1e21 and below
/// 1e-6, so [`expand_exponent`] spells those out. Rust's own float
/// formatter costs every page about 9 KB of wasm.
pub fn shortest(a: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let text: String = js_sys::Number::from(a)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default();
        expand_exponent(&text)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        a.to_string()
    }
}

/// Reads a decimal the app has already checked (digits, one `.`, an
/// optional sign and exponent; never empty or with spaces) as the nearest
/// double, as Rust's `str::parse` does. In the browser JavaScript's
/// `Number()` does it, which is correctly rounded too (ECMA-262
/// StringToNumber), so Rust's float parser stays out of the page.
pub fn parse_decimal(text: &str) -> Option<f64> {
    if text.is_empty() || text.contains(|c: char| c.is_whitespace()) {
        return None;
    }
    #[cfg(target_arch = "wasm32")]
    {
        // `Number(text)`, the conversion (not `parseFloat`, which would
        // read "1.2.3" as 1.2).
        #[allow(deprecated)]
        let v = js_sys::Number::new(&wasm_bindgen::JsValue::from_str(text)).value_of();
        (!v.is_nan()).then_some(v)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().ok()
    }
}

/// "1.25e+21" → "1250000000000000000000", "5e-7" → "0.0000005"; text
/// without an exponent comes back unchanged.
pub fn expand_exponent(text: &str) -> String {
    let Some((mantissa, exp)) = text.split_once('e') else {
        return text.to_string();
    };
    let exp: i64 = exp.trim_start_matches('+').parse().unwrap_or(0);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    // Where the decimal point goes, counted from the left of `digits`.
    let point = int.len() as i64 + exp;
    let mut out = String::new();
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(&digits);
    } else if point as usize >= digits.len() {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod shortest_tests {
    use super::expand_exponent;
    use proptest::prelude::*;

    /// What JavaScript's Number#toString writes for `x` (ECMA-262 6.1.6.1.20),
    /// built from Rust's shortest digits, so the expansion can be checked
    /// against Rust's `{}` over every double.
    fn js_to_string(x: f64) -> String {
        let sci = format!("{x:e}"); // shortest digits, e.g. "1.25e21"
        let (m, e) = sci.split_once('e').unwrap();
        let e: i64 = e.parse().unwrap();
        let n = e + 1;
        if (-5..=21).contains(&n) {
            return x.to_string();
        }
        let sign = if e >= 0 { "+" } else { "-" };
        format!("{m}e{sign}{}", e.abs())
    }

    #[test]
    fn exponents_are_spelled_out() {
        assert_eq!(expand_exponent("1.25e+21"), "1250000000000000000000");
        assert_eq!(expand_exponent("1e+21"), "1000000000000000000000");
        assert_eq!(expand_exponent("5e-7"), "0.0000005");
        assert_eq!(expand_exponent("1.2345e-7"), "0.00000012345");
        assert_eq!(expand_exponent("1.7976931348623157e+308").len(), 309);
        assert_eq!(expand_exponent("123.5"), "123.5");
    }

    proptest! {
        #[test]
        fn the_expansion_matches_rusts_plain_digits(x in (0.0f64..f64::MAX)) {
            prop_assert_eq!(expand_exponent(&js_to_string(x)), x.to_string());
        }

        #[test]
        fn tiny_and_huge_values_too(m in 1u64..10_000_000, e in -320i32..300) {
            let x = format!("{m}e{e}").parse::<f64>().unwrap();
            if x > 0.0 && x.is_finite() {
                prop_assert_eq!(expand_exponent(&js_to_string(x)), x.to_string());
            }
        }
    }
}

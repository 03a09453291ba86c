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
    let text = a.to_string();
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

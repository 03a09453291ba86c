//! Text helpers the tools' copied and downloaded outputs share: money
//! without the browser's Intl formatter, user text flattened onto one line,
//! Markdown escaping, and a file-name slug. Pure, so each rule is tested
//! once, natively, and every tool writes the same thing.

/// Money as `$12,000` or `$1,250.50`: cents only when there are some.
/// Negative, NaN and infinite amounts read `$0`. Written out in full up
/// to 10^36 dollars (far past any product of bounded inputs); beyond that
/// it says so instead of printing a saturated number. The views use the
/// browser's Intl formatter instead; this one keeps recaps and summaries
/// pure.
pub fn format_money(x: f64) -> String {
    let x = crate::numbers::finite_non_negative(x);
    // `as u128` saturates: refuse rather than print u128::MAX.
    if x >= u128::MAX as f64 / 100.0 {
        return "an amount too large to show".into();
    }
    // Cents while an f64 holds them exactly (below 2^53 cents); past that
    // the amount is whole dollars anyway, and multiplying by 100 would only
    // add rounding noise to the last digits.
    let (mut whole, frac) = if x * 100.0 < 9_007_199_254_740_992.0 {
        let cents = (x * 100.0).round() as u128;
        (cents / 100, cents % 100)
    } else {
        (x.round() as u128, 0)
    };
    // Digits from the right, a comma every three, then reversed.
    let mut rev: Vec<u8> = Vec::with_capacity(64);
    if frac != 0 {
        rev.push(b'0' + (frac % 10) as u8);
        rev.push(b'0' + (frac / 10) as u8);
        rev.push(b'.');
    }
    let mut n = 0;
    loop {
        if n > 0 && n % 3 == 0 {
            rev.push(b',');
        }
        rev.push(b'0' + (whole % 10) as u8);
        whole /= 10;
        n += 1;
        if whole == 0 {
            break;
        }
    }
    rev.push(b'$');
    rev.reverse();
    // Only ASCII digits, commas, a dot and `$` were pushed.
    String::from_utf8(rev).unwrap_or_default()
}

thread_local! {
    static MONEY: std::cell::Cell<fn(f64) -> String> = const { std::cell::Cell::new(format_money) };
}

/// Money in copied and downloaded text: [`format_money`] until the app
/// installs the screen's own formatter (the chosen currency, the user's
/// locale) with [`set_money_formatter`]. Builders call this instead of
/// assuming dollars, and stay pure: natively it is `format_money`.
pub fn money(x: f64) -> String {
    MONEY.with(|m| m.get())(x)
}

/// Installs the formatter [`money`] uses.
pub fn set_money_formatter(f: fn(f64) -> String) {
    MONEY.with(|m| m.set(f));
}

/// Every run of whitespace, line breaks included, becomes one space, and
/// the ends are trimmed: typed text can't break a one-line layout.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The non-blank lines, trimmed and joined with " / ": notes that span
/// lines keep their line structure visible inside one bullet.
pub fn join_lines(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// A backslash before each character that would turn typed text into
/// Markdown syntax (emphasis, code, links, headings, HTML, tables).
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The longest slug `file_slug` writes, in characters.
pub const SLUG_MAX_CHARS: usize = 60;

/// A file-name part from a title: its words (runs of letters and digits,
/// any script) in lower case, joined by single dashes, at most
/// `SLUG_MAX_CHARS` characters and never ending in a dash; `fallback` when
/// the title has no word at all.
pub fn file_slug(title: &str, fallback: &str) -> String {
    let mut slug = String::new();
    let mut chars = 0;
    for word in title.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if chars > 0 {
            if chars + 1 >= SLUG_MAX_CHARS {
                break;
            }
            slug.push('-');
            chars += 1;
        }
        // Per word, so a final capital sigma lower-cases to "ς".
        for c in lower(word).chars() {
            if chars == SLUG_MAX_CHARS {
                break;
            }
            slug.push(c);
            chars += 1;
        }
    }
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

/// `text` in lower case, by Unicode's rules (a final capital sigma becomes
/// "ς"). In the browser this is JavaScript's own `toLowerCase`, which
/// follows the same rules: Rust's carries Unicode case tables that cost
/// every page over a kilobyte of wasm.
pub fn lower(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
}

/// Whether a list row matches what was typed into its search box: every
/// word of `query` appears, ignoring case, in one of the row's `fields`. An
/// empty query matches everything.
pub fn matches_query(query: &str, fields: &[&str]) -> bool {
    let fields: Vec<String> = fields.iter().map(|f| lower(f)).collect();
    query
        .split_whitespace()
        .map(lower)
        .all(|word| fields.iter().any(|f| f.contains(&word)))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn a_search_matches_every_word_in_any_field_ignoring_case() {
        let row = ["Acme renewal", "Müller GmbH"];
        assert!(matches_query("", &row));
        assert!(matches_query("  ", &row));
        assert!(matches_query("acme", &row));
        assert!(matches_query("RENEWAL müller", &row));
        assert!(matches_query("MÜLLER", &row));
        assert!(!matches_query("acme globex", &row));
        assert!(!matches_query("x", &[]));
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn money_hand_worked() {
        assert_eq!(format_money(0.0), "$0");
        assert_eq!(format_money(7.0), "$7");
        assert_eq!(format_money(999.0), "$999");
        assert_eq!(format_money(1000.0), "$1,000");
        assert_eq!(format_money(1250.5), "$1,250.50");
        assert_eq!(
            format_money(12_345.678),
            "$12,345.68",
            "rounded to the cent"
        );
        assert_eq!(format_money(0.05), "$0.05");
        assert_eq!(format_money(999_999.995), "$1,000,000", "rounding carries");
        assert_eq!(format_money(250_001.5), "$250,001.50");
        assert_eq!(format_money(-3.0), "$0");
        assert_eq!(format_money(f64::NAN), "$0");
        assert_eq!(format_money(f64::INFINITY), "$0");
    }

    #[test]
    fn money_never_saturates_silently() {
        // u64 cents stopped at $184,467,440,737,095,516.15.
        assert_eq!(format_money(1e18), "$1,000,000,000,000,000,000");
        assert_eq!(format_money(1.2e22), "$12,000,000,000,000,000,000,000");
        assert_eq!(format_money(1e12 * 12.0), "$12,000,000,000,000");
        assert_eq!(format_money(1e308), "an amount too large to show");
        assert_ne!(format_money(1e19), format_money(1e20));
    }

    #[test]
    fn one_line_and_join_lines_hand_worked() {
        assert_eq!(one_line("  Acme\n  Corp\t Ltd "), "Acme Corp Ltd");
        assert_eq!(one_line("\n\n"), "");
        assert_eq!(join_lines("  first\n\n second  \n"), "first / second");
        assert_eq!(
            join_lines("one  line"),
            "one  line",
            "spaces inside a line stay"
        );
        assert_eq!(join_lines(" \n "), "");
    }

    #[test]
    fn markdown_escape_hand_worked() {
        assert_eq!(md_escape("Big *deal* #1"), "Big \\*deal\\* \\#1");
        assert_eq!(
            md_escape("a_b [c](d) <e> f|g `h` \\"),
            "a\\_b \\[c\\](d) \\<e\\> f\\|g \\`h\\` \\\\"
        );
        assert_eq!(md_escape("plain, text. 100% ok!"), "plain, text. 100% ok!");
    }

    #[test]
    fn slug_hand_worked() {
        assert_eq!(file_slug("Acme discovery", "call"), "acme-discovery");
        assert_eq!(file_slug("Big *deal* #1", "deal"), "big-deal-1");
        assert_eq!(file_slug("  --Q3: renewal!! ", "x"), "q3-renewal");
        assert_eq!(
            file_slug("Müller GmbH", "x"),
            "müller-gmbh",
            "letters of any script"
        );
        assert_eq!(file_slug("", "call"), "call");
        assert_eq!(file_slug("*** ###", "deal"), "deal");
        let long = "word ".repeat(30);
        let slug = file_slug(&long, "x");
        assert_eq!(slug.chars().count(), 59, "12 words of 4 + 11 dashes");
        assert!(!slug.ends_with('-'));
        assert_eq!(file_slug(&"a".repeat(80), "x"), "a".repeat(60));
    }

    proptest! {
        /// Whatever is typed, the slug is a safe, bounded file-name part.
        #[test]
        fn slugs_are_safe(title in "\\PC{0,120}") {
            let slug = file_slug(&title, "fallback");
            prop_assert!(!slug.is_empty());
            prop_assert!(slug.chars().count() <= SLUG_MAX_CHARS);
            prop_assert!(!slug.starts_with('-') && !slug.ends_with('-'));
            prop_assert!(!slug.contains("--"));
            // Lower-casing "İ" gives "i" and a combining dot above.
            let word_char = |c: char| c.is_alphanumeric() || c == '\u{307}';
            prop_assert!(slug.chars().all(|c| c == '-' || word_char(c)));
        }

        /// Grouping and cents read back as the rounded amount.
        #[test]
        fn money_reads_back(cents in 0u64..10_000_000_000) {
            let text = format_money(cents as f64 / 100.0);
            let digits: String = text.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
            let back: f64 = digits.parse().unwrap();
            prop_assert!((back * 100.0 - cents as f64).abs() < 0.5);
        }
    }
}

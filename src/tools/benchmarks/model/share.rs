//! The calculator's share link: a funnel's inputs in the URL fragment
//! (`#/benchmarks/share/1-<code>`), opened read-only by a colleague.
//!
//! Format (version 1): the version, a dash, then share-code base 32
//! (`crate::share_code`) of a UTF-8 record and its CRC-8. The record is
//! `;`-separated: segment slug, mode slug, then every input as a plain
//! number (`.` decimals, no grouping, so it reads the same in every
//! locale) or empty, and for "My baseline" its thirty range ends, the
//! closed deals, the year and the name. Only numbers and the baseline's
//! name travel: nothing else the user typed. A code is refused, never
//! half-read, when any part is wrong; codes are capped in length, so a
//! hostile fragment costs nothing.

use super::*;
use crate::numbers::{finite_non_negative, user_locale};
use crate::route::{Route, Tool};
use crate::share_code::{crc8, from_base32, to_base32, version};

/// The version this build writes.
pub const SHARE_VERSION: u32 = 1;
/// Longest code accepted (a full funnel with an own baseline is ~400).
pub const MAX_CODE: usize = 1200;
/// Longest baseline name carried.
pub const MAX_NAME: usize = 40;

/// Why a shared funnel was refused, in words for the strip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FunnelShareError {
    Empty,
    Newer(u32),
    Damaged,
}

impl FunnelShareError {
    /// The short message shown instead of the funnel.
    pub fn message(&self) -> String {
        match self {
            Self::Empty => "This share link has no funnel in it.".into(),
            Self::Newer(v) => {
                format!("This share link was made by a newer Stagecraft (format {v}).")
            }
            Self::Damaged => {
                "This share link has been cut short or changed, so its numbers can't be trusted."
                    .into()
            }
        }
    }
}

/// What the part of the route after `#/benchmarks/` asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum BenchmarksRoute {
    /// The user's own funnel.
    Own,
    /// A colleague's funnel, decoded or refused.
    Shared(Result<Box<BenchmarksDoc>, FunnelShareError>),
}

impl BenchmarksRoute {
    pub fn parse(rest: &str) -> BenchmarksRoute {
        match rest.strip_prefix("share") {
            Some("") => BenchmarksRoute::Shared(Err(FunnelShareError::Empty)),
            Some(tail) => match tail.strip_prefix('/') {
                Some(code) => BenchmarksRoute::Shared(decode_funnel(code).map(Box::new)),
                None => BenchmarksRoute::Own,
            },
            None => BenchmarksRoute::Own,
        }
    }
}

/// The fragment of a share link for this document's inputs.
pub fn funnel_fragment(doc: &BenchmarksDoc) -> String {
    Route::Tool {
        tool: Tool::Benchmarks,
        rest: format!("share/{}", encode_funnel(doc)),
    }
    .href()
}

/// Every number field of the document, in record order.
fn fields() -> impl Iterator<Item = Field> {
    [Field::Prospects, Field::OpenOpportunities, Field::DealSize]
        .into_iter()
        .chain((0..FUNNEL).map(Field::Conversion))
        .chain((0..FUNNEL).map(Field::Days))
        .chain([Field::OnboardingDays])
        .chain((0..7).map(Field::Count))
        .chain([Field::Quota])
}

/// A value as the record writes it: shortest round-trip text.
fn plain(v: f64) -> String {
    format!("{}", finite_non_negative(v))
}

/// Encodes the inputs. Fields that are empty or invalid travel empty.
pub fn encode_funnel(doc: &BenchmarksDoc) -> String {
    let mut parts: Vec<String> = vec![doc.segment.slug().into(), mode_slug(doc.mode).into()];
    for f in fields() {
        parts.push(match read_field(doc, f) {
            Some(v) => plain(v),
            None => String::new(),
        });
    }
    if doc.segment == Segment::MyBaseline {
        let b = &doc.baseline;
        for (lo, hi) in BaselineField::pairs() {
            for f in [lo, hi] {
                let v = crate::numbers::read(b.raw(f), f.kind(), f.rules())
                    .ok()
                    .flatten();
                parts.push(v.map(plain).unwrap_or_default());
            }
        }
        parts.push(b.closed_deals().map(plain).unwrap_or_default());
        parts.push(b.year.map(|y| y.to_string()).unwrap_or_default());
        let name: String = b
            .name
            .chars()
            .filter(|c| *c != ';')
            .take(MAX_NAME)
            .collect();
        parts.push(name);
    }
    let mut bytes = parts.join(";").into_bytes();
    bytes.push(crc8(&bytes));
    format!("{SHARE_VERSION}-{}", to_base32(&bytes))
}

fn read_field(doc: &BenchmarksDoc, f: Field) -> Option<f64> {
    crate::numbers::read(doc.raw(f), f.kind(), f.rules())
        .ok()
        .flatten()
}

fn mode_slug(m: InputMode) -> &'static str {
    match m {
        InputMode::Rates => "rates",
        InputMode::Counts => "counts",
    }
}

/// A record number back as text the reader's locale parses: only digits
/// and one decimal point are accepted, and the field's own rules apply.
fn number_text(s: &str, rules: crate::numbers::NumberRules) -> Option<String> {
    if s.is_empty() {
        return Some(String::new());
    }
    let ok = s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && s.bytes().filter(|b| *b == b'.').count() <= 1
        && s.len() <= 24;
    let v: f64 = s.parse().ok().filter(|v: &f64| v.is_finite() && ok)?;
    if rules.max.is_some_and(|m| v > m) {
        return None;
    }
    let dec = user_locale().decimal.to_string();
    Some(s.replace('.', &dec))
}

/// Decodes a share code, refusing anything this build did not write.
pub fn decode_funnel(code: &str) -> Result<BenchmarksDoc, FunnelShareError> {
    use FunnelShareError as E;
    if code.is_empty() {
        return Err(E::Empty);
    }
    if code.len() > MAX_CODE {
        return Err(E::Damaged);
    }
    let (v, payload) = code.split_once('-').ok_or(E::Damaged)?;
    let v = version(v).ok_or(E::Damaged)?;
    if v != SHARE_VERSION {
        return Err(E::Newer(v));
    }
    let mut bytes = from_base32(payload).map_err(|_| E::Damaged)?;
    let check = bytes.pop().ok_or(E::Damaged)?;
    if crc8(&bytes) != check {
        return Err(E::Damaged);
    }
    let text = String::from_utf8(bytes).map_err(|_| E::Damaged)?;
    let mut parts = text.split(';');
    let mut next = || parts.next().ok_or(E::Damaged);
    let mut doc = BenchmarksDoc {
        segment: Segment::from_slug(next()?).ok_or(E::Damaged)?,
        mode: match next()? {
            "rates" => InputMode::Rates,
            "counts" => InputMode::Counts,
            _ => return Err(E::Damaged),
        },
        ..BenchmarksDoc::default()
    };
    for f in fields() {
        let t = number_text(next()?, f.rules()).ok_or(E::Damaged)?;
        doc.apply(Action::SetField(f, t));
    }
    if doc.segment == Segment::MyBaseline {
        for (lo, hi) in BaselineField::pairs() {
            for f in [lo, hi] {
                let t = number_text(next()?, f.rules()).ok_or(E::Damaged)?;
                doc.apply(Action::SetBaselineField(f, t));
            }
        }
        doc.baseline.closed_deals = number_text(next()?, CLOSED_DEALS_RULES).ok_or(E::Damaged)?;
        let year = next()?;
        doc.baseline.year = match year {
            "" => None,
            y => Some(
                y.parse::<i32>()
                    .ok()
                    .filter(|y| (1900..=9999).contains(y))
                    .ok_or(E::Damaged)?,
            ),
        };
        let name = next()?;
        if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
            return Err(E::Damaged);
        }
        doc.baseline.name = name.into();
    }
    if parts.next().is_some() {
        return Err(E::Damaged);
    }
    Ok(doc)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn example() -> BenchmarksDoc {
        let mut d = BenchmarksDoc::default();
        d.apply(Action::LoadExample);
        d
    }

    #[test]
    fn the_example_round_trips() {
        let d = example();
        let code = encode_funnel(&d);
        assert!(code.starts_with("1-") && code.len() < 200, "{code}");
        let back = decode_funnel(&code).unwrap();
        assert_eq!(back.analysis(), d.analysis());
        assert_eq!(back.prospects, "400");
        let frag = funnel_fragment(&d);
        let rest = frag.trim_start_matches("#/benchmarks/");
        assert!(matches!(
            BenchmarksRoute::parse(rest),
            BenchmarksRoute::Shared(Ok(_))
        ));
        assert_eq!(BenchmarksRoute::parse(""), BenchmarksRoute::Own);
        assert_eq!(BenchmarksRoute::parse("shared"), BenchmarksRoute::Own);
    }

    #[test]
    fn an_own_baseline_travels_with_its_provenance() {
        let mut d = example();
        d.apply(Action::SetSegment(Segment::MyBaseline));
        d.apply(Action::SetBaselineField(
            BaselineField::ConversionLow(2),
            "40".into(),
        ));
        d.apply(Action::SetBaselineClosedDeals("24".into()));
        d.baseline.name = "West; team".into();
        d.baseline.year = Some(2026);
        let back = decode_funnel(&encode_funnel(&d)).unwrap();
        assert_eq!(back.baseline.conversion_low[2], "40");
        assert_eq!(back.baseline.name, "West team");
        assert_eq!(back.baseline.year, Some(2026));
        assert!(back.provenance().thin());
    }

    #[test]
    fn damaged_codes_are_refused() {
        let code = encode_funnel(&example());
        for bad in [
            "".to_string(),
            "1-".into(),
            "2-abc".into(),
            "01-abc".into(),
            code[..code.len() - 1].into(),
            format!("{code}0"),
            code.replacen('-', "", 1),
            "x".repeat(MAX_CODE + 1),
        ] {
            assert!(decode_funnel(&bad).is_err(), "{bad}");
        }
        // A changed character is caught by the checksum.
        let mut chars: Vec<char> = code.chars().collect();
        let k = chars.len() / 2;
        chars[k] = if chars[k] == '0' { '1' } else { '0' };
        let changed: String = chars.into_iter().collect();
        assert!(decode_funnel(&changed).is_err());
        assert_eq!(
            FunnelShareError::Newer(2).message(),
            "This share link was made by a newer Stagecraft (format 2)."
        );
    }

    /// A well-formed record with hostile numbers is still refused.
    #[test]
    fn out_of_range_numbers_are_refused() {
        let mut bytes = b"mid-market;rates;1e400;;;;;;;;;;;;;;;;;;;;;;;;".to_vec();
        bytes.push(crc8(&bytes));
        let code = format!("1-{}", to_base32(&bytes));
        assert_eq!(decode_funnel(&code), Err(FunnelShareError::Damaged));
    }

    proptest! {
        /// Any fragment at all: refused or read, never a panic.
        #[test]
        fn hostile_codes_never_panic(s in ".{0,300}") {
            let _ = decode_funnel(&s);
            let _ = BenchmarksRoute::parse(&format!("share/{s}"));
        }

        /// Valid payload characters with a good checksum: never a panic.
        #[test]
        fn checksummed_garbage_never_panics(s in "[a-z0-9;.\\-]{0,200}") {
            let mut bytes = s.into_bytes();
            bytes.push(crc8(&bytes));
            let _ = decode_funnel(&format!("1-{}", to_base32(&bytes)));
        }

        /// Every funnel of numbers comes back with the same result.
        #[test]
        fn funnels_round_trip(p in 0u32..100_000, deal in 0u32..1_000_000, c in proptest::collection::vec(0.0..=100.0f64, FUNNEL)) {
            let mut d = example();
            d.apply(Action::SetField(Field::Prospects, p.to_string()));
            d.apply(Action::SetField(Field::DealSize, deal.to_string()));
            for (i, v) in c.iter().enumerate() {
                d.apply(Action::SetField(Field::Conversion(i), format!("{:.1}", v)));
            }
            let back = decode_funnel(&encode_funnel(&d)).unwrap();
            prop_assert_eq!(back.analysis(), d.analysis());
        }
    }
}

//! The share code and share routes: sixteen answers in a short, URL-safe,
//! versioned string, and the `#/audit/share/<code>` route that carries it.
//!
//! Format (version 1): `1-xxxxxxxx`, the version in decimal, a dash, then
//! eight characters of lowercase Crockford base 32 (no `i l o u`, so nothing
//! is mistaken for a digit). The eight characters carry 40 bits: the answers
//! at two bits each, q1 in the highest bits, then a CRC-8 over the version
//! and the answers. The checksum catches any single mistyped or truncated
//! character, so a damaged link is refused instead of showing a wrong score.
//! No personal data is ever encoded: only the answers.

use super::model::{Answer, AnswerSet};
use super::questions::COUNT;
use crate::route::{Route, Tool};

/// The version this build writes. Decoding accepts only versions it knows.
pub const VERSION: u32 = 1;

use crate::share_code::{shorten, ALPHABET};
const PAYLOAD_LEN: usize = 8;

/// Why a share code was refused. The report shows the message to the
/// visitor, so each one says what is wrong in plain words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    #[error("The link has no audit in it.")]
    Empty,
    #[error("The link is missing its version number.")]
    MissingVersion,
    #[error("The link's version number “{0}” is not valid.")]
    BadVersion(String),
    #[error("The link was made by a newer version of Stagecraft (format {0}).")]
    UnsupportedVersion(u32),
    #[error("The link is cut short or has extra characters ({found} instead of 8).")]
    WrongLength { found: usize },
    #[error("The link contains a character that can't be part of it (“{0}”).")]
    BadCharacter(char),
    #[error("The link has been changed or mistyped, so its answers can't be trusted.")]
    ChecksumMismatch,
}

/// Encodes a complete set of answers.
pub fn encode(answers: &AnswerSet) -> String {
    let packed = pack(answers);
    let value = (u64::from(packed) << 8) | u64::from(checksum(VERSION, packed));
    let mut out = format!("{VERSION}-");
    for i in (0..PAYLOAD_LEN).rev() {
        let digit = ((value >> (i * 5)) & 0x1f) as usize;
        out.push(ALPHABET[digit] as char);
    }
    out
}

/// Decodes a share code, refusing anything this build did not produce.
pub fn decode(code: &str) -> Result<AnswerSet, ShareError> {
    if code.is_empty() {
        return Err(ShareError::Empty);
    }
    let (version, payload) = code.split_once('-').ok_or(ShareError::MissingVersion)?;
    if version.is_empty() {
        return Err(ShareError::MissingVersion);
    }
    // Only the canonical spelling: digits, no sign, no leading zero.
    let version_number = crate::share_code::version(version)
        .ok_or_else(|| ShareError::BadVersion(shorten(version)))?;
    if version_number != VERSION {
        return Err(ShareError::UnsupportedVersion(version_number));
    }
    let found = payload.chars().count();
    if found != PAYLOAD_LEN {
        return Err(ShareError::WrongLength { found });
    }
    let mut value: u64 = 0;
    for c in payload.chars() {
        let digit = crate::share_code::digit(c).ok_or(ShareError::BadCharacter(c))?;
        value = (value << 5) | u64::from(digit);
    }
    let packed = (value >> 8) as u32;
    let check = (value & 0xff) as u8;
    if check != checksum(version_number, packed) {
        return Err(ShareError::ChecksumMismatch);
    }
    Ok(unpack(packed))
}

fn pack(answers: &AnswerSet) -> u32 {
    answers
        .0
        .iter()
        .fold(0u32, |acc, a| (acc << 2) | u32::from(a.value()))
}

fn unpack(packed: u32) -> AnswerSet {
    let mut out = [Answer::ZERO; COUNT];
    for (i, slot) in out.iter_mut().enumerate() {
        let shift = 2 * (COUNT - 1 - i);
        // Two bits are always 0..=3, so this never falls back.
        *slot = Answer::new(((packed >> shift) & 0b11) as u8).unwrap_or(Answer::ZERO);
    }
    AnswerSet(out)
}

/// CRC-8 over the version byte and the four answer bytes: any one wrong
/// character changes it.
fn checksum(version: u32, packed: u32) -> u8 {
    let b = packed.to_be_bytes();
    crate::share_code::crc8(&[version as u8, b[0], b[1], b[2], b[3]])
}

// Pure tests run natively (`cargo test`); the wasm tier runs tests/web_*.rs.
// ---------------------------------------------------------------------------
// Share routes
// ---------------------------------------------------------------------------

/// What the part of the route after `#/audit/` asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditRoute {
    /// The user's own audit.
    Own,
    /// A shared report, decoded or refused.
    Shared(Result<AnswerSet, ShareError>),
}

impl AuditRoute {
    pub fn parse(rest: &str) -> AuditRoute {
        match rest.strip_prefix("share") {
            Some("") => AuditRoute::Shared(decode("")),
            Some(tail) => match tail.strip_prefix('/') {
                Some(code) => AuditRoute::Shared(decode(code)),
                // e.g. "shared": not a share route at all.
                None => AuditRoute::Own,
            },
            None => AuditRoute::Own,
        }
    }
}

/// The fragment of a share link: `#/audit/share/<code>`.
pub fn share_fragment(set: &AnswerSet) -> String {
    Route::Tool {
        tool: Tool::Audit,
        rest: format!("share/{}", encode(set)),
    }
    .href()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn set(values: [u8; COUNT]) -> AnswerSet {
        AnswerSet(values.map(|v| Answer::new(v).unwrap()))
    }

    #[test]
    fn share_routes() {
        let a = set([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
        let frag = share_fragment(&a);
        assert!(frag.starts_with("#/audit/share/1-"), "{frag}");
        let rest = frag.trim_start_matches("#/audit/");
        assert_eq!(AuditRoute::parse(rest), AuditRoute::Shared(Ok(a)));
        assert_eq!(AuditRoute::parse(""), AuditRoute::Own);
        assert_eq!(AuditRoute::parse("shared"), AuditRoute::Own);
        assert!(matches!(
            AuditRoute::parse("share"),
            AuditRoute::Shared(Err(_))
        ));
        assert!(matches!(
            AuditRoute::parse("share/zz"),
            AuditRoute::Shared(Err(_))
        ));
    }

    #[test]
    fn known_codes() {
        assert_eq!(encode(&set([0; COUNT])), "1-00000032");
        let all_three = encode(&set([3; COUNT]));
        assert_eq!(all_three.len(), 10);
        assert_eq!(decode(&all_three), Ok(set([3; COUNT])));
    }

    #[test]
    fn round_trip_of_a_mixed_audit() {
        let a = set([3, 2, 1, 0, 0, 1, 2, 3, 3, 3, 0, 0, 2, 2, 1, 1]);
        let code = encode(&a);
        assert!(code.starts_with("1-"));
        assert!(code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
        assert_eq!(decode(&code), Ok(a));
    }

    #[test]
    fn rejects_every_kind_of_malformed_code() {
        let good = encode(&set([1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0]));
        let payload = &good[2..];
        assert_eq!(decode(""), Err(ShareError::Empty));
        assert_eq!(decode(payload), Err(ShareError::MissingVersion));
        assert_eq!(
            decode(&format!("-{payload}")),
            Err(ShareError::MissingVersion)
        );
        assert_eq!(
            decode(&format!("v1-{payload}")),
            Err(ShareError::BadVersion("v1".into()))
        );
        assert_eq!(
            decode(&format!("01-{payload}")),
            Err(ShareError::BadVersion("01".into()))
        );
        assert_eq!(
            decode(&format!("+1-{payload}")),
            Err(ShareError::BadVersion("+1".into()))
        );
        assert_eq!(
            decode(&format!("99999999999-{payload}")),
            Err(ShareError::BadVersion("99999999999".into()))
        );
        assert_eq!(
            decode(&format!("2-{payload}")),
            Err(ShareError::UnsupportedVersion(2))
        );
        assert_eq!(
            decode(&format!("0-{payload}")),
            Err(ShareError::UnsupportedVersion(0))
        );
        assert_eq!(decode("1-"), Err(ShareError::WrongLength { found: 0 }));
        assert_eq!(
            decode(&good[..9]),
            Err(ShareError::WrongLength { found: 7 })
        );
        assert_eq!(
            decode(&format!("{good}0")),
            Err(ShareError::WrongLength { found: 9 })
        );
        assert_eq!(
            decode(&format!("{good}/x")),
            Err(ShareError::WrongLength { found: 10 })
        );
        for bad in ['i', 'l', 'o', 'u', 'A', '%', '/', ' ', 'é', '-'] {
            let mut code = good.clone();
            code.replace_range(5..6, &bad.to_string());
            assert_eq!(decode(&code), Err(ShareError::BadCharacter(bad)), "{code}");
        }
        // Every single-character change to the payload is caught.
        for pos in 2..good.len() {
            for &c in ALPHABET.iter() {
                let mut bytes = good.clone().into_bytes();
                if bytes[pos] == c {
                    continue;
                }
                bytes[pos] = c;
                let code = String::from_utf8(bytes).unwrap();
                assert_eq!(decode(&code), Err(ShareError::ChecksumMismatch), "{code}");
            }
        }
    }

    #[test]
    fn long_garbage_is_shortened_in_the_message() {
        let long = "x".repeat(500);
        let err = decode(&format!("{long}-00000000")).unwrap_err();
        assert!(err.to_string().chars().count() < 80, "{err}");
    }

    proptest! {
        #[test]
        fn every_answer_vector_round_trips(values in proptest::array::uniform16(0u8..=3)) {
            let a = set(values);
            let code = encode(&a);
            prop_assert_eq!(code.len(), 10);
            prop_assert_eq!(decode(&code), Ok(a));
        }

        #[test]
        fn decode_never_panics(s in "\\PC{0,40}") {
            let _ = decode(&s);
        }

        #[test]
        fn near_miss_codes_are_refused_or_exact(s in "1-[0-9a-z]{8}") {
            // Whatever decodes must re-encode to the very same code.
            if let Ok(a) = decode(&s) {
                prop_assert_eq!(encode(&a), s);
            }
        }
    }
}

//! Pieces every share link is built from, so the audit's code and the
//! calculator's speak the same alphabet: lowercase Crockford base 32 (no
//! `i l o u`, so nothing reads as a digit), a CRC-8 that catches any one
//! mistyped character, and short error echoes.

/// The 32 characters of a share code, value order.
pub const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// The value of one share-code character, or `None` when it cannot be one.
pub fn digit(c: char) -> Option<u8> {
    ALPHABET
        .iter()
        .position(|&a| a as char == c)
        .map(|p| p as u8)
}

/// CRC-8 (polynomial 0x07): detects every error burst up to 8 bits, so any
/// one wrong character of a code.
pub fn crc8(bytes: &[u8]) -> u8 {
    let mut crc: u8 = 0;
    for &byte in bytes {
        crc ^= byte;
        for _ in 0..8 {
            crc = if crc & 0x80 != 0 {
                (crc << 1) ^ 0x07
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// Bytes as share-code characters, five bits each, the last one padded
/// with zero bits.
pub fn to_base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 5 + 1);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((acc >> bits) & 0x1f) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((acc << (5 - bits)) & 0x1f) as usize] as char);
    }
    out
}

/// The bytes of [`to_base32`] text. Refuses the first character outside
/// the alphabet (`Err(Some(c))`) and padding that is not zero or longer
/// than one character (`Err(None)`), so each byte string has one spelling.
pub fn from_base32(text: &str) -> Result<Vec<u8>, Option<char>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.chars() {
        let d = digit(c).ok_or(Some(c))?;
        acc = ((acc << 5) | u32::from(d)) & 0xfff;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    if bits >= 5 || acc & ((1 << bits) - 1) != 0 {
        return Err(None);
    }
    Ok(out)
}

/// Keeps error messages short when someone pastes a wall of text.
pub fn shorten(s: &str) -> String {
    shorten_to(s, 12)
}

/// The first `max` characters of `s`, and "…" when there were more. Stops
/// reading at `max`, so a megabyte of text costs no more than a word.
pub fn shorten_to(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => {
            let mut out = String::with_capacity(end + '…'.len_utf8());
            out.push_str(&s[..end]);
            out.push('…');
            out
        }
        None => s.to_string(),
    }
}

/// Parses a share code's version: digits only, no sign, no leading zero.
pub fn version(text: &str) -> Option<u32> {
    let canonical = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
        && !(text.len() > 1 && text.starts_with('0'));
    canonical.then(|| text.parse().ok()).flatten()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn base32_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            prop_assert_eq!(from_base32(&to_base32(&bytes)), Ok(bytes));
        }

        #[test]
        fn base32_never_panics(s in ".{0,80}") {
            let _ = from_base32(&s);
        }
    }

    #[test]
    fn shorten_to_keeps_whole_characters() {
        assert_eq!(shorten_to("abc", 3), "abc");
        assert_eq!(shorten_to("abcd", 3), "abc…");
        assert_eq!(shorten_to("ééééé", 2), "éé…");
        assert_eq!(shorten_to("", 0), "");
        assert_eq!(
            shorten("x".repeat(13).as_str()),
            format!("{}…", "x".repeat(12))
        );
    }

    #[test]
    fn crc_and_version() {
        assert_eq!(crc8(&[]), 0);
        assert_ne!(crc8(b"1"), crc8(b"2"));
        assert_eq!(version("1"), Some(1));
        assert_eq!(version("01"), None);
        assert_eq!(version("+1"), None);
        assert_eq!(version(""), None);
        assert_eq!(from_base32("0i"), Err(Some('i')));
    }
}

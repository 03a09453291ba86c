//! Contact cards (.vcf) of a deal's stakeholders, for an address book or a
//! CRM's contact import.
//!
//! vCard 3.0 (RFC 2426) because every address book reads it, where 4.0 is
//! still patchy. Same TEXT escaping, CRLF ends and 75-octet folding as the
//! calendar files (one implementation, in `text`).

use super::text::ContentLines;

/// What the card says when a person has neither a name nor an email: `FN`
/// is required (RFC 2426 §3.1.1), so it cannot be left out.
pub const UNNAMED: &str = "Unnamed contact";

/// One person. Empty fields are left off the card.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    /// Full name as typed ("Ana María López", or "López, Ana María").
    pub name: String,
    /// Organisation (the deal's company).
    pub org: String,
    /// Job title.
    pub title: String,
    /// Email address, kept as typed.
    pub email: String,
    /// Phone number, kept as typed.
    pub phone: String,
    /// Free text.
    pub note: String,
}

/// The formatted name: the name, else the email, else [`UNNAMED`], so an
/// address book never shows a blank entry.
pub fn formatted_name(contact: &Contact) -> &str {
    let name = contact.name.trim();
    if !name.is_empty() {
        return name;
    }
    let email = contact.email.trim();
    if !email.is_empty() {
        return email;
    }
    UNNAMED
}

/// The family and given names for `N` (required by RFC 2426 §3.1.2):
/// "Family, Given" splits at the comma; otherwise the last word is the family
/// name and the words before it the given names. Imperfect for some cultures,
/// which is why `FN` carries the name exactly as typed.
pub fn family_given(name: &str) -> (&str, &str) {
    let name = name.trim();
    if let Some((family, given)) = name.split_once(',') {
        return (family.trim(), given.trim());
    }
    match name.rfind(char::is_whitespace) {
        Some(at) => (name[at..].trim(), name[..at].trim()),
        None => (name, ""),
    }
}

/// All `contacts` as one .vcf file: per card `BEGIN:VCARD`, `VERSION:3.0`,
/// `FN`, `N`, then `ORG`, `TITLE`, `EMAIL;TYPE=INTERNET`, `TEL` and `NOTE`
/// when present.
pub fn vcards(contacts: &[Contact]) -> String {
    let mut lines = ContentLines::new();
    for contact in contacts {
        lines.raw("BEGIN", "VCARD");
        lines.raw("VERSION", "3.0");
        lines.text("FN", formatted_name(contact));
        let (family, given) = family_given(&contact.name);
        lines.components("N", &[family, given, "", "", ""]);
        lines.optional("ORG", &contact.org);
        lines.optional("TITLE", &contact.title);
        lines.optional("EMAIL;TYPE=INTERNET", &contact.email);
        lines.optional("TEL", &contact.phone);
        lines.optional("NOTE", &contact.note);
        lines.raw("END", "VCARD");
    }
    lines.finish()
}

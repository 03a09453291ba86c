//! Content lines shared by iCalendar (RFC 5545 §3.1, §3.3.11) and vCard 3.0
//! (RFC 2426 §4, via RFC 2425 §5.8.1): both escape TEXT values the same way,
//! end every line with CRLF and fold long lines the same way, so there is one
//! implementation for both.

/// The longest physical line, in octets, not counting its CRLF. RFC 5545
/// says lines SHOULD NOT be longer; vCard inherits the same limit.
pub(crate) const MAX_LINE_OCTETS: usize = 75;

/// Appends `value` as an escaped TEXT value.
///
/// RFC 5545 §3.3.11 and RFC 2426 §4: a backslash, semicolon and comma are
/// escaped with a backslash and a line break becomes `\n`, so a typed note
/// can neither end the property nor start a new one. CRLF and a lone CR
/// count as one line break (what a textarea sends varies by browser); other
/// control characters are not allowed in TEXT and are dropped.
pub(crate) fn escape_text(value: &str, out: &mut String) {
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() && (c as u32) < 0x80 => {}
            c => out.push(c),
        }
    }
}

/// Appends one logical line, folded, followed by CRLF.
///
/// RFC 5545 §3.1: a line longer than 75 octets is split by CRLF and a
/// single space, and multi-octet characters must stay whole, so each split
/// falls on a UTF-8 character boundary at or before the limit. The first
/// physical line holds up to 75 octets, each continuation a space and up to
/// 74 more, so no physical line exceeds 75.
pub(crate) fn fold_line(line: &str, out: &mut String) {
    let mut rest = line;
    let mut room = MAX_LINE_OCTETS;
    while rest.len() > room {
        let mut end = room;
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        out.push_str(&rest[..end]);
        out.push_str("\r\n ");
        rest = &rest[end..];
        room = MAX_LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// Undoes [`fold_line`]: removes every CRLF followed by one space or tab.
///
/// RFC 5545 §3.1 says a reader must do exactly this before reading a line;
/// tests use it to check that folding loses nothing.
pub fn unfold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\r\n") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        if after.starts_with(' ') || after.starts_with('\t') {
            rest = &after[1..];
        } else {
            out.push_str("\r\n");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Builds a file of content lines: each property is escaped, folded and
/// ended with CRLF as it is added.
pub(crate) struct ContentLines {
    out: String,
    line: String,
}

impl ContentLines {
    pub(crate) fn new() -> Self {
        ContentLines {
            out: String::new(),
            line: String::new(),
        }
    }

    /// A property whose value is written as given: fixed names, dates and
    /// identifiers that need no escaping (`BEGIN:VCALENDAR`, `DTSTART;…`).
    pub(crate) fn raw(&mut self, name: &str, value: &str) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        self.line.push_str(value);
        fold_line(&self.line, &mut self.out);
    }

    /// A property whose value is TEXT, escaped (see [`escape_text`]).
    pub(crate) fn text(&mut self, name: &str, value: &str) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        escape_text(value, &mut self.line);
        fold_line(&self.line, &mut self.out);
    }

    /// A structured property (vCard `N`): each component escaped on its own
    /// and joined by unescaped `;`, the separator RFC 2426 §3.1.2 defines.
    pub(crate) fn components(&mut self, name: &str, parts: &[&str]) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                self.line.push(';');
            }
            escape_text(part, &mut self.line);
        }
        fold_line(&self.line, &mut self.out);
    }

    /// Like [`ContentLines::text`], but only when `value` has something in it:
    /// optional properties are left out rather than written empty.
    pub(crate) fn optional(&mut self, name: &str, value: &str) {
        if !value.trim().is_empty() {
            self.text(name, value.trim());
        }
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }
}

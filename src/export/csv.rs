//! CSV that spreadsheets and CRMs open cleanly, and a reader for the CSV
//! files they export.
//!
//! Writing follows RFC 4180 (CRLF after every record, a field quoted when it
//! holds the delimiter, a quote, CR or LF, quotes doubled) plus what Excel
//! needs to read it right: a UTF-8 byte-order mark, and `;` between fields in
//! locales whose decimal separator is a comma. Text a person typed is
//! neutralised against CSV injection as OWASP advises. Both directions use
//! `csv-core` (small, allocation-free, well tested) for the quoting rules.

use csv_core::{ReadRecordResult, ReaderBuilder};

/// The UTF-8 byte-order mark. Excel reads a CSV without it in the system's
/// legacy code page, turning "Zoë" into "ZoÃ«".
pub const BOM: &str = "\u{feff}";

/// What separates fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// `,`: RFC 4180's separator, and what CRMs and English-locale
    /// spreadsheets expect.
    Comma,
    /// `;`: what spreadsheets expect where the decimal separator is a comma
    /// (German, French, Spanish…), since `1,5` would otherwise split a cell.
    Semicolon,
}

impl Delimiter {
    /// The separator byte.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
        }
    }

    /// The separator a spreadsheet in a locale with this decimal separator
    /// splits on: `;` when decimals are written with a comma.
    pub fn for_decimal_separator(separator: char) -> Delimiter {
        if separator == ',' {
            Delimiter::Semicolon
        } else {
            Delimiter::Comma
        }
    }

    /// The decimal separator that goes with this field separator in
    /// [`machine_number`]: a comma when fields are split on `;`.
    pub fn decimal_separator(self) -> char {
        match self {
            Delimiter::Comma => '.',
            Delimiter::Semicolon => ',',
        }
    }
}

/// How a CSV file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// Field separator (and, through it, the decimal separator of numbers).
    pub delimiter: Delimiter,
    /// Start with the UTF-8 byte-order mark (on by default, for Excel).
    pub bom: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            delimiter: Delimiter::Comma,
            bom: true,
        }
    }
}

/// One cell to write, marked by where its text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Text a person typed (names, notes, stage labels): neutralised against
    /// CSV injection, see [`needs_neutralising`].
    User(&'a str),
    /// Text the app generated (headers, numbers, dates): written as is, so
    /// a negative number stays a number.
    Generated(&'a str),
}

/// Whether typed text would start a formula in a spreadsheet.
///
/// OWASP's CSV-injection advice: a cell beginning with `=`, `+`, `-`, `@`,
/// tab or carriage return is evaluated (`=HYPERLINK(…)`, `@SUM(…)`,
/// `+1 555` even), so such a cell is written with a leading `'`, which
/// spreadsheets show as text and never evaluate.
pub fn needs_neutralising(text: &str) -> bool {
    matches!(
        text.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// Undoes the `'` that [`needs_neutralising`] text was given, for reading
/// back a file this module wrote. A `'` before anything else is kept: it was
/// typed.
pub fn strip_neutraliser(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_neutralising(rest) => rest,
        _ => cell,
    }
}

/// A number as machines read it: no grouping, no currency, at most
/// `max_decimals` decimals (rounded, trailing zeros dropped), and a comma
/// before the decimals when the file is `;`-separated, as spreadsheets in
/// those locales expect. Not-a-number and infinities give an empty cell
/// rather than text no importer accepts.
pub fn machine_number(value: f64, max_decimals: u8, delimiter: Delimiter) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let decimals = max_decimals.min(9) as i32;
    let scale = 10u64.pow(decimals as u32);
    let scaled = (value.abs() * scale as f64).round();
    let mut out = String::new();
    // From 2^53 on an f64 holds no fractional digits: print the integer.
    if scaled >= 9.0e15 {
        if value < 0.0 {
            out.push('-');
        }
        out.push_str(&crate::numbers::format::shortest(value.abs().round()));
        return out;
    }
    let units = scaled as u64;
    // No "-0": a value that rounds to zero is zero.
    if value < 0.0 && units > 0 {
        out.push('-');
    }
    out.push_str(&(units / scale).to_string());
    let mut frac = units % scale;
    if frac > 0 {
        let mut width = decimals as usize;
        while frac.is_multiple_of(10) {
            frac /= 10;
            width -= 1;
        }
        out.push(delimiter.decimal_separator());
        let digits = frac.to_string();
        for _ in digits.len()..width {
            out.push('0');
        }
        out.push_str(&digits);
    }
    out
}

/// Writes CSV text row by row.
///
/// Every record, the last included, ends with CRLF (RFC 4180 §2.1–2.2); a
/// field is quoted only when RFC 4180 §2.6 requires it (it holds the
/// delimiter, a double quote, CR or LF), with each `"` doubled (§2.7); and
/// a lone empty field is written `""` so the row is not mistaken for a
/// blank line. Written by hand, not with csv-core's writer: these three
/// rules are the whole of it, and csv-core's state machine cost the qualify
/// page several KB. The golden files and a proptest (the reader, on
/// csv-core, reads back every field) hold it to the spec.
pub struct CsvWriter {
    out: String,
    delimiter: char,
    /// Bytes written in the current record, to spot a lone empty field.
    record_len: usize,
}

impl CsvWriter {
    /// Starts a file, with the byte-order mark if `options.bom`.
    pub fn new(options: &CsvOptions) -> Self {
        let mut out = String::with_capacity(1024);
        if options.bom {
            out.push_str(BOM);
        }
        CsvWriter {
            out,
            delimiter: options.delimiter.byte() as char,
            record_len: 0,
        }
    }

    /// Writes one record.
    pub fn row(&mut self, cells: &[Cell<'_>]) {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(self.delimiter);
                self.record_len += 1;
            }
            match *cell {
                // The prefix and the text form one field, so the quoting
                // decision sees both.
                Cell::User(text) if needs_neutralising(text) => self.field("'", text),
                Cell::User(text) | Cell::Generated(text) => self.field("", text),
            }
        }
        if self.record_len == 0 {
            self.out.push_str("\"\"");
        }
        self.out.push_str("\r\n");
        self.record_len = 0;
    }

    /// Writes one record of generated text (a header row).
    pub fn header(&mut self, names: &[&str]) {
        let cells: Vec<Cell<'_>> = names.iter().map(|n| Cell::Generated(n)).collect();
        self.row(&cells);
    }

    /// The finished file.
    pub fn finish(self) -> String {
        self.out
    }

    fn field(&mut self, prefix: &str, text: &str) {
        let d = self.delimiter;
        let quote = text.contains(|c| c == d || c == '"' || c == '\r' || c == '\n');
        let start = self.out.len();
        if quote {
            self.out.push('"');
        }
        self.out.push_str(prefix);
        if quote {
            for c in text.chars() {
                if c == '"' {
                    self.out.push('"');
                }
                self.out.push(c);
            }
            self.out.push('"');
        } else {
            self.out.push_str(text);
        }
        self.record_len += self.out.len() - start;
    }
}

/// Why a CSV file could not be read. Each names the 1-based line where the
/// record in question starts, so a person can find it in their editor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    /// A quoted value opens and never closes, so the rest of the file would
    /// be one cell.
    #[error("Line {line}: a quoted value is never closed (a \" is missing).")]
    UnclosedQuote {
        /// Line where the record holding the open quote starts.
        line: u64,
    },
    /// A row has a different number of fields than the header (strict
    /// reading only).
    #[error("Line {line}: this row has {found} columns but the header has {expected}.")]
    FieldCount {
        /// Line where the row starts.
        line: u64,
        /// Fields in the header.
        expected: usize,
        /// Fields in this row.
        found: usize,
    },
    /// The bytes are not UTF-8 text.
    #[error("Line {line}: this is not UTF-8 text. Save the file as \"CSV UTF-8\" and try again.")]
    NotUtf8 {
        /// Line where the row starts.
        line: u64,
    },
}

impl CsvError {
    /// The 1-based line the error is about.
    pub fn line(&self) -> u64 {
        match *self {
            CsvError::UnclosedQuote { line }
            | CsvError::FieldCount { line, .. }
            | CsvError::NotUtf8 { line } => line,
        }
    }
}

/// How to read a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReadOptions {
    /// The separator, or `None` to sniff it from the header line.
    pub delimiter: Option<Delimiter>,
    /// Refuse a row whose field count differs from the header's (a CRM
    /// export always has the same count; a mismatch means a broken file).
    pub strict: bool,
}

/// A whole file read into rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The separator the file used.
    pub delimiter: Delimiter,
    /// Every record, the header first, each a list of unquoted fields.
    pub rows: Vec<Vec<String>>,
}

/// Reads a whole CSV file: BOM or not, CRLF, LF or CR line ends, quoted
/// fields with embedded line breaks, `,` or `;` (see [`sniff_delimiter`]).
/// Blank lines are skipped. The first problem stops reading, so a broken
/// file changes nothing.
pub fn read_csv(input: &[u8], options: &ReadOptions) -> Result<Table, CsvError> {
    let mut reader = RowReader::new(input, options);
    let mut rows = Vec::new();
    for row in &mut reader {
        rows.push(row?);
    }
    Ok(Table {
        delimiter: reader.delimiter(),
        rows,
    })
}

/// The separator of a file: whichever of `,` and `;` splits its first
/// record into more fields (`,` on a tie), so both "Deal Name,Amount" and
/// a German "Name;Betrag" export read right.
pub fn sniff_delimiter(input: &[u8]) -> Delimiter {
    let fields = |d: Delimiter| {
        let mut reader = RowReader::with_delimiter(input, d, false);
        reader.next_fields().unwrap_or(0)
    };
    if fields(Delimiter::Semicolon) > fields(Delimiter::Comma) {
        Delimiter::Semicolon
    } else {
        Delimiter::Comma
    }
}

/// Reads a CSV file one row at a time, so a caller with 50,000 rows can work
/// through them in slices and show progress ([`RowReader::progress`])
/// instead of freezing the page.
pub struct RowReader<'a> {
    input: &'a [u8],
    reader: csv_core::Reader,
    delimiter: Delimiter,
    strict: bool,
    expected: Option<usize>,
    pos: usize,
    line: u64,
    counted: usize,
    last_line: u64,
    fields: Vec<u8>,
    ends: Vec<usize>,
    done: bool,
}

impl<'a> RowReader<'a> {
    /// A reader over `input` (the whole file).
    pub fn new(input: &'a [u8], options: &ReadOptions) -> Self {
        let delimiter = options.delimiter.unwrap_or_else(|| sniff_delimiter(input));
        Self::with_delimiter(input, delimiter, options.strict)
    }

    fn with_delimiter(input: &'a [u8], delimiter: Delimiter, strict: bool) -> Self {
        let reader = ReaderBuilder::new().delimiter(delimiter.byte()).build();
        RowReader {
            input,
            reader,
            delimiter,
            strict,
            expected: None,
            pos: 0,
            line: 1,
            counted: 0,
            last_line: 0,
            fields: vec![0; 1024],
            ends: vec![0; 32],
            done: false,
        }
    }

    /// The separator in use.
    pub fn delimiter(&self) -> Delimiter {
        self.delimiter
    }

    /// The 1-based line where the last row returned starts (0 before the
    /// first), for a caller's own messages about a row ("line 12: the amount
    /// is not a number").
    pub fn last_line(&self) -> u64 {
        self.last_line
    }

    /// Bytes read so far and the file's size, for a progress bar.
    pub fn progress(&self) -> (usize, usize) {
        (self.pos, self.input.len())
    }

    /// Counts line breaks up to `to`, so each record knows its first line:
    /// LF, CRLF and a lone CR (old Mac files) each end one line, as they
    /// each end a record for csv-core.
    fn count_lines_to(&mut self, to: usize) {
        let bytes = self.input;
        let breaks = bytes[self.counted..to]
            .iter()
            .enumerate()
            .filter(|&(i, &b)| {
                b == b'\n' || (b == b'\r' && bytes.get(self.counted + i + 1) != Some(&b'\n'))
            })
            .count();
        self.line += breaks as u64;
        self.counted = to;
    }

    /// Parses the next record into `fields`/`ends`; returns how many fields
    /// it has, or why there is none. Sets `last_line` to the line where the
    /// record starts.
    fn next_fields(&mut self) -> Result<usize, ReadEnd> {
        if self.done {
            return Err(ReadEnd::Done);
        }
        // Blank lines and the rest of a CRLF belong to no record: skip them
        // so the line counted is the record's first.
        let mut start = self.pos;
        if start == 0 && self.input.starts_with(BOM.as_bytes()) {
            start = BOM.len();
        }
        while start < self.input.len() && matches!(self.input[start], b'\r' | b'\n') {
            start += 1;
        }
        self.count_lines_to(start);
        let (mut out_len, mut ends_len) = (0, 0);
        loop {
            let input = &self.input[self.pos..];
            let (result, read, written, ended) = self.reader.read_record(
                input,
                &mut self.fields[out_len..],
                &mut self.ends[ends_len..],
            );
            self.pos += read;
            out_len += written;
            ends_len += ended;
            match result {
                // At the end of the file csv-core would return whatever it
                // has as the last record, so check that no quote is open.
                ReadRecordResult::InputEmpty
                    if self.pos >= self.input.len()
                        && !input.is_empty()
                        && quote_left_open(&self.input[start..], self.delimiter) =>
                {
                    self.done = true;
                    self.last_line = self.line;
                    return Err(ReadEnd::UnclosedQuote);
                }
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let grown = self.fields.len() * 2;
                    self.fields.resize(grown, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let grown = self.ends.len() * 2;
                    self.ends.resize(grown, 0);
                }
                // csv-core writes the end offsets as if the record were in
                // one buffer, across calls, so they index `fields` as is.
                ReadRecordResult::Record => {
                    self.last_line = self.line;
                    return Ok(ends_len);
                }
                ReadRecordResult::End => {
                    self.done = true;
                    return Err(ReadEnd::Done);
                }
            }
        }
    }
}

/// Whether `record`, the last one in the file, ends inside a quoted value.
///
/// csv-core never reports errors (it prefers some parse to none), so this
/// asks it: feed the record and then a character and a line break to a
/// fresh reader; if that still does not end a record, a quote is open. The
/// NFA reader is used because the DFA's state cannot be probed this way;
/// it runs once per file, over the last record only.
fn quote_left_open(record: &[u8], delimiter: Delimiter) -> bool {
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter.byte())
        .nfa(true)
        .build();
    let mut out = [0u8; 4096];
    let mut ends = [0usize; 64];
    for mut input in [record, b"x\n".as_slice()] {
        while !input.is_empty() {
            let (result, read, ..) = reader.read_record(input, &mut out, &mut ends);
            if result == ReadRecordResult::Record || read == 0 {
                return false;
            }
            input = &input[read..];
        }
    }
    true
}

/// Why [`RowReader::next_fields`] produced no record.
enum ReadEnd {
    Done,
    UnclosedQuote,
}

impl Iterator for RowReader<'_> {
    type Item = Result<Vec<String>, CsvError>;

    fn next(&mut self) -> Option<Self::Item> {
        let count = match self.next_fields() {
            Ok(count) => count,
            Err(ReadEnd::Done) => return None,
            Err(ReadEnd::UnclosedQuote) => {
                return Some(Err(CsvError::UnclosedQuote {
                    line: self.last_line,
                }))
            }
        };
        let line = self.last_line;
        let mut row = Vec::with_capacity(count);
        let mut start = 0;
        for &end in &self.ends[..count] {
            match std::str::from_utf8(&self.fields[start..end]) {
                Ok(text) => row.push(text.to_owned()),
                Err(_) => {
                    self.done = true;
                    return Some(Err(CsvError::NotUtf8 { line }));
                }
            }
            start = end;
        }
        if self.strict {
            match self.expected {
                None => self.expected = Some(count),
                Some(expected) if expected != count => {
                    self.done = true;
                    return Some(Err(CsvError::FieldCount {
                        line,
                        expected,
                        found: count,
                    }));
                }
                Some(_) => {}
            }
        }
        Some(Ok(row))
    }
}

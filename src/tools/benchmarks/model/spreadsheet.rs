//! The calculator's CSV download, written so a spreadsheet opens it
//! cleanly in any locale: through `export::csv` (BOM, CRLF, RFC 4180
//! quoting, typed text neutralised), ranges as two columns (a `60-75`
//! cell turns into a date in Excel), and `;` with comma decimals where the
//! locale writes decimals with a comma. A summary block comes first, so
//! the file makes sense on its own.

use super::*;
use crate::export::csv::{machine_number, Cell, CsvOptions, CsvWriter, Delimiter};
use chrono::NaiveDate;

/// What the file needs besides the result: when, in which currency, and
/// the separator (the user's "Spreadsheet format" or the locale's).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SheetContext<'a> {
    /// The user's local calendar date.
    pub date: NaiveDate,
    /// ISO 4217 code of every amount in the file.
    pub currency: &'a str,
    pub delimiter: Delimiter,
}

/// The summary block, a blank line, then one row per stage.
pub fn benchmarks_csv(doc: &BenchmarksDoc, s: &Snapshot, ctx: &SheetContext<'_>) -> String {
    let d = ctx.delimiter;
    let num = |x: f64, decimals: u8| machine_number(x, decimals, d);
    let mut w = CsvWriter::new(&CsvOptions {
        delimiter: d,
        bom: true,
    });
    let a = &s.analysis;
    let date = crate::dates::iso_date(ctx.date);
    w.header(&["Stage benchmarks summary", "Value", "As typed"]);
    w.row(&[
        Cell::Generated("Segment"),
        Cell::Generated(s.segment.name()),
    ]);
    w.row(&[Cell::Generated("Date"), Cell::Generated(&date)]);
    w.row(&[Cell::Generated("Currency"), Cell::Generated(ctx.currency)]);
    for (f, value) in [
        (Field::Prospects, s.figures.prospects),
        (Field::OpenOpportunities, s.figures.open_opportunities),
        (Field::DealSize, s.figures.deal_size),
    ] {
        let label = f.label();
        let value = num(value, 2);
        // What the user typed is theirs: a spreadsheet must never run it.
        w.row(&[
            Cell::Generated(&label),
            Cell::Generated(&value),
            Cell::User(doc.raw(f).trim()),
        ]);
    }
    let rows: [(&str, String); 5] = [
        ("Win rate (%)", num(a.win_rate_pct, 1)),
        ("Sales cycle (days)", num(a.cycle_days, 1)),
        (
            "Velocity per day",
            a.velocity_per_day.map(|v| num(v, 2)).unwrap_or_default(),
        ),
        ("Revenue per month", num(a.revenue_per_month, 2)),
        (
            "Bottleneck",
            a.bottleneck
                .map(|b| b.name().to_string())
                .unwrap_or_default(),
        ),
    ];
    for (label, value) in &rows {
        w.row(&[Cell::Generated(label), Cell::Generated(value)]);
    }
    let bottleneck_value = a
        .bottleneck
        .and_then(|b| a.stage(b).conversion)
        .map(|c| num(c, 1))
        .unwrap_or_default();
    w.row(&[
        Cell::Generated("Bottleneck conversion (%)"),
        Cell::Generated(&bottleneck_value),
    ]);
    w.row(&[Cell::Generated("")]);

    let conv_low = format!("{} conversion low (%)", s.segment.name());
    let conv_high = format!("{} conversion high (%)", s.segment.name());
    let days_low = format!("{} days low", s.segment.name());
    let days_high = format!("{} days high", s.segment.name());
    let fix = format!("Fix value per month ({})", ctx.currency);
    w.header(&[
        "Stage",
        "Conversion (%)",
        &conv_low,
        &conv_high,
        "Conversion status",
        "Days",
        &days_low,
        &days_high,
        "Time status",
        "Stale after (days)",
        &fix,
    ]);
    for r in &a.stages {
        let i = r.stage.index();
        let (lo, hi) = if i < FUNNEL {
            let c = s.baseline.conversion[i];
            (num(c.low, 1), num(c.high, 1))
        } else {
            (String::new(), String::new())
        };
        let days = s.baseline.days[i];
        let cells = [
            r.stage.name().to_string(),
            r.conversion.map(|c| num(c, 1)).unwrap_or_default(),
            lo,
            hi,
            r.conversion_status
                .map(|s| s.word().to_string())
                .unwrap_or_default(),
            num(r.days, 1),
            num(days.low, 1),
            num(days.high, 1),
            r.time_status.word().to_string(),
            r.stale_days.map(|x| num(x, 1)).unwrap_or_default(),
            r.fix_value.map(|v| num(v, 2)).unwrap_or_default(),
        ];
        let row: Vec<Cell<'_>> = cells.iter().map(|c| Cell::Generated(c)).collect();
        w.row(&row);
    }
    // Where the ranges come from, so a forwarded file carries its source.
    w.row(&[Cell::Generated("")]);
    w.header(&["Baseline", "Value"]);
    for (label, value) in doc.provenance().rows() {
        w.row(&[Cell::Generated(label), Cell::Generated(&value)]);
    }
    w.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn example() -> (BenchmarksDoc, Snapshot) {
        let mut d = BenchmarksDoc::default();
        d.apply(Action::LoadExample);
        let s = snapshot(&d).unwrap();
        (d, s)
    }

    #[test]
    fn golden_comma_file() {
        let (mut d, _) = example();
        d.apply(Action::SetField(Field::DealSize, "+24000".into()));
        let s = snapshot(&d).unwrap();
        let ctx = SheetContext {
            date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            currency: "USD",
            delimiter: Delimiter::Comma,
        };
        let csv = benchmarks_csv(&d, &s, &ctx);
        assert!(csv.starts_with('\u{feff}'), "BOM for Excel");
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "Stage benchmarks summary,Value,As typed");
        assert_eq!(lines[1], "Segment,Mid-market");
        assert_eq!(lines[2], "Date,2026-12-01");
        assert_eq!(lines[3], "Currency,USD");
        assert_eq!(
            lines[6], "Average deal size,24000,'+24000",
            "typed text neutralised"
        );
        assert!(lines[7].starts_with("Win rate (%),17.3"), "{}", lines[7]);
        assert_eq!(lines[11], "Bottleneck,Discovery");
        assert_eq!(lines[12], "Bottleneck conversion (%),52");
        assert_eq!(lines[13], "\"\"");
        assert!(lines[14].starts_with(
            "Stage,Conversion (%),Mid-market conversion low (%),Mid-market conversion high (%)"
        ));
        assert_eq!(lines[16], "Qualification,55,50,60,within,6,3,7,within,14,");
        assert!(
            lines[17].starts_with("Discovery,52,60,75,below,12,7,14,within,28,"),
            "{}",
            lines[17]
        );
        assert_eq!(lines[21], "Onboarding & expansion,,,,,25,14,30,within,,");
        // New in issue 13 item 6: the baseline's provenance closes the file.
        assert_eq!(lines[22], "\"\"");
        assert_eq!(lines[23], "Baseline,Value");
        assert!(
            lines[24].starts_with("Baseline source,\"Tom Regan (Artemis GTM)"),
            "{}",
            lines[24]
        );
        assert_eq!(lines[25], "Baseline year,2026");
        assert!(
            lines[26].starts_with("Baseline sample,B2B SaaS companies with $5M–$100M ARR"),
            "{}",
            lines[26]
        );
        assert!(
            lines[27].starts_with("Win rate divides by,qualified pipeline"),
            "{}",
            lines[27]
        );
        assert_eq!(lines[28], "", "the last record ends with CRLF too");
        assert_eq!(lines.len(), 29);
        assert!(!csv.contains("60-75") && !csv.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn semicolons_and_comma_decimals_for_comma_locales() {
        let (d, s) = example();
        let ctx = SheetContext {
            date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            currency: "EUR",
            delimiter: Delimiter::for_decimal_separator(','),
        };
        let csv = benchmarks_csv(&d, &s, &ctx);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[3], "Currency;EUR");
        assert!(lines[7].starts_with("Win rate (%);17,3"), "{}", lines[7]);
        assert!(lines[14].ends_with("Fix value per month (EUR)"));
        assert!(
            lines[17].starts_with("Discovery;52;60;75;below;"),
            "{}",
            lines[17]
        );
    }

    #[test]
    fn enterprise_and_own_baselines_say_what_they_rest_on() {
        let (mut d, _) = example();
        d.apply(Action::SetSegment(Segment::Enterprise));
        let ctx = SheetContext {
            date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            currency: "USD",
            delimiter: Delimiter::Comma,
        };
        let csv = benchmarks_csv(&d, &snapshot(&d).unwrap(), &ctx);
        assert!(
            csv.contains("Baseline note,Conversion ranges are the mid-market ones"),
            "{csv}"
        );
        d.apply(Action::SetSegment(Segment::MyBaseline));
        d.apply(Action::SetBaselineClosedDeals("12".into()));
        let csv = benchmarks_csv(&d, &snapshot(&d).unwrap(), &ctx);
        assert!(csv.contains("Baseline source,your own data"), "{csv}");
        assert!(csv.contains("Baseline sample,12 closed deals"), "{csv}");
        assert!(
            csv.contains("Baseline warning,Rests on 12 closed deals, fewer than 30")
                || csv.contains("\"Rests on 12 closed deals, fewer than 30"),
            "{csv}"
        );
    }
}

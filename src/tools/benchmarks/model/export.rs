//! For other tools and for export: the one-line headline, number text and
//! the stage table as CSV.

use super::*;
use crate::numbers::finite_non_negative;

/// The calculator's result in one line, for the audit report.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// The bottleneck stage's display name.
    pub bottleneck: Option<String>,
    pub win_rate_pct: f64,
    pub velocity_per_day: Option<f64>,
}

/// `None` until the user has filled in enough to compute a result.
pub fn headline(doc: &BenchmarksDoc) -> Option<Headline> {
    let a = doc.analysis()?;
    Some(Headline {
        bottleneck: a.bottleneck.map(|s| s.name().to_string()),
        win_rate_pct: a.win_rate_pct,
        velocity_per_day: a.velocity_per_day,
    })
}
/// A number without trailing zeros and at most one decimal: "12", "7.5".
pub fn plain_number(x: f64) -> String {
    let x = finite_non_negative(x);
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 && r.abs() < 1e15 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

pub(super) fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The per-stage table as CSV (machine-friendly numbers, no currency signs).
pub fn stage_csv(a: &Analysis, b: &Baseline, segment: Segment) -> String {
    let mut rows = vec![vec![
        "Stage".to_string(),
        "Conversion (%)".into(),
        format!("{} conversion benchmark (%)", segment.name()),
        "Conversion status".into(),
        "Days".into(),
        format!("{} days benchmark", segment.name()),
        "Time status".into(),
        "Stale after (days)".into(),
        "Fix value per month".into(),
    ]];
    for r in &a.stages {
        let i = r.stage.index();
        rows.push(vec![
            r.stage.name().into(),
            r.conversion
                .map(|c| format!("{:.1}", c))
                .unwrap_or_default(),
            if i < FUNNEL {
                b.conversion[i].label().replace('–', "-")
            } else {
                String::new()
            },
            r.conversion_status
                .map(|s| s.word().to_string())
                .unwrap_or_default(),
            plain_number(r.days),
            b.days[i].label().replace('–', "-"),
            r.time_status.word().into(),
            r.stale_days.map(plain_number).unwrap_or_default(),
            r.fix_value.map(|v| format!("{:.2}", v)).unwrap_or_default(),
        ]);
    }
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|c| csv_cell(c))
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

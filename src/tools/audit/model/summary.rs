//! The report as plain text, for "Copy summary".

use super::{signed, AnswerSet, Change};
use crate::dates::iso_date;
use chrono::NaiveDate;

/// The report as plain text, for "Copy summary".
pub fn summary(set: &AnswerSet, date: Option<NaiveDate>, change: Option<&Change>) -> String {
    summary_with_link(set, date, change, None)
}

/// The report as plain text, ending with its share link when there is one,
/// so whoever receives the pasted summary can open the full report.
pub fn summary_with_link(
    set: &AnswerSet,
    date: Option<NaiveDate>,
    change: Option<&Change>,
    link: Option<&str>,
) -> String {
    let mut out = String::from("Stagecraft sales-process audit");
    if let Some(d) = date {
        out.push_str(&format!(" ({})", iso_date(d)));
    }
    let tier = set.tier();
    out.push_str(&format!(
        "\n\nScore: {}/100, {}\n{}\n",
        set.overall(),
        tier.name(),
        tier.description()
    ));
    if let Some(c) = change {
        out.push_str(&format!(
            "Change since {}: {} points\n",
            iso_date(c.since),
            signed(c.overall)
        ));
    }
    out.push_str("\nArea scores:\n");
    for (area, score) in set.area_scores() {
        out.push_str(&format!("- {}: {}/100\n", area.name(), score));
    }
    let fixes = set.fixes();
    if fixes.is_empty() {
        out.push_str("\nFixes: none. Every answer is already best practice.\n");
    } else {
        out.push_str("\nFixes, most valuable first:\n");
        for (i, fix) in fixes.iter().enumerate() {
            out.push_str(&format!(
                "{}. {}\n   Why: {}{}\n   First step: {}\n",
                i + 1,
                fix.question.fix.title,
                fix.question.fix.why,
                fix.question
                    .fix
                    .source
                    .map(|s| format!(" (Source: {s})"))
                    .unwrap_or_default(),
                fix.question.fix.first_step
            ));
        }
    }
    let strengths = set.strengths();
    if !strengths.is_empty() {
        out.push_str("\nStrengths:\n");
        for q in strengths {
            out.push_str(&format!("- {}\n", q.strength));
        }
    }
    if let Some(link) = link {
        out.push_str(&format!("\nThe full report: {link}\n"));
    }
    out
}

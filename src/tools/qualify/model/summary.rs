//! The deal summary: built once as parts, then written as a plain-text CRM
//! note or as a Markdown file, so the two formats can never disagree on
//! what they say (only on how they say it).

use super::{Deal, Gap, Verdict};
use crate::text::{file_slug, md_escape, one_line};

/// Money for the copied and downloaded summary, where the browser's Intl
/// formatter is not available (one rule for every tool, in `crate::text`).
pub use crate::text::format_money;

/// The contract value for display: formatted, "not set" or "not valid".
pub fn acv_display(deal: &Deal) -> String {
    match deal.acv_value() {
        Ok(Some(v)) => crate::text::money(v),
        Ok(None) => "not set".into(),
        Err(_) => "not valid".into(),
    }
}

fn stakeholders_display(deal: &Deal) -> String {
    match deal.stakeholders_value() {
        Ok(Some(n)) => n.to_string(),
        Ok(None) => "not set".into(),
        Err(_) => "not valid".into(),
    }
}

fn gap_label(g: &Gap) -> &'static str {
    if g.unanswered {
        "Not answered"
    } else {
        g.rating.label()
    }
}

/// One next action: the criterion, how it was rated, what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryAction {
    pub criterion: &'static str,
    /// The rating's label, or "Not answered".
    pub status: &'static str,
    pub action: &'static str,
}

/// One piece of evidence: the criterion, its rating, what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryEvidence {
    pub criterion: &'static str,
    pub rating: &'static str,
    /// On one line, so it can't break either layout.
    pub text: String,
}

/// Everything the summary says, before formatting. Typed text (name,
/// company, evidence) is already on one line; each format escapes it its
/// own way.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryParts {
    pub name: String,
    /// Empty when no company was typed.
    pub company: String,
    pub acv: String,
    pub stakeholders: String,
    pub framework: &'static str,
    pub methodology: &'static str,
    /// `YYYY-MM-DD` of the last change.
    pub updated: String,
    pub score: u32,
    pub verdict: Verdict,
    /// Criteria assessed, of the framework's total: the score is
    /// provisional while they differ.
    pub assessed: (usize, usize),
    /// The BANT first pass beside a MEDDIC result: score and verdict.
    pub first_pass: Option<(u32, Verdict)>,
    /// Each warning's title and detail.
    pub warnings: Vec<(&'static str, String)>,
    pub actions: Vec<SummaryAction>,
    pub evidence: Vec<SummaryEvidence>,
}

/// Collects the summary's parts from a deal.
pub fn summary_parts(deal: &Deal) -> SummaryParts {
    let a = deal.assessment();
    SummaryParts {
        name: one_line(deal.display_name()),
        company: one_line(&deal.company),
        acv: acv_display(deal),
        stakeholders: stakeholders_display(deal),
        framework: a.framework.name(),
        methodology: deal.methodology().name(),
        // The reader's calendar day, not UTC's: at 19:00 in California
        // the UTC date is already tomorrow.
        updated: crate::dates::iso_date(deal.updated.with_timezone(&chrono::Local).date_naive()),
        score: a.score,
        verdict: a.verdict,
        assessed: (a.answered, a.total),
        first_pass: deal.first_pass().map(|fp| (fp.score, fp.verdict)),
        warnings: a.warnings.iter().map(|w| (w.title(), w.detail())).collect(),
        actions: a
            .gaps
            .iter()
            .map(|g| SummaryAction {
                criterion: g.criterion.name(),
                status: gap_label(g),
                action: g.action,
            })
            .collect(),
        evidence: deal
            .evidence()
            .into_iter()
            .map(|(c, r, e)| SummaryEvidence {
                criterion: c.name(),
                rating: r.label(),
                text: one_line(e),
            })
            .collect(),
    }
}

impl SummaryParts {
    /// ", provisional: 3 of 6 assessed" while criteria are unassessed.
    pub fn provisional(&self) -> String {
        let (done, total) = self.assessed;
        if done < total {
            format!(", provisional: {done} of {total} assessed")
        } else {
            String::new()
        }
    }

    /// Plain text that pastes cleanly into a CRM note.
    pub fn text(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!("Deal: {}", self.name));
        if !self.company.is_empty() {
            s.push_str(&format!(" ({})", self.company));
        }
        s.push('\n');
        s.push_str(&format!(
            "Annual contract value: {}. Stakeholders engaged: {}.\n",
            self.acv, self.stakeholders
        ));
        s.push_str(&format!(
            "Framework: {}. Methodology: {}.\n",
            self.framework, self.methodology
        ));
        s.push_str(&format!(
            "Score: {}/100{}. Verdict: {}.\n",
            self.score,
            self.provisional(),
            self.verdict.label()
        ));
        if let Some((score, verdict)) = self.first_pass {
            s.push_str(&format!(
                "BANT first pass: {score}/100, {}.\n",
                verdict.label()
            ));
        }
        s.push_str("\nWarnings:\n");
        if self.warnings.is_empty() {
            s.push_str("- None\n");
        }
        for (title, detail) in &self.warnings {
            s.push_str(&format!("- {title}: {detail}\n"));
        }
        s.push_str("\nNext actions:\n");
        if self.actions.is_empty() {
            s.push_str("- None: every criterion is confirmed.\n");
        }
        for (i, g) in self.actions.iter().enumerate() {
            s.push_str(&format!(
                "{}. {} ({}): {}\n",
                i + 1,
                g.criterion,
                g.status,
                g.action
            ));
        }
        s.push_str("\nEvidence:\n");
        if self.evidence.is_empty() {
            s.push_str("- None recorded yet\n");
        }
        for e in &self.evidence {
            s.push_str(&format!("- {} ({}): {}\n", e.criterion, e.rating, e.text));
        }
        s.push_str(&format!("\nUpdated {} with Stagecraft.\n", self.updated));
        s
    }

    /// A Markdown file: the deal's facts as a list, then one section each
    /// for the verdict, warnings, next actions and evidence.
    pub fn markdown(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!("# Deal brief: {}\n\n", md_escape(&self.name)));
        if !self.company.is_empty() {
            s.push_str(&format!("- **Company:** {}\n", md_escape(&self.company)));
        }
        s.push_str(&format!("- **Annual contract value:** {}\n", self.acv));
        s.push_str(&format!(
            "- **Stakeholders engaged:** {}\n",
            self.stakeholders
        ));
        s.push_str(&format!("- **Framework:** {}\n", self.framework));
        s.push_str(&format!("- **Methodology:** {}\n", self.methodology));
        s.push_str(&format!("- **Updated:** {}\n\n", self.updated));
        s.push_str(&format!(
            "## Verdict: {} ({}/100{})\n\n{}\n\n",
            self.verdict.label(),
            self.score,
            self.provisional(),
            self.verdict.meaning()
        ));
        if let Some((score, verdict)) = self.first_pass {
            s.push_str(&format!(
                "BANT first pass: {score}/100, {}.\n\n",
                verdict.label()
            ));
        }
        s.push_str("## Warnings\n\n");
        if self.warnings.is_empty() {
            s.push_str("None.\n");
        }
        for (title, detail) in &self.warnings {
            s.push_str(&format!("- **{title}:** {detail}\n"));
        }
        s.push_str("\n## Next actions\n\n");
        if self.actions.is_empty() {
            s.push_str("None: every criterion is confirmed.\n");
        }
        for (i, g) in self.actions.iter().enumerate() {
            s.push_str(&format!(
                "{}. **{}** ({}): {}\n",
                i + 1,
                g.criterion,
                g.status,
                g.action
            ));
        }
        s.push_str("\n## Evidence\n\n");
        if self.evidence.is_empty() {
            s.push_str("None recorded yet.\n");
        }
        for e in &self.evidence {
            s.push_str(&format!(
                "- **{}** ({}): {}\n",
                e.criterion,
                e.rating,
                md_escape(&e.text)
            ));
        }
        s
    }
}

/// The summary as plain text that pastes cleanly into a CRM note.
pub fn summary_text(deal: &Deal) -> String {
    summary_parts(deal).text()
}

/// The summary as a Markdown file.
pub fn summary_markdown(deal: &Deal) -> String {
    summary_parts(deal).markdown()
}

/// A file name for the Markdown download: `<name slug>-qualification.md`.
pub fn summary_filename(deal: &Deal) -> String {
    format!(
        "{}-qualification.md",
        file_slug(deal.display_name(), "deal")
    )
}

//! The deal list as CRM import files: what each column holds for a
//! qualification deal. The file formats live in `crate::export::crm`.
//!
//! Stages map the verdict onto each CRM's stock pipeline, by the label its
//! import matches: HubSpot's "Sales Pipeline" (internal id `default`) and
//! Salesforce's standard Opportunity stage picklist. A team with its own
//! stages renames them in the import's mapping step.

use super::{summary_parts, Deal, Verdict};
use crate::export::crm::{hubspot_deals_csv, salesforce_opportunities_csv, CrmDeal};
use crate::export::csv::CsvOptions;

/// HubSpot's default deal pipeline, by its label.
pub const HUBSPOT_PIPELINE: &str = "Sales Pipeline";

/// The HubSpot stage for a verdict: a deal still being qualified sits at
/// the first stage, a qualified one at "Qualified To Buy".
pub fn hubspot_stage(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Qualified => "Qualified To Buy",
        Verdict::NeedsWork | Verdict::Incomplete => "Appointment Scheduled",
        Verdict::Disqualify => "Closed Lost",
    }
}

/// The Salesforce stage and that stage's default probability (Salesforce's
/// own figures for its standard picklist, so the import agrees with what a
/// rep who picked the stage by hand would get).
pub fn salesforce_stage(verdict: Verdict) -> (&'static str, u8) {
    match verdict {
        Verdict::Qualified => ("Needs Analysis", 20),
        Verdict::NeedsWork | Verdict::Incomplete => ("Qualification", 10),
        Verdict::Disqualify => ("Closed Lost", 0),
    }
}

/// One deal as both CRMs see it. The description is the one-line verdict;
/// the note is the whole plain-text summary (the same text "Copy summary"
/// gives); the next step is the first next action.
fn crm_deal(deal: &Deal, hubspot: bool) -> CrmDeal {
    let parts = summary_parts(deal);
    let verdict = parts.verdict;
    let (stage, probability) = if hubspot {
        (hubspot_stage(verdict), None)
    } else {
        let (stage, p) = salesforce_stage(verdict);
        (stage, Some(p))
    };
    let mut description = format!(
        "{}: {}/100{} ({}).",
        verdict.label(),
        parts.score,
        parts.provisional(),
        parts.framework
    );
    if !parts.company.is_empty() {
        description = format!("{} · {description}", parts.company);
    }
    CrmDeal {
        name: deal.display_name().to_string(),
        pipeline: if hubspot {
            HUBSPOT_PIPELINE.to_string()
        } else {
            String::new()
        },
        stage: stage.to_string(),
        amount: deal.acv_value().ok().flatten(),
        close_date: deal.close_date,
        owner_email: String::new(),
        probability,
        next_step: parts
            .actions
            .first()
            .map(|a| format!("{}: {}", a.criterion, a.action))
            .unwrap_or_default(),
        note: if hubspot { parts.text() } else { String::new() },
        description: if hubspot {
            description
        } else {
            format!("{description}\n\n{}", parts.text())
        },
    }
}

/// `deals` as a HubSpot deal import (UTF-8 with BOM, CRLF, comma).
pub fn hubspot_csv(deals: &[&Deal]) -> String {
    let rows: Vec<CrmDeal> = deals.iter().map(|d| crm_deal(d, true)).collect();
    hubspot_deals_csv(&rows, &CsvOptions::default())
}

/// `deals` as a Salesforce Data Loader file of Opportunity inserts.
pub fn salesforce_csv(deals: &[&Deal]) -> String {
    let rows: Vec<CrmDeal> = deals.iter().map(|d| crm_deal(d, false)).collect();
    salesforce_opportunities_csv(&rows, &CsvOptions::default())
}

/// How many deals have no close date: Salesforce refuses an opportunity
/// without one, so the view says so before the download.
pub fn missing_close_dates(deals: &[&Deal]) -> usize {
    deals.iter().filter(|d| d.close_date.is_none()).count()
}

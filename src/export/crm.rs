//! Import files for the two CRMs reps use most, built from one neutral
//! deal record so the tools never learn either CRM's columns.

use chrono::NaiveDate;

use super::csv::{machine_number, needs_neutralising, Cell, CsvOptions, CsvWriter};
use crate::dates::iso_date;

/// A deal as both CRMs need it, independent of any tool's model. Empty
/// strings and `None` become empty cells; text is written as typed
/// (neutralised against CSV injection, never trimmed or rewritten).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CrmDeal {
    /// Deal or opportunity name.
    pub name: String,
    /// Pipeline (HubSpot only; Salesforce has none).
    pub pipeline: String,
    /// Stage label, as the CRM names it.
    pub stage: String,
    /// Deal value, in the CRM's currency.
    pub amount: Option<f64>,
    /// Expected close date.
    pub close_date: Option<NaiveDate>,
    /// Email of the CRM user who owns the deal (HubSpot assigns by email).
    pub owner_email: String,
    /// Chance of winning, 0–100 (Salesforce only).
    pub probability: Option<u8>,
    /// The next step (Salesforce only).
    pub next_step: String,
    /// Longer description (Salesforce `Description`, HubSpot "Deal
    /// description").
    pub description: String,
    /// A note for the deal's record (HubSpot only).
    pub note: String,
}

/// HubSpot's deal-import headers. "Set up your import files" requires Deal
/// name, Pipeline and Deal stage; an owner is assigned with a "Deal owner"
/// column holding the user's email address. The rest are HubSpot's default
/// deal properties, matched by label.
pub const HUBSPOT_HEADERS: [&str; 8] = [
    "Deal name",
    "Pipeline",
    "Deal stage",
    "Amount",
    "Close date",
    "Deal owner",
    "Deal description",
    "Note",
];

/// Salesforce Data Loader's Opportunity API field names (the import wizard
/// does not load opportunities, so the headers are API names, which Data
/// Loader maps automatically).
pub const SALESFORCE_HEADERS: [&str; 7] = [
    "Name",
    "StageName",
    "CloseDate",
    "Amount",
    "Probability",
    "NextStep",
    "Description",
];

/// Salesforce's field lengths: a longer value fails the row's import, so
/// each is cut to fit (Opportunity: Name 120, NextStep 255, Description
/// 32,000 characters).
pub const SALESFORCE_NAME_MAX: usize = 120;
/// See [`SALESFORCE_NAME_MAX`].
pub const SALESFORCE_NEXT_STEP_MAX: usize = 255;
/// See [`SALESFORCE_NAME_MAX`].
pub const SALESFORCE_DESCRIPTION_MAX: usize = 32_000;

/// The first `max` characters of `text`, never splitting a character.
pub fn truncate_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// `text` cut so that, with the `'` the CSV writer may put before it, the
/// cell still holds at most `max` characters.
fn fit(text: &str, max: usize) -> &str {
    let room = if needs_neutralising(text) {
        max - 1
    } else {
        max
    };
    truncate_chars(text, room)
}

/// Money as machines read it: at most two decimals, no grouping.
fn amount(value: Option<f64>, options: &CsvOptions) -> String {
    value.map_or_else(String::new, |v| machine_number(v, 2, options.delimiter))
}

fn date(value: Option<NaiveDate>) -> String {
    value.map_or_else(String::new, iso_date)
}

/// A file for HubSpot's deal import. Dates are ISO
/// `YYYY-MM-DD`, which HubSpot reads in any account locale; amounts are
/// plain numbers.
pub fn hubspot_deals_csv(deals: &[CrmDeal], options: &CsvOptions) -> String {
    let mut csv = CsvWriter::new(options);
    csv.header(&HUBSPOT_HEADERS);
    for deal in deals {
        let amount = amount(deal.amount, options);
        let close = date(deal.close_date);
        csv.row(&[
            Cell::User(&deal.name),
            Cell::User(&deal.pipeline),
            Cell::User(&deal.stage),
            Cell::Generated(&amount),
            Cell::Generated(&close),
            Cell::User(&deal.owner_email),
            Cell::User(&deal.description),
            Cell::User(&deal.note),
        ]);
    }
    csv.finish()
}

/// A Salesforce Data Loader file for inserting Opportunity records.
/// `CloseDate` is `YYYY-MM-DD` (Data Loader's unambiguous date form),
/// `Probability` a whole percentage, and text fields are cut to Salesforce's
/// lengths (see [`SALESFORCE_NAME_MAX`]). Data Loader needs "Read all CSVs
/// with UTF-8 encoding" on for non-ASCII text, and some of its versions
/// reject a byte-order mark, so a caller may pass `bom: false` here.
pub fn salesforce_opportunities_csv(deals: &[CrmDeal], options: &CsvOptions) -> String {
    let mut csv = CsvWriter::new(options);
    csv.header(&SALESFORCE_HEADERS);
    for deal in deals {
        let amount = amount(deal.amount, options);
        let close = date(deal.close_date);
        let probability = deal
            .probability
            .map_or_else(String::new, |p| p.min(100).to_string());
        csv.row(&[
            Cell::User(fit(&deal.name, SALESFORCE_NAME_MAX)),
            Cell::User(&deal.stage),
            Cell::Generated(&close),
            Cell::Generated(&amount),
            Cell::Generated(&probability),
            Cell::User(fit(&deal.next_step, SALESFORCE_NEXT_STEP_MAX)),
            Cell::User(fit(&deal.description, SALESFORCE_DESCRIPTION_MAX)),
        ]);
    }
    csv.finish()
}

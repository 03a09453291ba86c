//! The deal list as HubSpot and Salesforce import files: each column read
//! back with the RFC 4180 reader, so a test failing here names the cell.

use super::*;
use crate::export::csv::{read_csv, ReadOptions};
use chrono::NaiveDate;

fn rows(csv: &str) -> Vec<Vec<String>> {
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with a byte-order mark");
    assert!(csv.ends_with("\r\n"), "CRLF ends");
    read_csv(
        csv.as_bytes(),
        &ReadOptions {
            delimiter: None,
            strict: true,
        },
    )
    .expect("a well-formed file")
    .rows
}

fn deals() -> (Deal, Deal) {
    let mut won = deal_with("40000", "3");
    won.name = "=Acme, \"rollout\"".into();
    won.company = "Acme, Inc.".into();
    won.close_date = NaiveDate::from_ymd_opt(2026, 12, 31);
    for c in [Budget, Authority, Need, Timeline] {
        won.answer(c, Confirmed, t(1));
    }
    let mut open = deal_with("", "1");
    open.id = "d2".into();
    open.name = String::new();
    open.company = String::new();
    open.answer(Budget, Unknown, t(2));
    (won, open)
}

#[test]
fn hubspot_gets_name_pipeline_stage_amount_and_close_date() {
    let (won, open) = deals();
    let table = rows(&hubspot_csv(&[&won, &open]));
    assert_eq!(
        table[0],
        [
            "Deal name",
            "Pipeline",
            "Deal stage",
            "Amount",
            "Close date",
            "Deal owner",
            "Deal description",
            "Note"
        ]
    );
    let w = &table[1];
    assert_eq!(
        w[0], "'=Acme, \"rollout\"",
        "a typed formula is neutralised"
    );
    assert_eq!(
        &w[1..5],
        ["Sales Pipeline", "Qualified To Buy", "40000", "2026-12-31"]
    );
    assert_eq!(w[5], "", "the owner's email is unknown here");
    assert_eq!(w[6], "Acme, Inc. · Qualified: 100/100 (BANT).");
    assert!(
        w[7].starts_with("Deal: =Acme, \"rollout\" (Acme, Inc.)\n"),
        "{}",
        w[7]
    );
    let o = &table[2];
    assert_eq!(
        &o[..5],
        [
            "Untitled deal",
            "Sales Pipeline",
            "Appointment Scheduled",
            "",
            ""
        ]
    );
    assert!(o[6].starts_with("Incomplete: "), "{}", o[6]);
    assert!(o[6].contains("provisional: 1 of 4 assessed"), "{}", o[6]);
}

#[test]
fn salesforce_gets_its_api_names_stage_probability_and_next_step() {
    let (won, open) = deals();
    let table = rows(&salesforce_csv(&[&won, &open]));
    assert_eq!(
        table[0],
        [
            "Name",
            "StageName",
            "CloseDate",
            "Amount",
            "Probability",
            "NextStep",
            "Description"
        ]
    );
    assert_eq!(
        &table[1][1..5],
        ["Needs Analysis", "2026-12-31", "40000", "20"]
    );
    assert_eq!(table[1][5], "", "a fully confirmed deal has no next action");
    assert_eq!(&table[2][1..5], ["Qualification", "", "", "10"]);
    assert!(table[2][5].starts_with("Budget: "), "{}", table[2][5]);
    assert!(table[2][5].chars().count() <= 255);
    assert_eq!(missing_close_dates(&[&won, &open]), 1);
}

#[test]
fn a_disqualified_deal_is_closed_lost_in_both() {
    assert_eq!(hubspot_stage(Verdict::Disqualify), "Closed Lost");
    assert_eq!(salesforce_stage(Verdict::Disqualify), ("Closed Lost", 0));
    assert_eq!(
        hubspot_stage(Verdict::Incomplete),
        hubspot_stage(Verdict::NeedsWork)
    );
}

#[test]
fn a_close_date_survives_a_save_and_a_load() {
    let (won, _) = deals();
    let mut doc = DealsDoc::default();
    doc.deals.push(won.clone());
    let text = crate::storage::encode(&doc);
    assert!(text.contains("\"close_date\":\"2026-12-31\""), "{text}");
    let crate::storage::Loaded::Ready(back) = crate::storage::decode::<DealsDoc>(Some(&text))
    else {
        panic!("the document reads back");
    };
    assert_eq!(back.deals[0].close_date, won.close_date);
}

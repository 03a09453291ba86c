//! Stage, next step and snooze, and the flags the list shows.

use super::*;
use crate::tools::benchmarks::model::Stage;
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn stale_follows_the_calculators_rule_per_segment() {
    // Discovery: mid-market 7–14 days, enterprise 14–30; stale past 2× the high end.
    assert_eq!(stale_after(Stage::Discovery, Framework::Bant), 28);
    assert_eq!(stale_after(Stage::Discovery, Framework::Meddic), 60);
    assert_eq!(stale_after(Stage::Proposal, Framework::Meddpicc), 90);
    let mut d = deal_with("10000", "1");
    d.apply(DealAction::Stage(Stage::Discovery, day(2026, 3, 1)), t(1));
    assert_eq!(d.stage_since, Some(day(2026, 3, 1)));
    assert_eq!(
        d.flags(day(2026, 3, 29)).stale,
        None,
        "28 days is not past 28"
    );
    assert_eq!(d.flags(day(2026, 3, 30)).stale, Some((29, 28)));
    assert_eq!(
        d.flags(day(2026, 3, 30)).phrases(d.stage)[0],
        "Stale: 29 days in Discovery (stale after 28)"
    );
    d.apply(DealAction::Stage(Stage::Discovery, day(2026, 3, 30)), t(2));
    assert_eq!(
        d.stage_since,
        Some(day(2026, 3, 1)),
        "the same stage keeps its date"
    );
}

#[test]
fn a_snooze_holds_the_stale_flag_until_its_date_and_ends_with_the_stage() {
    let mut d = deal_with("10000", "1");
    d.apply(DealAction::Stage(Stage::Proposal, day(2026, 1, 1)), t(1));
    let snooze = Snooze {
        reason: "Budget freeze until Q2".into(),
        until: day(2026, 4, 1),
    };
    d.apply(DealAction::Snooze(Some(snooze.clone())), t(2));
    let f = d.flags(day(2026, 3, 1));
    assert_eq!((f.stale, f.snoozed), (None, Some(snooze)));
    assert_eq!(
        d.flags(day(2026, 4, 1)).stale,
        Some((90, 42)),
        "back on its resume date"
    );
    d.apply(DealAction::Stage(Stage::Closing, day(2026, 4, 2)), t(3));
    assert_eq!(d.snooze, None);
}

#[test]
fn a_missing_or_overdue_next_step_is_marked() {
    let mut d = deal_with("10000", "1");
    let today = day(2026, 3, 10);
    d.stage_since = Some(today);
    assert!(d.flags(today).no_next_step);
    d.apply(DealAction::NextStepDue(Some(day(2026, 3, 7))), t(1));
    assert!(
        d.flags(today).no_next_step,
        "a date with no step is no step"
    );
    d.apply(DealAction::NextStep("Send the proposal".into()), t(2));
    let f = d.flags(today);
    assert_eq!((f.no_next_step, f.overdue), (false, Some(3)));
    assert_eq!(f.phrases(d.stage), ["Next step 3 days overdue"]);
    d.apply(DealAction::NextStepDue(Some(today)), t(3));
    assert_eq!(d.flags(today), DealFlags::default(), "due today is on time");
}

#[test]
fn an_older_deal_without_pipeline_fields_loads_unchanged_and_round_trips() {
    let v1 = r#"{"version":1,"data":{"deals":[{"id":"d1","name":"Old","company":"","acv":"9000","stakeholders":"1","new_category":false,"framework_override":null,"answers":{},"step":"basics","created":"2026-01-05T10:00:00Z","updated":"2026-01-05T10:00:00Z"}]}}"#;
    let crate::storage::Loaded::Ready(doc) = crate::storage::decode::<DealsDoc>(Some(v1)) else {
        panic!("an older document reads");
    };
    let d = &doc.deals[0];
    assert_eq!(
        (d.stage, d.stage_since, d.close_date, d.snooze.clone()),
        (Stage::Qualification, None, None, None)
    );
    assert_eq!(d.stage_entered(), day(2026, 1, 5), "since it was created");
    let again = crate::storage::encode(&doc);
    let crate::storage::Loaded::Ready(back) = crate::storage::decode::<DealsDoc>(Some(&again))
    else {
        panic!("round trip");
    };
    assert_eq!(back, doc);
}

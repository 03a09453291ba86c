//! A deal seen through its linked calls: the people, the stakeholder count
//! and warnings that follow from them, and the updates offered.

use super::*;
use crate::deal::{LinkedCall, Person};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn person(name: &str, title: &str, eb: bool) -> Person {
    Person {
        name: name.into(),
        title: title.into(),
        role: if eb { "Economic buyer" } else { "Champion" },
        economic_buyer: eb,
    }
}

fn calls() -> Vec<LinkedCall> {
    vec![
        LinkedCall {
            id: 1,
            title: "Intro".into(),
            date: day(2026, 3, 2),
            people: vec![
                person("Ana Ruiz", "VP Ops", false),
                person("Cy Diaz", "", false),
            ],
            ..LinkedCall::default()
        },
        LinkedCall {
            id: 2,
            title: "Northwind discovery".into(),
            date: day(2026, 3, 10),
            people: vec![
                person("ana  Ruiz", "VP Operations", false),
                person("Bo Chen", "CFO", true),
            ],
            decision_date: Some(day(2026, 4, 30)),
            steps: vec!["Ops review".into(), "Legal review of the MSA".into()],
            competitors: "QuoteCo".into(),
            ..LinkedCall::default()
        },
    ]
}

fn big_deal() -> Deal {
    // A MEDDIC deal: the economic buyer and both processes count.
    Deal {
        framework_override: Some(Framework::Meddic),
        ..deal_with("60000", "2")
    }
}

#[test]
fn people_named_on_calls_are_the_deals_people() {
    let people = crate::deal::people(&calls());
    let names: Vec<_> = people
        .iter()
        .map(|p| (p.name.as_str(), p.title.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("ana  Ruiz", "VP Operations"),
            ("Cy Diaz", ""),
            ("Bo Chen", "CFO")
        ],
        "one entry per person, the latest call's details winning"
    );
    assert_eq!(
        economic_buyer(&calls()).map(|p| p.name),
        Some("Bo Chen".into())
    );
}

#[test]
fn three_people_on_calls_clear_the_single_threaded_warning() {
    let deal = big_deal();
    assert!(deal
        .assessment()
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::SingleThreaded { .. })));
    let seen = with_calls(&deal, &calls());
    assert_eq!(seen.stakeholders, "3");
    assert!(!seen
        .assessment()
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::SingleThreaded { .. })));
    assert_eq!(deal.stakeholders, "2", "what the rep typed is kept");
    let mut more = big_deal();
    more.stakeholders = "5".into();
    assert_eq!(
        with_calls(&more, &calls()).stakeholders,
        "5",
        "a bigger typed count stays"
    );
    assert_eq!(with_calls(&deal, &[]).stakeholders, "2");
}

#[test]
fn what_calls_learned_is_offered_once_applied_and_undone() {
    let mut deal = big_deal();
    assert_eq!(deal.framework(), Framework::Meddic);
    let updates = call_updates(&deal, &calls());
    let labels: Vec<_> = updates.iter().map(|u| u.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Economic buyer: add \"Bo Chen, CFO\", named as the economic buyer.",
            "Expected close date: use the decision date set on \"Northwind discovery\", 30 April 2026.",
            "Decision process: add the steps mapped on calls.",
        ],
        "MEDDIC has no Timeline, Paper process or Competition criterion"
    );
    deal.set_evidence(EconomicBuyer, "Met once".into(), t(1));
    let eb = call_updates(&deal, &calls()).remove(0);
    let before = deal.clone();
    deal.apply(eb.apply.clone(), t(2));
    assert_eq!(
        deal.answers[&EconomicBuyer].evidence,
        "Met once\nEconomic buyer named on a call: Bo Chen, CFO."
    );
    assert_eq!(
        deal.answers[&EconomicBuyer].rating, None,
        "the rating stays the rep's"
    );
    assert_eq!(
        call_updates(&deal, &calls()).len(),
        2,
        "an applied update is not offered again"
    );
    deal.apply(eb.undo, t(3));
    assert_eq!(
        deal.answers[&EconomicBuyer].evidence,
        before.answers[&EconomicBuyer].evidence
    );

    let close = call_updates(&deal, &calls()).remove(1);
    deal.apply(close.apply, t(4));
    assert_eq!(deal.close_date, Some(day(2026, 4, 30)));
    deal.apply(close.undo, t(5));
    assert_eq!(deal.close_date, None);
}

#[test]
fn bant_takes_the_timeline_and_meddpicc_the_competition() {
    let bant = deal_with("10000", "1");
    let labels: Vec<String> = call_updates(&bant, &calls())
        .into_iter()
        .map(|u| u.label)
        .collect();
    assert!(
        labels.iter().any(|l| l.starts_with("Timeline: ")),
        "{labels:?}"
    );
    assert!(
        labels
            .iter()
            .any(|l| l.starts_with(&format!("{}: add \"Bo Chen", Authority.name()))),
        "{labels:?}"
    );
    let mut big = deal_with("500000", "1");
    big.framework_override = Some(Framework::Meddpicc);
    let labels: Vec<String> = call_updates(&big, &calls())
        .into_iter()
        .map(|u| u.label)
        .collect();
    assert!(
        labels
            .iter()
            .any(|l| l.starts_with(&format!("{}: ", Competition.name()))),
        "{labels:?}"
    );
    assert!(
        labels
            .iter()
            .any(|l| l == "Paper process: add the legal and purchasing steps."),
        "{labels:?}"
    );
    let paper = call_updates(&big, &calls())
        .into_iter()
        .find(|u| matches!(u.apply, DealAction::Evidence(PaperProcess, _)))
        .unwrap();
    assert_eq!(
        paper.apply,
        DealAction::Evidence(
            PaperProcess,
            "Paper steps from calls: Legal review of the MSA.".into()
        ),
        "only the legal and purchasing steps"
    );
    assert!(call_updates(&big, &[]).is_empty());
}

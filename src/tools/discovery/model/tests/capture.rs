//! What a call captures: pain, stakeholders, the action plan, coverage.

use super::*;

// --- Pain ------------------------------------------------------------------------

#[test]
fn pain_formulas() {
    assert_eq!(annual_cost(2500.0), 30_000.0);
    assert_eq!(annual_cost(0.0), 0.0);
    assert_eq!(payback_months(12_000.0, 2500.0), Some(4.8));
    assert_eq!(payback_months(10_000.0, 3000.0), Some(3.3));
    assert_eq!(payback_months(1000.0, 600.0), Some(1.7));
    assert_eq!(
        payback_months(12_000.0, 0.0),
        None,
        "— when the monthly cost is 0"
    );
    assert_eq!(payback_months(0.0, 500.0), Some(0.0));
    assert_eq!(payback_months(f64::NAN, 500.0), None);
    assert_eq!(format_months(Some(4.8)), "4.8");
    assert_eq!(format_months(Some(12.0)), "12.0");
    assert_eq!(format_months(None), "—");
    assert_eq!(format_months(Some(0.0)), "0.0");
    assert_eq!(format_months(Some(123.4)), "123.4");
}

#[test]
fn pain_fields_keep_text_and_derive_numbers() {
    let mut p = Pain {
        monthly_cost: "$2,500".into(),
        annual_price: "12000".into(),
        ..Pain::default()
    };
    let f = p.figures();
    assert_eq!(
        (f.monthly, f.annual, f.payback),
        (Some(2500.0), Some(30_000.0), Some(4.8))
    );
    assert!(p.is_quantified());
    p.monthly_cost = "lots".into();
    assert!(!p.fields_valid());
    assert_eq!(p.figures().payback, None);
    assert_eq!(p.monthly_cost, "lots", "typed text is kept");
    p.monthly_cost = "0".into();
    assert!(!p.is_quantified(), "a zero cost is not quantified pain");
    assert_eq!(p.figures().annual, Some(0.0));
    assert_eq!(p.figures().payback, None);
}

#[test]
fn money_text() {
    assert_eq!(format_money(30_000.0), "$30,000");
    assert_eq!(format_money(1250.5), "$1,250.50");
    assert_eq!(format_money(999.0), "$999");
    assert_eq!(format_money(1_000_000.0), "$1,000,000");
    assert_eq!(format_money(0.0), "$0");
    assert_eq!(format_money(-5.0), "$0");
    assert_eq!(format_money(f64::NAN), "$0");
}

// --- Stakeholders -------------------------------------------------------------

#[test]
fn multithreading_needs_three_people_and_an_economic_buyer() {
    let two = vec![
        person(1, "Ana", Role::Champion),
        person(2, "Bo", Role::EconomicBuyer),
    ];
    let m = multithread(&two);
    assert!(!m.passes());
    assert_eq!(m.message(), "Multi-threading at risk: add 1 more person.");

    let three_no_eb = vec![
        person(1, "Ana", Role::Champion),
        person(2, "Bo", Role::EndUser),
        person(3, "Cy", Role::TechnicalBuyer),
    ];
    let m = multithread(&three_no_eb);
    assert!(!m.passes());
    assert!(m.message().contains("economic buyer"));

    let mut ok = three_no_eb.clone();
    ok[1].role = Role::EconomicBuyer;
    let m = multithread(&ok);
    assert!(m.passes());
    assert!(m.message().contains("ok"));
    assert!(!m.message().contains("at risk"));
}

#[test]
fn blank_rows_do_not_count_as_people() {
    let rows = vec![
        person(1, "Ana", Role::Champion),
        person(2, "  ", Role::EconomicBuyer),
        person(3, "Cy", Role::EndUser),
        person(4, "", Role::Other),
    ];
    let m = multithread(&rows);
    assert_eq!(m.named, 2);
    assert!(!m.has_economic_buyer);
    assert_eq!(
        m.message(),
        "Multi-threading at risk: add 1 more person and ask your champion to introduce the economic buyer."
    );
    assert!(multithread(&[]).message().contains("add 3 more people"));
}

#[test]
fn role_slugs_round_trip() {
    for r in Role::ALL {
        assert_eq!(Role::from_slug(r.slug()), Some(r));
    }
    assert_eq!(Role::from_slug("boss"), None);
}

// --- Action plan ------------------------------------------------------------------

#[test]
fn plan_is_sorted_by_date_with_undated_last() {
    let items = vec![
        item(1, "undated", None),
        item(2, "late", Some(day(2026, 4, 1))),
        item(3, "early", Some(day(2026, 3, 12))),
        item(4, "same day, added later", Some(day(2026, 3, 12))),
    ];
    let ids: Vec<_> = sorted_plan(&items).iter().map(|i| i.id).collect();
    assert_eq!(ids, [3, 4, 2, 1]);
}

#[test]
fn overdue_means_open_and_past_due() {
    let today = day(2026, 3, 20);
    let mut i = item(1, "Send pricing", Some(day(2026, 3, 19)));
    assert!(i.is_overdue(today));
    assert!(
        !item(2, "x", Some(today)).is_overdue(today),
        "due today is not overdue"
    );
    assert!(!item(3, "x", None).is_overdue(today));
    i.done = true;
    assert!(!i.is_overdue(today));
}

#[test]
fn a_due_date_before_the_call_needs_confirming() {
    let call_date = day(2026, 3, 10);
    let mut i = item(1, "Intro to CFO", Some(day(2026, 3, 9)));
    assert!(i.needs_confirmation(call_date));
    assert!(
        !i.is_next_step(call_date),
        "an unconfirmed date is not a next step yet"
    );
    i.early_confirmed = true;
    assert!(!i.needs_confirmation(call_date));
    assert!(i.is_next_step(call_date));
    assert!(!item(2, "x", Some(call_date)).needs_confirmation(call_date));
}

#[test]
fn next_step_needs_a_description_and_a_date_and_must_be_open() {
    let d = day(2026, 3, 10);
    assert!(item(1, "Demo for ops team", Some(day(2026, 3, 17))).is_next_step(d));
    assert!(!item(1, "  ", Some(day(2026, 3, 17))).is_next_step(d));
    assert!(!item(1, "Demo", None).is_next_step(d));
    let mut done = item(1, "Demo", Some(day(2026, 3, 17)));
    done.done = true;
    assert!(!done.is_next_step(d));
}

// --- Coverage -----------------------------------------------------------------------

fn ids(c: &Call) -> Vec<&'static str> {
    c.missing_topics().iter().map(|t| t.id()).collect()
}

#[test]
fn a_new_call_misses_every_topic_in_order() {
    assert_eq!(
        ids(&call()),
        [
            "notes-current-state",
            "notes-pain",
            "notes-future-state",
            "notes-decision-process",
            "quantified-pain",
            "economic-buyer",
            "decision-date",
            "next-step"
        ]
    );
}

#[test]
fn coverage_shrinks_as_topics_are_captured() {
    let mut c = call();
    c.notes
        .insert(Section::CurrentState, "Spreadsheets, weekly".into());
    c.notes.insert(Section::Pain, "   ".into());
    assert_eq!(ids(&c).len(), 7, "whitespace is not a note");
    c.notes.insert(Section::Pain, "Two FTEs on rework".into());
    c.notes
        .insert(Section::FutureState, "Close in 5 days".into());
    c.notes.insert(Section::DecisionProcess, "CFO signs".into());
    assert_eq!(
        ids(&c),
        [
            "quantified-pain",
            "economic-buyer",
            "decision-date",
            "next-step"
        ]
    );
    c.pain.monthly_cost = "4000".into();
    c.stakeholders.push(person(1, "Dana", Role::EconomicBuyer));
    c.decision.decision_date = Some(day(2026, 4, 30));
    assert_eq!(ids(&c), ["next-step"]);
    c.plan
        .push(item(2, "Security review", Some(day(2026, 3, 20))));
    assert!(ids(&c).is_empty());
}

#[test]
fn every_topic_id_matches_the_contract() {
    let all: Vec<_> = Topic::ALL.iter().map(|t| t.id()).collect();
    assert_eq!(all.len(), 8);
    for (s, id) in Section::ALL.iter().zip(&all) {
        assert_eq!(s.notes_topic().id(), *id);
        assert_eq!(*id, format!("notes-{}", s.slug()));
    }
}

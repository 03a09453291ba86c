//! The calls document, edits and stored forms.

use super::*;

// --- Calls document -----------------------------------------------------------------

#[test]
fn create_duplicate_delete_and_undo() {
    let mut doc = CallsDoc::default();
    let a = doc.create("First".into(), day(2026, 3, 1), at(0));
    let b = doc.create("Second".into(), day(2026, 3, 5), at(10));
    assert_eq!((a, b), (1, 2));
    doc.update(a, at(20), |c| {
        c.notes.insert(Section::Pain, "rework".into());
        c.apply_clock(ClockAction::Start, at(20));
        c.toggle_talk(Speaker::Buyer, at(25));
    });
    let copy = doc.duplicate(a, day(2026, 3, 9), at(30)).unwrap();
    assert_eq!(copy, 3);
    let dup = doc.get(copy).unwrap();
    assert_eq!(dup.title, "First (copy)");
    assert_eq!(dup.notes_for(Section::Pain), "rework");
    assert_eq!(dup.clock.phase(), Phase::Ready, "clocks start fresh");
    assert_eq!(dup.talk.seconds(at(1000)), (0, 0));
    assert_eq!(dup.date, day(2026, 3, 9));

    let titles: Vec<_> = doc.list().iter().map(|c| c.title.clone()).collect();
    assert_eq!(titles, ["First (copy)", "Second", "First"], "newest first");

    let (pos, removed) = doc.remove(b).unwrap();
    assert!(doc.get(b).is_none());
    doc.restore(pos, removed.clone());
    doc.restore(pos, removed);
    assert_eq!(
        doc.calls.iter().map(|c| c.id).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert!(doc.remove(99).is_none());
    // Ids are never reused, even after a delete.
    doc.remove(3);
    assert_eq!(doc.create(String::new(), day(2026, 3, 9), at(40)), 4);
}

#[test]
fn update_touches_the_call() {
    let mut doc = CallsDoc::default();
    let id = doc.create("x".into(), day(2026, 3, 1), at(0));
    assert!(doc.update(id, at(99), |c| c.title = "y".into()));
    assert_eq!(doc.get(id).unwrap().updated_at, at(99));
    assert!(!doc.update(42, at(99), |_| {}));
}

#[test]
fn untitled_calls_get_a_readable_name() {
    let c = Call::new(1, " ".into(), day(2026, 3, 1), at(0));
    assert_eq!(c.display_title(), "Untitled call, 1 Mar 2026");
}

#[test]
fn item_ids_are_unique_within_a_call() {
    let mut c = call();
    let a = c.add_stakeholder();
    let b = c.add_action();
    c.next_item_id = 0; // e.g. hand-edited data
    let d = c.add_stakeholder();
    assert!(a != b && b != d && a != d);
}

#[test]
fn ticking_a_question_toggles_it() {
    let mut c = call();
    c.toggle_asked("why-now");
    c.toggle_asked("cs-tools");
    assert!(c.has_asked("why-now") && c.has_asked("cs-tools"));
    c.toggle_asked("cs-tools");
    c.toggle_asked("why-now");
    assert!(c.asked.is_empty());
}

#[test]
fn screens_parse_from_the_route() {
    assert_eq!(Screen::parse(""), Screen::List);
    assert_eq!(Screen::parse("7"), Screen::Call(7));
    assert_eq!(Screen::parse("7/"), Screen::Call(7));
    assert_eq!(Screen::parse("7/recap"), Screen::Recap(7));
    assert_eq!(Screen::parse("abc"), Screen::List);
    assert_eq!(Screen::parse("7/other"), Screen::List);
    for s in [Screen::List, Screen::Call(3), Screen::Recap(3)] {
        assert_eq!(Screen::parse(&s.rest()), s);
    }
}

#[test]
fn old_or_minimal_saved_data_still_loads() {
    let raw = r#"{"version":1,"data":{}}"#;
    assert_eq!(
        decode::<CallsDoc>(Some(raw)),
        Loaded::Ready(CallsDoc::default())
    );
    let raw = r#"{"version":1,"data":{"calls":[{"id":5,"date":"2026-03-10","created_at":1773136800000,"updated_at":1773136800000}]}}"#;
    match decode::<CallsDoc>(Some(raw)) {
        Loaded::Ready(doc) => {
            let c = &doc.calls[0];
            assert_eq!(c.section_minutes, "10");
            assert_eq!(c.missing_topics().len(), 8);
        }
        other => panic!("expected ready, got {other:?}"),
    }
}

#[test]
fn a_full_call_round_trips_through_storage() {
    let mut doc = CallsDoc::default();
    let id = doc.create("Acme".into(), day(2026, 3, 10), at(0));
    doc.update(id, at(5), |c| {
        c.apply_clock(ClockAction::Start, at(0));
        c.toggle_talk(Speaker::Rep, at(1));
        c.pain.monthly_cost = "2,500".into();
        let s = c.add_stakeholder();
        c.stakeholders.iter_mut().find(|p| p.id == s).unwrap().role = Role::Blocker;
        c.add_action();
        c.decision.decision_date = Some(day(2026, 5, 1));
    });
    let raw = encode(&doc);
    assert_eq!(decode::<CallsDoc>(Some(&raw)), Loaded::Ready(doc));
}

// --- Edits --------------------------------------------------------------------------

#[test]
fn edits_change_the_call_and_touch_it() {
    let mut c = call();
    c.apply(CallEdit::Title("Globex".into()), at(5));
    c.apply(CallEdit::Notes(Section::Pain, "rework".into()), at(6));
    c.apply(CallEdit::MonthlyCost("2500".into()), at(7));
    c.apply(CallEdit::Deal(Some(String::new())), at(8));
    assert_eq!(c.deal_id, None, "an empty choice unlinks");
    c.apply(CallEdit::Deal(Some("d-3".into())), at(8));
    assert_eq!(
        (c.title.as_str(), c.notes_for(Section::Pain)),
        ("Globex", "rework")
    );
    assert_eq!(c.pain.figures().annual, Some(30_000.0));
    assert_eq!(c.deal_id.as_deref(), Some("d-3"));
    assert_eq!(c.updated_at, at(8));
    c.apply(CallEdit::Talk(Speaker::Buyer), at(10));
    assert_eq!(c.clock.phase(), Phase::Live);
}

#[test]
fn stakeholder_edits_and_undo_of_a_removal() {
    let mut c = call();
    c.apply(CallEdit::AddStakeholder, at(0));
    c.apply(CallEdit::AddStakeholder, at(0));
    let (a, b) = (c.stakeholders[0].id, c.stakeholders[1].id);
    c.apply(CallEdit::StakeholderName(a, "Ana".into()), at(1));
    c.apply(CallEdit::StakeholderTitle(a, "COO".into()), at(1));
    c.apply(CallEdit::StakeholderRole(a, Role::EconomicBuyer), at(1));
    let removed = c.stakeholders[0].clone();
    c.apply(CallEdit::RemoveStakeholder(a), at(2));
    assert_eq!(c.stakeholders.len(), 1);
    c.apply(CallEdit::StakeholderName(a, "ghost".into()), at(3));
    c.apply(CallEdit::RestoreStakeholder(0, removed.clone()), at(4));
    c.apply(CallEdit::RestoreStakeholder(0, removed), at(4));
    assert_eq!(
        c.stakeholders.iter().map(|s| s.id).collect::<Vec<_>>(),
        [a, b]
    );
    assert_eq!(c.stakeholders[0].name, "Ana");
    assert!(c.covers(Topic::EconomicBuyer));
}

#[test]
fn changing_a_due_date_asks_for_confirmation_again() {
    let mut c = call();
    c.apply(CallEdit::AddAction, at(0));
    let id = c.plan[0].id;
    c.apply(CallEdit::ActionText(id, "Intro to CFO".into()), at(0));
    c.apply(CallEdit::ActionOwner(id, Side::Buyer), at(0));
    c.apply(CallEdit::ActionDue(id, Some(day(2026, 3, 1))), at(0));
    assert!(c.plan[0].needs_confirmation(c.date));
    c.apply(CallEdit::ConfirmEarlyDue(id), at(0));
    assert!(c.covers(Topic::NextStep));
    c.apply(CallEdit::ActionDue(id, Some(day(2026, 3, 2))), at(0));
    assert!(c.plan[0].needs_confirmation(c.date));
    c.apply(CallEdit::ActionDue(id, Some(day(2026, 3, 20))), at(0));
    c.apply(CallEdit::ActionDone(id, true), at(0));
    assert!(!c.covers(Topic::NextStep), "a done item is not a next step");
    let item = c.plan[0].clone();
    c.apply(CallEdit::RemoveAction(id), at(0));
    c.apply(CallEdit::RestoreAction(item), at(0));
    assert_eq!(c.plan.len(), 1);
}

#[test]
fn doc_edit_reports_a_missing_call() {
    let mut doc = CallsDoc::default();
    let id = doc.create("x".into(), day(2026, 3, 1), at(0));
    assert!(doc.edit(id, CallEdit::Title("y".into()), at(1)));
    assert!(!doc.edit(id + 1, CallEdit::Title("z".into()), at(1)));
}

#[test]
fn date_inputs_round_trip() {
    assert_eq!(parse_date_input("2026-03-10"), Some(day(2026, 3, 10)));
    assert_eq!(parse_date_input(""), None);
    assert_eq!(parse_date_input("2026-02-30"), None);
    assert_eq!(date_input_value(Some(day(2026, 3, 1))), "2026-03-01");
    assert_eq!(date_input_value(None), "");
    assert_eq!(parse_date_input("2026-3-1"), None);
    assert_eq!(parse_date_input("20260-03-01"), None);
    assert_eq!(parse_date_input("2024-02-29"), Some(day(2024, 2, 29)));
    assert_eq!(format_date_short(day(2026, 3, 1)), "1 Mar 2026");
    assert_eq!(format_date_long(day(2026, 12, 31)), "31 December 2026");
}

#[test]
fn stored_dates_and_times_use_compact_forms() {
    let mut c = call();
    c.apply_clock(ClockAction::Start, at(1));
    c.decision.decision_date = Some(day(2026, 4, 30));
    let v = serde_json::to_value(&c).unwrap();
    assert_eq!(v["date"], "2026-03-10");
    assert_eq!(v["decision"]["decision_date"], "2026-04-30");
    assert_eq!(v["created_at"], t0().timestamp_millis());
    assert_eq!(
        v["clock"]["call"]["spans"][0]["start"],
        at(1).timestamp_millis()
    );
    assert!(v["clock"]["call"]["spans"][0]["end"].is_null());
    let bad = r#"{"version":1,"data":{"calls":[{"id":1,"date":"10/03/2026","created_at":0,"updated_at":0}]}}"#;
    assert!(matches!(
        decode::<CallsDoc>(Some(bad)),
        Loaded::Corrupt { .. }
    ));
}

// --- Ids at the top of u64 (issue 16) ----------------------------------------------

#[test]
fn a_call_with_id_u64_max_is_never_overwritten_by_a_new_call() {
    for next_id in [0, 7, u64::MAX] {
        let mut doc = CallsDoc::default();
        doc.calls
            .push(Call::new(u64::MAX, "Top".into(), day(2026, 3, 1), at(0)));
        doc.calls
            .push(Call::new(1, "One".into(), day(2026, 3, 1), at(0)));
        doc.next_id = next_id;
        let mut ids = vec![];
        for _ in 0..3 {
            let id = doc.create("New".into(), day(2026, 3, 2), at(10));
            ids.push(id);
        }
        assert_eq!(doc.get(u64::MAX).unwrap().title, "Top", "next_id {next_id}");
        assert_eq!(doc.get(1).unwrap().title, "One");
        let mut all: Vec<u64> = doc.calls.iter().map(|c| c.id).collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 5, "every call keeps its own id: {ids:?}");
        assert!(ids.iter().all(|&id| id != 0 && id != u64::MAX && id != 1));
    }
}

#[test]
fn an_item_with_id_u64_max_is_never_overwritten_by_a_new_one() {
    let mut doc = CallsDoc::default();
    let id = doc.create("x".into(), day(2026, 3, 1), at(0));
    doc.update(id, at(1), |c| {
        let s = c.add_stakeholder();
        c.stakeholders.iter_mut().find(|x| x.id == s).unwrap().id = u64::MAX;
        c.stakeholders[0].name = "Top".into();
        c.next_item_id = u64::MAX;
        let a = c.add_stakeholder();
        let b = c.add_stakeholder();
        assert_ne!(a, b);
        assert!(a != u64::MAX && b != u64::MAX);
    });
    let call = doc.get(id).unwrap();
    let top: Vec<_> = call
        .stakeholders
        .iter()
        .filter(|s| s.id == u64::MAX)
        .collect();
    assert_eq!(top.len(), 1);
    assert_eq!(top[0].name, "Top");
    assert_eq!(call.stakeholders.len(), 3);
}

#[test]
fn fresh_ids_skip_every_used_one() {
    assert_eq!(fresh_id(&[], 0), 1);
    assert_eq!(fresh_id(&[3, 9], 5), 10);
    assert_eq!(fresh_id(&[3], 20), 20, "ids are not reused after a delete");
    assert_eq!(fresh_id(&[u64::MAX, 1, 2, 4], 0), 3);
    assert_eq!(fresh_id(&[u64::MAX], u64::MAX), 1);
}

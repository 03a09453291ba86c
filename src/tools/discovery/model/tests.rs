use super::*;
use crate::storage::{decode, encode, Loaded};
use chrono::{Duration, TimeZone};
use proptest::prelude::*;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 10, 0, 0).unwrap()
}

fn at(secs: i64) -> DateTime<Utc> {
    t0() + Duration::seconds(secs)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn call() -> Call {
    Call::new(1, "Acme discovery".into(), day(2026, 3, 10), t0())
}

// --- Stopwatch ------------------------------------------------------------

#[test]
fn stopwatch_adds_spans_across_pauses() {
    let mut w = Stopwatch::default();
    assert_eq!(w.elapsed_secs(at(100)), 0);
    w.start(at(0));
    w.pause(at(150)); // 2:30
    assert_eq!(w.elapsed_secs(at(299)), 150, "paused time does not count");
    w.start(at(300));
    assert_eq!(w.elapsed_secs(at(370)), 220, "150 + 70 while running");
    w.pause(at(420));
    assert_eq!(w.elapsed_secs(at(3600)), 270);
    assert_eq!(w.spans.len(), 2);
}

#[test]
fn stopwatch_ignores_double_start_and_double_pause() {
    let mut w = Stopwatch::default();
    w.start(at(0));
    w.start(at(50));
    assert_eq!(w.spans.len(), 1);
    w.pause(at(60));
    w.pause(at(90));
    assert_eq!(w.elapsed_secs(at(1000)), 60);
}

#[test]
fn stopwatch_survives_a_clock_that_jumps_backwards() {
    let mut w = Stopwatch::default();
    w.start(at(100));
    assert_eq!(w.elapsed_secs(at(50)), 0, "now before start counts as zero");
    w.pause(at(40));
    assert_eq!(w.elapsed_secs(at(500)), 0);
    w.start(at(10));
    assert_eq!(
        w.spans[1].start,
        at(100),
        "new span never starts before the last ended"
    );
}

#[test]
fn elapsed_counts_only_whole_seconds() {
    let mut w = Stopwatch::default();
    w.start(at(0));
    assert_eq!(w.elapsed_secs(at(0) + Duration::milliseconds(1999)), 1);
    assert_eq!(w.elapsed_ms(at(0) + Duration::milliseconds(1999)), 1999);
}

#[test]
fn clock_text() {
    assert_eq!(format_clock(0), "0:00");
    assert_eq!(format_clock(65), "1:05");
    assert_eq!(format_clock(600), "10:00");
    assert_eq!(format_clock(3725), "1:02:05");
    assert_eq!(format_clock_words(5), "5 s");
    assert_eq!(format_clock_words(600), "10 min");
    assert_eq!(format_clock_words(725), "12 min 5 s");
}

// --- Call clock -------------------------------------------------------------

#[test]
fn sections_follow_the_script_order() {
    let order: Vec<_> = std::iter::successors(Some(Section::CurrentState), |s| s.next()).collect();
    assert_eq!(order, Section::ALL);
    assert_eq!(Section::DecisionProcess.next(), None);
    let titles: Vec<_> = Section::ALL.iter().map(|s| s.title()).collect();
    assert_eq!(
        titles,
        [
            "Current state",
            "Pain quantification",
            "Desired future state",
            "Decision process mapping"
        ]
    );
}

#[test]
fn clocks_across_start_next_pause_resume() {
    let mut c = CallClock::default();
    assert_eq!(c.phase(), Phase::Ready);
    c.apply(ClockAction::Start, at(0));
    assert_eq!(c.phase(), Phase::Live);
    c.apply(ClockAction::NextSection, at(300));
    assert_eq!(c.current, Section::Pain);
    c.apply(ClockAction::Pause, at(420));
    assert_eq!(c.phase(), Phase::Paused);
    // A long pause: nothing counts.
    assert_eq!(c.call_secs(at(1000)), 420);
    c.apply(ClockAction::Start, at(1000));
    let now = at(1060);
    assert_eq!(c.section_secs(Section::CurrentState, now), 300);
    assert_eq!(
        c.section_secs(Section::Pain, now),
        180,
        "120 before the pause + 60 after"
    );
    assert_eq!(c.section_secs(Section::FutureState, now), 0);
    assert_eq!(c.call_secs(now), 480);
}

#[test]
fn next_while_paused_moves_without_starting_the_clock() {
    let mut c = CallClock::default();
    c.apply(ClockAction::Start, at(0));
    c.apply(ClockAction::Pause, at(60));
    c.apply(ClockAction::NextSection, at(100));
    assert_eq!(c.current, Section::Pain);
    assert_eq!(c.section_secs(Section::Pain, at(500)), 0);
    c.apply(ClockAction::Start, at(500));
    assert_eq!(c.section_secs(Section::Pain, at(530)), 30);
}

#[test]
fn next_after_the_last_section_ends_the_call() {
    let mut c = CallClock::default();
    c.apply(ClockAction::Start, at(0));
    for (i, _) in Section::ALL.iter().enumerate().skip(1) {
        c.apply(ClockAction::NextSection, at(600 * i as i64));
    }
    assert_eq!(c.current, Section::DecisionProcess);
    c.apply(ClockAction::NextSection, at(2400));
    assert_eq!(c.phase(), Phase::Ended);
    assert_eq!(c.call_secs(at(9999)), 2400);
    // Starting again reopens the call in the last section.
    c.apply(ClockAction::Start, at(3000));
    assert_eq!(c.phase(), Phase::Live);
    assert_eq!(c.section_secs(Section::DecisionProcess, at(3010)), 610);
}

#[test]
fn ending_a_call_that_never_started_keeps_it_ready() {
    let mut c = CallClock::default();
    c.apply(ClockAction::End, at(0));
    assert_eq!(c.phase(), Phase::Ready);
}

#[test]
fn go_to_switches_the_running_section() {
    let mut c = CallClock::default();
    c.apply(ClockAction::Start, at(0));
    c.apply(ClockAction::GoTo(Section::FutureState), at(100));
    c.apply(ClockAction::GoTo(Section::FutureState), at(150));
    assert_eq!(c.section_secs(Section::FutureState, at(200)), 100);
    assert_eq!(c.section_secs(Section::CurrentState, at(200)), 100);
}

#[test]
fn budget_turns_amber_at_80_percent_and_red_when_over() {
    assert_eq!(budget_status(0, 600), BudgetStatus::Ok);
    assert_eq!(budget_status(479, 600), BudgetStatus::Ok);
    assert_eq!(budget_status(480, 600), BudgetStatus::Amber);
    assert_eq!(budget_status(600, 600), BudgetStatus::Amber);
    assert_eq!(budget_status(601, 600), BudgetStatus::Over);
    assert_eq!(BudgetStatus::Over.label(), "Over time");
}

#[test]
fn section_status_uses_the_call_budget() {
    let mut c = call();
    c.apply_clock(ClockAction::Start, at(0));
    assert_eq!(
        c.section_status(Section::CurrentState, at(479)),
        BudgetStatus::Ok
    );
    assert_eq!(
        c.section_status(Section::CurrentState, at(480)),
        BudgetStatus::Amber
    );
    c.section_minutes = "5".into();
    assert_eq!(
        c.section_status(Section::CurrentState, at(301)),
        BudgetStatus::Over
    );
    c.section_minutes = "abc".into();
    assert_eq!(
        c.section_budget_secs(),
        600,
        "an invalid entry falls back to 10 minutes"
    );
}

#[test]
fn minutes_per_section_are_validated() {
    assert_eq!(parse_section_minutes("10"), Ok(600));
    assert_eq!(parse_section_minutes("7.5"), Ok(450));
    assert_eq!(
        parse_section_minutes("0"),
        Err("Enter at least 1 minute.".into())
    );
    assert_eq!(parse_section_minutes("61"), Err("Enter 60 or less.".into()));
    assert_eq!(parse_section_minutes(""), Err("Enter a number.".into()));
    assert_eq!(parse_section_minutes("-3"), Err("Enter 0 or more.".into()));
}

#[test]
fn call_warns_after_45_minutes() {
    let mut c = CallClock::default();
    c.apply(ClockAction::Start, at(0));
    assert!(!c.over_call_limit(at(2700)));
    assert!(c.over_call_limit(at(2701)));
}

// --- Talk balance -------------------------------------------------------------

#[test]
fn talk_share_is_a_whole_percent() {
    assert_eq!(talk_share(0, 0), None);
    assert_eq!(talk_share(38, 62), Some(38));
    assert_eq!(talk_share(1, 2), Some(33));
    assert_eq!(talk_share(2, 1), Some(67));
    assert_eq!(talk_share(1, 7), Some(13), "12.5 rounds half up");
    assert_eq!(talk_share(0, 5), Some(0));
    assert_eq!(talk_share(5, 0), Some(100));
    assert_eq!(talk_share(u64::MAX, u64::MAX), Some(50));
    assert_eq!(talk_share(u64::MAX, 0), Some(100));
    assert_eq!(talk_share(1 << 60, 3 << 60), Some(25));
    assert_eq!(talk_share(1, 39), Some(3), "2.5 rounds half up");
}

#[test]
fn forty_percent_is_on_target_and_above_warns() {
    assert_eq!(talk_status(None), TalkStatus::NoData);
    assert_eq!(talk_status(Some(40)), TalkStatus::OnTarget);
    assert_eq!(talk_status(Some(41)), TalkStatus::TooMuch);
}

#[test]
fn talk_toggles_hand_over_between_sides() {
    let mut c = call();
    c.toggle_talk(Speaker::Rep, at(0));
    assert_eq!(c.clock.phase(), Phase::Live, "talking starts the call");
    c.toggle_talk(Speaker::Buyer, at(20));
    assert_eq!(c.talk.speaking(), Some(Speaker::Buyer));
    c.toggle_talk(Speaker::Buyer, at(50));
    assert_eq!(
        c.talk.speaking(),
        None,
        "pressing the active side again stops it"
    );
    assert_eq!(c.talk.seconds(at(100)), (20, 30));
    assert_eq!(c.talk.rep_share(at(100)), Some(40));
    c.toggle_talk(Speaker::Rep, at(100));
    c.apply_clock(ClockAction::Pause, at(110));
    assert_eq!(c.talk.speaking(), None, "pausing the call stops talk time");
    assert_eq!(c.talk.seconds(at(500)), (30, 30));
}

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

fn person(id: u64, name: &str, role: Role) -> Stakeholder {
    Stakeholder {
        id,
        name: name.into(),
        title: String::new(),
        role,
    }
}

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

fn item(id: u64, desc: &str, due: Option<NaiveDate>) -> ActionItem {
    ActionItem {
        id,
        description: desc.into(),
        due,
        ..ActionItem::default()
    }
}

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

// --- Recap --------------------------------------------------------------------------

fn full_call() -> Call {
    let mut c = call();
    c.apply_clock(ClockAction::Start, at(0));
    c.toggle_talk(Speaker::Rep, at(0));
    c.toggle_talk(Speaker::Buyer, at(38));
    c.apply_clock(ClockAction::Pause, at(100));
    c.notes.insert(
        Section::CurrentState,
        "Quotes built by hand\nin Excel".into(),
    );
    c.pain.description = "Quotes take three days".into();
    c.pain.monthly_cost = "2500".into();
    c.pain.annual_price = "12000".into();
    c.outcome.metric = "Quote turnaround".into();
    c.outcome.target = "Same day".into();
    c.stakeholders = vec![
        Stakeholder {
            id: 1,
            name: "Ana Ruiz".into(),
            title: "Sales ops".into(),
            role: Role::Champion,
        },
        Stakeholder {
            id: 2,
            name: "Bo Chen".into(),
            title: "CFO".into(),
            role: Role::EconomicBuyer,
        },
        Stakeholder {
            id: 3,
            name: "Cy *Dev*".into(),
            title: String::new(),
            role: Role::TechnicalBuyer,
        },
    ];
    c.decision.steps = "- Ops review\n\n- CFO sign-off".into();
    c.decision.decision_date = Some(day(2026, 4, 30));
    c.decision.competitors = "Spreadsheets, QuoteCo".into();
    c.plan = vec![
        item(5, "Send pricing", Some(day(2026, 3, 12))),
        ActionItem {
            done: true,
            ..item(4, "Share case study", Some(day(2026, 3, 11)))
        },
    ];
    c
}

fn ctx(today: NaiveDate) -> RecapContext<'static> {
    RecapContext {
        deal_name: Some("Acme renewal"),
        now: at(500),
        today,
    }
}

#[test]
fn plain_recap_holds_everything_captured() {
    let text = recap(&full_call(), ctx(day(2026, 3, 20)), RecapFormat::Plain);
    for needle in [
        "Acme discovery",
        "Discovery call on 10 March 2026 · Deal: Acme renewal · 1 min 40 s on the clock · Rep talked 38% (target under 40%)",
        "PAIN AND ITS IMPACT",
        "- Quotes take three days",
        "Costs $2,500 a month, $30,000 a year if nothing changes.",
        "payback in 4.8 months",
        "- Quotes built by hand / in Excel",
        "Success metric: Quote turnaround, target Same day.",
        "- Bo Chen, CFO (Economic buyer)",
        "- Cy *Dev* (Technical buyer)",
        "Step 1: Ops review",
        "Step 2: CFO sign-off",
        "Decision by 30 April 2026.",
        "Also considering: Spreadsheets, QuoteCo.",
        "- [x] Share case study (Seller, 11 March 2026)\n- [ ] Send pricing (Seller, 12 March 2026) (overdue)",
        "OPEN GAPS",
        "Desired future state has no notes.",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    assert!(
        !text.contains("No economic buyer"),
        "covered topics are not gaps"
    );
}

#[test]
fn markdown_recap_has_headings_and_escapes_typed_text() {
    let md = recap(&full_call(), ctx(day(2026, 3, 11)), RecapFormat::Markdown);
    assert!(md.starts_with("# Acme discovery\n"));
    assert!(md.contains("\n## Stakeholders\n"));
    assert!(md.contains("- Cy \\*Dev\\* (Technical buyer)"));
    assert!(
        md.contains("- [ ] Send pricing (Seller, 12 March 2026)\n"),
        "{md}"
    );
    assert!(!md.contains("(overdue)"));
}

#[test]
fn an_empty_call_recap_says_what_is_missing() {
    let c = call();
    let text = recap(
        &c,
        RecapContext {
            deal_name: None,
            now: at(0),
            today: c.date,
        },
        RecapFormat::Plain,
    );
    assert!(text.contains("Not captured yet."));
    assert!(text.contains("No one named yet."));
    assert!(text.contains("No steps agreed yet."));
    assert!(text.contains("No dated next step."));
    assert!(!text.contains("Deal:"));
    assert!(
        !text.contains("Rep talked"),
        "no share before anyone talked"
    );
}

// --- Properties ---------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Op {
    Clock(ClockAction),
    Talk(Speaker),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Clock(ClockAction::Start)),
        Just(Op::Clock(ClockAction::Pause)),
        Just(Op::Clock(ClockAction::NextSection)),
        Just(Op::Clock(ClockAction::End)),
        (0usize..4).prop_map(|i| Op::Clock(ClockAction::GoTo(Section::ALL[i]))),
        Just(Op::Talk(Speaker::Rep)),
        Just(Op::Talk(Speaker::Buyer)),
    ]
}

/// Ops with time steps; a negative step is a wall clock jumping back.
fn script() -> impl Strategy<Value = Vec<(Op, i64)>> {
    proptest::collection::vec((op(), -5i64..400), 0..40)
}

fn run(script: &[(Op, i64)]) -> (Call, DateTime<Utc>) {
    let mut c = call();
    let mut t = t0();
    for (o, step) in script {
        t += Duration::seconds(*step);
        match o {
            Op::Clock(a) => c.apply_clock(*a, t),
            Op::Talk(s) => c.toggle_talk(*s, t),
        }
    }
    (c, t)
}

proptest! {
    #[test]
    fn section_times_add_up_to_the_call_time(s in script(), later in 0i64..10_000) {
        let (c, t) = run(&s);
        let now = t + Duration::seconds(later);
        let sum: u64 = Section::ALL.iter().map(|x| c.clock.section_ms(*x, now)).sum();
        prop_assert_eq!(sum, c.clock.call_ms(now));
    }

    #[test]
    fn only_the_current_section_runs_and_only_while_live(s in script()) {
        let (c, _) = run(&s);
        let running: Vec<_> = Section::ALL.iter().filter(|x| c.clock.section(**x).is_running()).collect();
        if c.clock.phase() == Phase::Live {
            prop_assert_eq!(running, vec![&c.clock.current]);
        } else {
            prop_assert!(running.is_empty());
            prop_assert_eq!(c.talk.speaking(), None);
        }
        prop_assert!(!(c.talk.rep.is_running() && c.talk.buyer.is_running()));
    }

    #[test]
    fn elapsed_never_goes_backwards_as_time_passes(s in script(), a in 0i64..5000, b in 0i64..5000) {
        let (c, t) = run(&s);
        let (early, late) = (t + Duration::seconds(a.min(b)), t + Duration::seconds(a.max(b)));
        prop_assert!(c.call_secs(early) <= c.call_secs(late));
        let (r1, b1) = c.talk_secs(early);
        let (r2, b2) = c.talk_secs(late);
        prop_assert!(r1 <= r2 && b1 <= b2);
        // Talk time fits inside the call time.
        prop_assert!(r2 + b2 <= c.call_secs(late));
    }

    #[test]
    fn clocks_survive_a_save_and_reload(s in script(), later in 0i64..10_000) {
        let (c, t) = run(&s);
        let doc = CallsDoc { calls: vec![c], next_id: 2 };
        let Loaded::Ready(back) = decode::<CallsDoc>(Some(&encode(&doc))) else {
            return Err(TestCaseError::fail("did not reload"));
        };
        let now = t + Duration::seconds(later);
        prop_assert_eq!(back.calls[0].call_secs(now), doc.calls[0].call_secs(now));
        prop_assert_eq!(back.calls[0].rep_share(now), doc.calls[0].rep_share(now));
        prop_assert_eq!(back, doc);
    }

    #[test]
    fn talk_share_is_a_percent_and_grows_with_rep_time(rep in 0u64..1_000_000, buyer in 0u64..1_000_000) {
        match talk_share(rep, buyer) {
            None => prop_assert!(rep == 0 && buyer == 0),
            Some(p) => {
                prop_assert!(p <= 100);
                if let Some(q) = talk_share(rep + 1, buyer) {
                    prop_assert!(q >= p);
                }
            }
        }
    }

    #[test]
    fn payback_is_finite_and_absent_only_without_monthly_cost(price in 0f64..1e12, monthly in 0f64..1e9) {
        match payback_months(price, monthly) {
            None => prop_assert!(monthly == 0.0),
            Some(m) => {
                prop_assert!(m.is_finite() && m >= 0.0);
                prop_assert!((m * 10.0 - (m * 10.0).round()).abs() < 1e-6, "one decimal");
            }
        }
        let a = annual_cost(monthly);
        prop_assert!(a.is_finite() && a >= 0.0);
    }

    #[test]
    fn any_typed_pain_gives_safe_figures(m in "\\PC{0,10}", p in "\\PC{0,10}") {
        let pain = Pain { monthly_cost: m, annual_price: p, ..Pain::default() };
        let f = pain.figures();
        for v in [f.monthly, f.annual, f.price, f.payback].into_iter().flatten() {
            prop_assert!(v.is_finite() && v >= 0.0);
        }
        let text = format_money(f.annual.unwrap_or(0.0));
        prop_assert!(text.starts_with('$') && !text.contains("NaN") && !text.contains('-'));
    }

    #[test]
    fn the_plan_is_sorted_and_nothing_is_lost(dates in proptest::collection::vec(proptest::option::of(0i64..400), 0..12)) {
        let items: Vec<_> = dates.iter().enumerate().map(|(i, d)| {
            item(i as u64, "x", d.map(|d| day(2026, 1, 1) + Duration::days(d)))
        }).collect();
        let sorted = sorted_plan(&items);
        prop_assert_eq!(sorted.len(), items.len());
        for w in sorted.windows(2) {
            let key = |i: &ActionItem| (i.due.is_none(), i.due);
            prop_assert!(key(&w[0]) <= key(&w[1]));
        }
    }

    #[test]
    fn missing_topics_are_in_contract_order_and_unique(
        notes in proptest::collection::vec(proptest::bool::ANY, 4),
        monthly in proptest::option::of(0u32..5000),
        eb in proptest::bool::ANY,
        date in proptest::bool::ANY,
        step in proptest::bool::ANY,
    ) {
        let mut c = call();
        for (s, has) in Section::ALL.iter().zip(&notes) {
            if *has { c.notes.insert(*s, "n".into()); }
        }
        if let Some(m) = monthly { c.pain.monthly_cost = m.to_string(); }
        if eb { c.stakeholders.push(person(1, "E", Role::EconomicBuyer)); }
        if date { c.decision.decision_date = Some(day(2026, 5, 1)); }
        if step { c.plan.push(item(2, "Next", Some(day(2026, 3, 20)))); }
        let missing = c.missing_topics();
        prop_assert!(missing.windows(2).all(|w| w[0] < w[1]));
        let expected = notes.iter().filter(|n| !**n).count()
            + usize::from(monthly.is_none_or(|m| m == 0))
            + usize::from(!eb) + usize::from(!date) + usize::from(!step);
        prop_assert_eq!(missing.len(), expected);
    }
}

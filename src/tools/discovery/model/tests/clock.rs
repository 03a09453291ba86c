//! Stopwatches, the call clock and talk balance.

use super::*;

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

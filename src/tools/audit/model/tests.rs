//! Native tests of the audit model (`cargo test`).

use super::date::parse_iso;
use super::*;
use crate::storage::{decode, encode, Loaded};
use crate::tools::audit::questions::{Area, COUNT, QUESTIONS};
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

const DAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 3, 19) {
    Some(d) => d,
    None => panic!("not a date"),
};

fn set(values: [u8; COUNT]) -> AnswerSet {
    AnswerSet(values.map(|v| Answer::new(v).unwrap()))
}

fn ids(fixes: &[Fix]) -> Vec<&'static str> {
    fixes.iter().map(|f| f.question.id).collect()
}

/// Answers whose weighted sum is exactly `target` (0..=102): raise
/// answers one step at a time, heaviest questions first.
fn with_sum(target: u32) -> AnswerSet {
    let mut values = [0u8; COUNT];
    let mut left = target;
    let mut order: Vec<usize> = (0..COUNT).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(QUESTIONS[i].weight));
    for &i in &order {
        while values[i] < 3 && QUESTIONS[i].weight <= left {
            values[i] += 1;
            left -= QUESTIONS[i].weight;
        }
    }
    assert_eq!(left, 0, "sum {target} not reachable greedily");
    set(values)
}

#[test]
fn extremes() {
    assert_eq!(AnswerSet::uniform(Answer::ZERO).overall(), 0);
    assert_eq!(AnswerSet::uniform(Answer::MAX).overall(), 100);
    assert_eq!(AnswerSet::uniform(Answer::new(1).unwrap()).overall(), 33);
    assert_eq!(AnswerSet::uniform(Answer::new(2).unwrap()).overall(), 67);
    for (_, s) in AnswerSet::uniform(Answer::MAX).area_scores() {
        assert_eq!(s, 100);
    }
}

#[test]
fn hand_worked_example() {
    // Design 3,3 · Qualification 2,1 · Discovery 0,0,0 · Execution 3,3,3
    // · Measurement 1,1,1,1 · Post-sale 2,2.
    let a = set([3, 3, 2, 1, 0, 0, 0, 3, 3, 3, 1, 1, 1, 1, 2, 2]);
    // Earned: 9+9 + 6+2 + 0 + 3+3+6 + 3+2+2+2 + 4+2 = 53 of 102 → 51.96.
    assert_eq!(a.overall(), 52);
    assert_eq!(a.tier(), Tier::Emerging);
    assert_eq!(a.area_score(Area::Design), 100);
    assert_eq!(a.area_score(Area::Qualification), 53); // 8/15 = 53.3
    assert_eq!(a.area_score(Area::Discovery), 0);
    assert_eq!(a.area_score(Area::Execution), 100);
    assert_eq!(a.area_score(Area::Measurement), 33); // 9/27
    assert_eq!(a.area_score(Area::Postsale), 67); // 6/9 = 66.7
}

#[test]
fn tier_boundaries() {
    for (score, tier) in [
        (0, Tier::AdHoc),
        (39, Tier::AdHoc),
        (40, Tier::Emerging),
        (59, Tier::Emerging),
        (60, Tier::Structured),
        (79, Tier::Structured),
        (80, Tier::Optimized),
        (100, Tier::Optimized),
    ] {
        assert_eq!(Tier::for_score(score), tier, "{score}");
    }
}

#[test]
fn tier_boundaries_reached_through_real_answers() {
    // Weighted sums out of 102 and the scores they round to.
    for (sum, score, tier) in [
        (40, 39, Tier::AdHoc),      // 39.2
        (41, 40, Tier::Emerging),   // 40.2
        (60, 59, Tier::Emerging),   // 58.8
        (61, 60, Tier::Structured), // 59.8
        (81, 79, Tier::Structured), // 79.4
        (82, 80, Tier::Optimized),  // 80.4
    ] {
        let a = with_sum(sum);
        assert_eq!(a.overall(), score, "sum {sum}");
        assert_eq!(a.tier(), tier, "sum {sum}");
    }
}

#[test]
fn tier_descriptions_are_two_sentences() {
    for t in [
        Tier::AdHoc,
        Tier::Emerging,
        Tier::Structured,
        Tier::Optimized,
    ] {
        let d = t.description();
        assert_eq!(d.matches(". ").count() + 1, 2, "{d}");
        assert!(d.ends_with('.'));
    }
}

#[test]
fn fix_order_by_priority_then_question_order() {
    // q1=0 (3·3=9), q2=1 (3·2=6), q3=2 (3), q4=0 (2·3=6), q5=3 (-),
    // q6=2 (2), q7=1 (4), q8=0 (3), q9=3, q10=2 (2), q11=1 (6),
    // q12=3, q13=3, q14=2 (2), q15=3, q16=2 (1).
    let a = set([0, 1, 2, 0, 3, 2, 1, 0, 3, 2, 1, 3, 3, 2, 3, 2]);
    let fixes = a.fixes();
    assert_eq!(
        ids(&fixes),
        ["q1", "q2", "q4", "q11", "q7", "q3", "q8", "q6", "q10", "q14", "q16"]
    );
    let priorities: Vec<u32> = fixes.iter().map(|f| f.priority).collect();
    assert_eq!(priorities, [9, 6, 6, 6, 4, 3, 3, 2, 2, 2, 1]);
}

#[test]
fn mixed_example_used_by_the_end_to_end_tests() {
    let a = set([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
    // 47 of 102 points → 46.1.
    assert_eq!(a.overall(), 46);
    assert_eq!(a.tier(), Tier::Emerging);
    let areas: Vec<u32> = a.area_scores().iter().map(|(_, s)| *s).collect();
    // 3/18, 12/15, 6/21, 5/12, 14/27, 7/9.
    assert_eq!(areas, [17, 80, 29, 42, 52, 78]);
    assert_eq!(
        ids(&a.fixes()),
        ["q1", "q5", "q2", "q13", "q6", "q10", "q14", "q3", "q9", "q11", "q7", "q15"]
    );
}

#[test]
fn all_zero_ties_keep_question_order() {
    let fixes = AnswerSet::uniform(Answer::ZERO).fixes();
    assert_eq!(fixes.len(), 16);
    assert_eq!(
        ids(&fixes),
        [
            "q1", "q2", "q3", "q5", "q11", "q4", "q6", "q7", "q10", "q12", "q13", "q14", "q15",
            "q8", "q9", "q16"
        ]
    );
}

#[test]
fn perfect_audit_has_no_fixes_and_sixteen_strengths() {
    let a = AnswerSet::uniform(Answer::MAX);
    assert!(a.fixes().is_empty());
    assert_eq!(a.strengths().len(), 16);
    let a = set([3, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
    let s: Vec<_> = a.strengths().iter().map(|q| q.id).collect();
    assert_eq!(s, ["q1", "q3", "q16"]);
}

#[test]
fn fix_links() {
    let fixes = AnswerSet::uniform(Answer::ZERO).fixes();
    let link = |id: &str| fixes.iter().find(|f| f.question.id == id).unwrap().link();
    assert_eq!(link("q3").unwrap().1, "#/qualify");
    assert_eq!(link("q6").unwrap().1, "#/discovery");
    assert_eq!(link("q13").unwrap().1, "#/benchmarks");
    assert_eq!(link("q1"), None);
}

fn answer(index: usize, v: u8, advance: bool) -> Action {
    Action::Answer {
        index,
        answer: Answer::new(v).unwrap(),
        advance,
    }
}

#[test]
fn flow_from_intro_to_report() {
    let mut doc = AuditDoc::default();
    assert_eq!(doc.screen(), Step::Intro);
    assert_eq!(doc.apply(Action::Start, DAY), None);
    assert_eq!(doc.screen(), Step::Question(0));
    // Answering without advancing stays; Next then moves on.
    doc.apply(answer(0, 2, false), DAY);
    assert_eq!(doc.screen(), Step::Question(0));
    doc.apply(Action::Next { from: 0 }, DAY);
    assert_eq!(doc.screen(), Step::Question(1));
    // Next on an unanswered question does nothing.
    doc.apply(Action::Next { from: 1 }, DAY);
    assert_eq!(doc.screen(), Step::Question(1));
    // An answer for a question not on screen is ignored.
    doc.apply(answer(5, 3, true), DAY);
    assert_eq!(doc.answers[5], None);
    for i in 1..15 {
        assert_eq!(doc.apply(answer(i, 3, true), DAY), None);
        assert_eq!(doc.screen(), Step::Question(i + 1));
    }
    // q1 was answered 2: 99 of 102 points → 97.06.
    let out = doc.apply(answer(15, 3, true), DAY);
    assert_eq!(
        out,
        Some(Outcome::Completed {
            score: 97,
            tier: Tier::Optimized
        })
    );
    assert_eq!(doc.screen(), Step::Report);
    assert_eq!(doc.history.len(), 1);
    assert_eq!(doc.latest().unwrap().date, DAY);
    // A stale delayed "Next" after finishing does not finish twice.
    assert_eq!(doc.apply(Action::Next { from: 15 }, DAY), None);
    assert_eq!(doc.history.len(), 1);
}

#[test]
fn back_goes_one_question_back_then_to_intro() {
    let mut doc = AuditDoc::default();
    doc.apply(Action::Start, DAY);
    doc.apply(answer(0, 1, true), DAY);
    doc.apply(answer(1, 1, true), DAY);
    doc.apply(Action::Back, DAY);
    assert_eq!(doc.screen(), Step::Question(1));
    assert_eq!(doc.answers[1], Answer::new(1));
    doc.apply(Action::Back, DAY);
    doc.apply(Action::Back, DAY);
    assert_eq!(doc.screen(), Step::Intro);
    assert!(doc.in_progress());
    // Start resumes at the first unanswered question.
    doc.apply(Action::Start, DAY);
    assert_eq!(doc.screen(), Step::Question(2));
}

#[test]
fn retake_keeps_history_and_reports_change() {
    let mut doc = AuditDoc::default();
    doc.apply(
        Action::SaveShared(AnswerSet::uniform(Answer::new(1).unwrap())),
        DAY,
    );
    assert_eq!(doc.change(), None);
    doc.apply(Action::Retake, DAY);
    assert_eq!(doc.screen(), Step::Question(0));
    assert_eq!(doc.answered(), 0);
    assert_eq!(doc.history.len(), 1);
    let later = NaiveDate::from_ymd_opt(2026, 4, 2).unwrap();
    let mut out = None;
    for (i, q) in QUESTIONS.iter().enumerate() {
        let v = if q.area == Area::Design { 3 } else { 1 };
        out = doc.apply(answer(i, v, true), later);
    }
    assert!(matches!(out, Some(Outcome::Completed { .. })));
    let change = doc.change().unwrap();
    assert_eq!(change.since, DAY);
    // Design went from 1,1 to 3,3: 12 more of 102 points, 34 → 46,
    // so the score goes from 33 to 45.
    assert_eq!(change.overall, 45 - 33);
    assert_eq!(change.areas[0], (Area::Design, 67));
    assert!(change.areas[1..].iter().all(|(_, d)| *d == 0));
    assert_eq!(signed(change.overall), "+12");
    assert_eq!(signed(-4), "−4");
    assert_eq!(signed(0), "±0");
}

#[test]
fn damaged_steps_fall_back_safely() {
    let mut doc = AuditDoc {
        step: Step::Report,
        ..Default::default()
    };
    assert_eq!(doc.screen(), Step::Intro);
    doc.step = Step::Question(99);
    assert_eq!(doc.screen(), Step::Question(0));
    // Reaching the last question with gaps sends you to the first gap.
    doc.step = Step::Question(15);
    assert_eq!(doc.apply(answer(15, 2, true), DAY), None);
    assert_eq!(doc.screen(), Step::Question(0));
    assert!(doc.history.is_empty());
}

#[test]
fn document_round_trips_and_refuses_bad_answers() {
    let mut doc = AuditDoc::default();
    doc.apply(
        Action::SaveShared(AnswerSet::uniform(Answer::new(2).unwrap())),
        DAY,
    );
    let raw = encode(&doc);
    assert_eq!(decode::<AuditDoc>(Some(&raw)), Loaded::Ready(doc));
    let bad = raw.replace("2,2,2", "7,2,2");
    assert!(matches!(
        decode::<AuditDoc>(Some(&bad)),
        Loaded::Corrupt { .. }
    ));
    // Older or partial data keeps loading thanks to defaults.
    let partial = r#"{"version":1,"data":{"step":{"at":"question","index":3}}}"#;
    match decode::<AuditDoc>(Some(partial)) {
        Loaded::Ready(d) => assert_eq!(d.screen(), Step::Question(3)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn summary_lists_score_areas_fixes_and_strengths() {
    let a = set([3, 3, 2, 1, 0, 0, 0, 3, 3, 3, 1, 1, 1, 1, 2, 2]);
    let text = summary(&a, Some(DAY), None);
    assert!(text.contains("(2026-03-19)"));
    assert!(text.contains("Score: 52/100, Emerging"));
    assert!(text.contains("- Discovery: 0/100"));
    assert!(
        text.contains("1. Finish discovery before any demo"),
        "{text}"
    );
    assert!(text.contains("- Your stages follow buyer milestones."));
    let perfect = summary(&AnswerSet::uniform(Answer::MAX), None, None);
    assert!(perfect.contains("Fixes: none"));
}

#[test]
fn dates_round_trip_and_reject_nonsense() {
    assert_eq!(crate::dates::iso_date(DAY), "2026-03-19");
    assert_eq!(parse_iso("2026-03-19"), Some(DAY));
    // Older builds accepted numbers without leading zeros; so do we.
    assert_eq!(parse_iso("2026-3-19"), Some(DAY));
    assert_eq!(
        parse_iso("2028-02-29"),
        NaiveDate::from_ymd_opt(2028, 2, 29)
    );
    for bad in [
        "",
        "2026-13-01",
        "2026-00-10",
        "2026-01",
        "x-y-z",
        "2026-01-32",
        "2026-02-31",
        "2026-02-29",
        "2026-04-31",
    ] {
        assert_eq!(parse_iso(bad), None, "{bad}");
    }
}

/// A document exactly as an earlier build stored it (its own `Date` type
/// wrote `YYYY-MM-DD`) still loads, with the same dates.
#[test]
fn an_old_stored_document_still_loads() {
    let twos = format!("[{}]", ["2"; COUNT].join(","));
    let old = format!(
        r#"{{"version":1,"data":{{"step":{{"at":"report"}},"answers":{twos},"history":[{{"date":"2026-03-19","answers":{twos}}},{{"date":"2026-04-02","answers":{twos}}}]}}}}"#
    );
    let Loaded::Ready(doc) = decode::<AuditDoc>(Some(&old)) else {
        panic!("old document refused: {old}");
    };
    assert_eq!(doc.screen(), Step::Report);
    assert_eq!(doc.history[0].date, DAY);
    assert_eq!(
        doc.latest().unwrap().date,
        NaiveDate::from_ymd_opt(2026, 4, 2).unwrap()
    );
    assert_eq!(doc.change().unwrap().since, DAY);
    // Saving it again writes the dates the same way.
    assert!(encode(&doc).contains(r#""date":"2026-03-19""#));
    // 31 February never existed: such a document is damaged, not "fixed".
    let impossible = old.replace("2026-03-19", "2026-02-31");
    assert!(matches!(
        decode::<AuditDoc>(Some(&impossible)),
        Loaded::Corrupt { .. }
    ));
}

proptest! {
    /// Every date survives the stored form, which keeps the old layout.
    #[test]
    fn stored_dates_round_trip(days in 0i64..3_652_000) {
        let date = NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Duration::days(days);
        let mut doc = AuditDoc::default();
        doc.apply(Action::SaveShared(AnswerSet::uniform(Answer::MAX)), date);
        let raw = encode(&doc);
        let old_layout = format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day());
        prop_assert!(raw.contains(&old_layout), "{}", raw);
        prop_assert_eq!(decode::<AuditDoc>(Some(&raw)), Loaded::Ready(doc));
    }

    #[test]
    fn scores_stay_in_range_and_fixes_are_sorted(values in proptest::array::uniform16(0u8..=3)) {
        let a = set(values);
        prop_assert!(a.overall() <= 100);
        for (_, s) in a.area_scores() {
            prop_assert!(s <= 100);
        }
        let fixes = a.fixes();
        prop_assert_eq!(fixes.len() + a.strengths().len(), COUNT);
        for pair in fixes.windows(2) {
            let (x, y) = (&pair[0], &pair[1]);
            prop_assert!(x.priority > y.priority
                || (x.priority == y.priority && index_of(x) < index_of(y)));
        }
    }
}

fn index_of(f: &Fix) -> usize {
    QUESTIONS
        .iter()
        .position(|q| q.id == f.question.id)
        .unwrap()
}

#[test]
fn the_tier_scale_names_the_points_to_the_next_tier() {
    assert_eq!(Tier::next_up(0), Some((Tier::Emerging, 40)));
    assert_eq!(Tier::next_up(39), Some((Tier::Emerging, 1)));
    assert_eq!(Tier::next_up(40), Some((Tier::Structured, 20)));
    assert_eq!(Tier::next_up(67), Some((Tier::Optimized, 13)));
    assert_eq!(Tier::next_up(80), None);
    assert_eq!(Tier::next_up(100), None);
    // The ranges tile 0–100 with no gap, in order.
    let mut expect = 0;
    for t in Tier::ALL {
        let (lo, hi) = t.range();
        assert_eq!(lo, expect);
        assert_eq!(Tier::for_score(lo), t);
        assert_eq!(Tier::for_score(hi), t);
        expect = hi + 1;
    }
    assert_eq!(expect, 101);
}

#[test]
fn no_weakest_badge_when_every_area_ties() {
    assert!(AnswerSet::uniform(Answer::ZERO).weakest_areas().is_empty());
    assert!(AnswerSet::uniform(Answer::new(2).unwrap())
        .weakest_areas()
        .is_empty());
    assert!(AnswerSet::uniform(Answer::MAX).weakest_areas().is_empty());
    let mut v = [3u8; COUNT];
    v[0] = 0; // q1 is a Design question
    assert_eq!(set(v).weakest_areas(), vec![Area::Design]);
}

#[test]
fn every_cited_figure_names_its_source() {
    for q in &QUESTIONS {
        if q.fix.why.chars().any(|c| c.is_ascii_digit()) {
            assert!(
                q.fix.source.is_some(),
                "{} cites a figure with no source",
                q.id
            );
        }
    }
    let q1 = &QUESTIONS[0];
    assert!(q1.fix.why.contains("18% higher revenue growth") && q1.fix.why.contains("13% shorter"));
    assert_eq!(q1.fix.source, Some("Sales Management Association"));
}

#[test]
fn each_fix_says_why_it_ranks_there() {
    // q1 (weight 3) answered "mostly buyer milestones" (2) is worth 3 × 1;
    // q8 (weight 1) answered 0 is worth 1 × 3: the same priority, so q1
    // comes first by question order.
    let mut v = [3u8; COUNT];
    v[0] = 2;
    v[7] = 0;
    let fixes = set(v).fixes();
    assert_eq!(ids(&fixes), ["q1", "q8"]);
    assert_eq!(
        fixes[0].rank_reason(),
        "Ranked by weight × gap: this question weighs the most (3 of 3) and the answer is 1 step below best practice, so 3 × 1 = 3."
    );
    assert!(fixes[1].rank_reason().contains(
        "weighs the least (1 of 3) and the answer is 3 steps below best practice, so 1 × 3 = 3."
    ));
}

#[test]
fn one_answer_changes_from_the_report_without_a_retake() {
    let mut doc = AuditDoc::default();
    let _ = doc.apply(
        Action::SaveShared(AnswerSet::uniform(Answer::new(2).unwrap())),
        DAY,
    );
    let later = DAY.succ_opt().unwrap();
    let mut revised = AnswerSet::uniform(Answer::new(2).unwrap());
    revised.0[3] = Answer::MAX;
    assert_eq!(
        doc.apply(
            Action::Revise {
                index: 3,
                answer: Answer::MAX
            },
            later
        ),
        Some(Outcome::Completed {
            score: revised.overall(),
            tier: revised.tier(),
        }),
        "the host hears the corrected result"
    );
    let latest = doc.latest().unwrap();
    assert_eq!(latest.answers.0[3], Answer::MAX);
    assert_eq!(latest.answers.0[2], Answer::new(2).unwrap());
    assert_eq!(latest.date, later);
    assert_eq!(doc.history.len(), 1, "a correction, not a new audit");
    assert_eq!(doc.screen(), Step::Report);
    assert_eq!(doc.answers[3], Some(Answer::MAX));
    // Out of range, or with no report yet: nothing happens.
    let before = doc.clone();
    let _ = doc.apply(
        Action::Revise {
            index: COUNT,
            answer: Answer::ZERO,
        },
        later,
    );
    assert_eq!(doc, before);
    let mut fresh = AuditDoc::default();
    let _ = fresh.apply(
        Action::Revise {
            index: 0,
            answer: Answer::ZERO,
        },
        DAY,
    );
    assert_eq!(fresh, AuditDoc::default());
}

#[test]
fn the_copied_summary_carries_the_share_link() {
    let a = AnswerSet::uniform(Answer::new(1).unwrap());
    let text = summary_with_link(
        &a,
        None,
        None,
        Some("https://x.example/#/audit/share/1-abc"),
    );
    assert!(text.ends_with("The full report: https://x.example/#/audit/share/1-abc\n"));
    assert!(text.contains("(Source: Sales Management Association)"));
}

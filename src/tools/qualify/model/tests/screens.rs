//! Routes, the reducer and its outcome, list rows and relative times.

use super::*;

// --- Screens, actions, rows ------------------------------------------------

#[test]
fn rest_parsing() {
    assert_eq!(parse_rest(""), Screen::List);
    assert_eq!(parse_rest("deal/abc"), Screen::Deal("abc".into()));
    assert_eq!(parse_rest("deal/abc/"), Screen::Deal("abc".into()));
    assert_eq!(parse_rest("deal/"), Screen::List);
    assert_eq!(parse_rest("deal/a/b"), Screen::List);
    assert_eq!(parse_rest("nonsense"), Screen::List);
    assert_eq!(parse_rest(&deal_rest("x1")), Screen::Deal("x1".into()));
}

#[test]
fn apply_runs_the_whole_flow() {
    let mut d = Deal::new("a".into(), t(0));
    assert!(d.apply(DealAction::Next, t(1)).is_err());
    d.apply(DealAction::Name("Acme".into()), t(1)).unwrap();
    d.apply(DealAction::Acv("30000".into()), t(1)).unwrap();
    d.apply(DealAction::Stakeholders("1".into()), t(1)).unwrap();
    d.apply(DealAction::NewCategory(true), t(1)).unwrap();
    assert_eq!(d.methodology(), Methodology::Challenger);
    assert_eq!(d.apply(DealAction::Next, t(2)), Ok(Step::Criterion(Budget)));
    d.apply(DealAction::Answer(Budget, Confirmed), t(3))
        .unwrap();
    d.apply(DealAction::Evidence(Budget, "PO drafted".into()), t(3))
        .unwrap();
    assert_eq!(d.apply(DealAction::Back, t(4)), Ok(Step::Basics));
    assert_eq!(
        d.answers[&Budget].evidence, "PO drafted",
        "going back loses nothing"
    );
    d.apply(DealAction::GoTo(Step::Criterion(Timeline)), t(5))
        .unwrap();
    assert_eq!(d.apply(DealAction::Next, t(6)), Ok(Step::Summary));
    assert_eq!(
        d.apply(DealAction::StartSecondPass, t(7)),
        Ok(Step::Criterion(Metrics))
    );
    assert_eq!(d.updated, t(7));
    assert_eq!(
        d.apply(DealAction::Framework(None), t(8)),
        Ok(Step::Criterion(Budget))
    );
}

#[test]
fn rows_show_what_matters() {
    let mut doc = DealsDoc::default();
    let a = doc.create(t(0), 1);
    let b = doc.create(t(5), 2);
    {
        let d = doc.get_mut(&a).unwrap();
        d.name = "Acme".into();
        d.acv = "120000".into();
        d.answer(Metrics, Confirmed, t(10));
        d.step = Step::Criterion(EconomicBuyer);
    }
    let rows = deal_rows(&doc, chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    assert_eq!(rows[0].id, a);
    assert_eq!(rows[0].acv, "$120,000");
    assert_eq!(rows[0].framework, Framework::Meddicc);
    // 2 of 14 → 14.29 → 14.
    assert_eq!(rows[0].score, Some(14));
    // 1 of 7 assessed: in progress, not a verdict.
    assert_eq!(rows[0].verdict, Some(Verdict::Incomplete));
    assert_eq!(rows[0].resume, "Economic buyer (3 of 9)");
    assert_eq!(rows[1].id, b);
    assert_eq!(
        (rows[1].score, rows[1].verdict),
        (None, None),
        "not started is not scored"
    );
    assert_eq!(rows[1].acv, "—");
    assert_eq!(rows[1].name, "Untitled deal");
}

#[test]
fn relative_times() {
    use chrono::NaiveDate;
    let at = |d: u32, h: u32, m: u32| {
        NaiveDate::from_ymd_opt(2026, 3, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    };
    let now = at(20, 15, 0);
    assert_eq!(relative_time(at(20, 15, 0), now), "just now");
    assert_eq!(relative_time(at(20, 14, 59), now), "1 min ago");
    assert_eq!(relative_time(at(20, 14, 55), now), "5 min ago");
    assert_eq!(relative_time(at(20, 9, 0), now), "6 h ago");
    assert_eq!(relative_time(at(19, 23, 0), now), "yesterday");
    assert_eq!(relative_time(at(17, 12, 0), now), "Tuesday");
    assert_eq!(relative_time(at(2, 12, 0), now), "2 Mar 2026");
    assert_eq!(relative_time(at(21, 12, 0), now), "21 Mar 2026");
}

#[test]
fn reaching_the_summary_completes_once() {
    let mut d = deal_with("10000", "3");
    let first = d.reduce(DealAction::Next, t(1));
    assert_eq!(first.step, Ok(Step::Criterion(Budget)));
    assert_eq!(
        first.outcome, None,
        "moving between steps completes nothing"
    );
    for c in [Budget, Authority, Need] {
        d.answer(c, Confirmed, t(2));
    }
    d.step = Step::Criterion(Timeline);
    d.answer(Timeline, Partially, t(2));
    let done = d.reduce(DealAction::Next, t(3));
    assert_eq!(done.step, Ok(Step::Summary));
    // 2+2+2+1 = 7 of 8 → 88 → Qualified.
    assert_eq!(
        done.outcome,
        Some(Outcome::Completed {
            score: 88,
            verdict: Verdict::Qualified
        })
    );
    let again = d.reduce(DealAction::GoTo(Step::Summary), t(4));
    assert_eq!(
        (again.step, again.outcome),
        (Ok(Step::Summary), None),
        "staying on the summary does not complete it twice"
    );
    d.reduce(DealAction::Back, t(5));
    let edited = d.reduce(DealAction::GoTo(Step::Summary), t(6));
    assert!(
        matches!(edited.outcome, Some(Outcome::Completed { score: 88, .. })),
        "coming back to the summary completes it again"
    );
}

#[test]
fn an_incomplete_deal_reaches_its_summary_without_completing() {
    let mut d = deal_with("10000", "3");
    d.answer(Budget, Confirmed, t(1));
    d.step = Step::Criterion(Timeline);
    let r = d.reduce(DealAction::Next, t(2));
    assert_eq!(r.step, Ok(Step::Summary));
    assert_eq!(
        r.outcome, None,
        "three criteria unassessed: nothing to report"
    );
    assert_eq!(d.assessment().verdict, Verdict::Incomplete);
}

#[test]
fn blocked_basics_report_errors_and_no_outcome() {
    let mut d = Deal::new("a".into(), t(0));
    let r = d.reduce(DealAction::Next, t(1));
    assert_eq!(r.step.unwrap_err().name, Some(NAME_REQUIRED));
    assert_eq!(r.outcome, None);
    assert_eq!(d.current_step(), Step::Basics);
}

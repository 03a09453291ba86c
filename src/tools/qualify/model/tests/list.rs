//! The deal list's orders and verdict filter.

use super::*;

fn row(
    id: &str,
    name: &str,
    acv: Option<f64>,
    score: Option<u32>,
    verdict: Option<Verdict>,
    at: i64,
) -> DealRow {
    DealRow {
        id: id.into(),
        name: name.into(),
        company: String::new(),
        acv: String::new(),
        framework: Framework::Bant,
        score,
        verdict,
        updated: t(at),
        resume: String::new(),
        finished: false,
        assessed: (0, 4),
        acv_value: acv,
        close_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1 + at as u32),
        stage: crate::tools::benchmarks::model::Stage::Qualification,
        flags: Vec::new(),
        stale: false,
        snoozed: None,
    }
}

fn rows() -> Vec<DealRow> {
    vec![
        row(
            "a",
            "beta",
            Some(5_000.0),
            Some(40),
            Some(Verdict::Incomplete),
            3,
        ),
        row("b", "Alpha", None, None, None, 2),
        row(
            "c",
            "gamma",
            Some(90_000.0),
            Some(81),
            Some(Verdict::Qualified),
            1,
        ),
        row(
            "d",
            "Delta",
            Some(90_000.0),
            Some(12),
            Some(Verdict::Disqualify),
            4,
        ),
    ]
}

fn order(sort: DealSort) -> Vec<String> {
    let mut r = rows();
    sort_rows(&mut r, sort);
    r.into_iter().map(|r| r.id).collect()
}

#[test]
fn each_order_puts_blanks_last_and_breaks_ties_by_the_newest() {
    assert_eq!(order(DealSort::Updated), ["d", "a", "b", "c"]);
    assert_eq!(
        order(DealSort::Name),
        ["b", "a", "d", "c"],
        "case does not matter"
    );
    assert_eq!(
        order(DealSort::Value),
        ["d", "c", "a", "b"],
        "the tie at $90,000 goes to the newer"
    );
    assert_eq!(order(DealSort::Score), ["c", "a", "d", "b"]);
    assert_eq!(order(DealSort::Verdict), ["c", "a", "d", "b"]);
    assert_eq!(order(DealSort::CloseDate), ["c", "b", "a", "d"]);
    for s in DealSort::ALL {
        assert_eq!(DealSort::from_slug(s.slug()), s);
    }
}

#[test]
fn the_filter_matches_one_verdict_or_the_unstarted() {
    let r = rows();
    let ids = |f: VerdictFilter| {
        r.iter()
            .filter(|x| f.matches(x))
            .map(|x| x.id.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(VerdictFilter::Is(Verdict::Qualified)), ["c"]);
    assert_eq!(ids(VerdictFilter::Is(Verdict::Incomplete)), ["a"]);
    assert_eq!(ids(VerdictFilter::NotStarted), ["b"]);
    assert_eq!(
        VerdictFilter::Is(Verdict::Incomplete).label(),
        "In progress"
    );
    for f in VerdictFilter::ALL {
        assert_eq!(VerdictFilter::from_slug(f.slug()), Some(f));
    }
}

//! The call list's orders and deal filter.

use super::*;

fn row(
    id: u64,
    title: &str,
    date: NaiveDate,
    covered: usize,
    edited: i64,
    deal: Option<&str>,
) -> CallRow {
    CallRow {
        id,
        title: title.into(),
        date,
        deal_id: deal.map(String::from),
        covered,
        updated_at: at(edited),
    }
}

#[test]
fn calls_sort_by_date_edit_title_or_gaps_with_a_total_order() {
    let rows = vec![
        row(1, "beta", day(2026, 3, 1), 5, 30, Some("d1")),
        row(2, "Alpha", day(2026, 3, 9), 2, 10, None),
        row(3, "gamma", day(2026, 3, 9), 2, 20, Some("d1")),
    ];
    let ids = |o: CallSort| {
        let mut r = rows.clone();
        sort_calls(&mut r, o);
        r.into_iter().map(|r| r.id).collect::<Vec<_>>()
    };
    assert_eq!(
        ids(CallSort::Date),
        [3, 2, 1],
        "same day: the higher id first"
    );
    assert_eq!(ids(CallSort::Edited), [1, 3, 2]);
    assert_eq!(ids(CallSort::Title), [2, 1, 3]);
    assert_eq!(ids(CallSort::Gaps), [3, 2, 1]);
    for o in CallSort::ALL {
        assert_eq!(CallSort::from_slug(o.slug()), o);
    }
    let shown = |f: DealFilter| {
        rows.iter()
            .filter(|r| f.matches(r))
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(shown(DealFilter::Any), [1, 2, 3]);
    assert_eq!(shown(DealFilter::Unlinked), [2]);
    assert_eq!(shown(DealFilter::Deal("d1".into())), [1, 3]);
}

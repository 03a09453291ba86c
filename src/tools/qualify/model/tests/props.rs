//! Properties over random answers, frameworks and typed basics.

use super::*;

// --- Properties -----------------------------------------------------------

fn rating() -> impl Strategy<Value = Rating> {
    prop_oneof![
        Just(Confirmed),
        Just(Partially),
        Just(Unknown),
        Just(RedFlag)
    ]
}

fn framework() -> impl Strategy<Value = Framework> {
    prop_oneof![
        Just(Framework::Bant),
        Just(Framework::Meddic),
        Just(Framework::Meddicc),
        Just(Framework::Meddpicc)
    ]
}

fn answer_map() -> impl Strategy<Value = BTreeMap<Criterion, Answer>> {
    proptest::collection::vec(proptest::option::of(rating()), 12).prop_map(|v| {
        Criterion::ALL
            .iter()
            .zip(v)
            .filter_map(|(c, r)| {
                r.map(|r| {
                    (
                        *c,
                        Answer {
                            rating: Some(r),
                            evidence: String::new(),
                        },
                    )
                })
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn score_is_within_0_and_100(v in proptest::collection::vec(rating(), 0..20)) {
        let s = score(&v);
        prop_assert!(s <= 100);
        let exact = if v.is_empty() { 0.0 } else {
            100.0 * v.iter().map(|r| r.points()).sum::<u32>() as f64 / (2 * v.len()) as f64
        };
        prop_assert!((s as f64 - exact).abs() <= 0.5);
    }

    #[test]
    fn verdict_is_consistent(f in framework(), a in answer_map(),
                             acv in proptest::option::of(0.0f64..1e7), n in proptest::option::of(0u32..10)) {
        let r = assess(f, &a, acv, n);
        prop_assert!(r.score <= 100);
        // Never a verdict on unanswered questions, unless two red flags
        // already decide it.
        prop_assert_eq!(
            r.verdict == Verdict::Incomplete,
            r.answered < r.total && r.red_flags < 2
        );
        match r.verdict {
            Verdict::Incomplete => {}
            Verdict::Disqualify => prop_assert!(r.score < 40 || r.red_flags >= 2),
            Verdict::Qualified => prop_assert!(r.score >= 75 && r.red_flags == 0),
            Verdict::NeedsWork => prop_assert!(r.score >= 40 && r.red_flags < 2 && (r.score < 75 || r.red_flags == 1)),
        }
        // Every non-confirmed criterion is exactly one gap, most severe first.
        let confirmed = f.criteria().iter()
            .filter(|c| a.get(c).and_then(|x| x.rating) == Some(Confirmed)).count();
        prop_assert_eq!(r.gaps.len() + confirmed, f.criteria().len());
        prop_assert!(r.gaps.windows(2).all(|w| w[0].rating.gap_rank() <= w[1].rating.gap_rank()));
        if r.gaps.is_empty() { prop_assert_eq!(r.score, 100); }
        prop_assert!(r.answered <= r.total);
    }

    #[test]
    fn steps_walk_forward_and_back(f in framework(), k in 0usize..12) {
        let mut s = Step::Basics;
        for _ in 0..k { s = s.next(f); }
        let (at, total) = s.position(f);
        prop_assert!(at >= 1 && at <= total);
        prop_assert_eq!(at, (k + 1).min(total));
        if s != Step::Summary { prop_assert_eq!(s.next(f).back(f), s); }
        if s != Step::Basics { prop_assert_eq!(s.back(f).next(f), s); }
    }

    #[test]
    fn switching_frameworks_never_loses_answers(a in answer_map(), seq in proptest::collection::vec(proptest::option::of(framework()), 1..6)) {
        let mut d = Deal { answers: a.clone(), ..deal_with("60000", "3") };
        for f in seq { d.set_framework(f, t(1)); }
        prop_assert_eq!(d.answers, a);
    }

    #[test]
    fn any_typed_basics_are_safe(acv in ".{0,12}", n in ".{0,6}") {
        let d = deal_with(&acv, &n);
        let r = d.assessment();
        prop_assert!(r.score <= 100);
        let _ = summary_text(&d);
        let _ = summary_markdown(&d);
        prop_assert!(!acv_display(&d).contains("NaN"));
    }
}

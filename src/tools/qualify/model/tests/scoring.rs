//! Recommendations, score and verdict, warnings and gaps.

use super::*;

// --- Recommendation -------------------------------------------------------

#[test]
fn framework_at_every_boundary() {
    assert_eq!(recommend_framework(Some(0.0)), Plan::Bant);
    assert_eq!(recommend_framework(Some(24_999.0)), Plan::Bant);
    assert_eq!(recommend_framework(Some(24_999.99)), Plan::Bant);
    assert_eq!(recommend_framework(Some(25_000.0)), Plan::BantThenMeddic);
    assert_eq!(recommend_framework(Some(50_000.0)), Plan::BantThenMeddic);
    assert_eq!(recommend_framework(Some(50_000.01)), Plan::Meddicc);
    assert_eq!(recommend_framework(Some(50_001.0)), Plan::Meddicc);
    assert_eq!(recommend_framework(Some(250_000.0)), Plan::Meddicc);
    assert_eq!(recommend_framework(Some(250_001.0)), Plan::Meddpicc);
    assert_eq!(recommend_framework(None), Plan::NoValueYet);
    assert_eq!(recommend_framework(Some(f64::NAN)), Plan::NoValueYet);
}

#[test]
fn plan_first_framework_and_labels_name_the_framework() {
    assert_eq!(Plan::Bant.first_framework(), Framework::Bant);
    assert_eq!(Plan::BantThenMeddic.first_framework(), Framework::Bant);
    assert_eq!(Plan::Meddicc.first_framework(), Framework::Meddicc);
    assert_eq!(Plan::Meddpicc.first_framework(), Framework::Meddpicc);
    assert_eq!(Plan::NoValueYet.first_framework(), Framework::Bant);
    assert!(Plan::BantThenMeddic.label().contains("BANT"));
    assert!(Plan::BantThenMeddic.label().contains("MEDDIC"));
}

#[test]
fn deal_framework_follows_typed_value_with_separators() {
    assert_eq!(deal_with("24,999", "").framework(), Framework::Bant);
    assert_eq!(deal_with("$25,000", "").framework(), Framework::Bant);
    assert_eq!(deal_with("25000", "").plan(), Plan::BantThenMeddic);
    assert_eq!(deal_with("50,001", "").framework(), Framework::Meddicc);
    assert_eq!(deal_with("250000", "").framework(), Framework::Meddicc);
    assert_eq!(deal_with("250001", "").framework(), Framework::Meddpicc);
    assert_eq!(deal_with("", "").framework(), Framework::Bant);
    // Invalid input never picks a framework by accident.
    assert_eq!(deal_with("lots", "").plan(), Plan::NoValueYet);
}

#[test]
fn methodology() {
    assert_eq!(recommend_methodology(true), Methodology::Challenger);
    assert_eq!(recommend_methodology(false), Methodology::Spin);
    assert!(!Methodology::Spin.reason().is_empty());
}

#[test]
fn frameworks_have_the_right_criteria() {
    assert_eq!(
        Framework::Bant.criteria(),
        &[Budget, Authority, Need, Timeline]
    );
    assert_eq!(Framework::Meddic.criteria().len(), 6);
    assert_eq!(
        Framework::Meddicc.criteria(),
        &[
            Metrics,
            EconomicBuyer,
            DecisionCriteria,
            DecisionProcess,
            IdentifyPain,
            Champion,
            Competition
        ]
    );
    let p = Framework::Meddpicc.criteria();
    assert_eq!(p.len(), 8);
    for c in Framework::Meddicc.criteria() {
        assert!(p.contains(c));
    }
    assert!(p.contains(&PaperProcess));
}

#[test]
fn every_criterion_has_complete_copy() {
    for c in Criterion::ALL {
        let t = c.text();
        assert!(!t.meaning.is_empty(), "{c:?}");
        assert!((2..=4).contains(&t.questions.len()), "{c:?}");
        assert!(!t.evidence.is_empty());
        for r in [RedFlag, Unknown, Partially] {
            assert!(!c.next_action(r).is_empty(), "{c:?} {r:?}");
        }
    }
    assert!(Timeline.text().evidence.contains("90 days"));
}

// --- Score and verdict ----------------------------------------------------

#[test]
fn score_hand_worked() {
    assert_eq!(score(&[]), 0);
    assert_eq!(score(&[Confirmed; 4]), 100);
    assert_eq!(score(&[Unknown; 4]), 0);
    assert_eq!(score(&[RedFlag; 4]), 0);
    // BANT: 2+1+0+0 = 3 of 8 → 37.5 → 38.
    assert_eq!(score(&[Confirmed, Partially, Unknown, RedFlag]), 38);
    // 1 of 8 → 12.5 → 13 (halves round up).
    assert_eq!(score(&[Partially, Unknown, Unknown, Unknown]), 13);
    // MEDDICC: 2+2+2+2+1+1+0 = 10 of 14 → 71.43 → 71.
    assert_eq!(
        score(&[Confirmed, Confirmed, Confirmed, Confirmed, Partially, Partially, Unknown]),
        71
    );
    // MEDDPICC: 6 confirmed + 2 partial = 14 of 16 → 87.5 → 88.
    let mut v = vec![Confirmed; 6];
    v.extend([Partially, Partially]);
    assert_eq!(score(&v), 88);
    // BANT: 3 confirmed + 1 partial = 7 of 8 → 87.5 → 88; 6 of 8 → 75.
    assert_eq!(score(&[Confirmed, Confirmed, Confirmed, Partially]), 88);
    assert_eq!(score(&[Confirmed, Confirmed, Partially, Partially]), 75);
}

#[test]
fn verdict_boundaries() {
    assert_eq!(verdict(39, 0), Verdict::Disqualify);
    assert_eq!(verdict(40, 0), Verdict::NeedsWork);
    assert_eq!(verdict(74, 0), Verdict::NeedsWork);
    assert_eq!(verdict(75, 0), Verdict::Qualified);
    assert_eq!(verdict(100, 0), Verdict::Qualified);
    assert_eq!(verdict(90, 1), Verdict::NeedsWork);
    assert_eq!(verdict(90, 2), Verdict::Disqualify);
    assert_eq!(verdict(50, 1), Verdict::NeedsWork);
}

#[test]
fn assess_bant_example() {
    // Budget confirmed, Authority red flag, Need confirmed, Timeline partial:
    // 2+0+2+1 = 5 of 8 → 62.5 → 63, one red flag → Needs work.
    let a = assess(
        Framework::Bant,
        &answers(&[
            (Budget, Confirmed),
            (Authority, RedFlag),
            (Need, Confirmed),
            (Timeline, Partially),
        ]),
        Some(20_000.0),
        Some(1),
    );
    assert_eq!(a.score, 63);
    assert_eq!(a.verdict, Verdict::NeedsWork);
    assert_eq!(a.red_flags, 1);
    assert_eq!(a.answered, 4);
    // 20,000 is not over 25,000, so no single-thread warning.
    assert_eq!(
        a.warnings,
        vec![Warning::NoAccessToPower {
            criterion: Authority
        }]
    );
}

#[test]
fn unanswered_counts_as_unknown() {
    let a = assess(Framework::Meddic, &BTreeMap::new(), None, None);
    assert_eq!(a.score, 0);
    // Nothing answered is not a verdict: "0 / 100 Disqualify" was a
    // confident judgement on no information.
    assert_eq!(a.verdict, Verdict::Incomplete);
    assert_eq!(a.answered, 0);
    assert_eq!(a.total, 6);
    assert_eq!(a.gaps.len(), 6);
    assert!(a.gaps.iter().all(|g| g.unanswered && g.rating == Unknown));
}

// --- Warnings -------------------------------------------------------------

#[test]
fn single_threaded_boundaries() {
    let all = answers(&[
        (Budget, Confirmed),
        (Authority, Confirmed),
        (Need, Confirmed),
        (Timeline, Confirmed),
    ]);
    let st = |acv: f64, n: u32| {
        assess(Framework::Bant, &all, Some(acv), Some(n))
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::SingleThreaded { .. }))
    };
    assert!(!st(25_000.0, 2), "25,000 is not over 25,000");
    assert!(st(25_000.01, 2));
    assert!(st(25_001.0, 0));
    assert!(st(300_000.0, 2));
    assert!(!st(300_000.0, 3), "3 stakeholders is enough");
    assert!(!st(24_999.0, 1));
    // Unknown basics give no warning rather than a guess.
    assert!(assess(Framework::Bant, &all, None, Some(1))
        .warnings
        .is_empty());
    assert!(assess(Framework::Bant, &all, Some(90_000.0), None)
        .warnings
        .is_empty());
}

#[test]
fn power_and_urgency_warnings_per_family() {
    let bant = assess(
        Framework::Bant,
        &answers(&[(Authority, Unknown), (Timeline, RedFlag)]),
        None,
        None,
    );
    assert_eq!(
        bant.warnings,
        vec![
            Warning::NoAccessToPower {
                criterion: Authority
            },
            Warning::NoUrgency {
                criterion: Timeline
            }
        ]
    );
    let ok = assess(
        Framework::Bant,
        &answers(&[(Authority, Partially), (Timeline, Confirmed)]),
        None,
        None,
    );
    assert!(ok.warnings.is_empty());

    let meddpicc = assess(
        Framework::Meddpicc,
        &answers(&[
            (EconomicBuyer, RedFlag),
            (IdentifyPain, Partially),
            (Authority, Confirmed),
        ]),
        Some(400_000.0),
        Some(5),
    );
    // Over $100,000 with the decision and paper processes unassessed.
    assert_eq!(
        meddpicc.warnings,
        vec![
            Warning::NoAccessToPower {
                criterion: EconomicBuyer
            },
            Warning::ProcessUnknown {
                criterion: DecisionProcess
            },
            Warning::ProcessUnknown {
                criterion: PaperProcess
            },
        ]
    );
    let urgent = assess(
        Framework::Meddicc,
        &answers(&[(EconomicBuyer, Confirmed)]),
        None,
        None,
    );
    assert_eq!(
        urgent.warnings,
        vec![Warning::NoUrgency {
            criterion: IdentifyPain
        }]
    );
}

#[test]
fn warning_copy_names_the_action() {
    let w = Warning::SingleThreaded { stakeholders: 1 };
    assert!(w.detail().contains("Only 1 stakeholder is"));
    assert!(Warning::SingleThreaded { stakeholders: 2 }
        .detail()
        .contains("Only 2 stakeholders"));
    assert_eq!(
        Warning::NoUrgency {
            criterion: Timeline
        }
        .title(),
        "No urgency"
    );
}

// --- Gaps -----------------------------------------------------------------

#[test]
fn gap_order_red_then_unknown_then_partial_in_framework_order() {
    let a = answers(&[
        (Metrics, Partially),
        (EconomicBuyer, Unknown),
        (DecisionCriteria, RedFlag),
        (DecisionProcess, Confirmed),
        // Paper process unanswered → Unknown.
        (IdentifyPain, Partially),
        (Champion, RedFlag),
        (Competition, Unknown),
    ]);
    let order: Vec<Criterion> = gaps(Framework::Meddpicc, &a)
        .iter()
        .map(|g| g.criterion)
        .collect();
    assert_eq!(
        order,
        vec![
            DecisionCriteria,
            Champion,
            EconomicBuyer,
            PaperProcess,
            Competition,
            Metrics,
            IdentifyPain
        ]
    );
    let g = gaps(Framework::Meddpicc, &a);
    assert_eq!(g[0].action, DecisionCriteria.next_action(RedFlag));
    assert!(g[3].unanswered && !g[2].unanswered);
}

#[test]
fn no_gaps_when_all_confirmed() {
    let a = answers(&[
        (Budget, Confirmed),
        (Authority, Confirmed),
        (Need, Confirmed),
        (Timeline, Confirmed),
    ]);
    assert!(gaps(Framework::Bant, &a).is_empty());
    let r = assess(Framework::Bant, &a, Some(10_000.0), Some(1));
    assert_eq!((r.score, r.verdict), (100, Verdict::Qualified));
}

#[test]
fn a_verdict_waits_for_every_criterion_unless_two_red_flags_decide_it() {
    // Three of eight MEDDPICC criteria, nothing a red flag: no verdict.
    let partial = answers(&[
        (Metrics, Partially),
        (EconomicBuyer, Unknown),
        (Champion, Partially),
    ]);
    let a = assess(Framework::Meddpicc, &partial, None, None);
    assert_eq!((a.answered, a.total), (3, 8));
    assert_eq!(a.verdict, Verdict::Incomplete);
    // Two red flags already mean Disqualify, whatever comes next.
    let flagged = answers(&[(Metrics, RedFlag), (Champion, RedFlag)]);
    assert_eq!(
        assess(Framework::Meddpicc, &flagged, None, None).verdict,
        Verdict::Disqualify
    );
    // Every criterion assessed, "Unknown" included: the usual rules.
    let all = answers(&[
        (Budget, Confirmed),
        (Authority, Confirmed),
        (Need, Confirmed),
        (Timeline, Unknown),
    ]);
    let a = assess(Framework::Bant, &all, None, None);
    assert_eq!(
        (a.answered, a.score, a.verdict),
        (4, 75, Verdict::Qualified)
    );
    assert_eq!(honest_verdict(80, 0, 3, 4), Verdict::Incomplete);
    assert_eq!(honest_verdict(80, 0, 4, 4), Verdict::Qualified);
}

#[test]
fn a_big_deal_with_an_unknown_process_is_flagged() {
    let known = answers(&[(DecisionProcess, Confirmed), (PaperProcess, Partially)]);
    let big = assess(Framework::Meddpicc, &known, Some(400_000.0), Some(5));
    assert!(!big
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::ProcessUnknown { .. })));
    let unknown = answers(&[(DecisionProcess, Confirmed), (PaperProcess, Unknown)]);
    let big = assess(Framework::Meddpicc, &unknown, Some(400_000.0), Some(5));
    assert!(big.warnings.contains(&Warning::ProcessUnknown {
        criterion: PaperProcess
    }));
    assert!(Warning::ProcessUnknown {
        criterion: PaperProcess
    }
    .detail()
    .contains("$100,000"));
    // Small deals and BANT (no process criteria) get no such warning.
    let small = assess(Framework::Meddpicc, &unknown, Some(50_000.0), Some(5));
    assert!(!small
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::ProcessUnknown { .. })));
}

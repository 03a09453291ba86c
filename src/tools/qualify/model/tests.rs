use super::*;
use chrono::TimeZone;
use proptest::prelude::*;
use Criterion::*;
use Rating::*;

fn t(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_700_000_000 + secs, 0).unwrap()
}

fn answers(list: &[(Criterion, Rating)]) -> BTreeMap<Criterion, Answer> {
    list.iter()
        .map(|(c, r)| {
            (
                *c,
                Answer {
                    rating: Some(*r),
                    evidence: String::new(),
                },
            )
        })
        .collect()
}

fn deal_with(acv: &str, stakeholders: &str) -> Deal {
    Deal {
        name: "Acme rollout".into(),
        company: "Acme".into(),
        acv: acv.into(),
        stakeholders: stakeholders.into(),
        ..Deal::new("d1".into(), t(0))
    }
}

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
    assert_eq!(a.verdict, Verdict::Disqualify);
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
    assert_eq!(
        meddpicc.warnings,
        vec![Warning::NoAccessToPower {
            criterion: EconomicBuyer
        }]
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

// --- Steps ----------------------------------------------------------------

#[test]
fn bant_flow_forward_and_back() {
    let f = Framework::Bant;
    let mut s = Step::Basics;
    let mut seen = vec![s];
    while s != Step::Summary {
        s = s.next(f);
        seen.push(s);
    }
    assert_eq!(
        seen,
        vec![
            Step::Basics,
            Step::Criterion(Budget),
            Step::Criterion(Authority),
            Step::Criterion(Need),
            Step::Criterion(Timeline),
            Step::Summary
        ]
    );
    assert_eq!(Step::Summary.next(f), Step::Summary);
    assert_eq!(Step::Summary.back(f), Step::Criterion(Timeline));
    assert_eq!(Step::Criterion(Budget).back(f), Step::Basics);
    assert_eq!(Step::Basics.back(f), Step::Basics);
    assert_eq!(Step::Basics.position(f), (1, 6));
    assert_eq!(Step::Criterion(Need).position(f), (4, 6));
    assert_eq!(Step::Summary.position(f), (6, 6));
}

#[test]
fn foreign_step_is_normalized() {
    assert_eq!(
        Step::Criterion(Budget).normalized(Framework::Meddic),
        Step::Criterion(Metrics)
    );
    assert_eq!(
        Step::Criterion(PaperProcess).normalized(Framework::Meddicc),
        Step::Criterion(Metrics)
    );
    assert_eq!(
        Step::Criterion(Champion).normalized(Framework::Meddicc),
        Step::Criterion(Champion)
    );
}

#[test]
fn basics_block_next_with_inline_errors() {
    let mut d = Deal::new("x".into(), t(0));
    let err = d.next(t(1)).unwrap_err();
    assert_eq!(err.name, Some(NAME_REQUIRED));
    assert_eq!(d.step, Step::Basics);
    d.name = "  ".into();
    assert!(d.next(t(1)).is_err());
    d.name = "Acme".into();
    d.acv = "-5".into();
    assert_eq!(d.next(t(1)).unwrap_err().acv, Some(NumberError::Negative));
    d.acv = "ten".into();
    assert_eq!(d.next(t(1)).unwrap_err().acv, Some(NumberError::NotANumber));
    d.acv = "10000".into();
    d.stakeholders = "2.5".into();
    assert_eq!(
        d.next(t(1)).unwrap_err().stakeholders,
        Some(NumberError::NotWhole)
    );
    d.stakeholders = "2".into();
    assert_eq!(d.next(t(2)), Ok(Step::Criterion(Budget)));
    assert_eq!(d.updated, t(2));
    // Blank numbers are allowed: not known yet.
    let mut e = Deal {
        name: "E".into(),
        ..Deal::new("e".into(), t(0))
    };
    assert!(e.next(t(1)).is_ok());
}

#[test]
fn second_pass_runs_meddic_and_keeps_bant() {
    let mut d = deal_with("40000", "4");
    d.next(t(1)).unwrap();
    for c in Framework::Bant.criteria() {
        d.answer(*c, Confirmed, t(2));
        d.next(t(2)).unwrap();
    }
    assert_eq!(d.step, Step::Summary);
    assert!(d.second_pass_available());
    d.start_second_pass(t(3));
    assert_eq!(d.framework(), Framework::Meddic);
    assert_eq!(d.step, Step::Criterion(Metrics));
    assert!(!d.second_pass_available());
    let fp = d.first_pass().expect("BANT pass kept");
    assert_eq!((fp.score, fp.verdict), (100, Verdict::Qualified));
    // Outside the band, no second pass.
    let mut small = deal_with("10000", "1");
    small.step = Step::Summary;
    assert!(!small.second_pass_available());
    small.start_second_pass(t(1));
    assert_eq!(small.framework(), Framework::Bant);
}

#[test]
fn switching_framework_keeps_shared_answers() {
    let mut d = deal_with("100000", "3");
    assert_eq!(d.framework(), Framework::Meddicc);
    d.answer(Metrics, Confirmed, t(1));
    d.answer(Competition, RedFlag, t(1));
    d.set_evidence(Metrics, "Cut onboarding from 30 to 10 days".into(), t(1));
    d.set_framework(Some(Framework::Meddic), t(2));
    assert_eq!(d.answers[&Metrics].rating, Some(Confirmed));
    assert_eq!(d.evidence().len(), 1);
    // Competition is not in MEDDIC, so it doesn't count…
    assert_eq!(d.assessment().red_flags, 0);
    // …but it is still there when switching back.
    d.set_framework(None, t(3));
    assert_eq!(d.assessment().red_flags, 1);
    assert_eq!(d.answers[&Competition].rating, Some(RedFlag));
}

#[test]
fn set_framework_moves_a_foreign_step_into_the_new_flow() {
    let mut d = deal_with("300000", "3");
    d.step = Step::Criterion(PaperProcess);
    d.set_framework(Some(Framework::Meddicc), t(1));
    assert_eq!(d.step, Step::Criterion(Metrics));
    d.go_to(Step::Criterion(Budget), t(2));
    assert_eq!(d.step, Step::Criterion(Metrics), "foreign step ignored");
    d.go_to(Step::Criterion(Champion), t(2));
    assert_eq!(d.step, Step::Criterion(Champion));
}

// --- Document -------------------------------------------------------------

#[test]
fn create_rename_duplicate_delete_restore() {
    let mut doc = DealsDoc::default();
    let a = doc.create(t(0), 7);
    let b = doc.create(t(0), 7);
    assert_ne!(a, b, "ids stay unique even with the same time and salt");
    assert!(doc.rename(&a, "  Acme  ", t(5)));
    assert_eq!(doc.get(&a).unwrap().name, "Acme");
    assert_eq!(doc.sorted()[0].id, a, "renamed deal is the most recent");
    doc.get_mut(&a).unwrap().answer(Budget, Confirmed, t(6));
    let c = doc.duplicate(&a, t(10), 1).unwrap();
    let copy = doc.get(&c).unwrap();
    assert_eq!(copy.name, "Acme (copy)");
    assert_eq!(copy.answers[&Budget].rating, Some(Confirmed));
    assert_eq!(doc.sorted()[0].id, c);

    let removed = doc.delete(&b).unwrap();
    assert_eq!(removed.index, 1);
    assert_eq!(doc.deals.len(), 2);
    doc.restore(removed.clone());
    assert_eq!(doc.deals[1].id, b);
    doc.restore(removed);
    assert_eq!(doc.deals.len(), 3, "restoring twice does not duplicate");
    assert!(doc.delete("nope").is_none());
    assert!(!doc.rename("nope", "x", t(1)));
}

#[test]
fn deal_choices_for_discovery() {
    let mut doc = DealsDoc::default();
    let a = doc.create(t(0), 1);
    let b = doc.create(t(1), 2);
    doc.rename(&a, "Acme rollout", t(2));
    doc.get_mut(&a).unwrap().company = "Acme".into();
    assert_eq!(
        deal_choices(&doc),
        vec![
            (a, "Acme rollout (Acme)".to_string()),
            (b, "Untitled deal".to_string())
        ]
    );
}

#[test]
fn document_round_trips_and_tolerates_missing_fields() {
    let mut doc = DealsDoc::default();
    let id = doc.create(t(0), 3);
    let d = doc.get_mut(&id).unwrap();
    d.answer(EconomicBuyer, RedFlag, t(1));
    d.step = Step::Criterion(EconomicBuyer);
    d.framework_override = Some(Framework::Meddpicc);
    let raw = crate::storage::encode(&doc);
    assert_eq!(
        crate::storage::decode::<DealsDoc>(Some(&raw)),
        crate::storage::Loaded::Ready(doc)
    );
    let sparse = r#"{"version":1,"data":{"deals":[{"id":"x","name":"Old"}]}}"#;
    match crate::storage::decode::<DealsDoc>(Some(sparse)) {
        crate::storage::Loaded::Ready(d) => {
            assert_eq!(d.deals[0].name, "Old");
            assert_eq!(d.deals[0].step, Step::Basics);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn many_deals_sort_quickly() {
    let mut doc = DealsDoc::default();
    for i in 0..500 {
        doc.create(t(i), i as u32);
    }
    let sorted = doc.sorted();
    assert_eq!(sorted.len(), 500);
    assert_eq!(sorted[0].updated, t(499));
    assert!(sorted.windows(2).all(|w| w[0].updated >= w[1].updated));
}

// --- Summary --------------------------------------------------------------

fn finished_deal() -> Deal {
    let mut d = deal_with("40000", "2");
    d.answer(Budget, Confirmed, t(1));
    d.set_evidence(Budget, "CFO confirmed\n$45k line".into(), t(1));
    d.answer(Authority, RedFlag, t(1));
    d.answer(Need, Partially, t(1));
    d.step = Step::Summary;
    d
}

#[test]
fn summary_plain_text_reads_like_a_note() {
    let s = summary_text(&finished_deal());
    assert!(s.starts_with("Deal: Acme rollout (Acme)\n"));
    assert!(s.contains("Annual contract value: $40,000. Stakeholders engaged: 2."));
    assert!(s.contains("Framework: BANT. Methodology: SPIN."));
    // 2+0+1+0 = 3 of 8 → 38 → Disqualify.
    assert!(s.contains("Score: 38/100. Verdict: Disqualify."));
    assert!(s.contains("- Single-threaded:"));
    let auth = s.find("1. Authority (Red flag)").expect("red flag first");
    let time = s.find("2. Timeline (Not answered)").expect("then unknown");
    let need = s.find("3. Need (Partially)").expect("then partial");
    assert!(auth < time && time < need);
    assert!(s.contains("- Budget (Confirmed): CFO confirmed $45k line"));
    assert!(
        !s.contains('#') && !s.contains("**"),
        "no Markdown in the CRM note"
    );
}

#[test]
fn summary_markdown_escapes_user_text() {
    let mut d = finished_deal();
    d.name = "Big *deal* #1".into();
    let md = summary_markdown(&d);
    assert!(md.starts_with("# Deal brief: Big \\*deal\\* \\#1\n"));
    assert!(md.contains("## Verdict: Disqualify (38/100)"));
    assert!(md.contains("1. **Authority** (Red flag): "));
    assert_eq!(summary_filename(&d), "big-deal-1-qualification.md");
    assert_eq!(
        summary_filename(&Deal::default()),
        "untitled-deal-qualification.md"
    );
}

#[test]
fn money_format() {
    assert_eq!(format_money(0.0), "$0");
    assert_eq!(format_money(999.0), "$999");
    assert_eq!(format_money(1000.0), "$1,000");
    assert_eq!(format_money(250_001.5), "$250,001.50");
    assert_eq!(format_money(f64::NAN), "$0");
    assert_eq!(format_money(-3.0), "$0");
}

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
        match r.verdict {
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
    let rows = deal_rows(&doc);
    assert_eq!(rows[0].id, a);
    assert_eq!(rows[0].acv, "$120,000");
    assert_eq!(rows[0].framework, Framework::Meddicc);
    // 2 of 14 → 14.29 → 14.
    assert_eq!(rows[0].score, Some(14));
    assert_eq!(rows[0].verdict, Some(Verdict::Disqualify));
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

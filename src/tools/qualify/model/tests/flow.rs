//! Wizard steps and the stored document.

use super::*;

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

//! The parsed form against the per-field parses it replaced, and the
//! reducer's "completed" outcome.

use super::super::*;
use crate::numbers::NumberError;
use proptest::prelude::*;

/// The per-field questions exactly as the document answered them before
/// `ParsedForm` existed: each one parses the raw text again on its own.
mod oracle {
    use super::*;

    pub fn is_blank(d: &BenchmarksDoc) -> bool {
        Field::visible(d.mode)
            .iter()
            .all(|f| d.raw(*f).trim().is_empty())
    }

    pub fn invalid_fields(d: &BenchmarksDoc) -> Vec<(Field, NumberError)> {
        Field::visible(d.mode)
            .into_iter()
            .filter_map(|f| d.parse(f).err().map(|e| (f, e)))
            .collect()
    }

    fn counts_parsed(d: &BenchmarksDoc) -> Option<[f64; 7]> {
        let mut out = [0.0; 7];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = d.parse(Field::Count(i)).ok()?;
        }
        Some(out)
    }

    pub fn count_warnings(d: &BenchmarksDoc) -> Vec<CountWarning> {
        if d.mode != InputMode::Counts {
            return Vec::new();
        }
        let known = std::array::from_fn(|i| d.parse(Field::Count(i)).ok());
        super::super::super::count_warnings_known(&known)
    }

    pub fn figures(d: &BenchmarksDoc) -> Option<Figures> {
        if !invalid_fields(d).is_empty() || !count_warnings(d).is_empty() {
            return None;
        }
        let p = |f| d.parse(f).unwrap_or(0.0);
        let conversion = match d.mode {
            InputMode::Rates => std::array::from_fn(|i| p(Field::Conversion(i))),
            InputMode::Counts => rates_from_counts(&counts_parsed(d)?),
        };
        // Issue 13: with counts, the monthly volume is Prospecting's count
        // over the counts' period.
        let prospects = match d.mode {
            InputMode::Rates => p(Field::Prospects),
            InputMode::Counts => p(Field::Count(0)) / d.count_period.months(),
        };
        Some(Figures {
            prospects,
            open_opportunities: p(Field::OpenOpportunities),
            deal_size: p(Field::DealSize),
            conversion,
            days: std::array::from_fn(|i| p(Field::Days(i))),
            onboarding_days: p(Field::OnboardingDays),
        })
    }

    /// The custom ranges as they were read: check every pair for errors,
    /// then parse every field a second time for its value.
    pub fn custom_baseline(b: &BaselineInput) -> Option<Baseline> {
        if !b.errors().is_empty() {
            return None;
        }
        let v = |f: BaselineField| {
            crate::numbers::read(b.raw(f), f.kind(), f.rules())
                .ok()
                .flatten()
                .unwrap_or(0.0)
        };
        let range = |lo, hi| Range::new(v(lo), v(hi));
        Some(Baseline {
            conversion: std::array::from_fn(|i| {
                range(
                    BaselineField::ConversionLow(i),
                    BaselineField::ConversionHigh(i),
                )
            }),
            days: std::array::from_fn(|i| {
                range(BaselineField::DaysLow(i), BaselineField::DaysHigh(i))
            }),
            win_rate: range(BaselineField::WinRateLow, BaselineField::WinRateHigh),
            cycle: range(BaselineField::CycleLow, BaselineField::CycleHigh),
        })
    }

    pub fn active_baseline(d: &BenchmarksDoc) -> Option<Baseline> {
        d.segment
            .published()
            .or_else(|| custom_baseline(&d.baseline))
    }

    pub fn analysis(d: &BenchmarksDoc) -> Option<Analysis> {
        Some(analyse(&figures(d)?, &active_baseline(d)?))
    }
}

/// Text people might type: numbers of every size, blanks, separators,
/// junk, negatives and exponents.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("  ".to_string()),
        (0u32..2_000).prop_map(|n| n.to_string()),
        (0.0..150.0f64).prop_map(|x| format!("{x:.2}")),
        "[0-9., $%eE+-]{0,9}",
        "[a-z]{1,4}",
    ]
}

fn doc_from(
    counts_mode: bool,
    segment: usize,
    text: Vec<String>,
    baseline_text: Vec<(usize, bool, String)>,
) -> BenchmarksDoc {
    let mut d = BenchmarksDoc {
        mode: if counts_mode {
            InputMode::Counts
        } else {
            InputMode::Rates
        },
        segment: Segment::ALL[segment % 3],
        ..BenchmarksDoc::default()
    };
    // Fill every field of both modes, so hidden fields hold text too.
    let all = Field::visible(InputMode::Rates)
        .into_iter()
        .chain((0..7).map(Field::Count));
    for (f, v) in all.zip(text) {
        d.apply(Action::SetField(f, v));
    }
    let pairs = BaselineField::pairs();
    for (i, high, v) in baseline_text {
        let (lo, hi) = pairs[i % pairs.len()];
        d.apply(Action::SetBaselineField(if high { hi } else { lo }, v));
    }
    d
}

proptest! {
    /// One parse of the form answers every question the same way the old
    /// per-field parses did.
    #[test]
    fn parsed_form_agrees_with_the_per_field_parses(
        counts_mode in any::<bool>(),
        segment in 0usize..3,
        typed_text in proptest::collection::vec(typed(), 23),
        // Half the cases are all plain numbers (with at most one field
        // spoilt), so complete results are checked as often as errors.
        clean in any::<bool>(),
        numbers in proptest::collection::vec(0u32..100, 23),
        spoil in proptest::option::of((0usize..23, typed())),
        baseline_text in proptest::collection::vec((0usize..15, any::<bool>(), prop_oneof![
            (0u32..120).prop_map(|n| n.to_string()),
            typed(),
        ]), 0..5),
    ) {
        let text = if clean {
            let mut t: Vec<String> = numbers.iter().map(u32::to_string).collect();
            if let Some((i, v)) = spoil {
                t[i] = v;
            }
            t
        } else {
            typed_text
        };
        let d = doc_from(counts_mode, segment, text, baseline_text);
        let form = ParsedForm::from(&d);
        let visible = Field::visible(d.mode);
        prop_assert_eq!(form.fields.iter().map(|(f, _)| *f).collect::<Vec<_>>(), visible.clone());
        for (f, r) in &form.fields {
            prop_assert_eq!(r, &d.parse(*f));
        }
        prop_assert_eq!(form.blank, oracle::is_blank(&d));
        let invalid: Vec<(Field, NumberError)> =
            form.invalid_fields().map(|(f, e)| (f, e.clone())).collect();
        prop_assert_eq!(&invalid, &oracle::invalid_fields(&d));
        prop_assert_eq!(form.invalid_count(), invalid.len());
        prop_assert_eq!(form.figures, oracle::figures(&d));
        prop_assert_eq!(form.baseline, oracle::active_baseline(&d));
        prop_assert_eq!(d.baseline.parse(), oracle::custom_baseline(&d.baseline));
        prop_assert_eq!(&form.count_warnings, &oracle::count_warnings(&d));
        let expected = oracle::analysis(&d);
        prop_assert_eq!(form.snapshot.as_ref().map(|s| &s.analysis), expected.as_ref());
        if let Some(s) = &form.snapshot {
            prop_assert_eq!(s.segment, d.segment);
            prop_assert_eq!(Some(s.baseline), d.active_baseline());
        }
        // The document's own questions now read the same single parse.
        prop_assert_eq!(d.is_blank(), form.blank);
        prop_assert_eq!(d.figures(), form.figures);
        prop_assert_eq!(d.invalid_fields(), invalid);
        prop_assert_eq!(snapshot(&d), form.snapshot);
    }

    /// Whatever the user types, an outcome is only ever a result that is
    /// on screen now, and never the same one twice in a row.
    #[test]
    fn reducer_reports_each_new_result_once(
        edits in proptest::collection::vec((0usize..16, prop_oneof![
            Just("x".to_string()), Just(String::new()), Just("10".to_string()),
            Just("70".to_string()), Just("52".to_string()),
        ]), 1..30),
    ) {
        let mut d = BenchmarksDoc::default();
        let mut reported = Reported::default();
        let first = d.reduce(Action::LoadExample, &mut reported);
        prop_assert!(first.is_some());
        let mut last = first;
        let visible = Field::visible(InputMode::Rates);
        for (i, v) in edits {
            let out = d.reduce(Action::SetField(visible[i], v), &mut reported);
            let a = d.analysis();
            if let Some(Outcome::Completed { velocity_per_day, bottleneck }) = out {
                let a = a.expect("reported while no result");
                prop_assert_eq!(velocity_per_day, a.velocity_per_day);
                prop_assert_eq!(bottleneck, a.bottleneck);
                prop_assert_ne!(out, last);
                last = out;
            }
        }
    }
}

#[test]
fn reducer_reports_completion_once_per_distinct_result() {
    let mut d = BenchmarksDoc::default();
    let mut r = Reported::default();
    // Typing into an empty form finishes nothing.
    assert_eq!(
        d.reduce(Action::SetField(Field::Prospects, "400".into()), &mut r),
        None
    );
    let Some(Outcome::Completed {
        velocity_per_day,
        bottleneck,
    }) = d.reduce(Action::LoadExample, &mut r)
    else {
        panic!("the example team is a finished result");
    };
    assert_eq!(bottleneck, Some(Stage::Discovery));
    assert_eq!((velocity_per_day.unwrap() * 100.0).round() / 100.0, 4020.81);
    // The same example again, a typo and its fix: the same result.
    assert_eq!(d.reduce(Action::LoadExample, &mut r), None);
    let closing = Field::Days(5);
    assert_eq!(
        d.reduce(Action::SetField(closing, "x".into()), &mut r),
        None
    );
    assert_eq!(
        d.reduce(Action::SetField(closing, "10".into()), &mut r),
        None
    );
    // A new result is reported.
    let out = d.reduce(Action::SetField(Field::Conversion(2), "70".into()), &mut r);
    assert!(matches!(
        out,
        Some(Outcome::Completed {
            bottleneck: None,
            ..
        })
    ));
    // Clear and Undo come back to the result already reported.
    let before = d.clone();
    assert_eq!(d.reduce(Action::Clear, &mut r), None);
    assert_eq!(d.reduce(Action::Restore(Box::new(before)), &mut r), None);
    // Going back to an earlier result is a new finish again.
    let out = d.reduce(Action::SetField(Field::Conversion(2), "52".into()), &mut r);
    assert!(matches!(
        out,
        Some(Outcome::Completed {
            bottleneck: Some(Stage::Discovery),
            ..
        })
    ));
}

#[test]
fn parsed_form_of_the_example_and_of_a_typo() {
    let mut d = BenchmarksDoc::default();
    let empty = ParsedForm::from(&d);
    assert!(empty.blank);
    assert!(empty.snapshot.is_none());
    assert_eq!(empty.baseline, Some(MID_MARKET));
    d.apply(Action::LoadExample);
    let form = ParsedForm::from(&d);
    assert!(!form.blank);
    assert_eq!(form.invalid_count(), 0);
    assert_eq!(
        form.snapshot.unwrap().analysis.bottleneck,
        Some(Stage::Discovery)
    );
    d.apply(Action::SetField(Field::DealSize, "lots".into()));
    let form = ParsedForm::from(&d);
    assert_eq!(form.invalid_count(), 1);
    assert_eq!(
        form.invalid_fields().next().map(|(f, _)| f),
        Some(Field::DealSize)
    );
    assert!(form.figures.is_none() && form.snapshot.is_none());
    // A broken custom baseline keeps the figures but not the result.
    d.apply(Action::SetField(Field::DealSize, "24000".into()));
    d.apply(Action::SetSegment(Segment::MyBaseline));
    d.apply(Action::SetBaselineField(
        BaselineField::CycleHigh,
        "1".into(),
    ));
    let form = ParsedForm::from(&d);
    assert!(form.figures.is_some());
    assert_eq!(form.baseline, None);
    assert!(form.snapshot.is_none());
}

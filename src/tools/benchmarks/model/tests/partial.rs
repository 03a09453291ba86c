//! Partial results, ties, the slowest stage, the onboarding warning, the
//! headline sentence and pipeline coverage.

use super::super::*;
use proptest::prelude::*;

fn example() -> BenchmarksDoc {
    let mut d = BenchmarksDoc::default();
    d.apply(Action::LoadExample);
    d
}

fn partial(d: &BenchmarksDoc, prev: Option<&Partial>) -> Partial {
    Partial::new(d, &ParsedForm::from(d), prev)
}

fn plain(x: f64) -> String {
    plain_number(x)
}

fn headline(p: &Partial) -> String {
    let money = |v: f64| format!("${}", plain_number(v));
    let pct = |v: f64| format!("{}%", plain_number(v.round()));
    headline_sentence(
        p,
        &HeadlineFormat {
            money: &money,
            percent: &pct,
            num: plain,
        },
    )
}

#[test]
fn every_output_but_onboarding_shows_without_onboarding_days() {
    let mut d = example();
    d.apply(Action::SetField(Field::OnboardingDays, String::new()));
    let p = partial(&d, None);
    for o in [
        Output::WinRate,
        Output::Cycle,
        Output::Velocity,
        Output::Revenue,
        Output::Bottleneck,
        Output::BottleneckWorth,
        Output::Slowest,
        Output::Chart,
        Output::FixValue(2),
        Output::Conversion(2),
        Output::Days(3),
    ] {
        assert_eq!(p.ready(o), Ready::Now, "{o:?}");
    }
    assert_eq!(
        p.ready(Output::Onboarding),
        Ready::Needs(vec![Field::OnboardingDays])
    );
    assert!(!p.complete());
    assert!(!p.stale());
    let a = &p.snapshot.as_ref().unwrap().analysis;
    assert!((a.win_rate_pct - 17.31184).abs() < 1e-4);
    assert_eq!(a.bottleneck, Some(Stage::Discovery));
    assert_eq!(a.slowest, Some(Stage::Solution));
}

#[test]
fn each_output_names_only_the_fields_it_needs() {
    let mut d = BenchmarksDoc::default();
    for (i, c) in EXAMPLE_CONVERSION.iter().enumerate() {
        d.apply(Action::SetField(Field::Conversion(i), (*c).into()));
    }
    let p = partial(&d, None);
    assert_eq!(p.ready(Output::WinRate), Ready::Now);
    assert_eq!(p.ready(Output::Bottleneck), Ready::Now);
    assert_eq!(
        p.ready(Output::BottleneckWorth),
        Ready::Needs(vec![Field::Prospects, Field::DealSize])
    );
    assert_eq!(
        p.ready(Output::Cycle),
        Ready::Needs((1..6).map(Field::Days).collect())
    );
    assert_eq!(
        needs_text(&[Field::Days(5)]),
        "Closing days",
        "the card's words"
    );
    assert_eq!(
        needs_text(&[Field::Prospects, Field::DealSize]),
        "New prospects per month and Average deal size"
    );
    assert_eq!(
        needs_text(&(1..6).map(Field::Days).collect::<Vec<_>>()),
        "Qualification days, Discovery days, Solution presentation days and 2 more"
    );
    // The bottleneck is known before its worth: the headline says so.
    let h = headline(&p);
    assert!(
        h.starts_with(
            "Fix Discovery (52% vs 60–75%). Fill in New prospects per month and Average deal size"
        ),
        "{h}"
    );
}

#[test]
fn counts_mode_reads_both_neighbouring_counts() {
    let mut d = example();
    d.apply(Action::SetMode(InputMode::Counts));
    d.apply(Action::SetField(Field::Count(3), String::new()));
    let p = partial(&d, None);
    assert_eq!(
        p.ready(Output::Conversion(2)),
        Ready::Needs(vec![Field::Count(3)])
    );
    assert_eq!(p.ready(Output::Conversion(1)), Ready::Now);
    assert_eq!(p.ready(Output::Cycle), Ready::Now);
}

#[test]
fn a_bad_field_keeps_its_last_number_marked_out_of_date() {
    let d = example();
    let good = partial(&d, None);
    assert!(good.complete() && !good.stale());
    let mut bad = d.clone();
    bad.apply(Action::SetField(Field::Conversion(2), "abc".into()));
    let p = partial(&bad, Some(&good));
    assert_eq!(p.ready(Output::WinRate), Ready::Stale);
    assert_eq!(p.ready(Output::Cycle), Ready::Now, "cycle does not read it");
    assert!(p.stale() && p.complete());
    assert_eq!(
        p.snapshot, good.snapshot,
        "the figures are the last good ones"
    );
    // Still carried after a second bad edit.
    bad.apply(Action::SetField(Field::Conversion(2), "".into()));
    let p2 = partial(&bad, Some(&p));
    assert_eq!(p2.snapshot, good.snapshot);
    // Clear starts afresh: nothing carried.
    let mut cleared = d.clone();
    cleared.apply(Action::Clear);
    let p3 = partial(&cleared, Some(&p2));
    assert_eq!(
        p3.ready(Output::Onboarding),
        Ready::Needs(vec![Field::OnboardingDays])
    );
    assert!(!p3.stale());
}

#[test]
fn a_broken_baseline_keeps_the_last_ranges() {
    let mut d = example();
    d.apply(Action::SetSegment(Segment::MyBaseline));
    let good = partial(&d, None);
    d.apply(Action::SetBaselineField(
        BaselineField::CycleHigh,
        "1".into(),
    ));
    let p = partial(&d, Some(&good));
    assert_eq!(p.ready(Output::WinRate), Ready::Stale);
    assert_eq!(p.snapshot, good.snapshot);
    // With no earlier ranges at all, every output waits for the baseline.
    let fresh = partial(&d, None);
    assert_eq!(fresh.ready(Output::WinRate), Ready::Needs(vec![]));
    assert_eq!(needs_text(&[]), "a baseline without errors");
}

#[test]
fn ties_are_named_with_a_tolerance_earliest_first() {
    // mid/c is 1.25 for qualification (55/44), discovery (67.5/54) and
    // solution (57.5/46): each fix is a quarter of revenue.
    let mut d = example();
    for (i, c) in ["12", "44", "54", "46", "70", "82"].iter().enumerate() {
        d.apply(Action::SetField(Field::Conversion(i), (*c).into()));
    }
    let a = d.analysis().unwrap();
    let fixes: Vec<f64> = (1..4).map(|i| a.stages[i].fix_value.unwrap()).collect();
    assert!((fixes[0] - a.revenue_per_month * 0.25).abs() < 1e-6);
    assert!(ties(fixes[0], fixes[1]) && ties(fixes[1], fixes[2]));
    assert_eq!(a.bottleneck, Some(Stage::Qualification));
    assert_eq!(
        a.bottleneck_ties,
        [Stage::Qualification, Stage::Discovery, Stage::Solution]
    );
    let s = bottleneck_tie_sentence(&a, Some("$18,936".into())).unwrap();
    assert!(
        s.starts_with("Qualification, Discovery and Solution presentation tie at $18,936 a month; the earliest is named first"),
        "{s}"
    );
    let p = partial(&d, None);
    assert!(headline(&p).contains("Discovery and Solution presentation tie with it."));
    // A real difference is no tie.
    d.apply(Action::SetField(Field::Conversion(3), "46.1".into()));
    let a = d.analysis().unwrap();
    assert_eq!(a.bottleneck_ties, [Stage::Qualification, Stage::Discovery]);
    assert!(!ties(1.0, 1.0 + 1e-6));
    assert!(ties(0.0, 0.0));
}

#[test]
fn the_slowest_stage_is_one_of_the_cycle_and_onboarding_warns_on_its_own() {
    let mut d = example();
    // Prospecting 20 days (13 over) is outside the cycle; solution is 4 over.
    d.apply(Action::SetField(Field::Days(0), "20".into()));
    d.apply(Action::SetField(Field::OnboardingDays, "120".into()));
    let a = d.analysis().unwrap();
    assert_eq!(a.slowest, Some(Stage::Solution));
    assert_eq!(a.slowest_excess_days, 4.0);
    assert_eq!(a.onboarding_excess_days, Some(90.0));
    let w = onboarding_warning(&a, &MID_MARKET, plain).unwrap();
    assert!(w.starts_with("After the sale: onboarding takes 120 days to first value (benchmark 14–30 days), 90 days over."), "{w}");
    // Discovery 18 (4 over) ties solution 18 (4 over): discovery first.
    d.apply(Action::SetField(Field::Days(2), "18".into()));
    let a = d.analysis().unwrap();
    assert_eq!(a.slowest, Some(Stage::Discovery));
    assert_eq!(a.slowest_ties, [Stage::Discovery, Stage::Solution]);
    assert!(slowest_tie_sentence(&a, plain)
        .unwrap()
        .starts_with("Discovery and Solution presentation tie at 4 days over"));
    d.apply(Action::SetField(Field::OnboardingDays, "25".into()));
    assert_eq!(d.analysis().unwrap().onboarding_excess_days, None);
}

#[test]
fn badges_read_as_phrases() {
    assert_eq!(TimeStatus::Faster.target_words(), "faster than target");
    assert_eq!(TimeStatus::Slower.target_words(), "slower than target");
    assert_eq!(ConversionStatus::Below.target_words(), "below target");
    assert_eq!(join_names(&["A", "B", "C"]), "A, B and C");
}

#[test]
fn the_headline_carries_the_money() {
    let p = partial(&example(), None);
    // Discovery 52% → 67.5%: $32,695.4 a month on $109,687.82 (29.8%).
    assert_eq!(
        headline(&p),
        "Fix Discovery (52% vs 60–75%): +$32695.4 a month (+30%)."
    );
    let mut d = example();
    d.apply(Action::SetField(Field::Conversion(2), "70".into()));
    assert!(headline(&partial(&d, None)).starts_with("Nothing to fix in conversion"));
    let blank = partial(&BenchmarksDoc::default(), None);
    assert!(headline(&blank)
        .starts_with("To see which stage to fix first, fill in Prospecting conversion (%)"));
}

#[test]
fn coverage_against_the_quota() {
    // Example: 60 open × $24,000 = $1.44M; quota $300,000 at 17.31% needs
    // $1,732,920.6: $292,920.6 short, 12.2 → 13 deals.
    let c = coverage(300_000.0, 60.0, 24_000.0, 17.31184).unwrap();
    assert_eq!(c.open_pipeline, 1_440_000.0);
    assert!((c.ratio - 4.8).abs() < 1e-12);
    assert!((c.pipeline_needed.unwrap() - 300_000.0 / 0.1731184).abs() < 1e-6);
    assert!((c.shortfall.unwrap() - (300_000.0 / 0.1731184 - 1_440_000.0)).abs() < 1e-6);
    assert_eq!(c.shortfall_deals, Some(13.0));
    // Enough pipeline: no shortfall.
    let c = coverage(100_000.0, 60.0, 24_000.0, 17.31184).unwrap();
    assert_eq!(c.shortfall, None);
    assert_eq!(c.shortfall_deals, None);
    // A 0 % win rate: nothing is enough, and nothing divides by zero.
    let c = coverage(100_000.0, 60.0, 24_000.0, 0.0).unwrap();
    assert_eq!(c.pipeline_needed, None);
    assert_eq!(coverage(0.0, 60.0, 24_000.0, 20.0), None);
    // The quota field is optional and stays out of the form's fields.
    let mut d = example();
    d.apply(Action::SetField(Field::Quota, "300k".into()));
    assert_eq!(d.parse(Field::Quota), Ok(300_000.0));
    assert!(!Field::visible(d.mode).contains(&Field::Quota));
    assert!(d.analysis().is_some());
    // Old documents without a quota still load.
    let old: BenchmarksDoc = serde_json::from_str(r#"{"prospects":"400"}"#).unwrap();
    assert_eq!(old.quota, "");
}

fn raw_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("abc".to_string()),
        Just("0".to_string()),
        (0u32..200).prop_map(|v| v.to_string()),
        (0u32..100_000).prop_map(|v| format!("{}.5", v)),
    ]
}

proptest! {
    /// Whatever is typed, an output is current exactly when every field it
    /// reads holds a valid number, and nothing computed is NaN or infinite.
    #[test]
    fn readiness_follows_the_fields(values in proptest::collection::vec(raw_value(), 23), counts in any::<bool>()) {
        let mut d = BenchmarksDoc::default();
        if counts {
            d.apply(Action::SetMode(InputMode::Counts));
        }
        let fields = Field::visible(d.mode);
        for (f, v) in fields.iter().zip(&values) {
            d.apply(Action::SetField(*f, v.clone()));
        }
        let form = ParsedForm::from(&d);
        let p = Partial::new(&d, &form, None);
        let valid = |f: &Field| d.parse(*f).is_ok() && form.refusal(*f).is_none();
        for o in [Output::WinRate, Output::Cycle, Output::Velocity, Output::Revenue, Output::Bottleneck, Output::BottleneckWorth, Output::Slowest, Output::Onboarding, Output::Chart, Output::FixValue(0), Output::Conversion(5), Output::Days(6)] {
            let all = o.inputs(d.mode).iter().all(valid);
            prop_assert_eq!(p.ready(o) == Ready::Now, all, "{:?}", o);
        }
        let a = &p.snapshot.as_ref().unwrap().analysis;
        let ok = |v: f64| v.is_finite() && v >= 0.0;
        prop_assert!(ok(a.win_rate_pct) && ok(a.cycle_days) && ok(a.revenue_per_month));
        prop_assert!(a.velocity_per_day.is_none_or(ok));
        for r in &a.stages {
            prop_assert!(r.fix_value.is_none_or(ok) && ok(r.days));
        }
        let money = |v: f64| format!("${}", plain_number(v));
        let pct = |v: f64| format!("{}%", plain_number(v));
        let h = headline_sentence(&p, &HeadlineFormat { money: &money, percent: &pct, num: plain_number });
        prop_assert!(!h.contains("NaN") && !h.contains("inf"));
    }

    /// Coverage never shows NaN or infinity, whatever the inputs.
    #[test]
    fn coverage_is_always_finite(q in 0.0..1e12f64, o in 0.0..1e9f64, deal in 0.0..1e12f64, w in 0.0..=100.0f64) {
        if let Some(c) = coverage(q, o, deal, w) {
            for v in [Some(c.ratio), Some(c.open_pipeline), c.pipeline_needed, c.shortfall, c.shortfall_deals].into_iter().flatten() {
                prop_assert!(v.is_finite() && v >= 0.0);
            }
        }
    }
}

#[test]
fn counts_that_grow_are_refused_on_the_field_and_small_samples_are_named() {
    let mut d = example();
    d.apply(Action::SetMode(InputMode::Counts));
    let good = partial(&d, None);
    // 80 entering Solution after 66 entered Discovery: refused on Solution.
    d.apply(Action::SetField(Field::Count(3), "80".into()));
    let form = ParsedForm::from(&d);
    assert!(form
        .refusal(Field::Count(3))
        .unwrap()
        .starts_with("80 deals reached Solution presentation, but only 66 entered Discovery."));
    assert!(form.snapshot.is_none(), "no result from impossible counts");
    let p = Partial::new(&d, &form, Some(&good));
    assert_eq!(p.ready(Output::Conversion(2)), Ready::Stale);
    assert_eq!(p.snapshot, good.snapshot, "the last possible counts stay");
    // Checked pair by pair, before the rest of the form is typed.
    let mut fresh = BenchmarksDoc::default();
    fresh.apply(Action::SetMode(InputMode::Counts));
    fresh.apply(Action::SetField(Field::Count(5), "14".into()));
    fresh.apply(Action::SetField(Field::Count(6), "15".into()));
    assert!(ParsedForm::from(&fresh).refusal(Field::Count(6)).is_some());

    // The example counts: solution 34, proposal 20, closing 14 entering.
    let d = {
        let mut d = example();
        d.apply(Action::SetMode(InputMode::Counts));
        d
    };
    let form = ParsedForm::from(&d);
    assert_eq!(form.small_samples, vec![(4, 20.0), (5, 14.0)]);
    let note = small_sample_note(Output::WinRate, d.mode, &form.small_samples).unwrap();
    assert_eq!(
        note,
        "Small sample: Proposal & negotiation (20 deals) and Closing (14 deals) had fewer than 30 deals entering; treat this as rough."
    );
    assert_eq!(
        small_sample_note(Output::Cycle, d.mode, &form.small_samples),
        None
    );
    assert_eq!(
        small_sample_note(Output::Conversion(1), d.mode, &form.small_samples),
        None
    );
    assert_eq!(
        small_sample_note(Output::WinRate, InputMode::Rates, &[]),
        None
    );
}

/// The sentence writes every percent and amount through the locale's
/// formatters: German spacing comes out whole, never as "52%".
#[test]
fn headline_takes_the_locale_percent_and_money() {
    let p = partial(&example(), None);
    let money = |v: f64| format!("{} Tausend €", plain_number(v / 1000.0).replace('.', ","));
    let pct = |v: f64| format!("{} %", plain_number(v.round()));
    let h = headline_sentence(
        &p,
        &HeadlineFormat {
            money: &money,
            percent: &pct,
            num: plain,
        },
    );
    assert_eq!(
        h,
        "Fix Discovery (52 % vs 60–75 %): +32,7 Tausend € a month (+30 %)."
    );
    assert!(!h.contains("%)") || h.contains(" %)"));
    let en = headline(&p);
    assert!(en.starts_with("Fix Discovery (52% vs 60–75%): +$"), "{en}");
}

/// Both published sets cite the seed article; enterprise says it borrows
/// the conversion ranges; an own baseline warns under 30 closed deals.
#[test]
fn every_baseline_carries_its_provenance() {
    let mut d = example();
    let mid = d.provenance();
    assert!(mid.line().contains("$5M–$100M ARR") && mid.line().contains("(2026)"));
    assert!(mid.line().contains("deals that reach Discovery"));
    assert!(mid.note.is_none() && !mid.thin());
    d.apply(Action::SetSegment(Segment::Enterprise));
    assert!(d.provenance().line().contains("single conversion column"));
    d.apply(Action::SetSegment(Segment::MyBaseline));
    assert!(d.provenance().thin(), "no closed deals typed yet");
    d.apply(Action::SetBaselineClosedDeals("29".into()));
    assert!(d
        .provenance()
        .warning()
        .unwrap()
        .contains("29 closed deals"));
    d.apply(Action::SetBaselineClosedDeals("30".into()));
    assert_eq!(d.provenance().warning(), None);
}

#[test]
fn a_measured_funnel_becomes_a_baseline() {
    let f = FunnelSample {
        entered: [1000, 120, 66, 34, 20, 14, 11],
        days: [
            Some(5.0),
            Some(6.0),
            Some(12.0),
            None,
            Some(16.0),
            Some(10.0),
            None,
        ],
        cycle_days: Some(64.0),
        closed: 40,
    };
    let b = baseline_from_funnel(" CRM Q3 ", "HubSpot export", Some(2026), &f);
    assert_eq!(b.name, "CRM Q3");
    let r = b.parse().unwrap();
    // 66 of 120 is 55 %: the interval holds it and stays inside 0–100.
    assert!(r.conversion[1].low < 55.0 && r.conversion[1].high > 55.0);
    assert_eq!(r.days[0], Range::new(3.8, 6.3));
    assert_eq!(
        r.days[3], MID_MARKET.days[3],
        "unmeasured days keep mid-market"
    );
    assert_eq!(r.cycle, Range::new(48.0, 80.0));
    let p = b.provenance();
    assert!(p
        .line()
        .starts_with("Source: HubSpot export (2026). Sample: CRM Q3, 40 closed deals."));
    assert!(!p.thin());
    let mut d = example();
    d.apply(Action::AddBaseline(Box::new(b)));
    assert_eq!(d.segment, Segment::MyBaseline);
    assert!(d.provenance().line().contains("HubSpot export"));
    // Older documents load with no closed deals and no name.
    let old: BenchmarksDoc = serde_json::from_str(r#"{"segment":"mid-market"}"#).unwrap();
    assert!(old.baseline.closed_deals.is_empty() && old.baseline.name.is_empty());
    assert_eq!(wilson_pct(0, 0), Range::new(0.0, 100.0));
}

proptest! {
    /// Any counts give a valid baseline: ranges inside 0–100, low ≤ high.
    #[test]
    fn funnel_baselines_are_always_valid(entered in proptest::array::uniform7(0u64..100_000), closed in 0u64..1000) {
        let f = FunnelSample { entered, closed, ..FunnelSample::default() };
        let b = baseline_from_funnel("x", "", None, &f);
        let r = b.parse();
        prop_assert!(r.is_some());
        for c in r.unwrap().conversion {
            prop_assert!(c.low >= 0.0 && c.high <= 100.0 && c.low <= c.high);
        }
    }
}

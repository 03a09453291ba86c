//! Native tests of the benchmarks model (`cargo test`).

use super::export::csv_cell;
use super::*;
use crate::numbers::NumberError;
use proptest::prelude::*;

mod form;
mod partial;
mod scenario;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6 * (1.0 + a.abs().max(b.abs()))
}

fn figures(conversion: [f64; 6], days: [f64; 6]) -> Figures {
    Figures {
        prospects: 1000.0,
        open_opportunities: 50.0,
        deal_size: 10_000.0,
        conversion,
        days,
        onboarding_days: 20.0,
    }
}

fn example_doc() -> BenchmarksDoc {
    let mut d = BenchmarksDoc::default();
    d.apply(Action::LoadExample);
    d
}

#[test]
fn stages_are_in_order_with_slugs_and_names() {
    let slugs: Vec<_> = Stage::ALL.iter().map(|s| s.slug()).collect();
    assert_eq!(
        slugs,
        [
            "prospecting",
            "qualification",
            "discovery",
            "solution",
            "proposal",
            "closing",
            "onboarding"
        ]
    );
    assert_eq!(Stage::Solution.name(), "Solution presentation");
    assert_eq!(Stage::from_slug("proposal"), Some(Stage::Proposal));
    assert_eq!(Stage::from_slug("nope"), None);
}

#[test]
fn benchmark_data_matches_the_published_figures() {
    assert_eq!(MID_MARKET.conversion[0], Range::new(10.0, 15.0));
    assert_eq!(MID_MARKET.conversion[5], Range::new(75.0, 90.0));
    assert_eq!(MID_MARKET.days[4], Range::new(7.0, 21.0));
    assert_eq!(ENTERPRISE.days[4], Range::new(21.0, 45.0));
    assert_eq!(MID_MARKET.days[6], Range::new(14.0, 30.0));
    assert_eq!(ENTERPRISE.days[6], Range::new(30.0, 60.0));
    assert_eq!(MID_MARKET.win_rate, Range::new(15.0, 25.0));
    assert_eq!(ENTERPRISE.win_rate, Range::new(10.0, 15.0));
    assert_eq!(MID_MARKET.cycle, Range::new(60.0, 90.0));
    assert_eq!(ENTERPRISE.cycle, Range::new(120.0, 180.0));
    assert_eq!(Range::new(60.0, 75.0).mid(), 67.5);
    assert_eq!(Range::new(60.0, 75.0).label(), "60–75");
}

#[test]
fn labels_match_the_contract() {
    assert_eq!(
        Field::Conversion(4).label(),
        "Proposal & negotiation conversion (%)"
    );
    assert_eq!(Field::Days(3).label(), "Solution presentation days");
    assert_eq!(
        Field::OnboardingDays.label(),
        "Onboarding days to first value"
    );
    assert_eq!(Field::Prospects.label(), "New prospects per month");
    assert_eq!(Field::OpenOpportunities.label(), "Open opportunities");
    assert_eq!(Field::DealSize.label(), "Average deal size");
    // Every visible label is unique, so lookup by label is unambiguous.
    for mode in [InputMode::Rates, InputMode::Counts] {
        let labels: Vec<_> = Field::visible(mode).iter().map(|f| f.label()).collect();
        let mut dedup = labels.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(labels.len(), dedup.len());
    }
    assert_eq!(Field::visible(InputMode::Rates).len(), 16);
    assert_eq!(Field::visible(InputMode::Counts).len(), 17);
}

#[test]
fn hand_worked_example_team() {
    // c = 12, 55, 52, 58, 70, 82 %; d = 5, 6, 12, 18, 16, 10;
    // N = 400, O = 60, D = 24 000, mid-market.
    let a = example_doc().analysis().expect("complete");
    // Win rate = .52 · .58 · .70 · .82 = 0.1731184
    assert!(close(a.win_rate_pct, 17.31184), "{}", a.win_rate_pct);
    assert_eq!(a.win_rate_status, ConversionStatus::Within);
    // Cycle = 6 + 12 + 18 + 16 + 10 = 62 → within 60–90
    assert_eq!(a.cycle_days, 62.0);
    assert_eq!(a.cycle_status, TimeStatus::Within);
    // Velocity = 60 · 0.1731184 · 24 000 / 62 = 4020.81…
    assert!(close(
        a.velocity_per_day.unwrap(),
        60.0 * 0.1731184 * 24000.0 / 62.0
    ));
    assert!(close(
        a.velocity_per_month().unwrap(),
        a.velocity_per_day.unwrap() * 30.0
    ));
    assert!(close(
        a.velocity_per_quarter().unwrap(),
        a.velocity_per_day.unwrap() * 90.0
    ));
    // Deals = 400 · .12 · .55 · 0.1731184 = 4.5703258; revenue × 24 000
    assert!(close(a.deals_per_month, 4.570_325_76));
    assert!(close(a.revenue_per_month, 109_687.818_24));
    // Discovery 52 < 60: below. Others within.
    let words: Vec<_> = a.stages[..6]
        .iter()
        .map(|r| r.conversion_status.unwrap().word())
        .collect();
    assert_eq!(
        words,
        ["within", "within", "below", "within", "within", "within"]
    );
    // Only solution (18 > 14) is slower.
    let times: Vec<_> = a.stages.iter().map(|r| r.time_status.word()).collect();
    assert_eq!(
        times,
        ["within", "within", "within", "slower", "within", "within", "within"]
    );
    assert_eq!(a.bottleneck, Some(Stage::Discovery));
    assert_eq!(a.slowest, Some(Stage::Solution));
    assert_eq!(a.slowest_excess_days, 4.0);
    // Discovery fix: N·D·.675·(.12·.55·.58·.70·.82) − revenue
    let expected = 400.0 * 24000.0 * 0.675 * (0.12 * 0.55 * 0.58 * 0.70 * 0.82) - 109_687.818_24;
    assert!(close(
        a.stage(Stage::Discovery).fix_value.unwrap(),
        expected
    ));
    // Prospecting 12 < mid 12.5: a fix value even though within the band.
    let p = 400.0 * 24000.0 * 0.125 * (0.55 * 0.52 * 0.58 * 0.70 * 0.82) - 109_687.818_24;
    assert!(close(a.stage(Stage::Prospecting).fix_value.unwrap(), p));
    // Qualification 55 = mid 55: no fix value.
    assert_eq!(a.stage(Stage::Qualification).fix_value, None);
    // Solution: 18 → mid 10.5 saves 7.5 days: 62 → 54.5, gain 62/54.5 − 1.
    assert_eq!(a.cycle_savings.len(), 1);
    let s = a.cycle_savings[0];
    assert_eq!(
        (s.stage, s.days_saved, s.new_cycle),
        (Stage::Solution, 7.5, 54.5)
    );
    assert!(close(
        s.velocity_gain_pct.unwrap(),
        (62.0 / 54.5 - 1.0) * 100.0
    ));
}

#[test]
fn stale_thresholds_follow_the_segment() {
    let mm: Vec<_> = (0..6).map(|i| stale_days(&MID_MARKET, i)).collect();
    assert_eq!(mm, [14.0, 14.0, 28.0, 28.0, 42.0, 28.0]);
    let ent: Vec<_> = (0..6).map(|i| stale_days(&ENTERPRISE, i)).collect();
    assert_eq!(ent, [28.0, 28.0, 60.0, 60.0, 90.0, 60.0]);
    let a = example_doc().analysis().unwrap();
    assert_eq!(a.stage(Stage::Onboarding).stale_days, None);
}

#[test]
fn segment_switch_changes_statuses() {
    let mut d = example_doc();
    d.apply(Action::SetSegment(Segment::Enterprise));
    let a = d.analysis().unwrap();
    // Enterprise days are longer: 5 < 7 is faster, 18 is within 14–30.
    assert_eq!(a.stage(Stage::Prospecting).time_status, TimeStatus::Faster);
    assert_eq!(a.stage(Stage::Solution).time_status, TimeStatus::Within);
    assert_eq!(a.slowest, None);
    // 62-day cycle is faster than 120–180; 17.3% beats the 10–15% target.
    assert_eq!(a.cycle_status, TimeStatus::Faster);
    assert_eq!(a.win_rate_status, ConversionStatus::Above);
}

#[test]
fn status_boundaries_are_within() {
    let r = Range::new(60.0, 75.0);
    assert_eq!(ConversionStatus::of(60.0, r), ConversionStatus::Within);
    assert_eq!(ConversionStatus::of(75.0, r), ConversionStatus::Within);
    assert_eq!(ConversionStatus::of(59.9, r), ConversionStatus::Below);
    assert_eq!(ConversionStatus::of(75.1, r), ConversionStatus::Above);
    assert_eq!(TimeStatus::of(7.0, r), TimeStatus::Faster);
    assert_eq!(TimeStatus::of(60.0, r), TimeStatus::Within);
    assert_eq!(TimeStatus::of(76.0, r), TimeStatus::Slower);
}

#[test]
fn zero_cycle_has_no_velocity() {
    let f = figures(
        [12.0, 55.0, 60.0, 60.0, 70.0, 80.0],
        [5.0, 0.0, 0.0, 0.0, 0.0, 0.0],
    );
    let a = analyse(&f, &MID_MARKET);
    assert_eq!(a.cycle_days, 0.0);
    assert_eq!(a.velocity_per_day, None);
    assert_eq!(a.velocity_per_month(), None);
    assert!(a.cycle_savings.is_empty());
    assert_eq!(velocity_per_day(10.0, 20.0, 1000.0, 0.0), None);
    // 10 · 0.2 · 1000 / 40 = 50
    assert_eq!(velocity_per_day(10.0, 20.0, 1000.0, 40.0), Some(50.0));
}

#[test]
fn fix_value_is_defined_when_a_stage_is_zero() {
    // Discovery at 0%: revenue is 0 and discovery's own fix is the whole
    // revenue at its midpoint; other stages' fixes stay 0, not NaN.
    let f = figures([10.0, 50.0, 0.0, 50.0, 60.0, 75.0], [5.0; 6]);
    let a = analyse(&f, &MID_MARKET);
    assert_eq!(a.revenue_per_month, 0.0);
    let disc = a.stage(Stage::Discovery).fix_value.unwrap();
    assert!(close(
        disc,
        1000.0 * 10_000.0 * 0.675 * (0.10 * 0.50 * 0.50 * 0.60 * 0.75)
    ));
    // Prospecting 10 < 12.5 has a fix, but with discovery at 0 it is worth 0.
    assert_eq!(a.stage(Stage::Prospecting).fix_value, Some(0.0));
    assert_eq!(a.win_rate_pct, 0.0);
    // Only discovery is below its low end, so it is the bottleneck.
    assert_eq!(a.bottleneck, Some(Stage::Discovery));
}

#[test]
fn bottleneck_is_the_largest_fix_and_ties_go_earlier() {
    // Two stages below with equal fix values: N = 0 makes every fix 0.
    let mut f = figures([5.0, 40.0, 70.0, 60.0, 70.0, 80.0], [5.0; 6]);
    f.prospects = 0.0;
    let a = analyse(&f, &MID_MARKET);
    assert_eq!(a.bottleneck, Some(Stage::Prospecting));
    // With prospects, the larger relative gap wins: prospecting 5 → 12.5
    // (×2.5) beats qualification 40 → 55 (×1.375).
    f.prospects = 1000.0;
    assert_eq!(
        analyse(&f, &MID_MARKET).bottleneck,
        Some(Stage::Prospecting)
    );
    // Prospecting 9 → 12.5 (×1.39) vs qualification 30 → 55 (×1.83).
    f.conversion[0] = 9.0;
    f.conversion[1] = 30.0;
    assert_eq!(
        analyse(&f, &MID_MARKET).bottleneck,
        Some(Stage::Qualification)
    );
}

#[test]
fn no_bottleneck_when_every_stage_is_at_least_low() {
    let f = figures([10.0, 50.0, 60.0, 50.0, 60.0, 75.0], [5.0; 6]);
    let a = analyse(&f, &MID_MARKET);
    assert_eq!(a.bottleneck, None);
    // All below mid, so every stage still has a fix value.
    assert!(a.stages[..6].iter().all(|r| r.fix_value.is_some()));
    assert!(bottleneck_sentence(&a, &MID_MARKET)
        .to_lowercase()
        .contains("none"));
    assert!(slowest_sentence(&a, &MID_MARKET)
        .to_lowercase()
        .contains("none"));
}

#[test]
fn slowest_stage_is_chosen_within_the_cycle() {
    // Prospecting 9 (7 + 2) and discovery 16 (14 + 2) run equally far over,
    // but prospecting is before the pipeline (issue 13): discovery.
    let f = figures([12.0; 6], [9.0, 5.0, 16.0, 10.0, 10.0, 10.0]);
    let a = analyse(&f, &MID_MARKET);
    assert_eq!(a.slowest, Some(Stage::Discovery));
    assert_eq!(a.slowest_excess_days, 2.0);
    // Prospecting is not part of the cycle, so only discovery saves days.
    assert_eq!(a.cycle_savings.len(), 1);
    assert_eq!(a.cycle_savings[0].stage, Stage::Discovery);
    assert_eq!(a.cycle_savings[0].days_saved, 16.0 - 10.5);
}

#[test]
fn cycle_saving_to_zero_has_no_gain() {
    let b = Baseline {
        days: [Range::new(0.0, 0.0); 7],
        ..MID_MARKET
    };
    let f = figures([50.0; 6], [0.0, 0.0, 3.0, 0.0, 0.0, 0.0]);
    let a = analyse(&f, &b);
    assert_eq!(a.cycle_savings[0].new_cycle, 0.0);
    assert_eq!(a.cycle_savings[0].velocity_gain_pct, None);
}

#[test]
fn counts_mode_derives_rates_and_warns() {
    let counts = [1000.0, 120.0, 66.0, 33.0, 20.0, 14.0, 7.0];
    let r = rates_from_counts(&counts);
    assert_eq!(r, [12.0, 55.0, 50.0, 2000.0 / 33.0, 70.0, 50.0]);
    assert!(count_warnings(&counts).is_empty());
    // 0 entered: 0%, no division by zero. More out than in: capped, warned.
    let counts = [0.0, 0.0, 10.0, 20.0, 5.0, 5.0, 0.0];
    let r = rates_from_counts(&counts);
    assert_eq!(r, [0.0, 0.0, 100.0, 25.0, 100.0, 0.0]);
    let w = count_warnings(&counts);
    assert_eq!(w.len(), 2);
    assert_eq!((w[0].from, w[0].entered, w[0].next), (1, 0.0, 10.0));
    assert_eq!(w[1].from, 2);
    assert!(w[1]
        .message()
        .contains("20 deals reached Solution presentation"));
    let last = CountWarning {
        from: 5,
        entered: 3.0,
        next: 4.0,
    };
    assert!(last.message().contains("closed-won"));
}

#[test]
fn counts_mode_document() {
    let mut d = example_doc();
    d.apply(Action::SetMode(InputMode::Counts));
    let f = d.figures().unwrap();
    assert_eq!(f.conversion[0], 12.0);
    assert!(close(f.conversion[5], 11.0 / 14.0 * 100.0));
    assert!(d.count_warnings().is_empty());
    // 20 won of 14 is refused (issue 13), no longer capped at 100%.
    d.apply(Action::SetField(Field::Count(6), "20".into()));
    assert_eq!(d.count_warnings().len(), 1);
    assert_eq!(d.figures(), None);
    let form = ParsedForm::from(&d);
    assert!(form
        .refusal(Field::Count(6))
        .unwrap()
        .starts_with("20 deals closed-won, but only 14 entered Closing."));
    assert_eq!(form.refusal(Field::Count(5)), None);
    assert_eq!(form.problem_count(), 1);
    d.apply(Action::SetField(Field::Count(6), "11".into()));
    // Conversion fields are hidden in counts mode and do not block.
    d.apply(Action::SetField(Field::Conversion(0), "oops".into()));
    assert!(d.analysis().is_some());
    d.apply(Action::SetField(Field::Count(6), "".into()));
    assert!(d.analysis().is_none());
    assert_eq!(
        d.invalid_fields(),
        vec![(Field::Count(6), NumberError::Empty)]
    );
}

#[test]
fn bad_input_blocks_the_result_and_keeps_the_text() {
    let mut d = example_doc();
    for (raw, err) in [
        ("", NumberError::Empty),
        ("abc", NumberError::NotANumber),
        ("-4", NumberError::Negative),
        ("101", NumberError::TooLarge { max: 100.0 }),
    ] {
        d.apply(Action::SetField(Field::Conversion(2), raw.into()));
        assert_eq!(d.raw(Field::Conversion(2)), raw);
        assert_eq!(d.invalid_fields(), vec![(Field::Conversion(2), err)]);
        assert!(d.analysis().is_none());
        assert!(headline(&d).is_none());
    }
    d.apply(Action::SetField(Field::Conversion(2), "52".into()));
    d.apply(Action::SetField(Field::Days(1), "3651".into()));
    assert_eq!(
        d.invalid_fields(),
        vec![(Field::Days(1), NumberError::TooLarge { max: 3650.0 })]
    );
    d.apply(Action::SetField(Field::Days(1), "6".into()));
    d.apply(Action::SetField(Field::Prospects, "2.5".into()));
    assert_eq!(
        d.invalid_fields(),
        vec![(Field::Prospects, NumberError::NotWhole)]
    );
}

#[test]
fn blank_clear_and_restore() {
    let d0 = BenchmarksDoc::default();
    assert!(d0.is_blank());
    assert!(d0.analysis().is_none());
    assert_eq!(headline(&d0), None);
    let mut d = example_doc();
    d.apply(Action::SetSegment(Segment::Enterprise));
    d.apply(Action::SetBaselineField(
        BaselineField::CycleHigh,
        "100".into(),
    ));
    let before = d.clone();
    d.apply(Action::Clear);
    assert!(d.is_blank());
    assert_eq!(d.segment, Segment::Enterprise);
    assert_eq!(d.baseline.cycle_high, "100");
    d.apply(Action::Restore(Box::new(before.clone())));
    assert_eq!(d, before);
}

#[test]
fn snapshot_carries_its_baseline() {
    let mut d = example_doc();
    d.apply(Action::SetSegment(Segment::Enterprise));
    let s = snapshot(&d).unwrap();
    assert_eq!(s.baseline, ENTERPRISE);
    assert_eq!(s.segment, Segment::Enterprise);
    assert_eq!(s.analysis, d.analysis().unwrap());
    d.apply(Action::SetField(Field::DealSize, "lots".into()));
    assert_eq!(snapshot(&d), None);
    let f = figures([50.0; 6], [0.0; 6]);
    assert_eq!(
        velocity_gap_reason(&analyse(&f, &MID_MARKET)),
        ZERO_CYCLE_REASON
    );
}

#[test]
fn headline_for_the_audit() {
    let h = headline(&example_doc()).unwrap();
    assert_eq!(h.bottleneck.as_deref(), Some("Discovery"));
    assert!(close(h.win_rate_pct, 17.31184));
    assert!(h.velocity_per_day.unwrap() > 4000.0);
}

#[test]
fn custom_baseline_starts_as_mid_market_and_validates() {
    let mut d = example_doc();
    d.apply(Action::SetSegment(Segment::MyBaseline));
    assert_eq!(d.active_baseline(), Some(MID_MARKET));
    // Raise discovery's band: discovery now far below, prospecting fine.
    d.apply(Action::SetBaselineField(
        BaselineField::ConversionLow(2),
        "70".into(),
    ));
    d.apply(Action::SetBaselineField(
        BaselineField::ConversionHigh(2),
        "80".into(),
    ));
    let a = d.analysis().unwrap();
    assert_eq!(
        a.stage(Stage::Discovery).conversion_status,
        Some(ConversionStatus::Below)
    );
    // Custom stale threshold: 2 × 7 for a 3–7 qualification band.
    d.apply(Action::SetBaselineField(
        BaselineField::DaysHigh(1),
        "10".into(),
    ));
    assert_eq!(
        d.analysis().unwrap().stage(Stage::Qualification).stale_days,
        Some(20.0)
    );
    // High below low: error on the high field, no result.
    d.apply(Action::SetBaselineField(
        BaselineField::ConversionHigh(2),
        "65".into(),
    ));
    assert_eq!(
        d.baseline
            .error(BaselineField::ConversionHigh(2))
            .as_deref(),
        Some("Enter at least the low end (70).")
    );
    assert!(d.analysis().is_none());
    d.apply(Action::SetBaselineField(
        BaselineField::WinRateLow,
        "x".into(),
    ));
    assert!(d.baseline.error(BaselineField::WinRateLow).is_some());
    d.apply(Action::CopyBaselineFrom(Segment::Enterprise));
    assert_eq!(d.active_baseline(), Some(ENTERPRISE));
    // Unique labels for the 30 baseline fields.
    let mut labels: Vec<_> = BaselineField::pairs()
        .into_iter()
        .flat_map(|(a, b)| [a.label(), b.label()])
        .collect();
    assert_eq!(labels.len(), 30);
    labels.sort();
    labels.dedup();
    assert_eq!(labels.len(), 30);
    // Playwright's getByLabel matches substrings: keep the form's labels
    // from matching any baseline field too.
    for mode in [InputMode::Rates, InputMode::Counts] {
        for f in Field::visible(mode) {
            let main = f.label().to_lowercase();
            assert!(
                labels.iter().all(|l| !l.to_lowercase().contains(&main)),
                "{main} is part of a baseline label"
            );
        }
    }
}

#[test]
fn what_if_moves_velocity_and_revenue() {
    let f = example_doc().figures().unwrap();
    let neutral = compare(&f, &MID_MARKET, &WhatIf::default());
    assert_eq!(neutral.velocity_before, neutral.velocity_after);
    assert_eq!(neutral.revenue_before, neutral.revenue_after);
    // +10% opportunities: velocity ×1.1, revenue unchanged.
    let w = WhatIf {
        open_pct: 10.0,
        ..WhatIf::default()
    };
    let c = compare(&f, &MID_MARKET, &w);
    assert!(close(
        c.velocity_after.unwrap(),
        c.velocity_before.unwrap() * 1.1
    ));
    assert_eq!(c.revenue_after, c.revenue_before);
    // Discovery +8 pp to 60: revenue ×60/52.
    let mut w = WhatIf::default();
    w.conversion_pp[2] = 8.0;
    let c = compare(&f, &MID_MARKET, &w);
    assert!(close(c.revenue_after, c.revenue_before * 60.0 / 52.0));
    // Clamped: -100 pp gives 0, never negative; -1000 days gives 0.
    let mut w = WhatIf {
        deal_pct: -200.0,
        ..WhatIf::default()
    };
    w.conversion_pp = [-100.0; 6];
    w.days = [-1000.0; 6];
    let g = w.apply(&f);
    assert_eq!(g.conversion, [0.0; 6]);
    assert_eq!(g.days, [0.0; 6]);
    assert_eq!(g.deal_size, 0.0);
    let c = compare(&f, &MID_MARKET, &w);
    assert_eq!(c.velocity_after, None);
    assert_eq!(c.revenue_after, 0.0);
}

#[test]
fn csv_has_a_row_per_stage() {
    let d = example_doc();
    let a = d.analysis().unwrap();
    let csv = stage_csv(&a, &MID_MARKET, Segment::MidMarket);
    let lines: Vec<_> = csv.lines().collect();
    assert_eq!(lines.len(), 8);
    assert!(lines[0].starts_with("Stage,Conversion (%)"));
    assert!(lines[3].starts_with("Discovery,52.0,60-75,below,12,7-14,within,28,"));
    assert_eq!(lines[2], "Qualification,55.0,50-60,within,6,3-7,within,14,");
    assert_eq!(lines[7], "Onboarding & expansion,,,,25,14-30,within,,");
    assert_eq!(csv_cell("a,b"), "\"a,b\"");
    assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
}

#[test]
fn plain_numbers() {
    assert_eq!(plain_number(12.0), "12");
    assert_eq!(plain_number(7.5), "7.5");
    assert_eq!(plain_number(7.46), "7.5");
    assert_eq!(plain_number(-3.0), "0");
    assert_eq!(plain_number(f64::NAN), "0");
}

#[test]
fn document_round_trips_and_old_data_loads() {
    use crate::storage::{decode, encode, Loaded};
    let d = example_doc();
    assert_eq!(decode::<BenchmarksDoc>(Some(&encode(&d))), Loaded::Ready(d));
    // A document missing most fields still loads with defaults.
    let raw = r#"{"version":1,"data":{"segment":"enterprise","prospects":"7"}}"#;
    match decode::<BenchmarksDoc>(Some(raw)) {
        Loaded::Ready(d) => {
            assert_eq!(d.segment, Segment::Enterprise);
            assert_eq!(d.prospects, "7");
            assert_eq!(d.baseline, BaselineInput::default());
        }
        other => panic!("{other:?}"),
    }
}

fn check_analysis(a: &Analysis) -> Result<(), TestCaseError> {
    let ok = |x: f64| x.is_finite() && x >= 0.0 && !(x == 0.0 && x.is_sign_negative());
    prop_assert!(ok(a.win_rate_pct) && a.win_rate_pct <= 100.0);
    prop_assert!(ok(a.cycle_days));
    prop_assert!(ok(a.deals_per_month));
    prop_assert!(ok(a.revenue_per_month));
    prop_assert!(ok(a.slowest_excess_days));
    for v in [
        a.velocity_per_day,
        a.velocity_per_month(),
        a.velocity_per_quarter(),
    ]
    .into_iter()
    .flatten()
    {
        prop_assert!(ok(v));
    }
    for r in &a.stages {
        prop_assert!(ok(r.days));
        for v in [r.conversion, r.stale_days, r.fix_value]
            .into_iter()
            .flatten()
        {
            prop_assert!(ok(v));
        }
    }
    for s in &a.cycle_savings {
        prop_assert!(ok(s.days_saved) && ok(s.new_cycle));
        if let Some(g) = s.velocity_gain_pct {
            prop_assert!(ok(g));
        }
    }
    if let Some(s) = a.bottleneck {
        prop_assert_eq!(a.stage(s).conversion_status, Some(ConversionStatus::Below));
    }
    Ok(())
}

fn any_finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0..=100.0f64,
        0.0..=4000.0f64,
        proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO,
        Just(0.0),
    ]
}

proptest! {
    #[test]
    fn no_finite_figures_give_nan_infinity_or_negatives(
        n in any_finite(), o in any_finite(), d in any_finite(),
        c in proptest::array::uniform6(any_finite()),
        t in proptest::array::uniform6(any_finite()),
        onb in any_finite(),
        w_c in proptest::array::uniform6(-100.0..100.0f64),
        w_pct in -300.0..300.0f64,
        enterprise in any::<bool>(),
    ) {
        let f = Figures { prospects: n, open_opportunities: o, deal_size: d, conversion: c, days: t, onboarding_days: onb };
        let b = if enterprise { ENTERPRISE } else { MID_MARKET };
        check_analysis(&analyse(&f, &b))?;
        let w = WhatIf { conversion_pp: w_c, days: w_c, prospects_pct: w_pct, open_pct: w_pct, deal_pct: w_pct };
        check_analysis(&analyse(&w.apply(&f), &b))?;
        let cmp = compare(&f, &b, &w);
        prop_assert!(cmp.revenue_after.is_finite() && cmp.revenue_after >= 0.0);
    }

    #[test]
    fn any_typed_text_is_safe(
        fields in proptest::collection::vec("[0-9.eE+-]{0,8}|[0-9]{1,4}", 17),
        counts_mode in any::<bool>(),
    ) {
        let mode = if counts_mode { InputMode::Counts } else { InputMode::Rates };
        let mut doc = BenchmarksDoc { mode, ..BenchmarksDoc::default() };
        let visible = Field::visible(doc.mode);
        for (f, v) in visible.iter().zip(fields) {
            doc.apply(Action::SetField(*f, v));
        }
        if let Some(a) = doc.analysis() {
            check_analysis(&a)?;
            prop_assert!(headline(&doc).is_some());
        }
    }

    #[test]
    fn any_custom_baseline_is_safe(
        lows in proptest::array::uniform7(0.0..3650.0f64),
        widths in proptest::array::uniform7(0.0..100.0f64),
        c in proptest::array::uniform6(0.0..=100.0f64),
        t in proptest::array::uniform6(0.0..=3650.0f64),
    ) {
        let b = Baseline {
            conversion: std::array::from_fn(|i| Range::new((lows[i] / 36.5).min(100.0), ((lows[i] / 36.5) + widths[i]).min(100.0).max((lows[i] / 36.5).min(100.0)))),
            days: std::array::from_fn(|i| Range::new(lows[i], lows[i] + widths[i])),
            win_rate: Range::new(0.0, 100.0),
            cycle: Range::new(lows[0], lows[0] + widths[0]),
        };
        let f = Figures { prospects: 100.0, open_opportunities: 10.0, deal_size: 5000.0, conversion: c, days: t, onboarding_days: 3.0 };
        check_analysis(&analyse(&f, &b))?;
    }
}

#[test]
fn card_sentences_take_the_screens_number_writer() {
    let d = example_doc();
    let a = d.analysis().unwrap();
    assert_eq!(
        bottleneck_sentence_in(&a, &MID_MARKET, plain_number),
        bottleneck_sentence(&a, &MID_MARKET)
    );
    fn comma(x: f64) -> String {
        plain_number(x).replace('.', ",")
    }
    let mut e = example_doc();
    e.apply(Action::SetField(Field::Conversion(2), "52.5".into()));
    let a = e.analysis().unwrap();
    assert!(bottleneck_sentence_in(&a, &MID_MARKET, comma)
        .starts_with("Discovery: 52,5% (benchmark 60–75%)."));
    assert!(slowest_sentence_in(&a, &MID_MARKET, comma).contains("days over"));
}

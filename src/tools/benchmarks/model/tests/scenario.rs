//! The what-if's list of changes and what each is worth alone, and the
//! counts' period (issue 13, items 3 and 4).

use super::super::*;
use proptest::prelude::*;

fn example() -> BenchmarksDoc {
    let mut d = BenchmarksDoc::default();
    d.apply(Action::LoadExample);
    d
}

fn pct(c: &Comparison) -> f64 {
    change_pct(c.revenue_before, c.revenue_after).unwrap()
}

#[test]
fn each_change_is_credited_with_its_own_effect() {
    let d = example();
    let f = d.figures().unwrap();
    let mut w = WhatIf::default();
    w.set(Change::Conversion(Stage::Discovery.index()), 8.0);
    w.set(Change::Conversion(Stage::Closing.index()), 5.0);
    assert_eq!(
        w.changes(),
        vec![(Change::Conversion(2), 8.0), (Change::Conversion(5), 5.0)]
    );
    let e = effects(&f, &MID_MARKET, &w);
    // Discovery 52 → 60 % and Closing 82 → 87 %: revenue × 60/52 × 87/82.
    // Together 1.153846 · 1.060976 = 1.224203, up 22.4 %.
    assert!(
        (pct(&e.combined) - 22.4203).abs() < 1e-3,
        "{}",
        pct(&e.combined)
    );
    // Closing alone: 87/82 = up 6.1 %, never the 22.4 % of both.
    let (c, v, closing) = e.each[1];
    assert_eq!((c, v), (Change::Conversion(5), 5.0));
    assert!((pct(&closing) - 6.0976).abs() < 1e-3, "{}", pct(&closing));
    // Discovery alone: 60/52 = up 15.4 %.
    assert!((pct(&e.each[0].2) - 15.3846).abs() < 1e-3);
    // Both stages are in the win rate, so velocity moves by the same ratios.
    let v = &e.each[1].2;
    let gain = change_pct(v.velocity_before.unwrap(), v.velocity_after.unwrap()).unwrap();
    assert!((gain - 6.0976).abs() < 1e-3);
    // Reset Discovery: what is left is Closing alone.
    let rest = w.without(Change::Conversion(2));
    assert_eq!(rest.changes(), vec![(Change::Conversion(5), 5.0)]);
    assert_eq!(compare(&f, &MID_MARKET, &rest), closing);
}

#[test]
fn changes_are_named_for_the_list() {
    assert_eq!(Change::Conversion(2).name(), "Discovery");
    assert_eq!(Change::Days(3).name(), "Solution presentation");
    assert_eq!(
        Change::Days(3).reset_label(),
        "Reset Solution presentation days"
    );
    assert_eq!(Change::Conversion(2).reset_label(), "Reset Discovery");
    let labels: Vec<String> = Change::all().into_iter().map(Change::reset_label).collect();
    let mut unique = labels.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        labels.len(),
        "every reset button has its own name"
    );
    assert_eq!(Change::Open.name(), "Open deals");
    assert_eq!(Change::Days(0).unit(), " days");
    assert_eq!(Change::Deal.unit(), "%");
    assert_eq!(Change::all().len(), 15);
    let mut w = WhatIf::default();
    w.set(Change::Open, f64::NAN);
    assert!(w.is_neutral(), "a non-number is no change");
    assert_eq!(change_pct(0.0, 5.0), None);
}

#[test]
fn older_documents_load_with_a_month() {
    let old = r#"{"segment":"mid-market","prospects":"400"}"#;
    let d: BenchmarksDoc = serde_json::from_str(old).unwrap();
    assert_eq!(d.count_period, CountPeriod::Month);
    let mut d = example();
    d.apply(Action::SetCountPeriod(CountPeriod::Quarter));
    let json = serde_json::to_string(&d).unwrap();
    assert!(json.contains(r#""count_period":"quarter""#), "{json}");
    let back: BenchmarksDoc = serde_json::from_str(&json).unwrap();
    assert_eq!(back, d);
    // An unknown period reads as a month; Clear keeps the period.
    let odd: BenchmarksDoc = serde_json::from_str(r#"{"count_period":"decade"}"#).unwrap();
    assert_eq!(odd.count_period, CountPeriod::Month);
    d.apply(Action::Clear);
    assert_eq!(d.count_period, CountPeriod::Quarter);
}

#[test]
fn counts_over_a_quarter_give_a_third_of_the_monthly_volume() {
    let mut d = example();
    d.apply(Action::SetMode(InputMode::Counts));
    d.apply(Action::SetField(Field::Prospects, String::new()));
    // 1000 deals entered Prospecting; 11 were won.
    let month = d
        .analysis()
        .expect("new prospects are optional with counts");
    assert_eq!(month.deals_per_month, 11.0);
    assert_eq!(month.revenue_per_month, 11.0 * 24_000.0);
    d.apply(Action::SetCountPeriod(CountPeriod::Quarter));
    let quarter = d.analysis().unwrap();
    assert!((quarter.deals_per_month - 11.0 / 3.0).abs() < 1e-9);
    assert!((quarter.revenue_per_month - 88_000.0).abs() < 1e-6);
    d.apply(Action::SetCountPeriod(CountPeriod::Year));
    assert!((d.analysis().unwrap().revenue_per_month - 22_000.0).abs() < 1e-6);
    // The rates and velocity do not depend on the period.
    assert_eq!(d.analysis().unwrap().win_rate_pct, month.win_rate_pct);
    assert_eq!(
        d.analysis().unwrap().velocity_per_day,
        month.velocity_per_day
    );
    // The partial result agrees, and revenue reads no typed volume.
    let p = Partial::new(&d, &ParsedForm::from(&d), None);
    assert_eq!(p.ready(Output::Revenue), Ready::Now);
    assert!(!Output::Revenue
        .inputs(InputMode::Counts)
        .contains(&Field::Prospects));
    assert!(Output::Revenue
        .inputs(InputMode::Rates)
        .contains(&Field::Prospects));
    assert!((p.snapshot.unwrap().figures.prospects - 1000.0 / 12.0).abs() < 1e-9);
    assert_eq!(monthly_from_counts(90.0, CountPeriod::Quarter), 30.0);
}

#[test]
fn a_typed_monthly_volume_is_reconciled_with_the_counts() {
    let num = |v: f64| format!("{v:.0}");
    let mut d = example();
    assert_eq!(Volume::of(&d), None, "rates mode uses the typed figure");
    d.apply(Action::SetMode(InputMode::Counts));
    d.apply(Action::SetCountPeriod(CountPeriod::Quarter));
    let v = Volume::of(&d).unwrap();
    assert_eq!((v.counted, v.typed), (1000.0, Some(400.0)));
    assert!(v.disagrees());
    assert_eq!(
        v.sentence(&num),
        "From your counts over a quarter: 1000 ÷ 3 = about 333 new prospects a month. The results use this, not the 400 you typed, because the stage rates come from the same counts. Your figure is kept for rates mode."
    );
    // The results use the counts' figure.
    assert!((d.figures().unwrap().prospects - 1000.0 / 3.0).abs() < 1e-9);
    d.apply(Action::SetField(Field::Prospects, "333".into()));
    assert!(Volume::of(&d)
        .unwrap()
        .sentence(&num)
        .ends_with("It matches the figure you typed."));
    d.apply(Action::SetField(Field::Prospects, String::new()));
    d.apply(Action::SetCountPeriod(CountPeriod::Month));
    assert_eq!(
        Volume::of(&d).unwrap().sentence(&num),
        "From your counts over a month: 1000 new prospects a month."
    );
    d.apply(Action::SetField(Field::Count(0), String::new()));
    assert_eq!(Volume::of(&d), None, "nothing to derive from yet");
}

fn what_if() -> impl Strategy<Value = WhatIf> {
    (
        proptest::collection::vec((0usize..15, -50.0..100.0f64), 0..6),
        any::<bool>(),
    )
        .prop_map(|(list, whole)| {
            let mut w = WhatIf::default();
            for (i, v) in list {
                // Sliders move in whole steps; half the cases use fractions.
                w.set(Change::all()[i], if whole { v.round() } else { v });
            }
            w
        })
}

proptest! {
    /// All changes together are the what-if itself; each alone is that
    /// change by itself; resetting every change gives today's figures.
    #[test]
    fn effects_add_up_to_the_what_if(
        w in what_if(),
        c in proptest::array::uniform6(0.0..=100.0f64),
        t in proptest::array::uniform6(0.0..=60.0f64),
        n in 0.0..5000.0f64,
        o in 0.0..500.0f64,
        deal in 0.0..1e6f64,
    ) {
        let f = Figures { prospects: n, open_opportunities: o, deal_size: deal, conversion: c, days: t, onboarding_days: 10.0 };
        let e = effects(&f, &MID_MARKET, &w);
        prop_assert_eq!(e.combined, compare(&f, &MID_MARKET, &w));
        prop_assert_eq!(e.each.len(), w.changes().len());
        for (ch, v, cmp) in &e.each {
            prop_assert_eq!(*v, w.get(*ch));
            prop_assert_eq!(cmp, &compare(&f, &MID_MARKET, &w.only(*ch)));
            for x in [cmp.revenue_after, cmp.velocity_after.unwrap_or(0.0)] {
                prop_assert!(x.is_finite() && x >= 0.0);
            }
        }
        if w.changes().len() == 1 {
            prop_assert_eq!(e.each[0].2, e.combined);
        }
        let reset = w.changes().into_iter().fold(w, |acc, (ch, _)| acc.without(ch));
        prop_assert!(reset.is_neutral());
        let back = compare(&f, &MID_MARKET, &reset);
        prop_assert_eq!(back.revenue_after, back.revenue_before);
        prop_assert_eq!(back.velocity_after, back.velocity_before);
        let today = analyse(&reset.apply(&f), &MID_MARKET);
        prop_assert_eq!(today, analyse(&f, &MID_MARKET));
    }

    /// Monthly volume is the period's count over its months, in every mode
    /// of reading it, and never NaN or negative.
    #[test]
    fn monthly_volume_follows_the_period(count in 0u32..1_000_000, p in 0usize..3) {
        let period = CountPeriod::ALL[p];
        let m = monthly_from_counts(count as f64, period);
        prop_assert!(m.is_finite() && m >= 0.0);
        prop_assert!((m * period.months() - count as f64).abs() < 1e-6);
    }
}

//! Properties over random scripts and inputs.

use super::*;

// --- Properties ---------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Op {
    Clock(ClockAction),
    Talk(Speaker),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Clock(ClockAction::Start)),
        Just(Op::Clock(ClockAction::Pause)),
        Just(Op::Clock(ClockAction::NextSection)),
        Just(Op::Clock(ClockAction::End)),
        (0usize..4).prop_map(|i| Op::Clock(ClockAction::GoTo(Section::ALL[i]))),
        Just(Op::Talk(Speaker::Rep)),
        Just(Op::Talk(Speaker::Buyer)),
    ]
}

/// Ops with time steps; a negative step is a wall clock jumping back.
fn script() -> impl Strategy<Value = Vec<(Op, i64)>> {
    proptest::collection::vec((op(), -5i64..400), 0..40)
}

fn run(script: &[(Op, i64)]) -> (Call, DateTime<Utc>) {
    let mut c = call();
    let mut t = t0();
    for (o, step) in script {
        t += Duration::seconds(*step);
        match o {
            Op::Clock(a) => c.apply_clock(*a, t),
            Op::Talk(s) => c.toggle_talk(*s, t),
        }
    }
    (c, t)
}

proptest! {
    #[test]
    fn section_times_add_up_to_the_call_time(s in script(), later in 0i64..10_000) {
        let (c, t) = run(&s);
        let now = t + Duration::seconds(later);
        let sum: u64 = Section::ALL.iter().map(|x| c.clock.section_ms(*x, now)).sum();
        prop_assert_eq!(sum, c.clock.call_ms(now));
    }

    #[test]
    fn only_the_current_section_runs_and_only_while_live(s in script()) {
        let (c, _) = run(&s);
        let running: Vec<_> = Section::ALL.iter().filter(|x| c.clock.section(**x).is_running()).collect();
        if c.clock.phase() == Phase::Live {
            prop_assert_eq!(running, vec![&c.clock.current]);
        } else {
            prop_assert!(running.is_empty());
            prop_assert_eq!(c.talk.speaking(), None);
        }
        prop_assert!(!(c.talk.rep.is_running() && c.talk.buyer.is_running()));
    }

    #[test]
    fn elapsed_never_goes_backwards_as_time_passes(s in script(), a in 0i64..5000, b in 0i64..5000) {
        let (c, t) = run(&s);
        let (early, late) = (t + Duration::seconds(a.min(b)), t + Duration::seconds(a.max(b)));
        prop_assert!(c.call_secs(early) <= c.call_secs(late));
        let (r1, b1) = c.talk_secs(early);
        let (r2, b2) = c.talk_secs(late);
        prop_assert!(r1 <= r2 && b1 <= b2);
        // Talk time fits inside the call time.
        prop_assert!(r2 + b2 <= c.call_secs(late));
    }

    #[test]
    fn clocks_survive_a_save_and_reload(s in script(), later in 0i64..10_000) {
        let (c, t) = run(&s);
        let doc = CallsDoc { calls: vec![c], next_id: 2 };
        let Loaded::Ready(back) = decode::<CallsDoc>(Some(&encode(&doc))) else {
            return Err(TestCaseError::fail("did not reload"));
        };
        let now = t + Duration::seconds(later);
        prop_assert_eq!(back.calls[0].call_secs(now), doc.calls[0].call_secs(now));
        prop_assert_eq!(back.calls[0].rep_share(now), doc.calls[0].rep_share(now));
        prop_assert_eq!(back, doc);
    }

    #[test]
    fn talk_share_is_a_percent_and_grows_with_rep_time(rep in 0u64..1_000_000, buyer in 0u64..1_000_000) {
        match talk_share(rep, buyer) {
            None => prop_assert!(rep == 0 && buyer == 0),
            Some(p) => {
                prop_assert!(p <= 100);
                if let Some(q) = talk_share(rep + 1, buyer) {
                    prop_assert!(q >= p);
                }
            }
        }
    }

    #[test]
    fn payback_is_finite_and_absent_only_without_monthly_cost(price in 0f64..1e12, monthly in 0f64..1e9) {
        match payback_months(price, monthly) {
            None => prop_assert!(monthly == 0.0),
            Some(m) => {
                prop_assert!(m.is_finite() && m >= 0.0);
                prop_assert!((m * 10.0 - (m * 10.0).round()).abs() < 1e-6, "one decimal");
            }
        }
        let a = annual_cost(monthly);
        prop_assert!(a.is_finite() && a >= 0.0);
    }

    #[test]
    fn any_typed_pain_gives_safe_figures(m in "\\PC{0,10}", p in "\\PC{0,10}") {
        let pain = Pain { monthly_cost: m, annual_price: p, ..Pain::default() };
        let f = pain.figures();
        for v in [f.monthly, f.annual, f.price, f.payback].into_iter().flatten() {
            prop_assert!(v.is_finite() && v >= 0.0);
        }
        let text = format_money(f.annual.unwrap_or(0.0));
        prop_assert!(text.starts_with('$') && !text.contains("NaN") && !text.contains('-'));
    }

    #[test]
    fn the_plan_is_sorted_and_nothing_is_lost(dates in proptest::collection::vec(proptest::option::of(0i64..400), 0..12)) {
        let items: Vec<_> = dates.iter().enumerate().map(|(i, d)| {
            item(i as u64, "x", d.map(|d| day(2026, 1, 1) + Duration::days(d)))
        }).collect();
        let sorted = sorted_plan(&items);
        prop_assert_eq!(sorted.len(), items.len());
        for w in sorted.windows(2) {
            let key = |i: &ActionItem| (i.due.is_none(), i.due);
            prop_assert!(key(&w[0]) <= key(&w[1]));
        }
    }

    #[test]
    fn missing_topics_are_in_contract_order_and_unique(
        notes in proptest::collection::vec(proptest::bool::ANY, 4),
        monthly in proptest::option::of(0u32..5000),
        eb in proptest::bool::ANY,
        date in proptest::bool::ANY,
        step in proptest::bool::ANY,
    ) {
        let mut c = call();
        for (s, has) in Section::ALL.iter().zip(&notes) {
            if *has { c.notes.insert(*s, "n".into()); }
        }
        if let Some(m) = monthly { c.pain.monthly_cost = m.to_string(); }
        if eb { c.stakeholders.push(person(1, "E", Role::EconomicBuyer)); }
        if date { c.decision.decision_date = Some(day(2026, 5, 1)); }
        if step { c.plan.push(item(2, "Next", Some(day(2026, 3, 20)))); }
        let missing = c.missing_topics();
        prop_assert!(missing.windows(2).all(|w| w[0] < w[1]));
        let expected = notes.iter().filter(|n| !**n).count()
            + usize::from(monthly.is_none_or(|m| m == 0))
            + usize::from(!eb) + usize::from(!date) + usize::from(!step);
        prop_assert_eq!(missing.len(), expected);
    }
}

//! The recap in both formats.

use super::*;

// --- Recap --------------------------------------------------------------------------

fn full_call() -> Call {
    let mut c = call();
    c.apply_clock(ClockAction::Start, at(0));
    c.toggle_talk(Speaker::Rep, at(0));
    c.toggle_talk(Speaker::Buyer, at(38));
    c.apply_clock(ClockAction::Pause, at(100));
    c.notes.insert(
        Section::CurrentState,
        "Quotes built by hand\nin Excel".into(),
    );
    c.pain.description = "Quotes take three days".into();
    c.pain.monthly_cost = "2500".into();
    c.pain.annual_price = "12000".into();
    c.outcome.metric = "Quote turnaround".into();
    c.outcome.target = "Same day".into();
    c.stakeholders = vec![
        Stakeholder {
            id: 1,
            name: "Ana Ruiz".into(),
            title: "Sales ops".into(),
            role: Role::Champion,
            ..Stakeholder::default()
        },
        Stakeholder {
            id: 2,
            name: "Bo Chen".into(),
            title: "CFO".into(),
            role: Role::EconomicBuyer,
            ..Stakeholder::default()
        },
        Stakeholder {
            id: 3,
            name: "Cy *Dev*".into(),
            title: String::new(),
            role: Role::TechnicalBuyer,
            ..Stakeholder::default()
        },
    ];
    c.decision.steps = "- Ops review\n\n- CFO sign-off".into();
    c.decision.decision_date = Some(day(2026, 4, 30));
    c.decision.competitors = "Spreadsheets, QuoteCo".into();
    c.plan = vec![
        item(5, "Send pricing", Some(day(2026, 3, 12))),
        ActionItem {
            done: true,
            ..item(4, "Share case study", Some(day(2026, 3, 11)))
        },
    ];
    c
}

fn ctx(today: NaiveDate) -> RecapContext<'static> {
    RecapContext {
        audience: Audience::Internal,
        deal_name: Some("Acme renewal"),
        now: at(500),
        today,
    }
}

#[test]
fn plain_recap_holds_everything_captured() {
    let text = recap(&full_call(), ctx(day(2026, 3, 20)), RecapFormat::Plain);
    for needle in [
        "Acme discovery",
        "Discovery call on 10 March 2026 · Deal: Acme renewal · 1 min 40 s on the clock · Rep talked 38% (target under 40%)",
        "PAIN AND ITS IMPACT",
        "- Quotes take three days",
        "Costs $2,500 a month, $30,000 a year if nothing changes.",
        "payback in 4.8 months",
        "- Quotes built by hand / in Excel",
        "Success metric: Quote turnaround, target Same day.",
        "- Bo Chen, CFO (Economic buyer)",
        "- Cy *Dev* (Technical buyer)",
        "Step 1: Ops review",
        "Step 2: CFO sign-off",
        "Decision by 30 April 2026.",
        "Also considering: Spreadsheets, QuoteCo.",
        "- [x] Share case study (Seller, 11 March 2026)\n- [ ] Send pricing (Seller, 12 March 2026) (overdue)",
        "OPEN GAPS",
        "Desired future state has no notes.",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    assert!(
        !text.contains("No economic buyer"),
        "covered topics are not gaps"
    );
}

#[test]
fn markdown_recap_has_headings_and_escapes_typed_text() {
    let md = recap(&full_call(), ctx(day(2026, 3, 11)), RecapFormat::Markdown);
    assert!(md.starts_with("# Acme discovery\n"));
    assert!(md.contains("\n## Stakeholders\n"));
    assert!(md.contains("- Cy \\*Dev\\* (Technical buyer)"));
    assert!(
        md.contains("- [ ] Send pricing (Seller, 12 March 2026)\n"),
        "{md}"
    );
    assert!(!md.contains("(overdue)"));
}

#[test]
fn an_empty_call_recap_says_what_is_missing() {
    let c = call();
    let text = recap(
        &c,
        RecapContext {
            audience: Audience::Internal,
            deal_name: None,
            now: at(0),
            today: c.date,
        },
        RecapFormat::Plain,
    );
    assert!(text.contains("Not captured yet."));
    assert!(text.contains("No one named yet."));
    assert!(text.contains("No steps agreed yet."));
    assert!(text.contains("No dated next step."));
    assert!(!text.contains("Deal:"));
    assert!(
        !text.contains("Rep talked"),
        "no share before anyone talked"
    );
}

#[test]
fn the_download_is_named_after_the_title_and_the_call_date() {
    let mut c = call();
    assert_eq!(
        recap_filename(&c, Audience::Internal),
        "discovery-recap-acme-discovery-2026-03-10.md"
    );
    c.title = "  Q3 renewal: Müller & Co. ".into();
    assert_eq!(
        recap_filename(&c, Audience::Internal),
        "discovery-recap-q3-renewal-müller-co-2026-03-10.md"
    );
    c.title = String::new();
    assert_eq!(
        recap_filename(&c, Audience::Internal),
        "discovery-recap-untitled-call-10-mar-2026-2026-03-10.md",
        "an untitled call is named by its readable title"
    );
}

#[test]
fn the_buyer_email_holds_only_what_is_safe_to_send() {
    let mut c = full_call();
    c.notes
        .insert(Section::Pain, "Internal: CFO is sceptical".into());
    c.plan.push(ActionItem {
        owner: Side::Buyer,
        ..item(6, "Book the security review", None)
    });
    let email_ctx = RecapContext {
        audience: Audience::Buyer,
        ..ctx(day(2026, 3, 20))
    };
    let text = recap(&c, email_ctx, RecapFormat::Plain);
    assert_eq!(
        text,
        "Acme discovery\n\
         Discovery call on 10 March 2026\n\
         \nWHAT WE HEARD\n\
         - Quotes take three days\n\
         - That costs about $2,500 a month, $30,000 a year.\n\
         \nWHERE YOU WANT TO BE\n\
         - Quote turnaround: Same day.\n\
         \nHOW THE DECISION GETS MADE\n\
         - Ops review\n\
         - CFO sign-off\n\
         - Decision by 30 April 2026.\n\
         \nNEXT STEPS\n\
         - Send pricing (us, by 12 March 2026)\n\
         - Book the security review (your team, date to agree)\n"
    );
    for internal in [
        "Rep talked",
        "Economic buyer",
        "Champion",
        "QuoteCo",
        "Internal:",
        "overdue",
        "Deal:",
        "GAPS",
        "payback",
        "Share case study",
    ] {
        assert!(!text.contains(internal), "{internal:?} leaked into\n{text}");
    }
    assert_eq!(
        recap_filename(&c, Audience::Buyer),
        "discovery-email-acme-discovery-2026-03-10.md"
    );
}

#[test]
fn an_empty_buyer_email_has_no_placeholders() {
    let c = call();
    let text = recap(
        &c,
        RecapContext {
            audience: Audience::Buyer,
            deal_name: None,
            now: at(0),
            today: c.date,
        },
        RecapFormat::Markdown,
    );
    assert_eq!(
        text,
        "# Acme discovery\n\n_Discovery call on 10 March 2026_\n"
    );
}

//! A call as calendar and contact files: what goes in, checked line by line
//! against text written by hand from RFC 5545 and vCard 3.0 (the formats
//! themselves have golden files in `crate::export`).

use super::*;

fn planned_call() -> Call {
    let mut c = call();
    c.id = 42;
    c.decision.steps = "Ops review\nCFO sign-off".into();
    c.decision.decision_date = Some(day(2026, 4, 30));
    c.plan = vec![
        ActionItem {
            owner: Side::Buyer,
            ..item(7, "Share usage data; all regions", Some(day(2026, 3, 20)))
        },
        item(8, "Send pricing", None),
        ActionItem {
            done: true,
            ..item(9, "Demo", Some(day(2026, 3, 12)))
        },
        item(10, "   ", Some(day(2026, 3, 13))),
    ];
    c
}

#[test]
fn the_calendar_holds_the_decision_date_and_each_dated_step() {
    let c = planned_call();
    let ics = call_calendar(&c, at(5));
    let expected = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Stagecraft//Deal desk//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        "UID:decision-42@stagecraft",
        "DTSTAMP:20260310T100005Z",
        "DTSTART;VALUE=DATE:20260430",
        "DTEND;VALUE=DATE:20260501",
        "SUMMARY:Decision date: Acme discovery",
        // 75 octets: 12 + 10 + 2 + 12 + 2 + 24 + 13.
        "DESCRIPTION:Ops review\\nCFO sign-off\\nFrom the discovery call \"Acme discove",
        " ry\" on 10 March 2026.",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:plan-42-9@stagecraft",
        "DTSTAMP:20260310T100005Z",
        "DTSTART;VALUE=DATE:20260312",
        "DTEND;VALUE=DATE:20260313",
        "SUMMARY:Done: Demo",
        "DESCRIPTION:Owner: us. From the discovery call \"Acme discovery\" on 10 March",
        // The fold's space, then the text's own space.
        "  2026.",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:plan-42-7@stagecraft",
        "DTSTAMP:20260310T100005Z",
        "DTSTART;VALUE=DATE:20260320",
        "DTEND;VALUE=DATE:20260321",
        "SUMMARY:Share usage data\\; all regions",
        "DESCRIPTION:Owner: the buyer. From the discovery call \"Acme discovery\" on 1",
        " 0 March 2026.",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    .join("\r\n");
    assert_eq!(ics, expected);
    assert_eq!(undated_steps(&c), 1, "\"Send pricing\" has no date");
    assert!(has_dates(&c));
    assert!(!has_dates(&call()));
}

#[test]
fn uids_stay_the_same_across_exports_so_a_reimport_updates() {
    let mut c = planned_call();
    let first = call_calendar(&c, at(5));
    c.plan[0].description = "Share usage data by region".into();
    c.plan[0].due = Some(day(2026, 3, 27));
    let second = call_calendar(&c, at(999));
    let uids = |s: &str| {
        s.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(uids(&first), uids(&second));
}

#[test]
fn contacts_are_cards_of_the_named_people_with_the_deal_company() {
    let mut c = call();
    c.stakeholders = vec![
        Stakeholder {
            email: "bo.chen@northwind.example".into(),
            phone: "+1 555 010 0199".into(),
            title: "CFO".into(),
            ..person(1, "Bo Chen", Role::EconomicBuyer)
        },
        person(2, "  ", Role::Other),
        Stakeholder {
            email: "ops@northwind.example".into(),
            ..person(3, "", Role::EndUser)
        },
    ];
    assert_eq!(contact_count(&c), 2, "a blank row is not a contact");
    let vcf = call_contacts(&c, "Northwind, Inc.");
    let expected = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Bo Chen",
        "N:Chen;Bo;;;",
        "ORG:Northwind\\, Inc.",
        "TITLE:CFO",
        "EMAIL;TYPE=INTERNET:bo.chen@northwind.example",
        "TEL:+1 555 010 0199",
        "NOTE:Economic buyer. From the discovery call \"Acme discovery\".",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:ops@northwind.example",
        "N:;;;;",
        "ORG:Northwind\\, Inc.",
        "EMAIL;TYPE=INTERNET:ops@northwind.example",
        "NOTE:End user. From the discovery call \"Acme discovery\".",
        "END:VCARD",
        "",
    ]
    .join("\r\n");
    assert_eq!(vcf, expected);
    assert_eq!(
        call_filename(&c, "contacts", "vcf"),
        "discovery-contacts-acme-discovery-2026-03-10.vcf"
    );
}

#[test]
fn doubtful_emails_and_phones_get_a_message_and_plain_ones_none() {
    for ok in [
        "",
        "  ",
        "bo@northwind.example",
        "a.b+tag@sub.example.co.uk",
    ] {
        assert_eq!(email_problem(ok), None, "{ok:?}");
    }
    for bad in [
        "bo",
        "bo@",
        "@northwind.example",
        "bo@northwind",
        "bo@@x.com",
        "bo chen@x.com",
        "bo@x.com.",
    ] {
        assert!(email_problem(bad).is_some(), "{bad:?}");
    }
    for ok in [
        "",
        "+1 555 010 0199",
        "(555) 010-0199",
        "030/1234567",
        "+44 20 7946 0958 ext 12",
        "555-0100 x3",
    ] {
        assert_eq!(phone_problem(ok), None, "{ok:?}");
    }
    for bad in [
        "call me",
        "12345",
        "+1 555 010 0199 +2",
        "1234567890123456",
        "x123",
        "555-CALL-NOW",
    ] {
        assert!(phone_problem(bad).is_some(), "{bad:?}");
    }
}

#[test]
fn email_and_phone_edits_keep_the_text_as_typed() {
    let mut c = call();
    c.apply(CallEdit::AddStakeholder, at(0));
    let id = c.stakeholders[0].id;
    c.apply(
        CallEdit::StakeholderEmail(id, " not an email ".into()),
        at(1),
    );
    c.apply(CallEdit::StakeholderPhone(id, "+1 (555) 010".into()), at(1));
    assert_eq!(c.stakeholders[0].email, " not an email ");
    assert_eq!(c.stakeholders[0].phone, "+1 (555) 010");
}

#[test]
fn the_light_view_gives_a_deals_calls_with_their_people_and_clocks() {
    let mut doc = CallsDoc::default();
    let linked = doc.create("Northwind discovery".into(), day(2026, 3, 10), t0());
    let other = doc.create("Someone else".into(), day(2026, 3, 11), t0());
    let c = doc.calls.iter_mut().find(|c| c.id == linked).unwrap();
    c.deal_id = Some("d7".into());
    c.apply(CallEdit::Clock(ClockAction::Start), at(0));
    c.toggle_talk(Speaker::Rep, at(0));
    c.toggle_talk(Speaker::Buyer, at(30));
    c.apply(CallEdit::Clock(ClockAction::Pause), at(100));
    c.stakeholders = vec![
        Stakeholder {
            title: "CFO".into(),
            ..person(1, " Bo Chen ", Role::EconomicBuyer)
        },
        person(2, "  ", Role::Champion),
    ];
    c.decision.decision_date = Some(day(2026, 4, 30));
    c.decision.steps = "- Ops review\n- Legal".into();
    doc.calls
        .iter_mut()
        .find(|c| c.id == other)
        .unwrap()
        .deal_id = Some("d8".into());
    let text = encode(&doc);
    let Loaded::Ready(view) = crate::storage::decode_view::<light::CallsLight>(Some(&text)) else {
        panic!("the stored calls read as the light view");
    };
    let calls = view.for_deal("d7");
    assert_eq!(calls.len(), 1);
    let call = &calls[0];
    assert_eq!(
        (call.id, call.title.as_str(), call.date),
        (linked, "Northwind discovery", day(2026, 3, 10))
    );
    assert_eq!(call.people.len(), 1, "blank rows are nobody");
    assert_eq!(
        (
            call.people[0].name.as_str(),
            call.people[0].title.as_str(),
            call.people[0].role,
            call.people[0].economic_buyer
        ),
        ("Bo Chen", "CFO", "Economic buyer", true)
    );
    assert_eq!(call.decision_date, Some(day(2026, 4, 30)));
    assert_eq!(call.steps, ["Ops review", "Legal"]);
}

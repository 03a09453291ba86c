//! Browser tests of the stage benchmark calculator: typing updates the
//! results, bad input keeps the last results (marked out of date), and the
//! segment switch changes statuses and stale thresholds.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlSelectElement;

wasm_bindgen_test_configure!(run_in_browser);

/// The example team's figures, typed field by field the way a user would.
const TEAM: [(&str, &str); 16] = [
    ("New prospects per month", "400"),
    ("Open opportunities", "60"),
    ("Average deal size", "24000"),
    ("Prospecting conversion (%)", "12"),
    ("Prospecting days", "5"),
    ("Qualification conversion (%)", "55"),
    ("Qualification days", "6"),
    ("Discovery conversion (%)", "52"),
    ("Discovery days", "12"),
    ("Solution presentation conversion (%)", "58"),
    ("Solution presentation days", "18"),
    ("Proposal & negotiation conversion (%)", "70"),
    ("Proposal & negotiation days", "16"),
    ("Closing conversion (%)", "82"),
    ("Closing days", "10"),
    ("Onboarding days to first value", "25"),
];

async fn type_team(root: &web_sys::HtmlElement) {
    for (label, value) in TEAM {
        set_value(&input_by_label(root, label), value);
    }
    settle().await;
}

#[wasm_bindgen_test]
async fn typing_fills_every_result() {
    let root = mount_app("#/benchmarks").await;
    assert_eq!(
        text_of(&root, "win-rate"),
        "—",
        "nothing to show before any input"
    );
    type_team(&root).await;

    // .52 · .58 · .70 · .82 = 17.3%; 6 + 12 + 18 + 16 + 10 = 62 days.
    assert_eq!(text_of(&root, "win-rate"), "17.3%");
    assert_eq!(text_of(&root, "sales-cycle-days"), "62");
    // 60 · 0.1731184 · 24 000 / 62 = $4,021 a day.
    assert_eq!(text_of(&root, "velocity-per-day"), "$4,021");
    // 400 · .12 · .55 · 0.1731184 · 24 000 = $109,688 a month.
    assert_eq!(text_of(&root, "revenue-per-month"), "$109,688");
    assert_eq!(text_of(&root, "bottleneck-stage"), "Discovery");
    assert_eq!(text_of(&root, "slowest-stage"), "Solution presentation");
    assert_eq!(text_of(&root, "conversion-status-discovery"), "below");
    assert_eq!(text_of(&root, "conversion-status-closing"), "within");
    assert_eq!(text_of(&root, "time-status-solution"), "slower");
    assert_eq!(text_of(&root, "time-status-prospecting"), "within");
    assert_eq!(text_of(&root, "stale-days-proposal"), "42");
    assert_eq!(
        text_of(&root, "fix-value-qualification"),
        "",
        "55% is the midpoint: no fix"
    );
    assert!(text_of(&root, "fix-value-discovery").starts_with('$'));

    // Raising discovery to 70% moves the bottleneck away and lifts the win rate.
    set_value(&input_by_label(&root, "Discovery conversion (%)"), "70");
    settle().await;
    assert_eq!(text_of(&root, "conversion-status-discovery"), "within");
    assert!(text_of(&root, "bottleneck-stage").contains("none"));
    assert_eq!(text_of(&root, "win-rate"), "23.3%");
}

#[wasm_bindgen_test]
async fn bad_input_shows_an_error_and_keeps_the_last_results() {
    let root = mount_app("#/benchmarks").await;
    type_team(&root).await;
    let input = input_by_label(&root, "Discovery conversion (%)");
    set_value(&input, "140");
    settle().await;

    // The text stays as typed, the error is linked to the field…
    assert_eq!(input.value(), "140");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input
        .get_attribute("aria-describedby")
        .expect("error is linked");
    let error = leptos::prelude::document()
        .get_element_by_id(&described)
        .unwrap();
    assert_eq!(error.text_content().unwrap(), "Enter 100 or less.");
    // …and the last valid result stays, marked out of date.
    assert_eq!(text_of(&root, "win-rate"), "17.3%");
    assert_eq!(text_of(&root, "bottleneck-stage"), "Discovery");
    assert!(root.text_content().unwrap().contains("Out of date"));

    // Fixing it updates the results and drops the marker.
    set_value(&input, "60");
    settle().await;
    assert_eq!(text_of(&root, "win-rate"), "20.0%");
    assert!(!root.text_content().unwrap().contains("Out of date"));
}

#[wasm_bindgen_test]
async fn zero_cycle_shows_a_dash_with_a_reason() {
    let root = mount_app("#/benchmarks").await;
    type_team(&root).await;
    for label in [
        "Qualification days",
        "Discovery days",
        "Solution presentation days",
        "Proposal & negotiation days",
        "Closing days",
    ] {
        set_value(&input_by_label(&root, label), "0");
    }
    settle().await;
    assert_eq!(text_of(&root, "velocity-per-day"), "—");
    assert!(root
        .text_content()
        .unwrap()
        .contains("no cycle to divide by"));
    let text = root.text_content().unwrap();
    assert!(!text.contains("NaN") && !text.contains("Infinity") && !text.contains('∞'));
}

#[wasm_bindgen_test]
async fn segment_switch_changes_statuses_and_stale_days() {
    let root = mount_app("#/benchmarks").await;
    type_team(&root).await;
    let select: HtmlSelectElement = input_by_label(&root, "Segment").unchecked_into();
    select.set_value("enterprise");
    select
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict("change", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
    settle().await;
    assert_eq!(text_of(&root, "stale-days-proposal"), "90");
    assert_eq!(text_of(&root, "time-status-solution"), "within");
    assert_eq!(text_of(&root, "time-status-prospecting"), "faster");
    assert!(text_of(&root, "slowest-stage").contains("none"));
}

#[wasm_bindgen_test]
async fn example_clear_and_undo() {
    let root = mount_app("#/benchmarks").await;
    click(&button(&root, "Load example team"));
    settle().await;
    assert_eq!(text_of(&root, "win-rate"), "17.3%");
    assert_eq!(input_by_label(&root, "Average deal size").value(), "24000");

    click(&button(&root, "Clear"));
    settle().await;
    assert_eq!(input_by_label(&root, "Average deal size").value(), "");
    assert_eq!(text_of(&root, "win-rate"), "—");

    click(&button(&root, "Undo"));
    settle().await;
    assert_eq!(input_by_label(&root, "Average deal size").value(), "24000");
    assert_eq!(text_of(&root, "win-rate"), "17.3%");
}

#[wasm_bindgen_test]
async fn counts_mode_derives_rates_and_warns() {
    let root = mount_app("#/benchmarks").await;
    click(&button(&root, "Load example team"));
    settle().await;
    click(&input_by_label(&root, "Enter counts instead").unchecked_into());
    settle().await;
    // 34/66, 20/34, 14/20, 11/14 = 51.5% · 58.8% · 70% · 78.6%
    assert_eq!(text_of(&root, "win-rate"), "16.7%");
    set_value(&input_by_label(&root, "Deals closed-won"), "30");
    settle().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("30 deals closed-won, but only 14 entered Closing"));
}

#[wasm_bindgen_test]
async fn a_fresh_form_is_not_covered_in_errors_but_an_emptied_field_is_flagged() {
    let root = mount_app("#/benchmarks").await;
    let visible_errors = |root: &web_sys::HtmlElement| {
        let list = root
            .query_selector_all(".sc-field__error:not([hidden])")
            .unwrap();
        list.length()
    };
    assert_eq!(visible_errors(&root), 0, "no errors before the user types");
    assert!(root
        .text_content()
        .unwrap()
        .contains("16 fields still need a valid number."));

    let input = input_by_label(&root, "Open opportunities");
    set_value(&input, "60");
    set_value(&input, "");
    settle().await;
    assert_eq!(visible_errors(&root), 1);
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input
        .get_attribute("aria-describedby")
        .expect("error is linked");
    let error = leptos::prelude::document()
        .get_element_by_id(&described)
        .unwrap();
    assert_eq!(error.text_content().unwrap(), "Enter a number.");

    // Clear empties every field for the user, without flagging them.
    click(&button(&root, "Load example team"));
    settle().await;
    click(&button(&root, "Clear"));
    settle().await;
    assert_eq!(visible_errors(&root), 0);
}

/// Picks a segment the way the select's change event does.
fn choose_segment(root: &web_sys::HtmlElement, slug: &str) {
    let select: HtmlSelectElement = input_by_label(root, "Segment").unchecked_into();
    select.set_value(slug);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn every_notice_follows_the_form_as_it_is_typed() {
    let root = mount_app("#/benchmarks").await;
    click(&button(&root, "Load example team"));
    settle().await;
    // Two bad fields: counted once each, and the last result stays up.
    set_value(&input_by_label(&root, "Average deal size"), "lots");
    set_value(&input_by_label(&root, "Closing days"), "x");
    settle().await;
    let text = root.text_content().unwrap();
    assert!(
        text.contains("2 fields still need a valid number."),
        "{text}"
    );
    assert!(text.contains("Out of date"));
    assert_eq!(text_of(&root, "win-rate"), "17.3%");
    set_value(&input_by_label(&root, "Average deal size"), "24000");
    set_value(&input_by_label(&root, "Closing days"), "10");
    settle().await;
    assert!(!root.text_content().unwrap().contains("Out of date"));

    // A broken custom range keeps the figures but holds the result back.
    choose_segment(&root, "my-baseline");
    settle().await;
    set_value(
        &input_by_label(&root, "Sales cycle target: high end (days)"),
        "1",
    );
    settle().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Your baseline has a range to fix."), "{text}");
    assert!(text.contains("Out of date"));
    set_value(
        &input_by_label(&root, "Sales cycle target: high end (days)"),
        "90",
    );
    settle().await;
    let text = root.text_content().unwrap();
    assert!(!text.contains("Out of date"), "{text}");
    // My baseline started as mid-market, so the statuses are the same.
    assert_eq!(text_of(&root, "stale-days-proposal"), "42");
    assert_eq!(text_of(&root, "bottleneck-stage"), "Discovery");
}

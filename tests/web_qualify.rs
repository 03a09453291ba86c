//! Browser tests of the qualification wizard: the step flow, keyboard
//! answers, resuming after a reload, and delete with undo.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::window;
use stagecraft::tools::qualify::model::{Criterion, DealsDoc, Rating, Step};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn heading(root: &Element) -> String {
    find(root, "#sc-qualify-step-heading")
        .expect("a step heading")
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn progress(root: &Element) -> String {
    find(root, ".sc-progress__count")
        .unwrap()
        .text_content()
        .unwrap()
}

/// The radio with this option label inside the current step.
fn option(root: &Element, label: &str) -> HtmlInputElement {
    let labels = root.query_selector_all("label.sc-choice").unwrap();
    for i in 0..labels.length() {
        let l: Element = labels.item(i).unwrap().unchecked_into();
        let name = l.query_selector(".sc-qualify-choice__name").unwrap();
        if name.and_then(|n| n.text_content()).as_deref() == Some(label) {
            return l.query_selector("input").unwrap().unwrap().unchecked_into();
        }
    }
    panic!("no option {label:?}");
}

fn checked_option(root: &Element) -> Option<String> {
    let inputs = root
        .query_selector_all("label.sc-choice input[type=radio]")
        .unwrap();
    (0..inputs.length()).find_map(|i| {
        let input: HtmlInputElement = inputs.item(i).unwrap().unchecked_into();
        input.checked().then(|| input.value())
    })
}

fn gap_order(root: &Element) -> Vec<String> {
    let items = by_testid(root, "qual-gaps")
        .query_selector_all("li")
        .unwrap();
    (0..items.length())
        .map(|i| {
            items
                .item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute("data-criterion")
                .unwrap()
        })
        .collect()
}

fn saved() -> DealsDoc {
    let raw = local_storage()
        .get_item("stagecraft.qualify")
        .unwrap()
        .expect("saved deals");
    match stagecraft::storage::decode::<DealsDoc>(Some(&raw)) {
        stagecraft::storage::Loaded::Ready(d) => d,
        other => panic!("unreadable save: {other:?}"),
    }
}

async fn new_deal(root: &Element) {
    click(&by_id(root, "sc-qualify-new"));
    settle().await;
}

fn by_id(root: &Element, id: &str) -> Element {
    find(root, &format!("#{id}")).unwrap_or_else(|| panic!("no #{id}"))
}

async fn fill_basics(root: &Element, name: &str, acv: &str, stakeholders: &str) {
    set_value(&input_by_label(root, "Deal name"), name);
    set_value(&input_by_label(root, "Company"), "Acme");
    set_value(&input_by_label(root, "Annual contract value"), acv);
    set_value(&input_by_label(root, "Stakeholders engaged"), stakeholders);
    settle().await;
}

#[wasm_bindgen_test]
async fn wizard_runs_basics_criteria_summary_and_offers_meddic() {
    let root = mount_app("#/qualify").await;
    assert!(
        root.text_content().unwrap().contains("No deals yet"),
        "empty state"
    );
    new_deal(&root).await;
    assert!(window()
        .location()
        .hash()
        .unwrap()
        .starts_with("#/qualify/deal/"));
    assert_eq!(heading(&root), "Deal basics");
    assert_eq!(progress(&root), "1 of 6");

    // A missing name blocks Next with an inline message.
    click(&button(&root, "Next"));
    settle().await;
    assert_eq!(heading(&root), "Deal basics");
    let err = by_id(&root, "sc-qualify-name-error");
    assert!(
        err.text_content().unwrap().contains("name"),
        "inline name error"
    );
    assert_eq!(
        input_by_label(&root, "Deal name")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );

    fill_basics(&root, "Acme rollout", "40,000", "2").await;
    let fw = text_of(&root, "recommended-framework");
    assert!(fw.contains("BANT") && fw.contains("MEDDIC"), "{fw}");
    assert_eq!(text_of(&root, "recommended-methodology"), "SPIN");
    click(&button(&root, "Next"));
    settle().await;

    // Budget: key 1 answers Confirmed, Enter moves on.
    assert_eq!(heading(&root), "Budget");
    assert_eq!(progress(&root), "2 of 6");
    let h = by_id(&root, "sc-qualify-step-heading");
    press_key(&h, "1");
    settle().await;
    assert_eq!(checked_option(&root).as_deref(), Some("confirmed"));
    press_key(&h, "Enter");
    settle().await;

    // Authority: key 4 is Red flag.
    assert_eq!(heading(&root), "Authority");
    press_key(&by_id(&root, "sc-qualify-step-heading"), "4");
    settle().await;
    assert_eq!(checked_option(&root).as_deref(), Some("red-flag"));
    // Digits typed into Evidence stay text, not answers.
    let evidence = input_by_label(&root, "Evidence");
    press_key(&evidence, "2");
    settle().await;
    assert_eq!(checked_option(&root).as_deref(), Some("red-flag"));
    set_value(&evidence, "Only the IT lead, 2 calls");
    settle().await;
    press_key(&evidence, "Enter");
    settle().await;

    // Need: pick with a click, then go back and forth: nothing is lost.
    assert_eq!(heading(&root), "Need");
    click(&option(&root, "Partially"));
    settle().await;
    assert_eq!(checked_option(&root).as_deref(), Some("partially"));
    click(&button(&root, "Back"));
    settle().await;
    assert_eq!(heading(&root), "Authority");
    assert_eq!(checked_option(&root).as_deref(), Some("red-flag"));
    assert_eq!(
        input_by_label(&root, "Evidence").value(),
        "Only the IT lead, 2 calls"
    );
    click(&button(&root, "Next"));
    settle().await;
    assert_eq!(checked_option(&root).as_deref(), Some("partially"));
    click(&button(&root, "Next"));
    settle().await;

    // Timeline: Enter with nothing picked stays and says why; Next skips.
    assert_eq!(heading(&root), "Timeline");
    press_key(&by_id(&root, "sc-qualify-step-heading"), "Enter");
    settle().await;
    assert_eq!(heading(&root), "Timeline");
    assert!(
        root.text_content()
            .unwrap()
            .contains("Pick an answer first"),
        "Enter without a pick explains itself"
    );
    click(&button(&root, "Next"));
    settle().await;
    assert!(heading(&root).starts_with("Summary"), "{}", heading(&root));
    assert_eq!(progress(&root), "6 of 6");

    // 2 + 0 + 1 + 0 = 3 of 8 → 38 so far, but Timeline is unassessed: no
    // verdict on an unanswered question.
    assert_eq!(text_of(&root, "qual-score"), "38");
    assert_eq!(text_of(&root, "qual-verdict"), "Incomplete");
    assert_eq!(
        text_of(&root, "qual-assessed"),
        "Provisional score: 3 of 4 criteria assessed."
    );
    let warnings = text_of(&root, "qual-warnings");
    for w in ["Single-threaded", "No access to power", "No urgency"] {
        assert!(warnings.contains(w), "missing {w}: {warnings}");
    }
    assert_eq!(gap_order(&root), vec!["Authority", "Timeline", "Need"]);
    assert!(
        root.text_content()
            .unwrap()
            .contains("Only the IT lead, 2 calls"),
        "evidence shown"
    );

    // 25k–50k: MEDDIC is offered as a second pass.
    click(&button(&root, "Start the MEDDIC pass"));
    settle().await;
    assert_eq!(heading(&root), "Metrics");
    assert_eq!(progress(&root), "2 of 8");
    let doc = saved();
    let deal = &doc.deals[0];
    assert_eq!(deal.step, Step::Criterion(Criterion::Metrics));
    assert_eq!(
        deal.answers[&Criterion::Authority].rating,
        Some(Rating::RedFlag),
        "BANT answers kept"
    );
}

#[wasm_bindgen_test]
async fn reload_resumes_at_the_same_step() {
    let root = mount_app("#/qualify").await;
    new_deal(&root).await;
    fill_basics(&root, "Globex platform", "300000", "5").await;
    assert!(text_of(&root, "recommended-framework").contains("MEDDPICC"));
    click(&button(&root, "Next"));
    settle().await;
    for key in ["1", "Enter", "2", "Enter"] {
        press_key(&by_id(&root, "sc-qualify-step-heading"), key);
        settle().await;
    }
    assert_eq!(heading(&root), "Decision criteria");
    let hash = window().location().hash().unwrap();

    // "Reload": a fresh app on the same hash with the same storage.
    let root = mount_app_keeping_storage(&hash).await;
    assert_eq!(heading(&root), "Decision criteria");
    assert_eq!(progress(&root), "4 of 10");
    click(&button(&root, "Back"));
    settle().await;
    assert_eq!(checked_option(&root).as_deref(), Some("partially"));

    // Leaving for the list and coming back also resumes.
    let root = mount_app_keeping_storage("#/qualify").await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Globex platform"));
    assert!(text.contains("MEDDPICC"));
    click(&button(&root, "Continue"));
    settle().await;
    assert_eq!(heading(&root), "Economic buyer");
}

#[wasm_bindgen_test]
async fn invalid_contract_value_keeps_the_last_recommendation_and_blocks_next() {
    let root = mount_app("#/qualify").await;
    new_deal(&root).await;
    fill_basics(&root, "Initech", "60000", "3").await;
    assert_eq!(text_of(&root, "recommended-framework"), "MEDDICC");
    set_value(&input_by_label(&root, "Annual contract value"), "-5");
    settle().await;
    let err = by_id(&root, "sc-qualify-acv-error");
    assert!(!err.text_content().unwrap().is_empty(), "inline error");
    assert_eq!(
        text_of(&root, "recommended-framework"),
        "MEDDICC",
        "last valid stays"
    );
    assert!(find(&root, ".sc-qualify-stale").is_some(), "marked stale");
    assert_eq!(
        input_by_label(&root, "Annual contract value").value(),
        "-5",
        "typed text kept"
    );
    click(&button(&root, "Next"));
    settle().await;
    assert_eq!(heading(&root), "Deal basics");
    set_value(&input_by_label(&root, "Annual contract value"), "24999");
    settle().await;
    assert_eq!(text_of(&root, "recommended-framework"), "BANT");
}

#[wasm_bindgen_test]
async fn delete_then_undo_restores_the_deal() {
    let root = mount_app("#/qualify").await;
    new_deal(&root).await;
    fill_basics(&root, "First deal", "1000", "1").await;
    let root = mount_app_keeping_storage("#/qualify").await;
    new_deal(&root).await;
    fill_basics(&root, "Second deal", "2000", "1").await;
    let root = mount_app_keeping_storage("#/qualify").await;
    let rows = || root.query_selector_all("tbody tr").unwrap().length();
    assert_eq!(rows(), 2);
    // Newest first.
    let first = find(&root, "tbody tr th").unwrap().text_content().unwrap();
    assert!(first.contains("Second deal"), "{first}");

    click(&button(&root, "Delete Second deal"));
    settle().await;
    assert_eq!(rows(), 1);
    assert_eq!(saved().deals.len(), 1, "deleted from storage");
    assert!(root
        .text_content()
        .unwrap()
        .contains("“Second deal” deleted."));
    click(&button(&root, "Undo"));
    settle().await;
    assert_eq!(rows(), 2);
    assert_eq!(saved().deals.len(), 2);

    // Rename and duplicate from the list.
    click(&button(&root, "Rename First deal"));
    settle().await;
    let input = input_by_label(&root, "New name for First deal");
    set_value(&input, "Renamed deal");
    press_key(&input, "Enter");
    settle().await;
    click(&button(&root, "Duplicate Renamed deal"));
    settle().await;
    assert_eq!(rows(), 3);
    let first = find(&root, "tbody tr th").unwrap().text_content().unwrap();
    assert!(first.contains("Renamed deal (copy)"), "{first}");
}

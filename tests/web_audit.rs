//! Browser tests of the audit: the question flow, resuming, the report and
//! share links.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use stagecraft::tools::audit::model::{Answer, AnswerSet};
use stagecraft::tools::audit::questions::QUESTIONS;
use stagecraft::tools::audit::share;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn legend(root: &Element) -> String {
    find(root, "fieldset legend")
        .expect("a question is showing")
        .text_content()
        .unwrap_or_default()
}

fn radios(root: &Element) -> Vec<HtmlInputElement> {
    let list = root
        .query_selector_all("fieldset input[type='radio']")
        .unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn body() -> Element {
    document().body().unwrap().unchecked_into()
}

/// Where key presses go: the focused element, like a real keyboard.
fn focused() -> Element {
    document().active_element().unwrap_or_else(body)
}

fn saved_audit() -> Option<String> {
    local_storage().get_item("stagecraft.audit").unwrap()
}

#[wasm_bindgen_test]
async fn the_question_flow_works_with_keys_clicks_and_back() {
    let root = mount_app("#/audit").await;
    assert!(root.text_content().unwrap().contains("About two minutes"));
    click(&button(&root, "Start the audit"));
    settle().await;

    // Question 1: a radio group labelled by the question, options in score order.
    assert_eq!(legend(&root), QUESTIONS[0].prompt);
    assert!(root.text_content().unwrap().contains("1 of 16"));
    let options = radios(&root);
    assert_eq!(options.len(), 4);
    for (i, input) in options.iter().enumerate() {
        assert_eq!(input.value(), i.to_string());
        let label = find(&root, &format!("label[for='{}']", input.id())).unwrap();
        assert!(label
            .text_content()
            .unwrap()
            .contains(QUESTIONS[0].answers[i]));
    }
    // Focus moved into the group, so the keyboard works straight away.
    assert_eq!(focused().id(), options[0].id());

    // Key 3 answers (score 2) and moves on.
    press_key(&focused(), "3");
    settle().await;
    assert_eq!(legend(&root), QUESTIONS[1].prompt);
    assert!(root.text_content().unwrap().contains("2 of 16"));

    // Enter on an unanswered question only asks for an answer.
    press_key(&body(), "Enter");
    settle().await;
    assert_eq!(legend(&root), QUESTIONS[1].prompt);
    assert!(root
        .text_content()
        .unwrap()
        .contains("Pick an answer first"));

    // A keyboard-style click (no pointer) selects without advancing…
    radios(&root)[1].click();
    settle().await;
    assert_eq!(legend(&root), QUESTIONS[1].prompt);
    assert!(radios(&root)[1].checked());
    // …and Next moves on.
    click(&button(&root, "Next"));
    settle().await;
    assert_eq!(legend(&root), QUESTIONS[2].prompt);

    // Back shows the previous answer still selected; → goes forward again.
    click(&button(&root, "Back"));
    settle().await;
    assert_eq!(legend(&root), QUESTIONS[1].prompt);
    assert!(radios(&root)[1].checked());
    press_key(&body(), "ArrowLeft");
    settle().await;
    assert_eq!(legend(&root), QUESTIONS[0].prompt);
    assert!(radios(&root)[2].checked(), "q1 keeps its answer (key 3)");
    press_key(&body(), "ArrowRight");
    settle().await;
    press_key(&body(), "ArrowRight");
    settle().await;
    assert_eq!(legend(&root), QUESTIONS[2].prompt);

    // Answers are saved as you go: leaving and coming back resumes here.
    let saved = saved_audit().expect("saved while answering");
    assert!(saved.contains(r#""index":2"#), "{saved}");
    let root = mount_app_keeping_storage("#/audit").await;
    assert_eq!(legend(&root), QUESTIONS[2].prompt);

    // Finish with the keyboard: 4 (best) everywhere else.
    for _ in 2..16 {
        press_key(&body(), "4");
        settle().await;
    }
    // q1 = 2, q2 = 1, the rest 3: 102 − 3·1 − 3·2 = 93 of 102 → 91.2.
    assert_eq!(text_of(&root, "audit-score"), "91");
    assert_eq!(text_of(&root, "audit-tier"), "Optimized");
    assert_eq!(text_of(&root, "audit-area-design"), "50");
    assert_eq!(text_of(&root, "audit-area-discovery"), "100");
    let fixes = by_testid(&root, "audit-fix-list");
    assert_eq!(fixes.tag_name(), "OL");
    let items = fixes.query_selector_all("li").unwrap();
    let order: Vec<String> = (0..items.length())
        .map(|i| {
            items
                .item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute("data-question")
                .unwrap()
        })
        .collect();
    // q2 (3·2 = 6) before q1 (3·1 = 3).
    assert_eq!(order, ["q2", "q1"]);
    let link: HtmlInputElement = by_testid(&root, "share-link").unchecked_into();
    assert!(
        link.value().contains("#/audit/share/1-"),
        "{}",
        link.value()
    );

    // Keys on the report do nothing, and the finished audit is in history.
    press_key(&body(), "1");
    settle().await;
    assert_eq!(text_of(&root, "audit-score"), "91");
    let saved = saved_audit().unwrap();
    let stored: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(
        stored["data"]["history"][0]["answers"]
            .as_array()
            .map(|a| a[..3].to_vec()),
        Some(vec![2.into(), 1.into(), 3.into()]),
        "{saved}"
    );
    assert_eq!(saved.matches(r#""date":""#).count(), 1, "{saved}");

    // Retake starts again at question 1, and the next report shows the change.
    click(&button(&root, "Retake the audit"));
    settle().await;
    assert_eq!(legend(&root), QUESTIONS[0].prompt);
    for _ in 0..16 {
        press_key(&body(), "4");
        settle().await;
    }
    assert_eq!(text_of(&root, "audit-score"), "100");
    assert!(text_of(&root, "audit-change").starts_with("Up 9 points"));
    assert_eq!(text_of(&root, "audit-area-change-design"), "+50");
    assert!(find(&root, "[data-testid='audit-fix-list']").is_none());
}

#[wasm_bindgen_test]
async fn a_share_link_shows_the_report_without_touching_saved_data() {
    let shared = AnswerSet(
        [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3].map(|v| Answer::new(v).unwrap()),
    );
    let code = share::encode(&shared);
    local_storage().clear().unwrap();
    let mine = r#"{"version":1,"data":{"step":{"at":"question","index":4},"answers":[1,1,1,1,null,null,null,null,null,null,null,null,null,null,null,null],"history":[]}}"#;
    local_storage().set_item("stagecraft.audit", mine).unwrap();

    let root = mount_app_keeping_storage(&format!("#/audit/share/{code}")).await;
    assert_eq!(text_of(&root, "audit-score"), shared.overall().to_string());
    assert_eq!(text_of(&root, "audit-tier"), shared.tier().name());
    assert!(root.text_content().unwrap().contains("read-only"));
    // Keys must not answer anything while a shared report is open.
    press_key(&body(), "2");
    settle().await;
    assert_eq!(saved_audit().as_deref(), Some(mine));

    // Saving asks first; Cancel keeps everything as it was.
    click(&button(&root, "Save as my audit"));
    settle().await;
    click(&button(&root, "Cancel"));
    settle().await;
    assert_eq!(saved_audit().as_deref(), Some(mine));

    click(&button(&root, "Save as my audit"));
    settle().await;
    click(&button(&root, "Yes, save as my audit"));
    settle().await;
    let saved = saved_audit().unwrap();
    assert!(saved.contains(r#""answers":[0,1,2,3,0,1,2,3"#), "{saved}");
    assert_eq!(window().location().hash().unwrap(), "#/audit");
    assert_eq!(text_of(&root, "audit-score"), shared.overall().to_string());
}

#[wasm_bindgen_test]
async fn a_damaged_share_link_explains_itself_and_offers_the_audit() {
    local_storage().clear().unwrap();
    let mine = r#"{"version":1,"data":{"step":{"at":"intro"},"answers":[3,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null],"history":[]}}"#;
    local_storage().set_item("stagecraft.audit", mine).unwrap();
    for bad in ["1-zzzzzzzz", "9-00000000", "1-abc", "share-me", ""] {
        let root = mount_app_keeping_storage(&format!("#/audit/share/{bad}")).await;
        let message = text_of(&root, "audit-share-error");
        assert!(message.contains("can't be opened"), "{bad}: {message}");
        assert!(find(&root, "[data-testid='audit-score']").is_none());
        // The normal start: the visitor's own audit, resumable.
        button(&root, "Continue the audit (1 of 16 answered)");
        assert_eq!(saved_audit().as_deref(), Some(mine), "{bad}");
    }
}

/// An audit stored by an earlier build (dates as `YYYY-MM-DD` text).
fn old_stored_audit(first_date: &str) -> String {
    let twos = format!("[{}]", ["2"; 16].join(","));
    let threes = format!("[{}]", ["3"; 16].join(","));
    format!(
        r#"{{"version":1,"data":{{"step":{{"at":"report"}},"answers":{threes},"history":[{{"date":"{first_date}","answers":{twos}}},{{"date":"2026-04-02","answers":{threes}}}]}}}}"#
    )
}

#[wasm_bindgen_test]
async fn an_audit_saved_by_an_earlier_build_opens_on_its_report_with_its_dates() {
    local_storage().clear().unwrap();
    local_storage()
        .set_item("stagecraft.audit", &old_stored_audit("2026-03-19"))
        .unwrap();
    let root = mount_app_keeping_storage("#/audit").await;
    assert_eq!(text_of(&root, "audit-score"), "100");
    let text = root.text_content().unwrap();
    assert!(text.contains("Audit of 2026-04-02"), "{text}");
    assert!(text.contains("since your audit of 2026-03-19"), "{text}");
    assert!(find(&root, "[data-testid='notice-corrupt']").is_none());
}

#[wasm_bindgen_test]
async fn a_stored_audit_dated_31_february_is_kept_as_a_backup_not_shown() {
    local_storage().clear().unwrap();
    let damaged = old_stored_audit("2026-02-31");
    local_storage()
        .set_item("stagecraft.audit", &damaged)
        .unwrap();
    let root = mount_app_keeping_storage("#/audit").await;
    assert!(find(&root, "[data-testid='notice-corrupt']").is_some());
    assert!(find(&root, "[data-testid='audit-score']").is_none());
    assert!(root.text_content().unwrap().contains("About two minutes"));
    assert_eq!(
        stored("stagecraft.audit.backup").as_deref(),
        Some(damaged.as_str())
    );
}

//! Browser tests of the app shell and of storage's failure paths.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn home_page_offers_the_audit_and_all_tools() {
    let root = mount_app("#/").await;
    let cta = button(&root, "Start the 2-minute audit");
    assert_eq!(cta.get_attribute("href").as_deref(), Some("#/audit"));
    let nav = find(&root, "nav[aria-label='Tools']").expect("navigation");
    let text = nav.text_content().unwrap();
    for name in ["Audit", "Qualify", "Discovery", "Benchmarks"] {
        assert!(text.contains(name), "nav lacks {name}: {text}");
    }
    assert!(root.text_content().unwrap().contains("Your data never leaves this device"));
}

#[wasm_bindgen_test]
async fn routes_follow_the_hash_and_unknown_ones_get_help() {
    let root = mount_app("#/nowhere").await;
    assert!(root.text_content().unwrap().contains("We couldn't find that page"));
    let _ = leptos::prelude::window().location().set_hash("#/data");
    settle().await;
    let h1 = find(&root, "h1").unwrap().text_content().unwrap();
    assert_eq!(h1, "Your data");
    assert_eq!(leptos::prelude::document().title(), "Your data — Stagecraft");
}

#[wasm_bindgen_test]
async fn corrupt_data_is_backed_up_and_reported() {
    local_storage().clear().unwrap();
    local_storage().set_item("stagecraft.benchmarks", "{not json").unwrap();
    let root = mount_app_keeping_storage("#/benchmarks").await;
    let notice = by_testid(&root, "notice-corrupt");
    assert!(notice.text_content().unwrap().contains("stagecraft.benchmarks"));
    assert_eq!(
        local_storage().get_item("stagecraft.benchmarks.backup").unwrap().as_deref(),
        Some("{not json"),
        "the raw text must be kept under the backup key"
    );
    // The data page lists the backup for download.
    let _ = leptos::prelude::window().location().set_hash("#/data");
    settle().await;
    assert!(root.text_content().unwrap().contains("stagecraft.benchmarks.backup"));
}

#[wasm_bindgen_test]
async fn a_second_corruption_does_not_overwrite_the_first_backup() {
    local_storage().clear().unwrap();
    local_storage().set_item("stagecraft.benchmarks.backup", "first accident").unwrap();
    local_storage().set_item("stagecraft.benchmarks", "second accident").unwrap();
    mount_app_keeping_storage("#/benchmarks").await;
    assert_eq!(
        local_storage().get_item("stagecraft.benchmarks.backup").unwrap().as_deref(),
        Some("first accident")
    );
    assert_eq!(
        local_storage().get_item("stagecraft.benchmarks.backup.2").unwrap().as_deref(),
        Some("second accident")
    );
}

#[wasm_bindgen_test]
async fn data_from_a_newer_version_is_left_untouched() {
    let newer = r#"{"version":999,"data":{"from":"the future"}}"#;
    local_storage().clear().unwrap();
    local_storage().set_item("stagecraft.benchmarks", newer).unwrap();
    let root = mount_app_keeping_storage("#/benchmarks").await;
    assert!(by_testid(&root, "notice-newer").text_content().unwrap().contains("newer version"));
    // Using the tool must not overwrite what the newer version saved.
    let inputs = root.query_selector_all("input").unwrap();
    for i in 0..inputs.length() {
        let input: web_sys::HtmlInputElement = wasm_bindgen::JsCast::unchecked_into(inputs.item(i).unwrap());
        if input.type_() == "text" {
            set_value(&input, "5");
        }
    }
    settle().await;
    assert_eq!(local_storage().get_item("stagecraft.benchmarks").unwrap().as_deref(), Some(newer));
}

#[wasm_bindgen_test]
async fn reset_asks_first_then_deletes_everything() {
    local_storage().clear().unwrap();
    local_storage().set_item("stagecraft.audit", r#"{"version":1,"data":{}}"#).unwrap();
    local_storage().set_item("host.page.key", "not ours").unwrap();
    let root = mount_app_keeping_storage("#/data").await;
    click(&button(&root, "Reset all data"));
    settle().await;
    // Nothing is deleted until the user confirms.
    assert!(local_storage().get_item("stagecraft.audit").unwrap().is_some());
    click(&button(&root, "Cancel"));
    settle().await;
    assert!(local_storage().get_item("stagecraft.audit").unwrap().is_some());
    click(&button(&root, "Reset all data"));
    settle().await;
    click(&button(&root, "Yes, delete everything"));
    settle().await;
    assert!(local_storage().get_item("stagecraft.audit").unwrap().is_none());
    assert_eq!(local_storage().get_item("host.page.key").unwrap().as_deref(), Some("not ours"));
    assert_eq!(text_of(&root, "reset-result"), "All data deleted.");
}

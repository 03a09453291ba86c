//! Storage that throws on access (a sandboxed iframe, blocked third-party
//! storage): the app must keep working in memory and say so. This file runs
//! in its own page because it breaks `window.localStorage` for good.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn missing_storage_falls_back_to_memory_with_a_notice() {
    js_sys::eval(
        "Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });",
    )
    .unwrap();
    let root = mount_app_keeping_storage("#/data").await;
    let notice = by_testid(&root, "notice-memory-only");
    assert!(notice
        .text_content()
        .unwrap()
        .contains("isn't letting Stagecraft save"));
    assert!(!stagecraft::storage::browser::is_persistent());
    // Writes still work, in memory, and read back.
    let file = stagecraft::storage::build_export(
        &[(
            "stagecraft.benchmarks".to_string(),
            r#"{"version":1,"data":{}}"#.to_string(),
        )],
        "2026-11-29T10:00:00Z",
        stagecraft::tools::validate_document,
    );
    stagecraft::storage::browser::import_bundle(&file, stagecraft::tools::validate_document)
        .unwrap();
    assert!(stagecraft::storage::browser::export_bundle(
        "now",
        stagecraft::tools::validate_document
    )
    .contains("stagecraft.benchmarks"));
    // The rest of the app still renders.
    let _ = leptos::prelude::window().location().set_hash("#/");
    settle().await;
    button(&root, "Start the 2-minute audit");
}

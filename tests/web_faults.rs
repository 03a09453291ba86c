//! Every storage fault the reliability review found (issue 16): storage
//! full before or while the page is open, reads or writes that throw,
//! newer and damaged documents. Each test checks that nothing stored is
//! changed and that what is shown and exported is complete.
//!
//! Faults are made by replacing `Storage.prototype` methods; each test puts
//! the real ones back before it checks what is stored.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use stagecraft::storage::browser::export_bundle;
use stagecraft::storage::encode;
use stagecraft::tools::qualify::model::{Deal, DealsDoc};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// Keeps the real storage methods once, so every test can restore them.
fn keep_real_storage() {
    js_sys::eval(
        "window.__scReal = window.__scReal || { get: Storage.prototype.getItem, set: Storage.prototype.setItem, remove: Storage.prototype.removeItem };",
    )
    .unwrap();
}

/// Puts the real storage methods back and forgets this page's backend.
fn restore_storage() {
    js_sys::eval(
        "Storage.prototype.getItem = window.__scReal.get; Storage.prototype.setItem = window.__scReal.set; Storage.prototype.removeItem = window.__scReal.remove;",
    )
    .unwrap();
}

/// Every write throws the way a full quota does.
fn fill_storage() {
    keep_real_storage();
    js_sys::eval(
        "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    )
    .unwrap();
}

/// Reading `key` throws; everything else works.
fn break_reads_of(key: &str) {
    keep_real_storage();
    js_sys::eval(&format!(
        "Storage.prototype.getItem = function (k) {{ if (k === {key:?}) throw new DOMException('no', 'SecurityError'); return window.__scReal.get.call(this, k); }};"
    ))
    .unwrap();
}

/// A qualify document with one named deal.
fn one_deal(name: &str) -> String {
    let deal = Deal {
        id: "d1".into(),
        name: name.into(),
        company: "Initech".into(),
        ..Deal::default()
    };
    encode(&DealsDoc {
        deals: vec![deal],
        ..DealsDoc::default()
    })
}

fn seed(key: &str, raw: &str) {
    restore_storage_if_kept();
    local_storage().clear().unwrap();
    local_storage().set_item(key, raw).unwrap();
}

fn restore_storage_if_kept() {
    keep_real_storage();
    restore_storage();
}

fn page_text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

async fn new_deal(root: &Element) {
    click(&find(root, "#sc-qualify-new").expect("New deal button"));
    settle().await;
}

async fn name_the_deal(root: &Element, name: &str) {
    set_value(&input_by_label(root, "Deal name"), name);
    settle().await;
    sleep_ms(50).await;
}

#[wasm_bindgen_test]
async fn storage_full_before_load_shows_and_exports_what_is_stored() {
    let saved = one_deal("Acme renewal");
    seed("stagecraft.qualify", &saved);
    fill_storage();
    let root = mount_app_keeping_storage("#/qualify").await;
    assert!(
        page_text(&root).contains("Acme renewal"),
        "stored deals are shown: {}",
        page_text(&root)
    );
    let notice = by_testid(&root, "notice-storage-full");
    assert!(notice.text_content().unwrap().contains("storage is full"));
    // Its export stays on this page: a button, not a link elsewhere.
    let export = button(&notice, "Export my data");
    assert_eq!(export.tag_name(), "BUTTON");
    assert!(export.get_attribute("href").is_none());

    new_deal(&root).await;
    assert!(
        page_text(&root).contains("Deal basics"),
        "{}",
        page_text(&root)
    );
    name_the_deal(&root, "Made in memory").await;
    let file = export_bundle("now");
    assert!(file.contains("Acme renewal"), "stored data is exported");
    assert!(file.contains("Made in memory"), "memory data is exported");
    restore_storage();
    assert_eq!(
        stored("stagecraft.qualify").as_deref(),
        Some(saved.as_str())
    );
}

#[wasm_bindgen_test]
async fn a_read_that_throws_is_never_written_over() {
    let saved = one_deal("Stored, unreadable");
    seed("stagecraft.qualify", &saved);
    break_reads_of("stagecraft.qualify");
    let root = mount_app_keeping_storage("#/qualify").await;
    assert!(by_testid(&root, "notice-read-failed")
        .text_content()
        .unwrap()
        .contains("left it untouched"));
    new_deal(&root).await;
    name_the_deal(&root, "Typed here").await;
    // Back to the list and into the deal again: the work is still there.
    let _ = leptos::prelude::window().location().set_hash("#/qualify");
    settle().await;
    assert!(
        page_text(&root).contains("Typed here"),
        "{}",
        page_text(&root)
    );
    assert!(export_bundle("now").contains("Typed here"));
    restore_storage();
    assert_eq!(
        stored("stagecraft.qualify").as_deref(),
        Some(saved.as_str())
    );
}

#[wasm_bindgen_test]
async fn both_reads_and_writes_throwing_still_leave_a_working_tool() {
    let saved = one_deal("Nobody can read me");
    seed("stagecraft.qualify", &saved);
    fill_storage();
    break_reads_of("stagecraft.qualify");
    let root = mount_app_keeping_storage("#/qualify").await;
    by_testid(&root, "notice-read-failed");
    new_deal(&root).await;
    name_the_deal(&root, "Memory only").await;
    assert!(export_bundle("now").contains("Memory only"));
    restore_storage();
    assert_eq!(
        stored("stagecraft.qualify").as_deref(),
        Some(saved.as_str())
    );
}

#[wasm_bindgen_test]
async fn writes_that_throw_without_a_full_quota_say_storage_is_blocked() {
    let saved = one_deal("Kept as it was");
    seed("stagecraft.qualify", &saved);
    keep_real_storage();
    js_sys::eval(
        "Storage.prototype.setItem = function () { throw new DOMException('no', 'SecurityError'); };",
    )
    .unwrap();
    let root = mount_app_keeping_storage("#/qualify").await;
    assert!(page_text(&root).contains("Kept as it was"));
    by_testid(&root, "notice-memory-only");
    new_deal(&root).await;
    name_the_deal(&root, "Not kept").await;
    assert!(export_bundle("now").contains("Not kept"));
    restore_storage();
    assert_eq!(
        stored("stagecraft.qualify").as_deref(),
        Some(saved.as_str())
    );
}

#[wasm_bindgen_test]
async fn a_newer_qualify_document_keeps_new_deal_working_in_memory() {
    let newer = r#"{"version":2,"data":{"deals":[],"from":"the future"}}"#;
    seed("stagecraft.qualify", newer);
    let root = mount_app_keeping_storage("#/qualify").await;
    assert!(by_testid(&root, "notice-newer")
        .text_content()
        .unwrap()
        .contains("only kept until you close this page"));
    new_deal(&root).await;
    assert!(
        !page_text(&root).contains("We can't find that deal"),
        "{}",
        page_text(&root)
    );
    assert!(page_text(&root).contains("Deal basics"));
    name_the_deal(&root, "Future-proof").await;
    let _ = leptos::prelude::window().location().set_hash("#/qualify");
    settle().await;
    assert!(page_text(&root).contains("Future-proof"));
    assert!(
        export_bundle("now").contains("the future"),
        "the newer document is exported untouched"
    );
    assert_eq!(stored("stagecraft.qualify").as_deref(), Some(newer));
}

#[wasm_bindgen_test]
async fn a_newer_discovery_document_keeps_new_call_working_in_memory() {
    let newer = r#"{"version":2,"data":{"calls":[]}}"#;
    seed("stagecraft.discovery", newer);
    let root = mount_app_keeping_storage("#/discovery").await;
    by_testid(&root, "notice-newer");
    click(&button(&root, "New call"));
    settle().await;
    assert!(
        !page_text(&root).contains("This call isn't on this device"),
        "{}",
        page_text(&root)
    );
    assert_eq!(stored("stagecraft.discovery").as_deref(), Some(newer));
}

#[wasm_bindgen_test]
async fn damage_without_room_for_a_backup_is_left_in_place_and_said_so() {
    seed("stagecraft.qualify", "{damaged");
    fill_storage();
    let root = mount_app_keeping_storage("#/qualify").await;
    let text = by_testid(&root, "notice-corrupt").text_content().unwrap();
    assert!(
        !text.contains("We kept the original text as a backup"),
        "{text}"
    );
    assert!(text.contains("left where it was"), "{text}");
    new_deal(&root).await;
    assert!(!page_text(&root).contains("We can't find that deal"));
    name_the_deal(&root, "Fresh start").await;
    assert!(export_bundle("now").contains("{damaged"));
    restore_storage();
    assert_eq!(stored("stagecraft.qualify").as_deref(), Some("{damaged"));
    assert_eq!(stored("stagecraft.qualify.backup"), None);
}

#[wasm_bindgen_test]
async fn unknown_fields_from_a_newer_build_survive_an_edit() {
    let saved = r#"{"version":1,"data":{"deals":[{"id":"d1","name":"Acme","crm_id":"006xyz","answers":{}}],"sync":{"at":1}}}"#;
    seed("stagecraft.qualify", saved);
    let root = mount_app_keeping_storage("#/qualify/deal/d1").await;
    name_the_deal(&root, "Acme, renamed").await;
    let _ = leptos::prelude::window().location().set_hash("#/qualify");
    settle().await;
    let now = stored("stagecraft.qualify").unwrap();
    assert!(now.contains("Acme, renamed"), "{now}");
    assert!(now.contains(r#""crm_id":"006xyz""#), "{now}");
    assert!(now.contains(r#""sync":{"at":1}"#), "{now}");
}

#[wasm_bindgen_test]
async fn a_version_above_u32_reads_as_newer_and_is_left_untouched() {
    let newer = r#"{"version":4294967296,"data":{"deals":[]}}"#;
    seed("stagecraft.qualify", newer);
    let root = mount_app_keeping_storage("#/qualify").await;
    assert!(by_testid(&root, "notice-newer")
        .text_content()
        .unwrap()
        .contains("4294967296"));
    assert!(find(&root, "[data-testid='notice-corrupt']").is_none());
    new_deal(&root).await;
    name_the_deal(&root, "Still works").await;
    assert_eq!(stored("stagecraft.qualify").as_deref(), Some(newer));
    assert!(stored("stagecraft.qualify.backup").is_none());
}

#[wasm_bindgen_test]
async fn a_backup_keeps_lone_surrogates_exactly() {
    restore_storage_if_kept();
    local_storage().clear().unwrap();
    js_sys::eval("localStorage.setItem('stagecraft.qualify', '{broken \\uD800 text')").unwrap();
    let root = mount_app_keeping_storage("#/qualify").await;
    by_testid(&root, "notice-corrupt");
    let exact = js_sys::eval(
        "localStorage.getItem('stagecraft.qualify.backup') === '{broken \\uD800 text'",
    )
    .unwrap();
    assert_eq!(
        exact.as_bool(),
        Some(true),
        "the backup is the same JS string"
    );
}

#[wasm_bindgen_test]
async fn discovery_shows_the_storage_full_notice_when_a_save_fails() {
    seed("stagecraft.other", "x");
    let root = mount_app_keeping_storage("#/discovery").await;
    click(&button(&root, "New call"));
    settle().await;
    let saved = stored("stagecraft.discovery").expect("the new call is saved");
    fill_storage();
    let title = input_by_label(&root, "Call title");
    set_value(&title, "Typed while full");
    title.focus().unwrap();
    title.blur().unwrap();
    settle().await;
    sleep_ms(500).await;
    settle().await;
    assert!(by_testid(&root, "notice-write-failed")
        .text_content()
        .unwrap()
        .contains("storage is full"));
    assert!(export_bundle("now").contains("Typed while full"));
    restore_storage();
    assert_eq!(stored("stagecraft.discovery"), Some(saved));
}

#[wasm_bindgen_test]
async fn an_import_that_runs_out_of_room_changes_nothing() {
    use stagecraft::storage::{browser::import_bundle, build_export, ImportError};
    let before = one_deal("Before the import");
    seed("stagecraft.qualify", &before);
    let audit = r#"{"version":1,"data":{}}"#;
    let file = build_export(
        &[
            ("stagecraft.audit".to_string(), audit.to_string()),
            ("stagecraft.qualify".to_string(), one_deal("From the file")),
        ],
        "now",
    );
    mount_app_keeping_storage("#/data").await;
    keep_real_storage();
    // Room for the audit, not for the deals.
    js_sys::eval(
        "Storage.prototype.setItem = function (k, v) { if (k === 'stagecraft.qualify') throw new DOMException('full', 'QuotaExceededError'); return window.__scReal.set.call(this, k, v); };",
    )
    .unwrap();
    let result = import_bundle(&file, stagecraft::tools::validate_document);
    restore_storage();
    assert_eq!(result, Err(ImportError::NoRoom));
    assert_eq!(
        stored("stagecraft.audit"),
        None,
        "the audit was rolled back"
    );
    assert_eq!(
        stored("stagecraft.qualify").as_deref(),
        Some(before.as_str())
    );
}

#[wasm_bindgen_test]
async fn an_export_with_damaged_data_imports_back_restoring_the_good_documents() {
    use stagecraft::storage::browser::import_bundle;
    let good = one_deal("Good deal");
    seed("stagecraft.qualify", &good);
    local_storage()
        .set_item(
            "stagecraft.benchmarks",
            r#"{"version":1,"data":{"mode":"nonsense"}}"#,
        )
        .unwrap();
    local_storage()
        .set_item("stagecraft.audit", "{not json at all")
        .unwrap();
    stagecraft::storage::browser::reset_backend();
    let file = export_bundle("now");
    local_storage().clear().unwrap();
    stagecraft::storage::browser::reset_backend();
    let outcome = import_bundle(&file, stagecraft::tools::validate_document).expect("imports");
    assert_eq!(outcome.count, 1);
    assert!(outcome.kept);
    assert_eq!(outcome.skipped.len(), 1, "{:?}", outcome.skipped);
    assert_eq!(outcome.skipped[0].0, "stagecraft.benchmarks");
    assert_eq!(
        stagecraft::storage::decode::<DealsDoc>(stored("stagecraft.qualify").as_deref()),
        stagecraft::storage::decode::<DealsDoc>(Some(&good)),
    );
    assert_eq!(
        stored("stagecraft.audit.backup").as_deref(),
        Some("{not json at all")
    );
    assert!(stored("stagecraft.benchmarks.backup")
        .unwrap()
        .contains("nonsense"));
    assert_eq!(stored("stagecraft.benchmarks"), None);
}

/// Two fields a tab can type in, saved after a pause like discovery's notes.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct TwoFields {
    a: String,
    b: String,
}

impl stagecraft::storage::Document for TwoFields {
    const KEY: &'static str = "test-two";
    const VERSION: u32 = 1;
}

/// Shows both fields; the button types into `a` only.
#[leptos::component]
fn TwoFieldsView() -> impl leptos::IntoView {
    use leptos::prelude::*;
    use stagecraft::storage::browser::{use_document_with, DocOptions};
    let handle = use_document_with::<TwoFields>(DocOptions {
        debounce_ms: 300,
        flush_on_hide: true,
        flush_on_blur: false,
    });
    let doc = handle.doc;
    view! {
        <p data-testid="two">{move || doc.with(|d| format!("{}|{}", d.a, d.b))}</p>
        <button on:click=move |_| doc.update(|d| d.a.push_str("metric typed in tab A"))>"Type A"</button>
    }
}

#[wasm_bindgen_test]
async fn two_tabs_typing_at_once_keep_both_edits() {
    use wasm_bindgen::JsCast;
    restore_storage_if_kept();
    local_storage().clear().unwrap();
    stagecraft::storage::browser::reset_backend();
    let document = leptos::prelude::document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), TwoFieldsView);
    settle().await;
    click(&button(&host, "Type A"));
    settle().await;
    // Tab B saves its own typing into `b` before this tab's pause ends.
    let theirs = r#"{"version":1,"data":{"a":"","b":"metric typed in tab B"}}"#;
    local_storage()
        .set_item("stagecraft.test-two", theirs)
        .unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some("stagecraft.test-two"));
    init.set_new_value(Some(theirs));
    let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    leptos::prelude::window().dispatch_event(&ev).unwrap();
    settle().await;
    assert_eq!(
        text_of(&host, "two"),
        "metric typed in tab A|metric typed in tab B"
    );
    sleep_ms(400).await;
    settle().await;
    let saved = stored("stagecraft.test-two").unwrap();
    assert!(saved.contains("metric typed in tab A"), "{saved}");
    assert!(saved.contains("metric typed in tab B"), "{saved}");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn an_embedded_benchmarks_widget_reports_nothing_on_load() {
    use stagecraft::tools::benchmarks::model::{Action, BenchmarksDoc};
    let mut doc = BenchmarksDoc::default();
    doc.apply(Action::LoadExample);
    seed("stagecraft.benchmarks", &encode(&doc));
    js_sys::eval(
        "window.__posted = []; window.addEventListener('message', (e) => window.__posted.push(JSON.stringify(e.data)));",
    )
    .unwrap();
    let origin = leptos::prelude::window().location().origin().unwrap();
    let root = mount_app_keeping_storage(&format!(
        "#/embed/benchmarks?frame=w1&origin={}",
        js_sys::encode_uri_component(&origin)
    ))
    .await;
    sleep_ms(100).await;
    settle().await;
    assert!(
        page_text(&root).contains("Discovery"),
        "the saved result is shown"
    );
    let posted = js_sys::eval("window.__posted.join('\\n')")
        .unwrap()
        .as_string()
        .unwrap();
    assert!(
        posted.contains("stagecraft:"),
        "the widget does talk: {posted}"
    );
    assert!(!posted.contains("completed"), "{posted}");
    leptos::prelude::window().location().set_hash("#/").unwrap();
    settle().await;
}

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
    assert!(root
        .text_content()
        .unwrap()
        .contains("Your data never leaves this device"));
}

#[wasm_bindgen_test]
async fn routes_follow_the_hash_and_unknown_ones_get_help() {
    let root = mount_app("#/nowhere").await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("We couldn't find that page"));
    let _ = leptos::prelude::window().location().set_hash("#/data");
    settle().await;
    let h1 = find(&root, "h1").unwrap().text_content().unwrap();
    assert_eq!(h1, "Your data");
    assert_eq!(
        leptos::prelude::document().title(),
        "Your data — Stagecraft"
    );
}

#[wasm_bindgen_test]
async fn corrupt_data_is_backed_up_and_reported() {
    local_storage().clear().unwrap();
    local_storage()
        .set_item("stagecraft.benchmarks", "{not json")
        .unwrap();
    let root = mount_app_keeping_storage("#/benchmarks").await;
    let notice = by_testid(&root, "notice-corrupt");
    assert!(notice
        .text_content()
        .unwrap()
        .contains("stagecraft.benchmarks"));
    assert_eq!(
        stored("stagecraft.benchmarks.backup").as_deref(),
        Some("{not json"),
        "the raw text must be kept under the backup key"
    );
    // The data page lists the backup for download.
    let _ = leptos::prelude::window().location().set_hash("#/data");
    settle().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("stagecraft.benchmarks.backup"));
}

#[wasm_bindgen_test]
async fn a_second_corruption_does_not_overwrite_the_first_backup() {
    local_storage().clear().unwrap();
    local_storage()
        .set_item("stagecraft.benchmarks.backup", "first accident")
        .unwrap();
    local_storage()
        .set_item("stagecraft.benchmarks", "second accident")
        .unwrap();
    mount_app_keeping_storage("#/benchmarks").await;
    assert_eq!(
        stored("stagecraft.benchmarks.backup").as_deref(),
        Some("first accident")
    );
    assert_eq!(
        stored("stagecraft.benchmarks.backup.2").as_deref(),
        Some("second accident")
    );
}

#[wasm_bindgen_test]
async fn data_from_a_newer_version_is_left_untouched() {
    let newer = r#"{"version":999,"data":{"from":"the future"}}"#;
    local_storage().clear().unwrap();
    local_storage()
        .set_item("stagecraft.benchmarks", newer)
        .unwrap();
    let root = mount_app_keeping_storage("#/benchmarks").await;
    assert!(by_testid(&root, "notice-newer")
        .text_content()
        .unwrap()
        .contains("newer version"));
    // Using the tool must not overwrite what the newer version saved.
    let inputs = root.query_selector_all("input").unwrap();
    for i in 0..inputs.length() {
        let input: web_sys::HtmlInputElement =
            wasm_bindgen::JsCast::unchecked_into(inputs.item(i).unwrap());
        if input.type_() == "text" {
            set_value(&input, "5");
        }
    }
    settle().await;
    assert_eq!(stored("stagecraft.benchmarks").as_deref(), Some(newer));
}

#[wasm_bindgen_test]
async fn reset_asks_first_then_deletes_everything() {
    local_storage().clear().unwrap();
    local_storage()
        .set_item("stagecraft.audit", r#"{"version":1,"data":{}}"#)
        .unwrap();
    local_storage()
        .set_item("host.page.key", "not ours")
        .unwrap();
    let root = mount_app_keeping_storage("#/data").await;
    click(&button(&root, "Reset all data"));
    settle().await;
    // Nothing is deleted until the user confirms.
    assert!(stored("stagecraft.audit").is_some());
    click(&button(&root, "Cancel"));
    settle().await;
    assert!(stored("stagecraft.audit").is_some());
    click(&button(&root, "Reset all data"));
    settle().await;
    click(&button(&root, "Yes, delete everything"));
    settle().await;
    assert!(stored("stagecraft.audit").is_none());
    assert_eq!(stored("host.page.key").as_deref(), Some("not ours"));
    assert_eq!(text_of(&root, "reset-result"), "All data deleted.");
}

/// A document type of the test's own, so storage behaviour is checked
/// independently of any tool.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct Note {
    text: String,
}

impl stagecraft::storage::Document for Note {
    const KEY: &'static str = "test-note";
    const VERSION: u32 = 1;
}

/// Shows the note and lets the test change it.
#[leptos::component]
fn NoteView() -> impl leptos::IntoView {
    use leptos::prelude::*;
    let note = stagecraft::storage::browser::use_document::<Note>();
    view! {
        <p data-testid="note">{move || note.with(|n| n.text.clone())}</p>
        <button on:click=move |_| note.update(|n| n.text = "typed here".into())>"Type"</button>
    }
}

/// Mounts a test component on its own, with fresh storage probing.
async fn mount_alone<V: leptos::IntoView + 'static>(view: fn() -> V) -> web_sys::HtmlElement {
    use wasm_bindgen::JsCast;
    stagecraft::storage::browser::reset_backend();
    let document = leptos::prelude::document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), view).forget();
    settle().await;
    host
}

#[wasm_bindgen_test]
async fn another_tabs_change_updates_this_tab_and_is_not_written_back() {
    local_storage().clear().unwrap();
    let root = mount_alone(NoteView).await;
    assert_eq!(text_of(&root, "note"), "");
    let saved = r#"{"version":1,"data":{"text":"from the other tab"}}"#;
    local_storage()
        .set_item("stagecraft.test-note", saved)
        .unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some("stagecraft.test-note"));
    init.set_new_value(Some(saved));
    let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    leptos::prelude::window().dispatch_event(&ev).unwrap();
    settle().await;
    assert_eq!(text_of(&root, "note"), "from the other tab");
    assert_eq!(stored("stagecraft.test-note").as_deref(), Some(saved));
    root.remove();
}

/// NoteView plus the notices `use_document` reports, as the shell would show them.
#[leptos::component]
fn NoteWithNotices() -> impl leptos::IntoView {
    use leptos::prelude::*;
    use stagecraft::storage::browser::{Notice, Notices};
    let notices = Notices::new();
    provide_context(notices);
    view! {
        <NoteView />
        <p data-testid="notices">{move || notices.list().get().iter().map(|n| match n {
            Notice::WriteFailed => "write-failed",
            Notice::MemoryOnly => "memory-only",
            Notice::Corrupt { .. } => "corrupt",
            Notice::Newer { .. } => "newer",
            Notice::ReadFailed { .. } => "read-failed",
        }).collect::<Vec<_>>().join(",")}</p>
    }
}

#[wasm_bindgen_test]
async fn a_full_quota_keeps_working_in_memory_and_warns() {
    local_storage().clear().unwrap();
    let host = mount_alone(NoteWithNotices).await;
    assert!(stagecraft::storage::browser::is_persistent());
    // Storage fills up while the user works.
    js_sys::eval(
        "window.__realSetItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    )
    .unwrap();
    click(&button(&host, "Type"));
    settle().await;
    js_sys::eval("Storage.prototype.setItem = window.__realSetItem;").unwrap();
    assert_eq!(text_of(&host, "notices"), "write-failed");
    assert_eq!(
        text_of(&host, "note"),
        "typed here",
        "what the user typed stays on screen"
    );
    assert!(
        !stagecraft::storage::browser::is_persistent(),
        "storage moved to memory"
    );
    assert!(
        stagecraft::storage::browser::read_document::<Note>()
            .unwrap()
            .text
            .contains("typed here"),
        "the change is kept in memory"
    );
    host.remove();
    stagecraft::storage::browser::reset_backend();
}

/// The words a test reads for each save status.
fn status_name(s: stagecraft::storage::browser::SaveStatus) -> &'static str {
    use stagecraft::storage::browser::SaveStatus;
    match s {
        SaveStatus::Saved => "saved",
        SaveStatus::Pending => "pending",
        SaveStatus::NotKept => "not-kept",
        SaveStatus::NewerElsewhere => "newer-elsewhere",
    }
}

/// A note saved the way a free-text tool saves: after a pause, and at once
/// when the page is hidden or left.
#[leptos::component]
fn DebouncedNote() -> impl leptos::IntoView {
    use leptos::prelude::*;
    use stagecraft::storage::browser::{use_document_with, DocOptions};
    let handle = use_document_with::<Note>(DocOptions {
        debounce_ms: 300,
        flush_on_hide: true,
        flush_on_blur: false,
    });
    let note = handle.doc;
    view! {
        <p data-testid="note">{move || note.with(|n| n.text.clone())}</p>
        <p data-testid="status">{move || status_name(handle.status.get())}</p>
        <button on:click=move |_| note.update(|n| n.text.push('x'))>"Type"</button>
    }
}

/// Counts `localStorage.setItem` calls for the note's key from now on.
fn count_note_writes() {
    js_sys::eval(
        "window.__noteWrites = 0; window.__countedSetItem = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) { if (k === 'stagecraft.test-note') window.__noteWrites++; return window.__countedSetItem.call(this, k, v); };",
    )
    .unwrap();
}

/// Stops counting and returns how many writes there were.
fn note_writes() -> u32 {
    let n =
        js_sys::eval("Storage.prototype.setItem = window.__countedSetItem; window.__noteWrites")
            .unwrap()
            .as_f64()
            .unwrap();
    n as u32
}

#[wasm_bindgen_test]
async fn a_debounced_document_is_written_once_after_a_pause() {
    local_storage().clear().unwrap();
    let host = mount_alone(DebouncedNote).await;
    assert_eq!(text_of(&host, "status"), "saved");
    count_note_writes();
    for _ in 0..3 {
        click(&button(&host, "Type"));
        settle().await;
    }
    assert_eq!(text_of(&host, "note"), "xxx");
    assert_eq!(text_of(&host, "status"), "pending");
    assert!(
        stored("stagecraft.test-note").is_none(),
        "nothing written during typing"
    );
    sleep_ms(400).await;
    settle().await;
    let writes = note_writes();
    assert_eq!(writes, 1, "one write after the pause");
    assert_eq!(text_of(&host, "status"), "saved");
    assert!(stored("stagecraft.test-note").unwrap().contains("xxx"));
    host.remove();
}

#[wasm_bindgen_test]
async fn leaving_the_page_writes_a_pending_change_at_once() {
    local_storage().clear().unwrap();
    let host = mount_alone(DebouncedNote).await;
    click(&button(&host, "Type"));
    settle().await;
    assert_eq!(text_of(&host, "status"), "pending");
    assert!(stored("stagecraft.test-note").is_none());
    let ev = web_sys::Event::new("pagehide").unwrap();
    leptos::prelude::window().dispatch_event(&ev).unwrap();
    // No waiting: the page may be gone before any timer or effect runs.
    assert!(
        stored("stagecraft.test-note").unwrap().contains("\"x\""),
        "written during pagehide itself"
    );
    settle().await;
    assert_eq!(text_of(&host, "status"), "saved");
    host.remove();
}

#[wasm_bindgen_test]
async fn a_newer_version_written_elsewhere_stops_saving_here() {
    local_storage().clear().unwrap();
    let host = mount_alone(DebouncedNote).await;
    let newer = r#"{"version":7,"data":{"text":"from a newer Stagecraft"}}"#;
    local_storage()
        .set_item("stagecraft.test-note", newer)
        .unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some("stagecraft.test-note"));
    init.set_new_value(Some(newer));
    let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    leptos::prelude::window().dispatch_event(&ev).unwrap();
    settle().await;
    assert_eq!(text_of(&host, "status"), "newer-elsewhere");
    click(&button(&host, "Type"));
    settle().await;
    sleep_ms(400).await;
    settle().await;
    assert_eq!(text_of(&host, "status"), "newer-elsewhere");
    assert_eq!(stored("stagecraft.test-note").as_deref(), Some(newer));
    host.remove();
}

#[wasm_bindgen_test]
async fn a_newer_version_found_at_load_is_reported_and_kept() {
    local_storage().clear().unwrap();
    let newer = r#"{"version":7,"data":{"text":"from a newer Stagecraft"}}"#;
    local_storage()
        .set_item("stagecraft.test-note", newer)
        .unwrap();
    let host = mount_alone(DebouncedNote).await;
    assert_eq!(text_of(&host, "status"), "newer-elsewhere");
    click(&button(&host, "Type"));
    let ev = web_sys::Event::new("pagehide").unwrap();
    leptos::prelude::window().dispatch_event(&ev).unwrap();
    settle().await;
    assert_eq!(stored("stagecraft.test-note").as_deref(), Some(newer));
    host.remove();
}

/// A document whose fields are not in alphabetical order, so its encoding
/// differs from the text an import writes.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct Pair {
    zeta: String,
    alpha: String,
}

impl stagecraft::storage::Document for Pair {
    const KEY: &'static str = "test-pair";
    const VERSION: u32 = 1;
}

/// Shows the pair's save status.
#[leptos::component]
fn PairView() -> impl leptos::IntoView {
    use leptos::prelude::*;
    use stagecraft::storage::browser::{use_document_with, DocOptions};
    let handle = use_document_with::<Pair>(DocOptions {
        debounce_ms: 300,
        flush_on_hide: true,
        flush_on_blur: true,
    });
    view! { <p data-testid="status">{move || status_name(handle.status.get())}</p> }
}

#[wasm_bindgen_test]
async fn after_an_import_with_another_key_order_the_document_is_saved() {
    use stagecraft::storage::{browser::import_bundle, check_document, encode};
    local_storage().clear().unwrap();
    let pair = Pair {
        zeta: "last".into(),
        alpha: "first".into(),
    };
    // The file lists the fields alphabetically, as an export does.
    let file = r#"{"app":"stagecraft","format":1,"exported_at":"2026-11-29T10:00:00Z","documents":{"stagecraft.test-pair":{"version":1,"data":{"alpha":"first","zeta":"last"}}}}"#;
    stagecraft::storage::browser::reset_backend();
    let outcome = import_bundle(file, |key, raw| {
        if key == "stagecraft.test-pair" {
            check_document::<Pair>(raw)
        } else {
            Err("unknown".into())
        }
    })
    .unwrap();
    assert_eq!(outcome.count, 1);
    let raw = stored("stagecraft.test-pair").unwrap();
    assert_ne!(
        raw,
        encode(&pair),
        "the imported text has another key order"
    );
    let host = mount_alone(PairView).await;
    assert_eq!(text_of(&host, "status"), "saved");
    host.remove();
}

#[wasm_bindgen_test]
async fn a_call_imported_from_an_export_shows_as_saved() {
    use stagecraft::tools::discovery::model::CallsDoc;
    local_storage().clear().unwrap();
    let mut doc = CallsDoc::default();
    let id = doc.create(
        "Imported call".into(),
        chrono::Utc::now().date_naive(),
        chrono::Utc::now(),
    );
    let encoded = stagecraft::storage::encode(&doc);
    let file = stagecraft::storage::build_export(
        &[("stagecraft.discovery".to_string(), encoded.clone())],
        "2026-11-29T10:00:00Z",
        stagecraft::tools::validate_document,
    );
    stagecraft::storage::browser::reset_backend();
    stagecraft::storage::browser::import_bundle(&file, stagecraft::tools::validate_document)
        .unwrap();
    assert_ne!(
        stored("stagecraft.discovery").as_deref(),
        Some(encoded.as_str()),
        "an import stores the same call as different text"
    );
    let root = mount_app_keeping_storage(&format!("#/discovery/{id}")).await;
    let status = by_testid(&root, "save-status");
    assert_eq!(status.get_attribute("data-state").as_deref(), Some("saved"));
    assert_eq!(status.text_content().unwrap().trim(), "✓ Saved");
}

// ---- Issue 16: merges, unknown fields, work held in memory, exact backups.

/// Two fields, saved after a pause, so one can be typed into while the
/// other tab saves the other.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct Form {
    a: String,
    b: String,
}

impl stagecraft::storage::Document for Form {
    const KEY: &'static str = "test-form";
    const VERSION: u32 = 1;
}

/// The form, debounced like a tool with free text, with its status.
#[leptos::component]
fn FormView() -> impl leptos::IntoView {
    use leptos::prelude::*;
    use stagecraft::storage::browser::{use_document_with, DocOptions};
    let handle = use_document_with::<Form>(DocOptions {
        debounce_ms: 300,
        flush_on_hide: true,
        flush_on_blur: false,
    });
    let form = handle.doc;
    view! {
        <p data-testid="a">{move || form.with(|f| f.a.clone())}</p>
        <p data-testid="b">{move || form.with(|f| f.b.clone())}</p>
        <p data-testid="status">{move || status_name(handle.status.get())}</p>
        <button on:click=move |_| form.update(|f| f.a.push_str("typed in A"))>"Type"</button>
    }
}

/// The form behind a toggle, so a test can leave the tool and reopen it
/// within one page (as a route change does), with the shell's notices.
#[leptos::component]
fn ReopenableForm() -> impl leptos::IntoView {
    use leptos::prelude::*;
    use stagecraft::storage::browser::Notices;
    provide_context(Notices::new());
    let open = RwSignal::new(true);
    view! {
        <button on:click=move |_| open.update(|o| *o = !*o)>"Toggle"</button>
        <Show when=move || open.get()><FormView /></Show>
    }
}

#[wasm_bindgen_test]
async fn a_newer_document_keeps_this_pages_work_when_the_tool_is_reopened() {
    local_storage().clear().unwrap();
    let newer = r#"{"version":7,"data":{"a":"from a newer Stagecraft"}}"#;
    local_storage()
        .set_item("stagecraft.test-form", newer)
        .unwrap();
    let host = mount_alone(ReopenableForm).await;
    assert_eq!(text_of(&host, "status"), "newer-elsewhere");
    click(&button(&host, "Type"));
    settle().await;
    // Leave the tool and come back, as "New deal" or a route change does.
    click(&button(&host, "Toggle"));
    settle().await;
    click(&button(&host, "Toggle"));
    settle().await;
    assert_eq!(
        text_of(&host, "a"),
        "typed in A",
        "the work made here is still here"
    );
    assert_eq!(text_of(&host, "status"), "newer-elsewhere");
    assert_eq!(stored("stagecraft.test-form").as_deref(), Some(newer));
    host.remove();
    stagecraft::storage::browser::reset_backend();
}

#[wasm_bindgen_test]
async fn damaged_data_with_no_room_for_a_backup_is_left_alone_and_work_is_held() {
    local_storage().clear().unwrap();
    let damaged = "{\"version\":1,\"data\":{\"a\":";
    local_storage()
        .set_item("stagecraft.test-form", damaged)
        .unwrap();
    js_sys::eval(
        "window.__realSetItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    )
    .unwrap();
    let host = mount_alone(ReopenableForm).await;
    click(&button(&host, "Type"));
    settle().await;
    click(&button(&host, "Toggle"));
    settle().await;
    click(&button(&host, "Toggle"));
    settle().await;
    js_sys::eval("Storage.prototype.setItem = window.__realSetItem;").unwrap();
    assert_eq!(text_of(&host, "a"), "typed in A");
    assert_eq!(text_of(&host, "status"), "not-kept");
    assert_eq!(stored("stagecraft.test-form").as_deref(), Some(damaged));
    assert_eq!(stored("stagecraft.test-form.backup"), None);
    host.remove();
    stagecraft::storage::browser::reset_backend();
}

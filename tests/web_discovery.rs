//! Browser tests of the discovery tool: clocks come from stored timestamps,
//! so they are right after a remount, and the live screen follows the
//! buttons.
#![cfg(target_arch = "wasm32")]

mod common;

use chrono::{Duration, Utc};
use common::*;
use stagecraft::tools::discovery::model::{CallEdit, CallsDoc, ClockAction};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Longer than the save debounce, so an app left behind by a test has
/// nothing pending that could write over the next test's data.
const AFTER_SAVE_MS: i32 = 700;

fn seed(doc: &CallsDoc) {
    local_storage().clear().unwrap();
    local_storage()
        .set_item("stagecraft.discovery", &stagecraft::storage::encode(doc))
        .unwrap();
}

/// Seconds shown by an `m:ss` clock.
fn secs(clock: &str) -> u64 {
    let (m, s) = clock.split_once(':').expect("m:ss");
    m.parse::<u64>().unwrap() * 60 + s.parse::<u64>().unwrap()
}

fn section_secs(text: &str) -> u64 {
    secs(text.split(" of ").next().unwrap())
}

#[wasm_bindgen_test]
async fn clocks_are_computed_from_stored_start_and_pause_times() {
    let now = Utc::now();
    let mut doc = CallsDoc::default();
    let id = doc.create(
        "Seeded".into(),
        now.date_naive(),
        now - Duration::seconds(300),
    );
    doc.edit(
        id,
        CallEdit::Clock(ClockAction::Start),
        now - Duration::seconds(95),
    );
    doc.edit(
        id,
        CallEdit::Clock(ClockAction::Pause),
        now - Duration::seconds(5),
    );
    seed(&doc);

    let root = mount_app_keeping_storage(&format!("#/discovery/{id}")).await;
    assert_eq!(
        text_of(&root, "call-clock"),
        "1:30",
        "90 s between start and pause"
    );
    assert_eq!(text_of(&root, "section-clock"), "1:30 of 10:00");
    // Paused: the clock does not move and the button offers Start.
    sleep_ms(1100).await;
    assert_eq!(text_of(&root, "call-clock"), "1:30");
    button(&root, "Start");
}

#[wasm_bindgen_test]
async fn a_running_timer_survives_a_remount() {
    // A call started 65 s ago and never paused: the tab was closed mid-call.
    let now = Utc::now();
    let mut doc = CallsDoc::default();
    let id = doc.create(
        "Running".into(),
        now.date_naive(),
        now - Duration::seconds(70),
    );
    doc.edit(
        id,
        CallEdit::Clock(ClockAction::Start),
        now - Duration::seconds(65),
    );
    seed(&doc);

    let root = mount_app_keeping_storage(&format!("#/discovery/{id}")).await;
    let first = secs(&text_of(&root, "call-clock"));
    assert!(
        (65..=67).contains(&first),
        "shows {first} s, not a restart from zero"
    );
    button(&root, "Pause");

    // Move on to the next section, let it run, and mount the app afresh.
    click(&button(&root, "Next section"));
    settle().await;
    sleep_ms(1100 + AFTER_SAVE_MS).await;
    let root = mount_app_keeping_storage(&format!("#/discovery/{id}")).await;
    let after = secs(&text_of(&root, "call-clock"));
    assert!(after > first, "kept counting: {first} s then {after} s");
    assert!(root
        .text_content()
        .unwrap()
        .contains("Section 2 of 4: Pain quantification"));
    assert!(section_secs(&text_of(&root, "section-clock")) >= 1);
    button(&root, "Pause");

    // And it keeps ticking on its own.
    sleep_ms(1200).await;
    assert!(secs(&text_of(&root, "call-clock")) > after);
    click(&button(&root, "Pause"));
    sleep_ms(AFTER_SAVE_MS).await;
}

#[wasm_bindgen_test]
async fn buttons_drive_the_clock_the_talk_balance_and_the_checks() {
    let root = mount_app("#/discovery").await;
    click(&button(&root, "Start your first call"));
    settle().await;
    click(&button(&root, "Start"));
    settle().await;
    button(&root, "Pause");

    let rep = find(&root, "button[aria-keyshortcuts='R']").expect("rep toggle");
    let buyer = find(&root, "button[aria-keyshortcuts='B']").expect("buyer toggle");
    assert_eq!(text_of(&root, "talk-ratio"), "—");
    click(&rep);
    settle().await;
    assert_eq!(rep.get_attribute("aria-pressed").as_deref(), Some("true"));
    sleep_ms(1100).await;
    click(&buyer);
    settle().await;
    assert_eq!(rep.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(buyer.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(
        text_of(&root, "talk-ratio"),
        "100%",
        "only the rep has talked a full second"
    );
    sleep_ms(3100).await;
    click(&buyer);
    settle().await;
    let share: u32 = text_of(&root, "talk-ratio")
        .trim_end_matches('%')
        .parse()
        .unwrap();
    assert!((15..=40).contains(&share), "about 1 s of 4: {share}%");

    let topic = |id: &str| {
        find(
            &root,
            &format!("[data-testid='coverage-missing'] [data-topic='{id}']"),
        )
    };
    assert!(topic("quantified-pain").is_some());
    set_value(
        &input_by_label(&root, "Monthly cost of the problem"),
        "2500",
    );
    settle().await;
    assert_eq!(text_of(&root, "cost-of-inaction-annual"), "$30,000");
    assert_eq!(text_of(&root, "payback-months"), "—", "no price yet");
    set_value(&input_by_label(&root, "Proposed annual price"), "12000");
    settle().await;
    assert_eq!(text_of(&root, "payback-months"), "4.8");
    assert!(
        topic("quantified-pain").is_none(),
        "the coverage list shrinks"
    );
    assert!(topic("economic-buyer").is_some());

    click(&button(&root, "Pause"));
    settle().await;
    sleep_ms(AFTER_SAVE_MS).await;
    assert_eq!(text_of(&root, "save-status"), "✓ Saved");
}

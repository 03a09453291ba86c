use crate::components::download_text;
use crate::storage::browser::{
    backups, clear_all, export_bundle, is_persistent, remove_backup, snapshot, stored_documents,
    write_documents,
};
use crate::storage::{parse_import, ExportBundle};
use crate::tools::restore::{contents, describe, merged};
use crate::tools::validate_document;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What was stored before an import, key by key, for "Undo import".
type Snapshot = Vec<(String, Option<String>)>;

/// Where the import is: nothing changes until the user has seen what a
/// file holds against what is here, and chosen Replace or Merge.
#[derive(Clone, PartialEq)]
enum ImportState {
    Idle,
    /// A checked file, waiting for a choice.
    Preview {
        docs: Vec<(String, String)>,
        question: String,
    },
    /// Imported; `undo` puts back exactly what was there.
    Done {
        message: String,
        undo: Snapshot,
    },
    Undone,
    Failed(String),
}

/// "This file has 4 deals and 2 calls, exported on 1 Dec 2026. This
/// browser has 5 deals and 2 calls."
fn preview_question(text: &str, docs: &[(String, String)]) -> String {
    let exported = serde_json::from_str::<ExportBundle>(text)
        .ok()
        .and_then(|b| chrono::DateTime::parse_from_rfc3339(&b.exported_at).ok())
        .map(|at| {
            let day = at.with_timezone(&chrono::Local).date_naive();
            format!(", exported on {}", crate::dates::day_month_year(day))
        })
        .unwrap_or_default();
    format!(
        "This file has {}{exported}. This browser has {}.",
        describe(contents(docs)),
        describe(contents(&stored_documents()))
    )
}

/// Writes the file's documents, replacing or merging, and returns what was
/// there before and what to tell the user.
fn apply_import(docs: &[(String, String)], merge: bool) -> (Snapshot, String) {
    let keys: Vec<String> = docs.iter().map(|(k, _)| k.clone()).collect();
    let before = snapshot(&keys);
    let writes: Snapshot = docs
        .iter()
        .zip(&before)
        .map(|((key, theirs), (_, ours))| {
            let text = if merge {
                merged(key, ours.as_deref(), theirs)
            } else {
                theirs.clone()
            };
            (key.clone(), Some(text))
        })
        .collect();
    let kept = write_documents(&writes);
    let n = docs.len();
    let tools = if n == 1 {
        "1 tool".to_string()
    } else {
        format!("{n} tools")
    };
    let how = if merge {
        "merged with what was here"
    } else {
        "replacing what was here"
    };
    let message = if kept {
        format!("Imported {tools}, {how}.")
    } else {
        format!("Imported {tools}, {how}, but your browser's storage is full: the data is only kept until you close this page.")
    };
    (before, message)
}

/// Export, import and reset: the user's own copy of their data, so storage
/// in one browser is never the only place it lives.
#[component]
pub fn DataPage() -> impl IntoView {
    // Bumped when storage changes here, to re-read the list of backups.
    let changes = RwSignal::new(0u32);
    let import_state = RwSignal::new(ImportState::Idle);
    let confirming_reset = RwSignal::new(false);
    let reset_done = RwSignal::new(false);
    let backup_list = Memo::new(move |_| {
        changes.get();
        backups()
    });

    let export = move |_| {
        let now = chrono::Utc::now();
        let text = export_bundle(&now.to_rfc3339());
        download_text(
            &format!(
                "stagecraft-data-{}.json",
                // The user's own calendar day, not the UTC one.
                crate::dates::iso_date(now.with_timezone(&chrono::Local).date_naive())
            ),
            "application/json",
            &text,
        );
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            let Some(text) = text else {
                import_state.set(ImportState::Failed("That file couldn't be read.".into()));
                return;
            };
            match parse_import(&text, validate_document) {
                Err(crate::storage::ImportError::BadDocument { key, reason }) => {
                    import_state.set(ImportState::Failed(format!(
                        "The {} in this file can't be used: {reason}. Nothing was imported.",
                        crate::tools::document_label(&key)
                    )))
                }
                Err(e) => import_state.set(ImportState::Failed(e.to_string())),
                Ok(docs) => {
                    let question = preview_question(&text, &docs);
                    import_state.set(ImportState::Preview { docs, question });
                    crate::components::focus_after_render("sc-import-question");
                }
            }
        });
    };
    let choose = move |merge: bool| {
        let ImportState::Preview { docs, .. } = import_state.get_untracked() else {
            return;
        };
        let (undo, message) = apply_import(&docs, merge);
        import_state.set(ImportState::Done { message, undo });
        changes.update(|n| *n += 1);
    };
    let undo_import = move |_| {
        if let ImportState::Done { undo, .. } = import_state.get_untracked() {
            write_documents(&undo);
            import_state.set(ImportState::Undone);
            changes.update(|n| *n += 1);
        }
    };

    let reset = move |_| {
        clear_all();
        confirming_reset.set(false);
        reset_done.set(true);
        changes.update(|n| *n += 1);
    };

    view! {
        <section class="sc-tool sc-stack sc-data">
            <h1 class="sc-page-title">"Your data"</h1>
            <p class="sc-lede">
                "Everything you enter stays in this browser. "
                {if is_persistent() {
                    "Export a copy to move it to another browser or keep a backup."
                } else {
                    "Storage is unavailable here, so export a copy before you close this page."
                }}
            </p>

            <div class="sc-card sc-stack">
                <h2>"Currency"</h2>
                <p>"Every amount in every tool, on screen and in what you copy or download, uses this currency. It starts as your browser's."</p>
                <super::CurrencySelect id="sc-data-currency" label="Currency for all tools" />
            </div>

            <div class="sc-card sc-stack">
                <h2>"Export"</h2>
                <p>"One JSON file with your audits, deals, calls and benchmark inputs."</p>
                <div class="sc-row">
                    <button type="button" class="sc-button sc-button--primary" on:click=export>"Export my data"</button>
                </div>
            </div>

            <div class="sc-card sc-stack">
                <h2>"Import"</h2>
                <p id="sc-import-hint">"The file is checked first, then you see what it holds and choose to replace or merge. Nothing changes before that, and an import can be undone."</p>
                <div class="sc-field">
                    <label class="sc-field__label" for="sc-import-file">"Import a Stagecraft export"</label>
                    <input
                        id="sc-import-file"
                        class="sc-input"
                        type="file"
                        accept="application/json,.json"
                        aria-describedby="sc-import-hint sc-import-result"
                        on:change=on_file
                    />
                </div>
                {move || match import_state.get() {
                    ImportState::Preview { question, .. } => Some(view! {
                        <div class="sc-confirm sc-stack" role="group" aria-labelledby="sc-import-question">
                            <p id="sc-import-question" tabindex="-1"><strong>{question}</strong></p>
                            <p>"Merge keeps both: a deal or call in both keeps its more recent edit, and calculator inputs and settings stay as they are here unless empty. Replace puts the file's data in place of this browser's, tool by tool."</p>
                            <div class="sc-row">
                                <button type="button" class="sc-button sc-button--primary" on:click=move |_| choose(true)>"Merge"</button>
                                <button type="button" class="sc-button sc-button--danger" on:click=move |_| choose(false)>"Replace"</button>
                                <button type="button" class="sc-button" on:click=move |_| import_state.set(ImportState::Idle)>"Cancel"</button>
                            </div>
                        </div>
                    }.into_any()),
                    ImportState::Done { .. } => Some(view! {
                        <div class="sc-row">
                            <button type="button" class="sc-button" on:click=undo_import>"Undo import"</button>
                        </div>
                    }.into_any()),
                    _ => None,
                }}
                <p id="sc-import-result" data-testid="import-result" role="status" aria-live="polite"
                   class:sc-field__error=move || matches!(import_state.get(), ImportState::Failed(_))>
                    {move || match import_state.get() {
                        ImportState::Idle | ImportState::Preview { .. } => String::new(),
                        ImportState::Done { message, .. } => message,
                        ImportState::Undone => "Import undone: your data is as it was before.".to_string(),
                        ImportState::Failed(msg) => msg,
                    }}
                </p>
            </div>

            <Show when=move || !backup_list.get().is_empty()>
                <div class="sc-card sc-stack">
                    <h2>"Backups of damaged data"</h2>
                    <p>"Saved data that couldn't be read was kept here, untouched. Download it to inspect or repair it."</p>
                    <ul class="sc-stack">
                        {move || backup_list.get().into_iter().map(|(key, raw)| {
                            let name = format!("{key}.txt");
                            let remove_key = key.clone();
                            view! {
                                <li class="sc-row">
                                    <code>{key.clone()}</code>
                                    <button type="button" class="sc-button" on:click=move |_| download_text(&name, "text/plain", &raw)>
                                        "Download"
                                    </button>
                                    <button type="button" class="sc-button sc-button--ghost" on:click=move |_| {
                                        remove_backup(&remove_key);
                                        changes.update(|n| *n += 1);
                                    }>
                                        "Delete backup"
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            </Show>

            <div class="sc-card sc-stack">
                <h2>"Reset"</h2>
                <p>"Deletes every audit, deal, call and benchmark input stored in this browser. This can't be undone, so export first if you may need it."</p>
                <Show
                    when=move || confirming_reset.get()
                    fallback=move || view! {
                        <div class="sc-row">
                            <button type="button" class="sc-button sc-button--danger" on:click=move |_| {
                                reset_done.set(false);
                                confirming_reset.set(true);
                            }>"Reset all data"</button>
                        </div>
                    }
                >
                    <div class="sc-confirm sc-stack" role="group" aria-labelledby="sc-reset-question">
                        <p id="sc-reset-question"><strong>"Delete all your Stagecraft data in this browser?"</strong></p>
                        <div class="sc-row">
                            <button type="button" class="sc-button sc-button--danger" on:click=reset>"Yes, delete everything"</button>
                            <button type="button" class="sc-button" on:click=move |_| confirming_reset.set(false)>"Cancel"</button>
                        </div>
                    </div>
                </Show>
                <p role="status" data-testid="reset-result">{move || if reset_done.get() { "All data deleted." } else { "" }}</p>
            </div>
        </section>
    }
}

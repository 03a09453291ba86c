use crate::components::download_text;
use crate::storage::browser::{
    backups, clear_all, export_bundle, import_documents, is_persistent, remove_backup, snapshot,
    storage_full, stored_documents, ImportWrite,
};
use crate::storage::{backup_writes, parse_import, ExportBundle, ImportError, ImportPlan};
use crate::tools::document_label;
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
    /// A checked file, waiting for a choice. `aside` says what in it
    /// can't be imported and will be kept as backups (empty if nothing).
    Preview {
        plan: ImportPlan,
        question: String,
        aside: String,
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

/// What in the file is kept aside as backups instead of imported, in plain
/// words, naming each piece and why: "The calls in this file can't be used
/// (it is damaged…), so its text will be kept as a backup, not imported."
/// `done` picks the tense. Empty when the file is all usable. A hostile
/// file of a thousand bad entries gets five sentences and a count.
fn aside_text(plan: &ImportPlan, done: bool) -> String {
    let (kept, too) = if done {
        (
            "its text was kept as a backup, listed under “Backups of damaged data”",
            "was kept with your backups",
        )
    } else {
        (
            "its text will be kept as a backup, not imported",
            "will be kept with your backups",
        )
    };
    let mut parts: Vec<String> = plan
        .skipped
        .iter()
        .map(|u| {
            format!(
                "The {} in this file can't be used ({}), so {kept}.",
                document_label(&u.key),
                u.reason
            )
        })
        .collect();
    parts.extend(plan.backups.iter().map(|(key, _)| {
        format!(
            "The file's backup of damaged {} {too}.",
            document_label(key)
        )
    }));
    const SHOWN: usize = 5;
    if parts.len() > SHOWN {
        let more = parts.len() - SHOWN;
        parts.truncate(SHOWN);
        parts.push(format!(
            "{more} more entries in the file {}.",
            if done {
                "were kept as backups too"
            } else {
                "will be kept as backups too"
            }
        ));
    }
    parts.join(" ")
}

/// Writes the file's documents, replacing or merging, and keeps what it
/// holds that can't be used as backups, all or nothing. Returns what was
/// there before (for undo: it also removes the backups the import made)
/// and what to tell the user, or why nothing was imported.
fn apply_import(plan: &ImportPlan, merge: bool) -> Result<(Snapshot, String), String> {
    let aside = backup_writes(&plan.kept_aside(), &backups());
    let keys: Vec<String> = plan
        .docs
        .iter()
        .chain(&aside)
        .map(|(k, _)| k.clone())
        .collect();
    let before = snapshot(&keys);
    let mut writes: Snapshot = plan
        .docs
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
    writes.extend(aside.into_iter().map(|(k, v)| (k, Some(v))));
    let how_kept = match import_documents(&writes) {
        ImportWrite::Kept => "",
        ImportWrite::InMemory if storage_full() => {
            " Your browser's storage is full, so this lasts only until you close this page: export a copy before then."
        }
        ImportWrite::InMemory => {
            " Storage is unavailable here, so this lasts only until you close this page: export a copy before then."
        }
        ImportWrite::Full => return Err(ImportError::StorageFull.to_string()),
        ImportWrite::Unreadable => return Err(ImportError::Unreadable.to_string()),
    };
    let n = plan.docs.len();
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
    let aside = aside_text(plan, true);
    let aside = if aside.is_empty() {
        aside
    } else {
        format!(" {aside}")
    };
    Ok((before, format!("Imported {tools}, {how}.{how_kept}{aside}")))
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
        let text = export_bundle(&now.to_rfc3339(), validate_document);
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
                Err(ImportError::BadDocument { key, reason }) => {
                    import_state.set(ImportState::Failed(format!(
                        "The {} in this file can't be used: {reason}. Nothing was imported.",
                        document_label(&key)
                    )))
                }
                Err(e) => import_state.set(ImportState::Failed(e.to_string())),
                Ok(plan) => {
                    let question = preview_question(&text, &plan.docs);
                    let aside = aside_text(&plan, false);
                    import_state.set(ImportState::Preview {
                        plan,
                        question,
                        aside,
                    });
                    crate::components::focus_after_render("sc-import-question");
                }
            }
        });
    };
    let choose = move |merge: bool| {
        let ImportState::Preview { plan, .. } = import_state.get_untracked() else {
            return;
        };
        import_state.set(match apply_import(&plan, merge) {
            Ok((undo, message)) => ImportState::Done { message, undo },
            Err(message) => ImportState::Failed(message),
        });
        changes.update(|n| *n += 1);
    };
    let undo_import = move |_| {
        if let ImportState::Done { undo, .. } = import_state.get_untracked() {
            // All or nothing too: a refused undo leaves the import in place,
            // whole, and says so.
            import_state.set(match import_documents(&undo) {
                ImportWrite::Full | ImportWrite::Unreadable => ImportState::Failed(
                    "The import could not be undone: your browser refused to save. The imported data is still in place, whole.".into(),
                ),
                _ => ImportState::Undone,
            });
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
                    ImportState::Preview { question, aside, .. } => Some(view! {
                        <div class="sc-confirm sc-stack" role="group" aria-labelledby="sc-import-question">
                            <p id="sc-import-question" tabindex="-1"><strong>{question}</strong></p>
                            {(!aside.is_empty()).then(|| view! { <p data-testid="import-aside">{aside}</p> })}
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

use crate::components::download_text;
use crate::storage::browser::{
    backups, clear_all, export_bundle, import_bundle, is_persistent, remove_backup,
};
use crate::tools::validate_document;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Outcome of the last import, shown under the import control.
#[derive(Clone, PartialEq)]
enum ImportState {
    Idle,
    Done(usize),
    Failed(String),
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
                crate::dates::iso_date(now.date_naive())
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
            match import_bundle(&text, validate_document) {
                Err(e) => import_state.set(ImportState::Failed(e.to_string())),
                Ok(outcome) => {
                    import_state.set(if outcome.kept {
                        ImportState::Done(outcome.count)
                    } else {
                        ImportState::Failed(
                            "Imported, but your browser's storage is full: the data is only kept until you close this page.".into(),
                        )
                    });
                    changes.update(|n| *n += 1);
                }
            }
        });
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
                <p id="sc-import-hint">"Replaces the tools found in the file. The file is checked first; if anything in it is wrong, nothing changes."</p>
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
                <p id="sc-import-result" data-testid="import-result" role="status" aria-live="polite"
                   class:sc-field__error=move || matches!(import_state.get(), ImportState::Failed(_))>
                    {move || match import_state.get() {
                        ImportState::Idle => String::new(),
                        ImportState::Done(n) => format!("Imported {n} tool{}.", if n == 1 { "" } else { "s" }),
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

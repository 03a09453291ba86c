use crate::components::download_text;
use crate::storage::browser::{export_bundle, is_full, Notice, Notices};
use leptos::prelude::*;

/// Downloads everything this page holds (stored data plus what is only in
/// memory) as one file, without leaving the page: the storage notices offer
/// it too, where navigating to `#/data` could load another page and drop
/// the unsaved edits held in memory.
pub(super) fn download_export() {
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
}

/// Storage problems, in plain words, above whatever tool is open. Quiet
/// (`role="status"`) because none of them stops the user from working. Each
/// says exactly what is kept and what isn't; where edits live only in
/// memory, the export is a button on this page (a link to `#/data` may load
/// another page and lose them).
#[component]
pub fn NoticeBanners() -> impl IntoView {
    let notices = expect_context::<Notices>();
    view! {
        <div class="sc-notices" role="status" aria-live="polite">
            {move || notices.list().get().into_iter().enumerate().map(|(i, n)| {
                let dismiss = move |_| notices.dismiss(i);
                match n {
                    // Inside a widget the host page's layout matters: one line.
                    Notice::MemoryOnly if crate::shell::is_embedded() => view! {
                        <div class="sc-notice" data-testid="notice-memory-only">
                            <p>"Your browser blocks saving here, so answers won't be kept after you leave."</p>
                            <button type="button" class="sc-button sc-button--ghost" on:click=dismiss>"Dismiss"</button>
                        </div>
                    }.into_any(),
                    Notice::MemoryOnly if is_full() => view! {
                        <div class="sc-notice sc-notice--warn" data-testid="notice-storage-full">
                            <p>"Your browser's storage is full. What was saved before is shown and kept; changes you make now are only kept until you close this page. Export your data to keep a copy."</p>
                            <button type="button" class="sc-button" on:click=move |_| download_export()>"Export my data"</button>
                            <button type="button" class="sc-button sc-button--ghost" on:click=dismiss>"Dismiss"</button>
                        </div>
                    }.into_any(),
                    Notice::MemoryOnly => view! {
                        <div class="sc-notice" data-testid="notice-memory-only">
                            <p>"This browser isn't letting Stagecraft save. Everything works, but your answers will be gone when you close this page."</p>
                            <button type="button" class="sc-button sc-button--ghost" on:click=dismiss>"Dismiss"</button>
                        </div>
                    }.into_any(),
                    Notice::WriteFailed => view! {
                        <div class="sc-notice sc-notice--warn" data-testid="notice-write-failed">
                            <p>"Your browser's storage is full, so recent changes are only kept until you close this page. What was saved before is still kept. Export your data to keep a copy."</p>
                            <button type="button" class="sc-button" on:click=move |_| download_export()>"Export my data"</button>
                            <button type="button" class="sc-button sc-button--ghost" on:click=dismiss>"Dismiss"</button>
                        </div>
                    }.into_any(),
                    Notice::ReadFailed { key } => view! {
                        <div class="sc-notice sc-notice--warn" data-testid="notice-read-failed">
                            <p>
                                "Your browser wouldn't let Stagecraft read its saved data (" <code>{key}</code>
                                "). We left it untouched; this tool starts empty here and its changes are only kept until you close this page."
                            </p>
                            <button type="button" class="sc-button" on:click=move |_| download_export()>"Export my data"</button>
                            <button type="button" class="sc-button sc-button--ghost" on:click=dismiss>"Dismiss"</button>
                        </div>
                    }.into_any(),
                    Notice::Corrupt { key, backup_key, raw, reason, backed_up } => {
                        let filename = format!("{backup_key}.txt");
                        let kept = if backed_up {
                            ". We kept the original text as a backup and started this tool fresh."
                        } else {
                            ". Storage is too full to keep a backup, so the original text is left where it was, untouched; this tool starts fresh and its changes are only kept until you close this page."
                        };
                        view! {
                            <div class="sc-notice sc-notice--bad" data-testid="notice-corrupt">
                                <p>
                                    "Some saved data (" <code>{key}</code> ") couldn't be read: " {reason}
                                    {kept}
                                </p>
                                <button type="button" class="sc-button" on:click=move |_| download_text(&filename, "text/plain", &raw)>
                                    "Download the damaged data"
                                </button>
                                <button type="button" class="sc-button sc-button--ghost" on:click=dismiss>"Dismiss"</button>
                            </div>
                        }.into_any()
                    }
                    Notice::Newer { key, found } => view! {
                        <div class="sc-notice sc-notice--warn" data-testid="notice-newer">
                            <p>
                                "Your saved data (" <code>{key}</code> ") was written by a newer version of Stagecraft (format "
                                {found.to_string()} "). We left it untouched and it is kept; changes made here are only kept until you close this page. Reload to get the latest version."
                            </p>
                            <button type="button" class="sc-button sc-button--ghost" on:click=dismiss>"Dismiss"</button>
                        </div>
                    }.into_any(),
                }
            }).collect_view()}
        </div>
    }
}

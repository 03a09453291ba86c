use crate::components::download_text;
use crate::storage::browser::{Notice, Notices};
use leptos::prelude::*;

/// Storage problems, in plain words, above whatever tool is open. Quiet
/// (`role="status"`) because none of them stops the user from working.
#[component]
pub fn NoticeBanners() -> impl IntoView {
    let notices = expect_context::<Notices>();
    view! {
        <div class="sc-notices" role="status" aria-live="polite">
            {move || notices.list().get().into_iter().enumerate().map(|(i, n)| {
                let dismiss = move |_| notices.dismiss(i);
                match n {
                    // Inside a widget the host page's layout matters: one line.
                    // Inside a widget the host page's layout matters: one line,
                    // and (where the browser can ask) a way to keep the answers.
                    Notice::MemoryOnly if crate::shell::is_embedded() => {
                        let refused = RwSignal::new(false);
                        let keep = move |_| {
                            leptos::task::spawn_local(async move {
                                if super::storage_access::keep(false).await {
                                    notices.remove(&Notice::MemoryOnly);
                                } else {
                                    refused.try_set(true);
                                }
                            });
                        };
                        view! {
                            <div class="sc-notice" data-testid="notice-memory-only">
                                <p>{move || if refused.get() {
                                    "Your browser said no, so answers last only until you leave this page."
                                } else {
                                    "Your browser blocks saving here, so answers won't be kept after you leave."
                                }}</p>
                                {super::storage_access::can_ask().then(|| view! {
                                    <button type="button" class="sc-button" on:click=keep disabled=refused>
                                        "Keep my answers on this device"
                                    </button>
                                })}
                                <button type="button" class="sc-button sc-button--ghost" on:click=dismiss>"Dismiss"</button>
                            </div>
                        }.into_any()
                    }
                    Notice::MemoryOnly => view! {
                        <div class="sc-notice" data-testid="notice-memory-only">
                            <p>"This browser isn't letting Stagecraft save. Everything works, but your answers will be gone when you close this page."</p>
                            <button type="button" class="sc-button sc-button--ghost" on:click=dismiss>"Dismiss"</button>
                        </div>
                    }.into_any(),
                    Notice::WriteFailed => view! {
                        <div class="sc-notice sc-notice--warn" data-testid="notice-write-failed">
                            <p>"Your browser's storage is full, so recent changes are only kept until you close this page. Export your data to keep a copy."</p>
                            <a class="sc-button sc-button--ghost" href="#/data">"Export my data"</a>
                            <button type="button" class="sc-button sc-button--ghost" on:click=dismiss>"Dismiss"</button>
                        </div>
                    }.into_any(),
                    Notice::ReadFailed { key } => view! {
                        <div class="sc-notice sc-notice--warn" data-testid="notice-read-failed">
                            <p>
                                "Your browser wouldn't let Stagecraft read your saved data (" <code>{key}</code>
                                "), so this tool started empty. That data is left as it was; changes made here last until you close this page."
                            </p>
                            <button type="button" class="sc-button sc-button--ghost" on:click=dismiss>"Dismiss"</button>
                        </div>
                    }.into_any(),
                    Notice::Corrupt { key, backup_key, raw, reason, backed_up } => {
                        let filename = format!("{backup_key}.txt");
                        // Say exactly what is and isn't kept.
                        let kept = if backed_up {
                            ". We kept the original text as a backup and started this tool fresh."
                        } else {
                            ". Storage is full, so no backup could be made: the damaged text is left as it was (download it to keep a copy), and changes made here last until you close this page."
                        };
                        view! {
                            <div class="sc-notice sc-notice--bad" data-testid="notice-corrupt">
                                <p>
                                    "Some saved data (" <code>{key}</code> ") couldn't be read: " {reason} {kept}
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
                                {found} "). We left it untouched; changes made here won't be saved. Reload to get the latest version."
                            </p>
                            <button type="button" class="sc-button sc-button--ghost" on:click=dismiss>"Dismiss"</button>
                        </div>
                    }.into_any(),
                }
            }).collect_view()}
        </div>
    }
}

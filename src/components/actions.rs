use super::listen::Timer;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Saves `text` as a file through a temporary object URL, so nothing ever
/// leaves the page.
pub fn download_text(filename: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = document();
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(filename);
            a.set_class_name("sc-visually-hidden");
            if let Some(body) = document.body() {
                let _ = body.append_child(&a);
                a.click();
                let _ = body.remove_child(&a);
            }
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Copies plain text (a summary, a recap) for pasting into email or a CRM.
#[component]
pub fn CopyButton(
    /// Button text, such as "Copy summary".
    #[prop(into)]
    label: String,
    /// What gets copied, computed when clicked.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    // The async Clipboard API exists only on secure (https or localhost)
    // pages; elsewhere the button says why it can't work.
    let navigator = window().navigator();
    let supported = window().is_secure_context()
        && js_sys::Reflect::has(&navigator, &"clipboard".into()).unwrap_or(false);
    let copied = RwSignal::new(false);
    let reset = Timer::new();
    let copy = move |text: &str| {
        let written = navigator.clipboard().write_text(text);
        let reset = reset.clone();
        leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(written).await.is_ok() {
                copied.try_set(true);
                reset.restart(1500, move || {
                    copied.try_set(false);
                });
            }
        });
    };
    let label_now = move || {
        if copied.get() {
            "Copied".to_string()
        } else {
            label.clone()
        }
    };
    view! {
        <button
            type="button"
            class="sc-button"
            disabled=!supported
            title=(!supported).then_some("Copying needs a secure (https) page")
            on:click=move |_| copy(&text.get_untracked())
        >
            {label_now}
        </button>
        <span class="sc-visually-hidden" role="status">{move || if copied.get() { "Copied to clipboard" } else { "" }}</span>
    }
}

/// Saves text as a file (CSV, Markdown, JSON).
#[component]
pub fn DownloadButton(
    /// Button text, such as "Download CSV".
    #[prop(into)]
    label: String,
    /// Suggested file name.
    #[prop(into)]
    filename: String,
    /// MIME type of the file.
    mime: &'static str,
    /// File contents, computed when clicked.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="sc-button"
            on:click=move |_| download_text(&filename, mime, &text.get_untracked())
        >
            {label}
        </button>
    }
}

/// Opens the browser's print dialog; the print stylesheet does the rest.
#[component]
pub fn PrintButton() -> impl IntoView {
    view! {
        <button type="button" class="sc-button" on:click=move |_| { let _ = window().print(); }>
            "Print"
        </button>
    }
}

/// The file an `ExportActions` row offers to save.
pub struct Download {
    /// Button text, such as "Download CSV".
    pub label: &'static str,
    /// Suggested file name.
    pub filename: String,
    /// MIME type of the file.
    pub mime: &'static str,
    /// File contents, computed when clicked.
    pub text: Signal<String>,
}

/// The "take this with you" row every result screen ends with: copy as
/// text, optionally download a file, print; extra buttons (such as
/// "Retake the audit") follow in the same row. One component, so the
/// buttons come in the same order and wording everywhere.
#[component]
pub fn ExportActions(
    /// Copy button text, such as "Copy summary".
    copy_label: &'static str,
    /// What the copy button copies, computed when clicked.
    #[prop(into)]
    copy_text: Signal<String>,
    /// The file to offer, if this screen has one.
    #[prop(optional)]
    download: Option<Download>,
    /// Leaves the row off the printed page (most screens print without
    /// their buttons).
    #[prop(optional)]
    no_print: bool,
    /// More buttons after Print.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="sc-row" class:sc-no-print=no_print>
            <CopyButton label=copy_label text=copy_text />
            {download.map(|d| view! {
                <DownloadButton label=d.label filename=d.filename mime=d.mime text=d.text />
            })}
            <PrintButton />
            {children.map(|c| c())}
        </div>
    }
}

//! The recap: everything captured, ready to paste into an email or CRM,
//! download as Markdown, or print.

use super::call::recap_text;
use super::{deals, href, today};
use crate::components::{Download, ExportActions};
use crate::tools::discovery::model::{
    recap_filename, recap_parts, Call, RecapContext, RecapFormat, Screen,
};
use chrono::Utc;
use leptos::prelude::*;

/// The recap screen of one call.
#[component]
pub fn RecapScreen(
    /// The call to sum up.
    call: Memo<Call>,
) -> impl IntoView {
    let id = call.with_untracked(|c| c.id);
    let deal = call
        .with_untracked(|c| c.deal_id.clone())
        .and_then(|d| deals::deal_name(&d));
    let parts = Memo::new(move |_| {
        call.with(|c| {
            recap_parts(
                c,
                RecapContext {
                    deal_name: deal.as_deref(),
                    now: Utc::now(),
                    today: today(),
                },
            )
        })
    });
    let plain = Signal::derive(move || call.with(|c| recap_text(c, RecapFormat::Plain)));
    let markdown = Signal::derive(move || call.with(|c| recap_text(c, RecapFormat::Markdown)));
    let filename = call.with_untracked(recap_filename);

    view! {
        <article class="sc-stack sc-discovery-recap">
            <p class="sc-no-print sc-discovery-back"><a href=href(Screen::Call(id))>"← Back to the call"</a></p>
            <header class="sc-stack">
                <h1 class="sc-page-title">{move || format!("Recap: {}", parts.with(|p| p.title.clone()))}</h1>
                <p class="sc-lede">{move || parts.with(|p| p.meta.clone())}</p>
            </header>
            <ExportActions
                copy_label="Copy recap"
                copy_text=plain
                download=Download { label: "Download", filename, mime: "text/markdown", text: markdown }
                no_print=true
            />
            <p class="sc-field__hint sc-no-print">
                "Copy gives plain text for an email or CRM note. Download saves Markdown."
            </p>
            <div class="sc-discovery-recap__blocks" data-testid="recap">
                {move || {
                    parts.with(|p| {
                        p.blocks
                            .iter()
                            .map(|block| view! {
                                <section class="sc-card sc-stack">
                                    <h2>{block.heading}</h2>
                                    <ul>
                                        {block.lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}
                                    </ul>
                                </section>
                            })
                            .collect_view()
                    })
                }}
            </div>
        </article>
    }
}

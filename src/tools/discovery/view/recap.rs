//! The two recaps of a call: an email to the buyer (only what is safe to
//! send them) and a CRM note (everything); copy, download as Markdown or
//! print either. Then the call's dates and people as files a calendar and
//! an address book open.

use super::{deals, href, today};
use crate::components::{Download, DownloadButton, ExportActions};
use crate::tools::discovery::model::{
    call_calendar, call_contacts, call_filename, contact_count, has_dates, recap, recap_filename,
    recap_parts, undated_steps, Audience, Call, RecapContext, RecapFormat, Screen,
};
use chrono::Utc;
use leptos::prelude::*;

/// One recap of `call` as text, for a copy button: the linked deal is
/// looked up when it is built, so a renamed deal shows its new name.
pub fn recap_text(call: &Call, audience: Audience, format: RecapFormat) -> String {
    let deal = call.deal_id.as_deref().and_then(deals::deal_name);
    recap(call, context(audience, deal.as_deref()), format)
}

/// The recap screen of one call.
#[component]
pub fn RecapScreen(
    /// The call to sum up.
    call: Memo<Call>,
) -> impl IntoView {
    let id = call.with_untracked(|c| c.id);
    let deal_id = call.with_untracked(|c| c.deal_id.clone());
    let linked = deal_id.as_deref().and_then(deals::linked_deal);
    let company = linked.as_ref().map(|(_, c)| c.clone()).unwrap_or_default();
    let deal = StoredValue::new(linked.map(|(name, _)| name));
    // The email comes first: it is what the rep sends right after the call.
    let audience = RwSignal::new(Audience::Buyer);
    let parts = Memo::new(move |_| {
        let audience = audience.get();
        deal.with_value(|d| call.with(|c| recap_parts(c, context(audience, d.as_deref()))))
    });
    let text = move |format| {
        let audience = audience.get();
        deal.with_value(|d| call.with(|c| recap(c, context(audience, d.as_deref()), format)))
    };
    let plain = Signal::derive(move || text(RecapFormat::Plain));
    let markdown = Signal::derive(move || text(RecapFormat::Markdown));

    let choice =
        move |value: Audience, key: &'static str, label: &'static str, hint: &'static str| {
            let input_id = format!("dc-recap-{key}");
            let label_for = input_id.clone();
            view! {
                <label class="sc-choice" for=label_for>
                    <input
                        id=input_id
                        type="radio"
                        name="dc-recap-audience"
                        prop:checked=move || audience.get() == value
                        on:change=move |_| audience.set(value)
                    />
                    <span>{label}<small class="sc-field__hint">{hint}</small></span>
                </label>
            }
        };

    view! {
        <article class="sc-stack sc-discovery-recap">
            <p class="sc-no-print sc-discovery-back"><a href=href(Screen::Call(id))>"← Back to the call"</a></p>
            <header class="sc-stack">
                <h1 class="sc-page-title">{move || format!("Recap: {}", parts.with(|p| p.title.clone()))}</h1>
                <p class="sc-lede">{move || parts.with(|p| p.meta.clone())}</p>
            </header>
            <fieldset class="sc-fieldset-grid sc-discovery-recap__audience sc-no-print">
                <legend>"Which recap"</legend>
                {choice(Audience::Buyer, "email", "Email to the buyer", "Their pain and goals in their words, how they decide, and the next steps with owners and dates. No roles, talk share, competitors or notes.")}
                {choice(Audience::Internal, "crm", "CRM note", "Everything captured on the call, for your CRM or your team.")}
            </fieldset>
            {move || {
                let audience = audience.get();
                let (copy_label, label) = match audience {
                    Audience::Buyer => ("Copy email", "Download email (.md)"),
                    Audience::Internal => ("Copy CRM note", "Download CRM note (.md)"),
                };
                let filename = call.with_untracked(|c| recap_filename(c, audience));
                view! {
                    <ExportActions
                        copy_label=copy_label
                        copy_text=plain
                        download=Download { label, filename, mime: "text/markdown", text: markdown }
                        no_print=true
                    />
                }
            }}
            <p class="sc-field__hint sc-no-print">
                "Copy gives plain text to paste into an email or a CRM; the download keeps Markdown."
            </p>
            <div class="sc-discovery-recap__blocks" data-testid="recap">
                {move || {
                    parts.with(|p| {
                        if p.blocks.is_empty() {
                            return view! { <p>"Nothing to send yet: capture the pain, goals or next steps on the call."</p> }.into_any();
                        }
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
                            .into_any()
                    })
                }}
            </div>
            <CallFiles call=call company=company />
        </article>
    }
}

/// What a recap needs besides the call, at this moment.
fn context(audience: Audience, deal_name: Option<&str>) -> RecapContext<'_> {
    RecapContext {
        audience,
        deal_name,
        now: Utc::now(),
        today: today(),
    }
}

/// The call's decision date and dated plan items as a calendar file, and
/// its stakeholders as contact cards. A button with nothing to export is
/// disabled and says why, rather than saving an empty file.
#[component]
fn CallFiles(
    /// The call whose dates and people are exported.
    call: Memo<Call>,
    /// The linked deal's company, the contacts' organisation ("" if none).
    company: String,
) -> impl IntoView {
    let dates = Memo::new(move |_| call.with(|c| (has_dates(c), undated_steps(c))));
    let people = Memo::new(move |_| call.with(contact_count));
    let ics = Signal::derive(move || call.with(|c| call_calendar(c, Utc::now())));
    let vcf = Signal::derive(move || call.with(|c| call_contacts(c, &company)));
    let (ics_name, vcf_name) = call.with_untracked(|c| {
        (
            call_filename(c, "plan", "ics"),
            call_filename(c, "contacts", "vcf"),
        )
    });
    view! {
        <section class="sc-card sc-stack sc-no-print" aria-labelledby="dc-files-h">
            <h2 id="dc-files-h">"Calendar and contacts"</h2>
            <div class="sc-row">
                <Show
                    when=move || dates.get().0
                    fallback=|| view! { <button type="button" class="sc-button" disabled=true>"Download calendar (.ics)"</button> }
                >
                    <DownloadButton label="Download calendar (.ics)" filename=ics_name.clone() mime="text/calendar" text=ics />
                </Show>
                <Show
                    when=move || { people.get() > 0 }
                    fallback=|| view! { <button type="button" class="sc-button" disabled=true>"Download contacts (.vcf)"</button> }
                >
                    <DownloadButton label="Download contacts (.vcf)" filename=vcf_name.clone() mime="text/vcard" text=vcf />
                </Show>
            </div>
            <p class="sc-field__hint" data-testid="files-hint">
                {move || {
                    let (any, undated) = dates.get();
                    let mut text = if any {
                        "The calendar has the decision date and each dated step as an all-day event; importing a newer file updates them.".to_string()
                    } else {
                        "Set a decision date or a due date on a step to get a calendar file.".to_string()
                    };
                    if undated > 0 {
                        text.push_str(&format!(
                            " {undated} {} no due date and {} left out.",
                            if undated == 1 { "step has" } else { "steps have" },
                            if undated == 1 { "is" } else { "are" },
                        ));
                    }
                    let n = people.get();
                    text.push_str(&match n {
                        0 => " Name a stakeholder to get contact cards.".to_string(),
                        1 => " The contacts file has 1 card.".to_string(),
                        n => format!(" The contacts file has {n} cards."),
                    });
                    text
                }}
            </p>
        </section>
    }
}

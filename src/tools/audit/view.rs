//! Views of the audit tool: the route switch (own audit or a shared report)
//! and the flow controller that feeds user actions into the pure reducer.

mod intro;
mod question;
mod report;

use super::model::AnswerSet;
use super::model::{Action, Answer, AuditDoc, Outcome, Step};
use super::share::{share_fragment, AuditRoute, ShareError};
use crate::embed::Completed;
use crate::route::{Route, Tool};
use crate::storage::browser::use_document;
use chrono::NaiveDate;
use leptos::prelude::*;

use intro::Intro;
use question::QuestionScreen;
use report::{Report, ReportMode};

/// Today's local date, for dating a completed audit.
fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    // Only a browser clock outside chrono's range gets here.
    .or(NaiveDate::from_ymd_opt(2026, 1, 1))
    .unwrap_or_default()
}

/// The full URL of a share link for `answers`. Inside a widget whose
/// marketer set `data-stagecraft-share-url`, it points at the marketer's
/// page (whose loader hands the fragment back to the widget); otherwise at
/// this page with the share fragment and no embed options, so it opens the
/// full app.
pub(crate) fn share_url(answers: &AnswerSet) -> String {
    let fragment = share_fragment(answers);
    if let Some(link) =
        crate::shell::embed_options().and_then(|o| o.marketing.share_link(&fragment))
    {
        return link;
    }
    let href = window().location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}{fragment}")
}

/// What `stagecraft:completed` carries for a finished audit.
fn completed_event(set: &AnswerSet) -> Completed {
    Completed::Audit {
        score: set.overall(),
        tier: set.tier().name().to_string(),
        areas: set
            .area_scores()
            .iter()
            .map(|(a, s)| (a.slug(), *s))
            .collect(),
        answers: set.0.iter().map(|a| a.value()).collect(),
        share_url: share_url(set),
    }
}

/// The audit tool. `rest` is the part of the route after `#/audit/`:
/// empty for the user's own audit, `share/<code>` for a shared report.
#[component]
pub fn AuditTool(
    /// The route after the tool's slug.
    #[prop(into)]
    rest: Signal<String>,
) -> impl IntoView {
    let doc = use_document::<AuditDoc>();
    let route = Memo::new(move |_| rest.with(|r| AuditRoute::parse(r)));

    // Adopting a shared audit appends it to history: never a silent
    // overwrite, and only after the visitor confirmed in the shared view.
    let save_shared = Callback::new(move |set| {
        doc.update(|d| {
            // Saving is not "finishing" the audit, so no embed event.
            let _ = d.apply(Action::SaveShared(set), today());
        });
        crate::shell::navigate(&Route::tool(Tool::Audit));
    });

    view! {
        <section class="sc-tool sc-audit">
            {move || match route.get() {
                AuditRoute::Own => view! { <OwnAudit doc=doc /> }.into_any(),
                AuditRoute::Shared(Ok(set)) => view! {
                    <Report answers=set mode=ReportMode::Shared { on_save: save_shared } />
                }
                .into_any(),
                AuditRoute::Shared(Err(error)) => view! {
                    <BadShareLink error=error />
                    <OwnAudit doc=doc />
                }
                .into_any(),
            }}
        </section>
    }
}

/// Explains why a share link could not be opened. The visitor's own data is
/// untouched; the normal audit follows right under this message.
#[component]
fn BadShareLink(
    /// What was wrong with the code in the link.
    error: ShareError,
) -> impl IntoView {
    view! {
        <div class="sc-notice sc-notice--warn" role="alert" data-testid="audit-share-error">
            <p>
                <strong>"This share link can't be opened. "</strong>
                {error.to_string()}
                " Ask the sender for a fresh link, or take the audit yourself below."
            </p>
        </div>
    }
}

/// The user's own audit: intro, one question per screen, then the report.
/// It owns the only writer of the document, `dispatch`.
#[component]
fn OwnAudit(
    /// The persisted audit document (from `use_document`).
    doc: RwSignal<AuditDoc>,
) -> impl IntoView {
    // Focus moves only after the user acted, so a reload (or an embedded
    // widget loading in a host page) never steals focus.
    let user_acted = StoredValue::new(false);
    // The question last changed from the report, so the redrawn report
    // keeps its answer picker open there.
    let revised = StoredValue::new(None::<usize>);
    let dispatch = Callback::new(move |action: Action| {
        user_acted.set_value(true);
        if matches!(action, Action::Answer { .. }) {
            crate::shell::report_started();
        }
        let outcome = doc.try_update(|d| d.apply(action, today())).flatten();
        if let Some(Outcome::Completed { .. }) = outcome {
            if let Some(set) = doc.with_untracked(|d| d.latest().map(|a| a.answers)) {
                crate::shell::report_completed(completed_event(&set));
            }
        }
    });
    // A widget on a landing page opens on question 1 when its marketer
    // asked for that (`data-stagecraft-skip-intro`): the first answer then
    // starts the audit, as it does from the intro.
    let skip_intro = crate::shell::embed_options().is_some_and(|o| o.marketing.skip_intro);
    let from_bare_first = Callback::new(move |action: Action| {
        dispatch.run(Action::Start);
        if !matches!(action, Action::Start | Action::Back) {
            dispatch.run(action);
        }
    });

    // An answer picked on the prerendered first screen, before the wasm
    // arrived, continues the flow as if it had been picked just now.
    let first_name = format!("audit-{}", crate::tools::audit::questions::QUESTIONS[0].id);
    if let Some(answer) = crate::shell::take_prefill(&first_name)
        .and_then(|v| v.parse::<u8>().ok())
        .and_then(Answer::new)
    {
        if doc.with_untracked(|d| matches!(d.screen(), Step::Intro) && !d.in_progress()) {
            dispatch.run(Action::Start);
            dispatch.run(Action::Answer {
                index: 0,
                answer,
                advance: true,
            });
        }
    }

    let screen = Memo::new(move |_| doc.with(AuditDoc::screen));
    let latest = Memo::new(move |_| doc.with(|d| d.latest().copied()));
    let change = Memo::new(move |_| doc.with(AuditDoc::change));
    let history = Memo::new(move |_| doc.with(|d| d.history.clone()));
    let progress = Memo::new(move |_| doc.with(|d| (d.answered(), d.in_progress())));

    // The host hears each move to another question (`stagecraft:step`),
    // not the screen the widget happened to open on.
    Effect::new(move |previous: Option<Step>| {
        let now = screen.get();
        if let (Some(before), Step::Question(i)) = (previous, now) {
            if before != now {
                crate::shell::report_step(i + 1, crate::tools::audit::questions::COUNT);
            }
        }
        now
    });

    move || match screen.get() {
        Step::Intro if skip_intro && !progress.get().1 && latest.with(Option::is_none) => view! {
            <QuestionScreen
                index=0
                answer=Signal::stored(None)
                on_action=from_bare_first
                autofocus=false
                on_intro=true
                attr:data-sc-steady="questions"
            />
        }
        .into_any(),
        Step::Intro => view! {
            <Intro
                answered=Signal::derive(move || progress.get().0)
                in_progress=Signal::derive(move || progress.get().1)
                has_report=Signal::derive(move || latest.with(Option::is_some))
                on_action=dispatch
            />
        }
        .into_any(),
        Step::Question(index) => {
            let answer =
                Signal::derive(move || doc.with(|d| d.answers.get(index).copied().flatten()));
            view! {
                <QuestionScreen
                    index=index
                    answer=answer
                    on_action=dispatch
                    autofocus=user_acted.get_value()
                    attr:data-sc-steady="questions"
                />
            }
            .into_any()
        }
        Step::Report => match latest.get() {
            Some(audit) => view! {
                <Report
                    answers=audit.answers
                    mode=ReportMode::Own {
                        date: audit.date,
                        change: change.get(),
                        history: history.get(),
                        on_retake: Callback::new(move |_| dispatch.run(Action::Retake)),
                        on_revise: Callback::new(move |(index, answer)| {
                            revised.set_value(Some(index));
                            dispatch.run(Action::Revise { index, answer });
                        }),
                        revised: revised.get_value(),
                        autofocus: user_acted.get_value(),
                    }
                />
            }
            .into_any(),
            None => ().into_any(),
        },
    }
}

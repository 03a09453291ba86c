//! The audit report: the score first, then the fixes in order of value,
//! then the detail. The same component shows the user's own report and a
//! read-only shared one.

use super::share_url;
use crate::components::{use_field, Badge, CopyButton, ExportActions, Field};
use crate::dates::iso_date;
use crate::route::{Route, Tool};
use crate::tone::Tone;
use crate::tools::audit::model::{
    signed, summary_with_link, Answer, AnswerSet, Change, CompletedAudit, Fix, Tier, TOP_FIXES,
};
use crate::tools::audit::questions::Area;
use chrono::NaiveDate;
use leptos::prelude::*;

/// Whose report this is, and what it may do.
pub enum ReportMode {
    /// The user's latest completed audit.
    Own {
        date: NaiveDate,
        /// Movement since the previous completed audit, if there is one.
        change: Option<Change>,
        /// Every completed audit, oldest first.
        history: Vec<CompletedAudit>,
        on_retake: Callback<()>,
        /// Changes one answer of this audit (question index, new answer).
        on_revise: Callback<(usize, Answer)>,
        /// The question just changed from the report: its picker stays
        /// open and focused after the report redraws with the new score.
        revised: Option<usize>,
        /// Move focus to the heading (only right after finishing).
        autofocus: bool,
    },
    /// Someone else's audit opened from a share link: read-only.
    Shared {
        /// Adopts the shared answers as the visitor's own audit.
        on_save: Callback<AnswerSet>,
    },
}

/// The report for one set of answers.
#[component]
pub fn Report(
    /// The answers being reported on.
    answers: AnswerSet,
    /// Own report (with history, retake) or shared (read-only).
    mode: ReportMode,
) -> impl IntoView {
    let score = answers.overall();
    let tier = answers.tier();
    let (date, change, history, autofocus, on_retake, on_save, revise) = match mode {
        ReportMode::Own {
            date,
            change,
            history,
            on_retake,
            on_revise,
            revised,
            autofocus,
        } => (
            Some(date),
            change,
            history,
            autofocus && revised.is_none(),
            Some(on_retake),
            None,
            Some((on_revise, revised)),
        ),
        ReportMode::Shared { on_save } => {
            (None, None, Vec::new(), false, None, Some(on_save), None)
        }
    };
    let shared = on_save.is_some();
    let heading = NodeRef::<leptos::html::H1>::new();
    if autofocus {
        Effect::new(move |_| {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        });
    }

    let url = share_url(&answers);
    let summary_text = summary_with_link(&answers, date, change.as_ref(), Some(&url));
    let share_button = web_share_button(&url, score, tier.name());
    let copy = url.clone();
    let fixes = answers.fixes();
    let strengths = answers.strengths();

    view! {
        <article class="sc-audit-report sc-stack">
            {on_save.map(|on_save| view! { <SharedBanner answers=answers on_save=on_save /> })}
            <header class="sc-stack">
                <h1 class="sc-page-title" tabindex="-1" node_ref=heading>
                    {if shared { "A shared sales-process audit" } else { "Your sales-process score" }}
                </h1>
                {date.map(|d| view! { <p class="sc-audit-report__date">"Audit of " {iso_date(d)}</p> })}
            </header>

            <div class="sc-audit-summary">
                <section class="sc-card sc-audit-headline" aria-labelledby="audit-score-heading">
                    <h2 id="audit-score-heading" class="sc-visually-hidden">"Overall score"</h2>
                    <Gauge score=score />
                    <div class="sc-stack">
                        <p class="sc-audit-tier">
                            <Badge tone=tier.tone() testid="audit-tier">
                                {tier.name()}
                            </Badge>
                        </p>
                        <p class="sc-audit-tier__description">
                            {if shared { tier.description_shared() } else { tier.description() }}
                        </p>
                        <TierScale score=score />
                        {change.map(|c| view! {
                            <p class="sc-audit-change" data-testid="audit-change">
                                {change_sentence(c.overall)} " since your audit of " {iso_date(c.since)} "."
                            </p>
                        })}
                        // Share, copy and print sit with the score, so on a
                        // phone they are on the first screens, not after the areas.
                        <ExportActions copy_label="Copy summary" copy_text=Signal::stored(summary_text) no_print=true>
                            {share_button}
                            {on_retake.map(|retake| view! {
                                <button type="button" class="sc-button" on:click=move |_| retake.run(())>
                                    "Retake the audit"
                                </button>
                            })}
                        </ExportActions>
                    </div>
                </section>
                <AreaScores answers=answers change=change />
            </div>

            <section class="sc-card sc-stack sc-audit-actions" aria-labelledby="audit-actions-heading">
                <h2 id="audit-actions-heading">"Share this report"</h2>
                <Field
                    id="audit-share-link"
                    label="Share link"
                    hint="Anyone with this link sees this report, read-only. It carries only the 16 answers: no names, no company."
                    no_print=true
                >
                    {
                        let f = use_field();
                        view! {
                            <div class="sc-audit-share">
                                <input
                                    id=f.id()
                                    class="sc-input"
                                    type="text"
                                    readonly
                                    data-testid="share-link"
                                    aria-describedby=f.described_by()
                                    prop:value=url
                                    on:focus=move |ev| {
                                        use wasm_bindgen::JsCast;
                                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                            input.select();
                                        }
                                    }
                                />
                                <CopyButton label="Copy link" text=Signal::stored(copy) />
                            </div>
                        }
                    }
                </Field>
            </section>

            <FixList fixes=fixes shared=shared />

            <section class="sc-card sc-stack sc-audit-strengths" aria-labelledby="audit-strengths-heading">
                <h2 id="audit-strengths-heading">
                {if shared { "What this team already does well" } else { "What you already do well" }}
            </h2>
                {if strengths.is_empty() {
                    view! {
                        <p>"No question got the top answer yet. Start with the first fix above: it is worth the most."</p>
                    }
                    .into_any()
                } else {
                    view! {
                        <ul class="sc-audit-strengths__list" data-testid="audit-strengths">
                            {strengths.into_iter().map(|q| view! {
                                <li data-question=q.id>
                                    <span class="sc-audit-check" aria-hidden="true">"✓"</span>
                                    // Strengths are worded to the reader ("Your stages…");
                                    // a shared report names the best-practice answer instead.
                                    {if shared { q.answers[3] } else { q.strength }}
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>

            {(!shared).then(|| view! { <CalculatorHeadline /> })}

            {revise.map(|(on_revise, revised)| view! {
                <ReviseAnswers answers=answers on_revise=on_revise revised=revised />
            })}

            {(!shared).then(|| view! { <History history=history /> })}
            {crate::shell::embed_options()
                .and_then(|o| o.marketing.cta(Some(tier.slug())))
                .map(|(text, href)| view! { <MarketerCta text=text href=href /> })}
        </article>
    }
}

/// "Up 12 points", "Down 3 points", "No change".
fn change_sentence(delta: i32) -> String {
    match delta {
        0 => "No change".into(),
        1 => "Up 1 point".into(),
        -1 => "Down 1 point".into(),
        d if d > 0 => format!("Up {d} points"),
        d => format!("Down {} points", d.unsigned_abs()),
    }
}

/// The score as a large ring gauge; the number is real text beside the
/// decorative ring, so screen readers and tests read the same value.
#[component]
fn Gauge(
    /// 0–100.
    score: u32,
) -> impl IntoView {
    const R: f64 = 52.0;
    let circumference = 2.0 * std::f64::consts::PI * R;
    let filled = circumference * f64::from(score.min(100)) / 100.0;
    view! {
        <div class="sc-audit-gauge">
            <svg class="sc-audit-gauge__ring" viewBox="0 0 120 120" aria-hidden="true" focusable="false">
                <circle class="sc-audit-gauge__track" cx="60" cy="60" r=R></circle>
                <circle
                    class="sc-audit-gauge__fill"
                    cx="60"
                    cy="60"
                    r=R
                    stroke-dasharray=format!("{filled:.2} {circumference:.2}")
                    transform="rotate(-90 60 60)"
                ></circle>
            </svg>
            <p class="sc-audit-gauge__value">
                <span class="sc-audit-gauge__number sc-num" data-testid="audit-score">{score}</span>
                <span class="sc-audit-gauge__max">" out of 100"</span>
            </p>
        </div>
    }
}

/// Area scores as a table with an SVG bar per row: the bars are
/// decoration, the numbers are text in the same row.
#[component]
fn AreaScores(
    answers: AnswerSet,
    /// Adds a "Change" column when there is a previous audit.
    change: Option<Change>,
) -> impl IntoView {
    let scores = answers.area_scores();
    // No badge when every area ties (a score of 0 would mark all six).
    let weakest = answers.weakest_areas();
    let delta = move |area: Area| {
        change.and_then(|c| c.areas.iter().find(|(a, _)| *a == area).map(|(_, d)| *d))
    };
    view! {
        <section class="sc-card sc-stack sc-audit-areas" aria-labelledby="audit-areas-heading">
            <h2 id="audit-areas-heading">"Scores by area"</h2>
            <table class="sc-audit-areas__table">
                <caption class="sc-visually-hidden">"Score of each area, out of 100"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Area"</th>
                        <th scope="col">"Score"</th>
                        {change.is_some().then(|| view! { <th scope="col">"Change"</th> })}
                    </tr>
                </thead>
                <tbody>
                    {scores.into_iter().map(|(area, score)| {
                        let is_weakest = weakest.contains(&area);
                        view! {
                            <tr>
                                <th scope="row">
                                    {area.name()}
                                    {is_weakest.then(|| view! { " " <Badge tone=Tone::Bad>"Weakest"</Badge> })}
                                </th>
                                <td>
                                    <span class="sc-audit-bar">
                                        <svg class="sc-audit-bar__svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                                            <rect class="sc-audit-bar__track" x="0" y="0" width="100" height="10" rx="5"></rect>
                                            <rect class="sc-audit-bar__fill" x="0" y="0" width=score.max(1) height="10" rx="5"></rect>
                                        </svg>
                                        <span class="sc-num sc-audit-bar__value" data-testid=format!("audit-area-{}", area.slug())>
                                            {score}
                                        </span>
                                    </span>
                                </td>
                                {change.is_some().then(|| view! {
                                    <td class="sc-num" data-testid=format!("audit-area-change-{}", area.slug())>
                                        {delta(area).map(signed).unwrap_or_default()}
                                    </td>
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// Every fix, most valuable first, as one ordered list: the top five in
/// full, the rest compact with their detail one click away.
#[component]
fn FixList(
    fixes: Vec<Fix>,
    /// Someone else's report: spoken of in the third person.
    shared: bool,
) -> impl IntoView {
    let total = fixes.len();
    view! {
        <section class="sc-stack sc-audit-fixes" aria-labelledby="audit-fixes-heading">
            <h2 id="audit-fixes-heading">"Fix these first"</h2>
            {if total == 0 {
                view! {
                    <p class="sc-card">"Nothing to fix: every answer is already best practice. Re-run the audit each quarter to keep it that way."</p>
                }
                .into_any()
            } else {
                view! {
                    <p class="sc-audit-fixes__intro">
                        {if total > TOP_FIXES {
                            format!("The {TOP_FIXES} most valuable fixes come first, then {} more, all in order of impact: a question's weight times the gap to the best answer.", total - TOP_FIXES)
                        } else {
                            "In order of impact (a question's weight times the gap to the best answer): the first one is worth the most.".to_string()
                        }}
                    </p>
                    <ol class="sc-audit-fixes__list" data-testid="audit-fix-list">
                        {fixes.into_iter().enumerate().map(|(i, fix)| view! { <FixItem fix=fix top=i < TOP_FIXES shared=shared /> }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
    }
}

/// One fix: title, why it matters, a first step and the tool that helps.
#[component]
fn FixItem(
    fix: Fix,
    /// Among the top five: shown in full.
    top: bool,
    /// Someone else's report: "they answered", not "you answered".
    shared: bool,
) -> impl IntoView {
    let q = fix.question;
    let link = fix.link().map(|(tool, href)| {
        view! {
            <p class="sc-no-print">
                <a class="sc-audit-fix__link" href=href>{format!("Open the {}", tool.name().to_ascii_lowercase())} " →"</a>
            </p>
        }
    });
    let answer_text = q.answers[usize::from(fix.answer.value())];
    let detail = view! {
        <p>
            <strong>"Why it matters: "</strong>{q.fix.why}
            {q.fix.source.map(|s| view! { " " <span class="sc-audit-fix__source">"(Source: " {s} ")"</span> })}
        </p>
        <p class="sc-audit-fix__rank" data-testid="audit-fix-rank">{fix.rank_reason()}</p>
        <p><strong>"First step: "</strong>{q.fix.first_step}</p>
        {link}
    };
    view! {
        <li
            class="sc-audit-fix"
            class:sc-card=top
            class:sc-audit-fix--top=top
            data-question=q.id
        >
            <h3 class="sc-audit-fix__title">{q.fix.title}</h3>
            <p class="sc-audit-fix__meta">
                {q.area.name()} {if shared { " · they answered “" } else { " · you answered “" }} {answer_text} "”"
            </p>
            {if top {
                view! { <div class="sc-stack">{detail}</div> }.into_any()
            } else {
                view! {
                    <details class="sc-audit-fix__more">
                        <summary>"Why it matters and a first step"</summary>
                        <div class="sc-stack">{detail}</div>
                    </details>
                }
                .into_any()
            }}
        </li>
    }
}

/// The benchmark calculator's headline, when the user has filled it in;
/// otherwise an invitation to do so. Read once: the report is a snapshot.
#[component]
fn CalculatorHeadline() -> impl IntoView {
    use crate::components::format::{money, percent};
    use crate::storage::browser::read_document;
    use crate::tools::benchmarks::model::{headline, BenchmarksDoc};

    let href = Route::tool(Tool::Benchmarks).href();
    let found = read_document::<BenchmarksDoc>().as_ref().and_then(headline);
    // Only an invitation: worth nothing on paper.
    let invite = found.is_none();
    view! {
        <section
            class="sc-card sc-stack sc-audit-calculator"
            class:sc-audit-calculator--invite=invite
            aria-labelledby="audit-calculator-heading"
            data-testid="audit-calculator"
        >
            <h2 id="audit-calculator-heading">"Your funnel numbers"</h2>
            {match found {
                Some(h) => view! {
                    <p>"From your stage benchmark calculator:"</p>
                    <dl class="sc-audit-calculator__figures">
                        <div>
                            <dt>"Bottleneck stage"</dt>
                            <dd data-testid="audit-calc-bottleneck">{h.bottleneck.unwrap_or_else(|| "None: every stage meets its benchmark".into())}</dd>
                        </div>
                        <div>
                            <dt>"Win rate"</dt>
                            <dd data-testid="audit-calc-win-rate">{percent(h.win_rate_pct, 1)}</dd>
                        </div>
                        <div>
                            <dt>"Pipeline velocity"</dt>
                            <dd data-testid="audit-calc-velocity">{h.velocity_per_day.map(|v| format!("{} per day", money(v))).unwrap_or_else(|| "—".into())}</dd>
                        </div>
                    </dl>
                    <p><a href=href.clone()>"Review your numbers in the calculator →"</a></p>
                }
                .into_any(),
                None => view! {
                    <p>
                        "The audit shows how you sell. The benchmark calculator shows where deals leak: "
                        "enter your stage counts and days to find your bottleneck, win rate and pipeline velocity."
                    </p>
                    <p><a href=href.clone()>"Open the stage benchmark calculator →"</a></p>
                }
                .into_any(),
            }}
        </section>
    }
}

/// Past audits, newest first, so progress over time is visible.
#[component]
fn History(
    /// Every completed audit, oldest first.
    history: Vec<CompletedAudit>,
) -> impl IntoView {
    (history.len() > 1).then(|| {
        view! {
            <section class="sc-card sc-stack sc-audit-history" aria-labelledby="audit-history-heading">
                <h2 id="audit-history-heading">"Your audits"</h2>
                <table class="sc-audit-history__table">
                    <thead>
                        <tr><th scope="col">"Date"</th><th scope="col">"Score"</th><th scope="col">"Tier"</th></tr>
                    </thead>
                    <tbody>
                        {history.iter().rev().map(|h| view! {
                            <tr>
                                <td>{iso_date(h.date)}</td>
                                <td class="sc-num">{h.answers.overall()}</td>
                                <td>{h.answers.tier().name()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        }
    })
}

/// A thin strip above a shared report: what it is, and the two ways
/// forward, in one line, so the score is on the first screen even on a
/// phone. Saving needs an explicit confirmation, as it changes the
/// visitor's data.
#[component]
fn SharedBanner(
    answers: AnswerSet,
    /// Adopts these answers as the visitor's audit (after confirmation).
    on_save: Callback<AnswerSet>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    view! {
        <div class="sc-audit-shared sc-no-print" data-testid="audit-shared-banner">
            <p class="sc-audit-shared__what">"Shared, read-only."</p>
            <button
                type="button"
                class="sc-button sc-button--ghost"
                aria-expanded=move || confirming.get().to_string()
                on:click=move |_| confirming.set(true)
            >
                "Save as my audit"
            </button>
            <a class="sc-button sc-button--primary" href=Route::tool(Tool::Audit).href()>
                "Take the audit yourself"
            </a>
        </div>
        <Show when=move || confirming.get()>
            <div class="sc-confirm sc-stack sc-no-print" role="group" aria-labelledby="audit-save-confirm-text">
                <p id="audit-save-confirm-text">
                    "Save these answers as your own audit? They become your latest report on this device and replace any audit you have in progress. Your earlier reports stay in your history."
                </p>
                <div class="sc-row">
                    <button
                        type="button"
                        class="sc-button sc-button--primary"
                        on:click=move |_| {
                            confirming.set(false);
                            on_save.run(answers);
                        }
                    >
                        "Yes, save as my audit"
                    </button>
                    <button type="button" class="sc-button" on:click=move |_| confirming.set(false)>
                        "Cancel"
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// The marketer's own next step after the result, from the widget's
/// `data-stagecraft-cta-*` attributes (validated twice: an `https:` URL,
/// plain text). It opens in a new tab, so the report stays where it was.
#[component]
fn MarketerCta(
    /// The button's words.
    text: String,
    /// Where it goes, with the host page's UTM parameters.
    href: String,
) -> impl IntoView {
    view! {
        <section class="sc-card sc-audit-cta sc-no-print" aria-label="Next step" data-testid="audit-cta">
            <a class="sc-button sc-button--primary sc-button--large" href=href target="_blank" rel="noopener">
                {text}
                <span class="sc-visually-hidden">" (opens in a new tab)"</span>
            </a>
        </section>
    }
}

/// The four tiers as a scale with this score's place on it, and how many
/// points lead to the next tier: a score means little without its range.
#[component]
fn TierScale(
    /// 0–100.
    score: u32,
) -> impl IntoView {
    let current = Tier::for_score(score);
    let next = match Tier::next_up(score) {
        Some((tier, 1)) => format!("1 point to {}.", tier.name()),
        Some((tier, points)) => format!("{points} points to {}.", tier.name()),
        None => "The top tier.".to_string(),
    };
    view! {
        <div class="sc-audit-scale">
            <ol class="sc-audit-scale__tiers" aria-label="Tiers">
                {Tier::ALL.into_iter().map(|t| {
                    let (lo, hi) = t.range();
                    let here = t == current;
                    view! {
                        <li class="sc-audit-scale__tier" class:sc-audit-scale__tier--here=here aria-current=here.then_some("true")>
                            <span class="sc-audit-scale__name">{t.name()}</span>
                            <span class="sc-audit-scale__range sc-num">{format!("{lo}–{hi}")}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <p class="sc-audit-scale__next" data-testid="audit-next-tier">{next}</p>
        </div>
    }
}

/// "Share…" through the system share sheet (the Web Share API), only where
/// the browser has one; elsewhere the link and copy buttons do the job.
fn web_share_button(url: &str, score: u32, tier: &'static str) -> Option<impl IntoView> {
    use wasm_bindgen::{JsCast, JsValue};
    let navigator = window().navigator();
    let share = js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let url = url.to_string();
    let text = format!("A sales-process audit: {score} out of 100, {tier}.");
    let held = send_wrapper::SendWrapper::new((navigator, share));
    Some(view! {
        <button
            type="button"
            class="sc-button"
            data-testid="audit-web-share"
            on:click=move |_| {
                let (navigator, share) = &*held;
                let data = js_sys::Object::new();
                for (k, v) in [("title", "Sales-process audit"), ("text", text.as_str()), ("url", url.as_str())] {
                    let _ = js_sys::Reflect::set(&data, &JsValue::from_str(k), &JsValue::from_str(v));
                }
                // Closing the share sheet rejects the promise: not an error.
                if let Ok(p) = share.call1(navigator, &data).and_then(|p| p.dyn_into::<js_sys::Promise>()) {
                    let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
                    let _ = p.catch(&ignore);
                    // One tiny handler per tap, kept until the promise settles.
                    ignore.forget();
                }
            }
        >
            "Share…"
        </button>
    })
}

/// Change one answer from the report, without retaking the audit: every
/// question with its four answers; a change redraws the report at once.
#[component]
fn ReviseAnswers(
    answers: AnswerSet,
    /// Changes question `index` to the picked answer.
    on_revise: Callback<(usize, Answer)>,
    /// The question just changed: the list stays open with focus on it.
    revised: Option<usize>,
) -> impl IntoView {
    use crate::tools::audit::questions::QUESTIONS;
    let focus_id = revised.map(|i| format!("audit-revise-{}", QUESTIONS[i].id));
    if let Some(id) = focus_id {
        Effect::new(move |_| {
            if let Some(el) = document().get_element_by_id(&id) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    view! {
        <details class="sc-card sc-audit-revise sc-no-print" open=revised.is_some() data-testid="audit-revise">
            <summary>"Change an answer"</summary>
            <p class="sc-field__hint">"Pick a different answer and the score, areas and fixes update. The other answers stay as they are."</p>
            <ol class="sc-audit-revise__list">
                {QUESTIONS.iter().enumerate().map(|(index, q)| {
                    let id = format!("audit-revise-{}", q.id);
                    let current = answers.0[index];
                    view! {
                        <li>
                            <Field id=id.clone() label=format!("{}. {}", index + 1, q.prompt)>
                                {
                                    let f = use_field();
                                    view! {
                                        <select
                                            id=f.id()
                                            class="sc-input"
                                            aria-describedby=f.described_by()
                                            on:change=move |ev| {
                                                if let Some(a) = event_target_value(&ev).parse::<u8>().ok().and_then(Answer::new) {
                                                    on_revise.run((index, a));
                                                }
                                            }
                                        >
                                            {Answer::ALL.into_iter().zip(q.answers).map(|(a, text)| view! {
                                                <option value=a.value().to_string() selected=a == current>{text}</option>
                                            }).collect_view()}
                                        </select>
                                    }
                                }
                            </Field>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </details>
    }
}

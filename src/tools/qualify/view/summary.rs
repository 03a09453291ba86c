//! The summary: answer first (score and verdict), then warnings, then the
//! gaps as next actions, then the evidence; copy, download and print.

use super::calls::DealCalls;
use super::common::{OnAction, STEP_HEADING_ID};
use super::list::verdict_tone;
use super::model::{
    summary_filename, summary_markdown, summary_text, with_calls, Assessment, Deal, DealAction,
    Rating, Step, Verdict,
};
use crate::components::{tone_class, Badge, Download, ExportActions};
use crate::route::{Route, Tool};
use crate::tone::Tone;
use crate::tools::discovery::model::light::CallsLight;
use leptos::prelude::*;

/// An answer's badge: its tone and word ("Not answered" reads neutral).
fn rating_badge(r: Rating, unanswered: bool) -> (Tone, &'static str) {
    if unanswered {
        return (Tone::Neutral, "Not answered");
    }
    match r {
        Rating::Confirmed => (Tone::Good, "Confirmed"),
        Rating::Partially => (Tone::Warn, "Partially"),
        Rating::Unknown => (Tone::Neutral, "Unknown"),
        Rating::RedFlag => (Tone::Bad, "Red flag"),
    }
}

/// A score bar with the three verdict bands; the numbers are also in text.
#[component]
fn ScoreBar(
    /// The score, 0–100.
    #[prop(into)]
    score: Signal<u32>,
) -> impl IntoView {
    let x = move || score.get().min(100).to_string();
    view! {
        <svg class="sc-qualify-bar" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="sc-qualify-bar__band sc-qualify-bar__band--bad" x="0" y="4" width="40" height="6"></rect>
            <rect class="sc-qualify-bar__band sc-qualify-bar__band--warn" x="40" y="4" width="35" height="6"></rect>
            <rect class="sc-qualify-bar__band sc-qualify-bar__band--good" x="75" y="4" width="25" height="6"></rect>
            <rect class="sc-qualify-bar__fill" x="0" y="5.5" height="3" width=x></rect>
            <rect class="sc-qualify-bar__marker" y="0" width="1.2" height="14" x=move || match score.get().min(100) {
                // score − 0.6, in whole numbers: no float formatting on the page.
                0 => "0".to_string(),
                s => format!("{}.4", s - 1),
            }></rect>
        </svg>
        <p class="sc-qualify-bar__legend sc-qualify-muted">
            "Under 40: disqualify · 40–74: needs work · 75 and up: qualified (with no red flag)"
        </p>
    }
}

/// The summary of a deal.
#[component]
pub fn SummaryView(
    /// The deal being summarised.
    deal: Signal<Deal>,
    /// Applies an edit (second pass, going back to change an answer).
    on_action: OnAction,
) -> impl IntoView {
    // The calls linked to this deal, read once: their people count as the
    // deal's, so the verdict, warnings and exports below judge `seen`.
    let stored = deal;
    let calls = StoredValue::new(deal.with_untracked(|d| {
        crate::storage::browser::read_view::<CallsLight>()
            .map(|v| v.for_deal(&d.id))
            .unwrap_or_default()
    }));
    let has_calls = calls.with_value(|c| !c.is_empty());
    let seen = Memo::new(move |_| calls.with_value(|c| stored.with(|d| with_calls(d, c))));
    let deal = Signal::from(seen);
    let a = Memo::new(move |_| deal.with(Deal::assessment));
    let first_pass = Memo::new(move |_| deal.with(Deal::first_pass));
    let second_pass = Memo::new(move |_| deal.with(Deal::second_pass_available));
    let plain = Signal::derive(move || deal.with(summary_text));
    let markdown = Signal::derive(move || deal.with(summary_markdown));
    let filename = deal.with_untracked(summary_filename);
    let printed = crate::components::format::today_long();
    let score = Signal::derive(move || a.with(|a| a.score));
    let verdict = Memo::new(move |_| a.with(|a| a.verdict));

    let evidence_rows = move || {
        let d = deal.get();
        let fw = d.framework();
        fw.criteria()
            .iter()
            .map(|&c| {
                let ans = d.answers.get(&c);
                let r = ans.map(|x| x.effective()).unwrap_or(Rating::Unknown);
                let unanswered = ans.and_then(|x| x.rating).is_none();
                let (tone, label) = rating_badge(r, unanswered);
                let ev = ans.map(|x| x.evidence.trim().to_string()).unwrap_or_default();
                view! {
                    <tr>
                        <th scope="row">{c.name()}</th>
                        <td><Badge tone=tone>{label}</Badge></td>
                        <td>{if ev.is_empty() { "—".to_string() } else { ev }}</td>
                        <td class="sc-no-print">
                            <button
                                type="button"
                                class="sc-button sc-button--ghost"
                                on:click=move |_| { let _ = on_action.run(DealAction::GoTo(Step::Criterion(c))); }
                            >
                                "Change"<span class="sc-visually-hidden">{format!(" {}", c.name())}</span>
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };

    view! {
        <div class="sc-stack sc-qualify-summary">
            <p class="sc-qualify-print-only">{move || format!("Deal brief · {} · printed {printed}", deal.with(|d| d.display_name().to_string()))}</p>
            <h2 id=STEP_HEADING_ID tabindex="-1">
                {move || format!("Summary: {}", deal.with(|d| d.display_name().to_string()))}
            </h2>
            <p class="sc-qualify-muted">
                {move || deal.with(|d| {
                    let company = d.company.trim();
                    let who = if company.is_empty() { String::new() } else { format!("{company} · ") };
                    format!("{who}{} a year · {} · {}", super::model::acv_display(d), d.framework().name(), d.methodology().name())
                })}
            </p>

            <section class="sc-card sc-qualify-headline" aria-live="polite" aria-labelledby="sc-qualify-verdict-heading">
                <h3 id="sc-qualify-verdict-heading" class="sc-visually-hidden">"Score and verdict"</h3>
                <div class="sc-qualify-headline__numbers">
                    <p class="sc-qualify-score">
                        <span data-testid="qual-score" class="sc-num">{move || score.get().to_string()}</span>
                        <span class="sc-qualify-score__of">" / 100"</span>
                    </p>
                    <p class=move || format!("{} sc-qualify-verdict sc-qualify-verdict--{}", tone_class(verdict_tone(verdict.get())), verdict.get().slug())>
                        <span aria-hidden="true" class="sc-qualify-verdict__icon">{move || match verdict.get() {
                            Verdict::Qualified => "✓",
                            Verdict::NeedsWork => "!",
                            Verdict::Disqualify => "✕",
                            Verdict::Incomplete => "…",
                        }}</span>
                        <span data-testid="qual-verdict">{move || verdict.get().label()}</span>
                    </p>
                </div>
                <ScoreBar score=score />
                {move || a.with(|a| (a.answered < a.total).then(|| {
                    format!("Provisional score: {} of {} criteria assessed.", a.answered, a.total)
                })).map(|t| view! { <p class="sc-qualify-muted sc-qualify-provisional" data-testid="qual-assessed">{t}</p> })}
                <p>{move || verdict.get().meaning()}</p>
                {move || first_pass.get().map(|fp: Assessment| view! {
                    <p class="sc-qualify-muted">{format!("BANT first pass: {} / 100, {}.", fp.score, fp.verdict.label())}</p>
                })}
            </section>

            {has_calls.then(|| view! { <DealCalls deal=stored calls=calls on_action=on_action /> })}

            <section class="sc-card sc-stack" aria-labelledby="sc-qualify-warnings-heading">
                <h3 id="sc-qualify-warnings-heading">"Warnings"</h3>
                <div data-testid="qual-warnings">
                    {move || {
                        let warnings = a.with(|a| a.warnings.clone());
                        if warnings.is_empty() {
                            view! { <p>"Nothing to flag."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="sc-qualify-warnings">
                                    {warnings.into_iter().map(|w| view! {
                                        <li>
                                            <Badge tone=Tone::Warn><span aria-hidden="true">"⚠ "</span>{w.title()}</Badge>
                                            " "{w.detail()}
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }
                    }}
                </div>
            </section>

            <section class="sc-card sc-stack" aria-labelledby="sc-qualify-gaps-heading">
                <h3 id="sc-qualify-gaps-heading">"Gaps and next actions"</h3>
                <p class="sc-qualify-muted">"Red flags first, then unknowns, then what's only partly confirmed."</p>
                <ol class="sc-qualify-gaps" data-testid="qual-gaps">
                    {move || a.with(|a| a.gaps.clone()).into_iter().map(|g| {
                        let (tone, label) = rating_badge(g.rating, g.unanswered);
                        view! {
                            <li data-criterion=g.criterion.name()>
                                <strong>{g.criterion.name()}</strong>" "
                                <Badge tone=tone>{label}</Badge>
                                <p>{g.action}</p>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <p hidden=move || a.with(|a| !a.gaps.is_empty())>"No gaps: every criterion is confirmed. Keep the evidence current."</p>
            </section>

            {move || second_pass.get().then(|| view! {
                <section class="sc-card sc-stack sc-no-print sc-qualify-second-pass">
                    <h3>"Go deeper with MEDDIC"</h3>
                    <p>{move || format!("For a deal between {} and {}, BANT is the first filter. Run MEDDIC next to check metrics, the economic buyer, the buying process and your champion. Your BANT answers stay saved.", crate::text::money(25_000.0), crate::text::money(50_000.0))}</p>
                    <p>
                        <button type="button" class="sc-button sc-button--primary" on:click=move |_| { let _ = on_action.run(DealAction::StartSecondPass); }>
                            "Start the MEDDIC pass"
                        </button>
                    </p>
                </section>
            })}

            <section class="sc-card sc-stack" aria-labelledby="sc-qualify-evidence-heading">
                <h3 id="sc-qualify-evidence-heading">"Evidence so far"</h3>
                <div class="sc-qualify-table-wrap" role="region" aria-labelledby="sc-qualify-evidence-heading" tabindex="0">
                    <table class="sc-qualify-table sc-qualify-evidence">
                        <thead>
                            <tr>
                                <th scope="col">"Criterion"</th>
                                <th scope="col">"Answer"</th>
                                <th scope="col">"Evidence"</th>
                                <th scope="col" class="sc-no-print"><span class="sc-visually-hidden">"Change"</span></th>
                            </tr>
                        </thead>
                        <tbody>{evidence_rows}</tbody>
                    </table>
                </div>
            </section>

            <ExportActions
                copy_label="Copy summary"
                copy_text=plain
                download=Download { label: "Download .md", filename, mime: "text/markdown", text: markdown }
                no_print=true
            />
            <div class="sc-row sc-no-print">
                <button type="button" class="sc-button" on:click=move |_| { let _ = on_action.run(DealAction::Back); }>
                    "Back"
                </button>
                <button type="button" class="sc-button sc-button--ghost" on:click=move |_| { let _ = on_action.run(DealAction::GoTo(Step::Basics)); }>
                    "Edit deal basics"
                </button>
                <a class="sc-button sc-button--ghost" href=Route::tool(Tool::Qualify).href()>"All deals"</a>
            </div>
        </div>
    }
}

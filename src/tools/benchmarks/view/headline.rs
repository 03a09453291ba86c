//! The answer first: one sentence with the money at the top of the
//! results, and the pipeline coverage card.

use super::cards::needs_line;
use super::shared;
use crate::components::format::{money, money_compact, number, percent, percent_locale};
use crate::components::Badge;
use crate::tools::benchmarks::model::*;
use leptos::prelude::*;

/// Moves focus to the first input, so a phone user who read the answer
/// first can get to the numbers behind it in one tap.
fn jump_to_inputs() {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id("sc-benchmarks-segment")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// The one-sentence answer: which stage to fix and what it is worth a
/// month, or what is still needed. First on the page, so phones see it
/// before the sixteen inputs.
#[component]
pub(super) fn Headline(
    /// The result output by output.
    partial: Signal<Partial>,
    /// Counts mode: stages with fewer than 30 deals entering.
    small: Signal<Vec<(usize, f64)>>,
) -> impl IntoView {
    let note = move || {
        partial.with(|p| small.with(|s| small_sample_note(Output::BottleneckWorth, p.mode, s)))
    };
    let sentence = move || {
        partial.with(|p| {
            let whole = |v: f64| percent_locale(v, 0);
            headline_sentence(
                p,
                &HeadlineFormat {
                    money: &money_compact,
                    percent: &whole,
                    num: shared::plain_text,
                },
            )
        })
    };
    let stale = move || partial.with(|p| p.ready(Output::Bottleneck) == Ready::Stale);
    view! {
        <section class="sc-card sc-benchmarks-headline" aria-labelledby="sc-benchmarks-headline-title">
            <h2 id="sc-benchmarks-headline-title" class="sc-benchmarks-headline__label">"The answer"</h2>
            <p class="sc-benchmarks-headline__text" aria-live="polite">
                <span data-testid="headline">{sentence}</span>
                <Show when=stale>" "<Badge tone=Tone::Warn>"From your last valid numbers"</Badge></Show>
            </p>
            <p class="sc-benchmarks-card__meta">{note}</p>
            <button type="button" class="sc-button sc-button--ghost sc-benchmarks-jump sc-no-print" on:click=move |_| jump_to_inputs()>
                "Change your numbers"
            </button>
        </section>
    }
}

/// Pipeline coverage for the optional quota: coverage ratio against the 3×
/// rule, pipeline needed at your win rate, and the shortfall.
#[component]
pub(super) fn CoverageCard(
    /// The result output by output.
    partial: Signal<Partial>,
    /// The quota as parsed: `None` while empty or invalid.
    quota: Signal<Option<f64>>,
) -> impl IntoView {
    let body = move || {
        let Some(q) = quota.get().filter(|q| *q > 0.0) else {
            return view! {
                <p class="sc-benchmarks-card__meta">"Type a quota for the period under Your pipeline to see whether your open deals cover it."</p>
            }
            .into_any();
        };
        partial.with(|p| {
            let s = p.snapshot.as_ref();
            let a = s.map(|s| s.analysis.win_rate_pct);
            let f = s.map(|s| s.figures);
            let open_ok = p.ready(Output::OpenPipeline).shows();
            let win_ok = p.ready(Output::PipelineNeeded).shows();
            let c = a.zip(f).and_then(|(win, f)| {
                coverage(q, f.open_opportunities, f.deal_size, win)
            });
            let ratio = c.filter(|_| open_ok).map(|c| c.ratio);
            let ratio_text = ratio
                .map(|r| format!("{}×", number(r, 1)))
                .unwrap_or_else(|| "—".into());
            let rule = ratio.map(|r| {
                let (words, tone) = if r >= COVERAGE_RULE {
                    ("at or above the 3× rule", Tone::Good)
                } else {
                    ("below the 3× rule", Tone::Warn)
                };
                view! { " "<Badge tone=tone icon=true>{words}</Badge> }
            });
            let open_meta = match c.filter(|_| open_ok) {
                Some(c) => format!(
                    "Open pipeline {} (open opportunities × deal size) against a quota of {}.",
                    money(c.open_pipeline),
                    money(q)
                ),
                None => needs_line(&p.ready(Output::OpenPipeline)).unwrap_or_default(),
            };
            let needed_text = match (c, win_ok) {
                (Some(c), true) => c
                    .pipeline_needed
                    .map(money)
                    .unwrap_or_else(|| "no amount is enough".into()),
                _ => "—".into(),
            };
            let needed_meta = match (c, win_ok, a) {
                (Some(_), true, Some(win)) => {
                    format!("Quota ÷ your win rate of {}.", percent(win, 1))
                }
                _ => needs_line(&p.ready(Output::PipelineNeeded)).unwrap_or_default(),
            };
            let shortfall = match c.filter(|_| open_ok && win_ok) {
                Some(c) => match (c.pipeline_needed, c.shortfall, c.shortfall_deals) {
                    (None, _, _) => "At a 0% win rate no pipeline reaches the quota: raise conversion first.".to_string(),
                    (Some(_), Some(s), Some(n)) => format!(
                        "You need {} more, about {} {}.",
                        money(s),
                        number(n, 0),
                        if n == 1.0 { "deal" } else { "deals" }
                    ),
                    (Some(_), Some(s), None) => format!("You need {} more.", money(s)),
                    (Some(_), None, _) => "Your open pipeline covers what the quota needs at your win rate.".to_string(),
                },
                None => String::new(),
            };
            view! {
                <p class="sc-benchmarks-card__value"><span data-testid="coverage-ratio">{ratio_text}</span>" "<span class="sc-benchmarks-card__unit">"coverage"</span></p>
                <p class="sc-benchmarks-card__meta">{open_meta}{rule}</p>
                <p class="sc-benchmarks-card__meta">
                    "Pipeline needed: "<strong data-testid="pipeline-needed">{needed_text}</strong>". "{needed_meta}
                </p>
                <p class="sc-benchmarks-card__meta" data-testid="coverage-shortfall">{shortfall}</p>
            }
            .into_any()
        })
    };
    view! {
        <article class="sc-card sc-benchmarks-card">
            <h3 class="sc-benchmarks-card__label">"Pipeline coverage"</h3>
            {body}
        </article>
    }
}

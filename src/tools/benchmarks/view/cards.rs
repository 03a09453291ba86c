//! The summary cards: velocity, bottleneck, win rate, cycle, revenue, the
//! slowest stage and pipeline coverage. Each card shows as soon as the
//! inputs it reads hold a number, and otherwise names what it needs.

use super::shared::{self, days_text};
use crate::components::format::{money, number, percent};
use crate::components::Badge;
use crate::tools::benchmarks::model::*;
use leptos::prelude::*;

/// "Needs: Closing days." for an output still waiting, else nothing.
pub(super) fn needs_line(r: &Ready) -> Option<String> {
    match r {
        Ready::Needs(f) => Some(format!("Needs: {}.", needs_text(f))),
        _ => None,
    }
}

/// The headline numbers: win rate, cycle, velocity, revenue, bottleneck and
/// slowest stage. Sticky beside the inputs on wide screens.
#[component]
pub(super) fn SummaryCards(
    /// The result output by output (possibly from the last valid numbers).
    partial: Signal<Partial>,
    /// How many fields are invalid right now.
    invalid: Signal<usize>,
    /// False when "My baseline" is chosen and its form has errors.
    baseline_ok: Signal<bool>,
    /// True while nothing is typed: the cards invite the user in.
    blank: Signal<bool>,
    /// The card for pipeline coverage, rendered by the parent.
    coverage: AnyView,
    /// Counts mode: stages with fewer than 30 deals entering.
    small: Signal<Vec<(usize, f64)>>,
    /// A narrow widget: revenue, the slowest stage and coverage fold under
    /// one heading below the others, so the widget stays short on a phone.
    #[prop(optional)]
    fold: bool,
) -> impl IntoView {
    // " Small sample: …" for an output built on a small count.
    let sample = move |o: Output| {
        partial
            .with(|p| small.with(|s| small_sample_note(o, p.mode, s)))
            .map(|n| format!(" {n}"))
            .unwrap_or_default()
    };
    let stale = Signal::derive(move || partial.with(Partial::stale));
    // The analysis when output `o` can be shown, with the ranges.
    let get = move |o: Output| {
        partial.with(|p| {
            p.analysis_for(o)
                .cloned()
                .zip(p.snapshot.as_ref().map(|s| s.baseline))
        })
    };
    let needs = move |o: Output| partial.with(|p| needs_line(&p.ready(o)));

    let notice = move || {
        let n = invalid.get();
        let why = if n > 0 {
            format!(
                "{n} {} still need{} a valid number.",
                if n == 1 { "field" } else { "fields" },
                if n == 1 { "s" } else { "" }
            )
        } else if !baseline_ok.get() {
            "Your baseline has a range to fix.".to_string()
        } else {
            String::new()
        };
        if stale.get() {
            Some(
                view! {
                    <p class="sc-benchmarks-stale" role="status">
                        <Badge tone=Tone::Warn>"Out of date"</Badge>
                        " "{why}" These are the results from your last valid numbers."
                    </p>
                }
                .into_any(),
            )
        } else if blank.get() {
            Some(view! {
                <p class="sc-benchmarks-empty sc-benchmarks-empty--blank">
                    "Fill in your funnel, or load the example team, to see where it leaks. Each figure appears as soon as the numbers it needs are in. "
                    {why}
                </p>
            }
            .into_any())
        } else if n > 0 {
            Some(view! { <p class="sc-benchmarks-empty">{why}" Each card says which numbers it is waiting for."</p> }.into_any())
        } else {
            None
        }
    };

    let badge =
        |text: &'static str, tone: Tone| view! { <Badge tone=tone icon=true>{text}</Badge> };
    let win_text = move || {
        get(Output::WinRate)
            .map(|(a, _)| percent(a.win_rate_pct, 1))
            .unwrap_or_else(|| "—".into())
    };
    let win_meta = move || match get(Output::WinRate) {
        Some((a, b)) => {
            let st = a.win_rate_status;
            view! {
                <p class="sc-benchmarks-card__meta">
                    {format!("Target {}% from qualified pipeline. ", shared::range_text(b.win_rate))}
                    {badge(st.target_words(), st.tone())}
                    {sample(Output::WinRate)}
                </p>
            }
            .into_any()
        }
        None => {
            view! { <p class="sc-benchmarks-card__meta">{needs(Output::WinRate)}</p> }.into_any()
        }
    };
    let cycle_text = move || {
        get(Output::Cycle)
            .map(|(a, _)| days_text(a.cycle_days))
            .unwrap_or_else(|| "—".into())
    };
    let cycle_meta = move || match get(Output::Cycle) {
        Some((a, b)) => {
            let st = a.cycle_status;
            view! {
                <p class="sc-benchmarks-card__meta">
                    {format!("Target {} days, qualification to close. ", shared::range_text(b.cycle))}
                    {badge(st.target_words(), st.tone())}
                </p>
            }
            .into_any()
        }
        None => view! { <p class="sc-benchmarks-card__meta">{needs(Output::Cycle)}</p> }.into_any(),
    };
    let velocity_text = move || {
        get(Output::Velocity)
            .and_then(|(a, _)| a.velocity_per_day)
            .map(crate::components::format::money_short)
            .unwrap_or_else(|| "—".into())
    };
    let velocity_meta = move || {
        match get(Output::Velocity) {
        Some((a, _)) => match (a.velocity_per_month(), a.velocity_per_quarter()) {
            (Some(m), Some(q)) => format!(
                "From your open pipeline: {} a month, {} a quarter. Open opportunities × win rate × deal size ÷ cycle days.{}",
                money(m),
                money(q),
                sample(Output::Velocity)
            ),
            _ => velocity_gap_reason(&a).to_string(),
        },
        None => needs(Output::Velocity).unwrap_or_default(),
    }
    };
    let revenue_text = move || {
        get(Output::Revenue)
            .map(|(a, _)| crate::components::format::money_short(a.revenue_per_month))
            .unwrap_or_else(|| "—".into())
    };
    let revenue_meta = move || {
        match get(Output::Revenue) {
        Some((a, _)) => format!(
            "From your {}: {} deals won a month, new prospects × every stage's conversion × deal size. It differs from velocity, which comes from the deals already open.{}",
            // Counts mode: the monthly volume is the counts' (issue 13).
            partial.with(|p| match (p.mode, &p.snapshot) {
                (InputMode::Counts, Some(s)) => format!(
                    "counts over {} (about {} new prospects a month)",
                    p.period.words(),
                    number(s.figures.prospects, 0)
                ),
                _ => "new prospects".into(),
            }),
            number(a.deals_per_month, 1),
            sample(Output::Revenue)
        ),
        None => needs(Output::Revenue).unwrap_or_default(),
    }
    };
    let bottleneck_text = move || {
        get(Output::Bottleneck)
            .map(|(a, _)| {
                a.bottleneck
                    .map(|s| s.name().to_string())
                    .unwrap_or_else(|| "none below benchmark".into())
            })
            .unwrap_or_else(|| "—".into())
    };
    let bottleneck_meta = move || match get(Output::Bottleneck) {
        Some((a, b)) => {
            let worth_ready = partial.with(|p| p.ready(Output::BottleneckWorth).shows());
            let fix = a.bottleneck.and_then(|s| a.stage(s).fix_value);
            let worth = match (a.bottleneck, worth_ready, fix) {
                (Some(_), true, Some(v)) => format!(
                    " Bringing it to the benchmark midpoint is worth {} more a month.",
                    money(v)
                ),
                (Some(_), false, _) => format!(
                    " {}",
                    needs(Output::BottleneckWorth)
                        .map(|n| n.replacen("Needs:", "To put a value on it, fill in", 1))
                        .unwrap_or_default()
                ),
                _ => String::new(),
            };
            let tie = bottleneck_tie_sentence(&a, fix.filter(|_| worth_ready).map(money))
                .map(|t| format!(" {t}"))
                .unwrap_or_default();
            format!(
                "{}{}{}{}",
                bottleneck_sentence_in(&a, &b, shared::plain_text),
                worth,
                tie,
                sample(Output::Bottleneck)
            )
        }
        None => needs(Output::Bottleneck).unwrap_or_default(),
    };
    let slowest_text = move || {
        get(Output::Slowest)
            .map(|(a, _)| {
                a.slowest
                    .map(|s| s.name().to_string())
                    .unwrap_or_else(|| "none over benchmark".into())
            })
            .unwrap_or_else(|| "—".into())
    };
    let slowest_meta = move || match get(Output::Slowest) {
        Some((a, b)) => {
            let tie = slowest_tie_sentence(&a, shared::plain_text)
                .map(|t| format!(" {t}"))
                .unwrap_or_default();
            format!("{}{tie}", slowest_sentence_in(&a, &b, shared::plain_text))
        }
        None => needs(Output::Slowest).unwrap_or_default(),
    };
    let savings = move || {
        get(Output::Slowest).map(|(a, _)| {
            a.cycle_savings
                .iter()
                .map(|s| {
                    let gain = s
                        .velocity_gain_pct
                        .map(|g| format!("velocity up {}", percent(g, 1)))
                        .unwrap_or_else(|| "velocity cannot be compared (no cycle left)".into());
                    view! {
                        <li>{format!(
                            "{} at its midpoint saves {} days: cycle {} → {} days, {}.",
                            s.stage.name(),
                            days_text(s.days_saved),
                            days_text(a.cycle_days),
                            days_text(s.new_cycle),
                            gain
                        )}</li>
                    }
                })
                .collect_view()
        })
    };
    let onboarding = move || {
        get(Output::Onboarding).and_then(|(a, b)| {
            onboarding_warning(&a, &b, shared::plain_text).map(|w| {
                view! { <p class="sc-benchmarks-warning" data-testid="onboarding-warning"><span aria-hidden="true">"⚠ "</span>{w}</p> }
            })
        })
    };

    // The cards that fold in a narrow widget, drawn in one place or the other.
    let rest = Some(view! {
                <article class="sc-card sc-benchmarks-card">
                        <h3 class="sc-benchmarks-card__label">"Revenue per month"</h3>
                        <p class="sc-benchmarks-card__value"><span data-testid="revenue-per-month">{revenue_text}</span></p>
                        <p class="sc-benchmarks-card__meta">{revenue_meta}</p>
                    </article>
                    <article class="sc-card sc-benchmarks-card">
                        <h3 class="sc-benchmarks-card__label">"Slowest stage of the cycle"</h3>
                        <p class="sc-benchmarks-card__value"><span data-testid="slowest-stage">{slowest_text}</span></p>
                        <p class="sc-benchmarks-card__meta">{slowest_meta}</p>
                        <ul class="sc-benchmarks-savings">{savings}</ul>
                        {onboarding}
                    </article>
                {coverage}
    });
    let (inline, folded) = if fold { (None, rest) } else { (rest, None) };
    view! {
        <section class="sc-benchmarks-summary" aria-labelledby="sc-benchmarks-summary-title" class:sc-benchmarks-summary--stale=move || stale.get()>
            <h2 id="sc-benchmarks-summary-title" class="sc-visually-hidden">"Your results"</h2>
            <div aria-live="polite">{notice}</div>
            <div class="sc-benchmarks-cards" aria-live="polite">
                <article class="sc-card sc-benchmarks-card sc-benchmarks-card--lead">
                    <h3 class="sc-benchmarks-card__label">"Pipeline velocity"</h3>
                    <p class="sc-benchmarks-card__value"><span data-testid="velocity-per-day">{velocity_text}</span>" "<span class="sc-benchmarks-card__unit">"per day"</span></p>
                    <p class="sc-benchmarks-card__meta">{velocity_meta}</p>
                </article>
                <article class="sc-card sc-benchmarks-card">
                    <h3 class="sc-benchmarks-card__label">"Bottleneck"</h3>
                    <p class="sc-benchmarks-card__value"><span data-testid="bottleneck-stage">{bottleneck_text}</span></p>
                    <p class="sc-benchmarks-card__meta">{bottleneck_meta}</p>
                </article>
                <article class="sc-card sc-benchmarks-card">
                    <h3 class="sc-benchmarks-card__label">"Win rate"</h3>
                    <p class="sc-benchmarks-card__value"><span data-testid="win-rate">{win_text}</span></p>
                    {win_meta}
                </article>
                <article class="sc-card sc-benchmarks-card">
                    <h3 class="sc-benchmarks-card__label">"Sales cycle"</h3>
                    <p class="sc-benchmarks-card__value"><span data-testid="sales-cycle-days">{cycle_text}</span>" "<span class="sc-benchmarks-card__unit">"days"</span></p>
                    {cycle_meta}
                </article>
                {inline}
            </div>
            {folded.map(|rest| view! {
                <details class="sc-benchmarks-more-figures">
                    <summary class="sc-benchmarks-group__title">"Revenue per month and the slowest stage"</summary>
                    <div class="sc-benchmarks-cards">{rest}</div>
                </details>
            })}
        </section>
    }
}

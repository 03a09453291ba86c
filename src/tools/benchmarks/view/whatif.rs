//! What-if: nudge stages or the pipeline and see velocity and revenue
//! before and after. Every active change is listed with what it is worth
//! on its own and its own reset. A scratch pad: nothing here is saved.

use super::shared::{days_text, plain_text};
use crate::components::format::{money, percent};
use crate::components::{use_field, Field};
use crate::tools::benchmarks::model::*;
use leptos::prelude::*;

/// "+8 pts", "−3 days", "+10%" in the screen's locale.
fn signed(v: f64, unit: &str) -> String {
    if v > 0.0 {
        format!("+{}{unit}", plain_text(v))
    } else if v < 0.0 {
        format!("−{}{unit}", plain_text(-v))
    } else {
        format!("0{unit}")
    }
}

/// "up 6.1%", "down 2.0%" or "no change"; `None` when there was nothing
/// to compare with (a zero before).
fn moved(before: f64, after: f64) -> Option<String> {
    let d = change_pct(before, after)?;
    Some(if d.abs() < 0.05 {
        "no change".into()
    } else if d > 0.0 {
        format!("up {}", percent(d, 1))
    } else {
        format!("down {}", percent(-d, 1))
    })
}

/// What one change is worth by itself: ", alone: velocity up 15.4%,
/// revenue up 15.4%".
fn alone_text(c: &Comparison) -> String {
    // ", alone:" is 8 bytes: anything longer already names a figure.
    let mut out = String::from(", alone:");
    let mut add = |what: &str, t: Option<String>| {
        if let Some(t) = t.filter(|t| t != "no change") {
            if out.len() > 8 {
                out.push(',');
            }
            out.push_str(&format!(" {what} {t}"));
        }
    };
    if let (Some(b), Some(a)) = (c.velocity_before, c.velocity_after) {
        add("velocity", moved(b, a));
    }
    add("revenue", moved(c.revenue_before, c.revenue_after));
    if out.len() == 8 {
        out.push_str(" no change to velocity or revenue");
    }
    out
}

/// One labelled range slider with its current value shown beside it.
#[component]
fn Slider(
    /// Element id.
    id: &'static str,
    /// Visible label.
    label: &'static str,
    /// Smallest value.
    min: f64,
    /// Largest value.
    max: f64,
    /// Step between values.
    step: f64,
    /// Current value.
    value: Signal<f64>,
    /// Text shown next to the slider, such as "+5 pts → 57%".
    shown: Signal<String>,
    /// Called with the new value.
    on_change: Callback<f64>,
) -> impl IntoView {
    view! {
        <div class="sc-benchmarks-slider">
            <Field id=id label=label>
                {
                    let f = use_field();
                    view! {
                        <div class="sc-row">
                            <input
                                id=f.id()
                                type="range"
                                min=min
                                max=max
                                step=step
                                prop:value=move || value.get().to_string()
                                aria-valuetext=shown
                                aria-describedby=f.described_by()
                                on:input=move |ev| {
                                    if let Some(v) = crate::numbers::format::parse_decimal(&event_target_value(&ev)) {
                                        on_change.run(v);
                                    }
                                }
                            />
                            <output for=id class="sc-benchmarks-slider__value">{shown}</output>
                        </div>
                    }
                }
            </Field>
        </div>
    }
}

/// Sliders over the current result, the list of active changes and the
/// before/after of all of them together.
#[component]
pub fn WhatIfPanel(
    /// The complete result on screen; the sliders wait until there is one.
    shown: Signal<Option<Snapshot>>,
) -> impl IntoView {
    let what_if = RwSignal::new(WhatIf::default());
    let stage = RwSignal::new(Stage::Discovery.index());
    let figures = move || shown.with(|s| s.as_ref().map(|s| s.figures));

    let conv = Signal::derive(move || what_if.with(|w| w.conversion_pp[stage.get()]));
    let days = Signal::derive(move || what_if.with(|w| w.days[stage.get()]));
    let conv_shown = Signal::derive(move || {
        let base = figures().map(|f| f.conversion[stage.get()]).unwrap_or(0.0);
        let after = (base + conv.get()).clamp(0.0, 100.0);
        format!("{} pts → {}%", signed(conv.get(), ""), plain_text(after))
    });
    let days_shown = Signal::derive(move || {
        let base = figures().map(|f| f.days[stage.get()]).unwrap_or(0.0);
        let after = (base + days.get()).max(0.0);
        format!("{} → {} days", signed(days.get(), ""), days_text(after))
    });
    let pct_shown = |sig: Signal<f64>| Signal::derive(move || signed(sig.get(), "%"));
    let open = Signal::derive(move || what_if.with(|w| w.open_pct));
    let deal = Signal::derive(move || what_if.with(|w| w.deal_pct));
    let prospects = Signal::derive(move || what_if.with(|w| w.prospects_pct));

    // All changes together, and each alone, computed once per move.
    let effects_now = Memo::new(move |_| {
        shown.with(|s| {
            s.as_ref()
                .map(|s| effects(&s.figures, &s.baseline, &what_if.get()))
        })
    });
    let change = |before: f64, after: f64| {
        moved(before, after)
            .map(|t| format!(" ({t})"))
            .unwrap_or_default()
    };
    let before_after = move || {
        effects_now.with(|e| {
            e.as_ref().map(|e| {
                let c = e.combined;
                let v = |x: Option<f64>| {
                    x.map(|v| format!("{} a day", money(v)))
                        .unwrap_or_else(|| "— (no cycle)".into())
                };
                let vel_change = match (c.velocity_before, c.velocity_after) {
                    (Some(b), Some(a)) => change(b, a),
                    _ => String::new(),
                };
                view! {
                    <p hidden=e.each.len() < 2>{format!("All {} changes together:", e.each.len())}</p>
                    <p data-testid="what-if-velocity">
                        <strong>"Velocity: "</strong>
                        {format!("{} → {}{}", v(c.velocity_before), v(c.velocity_after), vel_change)}
                    </p>
                    <p data-testid="what-if-revenue">
                        <strong>"Revenue per month: "</strong>
                        {format!(
                            "{} → {}{}",
                            money(c.revenue_before),
                            money(c.revenue_after),
                            change(c.revenue_before, c.revenue_after)
                        )}
                    </p>
                }
            })
        })
    };
    // Every active change, with what it is worth alone and its own reset.
    let changes_list = move || {
        effects_now.with(|e| {
            e.iter()
                .flat_map(|e| e.each.iter())
                .map(|&(c, v, cmp)| {
                    view! {
                        <li>
                            <span>{format!("{} {}{}", c.name(), signed(v, c.unit()), alone_text(&cmp))}</span>
                            <button
                                type="button"
                                class="sc-button sc-button--ghost"
                                aria-label=c.reset_label()
                                on:click=move |_| what_if.update(|w| w.set(c, 0.0))
                            >
                                "Reset"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    let stage_options = move || {
        Stage::CONVERTING
            .into_iter()
            .map(|s| view! { <option value=s.index().to_string() selected=move || stage.get() == s.index()>{s.name()}</option> })
            .collect_view()
    };

    view! {
        <section class="sc-card sc-benchmarks-whatif" aria-labelledby="sc-benchmarks-whatif-title">
            <h2 id="sc-benchmarks-whatif-title">"What if?"</h2>
            <p class="sc-field__hint">
                "Move a slider to see what a change is worth. This does not change your saved numbers."
            </p>
            <Show
                when=move || shown.with(Option::is_some)
                fallback=|| view! { <p class="sc-benchmarks-empty">"The sliders appear once every field holds a number."</p> }
            >
                <div class="sc-benchmarks-whatif__grid">
                    <Field id="sc-benchmarks-whatif-stage" label="Stage to adjust">
                        {
                            let f = use_field();
                            view! {
                                <select
                                    id=f.id()
                                    class="sc-input"
                                    aria-describedby=f.described_by()
                                    on:change=move |ev| {
                                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                                            if i < FUNNEL {
                                                stage.set(i);
                                            }
                                        }
                                    }
                                >
                                    {stage_options()}
                                </select>
                            }
                        }
                    </Field>
                    <Slider
                        id="sc-benchmarks-whatif-conv"
                        label="Nudge the conversion (points)"
                        min=-30.0 max=30.0 step=1.0
                        value=conv shown=conv_shown
                        on_change=Callback::new(move |v| what_if.update(|w| w.conversion_pp[stage.get_untracked()] = v))
                    />
                    <Slider
                        id="sc-benchmarks-whatif-days"
                        label="Nudge the time in stage (days)"
                        min=-30.0 max=30.0 step=1.0
                        value=days shown=days_shown
                        on_change=Callback::new(move |v| what_if.update(|w| w.days[stage.get_untracked()] = v))
                    />
                    <Slider
                        id="sc-benchmarks-whatif-open"
                        label="Nudge open deals (%)"
                        min=-50.0 max=100.0 step=5.0
                        value=open shown=pct_shown(open)
                        on_change=Callback::new(move |v| what_if.update(|w| w.open_pct = v))
                    />
                    <Slider
                        id="sc-benchmarks-whatif-deal"
                        label="Nudge the deal value (%)"
                        min=-50.0 max=100.0 step=5.0
                        value=deal shown=pct_shown(deal)
                        on_change=Callback::new(move |v| what_if.update(|w| w.deal_pct = v))
                    />
                    <Slider
                        id="sc-benchmarks-whatif-prospects"
                        label="Nudge new prospects (%)"
                        min=-50.0 max=100.0 step=5.0
                        value=prospects shown=pct_shown(prospects)
                        on_change=Callback::new(move |v| what_if.update(|w| w.prospects_pct = v))
                    />
                </div>
                <div class="sc-benchmarks-whatif__result" aria-live="polite">
                    <h3 class="sc-benchmarks-subtitle">"Active changes"</h3>
                    <p class="sc-field__hint" hidden=move || !what_if.with(WhatIf::is_neutral)>"None yet: your figures as they are."</p>
                    <ul class="sc-benchmarks-changes" data-testid="what-if-changes">{changes_list}</ul>
                    {before_after}
                </div>
                <button
                    type="button"
                    class="sc-button sc-button--ghost"
                    disabled=move || what_if.with(WhatIf::is_neutral)
                    on:click=move |_| what_if.set(WhatIf::default())
                >
                    "Reset all"
                </button>

            </Show>

        </section>
    }
}

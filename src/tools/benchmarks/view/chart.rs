//! The two charts: each stage's conversion over its benchmark band, and the
//! money each stage leaves on the table (its fix value). Both are HTML bars
//! rather than a scaled SVG, so their words reflow and keep their size on a
//! 360 px phone. The stage table below holds the same numbers as text.

use crate::components::format::money;
use crate::tools::benchmarks::model::*;
use leptos::prelude::*;

/// One bar of a chart: its words and its geometry in % of the track.
struct Bar {
    label: &'static str,
    value: String,
    width: f64,
    band: Option<Range>,
    highlight: bool,
}

fn pct(x: f64) -> String {
    format!("{:.2}%", crate::numbers::finite_non_negative(x).min(100.0))
}

/// The rows of either chart. One function, not one per chart, so the wasm
/// carries the markup once.
fn bars(rows: Vec<Bar>) -> AnyView {
    rows.into_iter()
        .map(|b| {
            let band = b.band.map(|r| {
                view! {
                    <span class="sc-benchmarks-bars__band" style:left=pct(r.low) style:width=pct((r.high - r.low).max(0.5))></span>
                }
            });
            view! {
                <li class="sc-benchmarks-bars__row" class:sc-benchmarks-bars__row--bottleneck=b.highlight>
                    <span class="sc-benchmarks-bars__label">{b.label}</span>
                    <span class="sc-benchmarks-bars__value">{b.value}</span>
                    <span class="sc-benchmarks-bars__track" aria-hidden="true">
                        {band}
                        <span class="sc-benchmarks-bars__bar" style:width=pct(b.width.max(0.5))></span>
                    </span>
                </li>
            }
        })
        .collect_view()
        .into_any()
}

/// Conversion per stage against the benchmark band, with the bottleneck
/// highlighted and a legend: one labelled image for screen readers (the
/// stage table is its text).
#[component]
pub fn FunnelChart(
    /// The result on screen; the chart is hidden until all six
    /// conversions have a number.
    shown: Signal<Option<Snapshot>>,
    /// "Needs: …" while the chart waits for conversions.
    needs: Signal<Option<String>>,
) -> impl IntoView {
    let body = move || {
        shown.with(|s| {
            s.as_ref().map(|s| {
                let rows = Stage::CONVERTING
                    .into_iter()
                    .map(|stage| {
                        let c = s.analysis.stage(stage).conversion.unwrap_or(0.0);
                        let highlight = s.analysis.bottleneck == Some(stage);
                        Bar {
                            label: stage.name(),
                            value: format!(
                                "{}{}",
                                super::shared::percent_text(c),
                                if highlight { " · bottleneck" } else { "" }
                            ),
                            width: c,
                            band: Some(s.baseline.conversion[stage.index()]),
                            highlight,
                        }
                    })
                    .collect();
                bars(rows)
            })
        })
    };
    let segment = move || shown.with(|s| s.as_ref().map(|s| s.segment.name()).unwrap_or(""));

    view! {
        <section class="sc-card sc-benchmarks-chart" aria-labelledby="sc-benchmarks-chart-title">
            <h2 id="sc-benchmarks-chart-title">"Conversion by stage"</h2>
            <p id="sc-benchmarks-chart-desc" class="sc-field__hint">
                "Your conversion for each stage against the benchmark range. The stage table below lists the same numbers."
            </p>
            <Show
                when=move || shown.with(Option::is_some)
                fallback=move || view! { <p class="sc-benchmarks-empty">"The chart appears once each stage's conversion is in. "{needs}</p> }
            >
                <div role="img" aria-labelledby="sc-benchmarks-chart-title sc-benchmarks-chart-desc">
                    <ul class="sc-benchmarks-bars">{body}</ul>
                    <p class="sc-benchmarks-bars__axis" aria-hidden="true">
                        <span>"0%"</span><span>"50%"</span><span>"100%"</span>
                    </p>
                </div>
                <ul class="sc-benchmarks-legend">
                    <li>
                        <span class="sc-benchmarks-legend__swatch sc-benchmarks-legend__swatch--band" aria-hidden="true"></span>
                        {move || format!("Benchmark range ({})", segment())}
                    </li>
                    <li>
                        <span class="sc-benchmarks-legend__swatch sc-benchmarks-legend__swatch--bar" aria-hidden="true"></span>
                        "Your conversion"
                    </li>
                    <li>
                        <span class="sc-benchmarks-legend__swatch sc-benchmarks-legend__swatch--bottleneck" aria-hidden="true"></span>
                        "Bottleneck, also marked “bottleneck” next to its value"
                    </li>
                </ul>
            </Show>
        </section>
    }
}

/// "Money left on the table": each stage's fix value a month, longest bar
/// for the largest. A list whose every row reads as text ("Discovery
/// $32,695 a month"), so it is its own text alternative.
#[component]
pub fn MoneyChart(
    /// The result on screen (from the same analysis as the stage table).
    shown: Signal<Option<Snapshot>>,
) -> impl IntoView {
    let body = move || {
        shown.with(|s| {
            let Some(s) = s else {
                return view! { <li class="sc-benchmarks-empty">"This appears once every stage has its numbers."</li> }.into_any();
            };
            let a = &s.analysis;
            let values: Vec<f64> = a.stages[..FUNNEL]
                .iter()
                .map(|r| r.fix_value.unwrap_or(0.0))
                .collect();
            let top = values.iter().copied().fold(0.0, f64::max);
            let rows = Stage::CONVERTING
                .into_iter()
                .zip(values)
                .map(|(stage, v)| Bar {
                    label: stage.name(),
                    value: format!("{} a month", money(v)),
                    width: if top > 0.0 { v / top * 100.0 } else { 0.0 },
                    band: None,
                    highlight: a.bottleneck == Some(stage),
                })
                .collect();
            bars(rows)
        })
    };
    view! {
        <section class="sc-card sc-benchmarks-chart sc-benchmarks-money" aria-labelledby="sc-benchmarks-money-title" data-testid="money-chart">
            <h2 id="sc-benchmarks-money-title">"Money left on the table"</h2>
            <p class="sc-field__hint">
                "What each stage would add a month if it alone reached the middle of its benchmark range. A stage already there adds nothing."
            </p>
            <ul class="sc-benchmarks-bars sc-benchmarks-bars--money">{body}</ul>
        </section>
    }
}

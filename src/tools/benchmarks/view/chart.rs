//! The funnel chart: each stage's conversion drawn over its benchmark band.
//! The stage table below it holds the same numbers as text, so the SVG is a
//! single labelled image for screen readers.

use crate::tools::benchmarks::model::*;
use leptos::prelude::*;

const WIDTH: f64 = 720.0;
const LABEL_W: f64 = 190.0;
const PLOT_W: f64 = 360.0;
/// Values sit in their own column right of the plot, clear of the bands.
const VALUE_X: f64 = LABEL_W + PLOT_W + 12.0;
const ROW_H: f64 = 40.0;
const TOP: f64 = 12.0;
const AXIS_H: f64 = 48.0;

fn x_of(pct: f64) -> f64 {
    LABEL_W + crate::numbers::finite_non_negative(pct).min(100.0) / 100.0 * PLOT_W
}

/// Inline-SVG bar chart of conversion per stage against the benchmark
/// band, with the bottleneck highlighted and a legend.
#[component]
pub fn FunnelChart(
    /// The result on screen; the chart is hidden until all six
    /// conversions have a number.
    shown: Signal<Option<Snapshot>>,
    /// "Needs: …" while the chart waits for conversions.
    needs: Signal<Option<String>>,
) -> impl IntoView {
    let height = TOP + ROW_H * FUNNEL as f64 + AXIS_H;
    let body = move || {
        shown.get().map(|s| {
            let rows = Stage::CONVERTING
                .into_iter()
                .map(|stage| {
                    let i = stage.index();
                    let r = s.analysis.stage(stage);
                    let c = r.conversion.unwrap_or(0.0);
                    let band = s.baseline.conversion[i];
                    let y = TOP + ROW_H * i as f64;
                    let is_bottleneck = s.analysis.bottleneck == Some(stage);
                    let bar_class = if is_bottleneck {
                        "sc-benchmarks-chart__bar sc-benchmarks-chart__bar--bottleneck"
                    } else {
                        "sc-benchmarks-chart__bar"
                    };
                    let value = format!(
                        "{}{}",
                        super::shared::percent_text(c),
                        if is_bottleneck { " · bottleneck" } else { "" }
                    );
                    view! {
                        <g>
                            <text class="sc-benchmarks-chart__label" x=LABEL_W - 8.0 y=y + ROW_H / 2.0 + 5.0 text-anchor="end">
                                {stage.name()}
                            </text>
                            <rect
                                class="sc-benchmarks-chart__band"
                                x=x_of(band.low)
                                y=y + 4.0
                                width=(x_of(band.high) - x_of(band.low)).max(2.0)
                                height=ROW_H - 8.0
                                rx="3"
                            />
                            <rect
                                class=bar_class
                                x=LABEL_W
                                y=y + ROW_H / 2.0 - 6.0
                                width=(x_of(c) - LABEL_W).max(1.0)
                                height="12"
                                rx="2"
                            />
                            <text class="sc-benchmarks-chart__value" class:sc-benchmarks-chart__value--bottleneck=is_bottleneck x=VALUE_X y=y + ROW_H / 2.0 + 5.0>
                                {value}
                            </text>
                        </g>
                    }
                })
                .collect_view();
            let axis_y = TOP + ROW_H * FUNNEL as f64;
            let ticks = [0.0, 25.0, 50.0, 75.0, 100.0]
                .into_iter()
                .map(|t| {
                    view! {
                        <g>
                            <line class="sc-benchmarks-chart__grid" x1=x_of(t) x2=x_of(t) y1=TOP y2=axis_y />
                            <text class="sc-benchmarks-chart__tick" x=x_of(t) y=axis_y + 16.0 text-anchor="middle">
                                {format!("{}%", t as u32)}
                            </text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <svg
                    class="sc-benchmarks-chart__svg"
                    viewBox=format!("0 0 {WIDTH} {height}")
                    role="img"
                    aria-labelledby="sc-benchmarks-chart-title sc-benchmarks-chart-desc"
                    preserveAspectRatio="xMinYMin meet"
                >
                    {ticks}
                    <line class="sc-benchmarks-chart__axis" x1=LABEL_W x2=LABEL_W + PLOT_W y1=axis_y y2=axis_y />
                    <text class="sc-benchmarks-chart__axis-title" x=LABEL_W + PLOT_W / 2.0 y=axis_y + 38.0 text-anchor="middle">
                        "Conversion to the next stage (%)"
                    </text>
                    {rows}
                </svg>
            }
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
                {body}
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

//! The per-stage table: the evidence behind the cards, and the chart's text
//! alternative. Its cells carry the acceptance tests' `data-testid`s.

use super::shared::{days_text, percent_text, range_text};
use crate::components::format::money;
use crate::components::Badge;
use crate::tools::benchmarks::model::*;
use leptos::prelude::*;

/// A status word with its shape and colour. The test id sits on the word
/// alone, so its text is exactly "below", "within", …
fn status_badge(testid: String, word: &'static str, tone: Tone) -> AnyView {
    view! {
        <Badge tone=tone icon=true>
            <span data-testid=testid>{word}</span>
        </Badge>
    }
    .into_any()
}

/// Conversion, days, both statuses, stale threshold and fix value for every
/// stage. Each cell shows as soon as the inputs it reads are in.
#[component]
pub fn StageTable(
    /// The result output by output (possibly from the last valid numbers).
    partial: Signal<Partial>,
    /// Ranges of the chosen segment, used for the stale column before any
    /// result exists.
    fallback_baseline: Signal<Option<Baseline>>,
) -> impl IntoView {
    let rows = Stage::ALL
        .into_iter()
        .map(|stage| {
            let i = stage.index();
            let slug = stage.slug();
            // The row's figures when output `o` of this stage can be shown.
            let cell = move |o: Output| partial.with(|p| p.analysis_for(o).map(|a| *a.stage(stage)));
            let conv_out = if i < FUNNEL { Output::Conversion(i) } else { Output::Onboarding };
            let row = move || cell(conv_out).zip(partial.with(|p| p.snapshot.as_ref().map(|s| s.baseline)));
            let baseline = move || partial.with(|p| p.snapshot.as_ref().map(|s| s.baseline)).or_else(|| fallback_baseline.get());
            let is_bottleneck =
                move || partial.with(|p| p.analysis_for(Output::Bottleneck).is_some_and(|a| a.bottleneck == Some(stage)));

            let conversion = move || match row() {
                Some((r, _)) => r.conversion.map(percent_text).unwrap_or_else(|| "n/a".into()),
                None => "—".into(),
            };
            let conversion_bench = move || match baseline() {
                Some(b) if i < FUNNEL => format!("{}%", range_text(b.conversion[i])),
                Some(_) => "—".into(),
                None => "—".into(),
            };
            let conversion_status = move || match row().and_then(|(r, _)| r.conversion_status) {
                Some(st) => status_badge(format!("conversion-status-{slug}"), st.word(), st.tone()),
                None => view! { <span data-testid=format!("conversion-status-{slug}")>{if i < FUNNEL { "—" } else { "n/a" }}</span> }.into_any(),
            };
            let days_row = move || cell(Output::Days(i));
            let days = move || days_row().map(|r| days_text(r.days)).unwrap_or_else(|| "—".into());
            let days_bench = move || baseline().map(|b| format!("{} days", range_text(b.days[i]))).unwrap_or_else(|| "—".into());
            let time_status = move || match days_row() {
                Some(r) => status_badge(format!("time-status-{slug}"), r.time_status.word(), r.time_status.tone()),
                None => view! { <span data-testid=format!("time-status-{slug}")>"—"</span> }.into_any(),
            };
            let stale = move || {
                if i < FUNNEL {
                    baseline().map(|b| days_text(stale_days(&b, i))).unwrap_or_else(|| "—".into())
                } else {
                    "—".into()
                }
            };
            let fix = move || {
                if i < FUNNEL {
                    cell(Output::FixValue(i)).and_then(|r| r.fix_value).map(money).unwrap_or_default()
                } else {
                    String::new()
                }
            };
            let name = if i < FUNNEL { stage.name().to_string() } else { format!("{} (days to first value)", stage.name()) };
            view! {
                <tr class:sc-benchmarks-table__row--bottleneck=is_bottleneck>
                    <th scope="row">
                        {name}
                        <Show when=is_bottleneck>
                            " "<Badge tone=Tone::Bad>"Bottleneck"</Badge>
                        </Show>
                    </th>
                    <td class="sc-num">{conversion}</td>
                    <td class="sc-num sc-benchmarks-table__bench">{conversion_bench}</td>
                    <td>{conversion_status}</td>
                    <td class="sc-num">{days}</td>
                    <td class="sc-num sc-benchmarks-table__bench">{days_bench}</td>
                    <td>{time_status}</td>
                    <td class="sc-num" data-testid=format!("stale-days-{slug}")>{stale}</td>
                    <td class="sc-num" data-testid=format!("fix-value-{slug}")>{fix}</td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <section class="sc-card sc-benchmarks-table-card" aria-labelledby="sc-benchmarks-table-title">
            <h2 id="sc-benchmarks-table-title">"Stage table"</h2>
            <p class="sc-field__hint">
                "A deal is stale once it sits in a stage for twice the benchmark's longest time. Fix value is the extra revenue a month if that stage alone reached the middle of its benchmark range."
            </p>
            <p class="sc-benchmarks-table-hint" id="sc-benchmarks-table-hint" data-testid="table-scroll-hint">
                "The table is wider than the screen: scroll it sideways for days, stale and fix value."
            </p>
            <div class="sc-benchmarks-table-wrap" tabindex="0" role="region" aria-labelledby="sc-benchmarks-table-title" aria-describedby="sc-benchmarks-table-hint">
                <table class="sc-benchmarks-table">
                    <thead>
                        <tr>
                            <th scope="col">"Stage"</th>
                            <th scope="col">"Conversion"</th>
                            <th scope="col">"Benchmark"</th>
                            <th scope="col">"Conversion status"</th>
                            <th scope="col">"Days"</th>
                            <th scope="col">"Benchmark"</th>
                            <th scope="col">"Time status"</th>
                            <th scope="col">"Stale after (days)"</th>
                            <th scope="col">"Fix value a month"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

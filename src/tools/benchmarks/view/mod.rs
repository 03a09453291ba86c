//! Views of the benchmarks tool: the page layout, the inputs and the
//! summary cards. The chart, the stage table, the what-if panel and the
//! custom-baseline form live in their own files next to this one.

mod baseline;
mod chart;
mod shared;
mod table;
mod whatif;

use super::model::Action;
use super::model::*;
use crate::components::format::{money, number, percent};
use crate::components::{use_field, Badge, Download, ExportActions, Field, NumberField, UndoToast};
use crate::embed::Completed;
use crate::export::csv::Delimiter;
use crate::storage::browser::use_document;
use baseline::BaselineEditor;
use chart::FunnelChart;
use leptos::prelude::*;
use shared::days_text;
use table::StageTable;
use whatif::WhatIfPanel;

/// The user's local calendar day (the browser's `Date` knows the zone).
fn local_today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// How long the visitor must pause before a result counts as finished.
const SETTLE_MS: u64 = 1000;

/// The stage benchmark calculator. `rest` is the part of the route after the
/// tool's slug; the tool is a single screen, so it is not used.
#[component]
pub fn BenchmarksTool(#[prop(into)] rest: Signal<String>) -> impl IntoView {
    let _ = rest;
    let doc = use_document::<BenchmarksDoc>();
    let doc_read: Signal<BenchmarksDoc> = doc.into();
    // The form's text parsed once per change; every question below (the
    // result, blank, invalid fields, the ranges) reads this one value.
    let form = Memo::new(move |_| doc.with(|d| ParsedForm::from(d)));
    let form_sig: Signal<ParsedForm> = form.into();

    // The last result told to an embedding page, so each distinct finished
    // result is reported once (never saved).
    let reported = StoredValue::new(Reported::default());
    let report = move |outcome: Option<Outcome>| {
        if let Some(Outcome::Completed {
            velocity_per_day,
            bottleneck,
        }) = outcome
        {
            crate::shell::report_completed(Completed::Benchmarks {
                velocity_per_day,
                bottleneck: bottleneck.map(|b| b.name().to_string()),
            });
        }
    };
    // A result goes to the host only once the visitor has paused: typing
    // "42000" passes through four results nobody meant. After the pause,
    // the form must be valid and its result new (`Reported::settle`).
    let pause = send_wrapper::SendWrapper::new(crate::components::listen::Timer::new());
    let on_action = Callback::new(move |a: Action| {
        doc.update(|d| d.apply(a));
        pause.restart(SETTLE_MS, move || {
            report(
                form.try_with_untracked(|f| reported.try_update_value(|r| r.settle(f)))
                    .flatten()
                    .flatten(),
            )
        });
    });
    // What the visitor typed into the prerendered form before the wasm
    // arrived becomes their input, as if typed now.
    let mode = doc.with_untracked(|d| d.mode);
    for field in Field::visible(mode) {
        if let Some(text) = crate::shell::take_prefill(&field.id()) {
            on_action.run(Action::SetField(field, text));
        }
    }
    // A result already saved when the tool opens is reported once too, as
    // a host page expects. Reads are untracked, so this runs only once.
    Effect::new(move |_| {
        report(
            form.with_untracked(|f| reported.try_update_value(|r| r.settle(f)))
                .flatten(),
        )
    });

    // The result of what is typed now, or None while something is invalid.
    let current = Memo::new(move |_| form.with(|f| f.snapshot.clone()));
    let blank = Memo::new(move |_| form.with(|f| f.blank));
    // What is on screen: the current result, else the last valid one (so a
    // typo never wipes the figures), else nothing once the form is empty.
    let shown = Memo::new(move |prev: Option<&Option<Snapshot>>| match current.get() {
        Some(s) => Some(s),
        None if blank.get() => None,
        None => prev.cloned().flatten(),
    });
    let stale =
        Signal::derive(move || current.with(Option::is_none) && shown.with(Option::is_some));
    let shown_sig: Signal<Option<Snapshot>> = shown.into();

    // Clear keeps a copy for Undo instead of asking "are you sure?".
    let cleared = RwSignal::new(None::<BenchmarksDoc>);
    let clear = move |_| {
        let before = doc.get_untracked();
        on_action.run(Action::Clear);
        cleared.set(Some(before));
    };
    let undo_message =
        Signal::derive(move || cleared.with(|c| c.as_ref().map(|_| "Form cleared.".to_string())));
    let on_undo = Callback::new(move |_| {
        if let Some(before) = cleared.get_untracked() {
            on_action.run(Action::Restore(Box::new(before)));
        }
        cleared.set(None);
    });
    let on_expire = Callback::new(move |_| cleared.set(None));

    // The shared settings when the shell provides them (a tool mounted on
    // its own keeps its choice for the visit).
    let settings = use_context::<RwSignal<crate::settings::Settings>>()
        .unwrap_or_else(|| RwSignal::new(Default::default()));
    let delimiter = Memo::new(move |_| {
        settings.with(|s| match s.csv_delimiter {
            Some(';') => Delimiter::Semicolon,
            Some(_) => Delimiter::Comma,
            None => Delimiter::for_decimal_separator(crate::numbers::user_locale().decimal),
        })
    });
    let csv = Signal::derive(move || {
        let ctx = SheetContext {
            date: local_today(),
            currency: crate::components::format::currency(),
            delimiter: delimiter.get(),
        };
        doc.with(|d| {
            shown.with(|s| {
                s.as_ref()
                    .map(|s| benchmarks_csv(d, s, &ctx))
                    .unwrap_or_default()
            })
        })
    });
    // Pasted text has no use for the byte-order mark; the file keeps it.
    let copy_csv =
        Signal::derive(move || csv.with(|c| c.trim_start_matches('\u{feff}').to_string()));
    let print_date = crate::components::format::today_long();

    view! {
        <section class="sc-tool sc-benchmarks">
            <p class="sc-benchmarks-print-header">"Stagecraft · Stage benchmarks · " {print_date}</p>
            <header class="sc-benchmarks-header">
                <h1 class="sc-page-title">"Stage benchmarks"</h1>
                <p class="sc-lede">
                    "Put in your funnel numbers. You will see where deals leak, where they stall, and what fixing the worst stage is worth each month."
                </p>
                <div class="sc-row sc-benchmarks-actions">
                    <button type="button" class="sc-button sc-button--primary" on:click=move |_| on_action.run(Action::LoadExample)>
                        "Load example team"
                    </button>
                    <button type="button" class="sc-button sc-button--ghost" on:click=clear>
                        "Clear"
                    </button>
                </div>
            </header>
            <div class="sc-benchmarks-layout">
                <InputsPanel doc=doc_read form=form_sig on_action=on_action />
                <div class="sc-benchmarks-side">
                    <SummaryCards shown=shown_sig stale=stale invalid=Signal::derive(move || form.with(ParsedForm::invalid_count)) baseline_ok=Signal::derive(move || form.with(|f| f.baseline.is_some())) />
                </div>
            </div>
            <FunnelChart shown=shown_sig />
            <StageTable shown=shown_sig fallback_baseline=Signal::derive(move || form.with(|f| f.baseline)) />
            <WhatIfPanel shown=shown_sig />
            <section class="sc-card sc-benchmarks-export" aria-labelledby="sc-benchmarks-export-title">
                <h2 id="sc-benchmarks-export-title">"Share the stage table"</h2>
                <p class="sc-field__hint">"Copy it into a spreadsheet, save it as a file, or print a one-page report."</p>
                <div class="sc-field sc-benchmarks-sheet-format">
                    <label class="sc-field__label" for="sc-benchmarks-sheet-format">"Spreadsheet format"</label>
                    <select
                        id="sc-benchmarks-sheet-format"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            settings.update(|s| s.csv_delimiter = v.chars().next());
                        }
                    >
                        <option value="" selected=move || settings.with(|s| s.csv_delimiter.is_none())>"Automatic (by language)"</option>
                        <option value="," selected=move || settings.with(|s| s.csv_delimiter == Some(','))>"Commas, decimal point (1234.5)"</option>
                        <option value=";" selected=move || settings.with(|s| s.csv_delimiter == Some(';'))>"Semicolons, decimal comma (1234,5)"</option>
                    </select>
                </div>
                <ExportActions
                    copy_label="Copy as CSV"
                    copy_text=copy_csv
                    download=Download {
                        label: "Download CSV",
                        filename: "stagecraft-stage-benchmarks.csv".into(),
                        mime: "text/csv",
                        text: csv,
                    }
                />
            </section>
            <UndoToast message=undo_message on_undo=on_undo on_expire=on_expire />
        </section>
    }
}

/// The left column: segment, entry mode and every figure the formulas need.
#[component]
fn InputsPanel(
    /// The saved document (read only; changes go through `on_action`).
    doc: Signal<BenchmarksDoc>,
    /// The document parsed once: the ranges and count warnings come from it.
    form: Signal<ParsedForm>,
    /// Applies a change to the document.
    on_action: Callback<Action>,
) -> impl IntoView {
    let segment = Memo::new(move |_| doc.with(|d| d.segment));
    let mode = Memo::new(move |_| doc.with(|d| d.mode));
    let baseline = Memo::new(move |_| form.with(|f| f.baseline));
    let warnings = Memo::new(move |_| form.with(|f| f.count_warnings.clone()));

    let segment_options = Segment::ALL
        .into_iter()
        .map(|s| {
            view! { <option value=s.slug() selected=move || segment.get() == s>{s.name()}</option> }
        })
        .collect_view();

    let stage_groups = Stage::ALL
        .into_iter()
        .map(|stage| {
            let i = stage.index();
            let bench = move || {
                baseline.get().map(|b| {
                    if i < FUNNEL {
                        format!(
                            "Benchmark: {}% convert, {} days in stage.",
                            shared::range_text(b.conversion[i]),
                            shared::range_text(b.days[i])
                        )
                    } else {
                        format!(
                            "Benchmark: {} days to first value.",
                            shared::range_text(b.days[i])
                        )
                    }
                })
            };
            let fields = move || {
                let mut list = Vec::new();
                if i < FUNNEL {
                    list.push(match mode.get() {
                        InputMode::Rates => Field::Conversion(i),
                        InputMode::Counts => Field::Count(i),
                    });
                    list.push(Field::Days(i));
                    if i == FUNNEL - 1 && mode.get() == InputMode::Counts {
                        list.push(Field::Count(FUNNEL));
                    }
                } else {
                    list.push(Field::OnboardingDays);
                }
                list.into_iter()
                    .map(|f| field_view(doc, on_action, f))
                    .collect_view()
            };
            view! {
                <fieldset class="sc-benchmarks-stage">
                    <legend>{format!("{}. {}", i + 1, stage.name())}</legend>
                    <p class="sc-field__hint">{bench}" " {stage.key_metric()}</p>
                    <div class="sc-benchmarks-pair">{fields}</div>
                </fieldset>
            }
        })
        .collect_view();

    view! {
        <form class="sc-benchmarks-inputs sc-stack sc-no-print" on:submit=|ev| ev.prevent_default() aria-label="Your funnel">
            <div class="sc-card sc-stack">
                <Field
                    id="sc-benchmarks-segment"
                    label="Segment"
                    hint="Choose the benchmarks to compare with. Once you have a few quarters of your own data, save it as My baseline."
                >
                    {
                        let f = use_field();
                        view! {
                            <select
                                id=f.id()
                                class="sc-input"
                                aria-invalid=f.aria_invalid()
                                aria-describedby=f.described_by()
                                on:change=move |ev| {
                                    if let Some(s) = Segment::from_slug(&event_target_value(&ev)) {
                                        on_action.run(Action::SetSegment(s));
                                    }
                                }
                            >
                                {segment_options}
                            </select>
                        }
                    }
                </Field>
                <Show when=move || segment.get() == Segment::MyBaseline>
                    <BaselineEditor doc=doc on_action=on_action />
                </Show>
                <fieldset class="sc-benchmarks-mode">
                    <legend>"How do you want to enter conversion?"</legend>
                    <label class="sc-choice" for="sc-benchmarks-mode-rates">
                        <input
                            id="sc-benchmarks-mode-rates"
                            type="radio"
                            name="sc-benchmarks-mode"
                            prop:checked=move || mode.get() == InputMode::Rates
                            on:change=move |_| on_action.run(Action::SetMode(InputMode::Rates))
                        />
                        <span>"Conversion rates (%)"</span>
                    </label>
                    <label class="sc-choice" for="sc-benchmarks-mode-counts">
                        <input
                            id="sc-benchmarks-mode-counts"
                            type="radio"
                            name="sc-benchmarks-mode"
                            prop:checked=move || mode.get() == InputMode::Counts
                            on:change=move |_| on_action.run(Action::SetMode(InputMode::Counts))
                        />
                        <span>"Enter counts instead"</span>
                    </label>
                    <Show when=move || mode.get() == InputMode::Counts>
                        <p class="sc-field__hint">
                            "Type how many deals entered each stage in the same period, and how many you won. We work out each stage's conversion from them."
                        </p>
                    </Show>
                </fieldset>
            </div>
            <div class="sc-card">
                <fieldset class="sc-stack sc-benchmarks-pipeline">
                    <legend>"Your pipeline"</legend>
                    {field_view(doc, on_action, Field::Prospects)}
                    {field_view(doc, on_action, Field::OpenOpportunities)}
                    {field_view(doc, on_action, Field::DealSize)}
                </fieldset>
            </div>
            <div class="sc-card sc-stack">
                <h2 class="sc-benchmarks-subtitle">"Stage by stage"</h2>
                <p class="sc-field__hint">
                    "Conversion is the share of deals that move on to the next stage. Days is the average time a deal spends in the stage."
                </p>
                <div role="status" aria-live="polite" class="sc-benchmarks-warnings">
                    {move || {
                        warnings
                            .get()
                            .into_iter()
                            .map(|w| view! { <p class="sc-benchmarks-warning"><span aria-hidden="true">"⚠ "</span>{w.message()}</p> })
                            .collect_view()
                    }}
                </div>
                {stage_groups}
            </div>
        </form>
    }
}

/// One labelled number field bound to a document field.
fn field_view(doc: Signal<BenchmarksDoc>, on_action: Callback<Action>, f: Field) -> impl IntoView {
    let value = Signal::derive(move || doc.with(|d| d.raw(f).to_string()));
    let on_input = Callback::new(move |v: String| on_action.run(Action::SetField(f, v)));
    let prefix = (f == Field::DealSize).then_some("$");
    view! {
        <NumberField id=f.id() label=f.label() value=value on_input=on_input rules=f.rules() kind=Some(f.kind()) prefix=prefix suffix=f.suffix() />
    }
}

/// The headline numbers: win rate, cycle, velocity, revenue, bottleneck and
/// slowest stage. Sticky beside the inputs on wide screens.
#[component]
fn SummaryCards(
    /// The result on screen (possibly the last valid one).
    shown: Signal<Option<Snapshot>>,
    /// True when `shown` no longer matches the inputs.
    stale: Signal<bool>,
    /// How many fields are invalid right now.
    invalid: Signal<usize>,
    /// False when "My baseline" is chosen and its form has errors.
    baseline_ok: Signal<bool>,
) -> impl IntoView {
    let a = move || shown.with(|s| s.as_ref().map(|s| s.analysis.clone()));
    let b = move || shown.with(|s| s.as_ref().map(|s| s.baseline));

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
        } else if shown.with(Option::is_none) {
            Some(view! {
                <p class="sc-benchmarks-empty">
                    "Fill in every field, or load the example team, to see where your funnel leaks. "
                    {why}
                </p>
            }
            .into_any())
        } else {
            None
        }
    };

    let win_text = move || {
        a().map(|a| percent(a.win_rate_pct, 1))
            .unwrap_or_else(|| "—".into())
    };
    let win_meta = move || {
        a().zip(b()).map(|(a, b)| {
            let st = a.win_rate_status;
            view! {
                <p class="sc-benchmarks-card__meta">
                    {format!("Target {}% from qualified pipeline. ", shared::range_text(b.win_rate))}
                    <Badge tone=st.tone() icon=true>{format!("{} target", st.word())}</Badge>
                </p>
            }
        })
    };
    let cycle_text = move || {
        a().map(|a| days_text(a.cycle_days))
            .unwrap_or_else(|| "—".into())
    };
    let cycle_meta = move || {
        a().zip(b()).map(|(a, b)| {
            let st = a.cycle_status;
            view! {
                <p class="sc-benchmarks-card__meta">
                    {format!("Target {} days, qualification to close. ", shared::range_text(b.cycle))}
                    <Badge tone=st.tone() icon=true>{format!("{} target", st.word())}</Badge>
                </p>
            }
        })
    };
    let velocity_text = move || {
        a().and_then(|a| a.velocity_per_day)
            .map(crate::components::format::money_short)
            .unwrap_or_else(|| "—".into())
    };
    let velocity_meta = move || {
        a().map(
            |a| match (a.velocity_per_month(), a.velocity_per_quarter()) {
                (Some(m), Some(q)) => format!(
                "{} a month, {} a quarter. Open opportunities × win rate × deal size ÷ cycle days.",
                money(m),
                money(q)
            ),
                _ => velocity_gap_reason(&a).to_string(),
            },
        )
    };
    let revenue_text = move || {
        a().map(|a| crate::components::format::money_short(a.revenue_per_month))
            .unwrap_or_else(|| "—".into())
    };
    let revenue_meta = move || {
        a().map(|a| {
            format!(
                "From {} deals won a month out of your new prospects.",
                number(a.deals_per_month, 1)
            )
        })
    };
    let bottleneck_text = move || {
        a().map(|a| {
            a.bottleneck
                .map(|s| s.name().to_string())
                .unwrap_or_else(|| "none below benchmark".into())
        })
        .unwrap_or_else(|| "—".into())
    };
    let bottleneck_meta = move || {
        a().zip(b()).map(|(a, b)| {
            let worth = a
                .bottleneck
                .and_then(|s| a.stage(s).fix_value)
                .map(|v| {
                    format!(
                        " Bringing it to the benchmark midpoint is worth {} more a month.",
                        money(v)
                    )
                })
                .unwrap_or_default();
            format!(
                "{}{}",
                bottleneck_sentence_in(&a, &b, shared::plain_text),
                worth
            )
        })
    };
    let slowest_text = move || {
        a().map(|a| {
            a.slowest
                .map(|s| s.name().to_string())
                .unwrap_or_else(|| "none over benchmark".into())
        })
        .unwrap_or_else(|| "—".into())
    };
    let slowest_meta = move || {
        a().zip(b())
            .map(|(a, b)| slowest_sentence_in(&a, &b, shared::plain_text))
    };
    let savings = move || {
        a().map(|a| {
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
                <article class="sc-card sc-benchmarks-card">
                    <h3 class="sc-benchmarks-card__label">"Revenue per month"</h3>
                    <p class="sc-benchmarks-card__value"><span data-testid="revenue-per-month">{revenue_text}</span></p>
                    <p class="sc-benchmarks-card__meta">{revenue_meta}</p>
                </article>
                <article class="sc-card sc-benchmarks-card">
                    <h3 class="sc-benchmarks-card__label">"Slowest stage"</h3>
                    <p class="sc-benchmarks-card__value"><span data-testid="slowest-stage">{slowest_text}</span></p>
                    <p class="sc-benchmarks-card__meta">{slowest_meta}</p>
                    <ul class="sc-benchmarks-savings">{savings}</ul>
                </article>
            </div>
        </section>
    }
}

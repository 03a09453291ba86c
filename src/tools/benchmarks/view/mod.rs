//! Views of the benchmarks tool: the page layout and the inputs. The
//! headline and coverage, the summary cards, the chart, the stage table,
//! the what-if panel and the custom-baseline form live in their own files
//! next to this one.

mod baseline;
mod cards;
mod chart;
mod headline;
mod period;
mod provenance;
mod shared;
mod table;
mod whatif;

use super::model::Action;
use super::model::*;
use crate::components::{use_field, Download, ExportActions, Field, NumberField, UndoToast};
use crate::embed::Completed;
use crate::export::csv::Delimiter;
use crate::storage::browser::use_document;
use baseline::BaselineEditor;
use cards::SummaryCards;
use chart::{FunnelChart, MoneyChart};
use headline::{CoverageCard, Headline};
use leptos::prelude::*;
use provenance::ProvenanceNote;
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

    // The last result told to an embedding page in this visit, so each
    // distinct finished result is reported once (never saved).
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
    for field in Field::visible(mode).into_iter().chain([Field::Quota]) {
        if let Some(text) = crate::shell::take_prefill(&field.id()) {
            on_action.run(Action::SetField(field, text));
        }
    }
    // A result already saved when the tool opens is not reported: a widget
    // tells the host page only what the visitor did in this visit, never a
    // returning visitor's stored figures (issue 16). The first change made
    // here reports, even when it lands on the saved result.

    // What is on screen, output by output: each figure as soon as its own
    // inputs are in, a field being fixed keeping its last valid number (so
    // a typo never wipes a figure, it marks it out of date), nothing once
    // the form is empty.
    let blank = Memo::new(move |_| form.with(|f| f.blank));
    let partial = Memo::new(move |prev: Option<&Partial>| {
        doc.with(|d| form.with(|f| Partial::new(d, f, prev)))
    });
    let partial_sig: Signal<Partial> = partial.into();
    // The whole result, for the what-if and the CSV, once every field has
    // a number.
    let shown = Memo::new(move |_| partial.with(|p| p.full().cloned()));
    let shown_sig: Signal<Option<Snapshot>> = shown.into();
    let chart_shown = ready_snapshot(partial, Output::Chart);
    // Fix values need prospects, deal size and the conversions, as the
    // bottleneck's worth does.
    let money_shown = ready_snapshot(partial, Output::BottleneckWorth);
    let chart_needs =
        Signal::derive(move || partial.with(|p| cards::needs_line(&p.ready(Output::Chart))));
    let quota = Signal::derive(move || doc.with(|d| d.parse(Field::Quota).ok()));

    // Clear, loading the example and "Start from …" keep a copy for Undo
    // instead of asking "are you sure?".
    let undo = RwSignal::new(None::<(BenchmarksDoc, &'static str)>);
    let undoable = Callback::new(move |(a, message): (Action, &'static str)| {
        let before = doc.get_untracked();
        on_action.run(a);
        undo.set(Some((before, message)));
    });
    let undo_message =
        Signal::derive(move || undo.with(|c| c.as_ref().map(|(_, m)| m.to_string())));
    let on_undo = Callback::new(move |_| {
        if let Some((before, _)) = undo.get_untracked() {
            on_action.run(Action::Restore(Box::new(before)));
        }
        undo.set(None);
    });
    let on_expire = Callback::new(move |_| undo.set(None));

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
    // A widget on a landing page must stay short: the answer and the
    // figures come first, each group of inputs is folded under its heading,
    // and the chart, table, what-if and export wait under "More".
    let compact = crate::shell::is_embedded();
    // A phone-wide widget folds the longer figures too (the width of a
    // widget's frame is set by its host and rarely changes).
    let fold = compact
        && window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w < 560.0);
    let side = move || {
        view! {
            <div class="sc-benchmarks-side">
                <SummaryCards
                    partial=partial_sig
                    invalid=Signal::derive(move || form.with(ParsedForm::problem_count))
                    small=Signal::derive(move || form.with(|f| f.small_samples.clone()))
                    baseline_ok=Signal::derive(move || form.with(|f| f.baseline.is_some()))
                    blank=blank.into()
                    coverage=view! { <CoverageCard partial=partial_sig quota=quota /> }.into_any()
                    fold=fold
                />
            </div>
        }
    };
    let inputs = move || {
        view! { <InputsPanel doc=doc_read form=form_sig on_action=on_action undoable=undoable folded=compact /> }
    };
    let layout = if compact {
        view! { {side()} {inputs()} }.into_any()
    } else {
        view! { {inputs()} {side()} }.into_any()
    };
    let more = view! {
            <FunnelChart shown=chart_shown needs=chart_needs />
            <StageTable partial=partial_sig fallback_baseline=Signal::derive(move || form.with(|f| f.baseline)) />
            <div class="sc-benchmarks-table-foot">
                <ProvenanceNote doc=doc_read testid="table-source" />
                <PrintInputs doc=doc_read />
            </div>
            <MoneyChart shown=money_shown />
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
    };
    let more = if compact {
        view! {
            <details class="sc-benchmarks-more">
                <summary class="sc-benchmarks-group__title">"Chart, stage table, what-if and export"</summary>
                {more}
            </details>
        }
        .into_any()
    } else {
        more.into_any()
    };

    view! {
        <section class="sc-tool sc-benchmarks">
            <p class="sc-benchmarks-print-header">"Stagecraft · Stage benchmarks · " {print_date}</p>
            <header class="sc-benchmarks-header">
                <h1 class="sc-page-title">"Stage benchmarks"</h1>
                <p class="sc-lede">
                    "Put in your funnel numbers. You will see where deals leak, where they stall, and what fixing the worst stage is worth each month."
                </p>
                <div class="sc-row sc-benchmarks-actions">
                    <button type="button" class="sc-button sc-button--primary" on:click=move |_| undoable.run((Action::LoadExample, "Example team loaded."))>
                        "Load example team"
                    </button>
                    <button type="button" class="sc-button sc-button--ghost" on:click=move |_| undoable.run((Action::Clear, "Form cleared."))>
                        "Clear"
                    </button>
                </div>
            </header>
            <Headline partial=partial_sig small=Signal::derive(move || form.with(|f| f.small_samples.clone())) />
            <div class="sc-benchmarks-layout">{layout}</div>
            {more}
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
    /// Applies a change that replaces typed work, offering Undo with the
    /// given message.
    undoable: Callback<(Action, &'static str)>,
    /// Each group folded under its heading (the compact widget), so the
    /// results above stay in view.
    #[prop(optional)]
    folded: bool,
) -> impl IntoView {
    let segment = Memo::new(move |_| doc.with(|d| d.segment));
    let mode = Memo::new(move |_| doc.with(|d| d.mode));
    let baseline = Memo::new(move |_| form.with(|f| f.baseline));
    let small = Memo::new(move |_| form.with(|f| f.small_samples.clone()));

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
                    .map(|f| count_or_field(doc, form, on_action, f))
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
            <Group folded=folded title="Segment and how you enter conversion">
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
                <ProvenanceNote doc=doc testid="baseline-source" />
                <Show when=move || segment.get() == Segment::MyBaseline>
                    <BaselineEditor doc=doc on_action=on_action undoable=undoable />
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
                        {period::period_select(doc, on_action)}
                    </Show>
                </fieldset>
            </Group>
            <Group folded=folded title="Your pipeline">
                <fieldset class="sc-stack sc-benchmarks-pipeline">
                    <legend>"Your pipeline"</legend>
                    {period::prospects_field(doc, on_action, mode)}
                    {field_view(doc, on_action, Field::OpenOpportunities)}
                    {field_view(doc, on_action, Field::DealSize)}
                    <NumberField
                        id=Field::Quota.id()
                        label=Field::Quota.label()
                        hint="Optional. The quota your team must close in the period, for pipeline coverage."
                        value=doc_text(doc, |d| d.quota.clone())
                        on_input=Callback::new(move |v: String| on_action.run(Action::SetField(Field::Quota, v)))
                        rules=Field::Quota.rules()
                        kind=Some(Field::Quota.kind())
                        prefix=Some("$")
                    />
                </fieldset>
            </Group>
            <Group folded=folded title="Stage by stage">
                <h2 class="sc-benchmarks-subtitle">"Stage by stage"</h2>
                <p class="sc-field__hint">
                    "Conversion is the share of deals that move on to the next stage. Days is the average time a deal spends in the stage."
                </p>
                <div role="status" aria-live="polite" class="sc-benchmarks-warnings">
                    {move || {
                        let list = small.get();
                        (mode.get() == InputMode::Counts && !list.is_empty()).then(|| {
                            let names: Vec<String> = list
                                .iter()
                                .map(|(i, c)| format!("{} ({})", Stage::ALL[*i].name(), shared::plain_text(*c)))
                                .collect();
                            let names: Vec<&str> = names.iter().map(String::as_str).collect();
                            view! {
                                <p class="sc-benchmarks-warning">
                                    <span aria-hidden="true">"⚠ "</span>
                                    {format!(
                                        "Small sample: {} had fewer than 30 deals entering. One deal more or less moves such a rate by several points, so the figures built on it are rough.",
                                        join_names(&names)
                                    )}
                                </p>
                            }
                        })
                    }}
                </div>
                {stage_groups}
            </Group>
        </form>
    }
}

/// One card of inputs; in the compact widget a `<details>` folded under its
/// title, so the results above it stay in view.
#[component]
fn Group(
    /// Folded under `title` (the compact widget) rather than an open card.
    folded: bool,
    /// What the folded card's summary says.
    title: &'static str,
    /// The card's fields.
    children: Children,
) -> impl IntoView {
    if folded {
        view! {
            <details class="sc-card sc-benchmarks-group">
                <summary class="sc-benchmarks-group__title">{title}</summary>
                <div class="sc-stack">{children()}</div>
            </details>
        }
        .into_any()
    } else {
        view! { <div class="sc-card sc-stack">{children()}</div> }.into_any()
    }
}

/// A stage's field; a count also gets its refusal (more deals than the
/// stage before it) and, beside it, the rate it gives with the next count.
fn count_or_field(
    doc: Signal<BenchmarksDoc>,
    form: Signal<ParsedForm>,
    on_action: Callback<Action>,
    f: Field,
) -> AnyView {
    let Field::Count(i) = f else {
        return field_view(doc, on_action, f).into_any();
    };
    let value = Signal::derive(move || doc.with(|d| d.raw(f).to_string()));
    let on_input = Callback::new(move |v: String| on_action.run(Action::SetField(f, v)));
    let refusal = Signal::derive(move || form.with(|p| p.refusal(f)));
    // Stage i's rate: deals entering the next stage over deals entering it.
    let rate = move || {
        if i >= FUNNEL {
            return None;
        }
        form.with(|p| {
            let get = |k: usize| {
                p.fields
                    .iter()
                    .find(|(g, _)| *g == Field::Count(k))
                    .and_then(|(_, r)| r.as_ref().ok().copied())
            };
            let (a, b) = (get(i)?, get(i + 1)?);
            if a <= 0.0 || b > a || p.refusal(Field::Count(i + 1)).is_some() {
                return None;
            }
            let small = if a < SMALL_SAMPLE {
                " · small sample"
            } else {
                ""
            };
            let pct = shared::percent_text(b * 100.0 / a);
            Some(if i + 1 < FUNNEL {
                format!("= {pct} move on to {}{small}", Stage::ALL[i + 1].name())
            } else {
                format!("= {pct} won{small}")
            })
        })
    };
    view! {
        <div class="sc-benchmarks-count">
            <NumberField id=f.id() label=f.label() value=value on_input=on_input rules=f.rules() kind=Some(f.kind()) refusal=refusal />
            <p class="sc-benchmarks-count__rate" data-testid=format!("count-rate-{}", if i < FUNNEL { Stage::ALL[i].slug() } else { "won" })>{rate}</p>
        </div>
    }
    .into_any()
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

/// The pipeline inputs the stage table does not show, for the printed
/// page (hidden on screen, where the form shows them).
#[component]
fn PrintInputs(
    /// The document shown.
    doc: Signal<BenchmarksDoc>,
) -> impl IntoView {
    let text = move || {
        doc.with(|d| {
            let mut parts = Vec::new();
            for f in [
                Field::Prospects,
                Field::OpenOpportunities,
                Field::DealSize,
                Field::OnboardingDays,
                Field::Quota,
            ] {
                if let Ok(v) = d.parse(f) {
                    if f != Field::Quota || v > 0.0 {
                        let shown = match f.kind() {
                            crate::numbers::FieldKind::Money => crate::components::format::money(v),
                            _ => shared::plain_text(v),
                        };
                        parts.push(format!("{} {shown}", f.label()));
                    }
                }
            }
            format!("Your inputs: {}.", parts.join(" · "))
        })
    };
    view! { <p class="sc-benchmarks-print-inputs">{text}</p> }
}

/// The snapshot while output `o` can be shown, else `None`: one function
/// for both charts, so the wasm holds one such closure.
fn ready_snapshot(partial: Memo<Partial>, o: Output) -> Signal<Option<Snapshot>> {
    Signal::derive(move || {
        partial.with(|p| p.ready(o).shows().then(|| p.snapshot.clone()).flatten())
    })
}

/// Text drawn from the document. One non-generic helper for every such
/// value (quota, provenance, closed deals), so the wasm holds one closure.
pub(super) fn doc_text(
    doc: Signal<BenchmarksDoc>,
    f: fn(&BenchmarksDoc) -> String,
) -> Signal<String> {
    Signal::derive(move || doc.with(f))
}

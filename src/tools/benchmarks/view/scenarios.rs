//! Saved scenarios: the what-if's changes kept under a name, applied back
//! into the what-if, deleted with Undo, and up to three compared with
//! today side by side in one table.

use super::cards::needs_line;
use super::shared::{days_text, percent_text};
use super::whatif::signed;
use crate::components::format::money;
use crate::components::{use_field, Field};
use crate::tools::benchmarks::model::Action;
use crate::tools::benchmarks::model::*;
use leptos::prelude::*;

/// How many scenarios the table sets beside today.
const COMPARE_MAX: usize = 3;

/// "Discovery +8 pts, Closing +5 pts".
fn summary(w: &WhatIf) -> String {
    let parts: Vec<String> = w
        .changes()
        .into_iter()
        .map(|(c, v)| format!("{} {}", c.name(), signed(v, c.unit())))
        .collect();
    parts.join(", ")
}

/// The name field and "Save scenario" for the what-if's active changes.
/// A name is required and unique; the error shows under the field (the
/// empty one only after a try, so the form does not open in red).
#[component]
pub(super) fn SaveScenario(
    /// The saved document (its scenarios, for unique names).
    doc: Signal<BenchmarksDoc>,
    /// The what-if's changes, which are what gets saved.
    what_if: RwSignal<WhatIf>,
    /// Scenarios ticked for comparison; a new one joins while there is room.
    picked: RwSignal<Vec<String>>,
    /// Applies a change to the document.
    on_action: Callback<Action>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let saved = RwSignal::new(String::new());
    let error = Signal::derive(move || {
        name.with(|n| {
            if n.trim().is_empty() && !tried.get() {
                return None;
            }
            doc.with(|d| scenario_name_error(&d.scenarios, n))
                .map(String::from)
        })
    });
    let save = move || {
        tried.set(true);
        if what_if.with_untracked(WhatIf::is_neutral) || error.get_untracked().is_some() {
            return;
        }
        let n = name.get_untracked().trim().to_string();
        on_action.run(Action::SaveScenario(Scenario::new(&n, &what_if.get_untracked())));
        picked.update(|p| {
            if p.len() < COMPARE_MAX {
                p.push(n.clone())
            }
        });
        saved.set(format!("Saved “{n}”."));
        name.set(String::new());
        tried.set(false);
    };
    view! {
        <form
            class="sc-benchmarks-save"
            on:submit=move |ev| {
                ev.prevent_default();
                save()
            }
        >
            <Field
                id="sc-benchmarks-scenario-name"
                label="Scenario name"
                hint="Saves the active changes, to compare with today or apply again later."
                error=error
            >
                {
                    let f = use_field();
                    view! {
                        <input
                            id=f.id()
                            class="sc-input"
                            type="text"
                            autocomplete="off"
                            maxlength="60"
                            aria-invalid=f.aria_invalid()
                            aria-describedby=f.described_by()
                            prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev))
                        />
                    }
                }
            </Field>
            <button type="submit" class="sc-button sc-button--primary" disabled=move || what_if.with(WhatIf::is_neutral)>
                "Save scenario"
            </button>
            <p role="status" class="sc-field__hint">{move || saved.get()}</p>
        </form>
    }
}

/// The saved scenarios (tick to compare, apply, delete with Undo) and the
/// table of today beside the ticked ones.
#[component]
pub(super) fn SavedScenarios(
    /// The result output by output: a row whose inputs are missing says so.
    partial: Signal<Partial>,
    /// The saved document (its scenarios).
    doc: Signal<BenchmarksDoc>,
    /// The what-if, which "Apply" loads a scenario's changes into.
    what_if: RwSignal<WhatIf>,
    /// Names of the scenarios ticked for the table, at most three.
    picked: RwSignal<Vec<String>>,
    /// Applies a change offering Undo.
    undoable: Callback<(Action, &'static str)>,
) -> impl IntoView {
    let scenarios = Memo::new(move |_| doc.with(|d| d.scenarios.clone()));
    let is_picked = move |n: &str| picked.with(|p| p.iter().any(|q| q == n));
    // Ticked names that still exist (a deleted one drops out of the table,
    // and comes back with Undo).
    let columns = Memo::new(move |_| {
        scenarios.with(|l| {
            l.iter()
                .filter(|s| is_picked(&s.name))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let list = move || {
        scenarios.with(|l| {
            l.iter()
                .enumerate()
                .map(|(i, s)| {
                    let n = s.name.clone();
                    let (n1, n2) = (n.clone(), n.clone());
                    let changes = s.what_if();
                    view! {
                        <li class="sc-benchmarks-scenario">
                            <label class="sc-choice">
                                <input
                                    type="checkbox"
                                    prop:checked=move || is_picked(&n1)
                                    disabled=move || { !is_picked(&n2) && columns.with(Vec::len) >= COMPARE_MAX }
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let n = n.clone();
                                        picked.update(|p| {
                                            p.retain(|q| *q != n);
                                            if on {
                                                p.push(n);
                                            }
                                        });
                                    }
                                />
                                <span><strong>{s.name.clone()}</strong>" " {summary(&changes)}</span>
                            </label>
                            <button type="button" class="sc-button sc-button--ghost" aria-label=format!("Apply {}", s.name) on:click=move |_| what_if.set(changes)>
                                "Apply"
                            </button>
                            <button
                                type="button"
                                class="sc-button sc-button--ghost"
                                aria-label=format!("Delete {}", s.name)
                                on:click=move |_| undoable.run((Action::DeleteScenario(i), "Scenario deleted."))
                            >
                                "Delete"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let table = move || {
        let cols = columns.get();
        if cols.is_empty() {
            return view! { <p class="sc-field__hint">"Tick up to three scenarios to see them beside today."</p> }.into_any();
        }
        let span = (cols.len() + 1).to_string();
        let heads = cols
            .iter()
            .map(|s| view! { <th scope="col">{s.name.clone()}</th> })
            .collect_view();
        let rows = partial.with(|p| {
            let figs: Vec<ScenarioFigures> = p
                .snapshot
                .as_ref()
                .map(|snap| {
                    std::iter::once(WhatIf::default())
                        .chain(cols.iter().map(Scenario::what_if))
                        .map(|w| scenario_figures(&snap.figures, &snap.baseline, &w))
                        .collect()
                })
                .unwrap_or_default();
            let row = |label: &'static str, o: Output, cell: &dyn Fn(&ScenarioFigures) -> String| {
                let cells = match needs_line(&p.ready(o)) {
                    Some(needs) => view! { <td colspan=span.clone()>{needs}</td> }.into_any(),
                    None => figs
                        .iter()
                        .map(|f| view! { <td class="sc-num">{cell(f)}</td> })
                        .collect_view()
                        .into_any(),
                };
                view! { <tr><th scope="row">{label}</th>{cells}</tr> }
            };
            view! {
                {row("Velocity", Output::Velocity, &|f| {
                    f.velocity_per_day.map(|v| format!("{} a day", money(v))).unwrap_or_else(|| "— (no cycle)".into())
                })}
                {row("Revenue per month", Output::Revenue, &|f| money(f.revenue_per_month))}
                {row("Win rate", Output::WinRate, &|f| percent_text(f.win_rate_pct))}
                {row("Sales cycle", Output::Cycle, &|f| format!("{} days", days_text(f.cycle_days)))}
            }
        });
        view! {
            <div class="sc-benchmarks-table-wrap" tabindex="0" role="region" aria-label="Scenarios beside today">
                <table class="sc-benchmarks-table" data-testid="scenario-compare">
                    <thead><tr><th scope="col">"Figure"</th><th scope="col">"Today"</th>{heads}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <Show when=move || scenarios.with(|l| !l.is_empty())>
            <h3 class="sc-benchmarks-subtitle">"Saved scenarios"</h3>
            <fieldset>
                <legend class="sc-field__hint">"Tick up to three to compare with today."</legend>
                <ul class="sc-benchmarks-scenarios">{list}</ul>
            </fieldset>
            {table}
        </Show>
    }
}

//! Structured capture beyond free notes: quantified pain, the desired
//! outcome, the decision process and the stakeholder map.

use crate::components::{use_field, Field, NumberField, UndoToast};
use crate::components::{DateField, TextField};
use crate::tools::discovery::model::{
    email_problem, format_months, phone_problem, Call, CallEdit, PainFigures, Role, Stakeholder,
    MONEY_RULES,
};
use leptos::prelude::*;

const NO_FIGURES: PainFigures = PainFigures {
    monthly: None,
    annual: None,
    price: None,
    payback: None,
};

/// Monthly cost, annual cost of inaction, proposed price and payback.
#[component]
pub fn PainFields(
    /// The call.
    call: Memo<Call>,
    /// Applies a change.
    edit: Callback<CallEdit>,
) -> impl IntoView {
    // The last valid figures stay on screen while a field is invalid,
    // marked stale, so a typo never blanks the numbers mid-call.
    let figures = Memo::new(move |prev: Option<&(PainFigures, bool)>| {
        call.with(|c| {
            if c.pain.fields_valid() {
                (c.pain.figures(), false)
            } else {
                (prev.map_or(NO_FIGURES, |p| p.0), true)
            }
        })
    });
    // Formatted like the recap (`text::money`), so the figures on screen
    // and in the copied recap match exactly.
    let annual = move || {
        figures
            .get()
            .0
            .annual
            .map_or("—".to_string(), crate::text::money)
    };
    let payback = move || format_months(figures.get().0.payback);

    view! {
        <div class="sc-stack sc-discovery-capture">
            <h3>"Quantified pain"</h3>
            <TextField
                id="dc-pain-text"
                label="Pain in the buyer's words"
                rows=2
                value=Signal::derive(move || call.with(|c| c.pain.description.clone()))
                on_input=Callback::new(move |v| edit.run(CallEdit::PainText(v)))
            />
            <div class="sc-grid">
                <NumberField
                    id="dc-monthly"
                    label="Monthly cost of the problem"
                    hint="Hours, spend or lost deals in a normal month, in your currency."
                    prefix=Some("$")
                    kind=Some(crate::numbers::FieldKind::Money)
                    rules=MONEY_RULES
                    value=Signal::derive(move || call.with(|c| c.pain.monthly_cost.clone()))
                    on_input=Callback::new(move |v| edit.run(CallEdit::MonthlyCost(v)))
                />
                <NumberField
                    id="dc-price"
                    label="Proposed annual price"
                    hint="What you expect to charge per year."
                    prefix=Some("$")
                    kind=Some(crate::numbers::FieldKind::Money)
                    rules=MONEY_RULES
                    value=Signal::derive(move || call.with(|c| c.pain.annual_price.clone()))
                    on_input=Callback::new(move |v| edit.run(CallEdit::AnnualPrice(v)))
                />
            </div>
            <dl class="sc-discovery-figures" class:sc-discovery-figures--stale=move || figures.get().1 aria-live="polite">
                <div class="sc-discovery-figure">
                    <dt>"Annual cost of inaction"</dt>
                    <dd>
                        <span class="sc-num sc-discovery-figure__value" data-testid="cost-of-inaction-annual">{annual}</span>
                        <span class="sc-discovery-figure__how">"Monthly cost × 12"</span>
                    </dd>
                </div>
                <div class="sc-discovery-figure">
                    <dt>"Payback months"</dt>
                    <dd>
                        <span class="sc-num sc-discovery-figure__value" data-testid="payback-months">{payback}</span>
                        <span class="sc-discovery-figure__how">"Annual price ÷ monthly cost"</span>
                    </dd>
                </div>
            </dl>
            <p class="sc-field__hint" hidden=move || !figures.get().1>
                "These are the last valid figures. Fix the field above to update them."
            </p>
        </div>
    }
}

/// The buyer's success metric and target.
#[component]
pub fn OutcomeFields(
    /// The call.
    call: Memo<Call>,
    /// Applies a change.
    edit: Callback<CallEdit>,
) -> impl IntoView {
    view! {
        <div class="sc-stack sc-discovery-capture">
            <h3>"Desired outcome"</h3>
            <div class="sc-grid">
                <TextField
                    id="dc-metric"
                    label="Success metric"
                    hint="The number the buyer will judge this by."
                    placeholder="Days to onboard a customer"
                    value=Signal::derive(move || call.with(|c| c.outcome.metric.clone()))
                    on_input=Callback::new(move |v| edit.run(CallEdit::OutcomeMetric(v)))
                />
                <TextField
                    id="dc-target"
                    label="Target value"
                    hint="Where it needs to be, and by when."
                    placeholder="14 days by Q3"
                    value=Signal::derive(move || call.with(|c| c.outcome.target.clone()))
                    on_input=Callback::new(move |v| edit.run(CallEdit::OutcomeTarget(v)))
                />
            </div>
        </div>
    }
}

/// Steps, target date and competitors of the buyer's decision.
#[component]
pub fn DecisionFields(
    /// The call.
    call: Memo<Call>,
    /// Applies a change.
    edit: Callback<CallEdit>,
) -> impl IntoView {
    view! {
        <div class="sc-stack sc-discovery-capture">
            <h3>"How they will decide"</h3>
            <TextField
                id="dc-steps"
                label="Decision steps"
                hint="One step per line, in order: who reviews, who approves, who signs."
                rows=3
                value=Signal::derive(move || call.with(|c| c.decision.steps.clone()))
                on_input=Callback::new(move |v| edit.run(CallEdit::DecisionSteps(v)))
            />
            <div class="sc-grid">
                <DateField
                    id="dc-decision-date"
                    label="Target decision date"
                    value=Signal::derive(move || call.with(|c| c.decision.decision_date))
                    on_change=Callback::new(move |d| edit.run(CallEdit::DecisionDate(d)))
                />
                <TextField
                    id="dc-competitors"
                    label="Competitors being considered"
                    hint="Include doing nothing and building it in-house."
                    value=Signal::derive(move || call.with(|c| c.decision.competitors.clone()))
                    on_input=Callback::new(move |v| edit.run(CallEdit::Competitors(v)))
                />
            </div>
        </div>
    }
}

/// The stakeholder map and the multi-threading check.
#[component]
pub fn Stakeholders(
    /// The call.
    call: Memo<Call>,
    /// Applies a change.
    edit: Callback<CallEdit>,
) -> impl IntoView {
    let check = move || call.with(Call::multithread);
    let rows = Memo::new(move |_| {
        call.with(|c| {
            c.stakeholders
                .iter()
                .enumerate()
                .map(|(i, s)| (i, s.id))
                .collect::<Vec<_>>()
        })
    });
    let removed = RwSignal::new(None::<(usize, Stakeholder)>);
    let toast = Signal::derive(move || {
        removed.with(|r| {
            r.as_ref().map(|(_, s)| {
                let name = s.name.trim();
                if name.is_empty() {
                    "Stakeholder removed.".to_string()
                } else {
                    format!("{name} removed.")
                }
            })
        })
    });
    let add = move |_| {
        edit.run(CallEdit::AddStakeholder);
        if let Some(id) = call.with_untracked(|c| c.stakeholders.last().map(|s| s.id)) {
            crate::components::focus_after_render(&format!("dc-person-{id}-name"));
        }
    };

    view! {
        <section class="sc-card sc-stack sc-discovery-people" aria-labelledby="dc-people-h">
            <h2 id="dc-people-h">"Stakeholders"</h2>
            <p class="sc-field__hint">
                "Map three or more people, including whoever owns the budget. A deal that rests on one contact stalls when that person is away or moves on."
            </p>
            <p
                class="sc-discovery-multithread"
                class:sc-discovery-multithread--ok=move || check().passes()
                data-testid="multithread-status"
                aria-live="polite"
            >
                <span aria-hidden="true">{move || if check().passes() { "✓ " } else { "⚠ " }}</span>
                {move || check().message()}
            </p>
            // Rows re-render only when one is added or removed (the memo
            // holds positions and ids, not names), so typing keeps focus.
            {move || {
                rows.get()
                    .into_iter()
                    .map(|(index, id)| view! { <PersonRow index=index id=id call=call edit=edit removed=removed /> })
                    .collect_view()
            }}
            <p>
                <button type="button" class="sc-button" on:click=add>"Add stakeholder"</button>
            </p>
            <UndoToast
                message=toast
                on_undo=Callback::new(move |_| {
                    if let Some((pos, s)) = removed.get_untracked() {
                        edit.run(CallEdit::RestoreStakeholder(pos, s));
                        removed.set(None);
                    }
                })
                on_expire=Callback::new(move |_| removed.set(None))
            />
        </section>
    }
}

/// Name, title, role, email and phone of one stakeholder. A doubtful
/// email or phone gets an inline message but stays as typed.
#[component]
fn PersonRow(
    /// Position in the list, for the legend.
    index: usize,
    /// Stakeholder id.
    id: u64,
    /// The call.
    call: Memo<Call>,
    /// Applies a change.
    edit: Callback<CallEdit>,
    /// Where a removed row waits for Undo.
    removed: RwSignal<Option<(usize, Stakeholder)>>,
) -> impl IntoView {
    let person = Memo::new(move |_| {
        call.with(|c| {
            c.stakeholders
                .iter()
                .find(|s| s.id == id)
                .cloned()
                .unwrap_or_default()
        })
    });
    let n = index + 1;
    let role_id = format!("dc-person-{id}-role");
    view! {
        <fieldset class="sc-discovery-person">
            <legend class="sc-field__label">{format!("Stakeholder {n}")}</legend>
            <div class="sc-discovery-person__fields">
                <TextField
                    id=format!("dc-person-{id}-name")
                    label="Name"
                    value=Signal::derive(move || person.with(|p| p.name.clone()))
                    on_input=Callback::new(move |v| edit.run(CallEdit::StakeholderName(id, v)))
                />
                <TextField
                    id=format!("dc-person-{id}-title")
                    label="Title"
                    value=Signal::derive(move || person.with(|p| p.title.clone()))
                    on_input=Callback::new(move |v| edit.run(CallEdit::StakeholderTitle(id, v)))
                />
                <TextField
                    id=format!("dc-person-{id}-email")
                    label="Email"
                    inputmode="email"
                    value=Signal::derive(move || person.with(|p| p.email.clone()))
                    error=Signal::derive(move || person.with(|p| email_problem(&p.email).map(String::from)))
                    on_input=Callback::new(move |v| edit.run(CallEdit::StakeholderEmail(id, v)))
                />
                <TextField
                    id=format!("dc-person-{id}-phone")
                    label="Phone"
                    inputmode="tel"
                    value=Signal::derive(move || person.with(|p| p.phone.clone()))
                    error=Signal::derive(move || person.with(|p| phone_problem(&p.phone).map(String::from)))
                    on_input=Callback::new(move |v| edit.run(CallEdit::StakeholderPhone(id, v)))
                />
                <Field id=role_id.clone() label="Role">
                    {
                        let f = use_field();
                        view! {
                            <select
                                id=f.id()
                                aria-invalid=f.aria_invalid()
                                aria-describedby=f.described_by()
                                on:change=move |ev| {
                                    if let Some(r) = Role::from_slug(&event_target_value(&ev)) {
                                        edit.run(CallEdit::StakeholderRole(id, r));
                                    }
                                }
                            >
                                {Role::ALL
                                    .into_iter()
                                    .map(|r| view! {
                                        <option value=r.slug() prop:selected=move || person.with(|p| p.role == r)>{r.label()}</option>
                                    })
                                    .collect_view()}
                            </select>
                        }
                    }
                </Field>
                <button
                    type="button"
                    class="sc-button sc-button--ghost sc-discovery-remove"
                    on:click=move |_| {
                        let p = person.get_untracked();
                        edit.run(CallEdit::RemoveStakeholder(id));
                        removed.set(Some((index, p)));
                    }
                >
                    "Remove"<span class="sc-visually-hidden">{format!(" stakeholder {n}")}</span>
                </button>
            </div>
        </fieldset>
    }
}

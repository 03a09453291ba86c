//! One deal's wizard: basics → one step per criterion → summary.
//!
//! Steps come from the model (`Step::next` / `Step::back` via
//! `DealAction`); this file only renders them and maps keys to actions.

use super::common::{OnAction, STEP_HEADING_ID};
use super::model::{
    recommend_framework, Criterion, Deal, DealAction, Framework, Plan, Rating, Step, ACV_RULES,
    DEAL_STAGES, STAKEHOLDER_RULES,
};
use super::summary::SummaryView;
use crate::components::listen::listen;
use crate::components::{
    focus_after_render, in_text_control, use_field, DateField, Field, NumberField, ProgressSteps,
    TextField,
};
use crate::route::{Route, Tool};
use crate::tools::benchmarks::model::Stage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What kind of element a key press came from.
struct KeyTarget {
    /// A text field: "1" types a 1 and arrows move the caret.
    typing: bool,
    /// A button, link or disclosure: it handles Enter itself.
    control: bool,
    /// A radio button: arrows move between options.
    radio: bool,
}

fn key_target(ev: &web_sys::KeyboardEvent) -> KeyTarget {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return KeyTarget {
            typing: false,
            control: false,
            radio: false,
        };
    };
    let tag = el.tag_name().to_ascii_lowercase();
    let input_type = el
        .get_attribute("type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let radio = tag == "input" && input_type == "radio";
    let typing = in_text_control(ev);
    let control = matches!(
        tag.as_str(),
        "button" | "a" | "summary" | "textarea" | "select"
    );
    KeyTarget {
        typing,
        control,
        radio,
    }
}

/// The wizard for one deal.
#[component]
pub fn DealWizard(
    /// The deal, always present while this is shown.
    deal: Signal<Deal>,
    /// Applies an edit to the saved deal.
    on_action: OnAction,
) -> impl IntoView {
    let step = Memo::new(move |_| deal.with(Deal::current_step));
    let framework = Memo::new(move |_| deal.with(Deal::framework));
    let position = Memo::new(move |_| step.get().position(framework.get()));
    let title = Memo::new(move |_| deal.with(|d| d.display_name().to_string()));

    // Focus follows the step, so screen readers hear the new question and
    // keys 1–4 work at once. Skipped on first render to not steal focus.
    Effect::new(move |prev: Option<Step>| {
        let s = step.get();
        if prev.is_some_and(|p| p != s) {
            focus_after_render(STEP_HEADING_ID);
        }
        s
    });

    // Keys 1–4 answer, Enter or → goes on, ← goes back. Ignored while typing
    // so evidence can contain digits, and while the wizard is not in the page
    // (a host page may detach us without unmounting).
    let root = NodeRef::<leptos::html::Div>::new();
    // Enter on a criterion with nothing picked stays put and says why:
    // skipping by accident would leave a hole the verdict then waits for.
    // Next still skips, on purpose.
    let nudged = RwSignal::new(None::<Criterion>);
    let nudge = move || {
        let Step::Criterion(c) = step.get() else {
            return None;
        };
        let unpicked = deal.with(|d| d.answers.get(&c).and_then(|a| a.rating).is_none());
        (nudged.get() == Some(c) && unpicked).then_some(
            "Pick an answer first (keys 1 to 4), or choose Next to come back to it later.",
        )
    };
    listen(window(), "keydown", move |ev: web_sys::Event| {
        let ev: &web_sys::KeyboardEvent = ev.unchecked_ref();
        if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        if !root.get_untracked().is_some_and(|el| el.is_connected()) {
            return;
        }
        let Step::Criterion(c) = step.get_untracked() else {
            return;
        };
        let t = key_target(&ev);
        let key = ev.key();
        if let Some(r) = Rating::from_key(&key) {
            if !t.typing {
                ev.prevent_default();
                let _ = on_action.run(DealAction::Answer(c, r));
            }
            return;
        }
        let free = !t.typing && !t.control && !t.radio;
        let unpicked = deal.with_untracked(|d| d.answers.get(&c).and_then(|a| a.rating).is_none());
        if key == "Enter" && !t.control && unpicked {
            ev.prevent_default();
            nudged.set(Some(c));
            return;
        }
        let action = match key.as_str() {
            "Enter" if !t.control => DealAction::Next,
            "ArrowRight" if free => DealAction::Next,
            "ArrowLeft" if free => DealAction::Back,
            _ => return,
        };
        ev.prevent_default();
        let _ = on_action.run(action);
    });

    view! {
        <div class="sc-qualify-wizard sc-stack" node_ref=root data-sc-steady="wizard">
            <div class="sc-row sc-qualify-topbar sc-no-print">
                <a href=Route::tool(Tool::Qualify).href()>"← All deals"</a>
                <span class="sc-qualify-muted">
                    {move || title.get()}" · "{move || framework.get().name()}
                </span>
            </div>
            <div class="sc-no-print">
                <ProgressSteps
                    current=Signal::derive(move || position.get().0)
                    total=Signal::derive(move || position.get().1)
                    label="Qualification progress".to_string()
                />
            </div>
            // Keyed by step so each step gets fresh elements. Re-using one
            // step's radios for the next would let the browser's radio-group
            // rules uncheck a saved answer while names are being swapped.
            <p class="sc-field__warning" role="status">{nudge}</p>
            <For
                each=move || [step.get()]
                key=|s| *s
                children=move |s| match s {
                    Step::Basics => view! { <BasicsStep deal=deal on_action=on_action /> }.into_any(),
                    Step::Criterion(c) => view! { <CriterionStep criterion=c deal=deal on_action=on_action /> }.into_any(),
                    Step::Summary => view! { <SummaryView deal=deal on_action=on_action /> }.into_any(),
                }
            />
        </div>
    }
}

/// Step 1: who the deal is with, how big it is, and what to run on it.
#[component]
fn BasicsStep(
    /// The deal being edited.
    deal: Signal<Deal>,
    /// Applies an edit to the saved deal.
    on_action: OnAction,
) -> impl IntoView {
    // The name error shows only once Next was tried, not on a blank new deal.
    let tried = RwSignal::new(false);
    let name_missing = Memo::new(move |_| tried.get() && deal.with(|d| d.name.trim().is_empty()));
    // The last valid recommendation stays visible (marked stale) while the
    // contract value is being corrected.
    let plan = Memo::new(
        move |prev: Option<&(Plan, bool)>| match deal.with(Deal::acv_value) {
            Ok(v) => (recommend_framework(v), false),
            Err(_) => (prev.map_or(Plan::NoValueYet, |p| p.0), true),
        },
    );
    let methodology = Memo::new(move |_| deal.with(Deal::methodology));
    let override_fw = Memo::new(move |_| deal.with(|d| d.framework_override));
    let blocked = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        match on_action.run(DealAction::Next) {
            Ok(_) => blocked.set(false),
            Err(e) => {
                blocked.set(true);
                let first = if e.name.is_some() {
                    "sc-qualify-name"
                } else if e.acv.is_some() {
                    "sc-qualify-acv"
                } else {
                    "sc-qualify-stakeholders"
                };
                focus_after_render(first);
            }
        }
    };
    let text = move |f: fn(&Deal) -> &String| Signal::derive(move || deal.with(|d| f(d).clone()));

    view! {
        <form class="sc-qualify-basics" novalidate on:submit=submit>
            <div class="sc-stack sc-qualify-basics__fields">
                <h2 id=STEP_HEADING_ID tabindex="-1">"Deal basics"</h2>
                <p class="sc-qualify-muted">"A few facts about the deal decide which framework fits it."</p>
                <TextField
                    id="sc-qualify-name"
                    label="Deal name"
                    hint="Required. Something you'll recognise in the list."
                    required=true
                    error=Signal::derive(move || name_missing.get().then(|| super::model::NAME_REQUIRED.to_string()))
                    value=text(|d| &d.name)
                    on_input=Callback::new(move |v| { let _ = on_action.run(DealAction::Name(v)); })
                />
                <TextField
                    id="sc-qualify-company"
                    label="Company"
                    autocomplete="organization"
                    value=text(|d| &d.company)
                    on_input=Callback::new(move |v| { let _ = on_action.run(DealAction::Company(v)); })
                />
                <NumberField
                    id="sc-qualify-acv"
                    label="Annual contract value"
                    value=text(|d| &d.acv)
                    on_input=Callback::new(move |v| { let _ = on_action.run(DealAction::Acv(v)); })
                    rules=ACV_RULES
                    kind=Some(crate::numbers::FieldKind::Money)
                    prefix=Some("$")
                    hint="What the customer would pay per year. Leave it blank if you don't know yet.".to_string()
                />
                <DateField
                    id="sc-qualify-close"
                    label="Expected close date"
                    hint="Optional. Goes into the CRM files; Salesforce needs it for every opportunity."
                    value=Signal::derive(move || deal.with(|d| d.close_date))
                    on_change=Callback::new(move |d| { let _ = on_action.run(DealAction::CloseDate(d)); })
                />
                <fieldset class="sc-fieldset-grid sc-qualify-pipeline">
                    <legend class="sc-field__label">"Where the deal stands"</legend>
                    <Field id="sc-qualify-stage" label="Stage" hint="Moving it restarts the days-in-stage count.">
                        {
                            let f = use_field();
                            view! {
                                <select
                                    id=f.id()
                                    aria-describedby=f.described_by()
                                    on:change=move |ev| {
                                        if let Some(stage) = Stage::from_slug(&event_target_value(&ev)) {
                                            let _ = on_action.run(DealAction::Stage(stage, chrono::Local::now().date_naive()));
                                        }
                                    }
                                >
                                    {DEAL_STAGES.into_iter().map(|st| view! {
                                        <option value=st.slug() prop:selected=move || deal.with(|d| d.stage == st)>{st.name()}</option>
                                    }).collect_view()}
                                </select>
                            }
                        }
                    </Field>
                    <DateField
                        id="sc-qualify-stage-since"
                        label="In this stage since"
                        hint="Leave it empty to count from the day you added the deal."
                        value=Signal::derive(move || deal.with(|d| d.stage_since))
                        on_change=Callback::new(move |d| { let _ = on_action.run(DealAction::StageSince(d)); })
                    />
                    <TextField
                        id="sc-qualify-next-step"
                        label="Next step"
                        placeholder="Send the security questionnaire"
                        value=text(|d| &d.next_step)
                        on_input=Callback::new(move |v| { let _ = on_action.run(DealAction::NextStep(v)); })
                    />
                    <DateField
                        id="sc-qualify-next-step-due"
                        label="Next step due"
                        value=Signal::derive(move || deal.with(|d| d.next_step_due))
                        on_change=Callback::new(move |d| { let _ = on_action.run(DealAction::NextStepDue(d)); })
                    />
                </fieldset>
                <NumberField
                    id="sc-qualify-stakeholders"
                    label="Stakeholders engaged"
                    value=text(|d| &d.stakeholders)
                    on_input=Callback::new(move |v| { let _ = on_action.run(DealAction::Stakeholders(v)); })
                    rules=STAKEHOLDER_RULES
                    kind=Some(crate::numbers::FieldKind::Count)
                    hint="People at the customer you've actually spoken with about this deal.".to_string()
                />
                <fieldset class="sc-stack sc-qualify-yesno">
                    <legend class="sc-field__label">"Selling something new to the category?"</legend>
                    <p class="sc-field__hint" id="sc-qualify-new-hint">"Yes if buyers don't have a name or a budget line for what you sell yet."</p>
                    <div class="sc-row">
                        <label class="sc-choice">
                            <input
                                type="radio"
                                name="sc-qualify-new-category"
                                value="yes"
                                aria-describedby="sc-qualify-new-hint"
                                prop:checked=move || deal.with(|d| d.new_category)
                                on:change=move |_| { let _ = on_action.run(DealAction::NewCategory(true)); }
                            />
                            "Yes"
                        </label>
                        <label class="sc-choice">
                            <input
                                type="radio"
                                name="sc-qualify-new-category"
                                value="no"
                                aria-describedby="sc-qualify-new-hint"
                                prop:checked=move || deal.with(|d| !d.new_category)
                                on:change=move |_| { let _ = on_action.run(DealAction::NewCategory(false)); }
                            />
                            "No"
                        </label>
                    </div>
                </fieldset>
                <Field
                    id="sc-qualify-framework"
                    label="Framework"
                    hint="Follow the recommendation, or pick one yourself. Answers you've given are kept either way."
                >
                    {
                        let f = use_field();
                        view! {
                            <select
                                id=f.id()
                                aria-invalid=f.aria_invalid()
                                aria-describedby=f.described_by()
                                prop:value=move || override_fw.get().map_or("", Framework::slug)
                                on:change=move |ev| {
                                    let _ = on_action.run(DealAction::Framework(Framework::from_slug(&event_target_value(&ev))));
                                }
                            >
                                <option value="">{move || format!("Recommended: {}", plan.get().0.label())}</option>
                                {Framework::ALL.into_iter().map(|f| view! { <option value=f.slug()>{f.name()}</option> }).collect_view()}
                            </select>
                        }
                    }
                </Field>
                <p class="sc-field__error" role="alert">
                    {move || if blocked.get() && !deal.with(|d| d.basics_errors().is_empty()) {
                        "Fix the fields marked above to continue."
                    } else { "" }}
                </p>
                <div class="sc-row">
                    <a class="sc-button sc-button--ghost" href=Route::tool(Tool::Qualify).href()>"All deals"</a>
                    <button type="submit" class="sc-button sc-button--primary">"Next"</button>
                </div>
            </div>

            <aside class="sc-card sc-stack sc-qualify-reco" aria-live="polite">
                <h3>"Recommended framework"</h3>
                <p
                    class="sc-qualify-reco__name"
                    class:sc-qualify-stale=move || plan.get().1
                    data-testid="recommended-framework"
                >
                    {move || plan.get().0.label()}
                </p>
                <p class:sc-qualify-stale=move || plan.get().1>{move || plan.get().0.reason()}</p>
                <p class="sc-qualify-muted" hidden=move || !plan.get().1>
                    "Out of date: the contract value isn't valid right now, so this still reflects the last valid one."
                </p>
                {move || override_fw.get().filter(|f| *f != plan.get().0.first_framework()).map(|f| view! {
                    <p class="sc-qualify-override">
                        {format!("You chose {} instead. ", f.name())}
                        <button
                            type="button"
                            class="sc-button sc-button--ghost"
                            on:click=move |_| { let _ = on_action.run(DealAction::Framework(None)); }
                        >
                            "Use the recommendation"
                        </button>
                    </p>
                })}
                <details>
                    <summary>"What do these names mean?"</summary>
                    <ul class="sc-qualify-explain">
                        {Framework::ALL.into_iter().map(|f| view! {
                            <li><strong>{f.name()}</strong>": "{f.explainer()}</li>
                        }).collect_view()}
                    </ul>
                </details>
                <h3>"Recommended approach for your calls"</h3>
                <p class="sc-qualify-reco__name" data-testid="recommended-methodology">{move || methodology.get().name()}</p>
                <p>{move || methodology.get().reason()}</p>
                <p class="sc-qualify-muted">{move || methodology.get().explainer()}</p>
            </aside>
        </form>
    }
}

/// One criterion: what it means, what to ask, what counts, and the answer.
#[component]
fn CriterionStep(
    /// The criterion this step asks about.
    criterion: Criterion,
    /// The deal being edited.
    deal: Signal<Deal>,
    /// Applies an edit to the saved deal.
    on_action: OnAction,
) -> impl IntoView {
    let text = criterion.text();
    let name = criterion.name();
    let rating =
        Memo::new(move |_| deal.with(|d| d.answers.get(&criterion).and_then(|a| a.rating)));
    let evidence = Signal::derive(move || {
        deal.with(|d| {
            d.answers
                .get(&criterion)
                .map(|a| a.evidence.clone())
                .unwrap_or_default()
        })
    });
    let group = format!("sc-qualify-rating-{}", criterion.slug());

    view! {
        <div class="sc-stack sc-qualify-criterion">
            <fieldset class="sc-stack" aria-describedby="sc-qualify-meaning">
                <legend class="sc-qualify-legend">
                    <h2 id=STEP_HEADING_ID tabindex="-1">{name}</h2>
                </legend>
                <p id="sc-qualify-meaning" class="sc-qualify-meaning">{text.meaning}</p>
                <div class="sc-qualify-guide">
                    <section class="sc-card sc-stack">
                        <h3>"Ask"</h3>
                        <ul class="sc-qualify-questions">
                            {text.questions.iter().map(|q| view! { <li>{*q}</li> }).collect_view()}
                        </ul>
                    </section>
                    <section class="sc-card sc-stack">
                        <h3>"Evidence that counts"</h3>
                        <p>{text.evidence}</p>
                    </section>
                </div>
                <div class="sc-qualify-options">
                    {Rating::ALL.into_iter().enumerate().map(|(i, r)| {
                        let hint_id = format!("sc-qualify-hint-{}", r.slug());
                        view! {
                            <label class=format!("sc-choice sc-qualify-choice sc-qualify-choice--{}", r.slug())>
                                <input
                                    type="radio"
                                    name=group.clone()
                                    value=r.slug()
                                    aria-describedby=hint_id.clone()
                                    prop:checked=move || rating.get() == Some(r)
                                    on:change=move |_| { let _ = on_action.run(DealAction::Answer(criterion, r)); }
                                />
                                <span class="sc-qualify-choice__name">{r.label()}</span>
                                <span class="sc-qualify-choice__hint" id=hint_id aria-hidden="true">{r.hint()}</span>
                                <kbd class="sc-qualify-key" aria-hidden="true">{(i + 1).to_string()}</kbd>
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <TextField
                id="sc-qualify-evidence"
                label="Evidence"
                hint="Optional. What did the buyer say or do? It goes into your summary."
                value=evidence
                on_input=Callback::new(move |v| { let _ = on_action.run(DealAction::Evidence(criterion, v)); })
            />
            <div class="sc-row">
                <button type="button" class="sc-button" on:click=move |_| { let _ = on_action.run(DealAction::Back); }>
                    "Back"
                </button>
                <button type="button" class="sc-button sc-button--primary" on:click=move |_| { let _ = on_action.run(DealAction::Next); }>
                    "Next"
                </button>
            </div>
            <p class="sc-qualify-muted sc-qualify-keys">
                "Keyboard: "<kbd>"1"</kbd>"–"<kbd>"4"</kbd>" to answer, "<kbd>"Enter"</kbd>" for the next step, "
                <kbd>"←"</kbd>" to go back."
            </p>
        </div>
    }
}

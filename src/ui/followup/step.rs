//! One step of a plan: its status as one set of choices (not started, in progress, done),
//! and Edit to rename it, re-date it or change what it needs.

use super::change;
use crate::domain::followup::StepStatus;
use crate::domain::{Date, Id};
use crate::ui::forming::read_optional_date;
use crate::ui::kit::{unknown_choice, ErrorLine, InputField};
use leptos::prelude::*;

/// One step as its plan shows it.
#[derive(Clone, PartialEq)]
pub struct StepRow {
    pub id: Id,
    pub what: String,
    pub due: Option<Date>,
    pub resources: String,
    pub status: StepStatus,
    pub overdue: bool,
}

/// What a step says, due and needs: the three boxes for a new step and for editing one, with
/// the ids `step-what{suffix}`, `step-due{suffix}` and `step-resources{suffix}`.
#[component]
pub fn StepFields(
    suffix: String,
    what: RwSignal<String>,
    due: RwSignal<String>,
    resources: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="row-fields">
            <InputField id=format!("step-what{suffix}") label="Step" autocomplete="off" class="grow"
                value=what on_input=Callback::new(move |t| what.set(t)) />
            <InputField id=format!("step-due{suffix}") label="Due date" kind="date"
                value=due on_input=Callback::new(move |t| due.set(t)) />
            <InputField id=format!("step-resources{suffix}") label="Resources needed" autocomplete="off" class="grow"
                value=resources on_input=Callback::new(move |t| resources.set(t)) />
        </div>
    }
}

#[component]
pub fn StepItem(
    programme: Id,
    plan: Id,
    step: StepRow,
    set_status: Callback<(Id, StepStatus)>,
    remove: Callback<Id>,
) -> impl IntoView {
    let StepRow {
        id,
        what,
        due,
        resources,
        status,
        overdue,
    } = step;
    let editing = RwSignal::new(false);
    let new_what = RwSignal::new(what.clone());
    let new_due = RwSignal::new(due.map(|d| d.to_string()).unwrap_or_default());
    let new_resources = RwSignal::new(resources.clone());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = new_due.get_untracked();
        let r = read_optional_date(&typed, "a due date").and_then(|d| {
            let (w, res) = (new_what.get_untracked(), new_resources.get_untracked());
            change(programme, |f| f.plan_mut(plan)?.edit_step(id, &w, d, &res))
        });
        match r {
            Ok(()) => {
                error.set(None);
                editing.set(false);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let done = status == StepStatus::Done;
    let name = format!("step-status-{id}");
    let label = what.clone();
    view! {
        <li class="step" class:overdue=overdue class:done=done>
            <fieldset class="choices step-status">
                <legend dir="auto">{what.clone()}</legend>
                <p class="meta">
                    {due.map(|d| format!("Due {d}")).unwrap_or_else(|| "No due date".to_string())}
                    {(!resources.is_empty()).then(|| format!(" · Needs: {resources}"))}
                </p>
                {overdue.then(|| view! { <p class="tag attention-tag">"Overdue"</p> })}
                <div class="segmented no-print">
                    {StepStatus::ALL.into_iter().map(|st| {
                        let name = name.clone();
                        view! {
                            <label class="check">
                                <input type="radio" name=name prop:checked=st == status
                                    on:change=move |_| set_status.run((id, st)) />
                                <span>{st.words()}</span>
                            </label>
                        }
                    }).collect_view()}
                    {unknown_choice(name.clone(), move || status == StepStatus::Unknown, StepStatus::Unknown.words())}
                </div>
                <p class="print-only">{status.words()}</p>
            </fieldset>
            <Show when=move || editing.get()
                fallback=move || {
                    let label = label.clone();
                    let label2 = label.clone();
                    view! {
                        <div class="actions no-print">
                            <button type="button" class="button" on:click=move |_| editing.set(true)>
                                {format!("Edit step: {label}")}
                            </button>
                            <button type="button" class="button" on:click=move |_| remove.run(id)>
                                {format!("Remove step: {label2}")}
                            </button>
                        </div>
                    }
                }>
                <form class="subform no-print" on:submit=save>
                    <StepFields suffix=format!("-{id}") what=new_what due=new_due resources=new_resources />
                    <ErrorLine error=error />
                    <div class="actions">
                        <button type="submit" class="button primary">"Save the step"</button>
                        <button type="button" class="button" on:click=move |_| editing.set(false)>"Cancel the change"</button>
                    </div>
                </form>
            </Show>
        </li>
    }
}

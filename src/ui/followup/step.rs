//! One step of a plan: its status as one set of choices (not started, in progress, done),
//! and Edit to rename it, re-date it or change what it needs.

use super::change;
use crate::domain::followup::StepStatus;
use crate::domain::{Date, Id};
use crate::ui::forming::read_optional_date;
use crate::ui::kit::{ErrorLine, InputField};
use leptos::prelude::*;

#[component]
#[allow(clippy::too_many_arguments)]
pub fn StepItem(
    programme: Id,
    plan: Id,
    id: Id,
    what: String,
    due: Option<Date>,
    resources: String,
    status: StepStatus,
    overdue: bool,
    set_status: Callback<(Id, StepStatus)>,
    remove: Callback<Id>,
) -> impl IntoView {
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
    let what_id = format!("step-what-{id}");
    let due_id = format!("step-due-{id}");
    let res_id = format!("step-resources-{id}");
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
                    {(status == StepStatus::Unknown).then(|| view! {
                        <label class="check">
                            <input type="radio" name=name.clone() checked=true disabled=true />
                            <span>{StepStatus::Unknown.words()}</span>
                        </label>
                    })}
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
                    <div class="row-fields">
                        <InputField id=what_id.clone() label="Step" autocomplete="off" class="grow"
                            value=new_what on_input=Callback::new(move |t| new_what.set(t)) />
                        <InputField id=due_id.clone() label="Due date" kind="date"
                            value=new_due on_input=Callback::new(move |t| new_due.set(t)) />
                        <InputField id=res_id.clone() label="Resources needed" autocomplete="off" class="grow"
                            value=new_resources on_input=Callback::new(move |t| new_resources.set(t)) />
                    </div>
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

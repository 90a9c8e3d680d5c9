//! One follow-up plan: what was learned (with the meeting's shared items as prompts), the
//! mentor's questions, goals, objectives, steps that tick off, and the mentor's support.
//! Laid out so that printing it gives a clean sheet.

use super::step::{StepFields, StepItem, StepRow};
use super::{change, create};
use crate::domain::followup::{meeting_prompts, Apply, PlanField, PlanSource, StepStatus};
use crate::domain::workspace::Workspace;
use crate::domain::Id;
use crate::state::{use_app, Route};
use crate::ui::forming::read_optional_date;
use crate::ui::kit::{pair_name, today, DeleteSection, ErrorLine, Field, InputField, TextField};
use leptos::prelude::*;

fn read_plan<T: Send + Sync + PartialEq + 'static>(
    programme: Id,
    plan: Id,
    f: impl Fn(&Workspace, &crate::domain::followup::Plan) -> T + Send + Sync + 'static,
) -> Memo<Option<T>> {
    let app = use_app();
    Memo::new(move |_| {
        app.ws.with(|ws| {
            let p = ws.programme(programme)?;
            p.followup.plan(plan).map(|x| f(ws, x))
        })
    })
}

#[component]
pub fn PlanPage(programme: Id, plan: Id) -> impl IntoView {
    let app = use_app();
    let title = read_plan(programme, plan, |ws, x| x.title(&ws.sessions));
    let about = Memo::new(move |_| {
        app.ws.with(|ws| {
            let p = ws.programme(programme)?;
            let x = p.followup.plan(plan)?;
            let pair = x
                .pair
                .map(|pair| pair_name(p, pair))
                .unwrap_or_else(|| "Not linked to a pair".to_string());
            let started = x
                .created
                .map(|d| format!(" · Started on {d}"))
                .unwrap_or_default();
            Some(format!("{pair}{started}"))
        })
    });
    let prompts = Memo::new(move |_| {
        app.ws.with(|ws| {
            let x = ws.programme(programme)?.followup.plan(plan)?;
            match x.source {
                PlanSource::Meeting(s) => ws.session(s).map(meeting_prompts),
                PlanSource::Activity(_) => None,
            }
        })
    });
    let error = RwSignal::new(None::<String>);
    let use_prompt = move |text: String| {
        error.set(
            change(programme, |f| {
                f.plan_mut(plan)?.add_learning(&text, Apply::Now)
            })
            .err(),
        );
    };
    let delete = Callback::new(move |_| {
        if change(programme, |f| f.remove_plan(plan)).is_ok() {
            crate::ui::go(Route::FollowUp(programme));
        }
    });
    let field =
        move |id: &'static str, label: &'static str, hint: &'static str, which: PlanField| {
            let value = read_plan(programme, plan, move |_, x| x.field(which).to_string());
            let on_edit = Callback::new(move |text: String| {
                change(programme, |f| f.plan_mut(plan)?.set_field(which, &text))
            });
            view! {
                <TextField id=id.to_string() label=label hint=hint multiline=true
                    value=Signal::derive(move || value.get().unwrap_or_default()) on_edit=on_edit />
            }
        };
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href=Route::FollowUp(programme).href()>"Back to after the meetings"</a>
        </nav>
        <div class="sheet">
            <h1 tabindex="-1">{move || format!("Follow-up plan: {}", title.get().unwrap_or_default())}</h1>
            <p class="meta">{move || about.get()}</p>
            <div class="actions no-print">
                <button type="button" class="button" on:click=|_| crate::ui::kit::print_page()>"Print this plan"</button>
            </div>
            <Show when=move || prompts.with(|p| p.as_ref().is_some_and(|p| !p.is_empty()))>
                <section class="panel no-print" aria-labelledby="prompts-title">
                    <h2 id="prompts-title">"What the group agreed to share"</h2>
                    <p class="hint">"Only items the group consented to share appear here. Use any of them as a prompt for what the protege learned."</p>
                    <ul class="prompts">
                        {move || prompts.get().unwrap_or_default().into_iter().map(|text| {
                            let again = text.clone();
                            view! {
                                <li>
                                    <span>{text.clone()}</span>" "
                                    <button type="button" class="button" on:click=move |_| use_prompt(again.clone())>
                                        {format!("Add to what was learned: {text}")}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            </Show>
            <ErrorLine error=error />
            <Learnings programme=programme plan=plan />
            <section class="panel sheet-part" aria-labelledby="understanding-title">
                <h2 id="understanding-title">"Checking understanding"</h2>
                {field("plan-questions", "Questions the mentor asked to check understanding", "What did you ask, and what did the answers show?", PlanField::Questions)}
                {field("plan-needs-more", "What needs more explanation", "Anything that was unclear or needs another look.", PlanField::NeedsMore)}
            </section>
            <section class="panel sheet-part" aria-labelledby="goals-title">
                <h2 id="goals-title">"Goals"</h2>
                {field("plan-goals", "Longer-term goals", "Where the protege wants to be in six months or a year.", PlanField::Goals)}
                {field("plan-objectives", "Shorter-term objectives", "What to reach in the next few weeks.", PlanField::Objectives)}
            </section>
            <Steps programme=programme plan=plan />
            <section class="panel sheet-part" aria-labelledby="support-title">
                <h2 id="support-title">"Support"</h2>
                {field("plan-support", "How the mentor will support", "Time, contacts, feedback, resources the mentor will offer.", PlanField::Support)}
            </section>
        </div>
        <DeleteSection id="delete-plan-title" heading="Delete this plan" label="Delete this plan"
            question="Delete this plan and all its steps from this device? This cannot be undone."
            on_confirm=delete class="no-print" />
    }
}

#[component]
fn Learnings(programme: Id, plan: Id) -> impl IntoView {
    let list = read_plan(programme, plan, |_, x| x.learnings.clone());
    let text = RwSignal::new(String::new());
    let apply = RwSignal::new(Apply::Now);
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = text.get_untracked();
        let when = apply.get_untracked();
        match change(programme, |f| f.plan_mut(plan)?.add_learning(&typed, when)) {
            Ok(()) => {
                text.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let set_apply = move |i: usize, value: String| {
        let when = if value == "later" {
            Apply::Later
        } else {
            Apply::Now
        };
        error.set(change(programme, |f| f.plan_mut(plan)?.set_apply(i, when)).err());
    };
    let remove = move |i: usize| {
        error.set(change(programme, |f| f.plan_mut(plan)?.remove_learning(i)).err());
    };
    view! {
        <section class="panel sheet-part" aria-labelledby="learned-title">
            <h2 id="learned-title">"What the protege learned"</h2>
            {move || {
                let items = list.get().unwrap_or_default();
                if items.is_empty() {
                    return view! { <p class="empty">"Nothing yet."</p> }.into_any();
                }
                view! {
                    <ol class="learnings">
                        {items.into_iter().enumerate().map(|(i, l)| {
                            let select_id = format!("learning-apply-{i}");
                            view! {
                                <li class="learning">
                                    <span class="grow">{l.text.clone()}</span>
                                    <span class="print-only">{l.apply.words()}</span>
                                    <label class="no-print small-label" for=select_id.clone()>"When"<span class="visually-hidden">{format!(" to apply: {}", l.text)}</span></label>
                                    <select id=select_id class="no-print" on:change=move |ev| set_apply(i, event_target_value(&ev))>
                                        <option value="now" selected=l.apply == Apply::Now>"Apply now"</option>
                                        <option value="later" selected=l.apply == Apply::Later>"Apply later"</option>
                                        {(l.apply == Apply::Unknown).then(|| view! { <option value="" disabled=true selected=true>{Apply::Unknown.words()}</option> })}
                                    </select>
                                    <button type="button" class="button no-print" on:click=move |_| remove(i)>
                                        {format!("Remove: {}", l.text)}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <form class="inline-form no-print" on:submit=add>
                <InputField id="learning-text" label="Something the protege learned" autocomplete="off"
                    value=text on_input=Callback::new(move |t| text.set(t)) />
                <Field id="learning-apply" label="When to apply it" class="narrow">
                    <select id="learning-apply" on:change=move |ev| apply.set(if event_target_value(&ev) == "later" { Apply::Later } else { Apply::Now })>
                        <option value="now" selected=move || apply.get() == Apply::Now>"Apply now"</option>
                        <option value="later" selected=move || apply.get() == Apply::Later>"Apply later"</option>
                    </select>
                </Field>
                <button type="submit" class="button">"Add learning"</button>
            </form>
            <ErrorLine error=error />
        </section>
    }
}

#[component]
fn Steps(programme: Id, plan: Id) -> impl IntoView {
    let now = today();
    let rows = read_plan(programme, plan, move |_, x| {
        x.steps
            .iter()
            .map(|s| StepRow {
                id: s.id,
                what: s.what.clone(),
                due: s.due,
                resources: s.resources.clone(),
                status: s.status,
                overdue: s.is_overdue(now),
            })
            .collect::<Vec<_>>()
    });
    let what = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let resources = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed_due = due.get_untracked();
        let result = read_optional_date(&typed_due, "a due date").and_then(|d| {
            let (w, r) = (what.get_untracked(), resources.get_untracked());
            create(programme, |f, id| f.plan_mut(plan)?.add_step(id, &w, d, &r))
        });
        match result {
            Ok(()) => {
                what.set(String::new());
                due.set(String::new());
                resources.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let set_status = move |step: Id, status: StepStatus| {
        error.set(change(programme, |f| f.plan_mut(plan)?.set_status(step, status)).err());
    };
    let remove = move |step: Id| {
        error.set(change(programme, |f| f.plan_mut(plan)?.remove_step(step)).err());
    };
    view! {
        <section class="panel sheet-part" aria-labelledby="steps-title">
            <h2 id="steps-title">"Steps"</h2>
            {move || {
                let items = rows.get().unwrap_or_default();
                if items.is_empty() {
                    return view! { <p class="empty">"No steps yet."</p> }.into_any();
                }
                let overdue = items.iter().filter(|s| s.overdue).count();
                view! {
                    {(overdue > 0).then(|| view! {
                        <p class="tag attention-tag">{if overdue == 1 { "1 step is overdue".to_string() } else { format!("{overdue} steps are overdue") }}</p>
                    })}
                    <ul class="steps" role="list">
                        {items.into_iter().map(|s| view! {
                            <StepItem programme=programme plan=plan step=s
                                set_status=Callback::new(move |(id, st)| set_status(id, st))
                                remove=Callback::new(remove) />
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form class="subform no-print" on:submit=add>
                <h3>"Add a step"</h3>
                <StepFields suffix=String::new() what=what due=due resources=resources />
                <button type="submit" class="button">"Add step"</button>
            </form>
            <ErrorLine error=error />
        </section>
    }
}

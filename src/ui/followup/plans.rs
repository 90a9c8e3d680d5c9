//! The follow-up page's list of plans, with overdue steps visible, and starting a new plan
//! from a peer group meeting or any other development activity.

use super::create;
use crate::domain::followup::Plan;
use crate::domain::Id;
use crate::state::{use_app, Route};
use crate::ui::kit::{pair_label, pair_name, today, CardList, ErrorLine, Field, PickField};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct PlanRow {
    id: Id,
    title: String,
    pair: String,
    steps: usize,
    done: usize,
    overdue: usize,
}

#[component]
pub fn PlansSection(programme: Id) -> impl IntoView {
    let app = use_app();
    let now = today();
    let rows = Memo::new(move |_| {
        app.ws.with(|ws| {
            let Some(p) = ws.programme(programme) else {
                return Vec::new();
            };
            p.followup
                .plans
                .iter()
                .map(|x| PlanRow {
                    id: x.id,
                    title: x.title(&ws.sessions),
                    pair: x
                        .pair
                        .map(|pair| pair_name(p, pair))
                        .unwrap_or_else(|| "Not linked to a pair".to_string()),
                    steps: x.steps.len(),
                    done: x.done(),
                    overdue: x.overdue(now).count(),
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" aria-labelledby="plans-title">
            <h2 id="plans-title">"Follow-up plans"</h2>
            <p class="hint">"After a protege attends a peer group meeting (or any other learning activity), the mentor and protege turn what was learned into goals and steps."</p>
            <CardList empty=Signal::derive(move || rows.with(Vec::is_empty)) when_empty="No plans yet.">
                <For each=move || rows.get() key=|r| (r.id, r.title.clone(), r.pair.clone(), r.steps, r.done, r.overdue) let:r>
                    <li class="card" class:attention={r.overdue > 0}>
                        <h3><a href=Route::Plan(programme, r.id).href()>{r.title.clone()}</a></h3>
                        <p class="meta">{r.pair.clone()}</p>
                        <p class="meta">{format!("{} of {} steps done", r.done, r.steps)}</p>
                        {(r.overdue > 0).then(|| view! {
                            <p class="tag attention-tag">{if r.overdue == 1 { "1 step overdue".to_string() } else { format!("{} steps overdue", r.overdue) }}</p>
                        })}
                    </li>
                </For>
            </CardList>
            <NewPlan programme=programme />
        </section>
    }
}

#[component]
fn NewPlan(programme: Id) -> impl IntoView {
    let app = use_app();
    let pairs = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            p.mentoring
                .active_pairs()
                .map(|x| (x.id, pair_label(p, x)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let meetings = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.sessions_of(programme)
                .into_iter()
                .map(|s| (s.id(), format!("{} · {}", s.date(), s.question().text)))
                .collect::<Vec<_>>()
        })
    });
    let pair = RwSignal::new(None::<Id>);
    let from_meeting = RwSignal::new(true);
    let meeting = RwSignal::new(None::<Id>);
    let activity = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen_pair = pair.get_untracked();
        let result = if from_meeting.get_untracked() {
            let session = meeting
                .get_untracked()
                .or_else(|| meetings.with_untracked(|m| m.first().map(|x| x.0)));
            match session {
                Some(s) => create(programme, |f, id| {
                    f.plans
                        .push(Plan::from_meeting(id, chosen_pair, s, today()));
                    Ok(id)
                }),
                None => Err("There is no meeting in this programme yet. Choose “Another development activity” and name it instead.".to_string()),
            }
        } else {
            let name = activity.get_untracked();
            create(programme, |f, id| {
                f.plans
                    .push(Plan::from_activity(id, chosen_pair, &name, today())?);
                Ok(id)
            })
        };
        match result {
            Ok(id) => {
                error.set(None);
                activity.set(String::new());
                crate::ui::go(Route::Plan(programme, id));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="subform" on:submit=start>
            <h3>"Start a plan"</h3>
            <PickField id="plan-pair" label="For which pair" class="narrow" chosen=pair>
                <option value="">"Not linked to a pair"</option>
                {move || pairs.get().into_iter().map(|(id, label)| view! {
                    <option value=id.to_string() selected=move || pair.get() == Some(id)>{label}</option>
                }).collect_view()}
            </PickField>
            <fieldset class="choices">
                <legend>"What was the learning from?"</legend>
                <label class="check">
                    <input type="radio" name="plan-source" prop:checked=move || from_meeting.get()
                        on:change=move |_| from_meeting.set(true) />
                    <span>"A peer group meeting"</span>
                </label>
                <label class="check">
                    <input type="radio" name="plan-source" prop:checked=move || !from_meeting.get()
                        on:change=move |_| from_meeting.set(false) />
                    <span>"Another development activity"</span>
                </label>
            </fieldset>
            <Show when=move || from_meeting.get()
                fallback=move || view! {
                    <Field id="plan-activity" label="Name of the activity">
                        <input type="text" id="plan-activity" autocomplete="off"
                            placeholder="For example: Wound care workshop"
                            prop:value=move || activity.get()
                            on:input=move |ev| activity.set(event_target_value(&ev)) />
                    </Field>
                }>
                <PickField id="plan-meeting" label="Meeting" chosen=meeting>
                    {move || meetings.get().into_iter().map(|(id, label)| view! {
                        <option value=id.to_string() selected=move || meeting.get() == Some(id)>{label}</option>
                    }).collect_view()}
                </PickField>
            </Show>
            <ErrorLine error=error />
            <button type="submit" class="button primary">"Start plan"</button>
        </form>
    }
}

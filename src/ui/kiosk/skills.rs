//! The skills inventory as a kiosk task: each participant in turn taps their own name and
//! enters what they can offer and want to develop, their free days and team. The form always
//! starts empty and replaces their earlier entry, so nobody sees anyone's earlier answers.

use super::{Kiosk, Stage};
use crate::domain::mentoring::inventory::{SelfEntry, DAYS};
use crate::domain::mentoring::Direction;
use crate::domain::Id;
use crate::state::{use_app, Refusal};
use crate::ui::kit::{ErrorLine, Field, KioskTask, Thanks};
use leptos::prelude::*;

#[component]
pub fn SkillsTask(programme: Id, kiosk: Kiosk) -> impl IntoView {
    let app = use_app();
    let people = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme).map(|p| {
                let mut people: Vec<(Id, String)> = p
                    .participants
                    .iter()
                    .map(|x| (x.id, x.display_name.clone()))
                    .collect();
                crate::domain::sort::sort_by_key(&mut people, |(_, n)| {
                    crate::domain::fold::fold_name(n)
                });
                people
            })
        })
    });
    let skills = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            p.mentoring
                .skills
                .iter()
                .map(|s| (s.id, s.name.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let chosen = RwSignal::new(None::<Id>);
    let entry = RwSignal::new(SelfEntry::default());
    let error = RwSignal::new(None::<String>);
    kiosk.on_restart(move || {
        chosen.set(None);
        entry.set(SelfEntry::default());
        error.set(None);
    });
    let name_of = move |id: Id| {
        people.with(|p| {
            p.as_ref()
                .and_then(|p| p.iter().find(|(x, _)| *x == id).map(|(_, n)| n.clone()))
                .unwrap_or_default()
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(person) = chosen.get_untracked() else {
            return;
        };
        let given = entry.get_untracked();
        let outcome = app.edit_programme(programme, |p| {
            if !p.participants.iter().any(|x| x.id == person) {
                return Err(Refusal(
                    "This name is no longer on the list. Please tell the facilitator.".into(),
                ));
            }
            Ok(p.mentoring.apply_self_entry(person, &given)?)
        });
        match outcome {
            Ok(()) => kiosk.answered(),
            Err(e) => error.set(Some(e.0)),
        }
    };
    let touch = move |_| kiosk.touch();
    let gone = Signal::derive(move || {
        people
            .with(Option::is_none)
            .then(|| "This task is no longer available on this device.".to_string())
    });
    let thanks = Thanks::next_person(
        "Your skills are saved. The screen is clear for the next person.",
        "Your skills were taken, but this tablet could not store them safely yet. Please tell the facilitator.",
    );
    view! {
        <KioskTask kiosk=kiosk gone=gone thanks=thanks>
        {move || match (people.get().unwrap_or_default(), chosen.get()) {
            (list, None) => view! {
                <h1 tabindex="-1">"Your skills"</h1>
                <p class="kiosk-lead">"Tap your own name. You will see an empty form: what you enter replaces anything entered for you before."</p>
                <ul class="kiosk-picks" role="list" aria-label="People">
                    {list.into_iter().map(|(id, name)| view! {
                        <li><button type="button" class="button kiosk-pick" on:click=move |_| {
                            chosen.set(Some(id));
                            kiosk.go(Stage::Answer(0));
                        }>{name}</button></li>
                    }).collect_view()}
                </ul>
            }.into_any(),
            (_, Some(person)) => view! {
                <h1 tabindex="-1">{format!("Skills for {}", name_of(person))}</h1>
                <form class="panel kiosk-skills" on:submit=submit on:input=touch on:change=touch>
                    <p class="hint">"For each skill: can you help others with it, and would you like to get better at it?"</p>
                    {skills.get().into_iter().map(|(skill, name)| {
                        let offer_id = format!("offer-{skill}");
                        let want_id = format!("want-{skill}");
                        view! {
                            <fieldset class="choices">
                                <legend>{name.clone()}</legend>
                                <div class="row-fields">
                                    <LevelSelect id=offer_id label="I can offer" entry=entry direction=Direction::Offers skill=skill />
                                    <LevelSelect id=want_id label="I want to develop" entry=entry direction=Direction::Wants skill=skill />
                                </div>
                            </fieldset>
                        }
                    }).collect_view()}
                    <fieldset class="choices">
                        <legend>"Days I am free to meet"</legend>
                        {DAYS.iter().enumerate().map(|(i, day)| {
                            let d = i as u8;
                            view! {
                                <label class="check">
                                    <input type="checkbox" prop:checked=move || entry.with(|e| e.availability.contains(&d))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            entry.update(|e| { if on { e.availability.insert(d); } else { e.availability.remove(&d); } });
                                        } />
                                    <span>{*day}</span>
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                    <Field id="kiosk-team" label="My team or department (optional)">
                        <input id="kiosk-team" type="text" autocomplete="off" prop:value=move || entry.with(|e| e.team.clone())
                            on:input=move |ev| entry.update(|e| e.team = event_target_value(&ev)) />
                    </Field>
                    <ErrorLine error=error />
                    <div class="actions">
                        <button type="submit" class="button primary kiosk-big">"Save my skills"</button>
                        <button type="button" class="button kiosk-big" on:click=move |_| kiosk.clear()>
                            {format!("Not {}? Start again", name_of(person))}
                        </button>
                    </div>
                </form>
            }.into_any(),
        }}
        </KioskTask>
    }
}

#[component]
fn LevelSelect(
    id: String,
    label: &'static str,
    entry: RwSignal<SelfEntry>,
    direction: Direction,
    skill: Id,
) -> impl IntoView {
    view! {
        <Field id=id.clone() label=label>
            <select id=id on:change=move |ev| {
                let level = event_target_value(&ev).parse::<u8>().unwrap_or(0);
                entry.update(|e| e.set(direction, skill, level));
            }>
                {crate::ui::kit::SKILL_LEVELS.iter().map(|(n, words)| {
                    let n = *n;
                    view! { <option value=n.to_string() selected=move || entry.with(|e| e.level(direction, skill)) == n>{*words}</option> }
                }).collect_view()}
            </select>
        </Field>
    }
}

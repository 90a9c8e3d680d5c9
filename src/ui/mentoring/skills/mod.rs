//! The skills inventory screen: the programme's skills list (add, rename, merge, remove),
//! everyone's offers and wants at a glance, and one person's entry at a time.

use super::{edit_mentoring, with_mentoring};
use crate::domain::mentoring::Direction;
use crate::domain::{DomainError, Id};
use crate::state::use_app;
use crate::ui::kit::{choose_options, ConfirmButton, ErrorLine, Field, InputField};
use leptos::prelude::*;
use people::{People, PersonEditor};

mod people;

#[component]
pub fn SkillsPage(programme: Id) -> impl IntoView {
    let editing = RwSignal::new(None::<Id>);
    view! {
        <crate::ui::forming::BackToProgramme programme=programme />
        <h1 tabindex="-1">"Skills inventory"</h1>
        <p class="lead">
            "What each person can offer and wants to develop, from 1 (a little) to 3 (a lot), \
             when they are free and which team they are in. Pairing uses this to match people \
             whose skills complement each other."
        </p>
        <SkillList programme=programme />
        {move || editing.get().map(|person| view! { <PersonEditor programme=programme person=person editing=editing /> })}
        <People programme=programme editing=editing />
        <crate::ui::kiosk::start::KioskStart
            task=crate::domain::kiosk::KioskTask::SkillsEntry { programme }
            what="people to enter their own skills" />
        <super::import::ImportSection programme=programme />
        <p><a class="button primary" href=crate::state::Route::Pairing(programme).href()>"Go to pairing"</a></p>
    }
}

pub(super) fn skill_choices(programme: Id) -> Memo<Vec<(Id, String)>> {
    Memo::new(move |_| {
        with_mentoring(programme, |_, m| {
            m.skills.iter().map(|s| (s.id, s.name.clone())).collect()
        })
    })
}

fn pick(ev: &leptos::ev::Event) -> Option<Id> {
    event_target_value(ev).parse().ok()
}

pub(super) fn focus(id: &'static str) {
    crate::ui::kit::focus_id_soon(id);
}

#[component]
fn SkillList(programme: Id) -> impl IntoView {
    let app = use_app();
    let skills = skill_choices(programme);
    let new_name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        let r = app.change(|ws| {
            ws.programme(programme)
                .ok_or(DomainError::NotFound("programme"))?
                .mentoring
                .check_skill_name(&name, None)?;
            let id = ws.fresh_id();
            ws.programme_mut(programme)?.mentoring.add_skill(id, &name)
        });
        match r {
            Ok(()) => {
                new_name.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let usage = move |id: Id| {
        with_mentoring(programme, |_, m| {
            let count = |d: Direction| {
                m.profiles
                    .iter()
                    .filter(|p| m.level(p.participant, d, id) > 0)
                    .count()
            };
            format!(
                "offered by {}, wanted by {}",
                count(Direction::Offers),
                count(Direction::Wants)
            )
        })
    };
    view! {
        <section class="panel" aria-labelledby="skills-title">
            <h2 id="skills-title">"Skills list"</h2>
            <Show when=move || skills.with(Vec::is_empty)>
                <p class="empty">"No skills yet. Add the skills people in this programme could share, such as budgeting or public speaking."</p>
            </Show>
            <ul class="skill-list" role="list">
                <For each=move || skills.get() key=|s| s.clone() let((id, name))>
                    <li><span class="skill-name" dir="auto">{name}</span>" "<span class="meta">{move || usage(id)}</span></li>
                </For>
            </ul>
            <form class="inline-form" on:submit=add>
                <InputField id="new-skill" label="New skill" autocomplete="off"
                    value=new_name on_input=Callback::new(move |t| new_name.set(t)) />
                <button type="submit" class="button">"Add skill"</button>
            </form>
            <ErrorLine error=error />
            <Show when=move || !skills.with(Vec::is_empty)>
                <ChangeSkills programme=programme skills=skills />
            </Show>
        </section>
    }
}

/// Rename, merge and remove, each picking skills from the list.
#[component]
fn ChangeSkills(programme: Id, skills: Memo<Vec<(Id, String)>>) -> impl IntoView {
    let rename_which = RwSignal::new(None::<Id>);
    let rename_to = RwSignal::new(String::new());
    let merge_from = RwSignal::new(None::<Id>);
    let merge_into = RwSignal::new(None::<Id>);
    let remove_which = RwSignal::new(None::<Id>);
    let outcome = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let done = move |r: Result<String, String>| match r {
        Ok(text) => {
            outcome.set(Some(text));
            error.set(None);
        }
        Err(e) => {
            outcome.set(None);
            error.set(Some(e));
        }
    };
    const CHOOSE: &str = "Please choose a skill first.";
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = rename_which.get_untracked() else {
            return done(Err(CHOOSE.into()));
        };
        let to = rename_to.get_untracked();
        done(
            edit_mentoring(programme, |p| p.mentoring.rename_skill(id, &to)).map(|_| {
                rename_to.set(String::new());
                "Renamed.".to_string()
            }),
        );
    };
    let merge = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(from), Some(into)) = (merge_from.get_untracked(), merge_into.get_untracked())
        else {
            return done(Err(CHOOSE.into()));
        };
        done(
            edit_mentoring(programme, |p| p.mentoring.merge_skills(from, into)).map(|_| {
                merge_from.set(None);
                "Merged. Everyone who listed either skill now has the one that stays, at the \
                 higher of their two levels."
                    .to_string()
            }),
        );
    };
    let remove = Callback::new(move |_| {
        let Some(id) = remove_which.get_untracked() else {
            return done(Err(CHOOSE.into()));
        };
        done(
            edit_mentoring(programme, |p| p.mentoring.remove_skill(id)).map(|s| {
                remove_which.set(None);
                format!("Removed “{}”.", s.name)
            }),
        );
    });
    let options = move |chosen: RwSignal<Option<Id>>| {
        choose_options(chosen, "Choose a skill", move || skills.get())
    };
    view! {
        <details class="subform">
            <summary>"Rename, merge or remove skills"</summary>
            <form class="inline-form" on:submit=rename>
                <Field id="rename-which" label="Skill to rename">
                    <select id="rename-which" on:change=move |ev| rename_which.set(pick(&ev))>{options(rename_which)}</select>
                </Field>
                <InputField id="rename-to" label="New name" autocomplete="off"
                    value=rename_to on_input=Callback::new(move |t| rename_to.set(t)) />
                <button type="submit" class="button">"Rename"</button>
            </form>
            <form class="inline-form" on:submit=merge>
                <Field id="merge-from" label="Merge this skill">
                    <select id="merge-from" on:change=move |ev| merge_from.set(pick(&ev))>{options(merge_from)}</select>
                </Field>
                <Field id="merge-into" label="into this one">
                    <select id="merge-into" on:change=move |ev| merge_into.set(pick(&ev))>{options(merge_into)}</select>
                </Field>
                <button type="submit" class="button">"Merge"</button>
            </form>
            <div class="inline-form">
                <Field id="remove-which" label="Skill to remove">
                    <select id="remove-which" on:change=move |ev| remove_which.set(pick(&ev))>{options(remove_which)}</select>
                </Field>
                <ConfirmButton label="Remove skill".into()
                    question="Remove this skill from the list and from everyone's entry?".into()
                    confirm="Yes, remove it" on_confirm=remove class="danger-outline" />
            </div>
            <p class="result" role="status">{move || outcome.get()}</p>
            <ErrorLine error=error />
        </details>
    }
}

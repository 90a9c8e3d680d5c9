//! The skills inventory screen: the programme's skills list (add, rename, merge, remove),
//! everyone's offers and wants at a glance, and one person's entry at a time.

use super::{edit_mentoring, with_mentoring};
use crate::domain::mentoring::inventory::DAYS;
use crate::domain::mentoring::Direction;
use crate::domain::pairing::{ProgrammeKind, Side};
use crate::domain::programme::display_or;
use crate::domain::workspace::RecordKey;
use crate::domain::{DomainError, Id};
use crate::state::use_app;
use crate::ui::widgets::{ConfirmButton, ErrorLine};
use leptos::prelude::*;

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

fn skill_choices(programme: Id) -> Memo<Vec<(Id, String)>> {
    Memo::new(move |_| {
        with_mentoring(programme, |_, m| {
            m.skills.iter().map(|s| (s.id, s.name.clone())).collect()
        })
    })
}

fn pick(ev: &leptos::ev::Event) -> Option<Id> {
    event_target_value(ev).parse().ok()
}

fn focus(id: &'static str) {
    request_animation_frame(move || {
        if let Some(h) = document().get_element_by_id(id) {
            if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h) {
                let _ = h.focus();
            }
        }
    });
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
        let r = app.edit(
            &[RecordKey::Programme(programme), RecordKey::Settings],
            |ws| {
                ws.programme(programme)
                    .ok_or(DomainError::NotFound("programme"))?
                    .mentoring
                    .check_skill_name(&name, None)?;
                let id = ws.fresh_id();
                ws.programme_mut(programme)?.mentoring.add_skill(id, &name)
            },
        );
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
                <div class="field">
                    <label for="new-skill">"New skill"</label>
                    <input id="new-skill" type="text" autocomplete="off" prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev)) />
                </div>
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
        view! {
            <option value="" selected=move || chosen.get().is_none()>"Choose a skill"</option>
            {move || skills.get().into_iter().map(|(id, name)| view! {
                <option value=id.to_string() selected=move || chosen.get() == Some(id)>{name}</option>
            }).collect_view()}
        }
    };
    view! {
        <details class="subform">
            <summary>"Rename, merge or remove skills"</summary>
            <form class="inline-form" on:submit=rename>
                <div class="field">
                    <label for="rename-which">"Skill to rename"</label>
                    <select id="rename-which" on:change=move |ev| rename_which.set(pick(&ev))>{options(rename_which)}</select>
                </div>
                <div class="field">
                    <label for="rename-to">"New name"</label>
                    <input id="rename-to" type="text" autocomplete="off" prop:value=move || rename_to.get()
                        on:input=move |ev| rename_to.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button">"Rename"</button>
            </form>
            <form class="inline-form" on:submit=merge>
                <div class="field">
                    <label for="merge-from">"Merge this skill"</label>
                    <select id="merge-from" on:change=move |ev| merge_from.set(pick(&ev))>{options(merge_from)}</select>
                </div>
                <div class="field">
                    <label for="merge-into">"into this one"</label>
                    <select id="merge-into" on:change=move |ev| merge_into.set(pick(&ev))>{options(merge_into)}</select>
                </div>
                <button type="submit" class="button">"Merge"</button>
            </form>
            <div class="inline-form">
                <div class="field">
                    <label for="remove-which">"Skill to remove"</label>
                    <select id="remove-which" on:change=move |ev| remove_which.set(pick(&ev))>{options(remove_which)}</select>
                </div>
                <ConfirmButton label="Remove skill".into()
                    question="Remove this skill from the list and from everyone's entry?".into()
                    confirm="Yes, remove it" on_confirm=remove class="danger-outline" />
            </div>
            <p class="result" role="status">{move || outcome.get()}</p>
            <ErrorLine error=error />
        </details>
    }
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: Id,
    name: String,
    offers: String,
    wants: String,
    days: String,
    team: String,
    side: &'static str,
}

#[component]
fn People(programme: Id, editing: RwSignal<Option<Id>>) -> impl IntoView {
    let rows = Memo::new(move |_| {
        with_mentoring(programme, |p, m| {
            p.participants
                .iter()
                .map(|x| {
                    let profile = m.profile(x.id);
                    Row {
                        id: x.id,
                        name: display_or(&x.display_name, "Unnamed person").to_string(),
                        offers: m.describe(x.id, Direction::Offers),
                        wants: m.describe(x.id, Direction::Wants),
                        days: profile
                            .map(|pr| {
                                pr.availability
                                    .iter()
                                    .filter_map(|d| DAYS.get(usize::from(*d)))
                                    .map(|d| &d[..3])
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            })
                            .unwrap_or_default(),
                        team: profile.map(|pr| pr.team.clone()).unwrap_or_default(),
                        side: side_label(m.side_of(x)),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let mentor_protege = Memo::new(move |_| {
        with_mentoring(programme, |_, m| {
            matches!(m.kind, ProgrammeKind::MentorProtege { .. })
        })
    });
    let open = move |id: Id| {
        editing.set(Some(id));
        focus("person-editor-title");
    };
    view! {
        <section class="panel" aria-labelledby="people-skills-title">
            <h2 id="people-skills-title" tabindex="-1">"Everyone's skills"</h2>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty">"Nobody is on the roster yet. Add people on the roster first."</p>
            </Show>
            <Show when=move || !rows.with(Vec::is_empty)>
                <div class="scroll">
                    <table class="grid skills-table stack">
                        <caption>"Skills by person"</caption>
                        <thead><tr>
                            <th scope="col">"Person"</th>
                            <th scope="col">"Can offer"</th>
                            <th scope="col">"Wants to develop"</th>
                            <th scope="col">"Free on"</th>
                            <th scope="col">"Team"</th>
                            <Show when=move || mentor_protege.get()><th scope="col">"Side"</th></Show>
                            <th scope="col">"Change"</th>
                        </tr></thead>
                        <tbody>
                            <For each=move || rows.get() key=|r| r.clone() let(r)>
                                <tr>
                                    <th scope="row" dir="auto">{r.name.clone()}</th>
                                    <td data-label="Can offer">{r.offers.clone()}</td>
                                    <td data-label="Wants to develop">{r.wants.clone()}</td>
                                    <td data-label="Free on">{r.days.clone()}</td>
                                    <td data-label="Team" dir="auto">{r.team.clone()}</td>
                                    <Show when=move || mentor_protege.get()><td data-label="Side">{r.side}</td></Show>
                                    <td class="stack-actions"><button type="button" class="button" on:click=move |_| open(r.id)>{format!("Edit {}", r.name)}</button></td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

fn side_label(side: Side) -> &'static str {
    match side {
        Side::Mentor => "Mentor",
        Side::Protege => "Protege",
        Side::Unassigned => "Not set",
        Side::Unknown => "A side this version does not know",
    }
}

const LEVELS: [(u8, &str); 4] = [
    (0, "No"),
    (1, "1 · a little"),
    (2, "2 · some"),
    (3, "3 · a lot"),
];

/// One person's entry: a level for each skill in both directions, free days, team, side.
#[component]
fn PersonEditor(programme: Id, person: Id, editing: RwSignal<Option<Id>>) -> impl IntoView {
    let skills = skill_choices(programme);
    let error = RwSignal::new(None::<String>);
    let name = Memo::new(move |_| {
        with_mentoring(programme, |p, _| crate::ui::forming::name_of(p, person))
    });
    let level = move |d: Direction, s: Id| with_mentoring(programme, |_, m| m.level(person, d, s));
    let set_level = move |d: Direction, s: Id, ev: leptos::ev::Event| {
        let lv: u8 = event_target_value(&ev).parse().unwrap_or(0);
        error.set(edit_mentoring(programme, |p| p.mentoring.set_level(person, d, s, lv)).err());
    };
    let free = move |day: u8| {
        with_mentoring(programme, |_, m| {
            m.profile(person)
                .is_some_and(|p| p.availability.contains(&day))
        })
    };
    let team = Memo::new(move |_| {
        with_mentoring(programme, |_, m| {
            m.profile(person)
                .map(|p| p.team.clone())
                .unwrap_or_default()
        })
    });
    let side = Memo::new(move |_| {
        with_mentoring(programme, |p, m| {
            p.participant(person)
                .map(|x| m.side_of(x))
                .unwrap_or_default()
        })
    });
    let capacity = Memo::new(move |_| {
        with_mentoring(programme, |_, m| {
            m.profile(person)
                .and_then(|p| p.capacity)
                .map(|c| c.to_string())
                .unwrap_or_default()
        })
    });
    let set_capacity = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let value = match text.trim() {
            "" => Ok(None),
            t => t.parse::<u32>().map(Some).map_err(|_| {
                "Please give a whole number from 1 to 50, or leave it empty.".to_string()
            }),
        };
        error.set(
            value
                .and_then(|c| edit_mentoring(programme, |p| p.mentoring.set_capacity(person, c)))
                .err(),
        );
    };
    let next = move |_| {
        let following = with_mentoring(programme, |p, _| {
            let at = p.participants.iter().position(|x| x.id == person);
            at.and_then(|i| p.participants.get(i + 1)).map(|x| x.id)
        });
        editing.set(following);
        if following.is_some() {
            focus("person-editor-title");
        } else {
            focus("people-skills-title");
        }
    };
    view! {
        <section class="panel person-skills" aria-labelledby="person-editor-title">
            <h2 id="person-editor-title" tabindex="-1">{move || format!("Skills of {}", name.get())}</h2>
            <p class="hint">"Changes are saved as you make them."</p>
            <Show when=move || skills.with(Vec::is_empty)>
                <p class="empty">"Add skills to the list above first."</p>
            </Show>
            <Show when=move || !skills.with(Vec::is_empty)>
                <div class="scroll">
                    <table class="grid levels">
                        <caption>{move || format!("What {} can offer and wants to develop", name.get())}</caption>
                        <thead><tr>
                            <th scope="col">"Skill"</th>
                            <th scope="col" id="col-offers">"Can offer"</th>
                            <th scope="col" id="col-wants">"Wants to develop"</th>
                        </tr></thead>
                        <tbody>
                            <For each=move || skills.get() key=|s| s.clone() let((sid, sname))>
                                <tr>
                                    <th scope="row" id=format!("skill-row-{sid}") dir="auto">{sname}</th>
                                    {[(Direction::Offers, "col-offers"), (Direction::Wants, "col-wants")].into_iter().map(|(d, col)| view! {
                                        <td>
                                            <select aria-labelledby=format!("{col} skill-row-{sid}")
                                                on:change=move |ev| set_level(d, sid, ev)>
                                                {LEVELS.into_iter().map(|(v, label)| view! {
                                                    <option value=v.to_string() selected=move || level(d, sid) == v>{label}</option>
                                                }).collect_view()}
                                            </select>
                                        </td>
                                    }).collect_view()}
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <fieldset class="choices">
                <legend>"Free on"</legend>
                {DAYS.iter().enumerate().map(|(i, day)| {
                    let d = i as u8;
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || free(d)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    error.set(edit_mentoring(programme, |p| p.mentoring.set_day(person, d, on)).err());
                                } />
                            {*day}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <crate::ui::widgets::TextField id=format!("team-{person}") label="Team or department"
                hint="Used to pair people across teams, if you choose that."
                value=Signal::derive(move || team.get())
                on_edit=Callback::new(move |text: String| edit_mentoring(programme, |p| p.mentoring.set_team(person, &text))) />
            <div class="field">
                <label for=format!("side-{person}")>"Mentor or protege"</label>
                <p class="hint">"Only used in mentor and protege programmes. Starts from the roster role."</p>
                <select id=format!("side-{person}") on:change=move |ev| {
                    let s = match event_target_value(&ev).as_str() {
                        "mentor" => Side::Mentor,
                        "protege" => Side::Protege,
                        _ => Side::Unassigned,
                    };
                    let _ = edit_mentoring(programme, |p| {
                        p.mentoring.set_side(person, s);
                        Ok(())
                    });
                }>
                    {[(Side::Unassigned, "unset", "Not set"), (Side::Mentor, "mentor", "Mentor"), (Side::Protege, "protege", "Protege")].into_iter().map(|(s, key, label)| view! {
                        <option value=key selected=move || side.get() == s>{label}</option>
                    }).collect_view()}
                    {crate::ui::widgets::unknown_option(move || side.get() == Side::Unknown, "A side this version does not know")}
                </select>
            </div>
            <Show when=move || side.get() == Side::Mentor>
                <div class="field">
                    <label for=format!("capacity-{person}")>"Most proteges for this mentor"</label>
                    <p class="hint">"Leave empty to use the number set on the pairing screen."</p>
                    <input id=format!("capacity-{person}") type="number" min="1" max="50"
                        prop:value=move || capacity.get() on:change=set_capacity />
                </div>
            </Show>
            <ErrorLine error=error />
            <div class="actions">
                <button type="button" class="button primary" on:click=next>"Next person"</button>
                <button type="button" class="button" on:click=move |_| { editing.set(None); focus("people-skills-title"); }>"Done"</button>
            </div>
        </section>
    }
}

//! Everyone's offers and wants at a glance, and one person's entry: a level for each skill in
//! both directions, free days, team and side.

use super::{edit_mentoring, focus, skill_choices, with_mentoring};
use crate::domain::mentoring::inventory::DAYS;
use crate::domain::mentoring::Direction;
use crate::domain::pairing::{ProgrammeKind, Side};
use crate::domain::programme::display_or;
use crate::domain::Id;
use crate::ui::kit::{ErrorLine, Field, TableOrEmpty};
use leptos::prelude::*;

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
pub(super) fn People(programme: Id, editing: RwSignal<Option<Id>>) -> impl IntoView {
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
            <TableOrEmpty empty=Signal::derive(move || rows.with(Vec::is_empty))
                when_empty="Nobody is on the roster yet. Add people on the roster first." class="grid skills-table stack">
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
            </TableOrEmpty>
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

/// One person's entry: a level for each skill in both directions, free days, team, side.
#[component]
pub(super) fn PersonEditor(
    programme: Id,
    person: Id,
    editing: RwSignal<Option<Id>>,
) -> impl IntoView {
    let skills = skill_choices(programme);
    let error = RwSignal::new(None::<String>);
    let name =
        Memo::new(move |_| with_mentoring(programme, |p, _| crate::ui::kit::name_of(p, person)));
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
            <TableOrEmpty empty=Signal::derive(move || skills.with(Vec::is_empty))
                when_empty="Add skills to the list above first." class="grid levels">
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
                                        {crate::ui::kit::SKILL_LEVELS.into_iter().map(|(v, label)| view! {
                                            <option value=v.to_string() selected=move || level(d, sid) == v>{label}</option>
                                        }).collect_view()}
                                    </select>
                                </td>
                            }).collect_view()}
                        </tr>
                    </For>
                </tbody>
            </TableOrEmpty>
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
            <crate::ui::kit::TextField id=format!("team-{person}") label="Team or department"
                hint="Used to pair people across teams, if you choose that."
                value=Signal::derive(move || team.get())
                on_edit=Callback::new(move |text: String| edit_mentoring(programme, |p| p.mentoring.set_team(person, &text))) />
            <Field id=format!("side-{person}") label="Mentor or protege">
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
                    {crate::ui::kit::unknown_option(move || side.get() == Side::Unknown, "A side this version does not know")}
                </select>
            </Field>
            <Show when=move || side.get() == Side::Mentor>
                <Field id=format!("capacity-{person}") label="Most proteges for this mentor">
                    <p class="hint">"Leave empty to use the number set on the pairing screen."</p>
                    <input id=format!("capacity-{person}") type="number" min="1" max="50"
                        prop:value=move || capacity.get() on:change=set_capacity />
                </Field>
            </Show>
            <ErrorLine error=error />
            <div class="actions">
                <button type="button" class="button primary" on:click=next>"Next person"</button>
                <button type="button" class="button" on:click=move |_| { editing.set(None); focus("people-skills-title"); }>"Done"</button>
            </div>
        </section>
    }
}

//! One person on the roster: a one-line summary, and an editor opened in place for their
//! name, private note, roles, groups, trial opt-in and written quote approval.

use crate::domain::programme::{display_or, Programme};
use crate::domain::roster::Role;
use crate::domain::{DomainError, Id};
use crate::state::{use_app, UndoAction, UndoOffer};
use crate::ui::forming::read_date;
use crate::ui::kit::{today, ConfirmButton, Field, TextField};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct Summary {
    name: String,
    details: String,
}

fn summary(p: &Programme, person: Id) -> Option<Summary> {
    let x = p.participant(person)?;
    let roles: Vec<&str> = x.roles.iter().map(|r| r.label()).collect();
    let groups: Vec<&str> = x
        .groups
        .iter()
        .filter_map(|g| p.group(*g))
        .map(|g| g.name.as_str())
        .collect();
    let mut details = vec![roles.join(", ")];
    if !groups.is_empty() {
        details.push(groups.join(", "));
    }
    details.push(x.opt_in_status(today()));
    if x.quote_approval
        .as_ref()
        .is_some_and(|a| a.in_force_on(today()))
    {
        details.push("May be quoted by name".into());
    }
    Some(Summary {
        name: display_or(&x.display_name, "Unnamed person").to_string(),
        details: details.join(" · "),
    })
}

#[component]
pub fn PersonRow(programme: Id, person: Id, open: RwSignal<Option<Id>>) -> impl IntoView {
    let app = use_app();
    let info = Memo::new(move |_| {
        app.ws
            .with(|ws| ws.programme(programme).and_then(|p| summary(p, person)))
    });
    let name = move || info.with(|i| i.as_ref().map(|i| i.name.clone()).unwrap_or_default());
    let is_open = move || open.get() == Some(person);
    view! {
        <li class="person">
            <div class="person-line">
                <div>
                    <strong class="person-name" dir="auto">{name}</strong>
                    <p class="meta">{move || info.with(|i| i.as_ref().map(|i| i.details.clone()))}</p>
                </div>
                <button type="button" class="button" aria-expanded=move || is_open().to_string()
                    aria-label=move || format!("{} {}", if is_open() { "Close" } else { "Edit" }, name())
                    on:click=move |_| open.set(if is_open() { None } else { Some(person) })>
                    {move || if is_open() { "Close" } else { "Edit" }}
                </button>
            </div>
            <Show when=is_open>
                <PersonEditor programme=programme person=person />
            </Show>
        </li>
    }
}

#[component]
fn PersonEditor(programme: Id, person: Id) -> impl IntoView {
    let app = use_app();
    let read = move |f: fn(&crate::domain::roster::Participant) -> String| {
        Memo::new(move |_| {
            app.ws.with(|ws| {
                ws.programme(programme)
                    .and_then(|p| p.participant(person))
                    .map(f)
                    .unwrap_or_default()
            })
        })
    };
    let edit = move |change: fn(&mut Programme, Id, &str) -> Result<(), DomainError>| {
        Callback::new(move |text: String| {
            app.edit_programme(programme, |p| change(p, person, &text))
                .map_err(|e: DomainError| e.to_string())
        })
    };
    let has_role = move |role: Role| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .and_then(|p| p.participant(person))
                .is_some_and(|x| x.roles.contains(&role))
        })
    };
    let in_group = move |group: Id| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .and_then(|p| p.participant(person))
                .is_some_and(|x| x.groups.contains(&group))
        })
    };
    let role_error = RwSignal::new(None::<String>);
    let groups = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            p.groups_in_order()
                .iter()
                .map(|g| (g.id, g.name.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let delete = Callback::new(move |_| {
        if let Ok((at, removed)) = app.edit_programme(programme, |p| p.remove_participant(person)) {
            app.undo.set(Some(UndoOffer {
                message: format!(
                    "Removed {} from the roster.",
                    display_or(&removed.display_name, "Unnamed person")
                ),
                restore: UndoAction::Participant {
                    programme,
                    at,
                    person: removed,
                },
            }));
        }
    });
    let name = read(|x| x.display_name.clone());
    let p = person;
    view! {
        <div class="editor">
            <div class="row-fields">
                <TextField id=format!("person-name-{p}") label="Name" value=name
                    on_edit=edit(|pr, id, t| pr.rename_participant(id, t)) />
                <TextField id=format!("person-note-{p}") label="Private contact note"
                    hint="How to reach them. Never exported or shared."
                    value=read(|x| x.contact_note.clone()) on_edit=edit(|pr, id, t| pr.set_contact_note(id, t)) />
            </div>
            <TextField id=format!("person-aka-{p}") label="Also known as" multiline=true
                hint="Nicknames and other ways of writing their name, one on each line or separated by commas. Anything you share is checked for these names too. Never shared."
                value=read(|x| x.also_known_as.clone()) on_edit=edit(|pr, id, t| pr.set_also_known_as(id, t)) />
            <fieldset class="choices">
                <legend>"Roles"</legend>
                {Role::ALL.into_iter().map(|role| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || has_role(role)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let r = app.edit_programme(programme, |p| p.set_role(person, role, on));
                                role_error.set(r.err().map(|e: DomainError| e.to_string()));
                            } />
                        {role.label()}
                    </label>
                }).collect_view()}
                <Show when=move || has_role(Role::Unknown)>
                    <label class="check">
                        <input type="checkbox" checked=true disabled=true />
                        {Role::Unknown.label()}
                    </label>
                </Show>
                <Show when=move || role_error.with(Option::is_some)>
                    <p class="error">{move || role_error.get()}</p>
                </Show>
            </fieldset>
            <fieldset class="choices">
                <legend>"Groups"</legend>
                <Show when=move || groups.with(Vec::is_empty)>
                    <p class="hint">"This programme has no groups yet."</p>
                </Show>
                {move || groups.get().into_iter().map(|(gid, gname)| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || in_group(gid)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let _ = app.edit_programme(programme, |p| p.set_membership(person, gid, on));
                            } />
                        {gname}
                    </label>
                }).collect_view()}
            </fieldset>
            <OptInEditor programme=programme person=person />
            <QuoteEditor programme=programme person=person />
            <div class="actions">
                {move || view! {
                    <ConfirmButton label=format!("Remove {}", name.get_untracked())
                        question=format!("Remove {} from the roster? You can undo this straight away.", name.get_untracked())
                        confirm="Yes, remove" on_confirm=delete class="danger-outline" />
                }}
            </div>
        </div>
    }
}

#[component]
fn OptInEditor(programme: Id, person: Id) -> impl IntoView {
    let app = use_app();
    let start = RwSignal::new(String::new());
    let end = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let status = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .and_then(|p| p.participant(person))
                .map(|x| x.opt_in_status(today()))
                .unwrap_or_default()
        })
    });
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = read_date(&start.get_untracked(), "the day the trial starts")
            .and_then(|s| {
                Ok((
                    s,
                    read_date(&end.get_untracked(), "the day the trial ends")?,
                ))
            })
            .and_then(|(s, e)| {
                app.edit_programme(programme, |p| p.set_opt_in(person, s, e))
                    .map_err(|e: DomainError| e.to_string())
            });
        error.set(result.err());
    };
    let p = person;
    view! {
        <form class="subform" on:submit=record>
            <h3>"Trial period"</h3>
            <p class="meta">{move || status.get()}</p>
            <div class="row-fields">
                <Field id=format!("trial-start-{p}") label="Trial starts">
                    <input type="date" id=format!("trial-start-{p}") on:input=move |ev| start.set(event_target_value(&ev)) />
                </Field>
                <Field id=format!("trial-end-{p}") label="Trial ends">
                    <input type="date" id=format!("trial-end-{p}") on:input=move |ev| end.set(event_target_value(&ev)) />
                </Field>
            </div>
            <crate::ui::kit::ErrorLine error=error />
            <button type="submit" class="button">"Record opt-in"</button>
        </form>
    }
}

#[component]
fn QuoteEditor(programme: Id, person: Id) -> impl IntoView {
    let app = use_app();
    let given = RwSignal::new(String::new());
    let scope = RwSignal::new(String::new());
    let uses = RwSignal::new(Vec::<crate::domain::roster::ApprovedUse>::new());
    let expires = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let current = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .and_then(|p| p.participant(person))
                .and_then(|x| x.quote_approval.clone())
        })
    });
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let exp = expires.get_untracked();
        let result =
            read_date(&given.get_untracked(), "the day approval was given").and_then(|g| {
                let exp = if exp.trim().is_empty() {
                    None
                } else {
                    Some(read_date(&exp, "an expiry date")?)
                };
                app.edit_programme(programme, |p| {
                    p.record_quote_approval(
                        person,
                        g,
                        &scope.get_untracked(),
                        &uses.get_untracked(),
                        exp,
                    )
                })
                .map_err(|e: DomainError| e.to_string())
            });
        error.set(result.err());
    };
    let withdraw = move |_| {
        let _ = app.edit_programme(programme, |p| p.withdraw_quote_approval(person, today()));
    };
    let describe = move || {
        current.get().map(|a| {
            let used: Vec<&str> = a.uses.iter().map(|u| u.label()).collect();
            let mut s = format!(
                "Written approval given {} for: {} ({}).",
                a.given,
                if used.is_empty() {
                    "no use ticked yet".to_string()
                } else {
                    used.join(", ")
                },
                a.scope
            );
            if let Some(e) = a.expires {
                s.push_str(&format!(" Expires {e}."));
            }
            if let Some(w) = a.withdrawn {
                s.push_str(&format!(" Withdrawn {w}: do not quote by name."));
            }
            s
        })
    };
    let p = person;
    view! {
        <form class="subform" on:submit=record>
            <h3>"Permission to quote by name"</h3>
            <p class="meta">{move || describe().unwrap_or_else(|| "No written approval: their name is never used in anything shared.".into())}</p>
            <div class="row-fields">
                <Field id=format!("quote-given-{p}") label="Approval given on">
                    <input type="date" id=format!("quote-given-{p}") on:input=move |ev| given.set(event_target_value(&ev)) />
                </Field>
                <Field id=format!("quote-scope-{p}") label="What it covers">
                    <input type="text" id=format!("quote-scope-{p}") placeholder="For example: newsletter and brochures"
                        on:input=move |ev| scope.set(event_target_value(&ev)) />
                </Field>
                <fieldset class="choice-list">
                    <legend>"Their name may be used in"</legend>
                    {crate::domain::roster::ApprovedUse::ALL.into_iter().map(|u| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || uses.with(|l| l.contains(&u))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    uses.update(|l| { l.retain(|x| *x != u); if on { l.push(u); } });
                                } />
                            <span>{u.label()}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <Field id=format!("quote-expires-{p}") label="Expires on (optional)">
                    <input type="date" id=format!("quote-expires-{p}") on:input=move |ev| expires.set(event_target_value(&ev)) />
                </Field>
            </div>
            <crate::ui::kit::ErrorLine error=error />
            <div class="actions">
                <button type="submit" class="button">"Record written approval"</button>
                <Show when=move || current.with(|c| c.as_ref().is_some_and(|a| a.withdrawn.is_none()))>
                    <button type="button" class="button danger-outline" on:click=withdraw>"Withdraw approval"</button>
                </Show>
            </div>
        </form>
    }
}

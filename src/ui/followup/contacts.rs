//! The coordinator's contact log for one pair: when each person's next contact is due, the
//! contacts so far (each can be edited or deleted), and the form. Ticking a safety concern
//! shows the programme's "What to do and who to tell" card straight away.

use super::change;
use super::safety::{SafetyCard, SafetyNotice};
use crate::domain::followup::{contacts_due, Asked, Contact, ContactWay};
use crate::domain::mentoring::Stage;
use crate::domain::private::PrivateText;
use crate::domain::{Date, DomainError, Id};
use crate::state::use_app;
use crate::ui::forming::read_date;
use crate::ui::kit::{
    name_of, today, ConfirmButton, ErrorLine, Field, TextAreaField, PRIVATE_NOTES_HINT,
};
use leptos::prelude::*;
use std::collections::BTreeSet;

#[derive(Clone, PartialEq, Default)]
struct Draft {
    /// The contact being edited, or `None` for a new one.
    editing: Option<Id>,
    date: String,
    with: BTreeSet<Id>,
    how: ContactWay,
    asked: BTreeSet<Asked>,
    concern: bool,
    notes: String,
}

#[derive(Clone, PartialEq)]
struct Row {
    contact: Contact,
    with: String,
}

#[derive(Clone, PartialEq, Default)]
struct Log {
    members: Vec<(Id, String)>,
    /// Per person: name, due, overdue.
    due: Vec<(String, Date, bool)>,
    rows: Vec<Row>,
    /// A safety concern with nothing recorded about it yet.
    safety_open: bool,
    stage: Option<Stage>,
}

#[component]
pub fn ContactLog(programme: Id, pair: Id) -> impl IntoView {
    let app = use_app();
    let now = today();
    let log = Memo::new(move |_| {
        app.ws.with(|ws| {
            let Some(p) = ws.programme(programme) else {
                return Log::default();
            };
            let Some(x) = p.mentoring.pair(pair) else {
                return Log::default();
            };
            let f = &p.followup;
            let names = |ids: &[Id]| {
                ids.iter()
                    .map(|id| name_of(p, *id))
                    .collect::<Vec<_>>()
                    .join(" and ")
            };
            Log {
                members: x.members.iter().map(|id| (*id, name_of(p, *id))).collect(),
                due: contacts_due(x, p.mentoring.life_rules, f.contact_cadence, &f.contacts)
                    .into_iter()
                    .map(|d| (name_of(p, d.person), d.due, d.overdue(now)))
                    .collect(),
                rows: f
                    .contacts_of(pair)
                    .into_iter()
                    .rev()
                    .map(|c| Row {
                        contact: c.clone(),
                        with: names(&c.with),
                    })
                    .collect(),
                safety_open: f.safety_open(pair).is_some(),
                stage: Some(x.stage(p.mentoring.life_rules)),
            }
        })
    });
    let fresh = move || Draft {
        date: today().to_string(),
        with: log.with_untracked(|l| l.members.iter().map(|(id, _)| *id).collect()),
        asked: Asked::ALL.into_iter().collect(),
        ..Draft::default()
    };
    let draft = RwSignal::new(fresh());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let concern_shown = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = draft.get_untracked();
        let r = read_date(&d.date, "the date of the contact").and_then(|date| {
            let notes = PrivateText::new(&d.notes).map_err(|e| e.to_string())?;
            let make = |id: Id| Contact {
                id,
                pair,
                with: d.with.iter().copied().collect(),
                date: Some(date),
                how: d.how,
                asked: d.asked.clone(),
                concern: d.concern,
                notes: notes.clone(),
            };
            let pair_of = |f: &crate::domain::programme::Programme| {
                f.mentoring
                    .pair(pair)
                    .cloned()
                    .ok_or(DomainError::NotFound("pair"))
            };
            let app = use_app();
            match d.editing {
                Some(id) => app
                    .edit_programme(programme, |p| {
                        let x = pair_of(p)?;
                        p.followup.edit_contact(make(id), &x)
                    })
                    .map_err(|e: DomainError| e.to_string()),
                None => app
                    .change(|ws| {
                        let id = ws.fresh_id();
                        let p = ws.programme_mut(programme)?;
                        let x = pair_of(p)?;
                        p.followup.add_contact(make(id), &x)
                    })
                    .map_err(|e: DomainError| e.to_string()),
            }
        });
        match r {
            Ok(()) => {
                concern_shown.set(d.concern);
                status.set(Some(if d.editing.is_some() {
                    "The contact is changed.".to_string()
                } else {
                    "The contact is saved.".to_string()
                }));
                error.set(None);
                draft.set(fresh());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let edit = move |c: Contact| {
        draft.set(Draft {
            editing: Some(c.id),
            date: c.date.map(|d| d.to_string()).unwrap_or_default(),
            with: c.with.iter().copied().collect(),
            how: c.how,
            asked: c.asked.clone(),
            concern: c.concern,
            notes: c.notes.on_this_device().to_string(),
        });
        status.set(None);
        crate::ui::kit::focus_id("contact-date");
    };
    let remove = move |id: Id| {
        let r = change(programme, |f| f.remove_contact(id).map(|_| ()));
        match r {
            Ok(()) => status.set(Some("The contact is deleted.".into())),
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="panel" aria-labelledby="contacts-title">
            <h2 id="contacts-title">"Coordinator contacts"</h2>
            <p class="hint">"Your own contacts with each person: within 2 days of the first meeting, twice in the first month, then monthly (the programme can set its own on the follow-up page)."</p>
            <Show when=move || log.with(|l| matches!(l.stage, Some(Stage::Proposed | Stage::Agreed)))>
                <p class="meta">"Contacts are due from the first meeting."</p>
            </Show>
            <Show when=move || log.with(|l| matches!(l.stage, Some(Stage::Closed | Stage::Declined)))>
                <p class="meta">"This relationship has ended: no more contacts are due."</p>
            </Show>
            <ul class="due-list">
                {move || log.get().due.into_iter().map(|(name, due, overdue)| view! {
                    <li class:late=overdue>{if overdue {
                        format!("Contact with {name} overdue: it was due on {due}.")
                    } else {
                        format!("Next contact with {name} due on {due}.")
                    }}</li>
                }).collect_view()}
            </ul>
            <Show when=move || concern_shown.get() || log.with(|l| l.safety_open)>
                <SafetyNotice programme=programme pair=pair />
            </Show>
            <Show when=move || log.with(|l| matches!(l.stage, Some(Stage::FirstMeeting | Stage::Active | Stage::Closing)) || draft.with(|d| d.editing.is_some()))>
            <form class="contact-form" on:submit=submit>
                <h3>{move || if draft.with(|d| d.editing.is_some()) { "Change this contact" } else { "Record a contact" }}</h3>
                <div class="row-fields">
                    <Field id="contact-date" label="Date">
                        <input type="date" id="contact-date" prop:value=move || draft.with(|d| d.date.clone())
                            on:input=move |ev| draft.update(|d| d.date = event_target_value(&ev)) />
                    </Field>
                    <Field id="contact-how" label="How">
                        <select id="contact-how" on:change=move |ev| {
                            if let Some(w) = ContactWay::from_key(&event_target_value(&ev)) { draft.update(|d| d.how = w) }
                        }>
                            {ContactWay::ALL.into_iter().map(|w| view! {
                                <option value=w.key() selected=move || draft.with(|d| d.how == w)>{w.words()}</option>
                            }).collect_view()}
                        </select>
                    </Field>
                </div>
                <fieldset class="choices">
                    <legend>"With"</legend>
                    {move || log.with(|l| l.members.clone()).into_iter().map(|(id, name)| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || draft.with(|d| d.with.contains(&id))
                                on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| { if on { d.with.insert(id); } else { d.with.remove(&id); } }) } />
                            <span>{name}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <fieldset class="choices">
                    <legend>"You talked about"</legend>
                    {Asked::ALL.into_iter().map(|a| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || draft.with(|d| d.asked.contains(&a))
                                on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| { if on { d.asked.insert(a); } else { d.asked.remove(&a); } }) } />
                            <span>{a.words()}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <label class="check concern">
                    <input type="checkbox" prop:checked=move || draft.with(|d| d.concern)
                        on:change=move |ev| draft.update(|d| d.concern = event_target_checked(&ev)) />
                    <span>"There is a concern about safety or wellbeing"</span>
                </label>
                <Show when=move || draft.with(|d| d.concern)>
                    <div class="safety-notice">
                        <SafetyCard programme=programme />
                        <p class="hint">"After saving, record what was done about it: the pair is marked “needs attention: safety” until then."</p>
                    </div>
                </Show>
                <TextAreaField id="contact-notes" label="Private notes (optional)" hint=PRIVATE_NOTES_HINT
                    value=Signal::derive(move || draft.with(|d| d.notes.clone()))
                    on_input=Callback::new(move |t| draft.update(|d| d.notes = t)) />
                <ErrorLine error=error />
                <div class="actions">
                    <button type="submit" class="button primary">
                        {move || if draft.with(|d| d.editing.is_some()) { "Save the changes" } else { "Save contact" }}
                    </button>
                    <Show when=move || draft.with(|d| d.editing.is_some())>
                        <button type="button" class="button" on:click=move |_| draft.set(fresh())>"Cancel the change"</button>
                    </Show>
                </div>
            </form>
            </Show>
            <p class="status" role="status">{move || status.get()}</p>
            <Show when=move || log.with(|l| !l.rows.is_empty())>
                <h3>"Contacts so far"</h3>
                <ul class="rows contact-list" role="list">
                    {move || log.get().rows.into_iter().map(|r| {
                        let c = r.contact.clone();
                        let id = c.id;
                        let date = c.date.map(|d| d.to_string()).unwrap_or_default();
                        let asked: Vec<&str> = c.asked.iter().map(|a| a.words()).collect();
                        let for_edit = c.clone();
                        view! {
                            <li class="row contact">
                                <p><strong>{format!("{date} · {} · with {}", c.how.words(), r.with)}</strong></p>
                                {c.concern.then(|| view! { <p class="tag attention-tag">"Safety or wellbeing concern"</p> })}
                                {(!asked.is_empty()).then(|| view! { <p class="meta">{format!("Talked about: {}.", asked.join("; "))}</p> })}
                                {(!c.notes.is_empty()).then(|| view! { <p class="body" dir="auto">{c.notes.on_this_device().to_string()}</p> })}
                                <div class="actions">
                                    <button type="button" class="button" on:click=move |_| edit(for_edit.clone())>{format!("Edit contact of {date}")}</button>
                                    <ConfirmButton label=format!("Delete contact of {date}")
                                        question="Delete this contact from the log?".to_string()
                                        confirm="Yes, delete it" on_confirm=Callback::new(move |_| remove(id)) class="danger-outline" />
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

//! On a group's page: a member leaving (the date, planned or not, the goodbye) and the group
//! ending (the date and the closing prompts). Private notes typed here are shown on this page
//! only and never reach a shared file.

use crate::domain::charter::Stage;
use crate::domain::group_life::{ClosingPrompt, Departure, GoodbyePrompt, GroupEnding, Leaving};
use crate::domain::private::PrivateText;
use crate::domain::{DomainError, Id};
use crate::state::use_app;
use crate::ui::forming::read_date;
use crate::ui::kit::{name_of, today, CheckList, ErrorLine, Field, TextAreaField};
use leptos::prelude::*;
use std::collections::BTreeSet;

const PRIVATE_HINT: &str =
    "Private: kept on this device, shown only on this page, never in any shared file.";

/// Runs a change to the programme and returns the refusal sentence, if any.
fn change<R>(
    programme: Id,
    f: impl FnOnce(&mut crate::domain::programme::Programme) -> Result<R, DomainError>,
) -> Result<R, String> {
    let app = use_app();
    app.edit_programme(programme, f)
        .map_err(|e: DomainError| e.to_string())
}

#[component]
pub fn GroupLifeSection(programme: Id, group: Id) -> impl IntoView {
    let app = use_app();
    let ended = Memo::new(move |_| {
        app.with_programme(programme, |p| p.group_ending(group).is_some())
            .unwrap_or(false)
    });
    view! {
        <section class="panel group-life" aria-labelledby="group-life-title">
            <h2 id="group-life-title" tabindex="-1">"Members leaving and the group ending"</h2>
            <p class="hint">"Goodbyes matter in a peer support group. Record when someone leaves, and when the group ends, with prompts for saying goodbye well."</p>
            <FormerMembers programme=programme group=group />
            <Show when=move || !ended.get()>
                <LeavingForm programme=programme group=group />
            </Show>
            {move || if ended.get() {
                view! { <AfterEnding programme=programme group=group /> }.into_any()
            } else {
                view! { <EndingForm programme=programme group=group /> }.into_any()
            }}
        </section>
    }
}

#[derive(Clone, PartialEq)]
struct Left {
    person: Id,
    name: String,
    on: String,
    leaving: Leaving,
    talked: Vec<GoodbyePrompt>,
    words: String,
}

#[component]
fn FormerMembers(programme: Id, group: Id) -> impl IntoView {
    let app = use_app();
    let left = Memo::new(move |_| {
        app.ws.with(|ws| {
            let Some(p) = ws.programme(programme) else {
                return Vec::new();
            };
            p.departures(group)
                .iter()
                .map(|d: &Departure| Left {
                    person: d.person,
                    name: name_of(p, d.person),
                    on: d.on.map(|d| d.to_string()).unwrap_or_default(),
                    leaving: d.leaving,
                    talked: d.talked.iter().copied().collect(),
                    words: d.words.on_this_device().to_string(),
                })
                .collect::<Vec<_>>()
        })
    });
    let ended = Memo::new(move |_| {
        app.with_programme(programme, |p| p.group_ending(group).is_some())
            .unwrap_or(false)
    });
    let error = RwSignal::new(None::<String>);
    view! {
        <Show when=move || left.with(|l| !l.is_empty())>
            <h3>"Who has left"</h3>
            <ul class="rows" role="list" aria-label="Who has left">
                {move || left.get().into_iter().map(|l| {
                    let person = l.person;
                    let undo = move |_| {
                        error.set(change(programme, |p| p.undo_departure(group, person).map(|_| ())).err());
                    };
                    view! {
                        <li class="row departure">
                            <p><strong>{l.name.clone()}</strong>{format!(" left on {}. {}.", l.on, l.leaving.words())}</p>
                            {(!l.talked.is_empty()).then(|| view! {
                                <p>"The goodbye covered:"</p>
                                <ul>{l.talked.iter().map(|t| view! { <li>{t.words()}</li> }).collect_view()}</ul>
                            })}
                            {(!l.words.is_empty()).then(|| view! {
                                <details><summary>{format!("Private notes about {}", l.name)}</summary><p class="body" dir="auto">{l.words.clone()}</p></details>
                            })}
                            <Show when=move || !ended.get()>
                                <button type="button" class="button" on:click=undo
                                    aria-label=format!("Take back: {} has not left", l.name)>"Take this back: they have not left"</button>
                            </Show>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ErrorLine error=error />
        </Show>
    }
}

#[derive(Clone, PartialEq, Default)]
struct LeavingDraft {
    person: Option<Id>,
    date: String,
    leaving: Leaving,
    talked: BTreeSet<GoodbyePrompt>,
    words: String,
}

#[component]
fn LeavingForm(programme: Id, group: Id) -> impl IntoView {
    let app = use_app();
    let members = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            p.members_of(group)
                .iter()
                .map(|m| (m.id, name_of(p, m.id)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let form = RwSignal::new(LeavingDraft {
        date: today().to_string(),
        ..LeavingDraft::default()
    });
    let chosen = Memo::new(move |_| {
        let picked = form.with(|f| f.person);
        members.with(|m| {
            m.iter()
                .find(|(id, _)| Some(*id) == picked)
                .or(m.first())
                .map(|(id, _)| *id)
        })
    });
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = form.get_untracked();
        let Some(person) = chosen.get_untracked() else {
            error.set(Some("This group has no members to record leaving.".into()));
            return;
        };
        let name = members.with_untracked(|m| {
            m.iter()
                .find(|(id, _)| *id == person)
                .map(|(_, n)| n.clone())
                .unwrap_or_default()
        });
        let r = read_date(&f.date, "the date they left").and_then(|on| {
            let words = PrivateText::new(&f.words).map_err(|e| e.to_string())?;
            change(programme, |p| {
                p.record_departure(
                    group,
                    Departure {
                        person,
                        on: Some(on),
                        leaving: f.leaving,
                        talked: f.talked.clone(),
                        words,
                    },
                )
            })
        });
        match r {
            Ok(()) => {
                done.set(Some(format!("Recorded: {name} has left the group.")));
                error.set(None);
                form.set(LeavingDraft {
                    date: today().to_string(),
                    ..LeavingDraft::default()
                });
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <p class="status" role="status">{move || done.get()}</p>
        <Show when=move || members.with(|m| !m.is_empty())>
            <details class="subform">
                <summary><h3 class="inline-heading-3">"A member is leaving"</h3></summary>
                <form on:submit=submit class="leaving-form">
                    <div class="row-fields">
                        <Field id="leaving-who" label="Who is leaving">
                            <select id="leaving-who" on:change=move |ev| {
                                let v = event_target_value(&ev).parse().ok();
                                form.update(|f| f.person = v);
                            }>
                                {move || members.get().into_iter().map(|(id, name)| view! {
                                    <option value=id.to_string() selected=move || chosen.get() == Some(id)>{name}</option>
                                }).collect_view()}
                            </select>
                        </Field>
                        <Field id="leaving-date" label="Date they left (or their last meeting)">
                            <input type="date" id="leaving-date" prop:value=move || form.with(|f| f.date.clone())
                                on:input=move |ev| form.update(|f| f.date = event_target_value(&ev)) />
                        </Field>
                    </div>
                    <fieldset class="choices">
                        <legend>"How they are leaving"</legend>
                        {Leaving::ALL.into_iter().map(|l| view! {
                            <label class="check">
                                <input type="radio" name="leaving-kind" prop:checked=move || form.with(|f| f.leaving == l)
                                    on:change=move |_| form.update(|f| {
                                        f.leaving = l;
                                        f.talked.retain(|t| l.prompts().contains(t));
                                    }) />
                                <span>{l.words()}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <fieldset class="choices">
                        <legend>{move || if form.with(|f| f.leaving == Leaving::Planned) { "Saying goodbye: tick what the group did" } else { "When someone leaves without a goodbye: tick what the group did" }}</legend>
                        {move || form.with(|f| f.leaving).prompts().iter().copied().map(|t| view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=move || form.with(|f| f.talked.contains(&t))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        form.update(|f| { if on { f.talked.insert(t); } else { f.talked.remove(&t); } })
                                    } />
                                <span>{t.words()}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <TextAreaField id="leaving-words" label="Private notes about their leaving (optional)" hint=PRIVATE_HINT
                        value=Signal::derive(move || form.with(|f| f.words.clone()))
                        on_input=Callback::new(move |t| form.update(|f| f.words = t)) />
                    <p class="hint">"They come off the group's member list, so they are no longer marked at meetings. Their attendance so far is kept."</p>
                    <ErrorLine error=error />
                    <button type="submit" class="button primary">"Record that they left"</button>
                </form>
            </details>
        </Show>
    }
}

#[derive(Clone, PartialEq, Default)]
struct EndingDraft {
    date: String,
    talked: BTreeSet<ClosingPrompt>,
    words: String,
}

#[component]
fn EndingForm(programme: Id, group: Id) -> impl IntoView {
    let app = use_app();
    let purpose = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .and_then(|p| p.charter(group))
                .map(|c| c.text(Stage::Purpose).trim().to_string())
                .filter(|t| !t.is_empty())
        })
    });
    let form = RwSignal::new(EndingDraft {
        date: today().to_string(),
        ..EndingDraft::default()
    });
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = form.get_untracked();
        let r = read_date(&f.date, "the date the group ended").and_then(|on| {
            let words = PrivateText::new(&f.words).map_err(|e| e.to_string())?;
            change(programme, |p| {
                p.end_group(
                    group,
                    GroupEnding {
                        on: Some(on),
                        talked: f.talked.clone(),
                        words,
                    },
                )
            })
        });
        error.set(r.err());
    };
    view! {
        <details class="subform">
            <summary><h3 class="inline-heading-3">"The group is ending"</h3></summary>
            <form on:submit=submit class="ending-form">
                {move || purpose.get().map(|p| view! {
                    <div class="question-callout" role="note">
                        <p class="label">"What the group set out to do (its purpose)"</p>
                        <p class="question" dir="auto">{p}</p>
                    </div>
                })}
                <Field id="ending-date" label="Date the group ended (its last meeting)" class="narrow">
                    <input type="date" id="ending-date" prop:value=move || form.with(|f| f.date.clone())
                        on:input=move |ev| form.update(|f| f.date = event_target_value(&ev)) />
                </Field>
                <CheckList legend="The last meeting: tick what the group talked about"
                    options=ClosingPrompt::ALL.into_iter().map(|t| (t, t.words())).collect()
                    is_on=Callback::new(move |t| form.with(|f| f.talked.contains(&t)))
                    on_toggle=Callback::new(move |(t, on)| form.update(|f| { if on { f.talked.insert(t); } else { f.talked.remove(&t); } })) />
                <TextAreaField id="ending-words" label="Private notes about the ending (optional)" hint=PRIVATE_HINT
                    value=Signal::derive(move || form.with(|f| f.words.clone()))
                    on_input=Callback::new(move |t| form.update(|f| f.words = t)) />
                <p class="hint">"The group is then archived: no new sessions can start, and everything recorded stays on this device. You can reopen it."</p>
                <ErrorLine error=error />
                <button type="submit" class="button primary">"Record that the group has ended"</button>
            </form>
        </details>
    }
}

#[component]
fn AfterEnding(programme: Id, group: Id) -> impl IntoView {
    let app = use_app();
    let ending = Memo::new(move |_| {
        app.ws.with(|ws| {
            let e = ws.programme(programme)?.group_ending(group)?;
            Some((
                e.on.map(|d| d.to_string()).unwrap_or_default(),
                e.talked.iter().copied().collect::<Vec<_>>(),
                e.words.on_this_device().to_string(),
            ))
        })
    });
    let error = RwSignal::new(None::<String>);
    let reopen = move |_| {
        error.set(change(programme, |p| p.reopen_group(group).map(|_| ())).err());
    };
    view! {
        {move || ending.get().map(|(on, talked, words)| view! {
            <div class="group-ended" role="group" aria-labelledby="group-ended-title">
                <h3 id="group-ended-title">"The group has ended"</h3>
                <p>{format!("The group ended on {on}. It is archived: its charter, meetings and attendance stay here.")}</p>
                {(!talked.is_empty()).then(|| view! {
                    <p>"The last meeting covered:"</p>
                    <ul>{talked.iter().map(|t| view! { <li>{t.words()}</li> }).collect_view()}</ul>
                })}
                {(!words.is_empty()).then(|| view! {
                    <details><summary>"Private notes about the ending"</summary><p class="body" dir="auto">{words.clone()}</p></details>
                })}
                <div class="callout celebrate" role="note">
                    <p>"Thank everyone for what they gave the group. If the programme goes on, ask members whether they would like to join another group."</p>
                </div>
                <button type="button" class="button" on:click=reopen>"Reopen the group"</button>
            </div>
        })}
        <ErrorLine error=error />
    }
}

//! "End this relationship": planned or early, the reason, the closing conversation, optional
//! private words, and whether each person would like a new partner and from when. After an
//! ending: what was recorded, a celebration prompt for planned endings, and the new-partner
//! choices, which can still be changed.

use super::{edit_mentoring, with_mentoring};
use crate::domain::mentoring::REMATCH_AFTER_DAYS as REMATCH_DAYS;
use crate::domain::mentoring::{ClosingTopic, Closure, ClosureReason, Ending, Stage};
use crate::domain::private::PrivateText;
use crate::domain::{Date, Id};
use crate::ui::forming::read_date;
use crate::ui::kit::{
    name_of, today, CheckList, ErrorLine, Field, InputField, TextAreaField, PRIVATE_NOTES_HINT,
};
use leptos::prelude::*;
use std::collections::BTreeSet;

#[derive(Clone, PartialEq, Default)]
struct Form {
    date: String,
    ending: Ending,
    reason: ClosureReason,
    words: String,
    talked: BTreeSet<ClosingTopic>,
    /// Per member: id, wants a new partner, earliest date as typed (empty = two weeks later).
    rematch: Vec<(Id, bool, String)>,
}

#[derive(Clone, PartialEq, Default)]
struct Ended {
    on: String,
    ending: Ending,
    reason: ClosureReason,
    words: String,
    talked: Vec<ClosingTopic>,
    /// Per member: id, name, wants a new partner, from.
    rematch: Vec<(Id, String, bool, Date)>,
}

#[component]
pub fn EndingPanel(programme: Id, pair: Id) -> impl IntoView {
    let stage = Memo::new(move |_| {
        with_mentoring(programme, |_, m| {
            m.pair(pair).map(|x| x.stage(m.life_rules))
        })
    });
    view! {
        {move || match stage.get() {
            Some(Stage::Closed) => view! { <AfterEnding programme=programme pair=pair /> }.into_any(),
            Some(Stage::Agreed | Stage::FirstMeeting | Stage::Active | Stage::Closing) => {
                view! { <EndForm programme=programme pair=pair open=stage.get_untracked() == Some(Stage::Closing) /> }.into_any()
            }
            _ => ().into_any(),
        }}
    }
}

#[component]
fn EndForm(programme: Id, pair: Id, open: bool) -> impl IntoView {
    let members = with_mentoring(programme, |p, m| {
        m.pair(pair)
            .map(|x| {
                x.members
                    .iter()
                    .map(|id| (*id, name_of(p, *id)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let form = RwSignal::new(Form {
        date: today().to_string(),
        rematch: members
            .iter()
            .map(|(id, _)| (*id, true, String::new()))
            .collect(),
        ..Form::default()
    });
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = form.get_untracked();
        let r = read_date(&f.date, "the date it ended").and_then(|on| {
            let mut closure = Closure::new(on, &[]);
            closure.ending = f.ending;
            closure.reason = f.reason;
            closure.words = PrivateText::new(&f.words).map_err(|e| e.to_string())?;
            closure.talked = f.talked.clone();
            for (person, wants, from) in &f.rematch {
                let from = if from.trim().is_empty() {
                    on.add_days(REMATCH_DAYS)
                } else {
                    read_date(from, "the earliest date for a new partner")?
                };
                closure.rematch.push(crate::domain::mentoring::Rematch {
                    person: *person,
                    wants: *wants,
                    from,
                });
            }
            edit_mentoring(programme, |p| {
                let rules = p.mentoring.life_rules;
                p.mentoring.pair_mut(pair)?.close(rules, closure)
            })
        });
        error.set(r.err());
    };
    let default_from = move || {
        form.with(|f| Date::parse(&f.date).ok())
            .map(|d| d.add_days(REMATCH_DAYS).to_string())
            .unwrap_or_default()
    };
    view! {
        <section class="panel" aria-labelledby="end-title">
            <details class="subform" open=open>
                <summary><h2 id="end-title" class="inline-heading">"End this relationship"</h2></summary>
                <form on:submit=submit class="end-form">
                    <Field id="end-date" label="Date it ended" class="narrow">
                        <input type="date" id="end-date" prop:value=move || form.with(|f| f.date.clone())
                            on:input=move |ev| form.update(|f| f.date = event_target_value(&ev)) />
                    </Field>
                    <fieldset class="choices">
                        <legend>"How it ended"</legend>
                        {Ending::ALL.into_iter().map(|e| view! {
                            <label class="check">
                                <input type="radio" name="end-kind" prop:checked=move || form.with(|f| f.ending == e)
                                    on:change=move |_| form.update(|f| f.ending = e) />
                                <span>{e.words()}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <fieldset class="choices">
                        <legend>"The main reason"</legend>
                        {ClosureReason::ALL.into_iter().map(|r| view! {
                            <label class="check">
                                <input type="radio" name="end-reason" prop:checked=move || form.with(|f| f.reason == r)
                                    on:change=move |_| form.update(|f| f.reason = r) />
                                <span>{r.words()}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <CheckList legend="The closing conversation covered"
                        options=ClosingTopic::ALL.into_iter().map(|t| (t, t.words())).collect()
                        is_on=Callback::new(move |t| form.with(|f| f.talked.contains(&t)))
                        on_toggle=Callback::new(move |(t, on)| form.update(|f| { if on { f.talked.insert(t); } else { f.talked.remove(&t); } })) />
                    <TextAreaField id="end-words" label="Private notes (optional)" hint=PRIVATE_NOTES_HINT
                        value=Signal::derive(move || form.with(|f| f.words.clone()))
                        on_input=Callback::new(move |t| form.update(|f| f.words = t)) />
                    <fieldset class="choices">
                        <legend>"A new partner"</legend>
                        {members.into_iter().enumerate().map(|(i, (_, name))| {
                            let date_id = format!("rematch-from-{i}");
                            view! {
                                <div class="rematch">
                                    <label class="check">
                                        <input type="checkbox" prop:checked=move || form.with(|f| f.rematch.get(i).is_some_and(|r| r.1))
                                            on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| if let Some(r) = f.rematch.get_mut(i) { r.1 = on }) } />
                                        <span>{format!("{name} would like a new partner")}</span>
                                    </label>
                                    <InputField id=date_id label=format!("Earliest date for {name}") kind="date" class="narrow"
                                        value=Signal::derive(move || {
                                            let typed = form.with(|f| f.rematch.get(i).map(|r| r.2.clone()).unwrap_or_default());
                                            if typed.is_empty() { default_from() } else { typed }
                                        })
                                        on_input=Callback::new(move |v: String| form.update(|f| if let Some(r) = f.rematch.get_mut(i) { r.2 = v })) />
                                </div>
                            }
                        }).collect_view()}
                        <p class="hint">"Two weeks after the ending unless you choose another date. They are left out of pairing until then."</p>
                    </fieldset>
                    <ErrorLine error=error />
                    <button type="submit" class="button primary">"End this relationship"</button>
                </form>
            </details>
        </section>
    }
}

#[component]
fn AfterEnding(programme: Id, pair: Id) -> impl IntoView {
    let ended = Memo::new(move |_| {
        with_mentoring(programme, |p, m| {
            let x = m.pair(pair)?;
            let c = x.life.closure.as_ref()?;
            Some(Ended {
                on: c.on.map(|d| d.to_string()).unwrap_or_default(),
                ending: c.ending,
                reason: c.reason,
                words: c.words.on_this_device().to_string(),
                talked: c.talked.iter().copied().collect(),
                rematch: x
                    .members
                    .iter()
                    .map(|id| {
                        let r = c.rematch_of(*id);
                        (
                            *id,
                            name_of(p, *id),
                            r.is_some_and(|r| r.wants),
                            r.map_or_else(|| c.on.unwrap_or_else(today), |r| r.from),
                        )
                    })
                    .collect(),
            })
        })
    });
    view! {
        {move || ended.get().map(|e| {
            let celebrate = e.ending == Ending::Planned;
            view! {
                <section class="panel" aria-labelledby="ended-title">
                    <h2 id="ended-title">"How it ended"</h2>
                    <p>{format!("Ended on {}. {}.", e.on, e.ending.words())}</p>
                    <p>{format!("Main reason: {}.", e.reason.words())}</p>
                    {(!e.talked.is_empty()).then(|| view! {
                        <p>"The closing conversation covered:"</p>
                        <ul>{e.talked.iter().map(|t| view! { <li>{t.words()}</li> }).collect_view()}</ul>
                    })}
                    {(!e.words.is_empty()).then(|| view! {
                        <details><summary>"Private notes"</summary><p class="body" dir="auto">{e.words.clone()}</p></details>
                    })}
                    {celebrate.then(|| view! {
                        <div class="callout celebrate" role="note">
                            <h3>"Celebrate it"</h3>
                            <p>"They reached the end they planned. Mark it: thank them both at the next group meeting, send a card or a certificate, and ask what they would tell the next pair."</p>
                        </div>
                    })}
                    <h3>"A new partner"</h3>
                    <ul class="rows" role="list">
                        {e.rematch.into_iter().map(|(id, name, wants, from)| view! {
                            <Rematch programme=programme pair=pair person=id name=name wants=wants from=from />
                        }).collect_view()}
                    </ul>
                </section>
            }
        })}
    }
}

#[component]
fn Rematch(
    programme: Id,
    pair: Id,
    person: Id,
    name: String,
    wants: bool,
    from: Date,
) -> impl IntoView {
    let want = RwSignal::new(wants);
    let date = RwSignal::new(from.to_string());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let save = move |_| {
        let r = read_date(&date.get_untracked(), "the earliest date").and_then(|d| {
            edit_mentoring(programme, |p| {
                p.mentoring
                    .set_rematch(pair, person, want.get_untracked(), d)
            })
        });
        saved.set(r.is_ok());
        error.set(r.err());
    };
    let check_id = format!("rematch-{person}");
    let date_id = format!("rematch-date-{person}");
    view! {
        <li class="row rematch">
            <label class="check" for=check_id.clone()>
                <input type="checkbox" id=check_id.clone() prop:checked=move || want.get()
                    on:change=move |ev| { want.set(event_target_checked(&ev)); saved.set(false) } />
                <span>{format!("{name} would like a new partner")}</span>
            </label>
            <InputField id=date_id label=format!("From ({name})") kind="date" class="narrow"
                value=date on_input=Callback::new(move |v: String| { date.set(v); saved.set(false) }) />
            <button type="button" class="button" on:click=save>{format!("Save for {name}")}</button>
            <p class="status" role="status">{move || saved.get().then_some("Saved.")}</p>
            <ErrorLine error=error />
        </li>
    }
}

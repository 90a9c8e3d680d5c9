//! The sessions of a programme, and starting a new one: a group, a date and a question.

use crate::domain::programme::GroupKind;
use crate::domain::questions::Audience;
use crate::domain::session::{Session, SessionQuestion};
use crate::domain::{Date, Id};
use crate::state::{use_app, Refusal, Route};
use crate::ui::kit::{Field, InputField, PickField};
use leptos::prelude::*;

pub fn audience_of(kind: GroupKind) -> Audience {
    match kind {
        GroupKind::MentorSupport => Audience::Mentor,
        GroupKind::ProtegeSupport => Audience::Protege,
        GroupKind::Peer => Audience::Peer,
        // Any question suits a group of a kind this version does not know.
        GroupKind::Unknown => Audience::Any,
    }
}

#[derive(Clone, PartialEq)]
struct Listed {
    id: Id,
    date: String,
    group: String,
    question: String,
    step: String,
}

#[component]
pub fn SessionsSection(programme: Id) -> impl IntoView {
    let app = use_app();
    let listed = Memo::new(move |_| {
        app.ws.with(|ws| {
            let Some(p) = ws.programme(programme) else {
                return Vec::new();
            };
            ws.sessions_of(programme)
                .into_iter()
                .map(|s| Listed {
                    id: s.id(),
                    date: s.date().to_string(),
                    group: p
                        .group(s.group())
                        .map(|g| g.name.clone())
                        .unwrap_or_default(),
                    question: s.question().text.clone(),
                    step: s.phase().label().to_string(),
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" aria-labelledby="sessions-title">
            <h2 id="sessions-title">"Sessions"</h2>
            <p class="hint">
                "A session is one meeting of a group: pairs, then tables, then the whole group's \
                 flip chart, agreement counts and the consent question."
            </p>
            <StartSession programme=programme />
            <Show when=move || listed.with(|l| !l.is_empty())>
                <h3>"Earlier and current sessions"</h3>
                <ul class="rows" role="list">
                    <For each=move || listed.get() key=|l| (l.id, l.step.clone(), l.question.clone()) let:l>
                        <li class="row session-row">
                            <a href=Route::Session(l.id).href()>{format!("{} · {}", l.date, l.group)}</a>
                            <span class="meta">{l.question.clone()}</span>
                            <span class="tag">{format!("Step: {}", l.step)}</span>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn StartSession(programme: Id) -> impl IntoView {
    let app = use_app();
    let groups = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            p.groups
                .iter()
                .filter(|g| !g.archived)
                .map(|g| (g.id, g.name.clone(), g.kind))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let chosen_group = RwSignal::new(None::<Id>);
    let group = Memo::new(move |_| {
        let list = groups.get();
        let pick = chosen_group.get();
        list.iter()
            .find(|g| Some(g.0) == pick)
            .or(list.first())
            .cloned()
    });
    let questions = Memo::new(move |_| {
        let audience = group.get().map(|g| audience_of(g.2)).unwrap_or_default();
        app.ws.with(|ws| {
            ws.questions
                .offered_for(audience)
                .map(|q| (q.id, q.text.clone()))
                .collect::<Vec<_>>()
        })
    });
    let question = RwSignal::new(String::new());
    let own = RwSignal::new(String::new());
    let date = RwSignal::new(crate::ui::kit::today().to_string());
    let error = RwSignal::new(None::<String>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((gid, _, _)) = group.get_untracked() else {
            error.set(Some("Add a group to this programme first.".into()));
            return;
        };
        let result = app.change(|ws| {
            let date = Date::parse(&date.get_untracked()).map_err(|e| Refusal(e.to_string()))?;
            let typed = own.get_untracked();
            let q = if !typed.trim().is_empty() {
                SessionQuestion::one_off(&typed)?
            } else {
                let picked = question.get_untracked().parse::<Id>().ok();
                let first = questions.get_untracked().first().map(|q| q.0);
                let bank_q = picked.or(first).and_then(|id| ws.questions.get(id));
                match bank_q {
                    Some(q) => SessionQuestion::from_bank(q),
                    None => return Err(Refusal("Choose a question, or type one.".into())),
                }
            };
            let id = ws.fresh_id();
            ws.sessions.push(Session::new(id, gid, date, q)?);
            Ok(id)
        });
        match result {
            Ok(id) => {
                error.set(None);
                crate::ui::go(Route::Session(id));
            }
            Err(e) => error.set(Some(e.0)),
        }
    };
    view! {
        <Show
            when=move || groups.with(|g| !g.is_empty())
            fallback=|| view! { <p class="empty">"Add a group first: every session belongs to one group."</p> }
        >
            <form class="start-session" on:submit=start aria-labelledby="start-session-title">
                <h3 id="start-session-title">"Start a session"</h3>
                <div class="row-fields">
                    <PickField id="session-group" label="Group" chosen=chosen_group>
                        {move || groups.get().into_iter().map(|(id, name, _)| {
                            view! { <option value=id.to_string() selected=move || group.get().is_some_and(|g| g.0 == id)>{name}</option> }
                        }).collect_view()}
                    </PickField>
                    <InputField id="session-date" label="Date" kind="date"
                        value=date on_input=Callback::new(move |t| date.set(t)) />
                </div>
                <Field id="session-question" label="Question from the bank">
                    <select id="session-question" on:change=move |ev| question.set(event_target_value(&ev))>
                        {move || questions.get().into_iter().map(|(id, text)| {
                            view! { <option value=id.to_string()>{text}</option> }
                        }).collect_view()}
                    </select>
                </Field>
                <InputField id="session-own-question" label="Or type a question for this session only" autocomplete="off"
                    value=own on_input=Callback::new(move |t| own.set(t)) />
                <crate::ui::kit::ErrorLine error=error />
                <button type="submit" class="button primary">"Start the session"</button>
            </form>
        </Show>
    }
}

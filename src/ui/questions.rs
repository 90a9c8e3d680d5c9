//! The question bank: starter questions for mentor, protege and peer groups, plus the
//! facilitator's own. Questions are edited, retired and brought back, never lost.

use crate::domain::questions::{Audience, Question};
use crate::domain::Id;
use crate::state::{use_app, Refusal};
use crate::ui::kit::{Field, InputField, TextAreaField};
use leptos::prelude::*;

fn audience_key(a: Audience) -> &'static str {
    match a {
        Audience::Mentor => "mentor",
        Audience::Protege => "protege",
        Audience::Peer => "peer",
        Audience::Any => "any",
        Audience::Unknown => crate::domain::UNKNOWN_VALUE,
    }
}

fn audience_from(key: &str) -> Audience {
    Audience::ALL
        .into_iter()
        .find(|a| audience_key(*a) == key)
        .unwrap_or_default()
}

#[component]
pub fn QuestionsPage() -> impl IntoView {
    let app = use_app();
    let in_use = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.questions
                .questions()
                .iter()
                .filter(|q| !q.retired)
                .map(|q| q.id)
                .collect::<Vec<_>>()
        })
    });
    let retired = Memo::new(move |_| {
        app.ws
            .with(|ws| ws.questions.retired().map(|q| q.id).collect::<Vec<_>>())
    });
    view! {
        <h1 tabindex="-1">"Questions"</h1>
        <p class="lead">
            "The questions you ask a group at the start of a session. Mentors and proteges meet \
             separately, so each has questions of their own."
        </p>
        <NewQuestion />
        <section class="panel" aria-labelledby="bank-title">
            <h2 id="bank-title">"In use"</h2>
            <ul class="rows" role="list">
                <For each=move || in_use.get() key=|id| *id let:id>
                    <QuestionRow id=id />
                </For>
            </ul>
        </section>
        <Show when=move || retired.with(|r| !r.is_empty())>
            <section class="panel quiet" aria-labelledby="retired-title">
                <h2 id="retired-title">"Retired"</h2>
                <ul class="rows" role="list">
                    <For each=move || retired.get() key=|id| *id let:id>
                        <QuestionRow id=id />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// One field of a question changed; the others stay as they are.
enum Change {
    Text(String),
    Audience(Audience),
    Theme(String),
}

impl Change {
    fn apply(self, q: Question) -> (String, Audience, String) {
        match self {
            Change::Text(t) => (t, q.audience, q.theme),
            Change::Audience(a) => (q.text, a, q.theme),
            Change::Theme(t) => (q.text, q.audience, t),
        }
    }
}

#[component]
fn QuestionRow(id: Id) -> impl IntoView {
    let app = use_app();
    let question = Memo::new(move |_| app.ws.with(|ws| ws.questions.get(id).cloned()));
    let error = RwSignal::new(None::<String>);
    let save = move |change: Change| {
        let Some(q) = question.get_untracked() else {
            return;
        };
        let (text, audience, theme) = change.apply(q);
        let result = app.change(|ws| {
            ws.questions
                .edit(id, &text, audience, &theme)
                .map_err(Refusal::from)
        });
        error.set(result.err().map(|e| e.0));
    };
    let toggle = move |_| {
        let retired = question.get_untracked().is_some_and(|q| q.retired);
        let result = app.change(|ws| {
            if retired {
                ws.questions.reuse(id)
            } else {
                ws.questions.retire(id)
            }
            .map_err(Refusal::from)
        });
        error.set(result.err().map(|e| e.0));
    };
    view! {
        <li class="row question-row">
            <div class="row-fields">
                <Field id=format!("question-{id}") label="Question" class="wide">
                    <textarea id=format!("question-{id}") rows="2"
                        prop:value=move || question.with(|q| q.as_ref().map(|q| q.text.clone()).unwrap_or_default())
                        on:change=move |ev| { let t = event_target_value(&ev); save(Change::Text(t)) }>
                    </textarea>
                </Field>
                <Field id=format!("audience-{id}") label="For">
                    <select id=format!("audience-{id}") on:change=move |ev| {
                        let a = audience_from(&event_target_value(&ev));
                        save(Change::Audience(a))
                    }>
                        {Audience::ALL.into_iter().map(|a| view! {
                            <option value=audience_key(a) selected=move || question.with(|q| q.as_ref().is_some_and(|q| q.audience == a))>{a.label()}</option>
                        }).collect_view()}
                        {crate::ui::kit::unknown_option(move || question.with(|q| q.as_ref().is_some_and(|q| q.audience == Audience::Unknown)), Audience::Unknown.label())}
                    </select>
                </Field>
                <Field id=format!("theme-{id}") label="Theme">
                    <input id=format!("theme-{id}") type="text"
                        prop:value=move || question.with(|q| q.as_ref().map(|q| q.theme.clone()).unwrap_or_default())
                        on:change=move |ev| { let t = event_target_value(&ev); save(Change::Theme(t)) } />
                </Field>
            </div>
            <div class="actions">
                <button type="button" class="button" on:click=toggle>
                    {move || if question.with(|q| q.as_ref().is_some_and(|q| q.retired)) { "Use again" } else { "Retire" }}
                </button>
            </div>
            <crate::ui::kit::ErrorLine error=error />
        </li>
    }
}

#[component]
fn NewQuestion() -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(String::new());
    let audience = RwSignal::new(Audience::Any);
    let theme = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = app.change(|ws| {
            ws.questions
                .add(
                    &text.get_untracked(),
                    audience.get_untracked(),
                    &theme.get_untracked(),
                )
                .map_err(Refusal::from)
        });
        match result {
            Ok(_) => {
                text.set(String::new());
                theme.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.0)),
        }
    };
    view! {
        <form class="panel" on:submit=add aria-labelledby="new-question-title">
            <h2 id="new-question-title">"Add your own question"</h2>
            <TextAreaField id="new-question" label="New question" rows=2
                value=text on_input=Callback::new(move |t| text.set(t)) />
            <div class="row-fields">
                <Field id="new-question-audience" label="For which groups">
                    <select id="new-question-audience" on:change=move |ev| audience.set(audience_from(&event_target_value(&ev)))>
                        {Audience::ALL.into_iter().map(|a| view! {
                            <option value=audience_key(a) selected=move || audience.get() == a>{a.label()}</option>
                        }).collect_view()}
                    </select>
                </Field>
                <InputField id="new-question-theme" label="Theme (optional)"
                    value=theme on_input=Callback::new(move |t| theme.set(t)) />
            </div>
            <crate::ui::kit::ErrorLine error=error />
            <button type="submit" class="button primary">"Add question"</button>
        </form>
    }
}

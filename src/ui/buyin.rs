//! Awareness and buy-in (programme steps 1 and 2): anonymous notes from the awareness
//! session, and the trials that need a "continue or leave" decision.

use crate::domain::buyin::{choice_label, NoteKind};
use crate::domain::roster::TrialChoice;
use crate::domain::Id;
use crate::state::{use_app, Route};
use crate::ui::kit::{name_of, today, Field};
use leptos::prelude::*;

#[component]
pub fn BuyInPage(programme: Id) -> impl IntoView {
    view! {
        <super::forming::BackToProgramme programme=programme />
        <h1 tabindex="-1">"Awareness and buy-in"</h1>
        <p class="lead">
            "At the awareness session, explain how the programme works and how people might \
             benefit, then gather feedback, questions and concerns. Afterwards, invite people to \
             opt in for a trial period."
        </p>
        <AwarenessNotes programme=programme />
        <TrialPrompts programme=programme />
    }
}

#[component]
fn AwarenessNotes(programme: Id) -> impl IntoView {
    let app = use_app();
    let kind = RwSignal::new(NoteKind::Question);
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let notes = Memo::new(move |_| {
        app.with_programme(programme, |p| p.awareness.clone())
            .unwrap_or_default()
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = text.get_untracked();
        let result = app.change(|ws| {
            let id = ws.fresh_id();
            ws.programme_mut(programme)?
                .add_awareness_note(id, kind.get_untracked(), &typed)
        });
        match result {
            Ok(()) => {
                text.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let open_count = move || notes.with(|n| n.iter().filter(|n| !n.answered).count());
    view! {
        <section class="panel" aria-labelledby="notes-title">
            <h2 id="notes-title">"Feedback, questions and concerns"</h2>
            <p class="hint">"Notes are anonymous: there is no place to record who said what."</p>
            <form class="add-row first" on:submit=add>
                <div class="row-fields">
                    <Field id="note-kind" label="Kind of note" class="narrow">
                        <select id="note-kind" on:change=move |ev| {
                            if let Some(k) = NoteKind::from_key(&event_target_value(&ev)) { kind.set(k) }
                        }>
                            {NoteKind::ALL.into_iter().map(|k| view! {
                                <option value=k.key() selected=move || kind.get() == k>{k.label()}</option>
                            }).collect_view()}
                        </select>
                    </Field>
                    <Field id="note-text" label="What was raised">
                        <textarea id="note-text" rows="2" prop:value=move || text.get()
                            on:input=move |ev| text.set(event_target_value(&ev))
                            aria-invalid=move || error.with(Option::is_some).then_some("true")></textarea>
                    </Field>
                </div>
                <crate::ui::kit::ErrorLine error=error />
                <button type="submit" class="button primary">"Add note"</button>
            </form>
            <p class="meta">{move || {
                let n = notes.with(Vec::len);
                format!("{n} {}, {} still open.", if n == 1 { "note" } else { "notes" }, open_count())
            }}</p>
            <ul class="rows" role="list">
                <For each=move || notes.get() key=|n| n.id let:note>
                    <li class="row note">
                        <div class="note-text">
                            <span class="tag">{note.kind.label()}</span>
                            <p dir="auto">{note.text.clone()}</p>
                        </div>
                        <div class="actions">
                            <label class="check">
                                <input type="checkbox" prop:checked=note.answered on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let _ = app.edit_programme(programme, |p| {
                                        p.set_note_answered(note.id, on)
                                    });
                                } />
                                "Answered"
                            </label>
                            <button type="button" class="button danger-outline"
                                aria-label=format!("Delete note: {}", note.text.chars().take(40).collect::<String>())
                                on:click=move |_| {
                                    let _ = app.edit_programme(programme, |p| {
                                        p.remove_awareness_note(note.id).map(|_| ())
                                    });
                                }>"Delete"</button>
                        </div>
                    </li>
                </For>
            </ul>
        </section>
    }
}

/// Whose trial ends within two weeks or has ended, with the decision buttons. Also shown on
/// the programme screen, where the facilitator looks first.
#[component]
pub fn TrialPrompts(programme: Id) -> impl IntoView {
    let app = use_app();
    let prompts = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            p.trial_prompts(today())
                .into_iter()
                .map(|t| (t.person, name_of(p, t.person), t.sentence()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let decide = move |person: Id, choice: TrialChoice| {
        let _ = app.edit_programme(programme, |p| p.decide_trial(person, choice, today()));
    };
    view! {
        <section class="panel" aria-labelledby="trials-title">
            <h2 id="trials-title">"Trial periods"</h2>
            <Show when=move || prompts.with(Vec::is_empty)
                fallback=|| view! { <p class="hint">"Ask each person whether they want to continue. Record their choice:"</p> }>
                <p class="empty">"No trial ends in the next two weeks. Record opt-ins on the roster."</p>
            </Show>
            <ul class="rows" role="list">
                <For each=move || prompts.get() key=|t| t.clone() let:t>
                    <li class="row">
                        <div class="grow">
                            <strong>{t.1.clone()}</strong>
                            <p class="meta">{t.2.clone()}</p>
                        </div>
                        <div class="actions">
                            {[TrialChoice::Continue, TrialChoice::Leave].into_iter().map(|c| {
                                let person = t.0;
                                view! {
                                    <button type="button" class="button"
                                        aria-label=format!("{}: {}", t.1, choice_label(c))
                                        on:click=move |_| decide(person, c)>{choice_label(c)}</button>
                                }
                            }).collect_view()}
                        </div>
                    </li>
                </For>
            </ul>
            <p><a class="button" href=Route::Roster(programme).href()>"Open the roster"</a></p>
        </section>
    }
}

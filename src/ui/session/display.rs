//! The flip chart for a projector or a tablet: the question, the items with their agreement
//! counts, and the timer, in type readable from the back of a room. It never shows a name:
//! nothing from attendance, pairs or tables is on it.

use super::chart::AgreementCounter;
use super::read_session;
use crate::domain::session::Phase;
use crate::domain::Id;
use crate::state::Route;
use leptos::prelude::*;

#[component]
pub fn DisplayPage(id: Id) -> impl IntoView {
    let app = crate::state::use_app();
    let exists = Memo::new(move |_| app.ws.with(|ws| ws.session(id).is_some()));
    let question = read_session(id, |s| s.question().text.clone());
    let phase = read_session(id, |s| s.phase());
    let consent = read_session(id, |s| s.consent_question().to_string());
    let items = read_session(id, |s| {
        s.items()
            .iter()
            .map(|i| {
                (
                    i.number,
                    i.text.clone(),
                    i.agree,
                    i.minority,
                    i.is_shareable(),
                )
            })
            .collect::<Vec<_>>()
    });
    let face = super::timer::clock(id);
    // A display in its own window only shows; counting happens where the session is run.
    let can_count = move || app.tab.get() == crate::state::TabRole::Active;
    let full_screen = move |_| {
        if let Some(el) = document().document_element() {
            if document().fullscreen_element().is_some() {
                document().exit_fullscreen();
            } else {
                let _ = el.request_fullscreen();
            }
        }
    };
    view! {
        <Show when=move || exists.get() fallback=|| view! { <h1 tabindex="-1">"Session not found"</h1> }>
            <div class="display">
                <div class="display-bar">
                    <a class="button" href=Route::Session(id).href() on:click=move |_| {
                        // A viewer window rejoins as an ordinary tab: it reloads and asks
                        // whether another tab is in charge.
                        if !can_count() {
                            if let Some(w) = web_sys::window() {
                                let _ = w.location().set_hash(&Route::Session(id).href());
                                let _ = w.location().reload();
                            }
                        }
                    }>"Back to the session"</a>
                    <button type="button" class="button" on:click=full_screen>"Full screen on or off"</button>
                    <Show when=move || face.with(Option::is_some)>
                        <p class="display-clock" class:done=move || face.with(|f| f.as_ref().is_some_and(|f| f.2))>
                            {move || face.get().map(|f| f.0)}
                        </p>
                    </Show>
                </div>
                <h1 tabindex="-1" class="display-question">{move || question.get()}</h1>
                <Show when=move || phase.get() == Phase::Consent>
                    <p class="display-consent">{move || consent.get()}</p>
                </Show>
                <Show
                    when=move || items.with(|i| !i.is_empty())
                    fallback=|| view! { <p class="display-empty">"The flip chart is empty so far."</p> }
                >
                    <ol class="display-items" role="list">
                        <For each=move || items.get() key=|i| i.clone() let:i>
                            <li>
                                <Show
                                    when=move || phase.get() == Phase::Agreement && can_count()
                                    fallback={
                                        let i = i.clone();
                                        move || view! {
                                            <p class="display-text">{format!("{}. {}", i.0, i.1)}
                                                {i.3.then(|| view! { " "<span class="tag minority">"Minority report"</span> })}
                                            </p>
                                            <p class="display-count">{match i.2 { 1 => "1 agrees".to_string(), n => format!("{n} agree") }}</p>
                                        }
                                    }
                                >
                                    <AgreementCounter id=id number=i.0 large=true />
                                </Show>
                            </li>
                        </For>
                    </ol>
                </Show>
            </div>
        </Show>
    }
}

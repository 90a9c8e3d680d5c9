//! The first screen: every programme on this device, and starting a new one.

use crate::domain::programme::Programme;
use crate::domain::DomainError;
use crate::state::{use_app, Route};
use crate::ui::kit::{CardList, Field};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct Summary {
    id: u64,
    name: String,
    organisation: String,
    groups: usize,
    archived: bool,
}

impl Summary {
    fn of(p: &Programme) -> Summary {
        Summary {
            id: p.id,
            name: p.display_name().to_string(),
            organisation: p.organisation.clone(),
            groups: p.groups.iter().filter(|g| !g.archived).count(),
            archived: p.archived,
        }
    }
}

#[component]
pub fn ProgrammesPage() -> impl IntoView {
    let app = use_app();
    let summaries = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programmes_in_order()
                .into_iter()
                .map(Summary::of)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h1 tabindex="-1">"Programmes"</h1>
        <p class="lead">
            "A programme holds your groups and the people in them. Everything you type stays on \
             this device: nothing is sent anywhere."
        </p>
        <crate::ui::followup::week::ThisWeek />
        <NewProgramme />
        <p>
            <a class="button" href=Route::Combine.href()>"Combine programme files from other facilitators"</a>
        </p>
        <section aria-labelledby="programme-list-title">
            <h2 id="programme-list-title">"Your programmes"</h2>
            <CardList empty=Signal::derive(move || summaries.with(Vec::is_empty))
                when_empty="No programmes yet. Start one above.">
                <For each=move || summaries.get() key=|s| (s.id, s.name.clone(), s.organisation.clone(), s.groups, s.archived) let:s>
                    <li class="card" class:archived=s.archived>
                        <h3><a href=Route::Programme(s.id).href()>{s.name.clone()}</a></h3>
                        {(!s.organisation.is_empty()).then(|| view! { <p class="meta">{s.organisation.clone()}</p> })}
                        <p class="meta">
                            {match s.groups { 0 => "No groups yet".to_string(), 1 => "1 group".to_string(), n => format!("{n} groups") }}
                            {s.archived.then_some(" · Archived")}
                        </p>
                    </li>
                </For>
            </CardList>
        </section>
    }
}

#[component]
fn NewProgramme() -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        let result = app.change(|ws| {
            let id = ws.create_programme(&typed)?;
            Ok::<_, DomainError>(id)
        });
        match result {
            Ok(id) => {
                name.set(String::new());
                error.set(None);
                crate::ui::ask_to_keep_data();
                crate::ui::go(Route::Programme(id));
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <section aria-labelledby="new-programme-title" class="panel">
            <h2 id="new-programme-title">"Start a programme"</h2>
            <form on:submit=create class="inline-form">
                <Field id="new-programme-name" label="Programme name">
                    <input id="new-programme-name" type="text" autocomplete="off"
                        placeholder="For example: New nurses mentoring 2027"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                        aria-describedby=move || error.with(Option::is_some).then_some("new-programme-error")
                        aria-invalid=move || error.with(Option::is_some).then_some("true") />
                </Field>
                <button type="submit" class="button primary">"Create programme"</button>
            </form>
            <Show when=move || error.with(Option::is_some)>
                <p class="error" id="new-programme-error">{move || error.get()}</p>
            </Show>
        </section>
    }
}

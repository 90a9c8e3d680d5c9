//! The names of people taken off the roster: still looked for in anything shared, listed so
//! the facilitator knows, and forgotten only on purpose.

use crate::domain::roster::aliases;
use crate::domain::{DomainError, Id};
use crate::state::use_app;
use crate::ui::kit::ConfirmButton;
use leptos::prelude::*;

#[component]
pub fn RemovedNames(programme: Id) -> impl IntoView {
    let app = use_app();
    let removed = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            p.removed_people
                .iter()
                .map(|r| {
                    let mut name = r.display_name.trim().to_string();
                    let also = aliases(&r.also_known_as);
                    if name.is_empty() {
                        name = also.join(", ");
                    } else if !also.is_empty() {
                        name = format!("{name} (also {})", also.join(", "));
                    }
                    (r.id, name)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let error = RwSignal::new(None::<String>);
    let forget = move |id: Id| {
        Callback::new(move |_| {
            let done = app.edit_programme(programme, |p| p.forget_removed_person(id).map(|_| ()));
            error.set(done.err().map(|e: DomainError| e.to_string()));
        })
    };
    view! {
        <Show when=move || removed.with(|r| !r.is_empty())>
            <details class="removed-names">
                <summary>{move || format!("People taken off the roster ({})", removed.with(Vec::len))}</summary>
                <p class="hint">"Their names are still looked for in anything you share from this device, so they never appear by accident. Forget a name only if you are sure."</p>
                <ul class="rows" role="list">
                    {move || removed.get().into_iter().map(|(id, name)| view! {
                        <li class="person-line">
                            <span dir="auto">{name.clone()}</span>
                            <ConfirmButton label=format!("Forget {name}")
                                question=format!("Stop checking shared files for {name}? This cannot be undone.")
                                confirm="Yes, forget" on_confirm=forget(id) class="danger-outline" />
                        </li>
                    }).collect_view()}
                </ul>
                <crate::ui::kit::ErrorLine error=error />
            </details>
        </Show>
    }
}

//! Stage 4, the members: who is in the group, chosen from the roster by search, so a roster
//! of thousands never draws thousands of checkboxes.

use crate::domain::programme::display_or;
use crate::domain::roster_list::{find_people, RosterQuery};
use crate::domain::Id;
use crate::state::{use_app, Route};
use crate::ui::kit::Field;
use leptos::prelude::*;

const MATCHES_SHOWN: usize = 12;

#[component]
pub fn MembersPicker(programme: Id, group: Id) -> impl IntoView {
    let app = use_app();
    let search = RwSignal::new(String::new());
    let members = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            p.members_of(group)
                .iter()
                .map(|m| {
                    (
                        m.id,
                        display_or(&m.display_name, "Unnamed person").to_string(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let matches = Memo::new(move |_| {
        let q = RosterQuery {
            search: search.get(),
            ..RosterQuery::default()
        };
        app.with_programme(programme, |p| {
            find_people(&p.participants, &q)
                .into_iter()
                .filter_map(|id| p.participant(id))
                .filter(|x| !x.groups.contains(&group))
                .take(MATCHES_SHOWN)
                .map(|x| {
                    (
                        x.id,
                        display_or(&x.display_name, "Unnamed person").to_string(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let set = move |person: Id, member: bool| {
        let _ = app.edit_programme(programme, |p| p.set_membership(person, group, member));
    };
    view! {
        <fieldset class="choices">
            <legend>{move || format!("Members ({})", members.with(Vec::len))}</legend>
            <Show when=move || members.with(Vec::is_empty)>
                <p class="empty">"Nobody yet. Find people on the roster below."</p>
            </Show>
            <For each=move || members.get() key=|m| m.clone() let:m>
                <label class="check">
                    <input type="checkbox" checked=true on:change=move |_| set(m.0, false) />
                    {m.1.clone()}
                </label>
            </For>
        </fieldset>
        <Field id=format!("member-search-{group}") label="Find someone on the roster to add">
            <input type="search" id=format!("member-search-{group}") autocomplete="off"
                on:input=move |ev| search.set(event_target_value(&ev)) />
        </Field>
        <ul class="matches" role="list">
            <For each=move || matches.get() key=|m| m.clone() let:m>
                <li>
                    <button type="button" class="button" aria-label=format!("Add {} to the group", m.1)
                        on:click=move |_| set(m.0, true)>{format!("Add {}", m.1)}</button>
                </li>
            </For>
        </ul>
        <p class="hint">"Not on the roster yet? Add them there first."</p>
        <p><a class="button" href=Route::Roster(programme).href()>"Open the roster"</a></p>
    }
}

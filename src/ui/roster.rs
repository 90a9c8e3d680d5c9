//! The roster screen: paste many names at once, then find, sort and page through people.
//! Only one page of rows is drawn at a time, so thousands of people stay quick.

mod person;
mod removed;

use crate::domain::programme::display_or;
use crate::domain::roster::Role;
use crate::domain::roster_list::{find_people, page_count, RosterQuery, RosterSort, PAGE_SIZE};
use crate::domain::{DomainError, Id};
use crate::state::use_app;
use crate::ui::kit::Field;
use leptos::prelude::*;

#[component]
pub fn RosterPage(programme: Id) -> impl IntoView {
    view! {
        <super::forming::BackToProgramme programme=programme />
        <h1 tabindex="-1">"Roster"</h1>
        <p class="lead">
            "Everyone in this programme. Use whatever name the group uses, a pseudonym is fine. \
             Names and notes stay on this device."
        </p>
        <PasteNames programme=programme />
        <People programme=programme />
    }
}

/// Group choices for a select: (id, name).
fn group_choices(programme: Id) -> Memo<Vec<(Id, String)>> {
    let app = use_app();
    Memo::new(move |_| {
        app.with_programme(programme, |p| {
            p.groups_in_order()
                .iter()
                .map(|g| (g.id, display_or(&g.name, "Unnamed group").to_string()))
                .collect()
        })
        .unwrap_or_default()
    })
}

#[component]
fn PasteNames(programme: Id) -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(String::new());
    // Defaults from the programme (the first group and its members' role); choosing a group
    // brings its role along until the role is chosen by hand.
    let (first_role, first_group) = app.ws.with_untracked(|ws| {
        ws.programme(programme)
            .map(|p| p.suggested_for_new_people())
            .unwrap_or((Role::Peer, None))
    });
    let role = RwSignal::new(first_role);
    let role_chosen = RwSignal::new(false);
    let group = RwSignal::new(first_group);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let groups = group_choices(programme);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = text.get_untracked();
        let result = app.change(|ws| {
            let plan = crate::domain::roster_list::plan_paste(
                &ws.programme(programme)
                    .ok_or(DomainError::NotFound("programme"))?
                    .participants,
                &typed,
            )?;
            if plan.new_names.is_empty() {
                // Nothing to add: say why without touching the data.
                return Err(DomainError::Invalid(plan.summary()));
            }
            ws.paste_people(
                programme,
                &typed,
                role.get_untracked(),
                group.get_untracked(),
            )
        });
        match result {
            Ok(plan) => {
                text.set(String::new());
                outcome.set(Some(Ok(plan.summary())));
            }
            Err(e) => outcome.set(Some(Err(e.to_string()))),
        }
    };
    let failed = move || outcome.with(|o| matches!(o, Some(Err(_))));
    view! {
        <section class="panel" aria-labelledby="add-people-title">
            <h2 id="add-people-title">"Add people"</h2>
            <form on:submit=add>
                <Field id="paste-names" label="Names, one per line">
                    <p class="hint" id="paste-names-hint">
                        "Type one name, or paste a list or a column copied from a spreadsheet. \
                         Empty lines and names already on the roster are skipped."
                    </p>
                    <textarea id="paste-names" rows="5" prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                        aria-describedby=move || if failed() { "paste-names-hint paste-result" } else { "paste-names-hint" }
                        aria-invalid=move || failed().then_some("true")></textarea>
                </Field>
                <div class="row-fields">
                    <Field id="paste-role" label="Role for these people">
                        <select id="paste-role" on:change=move |ev| {
                            if let Some(r) = Role::from_key(&event_target_value(&ev)) {
                                role.set(r);
                                role_chosen.set(true);
                            }
                        }>
                            {Role::ALL.into_iter().map(|r| view! {
                                <option value=r.key() selected=move || role.get() == r>{r.label()}</option>
                            }).collect_view()}
                        </select>
                    </Field>
                    <Field id="paste-group" label="Add them to a group">
                        <select id="paste-group" on:change=move |ev| {
                            let chosen: Option<Id> = event_target_value(&ev).parse().ok();
                            group.set(chosen);
                            if !role_chosen.get_untracked() {
                                let r = chosen.and_then(|g| app.ws.with_untracked(|ws| ws.programme(programme).and_then(|p| p.role_in_group(g))));
                                if let Some(r) = r { role.set(r) }
                            }
                        }>
                            <option value="">"No group for now"</option>
                            {move || groups.get().into_iter().map(|(id, name)| view! {
                                <option value=id.to_string() selected=move || group.get() == Some(id)>{name}</option>
                            }).collect_view()}
                        </select>
                    </Field>
                </div>
                <button type="submit" class="button primary">"Add these names"</button>
                <p id="paste-result" role="status" class:error=failed class="result">
                    {move || outcome.get().map(|o| match o { Ok(t) | Err(t) => t })}
                </p>
            </form>
        </section>
    }
}

#[component]
fn People(programme: Id) -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(RosterQuery::default());
    let page = RwSignal::new(0usize);
    let open = RwSignal::new(None::<Id>);
    let groups = group_choices(programme);
    let found = Memo::new(move |_| {
        let q = query.get();
        app.with_programme(programme, |p| find_people(&p.participants, &q))
            .unwrap_or_default()
    });
    let total = Memo::new(move |_| found.with(Vec::len));
    let pages = Memo::new(move |_| page_count(total.get()));
    let current = Memo::new(move |_| page.get().min(pages.get() - 1));
    let shown = Memo::new(move |_| {
        let start = current.get() * PAGE_SIZE;
        found.with(|ids| {
            ids.iter()
                .skip(start)
                .take(PAGE_SIZE)
                .copied()
                .collect::<Vec<_>>()
        })
    });
    let set = move |change: fn(&mut RosterQuery, String), text: String| {
        query.update(|q| change(q, text));
        page.set(0);
    };
    let range = move || {
        let n = total.get();
        if n == 0 {
            return "Nobody matches.".to_string();
        }
        let start = current.get() * PAGE_SIZE + 1;
        let end = (start + PAGE_SIZE - 1).min(n);
        format!(
            "Showing {start}–{end} of {n} {}",
            if n == 1 { "person" } else { "people" }
        )
    };
    view! {
        <section class="panel" aria-labelledby="people-title">
            <h2 id="people-title">"People"</h2>
            <div class="filters">
                <Field id="roster-search" label="Search by name">
                    <input id="roster-search" type="search" autocomplete="off"
                        on:input=move |ev| set(|q, t| q.search = t, event_target_value(&ev)) />
                </Field>
                <Field id="roster-role" label="Show role">
                    <select id="roster-role" on:change=move |ev| set(|q, t| q.role = Role::from_key(&t), event_target_value(&ev))>
                        <option value="">"Every role"</option>
                        {Role::ALL.into_iter().map(|r| view! { <option value=r.key()>{r.label()}</option> }).collect_view()}
                    </select>
                </Field>
                <Field id="roster-group" label="Show group">
                    <select id="roster-group" on:change=move |ev| set(|q, t| q.group = t.parse().ok(), event_target_value(&ev))>
                        <option value="">"Every group"</option>
                        {move || groups.get().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    </select>
                </Field>
                <Field id="roster-sort" label="Sort by">
                    <select id="roster-sort" on:change=move |ev| set(|q, t| q.sort = if t == "name" { RosterSort::Name } else { RosterSort::Added }, event_target_value(&ev))>
                        <option value="added">"Order added"</option>
                        <option value="name">"Name"</option>
                    </select>
                </Field>
            </div>
            <p class="meta" role="status">{range}</p>
            <ul class="rows people" role="list">
                <For each=move || shown.get() key=|id| *id let:person>
                    <person::PersonRow programme=programme person=person open=open />
                </For>
            </ul>
            <Show when=move || { pages.get() > 1 }>
                <nav class="pager actions" aria-label="Roster pages">
                    <button type="button" class="button" disabled=move || current.get() == 0
                        on:click=move |_| page.set(current.get_untracked().saturating_sub(1))>"Previous page"</button>
                    <span>{move || format!("Page {} of {}", current.get() + 1, pages.get())}</span>
                    <button type="button" class="button" disabled=move || { current.get() + 1 >= pages.get() }
                        on:click=move |_| page.set(current.get_untracked() + 1)>"Next page"</button>
                </nav>
            </Show>
            <removed::RemovedNames programme=programme />
        </section>
    }
}

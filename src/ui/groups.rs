//! The groups of a programme: mentor and protege peer support groups meet separately
//! (Sweeny); in a peer group everyone is both mentor and mentee.

use super::programme::GroupKindSelect;
use crate::domain::programme::GroupKind;
use crate::domain::{DomainError, Id};
use crate::state::{use_app, UndoAction, UndoOffer};
use crate::ui::kit::{ConfirmButton, Field, TextField};
use leptos::prelude::*;

#[component]
pub fn GroupsSection(programme: Id) -> impl IntoView {
    let app = use_app();
    let rows = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            p.groups_in_order().iter().map(|g| g.id).collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <section class="panel" aria-labelledby="groups-title">
            <h2 id="groups-title">"Groups"</h2>
            <p class="hint">
                "Mentors and proteges usually meet in separate peer support groups, so each can \
                 talk about their own experience without breaking their pair's confidence."
            </p>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty">"No groups yet. Add the first one below."</p>
            </Show>
            <ul class="rows" role="list">
                <For each=move || rows.get() key=|id| *id let:gid>
                    <GroupRow programme=programme group=gid />
                </For>
            </ul>
            <NewGroup programme=programme />
        </section>
    }
}

#[component]
fn GroupRow(programme: Id, group: Id) -> impl IntoView {
    let app = use_app();
    let read = move |f: fn(&crate::domain::programme::Group) -> String| {
        Memo::new(move |_| {
            app.ws.with(|ws| {
                ws.programme(programme)
                    .and_then(|p| p.group(group))
                    .map(f)
                    .unwrap_or_default()
            })
        })
    };
    let name = read(|g| g.name.clone());
    let archived = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .and_then(|p| p.group(group))
                .is_some_and(|g| g.archived)
        })
    });
    let kind = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .and_then(|p| p.group(group))
                .map(|g| g.kind)
                .unwrap_or_default()
        })
    });
    let rename = Callback::new(move |text: String| {
        app.edit_programme(programme, |p| p.rename_group(group, &text))
            .map_err(|e: DomainError| e.to_string())
    });
    let set_kind = Callback::new(move |k: GroupKind| {
        let _ = app.edit_programme(programme, |p| p.set_group_kind(group, k));
    });
    let toggle_archive = move |_| {
        let now = archived.get_untracked();
        let _ = app.edit_programme(programme, |p| p.set_group_archived(group, !now));
    };
    let delete = Callback::new(move |_| {
        let removed = app.edit_programme(programme, |p| p.remove_group(group));
        if let Ok((at, removed)) = removed {
            app.undo.set(Some(UndoOffer {
                message: format!("Deleted the group “{}”.", removed.name),
                restore: UndoAction::Group {
                    programme,
                    at,
                    group: removed,
                },
            }));
        }
    });
    view! {
        <li class="row" class:archived=move || archived.get()>
            <div class="row-fields">
                <TextField id=format!("group-name-{group}") label="Group name" value=name on_edit=rename />
                <Field id=format!("group-kind-{group}") label="Kind of group">
                    <GroupKindSelect id=format!("group-kind-{group}") value=kind on_pick=set_kind />
                </Field>
            </div>
            <div class="actions">
                <a class="button" href=crate::state::Route::Group(programme, group).href()
                    aria-label=move || format!("Charter and meetings: {}", name.get())>"Charter and meetings"</a>
                <Show when=move || archived.get()>
                    <span class="tag">"Archived"</span>
                </Show>
                <button type="button" class="button" on:click=toggle_archive
                    aria-label=move || format!("{} {}", if archived.get() { "Bring back" } else { "Archive" }, name.get())>
                    {move || if archived.get() { "Bring back" } else { "Archive" }}
                </button>
                {move || view! {
                    <ConfirmButton label=format!("Delete {}", name.get_untracked())
                        question=format!("Delete the group “{}”? You can undo this straight away.", name.get_untracked())
                        confirm="Yes, delete it" on_confirm=delete class="danger-outline" />
                }}
            </div>
        </li>
    }
}

#[component]
fn NewGroup(programme: Id) -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(String::new());
    // What the programme suggests (the other half of a mentor/protege pair of groups), until
    // the facilitator picks a kind; after each group added, the next suggestion.
    let suggested = Memo::new(move |_| {
        app.with_programme(programme, |p| p.suggested_group_kind())
            .unwrap_or_default()
    });
    let picked = RwSignal::new(None::<GroupKind>);
    let kind = Signal::derive(move || picked.get().unwrap_or_else(|| suggested.get()));
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        let result = app.change(|ws| {
            let id = ws.fresh_id();
            ws.programme_mut(programme)?
                .add_group(id, &typed, kind.get_untracked())
        });
        match result {
            Ok(()) => {
                name.set(String::new());
                picked.set(None);
                error.set(None);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="add-row" on:submit=add aria-labelledby="new-group-title">
            <h3 id="new-group-title">"Add a group"</h3>
            <div class="row-fields">
                <Field id="new-group-name" label="New group name">
                    <input id="new-group-name" type="text" autocomplete="off"
                        placeholder="For example: First-year mentors"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("new-group-error") />
                </Field>
                <Field id="new-group-kind" label="Kind of new group">
                    <GroupKindSelect id="new-group-kind".into() value=kind on_pick=Callback::new(move |k| picked.set(Some(k))) />
                </Field>
            </div>
            <Show when=move || error.with(Option::is_some)>
                <p class="error" id="new-group-error">{move || error.get()}</p>
            </Show>
            <button type="submit" class="button primary">"Add group"</button>
        </form>
    }
}

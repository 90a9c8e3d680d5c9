//! One programme: its details, its groups, archiving and deleting.

use crate::domain::programme::{GroupKind, ProgrammeField};
use crate::domain::{DomainError, Id};
use crate::state::{use_app, Route, UndoAction, UndoOffer};
use crate::ui::kit::{ConfirmButton, TextField};
use crate::ui::not_found::{Gone, NotFound};
use leptos::prelude::*;

#[component]
pub fn ProgrammePage(id: Id) -> impl IntoView {
    let app = use_app();
    let exists = Memo::new(move |_| app.ws.with(|ws| ws.programme(id).is_some()));
    view! {
        <Show when=move || exists.get() fallback=|| view! { <NotFound gone=Gone::Programme /> }>
            <ProgrammeDetail id=id />
        </Show>
    }
}

fn field_value(id: Id, field: ProgrammeField) -> Signal<String> {
    let app = use_app();
    let memo = Memo::new(move |_| {
        app.with_programme(id, |p| match field {
            ProgrammeField::Name => p.name.clone(),
            ProgrammeField::Organisation => p.organisation.clone(),
            ProgrammeField::Purpose => p.purpose.clone(),
        })
        .unwrap_or_default()
    });
    memo.into()
}

fn field_editor(id: Id, field: ProgrammeField) -> Callback<String, Result<(), String>> {
    let app = use_app();
    Callback::new(move |text: String| {
        app.edit_programme(id, |p| p.set_field(field, &text))
            .map_err(|e: DomainError| e.to_string())
    })
}

#[component]
fn ProgrammeDetail(id: Id) -> impl IntoView {
    let app = use_app();
    let title = Memo::new(move |_| {
        app.with_programme(id, |p| p.display_name().to_string())
            .unwrap_or_default()
    });
    let archived = Memo::new(move |_| {
        app.ws
            .with(|ws| ws.programme(id).is_some_and(|p| p.archived))
    });
    let has_groups = Memo::new(move |_| {
        app.ws
            .with(|ws| ws.programme(id).is_some_and(|p| !p.groups.is_empty()))
    });
    let toggle_archive = move |_| {
        let _ = app.edit_programme(id, |p| {
            p.archived = !p.archived;
            Ok::<_, DomainError>(())
        });
    };
    let delete = Callback::new(move |_| {
        let removed = app.change(|ws| ws.remove_programme(id));
        if let Ok(programme) = removed {
            app.undo.set(Some(UndoOffer {
                message: format!("Deleted the programme “{}”.", programme.display_name()),
                restore: UndoAction::Programme(Box::new(programme)),
            }));
            crate::ui::go(Route::Programmes);
        }
    });
    let delete_question = move || {
        format!(
            "Delete the programme “{}” and all its groups from this device? You can undo this \
             straight away, but not later.",
            title.get_untracked()
        )
    };
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href=Route::Programmes.href()>"All programmes"</a>
        </nav>
        <h1 tabindex="-1">{move || title.get()}</h1>
        <Show when=move || archived.get()>
            <p class="tag">"Archived: kept for reference, hidden from everyday lists."</p>
        </Show>
        // What a facilitator comes here for most (a meeting, this week's follow-up) is at the
        // top once the programme has a group; setting up comes after.
        <nav class="top-actions" aria-label="Common actions">
            <a class="button" href=Route::FollowUp(id).href()>"This week: check-ins, plans and the survey"</a>
            <a class="button" href=Route::Share(id).href()>"Share results"</a>
        </nav>
        <Show when=move || has_groups.get()>
            <super::session::start::SessionsSection programme=id />
        </Show>
        <section class="panel" aria-labelledby="about-title">
            <h2 id="about-title">"About this programme"</h2>
            <p class="hint">"Changes are saved as you type."</p>
            <TextField id="programme-name".into() label="Programme name"
                value=field_value(id, ProgrammeField::Name) on_edit=field_editor(id, ProgrammeField::Name) />
            <TextField id="programme-organisation".into() label="Organisation"
                hint="The hospital, school, union or company running it."
                value=field_value(id, ProgrammeField::Organisation)
                on_edit=field_editor(id, ProgrammeField::Organisation) />
            <TextField id="programme-purpose".into() label="Purpose" multiline=true
                hint="Why the programme exists, in a sentence or two."
                value=field_value(id, ProgrammeField::Purpose)
                on_edit=field_editor(id, ProgrammeField::Purpose) />
        </section>
        <super::groups::GroupsSection programme=id />
        <FormingLinks id=id />
        <super::mentoring::MentoringLinks programme=id />
        <super::buyin::TrialPrompts programme=id />
        <Show when=move || !has_groups.get()>
            <super::session::start::SessionsSection programme=id />
        </Show>
        <section class="panel" aria-labelledby="followup-title">
            <h2 id="followup-title">"After the meetings"</h2>
            <p class="hint">"Follow-up plans, check-ins for each mentoring pair, which pairs may need help, and the anonymous outcomes survey."</p>
            <a class="button" href=Route::FollowUp(id).href()>"Follow-up, check-ins and survey"</a>
        </section>
        <section class="panel" aria-labelledby="share-title">
            <h2 id="share-title">"Share results"</h2>
            <p class="hint">"Make a file of what the groups agreed to share: agreement counts, testimonies, or an evaluation report. You see exactly what it holds before saving."</p>
            <a class="button" href=Route::Share(id).href()>"Make a file to share"</a>
        </section>
        <section class="panel quiet" aria-labelledby="manage-title">
            <h2 id="manage-title">"Archive or delete"</h2>
            <p class="hint">"Archive a programme that has ended: it keeps everything and moves to the end of the list."</p>
            <div class="actions">
                <button type="button" class="button" on:click=toggle_archive>
                    {move || if archived.get() { "Bring back from archive" } else { "Archive this programme" }}
                </button>
                {move || view! {
                    <ConfirmButton label="Delete this programme".into() question=delete_question()
                        confirm="Yes, delete it" on_confirm=delete class="danger-outline" />
                }}
            </div>
        </section>
    }
}

/// The choice of group kind, shared by "add" and "edit".
#[component]
pub fn GroupKindSelect(
    id: String,
    #[prop(into)] value: Signal<GroupKind>,
    on_pick: Callback<GroupKind>,
) -> impl IntoView {
    view! {
        <select id=id on:change=move |ev| {
            if let Some(kind) = GroupKind::from_key(&event_target_value(&ev)) {
                on_pick.run(kind);
            }
        }>
            {GroupKind::ALL.into_iter().map(|kind| view! {
                <option value=kind.key() selected=move || value.get() == kind>{kind.label()}</option>
            }).collect_view()}
            {crate::ui::kit::unknown_option(move || value.get() == GroupKind::Unknown, GroupKind::Unknown.label())}
        </select>
    }
}

/// Where a facilitator goes next when forming groups: the roster and awareness notes.
#[component]
fn FormingLinks(id: Id) -> impl IntoView {
    let app = use_app();
    let counts = Memo::new(move |_| {
        app.with_programme(id, |p| {
            (
                p.participants.len(),
                p.awareness.iter().filter(|n| !n.answered).count(),
            )
        })
        .unwrap_or_default()
    });
    view! {
        <section class="panel" aria-labelledby="forming-title">
            <h2 id="forming-title">"People and buy-in"</h2>
            <ul class="cards" role="list">
                <li class="card">
                    <h3><a href=Route::Roster(id).href()>"Roster"</a></h3>
                    <p class="meta">{move || match counts.get().0 { 0 => "Nobody yet".to_string(), 1 => "1 person".to_string(), n => format!("{n} people") }}</p>
                </li>
                <li class="card">
                    <h3><a href=Route::BuyIn(id).href()>"Awareness and buy-in"</a></h3>
                    <p class="meta">{move || match counts.get().1 { 0 => "No open questions or concerns".to_string(), 1 => "1 open note".to_string(), n => format!("{n} open notes") }}</p>
                </li>
            </ul>
        </section>
    }
}

//! A pair's past check-ins on its check-in page, each with Edit and Delete, so a mistake can
//! be put right. The list shows dates and ratings; a note is shown only while editing it.

use super::{change, Rating};
use crate::domain::followup::{CheckIn, EnteredBy, Score};
use crate::domain::{DomainError, Id};
use crate::state::use_app;
use crate::ui::forming::read_date;
use crate::ui::kit::{ConfirmButton, ErrorLine, InputField, TextAreaField};
use leptos::prelude::*;

#[component]
pub fn PastCheckIns(programme: Id, pair: Id) -> impl IntoView {
    let app = use_app();
    let list = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            p.followup
                .checkins_of(pair)
                .into_iter()
                .rev()
                .cloned()
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let shared = Shared {
        programme,
        editing: RwSignal::new(None),
        status: RwSignal::new(None),
    };
    let status = shared.status;
    view! {
        <Show when=move || list.with(|l| !l.is_empty())>
            <section class="panel" aria-labelledby="past-checkins-title">
                <h2 id="past-checkins-title">"Check-ins so far"</h2>
                <p class="status" role="status">{move || status.get()}</p>
                <ul class="rows" role="list">
                    <For each=move || list.get() key=|c| (c.id, c.date, c.going, c.equity, c.improve.clone(), c.concern) let:c>
                        <PastCheckIn shared=shared checkin=c />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// What the rows of the list share: the programme, the check-in being edited (one at a time)
/// and the line saying what was done last.
#[derive(Clone, Copy)]
struct Shared {
    programme: Id,
    editing: RwSignal<Option<Id>>,
    status: RwSignal<Option<String>>,
}

#[component]
fn PastCheckIn(shared: Shared, checkin: CheckIn) -> impl IntoView {
    let id = checkin.id;
    let date = checkin.date.map(|d| d.to_string()).unwrap_or_default();
    let by = match checkin.by {
        EnteredBy::Facilitator => "entered by the facilitator",
        EnteredBy::Partner => "entered by a partner",
        EnteredBy::Unknown => "entered in a way this version does not know",
    };
    let summary = format!(
        "{date}: how it is going {}, equal and fair {}; {by}",
        checkin.going.get(),
        checkin.equity.get()
    );
    let remove = Callback::new(move |_| {
        match change(shared.programme, |f| f.remove_checkin(id).map(|_| ())) {
            Ok(()) => shared.status.set(Some("The check-in is deleted.".into())),
            Err(e) => shared.status.set(Some(e)),
        }
    });
    let label_date = date.clone();
    view! {
        <li class="row">
            <p>{summary}</p>
            {checkin.concern.then(|| view! { <p class="tag attention-tag">"Safety or wellbeing concern raised"</p> })}
            <Show when=move || shared.editing.get() == Some(id)
                fallback=move || {
                    let d = label_date.clone();
                    view! {
                        <div class="actions">
                            <button type="button" class="button" on:click=move |_| shared.editing.set(Some(id))>{format!("Edit check-in of {d}")}</button>
                            <ConfirmButton label=format!("Delete check-in of {d}")
                                question="Delete this check-in?".to_string()
                                confirm="Yes, delete it" on_confirm=remove class="danger-outline" />
                        </div>
                    }
                }>
                <EditCheckIn shared=shared checkin=checkin.clone() />
            </Show>
        </li>
    }
}

#[component]
fn EditCheckIn(shared: Shared, checkin: CheckIn) -> impl IntoView {
    let draft = RwSignal::new(checkin.clone());
    let date = RwSignal::new(checkin.date.map(|d| d.to_string()).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let id = checkin.id;
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let r = read_date(&date.get_untracked(), "the date of the check-in").and_then(|d| {
            let mut c = draft.get_untracked();
            c.date = Some(d);
            change(shared.programme, |f| f.edit_checkin(c))
        });
        match r {
            Ok(()) => {
                shared.editing.set(None);
                shared.status.set(Some("The check-in is changed.".into()));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let score = move |n: u8| Score::new(n).map_err(|e: DomainError| e.to_string());
    let date_id = format!("edit-checkin-date-{id}");
    let note_id = format!("edit-checkin-note-{id}");
    view! {
        <form class="subform" on:submit=save>
            <InputField id=date_id label="Date of the check-in" kind="date" class="narrow"
                value=date on_input=Callback::new(move |t| date.set(t)) />
            <Rating name=format!("edit-going-{id}") legend="How is it going?" hint="1 = not well at all, 5 = very well."
                value=Signal::derive(move || draft.with(|c| c.going.get()))
                on_pick=Callback::new(move |n| if let Ok(s) = score(n) { draft.update(|c| c.going = s) }) />
            <Rating name=format!("edit-equity-{id}") legend="Are contributions equal and equitable?" hint="1 = very one-sided, 5 = fully equal and fair."
                value=Signal::derive(move || draft.with(|c| c.equity.get()))
                on_pick=Callback::new(move |n| if let Ok(s) = score(n) { draft.update(|c| c.equity = s) }) />
            <TextAreaField id=note_id label="What could improve?"
                value=Signal::derive(move || draft.with(|c| c.improve.clone()))
                on_input=Callback::new(move |t| draft.update(|c| c.improve = t)) />
            <label class="check concern">
                <input type="checkbox" prop:checked=move || draft.with(|c| c.concern)
                    on:change=move |ev| draft.update(|c| c.concern = event_target_checked(&ev)) />
                <span>"There is a concern about safety or wellbeing"</span>
            </label>
            <ErrorLine error=error />
            <div class="actions">
                <button type="submit" class="button primary">"Save the changes"</button>
                <button type="button" class="button" on:click=move |_| shared.editing.set(None)>"Cancel the change"</button>
            </div>
        </form>
    }
}

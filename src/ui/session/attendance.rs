//! Step 1: who is here. Members come from the group's roster; guests are only counted.

use super::read_session;
use crate::domain::Id;
use crate::state::use_app;
use crate::ui::kit::Field;
use leptos::prelude::*;

/// Copies who is here onto the group's meeting of that date, so the roster's commitment
/// figures (attendance rate, meetings missed in a row) include this session.
fn record_in_roster(id: Id) -> Result<(), crate::state::Refusal> {
    let app = use_app();
    let programme = app.ws.with_untracked(|ws| {
        let s = ws.session(id)?;
        ws.group(s.group()).map(|(p, _)| p.id)
    });
    let Some(programme) = programme else {
        return Ok(());
    };
    app.change(|ws| {
        let s = ws
            .session(id)
            .ok_or(crate::domain::DomainError::NotFound("session"))?;
        let (group, date, present) = (s.group(), s.date(), s.attendance().to_vec());
        ws.programme_mut(programme)?
            .record_attendance(group, date, &present)?;
        Ok(())
    })
}

#[component]
pub fn AttendancePanel(id: Id) -> impl IntoView {
    let app = use_app();
    let members = Memo::new(move |_| {
        app.ws.with(|ws| {
            let Some(s) = ws.session(id) else {
                return Vec::new();
            };
            let Some((p, _)) = ws.group(s.group()) else {
                return Vec::new();
            };
            p.members_of(s.group())
                .into_iter()
                .map(|m| (m.id, m.display_name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let present = read_session(id, |s| s.attendance().to_vec());
    let guests = read_session(id, |s| s.guests());
    let total = read_session(id, |s| s.people_present());
    let error = RwSignal::new(None::<String>);
    let set_present = move |member: Id, here: bool| {
        let result = app
            .edit_session(id, |s| {
                if here {
                    s.mark_present(member)
                } else {
                    s.mark_absent(member)
                }
            })
            .and_then(|()| record_in_roster(id));
        error.set(result.err().map(|e| e.0));
    };
    let everyone = move |_| {
        for (m, _) in members.get_untracked() {
            set_present(m, true);
        }
    };
    view! {
        <super::guidelines::GuidelinesOffer id=id />
        <p class="count" role="status">{move || match total.get() {
            1 => "1 person is here.".to_string(),
            n => format!("{n} people are here."),
        }}</p>
        <Show
            when=move || members.with(|m| !m.is_empty())
            fallback=|| view! {
                <p class="empty">
                    "This group has no members on the roster yet. You can still run the session: \
                     count everyone as guests below."
                </p>
            }
        >
            <fieldset class="checklist">
                <legend>"Members present"</legend>
                <button type="button" class="button" on:click=everyone>"Mark everyone present"</button>
                <ul role="list">
                    <For each=move || members.get() key=|m| m.clone() let:m>
                        <li>
                            <label class="check">
                                <input type="checkbox" prop:checked=move || present.with(|p| p.contains(&m.0))
                                    on:change=move |ev| set_present(m.0, event_target_checked(&ev)) />
                                <span>{m.1.clone()}</span>
                            </label>
                        </li>
                    </For>
                </ul>
            </fieldset>
        </Show>
        <Field id="session-guests" label="Guests (people here who are not on the roster)" class="narrow">
            <input id="session-guests" type="number" min="0" max="500" inputmode="numeric"
                prop:value=move || guests.get().to_string()
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    let result = match text.trim().parse::<u32>() {
                        Ok(n) => app.edit_session(id, |s| s.set_guests(n)).map_err(|e| e.0),
                        Err(_) => Err("Please type a whole number of guests, such as 3.".to_string()),
                    };
                    error.set(result.err());
                } />
        </Field>
        <crate::ui::kit::ErrorLine error=error />
    }
}

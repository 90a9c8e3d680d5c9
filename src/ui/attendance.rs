//! Attendance per meeting for one group, ticked by hand (the session runner fills it too),
//! with each member's attendance rate and meetings missed in a row.

use crate::domain::{Date, DomainError, Id};
use crate::state::use_app;
use crate::ui::forming::read_date;
use crate::ui::kit::{name_of, ConfirmButton, Field};
use leptos::prelude::*;

/// Most meeting columns drawn at once; the figures still count every meeting.
const COLUMNS: usize = 12;

/// The shape of the table: which meetings and members. Ticks and figures are read per cell,
/// so ticking a box never redraws the table (and keyboard focus stays where it was).
#[derive(Clone, PartialEq, Default)]
struct Grid {
    dates: Vec<Date>,
    hidden: usize,
    members: Vec<(Id, String)>,
}

#[component]
pub fn AttendanceSection(programme: Id, group: Id) -> impl IntoView {
    let app = use_app();
    let grid = Memo::new(move |_| {
        app.ws.with(|ws| {
            let Some(p) = ws.programme(programme) else {
                return Grid::default();
            };
            let meetings = p.meetings_of(group);
            let hidden = meetings.len().saturating_sub(COLUMNS);
            Grid {
                dates: meetings[hidden..].iter().map(|m| m.date).collect(),
                hidden,
                members: p
                    .members_of(group)
                    .iter()
                    .map(|m| (m.id, name_of(p, m.id)))
                    .collect(),
            }
        })
    });
    let present = move |person: Id, d: Date| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .and_then(|p| p.meeting(group, d))
                .is_some_and(|m| m.present.contains(&person))
        })
    };
    let figures = move |person: Id| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .and_then(|p| p.attendance_of(group, person))
                .map(|a| (a.rate_text(), a.missed_in_a_row))
                .unwrap_or_default()
        })
    };
    let date = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = read_date(&date.get_untracked(), "the meeting date").and_then(|d| {
            app.edit_programme(programme, |p| {
                if p.meeting(group, d).is_some() {
                    return Err(DomainError::Invalid(format!(
                        "The meeting on {d} is already listed."
                    )));
                }
                p.record_attendance(group, d, &[])
            })
            .map_err(|e| e.to_string())
        });
        error.set(result.err());
    };
    let tick = move |person: Id, d: Date, here: bool| {
        let _ = app.edit_programme(programme, |p| p.set_present(group, d, person, here));
    };
    view! {
        <section class="panel" aria-labelledby="attendance-title">
            <h2 id="attendance-title">"Attendance and commitment"</h2>
            <p class="hint">
                "Commitment shows in turning up. Tick who came to each meeting; the rate and the \
                 meetings missed in a row help you notice who might need a friendly word."
            </p>
            <form class="inline-form" on:submit=add>
                <Field id="meeting-date" label="Meeting date">
                    <input type="date" id="meeting-date" on:input=move |ev| date.set(event_target_value(&ev)) />
                </Field>
                <button type="submit" class="button">"Add meeting"</button>
            </form>
            <crate::ui::kit::ErrorLine error=error />
            <Show when=move || grid.with(|g| g.members.is_empty())>
                <p class="empty">"This group has no members yet (stage 4)."</p>
            </Show>
            <Show when=move || grid.with(|g| !g.members.is_empty())>
                <Show when=move || { grid.with(|g| g.hidden > 0) }>
                    <p class="meta">{move || format!("Showing the latest {COLUMNS} meetings; {} earlier ones still count in the figures.", grid.with(|g| g.hidden))}</p>
                </Show>
                <div class="scroll" role="region" aria-label="Attendance table" tabindex="0">
                    <table class="grid">
                        <caption>"Attendance"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Member"</th>
                                {move || grid.with(|g| g.dates.iter().map(|d| view! { <th scope="col" class="date">{d.to_string()}</th> }).collect_view())}
                                <th scope="col">"Attendance rate"</th>
                                <th scope="col">"Missed in a row"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || grid.with(|g| g.members.iter().map(|(person, name)| {
                                let person = *person;
                                view! {
                                    <tr>
                                        <th scope="row">{name.clone()}</th>
                                        {g.dates.iter().map(|d| {
                                            let d = *d;
                                            view! {
                                                <td class="tick">
                                                    <input type="checkbox" prop:checked=move || present(person, d)
                                                        aria-label=format!("{name} present on {d}")
                                                        on:change=move |ev| tick(person, d, event_target_checked(&ev)) />
                                                </td>
                                            }
                                        }).collect_view()}
                                        <td>{move || figures(person).0}</td>
                                        <td class:alert=move || { figures(person).1 >= 2 }>{move || figures(person).1}</td>
                                    </tr>
                                }
                            }).collect_view())}
                        </tbody>
                    </table>
                </div>
                <RemoveMeeting programme=programme group=group />
            </Show>
        </section>
    }
}

/// Takes away a meeting entered by mistake (asks first; its ticks go with it).
#[component]
fn RemoveMeeting(programme: Id, group: Id) -> impl IntoView {
    let app = use_app();
    let dates = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            p.meetings_of(group)
                .iter()
                .map(|m| m.date)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let chosen = RwSignal::new(None::<Date>);
    let remove = Callback::new(move |_| {
        if let Some(d) = chosen.get_untracked() {
            let removed = app.edit_programme(programme, |p| p.remove_meeting(group, d));
            if removed.is_ok() {
                chosen.set(None);
            }
        }
    });
    view! {
        <div class="inline-form">
            <Field id="remove-meeting" label="Meeting entered by mistake">
                <select id="remove-meeting" on:change=move |ev| chosen.set(Date::parse(&event_target_value(&ev)).ok())>
                    <option value="" selected=move || chosen.get().is_none()>"Choose a meeting"</option>
                    {move || dates.get().into_iter().rev().map(|d| view! { <option value=d.to_string()>{d.to_string()}</option> }).collect_view()}
                </select>
            </Field>
            <Show when=move || chosen.get().is_some()>
                {move || chosen.get().map(|d| view! {
                    <ConfirmButton label="Remove this meeting".into()
                        question=format!("Remove the meeting on {d} and who came to it?")
                        confirm="Yes, remove it" on_confirm=remove class="danger-outline" />
                })}
            </Show>
        </div>
    }
}

//! The rotating chair: meeting dates, who will be away, the fair roster, swaps (logged) and
//! who chairs next. Every decision is made by `domain::chair`.

use crate::domain::chair::ChairRota;
use crate::domain::{Date, DomainError, Id};
use crate::state::use_app;
use crate::ui::forming::read_date;
use crate::ui::kit::{name_of, today, Field, InputField, PickField};
use leptos::prelude::*;

#[derive(Clone, PartialEq, Default)]
struct RotaView {
    rota: ChairRota,
    members: Vec<(Id, String)>,
    names: Vec<(Id, String)>,
    stale: bool,
}

impl RotaView {
    fn name(&self, id: Option<Id>) -> String {
        match id {
            None => "Nobody available".into(),
            Some(id) => self
                .names
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| "Someone no longer on the roster".into()),
        }
    }
}

#[component]
pub fn RotaEditor(programme: Id, group: Id) -> impl IntoView {
    let app = use_app();
    let data = Memo::new(move |_| {
        app.ws.with(|ws| {
            let Some(p) = ws.programme(programme) else {
                return RotaView::default();
            };
            let rota = p.charter(group).map(|c| c.rota.clone()).unwrap_or_default();
            let members: Vec<(Id, String)> = p
                .members_of(group)
                .iter()
                .map(|m| (m.id, name_of(p, m.id)))
                .collect();
            let ids: Vec<Id> = members.iter().map(|m| m.0).collect();
            let mut names = members.clone();
            for t in &rota.turns {
                if let Some(c) = t.chair {
                    names.push((c, name_of(p, c)));
                }
            }
            RotaView {
                stale: !rota.turns.is_empty() && rota.needs_remaking(&ids),
                rota,
                members,
                names,
            }
        })
    });
    let message = RwSignal::new(None::<Result<String, String>>);
    let report = Callback::new(move |r: Result<String, String>| message.set(Some(r)));
    let rota = Rota {
        programme,
        group,
        data,
        report,
    };
    let make = move |_| {
        let r = app.edit_programme(programme, |p| p.make_chair_rota(group));
        report.run(
            r.map(|_| "The chair roster is ready.".into())
                .map_err(|e: DomainError| e.to_string()),
        );
    };
    let next = move || {
        data.with(|d| match d.rota.next_turn(today()) {
            Some(t) => format!("Next to chair: {} on {}", d.name(t.chair), t.date),
            None if d.rota.turns.is_empty() => {
                "Set the meeting dates and make the roster to see who chairs next.".into()
            }
            None => "No more meetings on the roster.".into(),
        })
    };
    view! {
        <div class="rota">
            <p class="callout" role="status">{next}</p>
            <Schedule rota=rota />
            <Away rota=rota />
            <Show when=move || data.with(|d| d.stale)>
                <p class="notice">"Members, dates or absences have changed since this roster was made. Make it again to include the changes."</p>
            </Show>
            <div class="make">
                <button type="button" class="button primary" on:click=make>
                    {move || if data.with(|d| d.rota.turns.is_empty()) { "Make the chair roster" } else { "Make the chair roster again" }}
                </button>
            </div>
            <p class="result" role="status" class:error=move || message.with(|m| matches!(m, Some(Err(_))))>
                {move || message.get().map(|m| match m { Ok(t) | Err(t) => t })}
            </p>
            <Show when=move || data.with(|d| !d.rota.turns.is_empty())>
                <div class="scroll" role="region" aria-label="Chair roster table" tabindex="0">
                <table class="grid">
                    <caption>"Chair roster"</caption>
                    <thead><tr><th scope="col">"Meeting"</th><th scope="col">"Chair"</th></tr></thead>
                    <tbody>
                        {move || data.with(|d| d.rota.turns.iter().map(|t| view! {
                            <tr><td class="date">{t.date.to_string()}</td><td>{d.name(t.chair)}</td></tr>
                        }).collect_view())}
                    </tbody>
                </table>
                </div>
                <p class="meta">{move || data.with(|d| {
                    let counts: Vec<String> = d.members.iter().map(|(id, n)| format!("{n}: {}", d.rota.turns_of(*id))).collect();
                    format!("Turns each. {}", counts.join(", "))
                })}</p>
                <Swap rota=rota />
            </Show>
        </div>
    }
}

/// What the parts of the rota editor share: whose rota, what it shows, and the line that says
/// how the last change went.
#[derive(Clone, Copy)]
struct Rota {
    programme: Id,
    group: Id,
    data: Memo<RotaView>,
    report: Callback<Result<String, String>>,
}

/// The options of a picker of meetings, after "Choose a meeting": each `(date, words)`.
fn meeting_options(
    meetings: impl Fn() -> Vec<(Date, String)> + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <option value="">"Choose a meeting"</option>
        {move || meetings().into_iter().map(|(d, words)| view! { <option value=d.to_string()>{words}</option> }).collect_view()}
    }
}

#[component]
fn Schedule(rota: Rota) -> impl IntoView {
    let app = use_app();
    let first = RwSignal::new(String::new());
    let every = RwSignal::new(14i32);
    let count = RwSignal::new("8".to_string());
    let set_dates = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result =
            read_date(&first.get_untracked(), "the date of the first meeting").and_then(|f| {
                let n: usize = count.get_untracked().trim().parse().map_err(|_| {
                    "Please give the number of meetings as a whole number.".to_string()
                })?;
                app.edit_programme(rota.programme, |p| {
                    p.schedule_meetings(rota.group, f, every.get_untracked(), n)
                })
                .map_err(|e: DomainError| e.to_string())
            });
        rota.report
            .run(result.map(|_| "Meeting dates set. Now make the chair roster.".into()));
    };
    view! {
        <form class="subform" on:submit=set_dates>
            <h3>"Meeting dates"</h3>
            <div class="row-fields">
                <Field id="first-meeting" label="First meeting">
                    <input type="date" id="first-meeting" on:input=move |ev| first.set(event_target_value(&ev)) />
                </Field>
                <Field id="how-often" label="How often">
                    <select id="how-often" on:change=move |ev| every.set(event_target_value(&ev).parse().unwrap_or(14))>
                        <option value="7">"Every week"</option>
                        <option value="14" selected=true>"Every two weeks"</option>
                        <option value="28">"Every four weeks"</option>
                    </select>
                </Field>
                <InputField id="meeting-count" label="Number of meetings" kind="number" min="1" max="200"
                    value=count on_input=Callback::new(move |t| count.set(t)) />
            </div>
            <button type="submit" class="button">"Set meeting dates"</button>
        </form>
    }
}

#[component]
fn Away(rota: Rota) -> impl IntoView {
    let app = use_app();
    let who = RwSignal::new(None::<Id>);
    let when = RwSignal::new(None::<Date>);
    let change = move |person: Id, date: Date, away: bool| {
        app.edit_programme(rota.programme, |p| {
            p.set_away(rota.group, person, date, away)
        })
        .map_err(|e: DomainError| e.to_string())
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = match (who.get_untracked(), when.get_untracked()) {
            (Some(p), Some(d)) => change(p, d, true)
                .map(|_| "Noted. Make the roster again to take it into account.".to_string()),
            _ => Err("Choose who will be away and which meeting they will miss.".to_string()),
        };
        rota.report.run(result);
    };
    view! {
        <form class="subform" on:submit=add>
            <h3>"Who will be away"</h3>
            <div class="row-fields">
                <PickField id="away-who" label="Member" chosen=who>
                    <option value="">"Choose someone"</option>
                    {move || rota.data.with(|d| d.members.iter().map(|(id, n)| view! { <option value=id.to_string()>{n.clone()}</option> }).collect_view())}
                </PickField>
                <PickField id="away-when" label="Meeting they will miss" chosen=when>
                    {meeting_options(move || rota.data.with(|d| d.rota.dates.iter().map(|dt| (*dt, dt.to_string())).collect()))}
                </PickField>
            </div>
            <button type="submit" class="button">"Mark as away"</button>
            <ul class="rows" role="list">
                {move || rota.data.with(|d| d.rota.away.iter().map(|a| {
                    let (person, date) = (a.person, a.date);
                    let text = format!("{} is away on {}", d.name(Some(person)), date);
                    view! {
                        <li class="row">
                            <span class="grow">{text.clone()}</span>
                            <button type="button" class="button" aria-label=format!("Remove: {text}")
                                on:click=move |_| rota.report.run(change(person, date, false).map(|_| "Removed.".into()))>"Remove"</button>
                        </li>
                    }
                }).collect_view())}
            </ul>
        </form>
    }
}

#[component]
fn Swap(rota: Rota) -> impl IntoView {
    let app = use_app();
    let first = RwSignal::new(None::<Date>);
    let second = RwSignal::new(None::<Date>);
    let swap = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = match (first.get_untracked(), second.get_untracked()) {
            (Some(a), Some(b)) => app
                .edit_programme(rota.programme, |p| p.swap_chairs(rota.group, a, b, today()))
                .map(|_| format!("Swapped the chairs of {a} and {b}."))
                .map_err(|e: DomainError| e.to_string()),
            _ => Err("Choose the two meetings to swap.".to_string()),
        };
        rota.report.run(result);
    };
    let turns = move || {
        rota.data.with(|d| {
            d.rota
                .turns
                .iter()
                .map(|t| (t.date, format!("{} ({})", t.date, d.name(t.chair))))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <form class="subform" on:submit=swap>
            <h3>"Swap two turns"</h3>
            <div class="row-fields">
                <PickField id="swap-first" label="First meeting to swap" chosen=first>{meeting_options(turns)}</PickField>
                <PickField id="swap-second" label="Second meeting to swap" chosen=second>{meeting_options(turns)}</PickField>
            </div>
            <button type="submit" class="button">"Swap chairs"</button>
            <Show when=move || rota.data.with(|d| !d.rota.swaps.is_empty())>
                <h4>"Swaps so far"</h4>
                <ul class="log">
                    {move || rota.data.with(|d| d.rota.swaps.iter().map(|s| view! {
                        <li>{format!("On {}: {} and {} swapped, {} ↔ {}", s.logged, d.name(Some(s.first_chair)), d.name(Some(s.second_chair)), s.first, s.second)}</li>
                    }).collect_view())}
                </ul>
            </Show>
        </form>
    }
}

//! Step 3 (level 2): pairs grouped into tables. Each table writes its consensus and, apart,
//! any minority report. Forming tables forgets who sat in which pair.

use super::points::Points;
use super::read_session;
use crate::domain::kiosk::KioskTask;
use crate::domain::session::{table_label, AnswerBox};
use crate::domain::Id;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn TablesPanel(id: Id) -> impl IntoView {
    let app = use_app();
    let tables = read_session(id, |s| {
        s.tables().iter().map(|t| t.number).collect::<Vec<_>>()
    });
    let error = RwSignal::new(None::<String>);
    let form = move |per: u32| {
        error.set(
            app.edit_session(id, |s| s.form_tables(per))
                .err()
                .map(|e| e.0),
        )
    };
    view! {
        <Show when=move || tables.with(Vec::is_empty)>
            <p class="note">
                "Forming tables forgets who sat in which pair, so no answer can be traced back to a \
                 person. The pairs' answers are kept."
            </p>
        </Show>
        <div class="actions">
            <button type="button" class="button primary" on:click=move |_| form(2)>"Form tables of two pairs"</button>
            <button type="button" class="button" on:click=move |_| form(3)>"Form tables of three pairs"</button>
        </div>
        <crate::ui::widgets::ErrorLine error=error />
        <Show when=move || tables.with(|t| !t.is_empty())>
            <crate::ui::kiosk::start::KioskStart task=KioskTask::TableConsensus { session: id } what="table answers" />
        </Show>
        <ul class="pair-grid" role="list">
            <For each=move || tables.get() key=|n| *n let:n>
                <TableCard id=id number=n />
            </For>
        </ul>
    }
}

#[component]
fn TableCard(id: Id, number: u32) -> impl IntoView {
    let app = use_app();
    let label = table_label(number);
    let pairs = read_session(id, move |s| {
        s.table(number).map(|t| t.pairs.clone()).unwrap_or_default()
    });
    let all_tables = read_session(id, |s| {
        s.tables().iter().map(|t| t.number).collect::<Vec<_>>()
    });
    let answers = read_session(id, move |s| {
        let Ok(t) = s.table(number) else {
            return Vec::new();
        };
        t.pairs
            .iter()
            .filter_map(|p| s.pair(*p).ok())
            .map(|p| (p.number, p.points.clone()))
            .collect::<Vec<_>>()
    });
    view! {
        <li class="card table-card">
            <h3>{format!("Table {label}")}</h3>
            <ul role="list" class="seat-list">
                {move || pairs.get().into_iter().map(|p| {
                    let select_id = format!("move-pair-{p}");
                    view! {
                        <li class="seat">
                            <label for=select_id.clone()>{format!("Move Pair {p} to")}</label>
                            <select id=select_id on:change=move |ev| {
                                let value = event_target_value(&ev);
                                let to = if value == "new" { None } else { value.parse::<u32>().ok() };
                                let _ = app.edit_session(id, |s| s.move_pair(p, to));
                            }>
                                {all_tables.get().into_iter().map(|t| view! {
                                    <option value=t.to_string() selected=t == number>{format!("Table {}", table_label(t))}</option>
                                }).collect_view()}
                                <option value="new">"A new table"</option>
                            </select>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <details class="pair-answers">
                <summary>"The pairs' answers"</summary>
                <ul>
                    {move || answers.get().into_iter().map(|(n, points)| view! {
                        <li><strong>{format!("Pair {n}: ")}</strong>{if points.is_empty() { "no answer written".to_string() } else { points.join("; ") }}</li>
                    }).collect_view()}
                </ul>
            </details>
            <Points id=id target=AnswerBox::TableConsensus(number) label=format!("Table {label}'s shared answer") />
            <Points id=id target=AnswerBox::TableMinority(number) label=format!("Table {label}'s minority report") />
        </li>
    }
}

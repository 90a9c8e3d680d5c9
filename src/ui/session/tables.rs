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
        <crate::ui::kit::ErrorLine error=error />
        <Show when=move || tables.with(|t| !t.is_empty())>
            <crate::ui::kiosk::start::KioskStart task=KioskTask::TableConsensus { session: id } what="table answers" />
        </Show>
        <ul class="table-grid" role="list">
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
            <div class="table-body">
                <section class="pair-answers" aria-labelledby=format!("pair-answers-{number}")>
                    <h4 id=format!("pair-answers-{number}")>{format!("The pairs' answers at Table {label}")}</h4>
                    <ul role="list" class="pair-answer-list" aria-label=format!("The pairs' answers at Table {label}")>
                        {move || answers.get().into_iter().map(|(n, points)| {
                            if points.is_empty() {
                                return view! { <li><p class="meta">{format!("Pair {n}: no answer written")}</p></li> }.into_any();
                            }
                            points.into_iter().map(|text| view! {
                                <PairAnswer id=id table=number pair=n text=text />
                            }).collect_view().into_any()
                        }).collect_view()}
                    </ul>
                </section>
                <div class="table-answers">
                    <Points id=id target=AnswerBox::TableConsensus(number) label=format!("Table {label}'s shared answer") />
                    <Points id=id target=AnswerBox::TableMinority(number) label=format!("Table {label}'s minority report") />
                </div>
            </div>
        </li>
    }
}

/// One point of a pair's answer, with buttons that copy it into the table's answer or its
/// minority report (so nobody retypes it), or say it is already there.
#[component]
fn PairAnswer(id: Id, table: u32, pair: u32, text: String) -> impl IntoView {
    let app = use_app();
    let label = table_label(table);
    let words = StoredValue::new(text.clone());
    let used_in = move |target: AnswerBox| {
        read_session(id, move |s| {
            s.points(target)
                .is_ok_and(|p| words.with_value(|w| p.iter().any(|x| x == w)))
        })
    };
    let in_consensus = used_in(AnswerBox::TableConsensus(table));
    let in_minority = used_in(AnswerBox::TableMinority(table));
    let error = RwSignal::new(None::<String>);
    let copy = move |target: AnswerBox| {
        error.set(
            app.edit_session(id, |s| s.add_point(target, &words.get_value()))
                .err()
                .map(|e| e.0),
        );
    };
    let short = shorten(&text);
    view! {
        <li class="pair-answer">
            <p><strong>{format!("Pair {pair}: ")}</strong>{text.clone()}</p>
            <div class="point-actions">
                <Show when=move || !in_consensus.get() fallback=|| view! { <span class="tag">"In the table's answer"</span> }>
                    <button type="button" class="button small"
                        aria-label=format!("Use Pair {pair}'s “{short}” in Table {label}'s shared answer")
                        on:click=move |_| copy(AnswerBox::TableConsensus(table))>"Use in the table's answer"</button>
                </Show>
                <Show when=move || !in_minority.get() fallback=|| view! { <span class="tag minority">"In the minority report"</span> }>
                    <button type="button" class="button small"
                        aria-label=format!("Add Pair {pair}'s “{}” to Table {}'s minority report", shorten(&words.get_value()), table_label(table))
                        on:click=move |_| copy(AnswerBox::TableMinority(table))>"Add to the minority report"</button>
                </Show>
            </div>
            <crate::ui::kit::ErrorLine error=error />
        </li>
    }
}

/// The first few words of a long answer, for a button's spoken name.
fn shorten(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 {
        return words.join(" ");
    }
    format!("{}…", words[..8].join(" "))
}

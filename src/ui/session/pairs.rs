//! Step 2 (level 1): pairs, at random or by hand, one trio when numbers are odd; each pair
//! agrees an answer. Answers belong to "Pair 1", never to names.

use super::points::Points;
use super::{read_session, seat_names};
use crate::domain::kiosk::KioskTask;
use crate::domain::session::{AnswerBox, Seat};
use crate::domain::Id;
use crate::state::use_app;
use leptos::prelude::*;

fn seed() -> u64 {
    (js_sys::Math::random() * 9.0e15) as u64 ^ (js_sys::Date::now() as u64)
}

#[component]
pub fn PairsPanel(id: Id) -> impl IntoView {
    let app = use_app();
    let pairs = read_session(id, |s| {
        s.pairs().iter().map(|p| p.number).collect::<Vec<_>>()
    });
    let forgotten = read_session(id, |s| s.seating_forgotten());
    let not_kept = read_session(id, |s| s.seating_not_kept());
    let problems = read_session(id, |s| s.pairing_problems());
    let unseated = read_session(id, |s| s.unseated());
    let error = RwSignal::new(None::<String>);
    let shuffle = move |_| {
        error.set(
            app.edit_session(id, |s| s.form_pairs(seed()))
                .err()
                .map(|e| e.0),
        )
    };
    let clear = move |_| error.set(app.edit_session(id, |s| s.clear_pairs()).err().map(|e| e.0));
    view! {
        <Show when=move || forgotten.get()>
            <p class="note">
                "Who sat in which pair was forgotten when the tables were formed, to protect \
                 privacy. Each pair's answer is still here."
            </p>
        </Show>
        <Show when=move || not_kept.get()>
            <p class="note">
                "Who sat in which pair is not shown after the page is reloaded or opened in \
                 another tab: Peercircle keeps it in memory only and never stores it, to protect \
                 privacy. The pairs and their answers are all here."
            </p>
        </Show>
        <Show when=move || !forgotten.get()>
            <div class="actions">
                <button type="button" class="button primary" on:click=shuffle>
                    {move || if pairs.with(Vec::is_empty) { "Form pairs at random" } else { "Shuffle the pairs again" }}
                </button>
                <Show when=move || pairs.with(|p| !p.is_empty())>
                    <button type="button" class="button" on:click=clear>"Clear the pairs"</button>
                </Show>
            </div>
            <Show when=move || !not_kept.get() && unseated.with(|u| !u.is_empty())>
                <Unseated id=id />
            </Show>
        </Show>
        <crate::ui::kit::ErrorLine error=error />
        <Show when=move || problems.with(|p| !p.is_empty())>
            <ul class="problems">
                {move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
        </Show>
        <Show when=move || pairs.with(|p| !p.is_empty())>
            <crate::ui::kiosk::start::KioskStart task=KioskTask::PairAnswers { session: id } what="pair answers" />
        </Show>
        <ul class="pair-grid" role="list">
            <For each=move || pairs.get() key=|n| *n let:n>
                <PairCard id=id number=n />
            </For>
        </ul>
    }
}

#[component]
fn Unseated(id: Id) -> impl IntoView {
    let names = seat_names(id);
    let unseated = read_session(id, |s| s.unseated());
    let pairs = read_session(id, |s| {
        s.pairs().iter().map(|p| p.number).collect::<Vec<_>>()
    });
    view! {
        <fieldset class="checklist">
            <legend>"Not in a pair yet"</legend>
            <ul role="list" class="seat-list">
                {move || unseated.get().into_iter().map(|seat| {
                    let name = names.with(|n| n.iter().find(|(s, _)| *s == seat).map(|(_, n)| n.clone())).unwrap_or_default();
                    view! { <li><MoveSeat id=id seat=seat name=name pairs=pairs.get() current=None /></li> }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

#[component]
fn MoveSeat(
    id: Id,
    seat: Seat,
    name: String,
    pairs: Vec<u32>,
    current: Option<u32>,
) -> impl IntoView {
    let app = use_app();
    let select_id = match seat {
        Seat::Member(m) => format!("move-member-{m}"),
        Seat::Guest(g) => format!("move-guest-{g}"),
    };
    let choose = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let to = if value == "new" {
            None
        } else {
            value.parse::<u32>().ok()
        };
        if value.is_empty() {
            return;
        }
        let _ = app.edit_session(id, |s| s.move_person(seat, to));
    };
    view! {
        <div class="seat">
            <label for=select_id.clone()><strong>{name}</strong><span class="move-to">" · move to"</span></label>
            <select id=select_id on:change=choose>
                <option value="" selected=current.is_none()>"Choose a pair"</option>
                {pairs.into_iter().map(|n| view! {
                    <option value=n.to_string() selected=current == Some(n)>{format!("Pair {n}")}</option>
                }).collect_view()}
                <option value="new">"A new pair"</option>
            </select>
        </div>
    }
}

#[component]
fn PairCard(id: Id, number: u32) -> impl IntoView {
    let names = seat_names(id);
    let members = read_session(id, move |s| s.pair_members(number));
    let pairs = read_session(id, |s| {
        s.pairs().iter().map(|p| p.number).collect::<Vec<_>>()
    });
    let size = read_session(id, move |s| s.pair(number).map(|p| p.size).unwrap_or(0));
    view! {
        <li class="card pair-card">
            <h3>{format!("Pair {number}")}
                <Show when=move || members.with(Vec::len) == 3 || size.get() == 3>
                    <span class="tag">"Trio"</span>
                </Show>
            </h3>
            // Said out loud (or shown) before the tablet goes round: the kiosk asks for it.
            <p class="pair-badge">{format!("You are Pair {number}")}</p>
            <ul role="list" class="seat-list">
                {move || members.get().into_iter().map(|seat| {
                    let name = names.with(|n| n.iter().find(|(s, _)| *s == seat).map(|(_, n)| n.clone())).unwrap_or_default();
                    view! { <li><MoveSeat id=id seat=seat name=name pairs=pairs.get() current=Some(number) /></li> }
                }).collect_view()}
            </ul>
            <Points id=id target=AnswerBox::Pair(number) label=format!("Pair {number}'s agreed answer") />
        </li>
    }
}

//! The flip chart for a projector or a tablet: the question, the step and its clock, the
//! pair and table numbers, and every item with its agreement count, in type readable from
//! the back of a room and fitted to the screen (smaller type, then two columns). It never
//! shows a name, nor a pair's or table's words: it paints a `RoomView`, which cannot hold them.
//!
//! In the facilitator's own window the view is worked out here; a projector window gets it
//! from the facilitator's window (see `room_feed`), so it never needs the passphrase.

use super::chart::AgreementCounter;
use crate::domain::session::{Phase, RoomMessage, RoomView};
use crate::domain::Id;
use crate::state::{use_app, Route, TabRole};
use leptos::html;
use leptos::prelude::*;

/// The display in the facilitator's own window (same tab): counting works here.
#[component]
pub fn DisplayPage(id: Id) -> impl IntoView {
    let app = use_app();
    let clock = super::room_feed::clock_for(id);
    let view = Memo::new(move |_| {
        let clock = clock.get();
        app.ws.with(|ws| ws.room_view(id, clock))
    });
    view! {
        <Show when=move || view.with(Option::is_some) fallback=|| view! { <h1 tabindex="-1">"Session not found"</h1> }>
            <RoomScreen id=id view=view.into() counting=true />
        </Show>
    }
}

/// The display in a window of its own (the projector): it shows what the facilitator's
/// window sends, goes blank while Peercircle is locked, and never asks for the passphrase.
#[component]
pub fn ProjectorWindow(id: Id) -> impl IntoView {
    let app = use_app();
    let feed = super::room_feed::follow(id);
    // Without the lock, this window can also read the session itself (say, reloaded with
    // the facilitator's window closed); the facilitator's window, when it answers, wins.
    let local = Memo::new(move |_| app.ws.with(|ws| ws.room_view(id, None)));
    let view = Memo::new(move |_| match feed.get() {
        Some(RoomMessage::Show { view, .. }) => Some(view),
        Some(RoomMessage::Locked) => None,
        _ => local.get(),
    });
    let waiting = move || match feed.get() {
        Some(RoomMessage::Show { .. }) => None,
        Some(RoomMessage::Locked) => Some((
            "Peercircle is locked",
            "Unlock it on the facilitator's screen. The flip chart comes back here by itself.",
        )),
        Some(RoomMessage::Gone { .. }) => Some((
            "This session is not on this device",
            "It may have been deleted. Close this window.",
        )),
        _ => Some((
            "Waiting for the session",
            "Keep the session open in Peercircle's other window: this screen follows it.",
        )),
    };
    view! {
        <Show
            when=move || view.with(Option::is_some)
            fallback=move || view! {
                <div class="display display-waiting">
                    <h1 tabindex="-1">{move || waiting().map(|w| w.0)}</h1>
                    <p>{move || waiting().map(|w| w.1)}</p>
                </div>
            }
        >
            <RoomScreen id=id view=view.into() counting=false />
        </Show>
    }
}

#[component]
fn RoomScreen(id: Id, view: Signal<Option<RoomView>>, counting: bool) -> impl IntoView {
    let app = use_app();
    let read =
        move |f: fn(&RoomView) -> String| view.with(|v| v.as_ref().map(f).unwrap_or_default());
    let phase = Memo::new(move |_| view.with(|v| v.as_ref().map(|v| v.phase)));
    let clock = Memo::new(move |_| view.with(|v| v.as_ref().and_then(|v| v.clock.clone())));
    let items =
        Memo::new(move |_| view.with(|v| v.as_ref().map(|v| v.items.clone()).unwrap_or_default()));
    let pairs =
        Memo::new(move |_| view.with(|v| v.as_ref().map(|v| v.pairs.clone()).unwrap_or_default()));
    let tables =
        Memo::new(move |_| view.with(|v| v.as_ref().map(|v| v.tables.clone()).unwrap_or_default()));
    let consent =
        Memo::new(move |_| view.with(|v| v.as_ref().and_then(|v| v.consent_question.clone())));
    let guidelines =
        Memo::new(move |_| view.with(|v| v.as_ref().and_then(|v| v.guidelines.clone())));
    let can_count = move || {
        counting && phase.get() == Some(Phase::Agreement) && app.tab.get() == TabRole::Active
    };
    let full_screen = move |_| {
        if let Some(el) = document().document_element() {
            if document().fullscreen_element().is_some() {
                document().exit_fullscreen();
            } else {
                let _ = el.request_fullscreen();
            }
        }
    };
    let list = NodeRef::<html::Ol>::new();
    // Every item stays on screen: after each change, shrink the type, then use two columns.
    Effect::new(move |_| {
        items.track();
        phase.track();
        request_animation_frame(move || fit(list));
    });
    let resized = window_event_listener(leptos::ev::resize, move |_| fit(list));
    on_cleanup(move || resized.remove());
    view! {
        <div class="display">
            <div class="display-bar">
                <a class="button" href=Route::Session(id).href() on:click=move |_| {
                    // A projector window rejoins as an ordinary tab: it reloads and asks
                    // whether another tab is in charge.
                    if app.tab.get_untracked() == TabRole::Viewer {
                        if let Some(w) = web_sys::window() {
                            let _ = w.location().set_hash(&Route::Session(id).href());
                            let _ = w.location().reload();
                        }
                    }
                }>"Back to the session"</a>
                <button type="button" class="button" on:click=full_screen>"Full screen on or off"</button>
                <p class="display-step">{move || read(RoomView::step_line)}</p>
                <Show when=move || clock.with(Option::is_some)>
                    <p class="display-clock" class:done=move || clock.with(|c| c.as_ref().is_some_and(|c| c.done))
                        aria-label=move || clock.with(|c| c.as_ref().map(|c| format!("Time left: {}", c.face)))>
                        {move || clock.get().map(|c| c.face)}
                    </p>
                </Show>
            </div>
            {move || guidelines.get().map(|g| view! {
                <div class="display-guidelines">
                    <super::guidelines::GuidelinesCard guidelines=*g heading_id="display-guidelines-title" top=true />
                </div>
            })}
            <Show when=move || guidelines.with(Option::is_none)>
            <h1 tabindex="-1" class="display-question">{move || read(|v| v.question.clone())}</h1>
            <Show when=move || consent.with(Option::is_some)>
                <p class="display-consent">{move || consent.get()}</p>
            </Show>
            <Show when=move || pairs.with(|p| !p.is_empty())>
                <h2 class="display-sub">"Pairs: each pair has its number"</h2>
                <ul class="display-numbers" role="list" aria-label="Pairs">
                    {move || pairs.get().into_iter().map(|p| view! {
                        <li class:answered=p.answered>
                            <span class="display-number">{format!("Pair {}", p.number)}</span>
                            {p.trio.then_some(view! { <span class="tag">"trio"</span> })}
                            {p.answered.then_some(view! { <span class="tag">"answer in"</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
            <Show when=move || tables.with(|t| !t.is_empty())>
                <h2 class="display-sub">"Tables"</h2>
                <ul class="display-numbers" role="list" aria-label="Tables">
                    {move || tables.get().into_iter().map(|t| view! {
                        <li class:answered=t.answered>
                            <span class="display-number">{format!("Table {}", t.label)}</span>
                            <span>{pairs_in_words(&t.pairs)}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
            <Show
                when=move || !items.with(Vec::is_empty)
                fallback=move || view! {
                    <Show when=move || pairs.with(Vec::is_empty) && tables.with(Vec::is_empty)>
                        <p class="display-empty">"The flip chart is empty so far."</p>
                    </Show>
                }
            >
                <ol class="display-items" role="list" aria-label="Flip chart" node_ref=list>
                    <For each=move || items.get() key=|i| i.clone() let:i>
                        <li>
                            <Show
                                when=can_count
                                fallback={
                                    let i = i.clone();
                                    move || view! {
                                        <p class="display-text">{format!("{}. {}", i.shown, i.text)}
                                            {i.minority.then(|| view! { " "<span class="tag minority">"Minority report"</span> })}
                                            {i.stays_in_room.then(|| view! { " "<span class="tag internal">"Stays in this room"</span> })}
                                        </p>
                                        <p class="display-count">{match i.agree { 1 => "1 agrees".to_string(), n => format!("{n} agree") }}</p>
                                    }
                                }
                            >
                                <AgreementCounter id=id number=i.id large=true />
                            </Show>
                        </li>
                    </For>
                </ol>
            </Show>
            </Show>
        </div>
    }
}

/// "Pairs 1 and 2", "Pairs 3, 4 and 5", "Pair 6".
fn pairs_in_words(pairs: &[u32]) -> String {
    let numbers: Vec<String> = pairs.iter().map(u32::to_string).collect();
    match numbers.as_slice() {
        [] => String::new(),
        [one] => format!("Pair {one}"),
        [rest @ .., last] => format!("Pairs {} and {last}", rest.join(", ")),
    }
}

/// Shrinks the list's type until its last item is above the bottom of the screen; below a
/// readable size it switches to two columns and tries again.
fn fit(list: NodeRef<html::Ol>) {
    let Some(list) = list.get_untracked() else {
        return;
    };
    let bottom_limit = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
        - 8.0;
    let list: &web_sys::HtmlElement = &list;
    let style = web_sys::HtmlElement::style(list);
    let overflows = || list.get_bounding_client_rect().bottom() > bottom_limit;
    let (mut columns, mut scale) = (1u8, 1.0_f64);
    for _ in 0..40 {
        let _ = style.set_property("--fit", &format!("{scale:.2}"));
        let _ = list
            .class_list()
            .toggle_with_force("two-columns", columns == 2);
        if !overflows() {
            return;
        }
        if columns == 1 && scale > 0.8 {
            scale -= 0.05;
        } else if columns == 1 {
            (columns, scale) = (2, 1.0);
        } else if scale > 0.4 {
            scale -= 0.05;
        } else {
            return;
        }
    }
}

//! The facilitator's window tells a projector window what to show, over a channel between
//! windows of this browser (nothing is stored, nothing leaves the device). The projector asks
//! for a session; the window in charge answers with its `RoomView` whenever it changes (the
//! clock included), and says "locked" while Peercircle is locked, so locking and unlocking
//! the facilitator's window locks and unlocks the projector too.

use super::timer::use_timers;
use crate::domain::session::{RoomClock, RoomMessage};
use crate::domain::Id;
use crate::state::{AppState, LockView, TabRole};
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

const CHANNEL: &str = "peercircle-room";

/// The clock of a session's current step, as the room sees it.
pub fn clock_for(id: Id) -> Signal<Option<RoomClock>> {
    let timers = use_timers();
    let app = crate::state::use_app();
    Signal::derive(move || {
        let phase = app.ws.with(|ws| ws.session(id).map(|s| s.phase()))?;
        let now = timers.now.get();
        timers.timers.with(|t| {
            t.get(&(id, phase))
                .filter(|c| c.is_set())
                .map(|c| RoomClock {
                    face: c.clock(now),
                    done: c.is_finished(now),
                })
        })
    })
}

/// In the facilitator's window: answers projector windows (browser only).
pub fn serve(app: AppState) {
    if app.tab.get_untracked() == TabRole::Viewer {
        return;
    }
    let wanted = RwSignal::new(BTreeSet::<Id>::new());
    let sent = StoredValue::new(BTreeMap::<Id, String>::new());
    let timers = use_timers();
    let Some(channel) = open(move |text| {
        if let Some(session) = RoomMessage::wanted(text) {
            // Asked again (a projector window opened or reloaded): send even if unchanged.
            sent.update_value(|s| {
                s.remove(&session);
            });
            wanted.update(|w| {
                w.insert(session);
            });
        }
    }) else {
        return;
    };
    Effect::new(move |_| {
        let ids = wanted.get();
        // Only the tab in charge speaks: another tab's copy may be out of date.
        if ids.is_empty() || app.tab.get() != TabRole::Active {
            return;
        }
        let locked = app.lock.get() == LockView::Locked;
        let now = timers.now.get();
        for id in ids {
            let message = if locked {
                RoomMessage::Locked
            } else {
                app.ws.with(|ws| match ws.session(id) {
                    Some(s) => {
                        let clock = timers.timers.with(|t| {
                            t.get(&(id, s.phase()))
                                .filter(|c| c.is_set())
                                .map(|c| RoomClock {
                                    face: c.clock(now),
                                    done: c.is_finished(now),
                                })
                        });
                        match ws.room_view(id, clock) {
                            Some(view) => RoomMessage::Show { session: id, view },
                            None => RoomMessage::Gone { session: id },
                        }
                    }
                    None => RoomMessage::Gone { session: id },
                })
            };
            let text = message.encode();
            if sent.with_value(|s| s.get(&id) != Some(&text)) {
                post(&channel, &text);
                sent.update_value(|s| {
                    s.insert(id, text);
                });
            }
        }
    });
}

/// In a projector window: asks for the session now and every few seconds (the facilitator's
/// window may reload, or hand over to another tab), and keeps the latest answer.
pub fn follow(id: Id) -> RwSignal<Option<RoomMessage>> {
    let feed = RwSignal::new(None::<RoomMessage>);
    let Some(channel) = open(move |text| match RoomMessage::decode(text) {
        Some(message @ (RoomMessage::Show { session, .. } | RoomMessage::Gone { session }))
            if session == id =>
        {
            feed.set(Some(message));
        }
        Some(message @ RoomMessage::Locked) => feed.set(Some(message)),
        _ => {}
    }) else {
        return feed;
    };
    let ask = RoomMessage::Want { session: id }.encode();
    post(&channel, &ask);
    if let Ok(handle) = set_interval_with_handle(
        move || post(&channel, &ask),
        std::time::Duration::from_secs(3),
    ) {
        on_cleanup(move || handle.clear());
    }
    feed
}

#[cfg(target_arch = "wasm32")]
type Channel = web_sys::BroadcastChannel;
#[cfg(not(target_arch = "wasm32"))]
type Channel = ();

#[cfg(target_arch = "wasm32")]
fn open(on_message: impl Fn(&str) + 'static) -> Option<Channel> {
    use wasm_bindgen::prelude::*;
    let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
    let handler =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let Some(text) = ev.data().as_string() {
                on_message(&text);
            }
        });
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The channel lives as long as the page.
    handler.forget();
    Some(channel)
}

#[cfg(not(target_arch = "wasm32"))]
fn open(_on_message: impl Fn(&str) + 'static) -> Option<Channel> {
    let _ = CHANNEL;
    None
}

#[cfg(target_arch = "wasm32")]
fn post(channel: &Channel, text: &str) {
    let _ = channel.post_message(&wasm_bindgen::JsValue::from_str(text));
}

#[cfg(not(target_arch = "wasm32"))]
fn post(_channel: &Channel, _text: &str) {}

//! Two tabs on the same data must never overwrite each other. Tabs talk over a
//! BroadcastChannel: the tab already open stays in charge, a newer one only shows the data
//! until the person chooses "Use Peercircle here", which hands over cleanly.

use super::AppState;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TabRole {
    /// This tab reads and saves.
    Active,
    /// Another tab is in charge; this one changes nothing.
    Elsewhere,
    /// This tab asked to take over and is waiting for the other to let go.
    TakingOver,
    /// A flip-chart display opened in a window of its own (say, on the projector): it only
    /// shows, follows the tab in charge as it saves, and never takes part in the hand-over.
    Viewer,
}

impl TabRole {
    /// Another tab is in charge and this one is waiting, not a viewer.
    pub fn is_shut_out(self) -> bool {
        matches!(self, TabRole::Elsewhere | TabRole::TakingOver)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TabMessage {
    Hello(String),
    InCharge(String),
    TakeOver(String),
    Released(String),
}

impl TabMessage {
    pub fn encode(&self) -> String {
        let (kind, id) = match self {
            TabMessage::Hello(id) => ("hello", id),
            TabMessage::InCharge(id) => ("in-charge", id),
            TabMessage::TakeOver(id) => ("take-over", id),
            TabMessage::Released(id) => ("released", id),
        };
        format!("{kind}:{id}")
    }

    pub fn decode(text: &str) -> Option<TabMessage> {
        let (kind, id) = text.split_once(':')?;
        let id = id.to_string();
        Some(match kind {
            "hello" => TabMessage::Hello(id),
            "in-charge" => TabMessage::InCharge(id),
            "take-over" => TabMessage::TakeOver(id),
            "released" => TabMessage::Released(id),
            _ => return None,
        })
    }

    fn sender(&self) -> &str {
        match self {
            TabMessage::Hello(id)
            | TabMessage::InCharge(id)
            | TabMessage::TakeOver(id)
            | TabMessage::Released(id) => id,
        }
    }
}

/// What a tab must do after a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reaction {
    pub role: TabRole,
    pub reply: Option<TabMessage>,
    /// Save everything pending before letting go.
    pub flush: bool,
    /// Reload to pick up what the other tab saved.
    pub reload: bool,
}

/// The whole protocol, pure: how a tab in `role` reacts to `message`.
pub fn react(role: TabRole, me: &str, message: &TabMessage) -> Reaction {
    let mut out = Reaction {
        role,
        reply: None,
        flush: false,
        reload: false,
    };
    if message.sender() == me {
        return out;
    }
    match (role, message) {
        (TabRole::Active, TabMessage::Hello(_)) => {
            out.reply = Some(TabMessage::InCharge(me.to_string()));
        }
        (TabRole::Active, TabMessage::InCharge(_)) => out.role = TabRole::Elsewhere,
        (TabRole::Active, TabMessage::TakeOver(_)) => {
            out.flush = true;
            out.role = TabRole::Elsewhere;
            out.reply = Some(TabMessage::Released(me.to_string()));
        }
        (TabRole::TakingOver, TabMessage::Released(_)) => out.reload = true,
        _ => {}
    }
    out
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static LINK: RefCell<Option<(web_sys::BroadcastChannel, String)>> =
            const { RefCell::new(None) };
    }

    fn post(message: &TabMessage) {
        LINK.with(|link| {
            if let Some((channel, _)) = link.borrow().as_ref() {
                let _ = channel.post_message(&JsValue::from_str(&message.encode()));
            }
        });
    }

    fn reload() {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    }

    pub fn watch(state: AppState) {
        if let crate::state::Route::Display(_) = state.route.get_untracked() {
            state.tab.set(TabRole::Viewer);
            follow_as_viewer(state);
            return;
        }
        let Ok(channel) = web_sys::BroadcastChannel::new("peercircle") else {
            return;
        };
        let me = format!("{:x}", (js_sys::Math::random() * 1e15) as u64);
        let id = me.clone();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let Some(message) = ev.data().as_string().and_then(|t| TabMessage::decode(&t))
                else {
                    return;
                };
                let reaction = react(state.tab.get_untracked(), &id, &message);
                if reaction.flush {
                    state.flush();
                }
                state.tab.set(reaction.role);
                if let Some(reply) = reaction.reply {
                    post(&reply);
                }
                if reaction.reload {
                    reload();
                }
            });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        LINK.with(|link| *link.borrow_mut() = Some((channel, me.clone())));
        post(&TabMessage::Hello(me));

        // A safety net for writers that do not speak the protocol (an older Peercircle).
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            let ours = ev
                .key()
                .is_some_and(|k| k.starts_with(crate::persist::records::PREFIX));
            if ours && state.tab.get_untracked() == TabRole::Active {
                state.tab.set(TabRole::Elsewhere);
            }
        });
        std::mem::forget(handle);
    }

    /// Re-reads each record the tab in charge saves, so a display window stays live.
    fn follow_as_viewer(state: AppState) {
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if let Some(key) = ev.key() {
                state.refresh_record(&key);
            }
        });
        std::mem::forget(handle);
    }

    pub fn take_over(state: AppState) {
        let me = LINK.with(|link| link.borrow().as_ref().map(|(_, me)| me.clone()));
        let Some(me) = me else {
            state.tab.set(TabRole::Active);
            return;
        };
        state.tab.set(TabRole::TakingOver);
        post(&TabMessage::TakeOver(me));
        // If the other tab was closed or frozen, nobody answers: go ahead after a moment.
        set_timeout(
            move || {
                if state.tab.get_untracked() == TabRole::TakingOver {
                    reload();
                }
            },
            std::time::Duration::from_millis(1200),
        );
    }
}

/// Starts listening for other tabs (browser only).
pub fn watch(state: AppState) {
    #[cfg(target_arch = "wasm32")]
    browser::watch(state);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = state;
}

/// "Use Peercircle here": asks the tab in charge to save and let go, then reloads.
pub fn take_over(state: AppState) {
    #[cfg(target_arch = "wasm32")]
    browser::take_over(state);
    #[cfg(not(target_arch = "wasm32"))]
    state.tab.set(TabRole::Active);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip() {
        for m in [
            TabMessage::Hello("a".into()),
            TabMessage::InCharge("b".into()),
            TabMessage::TakeOver("c".into()),
            TabMessage::Released("d".into()),
        ] {
            assert_eq!(TabMessage::decode(&m.encode()), Some(m));
        }
        assert_eq!(TabMessage::decode("nonsense"), None);
        assert_eq!(TabMessage::decode("shout:x"), None);
    }

    #[test]
    fn the_tab_already_open_stays_in_charge() {
        let first = react(TabRole::Active, "old", &TabMessage::Hello("new".into()));
        assert_eq!(first.role, TabRole::Active);
        assert_eq!(first.reply, Some(TabMessage::InCharge("old".into())));
        let second = react(TabRole::Active, "new", &TabMessage::InCharge("old".into()));
        assert_eq!(second.role, TabRole::Elsewhere);
        assert_eq!(second.reply, None);
    }

    #[test]
    fn taking_over_saves_first_then_hands_over() {
        let old = react(TabRole::Active, "old", &TabMessage::TakeOver("new".into()));
        assert!(old.flush);
        assert_eq!(old.role, TabRole::Elsewhere);
        assert_eq!(old.reply, Some(TabMessage::Released("old".into())));
        let new = react(
            TabRole::TakingOver,
            "new",
            &TabMessage::Released("old".into()),
        );
        assert!(new.reload);
    }

    #[test]
    fn a_tab_not_in_charge_neither_answers_nor_hands_over() {
        let r = react(TabRole::Elsewhere, "b", &TabMessage::Hello("c".into()));
        assert_eq!(r.reply, None);
        let r = react(TabRole::Elsewhere, "b", &TabMessage::TakeOver("c".into()));
        assert!(!r.flush && r.reply.is_none());
    }

    #[test]
    fn a_viewer_never_answers_nor_takes_charge() {
        for m in [
            TabMessage::Hello("x".into()),
            TabMessage::InCharge("x".into()),
            TabMessage::TakeOver("x".into()),
            TabMessage::Released("x".into()),
        ] {
            let r = react(TabRole::Viewer, "v", &m);
            assert_eq!(
                r,
                Reaction {
                    role: TabRole::Viewer,
                    reply: None,
                    flush: false,
                    reload: false
                }
            );
        }
        assert!(!TabRole::Viewer.is_shut_out());
        assert!(TabRole::Elsewhere.is_shut_out());
    }

    #[test]
    fn a_tab_ignores_its_own_echo() {
        let r = react(TabRole::Active, "a", &TabMessage::InCharge("a".into()));
        assert_eq!(r.role, TabRole::Active);
    }
}

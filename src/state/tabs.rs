//! Two tabs on the same data must never overwrite each other. Tabs talk over a
//! BroadcastChannel: the tab already open stays in charge, a newer one only shows the data
//! until the person chooses "Use Peercircle here". The hand-over is acknowledged: the tab
//! in charge saves first, and lets go (its lock, `tablock`) only once everything is
//! saved; one whose work cannot be saved (storage full) refuses and stays in charge. The
//! new tab waits for the lock however long the other is busy, and never guesses.

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
    /// The tab in charge could not save everything, so it keeps charge (and the work).
    Refused(String),
}

impl TabMessage {
    pub fn encode(&self) -> String {
        let (kind, id) = match self {
            TabMessage::Hello(id) => ("hello", id),
            TabMessage::InCharge(id) => ("in-charge", id),
            TabMessage::TakeOver(id) => ("take-over", id),
            TabMessage::Released(id) => ("released", id),
            TabMessage::Refused(id) => ("refused", id),
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
            "refused" => TabMessage::Refused(id),
            _ => return None,
        })
    }

    fn sender(&self) -> &str {
        match self {
            TabMessage::Hello(id)
            | TabMessage::InCharge(id)
            | TabMessage::TakeOver(id)
            | TabMessage::Released(id)
            | TabMessage::Refused(id) => id,
        }
    }
}

/// What a tab must do after a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reaction {
    pub role: TabRole,
    pub reply: Option<TabMessage>,
    /// Let go of the in-charge lock (everything is saved).
    pub release: bool,
    /// Reload to pick up what the other tab saved (browsers without the lock).
    pub reload: bool,
    /// The tab in charge refused to let go: say why.
    pub refused: bool,
}

/// What a tab shows after the tab in charge refused to let go.
pub const REFUSED_NOTE: &str = "The other tab could not save its latest changes (this \
    device's storage may be full), so it stays in charge and keeps them on its screen. Make \
    room and save there, or close it: this tab takes over as soon as it is closed.";

/// The whole protocol, pure: how a tab in `role` reacts to `message`. A tab in charge
/// saves before it reacts to a take-over; `unsaved` says whether anything is still not
/// saved after that.
pub fn react(role: TabRole, me: &str, message: &TabMessage, unsaved: bool) -> Reaction {
    let mut out = Reaction {
        role,
        reply: None,
        release: false,
        reload: false,
        refused: false,
    };
    if message.sender() == me {
        return out;
    }
    match (role, message) {
        (TabRole::Active, TabMessage::Hello(_)) => {
            out.reply = Some(TabMessage::InCharge(me.to_string()));
        }
        (TabRole::Active, TabMessage::InCharge(_)) => out.role = TabRole::Elsewhere,
        (TabRole::Active, TabMessage::TakeOver(_)) if unsaved => {
            out.reply = Some(TabMessage::Refused(me.to_string()));
        }
        (TabRole::Active, TabMessage::TakeOver(_)) => {
            out.role = TabRole::Elsewhere;
            out.release = true;
            out.reply = Some(TabMessage::Released(me.to_string()));
        }
        (TabRole::TakingOver, TabMessage::Released(_)) => out.reload = true,
        (TabRole::TakingOver, TabMessage::Refused(_)) => {
            out.role = TabRole::Elsewhere;
            out.refused = true;
        }
        _ => {}
    }
    out
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::super::tablock;
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

    fn respond(state: AppState, id: &str, message: &TabMessage) {
        let role = state.tab.get_untracked();
        let reaction = react(role, id, message, state.unsaved_work_untracked());
        state.tab.set(reaction.role);
        if reaction.release {
            tablock::release();
        }
        if reaction.refused {
            state.tab_note.set(Some(REFUSED_NOTE.to_string()));
        }
        if let Some(reply) = reaction.reply {
            post(&reply);
        }
        if reaction.reload && (!tablock::supported() || tablock::held()) {
            tablock::mark_taking_over();
            reload();
        }
    }

    pub fn watch(state: AppState) {
        if let crate::state::Route::Display(_) = state.route.get_untracked() {
            state.tab.set(TabRole::Viewer);
            follow_as_viewer(state);
            return;
        }
        super::super::guard::watch(state);
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
                let role = state.tab.get_untracked();
                if role == TabRole::Active && matches!(message, TabMessage::TakeOver(_)) {
                    // Save first: the hand-over waits for this tab's work to be on disk (or
                    // refused), however slow.
                    state.flush();
                    let id = id.clone();
                    state.when_settled(move || respond(state, &id, &message));
                } else {
                    respond(state, &id, &message);
                }
            });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        LINK.with(|link| *link.borrow_mut() = Some((channel, me.clone())));
        // Every tab queues for the lock; who is in charge is settled by the messages, and
        // the lock is what a take-over waits for. (A reloaded page gets it as soon as its
        // old self unloads.)
        let reloaded_to_take_over = tablock::was_taking_over();
        if reloaded_to_take_over {
            state.tab.set(TabRole::TakingOver);
        }
        tablock::request(false, move |_| granted(state, reloaded_to_take_over));
        post(&TabMessage::Hello(me));

        // A safety net for writers that do not speak the protocol (an older Peercircle).
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            let key = ev.key();
            let ours = key
                .as_deref()
                .is_some_and(|k| k.starts_with(crate::persist::records::PREFIX));
            let cleared = key.is_none()
                || (key.as_deref() == Some(crate::persist::sentinel::SENTINEL_KEY)
                    && ev.new_value().is_none());
            if cleared {
                // Another tab or window cleared the storage: write everything back now.
                state.check_storage();
            } else if ours && state.tab.get_untracked() == TabRole::Active {
                state.tab.set(TabRole::Elsewhere);
            }
        });
        std::mem::forget(handle);
    }

    /// The lock came: a page reloaded to take over is now in charge; a tab waiting to take
    /// over (the other let go, or was closed) reloads to read what it saved.
    fn granted(state: AppState, reloaded_to_take_over: bool) {
        if reloaded_to_take_over {
            state.tab.set(TabRole::Active);
        } else if state.tab.get_untracked() == TabRole::TakingOver {
            tablock::mark_taking_over();
            reload();
        }
    }

    /// Re-reads each record the tab in charge saves, so a display window stays live.
    fn follow_as_viewer(state: AppState) {
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if let Some(key) = ev.key() {
                state.refresh_record(&key);
            }
        });
        std::mem::forget(handle);
        crate::persist::idb::on_change(move |key| state.refresh_record(key));
    }

    pub fn take_over(state: AppState) {
        let me = LINK.with(|link| link.borrow().as_ref().map(|(_, me)| me.clone()));
        let Some(me) = me else {
            state.tab.set(TabRole::Active);
            return;
        };
        state.tab.set(TabRole::TakingOver);
        state.tab_note.set(None);
        post(&TabMessage::TakeOver(me));
        if tablock::supported() {
            if tablock::held() {
                // Already holding it (a writer outside the protocol shut this tab out).
                tablock::mark_taking_over();
                reload();
                return;
            }
            // Granted only once the tab in charge saved and let go, or was closed; a
            // request already waiting (from the start) does the same.
            tablock::request(false, move |_| granted(state, false));
            return;
        }
        // Without the lock: if the other tab was closed, nobody answers; go on after a while.
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
            TabMessage::Refused("e".into()),
        ] {
            assert_eq!(TabMessage::decode(&m.encode()), Some(m));
        }
        assert_eq!(TabMessage::decode("nonsense"), None);
        assert_eq!(TabMessage::decode("shout:x"), None);
    }

    #[test]
    fn the_tab_already_open_stays_in_charge() {
        let first = react(
            TabRole::Active,
            "old",
            &TabMessage::Hello("new".into()),
            false,
        );
        assert_eq!(first.role, TabRole::Active);
        assert_eq!(first.reply, Some(TabMessage::InCharge("old".into())));
        let second = react(
            TabRole::Active,
            "new",
            &TabMessage::InCharge("old".into()),
            false,
        );
        assert_eq!(second.role, TabRole::Elsewhere);
        assert_eq!(second.reply, None);
    }

    #[test]
    fn a_tab_with_everything_saved_lets_go_and_says_so() {
        let old = react(
            TabRole::Active,
            "old",
            &TabMessage::TakeOver("new".into()),
            false,
        );
        assert!(old.release);
        assert_eq!(old.role, TabRole::Elsewhere);
        assert_eq!(old.reply, Some(TabMessage::Released("old".into())));
        let new = react(
            TabRole::TakingOver,
            "new",
            &TabMessage::Released("old".into()),
            false,
        );
        assert!(new.reload);
    }

    #[test]
    fn a_tab_whose_work_cannot_be_saved_keeps_charge_and_the_other_is_told() {
        let old = react(
            TabRole::Active,
            "old",
            &TabMessage::TakeOver("new".into()),
            true,
        );
        assert!(!old.release, "never lets go of unsaved work");
        assert_eq!(old.role, TabRole::Active);
        assert_eq!(old.reply, Some(TabMessage::Refused("old".into())));
        let new = react(
            TabRole::TakingOver,
            "new",
            &TabMessage::Refused("old".into()),
            false,
        );
        assert!(new.refused && !new.reload);
        assert_eq!(new.role, TabRole::Elsewhere);
    }

    #[test]
    fn a_tab_not_in_charge_neither_answers_nor_hands_over() {
        let r = react(
            TabRole::Elsewhere,
            "b",
            &TabMessage::Hello("c".into()),
            false,
        );
        assert_eq!(r.reply, None);
        let r = react(
            TabRole::Elsewhere,
            "b",
            &TabMessage::TakeOver("c".into()),
            false,
        );
        assert!(!r.release && r.reply.is_none());
    }

    #[test]
    fn a_viewer_never_answers_nor_takes_charge() {
        for m in [
            TabMessage::Hello("x".into()),
            TabMessage::InCharge("x".into()),
            TabMessage::TakeOver("x".into()),
            TabMessage::Released("x".into()),
            TabMessage::Refused("x".into()),
        ] {
            let r = react(TabRole::Viewer, "v", &m, true);
            assert_eq!(
                r,
                Reaction {
                    role: TabRole::Viewer,
                    reply: None,
                    release: false,
                    reload: false,
                    refused: false,
                }
            );
        }
        assert!(!TabRole::Viewer.is_shut_out());
        assert!(TabRole::Elsewhere.is_shut_out());
    }

    #[test]
    fn a_tab_ignores_its_own_echo() {
        let r = react(
            TabRole::Active,
            "a",
            &TabMessage::TakeOver("a".into()),
            false,
        );
        assert_eq!(r.role, TabRole::Active);
        assert!(!r.release);
    }
}

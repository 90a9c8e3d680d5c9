//! The unlock screen, shown instead of everything while the lock is on and closed, and
//! auto-lock after a quiet spell.

use super::wipe::WipeForm;
use super::{slow_step, PassphraseInput};
use crate::state::{use_app, AppState, LockView};
use crate::ui::kit::ErrorLine;
use leptos::prelude::*;
use std::time::Duration;

/// Shown instead of everything else while the lock is on and closed.
#[component]
pub fn UnlockScreen() -> impl IntoView {
    let app = use_app();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let forgot = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        if passphrase.with_untracked(String::is_empty) {
            error.set(Some("Please type the passphrase.".to_string()));
            return;
        }
        slow_step(
            busy,
            error,
            move || app.unlock(&passphrase.get_untracked()),
            move |()| {
                passphrase.set(String::new());
                crate::ui::focus_heading();
            },
        );
    };
    view! {
        <section class="unlock" aria-labelledby="unlock-title">
            <img src="./icon.svg" alt="" width="64" height="64" />
            <h1 id="unlock-title" tabindex="-1">"Peercircle is locked"</h1>
            <p>"The data on this device is protected with a passphrase. Type it to open Peercircle."</p>
            <form on:submit=submit>
                <PassphraseInput id="unlock-passphrase" label="Passphrase" value=passphrase />
                <ErrorLine error=error />
                <button type="submit" class="button primary" disabled=move || busy.get()>
                    {move || if busy.get() { "Unlocking…" } else { "Unlock" }}
                </button>
            </form>
            <button type="button" class="link-button" aria-expanded=move || forgot.get().to_string()
                on:click=move |_| forgot.update(|f| *f = !*f)>"Forgot the passphrase?"</button>
            <Show when=move || forgot.get()>
                <div class="panel">
                    <p>
                        "Without the passphrase, nobody can open this data: not Peercircle, not \
                         your IT team. If you have a backup file, you can wipe this device and \
                         restore the backup."
                    </p>
                    <WipeForm />
                </div>
            </Show>
        </section>
    }
}

/// Why auto-lock is holding off, shown at the top of every screen until it can lock.
#[derive(Clone, Copy)]
pub struct AutoLockHeld(pub RwSignal<Option<String>>);

const HELD: &str = "Peercircle has not locked by itself, because some changes are not saved \
                    yet and locking now would lose them. Choose \u{201c}Try saving again\u{201d} at the \
                    top of the page; Peercircle locks as soon as everything is saved.";

/// Locks after the chosen minutes without a tap or key, also counting time the page was
/// hidden. Checks every few seconds and whenever the page comes back into view. It saves
/// first, and waits (saying why) while something cannot be saved; it also waits while a
/// session's step timer runs, since the room is watching the clock, not touching the screen.
pub fn watch_idle(app: AppState, timers: Option<crate::ui::session::timer::SessionTimers>) {
    let held = AutoLockHeld(RwSignal::new(None));
    provide_context(held);
    let last = StoredValue::new(js_sys::Date::now());
    let touch = move || last.set_value(js_sys::Date::now());
    let check = move || {
        // A tablet handed over in kiosk mode stays open for the room: the kiosk shows no
        // data, clears itself between people and needs the PIN to leave, and a lock screen
        // would stop the next pair from answering.
        let in_kiosk = app
            .ws
            .with_untracked(|ws| ws.settings.kiosk.active.is_some());
        let timing = timers.is_some_and(|t| t.any_running());
        if app.lock.get_untracked() != LockView::Open || in_kiosk || timing {
            touch();
            held.0.set(None);
            return;
        }
        let minutes = app.ws.with_untracked(|ws| ws.settings.lock_after());
        let idle = js_sys::Date::now() - last.get_value();
        if idle < f64::from(minutes) * 60_000.0 {
            return;
        }
        match app.lock_now() {
            Ok(()) => {
                touch();
                held.0.set(None);
            }
            Err(_) => held.0.set(Some(HELD.to_string())),
        }
    };
    for event in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
        let handle = window_event_listener_untyped(event, move |_| touch());
        on_cleanup(move || handle.remove());
    }
    let shown = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            check();
        }
    });
    on_cleanup(move || shown.remove());
    if let Ok(handle) = set_interval_with_handle(check, Duration::from_secs(5)) {
        on_cleanup(move || handle.clear());
    }
}

/// "Peercircle has not locked by itself, because…": shown while auto-lock is holding off.
#[component]
pub fn AutoLockNotice() -> impl IntoView {
    let held = use_context::<AutoLockHeld>().map(|h| h.0);
    let reason = move || held.and_then(|h| h.get());
    view! {
        <Show when=move || reason().is_some()>
            <div class="banner warn" role="alert"><p>{reason}</p></div>
        </Show>
    }
}

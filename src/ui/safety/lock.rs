//! Settings: the device lock (turning it on or off, a new passphrase, when it locks itself).

use super::{slow_step, NewPassphrase, NewPassphraseFields, PassphraseInput};
use crate::domain::workspace::LOCK_AFTER_CHOICES;
use crate::state::{use_app, LockView, Refusal};
use crate::ui::kit::{ErrorLine, Field};
use leptos::prelude::*;

/// Settings: the device lock.
#[component]
pub fn LockPanel() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="panel" aria-labelledby="lock-title" id="lock">
            <h2 id="lock-title">"Protect this device's data with a passphrase"</h2>
            <Show when=move || app.lock.get() == LockView::Off fallback=LockIsOn>
                <TurnLockOn />
            </Show>
        </section>
    }
}

#[component]
fn TurnLockOn() -> impl IntoView {
    let app = use_app();
    let passphrase = NewPassphrase::new();
    let understood = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if passphrase.refused() {
            return;
        }
        if !understood.get_untracked() {
            passphrase.error.set(Some(
                "Please tick the box to say you understand the passphrase cannot be recovered."
                    .to_string(),
            ));
            return;
        }
        passphrase.slow_step(move |first| app.turn_lock_on(first), |()| {});
    };
    let busy = passphrase.busy;
    view! {
        <p>
            "With the lock on, everything Peercircle keeps on this device is encrypted, and \
             Peercircle asks for the passphrase when it opens and after it has not been used \
             for a while. Someone who picks up this device cannot read your programmes, \
             rosters or notes."
        </p>
        <p class="notice">
            <strong>"There is no way to recover the data without the passphrase."</strong>
            " Nobody can reset it: not Peercircle, not your IT team. Choose one you will \
              remember, write it somewhere safe, and save a backup file too."
        </p>
        <form on:submit=submit>
            <NewPassphraseFields prefix="lock" passphrase=passphrase
                first_label="Passphrase" again_label="Type the passphrase again"
                hint="At least 8 characters. A short sentence is easier to remember than a code." />
            <p>
                <label class="check">
                    <input type="checkbox" prop:checked=move || understood.get()
                        on:change=move |ev| understood.set(event_target_checked(&ev)) />
                    "I understand that if I forget this passphrase, the data on this device cannot be opened."
                </label>
            </p>
            <ErrorLine error=passphrase.error />
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { "Encrypting…" } else { "Turn on the lock" }}
            </button>
        </form>
    }
}

#[component]
fn LockIsOn() -> impl IntoView {
    let app = use_app();
    let lock_error = RwSignal::new(None::<String>);
    let lock = move |_| match app.lock_now() {
        Ok(()) => lock_error.set(None),
        Err(e) => lock_error.set(Some(e.0)),
    };
    let minutes = move || app.ws.with(|ws| ws.settings.lock_after());
    let choose = move |ev: leptos::ev::Event| {
        if let Ok(m) = event_target_value(&ev).parse::<u32>() {
            let _ = app.change(|ws| {
                ws.settings.lock_after_minutes = m;
                Ok::<_, Refusal>(())
            });
        }
    };
    view! {
        <p class="ok" role="status">
            "The lock is on. Everything Peercircle keeps on this device is encrypted with your \
             passphrase, using strong, standard encryption (the details for your IT team are in \
             the README)."
        </p>
        <Field id="lock-after" label="Lock by itself after">
            <select id="lock-after" on:change=choose>
                {LOCK_AFTER_CHOICES.into_iter().map(|m| {
                    let label = if m == 1 { "1 minute".to_string() } else { format!("{m} minutes") };
                    view! { <option value=m.to_string() selected=move || minutes() == m>{label}</option> }
                }).collect_view()}
            </select>
            <p class="hint">"without a tap or a key press, or hidden in the background for that long."</p>
        </Field>
        <button type="button" class="button" on:click=lock>"Lock now"</button>
        <ErrorLine error=lock_error />
        <ChangePassphrase />
        <TurnLockOff />
    }
}

#[component]
fn ChangePassphrase() -> impl IntoView {
    let app = use_app();
    let current = RwSignal::new(String::new());
    let passphrase = NewPassphrase::new();
    let done = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(false);
        if passphrase.refused() {
            return;
        }
        passphrase.slow_step(
            move |first| app.change_passphrase(&current.get_untracked(), first),
            move |()| {
                current.set(String::new());
                done.set(true);
            },
        );
    };
    let busy = passphrase.busy;
    view! {
        <details class="more">
            <summary>"Change the passphrase"</summary>
            <form on:submit=submit>
                <PassphraseInput id="change-current" label="Current passphrase" value=current />
                <NewPassphraseFields prefix="change" passphrase=passphrase
                    first_label="New passphrase" again_label="Type the new passphrase again" />
                <ErrorLine error=passphrase.error />
                <Show when=move || done.get()>
                    <p class="ok" role="status">"The passphrase is changed."</p>
                </Show>
                <button type="submit" class="button" disabled=move || busy.get()>"Change the passphrase"</button>
            </form>
        </details>
    }
}

#[component]
fn TurnLockOff() -> impl IntoView {
    let app = use_app();
    let current = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        slow_step(
            busy,
            error,
            move || app.turn_lock_off(&current.get_untracked()),
            move |()| {
                current.set(String::new());
            },
        );
    };
    view! {
        <details class="more">
            <summary>"Turn the lock off"</summary>
            <p>"Your data will be stored on this device without encryption again."</p>
            <form on:submit=submit>
                <PassphraseInput id="off-current" label="Passphrase to turn the lock off" value=current />
                <ErrorLine error=error />
                <button type="submit" class="button danger-outline" disabled=move || busy.get()>
                    "Turn off the lock"
                </button>
            </form>
        </details>
    }
}

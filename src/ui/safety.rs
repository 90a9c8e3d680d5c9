//! Keeping the data safe on this device: the unlock screen and auto-lock, the device lock
//! settings, backup files, restoring one, wiping the device, and the backup reminder.

use crate::domain::workspace::{RecordKey, LOCK_AFTER_CHOICES};
use crate::state::device::{BackupSummary, CheckedBackup, RestoreMode, FILE_EXTENSION};
use crate::state::{use_app, AppState, LockView, Refusal, Route};
use crate::ui::widgets::{ConfirmButton, ErrorLine};
use leptos::prelude::*;
use std::time::Duration;

/// Largest backup file read (a year of a busy programme is well under 5 MB).
const MAX_BACKUP_BYTES: f64 = 50_000_000.0;
/// The word typed to confirm a wipe.
const WIPE_WORD: &str = "DELETE";

/// Runs a slow step (key derivation) after the browser has painted "Working…": marks the
/// form busy, clears its error, then hands the result to `done` or shows the refusal.
fn slow_step<T: 'static>(
    busy: RwSignal<bool>,
    error: RwSignal<Option<String>>,
    step: impl FnOnce() -> Result<T, Refusal> + 'static,
    done: impl FnOnce(T) + 'static,
) {
    busy.set(true);
    error.set(None);
    set_timeout(
        move || {
            let outcome = step();
            busy.set(false);
            match outcome {
                Ok(value) => done(value),
                Err(e) => error.set(Some(e.0)),
            }
        },
        Duration::from_millis(30),
    );
}

/// A passphrase box: hidden text, a visible label, and no autocomplete into other sites.
#[component]
fn PassphraseInput(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] new: bool,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <input id=id type="password" prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-describedby=hint.map(|_| format!("{id}-hint"))
                autocomplete=if new { "new-password" } else { "current-password" }
                spellcheck="false" />
        </div>
    }
}

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
                super::focus_heading();
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
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let understood = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(problem) =
            new_passphrase_problem(&first.get_untracked(), &again.get_untracked())
        {
            error.set(Some(problem));
            return;
        }
        if !understood.get_untracked() {
            error.set(Some(
                "Please tick the box to say you understand the passphrase cannot be recovered."
                    .to_string(),
            ));
            return;
        }
        slow_step(
            busy,
            error,
            move || app.turn_lock_on(&first.get_untracked()),
            move |()| {
                first.set(String::new());
                again.set(String::new());
            },
        );
    };
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
            <PassphraseInput id="lock-new" label="Passphrase" value=first new=true
                hint="At least 8 characters. A short sentence is easier to remember than a code." />
            <PassphraseInput id="lock-again" label="Type the passphrase again" value=again new=true />
            <p>
                <label class="check">
                    <input type="checkbox" prop:checked=move || understood.get()
                        on:change=move |ev| understood.set(event_target_checked(&ev)) />
                    "I understand that if I forget this passphrase, the data on this device cannot be opened."
                </label>
            </p>
            <ErrorLine error=error />
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { "Encrypting…" } else { "Turn on the lock" }}
            </button>
        </form>
    }
}

/// Refuses a mismatched or weak new passphrase before any slow work.
fn new_passphrase_problem(first: &str, again: &str) -> Option<String> {
    if let Some(problem) = crate::state::device::passphrase_problem(first) {
        return Some(problem);
    }
    (first != again)
        .then(|| "The two passphrases are not the same. Please type them again.".to_string())
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
            let _ = app.edit(&[RecordKey::Settings], |ws| {
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
        <div class="field">
            <label for="lock-after">"Lock by itself after"</label>
            <select id="lock-after" on:change=choose>
                {LOCK_AFTER_CHOICES.into_iter().map(|m| {
                    let label = if m == 1 { "1 minute".to_string() } else { format!("{m} minutes") };
                    view! { <option value=m.to_string() selected=move || minutes() == m>{label}</option> }
                }).collect_view()}
            </select>
            <p class="hint">"without a tap or a key press, or hidden in the background for that long."</p>
        </div>
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
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(false);
        if let Some(problem) =
            new_passphrase_problem(&first.get_untracked(), &again.get_untracked())
        {
            error.set(Some(problem));
            return;
        }
        slow_step(
            busy,
            error,
            move || app.change_passphrase(&current.get_untracked(), &first.get_untracked()),
            move |()| {
                for s in [current, first, again] {
                    s.set(String::new());
                }
                done.set(true);
            },
        );
    };
    view! {
        <details class="more">
            <summary>"Change the passphrase"</summary>
            <form on:submit=submit>
                <PassphraseInput id="change-current" label="Current passphrase" value=current />
                <PassphraseInput id="change-new" label="New passphrase" value=first new=true />
                <PassphraseInput id="change-again" label="Type the new passphrase again" value=again new=true />
                <ErrorLine error=error />
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

/// Settings: save a backup file.
#[component]
pub fn BackupPanel() -> impl IntoView {
    let app = use_app();
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(problem) =
            new_passphrase_problem(&first.get_untracked(), &again.get_untracked())
        {
            error.set(Some(problem));
            return;
        }
        let today = super::today();
        slow_step(
            busy,
            error,
            move || app.create_backup(&first.get_untracked(), today),
            move |text| {
                super::share::download(
                    &format!("peercircle-backup-{today}.{FILE_EXTENSION}"),
                    "application/octet-stream",
                    &text,
                );
                first.set(String::new());
                again.set(String::new());
            },
        );
    };
    let last = move || {
        app.ws.with(|ws| match ws.settings.last_backup {
            Some(d) => format!("The last backup from this device was saved on {}.", d),
            None => "No backup has been saved from this device yet.".to_string(),
        })
    };
    view! {
        <section class="panel" aria-labelledby="backup-title" id="backup">
            <h2 id="backup-title">"Save a backup"</h2>
            <p>
                "A backup is one file with all your Peercircle data, encrypted with a passphrase \
                 you choose now. Keep it somewhere safe, such as a USB stick or your organisation's \
                 drive. If this device is lost or its browser data is cleared, you can restore \
                 everything from it."
            </p>
            <p role="status">{last}</p>
            <form on:submit=submit>
                <PassphraseInput id="backup-new" label="Passphrase for the backup" value=first new=true
                    hint="At least 8 characters. You will need it to restore; it cannot be recovered." />
                <PassphraseInput id="backup-again" label="Type the backup passphrase again" value=again new=true />
                <ErrorLine error=error />
                <button type="submit" class="button primary" disabled=move || busy.get()>
                    {move || if busy.get() { "Encrypting…" } else { "Save a backup" }}
                </button>
            </form>
        </section>
    }
}

/// Settings: restore from a backup file, after checking it and showing what it holds.
#[component]
pub fn RestorePanel() -> impl IntoView {
    let app = use_app();
    let file = RwSignal::new(None::<(String, Vec<u8>)>);
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let checked = StoredValue::new_local(None::<CheckedBackup>);
    let summary = RwSignal::new(None::<BackupSummary>);
    let chosen = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        summary.set(None);
        checked.set_value(None);
        error.set(None);
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(picked) = input.files().and_then(|l| l.get(0)) else {
            file.set(None);
            return;
        };
        let name = picked.name();
        if picked.size() > MAX_BACKUP_BYTES {
            error.set(Some(format!(
                "“{name}” is too large to be a Peercircle backup. Please choose the backup file."
            )));
            file.set(None);
            return;
        }
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(picked.array_buffer()).await {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    file.set(Some((name, bytes)));
                }
                Err(_) => error.set(Some(format!("“{name}” could not be read."))),
            }
        });
    };
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((_, bytes)) = file.get_untracked() else {
            error.set(Some("Please choose a backup file first.".to_string()));
            return;
        };
        slow_step(
            busy,
            error,
            move || app.check_backup(&bytes, &passphrase.get_untracked()),
            move |backup| {
                summary.set(Some(backup.summary.clone()));
                checked.set_value(Some(backup));
            },
        );
    };
    let restore = move |mode: RestoreMode| {
        let Some(backup) = checked.get_value() else {
            return;
        };
        match app.restore_backup(&backup, mode) {
            Ok(_) => {
                passphrase.set(String::new());
                // The page reloads to read it all, once it is all on disk.
                app.when_durable(|| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().set_hash(&Route::Programmes.href());
                        let _ = w.location().reload();
                    }
                });
            }
            Err(e) => error.set(Some(e.0)),
        }
    };
    let cancel = move |_| {
        summary.set(None);
        checked.set_value(None);
        passphrase.set(String::new());
    };
    view! {
        <section class="panel" aria-labelledby="restore-title" id="restore">
            <h2 id="restore-title">"Restore from a backup"</h2>
            <p>"Peercircle checks the file and shows what it holds before anything on this device changes."</p>
            <Show when=move || summary.with(Option::is_none)>
                <form on:submit=check>
                    <div class="field">
                        <label for="restore-file">"Backup file"</label>
                        <input id="restore-file" type="file" class="file-input"
                            accept=format!(".{FILE_EXTENSION}") on:change=chosen />
                    </div>
                    <PassphraseInput id="restore-passphrase" label="The backup's passphrase" value=passphrase />
                    <ErrorLine error=error />
                    <button type="submit" class="button" disabled=move || busy.get()>
                        {move || if busy.get() { "Checking…" } else { "Check the backup" }}
                    </button>
                </form>
            </Show>
            {move || summary.get().map(|s| view! {
                <div class="restore-summary">
                    <h3>"This backup is good"</h3>
                    <p>{format!("Saved on {}.", s.created)}</p>
                    <p>{summary_counts(&s)}</p>
                    <ul>
                        {s.programme_names.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
                    </ul>
                    <ErrorLine error=error />
                    <div class="actions">
                        <ConfirmButton label="Replace everything on this device".to_string()
                            question="Everything on this device will be replaced by the backup. Go on?".to_string()
                            confirm="Yes, replace it" class="danger-outline"
                            on_confirm=Callback::new(move |_| restore(RestoreMode::Replace)) />
                        <button type="button" class="button" on:click=move |_| restore(RestoreMode::Merge)>
                            "Add what this device does not have"
                        </button>
                        <button type="button" class="button" on:click=cancel>"Cancel"</button>
                    </div>
                </div>
            })}
        </section>
    }
}

fn summary_counts(s: &BackupSummary) -> String {
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    format!(
        "{}, {}, {}, {} and {}.",
        plural(s.programme_names.len(), "programme", "programmes"),
        plural(s.groups, "group", "groups"),
        plural(s.participants, "person", "people"),
        plural(s.sessions, "session", "sessions"),
        plural(s.testimonies, "quote", "quotes"),
    )
}

/// Settings: remove everything from this browser.
#[component]
pub fn WipePanel() -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="wipe-title" id="wipe">
            <h2 id="wipe-title">"Wipe this device"</h2>
            <p>
                "Removes all Peercircle data from this browser: programmes, people, sessions, \
                 notes, set-aside records and the lock. Use it before handing the device on. "
                <a href="#backup" on:click=move |ev| {
                    ev.prevent_default();
                    if let Some(el) = document().get_element_by_id("backup-new") {
                        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                            let _ = el.focus();
                        }
                    }
                }>"Save a backup first"</a>
                " if you may need the data again."
            </p>
            <WipeForm />
        </section>
    }
}

#[component]
fn WipeForm() -> impl IntoView {
    let app = use_app();
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if typed.get_untracked().trim() != WIPE_WORD {
            error.set(Some(format!(
                "To wipe this device, type {WIPE_WORD} in capital letters in the box."
            )));
            return;
        }
        match app.wipe() {
            Ok(_) => {
                leptos::task::spawn_local(async move {
                    crate::state::device::forget_everything().await;
                    clear_offline_copies().await;
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().set_hash(&Route::Programmes.href());
                        let _ = w.location().reload();
                    }
                });
            }
            Err(e) => error.set(Some(e.0)),
        }
    };
    view! {
        <form on:submit=submit>
            <div class="field">
                <label for="wipe-confirm">{format!("Type {WIPE_WORD} to confirm")}</label>
                <input id="wipe-confirm" type="text" autocomplete="off" spellcheck="false"
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
            </div>
            <ErrorLine error=error />
            <button type="submit" class="button danger">"Wipe all Peercircle data from this browser"</button>
        </form>
    }
}

/// Empties this site's offline caches and forgets the offline helper; the reload that
/// follows fetches and caches the app's own files afresh. They hold no data, but a wipe
/// leaves nothing of Peercircle behind.
async fn clear_offline_copies() {
    use wasm_bindgen_futures::JsFuture;
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(caches) = window.caches() {
        if let Ok(names) = JsFuture::from(caches.keys()).await {
            for name in js_sys::Array::from(&names).iter() {
                if let Some(name) = name.as_string() {
                    let _ = JsFuture::from(caches.delete(&name)).await;
                }
            }
        }
    }
    let workers = window.navigator().service_worker();
    if let Ok(list) = JsFuture::from(workers.get_registrations()).await {
        for registration in js_sys::Array::from(&list).iter() {
            let registration: web_sys::ServiceWorkerRegistration =
                wasm_bindgen::JsCast::unchecked_into(registration);
            if let Ok(promise) = registration.unregister() {
                let _ = JsFuture::from(promise).await;
            }
        }
    }
}

/// The gentle reminder when changes have waited a week for a backup.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let app = use_app();
    let due = move || {
        app.lock.get() != LockView::Locked
            && app
                .ws
                .with(|ws| ws.settings.backup_reminder_due(super::today()))
    };
    let snooze = move |_| {
        let _ = app.edit(&[RecordKey::Settings], |ws| {
            ws.settings.backup_reminder_snoozed = Some(super::today());
            Ok::<_, Refusal>(())
        });
    };
    view! {
        <Show when=due>
            <div class="banner warn" role="region" aria-label="Backup reminder">
                <p>
                    "Some of your changes are more than a week old and are not in a backup yet. \
                     Some browsers, such as Safari, delete a website's data after a week without \
                     a visit, so a backup file keeps your work safe."
                </p>
                <div class="actions">
                    <a class="button primary" href=Route::Settings.href()>"Save a backup"</a>
                    <button type="button" class="button" on:click=snooze>"Not now"</button>
                </div>
            </div>
        </Show>
    }
}

//! Settings: saving a backup file, restoring one (checked and summarised first), and the
//! reminder when changes have waited a week for a backup.

use super::{slow_step, NewPassphrase, NewPassphraseFields, PassphraseInput};
use crate::state::device::{BackupSummary, CheckedBackup, RestoreMode, FILE_EXTENSION};
use crate::state::{use_app, LockView, Refusal, Route};
use crate::ui::kit::{ConfirmButton, ErrorLine, Field};
use leptos::prelude::*;

/// Largest backup file read (a year of a busy programme is well under 5 MB).
const MAX_BACKUP_BYTES: f64 = 50_000_000.0;

/// Settings: save a backup file.
#[component]
pub fn BackupPanel() -> impl IntoView {
    let app = use_app();
    let passphrase = NewPassphrase::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if passphrase.refused() {
            return;
        }
        let today = crate::ui::kit::today();
        passphrase.slow_step(
            move |first| app.create_backup(first, today),
            move |text| {
                crate::ui::kit::download(
                    &format!("peercircle-backup-{today}.{FILE_EXTENSION}"),
                    "application/octet-stream",
                    &text,
                );
            },
        );
    };
    let busy = passphrase.busy;
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
                <NewPassphraseFields prefix="backup" passphrase=passphrase
                    first_label="Passphrase for the backup" again_label="Type the backup passphrase again"
                    hint="At least 8 characters. You will need it to restore; it cannot be recovered." />
                <ErrorLine error=passphrase.error />
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
        summary.set(None);
        checked.set_value(None);
        error.set(None);
        let Some(picked) = crate::ui::kit::picked_files(&ev).into_iter().next() else {
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
            match crate::ui::kit::read_bytes(&picked).await {
                Some(bytes) => file.set(Some((name, bytes))),
                None => error.set(Some(format!("“{name}” could not be read."))),
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
                    <Field id="restore-file" label="Backup file">
                        <input id="restore-file" type="file" class="file-input"
                            accept=format!(".{FILE_EXTENSION}") on:change=chosen />
                    </Field>
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
    use crate::ui::kit::plural;
    let plural = |n: usize, one: &str, many: &str| plural(n as u64, one, many);
    format!(
        "{}, {}, {}, {} and {}.",
        plural(s.programme_names.len(), "programme", "programmes"),
        plural(s.groups, "group", "groups"),
        plural(s.participants, "person", "people"),
        plural(s.sessions, "session", "sessions"),
        plural(s.testimonies, "quote", "quotes"),
    )
}

/// The gentle reminder when changes have waited a week for a backup.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let app = use_app();
    let due = move || {
        app.lock.get() != LockView::Locked
            && app
                .ws
                .with(|ws| ws.settings.backup_reminder_due(crate::ui::kit::today()))
    };
    let snooze = move |_| {
        let _ = app.change(|ws| {
            ws.settings.backup_reminder_snoozed = Some(crate::ui::kit::today());
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

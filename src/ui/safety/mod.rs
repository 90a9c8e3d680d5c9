//! Keeping the data safe on this device: the unlock screen and auto-lock (`unlock`), the
//! device lock settings (`lock`), backup files, restoring one and the backup reminder
//! (`backup`), and wiping the device (`wipe`). The passphrase box and the slow step they share
//! are here.

mod backup;
mod lock;
mod unlock;
mod wipe;

pub use backup::{BackupPanel, BackupReminder, RestorePanel};
pub use lock::LockPanel;
pub use unlock::{watch_idle, AutoLockNotice, UnlockScreen};
pub use wipe::WipePanel;

use crate::state::Refusal;
use crate::ui::kit::Field;
use leptos::prelude::*;
use std::time::Duration;

/// Runs a slow step (key derivation) after the browser has painted "Working…": marks the
/// form busy, clears its error, then hands the result to `done` or shows the refusal.
pub(super) fn slow_step<T: 'static>(
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

/// Refuses a mismatched or weak new passphrase (typed twice) before any slow work, saying
/// why; `true` when it was refused.
pub(super) fn refuse_new_passphrase(
    first: RwSignal<String>,
    again: RwSignal<String>,
    error: RwSignal<Option<String>>,
) -> bool {
    let (first, again) = (first.get_untracked(), again.get_untracked());
    let problem = crate::state::device::passphrase_problem(&first).or_else(|| {
        (first != again)
            .then(|| "The two passphrases are not the same. Please type them again.".to_string())
    });
    match problem {
        Some(problem) => {
            error.set(Some(problem));
            true
        }
        None => false,
    }
}

/// A passphrase box: hidden text, a visible label, and no autocomplete into other sites.
#[component]
pub(super) fn PassphraseInput(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] new: bool,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <Field id=id label=label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <input id=id type="password" prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-describedby=hint.map(|_| format!("{id}-hint"))
                autocomplete=if new { "new-password" } else { "current-password" }
                spellcheck="false" />
        </Field>
    }
}

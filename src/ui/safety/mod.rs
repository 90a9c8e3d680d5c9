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

/// A new passphrase typed twice (for a backup, the lock, a change of passphrase), with the
/// form's refusal line and whether its slow step is running.
#[derive(Clone, Copy)]
pub(super) struct NewPassphrase {
    first: RwSignal<String>,
    again: RwSignal<String>,
    pub error: RwSignal<Option<String>>,
    pub busy: RwSignal<bool>,
}

impl NewPassphrase {
    pub fn new() -> Self {
        Self {
            first: RwSignal::new(String::new()),
            again: RwSignal::new(String::new()),
            error: RwSignal::new(None),
            busy: RwSignal::new(false),
        }
    }

    /// Refuses a mismatched or weak passphrase before any slow work, saying why; `true` when
    /// it was refused.
    pub fn refused(self) -> bool {
        let (first, again) = (self.first.get_untracked(), self.again.get_untracked());
        let problem = crate::state::device::passphrase_problem(&first).or_else(|| {
            (first != again).then(|| {
                "The two passphrases are not the same. Please type them again.".to_string()
            })
        });
        let refused = problem.is_some();
        if refused {
            self.error.set(problem);
        }
        refused
    }

    /// Runs `step` with the new passphrase as a [`slow_step`]; once it worked, both boxes are
    /// emptied and `done` gets the result.
    pub fn slow_step<T: 'static>(
        self,
        step: impl FnOnce(&str) -> Result<T, Refusal> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        slow_step(
            self.busy,
            self.error,
            move || step(&self.first.get_untracked()),
            move |value| {
                self.first.set(String::new());
                self.again.set(String::new());
                done(value);
            },
        );
    }
}

/// The two boxes of a [`NewPassphrase`], with the ids `{prefix}-new` and `{prefix}-again`.
#[component]
pub(super) fn NewPassphraseFields(
    prefix: &'static str,
    passphrase: NewPassphrase,
    first_label: &'static str,
    again_label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    view! {
        <PassphraseInput id=format!("{prefix}-new") label=first_label value=passphrase.first new=true hint=hint />
        <PassphraseInput id=format!("{prefix}-again") label=again_label value=passphrase.again new=true />
    }
}

/// A passphrase box: hidden text, a visible label, and no autocomplete into other sites.
#[component]
pub(super) fn PassphraseInput(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] new: bool,
    #[prop(optional_no_strip)] hint: Option<&'static str>,
) -> impl IntoView {
    let hint_id = hint.map(|_| format!("{id}-hint"));
    view! {
        <Field id=id.clone() label=label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <input id=id type="password" prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-describedby=hint_id.clone()
                autocomplete=if new { "new-password" } else { "current-password" }
                spellcheck="false" />
        </Field>
    }
}

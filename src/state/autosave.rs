//! Saving: edits mark records dirty; a short timer writes them all at once. A failed write
//! keeps them dirty, so the next edit or "Try again" retries, and nothing typed is dropped.

use super::{AppState, SaveStatus};
use crate::persist::KeyValueStore;
use leptos::prelude::*;
use std::time::Duration;

/// Long enough to batch a burst of typing, short enough that every edit is saved within a
/// second.
const DEBOUNCE: Duration = Duration::from_millis(300);

pub(super) fn schedule(state: AppState) {
    let already = state.keeping.with_value(|k| k.timer.is_some());
    if already {
        return;
    }
    let handle = set_timeout_with_handle(
        move || {
            state.keeping.update_value(|k| k.timer = None);
            flush(state);
        },
        DEBOUNCE,
    );
    if let Ok(handle) = handle {
        state.keeping.update_value(|k| k.timer = Some(handle));
    } else {
        flush(state);
    }
}

pub(super) fn flush(state: AppState) {
    if state.tab.get_untracked() != super::TabRole::Active {
        return;
    }
    let mut cleared = false;
    let outcome = state.keeping.try_update_value(|k| {
        if let Some(timer) = k.timer.take() {
            timer.clear();
        }
        cleared = state
            .ws
            .with_untracked(|ws| super::guard::notice_cleared(k, ws));
        if k.dirty.is_empty() {
            // Nothing new, but what was refused before is tried again.
            k.store.commit();
            return Ok(());
        }
        let result = state.ws.with_untracked(|ws| {
            crate::persist::records::save_records_keeping(
                &mut k.store,
                ws,
                &k.dirty,
                &k.protected,
                &k.unknown,
            )
        });
        if result.is_ok() {
            k.dirty.clear();
            if cleared {
                let _ = crate::persist::sentinel::mark(&mut k.store);
            }
        }
        // Off to disk (a store that writes in the background); "saved" once it lands.
        k.store.commit();
        result
    });
    if cleared {
        state.storage_cleared.set(true);
    }
    match outcome {
        // Only the storage layer's real answer sets the status; an unchanged one wakes
        // nothing (the regular check for cleared storage runs this every two seconds).
        Some(Err(e)) => {
            let status = SaveStatus::Failed(e);
            if state.save.with_untracked(|s| *s != status) {
                state.save.set(status);
            }
        }
        _ => state.settled(),
    }
}

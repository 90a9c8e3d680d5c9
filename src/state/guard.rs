//! Guards against losing work to the world outside the app: the browser's storage cleared
//! while the app is open, a storage too full at start, and the tab closed while something
//! is not yet saved.

use super::{AppState, Keeping, TabRole};
use crate::domain::workspace::Workspace;
use crate::persist::sentinel;
use crate::persist::KeyValueStore;
use leptos::prelude::*;

/// When the start-up marker is gone, the storage was cleared under the app: every record
/// held in memory becomes due for writing (the next save writes them all, together), and
/// the lock's own record is put back so they are sealed under a lock the next start knows.
/// Returns whether that happened.
pub(super) fn notice_cleared(k: &mut Keeping, ws: &Workspace) -> bool {
    if k.wiped || k.full_at_start || k.store.is_locked() {
        return false;
    }
    if !sentinel::cleared(&k.store).unwrap_or(false) {
        return false;
    }
    let _ = k.store.rewrite_lock_record();
    // What was protected (a newer version's records) is gone with everything else.
    k.protected.clear();
    k.dirty.extend(ws.record_keys());
    true
}

impl AppState {
    /// The refusal to show while the storage is still too full to take a write, or `None`
    /// (and the read-only state ends) once room has been made.
    pub(super) fn still_full(&self) -> Option<String> {
        let full = self.keeping.try_update_value(|k| {
            if k.full_at_start && sentinel::has_room(&mut k.store) {
                k.full_at_start = false;
                let _ = sentinel::mark(&mut k.store);
            }
            k.full_at_start
        });
        match full {
            Some(true) => Some(crate::persist::StoreError::FullAtStart.to_string()),
            _ => {
                if self.storage_warning.get_untracked()
                    == Some(crate::persist::StoreError::FullAtStart)
                {
                    self.storage_warning.set(None);
                }
                None
            }
        }
    }

    /// Characters stored by this site, as stored (sealed records at their sealed size).
    pub fn stored_characters(&self) -> Option<usize> {
        self.keeping
            .try_update_value(|k| crate::persist::stored_characters(k.store.inner_mut()).ok())
            .flatten()
    }

    /// Is the data kept in the browser's durable database (not local storage or memory)?
    pub fn durable_store(&self) -> bool {
        self.keeping.with_value(|k| k.store.is_durable_database())
    }

    /// Checks for storage cleared under the app, and writes everything back if so. Only
    /// that: a save that failed waits for "Try saving again" or the next edit.
    pub fn check_storage(&self) {
        if self.tab.get_untracked() != TabRole::Active {
            return;
        }
        let cleared = self.keeping.with_value(|k| {
            !k.wiped
                && !k.full_at_start
                && !k.store.is_locked()
                && sentinel::cleared(&k.store).unwrap_or(false)
        });
        if cleared {
            self.flush();
        }
    }
}

/// Browser hooks: a regular check and the `beforeunload` warning.
#[cfg(target_arch = "wasm32")]
pub fn watch(state: AppState) {
    // The browser's own "clear site data" tells no page: look every two seconds (one read
    // of one small key).
    let _ = set_interval_with_handle(
        move || {
            state.check_storage();
            // Read-only on a full disk: look for room, so the message goes once it is made.
            if state.keeping.with_value(|k| k.full_at_start) {
                let _ = state.still_full();
            }
            // The durable store is read from memory: look on its disk as well.
            if state.tab.get_untracked() == TabRole::Active {
                crate::persist::idb::check_present();
            }
        },
        std::time::Duration::from_secs(2),
    );
    // Coming back to this tab (a background tab's timers are slowed): look at once.
    let shown = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
        if visible && state.tab.get_untracked() == TabRole::Active {
            state.check_storage();
            crate::persist::idb::check_present();
        }
    });
    std::mem::forget(shown);
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
        state.flush();
        if state.unsaved_work_untracked() {
            // The browser asks "Leave site? Changes you made may not be saved."
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    std::mem::forget(handle);
}

//! What the screens may ask of the device's storage, randomness and lock, so that `ui` never
//! reaches into `persist` itself: every write here goes through the same save and status as
//! an edit.

use super::AppState;
use crate::domain::workspace::RecordKey;
use crate::persist::KeyValueStore;
use leptos::prelude::*;

pub use crate::persist::backup::{BackupSummary, CheckedBackup, RestoreMode, FILE_EXTENSION};
pub use crate::persist::storage::LOCAL_STORAGE_LIMIT;

/// A record Peercircle could not read and put aside, as Settings lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// Its storage key (what "Delete" removes).
    pub key: String,
    /// The key as shown: without the set-aside prefix.
    pub label: String,
    pub characters: usize,
}

/// Fills `bytes` from the browser's random source; `false` when there is none.
pub fn random_bytes(bytes: &mut [u8]) -> bool {
    crate::persist::random::fill(bytes).is_ok()
}

/// Why a new passphrase is too weak to use, in plain words; `None` when it will do.
pub fn passphrase_problem(passphrase: &str) -> Option<String> {
    crate::persist::crypto::check_passphrase(passphrase)
        .err()
        .map(|problem| problem.to_string())
}

/// The record a storage key names, if it is one of Peercircle's.
pub fn record_of_key(key: &str) -> Option<RecordKey> {
    crate::persist::records::parse_key(key)
}

/// The storage key of a record.
pub fn key_of(record: RecordKey) -> String {
    crate::persist::records::key_name(record)
}

/// Calls `f` with each key another tab saved (after this tab's copy took it).
pub fn on_other_tab_saved(f: impl Fn(&str) + 'static) {
    #[cfg(target_arch = "wasm32")]
    crate::persist::idb::on_change(f);
    #[cfg(not(target_arch = "wasm32"))]
    drop(f);
}

/// Removes the whole database and every Peercircle key from local storage (after a wipe).
pub async fn forget_everything() {
    #[cfg(target_arch = "wasm32")]
    crate::persist::idb::delete_everything().await;
}

/// How much this site stores and may store, in bytes, as the browser estimates it.
pub async fn estimate() -> Option<(f64, f64)> {
    crate::persist::storage::estimate().await
}

/// Whether the browser promised to keep this site's data.
pub async fn is_persisted() -> Option<bool> {
    crate::persist::storage::is_persisted().await
}

/// Asks the browser to keep this site's data under storage pressure.
pub async fn ask_to_persist() -> Option<bool> {
    crate::persist::storage::ask_to_persist().await
}

impl AppState {
    /// The records set aside as unreadable, for Settings.
    pub fn set_aside(&self) -> Vec<SetAside> {
        use crate::persist::records::{set_aside_records, QUARANTINE_PREFIX};
        self.with_store(|store| set_aside_records(store).unwrap_or_default())
            .unwrap_or_default()
            .into_iter()
            .map(|r| SetAside {
                label: r.key.trim_start_matches(QUARANTINE_PREFIX).to_string(),
                key: r.key,
                characters: r.characters,
            })
            .collect()
    }

    /// Deletes one set-aside record, and saves that like any change.
    pub fn delete_set_aside(&self, key: &str) {
        if !key.starts_with(crate::persist::records::QUARANTINE_PREFIX) {
            return;
        }
        self.keeping.update_value(|k| {
            let _ = k.store.remove(key);
            k.store.commit();
        });
        self.settled();
    }

    /// The settings as stored now (another tab may have saved them), if readable; `Err`
    /// when the code that reads them did not arrive (see `reader`).
    pub async fn stored_settings(
        &self,
    ) -> Result<Option<crate::domain::workspace::Settings>, super::reader::Unavailable> {
        super::reader::stored_settings(*self).await
    }

    pub(crate) fn stored_settings_now(&self) -> Option<crate::domain::workspace::Settings> {
        let key = key_of(RecordKey::Settings);
        let text = self.with_store(|s| s.get(&key).ok().flatten()).flatten()?;
        crate::persist::records::restore(&text, &crate::persist::migrate::SETTINGS).ok()
    }
}

//! What is stored and how: every record is a versioned envelope under a `peercircle:` key.
//! Reading is lenient and never loses data: a record that cannot be read is set aside under
//! a quarantine key and the facilitator is told. Only `idb.rs` (the durable database) and
//! `storage.rs` (local storage: a fallback, and where older versions kept records) touch
//! the browser's storage.

pub mod backup;
pub mod crypto;
pub mod cryptoformat;
pub mod durable;
pub mod envelope;
#[cfg(target_arch = "wasm32")]
pub mod idb;
pub mod journal;
pub mod lock;
pub mod memory;
pub mod migrate;
pub mod random;
pub mod records;
pub mod sentinel;
pub mod storage;
pub mod unknown;
pub mod wipe;

pub use memory::MemoryStore;

/// Why the device's storage refused a read or a write, in words a facilitator understands.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error(
        "This browser is not letting Peercircle save anything (private browsing or a \
         blocked setting). You can keep working, but nothing will be kept after this tab closes."
    )]
    Unavailable,
    #[error(
        "This device's storage for Peercircle is full, so your latest changes are only in this \
         window. Save a backup or delete something you no longer need, and it will save again."
    )]
    Full,
    #[error(
        "This device's storage for Peercircle is full, so Peercircle has opened your saved \
         data to read but cannot save changes to it. Nothing saved is lost. Save a backup, or \
         delete set-aside data in Settings or other sites' data in the browser, then try again."
    )]
    FullAtStart,
    #[error(
        "This change was not saved because it would overwrite data that a newer version of \
         Peercircle saved on this device. Reload the page to use the newest version, and your \
         change can be made again there."
    )]
    Protected,
    #[error("The browser could not save: {0}")]
    Other(String),
}

/// A place that keeps text under keys: the browser's storage, or memory in tests.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key currently stored (any order).
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// Writes (or removes) several records so that either all change or none: a tab
    /// closed half way cannot leave a meeting in a programme without its session.
    fn set_together(&mut self, changes: &[journal::Change]) -> Result<(), StoreError> {
        journal::apply(self, changes).map_err(StoreError::from)
    }
    /// Starts writing to disk what was set since the last call, for a store that writes in
    /// the background; the others have written already.
    fn commit(&mut self) {}
    /// Whether every write so far is on disk. "All changes saved" is shown only then.
    fn durability(&self) -> durable::Durability {
        durable::Durability::Durable
    }
    /// Can the store take a small new write now? A store full at start opens read-only, and
    /// this tells when room was made.
    /// Is this the browser's durable database (whose use the browser's estimate counts)?
    fn is_durable_database(&self) -> bool {
        false
    }
    fn has_room(&mut self) -> bool {
        let probe = "peercircle-probe";
        let ok = self.set(probe, "1").is_ok();
        let _ = self.remove(probe);
        ok
    }
}

impl From<journal::JournalError> for StoreError {
    fn from(e: journal::JournalError) -> StoreError {
        match e {
            journal::JournalError::Store(e) => e,
            other => StoreError::Other(other.to_string()),
        }
    }
}

/// The app keeps its store boxed (browser storage, or memory when the browser refuses).
impl<T: KeyValueStore + ?Sized> KeyValueStore for Box<T> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        (**self).keys()
    }
    fn set_together(&mut self, changes: &[journal::Change]) -> Result<(), StoreError> {
        (**self).set_together(changes)
    }
    fn commit(&mut self) {
        (**self).commit()
    }
    fn durability(&self) -> durable::Durability {
        (**self).durability()
    }
    fn has_room(&mut self) -> bool {
        (**self).has_room()
    }
    fn is_durable_database(&self) -> bool {
        (**self).is_durable_database()
    }
}

/// Characters this site keeps in the store (keys and values, every key: local storage's
/// limit counts them all), as stored (sealed records at their sealed size).
pub fn stored_characters(store: &dyn KeyValueStore) -> Result<usize, StoreError> {
    let mut total = 0usize;
    for key in store.keys()? {
        let value = store.get(&key)?.map_or(0, |v| v.chars().count());
        total = total.saturating_add(key.chars().count() + value);
    }
    Ok(total)
}

/// Maps a browser storage exception to a `StoreError`. Browsers spell "full" differently;
/// kept pure so every spelling is tested natively.
pub fn classify(name: &str, code: u16, message: &str) -> StoreError {
    const QUOTA_NAMES: [&str; 3] = [
        "QuotaExceededError",
        "NS_ERROR_DOM_QUOTA_REACHED",
        "QUOTA_EXCEEDED_ERR",
    ];
    // 22 is QUOTA_EXCEEDED_ERR; 1014 is Firefox's NS_ERROR_DOM_QUOTA_REACHED.
    if QUOTA_NAMES.contains(&name) || code == 22 || code == 1014 {
        StoreError::Full
    } else if name == "SecurityError" {
        StoreError::Unavailable
    } else {
        let detail = if message.is_empty() { name } else { message };
        StoreError::Other(detail.chars().take(160).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_browsers_quota_error_means_full() {
        assert_eq!(classify("QuotaExceededError", 22, ""), StoreError::Full);
        assert_eq!(
            classify("NS_ERROR_DOM_QUOTA_REACHED", 1014, ""),
            StoreError::Full
        );
        assert_eq!(classify("", 22, "quota"), StoreError::Full);
        assert_eq!(
            classify("SecurityError", 18, "denied"),
            StoreError::Unavailable
        );
        assert_eq!(
            classify("InvalidStateError", 11, "odd"),
            StoreError::Other("odd".into())
        );
    }
}

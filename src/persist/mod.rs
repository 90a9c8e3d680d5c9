//! What is stored and how: every record is a versioned envelope under a `peercircle:` key.
//! Reading is lenient and never loses data: a record that cannot be read is set aside under
//! a quarantine key and the facilitator is told. Only `storage.rs` touches the browser.

pub mod backup;
pub mod crypto;
pub mod cryptoformat;
pub mod envelope;
pub mod journal;
pub mod lock;
pub mod memory;
pub mod migrate;
pub mod random;
pub mod records;
pub mod storage;
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

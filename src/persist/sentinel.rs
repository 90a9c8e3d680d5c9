//! Noticing that the browser's storage was cleared while the app was open (the browser's
//! "clear site data", a storage cleaner, another program): a small marker is written at
//! start; when it is gone, everything the app holds in memory must be written back before
//! anything else, or the next save would rewrite only the records it touched.

use super::{KeyValueStore, StoreError};

/// Outside the `peercircle:` records, so it is never backed up, sealed or restored; "wipe
/// this device" removes it with everything else (`peercircle-` keys).
pub const SENTINEL_KEY: &str = "peercircle-present";

pub fn mark(store: &mut dyn KeyValueStore) -> Result<(), StoreError> {
    store.set(SENTINEL_KEY, "1")
}

/// Can the store take a small new write now? A store full at start opens read-only, and
/// this tells when room was made.
pub fn has_room(store: &mut dyn KeyValueStore) -> bool {
    store.has_room()
}

/// True when the marker written at start is gone: the storage was cleared under the app.
pub fn cleared(store: &dyn KeyValueStore) -> Result<bool, StoreError> {
    Ok(store.get(SENTINEL_KEY)?.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::MemoryStore;

    #[test]
    fn a_cleared_store_is_noticed() {
        let mut store = MemoryStore::default();
        mark(&mut store).unwrap();
        assert!(!cleared(&store).unwrap());
        store.remove(SENTINEL_KEY).unwrap();
        assert!(cleared(&store).unwrap());
        assert!(crate::persist::wipe::is_peercircle_key(SENTINEL_KEY));
        assert!(!crate::persist::lock::is_data_key(SENTINEL_KEY));
    }
}

//! "Wipe this device": every key Peercircle has written to this browser's storage, records,
//! set-aside records, the lock and any unfinished journal alike, listed and then removed.
//! (The service worker caches hold only the app's own files; the UI clears them itself.)

use super::{KeyValueStore, StoreError};

/// Every key of ours: `peercircle:` records and bookkeeping, and the storage probe.
pub fn is_peercircle_key(key: &str) -> bool {
    key.starts_with("peercircle:") || key.starts_with("peercircle-")
}

/// What a wipe would remove, sorted: for the confirmation ("12 records will be removed").
pub fn wipe_plan(store: &dyn KeyValueStore) -> Result<Vec<String>, StoreError> {
    let mut keys: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| is_peercircle_key(k))
        .collect();
    crate::domain::sort::sort(&mut keys);
    Ok(keys)
}

/// Removes every key in the plan, going on past a failure so as much as possible is gone,
/// then checks that nothing of ours is left. Give it the raw store (`DeviceStore::inner_mut`
/// or the browser store), not a locked view. Returns how many keys were removed.
pub fn wipe(store: &mut dyn KeyValueStore) -> Result<usize, StoreError> {
    let plan = wipe_plan(store)?;
    let mut first_error = None;
    let mut removed = 0;
    for key in &plan {
        match store.remove(key) {
            Ok(()) => removed += 1,
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if let Some(e) = first_error {
        return Err(e);
    }
    if !wipe_plan(store)?.is_empty() {
        return Err(StoreError::Other(
            "Some Peercircle data could not be removed. Try again.".to_string(),
        ));
    }
    Ok(removed)
}

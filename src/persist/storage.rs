//! The only code that touches the browser's storage. Every call is fallible and mapped to a
//! `StoreError`; nothing here can panic, even in private mode or with storage switched off.

use super::{classify, KeyValueStore, StoreError};
use wasm_bindgen::{JsCast, JsValue};

/// The browser's local storage for this site.
pub struct BrowserStore {
    storage: web_sys::Storage,
}

impl BrowserStore {
    /// Opens local storage, or says why it cannot be used.
    pub fn open() -> Result<BrowserStore, StoreError> {
        let window = web_sys::window().ok_or(StoreError::Unavailable)?;
        // Reading the property itself throws in some private modes.
        let storage = window
            .local_storage()
            .map_err(|_| StoreError::Unavailable)?;
        let storage = storage.ok_or(StoreError::Unavailable)?;
        // A storage that cannot take even a tiny write (Safari's old private mode) is unusable.
        let probe = "peercircle-probe";
        storage.set_item(probe, "1").map_err(map_error)?;
        storage.remove_item(probe).map_err(map_error)?;
        Ok(BrowserStore { storage })
    }

    /// Opens local storage even when it is too full to take a single write: the data in it
    /// must still be shown (read-only), never replaced by an empty app. Says whether it
    /// is full.
    pub fn open_even_if_full() -> Result<(BrowserStore, bool), StoreError> {
        match BrowserStore::open() {
            Ok(store) => Ok((store, false)),
            Err(StoreError::Full) => {
                let storage = web_sys::window()
                    .and_then(|w| w.local_storage().ok().flatten())
                    .ok_or(StoreError::Unavailable)?;
                Ok((BrowserStore { storage }, true))
            }
            Err(e) => Err(e),
        }
    }
}

/// Quota errors have different names in different browsers; all of them mean "full".
pub fn map_error(error: JsValue) -> StoreError {
    let (name, message) = match error.dyn_ref::<web_sys::DomException>() {
        Some(e) => (e.name(), e.message()),
        None => (String::new(), error.as_string().unwrap_or_default()),
    };
    classify(&name, e_code(&error), &message)
}

fn e_code(error: &JsValue) -> u16 {
    error
        .dyn_ref::<web_sys::DomException>()
        .map_or(0, |e| e.code())
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(map_error)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(map_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(map_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let count = self.storage.length().map_err(map_error)?;
        let mut keys = Vec::with_capacity(count as usize);
        for i in 0..count {
            if let Some(key) = self.storage.key(i).map_err(map_error)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// What local storage really allows one site: about 5 million characters in every
/// browser (Chrome and Edge count 10 MiB of UTF-16; Firefox and Safari about 5 MB). The
/// browser's `estimate()` quota is for IndexedDB and caches, not for local storage.
pub const LOCAL_STORAGE_LIMIT: usize = 5 * 1024 * 1024;

/// How much this site stores and may store, in bytes, as the browser estimates it.
pub async fn estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.estimate().ok()?;
    let value = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let estimate: web_sys::StorageEstimate = value.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// Asks the browser not to clear this site's data under storage pressure. Returns whether
/// the browser agreed.
pub async fn ask_to_persist() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    let value = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    value.as_bool()
}

pub async fn is_persisted() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persisted().ok()?;
    let value = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    value.as_bool()
}

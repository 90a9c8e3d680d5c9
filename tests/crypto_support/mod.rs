//! Shared by the crypto tests: a seeded random source, a sample workspace, and a store that
//! stops writing after N writes (a tab closed at that moment).
#![allow(dead_code)]

use peercircle::domain::programme::GroupKind;
use peercircle::domain::workspace::Workspace;
use peercircle::persist::crypto::{CryptoError, KdfParams, KdfPolicy};
use peercircle::persist::lock::{DeviceStore, RandomSource};
use peercircle::persist::records::{load_workspace, save_records};
use peercircle::persist::{KeyValueStore, MemoryStore, StoreError};
use std::collections::BTreeSet;

pub const CHEAP: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};
pub const PASSPHRASE: &str = "correct horse battery staple";

/// Deterministic bytes (xorshift): tests are repeatable, and never all zero.
pub fn seeded(seed: u64) -> RandomSource {
    let mut state = seed | 1;
    Box::new(move |buf: &mut [u8]| -> Result<(), CryptoError> {
        for b in buf.iter_mut() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            *b = (state >> 24) as u8;
        }
        Ok(())
    })
}

pub fn sample_workspace() -> Workspace {
    let mut ws = Workspace::default();
    let id = ws
        .create_programme("Nursing mentors — Zoë's cohort")
        .unwrap();
    let gid = ws.fresh_id();
    ws.programme_mut(id)
        .unwrap()
        .add_group(gid, "Mentor circle", GroupKind::MentorSupport)
        .unwrap();
    ws.create_programme("Union reps peer group").unwrap();
    ws
}

/// The sample as the app loads it back from `sample_store()`: new ids start above the
/// set-aside programme 77, so they never collide with it.
pub fn sample_workspace_loaded() -> Workspace {
    let mut ws = sample_workspace();
    ws.settings.last_id = 77;
    ws
}

pub fn save_all(store: &mut dyn KeyValueStore, ws: &Workspace) {
    let keys = ws.record_keys().into_iter().collect();
    save_records(store, ws, &keys, &BTreeSet::new()).unwrap();
}

pub fn sample_store() -> MemoryStore {
    let mut store = MemoryStore::default();
    save_all(&mut store, &sample_workspace());
    store
        .set("peercircle:quarantine:1:programme:77", "{half a record")
        .unwrap();
    store.set("other-app:theme", "dark").unwrap();
    store
}

pub fn open_cheap<S: KeyValueStore>(store: S, seed: u64) -> DeviceStore<S> {
    DeviceStore::open_with(store, seeded(seed), KdfPolicy::TESTS_ONLY, CHEAP).unwrap()
}

/// Every `peercircle:` record as the app reads it (through the lock, if on).
pub fn plaintext_view(store: &dyn KeyValueStore) -> Vec<(String, String)> {
    let mut keys = store.keys().unwrap();
    keys.sort();
    keys.into_iter()
        .filter(|k| peercircle::persist::lock::is_data_key(k) || !k.starts_with("peercircle"))
        .map(|k| {
            let v = store.get(&k).unwrap().unwrap();
            (k, v)
        })
        .collect()
}

pub fn workspace_of(store: &mut dyn KeyValueStore) -> Workspace {
    let loaded = load_workspace(store).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.workspace
}

/// A store whose writes stop after `writes_left` writes: the tab was closed. With `flaky`,
/// only that one write fails and later ones work (a momentary quota error).
pub struct Interrupted {
    pub inner: MemoryStore,
    pub writes_left: usize,
    pub flaky: bool,
    pub failed: bool,
}

impl Interrupted {
    pub fn new(inner: MemoryStore, writes_left: usize) -> Interrupted {
        Interrupted {
            inner,
            writes_left,
            flaky: false,
            failed: false,
        }
    }

    fn write_allowed(&mut self) -> Result<(), StoreError> {
        if self.failed && !self.flaky {
            return Err(StoreError::Other("tab closed".into()));
        }
        if self.writes_left == 0 && !self.failed {
            self.failed = true;
            return Err(StoreError::Full);
        }
        self.writes_left = self.writes_left.saturating_sub(1);
        Ok(())
    }
}

impl KeyValueStore for Interrupted {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.write_allowed()?;
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.write_allowed()?;
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

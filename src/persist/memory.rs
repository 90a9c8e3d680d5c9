//! A store held in memory: the backend for native tests, and the fallback the app uses when
//! the browser refuses storage altogether (work continues, with a warning).

use super::{KeyValueStore, StoreError};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    entries: BTreeMap<String, String>,
    /// Total characters (keys plus values) allowed, like a browser's quota. `None` = no limit.
    pub quota: Option<usize>,
    /// Simulates a storage the browser refuses outright.
    pub unavailable: bool,
}

impl MemoryStore {
    pub fn with_quota(quota: usize) -> MemoryStore {
        MemoryStore {
            quota: Some(quota),
            ..MemoryStore::default()
        }
    }

    pub fn used(&self) -> usize {
        self.entries
            .iter()
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }

    pub fn entries(&self) -> &BTreeMap<String, String> {
        &self.entries
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.unavailable {
            return Err(StoreError::Unavailable);
        }
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.unavailable {
            return Err(StoreError::Unavailable);
        }
        if let Some(quota) = self.quota {
            let old = self
                .entries
                .get(key)
                .map_or(0, |v| key.chars().count() + v.chars().count());
            let new = key.chars().count() + value.chars().count();
            if self.used() - old + new > quota {
                return Err(StoreError::Full);
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        if self.unavailable {
            return Err(StoreError::Unavailable);
        }
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        if self.unavailable {
            return Err(StoreError::Unavailable);
        }
        Ok(self.entries.keys().cloned().collect())
    }
}

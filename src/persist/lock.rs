//! The device lock: with it on, every Peercircle record is stored encrypted, and the app opens
//! on an unlock screen. `DeviceStore` wraps the real store so the rest of the app keeps using
//! `KeyValueStore` and never sees ciphertext.
//!
//! Stored next to the records, unencrypted: `peercircle:lock`, an envelope
//! `{"kind":"lock","version":1,"data":{"verifier":"<base64>"}}` whose verifier is a crypto
//! envelope (salt, Argon2 cost, check value) sealing a fixed text. Opening it derives the key
//! once per unlock, and tells a wrong passphrase plainly. Each record is sealed on its own
//! with a fresh random nonce, bound to its key name (`crypto::seal_record`).
//!
//! Turning the lock on or off, or changing the passphrase, re-encrypts every record in one
//! journal transaction (`journal`), so a closed tab never leaves a record unreadable.

use super::crypto::{
    check_passphrase, is_sealed_record, new_key, open, open_record, seal, seal_record, CryptoError,
    KdfParams, KdfPolicy, PassphraseProblem, SecretKey,
};
use super::cryptoformat::{b64_decode, b64_encode};
use super::envelope::{decode, encode};
use super::journal::{self, is_journal_key, Change, JournalError};
use super::records::PREFIX;
use super::{KeyValueStore, StoreError};
use serde::{Deserialize, Serialize};

pub const LOCK_KEY: &str = "peercircle:lock";
const VERIFIER_TEXT: &[u8] = b"peercircle lock v1";
const VERIFIER_CONTEXT: &[u8] = b"peercircle-lock-verifier-v1";

/// Fills a buffer with random bytes; the browser's comes from `persist::random`.
pub type RandomSource = Box<dyn FnMut(&mut [u8]) -> Result<(), CryptoError>>;

#[derive(Serialize, Deserialize)]
struct LockRecord {
    verifier: String,
}

/// Is this one of the facilitator's records (as opposed to the lock's or journal's own)?
/// Quarantined records count: they hold confidential text too.
pub fn is_data_key(key: &str) -> bool {
    key.starts_with(PREFIX) && key != LOCK_KEY && !is_journal_key(key)
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LockError {
    #[error("That passphrase does not unlock this device's data. Check it and try again.")]
    WrongPassphrase,
    #[error("{0}")]
    Passphrase(#[from] PassphraseProblem),
    #[error("Peercircle is locked. Enter the passphrase to open it.")]
    Locked,
    #[error("The lock is already on.")]
    AlreadyOn,
    #[error("The lock is already off.")]
    AlreadyOff,
    #[error(
        "The lock settings on this device are damaged, so its data cannot be opened. \
         Restore from a backup."
    )]
    Damaged,
    #[error(
        "There is not enough room on this device to re-encrypt your data, so nothing was \
         changed. Save a backup and delete something you no longer need, then try again."
    )]
    NoRoom,
    #[error("{0}")]
    Crypto(CryptoError),
    #[error("{0}")]
    Store(StoreError),
    #[error("{0}")]
    Journal(JournalError),
}

impl From<StoreError> for LockError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Full => LockError::NoRoom,
            other => LockError::Store(other),
        }
    }
}

impl From<JournalError> for LockError {
    fn from(e: JournalError) -> Self {
        match e {
            JournalError::Store(store) => store.into(),
            other => LockError::Journal(other),
        }
    }
}

impl From<CryptoError> for LockError {
    fn from(e: CryptoError) -> Self {
        match e {
            CryptoError::WrongPassphrase => LockError::WrongPassphrase,
            CryptoError::Corrupt | CryptoError::Tampered | CryptoError::Truncated => {
                LockError::Damaged
            }
            other => LockError::Crypto(other),
        }
    }
}

enum Mode {
    /// A re-encryption was interrupted past its commit; only a fresh `open` may read.
    Unfinished,
    Off,
    Locked {
        verifier: Vec<u8>,
    },
    Unlocked {
        key: SecretKey,
    },
}

/// The app's store: plaintext while the lock is off, encrypted while it is on.
pub struct DeviceStore<S: KeyValueStore> {
    inner: S,
    mode: Mode,
    /// The lock record as this store last saw it. Another tab turning the lock on or off
    /// changes it; writing then would mix sealed and plain records, so writes stop.
    lock_text: Option<String>,
    random: RandomSource,
    policy: KdfPolicy,
    params: KdfParams,
}

impl<S: KeyValueStore> DeviceStore<S> {
    /// Finishes or undoes any change a closed tab interrupted, then reads whether the lock is
    /// on. Run it before anything else touches the store.
    pub fn open(inner: S, random: RandomSource) -> Result<DeviceStore<S>, LockError> {
        DeviceStore::open_with(inner, random, KdfPolicy::STANDARD, KdfParams::PRODUCTION)
    }

    /// As `open`, with other key-derivation costs: for tests and the benchmark.
    pub fn open_with(
        mut inner: S,
        random: RandomSource,
        policy: KdfPolicy,
        params: KdfParams,
    ) -> Result<DeviceStore<S>, LockError> {
        journal::recover(&mut inner)?;
        let lock_text = inner.get(LOCK_KEY)?;
        let mode = match &lock_text {
            None => Mode::Off,
            Some(text) => Mode::Locked {
                verifier: read_lock_record(text).ok_or(LockError::Damaged)?,
            },
        };
        Ok(DeviceStore {
            inner,
            mode,
            lock_text,
            random,
            policy,
            params,
        })
    }

    /// A store with the lock off and nothing to recover: for memory, when the device's own
    /// storage cannot be used.
    pub fn without_lock(inner: S, random: RandomSource) -> DeviceStore<S> {
        DeviceStore {
            inner,
            mode: Mode::Off,
            lock_text: None,
            random,
            policy: KdfPolicy::STANDARD,
            params: KdfParams::PRODUCTION,
        }
    }

    pub fn lock_is_on(&self) -> bool {
        !matches!(self.mode, Mode::Off)
    }

    /// True when nothing can be read: locked, or waiting for a reload to finish a change.
    pub fn is_locked(&self) -> bool {
        matches!(self.mode, Mode::Locked { .. } | Mode::Unfinished)
    }

    /// Derives the key (the slow step, once) and checks it against the verifier.
    pub fn unlock(&mut self, passphrase: &str) -> Result<(), LockError> {
        let verifier = match &self.mode {
            Mode::Locked { verifier } => verifier,
            Mode::Unfinished => return Err(LockError::Journal(JournalError::Unfinished)),
            _ => return Ok(()),
        };
        let opened = open(passphrase, verifier, VERIFIER_CONTEXT, &self.policy)?;
        if opened.plaintext.as_slice() != VERIFIER_TEXT {
            return Err(LockError::Damaged);
        }
        self.mode = Mode::Unlocked {
            key: opened.key.key.clone(),
        };
        Ok(())
    }

    /// Checks a passphrase against the lock without changing anything (before turning the
    /// lock off or changing the passphrase, so a device left open cannot be unprotected by
    /// whoever picks it up).
    pub fn verify(&self, passphrase: &str) -> Result<(), LockError> {
        let text = self.inner.get(LOCK_KEY)?.ok_or(LockError::AlreadyOff)?;
        let verifier = read_lock_record(&text).ok_or(LockError::Damaged)?;
        let opened = open(passphrase, &verifier, VERIFIER_CONTEXT, &self.policy)?;
        if opened.plaintext.as_slice() != VERIFIER_TEXT {
            return Err(LockError::Damaged);
        }
        Ok(())
    }

    /// Drops the key (it is wiped from memory); reading needs the passphrase again.
    pub fn lock(&mut self) -> Result<(), LockError> {
        if let Mode::Unlocked { .. } = self.mode {
            let text = self.inner.get(LOCK_KEY)?.ok_or(LockError::Damaged)?;
            let verifier = read_lock_record(&text).ok_or(LockError::Damaged)?;
            self.mode = Mode::Locked { verifier };
        }
        Ok(())
    }

    pub fn turn_lock_on(&mut self, passphrase: &str) -> Result<(), LockError> {
        if self.is_locked() {
            return Err(LockError::Locked);
        }
        if self.lock_is_on() {
            return Err(LockError::AlreadyOn);
        }
        self.change_lock(Some(passphrase))
    }

    pub fn turn_lock_off(&mut self) -> Result<(), LockError> {
        match self.mode {
            Mode::Off => Err(LockError::AlreadyOff),
            Mode::Locked { .. } | Mode::Unfinished => Err(LockError::Locked),
            Mode::Unlocked { .. } => self.change_lock(None),
        }
    }

    /// Re-encrypts everything under a new passphrase (the device must be unlocked).
    pub fn change_passphrase(&mut self, new_passphrase: &str) -> Result<(), LockError> {
        match self.mode {
            Mode::Unlocked { .. } => self.change_lock(Some(new_passphrase)),
            Mode::Locked { .. } | Mode::Unfinished => Err(LockError::Locked),
            Mode::Off => Err(LockError::AlreadyOff),
        }
    }

    /// Reads every record in plaintext, seals it for the new state, and swaps all of them,
    /// with the lock record, in one journal transaction.
    fn change_lock(&mut self, passphrase: Option<&str>) -> Result<(), LockError> {
        if self.is_locked() {
            return Err(LockError::Locked);
        }
        let new = match passphrase {
            Some(p) => {
                check_passphrase(p)?;
                let derived = new_key(p, self.params, &self.policy, &mut self.random)?;
                let verifier = seal(&derived, VERIFIER_TEXT, VERIFIER_CONTEXT, &mut self.random)?;
                Some((derived.key.clone(), verifier))
            }
            None => None,
        };
        let mut changes = Vec::new();
        for key in self.data_keys()? {
            let Some(plain) = self.get(&key)? else {
                continue;
            };
            let stored = match &new {
                Some((k, _)) => seal_record(k, &key, &plain, &mut self.random)?,
                None => plain,
            };
            changes.push(Change {
                key,
                stored: Some(stored),
            });
        }
        let lock_text = match &new {
            Some((_, verifier)) => Some(lock_record_text(verifier)?),
            None => None,
        };
        changes.push(Change {
            key: LOCK_KEY.to_string(),
            stored: lock_text.clone(),
        });
        if let Err(e) = journal::apply(&mut self.inner, &changes) {
            if e == JournalError::Unfinished {
                self.mode = Mode::Unfinished;
            }
            return Err(e.into());
        }
        self.mode = match new {
            Some((key, _)) => Mode::Unlocked { key },
            None => Mode::Off,
        };
        self.lock_text = lock_text;
        Ok(())
    }

    /// The facilitator's record keys (not the lock's or journal's), sorted.
    pub fn data_keys(&self) -> Result<Vec<String>, StoreError> {
        let mut keys: Vec<String> = self
            .inner
            .keys()?
            .into_iter()
            .filter(|k| is_data_key(k))
            .collect();
        crate::domain::sort::sort(&mut keys);
        Ok(keys)
    }

    /// How `plaintext` would be stored under `key` right now: for journal transactions
    /// (restoring a backup) that must write final stored values themselves.
    pub fn stored_form(&mut self, key: &str, plaintext: &str) -> Result<String, LockError> {
        match &self.mode {
            Mode::Unlocked { key: k } if is_data_key(key) => {
                Ok(seal_record(k, key, plaintext, &mut self.random)?)
            }
            Mode::Locked { .. } | Mode::Unfinished => Err(LockError::Locked),
            _ => Ok(plaintext.to_string()),
        }
    }

    /// Puts the lock's own record back if the storage was cleared under the app, so the
    /// records written back next are sealed under a lock the next start still knows.
    pub fn rewrite_lock_record(&mut self) -> Result<(), StoreError> {
        if let Some(text) = &self.lock_text {
            if self.inner.get(LOCK_KEY)?.is_none() {
                self.inner.set(LOCK_KEY, text)?;
            }
        }
        Ok(())
    }

    /// The store underneath, as stored: for the journal and for wiping.
    pub fn inner_mut(&mut self) -> &mut S {
        &mut self.inner
    }

    pub fn into_inner(self) -> S {
        self.inner
    }
}

fn lock_record_text(verifier: &[u8]) -> Result<String, LockError> {
    let record = LockRecord {
        verifier: b64_encode(verifier),
    };
    encode("lock", 1, &record).map_err(|_| LockError::Damaged)
}

fn read_lock_record(text: &str) -> Option<Vec<u8>> {
    let envelope = decode(text, "lock").ok()?;
    if envelope.version != 1 {
        return None;
    }
    let record: LockRecord = serde_json::from_value(envelope.data).ok()?;
    b64_decode(&record.verifier)
}

impl<S: KeyValueStore> DeviceStore<S> {
    fn check_same_lock(&self) -> Result<(), StoreError> {
        if self.inner.get(LOCK_KEY)? != self.lock_text {
            return Err(StoreError::Other(
                "The lock was turned on or off in another tab or window. Reload this page \
                 to go on; nothing has been lost."
                    .to_string(),
            ));
        }
        Ok(())
    }
}

fn locked() -> StoreError {
    StoreError::Other(LockError::Locked.to_string())
}

impl<S: KeyValueStore> KeyValueStore for DeviceStore<S> {
    /// A sealed value that does not open (damaged, or copied from elsewhere) is handed back
    /// as it is stored: the loader then sets it aside like any unreadable record, so nothing
    /// is lost. A plaintext value (left over, or written by a tool) is read as it is.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let value = self.inner.get(key)?;
        if !is_data_key(key) {
            return Ok(value);
        }
        match (&self.mode, value) {
            (Mode::Locked { .. } | Mode::Unfinished, _) => Err(locked()),
            (Mode::Unlocked { key: k }, Some(v)) if is_sealed_record(&v) => {
                Ok(Some(open_record(k, key, &v).unwrap_or(v)))
            }
            (_, value) => Ok(value),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if !is_data_key(key) {
            return self.inner.set(key, value);
        }
        self.check_same_lock()?;
        let stored = match &self.mode {
            Mode::Off => return self.inner.set(key, value),
            Mode::Locked { .. } | Mode::Unfinished => return Err(locked()),
            Mode::Unlocked { key: k } => seal_record(k, key, value, &mut self.random)
                .map_err(|e| StoreError::Other(e.to_string()))?,
        };
        self.inner.set(key, &stored)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        if is_data_key(key) {
            if self.is_locked() {
                return Err(locked());
            }
            self.check_same_lock()?;
        }
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }

    /// Seals each value first, so the journal's staged copies are never plaintext.
    fn set_together(&mut self, changes: &[Change]) -> Result<(), StoreError> {
        self.check_same_lock()?;
        let mut stored = Vec::with_capacity(changes.len());
        for change in changes {
            let value = match &change.stored {
                Some(plain) => Some(
                    self.stored_form(&change.key, plain)
                        .map_err(|e| StoreError::Other(e.to_string()))?,
                ),
                None => None,
            };
            stored.push(Change {
                key: change.key.clone(),
                stored: value,
            });
        }
        self.inner.set_together(&stored)
    }

    fn commit(&mut self) {
        self.inner.commit()
    }

    fn durability(&self) -> super::durable::Durability {
        self.inner.durability()
    }

    fn has_room(&mut self) -> bool {
        self.inner.has_room()
    }

    fn is_durable_database(&self) -> bool {
        self.inner.is_durable_database()
    }
}

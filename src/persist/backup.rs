//! The encrypted backup file (`.peercircle-backup`): every Peercircle record, sealed with a
//! passphrase the facilitator chooses, and a restore that checks everything before touching
//! anything and then changes the device in one journal transaction.
//!
//! The file is text, so it survives e-mail and USB sticks:
//! `{"kind":"peercircle-backup","version":1,"note":"…","sealed":"<base64 crypto envelope>"}`.
//! Nothing but the kind, version and note is readable without the passphrase. Sealed inside
//! (context `peercircle-backup-v1`, which also binds the outer version) is
//! `{"created":"2026-11-24","app_version":"0.1.0","records":{"<key>":"<stored text>",…}}`.
//!
//! Records are kept as stored text, so an old backup's records are brought up to date by
//! the same migrations as stored data, when checked and again when loaded. Set-aside
//! (quarantined) records are included as they are: they are the facilitator's data that
//! this version could not read, and a wipe plus restore must not lose them. The lock's and
//! journal's own records are not: they belong to one device.

use super::crypto::{
    check_passphrase, new_key, open, seal, CryptoError, KdfParams, KdfPolicy, PassphraseProblem,
    Random,
};
use super::cryptoformat::{b64_decode, b64_encode};
use super::journal::{self, Change, JournalError};
use super::lock::{is_data_key, DeviceStore, LockError};
use super::records::{load_workspace, parse_key, LoadProblem, QUARANTINE_PREFIX};
use super::{KeyValueStore, MemoryStore, StoreError};
use crate::domain::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const FILE_EXTENSION: &str = "peercircle-backup";
pub const BACKUP_KIND: &str = "peercircle-backup";
pub const BACKUP_VERSION: u32 = 1;
/// The largest backup file read. Browser storage holds a few MB; a backup is that, sealed
/// and in base64, with room to spare. Checked before anything is decoded.
pub const MAX_BACKUP_BYTES: usize = 50_000_000;
const CONTEXT_V1: &[u8] = b"peercircle-backup-v1";
const NOTE: &str = "An encrypted Peercircle backup. Open it in Peercircle with its passphrase.";

#[derive(Serialize, Deserialize)]
struct BackupFile {
    kind: String,
    version: u32,
    #[serde(default)]
    note: String,
    sealed: String,
}

#[derive(Serialize, Deserialize)]
struct Contents {
    created: Date,
    #[serde(default)]
    app_version: String,
    records: BTreeMap<String, String>,
}

/// What the facilitator sees before confirming a restore.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupSummary {
    pub created: Date,
    pub format_version: u32,
    pub app_version: String,
    /// Programme names in the facilitator's order.
    pub programme_names: Vec<String>,
    pub groups: usize,
    pub participants: usize,
    pub sessions: usize,
    pub testimonies: usize,
    pub records: usize,
    pub set_aside_records: usize,
}

/// A backup that opened and passed every check, ready to restore.
#[derive(Clone, Debug)]
pub struct CheckedBackup {
    pub summary: BackupSummary,
    records: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("That passphrase does not open this backup. Check it and try again.")]
    WrongPassphrase,
    #[error("This is not a Peercircle backup file.")]
    NotABackup,
    #[error("This file is too large to be a Peercircle backup. Please choose the backup file.")]
    TooLarge,
    #[error(
        "This backup was made by a newer version of Peercircle. Update Peercircle, then try again."
    )]
    TooNew,
    #[error("This backup file is damaged and cannot be used. Nothing on this device was changed.")]
    Damaged,
    #[error("This backup file is incomplete (it was cut short, perhaps while copying). Nothing on this device was changed.")]
    Truncated,
    #[error("This backup file has been changed since it was saved, so it cannot be trusted. Nothing on this device was changed.")]
    Tampered,
    #[error("This backup holds data this version of Peercircle does not know ({0}). Update Peercircle, then try again.")]
    UnknownRecord(String),
    #[error("Part of this backup cannot be used: {0}. Nothing on this device was changed.")]
    Record(String),
    #[error("{0}")]
    Passphrase(#[from] PassphraseProblem),
    #[error("{0}")]
    Crypto(CryptoError),
    #[error("{0}")]
    Lock(LockError),
    #[error(
        "There is not enough room on this device to restore this backup, so nothing was \
         changed. Delete something you no longer need, then try again."
    )]
    NoRoom,
    #[error("{0}")]
    Store(StoreError),
}

impl From<CryptoError> for BackupError {
    fn from(e: CryptoError) -> Self {
        match e {
            CryptoError::WrongPassphrase => BackupError::WrongPassphrase,
            CryptoError::Corrupt => BackupError::Damaged,
            CryptoError::Truncated => BackupError::Truncated,
            CryptoError::Tampered => BackupError::Tampered,
            CryptoError::NotPeercircle => BackupError::NotABackup,
            CryptoError::UnsupportedVersion(_) => BackupError::TooNew,
            other => BackupError::Crypto(other),
        }
    }
}

impl From<StoreError> for BackupError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Full => BackupError::NoRoom,
            other => BackupError::Store(other),
        }
    }
}

impl From<JournalError> for BackupError {
    fn from(e: JournalError) -> Self {
        match e {
            JournalError::Store(s) => s.into(),
            other => BackupError::Lock(LockError::Journal(other)),
        }
    }
}

impl From<LockError> for BackupError {
    fn from(e: LockError) -> Self {
        match e {
            LockError::NoRoom => BackupError::NoRoom,
            other => BackupError::Lock(other),
        }
    }
}

/// Writes a backup of every record in `store` (the plaintext view: a `DeviceStore` when
/// the lock is on) at the production key-derivation cost.
pub fn create_backup(
    store: &dyn KeyValueStore,
    passphrase: &str,
    created: Date,
    random: Random,
) -> Result<String, BackupError> {
    create_backup_with(
        store,
        passphrase,
        created,
        KdfParams::PRODUCTION,
        &KdfPolicy::STANDARD,
        random,
    )
}

pub fn create_backup_with(
    store: &dyn KeyValueStore,
    passphrase: &str,
    created: Date,
    params: KdfParams,
    policy: &KdfPolicy,
    random: Random,
) -> Result<String, BackupError> {
    check_passphrase(passphrase)?;
    let mut records = BTreeMap::new();
    for key in store.keys()? {
        if is_data_key(&key) {
            if let Some(value) = store.get(&key)? {
                records.insert(key, value);
            }
        }
    }
    let contents = Contents {
        created,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        records,
    };
    let plain =
        zeroize::Zeroizing::new(serde_json::to_vec(&contents).map_err(|_| BackupError::Damaged)?);
    let key = new_key(passphrase, params, policy, random)?;
    let sealed = seal(&key, &plain, CONTEXT_V1, random)?;
    let file = BackupFile {
        kind: BACKUP_KIND.to_string(),
        version: BACKUP_VERSION,
        note: NOTE.to_string(),
        sealed: b64_encode(&sealed),
    };
    serde_json::to_string_pretty(&file).map_err(|_| BackupError::Damaged)
}

/// Opens and checks a backup without touching the device: the summary to show.
pub fn inspect_backup(bytes: &[u8], passphrase: &str) -> Result<BackupSummary, BackupError> {
    check_backup(bytes, passphrase, &KdfPolicy::STANDARD).map(|b| b.summary)
}

/// Opens a backup and checks kind, version, integrity, and that every record restores
/// through the same migrations and checks as stored data.
pub fn check_backup(
    bytes: &[u8],
    passphrase: &str,
    policy: &KdfPolicy,
) -> Result<CheckedBackup, BackupError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge);
    }
    let text = backup_text(bytes).ok_or(BackupError::NotABackup)?;
    let text = text.as_str();
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| {
        if text.trim_start().starts_with('{') {
            BackupError::Truncated
        } else {
            BackupError::NotABackup
        }
    })?;
    if value.get("kind").and_then(|k| k.as_str()) != Some(BACKUP_KIND) {
        return Err(BackupError::NotABackup);
    }
    let file: BackupFile = serde_json::from_value(value).map_err(|_| BackupError::Damaged)?;
    let context = match file.version {
        1 => CONTEXT_V1,
        v if v > BACKUP_VERSION => return Err(BackupError::TooNew),
        _ => return Err(BackupError::NotABackup),
    };
    let sealed = b64_decode(&file.sealed).ok_or(BackupError::Damaged)?;
    let opened = open(passphrase, &sealed, context, policy)?;
    let contents: Contents =
        serde_json::from_slice(&opened.plaintext).map_err(|_| BackupError::Damaged)?;
    let summary = summarise(&contents, file.version)?;
    Ok(CheckedBackup {
        summary,
        records: contents.records,
    })
}

/// The file's text, however an editor or mail program re-saved it: UTF-8 with or without a
/// byte-order mark, or UTF-16 (either byte order, with or without a mark).
pub fn backup_text(bytes: &[u8]) -> Option<String> {
    let utf16 = |bytes: &[u8], little: bool| -> Option<String> {
        if !bytes.len().is_multiple_of(2) {
            return None;
        }
        let units = bytes.chunks_exact(2).map(|b| {
            if little {
                u16::from_le_bytes([b[0], b[1]])
            } else {
                u16::from_be_bytes([b[0], b[1]])
            }
        });
        let text: Result<String, _> = char::decode_utf16(units).collect();
        let text = text.ok()?;
        Some(
            text.strip_prefix('\u{feff}')
                .map(str::to_string)
                .unwrap_or(text),
        )
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest).ok().map(str::to_string),
        [0xFF, 0xFE, ..] => utf16(bytes, true),
        [0xFE, 0xFF, ..] => utf16(bytes, false),
        // No mark: plain ASCII JSON starts with `{`, so a zero byte beside it tells UTF-16.
        [first, 0, ..] if *first != 0 => utf16(bytes, true),
        [0, second, ..] if *second != 0 => utf16(bytes, false),
        _ => std::str::from_utf8(bytes).ok().map(str::to_string),
    }
}

fn summarise(contents: &Contents, format_version: u32) -> Result<BackupSummary, BackupError> {
    let mut scratch = MemoryStore::default();
    let mut set_aside = 0;
    for (key, value) in &contents.records {
        if key.starts_with(QUARANTINE_PREFIX) {
            set_aside += 1;
            continue;
        }
        if !is_data_key(key) || parse_key(key).is_none() {
            return Err(BackupError::UnknownRecord(key.chars().take(60).collect()));
        }
        scratch.set(key, value)?;
    }
    // The very path stored data takes: decode, migrate, fill defaults, validate.
    let loaded = load_workspace(&mut scratch)?;
    if let Some(problem) = loaded.problems.first() {
        return Err(BackupError::Record(describe(problem)));
    }
    let ws = loaded.workspace;
    Ok(BackupSummary {
        created: contents.created,
        format_version,
        app_version: contents.app_version.clone(),
        programme_names: ws
            .programmes_in_order()
            .iter()
            .map(|p| p.name.clone())
            .collect(),
        groups: ws.programmes.iter().map(|p| p.groups.len()).sum(),
        participants: ws.programmes.iter().map(|p| p.participants.len()).sum(),
        sessions: ws.sessions.len(),
        testimonies: ws.testimonies.len(),
        records: contents.records.len() - set_aside,
        set_aside_records: set_aside,
    })
}

fn describe(problem: &LoadProblem) -> String {
    format!(
        "one record ({}) {}",
        problem.key.trim_start_matches("peercircle:"),
        problem.reason
    )
}

/// Replace: the device ends holding exactly the backup's records. Merge: records the
/// device does not have are added; where both have a record under the same key, the
/// device's is kept (and counted, so the facilitator is told), except set-aside records,
/// which are added under a fresh key so neither copy is lost. Merge works on keys: two
/// devices number their programmes independently, so "programme 1" from another device
/// is kept out rather than mixed in (renumbering on merge belongs to the domain).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestoreMode {
    Replace,
    Merge,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RestoreReport {
    pub written: usize,
    pub removed: usize,
    /// Merge only: records on both sides that differ; the device's copy was kept.
    pub kept_from_device: usize,
}

/// Restores all or nothing: every change goes through one journal transaction, so a full
/// store, a failed write or a closed tab leaves the device exactly as it was (or, past the
/// commit, exactly as the backup says). Writes are sealed when the lock is on.
pub fn restore_backup<S: KeyValueStore>(
    store: &mut DeviceStore<S>,
    backup: &CheckedBackup,
    mode: RestoreMode,
) -> Result<RestoreReport, BackupError> {
    if store.is_locked() {
        return Err(LockError::Locked.into());
    }
    let mut report = RestoreReport::default();
    let mut changes = Vec::new();
    let current = store.data_keys()?;
    if mode == RestoreMode::Replace {
        for key in current.iter().filter(|k| !backup.records.contains_key(*k)) {
            changes.push(Change {
                key: key.clone(),
                stored: None,
            });
            report.removed += 1;
        }
    }
    for (key, value) in &backup.records {
        let here = if current.contains(key) {
            store.get(key)?
        } else {
            None
        };
        if here.as_deref() == Some(value.as_str()) {
            continue;
        }
        let mut target = key.clone();
        if here.is_some() && mode == RestoreMode::Merge {
            match free_quarantine_key(key, &current, &backup.records) {
                // A set-aside record from the backup never displaces one set aside here.
                Some(free) => target = free,
                None => {
                    report.kept_from_device += 1;
                    continue;
                }
            }
        }
        let stored = store.stored_form(&target, value)?;
        changes.push(Change {
            key: target,
            stored: Some(stored),
        });
        report.written += 1;
    }
    journal::apply(store.inner_mut(), &changes)?;
    Ok(report)
}

/// For a set-aside record whose key is taken on this device: the first free
/// `peercircle:quarantine:restored-N:…` key. `None` for any other record.
fn free_quarantine_key(
    key: &str,
    current: &[String],
    incoming: &BTreeMap<String, String>,
) -> Option<String> {
    let rest = key.strip_prefix(QUARANTINE_PREFIX)?;
    (1u32..).find_map(|n| {
        let candidate = format!("{QUARANTINE_PREFIX}restored-{n}:{rest}");
        let taken = current.contains(&candidate) || incoming.contains_key(&candidate);
        (!taken).then_some(candidate)
    })
}

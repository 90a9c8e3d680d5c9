//! Changing many records as one step that a closed tab cannot leave half done. Used to
//! re-encrypt everything (lock on, off, new passphrase) and to restore a backup.
//!
//! Browser storage writes one key at a time, each atomically. So:
//! 1. write the journal (`staging`);
//! 2. write every new value under a staging key (`peercircle:journal:set:<key>`, or
//!    `…:del:<key>` for a removal), already in its final stored form;
//! 3. **commit**: rewrite the journal as `committed` (one atomic write). It is padded with as
//!    many characters as the largest single swap below can grow the store, then shrunk back:
//!    so a store that took the commit has room for every swap, and swapping never fails
//!    for want of space;
//! 4. swap: copy each staged value over its record (or remove the record), then remove the
//!    staging key; 5. remove the journal.
//!
//! `recover()`, run before anything else reads the store, rolls back an uncommitted journal
//! (the old records were never touched) and finishes a committed one (every new value is
//! staged). Every step is repeatable, so a crash during recovery is recovered too.

use super::envelope::{decode, encode};
use super::{KeyValueStore, StoreError};
use serde::{Deserialize, Serialize};

pub const JOURNAL_KEY: &str = "peercircle:journal";
const SET_PREFIX: &str = "peercircle:journal:set:";
const DEL_PREFIX: &str = "peercircle:journal:del:";
const KIND: &str = "journal";

/// One record's new stored value (`Some`) or its removal (`None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub key: String,
    pub stored: Option<String>,
}

#[derive(Serialize, Deserialize, PartialEq, Eq, Clone, Copy, Debug)]
#[serde(rename_all = "lowercase")]
enum State {
    Staging,
    Committed,
}

#[derive(Serialize, Deserialize)]
struct Journal {
    state: State,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    room: String,
}

/// What `recover()` found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recovery {
    Clean,
    RolledBack,
    Completed,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JournalError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "An unfinished change to this device's data could not be understood, so it has been \
         left exactly as it is. Restore from a backup, or ask for help."
    )]
    Damaged,
    /// Committed, but the browser stopped taking writes before the swap ended. Nothing is
    /// lost (every new value is staged); the next start's `recover()` finishes it.
    #[error(
        "A change to this device's data is only partly done because the browser stopped \
         saving. Nothing is lost: reload Peercircle and it will finish the change."
    )]
    Unfinished,
}

/// Is this key part of the journal's own bookkeeping?
pub fn is_journal_key(key: &str) -> bool {
    key == JOURNAL_KEY || key.starts_with(SET_PREFIX) || key.starts_with(DEL_PREFIX)
}

fn write_journal<S: KeyValueStore + ?Sized>(
    store: &mut S,
    state: State,
    room: usize,
) -> Result<(), StoreError> {
    let journal = Journal {
        state,
        room: " ".repeat(room),
    };
    let text = encode(KIND, 1, &journal).map_err(|e| StoreError::Other(e.to_string()))?;
    store.set(JOURNAL_KEY, &text)
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// Applies every change, or none. On a failure before the commit it rolls back and returns
/// the error (nothing changed); after the commit it rolls forward and returns `Ok` (all
/// changed), or `Unfinished` if the store refuses even that (the next start finishes it).
pub fn apply<S: KeyValueStore + ?Sized>(
    store: &mut S,
    changes: &[Change],
) -> Result<(), JournalError> {
    recover(store)?;
    let Err(error) = stage_and_commit(store, changes) else {
        return Ok(());
    };
    match recover(store) {
        Ok(Recovery::Completed) => Ok(()),
        Ok(_) => Err(error),
        // The rollback itself failed: still uncommitted means nothing changed (the next
        // start removes the staged copies); committed means the next start finishes.
        Err(_) => match read_state(store) {
            Ok(Some(State::Staging)) => Err(error),
            _ => Err(JournalError::Unfinished),
        },
    }
}

fn stage_and_commit<S: KeyValueStore + ?Sized>(
    store: &mut S,
    changes: &[Change],
) -> Result<(), JournalError> {
    write_journal(store, State::Staging, 0)?;
    let mut room = 0usize;
    for change in changes {
        match &change.stored {
            Some(value) => {
                store.set(&format!("{SET_PREFIX}{}", change.key), value)?;
                let old = store
                    .get(&change.key)?
                    .map_or(0, |v| chars(&v) + chars(&change.key));
                room = room.max((chars(value) + chars(&change.key)).saturating_sub(old));
            }
            None => store.set(&format!("{DEL_PREFIX}{}", change.key), "")?,
        }
    }
    write_journal(store, State::Committed, room)?;
    finish(store)
}

/// Puts the store in a consistent state after an interruption. Safe to run at every start.
fn read_state<S: KeyValueStore + ?Sized>(store: &S) -> Result<Option<State>, JournalError> {
    let Some(text) = store.get(JOURNAL_KEY)? else {
        return Ok(None);
    };
    let envelope = decode(&text, KIND).map_err(|_| JournalError::Damaged)?;
    let journal: Journal =
        serde_json::from_value(envelope.data).map_err(|_| JournalError::Damaged)?;
    Ok(Some(journal.state))
}

pub fn recover<S: KeyValueStore + ?Sized>(store: &mut S) -> Result<Recovery, JournalError> {
    match read_state(store)? {
        None => {
            // Staging keys never exist without a journal; clear any a foreign tool left.
            remove_staged(store)?;
            Ok(Recovery::Clean)
        }
        Some(State::Staging) => {
            remove_staged(store)?;
            store.remove(JOURNAL_KEY)?;
            Ok(Recovery::RolledBack)
        }
        Some(State::Committed) => {
            finish(store)?;
            Ok(Recovery::Completed)
        }
    }
}

fn staged_keys<S: KeyValueStore + ?Sized>(store: &S) -> Result<Vec<String>, StoreError> {
    let mut keys: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(SET_PREFIX) || k.starts_with(DEL_PREFIX))
        .collect();
    // Removals first: they free room before anything grows.
    crate::domain::sort::sort_by_key(&mut keys, |k| (k.starts_with(SET_PREFIX), k.clone()));
    Ok(keys)
}

fn remove_staged<S: KeyValueStore + ?Sized>(store: &mut S) -> Result<(), StoreError> {
    for key in staged_keys(store)? {
        store.remove(&key)?;
    }
    Ok(())
}

fn finish<S: KeyValueStore + ?Sized>(store: &mut S) -> Result<(), JournalError> {
    // Drop the commit's padding first: that frees the room the swaps are promised.
    write_journal(store, State::Committed, 0)?;
    for staged in staged_keys(store)? {
        if let Some(target) = staged.strip_prefix(DEL_PREFIX) {
            store.remove(target)?;
        } else if let Some(target) = staged.strip_prefix(SET_PREFIX) {
            if let Some(value) = store.get(&staged)? {
                store.set(target, &value)?;
            }
        }
        store.remove(&staged)?;
    }
    store.remove(JOURNAL_KEY)?;
    Ok(())
}

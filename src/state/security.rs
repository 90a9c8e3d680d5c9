//! The device lock, backups and wiping, as the app uses them: each step saves first, so a
//! lock, a backup or a re-encryption never leaves a change behind, and each refusal comes
//! back as the sentence to show.

use super::{AppState, Refusal, SaveStatus};
use crate::domain::workspace::Workspace;
use crate::domain::Date;
use crate::persist::backup::{self, CheckedBackup, RestoreMode, RestoreReport};
use crate::persist::crypto::KdfPolicy;
use crate::persist::records::load_workspace;
use crate::persist::KeyValueStore;
use leptos::prelude::*;

/// Whether the device lock is on, and whether the data is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockView {
    /// No lock: records are stored as they are.
    Off,
    /// The lock is on and the passphrase has not been given: nothing is in memory.
    Locked,
    /// The lock is on and the data is open.
    Open,
}

const UNSAVED: &str = "Some changes could not be saved yet, so Peercircle did not go on. \
                       Choose “Try saving again” at the top of the page first.";

impl AppState {
    /// Writes everything pending; refuses when something could not be written, so nothing
    /// typed is dropped by what comes next.
    fn save_everything(&self) -> Result<(), Refusal> {
        use crate::persist::durable::Durability;
        // A save the disk refused is tried again by the flush; until the disk answers, it
        // still counts as refused (locking over it would leave it only in this window).
        let refused_before = self
            .keeping
            .with_value(|k| matches!(k.store.durability(), Durability::Failed(_)));
        self.flush();
        let pending = self.keeping.with_value(|k| {
            !k.dirty.is_empty()
                || k.timer.is_some()
                || (refused_before && k.store.durability() != Durability::Durable)
        });
        // Writes still on their way to disk are fine: what comes next is written after them.
        if pending || matches!(self.save.get_untracked(), SaveStatus::Failed(_)) {
            return Err(Refusal(UNSAVED.to_string()));
        }
        Ok(())
    }

    /// Derives the key from the passphrase (the slow step) and loads everything.
    pub fn unlock(&self, passphrase: &str) -> Result<(), Refusal> {
        let loaded = self
            .keeping
            .try_update_value(|k| {
                k.store.unlock(passphrase)?;
                let loaded = load_workspace(&mut k.store)?;
                k.protected = loaded.protected.clone();
                k.unknown = loaded.unknown.clone();
                k.dirty.clear();
                Ok::<_, Refusal>(loaded)
            })
            .ok_or_else(gone)??;
        self.ws.set(loaded.workspace);
        self.problems.set(loaded.problems);
        self.lock.set(super::LockView::Open);
        Ok(())
    }

    /// Saves, drops the key (wiped from memory) and forgets the data until the next unlock.
    pub fn lock_now(&self) -> Result<(), Refusal> {
        if self.lock.get_untracked() != LockView::Open {
            return Ok(());
        }
        self.save_everything()?;
        self.keeping
            .try_update_value(|k| k.store.lock())
            .ok_or_else(gone)??;
        self.undo.set(None);
        self.problems.set(Vec::new());
        self.ws.set(Workspace::default());
        self.lock.set(LockView::Locked);
        Ok(())
    }

    /// Encrypts every record under a new passphrase, in one step that a closed tab cannot
    /// leave half done.
    pub fn turn_lock_on(&self, passphrase: &str) -> Result<(), Refusal> {
        self.check_in_charge()?;
        self.save_everything()?;
        self.keeping
            .try_update_value(|k| {
                k.store.turn_lock_on(passphrase)?;
                k.store.commit();
                Ok::<_, Refusal>(())
            })
            .ok_or_else(gone)??;
        // Shown as on only once the sealed records are on disk: a browser killed before
        // then reopens with the lock off, and must not have said it was on.
        self.settled();
        let lock = self.lock;
        self.when_durable(move || lock.set(LockView::Open));
        Ok(())
    }

    /// Stores every record unencrypted again, after checking the current passphrase.
    pub fn turn_lock_off(&self, current: &str) -> Result<(), Refusal> {
        self.check_in_charge()?;
        self.save_everything()?;
        self.keeping
            .try_update_value(|k| {
                k.store.verify(current)?;
                k.store.turn_lock_off()?;
                k.store.commit();
                Ok::<_, Refusal>(())
            })
            .ok_or_else(gone)??;
        self.settled();
        self.lock.set(LockView::Off);
        Ok(())
    }

    pub fn change_passphrase(&self, current: &str, new: &str) -> Result<(), Refusal> {
        self.check_in_charge()?;
        self.save_everything()?;
        self.keeping
            .try_update_value(|k| {
                k.store.verify(current)?;
                k.store.change_passphrase(new)?;
                k.store.commit();
                Ok::<_, Refusal>(())
            })
            .ok_or_else(gone)??;
        self.settled();
        Ok(())
    }

    /// The text of a backup file holding every record, sealed with `passphrase`. Notes the
    /// day, which quiets the backup reminder.
    pub fn create_backup(&self, passphrase: &str, today: Date) -> Result<String, Refusal> {
        self.save_everything()?;
        let text = self
            .keeping
            .try_update_value(|k| {
                let mut random = crate::persist::random::fill;
                backup::create_backup(&k.store, passphrase, today, &mut random)
            })
            .ok_or_else(gone)??;
        // A viewer tab cannot note it; the file is still good.
        let _ = self.change(|ws| {
            ws.settings.note_backup(today);
            Ok::<_, Refusal>(())
        });
        Ok(text)
    }

    /// Opens and checks a backup file without touching anything on this device.
    pub fn check_backup(&self, bytes: &[u8], passphrase: &str) -> Result<CheckedBackup, Refusal> {
        Ok(backup::check_backup(
            bytes,
            passphrase,
            &KdfPolicy::STANDARD,
        )?)
    }

    /// Replaces or merges in one journal step. The page reloads afterwards to read it all.
    pub fn restore_backup(
        &self,
        checked: &CheckedBackup,
        mode: RestoreMode,
    ) -> Result<RestoreReport, Refusal> {
        self.check_in_charge()?;
        self.save_everything()?;
        let report = self
            .keeping
            .try_update_value(|k| {
                let report = backup::restore_backup(&mut k.store, checked, mode)?;
                k.store.commit();
                Ok::<_, Refusal>(report)
            })
            .ok_or_else(gone)??;
        // Nothing in memory may be written over what was just restored.
        self.keeping.update_value(|k| k.dirty.clear());
        self.settled();
        Ok(report)
    }

    /// Removes every Peercircle key from this browser's storage (records, set-aside
    /// records, the lock and any unfinished step). Works while locked.
    pub fn wipe(&self) -> Result<usize, Refusal> {
        // Only the tab in charge: another tab could otherwise save its copy back.
        self.check_in_charge()?;
        self.keeping
            .try_update_value(|k| {
                k.dirty.clear();
                k.wiped = true;
                if let Some(timer) = k.timer.take() {
                    timer.clear();
                }
                let removed = crate::persist::wipe::wipe(k.store.inner_mut())?;
                k.store.commit();
                Ok::<_, crate::persist::StoreError>(removed)
            })
            .ok_or_else(gone)?
            .map_err(Refusal::from)
    }

    fn check_in_charge(&self) -> Result<(), Refusal> {
        if self.tab.get_untracked() != super::TabRole::Active {
            return Err(crate::domain::DomainError::ReadOnly.into());
        }
        Ok(())
    }
}

fn gone() -> Refusal {
    Refusal("Peercircle is closing. Reload the page to go on.".to_string())
}

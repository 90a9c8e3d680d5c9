//! The reactive layer: one `AppState` provided at the root. Every change goes through
//! `AppState::change` (or `edit_programme`, `edit_session`, `edit_settings`), which works out
//! the records the change touched and saves them shortly after, so typing in one programme
//! rewrites one small record.

mod autosave;
pub mod device;
mod guard;
pub mod reader;
pub mod route;
pub mod security;
#[cfg(target_arch = "wasm32")]
mod tablock;
pub mod tabs;

use crate::domain::workspace::{RecordKey, Workspace};
use crate::domain::Id;
use crate::persist::lock::DeviceStore;
use crate::persist::records::LoadProblem;
use crate::persist::{KeyValueStore, MemoryStore, StoreError};
use leptos::prelude::*;
use std::collections::BTreeSet;

pub use route::Route;
pub use security::LockView;
pub use tabs::TabRole;

/// Why an edit was refused, as the sentence shown next to what failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal(pub String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for Refusal {
    fn from(reason: String) -> Refusal {
        Refusal(reason)
    }
}

macro_rules! refusal_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Refusal {
            fn from(e: $t) -> Refusal {
                Refusal(e.to_string())
            }
        }
    )*};
}
refusal_from!(
    crate::domain::DomainError,
    crate::domain::session::SessionError,
    crate::domain::questions::QuestionError,
    crate::domain::timer::TimerError,
    crate::persist::StoreError,
    crate::persist::lock::LockError,
    crate::persist::backup::BackupError
);

/// What the save indicator shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    Pending,
    Failed(StoreError),
}

/// Something put right by "Undo" for a short while after a delete.
#[derive(Clone, Debug, PartialEq)]
pub struct UndoOffer {
    pub message: String,
    pub restore: UndoAction,
}

#[derive(Clone, Debug, PartialEq)]
pub enum UndoAction {
    /// Boxed: a whole programme is far larger than the other kinds of undo.
    Programme(Box<crate::domain::programme::Programme>),
    Group {
        programme: Id,
        at: usize,
        group: crate::domain::programme::Group,
    },
    Participant {
        programme: Id,
        at: usize,
        person: crate::domain::roster::Participant,
    },
    /// A session deleted from its page (started by mistake, say).
    Session(Box<crate::domain::session::Session>),
}

/// Things outside the reactive graph: the store, which records need writing, which must not
/// be overwritten.
pub(crate) struct Keeping {
    /// Plaintext to the app; sealed in storage while the device lock is on.
    store: DeviceStore<Box<dyn KeyValueStore>>,
    dirty: BTreeSet<RecordKey>,
    protected: BTreeSet<String>,
    /// Fields this version does not know, per record, written back on every save.
    unknown: std::collections::BTreeMap<RecordKey, crate::persist::unknown::Unknown>,
    timer: Option<TimeoutHandle>,
    /// The storage was too full at start to take a write: the data is shown read-only
    /// until room is made.
    full_at_start: bool,
    /// This device was wiped on purpose: nothing in memory may be written back.
    wiped: bool,
    /// To do once every write is on disk (show the lock as on, reload after a restore).
    after_durable: Vec<Box<dyn FnOnce()>>,
    /// To do once the disk has answered, either way (a hand-over waits for it).
    after_settled: Vec<Box<dyn FnOnce()>>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub ws: RwSignal<Workspace>,
    pub save: RwSignal<SaveStatus>,
    pub problems: RwSignal<Vec<LoadProblem>>,
    /// Set when the browser refused storage; the app then works in memory only.
    pub storage_warning: RwSignal<Option<StoreError>>,
    /// The browser's storage was cleared while the app was open; everything in memory was
    /// (or is being) written back.
    pub storage_cleared: RwSignal<bool>,
    pub tab: RwSignal<TabRole>,
    /// Why the last take-over did not happen, when the tab in charge refused.
    pub tab_note: RwSignal<Option<String>>,
    pub route: RwSignal<Route>,
    pub update_ready: RwSignal<bool>,
    pub undo: RwSignal<Option<UndoOffer>>,
    /// Whether the device lock is on, and whether the data is open.
    pub lock: RwSignal<LockView>,
    keeping: StoredValue<Keeping, LocalStorage>,
}

/// Today on this device's calendar.
pub fn today() -> crate::domain::Date {
    let now = js_sys::Date::new_0();
    crate::domain::Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|| crate::domain::Date::from_days_since_epoch(0))
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Opens the browser's storage (or memory when refused) and loads everything. `Err` when
    /// there are records to read and the code that reads them did not arrive (see `reader`):
    /// then nothing is shown that could be saved over them.
    pub async fn start() -> Result<AppState, reader::Unavailable> {
        // The durable store, opened before the app started (`main`). Where the browser has
        // none (or it would not open), local storage; where it refuses that too, memory.
        #[cfg(target_arch = "wasm32")]
        if let Some(crate::persist::idb::Opened::Ready(warning)) =
            crate::persist::idb::take_opened()
        {
            let state = AppState::open(Box::new(crate::persist::idb::IdbStore), warning).await?;
            crate::persist::idb::on_settled(move || state.settled());
            return Ok(state);
        }
        // A store too full for even a tiny write still holds the facilitator's data: open it
        // read-only rather than show an empty app whose typing and backups would be lost.
        let (store, warning): (Box<dyn KeyValueStore>, Option<StoreError>) =
            match crate::persist::storage::BrowserStore::open_even_if_full() {
                Ok((store, false)) => (Box::new(store), None),
                Ok((store, true)) => (Box::new(store), Some(StoreError::FullAtStart)),
                Err(e) => (Box::new(MemoryStore::default()), Some(e)),
            };
        AppState::open(store, warning).await
    }

    /// `from_store`, with the record reader fetched only when the store holds a record.
    pub async fn open(
        store: Box<dyn KeyValueStore>,
        warning: Option<StoreError>,
    ) -> Result<AppState, reader::Unavailable> {
        let (store, lock, warning) = Self::device(store, warning);
        let (store, loaded) = match (lock, reader::has_records(&store)) {
            (LockView::Locked, _) => (store, Ok(Default::default())),
            (_, Ok(false)) => (store, Ok(crate::persist::records::Loaded::fresh())),
            _ => reader::read_all(store).await?,
        };
        Ok(Self::assemble(store, lock, loaded, warning))
    }

    /// Wraps the store in the device lock (finishing any re-encryption a closed tab
    /// interrupted) and loads everything, unless the lock is on: then nothing is read until
    /// the passphrase is given. Lock settings that cannot be read leave the stored data
    /// untouched and the app working in memory, with the reason shown.
    pub fn from_store(store: Box<dyn KeyValueStore>, warning: Option<StoreError>) -> AppState {
        let (mut store, lock, warning) = Self::device(store, warning);
        let loaded = if lock == LockView::Locked {
            Ok(Default::default())
        } else {
            crate::persist::records::load_workspace(&mut store)
        };
        Self::assemble(store, lock, loaded, warning)
    }

    fn device(
        store: Box<dyn KeyValueStore>,
        warning: Option<StoreError>,
    ) -> (reader::Device, LockView, Option<StoreError>) {
        let (store, warning) =
            match DeviceStore::open(store, crate::persist::random::browser_random()) {
                Ok(device) => (device, warning),
                Err(e) => {
                    let memory: Box<dyn KeyValueStore> = Box::new(MemoryStore::default());
                    let device =
                        DeviceStore::without_lock(memory, crate::persist::random::browser_random());
                    (device, Some(StoreError::Other(e.to_string())))
                }
            };
        let lock = if store.is_locked() {
            LockView::Locked
        } else if store.lock_is_on() {
            LockView::Open
        } else {
            LockView::Off
        };
        (store, lock, warning)
    }

    fn assemble(
        mut store: reader::Device,
        lock: LockView,
        loaded: Result<crate::persist::records::Loaded, StoreError>,
        warning: Option<StoreError>,
    ) -> AppState {
        let (loaded, warning) = match loaded {
            Ok(loaded) => (loaded, warning),
            Err(e) => (Default::default(), Some(e)),
        };
        let full_at_start = warning == Some(StoreError::FullAtStart);
        if !full_at_start {
            let _ = crate::persist::sentinel::mark(&mut store);
        }
        // What loading wrote (records set aside, older formats brought up, the marker) goes
        // to disk now, not with the next edit.
        store.commit();
        AppState {
            ws: RwSignal::new(loaded.workspace),
            save: RwSignal::new(SaveStatus::Saved),
            problems: RwSignal::new(loaded.problems),
            storage_warning: RwSignal::new(warning),
            storage_cleared: RwSignal::new(false),
            tab: RwSignal::new(TabRole::Active),
            tab_note: RwSignal::new(None),
            route: RwSignal::new(Route::Programmes),
            update_ready: RwSignal::new(false),
            undo: RwSignal::new(None),
            lock: RwSignal::new(lock),
            keeping: StoredValue::new_local(Keeping {
                store,
                dirty: BTreeSet::new(),
                protected: loaded.protected,
                unknown: loaded.unknown,
                timer: None,
                full_at_start,
                wiped: false,
                after_durable: Vec::new(),
                after_settled: Vec::new(),
            }),
        }
    }

    /// Reads one programme, followed as it changes (in a memo or a view, the reader re-runs
    /// when the workspace does); `None` once the programme is gone.
    pub fn with_programme<T>(
        &self,
        id: Id,
        read: impl FnOnce(&crate::domain::programme::Programme) -> T,
    ) -> Option<T> {
        self.ws.with(|ws| ws.programme(id).map(read))
    }

    /// Changes one programme (see `change`).
    pub fn edit_programme<R, E>(
        &self,
        id: Id,
        change: impl FnOnce(&mut crate::domain::programme::Programme) -> Result<R, E>,
    ) -> Result<R, E>
    where
        E: From<crate::domain::DomainError>,
    {
        self.change(|ws| change(ws.programme_mut(id)?))
    }

    /// Changes the device's settings (see `change`).
    pub fn edit_settings<R, E>(
        &self,
        change: impl FnOnce(&mut crate::domain::workspace::Settings) -> Result<R, E>,
    ) -> Result<R, E>
    where
        E: From<crate::domain::DomainError>,
    {
        self.change(|ws| change(&mut ws.settings))
    }

    /// Changes one session (see `change`); only its record is rewritten.
    pub fn edit_session<R>(
        &self,
        id: Id,
        change: impl FnOnce(
            &mut crate::domain::session::Session,
        ) -> Result<R, crate::domain::session::SessionError>,
    ) -> Result<R, Refusal> {
        self.change(|ws| Ok(change(ws.session_mut(id)?)?))
    }

    /// The one door for changing data: applies `change` to the workspace, works out which
    /// records it changed (`Workspace::changed_since`) and saves those shortly after. Nobody
    /// lists what their change touches. A tab that is not in charge changes nothing, so two
    /// tabs never overwrite each other; a change that would rewrite a record this version
    /// must not overwrite is undone and refused, so nothing is shown as saved that cannot be.
    pub fn change<R, E>(&self, change: impl FnOnce(&mut Workspace) -> Result<R, E>) -> Result<R, E>
    where
        E: From<crate::domain::DomainError>,
    {
        use crate::domain::DomainError;
        if self.tab.get_untracked() != TabRole::Active {
            return Err(DomainError::ReadOnly.into());
        }
        if let Some(reason) = self.still_full() {
            return Err(DomainError::Invalid(reason).into());
        }
        let protected = self.keeping.with_value(|k| k.protected.clone());
        let settings_key = crate::persist::records::key_name(RecordKey::Settings);
        let is_protected =
            |key: &RecordKey| protected.contains(&crate::persist::records::key_name(*key));
        let mut change = Some(change);
        let mut outcome = None;
        let mut changed = BTreeSet::new();
        // Rules check before they change anything, so a refused edit leaves the data as it
        // was; only a successful one wakes the views (and a refused one keeps what the
        // person typed on screen).
        self.ws.update_untracked(|ws| {
            let Some(change) = change.take() else {
                return;
            };
            // Only when some record must not be overwritten (rare): a copy to go back to.
            let kept = (!protected.is_empty()).then(|| ws.clone());
            // The first change since the last backup starts the backup reminder's week. It
            // is noted before the change, so a change that is itself a backup clears it.
            let unbacked = ws.settings.unbacked_since;
            let first_unbacked = ws.settings.note_change(today());
            let before = ws.before_edit();
            let result = change(ws);
            if result.is_err() {
                ws.settings.unbacked_since = unbacked;
                outcome = Some(result);
                return;
            }
            changed = ws.changed_since(&before);
            if changed.iter().any(is_protected) {
                if let Some(kept) = kept {
                    *ws = kept;
                }
                changed.clear();
                let reason = crate::persist::StoreError::Protected.to_string();
                outcome = Some(Err(DomainError::Invalid(reason).into()));
                return;
            }
            if first_unbacked && !protected.contains(&settings_key) {
                changed.insert(RecordKey::Settings);
            }
            outcome = Some(result);
        });
        let outcome = outcome.unwrap_or_else(|| Err(DomainError::ReadOnly.into()));
        if outcome.is_ok() {
            self.ws.notify();
            self.keeping.update_value(|k| k.dirty.extend(changed));
            self.save.set(SaveStatus::Pending);
            autosave::schedule(*self);
        }
        outcome
    }

    /// True while anything typed is not yet safely stored: an edit waiting for its save, or a
    /// save that failed or was refused. Auto-lock, a hand-over and closing the tab wait on
    /// it. Tracked, so a view or effect that reads it follows it.
    pub fn unsaved_work(&self) -> bool {
        self.save.with(|s| *s != SaveStatus::Saved) || self.unsaved_work_untracked()
    }

    /// `unsaved_work`, read without subscribing (in event handlers).
    pub fn unsaved_work_untracked(&self) -> bool {
        self.save.with_untracked(|s| *s != SaveStatus::Saved)
            || self.keeping.with_value(|k| {
                !k.dirty.is_empty()
                    || k.timer.is_some()
                    || k.store.durability() != crate::persist::durable::Durability::Durable
            })
    }

    /// Runs `then` once every write so far is on disk (at once if it is). Waits through a
    /// refused save until a later one succeeds.
    pub fn when_durable(&self, then: impl FnOnce() + 'static) {
        let durable = self.keeping.with_value(|k| {
            k.dirty.is_empty()
                && k.store.durability() == crate::persist::durable::Durability::Durable
        });
        if durable {
            then();
        } else {
            self.keeping
                .update_value(|k| k.after_durable.push(Box::new(then)));
        }
    }

    /// Runs `then` once the disk has answered for every write so far, saved or refused.
    pub fn when_settled(&self, then: impl FnOnce() + 'static) {
        let writing = self.keeping.with_value(|k| {
            k.timer.is_some()
                || k.store.durability() == crate::persist::durable::Durability::Writing
        });
        if writing {
            self.keeping
                .update_value(|k| k.after_settled.push(Box::new(then)));
        } else {
            then();
        }
    }

    /// The disk answered (a batch landed or was refused), or was found emptied under the
    /// app: the status follows, and whatever waited for it runs.
    pub fn settled(&self) {
        use crate::persist::durable::Durability;
        self.check_storage();
        if self.keeping.with_value(|k| k.full_at_start) {
            let _ = self.still_full();
        }
        let (durability, dirty) = self.keeping.with_value(|k| {
            (
                k.store.durability(),
                !k.dirty.is_empty() || k.timer.is_some(),
            )
        });
        let status = match (&durability, dirty) {
            (Durability::Failed(e), _) => SaveStatus::Failed(e.clone()),
            (_, true) | (Durability::Writing, _) => SaveStatus::Pending,
            (Durability::Durable, false) => SaveStatus::Saved,
        };
        if self.save.with_untracked(|s| *s != status) {
            self.save.set(status);
        }
        let mut run: Vec<Box<dyn FnOnce()>> = Vec::new();
        self.keeping.update_value(|k| {
            if durability != Durability::Writing && k.timer.is_none() {
                run.append(&mut k.after_settled);
            }
            if durability == Durability::Durable && !dirty {
                run.append(&mut k.after_durable);
            }
        });
        for then in run {
            then();
        }
    }

    /// Writes every pending record now (used before the page is hidden or handed over).
    pub fn flush(&self) {
        autosave::flush(*self);
    }

    /// A viewer picks up a session the tab in charge just saved. Read only: a record that
    /// cannot be read is simply not shown (the tab in charge deals with it). The reading
    /// code may still be on its way (`reader`); the record is read once it is here.
    pub fn refresh_record(&self, key: &str) {
        let Some(RecordKey::Session(id)) = crate::persist::records::parse_key(key) else {
            return;
        };
        let app = *self;
        leptos::task::spawn_local(async move {
            // Not arrived: this window keeps what it shows until the next change or reload.
            let _ = reader::refresh_session(app, id).await;
        });
    }

    pub(crate) fn refresh_session_now(&self, id: Id) {
        use crate::persist::records::{key_name, restore};
        let key = key_name(RecordKey::Session(id));
        let text = self
            .keeping
            .try_update_value(|k| k.store.get(&key).ok().flatten())
            .flatten();
        let session = text.and_then(|t| {
            restore::<crate::domain::session::Session>(&t, &crate::persist::migrate::SESSION)
                .ok()
                .filter(|s| s.id() == id && s.validate().is_ok())
        });
        self.ws.update(|ws| {
            ws.sessions.retain(|s| s.id() != id);
            if let Some(s) = session {
                ws.sessions.push(s);
            }
        });
    }

    /// Reads the store directly, for Settings (set-aside records).
    pub fn with_store<R>(&self, read: impl FnOnce(&mut dyn KeyValueStore) -> R) -> Option<R> {
        self.keeping.try_update_value(|k| read(&mut k.store))
    }
}

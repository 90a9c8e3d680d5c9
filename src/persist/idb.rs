//! The browser's durable store: IndexedDB, written in transactions with strict durability,
//! so a write the browser confirms is on disk (local storage, used before, writes to disk
//! lazily: a browser killed 30 s after "All changes saved" lost the changes). Reads answer
//! from memory at once (`durable::WriteQueue`); writes go to disk in the background, one
//! transaction at a time, and the save status follows what the disk confirmed.
//!
//! One store per page, kept here: the transaction's callbacks and the other tabs' messages
//! reach it without a handle. Local storage's records are moved in once, at start.

use super::durable::{self, Durability, WriteQueue};
use super::{KeyValueStore, StoreError};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "peercircle";
const TABLE: &str = "records";
const VERSION: u32 = 1;
/// Tabs tell each other what they wrote, as local storage's `storage` event did.
const CHANNEL: &str = "peercircle-store";
/// How long opening the database may take before the app starts without it.
const OPEN_TIMEOUT_MS: i32 = 4000;

#[derive(Default)]
struct Shared {
    queue: WriteQueue,
    db: Option<IdbDatabase>,
    /// Opening (or reopening) is under way: writes wait for it.
    opening: bool,
    /// The disk had no room at start: the app opened read-only.
    full_at_start: bool,
    /// A probe write is on its way to see whether room was made.
    probing: bool,
    channel: Option<web_sys::BroadcastChannel>,
}

/// Told each key another tab wrote.
type Listener = Rc<dyn Fn(&str)>;

thread_local! {
    static SHARED: RefCell<Option<Shared>> = const { RefCell::new(None) };
    /// Called whenever a batch lands or is refused, or the disk was emptied under the app.
    static ON_SETTLED: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
    /// Called with each key another tab wrote, after memory took it.
    static ON_CHANGE: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
    /// What `open_for_app` found, for `AppState::start`.
    static OPENED: RefCell<Option<Opened>> = const { RefCell::new(None) };
}

/// What opening found: the store, or why the app must start without it.
pub enum Opened {
    Ready(Option<StoreError>),
    Unavailable,
}

fn with<R>(f: impl FnOnce(&mut Shared) -> R) -> Option<R> {
    SHARED.with(|s| s.borrow_mut().as_mut().map(f))
}

/// The handle the app keeps; all state is in this page's `SHARED`.
pub struct IdbStore;

impl KeyValueStore for IdbStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        with(|s| s.queue.get(key)).ok_or(StoreError::Unavailable)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        with(|s| s.queue.set(key, value)).ok_or(StoreError::Unavailable)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        with(|s| s.queue.remove(key)).ok_or(StoreError::Unavailable)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        with(|s| s.queue.keys()).ok_or(StoreError::Unavailable)
    }

    /// Every write of one call reaches the disk in one transaction: all or none.
    fn set_together(&mut self, changes: &[super::journal::Change]) -> Result<(), StoreError> {
        with(|s| {
            for change in changes {
                match &change.stored {
                    Some(value) => s.queue.set(&change.key, value),
                    None => s.queue.remove(&change.key),
                }
            }
        })
        .ok_or(StoreError::Unavailable)
    }

    fn commit(&mut self) {
        send_next();
    }

    fn durability(&self) -> Durability {
        with(|s| s.queue.durability()).unwrap_or(Durability::Durable)
    }

    fn is_durable_database(&self) -> bool {
        true
    }

    fn has_room(&mut self) -> bool {
        let full = with(|s| s.full_at_start).unwrap_or(false);
        if full {
            probe();
        }
        !full
    }
}

/// Takes what `open_for_app` found (once).
pub fn take_opened() -> Option<Opened> {
    OPENED.with(|o| o.borrow_mut().take())
}

/// Called when the disk settles (a batch landed or was refused) or was emptied.
pub fn on_settled(f: impl Fn() + 'static) {
    ON_SETTLED.with(|s| *s.borrow_mut() = Some(Rc::new(f)));
}

/// Called with each key another tab wrote (after this tab's memory took it).
pub fn on_change(f: impl Fn(&str) + 'static) {
    ON_CHANGE.with(|s| s.borrow_mut().push(Rc::new(f)));
}

fn settled() {
    let hook = ON_SETTLED.with(|s| s.borrow().clone());
    if let Some(hook) = hook {
        hook();
    }
}

/// Opens the database, reads every record into memory and moves in what local storage
/// still holds; before the app starts, so the first screen shows saved data.
pub async fn open_for_app() {
    let opened = match open_database().await {
        Ok(db) => match read_all(&db).await {
            Ok(entries) => {
                SHARED.with(|s| {
                    *s.borrow_mut() = Some(Shared {
                        queue: WriteQueue::loaded(entries),
                        db: Some(db.clone()),
                        channel: listen(),
                        ..Shared::default()
                    })
                });
                watch_connection(&db);
                Opened::Ready(move_from_local_storage().await)
            }
            Err(_) => Opened::Unavailable,
        },
        Err(_) => Opened::Unavailable,
    };
    OPENED.with(|o| *o.borrow_mut() = Some(opened));
}

fn factory() -> Result<web_sys::IdbFactory, JsValue> {
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .indexed_db()?
        .ok_or_else(|| JsValue::from_str("no IndexedDB"))
}

async fn open_database() -> Result<IdbDatabase, JsValue> {
    let request = factory()?.open_with_u32(DATABASE, VERSION)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let db = ev
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(TABLE) {
                let _ = db.create_object_store(TABLE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = with_timeout(wait_for(&request), OPEN_TIMEOUT_MS).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    result?.dyn_into::<IdbDatabase>()
}

/// The request's result, once it succeeds.
fn wait_for(request: &IdbRequest) -> js_sys::Promise {
    let request = request.clone();
    js_sys::Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move |_: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::NULL));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move |_: JsValue| {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    })
}

/// The promise's outcome, or an error after `ms` (a database blocked by another tab must not
/// keep the app from starting).
async fn with_timeout(promise: js_sys::Promise, ms: i32) -> Result<JsValue, JsValue> {
    const LATE: &str = "peercircle-timed-out";
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let late = js_sys::Array::of1(&JsValue::from_str(LATE));
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments(&resolve, ms, &late);
        }
    });
    let value =
        JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(&promise, &timer))).await?;
    if value.as_string().as_deref() == Some(LATE) {
        return Err(JsValue::from_str(LATE));
    }
    Ok(value)
}

async fn read_all(db: &IdbDatabase) -> Result<Vec<(String, String)>, JsValue> {
    let tx = db.transaction_with_str(TABLE)?;
    let table = tx.object_store(TABLE)?;
    let keys = table.get_all_keys()?;
    let values = table.get_all()?;
    let keys = js_sys::Array::from(&JsFuture::from(wait_for(&keys)).await?);
    let values = js_sys::Array::from(&JsFuture::from(wait_for(&values)).await?);
    Ok(keys
        .iter()
        .zip(values.iter())
        .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
        .collect())
}

/// A disk emptied under the app (site data cleared: the browser closes the connection) or a
/// database deleted by another window (it asks this one to let go first).
fn watch_connection(db: &IdbDatabase) {
    let on_close = Closure::<dyn Fn()>::new(|| lost_connection(true));
    db.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    on_close.forget();
    let on_version = Closure::<dyn Fn()>::new(|| lost_connection(false));
    db.set_onversionchange(Some(on_version.as_ref().unchecked_ref()));
    on_version.forget();
}

fn lost_connection(emptied: bool) {
    with(|s| {
        if let Some(db) = s.db.take() {
            db.close();
        }
    });
    if emptied {
        with(|s| s.queue.emptied());
        settled();
    }
    // Deleted (or upgraded) by another window: the regular check looks again shortly. Not at
    // once: an open asked for while the deletion waits on this page's last transaction could
    // leave both waiting for ever (seen in Chromium).
}

/// Looks on disk for records memory has as written: the start-up marker and the settings.
/// When one is gone, the disk was emptied under the app. (The settings too: a second tab
/// opening on an emptied disk writes its own marker before it learns it is not in charge.)
/// Reopens a lost connection first.
pub fn check_present() {
    wasm_bindgen_futures::spawn_local(async {
        let watched = [
            super::sentinel::SENTINEL_KEY.to_string(),
            super::records::key_name(crate::domain::workspace::RecordKey::Settings),
        ];
        let expected: Vec<String> = with(|s| {
            watched
                .iter()
                .filter(|k| s.queue.get(k).is_some() && !s.queue.is_unwritten(k))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
        if expected.is_empty() {
            return;
        }
        let Some(db) = connection().await else {
            return;
        };
        let found = async {
            let tx = db.transaction_with_str(TABLE)?;
            let table = tx.object_store(TABLE)?;
            // Every read asked for before waiting: the transaction stays open for them.
            let requests = expected
                .iter()
                .map(|key| table.get(&JsValue::from_str(key)).map(|r| wait_for(&r)))
                .collect::<Result<Vec<_>, JsValue>>()?;
            for request in requests {
                let value = JsFuture::from(request).await?;
                if value.is_undefined() || value.is_null() {
                    return Ok::<bool, JsValue>(false);
                }
            }
            Ok(true)
        }
        .await;
        // Still missing once this page's own writes are in (none was on its way).
        let quiet = with(|s| expected.iter().all(|k| !s.queue.is_unwritten(k))).unwrap_or(false);
        if let (Ok(false), true) = (found, quiet) {
            with(|s| s.queue.emptied());
            settled();
        }
    });
}

/// The open connection, reopening it (a new, empty database if it was deleted) when lost.
async fn connection() -> Option<IdbDatabase> {
    if let Some(db) = with(|s| s.db.clone()).flatten() {
        return Some(db);
    }
    // Opening already (the regular check and a save can both find it lost): wait for it.
    for _ in 0..100 {
        match with(|s| s.opening) {
            Some(true) => sleep(50).await,
            Some(false) => break,
            None => return None,
        }
    }
    if let Some(db) = with(|s| s.db.clone()).flatten() {
        return Some(db);
    }
    if with(|s| std::mem::replace(&mut s.opening, true)) != Some(false) {
        return None;
    }
    // Just after site data was cleared the browser refuses (closes) new connections for a
    // moment: try again for a couple of seconds.
    let mut db = None;
    for _ in 0..10 {
        db = open_database().await.ok();
        if db.is_some() {
            break;
        }
        sleep(200).await;
    }
    with(|s| {
        s.opening = false;
        s.db = db.clone();
    });
    if let Some(db) = &db {
        watch_connection(db);
    }
    db
}

async fn sleep(ms: i32) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(wait).await;
}

/// Sends the next batch, if none is on its way.
fn send_next() {
    let Some(Some(batch)) = with(|s| s.queue.begin()) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = connection().await else {
            refused(StoreError::Other(
                "The browser's storage could not be opened".to_string(),
            ));
            return;
        };
        if let Err(e) = write(&db, &batch) {
            refused(super::storage::map_error(e));
        }
    });
}

fn refused(error: StoreError) {
    with(|s| s.queue.refused(error));
    settled();
}

/// One read-write transaction with strict durability, holding the whole batch: the browser
/// confirms it only once it is on disk. A write refused at once aborts the whole transaction.
fn transaction(
    db: &IdbDatabase,
    batch: &[durable::Write],
) -> Result<web_sys::IdbTransaction, JsValue> {
    // `{ durability: "strict" }` (web-sys has it only behind its unstable-API switch).
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"durability".into(), &"strict".into())?;
    let open = js_sys::Reflect::get(db, &"transaction".into())?.dyn_into::<js_sys::Function>()?;
    let tx = open
        .call3(db, &TABLE.into(), &"readwrite".into(), &options)?
        .dyn_into::<web_sys::IdbTransaction>()?;
    let table = tx.object_store(TABLE)?;
    let queued = batch.iter().try_for_each(|(key, value)| {
        let key = JsValue::from_str(key);
        match value {
            Some(v) => table.put_with_key(&JsValue::from_str(v), &key).map(drop),
            None => table.delete(&key).map(drop),
        }
    });
    match queued {
        Ok(()) => Ok(tx),
        Err(e) => {
            let _ = tx.abort();
            Err(e)
        }
    }
}

thread_local! {
    /// The transaction callbacks, made once: one batch is on its way at a time.
    static CALLBACKS: (js_sys::Function, js_sys::Function) = {
        let complete = Closure::<dyn Fn()>::new(|| {
            let written = with(|s| s.queue.in_flight()).unwrap_or_default();
            with(|s| s.queue.landed());
            tell_other_tabs(&written);
            settled();
            send_next();
        });
        let abort = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
            let error = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::IdbTransaction>().ok())
                .and_then(|tx| tx.error());
            refused(error.map_or_else(
                || StoreError::Other("The browser stopped the save".to_string()),
                |e| super::storage::map_error(e.into()),
            ));
        });
        (complete.into_js_value().unchecked_into(), abort.into_js_value().unchecked_into())
    };
}

fn write(db: &IdbDatabase, batch: &[durable::Write]) -> Result<(), JsValue> {
    let tx = transaction(db, batch)?;
    CALLBACKS.with(|(complete, abort)| {
        tx.set_oncomplete(Some(complete));
        tx.set_onabort(Some(abort));
    });
    Ok(())
}

/// A probe write, to learn whether a disk full at start has room now.
fn probe() {
    if with(|s| std::mem::replace(&mut s.probing, true)) != Some(false) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        let room = match connection().await {
            Some(db) => probe_write(&db).await.is_ok(),
            None => false,
        };
        with(|s| {
            s.probing = false;
            if room {
                s.full_at_start = false;
            }
        });
        if room {
            settled();
        }
    });
}

async fn probe_write(db: &IdbDatabase) -> Result<(), JsValue> {
    let tx = db.transaction_with_str_and_mode(TABLE, IdbTransactionMode::Readwrite)?;
    let table = tx.object_store(TABLE)?;
    let key = JsValue::from_str("peercircle-probe");
    let queued = table
        .put_with_key(&JsValue::from_str("1"), &key)
        .and_then(|_| table.delete(&key));
    if let Err(e) = queued {
        let _ = tx.abort();
        return Err(e);
    }
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    });
    JsFuture::from(done).await.map(drop).map_err(|_| {
        tx.error()
            .map_or_else(|| JsValue::from_str("stopped"), JsValue::from)
    })
}

/// Moves local storage's records in (see `durable::plan_move`), in one durable transaction,
/// and then removes them there. A disk too full to take them opens read-only, with the
/// records shown from memory and left in local storage.
async fn move_from_local_storage() -> Option<StoreError> {
    let local = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    let mut entries = Vec::new();
    if let Some(local) = &local {
        let count = local.length().unwrap_or(0);
        for i in 0..count {
            if let Ok(Some(key)) = local.key(i) {
                if durable::movable(&key) {
                    if let Ok(Some(value)) = local.get_item(&key) {
                        entries.push((key, value));
                    }
                }
            }
        }
    }
    let before = with(|s| s.queue.get(durable::MOVED_KEY)).flatten();
    let plan = durable::plan_move(&entries, before.as_deref());
    with(|s| {
        for (key, value) in &plan.take {
            s.queue.set(key, value);
        }
        if !plan.take.is_empty() {
            if let Ok(text) = serde_json::to_string(&plan.moved) {
                s.queue.set(durable::MOVED_KEY, &text);
            }
        }
    });
    let mut outcome = commit_now().await;
    // Can the disk take a write at all? (A store with nothing to move learns it here.)
    if outcome.is_ok() {
        if let Some(db) = connection().await {
            outcome = probe_write(&db).await.map_err(super::storage::map_error);
        }
    }
    match outcome {
        Ok(()) => {
            if let Some(local) = &local {
                for (key, _) in &entries {
                    let _ = local.remove_item(key);
                }
            }
            None
        }
        Err(StoreError::Full) => {
            with(|s| {
                s.queue.forget_unsent();
                s.full_at_start = true;
            });
            Some(StoreError::FullAtStart)
        }
        Err(e) => {
            with(|s| s.queue.forget_unsent());
            Some(e)
        }
    }
}

/// Sends what waits and waits for the disk's answer.
async fn commit_now() -> Result<(), StoreError> {
    let Some(Some(batch)) = with(|s| s.queue.begin()) else {
        return Ok(());
    };
    let Some(db) = connection().await else {
        return Err(StoreError::Unavailable);
    };
    let outcome = async {
        let tx = transaction(&db, &batch)?;
        let done = js_sys::Promise::new(&mut |resolve, reject| {
            tx.set_oncomplete(Some(&resolve));
            tx.set_onabort(Some(&reject));
        });
        JsFuture::from(done).await.map_err(|_| {
            tx.error()
                .map_or_else(|| JsValue::from_str("stopped"), JsValue::from)
        })?;
        Ok::<(), JsValue>(())
    }
    .await;
    match outcome {
        Ok(()) => {
            with(|s| s.queue.landed());
            Ok(())
        }
        Err(e) => {
            let error = super::storage::map_error(e);
            with(|s| s.queue.refused(error.clone()));
            Err(error)
        }
    }
}

fn listen() -> Option<web_sys::BroadcastChannel> {
    let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
        let Some(text) = ev.data().as_string() else {
            return;
        };
        let Ok(writes) = serde_json::from_str::<Vec<durable::Write>>(&text) else {
            return;
        };
        with(|s| {
            for (key, value) in &writes {
                s.queue.observed(key, value.as_deref());
            }
        });
        let listeners = ON_CHANGE.with(|l| l.borrow().clone());
        for (key, _) in &writes {
            for listener in &listeners {
                listener(key);
            }
        }
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    Some(channel)
}

/// Tells the other tabs what just reached the disk (they never hear their own messages).
fn tell_other_tabs(written: &[durable::Write]) {
    let Ok(text) = serde_json::to_string(written) else {
        return;
    };
    with(|s| {
        if let Some(channel) = &s.channel {
            let _ = channel.post_message(&JsValue::from_str(&text));
        }
    });
}

/// Removes the whole database and local storage's Peercircle keys: a wipe leaves nothing.
pub async fn delete_everything() {
    with(|s| {
        if let Some(db) = s.db.take() {
            db.close();
        }
        s.queue = WriteQueue::default();
    });
    if let Ok(factory) = factory() {
        if let Ok(request) = factory.delete_database(DATABASE) {
            let _ = with_timeout(wait_for(&request), OPEN_TIMEOUT_MS).await;
        }
    }
    if let Some(local) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let count = local.length().unwrap_or(0);
        let keys: Vec<String> = (0..count)
            .filter_map(|i| local.key(i).ok().flatten())
            .filter(|k| super::wipe::is_peercircle_key(k))
            .collect();
        for key in keys {
            let _ = local.remove_item(&key);
        }
    }
}

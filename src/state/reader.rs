//! Reading saved records, in code that arrives only when there is something to read.
//!
//! Turning stored text back into programmes and sessions is the largest single part of the
//! app's code (every record type's reader, and the checks run on it). A first visit has
//! nothing stored, so in the release build (`--cfg peercircle_split`) these functions are cut
//! into a wasm file of their own (`scripts/post_build.py`): the first screen of a first visit
//! appears without waiting for them, and a returning visit fetches them from the service
//! worker's copy before its first screen. In every other build they are plain `async`
//! functions, so the app behaves the same either way.
//!
//! Each function reads the store when it runs, after its code has arrived, never before: two
//! changes from another tab that arrive while the code is on its way are both read as they
//! are then, so an older copy never replaces a newer one.

use super::AppState;
use crate::domain::workspace::Settings;
use crate::domain::Id;
use crate::persist::lock::DeviceStore;
use crate::persist::records::{load_workspace, parse_key, Loaded, QUARANTINE_PREFIX};
use crate::persist::{KeyValueStore, StoreError};

/// The device's store, as the app keeps it.
pub type Device = DeviceStore<Box<dyn KeyValueStore>>;

/// Why the reading code did not arrive: the file could not be fetched or started (a new
/// version replaced the files under an open page, or the first visit was cut short).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// Whether the store holds anything for the reader: a record, or one set aside (whose ids
/// new ones must not reuse). A store without either loads as [`Loaded::fresh`].
pub fn has_records(store: &dyn KeyValueStore) -> Result<bool, StoreError> {
    Ok(store
        .keys()?
        .iter()
        .any(|key| parse_key(key).is_some() || key.starts_with(QUARANTINE_PREFIX)))
}

/// Declares functions whose code arrives on first use, in the wasm piece named `$piece`: cut
/// into that file in the release build (`--cfg peercircle_split`, with `wasm_split_helpers`'
/// `fallible` option so a piece that cannot arrive is an `Err(Unavailable)`, never an abort),
/// a plain `async fn` in every other. Each returns `Result<$out, Unavailable>`. The screens
/// loaded on first use (`ui::later`) are declared with it too.
macro_rules! on_first_use {
    ($piece:ident $( $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block )+) => { $(
        $(#[$doc])*
        #[cfg(peercircle_split)]
        #[leptos::wasm_split::wasm_split($piece, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$out, $crate::state::reader::Unavailable> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(peercircle_split))]
        pub async fn $name($($arg: $ty),*) -> Result<$out, $crate::state::reader::Unavailable> {
            Ok($body)
        }
    )+ };
}
pub(crate) use on_first_use;

on_first_use! {
    reader

    /// Reads every record (setting aside what cannot be read), handing the store back.
    fn read_all(store: Device) -> (Device, Result<Loaded, StoreError>) {
        let mut store = store;
        let loaded = load_workspace(&mut store);
        (store, loaded)
    }

    /// A viewer picks up a session another tab saved (see `AppState::refresh_record`).
    fn refresh_session(app: AppState, id: Id) -> () {
        app.refresh_session_now(id)
    }

    /// The settings as stored now, if readable (see `AppState::stored_settings`).
    fn stored_settings(app: AppState) -> Option<Settings> {
        app.stored_settings_now()
    }

    /// Nothing but the code's arrival: see [`fetch_early`].
    fn arrived() -> () {}
}

/// On a returning visit (the service worker already answers for this page, so there is very
/// likely something stored), starts fetching the reading code while the database opens,
/// instead of after. A first visit has no service worker in charge and fetches nothing
/// early, so the first screen's download has the connection to itself.
pub fn fetch_early() {
    #[cfg(target_arch = "wasm32")]
    {
        let controlled = web_sys::window()
            .map(|w| w.navigator().service_worker())
            .and_then(|sw| js_sys::Reflect::get(&sw, &"controller".into()).ok())
            .is_some_and(|c| c.is_object());
        if controlled {
            // A failure here is not kept: `read_all` tries again and says so if it must.
            // Before the app is mounted: the browser's own task queue, not Leptos'.
            wasm_bindgen_futures::spawn_local(async {
                let _ = arrived().await;
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::MemoryStore;

    #[test]
    fn only_a_record_or_one_set_aside_needs_the_reader() {
        let mut store = MemoryStore::default();
        assert_eq!(has_records(&store), Ok(false));
        for key in [
            "peercircle-probe",
            "peercircle:lock",
            "peercircle:journal",
            "someone-else:programme:1",
        ] {
            store.set(key, "x").unwrap();
        }
        assert_eq!(has_records(&store), Ok(false));
        let mut aside = store.clone();
        aside
            .set("peercircle:quarantine:1:programme:4", "x")
            .unwrap();
        assert_eq!(has_records(&aside), Ok(true));
        store.set("peercircle:programme:4", "x").unwrap();
        assert_eq!(has_records(&store), Ok(true));
    }
}

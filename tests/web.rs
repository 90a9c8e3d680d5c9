//! Browser tests: the real storage path in headless Chromium, and the app mounted for real.
#![cfg(target_arch = "wasm32")]

use peercircle::domain::workspace::{RecordKey, Workspace};
use peercircle::persist::records::{key_name, load_workspace, save_records, set_aside_records};
use peercircle::persist::storage::BrowserStore;
use peercircle::persist::{KeyValueStore, StoreError};
use std::collections::BTreeSet;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
}

#[wasm_bindgen_test]
fn the_browser_store_round_trips_a_workspace() {
    clear();
    let mut store = BrowserStore::open().unwrap();
    let mut ws = Workspace::default();
    let id = ws.create_programme("Browser round trip — Zoë 👋").unwrap();
    let keys: BTreeSet<RecordKey> = ws.record_keys().into_iter().collect();
    save_records(&mut store, &ws, &keys, &BTreeSet::new()).unwrap();
    assert!(store
        .get(&key_name(RecordKey::Programme(id)))
        .unwrap()
        .is_some());
    let loaded = load_workspace(&mut store).unwrap();
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.workspace, ws);
    store.remove(&key_name(RecordKey::Programme(id))).unwrap();
    assert_eq!(
        store.get(&key_name(RecordKey::Programme(id))).unwrap(),
        None
    );
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_full_not_as_a_crash() {
    clear();
    let mut store = BrowserStore::open().unwrap();
    let big = "x".repeat(1 << 20);
    let mut result = Ok(());
    for i in 0..64 {
        result = store.set(&format!("filler-{i}"), &big);
        if result.is_err() {
            break;
        }
    }
    assert_eq!(
        result,
        Err(StoreError::Full),
        "filling storage must end in StoreError::Full"
    );
    clear();
}

#[wasm_bindgen_test]
fn a_corrupt_record_is_quarantined_in_real_storage() {
    clear();
    let mut store = BrowserStore::open().unwrap();
    store.set("peercircle:programme:5", "{not json").unwrap();
    let loaded = load_workspace(&mut store).unwrap();
    assert_eq!(loaded.problems.len(), 1);
    let aside = set_aside_records(&store).unwrap();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        store.get(&aside[0].key).unwrap().as_deref(),
        Some("{not json")
    );
    assert_eq!(store.get("peercircle:programme:5").unwrap(), None);
    clear();
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_shows_the_programmes_screen() {
    clear();
    let window = web_sys::window().unwrap();
    // The test runner's page has an address of its own; arrive at the app's front screen.
    window.location().set_hash("/").unwrap();
    let document = window.document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let host: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(host);
    let handle = leptos::mount::mount_to(host.clone(), peercircle::App);
    let heading = host.query_selector("h1").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap(), "Programmes");
    assert!(host.text_content().unwrap().contains("No programmes yet"));
    drop(handle);
}

//! Fault class 12: a damaged record must never stop the app from starting. Every stored kind
//! is "inflated" to its fullest shape (every list given an element, every optional field a
//! value), then every number in it is replaced, one at a time, by absurd sizes. Loading must
//! finish quickly, never panic, and either keep the record or set it aside.

mod stored_support;

use peercircle::persist::records::{load_workspace, QUARANTINE_PREFIX};
use peercircle::persist::{KeyValueStore, MemoryStore};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use stored_support::{at, fixture_v1, full_shape_of, numbers};

const ABSURD: [f64; 5] = [1e8, 4294967295.0, 1e19, -1.0, 2147483648.0];

/// Loads one record (under `key`) and checks the app would start: fast, no panic, the
/// record either loaded or set aside.
fn starts_with(key: &str, kind: &str, data: &Value, what: &str) {
    let mut store = MemoryStore::default();
    let text = json!({"kind": kind, "version": 1, "data": data}).to_string();
    store.set(key, &text).unwrap();
    let began = Instant::now();
    let loaded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let loaded = load_workspace(&mut store).unwrap();
        // What the first screens compute from a loaded record must not blow up either.
        for s in &loaded.workspace.sessions {
            let _ = s.summary();
            let _ = s.people();
            let _ = s.pairing_problems();
            let _ = s.unseated();
        }
        loaded
    }));
    let took = began.elapsed();
    let loaded = loaded.unwrap_or_else(|_| panic!("loading panicked with {what}"));
    assert!(
        took < Duration::from_millis(500),
        "loading took {took:?} with {what}"
    );
    let set_aside = store
        .keys()
        .unwrap()
        .iter()
        .any(|k| k.starts_with(QUARANTINE_PREFIX));
    let kept = store.get(key).unwrap().is_some();
    assert!(set_aside != kept, "{what}: neither kept nor set aside");
    if set_aside {
        assert_eq!(loaded.problems.len(), 1, "{what}");
    }
}

fn every_number_absurd(key: &str, kind: &str, data: Value) {
    let paths = numbers(&data, Vec::new());
    assert!(!paths.is_empty());
    for path in paths {
        for absurd in ABSURD {
            let mut v = data.clone();
            *at(&mut v, &path) = serde_json::Number::from_f64(absurd)
                .map(|n| {
                    if absurd.fract() == 0.0 && (0.0..1.8e19).contains(&absurd) {
                        json!(absurd as u64)
                    } else if absurd.fract() == 0.0 && absurd < 0.0 {
                        json!(absurd as i64)
                    } else {
                        Value::Number(n)
                    }
                })
                .unwrap();
            starts_with(
                key,
                kind,
                &v,
                &format!("{kind} {} = {absurd}", path.join(".")),
            );
        }
    }
}

#[test]
fn a_session_with_absurd_sizes_never_stops_the_app() {
    let data = full_shape_of("session");
    every_number_absurd("peercircle:session:9", "session", data);
}

#[test]
fn a_programme_with_absurd_sizes_never_stops_the_app() {
    let data = full_shape_of("programme");
    every_number_absurd("peercircle:programme:1", "programme", data);
}

#[test]
fn settings_with_absurd_sizes_never_stop_the_app() {
    let data = full_shape_of("settings");
    every_number_absurd("peercircle:settings", "settings", data);
}

#[test]
fn a_question_bank_with_absurd_sizes_never_stops_the_app() {
    let data = full_shape_of("questions");
    every_number_absurd("peercircle:questions", "questions", data);
}

#[test]
fn testimonies_with_absurd_sizes_never_stop_the_app() {
    let data = full_shape_of("testimonies");
    every_number_absurd("peercircle:testimonies", "testimonies", data);
}

#[test]
fn a_session_claiming_a_hundred_million_guests_is_set_aside_at_once() {
    let mut data = fixture_v1("session");
    data["guests"] = json!(100_000_000u64);
    let mut store = MemoryStore::default();
    let text = json!({"kind": "session", "version": 1, "data": data}).to_string();
    store.set("peercircle:session:9", &text).unwrap();
    let began = Instant::now();
    let loaded = load_workspace(&mut store).unwrap();
    assert!(began.elapsed() < Duration::from_millis(100));
    assert!(loaded.workspace.sessions.is_empty());
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problems[0].set_aside_as.is_some());
}

//! The device lock: everything encrypted at rest, a plain wrong-passphrase message, and
//! re-encryption that survives a closed tab at every single step.

mod crypto_support;

use crypto_support::*;
use peercircle::persist::crypto::{b64_decode, CryptoError, KdfParams, KdfPolicy};
use peercircle::persist::journal::{self, JournalError, Recovery};
use peercircle::persist::lock::{DeviceStore, LockError, LOCK_KEY};
use peercircle::persist::{KeyValueStore, MemoryStore};

const NEW_PASSPHRASE: &str = "a different sentence entirely";

fn locked_store() -> MemoryStore {
    let mut device = open_cheap(sample_store(), 1);
    device.turn_lock_on(PASSPHRASE).unwrap();
    device.into_inner()
}

#[test]
fn with_the_lock_on_nothing_readable_is_stored() {
    let plain = sample_store();
    let expected = plaintext_view(&plain);
    let raw = locked_store();
    for (key, value) in raw.entries() {
        if key == LOCK_KEY || !key.starts_with("peercircle:") {
            continue;
        }
        assert!(value.starts_with("pcs1:"), "{key} is not sealed");
        assert!(!value.contains("Nursing") && !value.contains("quarantine"));
    }
    assert_eq!(raw.get("other-app:theme").unwrap().as_deref(), Some("dark"));
    let lock_record = raw.get(LOCK_KEY).unwrap().unwrap();
    assert!(!lock_record.contains("Nursing"));
    let mut device = open_cheap(raw, 2);
    assert!(device.is_locked());
    device.unlock(PASSPHRASE).unwrap();
    assert_eq!(plaintext_view(&device), expected);
    assert_eq!(workspace_of(&mut device), sample_workspace_loaded());
}

#[test]
fn a_locked_device_reads_nothing_and_a_wrong_passphrase_says_so() {
    let mut device = open_cheap(locked_store(), 3);
    assert!(device.get("peercircle:settings").is_err());
    assert!(device.set("peercircle:settings", "{}").is_err());
    assert!(device.remove("peercircle:settings").is_err());
    let err = device.unlock("not the passphrase").unwrap_err();
    assert_eq!(err, LockError::WrongPassphrase);
    assert_eq!(
        err.to_string(),
        "That passphrase does not unlock this device's data. Check it and try again."
    );
    assert!(device.is_locked());
    device.unlock(PASSPHRASE).unwrap();
    assert!(device.get("peercircle:settings").unwrap().is_some());
    device.lock().unwrap();
    assert!(device.is_locked() && device.get("peercircle:settings").is_err());
}

#[test]
fn edits_while_unlocked_are_sealed_and_survive_a_reload() {
    let mut device = open_cheap(locked_store(), 4);
    device.unlock(PASSPHRASE).unwrap();
    let mut ws = workspace_of(&mut device);
    ws.create_programme("Added while locked").unwrap();
    save_all(&mut device, &ws);
    let raw = device.into_inner();
    assert!(raw.entries().values().all(|v| !v.contains("Added while")));
    let mut again = open_cheap(raw, 5);
    again.unlock(PASSPHRASE).unwrap();
    assert_eq!(workspace_of(&mut again), ws);
}

#[test]
fn turning_the_lock_off_stores_plaintext_again() {
    let expected = plaintext_view(&sample_store());
    let mut device = open_cheap(locked_store(), 6);
    assert_eq!(device.turn_lock_off(), Err(LockError::Locked));
    device.unlock(PASSPHRASE).unwrap();
    device.turn_lock_off().unwrap();
    let raw = device.into_inner();
    assert_eq!(raw.get(LOCK_KEY).unwrap(), None);
    assert_eq!(plaintext_view(&raw), expected);
}

#[test]
fn changing_the_passphrase_retires_the_old_one() {
    let mut device = open_cheap(locked_store(), 7);
    device.unlock(PASSPHRASE).unwrap();
    device.change_passphrase(NEW_PASSPHRASE).unwrap();
    let mut again = open_cheap(device.into_inner(), 8);
    assert_eq!(again.unlock(PASSPHRASE), Err(LockError::WrongPassphrase));
    again.unlock(NEW_PASSPHRASE).unwrap();
    assert_eq!(workspace_of(&mut again), sample_workspace_loaded());
}

#[test]
fn a_weak_passphrase_is_refused_before_anything_changes() {
    let before = sample_store();
    let mut device = open_cheap(before.clone(), 9);
    assert!(matches!(
        device.turn_lock_on("short"),
        Err(LockError::Passphrase(_))
    ));
    assert_eq!(device.into_inner().entries(), before.entries());
}

#[test]
fn a_full_device_refuses_the_lock_and_keeps_everything_as_it_was() {
    let mut before = sample_store();
    before.quota = Some(before.used() + 200);
    let mut device = open_cheap(before.clone(), 10);
    assert_eq!(device.turn_lock_on(PASSPHRASE), Err(LockError::NoRoom));
    assert!(!device.lock_is_on());
    assert_eq!(device.into_inner().entries(), before.entries());
}

#[test]
fn the_app_uses_production_cost_and_refuses_a_cheap_lock() {
    let mut device = DeviceStore::open(sample_store(), seeded(12)).unwrap();
    device.turn_lock_on(PASSPHRASE).unwrap();
    let record = device.inner_mut().get(LOCK_KEY).unwrap().unwrap();
    let data: serde_json::Value = serde_json::from_str(&record).unwrap();
    let verifier = b64_decode(data["data"]["verifier"].as_str().unwrap()).unwrap();
    let m = u32::from_le_bytes(verifier[6..10].try_into().unwrap());
    let t = u32::from_le_bytes(verifier[10..14].try_into().unwrap());
    assert_eq!(
        (m, t),
        (KdfParams::PRODUCTION.m_kib, KdfParams::PRODUCTION.t)
    );
    let mut reopened = DeviceStore::open(device.into_inner(), seeded(14)).unwrap();
    reopened.unlock(PASSPHRASE).unwrap();
    // A lock record written at test cost (or planted by someone) is refused by the app.
    let mut strict = DeviceStore::open(locked_store(), seeded(15)).unwrap();
    assert_eq!(
        strict.unlock(PASSPHRASE),
        Err(LockError::Crypto(CryptoError::ParamsTooWeak))
    );
}

/// The state after recovery must be one of the two consistent ones, with nothing lost.
fn assert_consistent(
    raw: MemoryStore,
    before_pass: Option<&str>,
    after_pass: Option<&str>,
) -> bool {
    let expected = plaintext_view(&sample_store());
    assert!(raw
        .keys()
        .unwrap()
        .iter()
        .all(|k| !journal::is_journal_key(k)));
    let mut device = open_cheap(raw, 99);
    if device.lock_is_on() {
        let pass = if device.unlock(after_pass.unwrap_or("")).is_ok() {
            after_pass
        } else {
            device.unlock(before_pass.unwrap_or("")).unwrap();
            before_pass
        };
        assert_eq!(plaintext_view(&device), expected);
        pass == after_pass
    } else {
        assert_eq!(plaintext_view(&device), expected);
        after_pass.is_none()
    }
}

/// Runs `change` with the tab closing after 0, 1, 2, … writes, until it completes; each
/// time, a fresh start (recover) must leave every record readable, old state or new.
fn interrupt_everywhere(
    start: MemoryStore,
    before: Option<&str>,
    after: Option<&str>,
    change: impl Fn(&mut DeviceStore<Interrupted>) -> Result<(), LockError>,
) {
    let mut reached_new = 0;
    for n in 0.. {
        let mut device = open_cheap(Interrupted::new(start.clone(), n), 20);
        if let Some(p) = before {
            device.unlock(p).unwrap();
        }
        let result = change(&mut device);
        let done = result.is_ok();
        if result == Err(LockError::Journal(JournalError::Unfinished)) {
            assert!(
                device.is_locked(),
                "half-swapped data must not be read or written"
            );
            assert!(device.get("peercircle:settings").is_err());
        }
        let raw = device.into_inner().inner;
        // A crash during recovery too: recover, interrupted at 3 writes, then again.
        let mut half = Interrupted::new(raw.clone(), 3);
        let _ = journal::recover(&mut half);
        let recovered = journal::recover(&mut half.inner);
        assert!(recovered.is_ok());
        if assert_consistent(half.inner, before, after) {
            reached_new += 1;
        }
        let direct = journal::recover(&mut raw.clone()).unwrap();
        if done {
            assert_eq!(direct, Recovery::Clean);
            assert!(n > 5, "a transaction takes several writes");
            break;
        }
    }
    assert!(reached_new >= 1);
}

#[test]
fn turning_the_lock_on_survives_interruption_at_every_step() {
    interrupt_everywhere(sample_store(), None, Some(PASSPHRASE), |d| {
        d.turn_lock_on(PASSPHRASE)
    });
}

#[test]
fn turning_the_lock_off_survives_interruption_at_every_step() {
    interrupt_everywhere(locked_store(), Some(PASSPHRASE), None, |d| {
        d.turn_lock_off()
    });
}

#[test]
fn changing_the_passphrase_survives_interruption_at_every_step() {
    interrupt_everywhere(
        locked_store(),
        Some(PASSPHRASE),
        Some(NEW_PASSPHRASE),
        |d| d.change_passphrase(NEW_PASSPHRASE),
    );
}

#[test]
fn a_single_failed_write_anywhere_is_undone_or_finished_at_once() {
    for n in 0..40 {
        let mut flaky = Interrupted::new(sample_store(), n);
        flaky.flaky = true;
        let mut device = open_cheap(flaky, 30);
        let result = device.turn_lock_on(PASSPHRASE);
        let raw = device.into_inner().inner;
        // No recover() here: the failing call cleaned up after itself.
        assert!(
            raw.keys()
                .unwrap()
                .iter()
                .all(|k| !journal::is_journal_key(k)),
            "n={n}"
        );
        let on = assert_consistent(raw, None, Some(PASSPHRASE));
        assert_eq!(result.is_ok(), on, "n={n}");
    }
}

#[test]
fn a_damaged_sealed_record_is_set_aside_and_the_rest_still_opens() {
    let mut raw = locked_store();
    let key = "peercircle:programme:1";
    let sealed = raw.get(key).unwrap().unwrap();
    let mut bytes = sealed.clone().into_bytes();
    bytes[30] = if bytes[30] == b'A' { b'B' } else { b'A' };
    raw.set(key, &String::from_utf8(bytes).unwrap()).unwrap();
    let mut device = open_cheap(raw, 40);
    device.unlock(PASSPHRASE).unwrap();
    let loaded = peercircle::persist::records::load_workspace(&mut device).unwrap();
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(
        loaded.workspace.programmes.len(),
        1,
        "the other programme opens"
    );
    let aside = loaded.problems[0].set_aside_as.clone().unwrap();
    let kept = device.get(&aside).unwrap().unwrap();
    assert!(
        kept.starts_with("pcs1:"),
        "the damaged bytes are kept, not lost"
    );
    assert!(device
        .inner_mut()
        .get(&aside)
        .unwrap()
        .unwrap()
        .starts_with("pcs1:"));
}

#[test]
fn a_damaged_lock_record_or_journal_is_reported_and_left_alone() {
    let mut raw = locked_store();
    raw.set(LOCK_KEY, "{not a lock").unwrap();
    let before = raw.clone();
    assert!(matches!(
        DeviceStore::open_with(raw, seeded(1), KdfPolicy::TESTS_ONLY, CHEAP),
        Err(LockError::Damaged)
    ));
    let mut raw = before.clone();
    raw.set(journal::JOURNAL_KEY, "garbage").unwrap();
    let snapshot = raw.clone();
    assert_eq!(journal::recover(&mut raw), Err(JournalError::Damaged));
    assert_eq!(raw.entries(), snapshot.entries(), "nothing touched");
    assert!(!LockError::Damaged.to_string().is_empty());
}

#[test]
fn a_lock_changed_in_another_tab_stops_this_tab_writing() {
    // Two tabs over one storage: the second turns the lock on; the first (lock off) must
    // not then write plaintext beside sealed records.
    let shared = sample_store();
    let mut first = open_cheap(shared.clone(), 50);
    let mut second = open_cheap(shared, 51);
    second.turn_lock_on(PASSPHRASE).unwrap();
    let after_second = second.into_inner();
    *first.inner_mut() = after_second.clone();
    let err = first.set("peercircle:settings", "{}").unwrap_err();
    assert!(err.to_string().contains("another tab"));
    assert!(first.remove("peercircle:settings").is_err());
    assert_eq!(first.into_inner().entries(), after_second.entries());
}

#[test]
fn verify_checks_a_passphrase_without_changing_anything() {
    let mut device = open_cheap(locked_store(), 9);
    device.unlock(PASSPHRASE).unwrap();
    let before = plaintext_view(&device);
    assert_eq!(device.verify("not it"), Err(LockError::WrongPassphrase));
    assert_eq!(device.verify(PASSPHRASE), Ok(()));
    assert!(!device.is_locked(), "checking does not lock");
    assert_eq!(plaintext_view(&device), before);
    let mut off = open_cheap(sample_store(), 10);
    assert_eq!(off.verify(PASSPHRASE), Err(LockError::AlreadyOff));
    off.turn_lock_on(PASSPHRASE).unwrap();
    assert_eq!(off.verify(PASSPHRASE), Ok(()));
}

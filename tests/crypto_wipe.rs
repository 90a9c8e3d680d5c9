//! "Wipe this device" removes every key of ours and nothing else.

mod crypto_support;

use crypto_support::*;
use peercircle::persist::wipe::{wipe, wipe_plan};
use peercircle::persist::KeyValueStore;

#[test]
fn wipe_removes_records_set_aside_lock_and_journal_and_nothing_else() {
    let mut device = open_cheap(sample_store(), 1);
    device.turn_lock_on(PASSPHRASE).unwrap();
    let mut raw = device.into_inner();
    raw.set("peercircle:journal:set:peercircle:settings", "leftover")
        .unwrap();
    raw.set("peercircle-probe", "1").unwrap();
    let plan = wipe_plan(&raw).unwrap();
    assert!(plan.contains(&"peercircle:lock".to_string()));
    assert!(plan.iter().any(|k| k.starts_with("peercircle:quarantine:")));
    assert!(plan.iter().any(|k| k.starts_with("peercircle:journal")));
    assert_eq!(wipe(&mut raw).unwrap(), plan.len());
    assert_eq!(raw.keys().unwrap(), vec!["other-app:theme".to_string()]);
    assert!(wipe_plan(&raw).unwrap().is_empty());
}

#[test]
fn a_wipe_that_cannot_finish_says_so() {
    let ours = wipe_plan(&sample_store()).unwrap().len();
    let mut raw = Interrupted::new(sample_store(), 1);
    assert!(wipe(&mut raw).is_err());
    assert_eq!(
        wipe_plan(&raw).unwrap().len(),
        ours - 1,
        "one removed; the rest reported"
    );
}

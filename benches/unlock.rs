//! Unlock timings at the target size: production key derivation (Argon2id 19 MiB,
//! 2 passes), then decrypting every record of a large programme. Prints figures only; it
//! never fails on timing. The browser figure comes from the `unlock_time_in_the_browser`
//! test in tests/web.rs.

use peercircle::domain::roster::Role;
use peercircle::domain::workspace::Workspace;
use peercircle::domain::Date;
use peercircle::persist::backup::{check_backup, create_backup};
use peercircle::persist::crypto::{CryptoError, KdfPolicy};
use peercircle::persist::lock::{DeviceStore, RandomSource};
use peercircle::persist::records::{load_workspace, save_records};
use peercircle::persist::{KeyValueStore, MemoryStore};
use std::collections::BTreeSet;
use std::time::Instant;

const PASSPHRASE: &str = "a bench passphrase";

fn random() -> RandomSource {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    Box::new(move |buf: &mut [u8]| -> Result<(), CryptoError> {
        for b in buf.iter_mut() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            *b = (state >> 24) as u8;
        }
        Ok(())
    })
}

/// 2,000 people in 20 programmes, plus 12,300 records of ~150 characters standing in for
/// meetings and flip-chart items (about 2.5 MB in all). They are stored as set-aside records
/// because those kinds do not exist yet: sealed and backed up like any record.
fn large_store() -> MemoryStore {
    let mut ws = Workspace::default();
    for p in 0..20 {
        let id = ws.create_programme(&format!("Programme {p}")).unwrap_or(0);
        for n in 0..100 {
            let person = ws.fresh_id();
            if let Ok(programme) = ws.programme_mut(id) {
                let _ = programme.add_participant(person, &format!("Person {p}-{n}"), Role::Peer);
                let _ = programme.set_contact_note(person, &"Prefers mornings; ".repeat(8));
            }
        }
    }
    let mut store = MemoryStore::default();
    let keys: BTreeSet<_> = ws.record_keys().into_iter().collect();
    let _ = save_records(&mut store, &ws, &keys, &BTreeSet::new());
    for i in 0..12_300 {
        let _ = store.set(
            &format!("peercircle:quarantine:{i}:bench"),
            &"An answer the group agreed on. ".repeat(5),
        );
    }
    store
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let store = large_store();
    let records = store.entries().len();
    let chars = store.used();
    println!(
        "large workspace: {records} records, {:.1} MB",
        chars as f64 / 1e6
    );

    let Ok(mut device) = DeviceStore::open(store.clone(), random()) else {
        return;
    };
    let start = Instant::now();
    let _ = device.turn_lock_on(PASSPHRASE);
    println!(
        "{:<52} {:>8.1} ms",
        "turn lock on (derive + re-encrypt all)",
        ms(start)
    );
    let raw = device.into_inner();

    let Ok(mut locked) = DeviceStore::open(raw, random()) else {
        return;
    };
    let start = Instant::now();
    let _ = locked.unlock(PASSPHRASE);
    let derive = ms(start);
    println!(
        "{:<52} {:>8.1} ms",
        "unlock: derive key (Argon2id 19 MiB, t=2)", derive
    );
    let start = Instant::now();
    let mut total = 0usize;
    for key in locked.data_keys().unwrap_or_default() {
        total += locked.get(&key).ok().flatten().map_or(0, |v| v.len());
    }
    let decrypt = ms(start);
    println!(
        "{:<52} {:>8.1} ms  ({total} bytes)",
        "unlock: decrypt every record", decrypt
    );
    println!("{:<52} {:>8.1} ms", "unlock total", derive + decrypt);
    let start = Instant::now();
    let loaded = load_workspace(&mut locked).map(|l| l.workspace.programmes.len());
    println!(
        "{:<52} {:>8.1} ms  ({loaded:?} programmes)",
        "load workspace through the lock",
        ms(start)
    );

    let day = Date::from_ymd(2026, 11, 24).unwrap_or(Date::from_days_since_epoch(0));
    let start = Instant::now();
    let file = create_backup(&store, PASSPHRASE, day, &mut random()).unwrap_or_default();
    println!(
        "{:<52} {:>8.1} ms  ({:.1} MB file)",
        "create backup",
        ms(start),
        file.len() as f64 / 1e6
    );
    let start = Instant::now();
    let checked = check_backup(file.as_bytes(), PASSPHRASE, &KdfPolicy::STANDARD).is_ok();
    println!(
        "{:<52} {:>8.1} ms  (ok: {checked})",
        "inspect backup (open + check every record)",
        ms(start)
    );
}

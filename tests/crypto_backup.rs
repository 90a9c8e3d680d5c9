//! The encrypted backup: checked before anything is touched, restored all or nothing.

mod crypto_support;

use crypto_support::*;
use peercircle::domain::date::Date;
use peercircle::persist::backup::*;
use peercircle::persist::crypto::KdfPolicy;
use peercircle::persist::journal::{self, is_journal_key};
use peercircle::persist::{KeyValueStore, MemoryStore};

const BACKUP_PASS: &str = "backup passphrase for tests";

fn date() -> Date {
    Date::from_ymd(2026, 11, 24).unwrap()
}

fn backup_of(store: &dyn KeyValueStore) -> String {
    create_backup_with(
        store,
        BACKUP_PASS,
        date(),
        CHEAP,
        &KdfPolicy::TESTS_ONLY,
        &mut seeded(41),
    )
    .unwrap()
}

fn check(bytes: &[u8]) -> Result<CheckedBackup, BackupError> {
    check_backup(bytes, BACKUP_PASS, &KdfPolicy::TESTS_ONLY)
}

#[test]
fn a_backup_shows_what_it_holds_and_nothing_without_the_passphrase() {
    let file = backup_of(&sample_store());
    assert!(!file.contains("Nursing") && !file.contains("2026-11-24"));
    assert!(file.contains("\"kind\": \"peercircle-backup\""));
    let summary = check(file.as_bytes()).unwrap().summary;
    assert_eq!(summary.created, date());
    assert_eq!(summary.format_version, 1);
    assert_eq!(
        summary.programme_names,
        vec!["Nursing mentors — Zoë's cohort", "Union reps peer group"]
    );
    assert_eq!(summary.groups, 1);
    assert_eq!(summary.records, sample_workspace().record_keys().len());
    assert_eq!(summary.sessions, 0);
    assert_eq!(summary.set_aside_records, 1);
}

#[test]
fn a_wrong_passphrase_says_so_plainly() {
    let file = backup_of(&sample_store());
    let err = check_backup(
        file.as_bytes(),
        "not the right one!",
        &KdfPolicy::TESTS_ONLY,
    )
    .unwrap_err();
    assert_eq!(err, BackupError::WrongPassphrase);
    assert_eq!(
        err.to_string(),
        "That passphrase does not open this backup. Check it and try again."
    );
}

#[test]
fn damaged_cut_short_foreign_and_newer_files_are_refused() {
    let file = backup_of(&sample_store());
    for cut in [10, file.len() / 2, file.len() - 3] {
        let result = check(&file.as_bytes()[..cut]);
        assert!(
            matches!(result, Err(BackupError::Truncated | BackupError::Damaged)),
            "{cut}: {result:?}"
        );
    }
    // One changed letter inside the sealed text.
    let at = file.find("\"sealed\"").unwrap() + 200;
    let mut damaged = file.clone().into_bytes();
    damaged[at] = if damaged[at] == b'A' { b'B' } else { b'A' };
    assert_eq!(check(&damaged).unwrap_err(), BackupError::Damaged);
    assert_eq!(check(b"\x89PNG\r\n").unwrap_err(), BackupError::NotABackup);
    assert_eq!(
        check(b"{\"kind\":\"settings\"}").unwrap_err(),
        BackupError::NotABackup
    );
    let newer = file.replace("\"version\": 1", "\"version\": 2");
    assert_eq!(check(newer.as_bytes()).unwrap_err(), BackupError::TooNew);
}

#[test]
fn a_backup_with_a_record_that_does_not_restore_is_refused_whole() {
    let mut store = sample_store();
    store
        .set(
            "peercircle:programme:9",
            "{\"kind\":\"programme\",\"version\":1,\"data\":{\"id\":8}}",
        )
        .unwrap();
    let err = check(backup_of(&store).as_bytes()).unwrap_err();
    assert!(matches!(err, BackupError::Record(_)), "{err:?}");
    assert!(err.to_string().contains("programme:9"));
    let mut store = sample_store();
    store.set("peercircle:something-new:1", "{}").unwrap();
    let err = check(backup_of(&store).as_bytes()).unwrap_err();
    assert!(matches!(err, BackupError::UnknownRecord(_)));
}

#[test]
fn replace_makes_the_device_hold_exactly_the_backup() {
    let source = sample_store();
    let backup = check(backup_of(&source).as_bytes()).unwrap();
    let mut other = MemoryStore::default();
    let mut ws = peercircle::domain::workspace::Workspace::default();
    ws.create_programme("On this device only").unwrap();
    save_all(&mut other, &ws);
    let mut device = open_cheap(other, 1);
    let report = restore_backup(&mut device, &backup, RestoreMode::Replace).unwrap();
    assert_eq!(report.written, 4);
    assert_eq!(
        report.removed, 0,
        "settings and programme 1 are overwritten, not removed"
    );
    assert_eq!(
        plaintext_view(&device)
            .into_iter()
            .filter(|(k, _)| k.starts_with("peercircle"))
            .collect::<Vec<_>>(),
        plaintext_view(&source)
            .into_iter()
            .filter(|(k, _)| k.starts_with("peercircle"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn merge_adds_what_is_missing_and_keeps_what_is_here() {
    let backup = check(backup_of(&sample_store()).as_bytes()).unwrap();
    let mut here = MemoryStore::default();
    here.set(
        "peercircle:programme:1",
        "{\"kind\":\"programme\",\"version\":1,\"data\":{\"id\":1,\"name\":\"Mine\"}}",
    )
    .unwrap();
    let mut device = open_cheap(here, 2);
    let report = restore_backup(&mut device, &backup, RestoreMode::Merge).unwrap();
    assert_eq!(report.kept_from_device, 1);
    let in_backup = backup.summary.records + backup.summary.set_aside_records;
    assert_eq!(report.written, in_backup - 1);
    assert!(device
        .get("peercircle:programme:1")
        .unwrap()
        .unwrap()
        .contains("Mine"));
    assert!(device.get("peercircle:settings").unwrap().is_some());
}

#[test]
fn merge_never_drops_a_set_aside_record_from_either_side() {
    let backup = check(backup_of(&sample_store()).as_bytes()).unwrap();
    let mut here = MemoryStore::default();
    here.set(
        "peercircle:quarantine:1:programme:77",
        "mine, also unreadable",
    )
    .unwrap();
    let mut device = open_cheap(here, 2);
    restore_backup(&mut device, &backup, RestoreMode::Merge).unwrap();
    let raw = device.into_inner();
    assert_eq!(
        raw.get("peercircle:quarantine:1:programme:77")
            .unwrap()
            .as_deref(),
        Some("mine, also unreadable")
    );
    assert_eq!(
        raw.get("peercircle:quarantine:restored-1:1:programme:77")
            .unwrap()
            .as_deref(),
        Some("{half a record")
    );
}

#[test]
fn restoring_onto_a_locked_on_device_seals_every_record() {
    let backup = check(backup_of(&sample_store()).as_bytes()).unwrap();
    let mut device = open_cheap(MemoryStore::default(), 3);
    device.turn_lock_on(PASSPHRASE).unwrap();
    restore_backup(&mut device, &backup, RestoreMode::Replace).unwrap();
    let raw = device.into_inner();
    assert!(raw
        .entries()
        .iter()
        .filter(|(k, _)| k.starts_with("peercircle:") && *k != "peercircle:lock")
        .all(|(_, v)| v.starts_with("pcs1:")));
    let mut again = open_cheap(raw, 4);
    assert!(
        restore_backup(&mut again, &backup, RestoreMode::Replace).is_err(),
        "locked: refused"
    );
    again.unlock(PASSPHRASE).unwrap();
    assert_eq!(workspace_of(&mut again), sample_workspace_loaded());
}

#[test]
fn a_full_device_refuses_the_restore_and_stays_exactly_as_it_was() {
    let backup = check(backup_of(&sample_store()).as_bytes()).unwrap();
    let mut before = MemoryStore::default();
    let mut ws = peercircle::domain::workspace::Workspace::default();
    ws.create_programme("Keep me").unwrap();
    save_all(&mut before, &ws);
    before.quota = Some(before.used() + 300);
    let mut device = open_cheap(before.clone(), 5);
    let err = restore_backup(&mut device, &backup, RestoreMode::Replace).unwrap_err();
    assert_eq!(err, BackupError::NoRoom);
    assert!(err.to_string().contains("nothing was changed"));
    assert_eq!(device.into_inner().entries(), before.entries());
}

#[test]
fn a_restore_interrupted_at_every_step_is_all_or_nothing() {
    let backup = check(backup_of(&sample_store()).as_bytes()).unwrap();
    let mut before = MemoryStore::default();
    let mut ws = peercircle::domain::workspace::Workspace::default();
    ws.create_programme("Keep me").unwrap();
    ws.create_programme("And me").unwrap();
    ws.create_programme("Me too").unwrap();
    save_all(&mut before, &ws);
    let mut after = open_cheap(before.clone(), 6);
    restore_backup(&mut after, &backup, RestoreMode::Replace).unwrap();
    let after = after.into_inner();
    let (mut old_seen, mut new_seen) = (0, 0);
    for n in 0.. {
        let mut device = open_cheap(Interrupted::new(before.clone(), n), 7);
        let done = restore_backup(&mut device, &backup, RestoreMode::Replace).is_ok();
        let mut raw = device.into_inner().inner;
        journal::recover(&mut raw).unwrap();
        assert!(raw.keys().unwrap().iter().all(|k| !is_journal_key(k)));
        if raw.entries() == before.entries() {
            old_seen += 1;
        } else {
            assert_eq!(raw.entries(), after.entries(), "n={n}: a mixture");
            new_seen += 1;
        }
        if done {
            break;
        }
    }
    assert!(old_seen > 5 && new_seen > 1, "{old_seen} {new_seen}");
}

#[test]
fn every_backup_format_has_a_fixture_that_still_restores() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/backup");
    for version in 1..=BACKUP_VERSION {
        let path = format!("{dir}/backup-v{version}.{FILE_EXTENSION}");
        let bytes = std::fs::read(&path).unwrap_or_else(|_| panic!("no fixture {path}"));
        // Fixtures are written at production cost, so the app's own policy opens them.
        let summary = inspect_backup(&bytes, "fixture passphrase one").unwrap();
        assert_eq!(summary.format_version, version);
        assert_eq!(summary.programme_names, vec!["Nursing mentors 2027"]);
        assert_eq!(summary.groups, 2);
        let backup = check_backup(&bytes, "fixture passphrase one", &KdfPolicy::STANDARD).unwrap();
        let mut device = open_cheap(MemoryStore::default(), 8);
        restore_backup(&mut device, &backup, RestoreMode::Replace).unwrap();
        assert_eq!(
            workspace_of(&mut device).programmes[0].name,
            "Nursing mentors 2027"
        );
    }
}

/// Writes the current format's fixture: `WRITE_BACKUP_FIXTURE=1 cargo test --test
/// crypto_backup write_fixture -- --ignored`. Only for a new backup format version.
#[test]
#[ignore]
fn write_fixture() {
    if std::env::var("WRITE_BACKUP_FIXTURE").is_err() {
        return;
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut store = MemoryStore::default();
    for kind in ["settings", "programme"] {
        let text = std::fs::read_to_string(format!("{dir}/stored/{kind}-v1.json")).unwrap();
        let key = if kind == "settings" {
            "peercircle:settings"
        } else {
            "peercircle:programme:1"
        };
        store.set(key, text.trim()).unwrap();
    }
    let file = create_backup(&store, "fixture passphrase one", date(), &mut seeded(2027)).unwrap();
    let path = format!("{dir}/backup/backup-v{BACKUP_VERSION}.{FILE_EXTENSION}");
    std::fs::write(path, file).unwrap();
}

#[test]
fn the_list_of_shared_figures_and_the_fixed_threshold_survive_backup_and_restore() {
    use peercircle::domain::disclosure::{KChangeRefused, Population, Release, ReleasedFigure};
    let mut ws = sample_workspace();
    let id = ws.programmes_in_order()[0].id;
    let release = Release {
        made: date(),
        file: "Evaluation report".into(),
        figures: vec![ReleasedFigure {
            population: Population::Attendance,
            sessions: vec![40, 41],
            point: None,
            value: 9,
            shown: true,
            label: "Attendance, November 2026".into(),
        }],
    };
    ws.programme_mut(id)
        .unwrap()
        .disclosure
        .record(release.clone(), 6);
    let mut source = MemoryStore::default();
    save_all(&mut source, &ws);
    let backup = check(backup_of(&source).as_bytes()).unwrap();
    let mut device = open_cheap(MemoryStore::default(), 3);
    restore_backup(&mut device, &backup, RestoreMode::Replace).unwrap();
    let restored = workspace_of(&mut device);
    let d = &restored.programme(id).unwrap().disclosure;
    assert_eq!(d.ledger, vec![release]);
    assert_eq!(d.k(), 6);
    assert!(matches!(
        d.clone().set_k(5),
        Err(KChangeRefused::Frozen { .. })
    ));
}

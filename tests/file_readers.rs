//! Fault classes 13 and 14: every file the app reads (a backup, a skills CSV, a stored
//! record) has each dimension bounded before any work, refuses in plain words within a
//! second, and never panics. Hostile shapes first, then a property run over every parser
//! (`PROPTEST_CASES` raises the budget; `scripts/bench` runs a longer one).

mod crypto_support;

use crypto_support::*;
use peercircle::domain::mentoring::import::{
    parse_csv, plan_import, roster_key, ImportError, LineReason, Mapping,
};
use peercircle::domain::programme::Programme;
use peercircle::domain::roster::Role;
use peercircle::domain::workspace::Workspace;
use peercircle::persist::backup::*;
use peercircle::persist::crypto::KdfPolicy;
use peercircle::persist::records::load_workspace;
use peercircle::persist::{KeyValueStore, MemoryStore};
use proptest::prelude::*;
use std::time::{Duration, Instant};

const PASS: &str = "backup passphrase for tests";

fn backup_of(store: &dyn KeyValueStore) -> String {
    create_backup_with(
        store,
        PASS,
        peercircle::domain::date::Date::from_ymd(2026, 11, 24).unwrap(),
        CHEAP,
        &KdfPolicy::TESTS_ONLY,
        &mut seeded(41),
    )
    .unwrap()
}

fn check(bytes: &[u8]) -> Result<CheckedBackup, BackupError> {
    check_backup(bytes, PASS, &KdfPolicy::TESTS_ONLY)
}

fn utf16(text: &str, little: bool, mark: bool) -> Vec<u8> {
    let mut units: Vec<u16> = Vec::new();
    if mark {
        units.push(0xFEFF);
    }
    units.extend(text.encode_utf16());
    units
        .into_iter()
        .flat_map(|u| {
            if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

#[test]
fn a_backup_re_saved_with_a_mark_or_as_utf16_is_still_a_backup() {
    let file = backup_of(&sample_store());
    let expected = check(file.as_bytes()).unwrap().summary;
    let with_bom = [&[0xEF, 0xBB, 0xBF][..], file.as_bytes()].concat();
    assert_eq!(check(&with_bom).unwrap().summary, expected);
    for (little, mark) in [(true, true), (false, true), (true, false), (false, false)] {
        let bytes = utf16(&file, little, mark);
        assert_eq!(
            check(&bytes).unwrap().summary,
            expected,
            "utf-16 little={little} mark={mark}"
        );
    }
}

#[test]
fn a_file_too_large_to_be_a_backup_says_so_before_reading_it() {
    let big = vec![b' '; MAX_BACKUP_BYTES + 1];
    let began = Instant::now();
    assert_eq!(check(&big).unwrap_err(), BackupError::TooLarge);
    assert!(began.elapsed() < Duration::from_millis(50));
    assert!(BackupError::TooLarge.to_string().contains("too large"));
}

#[test]
fn a_crafted_backup_cannot_name_a_record_by_an_alias() {
    let mut store = MemoryStore::default();
    let p = Programme {
        id: 1,
        name: "Intruder".into(),
        ..Programme::default()
    };
    let text = serde_json::json!({"kind": "programme", "version": 1, "data": p}).to_string();
    for alias in ["peercircle:programme:01", "peercircle:programme:+1"] {
        store.set(alias, &text).unwrap();
        let file = backup_of(&store);
        assert!(
            matches!(check(file.as_bytes()), Err(BackupError::UnknownRecord(_))),
            "{alias}"
        );
        store.remove(alias).unwrap();
    }
}

fn within_a_second<T>(what: &str, work: impl FnOnce() -> T) -> T {
    let began = Instant::now();
    let out = work();
    assert!(
        began.elapsed() < Duration::from_secs(1),
        "{what} took {:?}",
        began.elapsed()
    );
    out
}

#[test]
fn a_csv_heading_with_millions_of_columns_is_refused_at_once() {
    let text = format!("{}\nAna,1\n", "x,".repeat(900_000));
    let error = within_a_second("1.8 million columns", || parse_csv(&text)).unwrap_err();
    assert_eq!(
        error,
        ImportError::TooManyColumns { line: 1, max: 60 },
        "{error}"
    );
    assert!(
        error.to_string().contains("more than 60 columns"),
        "{error}"
    );
}

#[test]
fn a_csv_cell_as_long_as_the_file_is_refused_at_once() {
    let text = format!("Name,Offers\nAna,\"{}\"\n", "y".repeat(1_900_000));
    let error = within_a_second("a 1.9 MB cell", || parse_csv(&text)).unwrap_err();
    assert!(
        matches!(error, ImportError::CellTooLong { line: 2, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("longer than"), "{error}");
}

fn roster(names: &[&str]) -> (Workspace, u64) {
    let mut ws = Workspace::default();
    let p = ws.create_programme("Skills").unwrap();
    for name in names {
        let id = ws.fresh_id();
        ws.programme_mut(p)
            .unwrap()
            .add_participant(id, name, Role::Peer)
            .unwrap();
    }
    (ws, p)
}

#[test]
fn thirty_thousand_skills_for_one_person_are_refused_at_once() {
    let (ws, p) = roster(&["Ana"]);
    let many: Vec<String> = (0..30_000).map(|i| format!("skill {i}")).collect();
    let text = format!("Name,Offers\nAna,\"{}\"\n", many.join(";"));
    let programme = ws.programme(p).unwrap();
    let outcome = within_a_second("30,000 skills", || {
        parse_csv(&text).and_then(|table| {
            let mapping = Mapping::guess(&table.headings);
            plan_import(
                &table,
                &mapping,
                &programme.mentoring,
                &programme.participants,
            )
        })
    });
    match outcome {
        Err(e) => assert!(matches!(e, ImportError::CellTooLong { .. }), "{e}"),
        Ok(plan) => {
            assert!(plan.updates.is_empty());
            assert!(
                matches!(plan.problems[0].reason, LineReason::TooManySkills { .. }),
                "{}",
                plan.problems[0]
            );
        }
    }
}

#[test]
fn five_thousand_people_each_naming_new_skills_finish_quickly() {
    let names: Vec<String> = (0..2_000).map(|i| format!("Person {i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let (ws, p) = roster(&refs);
    let mut text = String::from("Name,Offers,Wants\n");
    for (i, n) in names.iter().enumerate() {
        text.push_str(&format!("{n},Skill {i};Common 3,Want {i}\n"));
    }
    let programme = ws.programme(p).unwrap();
    let outcome = within_a_second("2,000 rows with 4,000 new skills", || {
        let table = parse_csv(&text).unwrap();
        let mapping = Mapping::guess(&table.headings);
        plan_import(
            &table,
            &mapping,
            &programme.mentoring,
            &programme.participants,
        )
    });
    // More new skills than the list holds: refused in plain words, not after minutes.
    if let Err(e) = outcome {
        assert!(e.to_string().contains("more than the list can hold"), "{e}");
    }
}

#[test]
fn an_old_mac_file_with_lone_cr_line_ends_is_read() {
    let table = parse_csv("Name,Offers\rAna,Budgeting\rBen,Cooking 3\r").unwrap();
    assert_eq!(table.headings, vec!["Name", "Offers"]);
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[1].0, 3);
    assert_eq!(table.rows[1].1, vec!["Ben", "Cooking 3"]);
}

#[test]
fn a_name_typed_with_decomposed_accents_matches_the_roster() {
    let (ws, p) = roster(&["Zoë Martín", "Jose"]);
    assert_eq!(
        roster_key("Zoe\u{308} Marti\u{301}n"),
        roster_key("Zoë Martín")
    );
    assert_ne!(roster_key("José"), roster_key("Jose"));
    let text = "Name,Offers\nZoe\u{308} Marti\u{301}n,Budgeting\n";
    let table = parse_csv(text).unwrap();
    let programme = ws.programme(p).unwrap();
    let plan = plan_import(
        &table,
        &Mapping::guess(&table.headings),
        &programme.mentoring,
        &programme.participants,
    )
    .unwrap();
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
    assert_eq!(plan.updates.len(), 1);
}

/// Names from a system that drops accents (or a spreadsheet typed without them) match the
/// roster's accented names the way the roster itself folds them; an exact spelling still
/// wins, and two people the fold cannot tell apart are refused, never guessed.
#[test]
fn a_name_without_its_accents_matches_the_roster_and_an_exact_spelling_wins() {
    let (ws, p) = roster(&["María López", "José", "Jose", "Zoë Martín", "ZOE MARTIN"]);
    let programme = ws.programme(p).unwrap();
    let plan = |text: &str| {
        let table = parse_csv(text).unwrap();
        plan_import(
            &table,
            &Mapping::guess(&table.headings),
            &programme.mentoring,
            &programme.participants,
        )
        .unwrap()
    };
    let id = |name: &str| {
        programme
            .participants
            .iter()
            .find(|x| x.display_name == name)
            .map(|x| x.id)
            .unwrap()
    };
    let matched = plan("Name,Offers\nMaria  lopez,Budgeting\n");
    assert!(matched.problems.is_empty(), "{:?}", matched.problems);
    assert_eq!(matched.updates.len(), 1);
    assert_eq!(matched.updates[0].person, id("María López"));
    // José and Jose are both on the roster: each spelling finds its own person.
    let exact = plan("Name,Offers\nJose,Budgeting\nJosé,Cooking\n");
    assert!(exact.problems.is_empty(), "{:?}", exact.problems);
    assert_eq!(exact.updates[0].person, id("Jose"));
    assert_eq!(exact.updates[1].person, id("José"));
    // Case never tells people apart: "zoe martin" is ZOE MARTIN's spelling, not Zoë's.
    let cased = plan("Name,Offers\nzoe martin,Cooking\n");
    assert_eq!(cased.updates[0].person, id("ZOE MARTIN"));
    // "Maria" written "MARÍA" is still her; "Jose" in a roster of only José is him.
    let (ws2, p2) = roster(&["José Núñez"]);
    let only = ws2.programme(p2).unwrap();
    let table = parse_csv("Name,Offers\nJose Nunez,Budgeting\n").unwrap();
    let one = plan_import(
        &table,
        &Mapping::guess(&table.headings),
        &only.mentoring,
        &only.participants,
    )
    .unwrap();
    assert_eq!(one.updates.len(), 1, "{:?}", one.problems);
    // "Josè" is exactly neither José nor Jose, and folds to both: refused in plain words.
    let two = plan("Name,Offers\nJos\u{e8},Budgeting\n");
    assert!(two.updates.is_empty());
    assert_eq!(two.problems.len(), 1, "{:?}", two.problems);
    assert_eq!(
        two.problems[0].reason,
        LineReason::SeveralOnRoster("Jos\u{e8}".into()),
        "{:?}",
        two.problems
    );
    assert!(
        two.problems[0].to_string().contains("more than one person"),
        "{}",
        two.problems[0]
    );
}

/// Every reader of a file or of storage, fed anything: it must answer (accept or refuse),
/// never panic, and quickly.
fn every_reader(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let _ = check(bytes);
    let _ = backup_text(bytes);
    if let Ok(table) = parse_csv(&text) {
        let (ws, p) = roster(&["Ana"]);
        let pr = ws.programme(p).unwrap();
        let _ = plan_import(
            &table,
            &Mapping::guess(&table.headings),
            &pr.mentoring,
            &pr.participants,
        );
    }
    let _ = peercircle::share::combine::combine(&[&text], Default::default());
    for key in [
        "peercircle:settings",
        "peercircle:programme:1",
        "peercircle:session:1",
        "peercircle:questions",
        "peercircle:testimonies",
    ] {
        let mut store = MemoryStore::default();
        store.set(key, &text).unwrap();
        let _ = load_workspace(&mut store);
    }
}

/// The suite's small budget, or `PROPTEST_CASES` (scripts/bench runs a longer one).
fn budget(small: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(small)
}

fn envelope_like() -> impl Strategy<Value = Vec<u8>> {
    let kinds = prop_oneof![
        Just("settings"),
        Just("programme"),
        Just("session"),
        Just("questions"),
        Just("testimonies"),
        Just("peercircle-backup"),
    ];
    (kinds, any::<u32>(), "[ -~]{0,200}").prop_map(|(kind, n, tail)| {
        format!(
            r#"{{"kind":"{kind}","version":{},"data":{{"id":{n},"guests":{n},"groups":[{{"id":{n}}}],"x":"{tail}"}}}}"#,
            n % 4
        )
        .into_bytes()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: budget(64), ..ProptestConfig::default() })]

    #[test]
    fn no_reader_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        every_reader(&bytes);
    }

    #[test]
    fn no_reader_panics_on_near_valid_records(bytes in envelope_like()) {
        every_reader(&bytes);
    }

    #[test]
    fn no_reader_panics_on_csv_like_text(text in "([a-z\"]{0,6}[,;\t\r\n|]){0,80}") {
        every_reader(text.as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: budget(16), ..ProptestConfig::default() })]

    /// Every file the app writes, its own readers accept: records it stores load back
    /// identically, and a backup of them opens with the same contents.
    #[test]
    fn what_the_app_writes_its_readers_accept(
        names in proptest::collection::vec("\\PC{1,60}", 1..6),
        purpose in "\\PC{0,400}",
    ) {
        let mut ws = Workspace::default();
        for name in &names {
            let Ok(id) = ws.create_programme(name) else { continue };
            ws.programme_mut(id).unwrap().purpose = purpose.clone();
            let person = ws.fresh_id();
            let _ = ws.programme_mut(id).unwrap().add_participant(person, name, Role::Peer);
        }
        let mut store = MemoryStore::default();
        save_all(&mut store, &ws);
        let loaded = load_workspace(&mut store).unwrap();
        prop_assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        prop_assert_eq!(&loaded.workspace, &ws);
        let file = backup_of(&store);
        let summary = check(file.as_bytes()).unwrap().summary;
        prop_assert_eq!(summary.programme_names.len(), ws.programmes.len());
        prop_assert_eq!(
            summary.participants,
            ws.programmes.iter().map(|p| p.participants.len()).sum::<usize>()
        );
    }
}

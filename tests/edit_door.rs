//! The one edit door works out which records an edit changed, so no caller lists them. Any
//! sequence of changes, compared record by record as they would be stored: every record
//! whose stored text changed, appeared or went is in the set, and the small records
//! (settings, questions, testimonies) are in it only when they really changed.

use peercircle::domain::date::Date;
use peercircle::domain::programme::GroupKind;
use peercircle::domain::questions::Audience;
use peercircle::domain::session::{Session, SessionQuestion};
use peercircle::domain::workspace::{RecordKey, Workspace};
use peercircle::persist::records::encode_record;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug)]
enum Op {
    CreateProgramme(u8),
    RemoveProgramme(u8),
    UndoLastRemoval,
    AddGroup(u8),
    RenameProgrammeGroup(u8, u8),
    LookAtProgramme(u8),
    StartSession(u8, u8),
    MarkPresent(u8, u8),
    RemoveSession(u8),
    AddQuestion(u8),
    SetK(u8),
    FreshId,
    Refused(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any::<u8>().prop_map(Op::CreateProgramme),
        any::<u8>().prop_map(Op::RemoveProgramme),
        Just(Op::UndoLastRemoval),
        any::<u8>().prop_map(Op::AddGroup),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::RenameProgrammeGroup(a, b)),
        any::<u8>().prop_map(Op::LookAtProgramme),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::StartSession(a, b)),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::MarkPresent(a, b)),
        any::<u8>().prop_map(Op::RemoveSession),
        any::<u8>().prop_map(Op::AddQuestion),
        any::<u8>().prop_map(Op::SetK),
        Just(Op::FreshId),
        any::<u8>().prop_map(Op::Refused),
    ]
}

fn pick<T: Copy>(list: &[T], n: u8) -> Option<T> {
    (!list.is_empty()).then(|| list[n as usize % list.len()])
}

fn group_ids(ws: &Workspace) -> Vec<u64> {
    ws.programmes
        .iter()
        .flat_map(|p| p.groups.iter().map(|g| g.id))
        .collect()
}

/// Applies one change the way the screens do, through the workspace's own methods.
fn apply(ws: &mut Workspace, op: &Op, removed: &mut Vec<peercircle::domain::programme::Programme>) {
    let programmes: Vec<u64> = ws.programmes.iter().map(|p| p.id).collect();
    let sessions: Vec<u64> = ws.sessions.iter().map(|s| s.id()).collect();
    match *op {
        Op::CreateProgramme(n) => {
            let _ = ws.create_programme(&format!("Programme {n}"));
        }
        Op::RemoveProgramme(n) => {
            if let Some(id) = pick(&programmes, n) {
                if let Ok(p) = ws.remove_programme(id) {
                    removed.push(p);
                }
            }
        }
        Op::UndoLastRemoval => {
            if let Some(p) = removed.pop() {
                ws.restore_programme(p);
            }
        }
        Op::AddGroup(n) => {
            if let Some(id) = pick(&programmes, n) {
                let gid = ws.fresh_id();
                if let Ok(p) = ws.programme_mut(id) {
                    let _ = p.add_group(gid, &format!("Circle {n}"), GroupKind::MentorSupport);
                }
            }
        }
        Op::RenameProgrammeGroup(n, m) => {
            if let Some(id) = pick(&programmes, n) {
                if let Ok(p) = ws.programme_mut(id) {
                    let groups: Vec<u64> = p.groups.iter().map(|g| g.id).collect();
                    if let Some(g) = pick(&groups, m) {
                        let _ = p.rename_group(g, &format!("Renamed {m}"));
                    }
                }
            }
        }
        Op::LookAtProgramme(n) => {
            // Handed out for changing, then left as it was.
            if let Some(id) = pick(&programmes, n) {
                let _ = ws.programme_mut(id).map(|p| p.groups.len());
            }
        }
        Op::StartSession(n, d) => {
            if let Some(group) = pick(&group_ids(ws), n) {
                let id = ws.fresh_id();
                let date = Date::from_ymd(2026, 1 + u32::from(d % 12), 1).unwrap();
                let q = SessionQuestion::one_off("What helped this month?").unwrap();
                ws.sessions.push(Session::new(id, group, date, q).unwrap());
            }
        }
        Op::MarkPresent(n, m) => {
            if let Some(id) = pick(&sessions, n) {
                if let Ok(s) = ws.session_mut(id) {
                    let _ = s.mark_present(u64::from(m % 4) + 1);
                }
            }
        }
        Op::RemoveSession(n) => {
            if let Some(id) = pick(&sessions, n) {
                let _ = ws.remove_session(id);
            }
        }
        Op::AddQuestion(n) => {
            let _ = ws
                .questions
                .add(&format!("Question {n}?"), Audience::Mentor, "");
        }
        Op::SetK(n) => ws.settings.k = 3 + u32::from(n % 5),
        Op::FreshId => {
            ws.fresh_id();
        }
        Op::Refused(n) => {
            // A rule refuses: nothing changes (an empty name is refused before anything).
            let _ = ws.create_programme(&" ".repeat(usize::from(n % 3)));
        }
    }
}

/// Every record as it would be stored.
fn stored(ws: &Workspace) -> BTreeMap<RecordKey, String> {
    ws.record_keys()
        .into_iter()
        .filter_map(|k| encode_record(ws, k).map(|text| (k, text)))
        .collect()
}

fn truly_changed(
    before: &BTreeMap<RecordKey, String>,
    after: &BTreeMap<RecordKey, String>,
) -> BTreeSet<RecordKey> {
    let keys: BTreeSet<RecordKey> = before.keys().chain(after.keys()).copied().collect();
    keys.into_iter()
        .filter(|k| before.get(k) != after.get(k))
        .collect()
}

fn small(k: &RecordKey) -> bool {
    matches!(
        k,
        RecordKey::Settings | RecordKey::Questions | RecordKey::Testimonies
    )
}

/// Two programmes, each with a group and a meeting, so every kind of change has something
/// to change from the start.
fn base() -> Workspace {
    let mut ws = Workspace::default();
    let mut removed = Vec::new();
    for (i, o) in [
        Op::CreateProgramme(1),
        Op::CreateProgramme(2),
        Op::AddGroup(0),
        Op::AddGroup(1),
        Op::StartSession(0, 1),
        Op::StartSession(1, 2),
    ]
    .iter()
    .enumerate()
    {
        apply(&mut ws, o, &mut removed);
        assert_eq!(ws.record_keys().len(), 3 + [1, 2, 2, 2, 3, 4][i]);
    }
    ws
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn the_door_finds_every_record_an_edit_changed(
        setup in prop::collection::vec(op(), 0..12),
        edit in prop::collection::vec(op(), 1..4),
    ) {
        let mut ws = base();
        let mut removed = Vec::new();
        for o in &setup {
            apply(&mut ws, o, &mut removed);
        }
        let stored_before = stored(&ws);
        let before = ws.before_edit();
        for o in &edit {
            apply(&mut ws, o, &mut removed);
        }
        let found = ws.changed_since(&before);
        let truth = truly_changed(&stored_before, &stored(&ws));
        let missed: Vec<_> = truth.difference(&found).collect();
        prop_assert!(missed.is_empty(), "missed {missed:?} after {edit:?}");
        let extra_small: Vec<_> = found.difference(&truth).filter(|k| small(k)).collect();
        prop_assert!(extra_small.is_empty(), "claimed {extra_small:?} changed");
    }
}

#[test]
fn a_new_programme_is_saved_with_the_order_and_a_removed_one_as_gone() {
    let mut ws = Workspace::default();
    let before = ws.before_edit();
    let id = ws.create_programme("Peer mentors").unwrap();
    let found = ws.changed_since(&before);
    assert_eq!(
        found,
        BTreeSet::from([RecordKey::Settings, RecordKey::Programme(id)])
    );

    let before = ws.before_edit();
    ws.remove_programme(id).unwrap();
    assert!(ws
        .changed_since(&before)
        .contains(&RecordKey::Programme(id)));
}

#[test]
fn a_refused_change_and_a_look_change_no_small_record() {
    let mut ws = Workspace::default();
    let id = ws.create_programme("Peer mentors").unwrap();
    let before = ws.before_edit();
    assert!(ws.create_programme("   ").is_err());
    assert!(ws.changed_since(&before).is_empty());
    // Each edit starts afresh: what an earlier edit handed out is not counted again.
    let _ = ws.programme_mut(id).unwrap();
    let before = ws.before_edit();
    assert!(ws.changed_since(&before).is_empty());
}

use super::*;
use crate::domain::programme::GroupKind;
use crate::persist::MemoryStore;

fn sample() -> Workspace {
    let mut ws = Workspace::default();
    let id = ws.create_programme("Nursing mentors").unwrap();
    let gid = ws.fresh_id();
    ws.programme_mut(id)
        .unwrap()
        .add_group(gid, "Mentor circle", GroupKind::MentorSupport)
        .unwrap();
    ws
}

fn save_all(store: &mut MemoryStore, ws: &Workspace) {
    let keys = ws.record_keys().into_iter().collect();
    save_records(store, ws, &keys, &BTreeSet::new()).unwrap();
}

#[test]
fn a_saved_workspace_loads_back_identically() {
    let ws = sample();
    let mut store = MemoryStore::default();
    save_all(&mut store, &ws);
    let loaded = load_workspace(&mut store).unwrap();
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.workspace, ws);
}

#[test]
fn keys_round_trip_and_foreign_keys_are_ignored() {
    for key in [RecordKey::Settings, RecordKey::Programme(42)] {
        assert_eq!(parse_key(&key_name(key)), Some(key));
    }
    assert_eq!(parse_key("peercircle:programme:abc"), None);
    assert_eq!(parse_key("other-app:settings"), None);
    let mut store = MemoryStore::default();
    store.set("other-app:settings", "whatever").unwrap();
    let loaded = load_workspace(&mut store).unwrap();
    assert!(loaded.problems.is_empty());
    assert_eq!(
        store.get("other-app:settings").unwrap().as_deref(),
        Some("whatever")
    );
}

#[test]
fn garbage_is_set_aside_untouched_and_the_rest_still_loads() {
    let ws = sample();
    let mut store = MemoryStore::default();
    save_all(&mut store, &ws);
    store
        .set("peercircle:programme:999", "<<garbage>>")
        .unwrap();
    let loaded = load_workspace(&mut store).unwrap();
    assert_eq!(
        loaded.workspace.programmes.len(),
        1,
        "the good programme still loads"
    );
    assert_eq!(loaded.problems.len(), 1);
    let problem = &loaded.problems[0];
    assert_eq!(problem.reason, RestoreError::NotJson);
    let aside = problem.set_aside_as.clone().unwrap();
    assert_eq!(store.get(&aside).unwrap().as_deref(), Some("<<garbage>>"));
    assert_eq!(store.get("peercircle:programme:999").unwrap(), None);
    assert!(problem.sentence().contains("kept aside"));
    assert_eq!(set_aside_records(&store).unwrap().len(), 1);
}

#[test]
fn quarantine_never_overwrites_an_earlier_quarantined_copy() {
    let mut store = MemoryStore::default();
    store.set("peercircle:settings", "bad one").unwrap();
    load_workspace(&mut store).unwrap();
    store.set("peercircle:settings", "bad two").unwrap();
    load_workspace(&mut store).unwrap();
    let aside = set_aside_records(&store).unwrap();
    assert_eq!(aside.len(), 2);
    let texts: BTreeSet<String> = aside
        .iter()
        .map(|a| store.get(&a.key).unwrap().unwrap())
        .collect();
    assert!(texts.contains("bad one") && texts.contains("bad two"));
}

#[test]
fn a_record_from_a_newer_app_is_left_in_place_and_never_overwritten() {
    let mut store = MemoryStore::default();
    let newer = r#"{"kind":"settings","version":99,"data":{"k":7}}"#;
    store.set("peercircle:settings", newer).unwrap();
    let loaded = load_workspace(&mut store).unwrap();
    assert!(loaded.problems[0].set_aside_as.is_none());
    assert!(loaded.protected.contains("peercircle:settings"));
    let keys = [RecordKey::Settings].into_iter().collect();
    // Asking to write it is refused out loud, never skipped and reported as saved.
    assert_eq!(
        save_records(&mut store, &loaded.workspace, &keys, &loaded.protected),
        Err(StoreError::Protected)
    );
    assert_eq!(
        store.get("peercircle:settings").unwrap().as_deref(),
        Some(newer)
    );
}

#[test]
fn when_the_store_is_too_full_to_copy_the_bad_record_stays_put() {
    let mut store = MemoryStore::default();
    store.set("peercircle:settings", "not json at all").unwrap();
    store.quota = Some(store.used());
    let loaded = load_workspace(&mut store).unwrap();
    assert!(loaded.problems[0].set_aside_as.is_none());
    assert!(loaded.protected.contains("peercircle:settings"));
    assert_eq!(
        store.get("peercircle:settings").unwrap().as_deref(),
        Some("not json at all")
    );
}

#[test]
fn a_programme_whose_key_and_content_disagree_is_set_aside() {
    let mut store = MemoryStore::default();
    let text = encode(
        "programme",
        1,
        &Programme {
            id: 5,
            ..Programme::default()
        },
    )
    .unwrap();
    store.set("peercircle:programme:6", &text).unwrap();
    let loaded = load_workspace(&mut store).unwrap();
    assert!(matches!(
        loaded.problems[0].reason,
        RestoreError::WrongId {
            what: "programme",
            id: 5
        }
    ));
}

#[test]
fn a_full_store_refuses_the_save_with_a_typed_error_and_keeps_the_old_record() {
    let ws = sample();
    let mut store = MemoryStore::default();
    save_all(&mut store, &ws);
    let before = store.entries().clone();
    store.quota = Some(store.used());
    let mut bigger = ws.clone();
    let pid = bigger.programmes[0].id;
    bigger.programme_mut(pid).unwrap().purpose = "x".repeat(500);
    let keys = [RecordKey::Programme(pid)].into_iter().collect();
    assert_eq!(
        save_records(&mut store, &bigger, &keys, &BTreeSet::new()),
        Err(StoreError::Full)
    );
    assert_eq!(store.entries(), &before);
}

#[test]
fn an_unavailable_store_says_so() {
    let mut store = MemoryStore::default();
    store.unavailable = true;
    assert_eq!(
        load_workspace(&mut store).unwrap_err(),
        StoreError::Unavailable
    );
}

#[test]
fn a_deleted_programme_is_removed_from_the_store() {
    let mut ws = sample();
    let mut store = MemoryStore::default();
    save_all(&mut store, &ws);
    let pid = ws.programmes[0].id;
    ws.remove_programme(pid).unwrap();
    let keys = [RecordKey::Programme(pid), RecordKey::Settings]
        .into_iter()
        .collect();
    save_records(&mut store, &ws, &keys, &BTreeSet::new()).unwrap();
    assert_eq!(
        store.get(&key_name(RecordKey::Programme(pid))).unwrap(),
        None
    );
    assert!(load_workspace(&mut store)
        .unwrap()
        .workspace
        .programmes
        .is_empty());
}

#[test]
fn a_low_k_in_settings_is_raised_to_the_floor() {
    let mut store = MemoryStore::default();
    store
        .set(
            "peercircle:settings",
            r#"{"kind":"settings","version":1,"data":{"k":1}}"#,
        )
        .unwrap();
    assert_eq!(load_workspace(&mut store).unwrap().workspace.settings.k, 3);
}

fn with_session() -> (Workspace, crate::domain::Id) {
    use crate::domain::session::{Session, SessionQuestion};
    let mut ws = sample();
    let group = ws.programmes[0].groups[0].id;
    let sid = ws.fresh_id();
    let question = SessionQuestion::one_off("What is the hardest part of mentoring?").unwrap();
    let date = crate::domain::Date::from_ymd(2026, 11, 24).unwrap();
    let mut session = Session::new(sid, group, date, question).unwrap();
    session.set_guests(4).unwrap();
    ws.sessions.push(session);
    (ws, sid)
}

#[test]
fn sessions_and_the_question_bank_round_trip() {
    let (mut ws, sid) = with_session();
    ws.questions = crate::domain::questions::QuestionBank::starter();
    let mut store = MemoryStore::default();
    save_all(&mut store, &ws);
    assert!(store
        .get(&key_name(RecordKey::Session(sid)))
        .unwrap()
        .is_some());
    let loaded = load_workspace(&mut store).unwrap();
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.workspace, ws);
    assert_eq!(
        parse_key(&key_name(RecordKey::Session(sid))),
        Some(RecordKey::Session(sid))
    );
    assert_eq!(
        parse_key("peercircle:questions"),
        Some(RecordKey::Questions)
    );
}

#[test]
fn a_device_that_never_saved_questions_gets_the_starter_bank() {
    let mut store = MemoryStore::default();
    let loaded = load_workspace(&mut store).unwrap();
    assert_eq!(
        loaded.workspace.questions,
        crate::domain::questions::QuestionBank::starter()
    );
}

#[test]
fn an_unreadable_question_bank_is_set_aside_not_replaced_by_the_starters() {
    let mut store = MemoryStore::default();
    store.set("peercircle:questions", "not a bank").unwrap();
    let loaded = load_workspace(&mut store).unwrap();
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.workspace.questions.questions().is_empty());
}

#[test]
fn a_session_that_breaks_its_own_rules_is_set_aside() {
    let (ws, sid) = with_session();
    let mut store = MemoryStore::default();
    save_all(&mut store, &ws);
    let name = key_name(RecordKey::Session(sid));
    let text = store.get(&name).unwrap().unwrap();
    // 600 guests is more than a session accepts: the record was tampered with or damaged.
    store
        .set(&name, &text.replace("\"guests\":4", "\"guests\":600"))
        .unwrap();
    let loaded = load_workspace(&mut store).unwrap();
    assert!(loaded.workspace.sessions.is_empty());
    assert!(matches!(
        loaded.problems[0].reason,
        RestoreError::Session(crate::domain::session::SessionError::Damaged(_))
    ));
    assert!(loaded.problems[0].sentence().contains("one session"));
}

#[test]
fn fresh_ids_never_collide_with_sessions() {
    let (mut ws, sid) = with_session();
    ws.settings.last_id = 0;
    assert!(ws.fresh_id() > sid);
}

#[test]
fn only_the_canonical_spelling_of_a_key_names_a_record() {
    for alias in [
        "peercircle:programme:01",
        "peercircle:programme:+1",
        "peercircle:programme: 1",
        "peercircle:session:007",
        "peercircle:programme:1 ",
    ] {
        assert_eq!(parse_key(alias), None, "{alias}");
    }
    let ws = sample();
    let mut store = MemoryStore::default();
    save_all(&mut store, &ws);
    let pid = ws.programmes[0].id;
    let intruder = encode(
        "programme",
        1,
        &Programme {
            id: pid,
            name: "Intruder".into(),
            ..Programme::default()
        },
    )
    .unwrap();
    store
        .set(&format!("peercircle:programme:0{pid}"), &intruder)
        .unwrap();
    let loaded = load_workspace(&mut store).unwrap();
    assert_eq!(loaded.workspace.programmes.len(), 1);
    assert_eq!(loaded.workspace.programmes[0].name, "Nursing mentors");
}

#[test]
fn new_ids_never_collide_with_protected_or_set_aside_records() {
    let mut store = MemoryStore::default();
    // A newer version's settings (protected) and programme 1; a set-aside session 40 whose
    // text names id 55 inside.
    store
        .set(
            "peercircle:settings",
            r#"{"kind":"settings","version":99,"data":{"last_id":30}}"#,
        )
        .unwrap();
    store
        .set(
            "peercircle:programme:12",
            r#"{"kind":"programme","version":99,"data":{"id":12,"groups":[{"id":13}]}}"#,
        )
        .unwrap();
    store
        .set(
            "peercircle:quarantine:1:session:40",
            r#"{"kind":"session","data":{"id":40,"present":[55],"question":{"question_id":55}}}"#,
        )
        .unwrap();
    let mut loaded = load_workspace(&mut store).unwrap();
    let id = loaded.workspace.fresh_id();
    assert!(id > 55, "new id {id} collides with a record kept aside");
    // A change that would rewrite a protected record is refused, not skipped.
    let pid = loaded.workspace.create_programme("New").unwrap();
    let keys = [RecordKey::Programme(pid), RecordKey::Settings]
        .into_iter()
        .collect();
    assert_eq!(
        save_records(&mut store, &loaded.workspace, &keys, &loaded.protected),
        Err(StoreError::Protected)
    );
}

#[test]
fn an_impossible_id_is_damage_and_never_used_up() {
    let mut store = MemoryStore::default();
    store
        .set(
            "peercircle:programme:3",
            r#"{"kind":"programme","version":1,"data":{"id":3,"name":"x","groups":[{"id":18446744073709551615,"name":"g","kind":"mentor_support"}]}}"#,
        )
        .unwrap();
    let mut loaded = load_workspace(&mut store).unwrap();
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.workspace.fresh_id() < 100);
}

#[test]
fn fields_this_version_does_not_know_survive_a_load_and_save() {
    let ws = sample();
    let mut store = MemoryStore::default();
    save_all(&mut store, &ws);
    let pid = ws.programmes[0].id;
    let name = key_name(RecordKey::Programme(pid));
    let mut stored: Value = serde_json::from_str(&store.get(&name).unwrap().unwrap()).unwrap();
    stored["data"]["colour"] = serde_json::json!("teal");
    stored["data"]["groups"][0]["badge"] = serde_json::json!({"icon": "star"});
    store.set(&name, &stored.to_string()).unwrap();

    let mut loaded = load_workspace(&mut store).unwrap();
    assert!(loaded.problems.is_empty());
    loaded.workspace.programme_mut(pid).unwrap().purpose = "Edited here".into();
    let keys = [RecordKey::Programme(pid)].into_iter().collect();
    save_records_keeping(
        &mut store,
        &loaded.workspace,
        &keys,
        &loaded.protected,
        &loaded.unknown,
    )
    .unwrap();
    let after: Value = serde_json::from_str(&store.get(&name).unwrap().unwrap()).unwrap();
    assert_eq!(after["data"]["colour"], "teal");
    assert_eq!(after["data"]["groups"][0]["badge"]["icon"], "star");
    assert_eq!(after["data"]["purpose"], "Edited here");
}

/// The app skips the record reader when the store holds no record (`state::reader`): what
/// it starts with then must be exactly what reading that store would have given.
#[test]
fn a_store_without_records_starts_exactly_as_reading_it_would() {
    let mut store = MemoryStore::default();
    store.set("someone-else:settings", "{}").unwrap();
    store.set("peercircle-probe", "1").unwrap();
    let read = load_workspace(&mut store).unwrap();
    let fresh = Loaded::fresh();
    assert_eq!(fresh.workspace, read.workspace);
    assert_eq!(fresh.problems, read.problems);
    assert_eq!(fresh.protected, read.protected);
    assert_eq!(fresh.unknown, read.unknown);
    assert!(fresh.workspace.settings.k >= 3);
    assert!(!fresh.workspace.questions.questions().is_empty());
}

//! Values a newer version of Peercircle wrote (a new group kind, role, step, ...) are read,
//! shown as "this version does not know", and written back exactly as stored: an older tab
//! must never set a record aside for them, nor erase them.

use peercircle::domain::workspace::RecordKey;
use peercircle::domain::UNKNOWN_VALUE;
use peercircle::persist::records::{key_name, load_workspace, save_records_keeping, Loaded};
use peercircle::persist::{KeyValueStore, MemoryStore};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeSet;

const NEWER: &str = "a_value_from_a_newer_version";

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/stored/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The newest programme fixture, with every stored enum given a known value somewhere.
fn programme_record() -> Value {
    let mut p = fixture("programme-v2");
    let d = &mut p["data"];
    // The fixture keeps shapes, not sense; what `validate` asks of a loaded programme:
    d["followup"]["checkins"][0]["date"] = json!("2026-01-10");
    d["participants"][0]["roles"] = json!(["mentor"]);
    d["participants"][0]["opt_in"] = json!({"start": "2026-01-01", "end": "2026-02-01",
        "decision": {"choice": "continue", "on": "2026-02-01"}});
    d["participants"][0]["quote_approval"] =
        json!({"given": "2026-01-01", "scope": "", "uses": ["newsletter"]});
    d["charters"][0]["leadership"] = json!("rotating_chair");
    d["group_life"][0]["departures"][0]["talked"] = json!(["their_words"]);
    d["group_life"][0]["ending"]["talked"] = json!(["look_back"]);
    d["mentoring"]["pairs"][0]["life"]["closure"]["talked"] = json!(["went_well"]);
    d["followup"]["contacts"][0]["asked"] = json!(["how_it_is_going"]);
    d["disclosure"]["ledger"][0]["figures"] =
        json!([{"population": "present", "value": 4, "shown": true}]);
    d["disclosure"]["names"]["decisions"] = json!([{"text": "title", "fingerprint": 1,
        "start": 0, "matched": "Ann", "participant": 0, "choice": "replace"}]);
    p
}

fn settings_record() -> Value {
    let mut s = fixture("settings-v2");
    s["data"]["kiosk"]["active"] = json!({"task": "pair-answers", "session": 3});
    s
}

fn store_holding(records: &[(RecordKey, &Value)]) -> MemoryStore {
    let mut store = MemoryStore::default();
    for (key, record) in records {
        store
            .set(&key_name(*key), &serde_json::to_string(record).unwrap())
            .unwrap();
    }
    store
}

fn stored(store: &MemoryStore, key: RecordKey) -> Value {
    serde_json::from_str(&store.get(&key_name(key)).unwrap().unwrap()).unwrap()
}

fn load(store: &mut MemoryStore) -> Loaded {
    let loaded = load_workspace(store).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded
}

fn save(store: &mut MemoryStore, loaded: &Loaded, key: RecordKey) {
    save_records_keeping(
        store,
        &loaded.workspace,
        &BTreeSet::from([key]),
        &loaded.protected,
        &loaded.unknown,
    )
    .unwrap();
}

/// The record as this version holds it, as JSON (the unknown value shows as the marker).
fn held(loaded: &Loaded, key: RecordKey) -> Value {
    let ws = &loaded.workspace;
    match key {
        RecordKey::Programme(id) => serde_json::to_value(ws.programme(id).unwrap()).unwrap(),
        RecordKey::Session(id) => serde_json::to_value(ws.session(id).unwrap()).unwrap(),
        RecordKey::Settings => serde_json::to_value(&ws.settings).unwrap(),
        RecordKey::Questions => serde_json::to_value(&ws.questions).unwrap(),
        RecordKey::Testimonies => serde_json::to_value(&ws.testimonies).unwrap(),
    }
}

/// Replaces the record in the workspace with `edit` applied to its JSON, as an edit in the
/// app would (the facilitator choosing a value, or changing another field).
fn edit_held(loaded: &mut Loaded, key: RecordKey, edit: impl FnOnce(&mut Value)) {
    let mut value = held(loaded, key);
    edit(&mut value);
    let ws = &mut loaded.workspace;
    fn put<T: DeserializeOwned>(slot: &mut T, value: Value) {
        *slot = serde_json::from_value(value).unwrap();
    }
    match key {
        RecordKey::Programme(id) => put(ws.programme_mut(id).unwrap(), value),
        RecordKey::Session(id) => {
            let at = ws.sessions.iter().position(|s| s.id() == id).unwrap();
            put(&mut ws.sessions[at], value)
        }
        RecordKey::Settings => put(&mut ws.settings, value),
        RecordKey::Questions => put(&mut ws.questions, value),
        RecordKey::Testimonies => put(&mut ws.testimonies, value),
    }
}

/// One stored enum: where its value sits in which record, and a known value to choose.
struct Case {
    name: &'static str,
    key: RecordKey,
    pointer: &'static str,
    known: Value,
    /// Where the known value goes, when the choice is more than the value (a kiosk task
    /// comes with its session).
    choose_at: &'static str,
}

fn cases() -> Vec<Case> {
    let p = RecordKey::Programme(1);
    let case = |name, key, pointer, known: &str| Case {
        name,
        key,
        pointer,
        known: json!(known),
        choose_at: pointer,
    };
    vec![
        case("GroupKind", p, "/groups/0/kind", "peer"),
        case("Role", p, "/participants/0/roles/0", "protege"),
        case(
            "TrialChoice",
            p,
            "/participants/0/opt_in/decision/choice",
            "leave",
        ),
        case(
            "ApprovedUse",
            p,
            "/participants/0/quote_approval/uses/0",
            "brochure",
        ),
        case("NoteKind", p, "/awareness/0/kind", "concern"),
        case("Stage", p, "/charters/0/stages/0/stage", "criteria"),
        case("Leadership", p, "/charters/0/leadership", "mentee_led"),
        case(
            "Leaving",
            p,
            "/group_life/0/departures/0/leaving",
            "unplanned",
        ),
        case(
            "GoodbyePrompt",
            p,
            "/group_life/0/departures/0/talked/0",
            "feelings",
        ),
        case(
            "ClosingPrompt",
            p,
            "/group_life/0/ending/talked/0",
            "celebrate",
        ),
        case("ProgrammeKind", p, "/mentoring/kind/type", "peer"),
        case("OddMode", p, "/mentoring/kind/odd", "trio"),
        case("Objective", p, "/mentoring/objective", "highest_score"),
        case("Side", p, "/mentoring/profiles/0/side", "mentor"),
        case(
            "Ending",
            p,
            "/mentoring/pairs/0/life/closure/ending",
            "early",
        ),
        case(
            "ClosureReason",
            p,
            "/mentoring/pairs/0/life/closure/reason",
            "schedule",
        ),
        case(
            "ClosingTopic",
            p,
            "/mentoring/pairs/0/life/closure/talked/0",
            "learned",
        ),
        case("EnteredBy", p, "/followup/checkins/0/by", "partner"),
        case("ContactWay", p, "/followup/contacts/0/how", "phone"),
        case("Asked", p, "/followup/contacts/0/asked/0", "programme_help"),
        case("Apply", p, "/followup/plans/0/learnings/0/apply", "later"),
        case("StepStatus", p, "/followup/plans/0/steps/0/status", "done"),
        case(
            "Population",
            p,
            "/disclosure/ledger/0/figures/0/population",
            "people",
        ),
        case(
            "NameChoice",
            p,
            "/disclosure/names/decisions/0/choice",
            "not_a_name",
        ),
        case("Phase", RecordKey::Session(9), "/phase", "Closed"),
        case(
            "ConsentDecision",
            RecordKey::Session(9),
            "/flip_chart/1/consent/decision",
            "InternalOnly",
        ),
        case(
            "Audience",
            RecordKey::Questions,
            "/questions/0/audience",
            "Peer",
        ),
        Case {
            name: "KioskTask",
            key: RecordKey::Settings,
            pointer: "/kiosk/active/task",
            known: json!({"task": "table-consensus", "session": 9}),
            choose_at: "/kiosk/active",
        },
    ]
}

/// A store holding every record, with `case`'s value replaced by one from a newer version.
fn store_for(case: &Case) -> MemoryStore {
    let mut records = [
        (RecordKey::Programme(1), programme_record()),
        (RecordKey::Session(9), fixture("session-v2")),
        (RecordKey::Questions, fixture("questions-v2")),
        (RecordKey::Settings, settings_record()),
    ];
    let record = &mut records.iter_mut().find(|(k, _)| *k == case.key).unwrap().1;
    let slot = record["data"].pointer_mut(case.pointer).unwrap_or_else(|| {
        panic!("{}: nothing at {}", case.name, case.pointer);
    });
    assert!(slot.is_string(), "{}: {slot}", case.name);
    *slot = json!(NEWER);
    let refs: Vec<(RecordKey, &Value)> = records.iter().map(|(k, v)| (*k, v)).collect();
    store_holding(&refs)
}

#[test]
fn every_stored_enum_keeps_a_newer_value_through_load_and_save() {
    for case in cases() {
        let mut store = store_for(&case);
        let mut loaded = load(&mut store);
        // Read as the marker: the record is in the workspace, not set aside.
        assert_eq!(
            held(&loaded, case.key).pointer(case.pointer),
            Some(&json!(UNKNOWN_VALUE)),
            "{}",
            case.name
        );
        // Saved as it was, however often.
        save(&mut store, &loaded, case.key);
        save(&mut store, &loaded, case.key);
        assert_eq!(
            stored(&store, case.key)["data"].pointer(case.pointer),
            Some(&json!(NEWER)),
            "{}: a plain save lost the value",
            case.name
        );
        // Another field edited: still kept.
        let other = if case.key == RecordKey::Settings {
            "/k"
        } else {
            ""
        };
        if !other.is_empty() {
            edit_held(&mut loaded, case.key, |v| v["k"] = json!(7));
        } else if let RecordKey::Programme(_) = case.key {
            edit_held(&mut loaded, case.key, |v| v["name"] = json!("Renamed"));
        }
        save(&mut store, &loaded, case.key);
        let after = stored(&store, case.key);
        assert_eq!(
            after["data"].pointer(case.pointer),
            Some(&json!(NEWER)),
            "{}: an edit elsewhere lost the value",
            case.name
        );
        // Read again on the next visit: the same.
        let mut again = load(&mut store);
        assert_eq!(
            held(&again, case.key).pointer(case.pointer),
            Some(&json!(UNKNOWN_VALUE)),
            "{}",
            case.name
        );
        // The facilitator chooses a known value: it replaces the newer one.
        edit_held(&mut again, case.key, |v| {
            *v.pointer_mut(case.choose_at).unwrap() = case.known.clone();
        });
        save(&mut store, &again, case.key);
        assert_eq!(
            stored(&store, case.key)["data"].pointer(case.choose_at),
            Some(&case.known),
            "{}: the chosen value did not replace it",
            case.name
        );
    }
}

fn newer_value<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(unknown: T) {
    let read: T = serde_json::from_value(json!(NEWER)).unwrap();
    assert_eq!(read, unknown);
    assert_eq!(
        serde_json::to_value(&unknown).unwrap(),
        json!(UNKNOWN_VALUE)
    );
    // The marker itself reads back as the same value, so a stray one never breaks a load.
    let again: T = serde_json::from_value(json!(UNKNOWN_VALUE)).unwrap();
    assert_eq!(again, unknown);
}

#[test]
fn each_plain_enum_reads_any_newer_value_and_writes_the_one_marker() {
    use peercircle::domain::*;
    newer_value(programme::GroupKind::Unknown);
    newer_value(roster::Role::Unknown);
    newer_value(roster::TrialChoice::Unknown);
    newer_value(roster::ApprovedUse::Unknown);
    newer_value(buyin::NoteKind::Unknown);
    newer_value(charter::Stage::Unknown);
    newer_value(charter::Leadership::Unknown);
    newer_value(group_life::Leaving::Unknown);
    newer_value(group_life::GoodbyePrompt::Unknown);
    newer_value(group_life::ClosingPrompt::Unknown);
    newer_value(pairing::Side::Unknown);
    newer_value(pairing::OddMode::Unknown);
    newer_value(pairing::Objective::Unknown);
    newer_value(mentoring::Ending::Unknown);
    newer_value(mentoring::ClosureReason::Unknown);
    newer_value(mentoring::ClosingTopic::Unknown);
    newer_value(session::Phase::Unknown);
    newer_value(session::ConsentDecision::Unknown);
    newer_value(disclosure::Population::Unknown);
    newer_value(disclosure::NameChoice::Unknown);
    newer_value(followup::EnteredBy::Unknown);
    newer_value(followup::ContactWay::Unknown);
    newer_value(followup::Asked::Unknown);
    newer_value(followup::Apply::Unknown);
    newer_value(followup::StepStatus::Unknown);
    newer_value(questions::Audience::Unknown);
}

#[test]
fn each_tagged_enum_reads_a_newer_tag_and_writes_the_one_marker() {
    use peercircle::domain::*;
    let tagged = |tag: &str| json!({ tag: NEWER, "extra": 1 });
    let task: kiosk::KioskTask = serde_json::from_value(tagged("task")).unwrap();
    assert_eq!(task, kiosk::KioskTask::Unknown);
    assert_eq!(
        serde_json::to_value(task).unwrap(),
        json!({"task": UNKNOWN_VALUE})
    );
    let kind: pairing::ProgrammeKind = serde_json::from_value(tagged("type")).unwrap();
    assert_eq!(kind, pairing::ProgrammeKind::Unknown);
}

#[test]
fn pickers_never_offer_the_unknown_value_and_it_has_plain_words() {
    use peercircle::domain::*;
    assert!(!programme::GroupKind::ALL.contains(&programme::GroupKind::Unknown));
    assert!(!roster::Role::ALL.contains(&roster::Role::Unknown));
    assert!(!session::Phase::ALL.contains(&session::Phase::Unknown));
    assert!(!charter::Leadership::ALL.contains(&charter::Leadership::Unknown));
    assert!(!followup::StepStatus::ALL.contains(&followup::StepStatus::Unknown));
    assert!(!questions::Audience::ALL.contains(&questions::Audience::Unknown));
    assert_eq!(
        programme::GroupKind::Unknown.label(),
        "A kind of group this version does not know"
    );
    assert_eq!(
        roster::Role::Unknown.label(),
        "A role this version does not know"
    );
    assert_eq!(
        session::Phase::Unknown.label(),
        "A step this version does not know"
    );
    assert_eq!(programme::GroupKind::from_key(UNKNOWN_VALUE), None);
    assert_eq!(roster::Role::from_key(UNKNOWN_VALUE), None);
}

/// Every value of `original` is in `saved`, unchanged, at the same place.
fn keeps_everything(original: &Value, saved: &Value, at: &str) {
    match (original, saved) {
        (Value::Null, _) => {}
        (Value::Object(o), Value::Object(s)) => {
            for (name, value) in o {
                let inner = s.get(name).unwrap_or(&Value::Null);
                assert!(value.is_null() || !inner.is_null(), "{at}/{name} is gone");
                keeps_everything(value, inner, &format!("{at}/{name}"));
            }
        }
        (Value::Array(o), Value::Array(s)) => {
            assert_eq!(o.len(), s.len(), "{at} changed length");
            for (i, (a, b)) in o.iter().zip(s).enumerate() {
                keeps_everything(a, b, &format!("{at}/{i}"));
            }
        }
        _ => assert_eq!(original, saved, "{at} changed"),
    }
}

#[test]
fn a_programme_from_a_newer_version_loads_shows_and_comes_back_unchanged() {
    use peercircle::domain::programme::GroupKind;
    use peercircle::domain::roster::Role;
    use peercircle::domain::session::{Phase, SessionError};
    let programme_key = RecordKey::Programme(1);
    let session_key = RecordKey::Session(9);
    let mut programme = programme_record();
    programme["data"]["groups"][0]["kind"] = json!("circle_of_elders");
    programme["data"]["participants"][0]["roles"] = json!(["elder", "mentor", "guide"]);
    let mut session = fixture("session-v2");
    session["data"]["phase"] = json!("Reflection");
    let mut store = store_holding(&[(programme_key, &programme), (session_key, &session)]);

    let mut loaded = load(&mut store);
    let ws = &loaded.workspace;
    let p = ws.programme(1).unwrap();
    assert_eq!(p.groups[0].kind, GroupKind::Unknown);
    assert_eq!(
        p.groups[0].kind.label(),
        "A kind of group this version does not know"
    );
    assert_eq!(
        p.participants[0].roles,
        vec![Role::Unknown, Role::Mentor, Role::Unknown]
    );
    assert_eq!(
        p.participants[0].roles[0].label(),
        "A role this version does not know"
    );
    let s = ws.session(9).unwrap();
    assert_eq!(s.phase(), Phase::Unknown);
    assert_eq!(
        s.phase().guidance(),
        "This meeting is at a step this version of Peercircle does not know. Open it in the \
         newest version to carry on."
    );
    // It is never moved off a step whose rules this version does not know.
    let mut moved = s.clone();
    assert_eq!(moved.advance(), Err(SessionError::UnknownStep));
    assert_eq!(moved.step_back(), Err(SessionError::UnknownStep));
    assert_eq!(
        moved.go_to(Phase::Attendance),
        Err(SessionError::UnknownStep)
    );
    assert_eq!(moved.go_to(Phase::Closed), Err(SessionError::UnknownStep));
    assert!(moved.why_not_open(Phase::Pairs).is_some());
    assert_eq!(&moved, s);

    // Saved untouched, and with the programme renamed: everything stored is still there.
    save(&mut store, &loaded, session_key);
    save(&mut store, &loaded, programme_key);
    keeps_everything(&session["data"], &stored(&store, session_key)["data"], "");
    keeps_everything(
        &programme["data"],
        &stored(&store, programme_key)["data"],
        "",
    );
    edit_held(&mut loaded, programme_key, |v| v["name"] = json!("Renamed"));
    save(&mut store, &loaded, programme_key);
    let renamed = stored(&store, programme_key);
    assert_eq!(renamed["data"]["name"], json!("Renamed"));
    let mut expected = programme["data"].clone();
    expected["name"] = json!("Renamed");
    keeps_everything(&expected, &renamed["data"], "");

    // A later visit reads and writes the same bytes again.
    let mut store_again = store.clone();
    let again = load(&mut store_again);
    save(&mut store_again, &again, programme_key);
    save(&mut store_again, &again, session_key);
    assert_eq!(
        store_again.get(&key_name(programme_key)).unwrap(),
        store.get(&key_name(programme_key)).unwrap()
    );
    assert_eq!(
        store_again.get(&key_name(session_key)).unwrap(),
        store.get(&key_name(session_key)).unwrap()
    );
}

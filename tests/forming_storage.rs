//! Roster, buy-in, charter, chair roster and attendance live inside the programme record.
//! They were added with defaults, so format 1 records (which lack them) still read, and a
//! fully formed programme goes through storage and back unchanged.

use peercircle::domain::buyin::NoteKind;
use peercircle::domain::charter::{Leadership, Stage, Term};
use peercircle::domain::programme::GroupKind;
use peercircle::domain::roster::{Role, TrialChoice};
use peercircle::domain::workspace::Workspace;
use peercircle::domain::Date;
use peercircle::persist::migrate::PROGRAMME;
use peercircle::persist::records::{load_workspace, restore, save_records};
use peercircle::persist::MemoryStore;
use std::collections::BTreeSet;

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[test]
fn a_format_1_programme_reads_with_an_empty_roster_and_no_charters() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/stored");
    let text = std::fs::read_to_string(format!("{dir}/programme-v1.json")).unwrap();
    let p: peercircle::domain::programme::Programme = restore(&text, &PROGRAMME).unwrap();
    assert!(p.participants.is_empty() && p.awareness.is_empty());
    assert!(p.charters.is_empty() && p.meetings.is_empty());
    assert_eq!(p.stages_agreed(2), 0);
}

#[test]
fn a_formed_group_survives_storage_unchanged() {
    let mut ws = Workspace::default();
    let id = ws.create_programme("Student supervision").unwrap();
    let group = ws.fresh_id();
    ws.programme_mut(id)
        .unwrap()
        .add_group(group, "Supervisors", GroupKind::Peer)
        .unwrap();
    let plan = ws
        .paste_people(id, "Ana\nBo\n<b>Cy</b>\nسارة 👋", Role::Peer, Some(group))
        .unwrap();
    assert_eq!(plan.new_names.len(), 4);
    let note = ws.fresh_id();
    let p = ws.programme_mut(id).unwrap();
    let ana = p.participants[0].id;
    p.add_awareness_note(note, NoteKind::Concern, "Who sees this?")
        .unwrap();
    p.set_opt_in(ana, d("2027-01-01"), d("2027-03-31")).unwrap();
    p.decide_trial(ana, TrialChoice::Continue, d("2027-04-01"))
        .unwrap();
    p.record_quote_approval(
        ana,
        d("2027-01-02"),
        "newsletter",
        &[peercircle::domain::roster::ApprovedUse::Newsletter],
        None,
    )
    .unwrap();
    p.set_stage_text(group, Stage::Purpose, "Support").unwrap();
    p.agree_stage(group, Stage::Purpose, d("2027-01-05"))
        .unwrap();
    p.set_term(group, Term::Confidentiality, "Stays here")
        .unwrap();
    p.agree_stage(group, Stage::WorkingAgreement, d("2027-01-05"))
        .unwrap();
    p.set_leadership(group, Some(Leadership::RotatingChair))
        .unwrap();
    p.schedule_meetings(group, d("2027-01-05"), 14, 6).unwrap();
    p.make_chair_rota(group).unwrap();
    let turns = p.charter(group).unwrap().rota.turns.clone();
    p.swap_chairs(group, turns[0].date, turns[1].date, d("2027-01-03"))
        .unwrap();
    p.record_attendance(group, d("2027-01-05"), &[ana]).unwrap();

    let mut store = MemoryStore::default();
    let keys: BTreeSet<_> = ws.record_keys().into_iter().collect();
    save_records(&mut store, &ws, &keys, &BTreeSet::new()).unwrap();
    let loaded = load_workspace(&mut store).unwrap();
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.workspace, ws);
    let ids: BTreeSet<_> = ws.programmes[0].participants.iter().map(|x| x.id).collect();
    assert!(
        !ids.contains(&group) && !ids.contains(&note),
        "ids never collide"
    );
}

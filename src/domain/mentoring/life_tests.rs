//! A relationship's life: each step follows the one before, "no" returns both to the pool,
//! undo takes back the last step, and people wait for their new-partner date.

use super::*;
use crate::domain::{Date, Id};

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

const ANA: Id = 1;
const BEN: Id = 2;
const CAI: Id = 3;

fn confirmed(id: Id, members: &[Id]) -> MentoringPair {
    MentoringPair {
        id,
        members: members.to_vec(),
        confirmed: Some(d("2026-12-01")),
        life: Life::default(),
        ..MentoringPair::default()
    }
}

fn rules() -> LifeRules {
    LifeRules::default()
}

fn active(id: Id, members: &[Id]) -> MentoringPair {
    let mut x = confirmed(id, members);
    for m in members {
        x.agree(rules(), *m, d("2026-12-02")).unwrap();
    }
    x.hold_first_meeting(rules(), d("2026-12-05")).unwrap();
    x.sign(rules(), d("2026-12-05")).unwrap();
    x
}

#[test]
fn each_step_follows_the_one_before_with_its_date() {
    let r = rules();
    let mut x = confirmed(10, &[ANA, BEN]);
    assert_eq!(x.stage(r), Stage::Proposed);
    assert_eq!(x.next_step(r), Some(NextStep::AskToAgree(ANA)));
    // Nothing can be skipped while someone has not agreed.
    assert!(x.hold_first_meeting(r, d("2026-12-03")).is_err());
    assert!(x.sign(r, d("2026-12-03")).is_err());
    assert!(x.start_closing(r, d("2026-12-03")).is_err());
    assert!(x
        .close(r, Closure::new(d("2026-12-03"), &x.members.clone()))
        .is_err());
    x.agree(r, ANA, d("2026-12-02")).unwrap();
    assert_eq!(x.agreed_on(ANA), Some(d("2026-12-02")));
    assert!(x.agree(r, ANA, d("2026-12-02")).is_err(), "agrees once");
    assert!(
        x.agree(r, CAI, d("2026-12-02")).is_err(),
        "not in this pair"
    );
    assert_eq!(x.next_step(r), Some(NextStep::AskToAgree(BEN)));
    assert!(
        x.agree(r, BEN, d("2026-11-30")).is_err(),
        "not before the confirmation"
    );
    x.agree(r, BEN, d("2026-12-03")).unwrap();
    assert_eq!(x.stage(r), Stage::Agreed);
    assert!(
        x.sign(r, d("2026-12-04")).is_err(),
        "first meeting comes first"
    );
    assert!(
        x.hold_first_meeting(r, d("2026-12-02")).is_err(),
        "not before the last step"
    );
    x.hold_first_meeting(r, d("2026-12-04")).unwrap();
    assert_eq!(x.stage(r), Stage::FirstMeeting);
    assert_eq!(x.next_step(r), Some(NextStep::SignAgreement));
    assert!(x.start_closing(r, d("2026-12-05")).is_err(), "sign first");
    x.sign(r, d("2026-12-04")).unwrap();
    assert_eq!(x.stage(r), Stage::Active);
    assert_eq!(x.next_step(r), None);
    x.start_closing(r, d("2027-06-01")).unwrap();
    assert_eq!(x.stage(r), Stage::Closing);
    assert_eq!(x.next_step(r), Some(NextStep::CloseWell));
    x.close(r, Closure::new(d("2027-06-10"), &[ANA, BEN]))
        .unwrap();
    assert_eq!(x.stage(r), Stage::Closed);
    assert_eq!(x.ended, Some(d("2027-06-10")));
    assert!(x
        .close(r, Closure::new(d("2027-06-11"), &[ANA, BEN]))
        .is_err());
}

#[test]
fn a_programme_without_signed_agreements_is_active_after_the_first_meeting() {
    let r = LifeRules {
        agreement_required: false,
    };
    let mut x = confirmed(10, &[ANA, BEN]);
    x.agree(r, ANA, d("2026-12-02")).unwrap();
    x.agree(r, BEN, d("2026-12-02")).unwrap();
    x.hold_first_meeting(r, d("2026-12-04")).unwrap();
    assert_eq!(x.stage(r), Stage::Active);
    // Signing is still possible and recorded.
    x.sign(r, d("2026-12-09")).unwrap();
    assert_eq!(x.life.signed, Some(d("2026-12-09")));
}

#[test]
fn an_early_ending_may_come_before_signing_but_not_before_everyone_agreed() {
    let r = rules();
    let mut x = confirmed(10, &[ANA, BEN]);
    x.agree(r, ANA, d("2026-12-02")).unwrap();
    x.agree(r, BEN, d("2026-12-02")).unwrap();
    let mut c = Closure::new(d("2026-12-20"), &[ANA, BEN]);
    c.ending = Ending::Early;
    c.reason = ClosureReason::Mismatch;
    x.close(r, c).unwrap();
    assert_eq!(x.stage(r), Stage::Closed);
}

#[test]
fn a_closure_checks_its_dates_and_people() {
    let r = rules();
    let mut x = active(10, &[ANA, BEN]);
    assert!(x.close(r, Closure::default()).is_err(), "needs a date");
    assert!(x
        .close(r, Closure::new(d("2026-11-01"), &[ANA, BEN]))
        .is_err());
    assert!(x
        .close(r, Closure::new(d("2027-01-01"), &[ANA, CAI]))
        .is_err());
    let mut c = Closure::new(d("2027-01-10"), &[ANA, BEN]);
    c.rematch[0].from = d("2027-01-09");
    assert!(x.close(r, c).is_err(), "new partner not before the ending");
    assert_eq!(
        x.stage(r),
        Stage::Active,
        "a refused ending changes nothing"
    );
}

#[test]
fn no_returns_both_to_the_pool_and_undo_takes_back_the_last_step() {
    let r = rules();
    let mut m = Mentoring {
        pairs: vec![confirmed(10, &[ANA, BEN])],
        ..Mentoring::default()
    };
    let today = d("2026-12-05");
    assert!(!m.in_pool(ANA, today) && !m.in_pool(BEN, today));
    let x = m.pair_mut(10).unwrap();
    x.agree(r, ANA, d("2026-12-02")).unwrap();
    x.decline(r, BEN, d("2026-12-03")).unwrap();
    assert_eq!(x.stage(r), Stage::Declined);
    assert!(m.in_pool(ANA, today) && m.in_pool(BEN, today));
    assert_eq!(m.undo_step(10), Ok("the “no”"));
    assert!(!m.in_pool(ANA, today));
    assert_eq!(m.undo_step(10), Ok("the agreement"));
    assert_eq!(m.pair(10).unwrap().stage(r), Stage::Proposed);
    assert!(m.undo_step(10).is_err(), "nothing left to undo");
    // The confirmation itself is undone only before the pair started.
    let removed = m.undo_confirmation(10, false).unwrap();
    assert!(m.pairs.is_empty() && m.in_pool(ANA, today));
    m.restore_pair(removed).unwrap();
    assert!(
        m.undo_confirmation(10, true).is_err(),
        "a check-in keeps it"
    );
}

#[test]
fn a_started_pair_cannot_be_unconfirmed_and_undo_walks_back_one_step_at_a_time() {
    let r = rules();
    let mut m = Mentoring {
        pairs: vec![active(10, &[ANA, BEN])],
        ..Mentoring::default()
    };
    assert!(m.undo_confirmation(10, false).is_err());
    m.pair_mut(10)
        .unwrap()
        .close(r, Closure::new(d("2027-01-10"), &[ANA, BEN]))
        .unwrap();
    assert_eq!(m.undo_step(10), Ok("the ending"));
    assert_eq!(m.pair(10).unwrap().ended, None);
    assert_eq!(m.undo_step(10), Ok("the signed agreement"));
    assert_eq!(m.pair(10).unwrap().stage(r), Stage::FirstMeeting);
    assert_eq!(m.undo_step(10), Ok("the first meeting"));
    assert_eq!(m.pair(10).unwrap().stage(r), Stage::Agreed);
}

#[test]
fn an_ending_is_not_undone_once_someone_has_a_new_partner() {
    let r = rules();
    let mut m = Mentoring {
        pairs: vec![active(10, &[ANA, BEN])],
        ..Mentoring::default()
    };
    m.pair_mut(10)
        .unwrap()
        .close(r, Closure::new(d("2027-01-10"), &[ANA, BEN]))
        .unwrap();
    m.pairs.push(confirmed(11, &[ANA, CAI]));
    assert!(m.undo_step(10).is_err());
    assert_eq!(m.pair(10).unwrap().stage(r), Stage::Closed);
}

#[test]
fn people_return_to_the_pool_on_their_new_partner_date() {
    let r = rules();
    let mut m = Mentoring {
        pairs: vec![active(10, &[ANA, BEN])],
        ..Mentoring::default()
    };
    let mut c = Closure::new(d("2027-01-10"), &[ANA, BEN]);
    assert_eq!(c.rematch[0].from, d("2027-01-24"), "two weeks by default");
    c.rematch[1].wants = false;
    m.pair_mut(10).unwrap().close(r, c).unwrap();
    assert_eq!(
        m.waiting(ANA, d("2027-01-23")),
        Some(Waiting::Until(d("2027-01-24")))
    );
    assert!(!m.in_pool(ANA, d("2027-01-23")));
    assert!(m.in_pool(ANA, d("2027-01-24")));
    assert_eq!(m.waiting(BEN, d("2027-09-01")), Some(Waiting::NoNewPartner));
    m.set_rematch(10, BEN, true, d("2027-02-01")).unwrap();
    assert!(m.in_pool(BEN, d("2027-02-01")));
    assert!(m.set_rematch(10, BEN, true, d("2027-01-01")).is_err());
    assert_eq!(
        m.set_rematch(10, CAI, true, d("2027-02-01"))
            .map_err(|e| e.to_string()),
        Err("A new-partner choice is for someone who is not in this pair.".into())
    );
}

#[test]
fn the_pairing_problem_leaves_out_people_who_are_waiting() {
    use crate::domain::roster::Participant;
    let r = rules();
    let roster: Vec<Participant> = [ANA, BEN, CAI, 4]
        .iter()
        .map(|&id| Participant {
            id,
            display_name: format!("P{id}"),
            ..Participant::default()
        })
        .collect();
    let mut m = Mentoring {
        pairs: vec![active(10, &[ANA, BEN])],
        ..Mentoring::default()
    };
    let ids = |m: &Mentoring, day: &str| -> Vec<Id> {
        m.problem(&roster, d(day))
            .people
            .iter()
            .map(|p| p.id)
            .collect()
    };
    assert_eq!(ids(&m, "2027-01-01"), [CAI, 4]);
    m.pair_mut(10)
        .unwrap()
        .close(r, Closure::new(d("2027-01-10"), &[ANA, BEN]))
        .unwrap();
    assert_eq!(ids(&m, "2027-01-20"), [CAI, 4]);
    assert_eq!(ids(&m, "2027-01-24"), [ANA, BEN, CAI, 4]);
}

#[test]
fn pairs_stored_before_statuses_read_as_active() {
    let x: MentoringPair =
        serde_json::from_str(r#"{"id":5,"members":[1,2],"confirmed":"2026-01-01"}"#).unwrap();
    assert!(x.life.before_tracking);
    assert_eq!(x.stage(rules()), Stage::Active);
    let back: MentoringPair = serde_json::from_str(&serde_json::to_string(&x).unwrap()).unwrap();
    assert_eq!(back, x);
    let fresh: MentoringPair =
        serde_json::from_str(&serde_json::to_string(&confirmed(6, &[ANA, BEN])).unwrap()).unwrap();
    assert_eq!(fresh.stage(rules()), Stage::Proposed);
}

#[test]
fn the_facts_a_shared_figure_may_know_are_dates_and_the_kind_of_ending_only() {
    let r = rules();
    let mut p = crate::domain::programme::Programme::new(1, "Mentors").unwrap();
    // Proposed and declined pairs never began; an active one and one that ended early did.
    let proposed = confirmed(10, &[ANA, BEN]);
    let mut declined = confirmed(11, &[CAI, 4]);
    declined.decline(r, CAI, d("2026-12-03")).unwrap();
    let going = active(12, &[5, 6]);
    let mut ended = active(13, &[7, 8]);
    let mut c = Closure::new(d("2027-03-05"), &[7, 8]);
    c.ending = super::closure::Ending::Early;
    ended.close(r, c).unwrap();
    p.mentoring.pairs = vec![proposed, declined, going, ended];
    let facts = p.relationship_facts();
    assert_eq!(facts.len(), 2);
    assert!(facts.iter().all(|f| f.started == d("2026-12-02")));
    assert_eq!(facts[0].ended, None);
    assert!(
        facts[0].next_contact_due.is_some(),
        "contacts are due while under way"
    );
    assert_eq!(
        facts[1].ended,
        Some((d("2027-03-05"), super::closure::Ending::Early))
    );
    assert_eq!(facts[1].next_contact_due, None);
}

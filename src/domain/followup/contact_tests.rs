//! The contact cadence (the standard and a programme's own), overdue contacts on the health
//! view and This week, and the safety flag.

use super::*;
use crate::domain::mentoring::{Life, LifeRules, Mentoring, MentoringPair, Stage};
use crate::domain::private::PrivateText;

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn started(id: Id, first_meeting: &str) -> MentoringPair {
    MentoringPair {
        id,
        members: vec![1, 2],
        confirmed: Some(d("2026-12-01")),
        life: Life {
            agreed: vec![(1, d("2026-12-01")), (2, d("2026-12-01"))],
            first_meeting: Some(d(first_meeting)),
            signed: Some(d(first_meeting)),
            ..Life::default()
        },
        ..MentoringPair::default()
    }
}

fn contact(id: Id, pair: Id, with: &[Id], date: &str) -> Contact {
    Contact {
        id,
        pair,
        with: with.to_vec(),
        date: Some(d(date)),
        ..Contact::default()
    }
}

#[test]
fn the_standard_cadence_is_two_days_twice_in_the_first_month_then_monthly() {
    let c = ContactCadence::STANDARD;
    let first = d("2027-01-04");
    assert_eq!(next_contact(c, first, []).0, d("2027-01-06"));
    // Contacts before the first meeting do not count.
    assert_eq!(next_contact(c, first, [d("2027-01-01")]).0, d("2027-01-06"));
    let (due, last) = next_contact(c, first, [d("2027-01-05")]);
    assert_eq!((due, last), (d("2027-01-20"), Some(d("2027-01-05"))));
    // The second contact of the first month made; monthly from then on.
    assert_eq!(
        next_contact(c, first, [d("2027-01-05"), d("2027-01-20")]).0,
        d("2027-02-19")
    );
    assert_eq!(
        next_contact(
            c,
            first,
            [d("2027-01-20"), d("2027-01-05"), d("2027-02-19")]
        )
        .0,
        d("2027-03-21")
    );
}

#[test]
fn a_programme_sets_its_own_cadence_but_never_less_than_every_three_months() {
    let own = ContactCadence {
        first_within: 7,
        first_month_times: 1,
        then_every: 91,
    };
    own.validate().unwrap();
    let first = d("2027-01-04");
    assert_eq!(next_contact(own, first, []).0, d("2027-01-11"));
    assert_eq!(
        next_contact(own, first, [d("2027-01-10")]).0,
        d("2027-04-11")
    );
    for bad in [
        ContactCadence {
            then_every: 92,
            ..own
        },
        ContactCadence {
            then_every: 0,
            ..own
        },
        ContactCadence {
            first_within: 0,
            ..own
        },
        ContactCadence {
            first_within: 15,
            ..own
        },
        ContactCadence {
            first_month_times: 5,
            ..own
        },
    ] {
        assert!(bad.validate().is_err(), "{bad:?}");
        let mut f = FollowUp::default();
        assert!(f.set_contact_cadence(bad).is_err());
        assert_eq!(f.contact_cadence, ContactCadence::STANDARD);
    }
}

#[test]
fn contacts_are_due_per_person_only_once_the_pair_has_met() {
    let r = LifeRules::default();
    let mut waiting = started(5, "2027-01-04");
    waiting.life.first_meeting = None;
    waiting.life.signed = None;
    assert_eq!(waiting.stage(r), Stage::Agreed);
    assert!(contacts_due(&waiting, r, ContactCadence::STANDARD, &[]).is_empty());
    let x = started(5, "2027-01-04");
    let list = [
        contact(1, 5, &[1], "2027-01-05"),
        contact(2, 6, &[2], "2027-01-05"),
    ];
    let due = contacts_due(&x, r, ContactCadence::STANDARD, &list);
    assert_eq!(due.len(), 2);
    assert_eq!((due[0].person, due[0].due), (1, d("2027-01-20")));
    // Another pair's contact with the same id does not count for this pair.
    assert_eq!((due[1].person, due[1].due), (2, d("2027-01-06")));
    assert!(!due[1].overdue(d("2027-01-06")) && due[1].overdue(d("2027-01-07")));
    assert!(due[0].soon(d("2027-01-13")) && !due[0].soon(d("2027-01-12")));
}

#[test]
fn an_overdue_contact_flags_the_pair_and_shows_this_week() {
    let mut f = FollowUp::default();
    let m = Mentoring {
        pairs: vec![started(5, "2027-01-04")],
        ..Mentoring::default()
    };
    let x = &m.pairs[0];
    f.add_contact(contact(1, 5, &[1, 2], "2027-01-05"), x)
        .unwrap();
    let today = d("2027-01-21");
    let h = health(&f, &m, today);
    assert!(h[0].reasons.contains(&FlagReason::ContactOverdue));
    let week = this_week(&f, &m, today);
    assert!(week.contains(&WeekItem::Contact {
        pair: 5,
        person: 1,
        due: d("2027-01-20"),
        overdue: true
    }));
    f.add_contact(contact(2, 5, &[1, 2], "2027-01-21"), x)
        .unwrap();
    assert!(!health(&f, &m, today)[0]
        .reasons
        .contains(&FlagReason::ContactOverdue));
    assert!(!this_week(&f, &m, today)
        .iter()
        .any(|i| matches!(i, WeekItem::Contact { .. })));
}

#[test]
fn contacts_are_checked_edited_and_deleted() {
    let x = started(5, "2027-01-04");
    let mut f = FollowUp::default();
    assert!(f.add_contact(contact(1, 5, &[], "2027-01-05"), &x).is_err());
    assert!(f
        .add_contact(contact(1, 5, &[9], "2027-01-05"), &x)
        .is_err());
    let mut undated = contact(1, 5, &[1], "2027-01-05");
    undated.date = None;
    assert!(f.add_contact(undated, &x).is_err());
    f.add_contact(contact(1, 5, &[1], "2027-01-05"), &x)
        .unwrap();
    let mut edited = contact(1, 5, &[2], "2027-01-06");
    edited.how = ContactWay::Phone;
    edited.notes = PrivateText::new("Ben is moving house").unwrap();
    f.edit_contact(edited.clone(), &x).unwrap();
    assert_eq!(f.contacts_of(5), [&edited]);
    assert!(f
        .edit_contact(contact(7, 5, &[1], "2027-01-06"), &x)
        .is_err());
    assert!(f
        .edit_contact(contact(1, 6, &[1], "2027-01-06"), &x)
        .is_err());
    assert_eq!(f.remove_contact(1).unwrap(), edited);
    assert!(f.remove_contact(1).is_err());
}

#[test]
fn a_safety_concern_flags_the_pair_until_what_was_done_is_recorded() {
    let m = Mentoring {
        pairs: vec![started(5, "2027-01-04"), started(6, "2027-01-04")],
        ..Mentoring::default()
    };
    let mut f = FollowUp::default();
    let mut c = contact(1, 5, &[1], "2027-01-05");
    c.concern = true;
    f.add_contact(c, &m.pairs[0]).unwrap();
    let today = d("2027-01-06");
    assert_eq!(f.safety_open(5), Some(d("2027-01-05")));
    let h = health(&f, &m, today);
    assert_eq!(h[0].pair, 5, "safety first");
    assert_eq!(h[0].reasons[0], FlagReason::Safety);
    assert_eq!(FlagReason::Safety.words(), "Needs attention: safety");
    assert_eq!(
        this_week(&f, &m, today)[0],
        WeekItem::Safety {
            pair: 5,
            since: d("2027-01-05")
        }
    );
    // A plain intervention does not settle it; recording what was done does.
    f.record_intervention(2, 5, d("2027-01-06"), "Talked to Ana")
        .unwrap();
    assert!(f.safety_open(5).is_some());
    assert!(f.record_safety_action(3, 5, d("2027-01-06"), "  ").is_err());
    f.record_safety_action(3, 5, d("2027-01-06"), "Called the safeguarding lead")
        .unwrap();
    assert_eq!(f.safety_open(5), None);
    assert!(!health(&f, &m, today)[0]
        .reasons
        .contains(&FlagReason::Safety));
    // A concern ticked at a later check-in raises it again.
    f.add_checkin(CheckIn {
        id: 4,
        pair: 5,
        date: Some(d("2027-01-20")),
        concern: true,
        ..CheckIn::default()
    })
    .unwrap();
    assert_eq!(f.safety_open(5), Some(d("2027-01-20")));
    assert_eq!(f.safety_open(6), None);
}

#[test]
fn the_safety_card_starts_with_plain_words_telling_the_facilitator_to_write_it() {
    let mut f = FollowUp::default();
    let (text, own) = safety_card(&f);
    assert!(!own && text.starts_with("Write your programme's own plan"));
    f.set_safety_card("Call Dana on 0123 456 789").unwrap();
    assert_eq!(safety_card(&f), ("Call Dana on 0123 456 789", true));
    f.set_safety_card("   ").unwrap();
    assert!(!safety_card(&f).1);
}

#[test]
fn check_ins_are_edited_in_place() {
    let mut f = FollowUp::default();
    let c = CheckIn {
        id: 4,
        pair: 5,
        date: Some(d("2027-01-20")),
        ..CheckIn::default()
    };
    f.add_checkin(c.clone()).unwrap();
    let mut changed = c.clone();
    changed.going = Score::new(1).unwrap();
    changed.improve = "More time".into();
    f.edit_checkin(changed.clone()).unwrap();
    assert_eq!(f.checkins, [changed.clone()]);
    let mut undated = changed.clone();
    undated.date = None;
    assert!(f.edit_checkin(undated).is_err());
    assert!(f.edit_checkin(CheckIn { pair: 6, ..changed }).is_err());
}

#[test]
fn a_step_is_renamed_and_re_dated_and_keeps_its_status() {
    let mut plan = Plan::from_activity(1, Some(9), "Workshop", d("2026-11-01")).unwrap();
    plan.add_step(2, "Shadow", Some(d("2026-11-10")), "")
        .unwrap();
    plan.set_status(2, StepStatus::InProgress).unwrap();
    plan.edit_step(
        2,
        "  Shadow a senior nurse ",
        Some(d("2026-12-01")),
        " Rota ",
    )
    .unwrap();
    let s = &plan.steps[0];
    assert_eq!(
        (s.what.as_str(), s.due, s.resources.as_str(), s.status),
        (
            "Shadow a senior nurse",
            Some(d("2026-12-01")),
            "Rota",
            StepStatus::InProgress
        )
    );
    assert!(
        !s.is_overdue(d("2026-11-20")),
        "re-dated, no longer overdue"
    );
    assert!(plan.edit_step(2, " ", None, "").is_err());
    assert!(plan.edit_step(3, "x", None, "").is_err());
    assert_eq!(plan.steps[0].what, "Shadow a senior nurse");
}

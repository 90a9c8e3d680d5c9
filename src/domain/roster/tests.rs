use super::*;
use crate::domain::programme::{GroupKind, Programme};
use crate::domain::roster::ApprovedUse;

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[test]
fn members_are_listed_per_group() {
    let mut p = Programme::new(1, "P").unwrap();
    p.add_group(2, "Mentors", GroupKind::MentorSupport).unwrap();
    p.add_participant(3, " Maria ", Role::Mentor).unwrap();
    p.add_participant(4, "Sam", Role::Mentor).unwrap();
    assert_eq!(
        p.add_participant(5, " ", Role::Peer),
        Err(DomainError::EmptyName("the person"))
    );
    p.set_membership(3, 2, true).unwrap();
    p.set_membership(3, 2, true).unwrap();
    let names: Vec<&str> = p
        .members_of(2)
        .iter()
        .map(|m| m.display_name.as_str())
        .collect();
    assert_eq!(names, vec!["Maria"]);
    assert_eq!(
        p.participant(3).unwrap().groups,
        vec![2],
        "joining twice is once"
    );
    p.set_membership(3, 2, false).unwrap();
    assert!(p.members_of(2).is_empty());
    assert_eq!(
        p.set_membership(3, 99, true),
        Err(DomainError::NotFound("group"))
    );
}

#[test]
fn roles_can_be_combined_but_never_all_removed() {
    let mut p = Programme::new(1, "P").unwrap();
    p.add_participant(2, "Ana", Role::Mentor).unwrap();
    p.set_role(2, Role::Protege, true).unwrap();
    p.set_role(2, Role::Protege, true).unwrap();
    assert_eq!(
        p.participant(2).unwrap().roles,
        vec![Role::Mentor, Role::Protege]
    );
    p.set_role(2, Role::Mentor, false).unwrap();
    assert!(p.set_role(2, Role::Protege, false).is_err());
    assert_eq!(p.participant(2).unwrap().roles, vec![Role::Protege]);
    for r in Role::ALL {
        assert_eq!(Role::from_key(r.key()), Some(r));
    }
}

#[test]
fn opt_in_and_trial_decision_are_recorded() {
    let mut p = Programme::new(1, "P").unwrap();
    p.add_participant(2, "Ana", Role::Peer).unwrap();
    assert!(p
        .decide_trial(2, TrialChoice::Continue, d("2027-01-01"))
        .is_err());
    assert!(p.set_opt_in(2, d("2027-01-10"), d("2027-01-01")).is_err());
    p.set_opt_in(2, d("2027-01-01"), d("2027-03-31")).unwrap();
    let ana = p.participant(2).unwrap();
    assert_eq!(
        ana.opt_in_status(d("2027-02-01")),
        "On trial until 2027-03-31"
    );
    assert_eq!(
        ana.opt_in_status(d("2027-04-01")),
        "Trial ended 2027-03-31: decision needed"
    );
    p.decide_trial(2, TrialChoice::Leave, d("2027-04-02"))
        .unwrap();
    assert_eq!(
        p.participant(2).unwrap().opt_in_status(d("2027-05-01")),
        "Left after the trial (2027-04-02)"
    );
    p.clear_opt_in(2).unwrap();
    assert_eq!(
        p.participant(2).unwrap().opt_in_status(d("2027-05-01")),
        "Not opted in yet"
    );
}

#[test]
fn quote_approval_needs_a_scope_and_can_be_withdrawn() {
    let mut p = Programme::new(1, "P").unwrap();
    p.add_participant(2, "Ana", Role::Peer).unwrap();
    assert!(p
        .record_quote_approval(2, d("2027-01-01"), "  ", &[ApprovedUse::Newsletter], None)
        .is_err());
    assert!(p
        .record_quote_approval(
            2,
            d("2027-01-01"),
            "newsletter",
            &[ApprovedUse::Newsletter],
            Some(d("2026-01-01"))
        )
        .is_err());
    p.record_quote_approval(
        2,
        d("2027-01-01"),
        " newsletter and brochures ",
        &[ApprovedUse::Newsletter, ApprovedUse::Brochure],
        Some(d("2027-12-31")),
    )
    .unwrap();
    assert!(
        p.record_quote_approval(2, d("2027-01-01"), "anything", &[], None)
            .is_err(),
        "an approval must name at least one use"
    );
    let approval = p.participant(2).unwrap().quote_approval.clone().unwrap();
    assert_eq!(approval.scope, "newsletter and brochures");
    assert!(!approval.in_force_on(d("2026-12-31")));
    assert!(approval.in_force_on(d("2027-06-01")));
    assert!(!approval.in_force_on(d("2028-01-01")));
    p.withdraw_quote_approval(2, d("2027-03-01")).unwrap();
    p.withdraw_quote_approval(2, d("2027-04-01")).unwrap();
    let approval = p.participant(2).unwrap().quote_approval.clone().unwrap();
    assert_eq!(
        approval.withdrawn,
        Some(d("2027-03-01")),
        "first withdrawal date kept"
    );
    assert!(!approval.in_force_on(d("2027-03-01")));
    assert!(approval.in_force_on(d("2027-02-28")));
}

#[test]
fn removed_people_come_back_in_place_once() {
    let mut p = Programme::new(1, "P").unwrap();
    for (id, name) in [(2, "A"), (3, "B"), (4, "C")] {
        p.add_participant(id, name, Role::Peer).unwrap();
    }
    let (at, b) = p.remove_participant(3).unwrap();
    assert!(p.remove_participant(3).is_err());
    p.restore_participant(at, b.clone());
    p.restore_participant(at, b);
    let ids: Vec<Id> = p.participants.iter().map(|x| x.id).collect();
    assert_eq!(ids, vec![2, 3, 4]);
}

#[test]
fn a_record_without_the_new_fields_reads_as_not_opted_in() {
    let old = r#"{"id":5,"display_name":"Maria","roles":["mentor"],"groups":[2]}"#;
    let p: Participant = serde_json::from_str(old).unwrap();
    assert_eq!(p.opt_in, None);
    assert_eq!(p.quote_approval, None);
    assert_eq!(p.contact_note, "");
}

#[test]
fn also_known_as_is_kept_as_typed_and_read_as_a_list() {
    let mut p = Programme::new(1, "P").unwrap();
    p.add_participant(3, "Robert Jones", Role::Peer).unwrap();
    p.set_also_known_as(3, "Bobby, Rob\n  Роберт ;\n\n")
        .unwrap();
    let x = p.participant(3).unwrap();
    assert_eq!(
        x.also_known_as, "Bobby, Rob\n  Роберт ;\n\n",
        "kept exactly as typed"
    );
    assert_eq!(aliases(&x.also_known_as), ["Bobby", "Rob", "Роберт"]);
    assert!(aliases(" , \n ;").is_empty());
    assert!(matches!(
        p.set_also_known_as(3, &"x".repeat(crate::domain::MAX_TEXT + 1)),
        Err(DomainError::TooLong { .. })
    ));
    assert_eq!(
        p.set_also_known_as(99, "Bob"),
        Err(DomainError::NotFound("person"))
    );
}

#[test]
fn a_removed_person_leaves_their_names_behind_until_undone_or_forgotten() {
    let mut p = Programme::new(1, "P").unwrap();
    p.add_participant(3, "Robert Jones", Role::Peer).unwrap();
    p.add_participant(4, "Sam", Role::Peer).unwrap();
    p.set_also_known_as(3, "Bobby").unwrap();
    let (at, removed) = p.remove_participant(3).unwrap();
    assert_eq!(
        p.removed_people,
        [RemovedPerson {
            id: 3,
            display_name: "Robert Jones".into(),
            also_known_as: "Bobby".into(),
        }]
    );
    p.restore_participant(at, removed);
    assert!(
        p.removed_people.is_empty(),
        "undo puts them back on the roster"
    );
    p.remove_participant(3).unwrap();
    p.remove_participant(4).unwrap();
    assert_eq!(p.removed_people.len(), 2);
    assert_eq!(
        p.forget_removed_person(3).unwrap().display_name,
        "Robert Jones"
    );
    assert_eq!(p.removed_people.len(), 1);
    assert_eq!(
        p.forget_removed_person(3),
        Err(DomainError::NotFound("person"))
    );
}

#[test]
fn an_unnamed_person_leaves_nothing_behind() {
    let mut p = Programme::new(1, "P").unwrap();
    p.add_participant(3, "x", Role::Peer).unwrap();
    p.rename_participant(3, "  ").unwrap();
    p.remove_participant(3).unwrap();
    assert!(p.removed_people.is_empty());
}

#[test]
fn records_without_the_new_fields_still_read() {
    let p: Programme = serde_json::from_str(
        r#"{"id":1,"name":"P","participants":[{"id":3,"display_name":"Al"}]}"#,
    )
    .unwrap();
    assert!(p.removed_people.is_empty());
    assert_eq!(p.participants[0].also_known_as, "");
}

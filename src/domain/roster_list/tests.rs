use super::*;
use crate::domain::programme::GroupKind;
use crate::domain::roster::RosterError;

fn programme() -> Programme {
    let mut p = Programme::new(1, "P").unwrap();
    p.add_group(2, "Peers", GroupKind::Peer).unwrap();
    p
}

fn counter(start: Id) -> impl FnMut() -> Id {
    let mut n = start;
    move || {
        n += 1;
        n
    }
}

#[test]
fn a_pasted_list_adds_each_new_name_once() {
    let mut p = programme();
    let text = "Maria\n\n  Sam  \nmaría\r\nJo\tjo@example.org\n\t\n";
    let plan = p
        .add_pasted(text, Role::Peer, Some(2), counter(10))
        .unwrap();
    assert_eq!(plan.new_names, vec!["Maria", "Sam", "Jo"]);
    assert_eq!(plan.repeated, 1);
    assert_eq!(plan.empty_lines, 2);
    assert_eq!(p.members_of(2).len(), 3);
    assert_eq!(
        plan.summary(),
        "Added 3 people. Skipped 1 repeated in the list. Ignored 2 empty lines."
    );
    let again = p
        .add_pasted("SAM\nNew person", Role::Mentor, None, counter(20))
        .unwrap();
    assert_eq!(again.new_names, vec!["New person"]);
    assert_eq!(again.already_listed, vec!["SAM"]);
    assert_eq!(
        again.summary(),
        "Added 1 person. Skipped 1 already on the roster (SAM)."
    );
    let ids: BTreeSet<Id> = p.participants.iter().map(|x| x.id).collect();
    assert_eq!(ids.len(), p.participants.len(), "ids are unique");
}

#[test]
fn hostile_and_unusual_names_are_kept_exactly() {
    let mut p = programme();
    let text = "<script>alert(1)</script>\nمرحبا سارة\n👋🏽 Zoë\n";
    let plan = p.add_pasted(text, Role::Peer, None, counter(10)).unwrap();
    assert_eq!(plan.new_names.len(), 3);
    assert_eq!(p.participants[0].display_name, "<script>alert(1)</script>");
}

#[test]
fn over_long_lines_are_skipped_and_said_so() {
    let mut p = programme();
    let text = format!("{}\nAna", "x".repeat(MAX_TEXT + 1));
    let plan = p.add_pasted(&text, Role::Peer, None, counter(10)).unwrap();
    assert_eq!(plan.new_names, vec!["Ana"]);
    assert!(plan.summary().contains("1 too long to be a name"));
}

#[test]
fn a_paste_of_five_thousand_names_is_accepted_and_a_huge_one_refused_whole() {
    let mut p = programme();
    let five: String = (0..5000).map(|i| format!("Person {i}\n")).collect();
    let plan = p.add_pasted(&five, Role::Peer, None, counter(10)).unwrap();
    assert_eq!(plan.new_names.len(), 5000);
    let too_many: String = (0..MAX_PASTE + 1).map(|i| format!("Other {i}\n")).collect();
    assert!(matches!(
        p.add_pasted(&too_many, Role::Peer, None, counter(100_000)),
        Err(DomainError::Roster(RosterError::PasteTooLong { .. }))
    ));
    assert_eq!(
        p.participants.len(),
        5000,
        "nothing added from a refused paste"
    );
    assert_eq!(
        p.add_pasted("x", Role::Peer, Some(99), counter(1)),
        Err(DomainError::NotFound("group"))
    );
}

#[test]
fn people_are_found_by_folded_name_role_and_group_and_sorted() {
    let mut p = programme();
    p.add_pasted("Zoë\nadam\nMaría López", Role::Peer, Some(2), counter(10))
        .unwrap();
    p.add_pasted("Bob", Role::Mentor, None, counter(20))
        .unwrap();
    let all = RosterQuery::default();
    assert_eq!(find_people(&p.participants, &all), vec![11, 12, 13, 21]);
    let by_name = RosterQuery {
        sort: RosterSort::Name,
        ..RosterQuery::default()
    };
    assert_eq!(find_people(&p.participants, &by_name), vec![12, 21, 13, 11]);
    let search = RosterQuery {
        search: " LOPEZ".into(),
        ..RosterQuery::default()
    };
    assert_eq!(find_people(&p.participants, &search), vec![13]);
    let mentors = RosterQuery {
        role: Some(Role::Mentor),
        ..RosterQuery::default()
    };
    assert_eq!(find_people(&p.participants, &mentors), vec![21]);
    let group = RosterQuery {
        group: Some(2),
        ..RosterQuery::default()
    };
    assert_eq!(find_people(&p.participants, &group).len(), 3);
    assert_eq!(page_count(0), 1);
    assert_eq!(page_count(50), 1);
    assert_eq!(page_count(51), 2);
}

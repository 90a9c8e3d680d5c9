//! Native tests for attendance, pairs and tables, run the way the source describes a meeting.
//! The shared helpers here build sessions at each step for the other test modules.

use super::*;

pub(super) const MEMBERS: [Id; 7] = [
    7_000_001, 7_000_002, 7_000_003, 7_000_004, 7_000_005, 7_000_006, 7_000_007,
];

pub(super) fn day(d: u32) -> Date {
    Date::from_ymd(2026, 11, d).unwrap()
}

pub(super) fn new_session() -> Session {
    let bank = crate::domain::questions::QuestionBank::starter();
    let question = SessionQuestion::from_bank(&bank.questions()[1]);
    Session::new(1, 42, day(24), question).unwrap()
}

/// Seven members and two guests present, paired at random: nine people, one trio.
pub(super) fn paired() -> Session {
    let mut s = new_session();
    for m in MEMBERS {
        s.mark_present(m).unwrap();
    }
    s.set_guests(2).unwrap();
    s.advance().unwrap();
    s.form_pairs(2026).unwrap();
    s
}

/// Paired, every pair answered, tables formed and every table answered: 7 raw answers.
pub(super) fn at_report_out() -> Session {
    let mut s = paired();
    for n in 1..=4 {
        s.add_point(AnswerBox::Pair(n), &format!("pair {n} says listen first"))
            .unwrap();
    }
    s.advance().unwrap();
    s.form_tables(2).unwrap();
    s.move_pair(4, None).unwrap(); // three tables: A (1, 2), B (3), C (4)
    s.add_point(AnswerBox::TableConsensus(1), "Listen before advising")
        .unwrap();
    s.add_point(AnswerBox::TableConsensus(1), "Ask what they already tried")
        .unwrap();
    s.add_point(AnswerBox::TableMinority(1), "Training was too short")
        .unwrap();
    s.add_point(AnswerBox::TableConsensus(2), "Listening comes first")
        .unwrap();
    s.add_point(AnswerBox::TableConsensus(2), "Meet somewhere informal")
        .unwrap();
    s.add_point(AnswerBox::TableConsensus(3), "Ask before telling")
        .unwrap();
    s.add_point(
        AnswerBox::TableMinority(3),
        "The training needed more practice",
    )
    .unwrap();
    s.advance().unwrap();
    s.bring_all_table_answers().unwrap();
    s
}

#[test]
fn attendance_is_idempotent_and_feeds_the_roster() {
    let mut s = new_session();
    assert_eq!(s.phase(), Phase::Attendance);
    assert_eq!(
        s.advance(),
        Err(SessionError::NotReady(
            "Mark at least two people present before forming pairs.".into()
        ))
    );
    s.mark_present(MEMBERS[0]).unwrap();
    s.mark_present(MEMBERS[0]).unwrap();
    s.mark_present(MEMBERS[1]).unwrap();
    s.mark_absent(MEMBERS[1]).unwrap();
    s.mark_absent(MEMBERS[1]).unwrap();
    s.set_guests(3).unwrap();
    assert_eq!(s.attendance(), &[MEMBERS[0]]);
    assert_eq!((s.guests(), s.people_present()), (3, 4));
    assert_eq!(
        s.set_guests(MAX_GUESTS + 1),
        Err(SessionError::TooManyGuests(MAX_GUESTS))
    );
    s.advance().unwrap();
    assert!(matches!(
        s.mark_present(MEMBERS[2]),
        Err(SessionError::WrongPhase { .. })
    ));
    s.validate().unwrap();
}

#[test]
fn odd_numbers_make_exactly_one_trio_and_the_seed_decides() {
    let s = paired();
    let sizes: Vec<u32> = s.pairs().iter().map(|p| p.size).collect();
    assert_eq!(sizes.iter().sum::<u32>(), 9);
    assert_eq!(sizes.iter().filter(|&&n| n == 3).count(), 1);
    assert!(s.unseated().is_empty() && s.pairing_problems().is_empty());
    assert_eq!(s, paired(), "same seed, same pairs");
    let mut other = paired();
    other.clear_pairs().unwrap();
    other.form_pairs(7).unwrap();
    let members = |s: &Session| {
        s.pairs()
            .iter()
            .map(|p| s.pair_members(p.number))
            .collect::<Vec<_>>()
    };
    assert_ne!(
        members(&s),
        members(&other),
        "a different seed shuffles differently"
    );
    s.validate().unwrap();
}

#[test]
fn even_numbers_make_only_pairs_and_one_person_cannot_pair() {
    let mut s = new_session();
    s.mark_present(MEMBERS[0]).unwrap();
    s.set_guests(1).unwrap();
    s.advance().unwrap();
    s.form_pairs(1).unwrap();
    assert_eq!(s.pairs().len(), 1);
    assert_eq!(s.pairs()[0].size, 2);
    s.step_back().unwrap();
    s.set_guests(0).unwrap();
    assert_eq!(s.pairs()[0].size, 1, "the guest left their pair");
    assert!(s.advance().is_err(), "one person cannot form pairs");
}

#[test]
fn pairs_can_be_adjusted_by_hand_and_problems_block_tables() {
    let mut s = paired();
    let trio = s.pairs().iter().find(|p| p.size == 3).unwrap().number;
    let solo = s.pair_members(trio)[0];
    let new_pair = s.move_person(solo, None).unwrap();
    assert!(!s.pairing_problems().is_empty());
    assert!(matches!(s.advance(), Err(SessionError::NotReady(_))));
    let other = s
        .pairs()
        .iter()
        .find(|p| p.number != trio && p.number != new_pair)
        .unwrap()
        .number;
    let (a, b) = (s.pair_members(other)[0], s.pair_members(trio)[0]);
    s.swap_people(a, b).unwrap();
    assert_eq!((s.pair_of(a), s.pair_of(b)), (Some(trio), Some(other)));
    s.move_person(solo, Some(trio)).unwrap();
    assert!(s.pair(new_pair).is_err(), "the emptied pair disappeared");
    assert!(s.pairing_problems().is_empty());
    assert_eq!(
        s.move_person(Seat::Member(99), Some(trio)),
        Err(SessionError::NotPresent)
    );
    s.validate().unwrap();
    s.advance().unwrap();
}

#[test]
fn forming_tables_forgets_seating_but_keeps_answers() {
    let mut s = paired();
    s.add_point(AnswerBox::Pair(1), "Ask open questions")
        .unwrap();
    assert_eq!(
        s.clear_pairs(),
        Err(SessionError::AnswersRecorded("Some pairs"))
    );
    assert!(matches!(
        s.add_point(AnswerBox::TableConsensus(1), "x"),
        Err(SessionError::WrongPhase { .. })
    ));
    s.advance().unwrap();
    assert!(
        !s.seating_forgotten(),
        "nothing is forgotten until tables are formed"
    );
    s.step_back().unwrap();
    assert!(!s.pair_members(1).is_empty());
    s.advance().unwrap();
    assert_eq!(s.form_tables(4), Err(SessionError::BadTableSize));
    s.form_tables(2).unwrap();
    assert!(s.seating_forgotten());
    assert!(s
        .pairs()
        .iter()
        .all(|p| s.pair_members(p.number).is_empty()));
    assert_eq!(s.tables().len(), 2);
    assert_eq!(s.table_of(1), Some(1));
    s.step_back().unwrap();
    assert_eq!(
        s.points(AnswerBox::Pair(1)).unwrap(),
        &["Ask open questions".to_string()]
    );
    assert_eq!(s.form_pairs(5), Err(SessionError::SeatingForgotten));
    assert_eq!(
        s.move_person(Seat::Guest(1), None),
        Err(SessionError::SeatingForgotten)
    );
    s.edit_point(AnswerBox::Pair(1), 0, "Ask more open questions")
        .unwrap();
    s.validate().unwrap();
}

#[test]
fn table_sizes_stay_between_two_and_three_pairs() {
    for (people, per_table, expected) in [
        (4, 2, vec![2]),
        (10, 2, vec![3, 2]),
        (14, 2, vec![3, 2, 2]),
        (8, 3, vec![2, 2]),
        (10, 3, vec![3, 2]),
        (14, 3, vec![3, 2, 2]),
        (2, 3, vec![1]),
    ] {
        let mut s = new_session();
        s.set_guests(people).unwrap();
        s.advance().unwrap();
        s.form_pairs(1).unwrap();
        s.advance().unwrap();
        s.form_tables(per_table).unwrap();
        let sizes: Vec<usize> = s.tables().iter().map(|t| t.pairs.len()).collect();
        assert_eq!(sizes, expected, "{people} people, {per_table} per table");
        s.validate().unwrap();
    }
}

#[test]
fn tables_adjust_and_refuse_to_reform_over_answers() {
    let mut s = at_report_out();
    s.step_back().unwrap();
    assert_eq!(
        s.clear_tables(),
        Err(SessionError::AnswersRecorded("Some tables"))
    );
    assert_eq!(
        s.form_tables(2),
        Err(SessionError::AnswersRecorded("Some tables"))
    );
    s.move_pair(4, Some(2)).unwrap();
    assert_eq!(s.table(2).unwrap().pairs, vec![3, 4]);
    assert!(
        s.table(3).is_ok(),
        "table C keeps its answers even with no pairs left"
    );
    assert_eq!(table_label(1), "A");
    assert_eq!(table_label(26), "Z");
    assert_eq!(table_label(27), "AA");
    assert_eq!(s.table(2).unwrap().label(), "B");
    s.validate().unwrap();
}

#[test]
fn question_is_copied_in_and_locked_once_answers_exist() {
    let mut s = new_session();
    let one_off = SessionQuestion::one_off("What helped this week?").unwrap();
    s.set_question(one_off.clone()).unwrap();
    assert_eq!(s.question(), &one_off);
    assert_eq!(SessionQuestion::one_off(" "), Err(SessionError::EmptyText));
    let mut s = at_report_out();
    for _ in 0..3 {
        s.step_back().unwrap();
    }
    assert_eq!(
        s.set_question(one_off),
        Err(SessionError::AnswersRecorded("The pairs or tables"))
    );
    s.set_date(day(25)).unwrap();
    assert_eq!(s.date(), day(25));
}

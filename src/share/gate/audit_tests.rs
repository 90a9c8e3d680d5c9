use super::*;

fn day(m: u32, d: u32) -> Date {
    Date::from_ymd(2026, m, d).unwrap()
}

/// A meeting of `group` in `month` (1..12 of 2026) with these members present.
fn meeting(id: Id, group: Id, month: i32, members: &[Id]) -> MeetingFacts {
    MeetingFacts {
        id,
        group,
        month: 2026 * 12 + month - 1,
        members_present: members.to_vec(),
        present: members.len() as u64,
        feedback: 0,
    }
}

fn fig(population: Population, sessions: &[Id], value: u64, shown: bool, label: &str) -> Figure {
    Figure {
        population,
        sessions: sessions.to_vec(),
        point: None,
        value,
        shown,
        label: label.to_string(),
    }
}

fn people(range: std::ops::Range<u64>) -> Vec<Id> {
    range.collect()
}

#[test]
fn a_hidden_month_cannot_be_had_from_the_total_minus_the_shown_months() {
    // March: 9 and 8 members came; April: 3 came (hidden).
    let meetings = [
        meeting(1, 10, 3, &people(0..9)),
        meeting(2, 10, 3, &people(0..8)),
        meeting(3, 10, 4, &people(0..3)),
    ];
    let mut figures = vec![
        fig(
            Population::Attendance,
            &[1, 2],
            17,
            true,
            "Attendance in March 2026",
        ),
        fig(
            Population::Attendance,
            &[3],
            3,
            false,
            "Attendance in April 2026",
        ),
        fig(
            Population::Attendance,
            &[1, 2, 3],
            20,
            true,
            "The overall attendance rate",
        ),
    ];
    let extra = audit(&mut figures, &[], &meetings, 5);
    assert_eq!(extra.len(), 1, "{extra:?}");
    assert_eq!(extra[0].index, 2, "the total goes, the month stays");
    assert!(!figures[2].shown && figures[0].shown);
    assert!(extra[0].why.contains("fewer than 5"), "{}", extra[0].why);
}

#[test]
fn the_same_subtraction_across_two_files_is_caught_with_the_ledger() {
    let meetings = [
        meeting(1, 10, 3, &people(0..9)),
        meeting(3, 10, 4, &people(0..3)),
    ];
    // The first file showed only the total for March to April.
    let earlier = [Earlier {
        made: day(5, 1),
        figure: fig(
            Population::Attendance,
            &[1, 3],
            12,
            true,
            "The overall attendance rate",
        ),
    }];
    // The second file covers March alone.
    let mut figures = vec![fig(
        Population::Attendance,
        &[1],
        9,
        true,
        "Attendance in March 2026",
    )];
    let extra = audit(&mut figures, &earlier, &meetings, 5);
    assert_eq!(extra.len(), 1);
    assert!(!figures[0].shown);
    assert!(extra[0].why.contains("2026-05-01"), "{}", extra[0].why);
}

#[test]
fn different_people_counts_of_two_selections_may_not_differ_by_a_few() {
    // Group 10 has 9 people, group 11 has 3 others.
    let meetings = [
        meeting(1, 10, 3, &people(0..9)),
        meeting(2, 11, 3, &people(20..23)),
    ];
    let earlier = [Earlier {
        made: day(4, 1),
        figure: fig(
            Population::People,
            &[1],
            9,
            true,
            "The number of different people",
        ),
    }];
    let mut figures = vec![fig(
        Population::People,
        &[1, 2],
        12,
        true,
        "The number of different people",
    )];
    let extra = audit(&mut figures, &earlier, &meetings, 5);
    assert_eq!(extra.len(), 1, "{extra:?}");
    assert!(!figures[0].shown);
}

#[test]
fn a_difference_of_k_or_more_is_fine() {
    let meetings = [
        meeting(1, 10, 3, &people(0..9)),
        meeting(2, 11, 3, &people(20..26)),
    ];
    let earlier = [Earlier {
        made: day(4, 1),
        figure: fig(
            Population::People,
            &[1],
            9,
            true,
            "The number of different people",
        ),
    }];
    let mut figures = vec![fig(
        Population::People,
        &[1, 2],
        15,
        true,
        "The number of different people",
    )];
    assert!(audit(&mut figures, &earlier, &meetings, 5).is_empty());
    assert!(figures[0].shown);
}

#[test]
fn the_same_file_again_hides_nothing_more() {
    let meetings = [
        meeting(1, 10, 3, &people(0..9)),
        meeting(2, 10, 4, &people(0..7)),
    ];
    let make = || {
        vec![
            fig(
                Population::Attendance,
                &[1],
                9,
                true,
                "Attendance in March 2026",
            ),
            fig(
                Population::Attendance,
                &[2],
                7,
                true,
                "Attendance in April 2026",
            ),
            fig(
                Population::Attendance,
                &[1, 2],
                16,
                true,
                "The overall attendance rate",
            ),
            fig(
                Population::People,
                &[1, 2],
                9,
                true,
                "The number of different people",
            ),
            fig(
                Population::Present,
                &[1],
                9,
                true,
                "The number present at meeting 1",
            ),
        ]
    };
    let earlier: Vec<Earlier> = make()
        .into_iter()
        .map(|figure| Earlier {
            made: day(5, 1),
            figure,
        })
        .collect();
    let mut figures = make();
    assert!(audit(&mut figures, &earlier, &meetings, 5).is_empty());
}

#[test]
fn more_answers_since_the_last_file_must_be_k_or_more() {
    let earlier = [Earlier {
        made: day(5, 1),
        figure: Figure {
            population: Population::Respondents,
            sessions: Vec::new(),
            point: Some(1),
            value: 7,
            shown: true,
            label: "The survey results at point 1".into(),
        },
    }];
    let mut two_more = vec![Figure {
        value: 9,
        ..earlier[0].figure.clone()
    }];
    let extra = audit(&mut two_more, &earlier, &[], 5);
    assert_eq!(extra.len(), 1);
    assert!(extra[0].why.contains("changed by 2"), "{}", extra[0].why);
    let mut five_more = vec![Figure {
        value: 12,
        ..earlier[0].figure.clone()
    }];
    assert!(audit(&mut five_more, &earlier, &[], 5).is_empty());
}

#[test]
fn a_corrected_attendance_of_one_person_is_not_shown_again() {
    let earlier = [Earlier {
        made: day(5, 1),
        figure: fig(
            Population::Present,
            &[1],
            9,
            true,
            "The number present at meeting 1",
        ),
    }];
    let mut figures = vec![fig(
        Population::Present,
        &[1],
        10,
        true,
        "The number present at meeting 1",
    )];
    let extra = audit(&mut figures, &earlier, &[], 5);
    assert_eq!(extra.len(), 1);
    assert!(extra[0].why.contains("one person"), "{}", extra[0].why);
}

#[test]
fn a_selection_of_two_groups_is_protected_too() {
    // Three groups in March; groups 10 and 11 together had 3 members present (hidden), group 12
    // had 8. A file for all groups and a file for group 12 alone would give 10 + 11 away.
    let meetings = [
        meeting(1, 10, 3, &people(0..2)),
        meeting(2, 11, 3, &people(10..11)),
        meeting(3, 12, 3, &people(20..28)),
    ];
    let earlier = [Earlier {
        made: day(4, 1),
        figure: fig(
            Population::Attendance,
            &[1, 2, 3],
            11,
            true,
            "Attendance in March 2026",
        ),
    }];
    let mut figures = vec![fig(
        Population::Attendance,
        &[3],
        8,
        true,
        "Attendance in March 2026",
    )];
    let extra = audit(&mut figures, &earlier, &meetings, 5);
    assert_eq!(extra.len(), 1, "{extra:?}");
}

#[test]
fn span_membership_is_exact() {
    let basis = Basis::new(&[&[1, 1, 0], &[0, 1, 1]]);
    assert!(basis.spans(&[1, 0, P - 1]), "a - b");
    assert!(!basis.spans(&[1, 0, 0]));
    assert!(basis.spans(&[0, 0, 0]));
}

/// Two groups' meetings in one month, 9 mentors and 3 proteges, nobody else: a report over
/// both shows each meeting's number present, the month's attendance and the overall rate
/// (the same total twice) and the number of different people.
fn nine_and_three() -> (Vec<MeetingFacts>, Vec<Figure>) {
    let meetings = vec![
        meeting(1, 10, 11, &people(0..9)),
        meeting(2, 20, 11, &people(20..23)),
    ];
    let figures = vec![
        fig(
            Population::Present,
            &[1],
            9,
            true,
            "The number present at meeting 1",
        ),
        fig(
            Population::Present,
            &[2],
            3,
            false,
            "The number present at meeting 2",
        ),
        fig(
            Population::Attendance,
            &[1, 2],
            12,
            true,
            "Attendance in November 2026",
        ),
        fig(
            Population::Attendance,
            &[1, 2],
            12,
            true,
            "The overall attendance rate",
        ),
        fig(
            Population::People,
            &[1, 2],
            12,
            true,
            "The number of different people",
        ),
    ];
    (meetings, figures)
}

#[test]
fn a_total_shown_twice_is_hidden_twice_rather_than_a_meeting_losing_its_counts() {
    let (meetings, mut figures) = nine_and_three();
    let extra = audit(&mut figures, &[], &meetings, 5);
    assert!(
        figures[0].shown,
        "meeting 1 keeps its number present: {extra:?}"
    );
    assert!(
        !figures[2].shown && !figures[3].shown,
        "both copies of the total go"
    );
    let why: Vec<&str> = extra.iter().map(|e| e.why.as_str()).collect();
    assert!(
        why.iter()
            .any(|w| w.starts_with("Attendance in November 2026 is not shown")),
        "{why:?}"
    );
    // A figure's own label reads as it is, not as "the attendance for the number present…".
    assert!(
        why.iter().all(|w| !w.contains("for the number present")),
        "{why:?}"
    );
}

#[test]
fn a_meeting_with_no_guests_is_a_count_of_different_people_too() {
    // 12 different people over both, 9 at meeting 1 (members only): 3 came only to meeting 2.
    let (meetings, mut figures) = nine_and_three();
    audit(&mut figures, &[], &meetings, 5);
    assert!(
        !(figures[0].shown && figures[4].shown),
        "12 different people and 9 at meeting 1 give away the 3 of meeting 2"
    );
}

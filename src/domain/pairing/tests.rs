use super::*;

fn skills() -> Vec<Skill> {
    ["budgeting", "public speaking", "writing"]
        .iter()
        .enumerate()
        .map(|(i, n)| Skill {
            id: i as u64 + 1,
            name: n.to_string(),
        })
        .collect()
}

fn lv(skill: u64, level: u8) -> SkillLevel {
    SkillLevel { skill, level }
}

fn person(id: u64, name: &str, offers: Vec<SkillLevel>, wants: Vec<SkillLevel>) -> Person {
    Person {
        id,
        name: name.into(),
        offers,
        wants,
        ..Person::default()
    }
}

fn sam_and_alex() -> (Person, Person) {
    let mut sam = person(1, "Sam", vec![lv(1, 3)], vec![lv(2, 2)]);
    let mut alex = person(2, "Alex", vec![lv(2, 2)], vec![lv(1, 2), lv(3, 1)]);
    sam.availability = [1, 3].into();
    alex.availability = [1, 4].into();
    sam.team = Some("Finance".into());
    alex.team = Some("Sales".into());
    (sam, alex)
}

/// n people in a peer programme where person i offers skill 1 and wants skill 2 at levels
/// that make every pair score differently.
fn peers(n: u64) -> Problem {
    let people = (0..n)
        .map(|i| {
            let mut p = person(
                i + 1,
                &format!("P{i}"),
                vec![lv(1, 1 + (i % 3) as u8)],
                vec![],
            );
            p.wants = vec![lv(1, 1 + ((i / 3) % 3) as u8)];
            p.availability = [(i % 7) as u8].into();
            p
        })
        .collect();
    Problem {
        skills: skills(),
        people,
        ..Problem::default()
    }
}

fn pairs_of(p: &Proposal) -> Vec<Vec<Id>> {
    p.pairs.iter().map(|x| x.members.clone()).collect()
}

#[test]
fn fit_follows_the_documented_formula_and_explains_itself() {
    let (sam, alex) = sam_and_alex();
    let w = Weights {
        complementarity: 10,
        shared_availability: 3,
        different_team: 5,
    };
    let f = fit(&sam, &alex, &ProgrammeKind::default(), &w);
    // Sam→Alex budgeting 3×2 = 6, Alex→Sam public speaking 2×2 = 4, one shared day, teams.
    assert_eq!(f.score, 60 + 40 + 3 + 5);
    assert_eq!(f.reasons.iter().map(Reason::points).sum::<i64>(), f.score);
    assert_eq!(
        explain(&f.reasons, &[sam.clone(), alex.clone()], &skills()),
        "Sam can help Alex with budgeting; Alex can help Sam with public speaking; \
         both free on Tuesdays; different teams"
    );
    assert_eq!(
        fit(&alex, &sam, &ProgrammeKind::default(), &w).score,
        f.score
    );
}

#[test]
fn mentor_protege_fit_counts_only_the_mentor_helping() {
    let (mut sam, mut alex) = sam_and_alex();
    sam.side = Side::Protege;
    alex.side = Side::Mentor;
    let kind = ProgrammeKind::MentorProtege { capacity: 1 };
    let w = Weights {
        complementarity: 1,
        shared_availability: 0,
        different_team: 0,
    };
    for f in [fit(&sam, &alex, &kind, &w), fit(&alex, &sam, &kind, &w)] {
        assert_eq!(f.score, 4);
        let text = explain(&f.reasons, &[sam.clone(), alex.clone()], &skills());
        assert_eq!(text, "Alex can help Sam with public speaking");
    }
}

#[test]
fn zero_weights_leave_reasons_out_and_lists_read_naturally() {
    let (mut sam, alex) = sam_and_alex();
    sam.availability = [0, 1, 4].into();
    let w = Weights {
        complementarity: 0,
        shared_availability: 1,
        different_team: 0,
    };
    let f = fit(&sam, &alex, &ProgrammeKind::default(), &w);
    assert_eq!(f.score, 2);
    assert_eq!(
        explain(&f.reasons, &[], &[]),
        "both free on Tuesdays and Fridays"
    );
    let mut bob = person(3, "Bob", vec![lv(1, 1), lv(2, 1), lv(3, 1)], vec![]);
    bob.team = Some(" finance ".into());
    let f = fit(&bob, &alex, &ProgrammeKind::default(), &Weights::default());
    let text = explain(&f.reasons, &[bob.clone(), alex.clone()], &skills());
    assert_eq!(
        text,
        "Bob can help Alex with budgeting and writing; different teams"
    );
    assert_eq!(same_team(&bob, &sam_and_alex().0), Some(true));
    assert_eq!(
        explain(&[], &[], &[]),
        "no shared skills, days or teams to go on"
    );
}

#[test]
fn peer_pairing_is_optimal_not_greedy() {
    // Greedy would take the best edge 1-2 (10) and leave 0-3 (1): total 11.
    // The optimum pairs 0-1 and 2-3: 9 + 9 = 18.
    let edges = [(0, 1, 9), (1, 2, 10), (2, 3, 9), (0, 3, 1)];
    let mates = max_weight_matching(4, &edges);
    assert_eq!(mates, vec![Some(1), Some(0), Some(3), Some(2)]);
}

#[test]
fn objective_decides_between_more_pairs_and_higher_score() {
    let mut problem = peers(4);
    for p in &mut problem.people {
        p.offers.clear();
        p.wants.clear();
        p.availability.clear();
    }
    // Only 2-3 score; 1-2 and 3-4 are allowed but worth nothing.
    problem.people[1].offers = vec![lv(1, 3)];
    problem.people[2].wants = vec![lv(1, 3)];
    problem.constraints.never = vec![(1, 3), (1, 4), (2, 4)];
    let most = propose(&problem).unwrap();
    assert_eq!(pairs_of(&most), vec![vec![1, 2], vec![3, 4]]);
    assert_eq!(most.total_score, 0);
    problem.objective = Objective::HighestScore;
    let best = propose(&problem).unwrap();
    assert_eq!(pairs_of(&best), vec![vec![2, 3]]);
    assert_eq!((best.total_score, best.unpaired.clone()), (90, vec![1, 4]));
}

/// Team labels group as roster names do (`domain::fold::fold_name`): case, spaces, accents
/// and full-width letters aside.
#[test]
fn team_labels_fold_like_names() {
    let with_team = |id: u64, team: &str| {
        let mut p = person(id, &format!("P{id}"), vec![], vec![]);
        p.team = Some(team.into());
        p
    };
    let a = with_team(1, "Team A");
    for same in ["team  a", "Téam A", " TEAM A ", "Ｔｅａｍ Ａ"] {
        assert_eq!(same_team(&a, &with_team(2, same)), Some(true), "{same}");
    }
    assert_eq!(same_team(&a, &with_team(2, "Team B")), Some(false));
    assert_eq!(same_team(&a, &with_team(2, "   ")), None);

    // The matching itself (scored profiles) folds the same way.
    let mut problem = peers(4);
    for (p, team) in problem
        .people
        .iter_mut()
        .zip(["Team A", "team  a", "Téam A", "TEAM A"])
    {
        p.team = Some(team.into());
    }
    problem.constraints.must_differ_team = true;
    let proposal = propose(&problem).unwrap();
    assert!(proposal.pairs.is_empty(), "{:?}", proposal.pairs);
}

#[test]
fn constraints_are_respected() {
    let mut problem = peers(6);
    problem.people[0].team = Some("A".into());
    problem.people[1].team = Some("a".into());
    problem.constraints = Constraints {
        never: vec![(3, 4)],
        keep: vec![(5, 6)],
        must_differ_team: true,
    };
    let p = propose(&problem).unwrap();
    assert!(p.pairs.iter().any(|x| x.members == vec![5, 6] && x.locked));
    for pair in &p.pairs {
        assert!(pair.members != vec![1, 2] && pair.members != vec![3, 4]);
    }
    assert_eq!(p.pairs.len(), 3);
    assert_eq!(p.pairs.iter().filter(|x| x.locked).count(), 1);
}

#[test]
fn mentor_capacity_is_respected_and_can_be_set_per_mentor() {
    let mut problem = peers(7);
    problem.kind = ProgrammeKind::MentorProtege { capacity: 2 };
    for (i, p) in problem.people.iter_mut().enumerate() {
        p.side = if i < 2 { Side::Mentor } else { Side::Protege };
    }
    let p = propose(&problem).unwrap();
    assert_eq!(p.pairs.len(), 4);
    assert_eq!(p.unpaired.len(), 1);
    for mentor in [1, 2] {
        assert_eq!(p.pairs.iter().filter(|x| x.members[0] == mentor).count(), 2);
    }
    problem.people[0].capacity = Some(4);
    problem.constraints.keep = vec![(4, 1)];
    let p = propose(&problem).unwrap();
    assert_eq!(p.pairs.len(), 5);
    assert_eq!(p.pairs.iter().filter(|x| x.members[0] == 1).count(), 3);
    assert!(p.pairs.iter().any(|x| x.members == vec![1, 4] && x.locked));
    assert_eq!(p.unpaired, vec![] as Vec<Id>);
}

#[test]
fn more_mentors_than_proteges_leaves_mentors_unpaired() {
    let mut problem = peers(5);
    problem.kind = ProgrammeKind::MentorProtege { capacity: 3 };
    for (i, p) in problem.people.iter_mut().enumerate() {
        p.side = if i < 4 { Side::Mentor } else { Side::Protege };
    }
    let p = propose(&problem).unwrap();
    assert_eq!(p.pairs.len(), 1);
    assert_eq!(p.unpaired.len(), 3);
}

#[test]
fn odd_numbers_leave_one_out_or_make_a_trio() {
    let mut problem = peers(7);
    let p = propose(&problem).unwrap();
    assert_eq!((p.pairs.len(), p.unpaired.len()), (3, 1));
    let left = p.unpaired[0];
    problem.kind = ProgrammeKind::Peer { odd: OddMode::Trio };
    let t = propose(&problem).unwrap();
    assert_eq!(t.unpaired, vec![] as Vec<Id>);
    let trio: Vec<_> = t.pairs.iter().filter(|x| x.members.len() == 3).collect();
    assert_eq!(trio.len(), 1);
    assert!(trio[0].members.contains(&left));
    assert!(t.total_score >= p.total_score);
}

#[test]
fn reasons_about_several_pairs_name_both_people() {
    let (sam, alex) = sam_and_alex();
    let w = Weights {
        complementarity: 1,
        shared_availability: 1,
        different_team: 1,
    };
    let mut bob = person(3, "Bob", vec![], vec![]);
    bob.availability = [1].into();
    let mut reasons = fit(&sam, &alex, &ProgrammeKind::default(), &w).reasons;
    reasons.retain(|r| !matches!(r, Reason::CanHelp { .. }));
    reasons.extend(fit(&bob, &alex, &ProgrammeKind::default(), &w).reasons);
    let text = explain(&reasons, &[sam, alex, bob], &skills());
    assert_eq!(
        text,
        "Sam and Alex are both free on Tuesdays; Sam and Alex are in different teams; \
         Bob and Alex are both free on Tuesdays"
    );
}

#[test]
fn trio_never_breaks_a_constraint() {
    let mut problem = peers(3);
    problem.kind = ProgrammeKind::Peer { odd: OddMode::Trio };
    problem.constraints.keep = vec![(1, 2)];
    problem.constraints.never = vec![(3, 2)];
    let p = propose(&problem).unwrap();
    assert_eq!(pairs_of(&p), vec![vec![1, 2]]);
    assert_eq!(p.unpaired, vec![3]);
}

#[test]
fn ties_are_broken_the_same_way_every_time() {
    let mut problem = peers(8);
    for p in &mut problem.people {
        p.availability.clear();
        p.offers.clear();
    }
    let first = propose(&problem).unwrap();
    assert_eq!(first.total_score, 0);
    assert_eq!(first.pairs.len(), 4);
    for _ in 0..5 {
        assert_eq!(propose(&problem.clone()).unwrap(), first);
    }
    let json = serde_json::to_string(&problem).unwrap();
    let again: Problem = serde_json::from_str(&json).unwrap();
    assert_eq!(propose(&again).unwrap(), first);
}

#[test]
fn bad_input_is_refused_with_a_plain_message() {
    let base = peers(4);
    type Change = fn(&mut Problem);
    let cases: Vec<(Change, &str)> = vec![
        (|p| p.constraints.never = vec![(1, 9)], "person number 9"),
        (|p| p.constraints.keep = vec![(1, 1)], "P0 with themselves"),
        (
            |p| p.constraints.keep = vec![(1, 2), (2, 3)],
            "P1 is kept in more",
        ),
        (
            |p| (p.constraints.keep, p.constraints.never) = (vec![(1, 2)], vec![(2, 1)]),
            "never",
        ),
        (|p| p.people[0].wants = vec![lv(1, 4)], "level 4"),
        (|p| p.people[0].wants = vec![lv(9, 1)], "skill number 9"),
        (|p| p.people[0].availability = [7].into(), "day 7"),
        (|p| p.people[1].id = 1, "number 1"),
        (
            |p| p.weights.complementarity = 5000,
            "weight for complementarity",
        ),
        (
            |p| p.kind = ProgrammeKind::MentorProtege { capacity: 1 },
            "mentor or a protege",
        ),
    ];
    for (change, text) in cases {
        let mut problem = base.clone();
        change(&mut problem);
        let err = propose(&problem).unwrap_err().to_string();
        assert!(err.contains(text), "{err} should mention {text}");
    }
    let mut problem = base.clone();
    problem.kind = ProgrammeKind::MentorProtege { capacity: 1 };
    for p in &mut problem.people {
        p.side = Side::Mentor;
    }
    problem.constraints.keep = vec![(1, 2)];
    assert!(propose(&problem)
        .unwrap_err()
        .to_string()
        .contains("one mentor and one protege"));
    problem.people[2].side = Side::Protege;
    problem.people[3].side = Side::Protege;
    problem.constraints.keep = vec![(1, 3), (1, 4)];
    assert!(propose(&problem)
        .unwrap_err()
        .to_string()
        .contains("the 1 they can take"));
    let mut huge = big(2000, ProgrammeKind::MentorProtege { capacity: 2000 });
    for (i, p) in huge.people.iter_mut().enumerate() {
        p.side = if i < 1000 {
            Side::Mentor
        } else {
            Side::Protege
        };
    }
    let err = propose(&huge).unwrap_err().to_string();
    assert!(err.contains("places in all"), "{err}");
}

#[test]
fn minimal_json_uses_defaults_and_the_fixtures_parse() {
    let p: Problem = serde_json::from_str(r#"{"people": [{"id": 1}, {"id": 2}]}"#).unwrap();
    assert_eq!(
        p.kind,
        ProgrammeKind::Peer {
            odd: OddMode::LeaveOneOut
        }
    );
    assert_eq!(p.weights, Weights::default());
    assert_eq!(pairs_of(&propose(&p).unwrap()), vec![vec![1, 2]]);
    assert_eq!(propose(&Problem::default()).unwrap(), Proposal::default());
    for file in ["peer.json", "mentor_protege.json"] {
        let path = format!(
            "{}/tests/fixtures/pairing/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let problem: Problem = serde_json::from_str(&text).unwrap();
        let proposal = propose(&problem).unwrap();
        assert!(!proposal.pairs.is_empty(), "{file}");
        assert!(proposal.pairs.iter().all(|p| !p.explanation.is_empty()));
    }
}

fn big(n: u64, kind: ProgrammeKind) -> Problem {
    let mut seed = 7u64;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let mut problem = peers(0);
    problem.kind = kind;
    for i in 0..n {
        let mut p = person(i + 1, "", vec![], vec![]);
        p.offers = (0..2).map(|_| lv(1 + next(3), 1 + next(3) as u8)).collect();
        p.wants = (0..2).map(|_| lv(1 + next(3), 1 + next(3) as u8)).collect();
        p.availability = (0..2).map(|_| next(7) as u8).collect();
        p.team = Some(format!("t{}", next(5)));
        p.side = if next(3) == 0 {
            Side::Mentor
        } else {
            Side::Protege
        };
        problem.people.push(p);
    }
    problem
}

#[test]
fn a_thousand_people_are_paired() {
    let p = propose(&big(1000, ProgrammeKind::default())).unwrap();
    assert_eq!(p.pairs.len(), 500);
    let kind = ProgrammeKind::MentorProtege { capacity: 2 };
    let p = propose(&big(1000, kind)).unwrap();
    assert!(p.pairs.len() > 300);
}

//! Property tests: every proposal respects the constraints and is exactly as good as the best
//! pairing found by exhaustive search, for every instance up to 10 people.

use super::*;
use proptest::prelude::*;
use std::collections::HashSet;

#[derive(Clone, Debug)]
struct RawPerson {
    offers: u8,
    wants: u8,
    levels: [u8; 4],
    days: u8,
    team: u8,
    mentor: bool,
    capacity: Option<u32>,
}

fn raw_person() -> impl Strategy<Value = RawPerson> {
    (
        any::<u8>(),
        any::<u8>(),
        [1u8..=3, 1..=3, 1..=3, 1..=3],
        any::<u8>(),
        0u8..4,
        any::<bool>(),
    )
        .prop_flat_map(|(offers, wants, levels, days, team, mentor)| {
            proptest::option::of(0u32..3).prop_map(move |capacity| RawPerson {
                offers,
                wants,
                levels,
                days,
                team,
                mentor,
                capacity,
            })
        })
}

fn level_list(mask: u8, levels: [u8; 4], shift: u8) -> Vec<SkillLevel> {
    (0..4u8)
        .filter(|s| mask & (1 << s) != 0)
        .map(|s| SkillLevel {
            skill: u64::from(s) + 1,
            level: levels[usize::from((s + shift) % 4)],
        })
        .collect()
}

type Raw = (
    Vec<RawPerson>,
    (u32, u32, u32),
    Vec<(u8, u8)>,
    Vec<(u8, u8)>,
    bool,
    u32,
    u8,
);

fn raw_problem() -> impl Strategy<Value = Raw> {
    (
        proptest::collection::vec(raw_person(), 0..=10),
        (0u32..20, 0u32..20, 0u32..20),
        proptest::collection::vec((0u8..10, 0u8..10), 0..6),
        proptest::collection::vec((0u8..10, 0u8..10), 0..4),
        any::<bool>(),
        1u32..=3,
        any::<u8>(),
    )
}

/// Builds a valid problem from random parts, dropping constraints that would be refused.
fn build(raw: Raw, kind: fn(u32, u8) -> ProgrammeKind) -> Problem {
    let (raw_people, (c, a, t), never, keep, must_differ_team, capacity, flags) = raw;
    let people: Vec<Person> = raw_people
        .iter()
        .enumerate()
        .map(|(i, r)| Person {
            id: 100 + i as u64,
            name: format!("P{i}"),
            offers: level_list(r.offers, r.levels, 0),
            wants: level_list(r.wants, r.levels, 2),
            availability: (0..7).filter(|d| r.days & (1 << d) != 0).collect(),
            team: (r.team > 0).then(|| format!("team {}", r.team)),
            side: if r.mentor {
                Side::Mentor
            } else {
                Side::Protege
            },
            capacity: r.capacity,
        })
        .collect();
    let n = people.len() as u8;
    let id = |x: u8| 100 + u64::from(x);
    let mut problem = Problem {
        skills: (1..=4)
            .map(|s| Skill {
                id: s,
                name: format!("skill {s}"),
            })
            .collect(),
        people,
        kind: kind(capacity, flags),
        weights: Weights {
            complementarity: c,
            shared_availability: a,
            different_team: t,
        },
        constraints: Constraints {
            must_differ_team,
            ..Constraints::default()
        },
        objective: if flags & 4 == 0 {
            Objective::MostPairs
        } else {
            Objective::HighestScore
        },
    };
    for (x, y) in never.into_iter().filter(|&(x, y)| x < n && y < n && x != y) {
        problem.constraints.never.push((id(x), id(y)));
    }
    for (x, y) in keep.into_iter().filter(|&(x, y)| x < n && y < n) {
        problem.constraints.keep.push((id(x), id(y)));
        if check::validate(&problem).is_err() {
            problem.constraints.keep.pop();
        }
    }
    problem
}

fn peer_kind(_: u32, flags: u8) -> ProgrammeKind {
    let odd = if flags & 1 == 0 {
        OddMode::LeaveOneOut
    } else {
        OddMode::Trio
    };
    ProgrammeKind::Peer { odd }
}

fn mentor_kind(capacity: u32, _: u8) -> ProgrammeKind {
    ProgrammeKind::MentorProtege { capacity }
}

fn pos(problem: &Problem, id: Id) -> usize {
    problem.people.iter().position(|p| p.id == id).unwrap()
}

/// Checks everything a proposal promises apart from optimality.
fn check_valid(problem: &Problem, proposal: &Proposal) {
    let checked = check::validate(problem).unwrap();
    let people = &problem.people;
    let mut seen = HashSet::new();
    for pair in &proposal.pairs {
        let bipartite = matches!(problem.kind, ProgrammeKind::MentorProtege { .. });
        for (k, m) in pair.members.iter().enumerate() {
            assert!(
                seen.insert(*m) || (bipartite && k == 0),
                "{m} appears twice"
            );
        }
        let idx: Vec<usize> = pair.members.iter().map(|&m| pos(problem, m)).collect();
        let mut score = 0;
        for (x, &a) in idx.iter().enumerate() {
            for &b in &idx[x + 1..] {
                assert!(checked.allowed(a, b), "constraint broken by {a} and {b}");
                score += fit(&people[a], &people[b], &problem.kind, &problem.weights).score;
            }
        }
        assert_eq!(score, pair.score);
        if let ProgrammeKind::MentorProtege { .. } = problem.kind {
            assert_eq!(idx.len(), 2);
            assert_eq!(people[idx[0]].side, Side::Mentor);
            assert_eq!(people[idx[1]].side, Side::Protege);
        }
    }
    for u in &proposal.unpaired {
        assert!(seen.insert(*u), "{u} appears twice");
    }
    assert_eq!(seen.len(), people.len());
    assert_eq!(
        proposal.total_score,
        proposal.pairs.iter().map(|p| p.score).sum::<i64>()
    );
    for &(a, b) in &problem.constraints.keep {
        assert!(proposal
            .pairs
            .iter()
            .any(|p| p.members.contains(&a) && p.members.contains(&b)));
    }
    if let ProgrammeKind::MentorProtege { capacity } = problem.kind {
        for p in people.iter().filter(|p| p.side == Side::Mentor) {
            let taken = proposal
                .pairs
                .iter()
                .filter(|x| x.members[0] == p.id)
                .count();
            assert!(taken <= p.capacity.unwrap_or(capacity) as usize);
        }
    }
}

/// The best (pairs, score) over every pairing that includes the kept pairs.
fn brute_best(problem: &Problem) -> (usize, i64) {
    let checked = check::validate(problem).unwrap();
    let people = &problem.people;
    let score = |a: usize, b: usize| fit(&people[a], &people[b], &problem.kind, &problem.weights);
    let kept: Vec<usize> = checked.keep.iter().flat_map(|&(a, b)| [a, b]).collect();
    let kept_score: i64 = checked.keep.iter().map(|&(a, b)| score(a, b).score).sum();
    let free = |i: &usize| !kept.contains(i) || people[*i].side == Side::Mentor;
    let (pairs, total) = match problem.kind {
        ProgrammeKind::Peer { .. } => {
            let pool: Vec<usize> = (0..people.len()).filter(|i| !kept.contains(i)).collect();
            let edge = |x: usize, y: usize| {
                checked
                    .allowed(pool[x], pool[y])
                    .then(|| score(pool[x], pool[y]).score)
            };
            brute::general(pool.len(), &edge, problem.objective)
        }
        ProgrammeKind::MentorProtege { capacity } => {
            let mentors: Vec<usize> = (0..people.len())
                .filter(|&i| people[i].side == Side::Mentor)
                .collect();
            let proteges: Vec<usize> = (0..people.len())
                .filter(|&i| people[i].side == Side::Protege && free(&i))
                .collect();
            let caps: Vec<usize> = mentors
                .iter()
                .map(|&m| {
                    let cap = people[m].capacity.unwrap_or(capacity) as usize;
                    cap - kept.iter().filter(|&&k| k == m).count()
                })
                .collect();
            let edge = |r: usize, c: usize| {
                let (m, p) = (mentors[c], proteges[r]);
                checked.allowed(m, p).then(|| score(m, p).score)
            };
            brute::bipartite(proteges.len(), &caps, &edge, problem.objective)
        }
        ProgrammeKind::Unknown => return (0, 0),
    };
    (pairs + checked.keep.len(), total + kept_score)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 300,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn peer_proposals_are_valid_and_optimal(raw in raw_problem()) {
        let problem = build(raw, peer_kind);
        let proposal = propose(&problem).unwrap();
        check_valid(&problem, &proposal);
        if problem.kind == (ProgrammeKind::Peer { odd: OddMode::LeaveOneOut }) {
            let got = (proposal.pairs.len(), proposal.total_score);
            prop_assert_eq!(got, brute_best(&problem));
        }
        prop_assert_eq!(propose(&problem).unwrap(), proposal);
    }

    #[test]
    fn mentor_protege_proposals_are_valid_and_optimal(raw in raw_problem()) {
        let problem = build(raw, mentor_kind);
        let proposal = propose(&problem).unwrap();
        check_valid(&problem, &proposal);
        prop_assert_eq!((proposal.pairs.len(), proposal.total_score), brute_best(&problem));
    }

    #[test]
    fn quick_score_equals_fit(raw in raw_problem()) {
        let problem = build(raw, peer_kind);
        let people = &problem.people;
        for a in people {
            for b in people {
                let (pa, pb) = (score::Profile::new(a), score::Profile::new(b));
                for (kind, both) in [(problem.kind, true), (mentor_kind(1, 0), false)] {
                    let mut helper = a.clone();
                    helper.side = Side::Mentor;
                    let quick = score::quick_score(&pa, &pb, both, &problem.weights);
                    prop_assert_eq!(quick, fit(&helper, b, &kind, &problem.weights).score);
                }
            }
        }
    }

    #[test]
    fn blossom_matches_brute_force_on_raw_weights(
        n in 0usize..=10,
        raw in proptest::collection::vec(proptest::option::of(0i64..12), 45),
    ) {
        let weight = |i: usize, j: usize| raw[i * 10 + j - (i + 1) * (i + 2) / 2];
        let edges: Vec<(usize, usize, i64)> = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .filter_map(|(i, j)| weight(i, j).map(|w| (i, j, w)))
            .collect();
        let mates = max_weight_matching(n, &edges);
        let mut total = 0;
        for (i, m) in mates.iter().enumerate() {
            if let Some(j) = *m {
                prop_assert_eq!(mates[j], Some(i));
                if i < j {
                    total += weight(i, j).unwrap();
                }
            }
        }
        let best = brute::general(n, &|i, j| weight(i, j), Objective::HighestScore);
        prop_assert_eq!(total, best.1);
    }

    #[test]
    fn pricing_from_few_edges_still_finds_the_optimum(
        n in 0usize..=10,
        start in 0usize..3,
        raw in proptest::collection::vec(proptest::option::of(0i64..30), 45),
    ) {
        let weight = |i: usize, j: usize| raw[i * 10 + j - (i + 1) * (i + 2) / 2];
        let weights = dense::Weights::new(n, weight);
        let mates = dense::max_weight_matching(&weights, start);
        let mut total = 0;
        for (i, m) in mates.iter().enumerate() {
            if let Some(j) = *m {
                prop_assert_eq!(mates[j], Some(i));
                if i < j {
                    total += weight(i, j).unwrap();
                }
            }
        }
        let best = brute::general(n, &|i, j| weight(i, j), Objective::HighestScore);
        prop_assert_eq!(total, best.1);
    }

    #[test]
    fn assignment_matches_brute_force_on_raw_weights(
        rows in 0usize..=6,
        cols in 0usize..=6,
        raw in proptest::collection::vec(0i64..12, 36),
    ) {
        let got = bipartite::assign(rows, cols, |r, c| raw[r * 6 + c]);
        let mut used = HashSet::new();
        let mut total = 0;
        for (r, c) in got.iter().enumerate() {
            if let Some(c) = *c {
                prop_assert!(used.insert(c));
                prop_assert!(raw[r * 6 + c] > 0);
                total += raw[r * 6 + c];
            }
        }
        let edge = |r: usize, c: usize| Some(raw[r * 6 + c]).filter(|w| *w > 0);
        let best = brute::bipartite(rows, &vec![1; cols], &edge, Objective::HighestScore);
        prop_assert_eq!(total, best.1);
    }
}

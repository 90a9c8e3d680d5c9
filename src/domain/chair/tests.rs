use super::*;
use crate::domain::programme::GroupKind;
use crate::domain::roster::Role;
use proptest::prelude::*;
use std::collections::BTreeMap;

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn weekly(n: usize) -> Vec<Date> {
    (0..n as i32)
        .map(|i| d("2027-01-05").add_days(7 * i))
        .collect()
}

fn tally(chairs: &[Option<Id>]) -> BTreeMap<Id, usize> {
    let mut t = BTreeMap::new();
    for c in chairs.iter().flatten() {
        *t.entry(*c).or_insert(0) += 1;
    }
    t
}

fn back_to_back(chairs: &[Option<Id>]) -> usize {
    chairs
        .windows(2)
        .filter(|w| w[0].is_some() && w[0] == w[1])
        .count()
}

/// The smallest sum of squared turn counts any valid roster can reach (brute force).
fn best_sum_of_squares(members: &[Id], dates: &[Date], away: &BTreeSet<(Id, Date)>) -> usize {
    fn go(
        i: usize,
        members: &[Id],
        dates: &[Date],
        away: &BTreeSet<(Id, Date)>,
        count: &mut Vec<usize>,
        best: &mut usize,
    ) {
        if i == dates.len() {
            *best = (*best).min(count.iter().map(|c| c * c).sum());
            return;
        }
        let free: Vec<usize> = (0..members.len())
            .filter(|m| !away.contains(&(members[*m], dates[i])))
            .collect();
        if free.is_empty() {
            go(i + 1, members, dates, away, count, best);
        }
        for m in free {
            count[m] += 1;
            go(i + 1, members, dates, away, count, best);
            count[m] -= 1;
        }
    }
    let mut best = usize::MAX;
    go(
        0,
        members,
        dates,
        away,
        &mut vec![0; members.len()],
        &mut best,
    );
    best
}

#[test]
fn everyone_chairs_in_turn_without_absences() {
    let chairs = plan_chairs(&[1, 2, 3], &weekly(7), &BTreeSet::new());
    assert_eq!(
        chairs,
        vec![
            Some(1),
            Some(2),
            Some(3),
            Some(1),
            Some(2),
            Some(3),
            Some(1)
        ]
    );
}

#[test]
fn absences_are_respected_and_an_empty_meeting_has_no_chair() {
    let dates = weekly(3);
    let away: BTreeSet<(Id, Date)> = [(1, dates[0]), (2, dates[0]), (1, dates[1])].into();
    let chairs = plan_chairs(&[1, 2], &dates, &away);
    assert_eq!(chairs, vec![None, Some(2), Some(1)]);
}

#[test]
fn one_member_chairs_every_time_because_it_cannot_be_avoided() {
    let chairs = plan_chairs(&[7, 7], &weekly(3), &BTreeSet::new());
    assert_eq!(chairs, vec![Some(7); 3]);
}

#[test]
fn a_large_group_over_many_meetings_is_planned() {
    let members: Vec<Id> = (1..=30).collect();
    let dates = weekly(MAX_MEETINGS);
    let away: BTreeSet<(Id, Date)> = dates
        .iter()
        .enumerate()
        .flat_map(|(i, date)| {
            members
                .iter()
                .filter(move |m| (**m as usize * 7 + i).is_multiple_of(5))
                .map(move |m| (*m, *date))
        })
        .collect();
    let chairs = plan_chairs(&members, &dates, &away);
    let t = tally(&chairs);
    let spread = t.values().max().unwrap() - t.values().min().unwrap();
    assert!(spread <= 1, "spread {spread}");
    assert_eq!(back_to_back(&chairs), 0);
}

#[test]
fn the_programme_rota_follows_members_dates_and_swaps() {
    let mut p = Programme::new(1, "P").unwrap();
    p.add_group(2, "Peers", GroupKind::Peer).unwrap();
    assert!(p.make_chair_rota(2).is_err(), "no members yet");
    for id in [10, 11, 12] {
        p.add_participant(id, "x", Role::Peer).unwrap();
        p.set_membership(id, 2, true).unwrap();
    }
    assert!(p.make_chair_rota(2).is_err(), "no dates yet");
    assert!(p.schedule_meetings(2, d("2027-01-05"), 14, 0).is_err());
    assert!(p.schedule_meetings(2, d("2027-01-05"), 0, 3).is_err());
    p.schedule_meetings(2, d("2027-01-05"), 14, 6).unwrap();
    p.set_away(2, 10, d("2027-01-05"), true).unwrap();
    p.make_chair_rota(2).unwrap();
    let rota = &p.charter(2).unwrap().rota;
    assert_eq!(rota.turns.len(), 6);
    assert_ne!(rota.turns[0].chair, Some(10));
    assert!(!rota.needs_remaking(&[10, 11, 12]));
    assert!(rota.needs_remaking(&[11, 12]), "a member left");
    let next = rota.next_turn(d("2027-01-20")).unwrap();
    assert_eq!(next.date, d("2027-02-02"));
    // Swapping keeps everyone's number of turns and is logged.
    let before: Vec<usize> = [10, 11, 12].iter().map(|m| rota.turns_of(*m)).collect();
    let (a, b) = (rota.turns[1], rota.turns[2]);
    p.swap_chairs(2, a.date, b.date, d("2027-01-10")).unwrap();
    let rota = &p.charter(2).unwrap().rota;
    assert_eq!(rota.turns[1].chair, b.chair);
    assert_eq!(rota.turns[2].chair, a.chair);
    let after: Vec<usize> = [10, 11, 12].iter().map(|m| rota.turns_of(*m)).collect();
    assert_eq!(before, after);
    assert_eq!(rota.swaps.len(), 1);
    assert_eq!(rota.swaps[0].first_chair, a.chair.unwrap());
    // Refused swaps change nothing.
    let first = rota.turns[0];
    let with_10 = rota
        .turns
        .iter()
        .find(|t| t.chair == Some(10))
        .copied()
        .unwrap();
    assert!(
        p.swap_chairs(2, first.date, with_10.date, d("2027-01-10"))
            .is_err(),
        "10 is away"
    );
    assert!(p
        .swap_chairs(2, first.date, first.date, d("2027-01-10"))
        .is_err());
    assert!(p
        .swap_chairs(2, first.date, d("2030-01-01"), d("2027-01-10"))
        .is_err());
    assert_eq!(p.charter(2).unwrap().rota.swaps.len(), 1);
    p.set_away(2, 10, d("2027-01-05"), false).unwrap();
    assert!(p.charter(2).unwrap().rota.away.is_empty());
    assert!(p.set_away(2, 99, d("2027-01-05"), true).is_err());
}

fn case() -> impl Strategy<Value = (Vec<Id>, Vec<Date>, BTreeSet<(Id, Date)>)> {
    (1usize..=4, 0usize..=7).prop_flat_map(|(n, len)| {
        let members: Vec<Id> = (1..=n as Id).collect();
        let dates = weekly(len);
        let cells: Vec<(Id, Date)> = members
            .iter()
            .flat_map(|m| dates.iter().map(move |d| (*m, *d)))
            .collect();
        let picks = proptest::collection::vec(any::<bool>(), cells.len());
        (
            Just(members),
            Just(dates),
            Just(cells),
            picks,
            any::<bool>(),
        )
            .prop_map(|(members, dates, cells, picks, nobody_away)| {
                let away = cells
                    .into_iter()
                    .zip(picks)
                    .filter(|(_, p)| *p && !nobody_away)
                    .map(|(c, _)| c)
                    .collect();
                (members, dates, away)
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_rota_is_as_fair_as_absences_allow((members, dates, away) in case()) {
        let chairs = plan_chairs(&members, &dates, &away);
        prop_assert_eq!(chairs.len(), dates.len());
        for (date, chair) in dates.iter().zip(&chairs) {
            match chair {
                Some(c) => prop_assert!(members.contains(c) && !away.contains(&(*c, *date))),
                None => prop_assert!(members.iter().all(|m| away.contains(&(*m, *date)))),
            }
        }
        let t = tally(&chairs);
        let turns = |m: &Id| t.get(m).copied().unwrap_or(0);
        // As even as possible: no roster has a smaller sum of squared turns.
        let ours: usize = members.iter().map(|m| turns(m) * turns(m)).sum();
        prop_assert_eq!(ours, best_sum_of_squares(&members, &dates, &away));
        // Anyone available for every meeting is within one turn of everybody else's most.
        for a in members.iter().filter(|m| dates.iter().all(|d| !away.contains(&(**m, *d)))) {
            for b in &members {
                prop_assert!(turns(b) <= turns(a) + 1, "{} has {} turns, {} has {}", b, turns(b), a, turns(a));
            }
        }
        if away.is_empty() {
            let most = members.iter().map(turns).max().unwrap_or(0);
            let fewest = members.iter().map(turns).min().unwrap_or(0);
            prop_assert!(most - fewest <= 1);
            if members.len() >= 2 {
                prop_assert_eq!(back_to_back(&chairs), 0);
            }
        }
        // No swap of two meetings' chairs (keeping counts and absences) has fewer back-to-back.
        let now = back_to_back(&chairs);
        for i in 0..chairs.len() {
            for j in i + 1..chairs.len() {
                if let (Some(a), Some(b)) = (chairs[i], chairs[j]) {
                    if a != b && !away.contains(&(a, dates[j])) && !away.contains(&(b, dates[i])) {
                        let mut other = chairs.clone();
                        other.swap(i, j);
                        prop_assert!(back_to_back(&other) >= now);
                    }
                }
            }
        }
    }

    #[test]
    fn swaps_keep_the_roster_valid((members, dates, away) in case(), i in 0usize..8, j in 0usize..8) {
        let mut rota = ChairRota {
            dates: dates.clone(),
            away: away.iter().map(|(person, date)| Away { person: *person, date: *date }).collect(),
            ..ChairRota::default()
        };
        rota.make(&members);
        let before: Vec<usize> = members.iter().map(|m| rota.turns_of(*m)).collect();
        if i < dates.len() && j < dates.len() {
            let _ = rota.swap(dates[i], dates[j], d("2027-01-01"));
        }
        let after: Vec<usize> = members.iter().map(|m| rota.turns_of(*m)).collect();
        prop_assert_eq!(before, after);
        for t in &rota.turns {
            if let Some(c) = t.chair {
                prop_assert!(!rota.is_away(c, t.date));
            }
        }
        prop_assert!(!rota.needs_remaking(&members));
    }
}

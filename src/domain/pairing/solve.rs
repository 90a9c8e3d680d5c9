//! Turning a checked problem into groups: the peer and mentor-protege solvers.

use super::{bipartite, check, dense, score, Objective, OddMode, Problem, Side};

/// How many of each person's best partners the peer solver starts from (speed only).
const START_EDGES: usize = 12;

/// A proposed group as positions in `problem.people`.
pub(super) struct Group {
    pub members: Vec<usize>,
    pub locked: bool,
}

/// Turns scores (all ≥ 0) into strictly positive matching weights whose maximum is the
/// lexicographic best for the objective. With at most `max_pairs` pairs and scores at most
/// `max_score`: MostPairs adds a bonus per pair larger than any total score can be;
/// HighestScore scales scores so that one point outweighs any difference in pair count.
fn lift(objective: Objective, max_score: i64, max_pairs: usize) -> impl Fn(i64) -> i64 {
    let pairs = i64::try_from(max_pairs).unwrap_or(i64::MAX);
    let bonus = max_score.saturating_mul(pairs).saturating_add(1);
    let scale = pairs.saturating_add(1);
    move |s| match objective {
        // An objective this version does not know pairs as the default does.
        Objective::MostPairs | Objective::Unknown => s.saturating_add(bonus),
        Objective::HighestScore => s.saturating_mul(scale).saturating_add(1),
    }
}

pub(super) fn peer(
    problem: &Problem,
    checked: &check::Checked,
    odd: OddMode,
) -> (Vec<Group>, Vec<usize>) {
    let people = &problem.people;
    let profiles = &checked.profiles;
    let score =
        |i: usize, j: usize| score::quick_score(&profiles[i], &profiles[j], true, &problem.weights);
    let mut taken = vec![false; people.len()];
    let mut groups: Vec<Group> = Vec::new();
    for &(a, b) in &checked.keep {
        taken[a] = true;
        taken[b] = true;
        groups.push(Group {
            members: vec![a, b],
            locked: true,
        });
    }
    let pool: Vec<usize> = (0..people.len()).filter(|&i| !taken[i]).collect();
    let weights = dense::Weights::new(pool.len(), |x, y| {
        let (i, j) = (pool[x], pool[y]);
        checked.allowed(i, j).then(|| score(i, j))
    });
    let lifted = lift(
        problem.objective,
        weights.max().unwrap_or(0),
        pool.len() / 2,
    );
    let mates = dense::max_weight_matching(&weights.map(lifted), START_EDGES);
    let mut unpaired = Vec::new();
    for (x, mate) in mates.iter().enumerate() {
        match *mate {
            Some(y) if x < y => groups.push(Group {
                members: vec![pool[x], pool[y]],
                locked: false,
            }),
            Some(_) => {}
            None => unpaired.push(pool[x]),
        }
    }
    crate::domain::sort::sort_by_key(&mut groups, |g| g.members[0]);
    if odd == OddMode::Trio {
        unpaired.retain(|&u| {
            let best = groups
                .iter()
                .enumerate()
                .filter(|(_, g)| g.members.len() == 2)
                .filter(|(_, g)| g.members.iter().all(|&m| checked.allowed(u, m)))
                .map(|(k, g)| (k, g.members.iter().map(|&m| score(u, m)).sum::<i64>()))
                .fold(None, |best: Option<(usize, i64)>, (k, s)| match best {
                    Some((_, bs)) if bs >= s => best,
                    _ => Some((k, s)),
                });
            match best {
                Some((k, _)) => {
                    groups[k].members.push(u);
                    crate::domain::sort::sort(&mut groups[k].members);
                    false
                }
                None => true,
            }
        });
    }
    (groups, unpaired)
}

pub(super) fn mentor_protege(
    problem: &Problem,
    checked: &check::Checked,
    default_capacity: u32,
) -> (Vec<Group>, Vec<usize>) {
    let people = &problem.people;
    let mentors: Vec<usize> = (0..people.len())
        .filter(|&i| people[i].side == Side::Mentor)
        .collect();
    let mut free_places: Vec<usize> = mentors
        .iter()
        .map(|&m| people[m].capacity.unwrap_or(default_capacity) as usize)
        .collect();
    let mut matched = vec![false; people.len()];
    let mut groups: Vec<Group> = Vec::new();
    for &(m, p) in &checked.keep {
        if let Some(k) = mentors.iter().position(|&x| x == m) {
            free_places[k] = free_places[k].saturating_sub(1);
        }
        matched[m] = true;
        matched[p] = true;
        groups.push(Group {
            members: vec![m, p],
            locked: true,
        });
    }
    let proteges: Vec<usize> = (0..people.len())
        .filter(|&i| people[i].side == Side::Protege && !matched[i])
        .collect();
    // One column per free place; a mentor never needs more places than there are proteges.
    let slots: Vec<usize> = (0..mentors.len())
        .flat_map(|k| std::iter::repeat_n(k, free_places[k].min(proteges.len())))
        .collect();
    let scores: Vec<Vec<Option<i64>>> = proteges
        .iter()
        .map(|&p| {
            mentors
                .iter()
                .map(|&m| {
                    checked.allowed(m, p).then(|| {
                        let (pm, pp) = (&checked.profiles[m], &checked.profiles[p]);
                        score::quick_score(pm, pp, false, &problem.weights)
                    })
                })
                .collect()
        })
        .collect();
    let max_score = scores
        .iter()
        .flatten()
        .flatten()
        .copied()
        .max()
        .unwrap_or(0);
    let lifted = lift(
        problem.objective,
        max_score,
        proteges.len().min(slots.len()),
    );
    let assignment = bipartite::assign(proteges.len(), slots.len(), |r, c| {
        scores[r][slots[c]].map_or(0, &lifted)
    });
    for (r, slot) in assignment.into_iter().enumerate() {
        if let Some(c) = slot {
            let m = mentors[slots[c]];
            matched[m] = true;
            matched[proteges[r]] = true;
            groups.push(Group {
                members: vec![m, proteges[r]],
                locked: false,
            });
        }
    }
    crate::domain::sort::sort_by_key(&mut groups, |g| (g.members[0], g.members[1]));
    let unpaired = (0..people.len()).filter(|&i| !matched[i]).collect();
    (groups, unpaired)
}

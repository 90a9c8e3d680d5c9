//! The fit score for two people and its explanation in plain words.
//!
//! The formula is deliberately simple so a facilitator can check it by hand:
//!
//! ```text
//! score = complementarity     × Σ (offer level × want level)   for every skill the helper
//!                                                               offers and the learner wants
//!       + shared_availability × number of weekdays both are free
//!       + different_team      × (1 if both have a team and the teams differ, else 0)
//! ```
//!
//! Levels run 1..=3, so one skill match is worth 1 to 9 points before weighting. In a peer
//! programme both directions count (A helps B and B helps A); in a mentor-protege programme
//! only the mentor helping the protege counts. Every reason carries the points it added, so
//! the reasons always add up to the score. A reason worth nothing (its weight is 0) is left out.

use super::{Person, ProgrammeKind, Side, Skill, Weights};
use crate::domain::Id;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How well two people fit, with the reasons that make up the score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fit {
    pub score: i64,
    pub reasons: Vec<Reason>,
}

/// One part of a fit score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reason {
    /// `helper` offers skills that `learner` wants (listed in the learner's order).
    CanHelp {
        helper: Id,
        learner: Id,
        skills: Vec<Id>,
        points: i64,
    },
    /// Both people are free on these weekdays (0 = Monday … 6 = Sunday).
    SharedDays {
        people: [Id; 2],
        days: Vec<u8>,
        points: i64,
    },
    /// Both people have a team label and the labels differ.
    DifferentTeams { people: [Id; 2], points: i64 },
}

impl Reason {
    pub fn points(&self) -> i64 {
        match self {
            Reason::CanHelp { points, .. }
            | Reason::SharedDays { points, .. }
            | Reason::DifferentTeams { points, .. } => *points,
        }
    }
}

/// Scores `a` with `b` (see the module comment for the formula). In a mentor-protege
/// programme the mentor is whichever of the two has [`Side::Mentor`], or `a` when neither or
/// both do.
pub fn fit(a: &Person, b: &Person, kind: &ProgrammeKind, weights: &Weights) -> Fit {
    let mut reasons = Vec::new();
    let directions: Vec<(&Person, &Person)> = match kind {
        ProgrammeKind::MentorProtege { .. } if b.side == Side::Mentor && a.side != Side::Mentor => {
            vec![(b, a)]
        }
        ProgrammeKind::MentorProtege { .. } => vec![(a, b)],
        ProgrammeKind::Peer { .. } | ProgrammeKind::Unknown => vec![(a, b), (b, a)],
    };
    let w = i64::from(weights.complementarity);
    for (helper, learner) in directions {
        let (skills, raw) = complement(helper, learner);
        if !skills.is_empty() && w > 0 {
            reasons.push(Reason::CanHelp {
                helper: helper.id,
                learner: learner.id,
                skills,
                points: raw.saturating_mul(w),
            });
        }
    }
    let days: Vec<u8> = a
        .availability
        .intersection(&b.availability)
        .copied()
        .filter(|d| *d < 7)
        .collect();
    let w = i64::from(weights.shared_availability);
    if !days.is_empty() && w > 0 {
        let points = w.saturating_mul(days.len() as i64);
        reasons.push(Reason::SharedDays {
            people: [a.id, b.id],
            days,
            points,
        });
    }
    let w = i64::from(weights.different_team);
    if same_team(a, b) == Some(false) && w > 0 {
        reasons.push(Reason::DifferentTeams {
            people: [a.id, b.id],
            points: w,
        });
    }
    let score = reasons
        .iter()
        .fold(0i64, |sum, r| sum.saturating_add(r.points()));
    Fit { score, reasons }
}

/// `Some(true)` when both have the same team label (folded as names are, see
/// [`team_key`]), `Some(false)` when both have one and they differ, `None` when either has none.
pub fn same_team(a: &Person, b: &Person) -> Option<bool> {
    Some(team_key(a.team.as_deref())? == team_key(b.team.as_deref())?)
}

/// A team label through the base name fold (`domain::fold::fold_name`), so "Team A",
/// "team  a" and "Téam A" are one team, as the roster would count them one name; `None` for
/// no label or a blank one.
fn team_key(team: Option<&str>) -> Option<String> {
    team.map(crate::domain::fold::fold_name)
        .filter(|t| !t.is_empty())
}

/// The skills `helper` offers that `learner` wants, and Σ offer level × want level. A skill
/// listed twice counts once, at its highest level; levels are clamped to 1..=3.
fn complement(helper: &Person, learner: &Person) -> (Vec<Id>, i64) {
    let mut offers: BTreeMap<Id, u8> = BTreeMap::new();
    for o in &helper.offers {
        let level = offers.entry(o.skill).or_insert(0);
        *level = (*level).max(o.level.clamp(1, 3));
    }
    let mut wants: Vec<(Id, u8)> = Vec::new();
    for want in &learner.wants {
        let level = want.level.clamp(1, 3);
        match wants.iter_mut().find(|(s, _)| *s == want.skill) {
            Some(entry) => entry.1 = entry.1.max(level),
            None => wants.push((want.skill, level)),
        }
    }
    let mut skills = Vec::new();
    let mut raw = 0i64;
    for (skill, want) in wants {
        if let Some(offer) = offers.get(&skill) {
            skills.push(skill);
            raw += i64::from(*offer) * i64::from(want);
        }
    }
    (skills, raw)
}

/// A person prepared for scoring many pairs quickly: skills sorted and merged, days as bits.
pub(super) struct Profile {
    offers: Vec<(Id, i64)>,
    wants: Vec<(Id, i64)>,
    days: u8,
    team: Option<String>,
}

impl Profile {
    pub fn new(p: &Person) -> Profile {
        let merged = |list: &[super::SkillLevel]| {
            let mut v: Vec<(Id, i64)> = list
                .iter()
                .map(|s| (s.skill, i64::from(s.level.clamp(1, 3))))
                .collect();
            crate::domain::sort::sort_by(&mut v, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            v.dedup_by_key(|s| s.0);
            v
        };
        let days = p
            .availability
            .iter()
            .filter(|d| **d < 7)
            .fold(0u8, |m, d| m | (1 << d));
        let team = team_key(p.team.as_deref());
        Profile {
            offers: merged(&p.offers),
            wants: merged(&p.wants),
            days,
            team,
        }
    }

    pub fn same_team(&self, other: &Profile) -> Option<bool> {
        Some(self.team.as_ref()? == other.team.as_ref()?)
    }
}

/// The same number as `fit(..).score`, without building reasons. `both_ways` is true for
/// peers; otherwise `a` is the mentor.
pub(super) fn quick_score(a: &Profile, b: &Profile, both_ways: bool, weights: &Weights) -> i64 {
    let raw = |helper: &Profile, learner: &Profile| {
        let (mut x, mut y, mut sum) = (0, 0, 0i64);
        while let (Some(o), Some(w)) = (helper.offers.get(x), learner.wants.get(y)) {
            match o.0.cmp(&w.0) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    sum += o.1 * w.1;
                    x += 1;
                    y += 1;
                }
            }
        }
        sum
    };
    let mut c = raw(a, b);
    if both_ways {
        c += raw(b, a);
    }
    let days = i64::from((a.days & b.days).count_ones());
    let team = i64::from(a.same_team(b) == Some(false));
    c.saturating_mul(i64::from(weights.complementarity))
        .saturating_add(days.saturating_mul(i64::from(weights.shared_availability)))
        .saturating_add(team.saturating_mul(i64::from(weights.different_team)))
}

const DAYS: [&str; 7] = [
    "Mondays",
    "Tuesdays",
    "Wednesdays",
    "Thursdays",
    "Fridays",
    "Saturdays",
    "Sundays",
];

/// Renders reasons as one line, e.g. "Sam can help Alex with budgeting; Alex can help Sam
/// with public speaking; both free on Tuesdays; different teams". Reasons about a pair other
/// than the one the first reason names (as in a trio) name their two people.
pub fn explain(reasons: &[Reason], people: &[Person], skills: &[Skill]) -> String {
    if reasons.is_empty() {
        return "no shared skills, days or teams to go on".to_string();
    }
    let name = |id: Id| match people.iter().find(|p| p.id == id) {
        Some(p) if !p.name.trim().is_empty() => p.name.trim().to_string(),
        _ => format!("person {id}"),
    };
    let skill_name = |id: Id| match skills.iter().find(|s| s.id == id) {
        Some(s) => s.name.trim().to_string(),
        None => format!("skill {id}"),
    };
    let pair_of = |r: &Reason| match r {
        Reason::CanHelp {
            helper, learner, ..
        } => sorted([*helper, *learner]),
        Reason::SharedDays { people, .. } | Reason::DifferentTeams { people, .. } => {
            sorted(*people)
        }
    };
    let single_pair = reasons.iter().all(|r| pair_of(r) == pair_of(&reasons[0]));
    let parts: Vec<String> = reasons
        .iter()
        .map(|r| match r {
            Reason::CanHelp {
                helper,
                learner,
                skills,
                ..
            } => {
                let list: Vec<String> = skills.iter().map(|s| skill_name(*s)).collect();
                format!(
                    "{} can help {} with {}",
                    name(*helper),
                    name(*learner),
                    join(&list)
                )
            }
            Reason::SharedDays { people, days, .. } => {
                let list: Vec<String> = days
                    .iter()
                    .filter_map(|d| DAYS.get(usize::from(*d)))
                    .map(|d| d.to_string())
                    .collect();
                if single_pair {
                    format!("both free on {}", join(&list))
                } else {
                    format!(
                        "{} and {} are both free on {}",
                        name(people[0]),
                        name(people[1]),
                        join(&list)
                    )
                }
            }
            Reason::DifferentTeams { people, .. } => {
                if single_pair {
                    "different teams".to_string()
                } else {
                    format!(
                        "{} and {} are in different teams",
                        name(people[0]),
                        name(people[1])
                    )
                }
            }
        })
        .collect();
    parts.join("; ")
}

fn sorted(pair: [Id; 2]) -> [Id; 2] {
    [pair[0].min(pair[1]), pair[0].max(pair[1])]
}

/// "a", "a and b", "a, b and c".
fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {}", rest.join(", "), last),
    }
}

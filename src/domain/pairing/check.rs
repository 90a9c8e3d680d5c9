//! Validation of a pairing problem, turning ids into positions in the people list.

use super::score::Profile;
use super::{PairingError, Person, Problem, ProgrammeKind, Side};
use super::{MAX_LEVEL, MAX_PEOPLE, MAX_SKILLS, MAX_TABLE, MAX_WEIGHT};
use crate::domain::Id;
use std::collections::{HashMap, HashSet};

/// A problem that passed validation, with constraints as positions in `problem.people`.
pub(super) struct Checked {
    never: HashSet<(usize, usize)>,
    must_differ_team: bool,
    /// Everyone prepared for scoring, in input order.
    pub profiles: Vec<Profile>,
    /// Kept pairs: (mentor, protege) for mentor-protege programmes, (earlier, later) for peers.
    pub keep: Vec<(usize, usize)>,
}

impl Checked {
    /// Whether the hard constraints allow `i` and `j` (positions) to be paired at all.
    /// People without a team label are never treated as being in the same team.
    pub fn allowed(&self, i: usize, j: usize) -> bool {
        i != j
            && !self.never.contains(&(i.min(j), i.max(j)))
            && !(self.must_differ_team
                && self.profiles[i].same_team(&self.profiles[j]) == Some(true))
    }
}

pub(super) fn name(p: &Person) -> String {
    match p.name.trim() {
        "" => format!("person {}", p.id),
        n => n.to_string(),
    }
}

pub(super) fn validate(problem: &Problem) -> Result<Checked, PairingError> {
    let people = &problem.people;
    if people.len() > MAX_PEOPLE {
        return Err(PairingError::TooManyPeople {
            count: people.len(),
            max: MAX_PEOPLE,
        });
    }
    if problem.skills.len() > MAX_SKILLS {
        let count = problem.skills.len();
        return Err(PairingError::TooManySkills {
            count,
            max: MAX_SKILLS,
        });
    }
    let mut skills = HashSet::new();
    for s in &problem.skills {
        if !skills.insert(s.id) {
            return Err(PairingError::DuplicateSkill(s.id));
        }
    }
    let w = &problem.weights;
    for (what, value) in [
        ("complementarity", w.complementarity),
        ("shared availability", w.shared_availability),
        ("different team", w.different_team),
    ] {
        if value > MAX_WEIGHT {
            return Err(PairingError::WeightTooLarge {
                what,
                value,
                max: MAX_WEIGHT,
            });
        }
    }
    let mut index: HashMap<Id, usize> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        if index.insert(p.id, i).is_some() {
            return Err(PairingError::DuplicatePerson(p.id));
        }
        for s in p.offers.iter().chain(&p.wants) {
            if !skills.contains(&s.skill) {
                return Err(PairingError::UnknownSkill {
                    person: name(p),
                    skill: s.skill,
                });
            }
            if !(1..=MAX_LEVEL).contains(&s.level) {
                return Err(PairingError::BadLevel {
                    person: name(p),
                    level: s.level,
                });
            }
        }
        if let Some(&day) = p.availability.iter().find(|d| **d > 6) {
            return Err(PairingError::BadDay {
                person: name(p),
                day,
            });
        }
        if matches!(problem.kind, ProgrammeKind::MentorProtege { .. }) && p.side == Side::Unassigned
        {
            return Err(PairingError::NoSide(name(p)));
        }
    }
    if let ProgrammeKind::MentorProtege { capacity } = problem.kind {
        // Kuhn-Munkres works on a dense proteges × places table; refuse one too big to hold.
        let proteges = people.iter().filter(|p| p.side == Side::Protege).count();
        let places: usize = people
            .iter()
            .filter(|p| p.side == Side::Mentor)
            .map(|p| (p.capacity.unwrap_or(capacity) as usize).min(proteges))
            .sum();
        if proteges.saturating_mul(places) > MAX_TABLE {
            return Err(PairingError::TooManyPlaces { places });
        }
    }
    let pos = |a: Id, b: Id| -> Result<(usize, usize), PairingError> {
        let i = *index.get(&a).ok_or(PairingError::UnknownPerson(a))?;
        let j = *index.get(&b).ok_or(PairingError::UnknownPerson(b))?;
        if i == j {
            return Err(PairingError::SamePerson(name(&people[i])));
        }
        Ok((i, j))
    };
    let mut never = HashSet::new();
    for &(a, b) in &problem.constraints.never {
        let (i, j) = pos(a, b)?;
        never.insert((i.min(j), i.max(j)));
    }
    let mut checked = Checked {
        never,
        must_differ_team: problem.constraints.must_differ_team,
        profiles: people.iter().map(Profile::new).collect(),
        keep: Vec::new(),
    };
    let mut kept = vec![0u32; people.len()];
    for &(a, b) in &problem.constraints.keep {
        let (i, j) = pos(a, b)?;
        let (pa, pb) = (name(&people[i]), name(&people[j]));
        if checked.never.contains(&(i.min(j), i.max(j))) {
            return Err(PairingError::KeepAndNever { a: pa, b: pb });
        }
        if !checked.allowed(i, j) {
            return Err(PairingError::KeepSameTeam { a: pa, b: pb });
        }
        let pair = match problem.kind {
            // `propose` refuses an unknown kind before this; pairs as in a peer programme.
            ProgrammeKind::Peer { .. } | ProgrammeKind::Unknown => (i.min(j), i.max(j)),
            ProgrammeKind::MentorProtege { capacity } => {
                let (m, p) = match (people[i].side, people[j].side) {
                    (Side::Mentor, Side::Protege) => (i, j),
                    (Side::Protege, Side::Mentor) => (j, i),
                    _ => return Err(PairingError::KeepNotMentorProtege { a: pa, b: pb }),
                };
                let cap = people[m].capacity.unwrap_or(capacity);
                if kept[m] >= cap {
                    let mentor = name(&people[m]);
                    return Err(PairingError::OverCapacity {
                        mentor,
                        capacity: cap,
                    });
                }
                (m, p)
            }
        };
        // A mentor may be kept with several proteges; anyone else in one kept pair only.
        for x in [pair.0, pair.1] {
            let is_mentor = matches!(problem.kind, ProgrammeKind::MentorProtege { .. })
                && people[x].side == Side::Mentor;
            if kept[x] > 0 && !is_mentor {
                return Err(PairingError::KeptTwice(name(&people[x])));
            }
            kept[x] += 1;
        }
        checked.keep.push(pair);
    }
    Ok(checked)
}

//! Skills-based pairing: a transparent fit score for any two people (see [`score`]) and a
//! proposal that is provably the best for that score under the facilitator's constraints.
//!
//! What "best" means, exactly:
//! - Hard constraints first: a `never` pair is never proposed; `keep` pairs (including pairs
//!   the facilitator locked before re-running) are fixed as given and everyone else is paired
//!   around them; with `must_differ_team`, two people with the same team label are never paired.
//! - With [`Objective::MostPairs`] (the default) the proposal pairs as many people as the
//!   constraints allow, and among those pairings has the highest total score: facilitators
//!   expect everybody paired, so a pair that adds little still beats leaving two people out.
//!   With [`Objective::HighestScore`] the total score comes first and the number of pairs
//!   only breaks ties.
//! - Peer programmes use Edmonds' blossom algorithm ([`blossom`]); mentor-protege programmes
//!   use Kuhn-Munkres ([`bipartite`]) with each mentor repeated once per free place.
//! - Odd numbers in a peer programme: with [`OddMode::LeaveOneOut`] whoever the best pairing
//!   leaves out stays unpaired. With [`OddMode::Trio`] each person left unpaired then joins
//!   the two-person pair where they add the most score (their fit with both members), at
//!   most one extra per pair, never against a constraint. The trio step comes after the
//!   optimal pairing, so it is the best trio for that pairing, not over all trio groupings.
//! - Ties: the algorithms are deterministic, so the same input always gives the same output.
//!   Between equally good proposals the choice follows input order (people, then skills);
//!   reordering the input may pick a different but equally good proposal. Trio placement ties
//!   go to the earliest pair in the output.
//! - Output order: members in input order (mentor first), pairs by their first member's
//!   input position; `unpaired` in input order (mentor-protege: unmatched proteges and
//!   mentors with no protege).

mod bipartite;
mod blossom;
#[cfg(test)]
mod brute;
mod check;
mod dense;
#[cfg(test)]
mod proptests;
pub mod score;
mod solve;
#[cfg(test)]
mod tests;

pub use blossom::max_weight_matching;
pub use score::{explain, fit, same_team, Fit, Reason};

use crate::domain::Id;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The most people one proposal handles (the peer graph has n²/2 edges).
pub const MAX_PEOPLE: usize = 2000;
pub const MAX_SKILLS: usize = 1000;
/// Largest proteges × mentor places table a mentor-protege proposal builds (80 MB).
pub const MAX_TABLE: usize = 10_000_000;
/// Each weight runs 0..=MAX_WEIGHT, which keeps every sum far from overflow.
pub const MAX_WEIGHT: u32 = 1000;
/// Levels run 1..=MAX_LEVEL.
pub const MAX_LEVEL: u8 = 3;

/// An entry in the programme's skills catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    pub id: Id,
    pub name: String,
}

/// A skill offered or wanted, at a level from 1 (a little) to 3 (a lot).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillLevel {
    pub skill: Id,
    pub level: u8,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Peer programmes need no side.
    #[default]
    Unassigned,
    Mentor,
    Protege,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: Id,
    /// For display only; pairing never looks at it.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub offers: Vec<SkillLevel>,
    #[serde(default)]
    pub wants: Vec<SkillLevel>,
    /// Weekdays the person is free, 0 = Monday … 6 = Sunday.
    #[serde(default)]
    pub availability: BTreeSet<u8>,
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub side: Side,
    /// For a mentor, how many proteges they take; `None` uses the programme's capacity.
    #[serde(default)]
    pub capacity: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weights {
    pub complementarity: u32,
    pub shared_availability: u32,
    pub different_team: u32,
}

impl Default for Weights {
    /// One good skill match (level 2 × 2 = 4 points × 10) outweighs a few shared days.
    fn default() -> Self {
        Weights {
            complementarity: 10,
            shared_availability: 3,
            different_team: 5,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Constraints {
    /// Pairs that must never be proposed.
    pub never: Vec<(Id, Id)>,
    /// Pairs that are fixed before the rest are paired (also "locked" pairs).
    pub keep: Vec<(Id, Id)>,
    /// Never pair two people with the same team label.
    pub must_differ_team: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OddMode {
    #[default]
    LeaveOneOut,
    Trio,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ProgrammeKind {
    /// Bipartite: each mentor takes up to `capacity` proteges (unless they set their own).
    MentorProtege { capacity: u32 },
    /// Anyone may pair with anyone.
    Peer {
        #[serde(default)]
        odd: OddMode,
    },
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl Default for ProgrammeKind {
    fn default() -> Self {
        ProgrammeKind::Peer {
            odd: OddMode::LeaveOneOut,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    #[default]
    MostPairs,
    HighestScore,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

/// Everything a proposal depends on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Problem {
    pub skills: Vec<Skill>,
    pub people: Vec<Person>,
    pub kind: ProgrammeKind,
    pub weights: Weights,
    pub constraints: Constraints,
    pub objective: Objective,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedPair {
    /// Two people, or three for a trio; a mentor comes first.
    pub members: Vec<Id>,
    pub score: i64,
    pub reasons: Vec<Reason>,
    /// The reasons in plain words.
    pub explanation: String,
    /// Fixed by a `keep` constraint rather than chosen by the algorithm.
    pub locked: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub pairs: Vec<ProposedPair>,
    pub unpaired: Vec<Id>,
    pub total_score: i64,
}

/// Why a problem cannot be paired, worded for the facilitator.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PairingError {
    #[error("There are {count} people; one proposal can pair at most {max}.")]
    TooManyPeople { count: usize, max: usize },
    #[error("The skills list has {count} skills; at most {max} are supported.")]
    TooManySkills { count: usize, max: usize },
    #[error(
        "Mentors offer {places} places in all, too many at once. Please lower their capacity."
    )]
    TooManyPlaces { places: usize },
    #[error("Two people have the number {0}. Each person needs their own.")]
    DuplicatePerson(Id),
    #[error("Two skills have the number {0}. Each skill needs its own.")]
    DuplicateSkill(Id),
    #[error("{person} lists skill number {skill}, which is not in the skills list.")]
    UnknownSkill { person: String, skill: Id },
    #[error("{person} has a skill at level {level}; levels run from 1 to 3.")]
    BadLevel { person: String, level: u8 },
    #[error("{person} is free on day {day}; days run from 0 (Monday) to 6 (Sunday).")]
    BadDay { person: String, day: u8 },
    #[error("The weight for {what} is {value}; weights run from 0 to {max}.")]
    WeightTooLarge {
        what: &'static str,
        value: u32,
        max: u32,
    },
    #[error("A pairing rule names person number {0}, who is not in this list.")]
    UnknownPerson(Id),
    #[error("A pairing rule pairs {0} with themselves.")]
    SamePerson(String),
    #[error("{a} and {b} are to be both kept together and never paired. Please remove one rule.")]
    KeepAndNever { a: String, b: String },
    #[error("{a} and {b} are to be kept together, but pairs must be from different teams.")]
    KeepSameTeam { a: String, b: String },
    #[error("{0} is kept in more than one pair.")]
    KeptTwice(String),
    #[error("{0} needs to be marked as a mentor or a protege.")]
    NoSide(String),
    #[error("{a} and {b} cannot be kept together: a pair needs one mentor and one protege.")]
    KeepNotMentorProtege { a: String, b: String },
    #[error("{mentor} is kept with more proteges than the {capacity} they can take.")]
    OverCapacity { mentor: String, capacity: u32 },
    #[error(
        "This programme pairs people in a way this version of Peercircle does not know. Open \
         it in the newest version to propose pairs, or choose how people are paired here."
    )]
    UnknownKind,
}

/// Proposes the best pairing for `problem` (see the module comment for what "best" means).
pub fn propose(problem: &Problem) -> Result<Proposal, PairingError> {
    if problem.kind == ProgrammeKind::Unknown {
        return Err(PairingError::UnknownKind);
    }
    let checked = check::validate(problem)?;
    let (groups, unpaired) = match problem.kind {
        ProgrammeKind::Peer { odd } => solve::peer(problem, &checked, odd),
        ProgrammeKind::MentorProtege { capacity } => {
            solve::mentor_protege(problem, &checked, capacity)
        }
        ProgrammeKind::Unknown => return Err(PairingError::UnknownKind),
    };
    let people = &problem.people;
    let mut pairs = Vec::with_capacity(groups.len());
    for g in groups {
        let mut score = 0i64;
        let mut reasons = Vec::new();
        for (x, &a) in g.members.iter().enumerate() {
            for &b in &g.members[x + 1..] {
                let f = fit(&people[a], &people[b], &problem.kind, &problem.weights);
                score = score.saturating_add(f.score);
                reasons.extend(f.reasons);
            }
        }
        let explanation = explain(&reasons, people, &problem.skills);
        let members = g.members.iter().map(|&i| people[i].id).collect();
        pairs.push(ProposedPair {
            members,
            score,
            reasons,
            explanation,
            locked: g.locked,
        });
    }
    let total_score = pairs.iter().fold(0i64, |t, p| t.saturating_add(p.score));
    let unpaired = unpaired.into_iter().map(|i| people[i].id).collect();
    Ok(Proposal {
        pairs,
        unpaired,
        total_score,
    })
}

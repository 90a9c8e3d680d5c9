//! One-to-one mentoring inside a programme: the skills inventory, the pairing settings, and
//! the pairs the facilitator confirmed (each with its peer mentoring contract).
//!
//! The pairing engine itself lives in [`super::pairing`]; this module is what is stored.
//! Follow-up plans and check-ins (see `followup`) refer to a confirmed pair by its id.

pub mod closure;
pub mod contract;
pub mod import;
pub mod inventory;
#[cfg(test)]
mod life_tests;
pub mod relationship;
pub mod review;
#[cfg(test)]
mod tests;

pub use closure::Waiting;
pub use closure::{ClosingTopic, Closure, ClosureReason, Ending, Rematch, REMATCH_AFTER_DAYS};
pub use contract::ContractField;
pub use inventory::Direction;
pub use relationship::{Life, LifeRules, NextStep, Stage};
pub use review::{Draft, DraftPair};

use super::pairing::{Objective, ProgrammeKind, Side, Skill, SkillLevel, Weights};
use super::{Date, Id};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A participant's entry in the skills inventory.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// The roster participant this profile belongs to.
    pub participant: Id,
    pub offers: Vec<SkillLevel>,
    pub wants: Vec<SkillLevel>,
    /// Weekdays the person is free, 0 = Monday … 6 = Sunday.
    pub availability: BTreeSet<u8>,
    /// Team or department label.
    pub team: String,
    pub side: Side,
    /// For a mentor, how many proteges they take; `None` uses the programme's capacity.
    pub capacity: Option<u32>,
}

/// The peer mentoring contract a confirmed pair writes together.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contract {
    /// Goals per member, in the order of [`MentoringPair::members`].
    pub goals: Vec<String>,
    /// How often and how they will meet.
    pub meetings: String,
    pub commitments: String,
    /// How they will check that contributions are equal and equitable.
    pub equity_check: String,
    pub review: Option<Date>,
}

/// A pair (or trio) the facilitator confirmed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MentoringPair {
    pub id: Id,
    /// Roster participant ids; in a mentor-protege programme the mentor comes first.
    pub members: Vec<Id>,
    pub confirmed: Option<Date>,
    /// The fit score and its explanation at the time of confirming.
    pub score: i64,
    pub explanation: String,
    pub contract: Contract,
    /// Set when the pair stops meeting (closed or declined); ended pairs are kept for the
    /// record.
    pub ended: Option<Date>,
    /// Its life from agreeing to closing. Pairs stored before this existed read as active.
    #[serde(default = "Life::legacy")]
    pub life: Life,
}

/// Everything about one-to-one mentoring in one programme. Added after format 1 with a
/// default, so earlier records read as "not started".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mentoring {
    /// The programme-wide skills catalogue.
    pub skills: Vec<Skill>,
    pub profiles: Vec<Profile>,
    pub kind: ProgrammeKind,
    pub weights: Weights,
    /// Pairs that must never be proposed.
    pub never: Vec<(Id, Id)>,
    pub must_differ_team: bool,
    pub objective: Objective,
    pub pairs: Vec<MentoringPair>,
    /// The proposal under review, kept across reloads until confirmed or discarded.
    pub draft: Option<Draft>,
    pub life_rules: LifeRules,
}

/// Most members a pair can have (a trio, when numbers are odd).
pub const MAX_MEMBERS: usize = 3;

impl Mentoring {
    /// Every id this part of the programme uses, so the workspace never hands one out twice.
    pub fn ids(&self) -> impl Iterator<Item = Id> + '_ {
        self.skills
            .iter()
            .map(|s| s.id)
            .chain(self.pairs.iter().map(|p| p.id))
    }

    /// Confirmed pairs that have not ended.
    pub fn active_pairs(&self) -> impl Iterator<Item = &MentoringPair> {
        self.pairs.iter().filter(|p| p.ended.is_none())
    }
}

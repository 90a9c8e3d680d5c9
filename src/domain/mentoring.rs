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

/// Why a change to mentoring was refused: the skills inventory, a proposal being reviewed, a
/// pair's steps, contract and ending. (Reading a skills file has its own
/// [`import::ImportError`].)
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MentoringError {
    #[error("That name is too long ({len} characters). Please keep it under {max}.")]
    LabelTooLong { len: usize, max: usize },
    #[error("“{0}” is already in the list. To join two skills into one, use Merge.")]
    SkillListed(String),
    #[error("The list already has {max} skills, the most it can hold.")]
    SkillListFull { max: usize },
    #[error("Please choose two different skills to merge.")]
    MergeIntoItself,
    #[error("Levels run from 1 to {max}.")]
    Level { max: u8 },
    #[error("There are only seven days.")]
    Day,
    #[error("That team name is too long ({len} characters). Please keep it under {max}.")]
    TeamTooLong { len: usize, max: usize },
    #[error("A mentor can take from 1 to 50 proteges.")]
    Capacity,
    #[error("Please choose at least one skill you can offer or want to develop.")]
    NoSkillChosen,
    #[error("Only pairs of two can be locked. Swap someone out of the trio first.")]
    LockTrio,
    #[error("Please choose two different people to swap.")]
    SwapWithSelf,
    #[error("{0} is in more than one pair. Swap the proteges instead.")]
    MentorInSeveralPairs(String),
    #[error("Neither of them is in a pair, so there is nothing to swap.")]
    NothingToSwap,
    #[error("They are already in the same pair.")]
    SamePair,
    #[error("{0} and {1} are not to be paired (a rule or a pair you broke up).")]
    NeverPaired(String, String),
    #[error("{0} and {1} are in the same team, and pairs must be from different teams.")]
    SameTeam(String, String),
    #[error(
        "Each pair needs one mentor and one protege. Swap a mentor with a mentor, or a protege \
         with a protege."
    )]
    OneMentorEach,
    #[error("There are no pairs to confirm. Please propose pairs first.")]
    NoPairsToConfirm,
    /// The proposal no longer fits the roster or the confirmed pairs: only a new proposal
    /// helps (this and the next three).
    #[error("One of them is not in this proposal. Please propose again to include them.")]
    NotInProposal,
    #[error("Someone in that pair is no longer on the roster. Please propose again.")]
    PairMemberGone,
    #[error("Someone in the proposal is no longer on the roster. Please propose again.")]
    ProposalMemberGone,
    #[error("Someone in the proposal is already in a confirmed pair. Please propose again.")]
    ProposalMemberPaired,
    #[error("The {what} ({on}) cannot be before the step recorded last ({latest}).")]
    BeforeLatestStep {
        what: &'static str,
        on: Date,
        latest: Date,
    },
    #[error("This pair is at “{stage}”, so {what} cannot be recorded now.")]
    WrongStage {
        stage: &'static str,
        what: &'static str,
    },
    #[error("The agreement ({on}) cannot be before the pair was confirmed ({confirmed}).")]
    AgreedBeforeConfirmed { on: Date, confirmed: Date },
    #[error(
        "There is no step to undo. To take back the match itself, choose “Undo this \
         confirmation”."
    )]
    NothingToUndo,
    #[error("Someone in this pair is already in a new pair, so this ending cannot be undone.")]
    EndingKept,
    #[error(
        "This pair has already started, so its confirmation cannot be undone. Choose “End this \
         relationship” instead."
    )]
    AlreadyStarted,
    #[error("Someone in this pair is already in a new pair, so it cannot be put back.")]
    CannotPutBack,
    #[error("Please choose the date the relationship ended.")]
    NoEndingDate,
    #[error("The ending ({on}) cannot be before the pair was confirmed ({confirmed}).")]
    EndsBeforeConfirmed { on: Date, confirmed: Date },
    #[error("A new-partner choice is for someone who is not in this pair.")]
    RematchOutsidePair,
    #[error("The earliest date for a new partner ({from}) cannot be before the ending ({on}).")]
    RematchBeforeEnding { from: Date, on: Date },
    #[error("A new partner is chosen when a relationship ends.")]
    NotEnded,
    #[error(
        "The review date is before the pair was confirmed ({confirmed}). Please choose a later \
         date."
    )]
    ReviewBeforeConfirmed { confirmed: Date },
}

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

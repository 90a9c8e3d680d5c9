//! Everything a facilitator can be told "no" about during a session, in plain words.
//! Each refusal leaves the session exactly as it was.

use super::phase::Phase;
use super::tables::table_label;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error(
        "That belongs to the {needed} step, and the session is at the {current} step. \
         Go to {needed} first."
    )]
    WrongPhase { needed: Phase, current: Phase },
    #[error("{}", super::phase::UNKNOWN_STEP)]
    UnknownStep,
    #[error("Please write something first.")]
    EmptyText,
    #[error("That text is too long ({len} characters). Please keep it under {max} characters.")]
    TooLong { len: usize, max: usize },
    #[error("No more than {0} guests can be counted in one session.")]
    TooManyGuests(u32),
    #[error("Pairs need at least two people present.")]
    TooFewPeople,
    #[error("That person is not marked as present.")]
    NotPresent,
    #[error("There is no Pair {0}.")]
    NoSuchPair(u32),
    #[error("There is no Table {}.", table_label(*.0))]
    NoSuchTable(u32),
    #[error("There is no item {0} on the flip chart.")]
    NoSuchItem(u32),
    #[error("That point no longer exists.")]
    NoSuchPoint,
    #[error(
        "Who sat in which pair was forgotten when the tables were formed, to protect \
         privacy. The pairs' answers are all kept."
    )]
    SeatingForgotten,
    #[error(
        "Who sat in which pair is not kept after the page is reloaded: Peercircle never \
         stores it, to protect privacy. The pairs and their answers are all here. To seat \
         people again, form the pairs again (possible while no pair has an answer)."
    )]
    SeatingNotKept,
    #[error(
        "{0} already have answers, and starting again would lose them. \
         Remove those answers first if you really mean to start again."
    )]
    AnswersRecorded(&'static str),
    #[error("Table {}'s answers are already on the flip chart.", table_label(*.0))]
    AlreadyOnChart(u32),
    #[error("Tables hold two or three pairs.")]
    BadTableSize,
    #[error("Only {0} people are here, so no more than {0} can agree.")]
    TooManyAgree(u32),
    #[error(
        "Some items have more people agreeing than the {0} who would be present. \
         Lower those counts first."
    )]
    CountsAbovePresent(u32),
    #[error(
        "Someone objected to sharing item {0}. \
         Clear the objection first if the group has changed its mind."
    )]
    Objected(u32),
    #[error(
        "A minority report can only be merged with another minority report, so it stays \
         visible as a minority view."
    )]
    MinorityMix,
    #[error("An item cannot be merged into itself.")]
    SameItem,
    #[error("Item {0} has other answers merged into it. Un-merge them first.")]
    HasMerged(u32),
    #[error("Item {from} is not merged into item {into}.")]
    NotMerged { into: u32, from: u32 },
    #[error("{0}")]
    NotReady(String),
    #[error("This is the first step; there is nothing before it.")]
    AtStart,
    #[error("The session is already closed.")]
    AtEnd,
    #[error("This session's saved record is damaged: {0}")]
    Damaged(String),
}

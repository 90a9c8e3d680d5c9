//! The model and every rule Peercircle follows, as plain data and pure functions.
//! Nothing here knows about the browser, Leptos or storage, so all of it is tested natively.

pub mod attendance;
pub mod buyin;
pub mod chair;
pub mod charter;
pub mod date;
pub mod disclosure;
pub mod fold;
pub mod followup;
pub mod group_life;
pub mod kiosk;
pub mod mentoring;
pub mod pairing;
pub mod private;
pub mod programme;
pub mod questions;
pub mod roster;
pub mod roster_list;
pub mod scale;
pub mod session;
pub mod sort;
pub mod testimony;
pub mod timer;
pub mod workspace;

pub use date::Date;

/// How a value this version has no name for (a kind, role or step a newer version added) is
/// written while it is held in memory. Every stored enum reads any value it does not know as
/// its `Unknown` variant, written as this marker; `persist::unknown` puts the stored value
/// back in its place on every save, so it survives this version untouched. The enums spell
/// it out in their serde attribute (an attribute cannot name a constant); a test checks each.
pub const UNKNOWN_VALUE: &str = "unknown_to_this_version";

/// Identifier of anything a facilitator creates. Unique within one device's data.
pub type Id = u64;

/// Longest text any single field accepts; longer input is refused with a message, never cut
/// silently. Generous enough for a page of notes.
pub const MAX_TEXT: usize = 20_000;

/// Errors a rule can raise, worded for the facilitator. The few kinds every area shares are
/// here; each area's own refusals are in its enum, carried whole so a caller can match on
/// them (`DomainError::Mentoring(MentoringError::SameTeam(..))`), and each says the same
/// sentence through this type as on its own.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("Please give {0} a name.")]
    EmptyName(&'static str),
    #[error("That text is too long ({len} characters). Please keep it under {max} characters.")]
    TooLong { len: usize, max: usize },
    #[error("That {0} no longer exists. It may have been deleted.")]
    NotFound(&'static str),
    #[error(
        "Peercircle is open in another tab, so this tab only shows your data. Choose “Use \
         Peercircle here” to make changes in this tab."
    )]
    ReadOnly,
    #[error(transparent)]
    Roster(#[from] roster::RosterError),
    #[error(transparent)]
    Group(#[from] group_life::GroupError),
    #[error(transparent)]
    Mentoring(#[from] mentoring::MentoringError),
    #[error(transparent)]
    Import(#[from] mentoring::import::ImportError),
    #[error(transparent)]
    Pairing(#[from] pairing::PairingError),
    #[error(transparent)]
    FollowUp(#[from] followup::FollowUpError),
    /// A sentence from outside the rules: the state layer refuses an edit in the words of
    /// storage (a record a newer version wrote, a store full at start), and a screen refuses
    /// in its own words what it checks before calling a rule (a paste with nothing new, a
    /// meeting already listed). The rules themselves never build one.
    #[error("{0}")]
    Invalid(String),
}

/// Trims a name, refusing an empty or over-long one.
pub fn clean_name(text: &str, what: &'static str) -> Result<String, DomainError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(DomainError::EmptyName(what));
    }
    check_length(trimmed)?;
    Ok(trimmed.to_string())
}

/// Refuses text longer than [`MAX_TEXT`] characters.
pub fn check_length(text: &str) -> Result<(), DomainError> {
    let len = text.chars().count();
    if len > MAX_TEXT {
        return Err(DomainError::TooLong { len, max: MAX_TEXT });
    }
    Ok(())
}

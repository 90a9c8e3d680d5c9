//! Regular check-ins per pair (Sweeny step 6): two ratings and a confidential note, at a
//! cadence the programme sets. The note never leaves the pair's record: health flags and
//! exports see only the ratings' reason categories.

use super::super::{check_length, Date, DomainError, Id};
use super::FollowUpError;
use serde::{Deserialize, Serialize};

/// A rating from 1 (poor) to 5 (very good). Anything else cannot be stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

impl Score {
    pub fn new(n: u8) -> Result<Score, DomainError> {
        if (1..=5).contains(&n) {
            Ok(Score(n))
        } else {
            Err(FollowUpError::Rating.into())
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl Default for Score {
    fn default() -> Self {
        Score(3)
    }
}

impl TryFrom<u8> for Score {
    type Error = FollowUpError;
    fn try_from(n: u8) -> Result<Score, FollowUpError> {
        if (1..=5).contains(&n) {
            Ok(Score(n))
        } else {
            Err(FollowUpError::Rating)
        }
    }
}

impl From<Score> for u8 {
    fn from(s: Score) -> u8 {
        s.0
    }
}

/// Who typed the check-in in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnteredBy {
    #[default]
    Facilitator,
    /// One of the partners, on the shared tablet.
    Partner,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckIn {
    pub id: Id,
    pub pair: Id,
    pub date: Option<Date>,
    /// "How is it going?"
    pub going: Score,
    /// "Are contributions equal and equitable?"
    pub equity: Score,
    /// "What could improve?" Confidential to the pair and the person who typed it.
    pub improve: String,
    pub by: EnteredBy,
    /// A concern about safety or wellbeing was raised (see `safety`).
    pub concern: bool,
}

impl CheckIn {
    pub fn validate(&self) -> Result<(), DomainError> {
        check_length(&self.improve)?;
        if self.date.is_none() {
            return Err(FollowUpError::NoCheckInDate.into());
        }
        Ok(())
    }

    /// The lower of the two ratings: what the health rules look at.
    pub fn lowest(&self) -> u8 {
        self.going.get().min(self.equity.get())
    }
}

/// Where a pair stands with its next check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DueState {
    /// More than a week away.
    Later,
    /// Due within the coming week, or up to a week late.
    DueNow,
    /// More than a week past the due date with no check-in.
    Missed,
}

/// The next check-in of one pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckInDue {
    pub pair: Id,
    pub due: Date,
    pub state: DueState,
}

/// Days of grace after a due date before a check-in counts as missed, and days ahead that
/// count as "this week".
pub const GRACE_DAYS: i32 = 7;

/// The next check-in: one cadence after the last check-in, or after the pair was confirmed;
/// a pair with neither is due today.
pub fn next_checkin(
    pair: Id,
    confirmed: Option<Date>,
    last: Option<Date>,
    cadence_weeks: u32,
    today: Date,
) -> CheckInDue {
    let weeks = i32::try_from(cadence_weeks.clamp(1, super::MAX_CADENCE_WEEKS)).unwrap_or(4);
    let due = match last.or(confirmed) {
        Some(from) => from.add_days(weeks * 7),
        None => today,
    };
    let state = if today > due.add_days(GRACE_DAYS) {
        DueState::Missed
    } else if today.add_days(GRACE_DAYS) > due {
        DueState::DueNow
    } else {
        DueState::Later
    };
    CheckInDue { pair, due, state }
}

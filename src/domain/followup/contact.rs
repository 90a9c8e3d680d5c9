//! The coordinator's contacts with each person of an active pair (MENTOR's Elements of
//! Effective Practice, monitoring and support): when, how, a short checklist, optional private
//! notes, and the cadence they are due at. The standard: within 2 days of the first meeting,
//! about twice in the first month, then monthly, and never less than every 3 months.

use super::super::mentoring::{LifeRules, MentoringPair, Stage};
use super::super::private::PrivateText;
use super::super::{Date, DomainError, Id};
use super::FollowUpError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactWay {
    #[default]
    InPerson,
    Phone,
    Message,
    AtMeeting,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl ContactWay {
    pub const ALL: [ContactWay; 4] = [
        ContactWay::InPerson,
        ContactWay::Phone,
        ContactWay::Message,
        ContactWay::AtMeeting,
    ];

    pub fn words(self) -> &'static str {
        match self {
            ContactWay::InPerson => "In person",
            ContactWay::Phone => "Phone",
            ContactWay::Message => "Message",
            ContactWay::AtMeeting => "At a meeting",
            ContactWay::Unknown => "A way this version does not know",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ContactWay::InPerson => "in_person",
            ContactWay::Phone => "phone",
            ContactWay::Message => "message",
            ContactWay::AtMeeting => "at_meeting",
            ContactWay::Unknown => crate::domain::UNKNOWN_VALUE,
        }
    }

    pub fn from_key(key: &str) -> Option<ContactWay> {
        ContactWay::ALL.into_iter().find(|w| w.key() == key)
    }
}

/// What the coordinator asked about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Asked {
    HowItIsGoing,
    SafetyAndWellbeing,
    ProgrammeHelp,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl Asked {
    pub const ALL: [Asked; 3] = [
        Asked::HowItIsGoing,
        Asked::SafetyAndWellbeing,
        Asked::ProgrammeHelp,
    ];

    pub fn words(self) -> &'static str {
        match self {
            Asked::HowItIsGoing => "How it is going",
            Asked::SafetyAndWellbeing => "Any concern about safety or wellbeing",
            Asked::ProgrammeHelp => "Anything the programme should do",
            Asked::Unknown => "Something this version does not know",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub id: Id,
    pub pair: Id,
    /// The people of the pair this contact was with (one, or both together).
    pub with: Vec<Id>,
    pub date: Option<Date>,
    pub how: ContactWay,
    pub asked: BTreeSet<Asked>,
    /// A concern about safety or wellbeing came up: the pair needs attention until the
    /// facilitator records what was done.
    pub concern: bool,
    pub notes: PrivateText,
}

impl Contact {
    pub fn validate(&self, pair: &MentoringPair) -> Result<(), DomainError> {
        if self.date.is_none() {
            return Err(FollowUpError::NoContactDate.into());
        }
        if self.with.is_empty() {
            return Err(FollowUpError::NoContactPerson.into());
        }
        if self.with.iter().any(|w| !pair.members.contains(w)) {
            return Err(FollowUpError::ContactOutsidePair.into());
        }
        Ok(())
    }
}

/// How often contacts are due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactCadence {
    /// Days from the first meeting to the first contact.
    pub first_within: u32,
    /// Contacts in the first month, the first one included (spread evenly over the month).
    pub first_month_times: u32,
    /// Days between contacts after that.
    pub then_every: u32,
}

impl ContactCadence {
    /// The field's standard.
    pub const STANDARD: ContactCadence = ContactCadence {
        first_within: 2,
        first_month_times: 2,
        then_every: 30,
    };

    pub fn validate(&self) -> Result<(), DomainError> {
        if !(1..=14).contains(&self.first_within) {
            return Err(FollowUpError::FirstContactWithin.into());
        }
        if !(1..=4).contains(&self.first_month_times) {
            return Err(FollowUpError::FirstMonthContacts.into());
        }
        if !(7..=LONGEST_GAP).contains(&self.then_every) {
            return Err(FollowUpError::ContactGap {
                longest: LONGEST_GAP,
            }
            .into());
        }
        Ok(())
    }
}

impl Default for ContactCadence {
    fn default() -> Self {
        ContactCadence::STANDARD
    }
}

/// Days counted as the first month after the first meeting.
pub const FIRST_MONTH: u32 = 30;
/// Never less often than every 3 months.
pub const LONGEST_GAP: u32 = 91;
/// Days ahead that count as "due soon".
pub const DUE_SOON_DAYS: i32 = 7;

/// When the next contact with one person of a pair is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContactDue {
    pub pair: Id,
    pub person: Id,
    pub due: Date,
    pub last: Option<Date>,
}

impl ContactDue {
    pub fn overdue(&self, today: Date) -> bool {
        today > self.due
    }

    /// Overdue, or due within a week.
    pub fn soon(&self, today: Date) -> bool {
        today.add_days(DUE_SOON_DAYS) >= self.due
    }
}

/// The next contact due with one person, from the first meeting and their contacts since
/// (earlier ones do not count). Returns the due date and the last contact.
pub fn next_contact(
    cadence: ContactCadence,
    first_meeting: Date,
    contacts: impl IntoIterator<Item = Date>,
) -> (Date, Option<Date>) {
    let since: Vec<Date> = contacts
        .into_iter()
        .filter(|d| *d >= first_meeting)
        .collect();
    let last = since.iter().copied().max();
    let days = |n: u32| i32::try_from(n.min(LONGEST_GAP)).unwrap_or(30);
    let first_month = cadence.first_month_times.clamp(1, 4);
    let due = match last {
        None => first_meeting.add_days(days(cadence.first_within.max(1))),
        Some(last) if since.len() < first_month as usize => {
            last.add_days(days(FIRST_MONTH / first_month))
        }
        Some(last) => last.add_days(days(cadence.then_every.max(1))),
    };
    (due, last)
}

/// Contacts due for each person of a pair that has had its first meeting and not ended.
pub fn contacts_due(
    pair: &MentoringPair,
    rules: LifeRules,
    cadence: ContactCadence,
    contacts: &[Contact],
) -> Vec<ContactDue> {
    if !matches!(
        pair.stage(rules),
        Stage::FirstMeeting | Stage::Active | Stage::Closing
    ) {
        return Vec::new();
    }
    // A pair from before statuses were kept has no first meeting on record: its schedule
    // starts with the first contact logged, so an upgrade does not flag every old pair.
    let logged = contacts
        .iter()
        .filter(|c| c.pair == pair.id)
        .filter_map(|c| c.date)
        .min();
    let Some(start) = pair.life.first_meeting.or(logged) else {
        return Vec::new();
    };
    pair.members
        .iter()
        .map(|&person| {
            let dates = contacts
                .iter()
                .filter(|c| c.pair == pair.id && c.with.contains(&person))
                .filter_map(|c| c.date);
            let (due, last) = next_contact(cadence, start, dates);
            ContactDue {
                pair: pair.id,
                person,
                due,
                last,
            }
        })
        .collect()
}

//! Ending a relationship well (MENTOR's Elements of Effective Practice, closure; "relationship
//! celebration and program exit" in the 5th edition): planned or early, a reason from a short
//! list, the closing conversation, and whether each person would like a new partner and from
//! when. The private words stay on this device (`PrivateText`).

use super::{Mentoring, MentoringError};
use crate::domain::private::PrivateText;
use crate::domain::{Date, DomainError, Id};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Days after the ending before someone who wants a new partner is proposed again.
pub const REMATCH_AFTER_DAYS: i32 = 14;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ending {
    /// It reached the end date the pair agreed.
    #[default]
    Planned,
    Early,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl Ending {
    pub const ALL: [Ending; 2] = [Ending::Planned, Ending::Early];

    pub fn words(self) -> &'static str {
        match self {
            Ending::Planned => "Planned: it reached its end date",
            Ending::Early => "Early: it ended before its end date",
            Ending::Unknown => "An ending this version does not know",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosureReason {
    #[default]
    GoalsMet,
    Schedule,
    MovedOn,
    Mismatch,
    LeftProgramme,
    Other,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl ClosureReason {
    pub const ALL: [ClosureReason; 6] = [
        ClosureReason::GoalsMet,
        ClosureReason::Schedule,
        ClosureReason::MovedOn,
        ClosureReason::Mismatch,
        ClosureReason::LeftProgramme,
        ClosureReason::Other,
    ];

    pub fn words(self) -> &'static str {
        match self {
            ClosureReason::GoalsMet => "They met their goals",
            ClosureReason::Schedule => "Their schedules no longer fit",
            ClosureReason::MovedOn => "One of them moved on (new job, new place)",
            ClosureReason::Mismatch => "It was not a good match",
            ClosureReason::LeftProgramme => "One of them left the programme",
            ClosureReason::Other => "Another reason",
            ClosureReason::Unknown => "A reason this version does not know",
        }
    }
}

/// The parts of a good closing conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosingTopic {
    WentWell,
    Learned,
    StayInTouch,
    ThankYou,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl ClosingTopic {
    pub const ALL: [ClosingTopic; 4] = [
        ClosingTopic::WentWell,
        ClosingTopic::Learned,
        ClosingTopic::StayInTouch,
        ClosingTopic::ThankYou,
    ];

    pub fn words(self) -> &'static str {
        match self {
            ClosingTopic::WentWell => "What went well",
            ClosingTopic::Learned => "What each of them learned",
            ClosingTopic::StayInTouch => "Whether and how they stay in touch after the programme",
            ClosingTopic::ThankYou => "A thank-you to each other",
            ClosingTopic::Unknown => "Something this version does not know",
        }
    }
}

/// Whether one person would like a new partner, and the earliest date to propose one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rematch {
    pub person: Id,
    pub wants: bool,
    pub from: Date,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Closure {
    pub on: Option<Date>,
    pub ending: Ending,
    pub reason: ClosureReason,
    /// Optional, private: never shown on the programme view, never in a shared file.
    pub words: PrivateText,
    pub talked: BTreeSet<ClosingTopic>,
    pub rematch: Vec<Rematch>,
}

impl Closure {
    /// A closure dated `on` for these members, each wanting a new partner two weeks later.
    pub fn new(on: Date, members: &[Id]) -> Closure {
        Closure {
            on: Some(on),
            rematch: members
                .iter()
                .map(|&person| Rematch {
                    person,
                    wants: true,
                    from: on.add_days(REMATCH_AFTER_DAYS),
                })
                .collect(),
            ..Closure::default()
        }
    }

    /// Checks a closure against the pair it ends.
    pub fn validate(&self, members: &[Id], started: Option<Date>) -> Result<(), DomainError> {
        let on = self.on.ok_or(MentoringError::NoEndingDate)?;
        if let Some(start) = started.filter(|s| on < *s) {
            return Err(MentoringError::EndsBeforeConfirmed {
                on,
                confirmed: start,
            }
            .into());
        }
        for r in &self.rematch {
            if !members.contains(&r.person) {
                return Err(MentoringError::RematchOutsidePair.into());
            }
            if r.wants && r.from < on {
                return Err(MentoringError::RematchBeforeEnding { from: r.from, on }.into());
            }
        }
        Ok(())
    }

    /// This person's choice, if recorded.
    pub fn rematch_of(&self, person: Id) -> Option<&Rematch> {
        self.rematch.iter().find(|r| r.person == person)
    }

    /// Planned endings deserve a celebration.
    pub fn celebrate(&self) -> bool {
        self.ending == Ending::Planned
    }
}

impl Mentoring {
    /// The day this person can next be proposed a partner, if they are waiting for one.
    /// `None` means they are in the pool now (or are in an open pair: see `in_active_pair`).
    /// A person who asked for no new partner waits until the facilitator changes that.
    pub fn waiting(&self, person: Id, today: Date) -> Option<Waiting> {
        let latest = self
            .pairs
            .iter()
            .filter(|p| p.members.contains(&person))
            .filter_map(|p| p.life.closure.as_ref())
            .filter_map(|c| Some((c.on?, c.rematch_of(person)?)))
            .max_by_key(|(on, _)| *on)?;
        let (_, rematch) = latest;
        if !rematch.wants {
            Some(Waiting::NoNewPartner)
        } else if rematch.from > today {
            Some(Waiting::Until(rematch.from))
        } else {
            None
        }
    }

    /// Whether the next pairing may propose this person.
    pub fn in_pool(&self, person: Id, today: Date) -> bool {
        !self.in_active_pair(person) && self.waiting(person, today).is_none()
    }

    /// Changes whether a person of an ended pair wants a new partner, and from when.
    pub fn set_rematch(
        &mut self,
        pair: Id,
        person: Id,
        wants: bool,
        from: Date,
    ) -> Result<(), DomainError> {
        let x = self.pair_mut(pair)?;
        let members = x.members.clone();
        let confirmed = x.confirmed;
        let closure = x.life.closure.as_mut().ok_or(MentoringError::NotEnded)?;
        let mut changed = closure.clone();
        match changed.rematch.iter_mut().find(|r| r.person == person) {
            Some(r) => {
                r.wants = wants;
                r.from = from;
            }
            None => changed.rematch.push(Rematch {
                person,
                wants,
                from,
            }),
        }
        changed.validate(&members, confirmed)?;
        *closure = changed;
        Ok(())
    }
}

/// Why someone is not in the pairing pool although their pair ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waiting {
    Until(Date),
    NoNewPartner,
}

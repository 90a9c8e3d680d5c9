//! The rotating chair (Proctor's "rotating leadership"): a fair roster of who chairs each
//! meeting, swaps that are logged, and who chairs next. Fair means: turns are spread as evenly
//! as absences allow, nobody chairs twice in a row when that can be avoided, and nobody is
//! put down to chair a meeting they said they would miss.

mod plan;

pub use plan::plan_chairs;

use super::group_life::GroupError;
use super::programme::Programme;
use super::{DomainError, Id};
use crate::domain::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Longest roster made in one go: about four years of weekly meetings.
pub const MAX_MEETINGS: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    pub date: Date,
    /// `None` when every member said they would be away.
    pub chair: Option<Id>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Away {
    pub person: Id,
    pub date: Date,
}

/// A swap as it happened: on `logged`, the chairs of two meetings changed places.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwapRecord {
    pub logged: Date,
    pub first: Date,
    pub second: Date,
    /// Who chaired `first` before the swap (and now chairs `second`).
    pub first_chair: Id,
    pub second_chair: Id,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChairRota {
    /// The group's meeting dates, in order.
    pub dates: Vec<Date>,
    pub turns: Vec<Turn>,
    pub away: Vec<Away>,
    pub swaps: Vec<SwapRecord>,
}

impl ChairRota {
    fn away_set(&self) -> BTreeSet<(Id, Date)> {
        self.away.iter().map(|a| (a.person, a.date)).collect()
    }

    pub fn is_away(&self, person: Id, date: Date) -> bool {
        self.away
            .iter()
            .any(|a| a.person == person && a.date == date)
    }

    /// Draws up the roster for these members over the meeting dates.
    pub fn make(&mut self, members: &[Id]) {
        let chairs = plan_chairs(members, &self.dates, &self.away_set());
        self.turns = self
            .dates
            .iter()
            .zip(chairs)
            .map(|(date, chair)| Turn { date: *date, chair })
            .collect();
    }

    /// True when dates, members or absences changed since the roster was drawn up.
    pub fn needs_remaking(&self, members: &[Id]) -> bool {
        let dates: Vec<Date> = self.turns.iter().map(|t| t.date).collect();
        dates != self.dates
            || self.turns.iter().any(|t| {
                t.chair
                    .is_some_and(|c| !members.contains(&c) || self.is_away(c, t.date))
            })
    }

    /// The first meeting on or after `today` that has a chair.
    pub fn next_turn(&self, today: Date) -> Option<Turn> {
        self.turns
            .iter()
            .find(|t| t.date >= today && t.chair.is_some())
            .copied()
    }

    pub fn turns_of(&self, person: Id) -> usize {
        self.turns
            .iter()
            .filter(|t| t.chair == Some(person))
            .count()
    }

    /// Swaps the chairs of two meetings and logs it. Refused (with the reason) when either
    /// meeting has no chair, both have the same chair, or someone would chair while away.
    pub fn swap(&mut self, first: Date, second: Date, logged: Date) -> Result<(), DomainError> {
        let find = |d: Date| self.turns.iter().position(|t| t.date == d);
        let (Some(i), Some(j)) = (find(first), find(second)) else {
            return Err(DomainError::NotFound("meeting"));
        };
        let (Some(a), Some(b)) = (self.turns[i].chair, self.turns[j].chair) else {
            return Err(GroupError::SwapWithoutChair.into());
        };
        if i == j || a == b {
            return Err(GroupError::SwapSameChair.into());
        }
        if self.is_away(a, second) || self.is_away(b, first) {
            return Err(GroupError::SwapOntoAway.into());
        }
        self.turns[i].chair = Some(b);
        self.turns[j].chair = Some(a);
        self.swaps.push(SwapRecord {
            logged,
            first,
            second,
            first_chair: a,
            second_chair: b,
        });
        Ok(())
    }
}

impl Programme {
    fn rota_mut(&mut self, group: Id) -> Result<&mut ChairRota, DomainError> {
        Ok(&mut self.charter_mut(group)?.rota)
    }

    /// Sets the meeting dates: `count` meetings from `first`, every `every_days` days.
    pub fn schedule_meetings(
        &mut self,
        group: Id,
        first: Date,
        every_days: i32,
        count: usize,
    ) -> Result<(), DomainError> {
        if !(1..=366).contains(&every_days) {
            return Err(GroupError::NoMeetingInterval.into());
        }
        if count == 0 || count > MAX_MEETINGS {
            return Err(GroupError::MeetingCount { max: MAX_MEETINGS }.into());
        }
        let step = every_days;
        let dates = (0..count as i32)
            .map(|n| first.add_days(n * step))
            .collect();
        self.rota_mut(group)?.dates = dates;
        Ok(())
    }

    pub fn set_away(
        &mut self,
        group: Id,
        person: Id,
        date: Date,
        away: bool,
    ) -> Result<(), DomainError> {
        self.participant(person)
            .ok_or(DomainError::NotFound("person"))?;
        let rota = self.rota_mut(group)?;
        rota.away
            .retain(|a| !(a.person == person && a.date == date));
        if away {
            rota.away.push(Away { person, date });
            crate::domain::sort::sort(&mut rota.away);
        }
        Ok(())
    }

    pub fn make_chair_rota(&mut self, group: Id) -> Result<(), DomainError> {
        let members: Vec<Id> = self.members_of(group).iter().map(|m| m.id).collect();
        if members.is_empty() {
            return Err(GroupError::NoMembers.into());
        }
        let rota = self.rota_mut(group)?;
        if rota.dates.is_empty() {
            return Err(GroupError::NoMeetingDates.into());
        }
        rota.make(&members);
        Ok(())
    }

    pub fn swap_chairs(
        &mut self,
        group: Id,
        first: Date,
        second: Date,
        logged: Date,
    ) -> Result<(), DomainError> {
        self.rota_mut(group)?.swap(first, second, logged)
    }
}

#[cfg(test)]
mod tests;

//! Commitment at a glance: who came to each meeting of a group, each member's attendance
//! rate and how many meetings in a row they have missed. Only presence is kept, per person
//! and date; nothing about who sat with whom.

use super::programme::Programme;
use super::{DomainError, Id};
use crate::domain::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub group: Id,
    pub date: Date,
    #[serde(default)]
    pub present: Vec<Id>,
}

/// One member's figures over the group's recorded meetings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemberAttendance {
    pub person: Id,
    pub attended: usize,
    pub meetings: usize,
    pub missed_in_a_row: usize,
}

impl MemberAttendance {
    /// Whole-number percentage, or `None` before the first meeting.
    pub fn rate_percent(&self) -> Option<u32> {
        (self.meetings > 0)
            .then(|| ((self.attended as f64 / self.meetings as f64) * 100.0).round() as u32)
    }

    pub fn rate_text(&self) -> String {
        match self.rate_percent() {
            Some(r) => format!("{r}% ({} of {})", self.attended, self.meetings),
            None => "No meetings yet".to_string(),
        }
    }
}

impl Programme {
    /// Replaces the group's attendance for that date, creating the meeting if it is new.
    /// Everyone listed must be on the roster; listing someone twice counts once.
    pub fn record_attendance(
        &mut self,
        group: Id,
        date: Date,
        present: &[Id],
    ) -> Result<(), DomainError> {
        if self.group(group).is_none() {
            return Err(DomainError::NotFound("group"));
        }
        if present.iter().any(|p| self.participant(*p).is_none()) {
            return Err(DomainError::NotFound("person"));
        }
        let mut present = present.to_vec();
        crate::domain::sort::sort(&mut present);
        present.dedup();
        match self
            .meetings
            .iter_mut()
            .find(|m| m.group == group && m.date == date)
        {
            Some(m) => m.present = present,
            None => {
                self.meetings.push(Meeting {
                    group,
                    date,
                    present,
                });
                crate::domain::sort::sort_by_key(&mut self.meetings, |m| (m.group, m.date));
            }
        }
        Ok(())
    }

    /// Marks one person present or absent at a recorded meeting (a tick in the grid).
    pub fn set_present(
        &mut self,
        group: Id,
        date: Date,
        person: Id,
        here: bool,
    ) -> Result<(), DomainError> {
        let mut present = self
            .meeting(group, date)
            .map(|m| m.present.clone())
            .unwrap_or_default();
        present.retain(|p| *p != person);
        if here {
            present.push(person);
        }
        self.record_attendance(group, date, &present)
    }

    pub fn remove_meeting(&mut self, group: Id, date: Date) -> Result<Meeting, DomainError> {
        let at = self
            .meetings
            .iter()
            .position(|m| m.group == group && m.date == date)
            .ok_or(DomainError::NotFound("meeting"))?;
        Ok(self.meetings.remove(at))
    }

    pub fn meeting(&self, group: Id, date: Date) -> Option<&Meeting> {
        self.meetings
            .iter()
            .find(|m| m.group == group && m.date == date)
    }

    /// The group's recorded meetings, oldest first.
    pub fn meetings_of(&self, group: Id) -> Vec<&Meeting> {
        let mut list: Vec<&Meeting> = self.meetings.iter().filter(|m| m.group == group).collect();
        crate::domain::sort::sort_by_key(&mut list, |m| m.date);
        list
    }

    /// Figures for each current member over every recorded meeting of the group.
    pub fn attendance_figures(&self, group: Id) -> Vec<MemberAttendance> {
        let meetings = self.meetings_of(group);
        self.members_of(group)
            .iter()
            .map(|member| {
                let came = |m: &Meeting| m.present.contains(&member.id);
                MemberAttendance {
                    person: member.id,
                    attended: meetings.iter().filter(|m| came(m)).count(),
                    meetings: meetings.len(),
                    missed_in_a_row: meetings.iter().rev().take_while(|m| !came(m)).count(),
                }
            })
            .collect()
    }

    pub fn attendance_of(&self, group: Id, person: Id) -> Option<MemberAttendance> {
        self.attendance_figures(group)
            .into_iter()
            .find(|a| a.person == person)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::GroupKind;
    use crate::domain::roster::Role;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn group_of_three() -> Programme {
        let mut p = Programme::new(1, "P").unwrap();
        p.add_group(2, "Peers", GroupKind::Peer).unwrap();
        for id in [10, 11, 12] {
            p.add_participant(id, "x", Role::Peer).unwrap();
            p.set_membership(id, 2, true).unwrap();
        }
        p
    }

    #[test]
    fn rates_and_missed_in_a_row_come_from_the_meetings() {
        let mut p = group_of_three();
        assert_eq!(
            p.attendance_of(2, 10).unwrap().rate_text(),
            "No meetings yet"
        );
        // Recorded out of order on purpose: figures follow the dates.
        p.record_attendance(2, d("2027-01-19"), &[10]).unwrap();
        p.record_attendance(2, d("2027-01-05"), &[10, 11, 11])
            .unwrap();
        p.record_attendance(2, d("2027-01-12"), &[10, 12]).unwrap();
        let a = p.attendance_of(2, 10).unwrap();
        assert_eq!((a.attended, a.meetings, a.missed_in_a_row), (3, 3, 0));
        assert_eq!(a.rate_text(), "100% (3 of 3)");
        let b = p.attendance_of(2, 11).unwrap();
        assert_eq!((b.attended, b.missed_in_a_row), (1, 2));
        assert_eq!(b.rate_percent(), Some(33));
        let c = p.attendance_of(2, 12).unwrap();
        assert_eq!(c.missed_in_a_row, 1);
        assert_eq!(p.meeting(2, d("2027-01-05")).unwrap().present, vec![10, 11]);
    }

    #[test]
    fn recording_a_date_again_replaces_it_and_ticks_toggle() {
        let mut p = group_of_three();
        p.record_attendance(2, d("2027-01-05"), &[10, 11]).unwrap();
        p.record_attendance(2, d("2027-01-05"), &[12]).unwrap();
        assert_eq!(p.meetings_of(2).len(), 1);
        assert_eq!(p.meeting(2, d("2027-01-05")).unwrap().present, vec![12]);
        p.set_present(2, d("2027-01-05"), 10, true).unwrap();
        p.set_present(2, d("2027-01-05"), 12, false).unwrap();
        assert_eq!(p.meeting(2, d("2027-01-05")).unwrap().present, vec![10]);
        p.remove_meeting(2, d("2027-01-05")).unwrap();
        assert!(p.meetings_of(2).is_empty());
    }

    #[test]
    fn unknown_groups_and_people_are_refused_without_change() {
        let mut p = group_of_three();
        assert_eq!(
            p.record_attendance(9, d("2027-01-05"), &[10]),
            Err(DomainError::NotFound("group"))
        );
        assert_eq!(
            p.record_attendance(2, d("2027-01-05"), &[10, 99]),
            Err(DomainError::NotFound("person"))
        );
        assert!(p.meetings.is_empty());
    }
}

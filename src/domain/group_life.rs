//! A peer support group's comings and goings: a member leaving (planned, with a goodbye, or
//! not) and the group itself ending, each with the prompts a facilitator works through and
//! optional private notes. The notes are `PrivateText`: they stay on this device, are never
//! shown outside this group's page and never reach a shared file (the share code never reads
//! `group_life`; a test reads its sources to make sure).

use super::private::PrivateText;
use super::programme::Programme;
use super::{Date, DomainError, Id};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Leaving {
    /// They told the group, and can say goodbye at a meeting.
    #[default]
    Planned,
    /// They stopped coming, or had to leave without a goodbye.
    Unplanned,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl Leaving {
    pub const ALL: [Leaving; 2] = [Leaving::Planned, Leaving::Unplanned];

    pub fn words(self) -> &'static str {
        match self {
            Leaving::Planned => "Planned: they told the group and can say goodbye",
            Leaving::Unplanned => "Not planned: they left without a goodbye",
            Leaving::Unknown => "A kind of leaving this version does not know",
        }
    }

    /// The goodbye prompts that fit this kind of leaving.
    pub fn prompts(self) -> &'static [GoodbyePrompt] {
        match self {
            Leaving::Planned => &[
                GoodbyePrompt::TheirWords,
                GoodbyePrompt::Appreciations,
                GoodbyePrompt::TakeAway,
                GoodbyePrompt::StayInTouch,
                GoodbyePrompt::CarryOn,
            ],
            Leaving::Unplanned => &[
                GoodbyePrompt::TellTheGroup,
                GoodbyePrompt::Feelings,
                GoodbyePrompt::Message,
                GoodbyePrompt::CarryOn,
            ],
            // Every prompt that fits either kind: none is hidden for a kind not known here.
            Leaving::Unknown => &[
                GoodbyePrompt::TheirWords,
                GoodbyePrompt::Appreciations,
                GoodbyePrompt::TakeAway,
                GoodbyePrompt::StayInTouch,
                GoodbyePrompt::TellTheGroup,
                GoodbyePrompt::Feelings,
                GoodbyePrompt::Message,
                GoodbyePrompt::CarryOn,
            ],
        }
    }
}

/// What a group can do when a member leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoodbyePrompt {
    TheirWords,
    Appreciations,
    TakeAway,
    StayInTouch,
    TellTheGroup,
    Feelings,
    Message,
    CarryOn,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl GoodbyePrompt {
    pub fn words(self) -> &'static str {
        match self {
            GoodbyePrompt::TheirWords => "They had time to say what the group has meant to them",
            GoodbyePrompt::Appreciations => {
                "Each member said one thing they appreciated about them"
            }
            GoodbyePrompt::TakeAway => "They said what they are taking with them",
            GoodbyePrompt::StayInTouch => "Whether and how they would like to stay in touch",
            GoodbyePrompt::TellTheGroup => {
                "The group was told they have left (only what they were happy to share)"
            }
            GoodbyePrompt::Feelings => "The group had a moment to say how they feel about it",
            GoodbyePrompt::Message => "The group decided whether to send them a message or a card",
            GoodbyePrompt::CarryOn => "How the group carries on: seats, roles, the chair's rota",
            GoodbyePrompt::Unknown => "Something this version does not know",
        }
    }
}

/// A member leaving the group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Departure {
    pub person: Id,
    pub on: Option<Date>,
    pub leaving: Leaving,
    pub talked: BTreeSet<GoodbyePrompt>,
    /// Optional, private: never in a shared file.
    pub words: PrivateText,
}

/// The prompts for a group's last meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosingPrompt {
    LookBack,
    TakeAway,
    Appreciations,
    Unfinished,
    SupportNext,
    StayInTouch,
    Celebrate,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl ClosingPrompt {
    pub const ALL: [ClosingPrompt; 7] = [
        ClosingPrompt::LookBack,
        ClosingPrompt::TakeAway,
        ClosingPrompt::Appreciations,
        ClosingPrompt::Unfinished,
        ClosingPrompt::SupportNext,
        ClosingPrompt::StayInTouch,
        ClosingPrompt::Celebrate,
    ];

    pub fn words(self) -> &'static str {
        match self {
            ClosingPrompt::LookBack => {
                "Looking back: what the group set out to do, and what it did"
            }
            ClosingPrompt::TakeAway => "What each member is taking away",
            ClosingPrompt::Appreciations => "Thank-yous: each member appreciated someone",
            ClosingPrompt::Unfinished => "Anything left unsaid or unfinished",
            ClosingPrompt::SupportNext => "Where members can find support from now on",
            ClosingPrompt::StayInTouch => "Whether and how members stay in touch",
            ClosingPrompt::Celebrate => "Marking the end together: a celebration or a ritual",
            ClosingPrompt::Unknown => "Something this version does not know",
        }
    }
}

/// The group's ending.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroupEnding {
    pub on: Option<Date>,
    pub talked: BTreeSet<ClosingPrompt>,
    /// Optional, private: never in a shared file.
    pub words: PrivateText,
}

/// One group's leavings and ending, stored in the programme record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroupLife {
    pub group: Id,
    /// Oldest first.
    pub departures: Vec<Departure>,
    pub ending: Option<GroupEnding>,
}

/// Why a change to a group's forming and life was refused: its charter stages, its chair
/// rota, awareness notes, members leaving and the group ending.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GroupError {
    #[error("Write at least one part of the working agreement first.")]
    EmptyWorkingAgreement,
    #[error("Tick at least one member first.")]
    NoMembersTicked,
    #[error("Write down what the group decided first.")]
    NothingDecided,
    #[error("Both meetings need a chair before they can swap.")]
    SwapWithoutChair,
    #[error("Pick two meetings with different chairs to swap.")]
    SwapSameChair,
    #[error("That swap would put someone in the chair on a day they will be away.")]
    SwapOntoAway,
    #[error("Choose how often the group meets.")]
    NoMeetingInterval,
    #[error("Choose between 1 and {max} meetings.")]
    MeetingCount { max: usize },
    #[error("Add members to the group first (stage 4).")]
    NoMembers,
    #[error("Set the meeting dates first.")]
    NoMeetingDates,
    #[error("Please write the feedback, question or concern first.")]
    EmptyAwarenessNote,
    #[error("Please choose the date they left.")]
    NoLeavingDate,
    #[error("The group ended on {0}: nobody can leave it after that.")]
    LeftAfterEnding(Date),
    #[error("They are not a member of this group.")]
    NotAMember,
    #[error("One of the ticked goodbye prompts is for the other kind of leaving.")]
    PromptForOtherLeaving,
    #[error("The group has ended. Reopen the group first to change who left it.")]
    EndedAlready,
    #[error("Please choose the date the group ended.")]
    NoEndingDate,
    #[error("This group has already ended.")]
    AlreadyEnded,
    #[error("This group has not ended.")]
    NotEnded,
    #[error("The ending ({on}) cannot be before the last member left ({last}).")]
    EndsBeforeLastLeft { on: Date, last: Date },
}

impl Programme {
    pub fn group_life(&self, group: Id) -> Option<&GroupLife> {
        self.group_life.iter().find(|l| l.group == group)
    }

    fn group_life_mut(&mut self, group: Id) -> Result<&mut GroupLife, DomainError> {
        if self.group(group).is_none() {
            return Err(DomainError::NotFound("group"));
        }
        if let Some(at) = self.group_life.iter().position(|l| l.group == group) {
            return Ok(&mut self.group_life[at]);
        }
        self.group_life.push(GroupLife {
            group,
            ..GroupLife::default()
        });
        let last = self.group_life.len() - 1;
        Ok(&mut self.group_life[last])
    }

    /// The group's ending, if it has ended.
    pub fn group_ending(&self, group: Id) -> Option<&GroupEnding> {
        self.group_life(group).and_then(|l| l.ending.as_ref())
    }

    /// Everyone who has left the group, oldest first.
    pub fn departures(&self, group: Id) -> &[Departure] {
        self.group_life(group)
            .map_or(&[], |l| l.departures.as_slice())
    }

    /// Records that a member left: they come off the group's member list (so they are no
    /// longer marked at meetings), and the leaving is kept on the group's page.
    pub fn record_departure(&mut self, group: Id, departure: Departure) -> Result<(), DomainError> {
        if departure.on.is_none() {
            return Err(GroupError::NoLeavingDate.into());
        }
        if let Some(end) = self.group_ending(group).and_then(|e| e.on) {
            return Err(GroupError::LeftAfterEnding(end).into());
        }
        let member = self
            .participant(departure.person)
            .ok_or(DomainError::NotFound("person"))?
            .groups
            .contains(&group);
        if !member {
            return Err(GroupError::NotAMember.into());
        }
        let fits = departure.leaving.prompts();
        if departure.talked.iter().any(|t| !fits.contains(t)) {
            return Err(GroupError::PromptForOtherLeaving.into());
        }
        self.set_membership(departure.person, group, false)?;
        self.group_life_mut(group)?.departures.push(departure);
        Ok(())
    }

    /// Checks what a stored or imported record must satisfy.
    pub(super) fn check_group_life(&self) -> Result<(), super::programme::RecordError> {
        for life in &self.group_life {
            let words = life
                .departures
                .iter()
                .map(|d| &d.words)
                .chain(life.ending.iter().map(|e| &e.words));
            for w in words {
                super::check_length(w.on_this_device())?;
            }
        }
        Ok(())
    }

    /// Takes back the latest leaving of this person (recorded by mistake): they are a member
    /// again. Returns what was recorded, so it can be put back.
    pub fn undo_departure(&mut self, group: Id, person: Id) -> Result<Departure, DomainError> {
        if self.group_ending(group).is_some() {
            return Err(GroupError::EndedAlready.into());
        }
        self.participant(person)
            .ok_or(DomainError::NotFound("person"))?;
        let life = self.group_life_mut(group)?;
        let at = life
            .departures
            .iter()
            .rposition(|d| d.person == person)
            .ok_or(DomainError::NotFound("leaving"))?;
        let departure = life.departures.remove(at);
        self.set_membership(person, group, true)?;
        Ok(departure)
    }

    /// Records that the group has ended: it is archived (no new sessions), and its ending is
    /// kept on its page.
    pub fn end_group(&mut self, group: Id, ending: GroupEnding) -> Result<(), DomainError> {
        let on = ending.on.ok_or(GroupError::NoEndingDate)?;
        if self.group_ending(group).is_some() {
            return Err(GroupError::AlreadyEnded.into());
        }
        if let Some(last) = self.departures(group).iter().filter_map(|d| d.on).max() {
            if on < last {
                return Err(GroupError::EndsBeforeLastLeft { on, last }.into());
            }
        }
        self.set_group_archived(group, true)?;
        self.group_life_mut(group)?.ending = Some(ending);
        Ok(())
    }

    /// Takes back the ending (recorded by mistake, or the group carries on): the group is
    /// active again. Returns what was recorded.
    pub fn reopen_group(&mut self, group: Id) -> Result<GroupEnding, DomainError> {
        let life = self.group_life_mut(group)?;
        let ending = life.ending.take().ok_or(GroupError::NotEnded)?;
        self.set_group_archived(group, false)?;
        Ok(ending)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::GroupKind;
    use crate::domain::roster::Role;

    fn day(n: i32) -> Date {
        Date::from_ymd(2026, 10, 1).unwrap().add_days(n)
    }

    /// A group (2) with three members (10, 11, 12) and 13 on the roster but not in it.
    fn programme() -> Programme {
        let mut p = Programme::new(1, "P").unwrap();
        p.add_group(2, "Circle", GroupKind::Peer).unwrap();
        for (id, name) in [(10, "Ana"), (11, "Ben"), (12, "Cleo"), (13, "Dev")] {
            p.add_participant(id, name, Role::Peer).unwrap();
            if id != 13 {
                p.set_membership(id, 2, true).unwrap();
            }
        }
        p
    }

    fn leaving(person: Id, on: i32, kind: Leaving) -> Departure {
        Departure {
            person,
            on: Some(day(on)),
            leaving: kind,
            ..Departure::default()
        }
    }

    fn members(p: &Programme) -> Vec<Id> {
        p.members_of(2).iter().map(|m| m.id).collect()
    }

    #[test]
    fn a_member_leaving_comes_off_the_member_list_and_stays_on_record() {
        let mut p = programme();
        let mut d = leaving(11, 3, Leaving::Planned);
        d.talked.insert(GoodbyePrompt::Appreciations);
        d.words = PrivateText::new("moving to Leeds").unwrap();
        p.record_departure(2, d).unwrap();
        assert_eq!(members(&p), vec![10, 12]);
        assert_eq!(p.departures(2).len(), 1);
        assert_eq!(p.departures(2)[0].words.on_this_device(), "moving to Leeds");
        // Taken back: a member again, and the record gone.
        let back = p.undo_departure(2, 11).unwrap();
        assert_eq!(back.person, 11);
        assert_eq!(members(&p), vec![10, 11, 12]);
        assert!(p.departures(2).is_empty());
    }

    #[test]
    fn leaving_needs_a_date_a_member_and_prompts_of_its_kind() {
        let mut p = programme();
        let mut no_date = leaving(10, 0, Leaving::Planned);
        no_date.on = None;
        assert!(p.record_departure(2, no_date).is_err());
        assert!(p
            .record_departure(2, leaving(13, 0, Leaving::Planned))
            .is_err());
        assert_eq!(
            p.record_departure(2, leaving(99, 0, Leaving::Planned)),
            Err(DomainError::NotFound("person"))
        );
        assert_eq!(
            p.record_departure(7, leaving(10, 0, Leaving::Planned)),
            Err(DomainError::Group(GroupError::NotAMember)),
        );
        let mut mixed = leaving(10, 0, Leaving::Unplanned);
        mixed.talked.insert(GoodbyePrompt::TheirWords);
        assert!(p.record_departure(2, mixed).is_err());
        assert_eq!(members(&p), vec![10, 11, 12], "nothing changed");
        assert!(p.group_life.is_empty(), "no empty record left behind");
        for kind in Leaving::ALL {
            assert!(kind.prompts().contains(&GoodbyePrompt::CarryOn));
        }
    }

    #[test]
    fn the_group_ending_archives_it_and_reopening_brings_it_back() {
        let mut p = programme();
        p.record_departure(2, leaving(12, 10, Leaving::Unplanned))
            .unwrap();
        let ending = |on: i32| GroupEnding {
            on: Some(day(on)),
            talked: [ClosingPrompt::LookBack, ClosingPrompt::Celebrate].into(),
            words: PrivateText::new("a lovely last evening").unwrap(),
        };
        assert!(
            p.end_group(2, ending(5)).is_err(),
            "not before the last member left"
        );
        assert!(
            p.end_group(2, GroupEnding::default()).is_err(),
            "needs a date"
        );
        p.end_group(2, ending(20)).unwrap();
        assert!(p.group(2).unwrap().archived);
        assert!(p.end_group(2, ending(21)).is_err(), "ends once");
        assert!(p
            .record_departure(2, leaving(10, 21, Leaving::Planned))
            .is_err());
        assert!(
            p.undo_departure(2, 12).is_err(),
            "history is fixed once ended"
        );
        let e = p.reopen_group(2).unwrap();
        assert_eq!(e.on, Some(day(20)));
        assert!(!p.group(2).unwrap().archived);
        assert!(p.reopen_group(2).is_err());
        assert!(p.group_ending(2).is_none());
    }

    #[test]
    fn private_notes_hide_from_debug_output() {
        let mut p = programme();
        let mut d = leaving(10, 1, Leaving::Planned);
        d.words = PrivateText::new("health worries").unwrap();
        p.record_departure(2, d).unwrap();
        assert!(!format!("{:?}", p.group_life).contains("health"));
    }
}

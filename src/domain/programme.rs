//! A programme and its groups: the first thing a facilitator sets up.
//! Sweeny's mentor and protege groups meet separately; in a peer group everyone is both.

use super::{check_length, clean_name, DomainError, Id};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// Mentors meet together and talk only about their own experience.
    MentorSupport,
    /// Proteges meet together, separately from their mentors.
    ProtegeSupport,
    /// Everyone is both mentor and mentee (group mentoring).
    #[default]
    Peer,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl GroupKind {
    /// The role the members of a group of this kind have.
    pub fn member_role(self) -> super::roster::Role {
        use super::roster::Role;
        match self {
            GroupKind::MentorSupport => Role::Mentor,
            GroupKind::ProtegeSupport => Role::Protege,
            GroupKind::Peer => Role::Peer,
            // Only a suggestion the facilitator changes before adding anyone. The unknown
            // role would be written as the marker with no stored value behind it; "peer"
            // (mentor and mentee) claims nothing a newer kind may not mean.
            GroupKind::Unknown => Role::Peer,
        }
    }

    pub const ALL: [GroupKind; 3] = [
        GroupKind::MentorSupport,
        GroupKind::ProtegeSupport,
        GroupKind::Peer,
    ];

    pub fn label(self) -> &'static str {
        match self {
            GroupKind::MentorSupport => "Mentor peer support group",
            GroupKind::ProtegeSupport => "Protege peer support group",
            GroupKind::Peer => "Peer group (everyone is mentor and mentee)",
            GroupKind::Unknown => "A kind of group this version does not know",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            GroupKind::MentorSupport => "mentor_support",
            GroupKind::ProtegeSupport => "protege_support",
            GroupKind::Peer => "peer",
            GroupKind::Unknown => super::UNKNOWN_VALUE,
        }
    }

    pub fn from_key(key: &str) -> Option<GroupKind> {
        GroupKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Group {
    pub id: Id,
    pub name: String,
    pub kind: GroupKind,
    pub archived: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Programme {
    pub id: Id,
    pub name: String,
    pub organisation: String,
    pub purpose: String,
    pub archived: bool,
    pub groups: Vec<Group>,
    /// Everyone in the programme (see `roster`). Added after format 1 with a default, so
    /// earlier records read as "nobody yet".
    pub participants: Vec<super::roster::Participant>,
    /// The names of people taken off the roster, so shared files are still checked for them.
    pub removed_people: Vec<super::roster::RemovedPerson>,
    /// What people raised at the awareness session, with no author (see `buyin`).
    pub awareness: Vec<super::buyin::AwarenessNote>,
    /// One charter per group (see `charter`); a group without one has not started it.
    pub charters: Vec<super::charter::Charter>,
    /// Attendance per group meeting (see `attendance`).
    pub meetings: Vec<super::attendance::Meeting>,
    /// Skills inventory, pairing settings and confirmed pairs (see `mentoring`).
    pub mentoring: super::mentoring::Mentoring,
    /// Follow-up plans, check-ins, interventions and the outcomes survey (see `followup`).
    /// Boxed so a programme value (kept whole for "Undo") stays small.
    pub followup: Box<super::followup::FollowUp>,
    /// The small-count threshold, the ledger of figures already shared and the name decisions
    /// (see `disclosure`). Absent from older records, which read as "nothing shared yet".
    pub disclosure: super::disclosure::Disclosure,
    /// Members leaving and groups ending, with their private notes (see `group_life`).
    pub group_life: Vec<super::group_life::GroupLife>,
}

/// Which free-text field of a programme is being edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgrammeField {
    Name,
    Organisation,
    Purpose,
}

impl Programme {
    pub fn new(id: Id, name: &str) -> Result<Programme, DomainError> {
        Ok(Programme {
            id,
            name: clean_name(name, "the programme")?,
            ..Programme::default()
        })
    }

    /// Saves what was typed as it is typed. An empty name is allowed while typing (the list
    /// shows "Untitled programme"); only length is refused, so nothing typed is ever dropped.
    pub fn set_field(&mut self, field: ProgrammeField, text: &str) -> Result<(), DomainError> {
        check_length(text)?;
        let slot = match field {
            ProgrammeField::Name => &mut self.name,
            ProgrammeField::Organisation => &mut self.organisation,
            ProgrammeField::Purpose => &mut self.purpose,
        };
        *slot = text.to_string();
        Ok(())
    }

    pub fn display_name(&self) -> &str {
        display_or(&self.name, "Untitled programme")
    }

    /// The kind a new group most likely is: the other half of a mentor and protege pair of
    /// groups, else the kind the programme already runs, else what its pairing suggests.
    pub fn suggested_group_kind(&self) -> GroupKind {
        let has = |k: GroupKind| self.groups.iter().any(|g| g.kind == k && !g.archived);
        match (
            has(GroupKind::MentorSupport),
            has(GroupKind::ProtegeSupport),
            has(GroupKind::Peer),
        ) {
            (true, false, _) => GroupKind::ProtegeSupport,
            (false, true, _) | (true, true, _) => GroupKind::MentorSupport,
            (false, false, true) => GroupKind::Peer,
            (false, false, false) => match self.mentoring.kind {
                super::pairing::ProgrammeKind::MentorProtege { .. } => GroupKind::MentorSupport,
                super::pairing::ProgrammeKind::Peer { .. }
                | super::pairing::ProgrammeKind::Unknown => GroupKind::Peer,
            },
        }
    }

    /// The role and group new people most likely have when added to the roster: the only
    /// group and its members' role; with several groups, the first one's; with none, the role
    /// the programme's pairing suggests. The facilitator can change either before adding.
    pub fn suggested_for_new_people(&self) -> (super::roster::Role, Option<Id>) {
        use super::roster::Role;
        match self.groups.iter().find(|g| !g.archived) {
            Some(g) => (g.kind.member_role(), Some(g.id)),
            None => match self.mentoring.kind {
                super::pairing::ProgrammeKind::MentorProtege { .. } => (Role::Mentor, None),
                super::pairing::ProgrammeKind::Peer { .. }
                | super::pairing::ProgrammeKind::Unknown => (Role::Peer, None),
            },
        }
    }

    /// The role the members of a group have, for the roster's defaults.
    pub fn role_in_group(&self, group: Id) -> Option<super::roster::Role> {
        self.group(group).map(|g| g.kind.member_role())
    }

    pub fn add_group(&mut self, id: Id, name: &str, kind: GroupKind) -> Result<(), DomainError> {
        let name = clean_name(name, "the group")?;
        self.groups.push(Group {
            id,
            name,
            kind,
            archived: false,
        });
        Ok(())
    }

    pub fn group(&self, id: Id) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    fn group_mut(&mut self, id: Id) -> Result<&mut Group, DomainError> {
        self.groups
            .iter_mut()
            .find(|g| g.id == id)
            .ok_or(DomainError::NotFound("group"))
    }

    pub fn rename_group(&mut self, id: Id, name: &str) -> Result<(), DomainError> {
        check_length(name)?;
        self.group_mut(id)?.name = name.to_string();
        Ok(())
    }

    pub fn set_group_kind(&mut self, id: Id, kind: GroupKind) -> Result<(), DomainError> {
        self.group_mut(id)?.kind = kind;
        Ok(())
    }

    pub fn set_group_archived(&mut self, id: Id, archived: bool) -> Result<(), DomainError> {
        self.group_mut(id)?.archived = archived;
        Ok(())
    }

    /// Removes a group and hands it back so the caller can offer "Undo".
    pub fn remove_group(&mut self, id: Id) -> Result<(usize, Group), DomainError> {
        let at = self
            .groups
            .iter()
            .position(|g| g.id == id)
            .ok_or(DomainError::NotFound("group"))?;
        Ok((at, self.groups.remove(at)))
    }

    pub fn restore_group(&mut self, at: usize, group: Group) {
        let at = at.min(self.groups.len());
        self.groups.insert(at, group);
    }

    /// Active groups first, in the order they were made; archived ones after.
    pub fn groups_in_order(&self) -> Vec<&Group> {
        let mut groups: Vec<&Group> = self.groups.iter().collect();
        crate::domain::sort::sort_by_key(&mut groups, |g| g.archived);
        groups
    }

    /// Checks what a stored or imported programme must satisfy.
    pub fn validate(&self) -> Result<(), RecordError> {
        let mut seen = std::collections::BTreeSet::new();
        for g in &self.groups {
            if !seen.insert(g.id) {
                return Err(RecordError::SharedGroupNumber(g.id));
            }
        }
        for text in [&self.name, &self.organisation, &self.purpose] {
            check_length(text)?;
        }
        self.check_group_life()?;
        self.followup.validate()
    }
}

/// Why a stored or imported programme does not make sense; storage sets such a record aside
/// and says so in these words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("two groups share the number {0}")]
    SharedGroupNumber(Id),
    #[error("a survey point has more answers than questions")]
    SurveyAnswersBeyondQuestions,
    #[error("a survey point counts more answers than responses")]
    SurveyAnswersBeyondResponses,
    /// A value a rule would refuse if it were typed (a text too long, a check-in rating out
    /// of range), said in the rule's words.
    #[error(transparent)]
    Rule(#[from] DomainError),
}

pub fn display_or<'a>(name: &'a str, fallback: &'a str) -> &'a str {
    if name.trim().is_empty() {
        fallback
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_programme_needs_a_name() {
        assert_eq!(
            Programme::new(1, "   "),
            Err(DomainError::EmptyName("the programme"))
        );
        let p = Programme::new(1, "  Nursing mentors 2027 ").unwrap();
        assert_eq!(p.name, "Nursing mentors 2027");
    }

    #[test]
    fn typing_an_empty_name_is_kept_and_shown_as_untitled() {
        let mut p = Programme::new(1, "A").unwrap();
        p.set_field(ProgrammeField::Name, "").unwrap();
        assert_eq!(p.display_name(), "Untitled programme");
    }

    #[test]
    fn too_long_text_is_refused_and_the_old_text_kept() {
        let mut p = Programme::new(1, "A").unwrap();
        let long = "x".repeat(super::super::MAX_TEXT + 1);
        assert!(matches!(
            p.set_field(ProgrammeField::Purpose, &long),
            Err(DomainError::TooLong { .. })
        ));
        assert_eq!(p.purpose, "");
    }

    #[test]
    fn groups_can_be_added_renamed_archived_removed_and_restored() {
        let mut p = Programme::new(1, "P").unwrap();
        p.add_group(2, "Mentors", GroupKind::MentorSupport).unwrap();
        p.add_group(3, "Proteges", GroupKind::ProtegeSupport)
            .unwrap();
        assert_eq!(
            p.add_group(4, "", GroupKind::Peer),
            Err(DomainError::EmptyName("the group"))
        );
        p.rename_group(2, "Mentor circle").unwrap();
        p.set_group_archived(2, true).unwrap();
        let order: Vec<Id> = p.groups_in_order().iter().map(|g| g.id).collect();
        assert_eq!(order, vec![3, 2], "archived groups sort last");
        let (at, g) = p.remove_group(3).unwrap();
        assert_eq!(p.groups.len(), 1);
        p.restore_group(at, g);
        assert_eq!(p.groups[1].id, 3, "restored where it was");
        assert_eq!(p.rename_group(99, "x"), Err(DomainError::NotFound("group")));
    }

    #[test]
    fn validation_catches_duplicate_group_ids() {
        let mut p = Programme::new(1, "P").unwrap();
        p.add_group(2, "A", GroupKind::Peer).unwrap();
        p.add_group(2, "B", GroupKind::Peer).unwrap();
        assert!(p.validate().is_err());
    }

    #[test]
    fn new_people_default_to_the_first_group_and_its_role() {
        use crate::domain::roster::Role;
        let mut p = Programme::new(1, "Nurses").unwrap();
        assert_eq!(p.suggested_for_new_people(), (Role::Peer, None));
        p.mentoring.kind = crate::domain::pairing::ProgrammeKind::MentorProtege { capacity: 2 };
        assert_eq!(p.suggested_for_new_people(), (Role::Mentor, None));
        p.add_group(2, "Proteges", GroupKind::ProtegeSupport)
            .unwrap();
        p.add_group(3, "Mentors", GroupKind::MentorSupport).unwrap();
        assert_eq!(p.suggested_for_new_people(), (Role::Protege, Some(2)));
        assert_eq!(p.role_in_group(3), Some(Role::Mentor));
        assert_eq!(p.role_in_group(99), None);
    }

    #[test]
    fn a_new_group_defaults_to_what_the_programme_suggests() {
        let mut p = Programme::new(1, "Nurses").unwrap();
        assert_eq!(p.suggested_group_kind(), GroupKind::Peer);
        p.mentoring.kind = crate::domain::pairing::ProgrammeKind::MentorProtege { capacity: 2 };
        assert_eq!(p.suggested_group_kind(), GroupKind::MentorSupport);
        p.add_group(2, "Mentors", GroupKind::MentorSupport).unwrap();
        assert_eq!(p.suggested_group_kind(), GroupKind::ProtegeSupport);
        p.add_group(3, "Proteges", GroupKind::ProtegeSupport)
            .unwrap();
        assert_eq!(p.suggested_group_kind(), GroupKind::MentorSupport);
        let mut peers = Programme::new(4, "Peers").unwrap();
        peers.add_group(5, "Circle", GroupKind::Peer).unwrap();
        assert_eq!(peers.suggested_group_kind(), GroupKind::Peer);
    }

    #[test]
    fn group_kind_keys_round_trip() {
        for k in GroupKind::ALL {
            assert_eq!(GroupKind::from_key(k.key()), Some(k));
        }
        assert_eq!(GroupKind::from_key("nonsense"), None);
    }
}

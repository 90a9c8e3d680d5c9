//! The people in a programme. Names are confidential: they never leave the device except
//! inside an encrypted backup, and only a recorded written approval lets a name be quoted.

use super::{check_length, clean_name, DomainError, Id};
use serde::{Deserialize, Serialize};

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Mentor,
    Protege,
    /// Both mentor and mentee, as in group mentoring.
    #[default]
    Peer,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Mentor, Role::Protege, Role::Peer];

    pub fn label(self) -> &'static str {
        match self {
            Role::Mentor => "Mentor",
            Role::Protege => "Protege",
            Role::Peer => "Peer (mentor and mentee)",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Participant {
    pub id: Id,
    /// What the group calls them; may be a pseudonym.
    pub display_name: String,
    /// Private notes on how to reach them. Never exported.
    pub contact_note: String,
    pub roles: Vec<Role>,
    /// The groups of this programme they belong to.
    pub groups: Vec<Id>,
}

impl super::programme::Programme {
    pub fn add_participant(&mut self, id: Id, name: &str, role: Role) -> Result<(), DomainError> {
        let display_name = clean_name(name, "the person")?;
        self.participants.push(Participant {
            id,
            display_name,
            roles: vec![role],
            ..Participant::default()
        });
        Ok(())
    }

    pub fn participant(&self, id: Id) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    pub fn participant_mut(&mut self, id: Id) -> Result<&mut Participant, DomainError> {
        self.participants
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(DomainError::NotFound("person"))
    }

    pub fn set_membership(
        &mut self,
        person: Id,
        group: Id,
        member: bool,
    ) -> Result<(), DomainError> {
        if self.group(group).is_none() {
            return Err(DomainError::NotFound("group"));
        }
        let p = self.participant_mut(person)?;
        p.groups.retain(|g| *g != group);
        if member {
            p.groups.push(group);
        }
        Ok(())
    }

    /// The members of a group, in roster order.
    pub fn members_of(&self, group: Id) -> Vec<&Participant> {
        self.participants
            .iter()
            .filter(|p| p.groups.contains(&group))
            .collect()
    }

    pub fn set_contact_note(&mut self, person: Id, text: &str) -> Result<(), DomainError> {
        check_length(text)?;
        self.participant_mut(person)?.contact_note = text.to_string();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::{GroupKind, Programme};

    #[test]
    fn members_are_listed_per_group() {
        let mut p = Programme::new(1, "P").unwrap();
        p.add_group(2, "Mentors", GroupKind::MentorSupport).unwrap();
        p.add_participant(3, " Maria ", Role::Mentor).unwrap();
        p.add_participant(4, "Sam", Role::Mentor).unwrap();
        assert_eq!(
            p.add_participant(5, " ", Role::Peer),
            Err(DomainError::EmptyName("the person"))
        );
        p.set_membership(3, 2, true).unwrap();
        p.set_membership(3, 2, true).unwrap();
        let names: Vec<&str> = p
            .members_of(2)
            .iter()
            .map(|m| m.display_name.as_str())
            .collect();
        assert_eq!(names, vec!["Maria"]);
        assert_eq!(
            p.participant(3).unwrap().groups,
            vec![2],
            "joining twice is once"
        );
        p.set_membership(3, 2, false).unwrap();
        assert!(p.members_of(2).is_empty());
        assert_eq!(
            p.set_membership(3, 99, true),
            Err(DomainError::NotFound("group"))
        );
    }
}

//! The skills catalogue and each person's entry: add, rename and merge skills, and set what
//! someone offers, wants, when they are free and which team they are in.

use super::{Mentoring, MentoringError, Profile};
use crate::domain::pairing::{Side, Skill, SkillLevel, MAX_LEVEL, MAX_SKILLS};
use crate::domain::roster::{Participant, Role};
use crate::domain::{DomainError, Id};

/// Longest skill name or team label; a label, not a paragraph.
pub const MAX_LABEL: usize = 80;

/// Whether a level is about what someone can offer or what they want to develop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Offers,
    Wants,
}

/// The weekday names, Monday first, as the inventory shows them.
pub const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Trims a label and refuses an empty or over-long one.
pub fn clean_label(text: &str, what: &'static str) -> Result<String, DomainError> {
    let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(DomainError::EmptyName(what));
    }
    let len = name.chars().count();
    if len > MAX_LABEL {
        return Err(MentoringError::LabelTooLong {
            len,
            max: MAX_LABEL,
        }
        .into());
    }
    Ok(name)
}

/// The side a person takes in a mentor-protege programme when none was set: their roster
/// role, if it says mentor or protege.
pub fn side_from_roles(person: &Participant) -> Side {
    if person.roles.contains(&Role::Mentor) && !person.roles.contains(&Role::Protege) {
        Side::Mentor
    } else if person.roles.contains(&Role::Protege) && !person.roles.contains(&Role::Mentor) {
        Side::Protege
    } else {
        Side::Unassigned
    }
}

impl Mentoring {
    pub fn skill(&self, id: Id) -> Option<&Skill> {
        self.skills.iter().find(|s| s.id == id)
    }

    pub fn skill_name(&self, id: Id) -> String {
        self.skill(id)
            .map_or_else(|| "a removed skill".to_string(), |s| s.name.clone())
    }

    /// The skill with this name, ignoring case and extra spaces.
    pub fn skill_named(&self, name: &str) -> Option<&Skill> {
        let wanted = normalise(name);
        self.skills.iter().find(|s| normalise(&s.name) == wanted)
    }

    /// Checks a new skill name; `except` is the skill being renamed.
    pub fn check_skill_name(&self, name: &str, except: Option<Id>) -> Result<String, DomainError> {
        let name = clean_label(name, "the skill")?;
        if let Some(other) = self.skill_named(&name).filter(|s| Some(s.id) != except) {
            return Err(MentoringError::SkillListed(other.name.clone()).into());
        }
        Ok(name)
    }

    /// Adds a skill with an id from `Workspace::fresh_id`.
    pub fn add_skill(&mut self, id: Id, name: &str) -> Result<(), DomainError> {
        let name = self.check_skill_name(name, None)?;
        if self.skills.len() >= MAX_SKILLS {
            return Err(MentoringError::SkillListFull { max: MAX_SKILLS }.into());
        }
        self.skills.push(Skill { id, name });
        Ok(())
    }

    pub fn rename_skill(&mut self, id: Id, name: &str) -> Result<(), DomainError> {
        let name = self.check_skill_name(name, Some(id))?;
        let skill = self
            .skills
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(DomainError::NotFound("skill"))?;
        skill.name = name;
        Ok(())
    }

    /// Folds `from` into `into`: every profile that named `from` now names `into`, at the
    /// higher of the two levels, and `from` leaves the list.
    pub fn merge_skills(&mut self, from: Id, into: Id) -> Result<(), DomainError> {
        if from == into {
            return Err(MentoringError::MergeIntoItself.into());
        }
        if self.skill(from).is_none() || self.skill(into).is_none() {
            return Err(DomainError::NotFound("skill"));
        }
        for profile in &mut self.profiles {
            for list in [&mut profile.offers, &mut profile.wants] {
                let mut level = 0u8;
                list.retain(|s| {
                    if s.skill == from || s.skill == into {
                        level = level.max(s.level);
                        false
                    } else {
                        true
                    }
                });
                if level > 0 {
                    list.push(SkillLevel { skill: into, level });
                }
            }
        }
        self.skills.retain(|s| s.id != from);
        Ok(())
    }

    /// Removes a skill from the list and from everyone's entry.
    pub fn remove_skill(&mut self, id: Id) -> Result<Skill, DomainError> {
        let at = self
            .skills
            .iter()
            .position(|s| s.id == id)
            .ok_or(DomainError::NotFound("skill"))?;
        for profile in &mut self.profiles {
            profile.offers.retain(|s| s.skill != id);
            profile.wants.retain(|s| s.skill != id);
        }
        Ok(self.skills.remove(at))
    }

    pub fn profile(&self, person: Id) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.participant == person)
    }

    /// The person's entry, made empty the first time it is needed.
    pub fn profile_mut(&mut self, person: Id) -> &mut Profile {
        let at = match self.profiles.iter().position(|p| p.participant == person) {
            Some(at) => at,
            None => {
                self.profiles.push(Profile {
                    participant: person,
                    ..Profile::default()
                });
                self.profiles.len() - 1
            }
        };
        &mut self.profiles[at]
    }

    /// Sets the level (1-3) at which a person offers or wants a skill; 0 takes it away.
    pub fn set_level(
        &mut self,
        person: Id,
        direction: Direction,
        skill: Id,
        level: u8,
    ) -> Result<(), DomainError> {
        if self.skill(skill).is_none() {
            return Err(DomainError::NotFound("skill"));
        }
        if level > MAX_LEVEL {
            return Err(MentoringError::Level { max: MAX_LEVEL }.into());
        }
        let profile = self.profile_mut(person);
        let list = match direction {
            Direction::Offers => &mut profile.offers,
            Direction::Wants => &mut profile.wants,
        };
        list.retain(|s| s.skill != skill);
        if level > 0 {
            list.push(SkillLevel { skill, level });
        }
        Ok(())
    }

    /// The level at which a person offers or wants a skill, 0 when not at all.
    pub fn level(&self, person: Id, direction: Direction, skill: Id) -> u8 {
        self.profile(person)
            .and_then(|p| {
                let list = match direction {
                    Direction::Offers => &p.offers,
                    Direction::Wants => &p.wants,
                };
                list.iter()
                    .filter(|s| s.skill == skill)
                    .map(|s| s.level)
                    .max()
            })
            .unwrap_or(0)
    }

    pub fn set_day(&mut self, person: Id, day: u8, free: bool) -> Result<(), DomainError> {
        if usize::from(day) >= DAYS.len() {
            return Err(MentoringError::Day.into());
        }
        let days = &mut self.profile_mut(person).availability;
        if free {
            days.insert(day);
        } else {
            days.remove(&day);
        }
        Ok(())
    }

    /// Saves a team label as typed; only length is refused, an empty one means "no team".
    pub fn set_team(&mut self, person: Id, team: &str) -> Result<(), DomainError> {
        let len = team.chars().count();
        if len > MAX_LABEL {
            return Err(MentoringError::TeamTooLong {
                len,
                max: MAX_LABEL,
            }
            .into());
        }
        self.profile_mut(person).team = team.to_string();
        Ok(())
    }

    pub fn set_side(&mut self, person: Id, side: Side) {
        self.profile_mut(person).side = side;
    }

    /// The side this person takes: as set in the inventory, else from their roster role.
    pub fn side_of(&self, person: &Participant) -> Side {
        match self.profile(person.id).map(|p| p.side) {
            Some(side) if side != Side::Unassigned => side,
            _ => side_from_roles(person),
        }
    }

    /// A mentor's own limit on proteges; `None` uses the programme's.
    pub fn set_capacity(&mut self, person: Id, capacity: Option<u32>) -> Result<(), DomainError> {
        if capacity.is_some_and(|c| c == 0 || c > 50) {
            return Err(MentoringError::Capacity.into());
        }
        self.profile_mut(person).capacity = capacity;
        Ok(())
    }

    /// "Budgeting (3), Public speaking (1)" for the overview.
    pub fn describe(&self, person: Id, direction: Direction) -> String {
        let Some(p) = self.profile(person) else {
            return String::new();
        };
        let list = match direction {
            Direction::Offers => &p.offers,
            Direction::Wants => &p.wants,
        };
        list.iter()
            .map(|s| format!("{} ({})", self.skill_name(s.skill), s.level))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Lower case with single spaces, so "Public  Speaking" and "public speaking" match.
pub fn normalise(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What a participant enters for themselves on the kiosk: levels per skill (0 = not at all),
/// free days and team. It starts empty and replaces their earlier entry as a whole, so the
/// kiosk never needs to show anyone's earlier answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SelfEntry {
    pub offers: Vec<SkillLevel>,
    pub wants: Vec<SkillLevel>,
    pub availability: std::collections::BTreeSet<u8>,
    pub team: String,
}

impl SelfEntry {
    /// The level given for a skill in one direction, 0 when none.
    pub fn level(&self, direction: Direction, skill: Id) -> u8 {
        let list = match direction {
            Direction::Offers => &self.offers,
            Direction::Wants => &self.wants,
        };
        list.iter()
            .find(|s| s.skill == skill)
            .map(|s| s.level)
            .unwrap_or(0)
    }

    /// Sets one level (0 removes it).
    pub fn set(&mut self, direction: Direction, skill: Id, level: u8) {
        let list = match direction {
            Direction::Offers => &mut self.offers,
            Direction::Wants => &mut self.wants,
        };
        list.retain(|s| s.skill != skill);
        if level > 0 {
            list.push(SkillLevel { skill, level });
        }
    }
}

impl Mentoring {
    /// Stores a participant's own entry, all or nothing: every skill must be in the list,
    /// levels 1-3, days Monday to Sunday, a team name of sensible length, and at least one
    /// skill offered or wanted. Side and capacity stay as the facilitator set them.
    pub fn apply_self_entry(&mut self, person: Id, entry: &SelfEntry) -> Result<(), DomainError> {
        if entry.offers.is_empty() && entry.wants.is_empty() {
            return Err(MentoringError::NoSkillChosen.into());
        }
        for s in entry.offers.iter().chain(&entry.wants) {
            if self.skill(s.skill).is_none() {
                return Err(DomainError::NotFound("skill"));
            }
            if s.level == 0 || s.level > MAX_LEVEL {
                return Err(MentoringError::Level { max: MAX_LEVEL }.into());
            }
        }
        if entry
            .availability
            .iter()
            .any(|d| usize::from(*d) >= DAYS.len())
        {
            return Err(MentoringError::Day.into());
        }
        let team = entry.team.trim();
        let len = team.chars().count();
        if len > MAX_LABEL {
            return Err(MentoringError::TeamTooLong {
                len,
                max: MAX_LABEL,
            }
            .into());
        }
        let profile = self.profile_mut(person);
        profile.offers = entry.offers.clone();
        profile.wants = entry.wants.clone();
        profile.availability = entry.availability.clone();
        profile.team = team.to_string();
        Ok(())
    }
}

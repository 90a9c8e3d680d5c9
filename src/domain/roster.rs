//! The people in a programme. Names are confidential: they never leave the device except
//! inside an encrypted backup, and only a recorded written approval lets a name be quoted.

use super::{check_length, clean_name, DomainError, Id};
use crate::domain::Date;
use serde::{Deserialize, Serialize};

/// Why a change to a person on the roster (roles, trial opt-in, quote approval) or to the
/// roster as a list was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RosterError {
    #[error("Everyone needs at least one role. Tick another role first.")]
    LastRole,
    #[error("The trial period must end on or after the day it starts.")]
    TrialEndsBeforeStart,
    #[error("This person has not opted in for a trial yet.")]
    NoOptIn,
    #[error("Please tick what the person agreed their name may be used in.")]
    NoApprovedUse,
    #[error("Please say what the approval covers, for example “newsletter and brochures”.")]
    NoApprovalScope,
    #[error("The approval cannot expire before the day it was given.")]
    ExpiresBeforeGiven,
    #[error("There is no approval to withdraw.")]
    NoApproval,
    #[error(
        "That list has {count} new names; Peercircle adds up to {max} at a time. Please paste \
         it in parts."
    )]
    PasteTooLong { count: usize, max: usize },
}

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
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Mentor, Role::Protege, Role::Peer];

    pub fn label(self) -> &'static str {
        match self {
            Role::Mentor => "Mentor",
            Role::Protege => "Protege",
            Role::Peer => "Peer (mentor and mentee)",
            Role::Unknown => "A role this version does not know",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Role::Mentor => "mentor",
            Role::Protege => "protege",
            Role::Peer => "peer",
            Role::Unknown => crate::domain::UNKNOWN_VALUE,
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// Whether someone who opted in for the trial period carries on (programme step 2, buy-in).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrialChoice {
    Continue,
    Leave,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrialDecision {
    pub choice: TrialChoice,
    pub on: Date,
}

/// Someone's opt-in for a designated trial period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptIn {
    pub start: Date,
    pub end: Date,
    #[serde(default)]
    pub decision: Option<TrialDecision>,
}

/// A use of a quote a person can agree to in writing. Ticked explicitly on the approval, so
/// an export never has to guess from free text what someone agreed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovedUse {
    Newsletter,
    Brochure,
    EvaluationReport,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl ApprovedUse {
    pub const ALL: [ApprovedUse; 3] = [
        ApprovedUse::Newsletter,
        ApprovedUse::Brochure,
        ApprovedUse::EvaluationReport,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ApprovedUse::Newsletter => "Newsletters",
            ApprovedUse::Brochure => "Brochures and flyers",
            ApprovedUse::EvaluationReport => "Evaluation reports",
            ApprovedUse::Unknown => "A use this version does not know",
        }
    }
}

/// Written approval to be quoted by name: when it was given, for which uses, until when, and
/// whether it has since been withdrawn. Without a current one a name is never exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteApproval {
    pub given: Date,
    /// The person's own words about what they agreed to, kept as a record.
    pub scope: String,
    /// The uses ticked on the approval. Approvals recorded before this existed have none, so
    /// they allow no named quote until the facilitator records the uses.
    #[serde(default)]
    pub uses: Vec<ApprovedUse>,
    #[serde(default)]
    pub expires: Option<Date>,
    #[serde(default)]
    pub withdrawn: Option<Date>,
}

impl QuoteApproval {
    /// In force on `day`: given by then, not expired, not withdrawn.
    pub fn in_force_on(&self, day: Date) -> bool {
        self.given <= day
            && self.expires.is_none_or(|e| day <= e)
            && self.withdrawn.is_none_or(|w| day < w)
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
    pub opt_in: Option<OptIn>,
    pub quote_approval: Option<QuoteApproval>,
    /// Other names they go by (nicknames, other spellings, a name in another script), as
    /// typed: one a line or separated by commas. Never exported; anything shared is checked
    /// for these names too.
    pub also_known_as: String,
}

/// Someone taken off the roster. Their names are kept so that anything shared from this
/// device is still checked for them; nothing else about them is kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RemovedPerson {
    pub id: Id,
    pub display_name: String,
    pub also_known_as: String,
}

/// The names in an "Also known as" text: split at line breaks, commas and semicolons, trimmed,
/// empty ones left out.
pub fn aliases(text: &str) -> Vec<String> {
    text.split(['\n', ',', ';', '\u{3001}', '\u{FF0C}', '\u{60C}'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

impl Participant {
    /// The opt-in status in a few words, for the roster list.
    pub fn opt_in_status(&self, today: Date) -> String {
        match self.opt_in {
            None => "Not opted in yet".to_string(),
            Some(OptIn {
                decision: Some(d), ..
            }) => match d.choice {
                TrialChoice::Continue => format!("Continuing (decided {})", d.on),
                TrialChoice::Leave => format!("Left after the trial ({})", d.on),
                TrialChoice::Unknown => {
                    format!("Decided on {} (a choice this version does not know)", d.on)
                }
            },
            Some(o) if today > o.end => format!("Trial ended {}: decision needed", o.end),
            Some(o) => format!("On trial until {}", o.end),
        }
    }
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

    /// Saves the "Also known as" text as typed, so nothing typed is lost; [`aliases`] reads it.
    pub fn set_also_known_as(&mut self, person: Id, text: &str) -> Result<(), DomainError> {
        check_length(text)?;
        self.participant_mut(person)?.also_known_as = text.to_string();
        Ok(())
    }

    /// Renames as typed: an empty name is kept while typing (shown as "Unnamed person").
    pub fn rename_participant(&mut self, person: Id, text: &str) -> Result<(), DomainError> {
        check_length(text)?;
        self.participant_mut(person)?.display_name = text.to_string();
        Ok(())
    }

    /// Turns a role on or off; the last role cannot be taken away, so everyone has one.
    pub fn set_role(&mut self, person: Id, role: Role, on: bool) -> Result<(), DomainError> {
        let p = self.participant_mut(person)?;
        if on {
            if !p.roles.contains(&role) {
                p.roles.push(role);
                crate::domain::sort::sort(&mut p.roles);
            }
        } else if p.roles.len() > 1 {
            p.roles.retain(|r| *r != role);
        } else if p.roles.contains(&role) {
            return Err(RosterError::LastRole.into());
        }
        Ok(())
    }

    /// Records an opt-in for a trial period, replacing an earlier one (and its decision).
    pub fn set_opt_in(&mut self, person: Id, start: Date, end: Date) -> Result<(), DomainError> {
        if end < start {
            return Err(RosterError::TrialEndsBeforeStart.into());
        }
        self.participant_mut(person)?.opt_in = Some(OptIn {
            start,
            end,
            decision: None,
        });
        Ok(())
    }

    pub fn clear_opt_in(&mut self, person: Id) -> Result<(), DomainError> {
        self.participant_mut(person)?.opt_in = None;
        Ok(())
    }

    /// Records "continue" or "leave" at the end of a trial.
    pub fn decide_trial(
        &mut self,
        person: Id,
        choice: TrialChoice,
        on: Date,
    ) -> Result<(), DomainError> {
        let p = self.participant_mut(person)?;
        let opt_in = p.opt_in.as_mut().ok_or(RosterError::NoOptIn)?;
        opt_in.decision = Some(TrialDecision { choice, on });
        Ok(())
    }

    pub fn record_quote_approval(
        &mut self,
        person: Id,
        given: Date,
        scope: &str,
        uses: &[ApprovedUse],
        expires: Option<Date>,
    ) -> Result<(), DomainError> {
        if uses.is_empty() {
            return Err(RosterError::NoApprovedUse.into());
        }
        let scope = scope.trim();
        if scope.is_empty() {
            return Err(RosterError::NoApprovalScope.into());
        }
        check_length(scope)?;
        if expires.is_some_and(|e| e < given) {
            return Err(RosterError::ExpiresBeforeGiven.into());
        }
        self.participant_mut(person)?.quote_approval = Some(QuoteApproval {
            given,
            scope: scope.to_string(),
            uses: uses.to_vec(),
            expires,
            withdrawn: None,
        });
        Ok(())
    }

    /// Withdrawal is kept on record (not deleted) so it is clear when quoting had to stop.
    pub fn withdraw_quote_approval(&mut self, person: Id, on: Date) -> Result<(), DomainError> {
        let p = self.participant_mut(person)?;
        let approval = p.quote_approval.as_mut().ok_or(RosterError::NoApproval)?;
        approval.withdrawn.get_or_insert(on);
        Ok(())
    }

    /// Removes a person and hands them back with their place, for "Undo". Their names stay
    /// behind in [`Programme::removed_people`], so shared files are still checked for them.
    pub fn remove_participant(&mut self, person: Id) -> Result<(usize, Participant), DomainError> {
        let at = self
            .participants
            .iter()
            .position(|p| p.id == person)
            .ok_or(DomainError::NotFound("person"))?;
        let removed = self.participants.remove(at);
        let named =
            !removed.display_name.trim().is_empty() || !aliases(&removed.also_known_as).is_empty();
        if named {
            self.removed_people.retain(|r| r.id != removed.id);
            self.removed_people.push(RemovedPerson {
                id: removed.id,
                display_name: removed.display_name.clone(),
                also_known_as: removed.also_known_as.clone(),
            });
        }
        Ok((at, removed))
    }

    pub fn restore_participant(&mut self, at: usize, person: Participant) {
        if self.participant(person.id).is_none() {
            self.removed_people.retain(|r| r.id != person.id);
            let at = at.min(self.participants.len());
            self.participants.insert(at, person);
        }
    }

    /// Stops checking shared files for a removed person's names (when the facilitator is sure
    /// they can never appear, or the person asked to be forgotten).
    pub fn forget_removed_person(&mut self, id: Id) -> Result<RemovedPerson, DomainError> {
        let at = self
            .removed_people
            .iter()
            .position(|r| r.id == id)
            .ok_or(DomainError::NotFound("person"))?;
        Ok(self.removed_people.remove(at))
    }
}

#[cfg(test)]
mod tests;

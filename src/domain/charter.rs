//! A group's charter: the seven formation stages in order, each recording whether everyone
//! agreed and when, the working agreement with every agreed version kept, and the leadership
//! model. Stored inside the programme record, one charter per group.

mod agreement;
mod guide;
mod guidelines;

pub use agreement::{AgreementVersion, WorkingAgreement};
pub use guide::{Stage, Term};
pub use guidelines::{GuidelinePart, Guidelines, GuidelinesSource, READ_ALOUD};

use super::chair::ChairRota;
use super::group_life::GroupError;
use super::programme::Programme;
use super::{check_length, DomainError, Id};
use crate::domain::Date;
use serde::{Deserialize, Serialize};

/// The agreed content of a stage and the day everyone agreed to it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Agreed {
    pub on: Option<Date>,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StageRecord {
    pub stage: Stage,
    pub text: String,
    pub agreed: Option<Agreed>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Leadership {
    RotatingChair,
    MenteeLed,
    NoDesignatedRoles,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl Leadership {
    pub const ALL: [Leadership; 3] = [
        Leadership::RotatingChair,
        Leadership::MenteeLed,
        Leadership::NoDesignatedRoles,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Leadership::RotatingChair => "Rotating chair",
            Leadership::MenteeLed => "Mentee-led",
            Leadership::NoDesignatedRoles => "No designated roles",
            Leadership::Unknown => "A way of leading this version does not know",
        }
    }

    pub fn explain(self) -> &'static str {
        match self {
            Leadership::RotatingChair => {
                "Members take turns to chair from a roster, swapping when they need to. The \
                 chair looks after the agreed process. Everyone gets to practise the role; \
                 some may find it harder than others."
            }
            Leadership::MenteeLed => {
                "Whoever brings material also chairs while it is discussed. Everyone gets the \
                 role, but chairing while presenting is harder, and the process can vary when \
                 there are several presenters."
            }
            Leadership::NoDesignatedRoles => {
                "The group meets and everyone shares responsibility for keeping to the agreed \
                 process."
            }
            Leadership::Unknown => {
                "A newer version of Peercircle saved this choice. It is kept as it is; choosing \
                 another way here replaces it."
            }
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Leadership::RotatingChair => "rotating-chair",
            Leadership::MenteeLed => "mentee-led",
            Leadership::NoDesignatedRoles => "no-designated-roles",
            Leadership::Unknown => crate::domain::UNKNOWN_VALUE,
        }
    }
}

/// Said calmly next to "No designated roles": allowed, but the group should know.
pub const NO_ROLES_WARNING: &str = "This is allowed. Be aware that the research on peer \
    group mentoring finds this the most problematic way to run a group: when everyone is \
    responsible for the process, it is easy for nobody to look after it. You might agree to \
    review it after a few meetings.";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Charter {
    pub group: Id,
    /// Stages 1-5 and 7; for "the members" the text is the member list, kept by the app.
    pub stages: Vec<StageRecord>,
    pub working: WorkingAgreement,
    /// Every agreed version of the working agreement, oldest first; never edited.
    pub versions: Vec<AgreementVersion>,
    pub leadership: Option<Leadership>,
    pub rota: ChairRota,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageStatus {
    NotStarted,
    Draft,
    Agreed(Option<Date>),
    /// Agreed once, edited since: needs agreeing again.
    ChangedSinceAgreed(Option<Date>),
}

impl StageStatus {
    pub fn is_agreed(self) -> bool {
        matches!(self, StageStatus::Agreed(_))
    }

    pub fn label(self) -> String {
        match self {
            StageStatus::NotStarted => "Not started".into(),
            StageStatus::Draft => "Draft: not agreed yet".into(),
            StageStatus::Agreed(Some(on)) => format!("Everyone agreed on {on}"),
            StageStatus::Agreed(None) => "Everyone agreed".into(),
            StageStatus::ChangedSinceAgreed(Some(on)) => {
                format!("Changed since everyone agreed on {on}: ask the group again")
            }
            StageStatus::ChangedSinceAgreed(None) => {
                "Changed since everyone agreed: ask the group again".into()
            }
        }
    }
}

fn status_of(current: &str, agreed: Option<(&str, Option<Date>)>) -> StageStatus {
    match agreed {
        Some((text, on)) if text == current => StageStatus::Agreed(on),
        Some((_, on)) => StageStatus::ChangedSinceAgreed(on),
        None if current.trim().is_empty() => StageStatus::NotStarted,
        None => StageStatus::Draft,
    }
}

impl Charter {
    pub fn record(&self, stage: Stage) -> Option<&StageRecord> {
        self.stages.iter().find(|r| r.stage == stage)
    }

    fn record_mut(&mut self, stage: Stage) -> &mut StageRecord {
        if let Some(at) = self.stages.iter().position(|r| r.stage == stage) {
            return &mut self.stages[at];
        }
        self.stages.push(StageRecord {
            stage,
            ..StageRecord::default()
        });
        let last = self.stages.len() - 1;
        &mut self.stages[last]
    }

    pub fn text(&self, stage: Stage) -> &str {
        self.record(stage).map_or("", |r| r.text.as_str())
    }
}

/// The members stage's content: who is in the group, as a stable list of ids.
fn member_list(p: &Programme, group: Id) -> String {
    let mut ids: Vec<Id> = p.members_of(group).iter().map(|m| m.id).collect();
    crate::domain::sort::sort(&mut ids);
    ids.iter().map(Id::to_string).collect::<Vec<_>>().join(",")
}

impl Programme {
    pub fn charter(&self, group: Id) -> Option<&Charter> {
        self.charters.iter().find(|c| c.group == group)
    }

    /// The group's charter, started on first use.
    pub fn charter_mut(&mut self, group: Id) -> Result<&mut Charter, DomainError> {
        if self.group(group).is_none() {
            return Err(DomainError::NotFound("group"));
        }
        if let Some(at) = self.charters.iter().position(|c| c.group == group) {
            return Ok(&mut self.charters[at]);
        }
        self.charters.push(Charter {
            group,
            ..Charter::default()
        });
        let last = self.charters.len() - 1;
        Ok(&mut self.charters[last])
    }

    pub fn set_stage_text(
        &mut self,
        group: Id,
        stage: Stage,
        text: &str,
    ) -> Result<(), DomainError> {
        check_length(text)?;
        self.charter_mut(group)?.record_mut(stage).text = text.to_string();
        Ok(())
    }

    pub fn stage_status(&self, group: Id, stage: Stage) -> StageStatus {
        let charter = self.charter(group);
        match stage {
            Stage::WorkingAgreement => {
                let current = charter.map(|c| c.working.clone()).unwrap_or_default();
                match charter.and_then(|c| c.versions.last()) {
                    Some(v) if v.terms == current => StageStatus::Agreed(Some(v.agreed_on)),
                    Some(v) => StageStatus::ChangedSinceAgreed(Some(v.agreed_on)),
                    None if current.is_empty() => StageStatus::NotStarted,
                    None => StageStatus::Draft,
                }
            }
            Stage::Members => {
                let agreed = charter
                    .and_then(|c| c.record(stage))
                    .and_then(|r| r.agreed.as_ref());
                status_of(
                    &member_list(self, group),
                    agreed.map(|a| (a.text.as_str(), a.on)),
                )
            }
            _ => {
                let record = charter.and_then(|c| c.record(stage));
                let agreed = record.and_then(|r| r.agreed.as_ref());
                status_of(
                    record.map_or("", |r| r.text.as_str()),
                    agreed.map(|a| (a.text.as_str(), a.on)),
                )
            }
        }
    }

    /// Records that everyone agreed to the stage as it stands. For the working agreement
    /// this adds a new version (renegotiation), keeping every earlier one.
    pub fn agree_stage(&mut self, group: Id, stage: Stage, on: Date) -> Result<(), DomainError> {
        if self.stage_status(group, stage).is_agreed() {
            return Ok(());
        }
        let members = member_list(self, group);
        let charter = self.charter_mut(group)?;
        match stage {
            Stage::WorkingAgreement => {
                if charter.working.is_empty() {
                    return Err(GroupError::EmptyWorkingAgreement.into());
                }
                let number = charter.versions.len() + 1;
                charter.versions.push(AgreementVersion {
                    number,
                    agreed_on: on,
                    terms: charter.working.clone(),
                });
            }
            Stage::Members => {
                if members.is_empty() {
                    return Err(GroupError::NoMembersTicked.into());
                }
                charter.record_mut(stage).agreed = Some(Agreed {
                    on: Some(on),
                    text: members,
                });
            }
            _ => {
                let record = charter.record_mut(stage);
                if record.text.trim().is_empty() {
                    return Err(GroupError::NothingDecided.into());
                }
                record.agreed = Some(Agreed {
                    on: Some(on),
                    text: record.text.clone(),
                });
            }
        }
        Ok(())
    }

    /// How many of the seven stages are agreed as they stand.
    pub fn stages_agreed(&self, group: Id) -> usize {
        Stage::ALL
            .iter()
            .filter(|s| self.stage_status(group, **s).is_agreed())
            .count()
    }

    pub fn set_leadership(
        &mut self,
        group: Id,
        model: Option<Leadership>,
    ) -> Result<(), DomainError> {
        self.charter_mut(group)?.leadership = model;
        Ok(())
    }
}

#[cfg(test)]
mod tests;

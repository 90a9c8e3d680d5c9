//! A follow-up plan: what a protege learned at a peer group meeting (or any other development
//! activity) turned into goals, steps with due dates, and the mentor's support (Sweeny's
//! mentor follow-up). Confidential: never reaches a shared file.

use super::super::session::{ConsentDecision, Session};
use super::super::{check_length, clean_name, Date, DomainError, Id};
use serde::{Deserialize, Serialize};

/// What the learning in a plan came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanSource {
    /// A peer group meeting (a session on this device).
    Meeting(Id),
    /// Any other development activity, by name ("Wound care workshop").
    Activity(String),
}

impl Default for PlanSource {
    fn default() -> Self {
        PlanSource::Activity(String::new())
    }
}

/// When a learning will be put to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Apply {
    #[default]
    Now,
    Later,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl Apply {
    pub fn words(self) -> &'static str {
        match self {
            Apply::Now => "Apply now",
            Apply::Later => "Apply later",
            Apply::Unknown => "A choice this version does not know",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Learning {
    pub text: String,
    pub apply: Apply,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl StepStatus {
    pub const ALL: [StepStatus; 3] = [
        StepStatus::NotStarted,
        StepStatus::InProgress,
        StepStatus::Done,
    ];

    pub fn words(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "Not started",
            StepStatus::InProgress => "In progress",
            StepStatus::Done => "Done",
            StepStatus::Unknown => "A state this version does not know",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "not_started",
            StepStatus::InProgress => "in_progress",
            StepStatus::Done => "done",
            StepStatus::Unknown => crate::domain::UNKNOWN_VALUE,
        }
    }

    pub fn from_key(key: &str) -> Option<StepStatus> {
        StepStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One concrete step towards an objective.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Step {
    pub id: Id,
    pub what: String,
    pub due: Option<Date>,
    pub resources: String,
    pub status: StepStatus,
}

impl Step {
    /// Past its due date and not done. The due day itself is not overdue yet.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status != StepStatus::Done && self.due.is_some_and(|d| d < today)
    }
}

/// Which free-text part of a plan is being edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanField {
    /// Questions the mentor asked to check understanding.
    Questions,
    /// What needs more explanation.
    NeedsMore,
    Goals,
    Objectives,
    Support,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub id: Id,
    /// The mentoring pair it belongs to, if any (see `mentoring`).
    pub pair: Option<Id>,
    pub source: PlanSource,
    pub created: Option<Date>,
    pub learnings: Vec<Learning>,
    pub questions: String,
    pub needs_more: String,
    /// Longer-term goals.
    pub goals: String,
    /// Shorter-term objectives.
    pub objectives: String,
    pub steps: Vec<Step>,
    /// How the mentor will support the protege.
    pub support: String,
}

impl Plan {
    /// A plan for learning from a peer group meeting.
    pub fn from_meeting(id: Id, pair: Option<Id>, session: Id, today: Date) -> Plan {
        Plan {
            id,
            pair,
            source: PlanSource::Meeting(session),
            created: Some(today),
            ..Plan::default()
        }
    }

    /// A plan for learning from another development activity, which needs a name.
    pub fn from_activity(
        id: Id,
        pair: Option<Id>,
        activity: &str,
        today: Date,
    ) -> Result<Plan, DomainError> {
        Ok(Plan {
            id,
            pair,
            source: PlanSource::Activity(clean_name(activity, "the activity")?),
            created: Some(today),
            ..Plan::default()
        })
    }

    pub fn set_field(&mut self, field: PlanField, text: &str) -> Result<(), DomainError> {
        check_length(text)?;
        let slot = match field {
            PlanField::Questions => &mut self.questions,
            PlanField::NeedsMore => &mut self.needs_more,
            PlanField::Goals => &mut self.goals,
            PlanField::Objectives => &mut self.objectives,
            PlanField::Support => &mut self.support,
        };
        *slot = text.to_string();
        Ok(())
    }

    pub fn field(&self, field: PlanField) -> &str {
        match field {
            PlanField::Questions => &self.questions,
            PlanField::NeedsMore => &self.needs_more,
            PlanField::Goals => &self.goals,
            PlanField::Objectives => &self.objectives,
            PlanField::Support => &self.support,
        }
    }

    pub fn add_learning(&mut self, text: &str, apply: Apply) -> Result<(), DomainError> {
        let text = clean_name(text, "what was learned")?;
        self.learnings.push(Learning { text, apply });
        Ok(())
    }

    pub fn set_apply(&mut self, index: usize, apply: Apply) -> Result<(), DomainError> {
        let l = self.learnings.get_mut(index);
        l.ok_or(DomainError::NotFound("learning"))?.apply = apply;
        Ok(())
    }

    pub fn remove_learning(&mut self, index: usize) -> Result<(), DomainError> {
        if index >= self.learnings.len() {
            return Err(DomainError::NotFound("learning"));
        }
        self.learnings.remove(index);
        Ok(())
    }

    pub fn add_step(
        &mut self,
        id: Id,
        what: &str,
        due: Option<Date>,
        resources: &str,
    ) -> Result<(), DomainError> {
        let what = clean_name(what, "the step")?;
        check_length(resources)?;
        self.steps.push(Step {
            id,
            what,
            due,
            resources: resources.trim().to_string(),
            status: StepStatus::NotStarted,
        });
        Ok(())
    }

    pub fn step_mut(&mut self, id: Id) -> Result<&mut Step, DomainError> {
        self.steps
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(DomainError::NotFound("step"))
    }

    /// Renames, re-dates or changes the resources of a step; its status stays.
    pub fn edit_step(
        &mut self,
        id: Id,
        what: &str,
        due: Option<Date>,
        resources: &str,
    ) -> Result<(), DomainError> {
        let what = clean_name(what, "the step")?;
        check_length(resources)?;
        let step = self.step_mut(id)?;
        step.what = what;
        step.due = due;
        step.resources = resources.trim().to_string();
        Ok(())
    }

    pub fn set_status(&mut self, step: Id, status: StepStatus) -> Result<(), DomainError> {
        self.step_mut(step)?.status = status;
        Ok(())
    }

    pub fn remove_step(&mut self, step: Id) -> Result<(), DomainError> {
        let at = self.steps.iter().position(|s| s.id == step);
        self.steps.remove(at.ok_or(DomainError::NotFound("step"))?);
        Ok(())
    }

    pub fn overdue(&self, today: Date) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(move |s| s.is_overdue(today))
    }

    pub fn done(&self) -> usize {
        self.steps
            .iter()
            .filter(|s| s.status == StepStatus::Done)
            .count()
    }

    /// "Wound care workshop" or "Meeting of 2026-11-24 · What helps in a first year?".
    pub fn title(&self, sessions: &[Session]) -> String {
        match &self.source {
            PlanSource::Activity(name) => name.clone(),
            PlanSource::Meeting(id) => match sessions.iter().find(|s| s.id() == *id) {
                Some(s) => format!("Meeting of {} · {}", s.date(), s.question().text),
                None => "A meeting no longer on this device".to_string(),
            },
        }
    }
}

/// What a meeting offers as prompts for a plan: only the flip-chart items the group agreed to
/// share, with nobody objecting. Internal items stay in the room.
pub fn meeting_prompts(session: &Session) -> Vec<String> {
    session
        .shareable_items()
        .into_iter()
        .filter(|i| i.consent.decision == ConsentDecision::Shareable && !i.consent.objection)
        .map(|i| i.text.clone())
        .collect()
}

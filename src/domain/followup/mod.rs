//! After the meeting: follow-up plans, regular check-ins per mentoring pair, the programme's
//! health flags with interventions, and the anonymous outcomes survey. One stored value per
//! programme (`Programme::followup`), refering to pairs by `MentoringPair::id`.

mod checkin;
mod contact;
mod health;
mod plan;
mod safety;
mod survey;
mod week;

#[cfg(test)]
mod contact_tests;
#[cfg(test)]
mod tests;

pub use checkin::{next_checkin, CheckIn, CheckInDue, DueState, EnteredBy, Score, GRACE_DAYS};
pub use contact::{
    contacts_due, next_contact, Asked, Contact, ContactCadence, ContactDue, ContactWay,
    FIRST_MONTH, LONGEST_GAP,
};
pub use health::{health, FlagReason, Intervention, PairHealth};
pub use plan::{meeting_prompts, Apply, Learning, Plan, PlanField, PlanSource, Step, StepStatus};
pub use safety::{safety_card, SAFETY_STARTER};
pub use survey::{
    mean_score, Measure, MeasureResult, PointResult, Survey, SurveyAnswers, SurveyPoint, Tally,
};
pub use week::{this_week, WeekItem};

use super::{Date, DomainError, Id};
use serde::{Deserialize, Serialize};

/// Why a follow-up record (a check-in, a contact, the cadences, an intervention, a survey
/// answer) was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FollowUpError {
    #[error("Please choose a rating from 1 to 5.")]
    Rating,
    #[error("Please choose the date of the check-in.")]
    NoCheckInDate,
    #[error("Please choose the date of the contact.")]
    NoContactDate,
    #[error("Please choose who the contact was with.")]
    NoContactPerson,
    #[error("A contact can only be with the people of this pair.")]
    ContactOutsidePair,
    #[error("The first contact should be within 1 to 14 days of the first meeting.")]
    FirstContactWithin,
    #[error("Please choose 1 to 4 contacts in the first month.")]
    FirstMonthContacts,
    #[error(
        "After the first month, contacts should be between every week and every 3 months \
         ({longest} days)."
    )]
    ContactGap { longest: u32 },
    #[error("Please choose between 1 and {max} weeks between check-ins.")]
    CheckInCadence { max: u32 },
    #[error("It cannot be resolved ({on}) before it was recorded ({recorded}).")]
    ResolvedBeforeRecorded { on: Date, recorded: Date },
    #[error("Please choose an answer from 1 to 5 for every statement.")]
    SurveyIncomplete,
}

/// Everything done after the meetings, for one programme. Added after format 1 with a
/// default, so earlier records read as "nothing yet".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUp {
    /// Weeks between check-ins for every pair (Sweeny suggests about every four weeks).
    pub cadence_weeks: u32,
    pub plans: Vec<Plan>,
    pub checkins: Vec<CheckIn>,
    pub interventions: Vec<Intervention>,
    pub survey: Survey,
    /// The coordinator's contacts with each person of a pair.
    pub contacts: Vec<Contact>,
    pub contact_cadence: ContactCadence,
    /// "What to do and who to tell": the programme's own safety card.
    pub safety_card: super::private::PrivateText,
}

impl Default for FollowUp {
    fn default() -> Self {
        FollowUp {
            cadence_weeks: 4,
            plans: Vec::new(),
            checkins: Vec::new(),
            interventions: Vec::new(),
            survey: Survey::default(),
            contacts: Vec::new(),
            contact_cadence: ContactCadence::STANDARD,
            safety_card: Default::default(),
        }
    }
}

/// The longest cadence accepted: one check-in a year.
pub const MAX_CADENCE_WEEKS: u32 = 52;

impl FollowUp {
    /// Every id this part of the programme uses, so the workspace never hands one out twice.
    pub fn ids(&self) -> impl Iterator<Item = Id> + '_ {
        let plans = self
            .plans
            .iter()
            .flat_map(|p| std::iter::once(p.id).chain(p.steps.iter().map(|s| s.id)));
        plans
            .chain(self.checkins.iter().map(|c| c.id))
            .chain(self.interventions.iter().map(|i| i.id))
            .chain(self.survey.points.iter().map(|p| p.id))
            .chain(self.contacts.iter().map(|c| c.id))
    }

    pub fn set_cadence(&mut self, weeks: u32) -> Result<(), DomainError> {
        if !(1..=MAX_CADENCE_WEEKS).contains(&weeks) {
            return Err(FollowUpError::CheckInCadence {
                max: MAX_CADENCE_WEEKS,
            }
            .into());
        }
        self.cadence_weeks = weeks;
        Ok(())
    }

    pub fn plan(&self, id: Id) -> Option<&Plan> {
        self.plans.iter().find(|p| p.id == id)
    }

    pub fn plan_mut(&mut self, id: Id) -> Result<&mut Plan, DomainError> {
        self.plans
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(DomainError::NotFound("plan"))
    }

    pub fn remove_plan(&mut self, id: Id) -> Result<Plan, DomainError> {
        let at = self.plans.iter().position(|p| p.id == id);
        let at = at.ok_or(DomainError::NotFound("plan"))?;
        Ok(self.plans.remove(at))
    }

    /// Check-ins of one pair, oldest first.
    pub fn checkins_of(&self, pair: Id) -> Vec<&CheckIn> {
        let mut list: Vec<&CheckIn> = self.checkins.iter().filter(|c| c.pair == pair).collect();
        crate::domain::sort::sort_by_key(&mut list, |c| (c.date, c.id));
        list
    }

    pub fn add_checkin(&mut self, checkin: CheckIn) -> Result<(), DomainError> {
        checkin.validate()?;
        self.checkins.push(checkin);
        Ok(())
    }

    pub fn remove_checkin(&mut self, id: Id) -> Result<CheckIn, DomainError> {
        let at = self.checkins.iter().position(|c| c.id == id);
        let at = at.ok_or(DomainError::NotFound("check-in"))?;
        Ok(self.checkins.remove(at))
    }

    pub fn record_intervention(
        &mut self,
        id: Id,
        pair: Id,
        date: Date,
        what: &str,
    ) -> Result<(), DomainError> {
        let what = super::clean_name(what, "what was done")?;
        self.interventions.push(Intervention {
            id,
            pair,
            date,
            what,
            resolved: None,
            safety: false,
        });
        Ok(())
    }

    pub fn resolve_intervention(&mut self, id: Id, on: Date) -> Result<(), DomainError> {
        let i = self.interventions.iter_mut().find(|i| i.id == id);
        let i = i.ok_or(DomainError::NotFound("intervention"))?;
        if on < i.date {
            return Err(FollowUpError::ResolvedBeforeRecorded {
                on,
                recorded: i.date,
            }
            .into());
        }
        i.resolved = Some(on);
        Ok(())
    }

    /// Interventions of one pair, newest first.
    pub fn interventions_of(&self, pair: Id) -> Vec<&Intervention> {
        let mut list: Vec<&Intervention> = self
            .interventions
            .iter()
            .filter(|i| i.pair == pair)
            .collect();
        crate::domain::sort::sort_by(&mut list, |a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
        list
    }

    /// Steps past their due date and not done, in plans of this pair.
    pub fn overdue_steps_of(&self, pair: Id, today: Date) -> usize {
        self.plans
            .iter()
            .filter(|p| p.pair == Some(pair))
            .map(|p| p.overdue(today).count())
            .sum()
    }

    /// Checks what a stored or imported record must satisfy.
    pub fn validate(&self) -> Result<(), super::programme::RecordError> {
        for c in &self.checkins {
            c.validate()?;
        }
        self.contact_cadence.validate()?;
        self.survey.validate()
    }
}

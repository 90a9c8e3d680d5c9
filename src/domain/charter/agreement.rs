//! The working agreement (stage 6). Renegotiating never overwrites: each time everyone
//! agrees, the terms as they stood are kept as a numbered, dated version.

use super::guide::Term;
use crate::domain::programme::Programme;
use crate::domain::{check_length, Date, DomainError, Id};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkingAgreement {
    pub ground_rules: String,
    pub confidentiality: String,
    pub feedback: String,
    pub logistics: String,
    pub when_where: String,
    pub attendance: String,
    pub presenter_minutes: String,
    pub renegotiation: String,
}

impl WorkingAgreement {
    pub fn get(&self, term: Term) -> &str {
        match term {
            Term::GroundRules => &self.ground_rules,
            Term::Confidentiality => &self.confidentiality,
            Term::Feedback => &self.feedback,
            Term::Logistics => &self.logistics,
            Term::WhenWhere => &self.when_where,
            Term::Attendance => &self.attendance,
            Term::PresenterMinutes => &self.presenter_minutes,
            Term::Renegotiation => &self.renegotiation,
        }
    }

    fn slot(&mut self, term: Term) -> &mut String {
        match term {
            Term::GroundRules => &mut self.ground_rules,
            Term::Confidentiality => &mut self.confidentiality,
            Term::Feedback => &mut self.feedback,
            Term::Logistics => &mut self.logistics,
            Term::WhenWhere => &mut self.when_where,
            Term::Attendance => &mut self.attendance,
            Term::PresenterMinutes => &mut self.presenter_minutes,
            Term::Renegotiation => &mut self.renegotiation,
        }
    }

    pub fn is_empty(&self) -> bool {
        Term::ALL.iter().all(|t| self.get(*t).trim().is_empty())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementVersion {
    pub number: usize,
    pub agreed_on: Date,
    #[serde(default)]
    pub terms: WorkingAgreement,
}

impl Programme {
    /// Edits the current draft; agreed versions are untouched.
    pub fn set_term(&mut self, group: Id, term: Term, text: &str) -> Result<(), DomainError> {
        check_length(text)?;
        *self.charter_mut(group)?.working.slot(term) = text.to_string();
        Ok(())
    }
}

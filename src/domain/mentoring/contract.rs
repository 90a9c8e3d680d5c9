//! The peer mentoring contract a confirmed pair writes together: goals for each partner, how
//! they meet, what they commit to, how they keep it equal, and when they review it.

use super::{Contract, Mentoring, MentoringError, MentoringPair};
use crate::domain::{check_length, Date, DomainError, Id};

/// Which part of a contract is being written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContractField {
    /// The goals of the member at this position in [`MentoringPair::members`].
    Goals(usize),
    Meetings,
    Commitments,
    EquityCheck,
}

impl Contract {
    pub fn text(&self, field: ContractField) -> &str {
        match field {
            ContractField::Goals(i) => self.goals.get(i).map_or("", String::as_str),
            ContractField::Meetings => &self.meetings,
            ContractField::Commitments => &self.commitments,
            ContractField::EquityCheck => &self.equity_check,
        }
    }

    /// Saves what was typed as it is typed; only over-long text is refused.
    pub fn set(&mut self, field: ContractField, text: &str) -> Result<(), DomainError> {
        check_length(text)?;
        let slot = match field {
            ContractField::Goals(i) => {
                if i >= super::MAX_MEMBERS {
                    return Err(DomainError::NotFound("member"));
                }
                if self.goals.len() <= i {
                    self.goals.resize(i + 1, String::new());
                }
                &mut self.goals[i]
            }
            ContractField::Meetings => &mut self.meetings,
            ContractField::Commitments => &mut self.commitments,
            ContractField::EquityCheck => &mut self.equity_check,
        };
        *slot = text.to_string();
        Ok(())
    }

    /// Sets the review date; it cannot come before the pair was confirmed.
    pub fn set_review(
        &mut self,
        review: Option<Date>,
        confirmed: Option<Date>,
    ) -> Result<(), DomainError> {
        if let (Some(r), Some(c)) = (review, confirmed) {
            if r < c {
                return Err(MentoringError::ReviewBeforeConfirmed { confirmed: c }.into());
            }
        }
        self.review = review;
        Ok(())
    }

    /// Nothing written yet.
    pub fn is_blank(&self) -> bool {
        self.goals.iter().all(|g| g.trim().is_empty())
            && self.meetings.trim().is_empty()
            && self.commitments.trim().is_empty()
            && self.equity_check.trim().is_empty()
            && self.review.is_none()
    }
}

impl Mentoring {
    pub fn pair(&self, id: Id) -> Option<&MentoringPair> {
        self.pairs.iter().find(|p| p.id == id)
    }

    pub fn pair_mut(&mut self, id: Id) -> Result<&mut MentoringPair, DomainError> {
        self.pairs
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(DomainError::NotFound("pair"))
    }

    pub fn edit_contract(
        &mut self,
        pair: Id,
        field: ContractField,
        text: &str,
    ) -> Result<(), DomainError> {
        let pair = self.pair_mut(pair)?;
        if let ContractField::Goals(i) = field {
            if i >= pair.members.len() {
                return Err(DomainError::NotFound("member"));
            }
        }
        pair.contract.set(field, text)
    }

    pub fn set_review(&mut self, pair: Id, review: Option<Date>) -> Result<(), DomainError> {
        let pair = self.pair_mut(pair)?;
        pair.contract.set_review(review, pair.confirmed)
    }
}

//! A confirmed pair's life, from the match to its ending (MENTOR's Elements of Effective
//! Practice: matching and initiating, monitoring and support, closure). The stage is worked
//! out from dated facts, so it can never say more than was recorded, and each step can only
//! follow the one before it. The last step recorded can be undone.

use super::closure::Closure;
use super::{Mentoring, MentoringError, MentoringPair};
use crate::domain::{Date, DomainError, Id};
use serde::{Deserialize, Serialize};

/// Where a relationship stands, in the order it gets there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Confirmed; waiting for each person to be told and to agree.
    Proposed,
    /// Everyone agreed; the first meeting is next.
    Agreed,
    /// They met; the agreement (contract) is to be signed.
    FirstMeeting,
    /// The agreement is signed (or not required) and they meet regularly.
    Active,
    /// The ending is planned; the closing conversation is next.
    Closing,
    Closed,
    /// Someone said no before they started; both went back to the pool.
    Declined,
}

impl Stage {
    pub fn words(self) -> &'static str {
        match self {
            Stage::Proposed => "Waiting for each person to agree",
            Stage::Agreed => "Both agreed: first meeting next",
            Stage::FirstMeeting => "First meeting held: agreement to sign",
            Stage::Active => "Active",
            Stage::Closing => "Closing",
            Stage::Closed => "Closed",
            Stage::Declined => "Declined",
        }
    }

    /// Still part of the programme's current work (not closed or declined).
    pub fn is_open(self) -> bool {
        !matches!(self, Stage::Closed | Stage::Declined)
    }
}

/// How the programme runs its relationships.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LifeRules {
    /// A pair becomes active only once its agreement is signed.
    pub agreement_required: bool,
}

impl Default for LifeRules {
    fn default() -> Self {
        LifeRules {
            agreement_required: true,
        }
    }
}

/// What a pair's life has recorded so far, each with its date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Life {
    /// Confirmed before Peercircle kept statuses: read as active.
    pub before_tracking: bool,
    /// Who agreed and when, in the order it was recorded.
    pub agreed: Vec<(Id, Date)>,
    pub declined: Option<(Id, Date)>,
    pub first_meeting: Option<Date>,
    pub signed: Option<Date>,
    pub closing: Option<Date>,
    pub closure: Option<Closure>,
}

impl Life {
    /// A pair stored before statuses existed.
    pub fn legacy() -> Life {
        Life {
            before_tracking: true,
            ..Life::default()
        }
    }
}

/// What the facilitator should do next for a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// Tell this person about the match and record their answer.
    AskToAgree(Id),
    FirstMeeting,
    SignAgreement,
    /// Hold the closing conversation and record the ending.
    CloseWell,
}

impl MentoringPair {
    pub fn stage(&self, rules: LifeRules) -> Stage {
        let l = &self.life;
        if l.closure.is_some() {
            Stage::Closed
        } else if l.declined.is_some() {
            Stage::Declined
        } else if l.closing.is_some() {
            Stage::Closing
        } else if l.before_tracking || l.signed.is_some() {
            Stage::Active
        } else if !self.all_agreed() {
            Stage::Proposed
        } else if l.first_meeting.is_none() {
            Stage::Agreed
        } else if rules.agreement_required {
            Stage::FirstMeeting
        } else {
            Stage::Active
        }
    }

    pub fn agreed_on(&self, person: Id) -> Option<Date> {
        self.life
            .agreed
            .iter()
            .find(|(p, _)| *p == person)
            .map(|(_, d)| *d)
    }

    fn all_agreed(&self) -> bool {
        self.members.iter().all(|m| self.agreed_on(*m).is_some())
    }

    /// The next thing to do, or `None` for an active pair (contacts are due separately) and
    /// one that has ended.
    pub fn next_step(&self, rules: LifeRules) -> Option<NextStep> {
        match self.stage(rules) {
            Stage::Proposed => self
                .members
                .iter()
                .find(|m| self.agreed_on(**m).is_none())
                .map(|m| NextStep::AskToAgree(*m)),
            Stage::Agreed => Some(NextStep::FirstMeeting),
            Stage::FirstMeeting => Some(NextStep::SignAgreement),
            Stage::Closing => Some(NextStep::CloseWell),
            Stage::Active | Stage::Closed | Stage::Declined => None,
        }
    }

    /// The latest date recorded in its life (a new step cannot be dated before it).
    fn latest(&self) -> Option<Date> {
        let l = &self.life;
        l.agreed
            .iter()
            .map(|(_, d)| *d)
            .chain(l.first_meeting)
            .chain(l.signed)
            .chain(l.closing)
            .chain(self.confirmed)
            .max()
    }

    fn not_before_latest(&self, on: Date, what: &'static str) -> Result<(), DomainError> {
        match self.latest() {
            Some(latest) if on < latest => {
                Err(MentoringError::BeforeLatestStep { what, on, latest }.into())
            }
            _ => Ok(()),
        }
    }

    fn member(&self, person: Id) -> Result<(), DomainError> {
        if self.members.contains(&person) {
            Ok(())
        } else {
            Err(DomainError::NotFound("person in this pair"))
        }
    }

    fn refuse(&self, rules: LifeRules, what: &'static str) -> DomainError {
        MentoringError::WrongStage {
            stage: self.stage(rules).words(),
            what,
        }
        .into()
    }

    /// Records that this person was told about the match and agreed.
    pub fn agree(&mut self, rules: LifeRules, person: Id, on: Date) -> Result<(), DomainError> {
        self.member(person)?;
        if self.stage(rules) != Stage::Proposed || self.agreed_on(person).is_some() {
            return Err(self.refuse(rules, "an agreement"));
        }
        if let Some(c) = self.confirmed.filter(|c| on < *c) {
            return Err(MentoringError::AgreedBeforeConfirmed { on, confirmed: c }.into());
        }
        self.life.agreed.push((person, on));
        Ok(())
    }

    /// This person said no: the pair ends before it starts and both return to the pool.
    pub fn decline(&mut self, rules: LifeRules, person: Id, on: Date) -> Result<(), DomainError> {
        self.member(person)?;
        if !matches!(self.stage(rules), Stage::Proposed | Stage::Agreed) {
            return Err(self.refuse(rules, "a “no”"));
        }
        self.not_before_latest(on, "“no”")?;
        self.life.declined = Some((person, on));
        self.ended = Some(on);
        Ok(())
    }

    pub fn hold_first_meeting(&mut self, rules: LifeRules, on: Date) -> Result<(), DomainError> {
        if self.stage(rules) != Stage::Agreed {
            return Err(self.refuse(rules, "the first meeting"));
        }
        self.not_before_latest(on, "first meeting")?;
        self.life.first_meeting = Some(on);
        Ok(())
    }

    pub fn sign(&mut self, rules: LifeRules, on: Date) -> Result<(), DomainError> {
        let ready = self.stage(rules) == Stage::FirstMeeting
            || (self.stage(rules) == Stage::Active
                && !self.life.before_tracking
                && self.life.signed.is_none());
        if !ready {
            return Err(self.refuse(rules, "a signed agreement"));
        }
        self.not_before_latest(on, "signing")?;
        self.life.signed = Some(on);
        Ok(())
    }

    /// The ending is planned; the pair is closing.
    pub fn start_closing(&mut self, rules: LifeRules, on: Date) -> Result<(), DomainError> {
        if self.stage(rules) != Stage::Active {
            return Err(self.refuse(rules, "the start of the ending"));
        }
        self.not_before_latest(on, "start of the ending")?;
        self.life.closing = Some(on);
        Ok(())
    }

    /// Ends the relationship. A pair must have started (everyone agreed) to be closed; one
    /// still waiting for an answer is declined or its confirmation undone instead.
    pub fn close(&mut self, rules: LifeRules, closure: Closure) -> Result<(), DomainError> {
        if matches!(
            self.stage(rules),
            Stage::Proposed | Stage::Closed | Stage::Declined
        ) {
            return Err(self.refuse(rules, "an ending"));
        }
        closure.validate(&self.members, self.confirmed)?;
        if let Some(on) = closure.on {
            self.not_before_latest(on, "ending")?;
        }
        self.ended = closure.on;
        self.life.closure = Some(closure);
        Ok(())
    }

    /// Takes back the step recorded last and says which it was. Re-opening an ended pair is
    /// checked by [`Mentoring::undo_step`], which knows the other pairs.
    pub fn undo_step(&mut self) -> Result<&'static str, DomainError> {
        let l = &mut self.life;
        let undone = if l.closure.take().is_some() {
            self.ended = None;
            "the ending"
        } else if l.declined.take().is_some() {
            self.ended = None;
            "the “no”"
        } else if l.closing.take().is_some() {
            "the start of the ending"
        } else if l.signed.take().is_some() {
            "the signed agreement"
        } else if l.first_meeting.take().is_some() {
            "the first meeting"
        } else if l.agreed.pop().is_some() {
            "the agreement"
        } else {
            return Err(MentoringError::NothingToUndo.into());
        };
        Ok(undone)
    }
}

impl Mentoring {
    /// Undoes a pair's last step, refusing to re-open an ended pair whose people are already
    /// in another open pair.
    pub fn undo_step(&mut self, pair: Id) -> Result<&'static str, DomainError> {
        let x = self.pair(pair).ok_or(DomainError::NotFound("pair"))?;
        if x.ended.is_some() {
            let busy = x.members.iter().any(|m| {
                self.active_pairs()
                    .any(|o| o.id != pair && o.members.contains(m))
            });
            if busy {
                return Err(MentoringError::EndingKept.into());
            }
        }
        self.pair_mut(pair)?.undo_step()
    }

    /// Takes back a confirmation made by mistake: the pair is removed as if never confirmed.
    /// Only before the first meeting and with nothing recorded against it (`has_records`).
    pub fn undo_confirmation(
        &mut self,
        pair: Id,
        has_records: bool,
    ) -> Result<MentoringPair, DomainError> {
        let at = self.pairs.iter().position(|p| p.id == pair);
        let at = at.ok_or(DomainError::NotFound("pair"))?;
        let stage = self.pairs[at].stage(self.life_rules);
        if !matches!(stage, Stage::Proposed | Stage::Agreed) || has_records {
            return Err(MentoringError::AlreadyStarted.into());
        }
        Ok(self.pairs.remove(at))
    }

    /// Puts back a pair removed by [`Mentoring::undo_confirmation`].
    pub fn restore_pair(&mut self, pair: MentoringPair) -> Result<(), DomainError> {
        let busy = pair
            .members
            .iter()
            .any(|m| self.in_active_pair(*m) || self.pairs.iter().any(|p| p.id == pair.id));
        if busy {
            return Err(MentoringError::CannotPutBack.into());
        }
        self.pairs.push(pair);
        Ok(())
    }
}

/// What a shared figure may know about one relationship that began: dates and the kind of
/// ending only. No contact note, closing word, reason or safety text has a field here, so none
/// can reach the share gate, which reads only this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelationshipFacts {
    /// When both people had agreed (or when it was confirmed, for pairs from before).
    pub started: Date,
    /// When and how it ended, once it has.
    pub ended: Option<(Date, super::closure::Ending)>,
    /// The earliest coordinator contact due with either person, while contacts are due.
    pub next_contact_due: Option<Date>,
}

impl crate::domain::programme::Programme {
    /// Each relationship that began (both agreed, or confirmed before statuses were kept),
    /// as dates: for the programme figures a shared file may hold.
    pub fn relationship_facts(&self) -> Vec<RelationshipFacts> {
        let rules = self.mentoring.life_rules;
        let f = &self.followup;
        self.mentoring
            .pairs
            .iter()
            .filter(|x| !matches!(x.stage(rules), Stage::Proposed | Stage::Declined))
            .filter_map(|x| {
                let agreed = x.life.agreed.iter().map(|(_, d)| *d).max();
                let started = if x.life.before_tracking {
                    x.confirmed.or(agreed)
                } else {
                    agreed.or(x.confirmed)
                }?;
                let ended = x
                    .life
                    .closure
                    .as_ref()
                    .map(|c| (c.on.or(x.ended).unwrap_or(started), c.ending));
                let next_contact_due =
                    crate::domain::followup::contacts_due(x, rules, f.contact_cadence, &f.contacts)
                        .iter()
                        .map(|d| d.due)
                        .min();
                Some(RelationshipFacts {
                    started,
                    ended,
                    next_contact_due,
                })
            })
            .collect()
    }
}

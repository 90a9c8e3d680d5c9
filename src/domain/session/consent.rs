//! The consent step (Sweeny's step 6): the group is asked whether its flip-chart items may be
//! shared outside the programme, and each item is marked shareable or internal only.
//! Internal only is the default, and one objection keeps an item internal.

use super::{clean_text, FlipChartItem, Phase, Session, SessionError};
use crate::domain::Date;
use serde::{Deserialize, Serialize};

/// The question read to the room, in plain words, after Sweeny's step 6.
pub const CONSENT_QUESTION: &str = "You have shared some terrific insights and growth today. \
    Would anyone mind if these comments were shared, without any names, with people outside \
    the programme, so they can see how much you are learning? If you would rather any item \
    stayed in this room, say so and it will stay here.";

pub(super) fn default_question() -> String {
    CONSENT_QUESTION.to_string()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConsentDecision {
    /// Stays in the group's own record; never exported.
    #[default]
    InternalOnly,
    /// The group agreed it may be shared (still name-scrubbed at export).
    Shareable,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

/// The group's decision about one item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemConsent {
    #[serde(default)]
    pub decision: ConsentDecision,
    /// When the decision was made; `None` until the question was asked for this item.
    #[serde(default)]
    pub decided_on: Option<Date>,
    /// Someone objected to sharing it. Only an explicit clearing removes this.
    #[serde(default)]
    pub objection: bool,
}

impl ItemConsent {
    /// The item changed, so consent given to the old version no longer holds.
    /// An objection stays: it was about the content, which is still there.
    pub(super) fn ask_again(&mut self) {
        self.decision = ConsentDecision::InternalOnly;
        self.decided_on = None;
    }
}

impl FlipChartItem {
    pub fn is_shareable(&self) -> bool {
        self.consent.decision == ConsentDecision::Shareable
    }
}

impl Session {
    pub fn consent_question(&self) -> &str {
        &self.consent_question
    }

    /// Rewords the consent question, for example for a different audience.
    pub fn set_consent_question(&mut self, text: &str) -> Result<(), SessionError> {
        if self.phase == Phase::Closed {
            return Err(SessionError::WrongPhase {
                needed: Phase::Consent,
                current: self.phase,
            });
        }
        self.consent_question = clean_text(text)?;
        Ok(())
    }

    /// The group agreed this item may be shared. Refused while an objection stands.
    pub fn mark_shareable(&mut self, number: u32, on: Date) -> Result<(), SessionError> {
        self.require(Phase::Consent)?;
        let item = self.item_mut(number)?;
        if item.consent.objection {
            return Err(SessionError::Objected(self.shown_number(number)));
        }
        item.consent.decision = ConsentDecision::Shareable;
        item.consent.decided_on = Some(on);
        Ok(())
    }

    /// The group decided this item stays internal.
    pub fn mark_internal(&mut self, number: u32, on: Date) -> Result<(), SessionError> {
        self.require(Phase::Consent)?;
        let item = self.item_mut(number)?;
        item.consent.decision = ConsentDecision::InternalOnly;
        item.consent.decided_on = Some(on);
        Ok(())
    }

    /// Someone objected: the item becomes internal only and stays so until the objection is
    /// cleared on purpose.
    pub fn record_objection(&mut self, number: u32, on: Date) -> Result<(), SessionError> {
        self.require(Phase::Consent)?;
        let item = self.item_mut(number)?;
        item.consent = ItemConsent {
            decision: ConsentDecision::InternalOnly,
            decided_on: Some(on),
            objection: true,
        };
        Ok(())
    }

    /// The objector withdrew. The item stays internal until it is marked shareable again.
    pub fn clear_objection(&mut self, number: u32) -> Result<(), SessionError> {
        self.require(Phase::Consent)?;
        self.item_mut(number)?.consent.objection = false;
        Ok(())
    }

    /// Items the group agreed to share, in flip-chart order.
    pub fn shareable_items(&self) -> Vec<&FlipChartItem> {
        self.flip_chart
            .iter()
            .filter(|i| i.is_shareable())
            .collect()
    }
}

//! What the room sees on the projector: the question, the step, the clock, the pair and
//! table numbers, and the flip chart numbered 1 to n. Built from a session by one function,
//! and by construction it holds no name and no pair's or table's words.
//!
//! The projector window gets it from the facilitator's window as a message (never from
//! storage), so it needs no passphrase, goes blank when the facilitator locks, and comes back
//! when they unlock.

use super::{table_label, Phase, Session};
use crate::domain::charter::Guidelines;
use crate::domain::Id;
use serde::{Deserialize, Serialize};

/// One flip-chart item as the room sees it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RoomItem {
    /// Its place on the flip chart, 1 to n: the number everyone says.
    pub shown: u32,
    /// The item's lasting id (for counting from the facilitator's own window).
    pub id: u32,
    pub text: String,
    pub agree: u32,
    pub minority: bool,
    /// At the consent step: the group kept it inside ("stays in this room").
    pub stays_in_room: bool,
}

/// A pair as the room sees it: a number, never who is in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomPair {
    pub number: u32,
    pub trio: bool,
    pub answered: bool,
}

/// A table as the room sees it: its letter and its pairs' numbers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomTable {
    pub label: String,
    pub pairs: Vec<u32>,
    pub answered: bool,
}

/// The step's countdown, as the facilitator's window shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomClock {
    /// "4:05"
    pub face: String,
    pub done: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomView {
    pub question: String,
    pub phase: Phase,
    /// Asked at the consent step only.
    pub consent_question: Option<String>,
    pub pairs: Vec<RoomPair>,
    pub tables: Vec<RoomTable>,
    pub items: Vec<RoomItem>,
    pub clock: Option<RoomClock>,
    /// The group's guidelines card, while the facilitator shows it at the first step. The
    /// group's own agreed words, read to the group itself.
    #[serde(default)]
    pub guidelines: Option<Box<Guidelines>>,
}

impl RoomView {
    /// "Step 4 of 7 · Report out"
    pub fn step_line(&self) -> String {
        if self.phase == Phase::Unknown {
            return self.phase.label().to_string();
        }
        format!(
            "Step {} of {} · {}",
            self.phase.step(),
            Phase::ALL.len(),
            self.phase.label()
        )
    }
}

impl Session {
    /// What the projector shows now. Pairs and tables appear only at their own steps.
    pub fn room_view(&self, clock: Option<RoomClock>) -> RoomView {
        let phase = self.phase;
        let consent = phase == Phase::Consent;
        let pairs = if phase == Phase::Pairs {
            self.pairs
                .iter()
                .map(|p| RoomPair {
                    number: p.number,
                    trio: p.size == 3,
                    answered: !p.points.is_empty(),
                })
                .collect()
        } else {
            Vec::new()
        };
        let tables = if phase == Phase::Tables {
            self.tables
                .iter()
                .map(|t| RoomTable {
                    label: table_label(t.number),
                    pairs: t.pairs.clone(),
                    answered: !t.consensus.is_empty() || !t.minority.is_empty(),
                })
                .collect()
        } else {
            Vec::new()
        };
        let items = self
            .flip_chart
            .iter()
            .zip(1u32..)
            .map(|(i, shown)| RoomItem {
                shown,
                id: i.number,
                text: i.text.clone(),
                agree: i.agree,
                minority: i.minority,
                stays_in_room: consent && !i.is_shareable(),
            })
            .collect();
        RoomView {
            question: self.question.text.clone(),
            phase,
            consent_question: consent.then(|| self.consent_question.clone()),
            pairs,
            tables,
            items,
            clock,
            guidelines: None,
        }
    }
}

/// What the facilitator's window and the projector window say to each other.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum RoomMessage {
    /// From the projector: "show me this session".
    Want { session: Id },
    /// From the facilitator's window: what to show now.
    Show { session: Id, view: RoomView },
    /// The facilitator's window is locked: show nothing.
    Locked,
    /// The session is not on this device (deleted).
    Gone { session: Id },
}

impl RoomMessage {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Anything that is not a well-formed message is ignored.
    pub fn decode(text: &str) -> Option<RoomMessage> {
        if text.len() > 4_000_000 {
            return None;
        }
        serde_json::from_str(text).ok()
    }

    /// The session a projector window asks for, if `text` is its "want" message. Read
    /// without the code for the other messages: the facilitator's window, which only ever
    /// answers, has them in its first download only as this.
    pub fn wanted(text: &str) -> Option<Id> {
        #[derive(Deserialize)]
        struct Want {
            kind: String,
            session: Id,
        }
        if text.len() > 200 {
            return None;
        }
        let want: Want = serde_json::from_str(text).ok()?;
        (want.kind == "want").then_some(want.session)
    }
}

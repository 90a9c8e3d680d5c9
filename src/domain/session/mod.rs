//! One live meeting run with Sweeny's three levels of sharing: pairs, tables, then the
//! whole-group flip chart, followed by agreement counts and the consent question.
//! Pure data and rules: the UI calls these methods and stores the session as a JSON record.
//!
//! Privacy: answers are stored against "Pair 3" and "Table B", never against people. Who sat
//! in which pair lives in memory only (never serialised, so never stored, backed up or
//! shared) and is dropped for good the moment tables are formed.

mod consent;
mod drafts;
mod error;
mod feedback;
mod flipchart;
mod pairs;
mod phase;
mod room;
mod tables;
mod validate;

#[cfg(test)]
mod chart_tests;
#[cfg(test)]
mod drafts_tests;
#[cfg(test)]
mod props;
#[cfg(test)]
mod room_tests;
#[cfg(test)]
mod tests;

pub use consent::{ConsentDecision, ItemConsent, CONSENT_QUESTION};
pub use drafts::{Draft, DraftBox};
pub use error::SessionError;
pub use feedback::{FeedbackAnswers, FeedbackFigures, FeedbackQuestion, MeetingFeedback};
pub use flipchart::FlipChartItem;
pub use pairs::{Pair, Seat, SeatAssignment};
pub use phase::{Phase, UNKNOWN_STEP};
pub use room::{RoomClock, RoomItem, RoomMessage, RoomPair, RoomTable, RoomView};
pub use tables::{table_label, TableGroup};

use crate::domain::questions::Question;
use crate::domain::{Date, Id, MAX_TEXT};
use serde::{Deserialize, Serialize};

/// Most guests (people present without a name in the roster) one session accepts.
pub const MAX_GUESTS: u32 = 500;

/// The question a session asks, copied in so later edits to the bank never change it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionQuestion {
    /// The bank question it came from; `None` for a one-off question typed for this meeting.
    #[serde(default)]
    pub question_id: Option<Id>,
    pub text: String,
}

impl SessionQuestion {
    pub fn from_bank(question: &Question) -> SessionQuestion {
        SessionQuestion {
            question_id: Some(question.id),
            text: question.text.clone(),
        }
    }

    pub fn one_off(text: &str) -> Result<SessionQuestion, SessionError> {
        Ok(SessionQuestion {
            question_id: None,
            text: clean_text(text)?,
        })
    }
}

/// Where an answer is written: a pair's agreed answer, a table's consensus, or a table's
/// minority report. Numbers are pair and table numbers, never people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AnswerBox {
    Pair(u32),
    TableConsensus(u32),
    TableMinority(u32),
}

/// One meeting of one group. Fields are private so every change goes through a method that
/// keeps the session valid; read them through the accessors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    id: Id,
    group: Id,
    date: Date,
    question: SessionQuestion,
    #[serde(default)]
    phase: Phase,
    /// Roster members present. The UI offers only the group's members.
    #[serde(default)]
    present: Vec<Id>,
    /// People present without a name in the roster.
    #[serde(default)]
    guests: u32,
    #[serde(default)]
    pairs: Vec<Pair>,
    /// Who sits in which pair: memory only. Never serialised, so a stored record, a backup
    /// or another tab never holds it; emptied for good when tables are formed.
    #[serde(skip)]
    seats: Vec<SeatAssignment>,
    #[serde(default)]
    seating_forgotten: bool,
    #[serde(default)]
    tables: Vec<TableGroup>,
    #[serde(default)]
    flip_chart: Vec<FlipChartItem>,
    /// Next flip-chart item number; numbers are never reused, so un-merging stays unambiguous.
    #[serde(default = "one")]
    next_item: u32,
    #[serde(default = "consent::default_question")]
    consent_question: String,
    /// Text typed into a box and not yet added, kept as it is typed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    drafts: Vec<Draft>,
    /// The group's guidelines card is on the projector (at the first step only).
    #[serde(default)]
    guidelines_on_screen: bool,
    /// "How was today's meeting?": counts only, never anyone's answers (see `feedback`).
    #[serde(default)]
    feedback: MeetingFeedback,
}

fn one() -> u32 {
    1
}

/// What the facilitator sees when the session closes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub date: Date,
    pub question: String,
    pub members_present: u32,
    pub guests: u32,
    pub people_present: u32,
    pub pairs: u32,
    pub tables: u32,
    /// Items on the flip chart after merging.
    pub items: u32,
    /// Answers folded into other items by merging.
    pub merged_answers: u32,
    pub minority_items: u32,
    pub shareable_items: u32,
    pub objections: u32,
    pub highest_agreement: u32,
}

impl Session {
    /// A new session at the attendance step, with nobody marked present yet.
    pub fn new(
        id: Id,
        group: Id,
        date: Date,
        question: SessionQuestion,
    ) -> Result<Session, SessionError> {
        let question = SessionQuestion {
            text: clean_text(&question.text)?,
            ..question
        };
        Ok(Session {
            id,
            group,
            date,
            question,
            phase: Phase::Attendance,
            present: Vec::new(),
            guests: 0,
            pairs: Vec::new(),
            seats: Vec::new(),
            seating_forgotten: false,
            tables: Vec::new(),
            flip_chart: Vec::new(),
            next_item: 1,
            consent_question: CONSENT_QUESTION.to_string(),
            drafts: Vec::new(),
            guidelines_on_screen: false,
            feedback: MeetingFeedback::default(),
        })
    }

    pub fn id(&self) -> Id {
        self.id
    }

    pub fn group(&self) -> Id {
        self.group
    }

    pub fn date(&self) -> Date {
        self.date
    }

    pub fn question(&self) -> &SessionQuestion {
        &self.question
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Who was present, for the roster's commitment figures.
    pub fn attendance(&self) -> &[Id] {
        &self.present
    }

    pub fn is_present(&self, member: Id) -> bool {
        self.present.contains(&member)
    }

    pub fn guests(&self) -> u32 {
        self.guests
    }

    /// Members plus guests: the most people who can agree with any item.
    pub fn people_present(&self) -> u32 {
        u32::try_from(self.present.len())
            .unwrap_or(u32::MAX)
            .saturating_add(self.guests)
    }

    /// Whether the room sees the group's guidelines card (only ever at the first step).
    pub fn guidelines_on_screen(&self) -> bool {
        self.guidelines_on_screen && self.phase == Phase::Attendance
    }

    /// Puts the guidelines card on the projector, or takes it off. It belongs to the start
    /// of the meeting: moving on to the pairs takes it off by itself.
    pub fn show_guidelines(&mut self, on: bool) -> Result<(), SessionError> {
        self.require(Phase::Attendance)?;
        self.guidelines_on_screen = on;
        Ok(())
    }

    /// Moves the meeting to another date (only while taking attendance).
    pub fn set_date(&mut self, date: Date) -> Result<(), SessionError> {
        self.require(Phase::Attendance)?;
        self.date = date;
        Ok(())
    }

    /// Changes the question (only while taking attendance, before anyone has answered it).
    pub fn set_question(&mut self, question: SessionQuestion) -> Result<(), SessionError> {
        self.require(Phase::Attendance)?;
        let text = clean_text(&question.text)?;
        if self.has_any_answer() {
            return Err(SessionError::AnswersRecorded("The pairs or tables"));
        }
        self.question = SessionQuestion { text, ..question };
        Ok(())
    }

    /// Marks a group member present. Marking someone twice changes nothing.
    pub fn mark_present(&mut self, member: Id) -> Result<(), SessionError> {
        self.require(Phase::Attendance)?;
        if !self.present.contains(&member) {
            self.present.push(member);
        }
        Ok(())
    }

    /// Marks a member absent, taking them out of their pair if pairs are still known.
    pub fn mark_absent(&mut self, member: Id) -> Result<(), SessionError> {
        self.require(Phase::Attendance)?;
        if !self.present.contains(&member) {
            return Ok(());
        }
        self.refuse_if_counts_exceed(self.people_present().saturating_sub(1))?;
        self.present.retain(|&m| m != member);
        self.unseat(|seat| seat == Seat::Member(member));
        Ok(())
    }

    /// Sets how many guests are present. Guests are counted, never named.
    pub fn set_guests(&mut self, guests: u32) -> Result<(), SessionError> {
        self.require(Phase::Attendance)?;
        if guests > MAX_GUESTS {
            return Err(SessionError::TooManyGuests(MAX_GUESTS));
        }
        let members = self.people_present().saturating_sub(self.guests);
        self.refuse_if_counts_exceed(members.saturating_add(guests))?;
        self.guests = guests;
        self.unseat(|seat| matches!(seat, Seat::Guest(n) if n > guests));
        Ok(())
    }

    pub fn summary(&self) -> SessionSummary {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let items = &self.flip_chart;
        SessionSummary {
            date: self.date,
            question: self.question.text.clone(),
            members_present: count(self.present.len()),
            guests: self.guests,
            people_present: self.people_present(),
            pairs: count(self.pairs.len()),
            tables: count(self.tables.len()),
            items: count(items.len()),
            merged_answers: count(items.iter().map(|i| i.merged.len()).sum()),
            minority_items: count(items.iter().filter(|i| i.minority).count()),
            shareable_items: count(items.iter().filter(|i| i.is_shareable()).count()),
            objections: count(items.iter().filter(|i| i.consent.objection).count()),
            highest_agreement: items.iter().map(|i| i.agree).max().unwrap_or(0),
        }
    }

    /// Refuses an action that belongs to another step.
    fn require(&self, needed: Phase) -> Result<(), SessionError> {
        if self.phase == needed {
            Ok(())
        } else {
            Err(SessionError::WrongPhase {
                needed,
                current: self.phase,
            })
        }
    }

    fn has_any_answer(&self) -> bool {
        self.pairs.iter().any(|p| !p.points.is_empty())
            || self
                .tables
                .iter()
                .any(|t| !t.consensus.is_empty() || !t.minority.is_empty())
            || !self.flip_chart.is_empty()
    }

    // Counts include items merged away, because un-merging brings their counts back.
    fn refuse_if_counts_exceed(&self, people: u32) -> Result<(), SessionError> {
        let too_high = self
            .flip_chart
            .iter()
            .flat_map(|i| std::iter::once(i).chain(i.merged.iter()))
            .any(|i| i.agree > people);
        if too_high {
            Err(SessionError::CountsAbovePresent(people))
        } else {
            Ok(())
        }
    }

    /// The lines of one answer box, for reading.
    pub fn points(&self, target: AnswerBox) -> Result<&[String], SessionError> {
        Ok(match target {
            AnswerBox::Pair(n) => &self.pair(n)?.points,
            AnswerBox::TableConsensus(n) => &self.table(n)?.consensus,
            AnswerBox::TableMinority(n) => &self.table(n)?.minority,
        })
    }

    /// Adds a point to a pair's answer (pairs step) or a table's answer (tables step).
    pub fn add_point(&mut self, target: AnswerBox, text: &str) -> Result<(), SessionError> {
        let text = clean_text(text)?;
        self.points_mut(target)?.push(text);
        Ok(())
    }

    pub fn edit_point(
        &mut self,
        target: AnswerBox,
        index: usize,
        text: &str,
    ) -> Result<(), SessionError> {
        let text = clean_text(text)?;
        let point = self
            .points_mut(target)?
            .get_mut(index)
            .ok_or(SessionError::NoSuchPoint)?;
        *point = text;
        Ok(())
    }

    pub fn remove_point(&mut self, target: AnswerBox, index: usize) -> Result<(), SessionError> {
        let points = self.points_mut(target)?;
        if index >= points.len() {
            return Err(SessionError::NoSuchPoint);
        }
        points.remove(index);
        if matches!(target, AnswerBox::Pair(_)) {
            self.tidy_pairs();
        }
        Ok(())
    }

    fn points_mut(&mut self, target: AnswerBox) -> Result<&mut Vec<String>, SessionError> {
        match target {
            AnswerBox::Pair(n) => {
                self.require(Phase::Pairs)?;
                Ok(&mut self.pair_mut(n)?.points)
            }
            AnswerBox::TableConsensus(n) => {
                self.require(Phase::Tables)?;
                Ok(&mut self.table_mut(n)?.consensus)
            }
            AnswerBox::TableMinority(n) => {
                self.require(Phase::Tables)?;
                Ok(&mut self.table_mut(n)?.minority)
            }
        }
    }
}

/// Trims a piece of facilitator text, refusing empty or over-long text.
pub(crate) fn clean_text(text: &str) -> Result<String, SessionError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(SessionError::EmptyText);
    }
    let len = text.chars().count();
    if len > MAX_TEXT {
        return Err(SessionError::TooLong { len, max: MAX_TEXT });
    }
    Ok(text.to_string())
}

//! Text typed into a box but not yet added ("Add to Pair 3's agreed answer", "Add an item").
//! It is kept with the session as it is typed, so moving between steps, a reload, a hand-over
//! to another tab or the lock never loses it. Moving on to the next step adds each draft of
//! the step being left to its answer; stepping back keeps them as drafts, shown again.

use super::{AnswerBox, Phase, Session, SessionError};
use crate::domain::MAX_TEXT;
use serde::{Deserialize, Serialize};

/// The box a draft was typed into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DraftBox {
    /// A pair's or a table's answer (numbers only, never people).
    Answer(AnswerBox),
    /// "Add an item raised in the discussion" on the flip chart.
    NewItem,
}

impl DraftBox {
    /// The step whose screen shows this box.
    pub fn phase(self) -> Phase {
        match self {
            DraftBox::Answer(AnswerBox::Pair(_)) => Phase::Pairs,
            DraftBox::Answer(AnswerBox::TableConsensus(_) | AnswerBox::TableMinority(_)) => {
                Phase::Tables
            }
            DraftBox::NewItem => Phase::ReportOut,
        }
    }
}

/// One box's unsent text, stored exactly as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub place: DraftBox,
    pub text: String,
}

impl Session {
    /// What is typed, unsent, in a box ("" when nothing is).
    pub fn draft(&self, place: DraftBox) -> &str {
        self.drafts
            .iter()
            .find(|d| d.place == place)
            .map_or("", |d| d.text.as_str())
    }

    /// Every unsent draft, for the "typed but not added" notes.
    pub fn drafts(&self) -> &[Draft] {
        &self.drafts
    }

    /// Keeps what is typed in a box. Blank text removes the draft. Refused (and the screen
    /// keeps the text) only when it is too long or the box belongs to another step.
    pub fn set_draft(&mut self, place: DraftBox, text: &str) -> Result<(), SessionError> {
        self.require(place.phase())?;
        self.require_box(place)?;
        let len = text.chars().count();
        if len > MAX_TEXT {
            return Err(SessionError::TooLong { len, max: MAX_TEXT });
        }
        self.drafts.retain(|d| d.place != place);
        if !text.trim().is_empty() {
            self.drafts.push(Draft {
                place,
                text: text.to_string(),
            });
        }
        Ok(())
    }

    /// Adds a box's draft to its answer (or to the flip chart) and empties the box.
    pub fn commit_draft(&mut self, place: DraftBox, minority: bool) -> Result<(), SessionError> {
        let text = self.draft(place).to_string();
        if text.trim().is_empty() {
            return Err(SessionError::EmptyText);
        }
        match place {
            DraftBox::Answer(target) => self.add_point(target, &text)?,
            DraftBox::NewItem => {
                self.add_item(&text, minority)?;
            }
        }
        self.drafts.retain(|d| d.place != place);
        Ok(())
    }

    /// Adds every draft of the current step to its answer; used when moving on. All or
    /// nothing: if one cannot be added, nothing changes and the reason names the box.
    pub(super) fn commit_step_drafts(&mut self) -> Result<(), SessionError> {
        let mut next = self.clone();
        let places: Vec<DraftBox> = self
            .drafts
            .iter()
            .filter(|d| d.place.phase() == self.phase)
            .map(|d| d.place)
            .collect();
        for place in places {
            if next.require_box(place).is_err() {
                // The pair or table is gone (re-formed); nothing to add it to.
                next.drafts.retain(|d| d.place != place);
                continue;
            }
            next.commit_draft(place, false)?;
        }
        *self = next;
        Ok(())
    }

    /// Drops drafts of boxes that no longer exist (pairs or tables formed again).
    pub(super) fn tidy_drafts(&mut self) {
        let keep: Vec<bool> = self
            .drafts
            .iter()
            .map(|d| self.require_box(d.place).is_ok())
            .collect();
        let mut keep = keep.into_iter();
        self.drafts.retain(|_| keep.next().unwrap_or(false));
    }

    fn require_box(&self, place: DraftBox) -> Result<(), SessionError> {
        match place {
            DraftBox::Answer(AnswerBox::Pair(n)) => self.pair(n).map(|_| ()),
            DraftBox::Answer(AnswerBox::TableConsensus(n) | AnswerBox::TableMinority(n)) => {
                self.table(n).map(|_| ())
            }
            DraftBox::NewItem => Ok(()),
        }
    }

    /// Problems with stored drafts, for validation.
    pub(super) fn draft_problems(&self) -> Option<&'static str> {
        let mut seen = std::collections::HashSet::new();
        if !self.drafts.iter().all(|d| seen.insert(d.place)) {
            return Some("two drafts for one box");
        }
        let ok = |d: &Draft| !d.text.trim().is_empty() && d.text.chars().count() <= MAX_TEXT;
        if !self.drafts.iter().all(ok) {
            return Some("a draft is empty or too long");
        }
        None
    }
}

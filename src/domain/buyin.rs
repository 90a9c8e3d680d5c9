//! Awareness and buy-in (programme steps 1 and 2): what people raised at the awareness
//! session, kept anonymous by having no author field at all, and the trial-period prompts.

use super::programme::Programme;
use super::roster::{OptIn, TrialChoice};
use super::{check_length, DomainError, Id};
use crate::domain::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    #[default]
    Feedback,
    Question,
    Concern,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl NoteKind {
    pub const ALL: [NoteKind; 3] = [NoteKind::Feedback, NoteKind::Question, NoteKind::Concern];

    pub fn label(self) -> &'static str {
        match self {
            NoteKind::Feedback => "Feedback",
            NoteKind::Question => "Question",
            NoteKind::Concern => "Concern",
            NoteKind::Unknown => "A kind of note this version does not know",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            NoteKind::Feedback => "feedback",
            NoteKind::Question => "question",
            NoteKind::Concern => "concern",
            NoteKind::Unknown => crate::domain::UNKNOWN_VALUE,
        }
    }

    pub fn from_key(key: &str) -> Option<NoteKind> {
        NoteKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Something raised at the awareness session. Deliberately no author: it cannot be traced.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwarenessNote {
    pub id: Id,
    pub kind: NoteKind,
    pub text: String,
    pub answered: bool,
}

impl Programme {
    pub fn add_awareness_note(
        &mut self,
        id: Id,
        kind: NoteKind,
        text: &str,
    ) -> Result<(), DomainError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(super::group_life::GroupError::EmptyAwarenessNote.into());
        }
        check_length(text)?;
        self.awareness.push(AwarenessNote {
            id,
            kind,
            text: text.to_string(),
            answered: false,
        });
        Ok(())
    }

    pub fn set_note_answered(&mut self, id: Id, answered: bool) -> Result<(), DomainError> {
        let note = self
            .awareness
            .iter_mut()
            .find(|n| n.id == id)
            .ok_or(DomainError::NotFound("note"))?;
        note.answered = answered;
        Ok(())
    }

    pub fn remove_awareness_note(&mut self, id: Id) -> Result<AwarenessNote, DomainError> {
        let at = self
            .awareness
            .iter()
            .position(|n| n.id == id)
            .ok_or(DomainError::NotFound("note"))?;
        Ok(self.awareness.remove(at))
    }

    /// Everyone whose trial needs a "continue or leave" decision: ended, or ending within
    /// [`TRIAL_WARNING_DAYS`]. Ended trials first, then by end date.
    pub fn trial_prompts(&self, today: Date) -> Vec<TrialPrompt> {
        let mut prompts: Vec<TrialPrompt> = self
            .participants
            .iter()
            .filter_map(|p| {
                let opt_in = p.opt_in?;
                trial_state(&opt_in, today).map(|state| TrialPrompt {
                    person: p.id,
                    end: opt_in.end,
                    state,
                })
            })
            .collect();
        crate::domain::sort::sort_by_key(&mut prompts, |t| {
            (!matches!(t.state, TrialState::Ended { .. }), t.end)
        });
        prompts
    }
}

/// How far ahead the programme view warns about a trial ending (two weeks).
pub const TRIAL_WARNING_DAYS: i32 = 14;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrialState {
    EndsSoon { days_left: i32 },
    Ended { days_ago: i32 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrialPrompt {
    pub person: Id,
    pub end: Date,
    pub state: TrialState,
}

impl TrialPrompt {
    pub fn sentence(&self) -> String {
        match self.state {
            TrialState::EndsSoon { days_left: 0 } => "Trial ends today".to_string(),
            TrialState::EndsSoon { days_left: 1 } => "Trial ends tomorrow".to_string(),
            TrialState::EndsSoon { days_left } => {
                format!("Trial ends in {days_left} days ({})", self.end)
            }
            TrialState::Ended { days_ago: 1 } => "Trial ended yesterday".to_string(),
            TrialState::Ended { days_ago } => {
                format!("Trial ended {days_ago} days ago ({})", self.end)
            }
        }
    }
}

/// `None` once a decision is recorded, or while the end is more than two weeks away.
pub fn trial_state(opt_in: &OptIn, today: Date) -> Option<TrialState> {
    if opt_in.decision.is_some() {
        return None;
    }
    let days_left = today.days_until(opt_in.end);
    if days_left < 0 {
        Some(TrialState::Ended {
            days_ago: -days_left,
        })
    } else if days_left <= TRIAL_WARNING_DAYS {
        Some(TrialState::EndsSoon { days_left })
    } else {
        None
    }
}

pub fn choice_label(choice: TrialChoice) -> &'static str {
    match choice {
        TrialChoice::Continue => "Continue",
        TrialChoice::Leave => "Leave",
        TrialChoice::Unknown => "A choice this version does not know",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roster::Role;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn notes_have_no_author_and_can_be_answered() {
        let mut p = Programme::new(1, "P").unwrap();
        assert!(p.add_awareness_note(2, NoteKind::Question, "   ").is_err());
        p.add_awareness_note(2, NoteKind::Concern, " Will my manager see this? ")
            .unwrap();
        p.set_note_answered(2, true).unwrap();
        assert!(p.awareness[0].answered);
        assert_eq!(p.awareness[0].text, "Will my manager see this?");
        let json = serde_json::to_string(&p.awareness[0]).unwrap();
        assert_eq!(
            json, r#"{"id":2,"kind":"concern","text":"Will my manager see this?","answered":true}"#,
            "nothing but the note itself is stored"
        );
        assert!(p.set_note_answered(9, true).is_err());
        p.remove_awareness_note(2).unwrap();
        assert!(p.awareness.is_empty());
    }

    #[test]
    fn trials_ending_within_two_weeks_or_ended_are_prompted_until_decided() {
        let mut p = Programme::new(1, "P").unwrap();
        let today = d("2027-03-01");
        for (id, end) in [
            (2, "2027-03-15"),
            (3, "2027-03-16"),
            (4, "2027-02-27"),
            (5, "2027-03-01"),
        ] {
            p.add_participant(id, "x", Role::Peer).unwrap();
            p.set_opt_in(id, d("2027-01-01"), d(end)).unwrap();
        }
        p.add_participant(6, "never opted in", Role::Peer).unwrap();
        let prompts = p.trial_prompts(today);
        let ids: Vec<Id> = prompts.iter().map(|t| t.person).collect();
        assert_eq!(
            ids,
            vec![4, 5, 2],
            "ended first; 16 days away is not yet due"
        );
        assert_eq!(prompts[0].sentence(), "Trial ended 2 days ago (2027-02-27)");
        assert_eq!(prompts[1].sentence(), "Trial ends today");
        assert_eq!(prompts[2].sentence(), "Trial ends in 14 days (2027-03-15)");
        p.decide_trial(4, TrialChoice::Continue, today).unwrap();
        assert_eq!(p.trial_prompts(today).len(), 2);
        assert_eq!(choice_label(TrialChoice::Leave), "Leave");
    }
}

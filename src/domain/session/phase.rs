//! The session's steps, in the order Sweeny runs them, and moving between them.
//! Stepping back never removes anything; stepping forward checks the step is complete.

use super::{Session, SessionError};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Phase {
    #[default]
    Attendance,
    /// Level 1: each pair agrees an answer.
    Pairs,
    /// Level 2: tables seek consensus; minority reports are welcome.
    Tables,
    /// Level 3: the whole-group flip chart.
    ReportOut,
    Agreement,
    Consent,
    Closed,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

/// What the facilitator is told about a meeting at a step this version does not know. It
/// opens read-only: stepping on or back from a step whose rules are unknown could undo work.
pub const UNKNOWN_STEP: &str = "This meeting is at a step this version of Peercircle does not \
    know. Open it in the newest version to carry on.";

impl Phase {
    pub const ALL: [Phase; 7] = [
        Phase::Attendance,
        Phase::Pairs,
        Phase::Tables,
        Phase::ReportOut,
        Phase::Agreement,
        Phase::Consent,
        Phase::Closed,
    ];

    /// 1 to 7, for "step 3 of 7".
    pub fn step(self) -> usize {
        Phase::ALL.iter().position(|&p| p == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Option<Phase> {
        if self == Phase::Unknown {
            return None;
        }
        Phase::ALL.get(self.step()).copied()
    }

    pub fn previous(self) -> Option<Phase> {
        if self == Phase::Unknown {
            return None;
        }
        self.step()
            .checked_sub(2)
            .and_then(|i| Phase::ALL.get(i))
            .copied()
    }

    /// Sweeny's level of sharing, for the three sharing steps.
    pub fn level(self) -> Option<u8> {
        match self {
            Phase::Pairs => Some(1),
            Phase::Tables => Some(2),
            Phase::ReportOut => Some(3),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Phase::Attendance => "Attendance",
            Phase::Pairs => "Pairs",
            Phase::Tables => "Tables",
            Phase::ReportOut => "Report out",
            Phase::Agreement => "Agreement",
            Phase::Consent => "Consent",
            Phase::Closed => "Closed",
            Phase::Unknown => "A step this version does not know",
        }
    }

    /// What the facilitator does in this step, in a sentence.
    pub fn guidance(self) -> &'static str {
        match self {
            Phase::Attendance => "Mark who is here and count any guests.",
            Phase::Pairs => {
                "Form pairs. Each pair talks about their own experience and agrees an answer."
            }
            Phase::Tables => {
                "Group the pairs into tables. Each table seeks a shared answer; a minority \
                 report is fine too."
            }
            Phase::ReportOut => {
                "Bring the tables' answers onto the flip chart, merge duplicates and add \
                 anything new from the discussion."
            }
            Phase::Agreement => "For each item, count how many people agree.",
            Phase::Consent => {
                "Ask the consent question. Mark each item shareable or internal only."
            }
            Phase::Closed => "The session is finished. Step back if something needs correcting.",
            Phase::Unknown => UNKNOWN_STEP,
        }
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Session {
    /// Whether the current step is complete enough to move on, and if not, why not.
    pub fn can_advance(&self) -> Result<(), SessionError> {
        if self.phase == Phase::Unknown {
            return Err(SessionError::UnknownStep);
        }
        let not_ready = |why: &str| Err(SessionError::NotReady(why.to_string()));
        match self.phase {
            Phase::Attendance if self.people_present() < 2 => {
                not_ready("Mark at least two people present before forming pairs.")
            }
            Phase::Pairs if self.pairs.is_empty() => not_ready("Form the pairs first."),
            Phase::Pairs => match self.pairing_problems().into_iter().next() {
                Some(problem) => Err(SessionError::NotReady(problem)),
                None => Ok(()),
            },
            Phase::Tables if self.tables.is_empty() => not_ready("Form the tables first."),
            Phase::ReportOut if self.flip_chart.is_empty() => {
                not_ready("Put at least one item on the flip chart first.")
            }
            Phase::Closed => Err(SessionError::AtEnd),
            _ => Ok(()),
        }
    }

    /// Why "Next" cannot be pressed yet, counting typed drafts as added (as Next adds them).
    pub fn next_blocker(&self) -> Option<SessionError> {
        let mut next = self.clone();
        next.commit_step_drafts()
            .and_then(|()| next.can_advance())
            .err()
    }

    /// Moves to the next step when the current one is complete. Text typed into this
    /// step's boxes and not yet added is added first, so nothing typed is left behind.
    pub fn advance(&mut self) -> Result<(), SessionError> {
        let mut next = self.clone();
        next.commit_step_drafts()?;
        next.can_advance()?;
        next.phase = next.phase.next().ok_or(SessionError::AtEnd)?;
        next.guidelines_on_screen = false;
        *self = next;
        Ok(())
    }

    /// Goes straight to a step, as the step bar does: back any number of steps, or forward
    /// through each step in turn (each checked as "Next" would check it, typed drafts
    /// added). All or nothing: refused with the reason of the step that is not complete.
    pub fn go_to(&mut self, target: Phase) -> Result<(), SessionError> {
        if self.phase == Phase::Unknown || target == Phase::Unknown {
            return Err(SessionError::UnknownStep);
        }
        let mut next = self.clone();
        while next.phase < target {
            next.advance()?;
        }
        while next.phase > target {
            next.step_back()?;
        }
        *self = next;
        Ok(())
    }

    /// Why a step cannot be opened from here yet, or `None` when it can.
    pub fn why_not_open(&self, target: Phase) -> Option<String> {
        if self.phase == Phase::Unknown || target == Phase::Unknown {
            return Some(SessionError::UnknownStep.to_string());
        }
        let mut next = self.clone();
        while next.phase < target {
            if let Err(e) = next.advance() {
                return Some(format!(
                    "{} is not open yet: {}",
                    target.label(),
                    lower_first(&e.to_string())
                ));
            }
        }
        None
    }

    /// Goes back one step to correct something. Nothing recorded is removed.
    pub fn step_back(&mut self) -> Result<(), SessionError> {
        if self.phase == Phase::Unknown {
            return Err(SessionError::UnknownStep);
        }
        self.phase = self.phase.previous().ok_or(SessionError::AtStart)?;
        Ok(())
    }
}

/// "Form the pairs first." becomes "form the pairs first." after a colon.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

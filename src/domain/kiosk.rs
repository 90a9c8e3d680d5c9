//! Kiosk mode: the shared tablet shows one task (a pair's answer box, a table's consensus
//! box) and nothing else, until the facilitator's PIN lets them out. The rules live here,
//! pure and with the time passed in: PIN format and check, the growing delay after wrong
//! tries (stored, so a reload does not reset it), and the idle countdown that clears
//! unsent input.

use super::session::{table_label, AnswerBox, Phase, Session, SessionError};
use super::Id;
use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};

/// Shortest idle timeout a facilitator can set, in seconds: long enough to read the prompt.
pub const MIN_IDLE_SECONDS: u32 = 15;
/// Longest idle timeout, in seconds (ten minutes).
pub const MAX_IDLE_SECONDS: u32 = 600;
/// What a new device starts with: three minutes, because a pair talking before they type
/// is idle, and losing their half-typed answer hurts more than a screen left on a little.
pub const DEFAULT_IDLE_SECONDS: u32 = 180;
/// The full-screen warning shows during this many last seconds before clearing.
pub const WARNING_SECONDS: u32 = 30;
/// Wrong PINs allowed before any waiting starts.
pub const FREE_TRIES: u32 = 5;
/// The first wait, in seconds; each further wrong try doubles it, up to `MAX_DELAY_SECONDS`.
pub const FIRST_DELAY_SECONDS: u64 = 30;
pub const MAX_DELAY_SECONDS: u64 = 15 * 60;

/// What the tablet is handed over for. Stored in Settings, so a reload stays in the kiosk.
///
/// **Adding a task kind** (an outcomes survey, a check-in): add a variant here, give it its
/// words in [`KioskTask::describe`] (the one match in the domain), and a render arm in
/// `ui::kiosk::TaskScreen` (the one match in the UI). The compiler points at both. The shell,
/// the PIN, the idle clearing and the settings work for every task unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "task", rename_all = "kebab-case")]
pub enum KioskTask {
    /// Each pair in turn types its agreed answer (session step "Pairs").
    PairAnswers { session: Id },
    /// Each table in turn types its consensus (session step "Tables").
    TableConsensus { session: Id },
    /// Each person in turn fills in the anonymous outcomes survey at one survey point.
    OutcomesSurvey { programme: Id, point: Id },
    /// Each partner of one mentoring pair in turn fills in a check-in.
    CheckIn { programme: Id, pair: Id },
    /// Each participant in turn enters their own skills for the inventory.
    SkillsEntry { programme: Id },
    /// Each person in turn rates today's meeting, anonymously (session step "Closed").
    MeetingFeedback { session: Id },
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

/// The words and targets of a task that people answer one group at a time ("Pair 2").
#[derive(Clone, Copy, Debug)]
pub struct TurnTask {
    pub session: Id,
    /// "Pair" or "Table": what the people at the tablet pick their number from.
    pub unit: &'static str,
    /// Label of the answer box ("Your pair's answer").
    pub box_label: &'static str,
    /// Where a submission is stored.
    pub target: fn(u32) -> AnswerBox,
    /// The session step during which answers can be given.
    pub phase: Phase,
}

/// How a task is run on the kiosk. New shapes of task (a survey has no turns) get a variant.
#[derive(Clone, Copy, Debug)]
pub enum TaskShape {
    Turns(TurnTask),
    /// One person at a time, no number and no name: the outcomes survey.
    Survey {
        programme: Id,
        point: Id,
    },
    /// One partner at a time: a pair's check-in, which never shows an earlier one.
    CheckIn {
        programme: Id,
        pair: Id,
    },
    /// One participant at a time picks their own name and enters their skills.
    SkillsEntry {
        programme: Id,
    },
    /// One person at a time, no number and no name: "How was today's meeting?".
    Feedback {
        session: Id,
    },
    /// A task a newer version of Peercircle set up: nothing runs, the screen says so.
    Unknown,
}

impl KioskTask {
    pub fn describe(self) -> TaskShape {
        match self {
            KioskTask::PairAnswers { session } => TaskShape::Turns(TurnTask {
                session,
                unit: "Pair",
                box_label: "Your pair's answer",
                target: AnswerBox::Pair,
                phase: Phase::Pairs,
            }),
            KioskTask::TableConsensus { session } => TaskShape::Turns(TurnTask {
                session,
                unit: "Table",
                box_label: "Your table's agreed answer",
                target: AnswerBox::TableConsensus,
                phase: Phase::Tables,
            }),
            KioskTask::OutcomesSurvey { programme, point } => {
                TaskShape::Survey { programme, point }
            }
            KioskTask::CheckIn { programme, pair } => TaskShape::CheckIn { programme, pair },
            KioskTask::SkillsEntry { programme } => TaskShape::SkillsEntry { programme },
            KioskTask::MeetingFeedback { session } => TaskShape::Feedback { session },
            KioskTask::Unknown => TaskShape::Unknown,
        }
    }

    /// What the facilitator is told before handing the tablet over: how this task runs and
    /// what the people at the tablet will (and will not) see.
    pub fn setup_text(self) -> &'static str {
        match self {
            KioskTask::PairAnswers { .. } => {
                "The tablet will show only the question and an empty answer box. Each pair taps \
                 its number, types its agreed answer and submits; the screen then clears for the \
                 next pair. Nobody sees another pair's answer or any other screen."
            }
            KioskTask::TableConsensus { .. } => {
                "The tablet will show only the question and an empty answer box. Each table taps \
                 its letter, types the answer it agreed and submits; the screen then clears for \
                 the next table. Nobody sees another table's answer or any other screen."
            }
            KioskTask::OutcomesSurvey { .. } => {
                "The tablet will show only the anonymous survey, one person at a time. Nobody \
                 types a name. Each person answers and sends; the screen then clears for the \
                 next person, so nobody sees anyone else's answers or any other screen."
            }
            KioskTask::CheckIn { .. } => {
                "The tablet will show only this pair's check-in. Each partner in turn fills it in \
                 on an empty form and sends it; the screen then clears, so neither partner sees \
                 what the other wrote."
            }
            KioskTask::SkillsEntry { .. } => {
                "The tablet will show only a list of names. Each person taps their own name and \
                 enters the skills they can offer and want on an empty form; the screen then \
                 clears for the next person, so nobody sees another person's entry."
            }
            KioskTask::MeetingFeedback { .. } => {
                "The tablet will show only four questions about today's meeting, one person at \
                 a time. Nobody types a name and only counts are kept. Each person answers and \
                 sends; the screen then clears for the next person, so nobody sees anyone \
                 else's answers or any other screen."
            }
            KioskTask::Unknown => {
                "This tablet was set up for a task this version of Peercircle does not know. \
                 Open Peercircle in its newest version to run it, or choose another task."
            }
        }
    }

    /// The session the task writes into, if it writes into one.
    pub fn session(self) -> Option<Id> {
        match self.describe() {
            TaskShape::Turns(t) => Some(t.session),
            TaskShape::Feedback { session } => Some(session),
            TaskShape::Survey { .. }
            | TaskShape::CheckIn { .. }
            | TaskShape::SkillsEntry { .. }
            | TaskShape::Unknown => None,
        }
    }
}

impl TurnTask {
    /// The numbers people can pick from, or why the task cannot run (say, the session moved
    /// on to another step). Only numbers: never names, never earlier answers.
    pub fn numbers(&self, session: Option<&Session>) -> Result<Vec<u32>, KioskError> {
        let Some(s) = session else {
            return Err(KioskError::TaskGone);
        };
        let numbers: Vec<u32> = match self.phase {
            Phase::Pairs => s.pairs().iter().map(|p| p.number).collect(),
            _ => s.tables().iter().map(|t| t.number).collect(),
        };
        if numbers.is_empty() || s.phase() != self.phase {
            return Err(KioskError::NotAtStep(self.phase));
        }
        Ok(numbers)
    }

    /// Stores what a pair or table typed, added to anything they gave before.
    pub fn submit(&self, s: &mut Session, number: u32, text: &str) -> Result<(), SessionError> {
        s.add_point((self.target)(number), text)
    }

    /// The rule for a second submission from the same pair or table, said on screen: it is
    /// added to what they gave before, which the kiosk never shows.
    pub fn adds_note(&self) -> String {
        let unit = self.unit.to_lowercase();
        format!(
            "If your {unit} already gave an answer, this is added to it. Earlier answers are never shown here."
        )
    }

    /// "Pair 3", "Table B".
    pub fn name(&self, number: u32) -> String {
        match self.phase {
            Phase::Pairs => format!("Pair {number}"),
            _ => format!("Table {}", table_label(number)),
        }
    }
}

/// Why kiosk mode cannot start, or a kiosk task cannot take answers now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KioskError {
    #[error("This task is no longer available on this device.")]
    TaskGone,
    #[error(
        "There is nothing to answer here right now: the session is not at the {} step.",
        .0.label().to_lowercase()
    )]
    NotAtStep(Phase),
    #[error("Please choose between {min} and {max} seconds.")]
    IdleSeconds { min: u32, max: u32 },
    #[error("Please set a facilitator PIN first.")]
    NoPin,
}

/// A PIN must be 4 to 8 digits, nothing else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PinProblem {
    #[error("Please type a PIN of 4 to 8 digits.")]
    WrongShape,
    #[error("The two PINs are not the same. Please type them again.")]
    Mismatch,
    #[error("That PIN is not right.")]
    Wrong,
    #[error("This device could not make a PIN safely. Please try again.")]
    Hashing,
}

pub fn check_pin_shape(pin: &str) -> Result<(), PinProblem> {
    let digits = pin.chars().all(|c| c.is_ascii_digit());
    if digits && (4..=8).contains(&pin.len()) {
        Ok(())
    } else {
        Err(PinProblem::WrongShape)
    }
}

/// A salted, slow hash of the PIN; the PIN itself is never stored. A PIN has few possible
/// values, so the real protection is the growing delay; the hash keeps it from being read
/// off the device in plain sight. Cheap enough to check in a few tens of milliseconds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    /// Hex.
    pub salt: String,
    /// Hex.
    pub hash: String,
}

const PIN_MEMORY_KIB: u32 = 4 * 1024;
const PIN_PASSES: u32 = 2;

fn pin_digest(pin: &str, salt: &[u8]) -> Result<[u8; 32], PinProblem> {
    let params =
        Params::new(PIN_MEMORY_KIB, PIN_PASSES, 1, Some(32)).map_err(|_| PinProblem::Hashing)?;
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(pin.as_bytes(), salt, &mut out)
        .map_err(|_| PinProblem::Hashing)?;
    Ok(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

impl PinHash {
    /// Hashes a new PIN (typed twice) with a fresh random salt.
    pub fn new(pin: &str, again: &str, salt: [u8; 16]) -> Result<PinHash, PinProblem> {
        check_pin_shape(pin)?;
        if pin != again {
            return Err(PinProblem::Mismatch);
        }
        Ok(PinHash {
            salt: hex(&salt),
            hash: hex(&pin_digest(pin, &salt)?),
        })
    }

    pub fn matches(&self, pin: &str) -> bool {
        if check_pin_shape(pin).is_err() {
            return false;
        }
        let (Some(salt), Some(stored)) = (unhex(&self.salt), unhex(&self.hash)) else {
            return false;
        };
        let Ok(digest) = pin_digest(pin, &salt) else {
            return false;
        };
        // Compare every byte, so the time taken says nothing about where they differ.
        stored.len() == digest.len()
            && stored
                .iter()
                .zip(digest.iter())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

/// The wait after `failures` wrong PINs in a row, in seconds: none for the first five, then
/// 30 s, 60 s, 120 s, … up to 15 minutes.
pub fn delay_after(failures: u32) -> u64 {
    if failures < FREE_TRIES {
        return 0;
    }
    let doublings = (failures - FREE_TRIES).min(16);
    (FIRST_DELAY_SECONDS << doublings).min(MAX_DELAY_SECONDS)
}

/// Kiosk settings and state, kept in the Settings record (encrypted with everything else
/// when the device lock is on). Every field has a default, so older records load.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KioskSettings {
    /// The task on screen; `Some` means the tablet is in kiosk mode.
    pub active: Option<KioskTask>,
    pub pin: Option<PinHash>,
    /// Seconds without a touch before unsent input is cleared.
    pub idle_seconds: u32,
    /// Wrong PINs in a row.
    pub failures: u32,
    /// No PIN is checked before this time (milliseconds since 1970, device clock).
    pub locked_until_ms: u64,
}

impl Default for KioskSettings {
    fn default() -> Self {
        KioskSettings {
            active: None,
            pin: None,
            idle_seconds: DEFAULT_IDLE_SECONDS,
            failures: 0,
            locked_until_ms: 0,
        }
    }
}

/// What happened when someone typed a PIN to leave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinOutcome {
    /// Right PIN: kiosk mode is over.
    Opened,
    /// Wrong, and this many more tries before waiting starts.
    Wrong { tries_before_wait: u32 },
    /// Wrong, and now no PIN is checked for this many seconds.
    WrongWait { seconds: u64 },
    /// Still waiting from earlier wrong tries; the PIN was not even looked at.
    Waiting { seconds: u64 },
}

impl KioskSettings {
    /// Sets the idle timeout, refusing anything outside 15 seconds to 10 minutes.
    pub fn set_idle_seconds(&mut self, seconds: u32) -> Result<(), KioskError> {
        if !(MIN_IDLE_SECONDS..=MAX_IDLE_SECONDS).contains(&seconds) {
            return Err(KioskError::IdleSeconds {
                min: MIN_IDLE_SECONDS,
                max: MAX_IDLE_SECONDS,
            });
        }
        self.idle_seconds = seconds;
        Ok(())
    }

    /// The timeout actually used: a stored value out of range (edited by hand) is pulled in.
    pub fn idle_seconds(&self) -> u32 {
        self.idle_seconds.clamp(MIN_IDLE_SECONDS, MAX_IDLE_SECONDS)
    }

    /// Seconds still to wait before a PIN is checked. A device clock turned back cannot make
    /// the wait longer than the longest delay.
    pub fn wait_seconds(&self, now_ms: u64) -> u64 {
        let left_ms = self.locked_until_ms.saturating_sub(now_ms);
        left_ms.div_ceil(1000).min(MAX_DELAY_SECONDS)
    }

    /// Starts kiosk mode for a task. Needs a PIN first, or nobody could leave.
    pub fn start(&mut self, task: KioskTask) -> Result<(), KioskError> {
        if self.pin.is_none() {
            return Err(KioskError::NoPin);
        }
        self.active = Some(task);
        Ok(())
    }

    /// Checks a PIN typed to leave; the right one ends kiosk mode and forgets earlier tries.
    pub fn try_leave(&mut self, pin: &str, now_ms: u64) -> PinOutcome {
        let wait = self.wait_seconds(now_ms);
        if wait > 0 {
            return PinOutcome::Waiting { seconds: wait };
        }
        let right = self.pin.as_ref().is_some_and(|h| h.matches(pin));
        if right {
            self.active = None;
            self.failures = 0;
            self.locked_until_ms = 0;
            return PinOutcome::Opened;
        }
        self.failures = self.failures.saturating_add(1);
        let delay = delay_after(self.failures);
        if delay == 0 {
            return PinOutcome::Wrong {
                tries_before_wait: FREE_TRIES - self.failures,
            };
        }
        self.locked_until_ms = now_ms.saturating_add(delay * 1000);
        PinOutcome::WrongWait { seconds: delay }
    }
}

/// Where the idle countdown stands, from the seconds since the last touch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idle {
    /// Someone is using it.
    Busy,
    /// Shown on screen: unsent input will be cleared in this many seconds.
    Warning { seconds_left: u32 },
    /// Time is up: clear everything unsent.
    Clear,
}

/// The idle state `elapsed_ms` after the last touch, with a timeout of `timeout_s` seconds.
/// The warning shows for the last thirty seconds (the last third, for short timeouts).
pub fn idle(timeout_s: u32, elapsed_ms: u64) -> Idle {
    let timeout_ms = u64::from(timeout_s) * 1000;
    if elapsed_ms >= timeout_ms {
        return Idle::Clear;
    }
    let warn_s = WARNING_SECONDS.min(timeout_s / 3).max(1);
    let left_ms = timeout_ms - elapsed_ms;
    if left_ms <= u64::from(warn_s) * 1000 {
        Idle::Warning {
            seconds_left: u32::try_from(left_ms.div_ceil(1000)).unwrap_or(warn_s),
        }
    } else {
        Idle::Busy
    }
}

#[cfg(test)]
#[path = "kiosk_tests.rs"]
mod tests;

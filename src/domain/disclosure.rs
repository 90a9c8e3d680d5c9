//! What a programme has let out, and how it decides what may leave: its small-count threshold
//! (frozen once a file has left), the strict setting, the ledger of every figure already shared
//! from this device, and the facilitator's name decisions, each bound to one place in one text.
//! The share gate reads and audits these; this file only holds them and their rules.

use serde::{Deserialize, Serialize};

use super::{Date, Id};

/// The threshold used when a programme has chosen none.
pub const DEFAULT_K: u32 = 5;
/// The smallest threshold allowed.
pub const MIN_K: u32 = 3;
/// Ledger entries kept per programme; the oldest are merged away beyond this (see `record`).
pub const MAX_RELEASES: usize = 500;

/// A programme's disclosure settings and history.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Disclosure {
    /// The smallest number of people a figure may be about; `None` until chosen (then 5).
    pub k: Option<u32>,
    /// Also hide answer cells under k (with a complementary cell), not only populations.
    pub strict: bool,
    /// Every file saved from this device for this programme, oldest first.
    pub ledger: Vec<Release>,
    /// The facilitator's answers to the name check, each for one place in one text.
    pub names: NameDecisions,
}

/// The facilitator's answers to the name check.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NameDecisions {
    /// One decision per spot.
    pub decisions: Vec<NameDecision>,
    /// "Replace every name in this text with [name]".
    pub redact_all: Vec<TextRef>,
}

impl NameDecisions {
    /// Records a decision for one spot, replacing an earlier one for the same spot.
    pub fn decide(&mut self, decision: NameDecision) {
        self.decisions.retain(|d| !d.same_spot(&decision));
        self.decisions.push(decision);
    }

    /// The decision for this spot of this text, if any.
    pub fn at(
        &self,
        text: TextRef,
        whole: &str,
        start: usize,
        matched: &str,
    ) -> Option<&NameDecision> {
        self.decisions
            .iter()
            .find(|d| d.applies(text, whole, start, matched))
    }
}

/// Why a change of the threshold is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KChangeRefused {
    #[error(
        "The smallest group size shown must be at least {MIN_K} (you chose {0}): with fewer, a \
         count could point to one or two people."
    )]
    TooSmall(u32),
    #[error(
        "The smallest group size shown stays at {current}: files made with it have already left \
         this device (the first on {since}). A file made with another size could be compared \
         with them to work out the figures they hide."
    )]
    Frozen { current: u32, since: Date },
}

impl Disclosure {
    /// The threshold in force.
    pub fn k(&self) -> u32 {
        self.k.unwrap_or(DEFAULT_K).max(MIN_K)
    }

    /// The threshold in force, taking the device's default where the programme chose none.
    pub fn k_or(&self, device_default: u32) -> u32 {
        self.k.unwrap_or(device_default).max(MIN_K)
    }

    /// The day the first file left, once one has: from then on k cannot change.
    pub fn frozen_since(&self) -> Option<Date> {
        self.ledger.first().map(|r| r.made)
    }

    /// Sets the threshold; refused below the minimum, and refused once any file has left.
    pub fn set_k(&mut self, k: u32) -> Result<(), KChangeRefused> {
        if k < MIN_K {
            return Err(KChangeRefused::TooSmall(k));
        }
        if let Some(since) = self.frozen_since() {
            if k != self.k() {
                return Err(KChangeRefused::Frozen {
                    current: self.k(),
                    since,
                });
            }
        }
        self.k = Some(k);
        Ok(())
    }

    /// Remembers a file that left, made with threshold `k`, which is frozen from now on. The
    /// ledger only grows: forgetting a figure would let the next file be audited against less
    /// than a reader already holds.
    pub fn record(&mut self, release: Release, k: u32) {
        if self.k.is_none() {
            self.k = Some(k.max(MIN_K));
        }
        if self.ledger.len() >= MAX_RELEASES {
            // Keep every figure, in fewer entries: fold the oldest entry into the next.
            let oldest = self.ledger.remove(0);
            if let Some(next) = self.ledger.first_mut() {
                next.made = oldest.made.min(next.made);
                let mut figures = oldest.figures;
                figures.append(&mut next.figures);
                next.figures = figures;
            }
        }
        self.ledger.push(release);
    }

    /// Every figure that has left, with the day it left.
    pub fn released(&self) -> impl Iterator<Item = (Date, &ReleasedFigure)> + '_ {
        self.ledger
            .iter()
            .flat_map(|r| r.figures.iter().map(move |f| (r.made, f)))
    }
}

/// One file that left the device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Release {
    pub made: Date,
    /// The kind of file, in words ("Evaluation report"), for the list on the Share screen.
    pub file: String,
    pub figures: Vec<ReleasedFigure>,
}

impl Default for Release {
    fn default() -> Self {
        Release {
            made: Date::EPOCH,
            file: String::new(),
            figures: Vec::new(),
        }
    }
}

/// The kinds of population a figure can be about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Population {
    /// People present at one meeting (members and guests).
    Present,
    /// Member attendances over a selection of meetings (the numerator of an attendance rate).
    Attendance,
    /// Different members who came at least once to a selection of meetings.
    People,
    /// People who answered the outcomes survey at one survey point.
    Respondents,
    /// One-to-one relationships that began (both people agreed), programme-wide.
    Relationships,
    /// Relationships that have ended, programme-wide.
    RelationshipsEnded,
    /// Relationships still under way, programme-wide.
    RelationshipsActive,
    /// People who answered "How was today's meeting?" over a selection of meetings.
    FeedbackRespondents,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl Population {
    /// What the figure counts, in a sentence: "fewer than 5 people".
    pub fn unit(self) -> &'static str {
        match self {
            Population::Relationships
            | Population::RelationshipsEnded
            | Population::RelationshipsActive => "relationships",
            _ => "people",
        }
    }
}

/// One figure of one file: what population it is about (the exact meetings, or the survey
/// point), its true value when it left, and whether the file showed it. Kept on this device
/// only, like every other record; it never leaves except inside an encrypted backup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleasedFigure {
    pub population: Population,
    /// The meetings the population was counted over (empty for a survey point).
    #[serde(default)]
    pub sessions: Vec<Id>,
    /// The survey point, numbered from 1, for `Respondents`.
    #[serde(default)]
    pub point: Option<u32>,
    pub value: u64,
    pub shown: bool,
    /// How it was described in the file ("Attendance, March 2026"), for the ledger list.
    #[serde(default)]
    pub label: String,
}

/// Which free text a name decision or a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextRef {
    Title,
    Question { session: Id },
    Item { session: Id, item: u32 },
    Testimony(Id),
    Attribution(Id),
}

/// What the facilitator chose for one name found in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameChoice {
    /// Replace it with "[name]" in the file (the data itself is not changed).
    Replace,
    /// The word is an ordinary word here ("will" in "we will meet"): this spot only.
    NotAName,
    /// Keep the name: only for a person whose written approval covers the file's use.
    Keep,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

/// A decision tied to one spot: the text it was made in (by a fingerprint of the whole text, so
/// any edit of the text retires it), the byte offset and the exact words matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameDecision {
    pub text: TextRef,
    pub fingerprint: u64,
    pub start: usize,
    pub matched: String,
    pub participant: Id,
    pub choice: NameChoice,
}

impl NameDecision {
    fn same_spot(&self, other: &NameDecision) -> bool {
        self.text == other.text
            && self.fingerprint == other.fingerprint
            && self.start == other.start
            && self.matched == other.matched
    }

    /// Whether this decision is about this exact spot of this exact text.
    pub fn applies(&self, text: TextRef, whole: &str, start: usize, matched: &str) -> bool {
        self.text == text
            && self.fingerprint == fingerprint(whole)
            && self.start == start
            && self.matched == matched
    }
}

/// A stable 64-bit fingerprint of a text (FNV-1a): the same text always gives the same value,
/// in every build, so a stored decision recognises its text and nothing else.
pub fn fingerprint(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Date {
        Date::from_ymd(2026, 11, d).unwrap()
    }

    #[test]
    fn k_is_frozen_once_a_file_has_left() {
        let mut d = Disclosure::default();
        assert_eq!(d.k(), 5);
        assert_eq!(d.set_k(2), Err(KChangeRefused::TooSmall(2)));
        d.set_k(7).unwrap();
        d.record(
            Release {
                made: day(3),
                file: "Evaluation report".into(),
                figures: Vec::new(),
            },
            7,
        );
        let refused = d.set_k(5).unwrap_err();
        assert_eq!(
            refused,
            KChangeRefused::Frozen {
                current: 7,
                since: day(3)
            }
        );
        assert!(refused.to_string().contains("stays at 7"), "{refused}");
        assert!(d.set_k(7).is_ok(), "setting the same value is not a change");
    }

    #[test]
    fn recording_freezes_the_default_too() {
        let mut d = Disclosure::default();
        d.record(Release::default(), 4);
        assert_eq!(d.k, Some(4));
        assert!(d.set_k(6).is_err());
    }

    #[test]
    fn the_ledger_keeps_every_figure_when_it_folds_old_entries() {
        let mut d = Disclosure::default();
        let fig = |v| ReleasedFigure {
            population: Population::Present,
            sessions: vec![1],
            point: None,
            value: v,
            shown: true,
            label: String::new(),
        };
        for i in 0..(MAX_RELEASES as u64 + 3) {
            d.record(
                Release {
                    made: day(1),
                    file: String::new(),
                    figures: vec![fig(i)],
                },
                5,
            );
        }
        assert_eq!(d.ledger.len(), MAX_RELEASES);
        assert_eq!(d.released().count(), MAX_RELEASES + 3);
    }

    #[test]
    fn a_decision_applies_to_its_spot_in_its_text_only() {
        let text = "Will told us he is leaving; we will miss him";
        let d = NameDecision {
            text: TextRef::Item {
                session: 1,
                item: 2,
            },
            fingerprint: fingerprint(text),
            start: 29,
            matched: "will".into(),
            participant: 9,
            choice: NameChoice::NotAName,
        };
        let place = TextRef::Item {
            session: 1,
            item: 2,
        };
        assert!(d.applies(place, text, 29, "will"));
        assert!(!d.applies(place, text, 0, "Will"), "another spot");
        assert!(!d.applies(place, "we will miss him", 29, "will"), "edited");
        assert!(!d.applies(TextRef::Title, text, 29, "will"), "another text");
    }

    #[test]
    fn a_new_decision_for_the_same_spot_replaces_the_old_one() {
        let mut d = NameDecisions::default();
        let dec = |choice| NameDecision {
            text: TextRef::Title,
            fingerprint: 1,
            start: 0,
            matched: "Hope".into(),
            participant: 1,
            choice,
        };
        d.decide(dec(NameChoice::NotAName));
        d.decide(dec(NameChoice::Replace));
        assert_eq!(d.decisions, vec![dec(NameChoice::Replace)]);
    }

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(fingerprint(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fingerprint("a"), 0xaf63_dc4c_8601_ec8c);
    }
}

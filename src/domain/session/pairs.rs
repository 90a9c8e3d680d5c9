//! Level 1: pairs formed from everyone present, at random from a seed or by hand, with one
//! trio when numbers are odd. Answers live on the pair ("Pair 2"); who sits where is kept
//! apart in the seating list, in memory only (never stored), and forgotten when tables
//! are formed.

use super::{Phase, Session, SessionError};
use crate::domain::Id;
use serde::{Deserialize, Serialize};

/// Someone present: a roster member, or guest number 1, 2, … (guests have no names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Seat {
    Member(Id),
    Guest(u32),
}

/// A pair's agreed answer. It names no one, so it can be kept after seating is forgotten.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pair {
    pub number: u32,
    /// How many sat in it (3 for the trio); frozen when seating is forgotten.
    #[serde(default)]
    pub size: u32,
    /// The agreed answer, one or more points.
    #[serde(default)]
    pub points: Vec<String>,
}

/// One person's place in a pair, kept only until tables are formed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatAssignment {
    pub seat: Seat,
    pub pair: u32,
}

/// splitmix64: tiny, deterministic and good enough to shuffle a room. The seed is never
/// stored, because seed plus attendance would let anyone re-derive who sat together.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `bound` (which must be at least 1), by multiply-shift.
    fn below(&mut self, bound: usize) -> usize {
        ((u128::from(self.next()) * bound as u128) >> 64) as usize
    }
}

impl Session {
    pub fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    pub fn pair(&self, number: u32) -> Result<&Pair, SessionError> {
        self.pairs
            .iter()
            .find(|p| p.number == number)
            .ok_or(SessionError::NoSuchPair(number))
    }

    pub(super) fn pair_mut(&mut self, number: u32) -> Result<&mut Pair, SessionError> {
        self.pairs
            .iter_mut()
            .find(|p| p.number == number)
            .ok_or(SessionError::NoSuchPair(number))
    }

    /// True once tables have been formed: from then on nobody can be linked to a pair.
    pub fn seating_forgotten(&self) -> bool {
        self.seating_forgotten
    }

    /// True while this device's memory knows who sits in which pair. Seating is never
    /// stored, so after a reload (or in another tab) the pairs and their answers are there
    /// but not who sat where.
    pub fn seating_known(&self) -> bool {
        !self.seating_forgotten && !self.seats.is_empty()
    }

    /// Pairs were formed, and who sat where is not known here: the page was reloaded, or
    /// this is another tab. Their sizes and answers are kept.
    pub fn seating_not_kept(&self) -> bool {
        !self.seating_forgotten && self.seats.is_empty() && self.pairs.iter().any(|p| p.size > 0)
    }

    /// Everyone present: members in the order marked, then the guests.
    pub fn people(&self) -> Vec<Seat> {
        let members = self.present.iter().map(|&m| Seat::Member(m));
        members.chain((1..=self.guests).map(Seat::Guest)).collect()
    }

    /// Who is in a pair, while that is still known (empty once seating is forgotten).
    pub fn pair_members(&self, pair: u32) -> Vec<Seat> {
        self.seats
            .iter()
            .filter(|s| s.pair == pair)
            .map(|s| s.seat)
            .collect()
    }

    pub fn pair_of(&self, seat: Seat) -> Option<u32> {
        self.seats.iter().find(|s| s.seat == seat).map(|s| s.pair)
    }

    /// People present but not yet in a pair (late arrivals, for example).
    pub fn unseated(&self) -> Vec<Seat> {
        self.people()
            .into_iter()
            .filter(|&p| self.pair_of(p).is_none())
            .collect()
    }

    /// Forms pairs at random. Pass a fresh random seed and do not keep it.
    pub fn form_pairs(&mut self, seed: u64) -> Result<(), SessionError> {
        self.require_pairs_replaceable()?;
        let mut people = self.people();
        if people.len() < 2 {
            return Err(SessionError::TooFewPeople);
        }
        let mut rng = SplitMix64(seed);
        for i in (1..people.len()).rev() {
            people.swap(i, rng.below(i + 1));
        }
        // Two by two; with an odd number the last person joins the last pair as a trio.
        let pair_count = people.len() / 2;
        self.seats = people
            .iter()
            .enumerate()
            .map(|(i, &seat)| {
                let pair = (i / 2).min(pair_count - 1) + 1;
                SeatAssignment {
                    seat,
                    pair: u32::try_from(pair).unwrap_or(u32::MAX),
                }
            })
            .collect();
        self.pairs = (1..=u32::try_from(pair_count).unwrap_or(u32::MAX))
            .map(|number| Pair {
                number,
                size: 0,
                points: Vec::new(),
            })
            .collect();
        self.tidy_pairs();
        Ok(())
    }

    /// Moves someone present into another pair, or into a new pair when `to` is `None`.
    /// Returns the pair they are now in.
    pub fn move_person(&mut self, seat: Seat, to: Option<u32>) -> Result<u32, SessionError> {
        self.require_seating_editable()?;
        if !self.people().contains(&seat) {
            return Err(SessionError::NotPresent);
        }
        let pair = match to {
            Some(number) => self.pair(number)?.number,
            None => {
                let number = self
                    .pairs
                    .iter()
                    .map(|p| p.number)
                    .max()
                    .unwrap_or(0)
                    .saturating_add(1);
                self.pairs.push(Pair {
                    number,
                    size: 0,
                    points: Vec::new(),
                });
                number
            }
        };
        self.seats.retain(|s| s.seat != seat);
        self.seats.push(SeatAssignment { seat, pair });
        self.tidy_pairs();
        Ok(pair)
    }

    /// Swaps two people between their pairs.
    pub fn swap_people(&mut self, a: Seat, b: Seat) -> Result<(), SessionError> {
        self.require_seating_editable()?;
        let (Some(pair_a), Some(pair_b)) = (self.pair_of(a), self.pair_of(b)) else {
            return Err(SessionError::NotPresent);
        };
        for s in &mut self.seats {
            if s.seat == a {
                s.pair = pair_b;
            } else if s.seat == b {
                s.pair = pair_a;
            }
        }
        Ok(())
    }

    /// Undoes the pairing so it can be done again. Refused once any pair has answered.
    pub fn clear_pairs(&mut self) -> Result<(), SessionError> {
        self.require_pairs_replaceable()?;
        self.pairs.clear();
        self.seats.clear();
        self.tidy_drafts();
        Ok(())
    }

    /// Reasons the pairing is not ready for tables, in plain words. Empty when all is well.
    pub fn pairing_problems(&self) -> Vec<String> {
        // Forgotten, or not kept after a reload: the pairs were settled when formed.
        if self.seating_forgotten || self.seating_not_kept() {
            return Vec::new();
        }
        let mut problems = Vec::new();
        let unseated = self.unseated().len();
        if unseated > 0 {
            problems.push(format!(
                "{unseated} of the people present are not in a pair yet."
            ));
        }
        for pair in &self.pairs {
            match pair.size {
                0 => problems.push(format!(
                    "Pair {} has answers but no one in it.",
                    pair.number
                )),
                1 => problems.push(format!("Pair {} has only one person.", pair.number)),
                2 | 3 => {}
                n => problems.push(format!(
                    "Pair {} has {n} people. A pair is two people, or three when numbers are odd.",
                    pair.number
                )),
            }
        }
        let trios = self.pairs.iter().filter(|p| p.size == 3).count();
        let odd = self.people_present() % 2 == 1;
        if odd && trios != 1 && problems.is_empty() {
            problems.push("With an odd number present, there should be exactly one trio.".into());
        }
        if !odd && trios > 0 && problems.is_empty() {
            problems.push("With an even number present, everyone can be in a pair of two.".into());
        }
        problems
    }

    /// Takes matching people out of their pairs (they left, or were marked absent).
    pub(super) fn unseat(&mut self, leaving: impl Fn(Seat) -> bool) {
        self.seats.retain(|s| !leaving(s.seat));
        self.tidy_pairs();
    }

    /// Recounts pair sizes and drops pairs left empty with nothing recorded.
    pub(super) fn tidy_pairs(&mut self) {
        // Without the seating, sizes cannot be recounted: keep them as they were.
        if self.seating_forgotten || self.seating_not_kept() {
            return;
        }
        for pair in &mut self.pairs {
            let size = self.seats.iter().filter(|s| s.pair == pair.number).count();
            pair.size = u32::try_from(size).unwrap_or(u32::MAX);
        }
        self.pairs.retain(|p| p.size > 0 || !p.points.is_empty());
        self.tidy_drafts();
    }

    /// Called when tables are formed: the one place seating is dropped, for good.
    pub(super) fn forget_seating(&mut self) {
        self.tidy_pairs();
        self.seats.clear();
        self.seating_forgotten = true;
    }

    fn require_seating_editable(&self) -> Result<(), SessionError> {
        self.require(Phase::Pairs)?;
        if self.seating_forgotten {
            return Err(SessionError::SeatingForgotten);
        }
        if self.seating_not_kept() {
            return Err(SessionError::SeatingNotKept);
        }
        Ok(())
    }

    /// Forming or clearing the pairs starts afresh, so it is allowed when the seating was
    /// not kept (after a reload), as long as no pair has answered.
    fn require_pairs_replaceable(&self) -> Result<(), SessionError> {
        self.require(Phase::Pairs)?;
        if self.seating_forgotten {
            return Err(SessionError::SeatingForgotten);
        }
        if self.pairs.iter().any(|p| !p.points.is_empty()) {
            return Err(SessionError::AnswersRecorded("Some pairs"));
        }
        Ok(())
    }
}

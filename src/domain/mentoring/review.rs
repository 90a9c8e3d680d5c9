//! From the inventory to confirmed pairs: the pairing problem built from the roster and the
//! inventory, and the draft the facilitator reviews (lock, break, swap, propose again) before
//! confirming. The draft is stored, so a reload keeps the review where it was.

use super::{Mentoring, MentoringError, MentoringPair};
use crate::domain::pairing::{self, fit, Constraints, PairingError, Person, ProgrammeKind, Side};
use crate::domain::roster::Participant;
use crate::domain::workspace::Workspace;
use crate::domain::{Date, DomainError, Id};
use serde::{Deserialize, Serialize};

/// A proposed pair (or trio) under review.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftPair {
    pub members: Vec<Id>,
    pub score: i64,
    pub explanation: String,
    /// Kept as it is when proposing again.
    pub locked: bool,
}

/// The proposal being reviewed. Nothing is final until it is confirmed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub pairs: Vec<DraftPair>,
    pub unpaired: Vec<Id>,
    /// Pairs the facilitator broke up: not proposed again while this draft lasts.
    pub broken: Vec<(Id, Id)>,
}

impl Draft {
    pub fn total_score(&self) -> i64 {
        self.pairs
            .iter()
            .fold(0i64, |t, p| t.saturating_add(p.score))
    }

    fn position(&self, person: Id) -> Option<usize> {
        self.pairs.iter().position(|p| p.members.contains(&person))
    }

    /// The pair with exactly these members (a mentor can be in several pairs).
    fn find(&self, members: &[Id]) -> Result<usize, DomainError> {
        self.pairs
            .iter()
            .position(|p| p.members == members)
            .ok_or(DomainError::NotFound("pair"))
    }

    /// Everyone in the draft once, paired first, in order.
    pub fn people(&self) -> Vec<Id> {
        let mut seen = Vec::new();
        for id in self
            .pairs
            .iter()
            .flat_map(|p| &p.members)
            .chain(&self.unpaired)
        {
            if !seen.contains(id) {
                seen.push(*id);
            }
        }
        seen
    }
}

impl Mentoring {
    /// People already in a confirmed pair that has not ended; new proposals leave them out.
    pub fn in_active_pair(&self, person: Id) -> bool {
        self.active_pairs().any(|p| p.members.contains(&person))
    }

    /// One person as the pairing engine sees them.
    pub fn person(&self, who: &Participant) -> Person {
        let profile = self.profile(who.id).cloned().unwrap_or_default();
        let team = profile.team.trim();
        Person {
            id: who.id,
            name: crate::domain::programme::display_or(&who.display_name, "Unnamed person")
                .to_string(),
            offers: profile.offers,
            wants: profile.wants,
            availability: profile.availability,
            team: (!team.is_empty()).then(|| team.to_string()),
            side: self.side_of(who),
            capacity: profile.capacity,
        }
    }

    /// The pairing problem: everyone on the roster in the pool today (not in an open pair,
    /// not waiting for their new-partner date), with the programme's settings, its never-pair
    /// rules, and the draft's locked and broken pairs.
    pub fn problem(&self, roster: &[Participant], today: Date) -> pairing::Problem {
        self.problem_of(roster, |id| self.in_pool(id, today))
    }

    fn problem_of(&self, roster: &[Participant], keep: impl Fn(Id) -> bool) -> pairing::Problem {
        let people: Vec<Person> = roster
            .iter()
            .filter(|p| keep(p.id))
            .map(|p| self.person(p))
            .collect();
        let here = |id: &Id| people.iter().any(|p| p.id == *id);
        let both = |(a, b): &(Id, Id)| here(a) && here(b);
        let mut never: Vec<(Id, Id)> = self.never.iter().copied().filter(both).collect();
        let mut keep = Vec::new();
        if let Some(draft) = &self.draft {
            never.extend(draft.broken.iter().copied().filter(both));
            for pair in draft.pairs.iter().filter(|p| p.locked) {
                if let [a, b] = pair.members[..] {
                    if both(&(a, b)) {
                        keep.push((a, b));
                    }
                }
            }
        }
        // A locked pair wins over an older "never" rule for the same two people.
        never.retain(|(a, b)| {
            !keep
                .iter()
                .any(|(x, y)| (x == a && y == b) || (x == b && y == a))
        });
        pairing::Problem {
            skills: self.skills.clone(),
            people,
            kind: self.kind,
            weights: self.weights,
            constraints: Constraints {
                never,
                keep,
                must_differ_team: self.must_differ_team,
            },
            objective: self.objective,
        }
    }

    /// Proposes pairs for everyone in the pool today, keeping the draft's locked pairs.
    pub fn propose(&mut self, roster: &[Participant], today: Date) -> Result<(), PairingError> {
        let proposal = pairing::propose(&self.problem(roster, today))?;
        let broken = self.draft.take().map(|d| d.broken).unwrap_or_default();
        self.draft = Some(Draft {
            pairs: proposal
                .pairs
                .into_iter()
                .map(|p| DraftPair {
                    members: p.members,
                    score: p.score,
                    explanation: p.explanation,
                    locked: p.locked,
                })
                .collect(),
            unpaired: proposal.unpaired,
            broken,
        });
        Ok(())
    }

    fn draft_mut(&mut self) -> Result<&mut Draft, DomainError> {
        self.draft.as_mut().ok_or(DomainError::NotFound("proposal"))
    }

    /// Locks or unlocks the draft pair with these members.
    pub fn set_locked(&mut self, members: &[Id], locked: bool) -> Result<(), DomainError> {
        let draft = self.draft_mut()?;
        let at = draft.find(members)?;
        if locked && draft.pairs[at].members.len() != 2 {
            return Err(MentoringError::LockTrio.into());
        }
        draft.pairs[at].locked = locked;
        Ok(())
    }

    /// Breaks up the draft pair with these members; they go back to the unpaired (unless
    /// still in another pair) and are not proposed together again while this draft lasts.
    pub fn break_pair(&mut self, members: &[Id]) -> Result<(), DomainError> {
        let draft = self.draft_mut()?;
        let at = draft.find(members)?;
        let pair = draft.pairs.remove(at);
        for (x, &a) in pair.members.iter().enumerate() {
            for &b in &pair.members[x + 1..] {
                draft.broken.push((a, b));
            }
        }
        for m in pair.members {
            if draft.position(m).is_none() && !draft.unpaired.contains(&m) {
                draft.unpaired.push(m);
            }
        }
        Ok(())
    }

    /// Swaps two people between draft pairs (or a paired person with an unpaired one), then
    /// rescores the pairs that changed. A swap that breaks a rule is refused with the reason.
    pub fn swap(&mut self, roster: &[Participant], a: Id, b: Id) -> Result<(), DomainError> {
        if a == b {
            return Err(MentoringError::SwapWithSelf.into());
        }
        let mut draft = self
            .draft
            .clone()
            .ok_or(DomainError::NotFound("proposal"))?;
        for who in [a, b] {
            if draft
                .pairs
                .iter()
                .filter(|p| p.members.contains(&who))
                .count()
                > 1
            {
                let name = roster
                    .iter()
                    .find(|p| p.id == who)
                    .map_or("This mentor", |p| p.display_name.as_str());
                return Err(MentoringError::MentorInSeveralPairs(name.to_string()).into());
            }
        }
        let (pa, pb) = (draft.position(a), draft.position(b));
        if pa.is_none() && pb.is_none() {
            return Err(MentoringError::NothingToSwap.into());
        }
        if pa.is_some() && pa == pb {
            return Err(MentoringError::SamePair.into());
        }
        let replace = |list: &mut Vec<Id>, from: Id, to: Id| {
            for m in list.iter_mut().filter(|m| **m == from) {
                *m = to;
            }
        };
        for (at, from, to) in [(pa, a, b), (pb, b, a)] {
            match at {
                Some(i) => {
                    replace(&mut draft.pairs[i].members, from, to);
                    // A swap is the facilitator's own choice: it is kept as a lock, so
                    // "Propose again" never silently undoes it (a trio cannot be locked).
                    draft.pairs[i].locked = draft.pairs[i].members.len() == 2;
                }
                None if draft.unpaired.contains(&from) => replace(&mut draft.unpaired, from, to),
                None => return Err(MentoringError::NotInProposal.into()),
            }
        }
        // Everyone who may be in the draft: the swap checks rules, not the pool's dates.
        let problem = self.problem_of(roster, |id| !self.in_active_pair(id));
        let people = &problem.people;
        for i in [pa, pb].into_iter().flatten() {
            let pair = &mut draft.pairs[i];
            let mut members = Vec::new();
            for id in &pair.members {
                let person = people
                    .iter()
                    .find(|p| p.id == *id)
                    .ok_or(MentoringError::PairMemberGone)?;
                members.push(person);
            }
            check_group(&problem, &members, &draft.broken)?;
            // The mentor comes first, as in a proposal.
            crate::domain::sort::sort_by_key(&mut members, |p| p.side != Side::Mentor);
            pair.members = members.iter().map(|p| p.id).collect();
            let mut reasons = Vec::new();
            let mut score = 0i64;
            for (x, p) in members.iter().enumerate() {
                for q in &members[x + 1..] {
                    let f = fit(p, q, &problem.kind, &problem.weights);
                    score = score.saturating_add(f.score);
                    reasons.extend(f.reasons);
                }
            }
            pair.score = score;
            pair.explanation = pairing::explain(&reasons, people, &problem.skills);
        }
        self.draft = Some(draft);
        Ok(())
    }

    pub fn discard_draft(&mut self) {
        self.draft = None;
    }
}

/// Refuses a hand-made group that breaks a never rule, the different-team rule or, in a
/// mentor-protege programme, the one-mentor shape.
fn check_group(
    problem: &pairing::Problem,
    members: &[&Person],
    broken: &[(Id, Id)],
) -> Result<(), DomainError> {
    let never = |a: Id, b: Id| {
        problem
            .constraints
            .never
            .iter()
            .chain(broken)
            .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
    };
    for (x, p) in members.iter().enumerate() {
        for q in &members[x + 1..] {
            if never(p.id, q.id) {
                return Err(MentoringError::NeverPaired(p.name.clone(), q.name.clone()).into());
            }
            if problem.constraints.must_differ_team && pairing::same_team(p, q) == Some(true) {
                return Err(MentoringError::SameTeam(p.name.clone(), q.name.clone()).into());
            }
        }
    }
    if let ProgrammeKind::MentorProtege { .. } = problem.kind {
        let mentors = members.iter().filter(|p| p.side == Side::Mentor).count();
        let proteges = members.iter().filter(|p| p.side == Side::Protege).count();
        if mentors != 1 || proteges + 1 != members.len() {
            return Err(MentoringError::OneMentorEach.into());
        }
    }
    Ok(())
}

impl Workspace {
    /// Confirms the draft: every pair in it becomes a confirmed pair dated `today`, with a
    /// fresh id and an empty contract. Returns how many pairs were confirmed.
    pub fn confirm_pairs(&mut self, programme: Id, today: Date) -> Result<usize, DomainError> {
        let p = self
            .programme(programme)
            .ok_or(DomainError::NotFound("programme"))?;
        let draft = p
            .mentoring
            .draft
            .clone()
            .ok_or(DomainError::NotFound("proposal"))?;
        if draft.pairs.is_empty() {
            return Err(MentoringError::NoPairsToConfirm.into());
        }
        for pair in &draft.pairs {
            for m in &pair.members {
                if p.participant(*m).is_none() {
                    return Err(MentoringError::ProposalMemberGone.into());
                }
                if p.mentoring.in_active_pair(*m) {
                    return Err(MentoringError::ProposalMemberPaired.into());
                }
            }
        }
        let mut confirmed = Vec::with_capacity(draft.pairs.len());
        for pair in draft.pairs {
            let id = self.fresh_id();
            let goals = vec![String::new(); pair.members.len()];
            confirmed.push(MentoringPair {
                id,
                members: pair.members,
                confirmed: Some(today),
                score: pair.score,
                explanation: pair.explanation,
                contract: super::Contract {
                    goals,
                    ..Default::default()
                },
                ended: None,
                life: super::Life::default(),
            });
        }
        let count = confirmed.len();
        let m = &mut self.programme_mut(programme)?.mentoring;
        m.pairs.extend(confirmed);
        m.draft = None;
        Ok(count)
    }
}

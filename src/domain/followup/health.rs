//! Programme health: which pairs need attention and why, as reason categories only. A leader
//! sees "a low rating" or "check-in missed", never what anyone wrote, so they can step in on a
//! mismatch without breaking a confidence (Ensher and Murphy). Interventions are recorded here.

use super::super::mentoring::{Mentoring, MentoringPair, NextStep, Stage};
use super::super::{Date, Id};
use super::checkin::{next_checkin, CheckInDue};
use super::contact::{contacts_due, ContactDue};
use super::FollowUp;
use serde::{Deserialize, Serialize};

/// Why a pair is flagged. Categories only: no field can hold a note or a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlagReason {
    /// A concern about safety or wellbeing was raised and nothing is recorded about it yet.
    Safety,
    /// A coordinator's contact with someone in the pair is overdue.
    ContactOverdue,
    /// The latest check-in rated either question 2 or lower.
    LowScore,
    /// A rating fell by 2 or more since the check-in before.
    Drop,
    /// The check-in is more than a week overdue.
    MissedCheckIn,
    /// A step in one of the pair's plans is past its due date.
    OverdueSteps,
}

impl FlagReason {
    pub fn words(self) -> &'static str {
        match self {
            FlagReason::Safety => "Needs attention: safety",
            FlagReason::ContactOverdue => "Contact overdue",
            FlagReason::LowScore => "Low rating at the last check-in",
            FlagReason::Drop => "Ratings dropped since the check-in before",
            FlagReason::MissedCheckIn => "Check-in missed",
            FlagReason::OverdueSteps => "Plan steps overdue",
        }
    }
}

/// What the facilitator did about a pair, and when it was put right.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intervention {
    pub id: Id,
    pub pair: Id,
    pub date: Date,
    #[serde(default)]
    pub what: String,
    #[serde(default)]
    pub resolved: Option<Date>,
    /// What was done about a safety concern (settles the "needs attention: safety" flag).
    #[serde(default)]
    pub safety: bool,
}

/// One pair's state on the health view. Holds no text at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairHealth {
    pub pair: Id,
    pub stage: Stage,
    pub next_step: Option<NextStep>,
    /// The next contact due with each person (empty before the first meeting).
    pub contacts: Vec<ContactDue>,
    /// When the open safety concern was raised.
    pub safety_since: Option<Date>,
    pub reasons: Vec<FlagReason>,
    pub next: CheckInDue,
    pub checkins: usize,
    pub overdue_steps: usize,
    pub open_interventions: usize,
}

impl PairHealth {
    pub fn needs_attention(&self) -> bool {
        !self.reasons.is_empty()
    }
}

/// A rating at or below this is low.
pub const LOW: u8 = 2;
/// A fall of this much or more between two check-ins is a drop.
pub const DROP: u8 = 2;

/// Health of every active pair, flagged ones first. A rating-based flag (low, drop) is cleared
/// by an intervention marked resolved on or after that check-in, until the next check-in.
/// A safety concern comes first of all.
pub fn health(followup: &FollowUp, mentoring: &Mentoring, today: Date) -> Vec<PairHealth> {
    let mut list: Vec<PairHealth> = mentoring
        .active_pairs()
        .map(|p| pair_health(followup, mentoring, p, today))
        .collect();
    crate::domain::sort::sort_by_key(&mut list, |h| {
        (h.safety_since.is_none(), !h.needs_attention(), h.pair)
    });
    list
}

fn pair_health(
    followup: &FollowUp,
    mentoring: &Mentoring,
    pair: &MentoringPair,
    today: Date,
) -> PairHealth {
    let rules = mentoring.life_rules;
    let contacts = contacts_due(pair, rules, followup.contact_cadence, &followup.contacts);
    let safety_since = followup.safety_open(pair.id);
    let checkins = followup.checkins_of(pair.id);
    let latest = checkins.last();
    let next = next_checkin(
        pair.id,
        pair.confirmed,
        latest.and_then(|c| c.date),
        followup.cadence_weeks,
        today,
    );
    let interventions = followup.interventions_of(pair.id);
    let last_resolved = interventions.iter().filter_map(|i| i.resolved).max();
    let mut reasons = Vec::new();
    if safety_since.is_some() {
        reasons.push(FlagReason::Safety);
    }
    if contacts.iter().any(|c| c.overdue(today)) {
        reasons.push(FlagReason::ContactOverdue);
    }
    if let Some(last) = latest {
        let handled = last_resolved.is_some_and(|r| last.date.is_some_and(|d| d <= r));
        if !handled {
            if last.going.get() <= LOW || last.equity.get() <= LOW {
                reasons.push(super::FlagReason::LowScore);
            }
            if let Some(before) = checkins.len().checked_sub(2).and_then(|i| checkins.get(i)) {
                let fell = |a: u8, b: u8| a.saturating_sub(b) >= DROP;
                if fell(before.going.get(), last.going.get())
                    || fell(before.equity.get(), last.equity.get())
                {
                    reasons.push(FlagReason::Drop);
                }
            }
        }
    }
    if next.state == super::DueState::Missed {
        reasons.push(FlagReason::MissedCheckIn);
    }
    let overdue_steps = followup.overdue_steps_of(pair.id, today);
    if overdue_steps > 0 {
        reasons.push(FlagReason::OverdueSteps);
    }
    PairHealth {
        pair: pair.id,
        stage: pair.stage(rules),
        next_step: pair.next_step(rules),
        contacts,
        safety_since,
        reasons,
        next,
        checkins: checkins.len(),
        overdue_steps,
        open_interventions: interventions
            .iter()
            .filter(|i| i.resolved.is_none())
            .count(),
    }
}

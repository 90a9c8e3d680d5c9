//! "This week": what needs doing soon in one programme, worked out when the app opens, so no
//! notification or network is needed. Items carry ids only; the screen looks up the words.

use super::super::mentoring::{Mentoring, NextStep};
use super::super::{Date, Id};
use super::checkin::{next_checkin, DueState, GRACE_DAYS};
use super::contact::contacts_due;
use super::FollowUp;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekItem {
    /// A safety concern raised on this date with nothing recorded about it yet.
    Safety { pair: Id, since: Date },
    /// A coordinator's contact with one person is due this week, or overdue.
    Contact {
        pair: Id,
        person: Id,
        due: Date,
        overdue: bool,
    },
    /// A pair waits for its next step (an agreement, the first meeting, signing, closing).
    Step {
        pair: Id,
        next: NextStep,
        since: Date,
    },
    /// A pair's check-in is due this week (or was missed).
    CheckIn { pair: Id, due: Date, missed: bool },
    /// A plan step is past its due date.
    OverdueStep { plan: Id, step: Id, due: Date },
    /// A survey point planned within a week either side of today that nobody has answered yet.
    SurveyPoint { point: Id, planned: Date },
}

impl WeekItem {
    fn when(&self) -> Date {
        match *self {
            WeekItem::CheckIn { due, .. } | WeekItem::OverdueStep { due, .. } => due,
            WeekItem::SurveyPoint { planned, .. } => planned,
            WeekItem::Safety { since, .. } => since,
            WeekItem::Contact { due, .. } => due,
            WeekItem::Step { since, .. } => since,
        }
    }
}

/// Everything due in the coming week or already late: safety concerns first, then earliest
/// first.
pub fn this_week(followup: &FollowUp, mentoring: &Mentoring, today: Date) -> Vec<WeekItem> {
    let mut items = Vec::new();
    let rules = mentoring.life_rules;
    for pair in mentoring.active_pairs() {
        if let Some(since) = followup.safety_open(pair.id) {
            items.push(WeekItem::Safety {
                pair: pair.id,
                since,
            });
        }
        if let Some(next) = pair.next_step(rules) {
            let l = &pair.life;
            let since = [l.closing, l.first_meeting]
                .into_iter()
                .flatten()
                .chain(l.agreed.iter().map(|(_, d)| *d))
                .chain(pair.confirmed)
                .max()
                .unwrap_or(today);
            items.push(WeekItem::Step {
                pair: pair.id,
                next,
                since,
            });
        }
        for due in contacts_due(pair, rules, followup.contact_cadence, &followup.contacts) {
            if due.soon(today) {
                items.push(WeekItem::Contact {
                    pair: pair.id,
                    person: due.person,
                    due: due.due,
                    overdue: due.overdue(today),
                });
            }
        }
        let last = followup.checkins_of(pair.id).last().and_then(|c| c.date);
        let next = next_checkin(pair.id, pair.confirmed, last, followup.cadence_weeks, today);
        if next.state != DueState::Later {
            items.push(WeekItem::CheckIn {
                pair: pair.id,
                due: next.due,
                missed: next.state == DueState::Missed,
            });
        }
    }
    for plan in &followup.plans {
        for step in plan.overdue(today) {
            if let Some(due) = step.due {
                items.push(WeekItem::OverdueStep {
                    plan: plan.id,
                    step: step.id,
                    due,
                });
            }
        }
    }
    for point in &followup.survey.points {
        if let Some(planned) = point.planned {
            let near = (-GRACE_DAYS..GRACE_DAYS).contains(&today.days_until(planned));
            if near && point.responses == 0 {
                items.push(WeekItem::SurveyPoint {
                    point: point.id,
                    planned,
                });
            }
        }
    }
    // Safety concerns first, whatever their date; then the earliest.
    crate::domain::sort::sort_by_key(&mut items, |i| {
        (!matches!(i, WeekItem::Safety { .. }), i.when())
    });
    items
}

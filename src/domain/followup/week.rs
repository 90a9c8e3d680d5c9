//! "This week": what needs doing soon in one programme, worked out when the app opens, so no
//! notification or network is needed. Items carry ids only; the screen looks up the words.

use super::super::mentoring::Mentoring;
use super::super::{Date, Id};
use super::checkin::{next_checkin, DueState, GRACE_DAYS};
use super::FollowUp;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekItem {
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
        }
    }
}

/// Everything due in the coming week or already late, earliest first.
pub fn this_week(followup: &FollowUp, mentoring: &Mentoring, today: Date) -> Vec<WeekItem> {
    let mut items = Vec::new();
    for pair in mentoring.active_pairs() {
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
    items.sort_by_key(WeekItem::when);
    items
}

//! One-to-one relationships as they may be seen outside the programme: how many began, how
//! they stand (active, ended as planned, ended early), how long the ended ones lasted, and how
//! many active ones have their coordinator contacts on schedule. Each is a figure about a
//! population of relationships, under the same threshold and audit as every other figure:
//! fewer than k relationships began, and nothing is shown but that; at k or more the standing
//! is shown as counted (strict: small cells hidden with a complementary cell).
//!
//! [`RelationshipFacts`] holds dates and an ending kind only: no contact note, closing word,
//! reason or safety text has a field to travel in.

use serde::{Deserialize, Serialize};

use crate::domain::mentoring::closure::Ending;
use crate::domain::Date;
use crate::share::suppress::{suppress_single, suppress_table, Count, Stat, K};

pub use crate::domain::mentoring::relationship::RelationshipFacts;

/// The relationship figures of a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedRelationships {
    /// Relationships that began (both people agreed).
    pub started: Count,
    pub active: Count,
    pub ended_as_planned: Count,
    pub ended_early: Count,
    /// Median length of the relationships that ended, in whole months.
    pub median_months: Stat,
    /// Share (0 to 1) of active relationships whose coordinator contacts are on schedule.
    #[serde(rename = "contacts_on_schedule")]
    pub on_schedule: Stat,
}

impl SharedRelationships {
    /// Every count, for the preview's "n hidden" and for checks.
    pub fn counts(&self) -> [Count; 4] {
        [
            self.started,
            self.active,
            self.ended_as_planned,
            self.ended_early,
        ]
    }

    /// Hides the standing of the relationships and what is worked out from it (an audit found
    /// that a change in it since an earlier file would count a few relationships).
    pub(crate) fn withhold_standing(&mut self) {
        self.active = Count::Withheld;
        self.ended_as_planned = Count::Withheld;
        self.ended_early = Count::Withheld;
        self.median_months = Stat::Withheld;
        self.on_schedule = Stat::Withheld;
    }

    /// Each figure as a row of a report: what it is, and its value in words. Shared by the
    /// evaluation report and the Share screen's preview, so both say the same.
    pub fn rows(&self) -> Vec<(&'static str, String)> {
        let count = |c: Count| match c {
            Count::FewerThan(k) => format!("fewer than {k}"),
            other => other.to_string(),
        };
        let stat = |s: Stat, shown: &dyn Fn(f64) -> String| match s {
            Stat::Shown(v) => shown(v),
            Stat::FewerThan(k) => format!("not shown: fewer than {k} relationships"),
            other => other.to_string(),
        };
        vec![
            ("Relationships that began", count(self.started)),
            ("Under way now", count(self.active)),
            ("Ended as planned", count(self.ended_as_planned)),
            ("Ended early", count(self.ended_early)),
            (
                "Typical length of those that ended (median)",
                stat(self.median_months, &|v| match v as u32 {
                    1 => "1 month".to_string(),
                    n => format!("{n} months"),
                }),
            ),
            (
                "Under way with coordinator contacts on schedule",
                stat(self.on_schedule, &|v| format!("{:.0}%", v * 100.0)),
            ),
        ]
    }

    /// Hides everything (the number that began is itself hidden).
    pub(crate) fn withhold_all(&mut self) {
        self.started = Count::Withheld;
        self.withhold_standing();
    }
}

/// The numbers the audit checks against earlier files: began, ended, active.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Populations {
    pub started: u64,
    pub ended: u64,
    pub active: u64,
}

pub(crate) fn populations(facts: &[RelationshipFacts]) -> Populations {
    let ended = facts.iter().filter(|f| f.ended.is_some()).count() as u64;
    let started = facts.len() as u64;
    Populations {
        started,
        ended,
        active: started - ended,
    }
}

/// Whole months between two dates (a month is 30.44 days), rounded to the nearest.
fn months_between(from: Date, to: Date) -> f64 {
    (f64::from(from.days_until(to).max(0)) / 30.44).round()
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    crate::domain::sort::sort_by(&mut values, f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => values.get(n / 2).copied(),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

/// The figures, or `None` when no relationship has begun (the file then says nothing of them).
pub fn relationship_figures(
    facts: &[RelationshipFacts],
    today: Date,
    k: K,
    strict: bool,
) -> Option<SharedRelationships> {
    if facts.is_empty() {
        return None;
    }
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let started = count(facts.len());
    if started < k.get() {
        return Some(SharedRelationships {
            started: suppress_single(started, k),
            active: Count::Withheld,
            ended_as_planned: Count::Withheld,
            ended_early: Count::Withheld,
            median_months: Stat::FewerThan(k),
            on_schedule: Stat::FewerThan(k),
        });
    }
    let ended_with = |e: Ending| {
        count(
            facts
                .iter()
                .filter(|f| matches!(f.ended, Some((_, x)) if x == e))
                .count(),
        )
    };
    let planned = ended_with(Ending::Planned);
    let early = ended_with(Ending::Early);
    let active = started - planned - early;
    let cells = [active, planned, early];
    let parts: Vec<Count> = if strict {
        suppress_table(&cells, Some(started), k).parts
    } else {
        cells.iter().map(|&c| Count::Shown(c)).collect()
    };
    let cell = |i: usize| parts.get(i).copied().unwrap_or(Count::Withheld);
    let lengths: Vec<f64> = facts
        .iter()
        .filter_map(|f| f.ended.map(|(on, _)| months_between(f.started, on)))
        .collect();
    let ended = lengths.len();
    let median_months = match median(lengths) {
        None => Stat::NotAvailable,
        Some(_) if ended < k.get() as usize => Stat::FewerThan(k),
        Some(m) => Stat::Shown(m),
    };
    let scheduled: Vec<Date> = facts
        .iter()
        .filter(|f| f.ended.is_none())
        .filter_map(|f| f.next_contact_due)
        .collect();
    let on_time = scheduled.iter().filter(|due| today <= **due).count();
    let on_schedule = match scheduled.len() {
        0 => Stat::NotAvailable,
        n if n < k.get() as usize => Stat::FewerThan(k),
        n => Stat::Shown(on_time as f64 / n as f64),
    };
    Some(SharedRelationships {
        started: Count::Shown(started),
        active: cell(0),
        ended_as_planned: cell(1),
        ended_early: cell(2),
        median_months,
        on_schedule,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn facts(active: usize, planned: usize, early: usize) -> Vec<RelationshipFacts> {
        let start = d(2026, 1, 5);
        let mut out = Vec::new();
        for i in 0..active {
            out.push(RelationshipFacts {
                started: start,
                ended: None,
                // Every other one is overdue on 2026-06-01.
                next_contact_due: Some(if i % 2 == 0 {
                    d(2026, 6, 10)
                } else {
                    d(2026, 5, 10)
                }),
            });
        }
        for i in 0..planned {
            out.push(RelationshipFacts {
                started: start,
                ended: Some((start.add_days(183 + i as i32), Ending::Planned)),
                next_contact_due: None,
            });
        }
        for _ in 0..early {
            out.push(RelationshipFacts {
                started: start,
                ended: Some((start.add_days(61), Ending::Early)),
                next_contact_due: None,
            });
        }
        out
    }

    const TODAY: (i32, u32, u32) = (2026, 6, 1);

    fn today() -> Date {
        d(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn no_relationship_no_figures() {
        assert_eq!(
            relationship_figures(&[], today(), K::default(), false),
            None
        );
    }

    #[test]
    fn fewer_than_k_began_shows_only_that() {
        let f = relationship_figures(&facts(2, 1, 1), today(), K::default(), false).unwrap();
        assert_eq!(f.started, Count::FewerThan(K::default()));
        assert!(f.counts()[1..].iter().all(|c| c.is_hidden()));
        assert_eq!(f.median_months, Stat::FewerThan(K::default()));
        assert_eq!(f.on_schedule, Stat::FewerThan(K::default()));
    }

    #[test]
    fn an_ordinary_programme_shows_its_standing_as_counted() {
        let f = relationship_figures(&facts(6, 5, 1), today(), K::default(), false).unwrap();
        assert_eq!(f.started, Count::Shown(12));
        assert_eq!(f.active, Count::Shown(6));
        assert_eq!(f.ended_as_planned, Count::Shown(5));
        assert_eq!(
            f.ended_early,
            Count::Shown(1),
            "one early ending, shown as counted"
        );
        // Six ended: five at about 6 months, one at 2: the median is 6.
        assert_eq!(f.median_months, Stat::Shown(6.0));
        // Six active, three on schedule.
        assert_eq!(f.on_schedule, Stat::Shown(0.5));
    }

    #[test]
    fn strict_hides_the_small_cell_with_a_complement() {
        let f = relationship_figures(&facts(6, 5, 1), today(), K::default(), true).unwrap();
        assert_eq!(f.started, Count::Shown(12));
        assert!(f.ended_early.is_hidden());
        // A second cell hides so the small one cannot be worked out from the total; here a
        // third too, or the second (5, "not small") would be pinned by 12 - 6 - (1..4).
        assert_eq!(f.counts()[1..].iter().filter(|c| c.is_hidden()).count(), 3);
    }

    #[test]
    fn few_endings_or_few_active_hide_their_own_figures() {
        let f = relationship_figures(&facts(8, 2, 0), today(), K::default(), false).unwrap();
        assert_eq!(f.median_months, Stat::FewerThan(K::default()));
        assert!(matches!(f.on_schedule, Stat::Shown(_)));
        let g = relationship_figures(&facts(2, 8, 0), today(), K::default(), false).unwrap();
        assert!(matches!(g.median_months, Stat::Shown(_)));
        assert_eq!(g.on_schedule, Stat::FewerThan(K::default()));
    }

    #[test]
    fn populations_add_up() {
        let p = populations(&facts(6, 5, 1));
        assert_eq!((p.started, p.ended, p.active), (12, 6, 6));
    }
}

//! The numbers in an export and their suppression, by population.
//!
//! k applies to the number of people a figure is about: people present, members, respondents.
//! A population under k is never shown. Inside a population of at least k, answers are shown as
//! counted ("8 of 9 agreed"), as the established survey tools do.
//!
//! In the strict setting a programme may choose, answer cells under k are hidden too: per
//! session the file shows the number present (P) and, per item, the number agreeing (a); a
//! reader can subtract, so "did not agree" (P − a) is an implied cell and each item runs through
//! `suppress_table([a, P − a], P)`. P is one figure shared by every item, so if any item's table
//! needs the total hidden, P is hidden for the whole session.
//!
//! Attendance is exported only as rates of members present out of members expected; both are
//! populations, and a rate is hidden when either is under k (strict: or the absent are).

use std::collections::{BTreeMap, HashSet};

use super::shareable::{Month, MonthAttendance, ProgrammeFigures};
use crate::domain::Id;
use crate::share::suppress::{suppress_single, suppress_stat, suppress_table, Count, Stat, K};

/// P and each item's agreement count for one session, suppressed together.
pub fn session_counts(present: u32, agrees: &[u32], k: K, strict: bool) -> (Count, Vec<Count>) {
    if present > 0 && present < k.get() {
        // A population under k: nothing about it is shown.
        return (
            Count::FewerThan(k),
            agrees.iter().map(|_| Count::Withheld).collect(),
        );
    }
    if !strict {
        // A count above those present cannot come from a valid session; cap it.
        return (
            Count::Shown(present),
            agrees
                .iter()
                .map(|&a| Count::Shown(a.min(present)))
                .collect(),
        );
    }
    let mut present_cell = suppress_single(present, k);
    let mut hide_present = false;
    let cells = agrees
        .iter()
        .map(|&a| {
            // A count above those present cannot come from a valid session; cap it rather
            // than trust it, so the implied cell never underflows.
            let a = a.min(present);
            let table = suppress_table(&[a, present - a], Some(present), k);
            hide_present |= table.total == Some(Count::Withheld);
            table.parts.first().copied().unwrap_or(Count::Withheld)
        })
        .collect();
    if hide_present && !present_cell.is_hidden() {
        present_cell = Count::Withheld;
    }
    (present_cell, cells)
}

/// A rate of members present out of members expected, hidden when the members expected or
/// present are a population under k (strict: or the absent are a small count).
pub fn attendance_rate(present: u64, expected: u64, k: K, strict: bool) -> Stat {
    let small = |n: u64| n > 0 && n < u64::from(k.get());
    let absent = expected.saturating_sub(present);
    if expected < u64::from(k.get()) || small(present) || (strict && small(absent)) {
        return Stat::FewerThan(k);
    }
    Stat::Shown(present as f64 / expected as f64)
}

/// One included session's raw figures, gathered by the gate.
pub struct SessionFacts<'a> {
    pub id: crate::domain::Id,
    pub month: Month,
    pub members_present: &'a [Id],
    pub members_expected: u32,
    pub items_recorded: u32,
    pub items_shared: u32,
}

/// Monthly attendance rates and the whole-programme figures.
pub fn programme(
    facts: &[SessionFacts<'_>],
    k: K,
    strict: bool,
) -> (Vec<MonthAttendance>, ProgrammeFigures) {
    let mut months: BTreeMap<Month, (u32, u64, u64)> = BTreeMap::new();
    let mut people: HashSet<Id> = HashSet::new();
    let (mut present, mut expected, mut recorded, mut shared) = (0u64, 0u64, 0u64, 0u64);
    for f in facts {
        let here = f.members_present.len() as u64;
        // Never fewer expected than came: a roster edit after the meeting must not give a
        // rate above 100%.
        let due = u64::from(f.members_expected).max(here);
        let m = months.entry(f.month).or_insert((0, 0, 0));
        m.0 += 1;
        m.1 += here;
        m.2 += due;
        present += here;
        expected += due;
        recorded += u64::from(f.items_recorded);
        shared += u64::from(f.items_shared);
        people.extend(f.members_present.iter().copied());
    }
    let attendance = months
        .into_iter()
        .map(|(month, (sessions, here, due))| MonthAttendance {
            month,
            sessions,
            rate: attendance_rate(here, due, k, strict),
        })
        .collect();
    let distinct = u32::try_from(people.len()).unwrap_or(u32::MAX);
    let sessions = facts.len() as f64;
    let figures = ProgrammeFigures {
        sessions_held: u32::try_from(facts.len()).unwrap_or(u32::MAX),
        people: suppress_single(distinct, k),
        attendance_rate: attendance_rate(present, expected, k, strict),
        items_per_session: suppress_stat(recorded as f64 / sessions, distinct, k),
        consent_rate: suppress_stat(shared as f64 / recorded as f64, distinct, k),
    };
    (attendance, figures)
}

/// How many statistics in the figures are hidden, for the preview.
pub fn hidden_figures(attendance: &[MonthAttendance], figures: &ProgrammeFigures) -> u32 {
    let stats = [
        figures.attendance_rate,
        figures.items_per_session,
        figures.consent_rate,
    ];
    let hidden = |s: &Stat| matches!(s, Stat::FewerThan(_));
    let n = stats.iter().filter(|s| hidden(s)).count()
        + attendance.iter().filter(|m| hidden(&m.rate)).count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

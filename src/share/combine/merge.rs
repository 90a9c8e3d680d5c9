//! Merging read files and suppressing again. The combined threshold is the largest of the one
//! asked for and every file's own, so a "fewer than 7" from one file is never restated as the
//! untrue "fewer than 5". Files hold only suppressed figures, so sums are exact only where every
//! part was shown; anything built from a hidden part stays hidden.

use std::collections::BTreeMap;

use super::Combined;
use crate::share::gate::{
    shuffle, Month, MonthAttendance, ProgrammeFigures, Shareable, SharedRelationships,
    SharedSession,
};
use crate::share::suppress::{suppress_single, suppress_stat, Count, Stat, K};

/// A count restated at the combined threshold `k` (never lower than the file's own).
fn again(c: Count, k: K) -> Count {
    match c {
        Count::Shown(n) => suppress_single(n, k),
        Count::FewerThan(_) => Count::FewerThan(k),
        Count::Withheld => Count::Withheld,
    }
}

/// One session's figures at the combined threshold: the number present is a population, shown
/// only at k or more; inside it the agreement counts stay as counted. Under k nothing of the
/// session's counts is shown.
fn session_again(s: &mut SharedSession, k: K) {
    let present = again(s.present, k);
    s.present = present;
    for item in &mut s.items {
        item.agree = match (present, item.agree) {
            (Count::FewerThan(_), _) => Count::Withheld,
            (Count::Shown(p), Count::Shown(a)) if a > p => Count::Withheld,
            (_, Count::Shown(a)) => Count::Shown(a),
            (_, Count::FewerThan(_)) => Count::FewerThan(k),
            (_, Count::Withheld) => Count::Withheld,
        };
    }
}

/// FNV-1a over the files, to seed the testimony shuffle: the same files give the same order.
fn seed(files: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in files.iter().flat_map(|f| f.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A rate averaged over meetings; hidden if any part was hidden.
fn mean_rate(parts: &[(u32, Stat)], k: K) -> Stat {
    let mut weight = 0f64;
    let mut sum = 0f64;
    for &(w, s) in parts {
        match s {
            Stat::Shown(v) => {
                sum += v * f64::from(w);
                weight += f64::from(w);
            }
            Stat::NotAvailable => {}
            Stat::FewerThan(_) => return Stat::FewerThan(k),
            Stat::Withheld => return Stat::Withheld,
        }
    }
    if weight > 0.0 {
        Stat::Shown(sum / weight)
    } else {
        Stat::NotAvailable
    }
}

pub(super) fn merge(files: Vec<Shareable>, asked: K, raw: &[&str]) -> Combined {
    let k = files.iter().map(|f| f.k).fold(asked, K::max);
    let count = files.len();
    let mut titles: Vec<String> = Vec::new();
    let mut sessions = Vec::new();
    let mut testimonies = Vec::new();
    let mut months: BTreeMap<Month, Vec<(u32, Stat)>> = BTreeMap::new();
    let mut rates = Vec::new();
    let mut people: Option<u32> = Some(0);
    let had_survey = files.iter().any(|f| !f.survey.is_empty());
    let had_feedback = files.iter().any(|f| f.meeting_feedback.is_some());
    let relationships = relationships_again(&files, k);
    for f in files {
        if !titles.contains(&f.title) {
            titles.push(f.title);
        }
        sessions.extend(f.sessions);
        testimonies.extend(f.testimonies);
        for m in f.attendance {
            months
                .entry(m.month)
                .or_default()
                .push((m.sessions, m.rate));
        }
        rates.push((f.figures.sessions_held, f.figures.attendance_rate));
        people = match (people, f.figures.people) {
            // A total that does not fit is not a total: hidden, never wrapped.
            (Some(sum), Count::Shown(n)) => sum.checked_add(n),
            _ => None,
        };
    }
    let before = sessions.iter().flat_map(|s: &SharedSession| {
        std::iter::once(s.present).chain(s.items.iter().map(|i| i.agree))
    });
    let hidden_before = before.filter(|c| c.is_hidden()).count();
    crate::domain::sort::sort_by_key(&mut sessions, |s| s.month);
    for s in &mut sessions {
        session_again(s, k);
    }
    shuffle(&mut testimonies, seed(raw));
    let attendance: Vec<MonthAttendance> = months
        .into_iter()
        .map(|(month, parts)| MonthAttendance {
            month,
            sessions: parts
                .iter()
                .try_fold(0u32, |acc, p| acc.checked_add(p.0))
                .unwrap_or(u32::MAX),
            rate: mean_rate(&parts, k),
        })
        .collect();
    // People may be counted once per file they appear in; files carry no way to tell.
    let people = people.map_or(Count::Withheld, |n| suppress_single(n, k));
    let held: u32 = sessions.len().try_into().unwrap_or(u32::MAX);
    let recorded: u64 = sessions.iter().map(|s| u64::from(s.items_recorded)).sum();
    let shared: u64 = sessions.iter().map(|s| s.items.len() as u64).sum();
    // Statistics over the combined programme need the combined people count shown.
    let base = people.shown().unwrap_or(0);
    let stat = |v: f64| suppress_stat(v, base, k);
    let figures = ProgrammeFigures {
        sessions_held: held,
        people,
        attendance_rate: mean_rate(&rates, k),
        items_per_session: stat(recorded as f64 / f64::from(held)),
        consent_rate: stat(shared as f64 / recorded as f64),
    };
    let title = match titles.as_slice() {
        [one] => one.clone(),
        many => format!("Combined report: {}", many.join("; ")),
    };
    let mut shareable = Shareable::assemble(title, k, sessions, testimonies, attendance, figures);
    let had_relationships = relationships.is_some();
    shareable.relationships = relationships;
    let hidden_after = shareable.counts().filter(|c| c.is_hidden()).count();
    let mut notes = vec![format!(
        "Combined {count} files with a privacy threshold of {k}."
    )];
    if had_survey {
        notes.push(
            "Outcomes survey figures are not combined: each file's survey counts only its own \
             respondents, and adding suppressed counts could not be done safely. Share each \
             programme's survey results on their own."
                .to_string(),
        );
    }
    if had_feedback {
        notes.push(
            "Meeting feedback is not combined: each file's means count only its own meetings. \
             Share each programme's meeting feedback on its own."
                .to_string(),
        );
    }
    if had_relationships {
        notes.push(
            "Relationship counts are added up across files; their median length and contacts \
             on schedule are not, because they cannot be worked out from each file's figures."
                .to_string(),
        );
    }
    let newly = hidden_after.saturating_sub(hidden_before);
    if newly > 0 {
        notes.push(format!(
            "{newly} more counts are hidden, because combined figures are suppressed again."
        ));
    }
    Combined {
        shareable,
        files: count,
        notes,
    }
}

/// The files' relationship counts added up, the population rule applied to the total again.
/// A count hidden in any file cannot be added: the combined one is hidden too.
fn relationships_again(files: &[Shareable], k: K) -> Option<SharedRelationships> {
    let all: Vec<&SharedRelationships> = files
        .iter()
        .filter_map(|f| f.relationships.as_ref())
        .collect();
    if all.is_empty() {
        return None;
    }
    let add = |pick: fn(&SharedRelationships) -> Count| {
        all.iter().try_fold(0u32, |acc, r| {
            pick(r).shown().and_then(|n| acc.checked_add(n))
        })
    };
    let started = add(|r| r.started);
    let cells = [
        add(|r| r.active),
        add(|r| r.ended_as_planned),
        add(|r| r.ended_early),
    ];
    let mut out = SharedRelationships {
        started: started.map_or(Count::Withheld, |n| suppress_single(n, k)),
        active: Count::Withheld,
        ended_as_planned: Count::Withheld,
        ended_early: Count::Withheld,
        median_months: Stat::NotAvailable,
        on_schedule: Stat::NotAvailable,
    };
    if matches!(out.started, Count::Shown(_)) {
        if let [Some(a), Some(p), Some(e)] = cells {
            out.active = Count::Shown(a);
            out.ended_as_planned = Count::Shown(p);
            out.ended_early = Count::Shown(e);
        }
    }
    Some(out)
}

//! The release audit: before a file is made, its figures are checked together with every figure
//! that has already left this device (the programme's ledger), the way statistical offices
//! audit a suppressed table: no population under k may be worked out by adding or subtracting
//! figures that are shown, in this file or in earlier ones.
//!
//! Every figure is a count of people over a population that is a sum of *atoms*:
//! - attendance (member attendances): the atoms are meetings, each worth its members present;
//! - different people: the atoms are the groups of people who came to exactly the same
//!   meetings (their "footprint"), so a count over any selection of meetings is the sum of the
//!   footprints that touch it;
//! - people present at one meeting, survey respondents at one point, the programme's
//!   relationships (begun, ended, under way): one atom each, which changes only when the data
//!   is edited, more people answer or relationships begin and end.
//!
//! A reader knows every shown figure exactly, so they know every linear combination of them.
//! A hidden population is pinned when its atom vector lies in the span of the shown vectors
//! (checked exactly, in modular arithmetic over a 61-bit prime). The protected populations are
//! every figure a file hid, and every natural population under k: each meeting, each group in
//! each month, each group, each month. A shown figure nested in another gives their difference
//! away, so that difference must be 0 or at least k too. Where any of this fails, one more
//! figure of the new file is hidden (the one whose absence undoes the derivation), with the
//! reason, and the audit runs again.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::disclosure::Population;
use crate::domain::{Date, Id};

/// One meeting as the audit sees it.
#[derive(Clone, Debug)]
pub struct MeetingFacts {
    pub id: Id,
    pub group: Id,
    /// Year * 12 + month: meetings are grouped by calendar month.
    pub month: i32,
    pub members_present: Vec<Id>,
    pub present: u64,
    /// People who answered the meeting's finished feedback.
    pub feedback: u64,
}

/// A figure of the new file, or one already shared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub population: Population,
    /// Sorted meeting ids (empty for a survey point).
    pub sessions: Vec<Id>,
    pub point: Option<u32>,
    pub value: u64,
    pub shown: bool,
    pub label: String,
}

/// A figure that left earlier, and when.
#[derive(Clone, Debug)]
pub struct Earlier {
    pub made: Date,
    pub figure: Figure,
}

/// Why the audit hid one more figure of the new file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtraHidden {
    pub index: usize,
    pub why: String,
}

const P: u64 = (1 << 61) - 1;

fn mul(a: u64, b: u64) -> u64 {
    ((u128::from(a) * u128::from(b)) % u128::from(P)) as u64
}

fn sub(a: u64, b: u64) -> u64 {
    (a + P - b) % P
}

fn inverse(a: u64) -> u64 {
    // Fermat: a^(p-2); a is never 0 here.
    let (mut base, mut exp, mut acc) = (a % P, P - 2, 1u64);
    while exp > 0 {
        if exp & 1 == 1 {
            acc = mul(acc, base);
        }
        base = mul(base, base);
        exp >>= 1;
    }
    acc
}

/// Row-reduced basis of the shown vectors, for span membership.
struct Basis {
    rows: Vec<(usize, Vec<u64>)>,
}

impl Basis {
    fn new(vectors: &[&[u64]]) -> Basis {
        let mut b = Basis { rows: Vec::new() };
        for v in vectors {
            let r = b.reduce(v);
            if let Some(pivot) = r.iter().position(|&x| x != 0) {
                let inv = inverse(r[pivot]);
                let row: Vec<u64> = r.iter().map(|&x| mul(x, inv)).collect();
                b.rows.push((pivot, row));
            }
        }
        b
    }

    fn reduce(&self, v: &[u64]) -> Vec<u64> {
        let mut r = v.to_vec();
        for (pivot, row) in &self.rows {
            let f = r[*pivot];
            if f != 0 {
                for (x, y) in r.iter_mut().zip(row) {
                    *x = sub(*x, mul(f, *y));
                }
            }
        }
        r
    }

    fn spans(&self, v: &[u64]) -> bool {
        self.reduce(v).iter().all(|&x| x == 0)
    }
}

/// Turns a list of meetings into a vector over a family's atoms.
type VectorOf = Box<dyn Fn(&[Id]) -> Vec<u64>>;

/// An additive family's atoms and a figure's vector over them.
struct Family {
    /// For attendance: meeting ids; for people: footprints.
    atom_values: Vec<u64>,
    vector_of: VectorOf,
}

/// Meetings as atoms, each worth `value` (members present, or people who gave feedback).
fn meetings_family(
    meetings: &BTreeMap<Id, &MeetingFacts>,
    value: fn(&MeetingFacts) -> u64,
) -> Family {
    let ids: Vec<Id> = meetings.keys().copied().collect();
    let atom_values = ids.iter().map(|id| value(meetings[id])).collect();
    let index: BTreeMap<Id, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let n = ids.len();
    Family {
        atom_values,
        vector_of: Box::new(move |sessions| {
            let mut v = vec![0; n];
            for s in sessions {
                if let Some(&i) = index.get(s) {
                    v[i] = 1;
                }
            }
            v
        }),
    }
}

fn people_family(meetings: &BTreeMap<Id, &MeetingFacts>) -> Family {
    let mut footprint: BTreeMap<Id, BTreeSet<Id>> = BTreeMap::new();
    for m in meetings.values() {
        for p in &m.members_present {
            footprint.entry(*p).or_default().insert(m.id);
        }
    }
    let mut atoms: BTreeMap<BTreeSet<Id>, u64> = BTreeMap::new();
    for f in footprint.into_values() {
        *atoms.entry(f).or_default() += 1;
    }
    let (sets, atom_values): (Vec<BTreeSet<Id>>, Vec<u64>) = atoms.into_iter().unzip();
    Family {
        atom_values,
        vector_of: Box::new(move |sessions| {
            let wanted: BTreeSet<Id> = sessions.iter().copied().collect();
            sets.iter()
                .map(|f| u64::from(f.iter().any(|s| wanted.contains(s))))
                .collect()
        }),
    }
}

fn value_of(family: &Family, v: &[u64]) -> u64 {
    v.iter().zip(&family.atom_values).map(|(a, b)| a * b).sum()
}

fn small(value: u64, k: u32) -> bool {
    value > 0 && value < u64::from(k)
}

fn is_subset(a: &[u64], b: &[u64]) -> bool {
    a.iter().zip(b).all(|(x, y)| *x <= *y)
}

/// Above this many groups, only single groups and all groups together are combined with the
/// month ranges (2^groups selections would be too many to check).
const MAX_GROUPS_COMBINED: usize = 6;

/// The natural populations of a family: every selection a file could make (whole groups by a
/// run of whole months), and each meeting on its own (attendance only), over the meetings the
/// audit knows. Each is a list of meetings, with words for the reason.
fn natural(meetings: &BTreeMap<Id, &MeetingFacts>, with_meetings: bool) -> Vec<(String, Vec<Id>)> {
    let groups: Vec<Id> = meetings
        .values()
        .map(|m| m.group)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let months: Vec<i32> = meetings
        .values()
        .map(|m| m.month)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut group_sets: Vec<Vec<Id>> = Vec::new();
    if groups.len() <= MAX_GROUPS_COMBINED {
        for mask in 1u32..(1 << groups.len()) {
            group_sets.push(
                groups
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, g)| *g)
                    .collect(),
            );
        }
    } else {
        group_sets.extend(groups.iter().map(|g| vec![*g]));
        group_sets.push(groups.clone());
    }
    let month_words = |m: i32| {
        crate::share::gate::Month::new(m.div_euclid(12), (m.rem_euclid(12) + 1) as u32)
            .map(|m| m.long_name())
            .unwrap_or_default()
    };
    let mut seen: BTreeSet<Vec<Id>> = BTreeSet::new();
    let mut out = Vec::new();
    for (a, &first) in months.iter().enumerate() {
        for &last in &months[a..] {
            let span = if first == last {
                month_words(first)
            } else {
                format!("{} to {}", month_words(first), month_words(last))
            };
            for set in &group_sets {
                let ids: Vec<Id> = meetings
                    .values()
                    .filter(|m| set.contains(&m.group) && (first..=last).contains(&m.month))
                    .map(|m| m.id)
                    .collect();
                if !ids.is_empty() && seen.insert(ids.clone()) {
                    let which = if set.len() == groups.len() {
                        "all groups".to_string()
                    } else if set.len() == 1 {
                        "one group".to_string()
                    } else {
                        format!("{} of the groups", set.len())
                    };
                    out.push((format!("{which} in {span}"), ids));
                }
            }
        }
    }
    if with_meetings {
        for m in meetings.values() {
            if seen.insert(vec![m.id]) {
                out.push((
                    format!("one meeting in {}", month_words(m.month)),
                    vec![m.id],
                ));
            }
        }
    }
    out
}

/// "The number present at …" inside a sentence.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

fn family_words(population: Population) -> &'static str {
    match population {
        Population::Attendance => "the attendance",
        Population::People => "the number of different people",
        Population::Present => "the number of people present",
        Population::Respondents => "the number of people who answered",
        Population::Relationships => "the number of relationships that began",
        Population::RelationshipsEnded => "the number of relationships that ended",
        Population::RelationshipsActive => "the number of relationships under way",
        Population::FeedbackRespondents => "the number who answered the meeting feedback",
        Population::Unknown => "a figure this version does not know",
    }
}

/// Audits the new file's figures against the ledger and each other; returns the figures of the
/// new file that must be hidden as well, each with its reason. `figures` is updated in place.
pub fn audit(
    figures: &mut [Figure],
    earlier: &[Earlier],
    meetings: &[MeetingFacts],
    k: u32,
) -> Vec<ExtraHidden> {
    let mut extra = Vec::new();
    repeats(figures, earlier, k, &mut extra);
    for population in [
        Population::Attendance,
        Population::People,
        Population::FeedbackRespondents,
    ] {
        additive(population, figures, earlier, meetings, k, &mut extra);
    }
    extra
}

/// Single-atom populations shown again with a different value: the change is itself a count
/// of people (who answered since, whose attendance was corrected), so it must be 0 or >= k.
fn repeats(figures: &mut [Figure], earlier: &[Earlier], k: u32, extra: &mut Vec<ExtraHidden>) {
    for (index, f) in figures.iter_mut().enumerate() {
        if !f.shown
            || !matches!(
                f.population,
                Population::Present
                    | Population::Respondents
                    | Population::Relationships
                    | Population::RelationshipsEnded
                    | Population::RelationshipsActive
            )
        {
            continue;
        }
        let before = earlier.iter().find(|e| {
            e.figure.shown
                && e.figure.population == f.population
                && e.figure.sessions == f.sessions
                && e.figure.point == f.point
                && small(e.figure.value.abs_diff(f.value), k)
        });
        if let Some(e) = before {
            f.shown = false;
            let changed = e.figure.value.abs_diff(f.value);
            extra.push(ExtraHidden {
                index,
                why: format!(
                    "{} is not shown: it has changed by {} since a file saved on {} showed it, \
                     and the difference would point to {} (fewer than {k}).",
                    f.label,
                    if changed == 1 {
                        "one".to_string()
                    } else {
                        changed.to_string()
                    },
                    e.made,
                    match (changed == 1, f.population.unit()) {
                        (true, "people") => "one person",
                        (true, _) => "one relationship",
                        (false, "people") => "a few people",
                        (false, _) => "a few relationships",
                    },
                ),
            });
        }
    }
}

fn additive(
    population: Population,
    figures: &mut [Figure],
    earlier: &[Earlier],
    meetings: &[MeetingFacts],
    k: u32,
    extra: &mut Vec<ExtraHidden>,
) {
    // A meeting's number present equals its members present when it had no guests, and a
    // reader may guess that: such a figure is an attendance figure for that one meeting.
    let no_guests: BTreeSet<Id> = meetings
        .iter()
        .filter(|m| m.present == m.members_present.len() as u64)
        .map(|m| m.id)
        .collect();
    // It is also the number of different people who came to that meeting.
    let ours = |f: &Figure| {
        f.population == population
            || (matches!(population, Population::Attendance | Population::People)
                && f.population == Population::Present
                && f.sessions.iter().all(|s| no_guests.contains(s)))
    };
    if !figures.iter().any(|f| ours(f) && f.shown) {
        return;
    }
    // Only meetings some figure of this family covers matter.
    let mut wanted: BTreeSet<Id> = BTreeSet::new();
    for f in figures.iter().filter(|f| ours(f)) {
        wanted.extend(&f.sessions);
    }
    for e in earlier.iter().filter(|e| ours(&e.figure)) {
        wanted.extend(&e.figure.sessions);
    }
    let by_id: BTreeMap<Id, &MeetingFacts> = meetings
        .iter()
        .filter(|m| wanted.contains(&m.id))
        .map(|m| (m.id, m))
        .collect();
    let family = match population {
        Population::Attendance => meetings_family(&by_id, |m| m.members_present.len() as u64),
        Population::FeedbackRespondents => meetings_family(&by_id, |m| m.feedback),
        _ => people_family(&by_id),
    };
    let vec_of = |s: &[Id]| (family.vector_of)(s);
    let old_shown: Vec<(Date, Vec<u64>, String)> = earlier
        .iter()
        .filter(|e| ours(&e.figure) && e.figure.shown)
        .map(|e| (e.made, vec_of(&e.figure.sessions), e.figure.label.clone()))
        .collect();
    let new_vecs: Vec<Vec<u64>> = figures.iter().map(|f| vec_of(&f.sessions)).collect();
    // Protected: every hidden figure, earlier or new, and every natural population under k,
    // each with its words ("the number present at meeting 2"; "the attendance for one group
    // in March 2026").
    let mut protected: Vec<(String, Vec<u64>)> = earlier
        .iter()
        .filter(|e| ours(&e.figure) && !e.figure.shown)
        .map(|e| (lower_first(&e.figure.label), vec_of(&e.figure.sessions)))
        .collect();
    for (f, v) in figures.iter().zip(&new_vecs) {
        if ours(f) && !f.shown {
            protected.push((lower_first(&f.label), v.clone()));
        }
    }
    for (label, s) in natural(&by_id, true) {
        protected.push((
            format!("{} for {}", family_words(population), label),
            vec_of(&s),
        ));
    }
    protected.retain(|(_, v)| small(value_of(&family, v), k));

    // Each round hides one more figure; there are finitely many to hide.
    for _ in 0..=figures.len() {
        let shown_new: Vec<usize> = (0..figures.len())
            .filter(|&i| ours(&figures[i]) && figures[i].shown)
            .collect();
        // A figure shown twice (a month's attendance and the overall rate over the same
        // meetings) gives the same away as once: hiding one copy helps only with the other.
        let copies = |i: usize| -> Vec<usize> {
            shown_new
                .iter()
                .copied()
                .filter(|&j| new_vecs[j] == new_vecs[i])
                .collect()
        };
        let basis_without = |skip: &[usize]| {
            let mut all: Vec<&[u64]> = old_shown.iter().map(|(_, v, _)| v.as_slice()).collect();
            all.extend(
                shown_new
                    .iter()
                    .filter(|i| !skip.contains(i))
                    .map(|&i| new_vecs[i].as_slice()),
            );
            Basis::new(&all)
        };
        let basis = basis_without(&[]);
        let pinned = protected.iter().find(|(_, v)| basis.spans(v));
        if let Some((what, v)) = pinned {
            // Hide the new figure whose absence undoes it: the widest first (a total says less
            // about the programme's shape than a month), then the last in the file.
            let mut order = shown_new.clone();
            crate::domain::sort::sort_by_key(&mut order, |&i| {
                (
                    std::cmp::Reverse(figures[i].sessions.len()),
                    std::cmp::Reverse(i),
                )
            });
            // The one whose absence undoes it; failing that (two new figures give it away
            // together) the widest, and the next round looks again.
            let Some(&i) = order
                .iter()
                .find(|&&i| !basis_without(&copies(i)).spans(v))
                .or(order.first())
            else {
                break; // Already given away by earlier files alone: nothing in this file helps.
            };
            let dated = old_shown
                .first()
                .map(|(d, _, _)| format!(" and with the files already saved (the first on {d})"))
                .unwrap_or_default();
            for j in copies(i) {
                figures[j].shown = false;
                extra.push(ExtraHidden {
                    index: j,
                    why: format!(
                        "{} is not shown: together with the other figures in this file{dated}, \
                         it would let a reader work out {what}, which is hidden because it is \
                         about fewer than {k} people.",
                        figures[j].label,
                    ),
                });
            }
            continue;
        }
        // Nested shown figures: the difference is a count of people too.
        let mut nested = None;
        'outer: for &i in &shown_new {
            let vi = &new_vecs[i];
            let others = old_shown
                .iter()
                .map(|(d, v, l)| (Some(*d), v, l.clone(), None))
                .chain(
                    shown_new
                        .iter()
                        .filter(|&&j| j != i)
                        .map(|&j| (None, &new_vecs[j], figures[j].label.clone(), Some(j))),
                );
            for (when, vo, label, j) in others {
                let (a, b) = (value_of(&family, vi), value_of(&family, vo));
                let diff = a.abs_diff(b);
                let nests = (a >= b && is_subset(vo, vi)) || (b >= a && is_subset(vi, vo));
                if nests && small(diff, k) {
                    // Hide the wider of two new figures; against an old one, the new one.
                    let hide = match j {
                        Some(j) if figures[j].sessions.len() > figures[i].sessions.len() => j,
                        _ => i,
                    };
                    let other = if hide == i {
                        label
                    } else {
                        figures[i].label.clone()
                    };
                    let saved = when
                        .map(|d| format!(" in the file saved on {d}"))
                        .unwrap_or_default();
                    nested = Some(ExtraHidden {
                        index: hide,
                        why: format!(
                            "{} is not shown: it differs from {other}{saved} by fewer than {k}, \
                             so subtracting one from the other would count a few people.",
                            figures[hide].label
                        ),
                    });
                    break 'outer;
                }
            }
        }
        match nested {
            Some(found) => {
                figures[found.index].shown = false;
                extra.push(found);
            }
            None => break,
        }
    }
}

#[cfg(test)]
#[path = "audit_tests.rs"]
mod tests;

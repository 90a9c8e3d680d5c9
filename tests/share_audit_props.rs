//! Property test of the release audit, against an auditor written apart from the gate: random
//! small programmes and random sequences of saved files (groups, months, kinds). After every
//! file, the auditor reads what a reader holds (every figure every file showed, mapped to the
//! meetings it covers) and checks, with exact fraction-free elimination over people-level atoms,
//! that no population under k of any selection a file could make (any groups, any run of
//! months, any single meeting) can be worked out, and that no two nested shown figures differ
//! by 1..k-1.
#![cfg(not(target_arch = "wasm32"))]

mod share_support;

use std::collections::BTreeSet;

use peercircle::domain::session::Session;
use peercircle::domain::Id;
use peercircle::share::export::FileKind;
use peercircle::share::gate::{gate, ExportPolicy, Shareable};
use peercircle::share::suppress::{Count, Stat, K};
use proptest::prelude::*;
use share_support::*;

/// Rank of integer rows by fraction-free (Bareiss) elimination, exact in i128 at these sizes.
fn rank(rows: &[Vec<i128>]) -> usize {
    let mut m: Vec<Vec<i128>> = rows.to_vec();
    let cols = m.first().map_or(0, Vec::len);
    let (mut r, mut prev) = (0usize, 1i128);
    for c in 0..cols {
        let Some(p) = (r..m.len()).find(|&i| m[i][c] != 0) else {
            continue;
        };
        m.swap(r, p);
        for i in (r + 1)..m.len() {
            for j in (c + 1)..cols {
                m[i][j] = (m[r][c] * m[i][j] - m[i][c] * m[r][j]) / prev;
            }
            m[i][c] = 0;
        }
        prev = m[r][c];
        r += 1;
        if r == m.len() {
            break;
        }
    }
    r
}

fn in_span(rows: &[Vec<i128>], v: &[i128]) -> bool {
    let mut with = rows.to_vec();
    with.push(v.to_vec());
    rank(rows) == rank(&with)
}

#[derive(Clone, Debug)]
struct Plan {
    k: u32,
    /// (group 1..=3, month 1..=3, members present out of 0..14)
    meetings: Vec<(u64, u32, Vec<u64>)>,
    /// (groups chosen, first month, last month, kind)
    exports: Vec<(Vec<u64>, u32, u32, usize)>,
}

fn plan() -> impl Strategy<Value = Plan> {
    let meeting = (
        1u64..=3,
        1u32..=3,
        proptest::collection::btree_set(0u64..14, 2..10),
    );
    let export = (
        proptest::collection::btree_set(1u64..=3, 1..=3),
        1u32..=3,
        0u32..=2,
        0usize..3,
    );
    (
        3u32..=5,
        proptest::collection::vec(meeting, 1..7),
        proptest::collection::vec(export, 1..5),
    )
        .prop_map(|(k, meetings, exports)| Plan {
            k,
            meetings: meetings
                .into_iter()
                .map(|(g, m, p)| (g, m, p.into_iter().collect()))
                .collect(),
            exports: exports
                .into_iter()
                .map(|(g, a, len, kind)| (g.into_iter().collect(), a, (a + len).min(3), kind))
                .collect(),
        })
}

/// Members of group g are people whose id mod 3 + 1 == g, or anyone for a mixed test: people
/// may come to any group's meeting, which makes footprints overlap.
fn sessions_of(plan: &Plan) -> Vec<Session> {
    plan.meetings
        .iter()
        .enumerate()
        .map(|(i, (g, m, people))| {
            let id = 100 + i as u64;
            // Meetings in a month fall on different days.
            session(id, *g, date(2026, *m, 1 + i as u32), "Q?", people, 0, &[])
        })
        .collect()
}

/// What a reader knows from one file: rows (atoms: (person, meeting) for attendance, person
/// for people) with the meetings each covers.
struct Reader {
    attendance: Vec<BTreeSet<Id>>,
    people: Vec<(BTreeSet<Id>, u64)>,
}

fn read(s: &Shareable, chosen: &[&Session], kind: FileKind, r: &mut Reader) {
    if kind != FileKind::TestimoniesMarkdown {
        for (meeting, shared) in chosen.iter().zip(&s.sessions) {
            if let Count::Shown(_) = shared.present {
                r.attendance.push([meeting.id()].into());
            }
        }
    }
    if matches!(kind, FileKind::ReportHtml | FileKind::ProgrammeJson) {
        for m in &s.attendance {
            if let Stat::Shown(_) = m.rate {
                let ids = chosen
                    .iter()
                    .filter(|x| x.date().month() == m.month.month())
                    .map(|x| x.id())
                    .collect();
                r.attendance.push(ids);
            }
        }
        let all: BTreeSet<Id> = chosen.iter().map(|x| x.id()).collect();
        if let Stat::Shown(_) = s.figures.attendance_rate {
            r.attendance.push(all.clone());
        }
        if let Count::Shown(n) = s.figures.people {
            r.people.push((all, u64::from(n)));
        }
    }
}

fn attendance_vector(sessions: &[Session], ids: &BTreeSet<Id>) -> Vec<i128> {
    sessions
        .iter()
        .flat_map(|s| (0u64..14).map(move |p| (s, p)))
        .map(|(s, p)| i128::from(ids.contains(&s.id()) && s.attendance().contains(&p)))
        .collect()
}

fn people_vector(sessions: &[Session], ids: &BTreeSet<Id>) -> Vec<i128> {
    (0u64..14)
        .map(|p| {
            i128::from(
                sessions
                    .iter()
                    .any(|s| ids.contains(&s.id()) && s.attendance().contains(&p)),
            )
        })
        .collect()
}

/// Every selection a file could make, and each meeting alone.
fn selections(sessions: &[Session]) -> Vec<BTreeSet<Id>> {
    let mut out = Vec::new();
    for mask in 1u8..8 {
        for a in 1..=3u32 {
            for b in a..=3u32 {
                let ids: BTreeSet<Id> = sessions
                    .iter()
                    .filter(|s| mask & (1 << (s.group() - 1)) != 0)
                    .filter(|s| (a..=b).contains(&s.date().month()))
                    .map(|s| s.id())
                    .collect();
                if !ids.is_empty() {
                    out.push(ids);
                }
            }
        }
    }
    out.extend(sessions.iter().map(|s| [s.id()].into()));
    out
}

fn small(v: i128, k: u32) -> bool {
    v > 0 && v < i128::from(k)
}

fn check_reader(sessions: &[Session], r: &Reader, k: u32) -> Result<(), String> {
    let rows: Vec<Vec<i128>> = r
        .attendance
        .iter()
        .map(|ids| attendance_vector(sessions, ids))
        .collect();
    let prows: Vec<Vec<i128>> = r
        .people
        .iter()
        .map(|(ids, _)| people_vector(sessions, ids))
        .collect();
    for sel in selections(sessions) {
        let a = attendance_vector(sessions, &sel);
        let va: i128 = a.iter().sum();
        if small(va, k) && !rows.is_empty() && in_span(&rows, &a) {
            return Err(format!("attendance {va} of {sel:?} can be worked out"));
        }
        let p = people_vector(sessions, &sel);
        let vp: i128 = p.iter().sum();
        if small(vp, k) && !prows.is_empty() && in_span(&prows, &p) {
            return Err(format!("{vp} people of {sel:?} can be counted"));
        }
    }
    for (i, a) in prows.iter().enumerate() {
        for b in &prows[i + 1..] {
            let nested =
                a.iter().zip(b).all(|(x, y)| x <= y) || b.iter().zip(a).all(|(x, y)| x <= y);
            let diff = (a.iter().sum::<i128>() - b.iter().sum::<i128>()).abs();
            if nested && small(diff, k) {
                return Err(format!("two people counts differ by {diff}"));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn no_sequence_of_files_lets_a_reader_work_out_a_hidden_population(plan in plan()) {
        let sessions = sessions_of(&plan);
        let names: Vec<(Id, String)> = (0u64..14).map(|i| (i, format!("Zq{i} Xv{i}"))).collect();
        let refs: Vec<(Id, &str)> = names.iter().map(|(i, n)| (*i, n.as_str())).collect();
        let mut w = World::new(roster(&refs), sessions.clone());
        w.groups.push(peercircle::share::gate::GroupInfo { id: 3, kind: w.groups[0].kind, members: 14 });
        for g in &mut w.groups {
            g.members = 14;
        }
        let mut reader = Reader { attendance: Vec::new(), people: Vec::new() };
        let k = K::new(plan.k).unwrap();
        for (groups, first, last, kind) in &plan.exports {
            let kind = [FileKind::ReportHtml, FileKind::ProgrammeJson, FileKind::AgreementCsv][*kind];
            let policy = ExportPolicy {
                k,
                file: kind,
                groups: Some(groups.clone()),
                from: Some(date(2026, *first, 1)),
                to: Some(date(2026, *last, 1)),
                ..ExportPolicy::default()
            };
            let cleared = gate(&w.input(), &policy).map_err(|b| TestCaseError::fail(format!("{:?}", b.reasons)))?;
            // The reader's own selection of the meetings, independent of the gate's.
            let mut chosen: Vec<&Session> = sessions
                .iter()
                .filter(|s| groups.contains(&s.group()))
                .filter(|s| (*first..=*last).contains(&s.date().month()))
                .collect();
            chosen.sort_by_key(|s| (s.date(), s.id()));
            prop_assert_eq!(chosen.len(), cleared.shareable.sessions.len());
            read(&cleared.shareable, &chosen, kind, &mut reader);
            w.ledger.push(cleared.release.clone());
            if let Err(why) = check_reader(&sessions, &reader, plan.k) {
                return Err(TestCaseError::fail(format!("{why}; plan {plan:?}")));
            }
        }
    }
}

#[test]
fn the_auditor_itself_finds_a_subtraction() {
    // Sanity check of the auditor: a reader holding the total and one month can get the other.
    let sessions = vec![
        session(
            100,
            1,
            date(2026, 1, 5),
            "Q?",
            &(0..9).collect::<Vec<_>>(),
            0,
            &[],
        ),
        session(101, 1, date(2026, 2, 5), "Q?", &[0, 1], 0, &[]),
    ];
    let reader = Reader {
        attendance: vec![[100, 101].into(), [100].into()],
        people: Vec::new(),
    };
    assert!(check_reader(&sessions, &reader, 5).is_err());
    let fine = Reader {
        attendance: vec![[100, 101].into()],
        people: Vec::new(),
    };
    assert!(check_reader(&sessions, &fine, 5).is_ok());
}

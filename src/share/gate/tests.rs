//! Unit tests for the gate's small parts. The gate as a whole is tested in tests/share_*.rs,
//! where sessions are built through the session runner's public API.

use super::figures::{attendance_rate, session_counts};
use super::*;
use crate::share::suppress::{Count, Stat};

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd(y, m, day).unwrap()
}

#[test]
fn shuffle_is_a_seeded_permutation() {
    let mut a: Vec<u32> = (0..50).collect();
    let mut b = a.clone();
    shuffle(&mut a, 9);
    shuffle(&mut b, 9);
    assert_eq!(a, b);
    assert_ne!(a, (0..50).collect::<Vec<_>>());
    a.sort_unstable();
    assert_eq!(a, (0..50).collect::<Vec<_>>());
    let mut empty: Vec<u32> = Vec::new();
    shuffle(&mut empty, 1);
}

#[test]
fn session_counts_hide_small_parts_and_their_complements() {
    let k = K::default();
    let (p, cells) = session_counts(10, &[10, 8, 2, 0, 5], k, true);
    assert_eq!(p, Count::Shown(10));
    use Count::*;
    assert_eq!(
        cells,
        [Shown(10), Withheld, FewerThan(k), Shown(0), Shown(5)]
    );
    // 6 present, 5 agree: only hiding the 6 stops "1 did not agree" being worked out.
    let (p, cells) = session_counts(6, &[5, 6], k, true);
    assert_eq!((p, cells), (Withheld, vec![Withheld, Shown(6)]));
    // An impossible count above those present is capped, never underflows.
    assert_eq!(session_counts(7, &[9], k, true).1, [Shown(7)]);
}

#[test]
fn attendance_rates_hide_small_present_or_absent() {
    let k = K::default();
    assert_eq!(attendance_rate(8, 10, k, true), Stat::FewerThan(k));
    assert_eq!(attendance_rate(5, 10, k, true), Stat::Shown(0.5));
    assert_eq!(attendance_rate(4, 4, k, true), Stat::FewerThan(k));
    assert_eq!(attendance_rate(0, 10, k, true), Stat::Shown(0.0));
}

#[test]
fn approvals_cover_a_use_between_given_and_expiry_until_withdrawn() {
    let a = QuoteApproval {
        participant: 1,
        given: d(2026, 1, 1),
        scope: vec![QuoteUse::Newsletter],
        expires: Some(d(2026, 12, 31)),
        withdrawn: None,
    };
    assert!(a.covers(QuoteUse::Newsletter, d(2026, 12, 31)));
    assert!(!a.covers(QuoteUse::Newsletter, d(2027, 1, 1)));
    assert!(!a.covers(QuoteUse::Newsletter, d(2025, 12, 31)));
    assert!(!a.covers(QuoteUse::Brochure, d(2026, 6, 1)));
    let w = QuoteApproval {
        withdrawn: Some(d(2026, 6, 1)),
        ..a
    };
    assert!(w.covers(QuoteUse::Newsletter, d(2026, 5, 31)));
    assert!(!w.covers(QuoteUse::Newsletter, d(2026, 6, 1)));
}

#[test]
fn months_read_and_write_as_year_month() {
    let m = Month::of(d(2026, 11, 24));
    assert_eq!(m.to_string(), "2026-11");
    assert_eq!(m.long_name(), "November 2026");
    assert_eq!(serde_json::to_string(&m).unwrap(), "\"2026-11\"");
    assert_eq!(serde_json::from_str::<Month>("\"2026-11\"").unwrap(), m);
    assert!(serde_json::from_str::<Month>("\"2026-13\"").is_err());
    assert!(serde_json::from_str::<Month>("\"2026-11-24\"").is_err());
}

#[test]
fn the_left_out_summary_reads_plainly() {
    let l = LeftOut {
        items_not_consented: 2,
        counts_suppressed: 1,
        ..LeftOut::default()
    };
    assert_eq!(l.summary(), "2 items not consented, 1 count suppressed");
    assert_eq!(LeftOut::default().summary(), "");
    let unknown = LeftOut {
        sessions_of_unknown_kind: 1,
        ..LeftOut::default()
    };
    assert_eq!(
        unknown.summary(),
        "1 meeting left out: its group is of a kind this version does not know (share it from \
         the newest version of Peercircle)"
    );
}

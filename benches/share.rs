//! Timings for the share gate and every export format on a large programme: 2,000 people in
//! 20 groups, 300 meetings, 12,000 flip-chart items (a third consented, some naming people and
//! redacted), 600 testimonies. Prints figures only; it never fails on timing.

#[path = "../tests/share_support/mod.rs"]
mod share_support;

use std::hint::black_box;
use std::time::Instant;

use peercircle::domain::testimony::{Attribution, ItemRef, Testimony};
use peercircle::share::combine::combine;
use peercircle::share::csv::csv;
use peercircle::share::gate::{gate, ExportPolicy, GroupInfo, TextRef};
use peercircle::share::html::html;
use peercircle::share::json::json;
use peercircle::share::markdown::markdown;
use peercircle::share::suppress::K;
use share_support::*;

const PEOPLE: u64 = 2_000;
const GROUPS: u64 = 20;
const MEETINGS: u64 = 300;
const ITEMS: u32 = 40;

fn time<T>(label: &str, runs: u32, mut work: impl FnMut() -> T) -> T {
    let start = Instant::now();
    for _ in 1..runs {
        black_box(work());
    }
    let out = work();
    let each = start.elapsed() / runs.max(1);
    println!("{label:<44} {:>10.2} ms", each.as_secs_f64() * 1e3);
    out
}

const FIRST: [&str; 10] = [
    "María",
    "José",
    "Anne-Marie",
    "Seán",
    "Zoë",
    "Łukasz",
    "Nguyễn",
    "Siobhán",
    "Chidi",
    "Ayşe",
];
const LAST: [&str; 10] = [
    "López", "Núñez", "Dubois", "O'Brien", "Fairfax", "Wróbel", "Thảo", "Kelly", "Okafor", "Yılmaz",
];

fn main() {
    let names: Vec<(u64, String)> = (0..PEOPLE)
        .map(|i| {
            let (f, l) = (FIRST[(i % 10) as usize], LAST[((i / 10) % 10) as usize]);
            (i + 1, format!("{f}{} {l}{}", i / 100, i % 7))
        })
        .collect();
    let refs: Vec<(u64, &str)> = names.iter().map(|(i, n)| (*i, n.as_str())).collect();
    let built = Instant::now();
    let consents = [Consent::Share, Consent::Internal, Consent::Undecided];
    let sessions: Vec<_> = (0..MEETINGS)
        .map(|m| {
            let group = m % GROUPS + 1;
            let members: Vec<u64> = (0..40).map(|j| (group - 1) * 100 + j + 1).collect();
            let items: Vec<ItemSpec> = (0..ITEMS)
                .map(|i| {
                    let named = i % 10 == 0;
                    let who = if named {
                        names[(m * 7 + u64::from(i)) as usize % 2000].1.as_str()
                    } else {
                        ""
                    };
                    let text = format!("Answer {i} of meeting {m}: ask before you advise {who}");
                    item(&text, (i * 7 + m as u32) % 41, consents[(i % 3) as usize])
                })
                .collect();
            let on = date(
                2025 + (m / 150) as i32,
                1 + (m % 12) as u32,
                1 + (m % 28) as u32,
            );
            session(
                m + 1,
                group,
                on,
                "What is the hardest part of mentoring?",
                &members,
                2,
                &items,
            )
        })
        .collect();
    let mut w = World::new(roster(&refs), sessions);
    w.groups = (1..=GROUPS)
        .map(|id| GroupInfo {
            id,
            kind: peercircle::domain::programme::GroupKind::ALL[(id % 3) as usize],
            members: 100,
        })
        .collect();
    for s in &w.sessions {
        for it in s.items().iter().filter(|i| (i.number - 1) % 10 == 0) {
            w.names.redact_all.push(TextRef::Item {
                session: s.id(),
                item: it.number,
            });
        }
    }
    w.testimonies = (0..600u64)
        .map(|t| Testimony {
            id: t + 1,
            text: format!("Testimony {t}: I learned to listen before I advise."),
            attribution: Attribution::ByRole("a first-year protege".to_string()),
            source: Some(ItemRef {
                session: t % MEETINGS + 1,
                item: 4,
            }),
            include: true,
            drafted_from: None,
        })
        .collect();
    println!(
        "Share gate and formats: {PEOPLE} people, {MEETINGS} meetings, {} items, 600 testimonies",
        MEETINGS * u64::from(ITEMS)
    );
    println!(
        "(built in {:.1} s; mean per run)",
        built.elapsed().as_secs_f64()
    );
    let policy = ExportPolicy::default();
    let cleared = time("gate (scan, consent, suppression)", 5, || {
        gate(&w.input(), &policy).map(|c| c.shareable.sessions.len())
    });
    println!("  sessions exported: {cleared:?}");
    let Ok(c) = gate(&w.input(), &policy) else {
        println!("blocked: the bench data should clear");
        return;
    };
    let content = c.shareable;
    let sizes: Vec<(&str, usize)> = vec![
        ("CSV", time("csv", 10, || csv(&content)).len()),
        ("JSON", time("json", 10, || json(&content)).len()),
        (
            "Markdown",
            time("markdown", 10, || markdown(&content)).len(),
        ),
        (
            "HTML report",
            time("html report with charts", 10, || html(&content)).len(),
        ),
    ];
    let file = json(&content);
    let combined = time("combine 3 copies of the JSON", 3, || {
        combine(&[&file, &file, &file], K::default()).map(|c| c.files)
    });
    println!("  files combined: {combined:?}");
    for (name, bytes) in sizes {
        println!("  {name:<12} {:>8.1} KB", bytes as f64 / 1024.0);
    }
}

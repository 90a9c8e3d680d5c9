//! Property tests over random programmes: random rosters of awkward names, meetings whose items
//! and testimonies embed those names in many spellings, random agreement and consent. Whatever
//! the gate lets out, in every format: no roster name, no unconsented item, no small count (or
//! a count that gives one back), no CSV cell a spreadsheet would run, and JSON that combine
//! reads back unchanged.

mod share_support;

use peercircle::domain::testimony::{Attribution, ItemRef, Testimony};
use peercircle::share::combine::combine;
use peercircle::share::csv::csv;
use peercircle::share::escape::looks_like_formula;
use peercircle::share::gate::{gate, ExportPolicy, TextRef};
use peercircle::share::html::html;
use peercircle::share::json::json;
use peercircle::share::markdown::markdown;
use peercircle::share::scrub::Scanner;
use peercircle::share::suppress::{Count, K};
use proptest::prelude::*;
use share_support::*;
use unicode_normalization::UnicodeNormalization;

const POOL: [&str; 12] = [
    "María López",
    "José Núñez",
    "Anne-Marie Dubois",
    "Seán O'Brien",
    "Zoë Fairfax",
    "Łukasz Wróbel",
    "Nguyễn Thảo",
    "Siobhán Kelly",
    "Oluwaseun Adeyemi",
    "Björn Ødegaard",
    "Ayşe Yılmaz",
    "Chidi Okafor",
];

/// One of many ways a name turns up in typed text.
fn spelled(name: &str, form: u8) -> String {
    let first = name.split_whitespace().next().unwrap_or(name);
    let last = name.split_whitespace().last().unwrap_or(name);
    let bare: String = first
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect();
    match form % 10 {
        0 => name.to_string(),
        1 => first.to_lowercase(),
        2 => last.to_uppercase(),
        3 => bare,
        4 => format!("{first}'s"),
        5 => format!("{first}\u{2019}s"),
        6 => format!("{last}s"),
        7 => format!("\"{first}\""),
        8 => format!("({name}),"),
        _ => format!("«{last}»"),
    }
}

#[derive(Clone, Debug)]
struct ItemPlan {
    name: Option<(usize, u8)>,
    agree_share: u8,
    consent: u8,
    formula: bool,
}

#[derive(Clone, Debug)]
struct MeetingPlan {
    present: u8,
    guests: u8,
    items: Vec<ItemPlan>,
}

fn item_plan() -> impl Strategy<Value = ItemPlan> {
    (
        proptest::option::of((0usize..12, any::<u8>())),
        any::<u8>(),
        0u8..4,
        any::<bool>(),
    )
        .prop_map(|(name, agree_share, consent, formula)| ItemPlan {
            name,
            agree_share,
            consent,
            formula,
        })
}

fn meeting_plan() -> impl Strategy<Value = MeetingPlan> {
    (
        2u8..14,
        0u8..3,
        proptest::collection::vec(item_plan(), 1..6),
    )
        .prop_map(|(present, guests, items)| MeetingPlan {
            present,
            guests,
            items,
        })
}

const CONSENTS: [Consent; 4] = [
    Consent::Share,
    Consent::Internal,
    Consent::Object,
    Consent::Undecided,
];

fn marker(s: usize, i: usize) -> String {
    format!("Mk{s}q{i}z")
}

/// Cells of an RFC 4180 file, unquoted.
fn csv_cells(text: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.trim_start_matches('\u{FEFF}').chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') | (false, '\n') => cells.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, c) => cell.push(c),
        }
    }
    cells
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn nothing_private_leaves_in_any_format(
        people in 1usize..8,
        meetings in proptest::collection::vec(meeting_plan(), 1..4),
        k in 3u32..8,
        redact in any::<bool>(),
        seed in any::<u64>(),
    ) {
        let names: Vec<(u64, &str)> = (0..people).map(|i| (i as u64 + 1, POOL[i])).collect();
        let mut private = Vec::new();
        let mut shared = Vec::new();
        let mut named_and_shared = false;
        let mut sessions = Vec::new();
        let mut testimonies = Vec::new();
        for (si, m) in meetings.iter().enumerate() {
            let present = u32::from(m.present) + u32::from(m.guests);
            let members: Vec<u64> = (1..=u64::from(m.present)).map(|n| 1000 + n).collect();
            let items: Vec<ItemSpec> = m.items.iter().enumerate().map(|(ii, p)| {
                let name = p.name.filter(|(n, _)| *n < people);
                let said = name.map_or(String::new(), |(n, f)| spelled(POOL[n], f));
                let start = if p.formula { "=cmd|' /C calc'!A0 " } else { "" };
                let text = format!("{start}{} {said} helped", marker(si, ii));
                let consent = CONSENTS[usize::from(p.consent)];
                if consent == Consent::Share {
                    shared.push(marker(si, ii));
                    named_and_shared |= name.is_some();
                } else {
                    private.push(marker(si, ii));
                }
                let agree = u32::from(p.agree_share) * present / 255;
                item(&text, agree, consent)
            }).collect();
            let id = si as u64 + 1;
            let when = date(2026, 1 + si as u32, 10);
            sessions.push(session(id, 1, when, "What helps?", &members, u32::from(m.guests), &items));
            for (ii, p) in m.items.iter().enumerate() {
                let said = p.name.filter(|(n, _)| *n < people).map_or(String::new(), |(n, f)| spelled(POOL[n], f.wrapping_add(3)));
                testimonies.push(Testimony {
                    id: (id * 100) + ii as u64,
                    text: format!("{} Quote about {said}", marker(si, ii)),
                    attribution: Attribution::ByRole("a mentor".to_string()),
                    source: Some(ItemRef { session: id, item: ii as u32 + 1 }),
                    include: true,
                    drafted_from: Some(items[ii].text.clone()),
                });
            }
        }
        let mut w = World::new(roster(&names), sessions);
        w.testimonies = testimonies.clone();
        if redact {
            for s in &w.sessions {
                for it in s.items() {
                    w.names.redact_all.push(TextRef::Item { session: s.id(), item: it.number });
                }
            }
            w.names.redact_all.extend(testimonies.iter().map(|t| TextRef::Testimony(t.id)));
        }
        let policy = ExportPolicy { k: K::new(k).unwrap(), strict: true, shuffle_seed: seed, ..ExportPolicy::default() };
        let result = gate(&w.input(), &policy);
        if redact {
            prop_assert!(result.is_ok(), "{:?}", result.err());
        } else if named_and_shared {
            prop_assert!(result.is_err(), "a name in a consented item must block");
        }
        let Ok(cleared) = result else { return Ok(()); };
        let content = cleared.shareable;
        let files = [csv(&content), json(&content), markdown(&content), html(&content)];
        let scanner = Scanner::new(&w.roster, &[]);
        for file in &files {
            let hits = scanner.check(file);
            prop_assert!(hits.is_empty(), "name survived: {:?}", hits.first());
            for m in &private {
                prop_assert!(!file.contains(m.as_str()), "unconsented {m} leaked");
            }
        }
        for m in &shared {
            prop_assert!(files[0].contains(m.as_str()), "consented {m} missing from CSV");
        }
        // Counts: none small, and no shown pair gives a small "did not agree" back.
        let small = |n: u32| n > 0 && n < k;
        for s in &content.sessions {
            prop_assert!(!matches!(s.present, Count::Shown(n) if small(n)));
            for i in &s.items {
                prop_assert!(!matches!(i.agree, Count::Shown(n) if small(n)));
                if let (Count::Shown(a), Count::Shown(p)) = (i.agree, s.present) {
                    prop_assert!(!small(p - a), "{a} of {p} gives {} back", p - a);
                }
            }
        }
        prop_assert!(!matches!(content.figures.people, Count::Shown(n) if small(n)));
        let cells = csv_cells(&files[0]);
        for cell in &cells {
            prop_assert!(!looks_like_formula(cell), "formula cell {cell:?}");
            if let Ok(n) = cell.parse::<u32>() {
                prop_assert!(!small(n), "small count {n} in CSV");
            }
        }
        let back = combine(&[&files[1]], policy.k).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.shareable.sessions, content.sessions.clone());
        let mut a: Vec<_> = back.shareable.testimonies.iter().map(|t| &t.text).collect();
        let mut b: Vec<_> = content.testimonies.iter().map(|t| &t.text).collect();
        a.sort();
        b.sort();
        prop_assert_eq!(a, b);
    }
}

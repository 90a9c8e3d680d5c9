//! How long the name scan takes on a plain English text of about 5,000 words (GPL-3) against
//! every name of a 2,000-person device, including aliases and names in other scripts (which
//! switch on the loose and consonant comparisons). Prints figures only; never fails on timing.

use std::hint::black_box;
use std::time::Instant;

use peercircle::share::scrub::{RosterName, Scanner};

const FIRST: [&str; 12] = [
    "Maria",
    "Will",
    "Hope",
    "José",
    "Anne-Marie",
    "Grace",
    "Юлия",
    "محمد",
    "Γιώργος",
    "Nguyễn",
    "Siobhán",
    "Mark",
];
const LAST: [&str; 10] = [
    "López",
    "Turner",
    "O'Brien",
    "Okafor",
    "Yılmaz",
    "Иванова",
    "Smith",
    "Kelly",
    "Dubois",
    "Fairfax",
];

fn device(people: u64) -> Vec<RosterName> {
    (0..people)
        .map(|i| {
            let f = FIRST[(i % 12) as usize];
            let l = LAST[((i / 12) % 10) as usize];
            RosterName {
                id: i + 1,
                display_name: format!("{f}{} {l}{}", i / 120, i % 7),
                nicknames: if i % 5 == 0 {
                    vec![format!("Nick{i}"), format!("{f}ie")]
                } else {
                    Vec::new()
                },
            }
        })
        .collect()
}

fn time<T>(label: &str, runs: u32, mut work: impl FnMut() -> T) -> T {
    let start = Instant::now();
    for _ in 1..runs {
        black_box(work());
    }
    let out = work();
    let each = start.elapsed() / runs.max(1);
    println!("{label:<52} {:>9.2} ms", each.as_secs_f64() * 1e3);
    out
}

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/names/gpl-3.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("missing {path}");
        return;
    };
    let words = text.split_whitespace().count();
    let names = device(2_000);
    let scanner = time("compile 2,000 names (with aliases)", 5, || {
        Scanner::new(&names, &[])
    });
    let hits = time(
        &format!("check {words} words against 2,000 names"),
        20,
        || scanner.check(&text),
    );
    println!("  {} hits", hits.len());
    let disguised = text.replace("the ", "M.a.r.i.a #teamHope Мария Mоhammed ");
    time("check the same text with disguises added", 10, || {
        scanner.check(&disguised)
    });
    let latin: Vec<RosterName> = names
        .iter()
        .filter(|n| n.display_name.is_ascii())
        .cloned()
        .collect();
    let plain = Scanner::new(&latin, &[]);
    time(
        &format!("check {words} words, {} Latin names only", latin.len()),
        20,
        || plain.check(&text),
    );
}

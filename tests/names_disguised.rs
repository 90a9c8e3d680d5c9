//! The shared fixtures of disguised names (`tests/fixtures/names/disguised.tsv`), and the
//! false alarms on a plain English text of about 5,000 words with a 50-person roster.

use std::collections::BTreeMap;
use std::path::Path;

use peercircle::share::scrub::{redact, RosterName, Scanner};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/names")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Turns each `\u{XXXX}` into its character.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 3..];
        let close = tail.find('}').expect("closing brace");
        let code = u32::from_str_radix(&tail[..close], 16).expect("hex");
        out.push(char::from_u32(code).expect("a character"));
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn disguised_names_fixture() {
    let text = fixture("disguised.tsv");
    let mut by_class: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let mut failures = Vec::new();
    let rows = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1);
    for line in rows {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "four columns: {line:?}");
        let mut names = cols[0].split('|');
        let roster = [RosterName {
            id: 1,
            display_name: names.next().unwrap_or_default().to_string(),
            nicknames: names.map(str::to_string).collect(),
        }];
        let sample = unescape(cols[1]);
        let want = match cols[2] {
            "yes" => true,
            "no" => false,
            other => panic!("match must be yes or no, not {other:?}"),
        };
        let scanner = Scanner::new(&roster, &[]);
        let hits = scanner.check(&sample);
        let entry = by_class.entry(cols[3].to_string()).or_default();
        entry.0 += 1;
        if hits.is_empty() == want {
            failures.push(format!(
                "{}: {:?} for {:?}: {hits:?}",
                cols[3], sample, cols[0]
            ));
        } else {
            entry.1 += 1;
        }
        for h in &hits {
            assert_eq!(&sample[h.start..h.end], h.matched);
        }
        let redacted = redact(&sample, &hits);
        assert!(scanner.check(&redacted).is_empty(), "{redacted:?}");
    }
    for (class, (rows, right)) in &by_class {
        println!("{class:<32} {right}/{rows}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(by_class.len() >= 30, "every class is covered");
}

/// Common English-speaking names, twenty of them also ordinary words.
const PEOPLE: [&str; 50] = [
    "James Smith",
    "Mary Johnson",
    "John Williams",
    "Patricia Brown",
    "Robert Jones",
    "Jennifer Miller",
    "Michael Davis",
    "Linda Wilson",
    "William Anderson",
    "Elizabeth Taylor",
    "David Thomas",
    "Barbara Moore",
    "Richard Martin",
    "Susan Jackson",
    "Joseph Thompson",
    "Jessica White",
    "Thomas Harris",
    "Sarah Clark",
    "Charles Lewis",
    "Karen Robinson",
    "Christopher Walker",
    "Nancy Young",
    "Daniel Allen",
    "Lisa King",
    "Matthew Wright",
    "Betty Scott",
    "Anthony Hill",
    "Margaret Green",
    "Mark Adams",
    "Sandra Baker",
    "Will Nelson",
    "Hope Carter",
    "May Mitchell",
    "Grace Roberts",
    "Joy Turner",
    "Rose Phillips",
    "Bill Campbell",
    "Faith Parker",
    "June Evans",
    "Art Edwards",
    "Pat Collins",
    "Dawn Stewart",
    "Frank Morris",
    "Grant Reed",
    "Jack Cook",
    "Ray Morgan",
    "Sue Bell",
    "Drew Murphy",
    "Guy Bailey",
    "Victor Cooper",
];

#[test]
fn false_alarms_on_plain_english() {
    let text = fixture("gpl-3.txt");
    let words = text.split_whitespace().count();
    assert!((5_000..6_000).contains(&words), "{words} words");
    let roster: Vec<RosterName> = PEOPLE
        .iter()
        .zip(1..)
        .map(|(name, id)| RosterName {
            id,
            display_name: name.to_string(),
            nicknames: Vec::new(),
        })
        .collect();
    let hits = Scanner::new(&roster, &[]).check(&text);
    let mut tally: BTreeMap<String, (u32, bool)> = BTreeMap::new();
    for h in &hits {
        let e = tally
            .entry(h.matched.to_lowercase())
            .or_insert((0, h.common_word));
        e.0 += 1;
        e.1 &= h.common_word;
    }
    println!(
        "{} hits in {words} words with {} people:",
        hits.len(),
        roster.len()
    );
    for (word, (n, common)) in &tally {
        println!(
            "  {word:<12} {n:>4}  {}",
            if *common { "ordinary word" } else { "NAME" }
        );
    }
    // The text names nobody, so every hit is a false alarm. Each must be a plain word-name
    // carrying the "also an ordinary word" note, never an unexplained one; and there can be
    // no more of them than the text has whole words equal to a name part (counted apart).
    let unexplained: Vec<_> = hits.iter().filter(|h| !h.common_word).collect();
    assert!(unexplained.is_empty(), "{unexplained:?}");
    let parts: Vec<String> = PEOPLE
        .iter()
        .flat_map(|n| n.split(' '))
        .map(str::to_lowercase)
        .collect();
    let plain_words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| parts.contains(&w.to_lowercase()))
        .count();
    println!("whole words equal to a name part: {plain_words}");
    assert!(hits.len() <= plain_words, "{} > {plain_words}", hits.len());
    // GPL-3 holds 47 whole words equal to a word-name ("may" 31, "will" 8, "grant" 5, "hope",
    // "june", "sue"); the bound leaves no room for any other kind of match (glued, spelled
    // out, other scripts, plurals) to add alarms on ordinary prose.
    assert!(hits.len() <= 47, "{} hits", hits.len());
}

/// The scan and the roster share one fold (`domain::fold`): every spelling the roster would
/// count as the same person (`fold_name` equal) is found by the scan, whichever of the two is
/// on the roster.
#[test]
fn every_spelling_the_roster_folds_together_is_found_by_the_scan() {
    use peercircle::domain::fold::{fold_name, SHARED_CASES};
    let mut pairs: Vec<(&str, &str)> = SHARED_CASES.to_vec();
    pairs.extend([
        ("Zoe\u{308} Marti\u{301}n", "ZOË   MARTÍN"),
        ("Ｍａｒíａ Lopez", "maría lópez"),
        ("Nguyễn Văn An", "NGUYEN VAN AN"),
    ]);
    for (a, b) in pairs {
        assert_eq!(
            fold_name(a),
            fold_name(b),
            "the roster folds {a:?} and {b:?} together"
        );
        for (on_roster, written) in [(a, b), (b, a)] {
            let roster = [RosterName {
                id: 1,
                display_name: on_roster.trim().to_string(),
                nicknames: vec![],
            }];
            let text = format!("Thanks to {} for the notes.", written.trim());
            let hits = Scanner::new(&roster, &[]).check(&text);
            assert!(
                hits.iter().any(|h| h.participant == 1),
                "{written:?} not found for {on_roster:?} in {text:?}"
            );
        }
    }
}

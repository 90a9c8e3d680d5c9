//! The share gate's building blocks against a corpus of hostile cases
//! (`tests/fixtures/hostile/*.json`) and property tests: no name survives a redaction, no small
//! count can be worked out, no CSV cell runs as a formula, no HTML or Markdown can be injected.

use std::collections::HashSet;
use std::path::Path;

use peercircle::share::escape::{
    csv_cell, csv_number, csv_row, html_attr, html_text, looks_like_formula, markdown_text,
};
use peercircle::share::scrub::{
    check, normalize, reasons, redact, NameHit, NotANameHere, RosterName, Scanner, PLACEHOLDER,
};
use peercircle::share::suppress::{suppress_table, Count, K};
use proptest::prelude::*;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

fn corpus(kind: &str) -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    // The scratch build crate lives elsewhere; fall back to the repo path it compiles from.
    let dir = if dir.exists() {
        dir
    } else {
        Path::new("/work/main/tests/fixtures/hostile").into()
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let docs: Vec<Value> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .filter(|d: &Value| d["kind"] == kind)
        .collect();
    assert!(!docs.is_empty(), "no {kind} corpus in {}", dir.display());
    docs
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap()
}

// ---------------------------------------------------------------- corpus

#[test]
fn corpus_names() {
    for doc in corpus("names") {
        let roster: Vec<RosterName> = serde_json::from_value(doc["roster"].clone()).unwrap();
        let allow: Vec<NotANameHere> = doc["allow"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| NotANameHere::new(s(w)))
            .collect();
        let scanner = Scanner::new(&roster, &allow);
        for case in doc["cases"].as_array().unwrap() {
            let text = s(&case["text"]);
            let hits = scanner.check(text);
            let got: Vec<(String, u64)> = hits
                .iter()
                .map(|h| (h.matched.clone(), h.participant))
                .collect();
            let want: Vec<(String, u64)> = case["expect"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    (
                        s(&e["matched"]).to_string(),
                        e["participant"].as_u64().unwrap(),
                    )
                })
                .collect();
            assert_eq!(got, want, "{}: {text:?}", case["note"]);
            for h in &hits {
                assert_eq!(&text[h.start..h.end], h.matched);
            }
            let redacted = redact(text, &hits);
            if let Some(expected) = case.get("redacted") {
                assert_eq!(redacted, s(expected), "{}", case["note"]);
            }
            assert!(
                scanner.check(&redacted).is_empty(),
                "{}: {redacted:?}",
                case["note"]
            );
        }
    }
}

#[test]
fn corpus_csv() {
    for doc in corpus("csv_cell") {
        for case in doc["cases"].as_array().unwrap() {
            let input = s(&case["input"]);
            assert_eq!(csv_cell(input), s(&case["expect"]), "{input:?}");
            let parsed = parse_csv(&csv_row(&[csv_cell(input)]));
            assert!(!runs_as_formula(&parsed[0][0]), "{input:?}");
        }
    }
}

#[test]
fn corpus_html() {
    for doc in corpus("html_text") {
        for case in doc["cases"].as_array().unwrap() {
            let input = s(&case["input"]);
            assert_eq!(html_text(input), s(&case["expect"]), "{input:?}");
            assert_eq!(html_attr(input), s(&case["expect"]), "{input:?}");
        }
    }
}

#[test]
fn corpus_markdown() {
    for doc in corpus("markdown_text") {
        for case in doc["cases"].as_array().unwrap() {
            let input = s(&case["input"]);
            let out = markdown_text(input);
            assert_eq!(out, s(&case["expect"]), "{input:?}");
            assert_markdown_inert(&out);
        }
    }
}

#[test]
fn corpus_suppress() {
    for doc in corpus("suppress_table") {
        for case in doc["cases"].as_array().unwrap() {
            let parts: Vec<u32> = serde_json::from_value(case["parts"].clone()).unwrap();
            let total: Option<u32> = serde_json::from_value(case["total"].clone()).unwrap();
            let k = K::new(case["k"].as_u64().unwrap() as u32).unwrap();
            let t = suppress_table(&parts, total, k);
            let got: Vec<String> = t.parts.iter().map(ToString::to_string).collect();
            let want: Vec<String> = serde_json::from_value(case["expect_parts"].clone()).unwrap();
            assert_eq!(got, want, "{case}");
            let want_total: Option<String> =
                serde_json::from_value(case["expect_total"].clone()).unwrap();
            assert_eq!(t.total.map(|c| c.to_string()), want_total, "{case}");
            assert_unrecoverable(&parts, total, k, &t.parts, t.total);
        }
    }
}

#[test]
fn blocked_reason_reads_plainly() {
    let roster = [RosterName {
        id: 1,
        display_name: "María".into(),
        nicknames: vec![],
    }];
    let hits = check("Maria suggested it", &roster, &[]);
    assert_eq!(
        reasons("Item 3", &hits),
        ["Item 3 contains a name from your roster: 'Maria'"]
    );
}

// ---------------------------------------------------------------- 1 MB text

fn big_roster(n: u64) -> Vec<RosterName> {
    (0..n)
        .map(|i| RosterName {
            id: i,
            display_name: format!("Person{i} Family{i}"),
            nicknames: vec![format!("Nick{i}")],
        })
        .chain([RosterName {
            id: n,
            display_name: "María José".into(),
            nicknames: vec![],
        }])
        .collect()
}

fn big_text(bytes: usize) -> String {
    let sentence = "We met, and Maria’s idea (from «Jose») was shared — مرحبا 👩‍👩‍👧 edited. ";
    let mut text = String::with_capacity(bytes + sentence.len());
    while text.len() < bytes {
        text.push_str(sentence);
    }
    text
}

/// A megabyte of text with a 2,000-person roster is scanned completely and correctly. How
/// long it takes is a benchmark figure (`cargo bench --bench share`), never a test verdict.
#[test]
fn one_megabyte_is_scanned_completely() {
    let scanner = Scanner::new(&big_roster(2000), &[]);
    let small = big_text(256 * 1024);
    let large = big_text(1024 * 1024);
    let h_small = scanner.check(&small);
    let h_large = scanner.check(&large);
    let sentences = large.matches("We met").count();
    assert_eq!(h_large.len(), 2 * sentences);
    assert!(h_small.len() * 4 >= h_large.len() - 8);
    let redacted = redact(&large, &h_large);
    assert!(scanner.check(&redacted).is_empty());
}

#[test]
fn one_megabyte_degenerate_inputs() {
    let roster = big_roster(50);
    let cases = [
        "a".repeat(1 << 20),
        "Maria ".repeat(1 << 17),
        "'".repeat(1 << 20),
        format!("Maria{}", "\u{301}".repeat(1 << 19)),
        "\u{200F}".repeat(1 << 18),
        "王".repeat(1 << 18),
    ];
    for text in &cases {
        let hits = check(text, &roster, &[]);
        for h in &hits {
            assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
        }
        assert!(check(&redact(text, &hits), &roster, &[]).is_empty());
    }
}

// ---------------------------------------------------------------- helpers

/// A tiny RFC 4180 reader, written independently of the writer.
fn parse_csv(doc: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = doc.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    rows
}

/// What a spreadsheet would evaluate: a cell whose value starts with a formula character,
/// possibly after whitespace or invisible characters, or with tab / CR / LF.
fn runs_as_formula(value: &str) -> bool {
    let trimmed = value.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
    });
    value.starts_with(['\t', '\r', '\n'])
        || trimmed.starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠'])
}

fn unescape_html(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// No unescaped character that could start a link, image, HTML or code span, and no line that
/// starts a block (heading, quote, list, code block).
fn assert_markdown_inert(md: &str) {
    for line in md.split('\n') {
        assert!(
            !line.starts_with([' ', '\t', '#', '>', '-', '+', '*', '=']),
            "{line:?}"
        );
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        let after = line.chars().nth(digits);
        assert!(digits == 0 || !matches!(after, Some('.' | ')')), "{line:?}");
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '<' | '>' | '[' | ']' | '(' | ')' | '!' | '`' | '*' | '_' | '&' | '|' | '~' => {
                    panic!("unescaped {c:?} in {line:?}")
                }
                '\r' => panic!("CR in {line:?}"),
                _ => {}
            }
        }
    }
}

fn unescape_markdown(md: &str) -> String {
    let mut out = String::new();
    let mut chars = md.chars();
    while let Some(c) = chars.next() {
        out.push(if c == '\\' { chars.next().unwrap() } else { c });
    }
    out
}

/// Brute force over what a reader knows: shown cells exactly, a total if shown, "fewer than k"
/// as 1..k-1, a withheld part as k or more, a withheld total as anything. Each hidden cell must
/// still have at least two possible values, and the true values must be possible.
fn assert_unrecoverable(
    parts: &[u32],
    total: Option<u32>,
    k: K,
    shown: &[Count],
    st: Option<Count>,
) {
    let k = k.get() as usize;
    for (c, &n) in shown.iter().zip(parts) {
        if let Count::Shown(v) = c {
            assert_eq!(*v, n);
            assert!(n == 0 || n as usize >= k, "small cell {n} shown");
        }
    }
    if let Some(Count::Shown(t)) = st {
        assert!(t == 0 || t as usize >= k, "small total {t} shown");
    }
    let (Some(total), Some(st)) = (total, st) else {
        return;
    };
    let cap = parts.iter().sum::<u32>() as usize + k + 2;
    let range = |c: &Count| -> Vec<usize> {
        match c {
            Count::Shown(v) => vec![*v as usize],
            Count::FewerThan(_) => (1..k).collect(),
            Count::Withheld => (k..=cap).collect(),
        }
    };
    let total_range: Vec<usize> = match st {
        Count::Withheld => (0..=cap * parts.len().max(1)).collect(),
        c => range(&c),
    };
    // sums[i] = achievable sums of all cells except i.
    let sumset = |skip: Option<usize>| -> HashSet<usize> {
        let mut acc: HashSet<usize> = [0].into();
        for (j, c) in shown.iter().enumerate() {
            if Some(j) == skip {
                continue;
            }
            acc = acc
                .iter()
                .flat_map(|a| range(c).into_iter().map(move |v| a + v))
                .collect();
        }
        acc
    };
    for (i, c) in shown.iter().enumerate() {
        if !c.is_hidden() {
            continue;
        }
        let others = sumset(Some(i));
        let feasible: Vec<usize> = range(c)
            .into_iter()
            .filter(|v| {
                total_range
                    .iter()
                    .any(|t| t >= v && others.contains(&(t - v)))
            })
            .collect();
        assert!(
            feasible.contains(&(parts[i] as usize)),
            "true value infeasible"
        );
        assert!(
            feasible.len() >= 2,
            "cell {i} of {parts:?}/{total} pinned: {shown:?} {st:?}"
        );
    }
    if st.is_hidden() {
        let all = sumset(None);
        let feasible: Vec<_> = total_range.iter().filter(|t| all.contains(t)).collect();
        assert!(feasible.contains(&&(total as usize)));
        assert!(
            feasible.len() >= 2,
            "total of {parts:?} pinned: {shown:?} {st:?}"
        );
    }
}

// ---------------------------------------------------------------- properties

fn word() -> impl Strategy<Value = String> {
    // Letters with and without accents; capitalised so no word is a lower-case particle.
    proptest::collection::vec(
        prop::sample::select(vec![
            'a', 'e', 'i', 'o', 'u', 'b', 'd', 'k', 'l', 'm', 'n', 'r', 's', 't', 'z', 'é', 'ü',
            'ñ', 'ø', 'å', 'ç',
        ]),
        2..7,
    )
    .prop_map(|cs| {
        let w: String = cs.into_iter().collect();
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    })
}

fn display_name() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => word(),
        1 => (word(), word()).prop_map(|(a, b)| format!("{a}-{b}")),
        1 => word().prop_map(|w| format!("O'{w}")),
    ];
    proptest::collection::vec(piece, 1..4).prop_map(|ws| ws.join(" "))
}

fn roster() -> impl Strategy<Value = Vec<RosterName>> {
    proptest::collection::vec(
        (display_name(), proptest::collection::vec(word(), 0..2)),
        1..6,
    )
    .prop_map(|people| {
        people
            .into_iter()
            .enumerate()
            .map(|(i, (display_name, nicknames))| RosterName {
                id: i as u64 + 1,
                display_name,
                nicknames,
            })
            .collect()
    })
}

/// How a name is written in the text.
#[derive(Debug, Clone)]
struct Form {
    case: u8,
    accents: u8,
    suffix: &'static str,
    wrap: (&'static str, &'static str),
}

fn form() -> impl Strategy<Value = Form> {
    (
        0..4u8,
        0..4u8,
        prop::sample::select(vec!["", "'s", "’s", "s", "-s", "'nin", "."]),
        prop::sample::select(vec![
            ("", ""),
            ("(", ")"),
            ("“", "”"),
            ("'", "'"),
            ("«", "»"),
            ("\u{2067}", "\u{2069}"),
            ("👩‍👧", "🎉"),
            ("\"", "\","),
        ]),
    )
        .prop_map(|(case, accents, suffix, wrap)| Form {
            case,
            accents,
            suffix,
            wrap,
        })
}

fn strip_accents(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

fn write_name(name: &str, f: &Form) -> String {
    let name = match f.accents {
        0 => name.to_string(),
        1 => strip_accents(name),
        2 => name.nfd().collect(),
        _ => name.replace('a', "á").replace('o', "ö"),
    };
    let name = match f.case {
        0 => name,
        1 => name.to_lowercase(),
        2 => name.to_uppercase(),
        _ => name
            .chars()
            .rev()
            .collect::<String>()
            .chars()
            .rev()
            .collect(),
    };
    format!("{}{name}{}{}", f.wrap.0, f.suffix, f.wrap.1)
}

/// Every searchable name part of at least two letters, folded.
fn folded_parts(roster: &[RosterName]) -> HashSet<String> {
    roster
        .iter()
        .flat_map(|p| std::iter::once(&p.display_name).chain(&p.nicknames))
        .flat_map(|n| n.split([' ', '-', '\'']).map(normalize).collect::<Vec<_>>())
        .filter(|p| p.chars().count() >= 2)
        .collect()
}

fn folded_words(text: &str) -> Vec<String> {
    normalize(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

proptest! {
    #[test]
    fn no_name_survives_redaction(
        roster in roster(),
        pieces in proptest::collection::vec(
            prop_oneof![
                2 => "[a-z]{1,8}".prop_map(|w| (None, w)),
                3 => (any::<prop::sample::Index>(), any::<prop::sample::Index>(), form())
                    .prop_map(|(p, part, f)| (Some((p, part, f)), String::new())),
            ],
            1..25,
        ),
    ) {
        let mut text = String::new();
        for (name, filler) in pieces {
            let piece = match name {
                None => filler,
                Some((p, part, f)) => {
                    let person = p.get(&roster);
                    let mut options: Vec<&str> = vec![person.display_name.as_str()];
                    options.extend(person.display_name.split(' '));
                    options.extend(person.nicknames.iter().map(String::as_str));
                    write_name(part.get::<&str>(&options), &f)
                }
            };
            text.push_str(&piece);
            text.push(' ');
        }
        let hits: Vec<NameHit> = check(&text, &roster, &[]);
        for pair in hits.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start);
        }
        for h in &hits {
            prop_assert_eq!(&text[h.start..h.end], h.matched.as_str());
        }
        let redacted = redact(&text, &hits);
        prop_assert!(check(&redacted, &roster, &[]).is_empty(), "{:?}", redacted);
        let parts = folded_parts(&roster);
        // Someone may be called "Name"; our own placeholder is not their name.
        for w in folded_words(&redacted.replace(PLACEHOLDER, " ")) {
            prop_assert!(!parts.contains(&w), "{:?} survived in {:?}", w, redacted);
        }
    }

    #[test]
    fn scrub_never_panics_and_offsets_are_sound(text in "\\PC{0,80}", name in "\\PC{1,12}") {
        let roster = [RosterName { id: 1, display_name: name, nicknames: vec![] }];
        let hits = check(&text, &roster, &[]);
        for h in &hits {
            prop_assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
            prop_assert!(h.start < h.end);
        }
        prop_assert!(check(&redact(&text, &hits), &roster, &[]).is_empty());
    }

    #[test]
    fn suppression_hides_small_and_unrecoverable_cells(
        parts in proptest::collection::vec(prop_oneof![3 => 0u32..6, 2 => 0u32..14], 1..5),
        with_total in any::<bool>(),
        k in 3u32..7,
    ) {
        let k = K::new(k).unwrap();
        let total = with_total.then(|| parts.iter().sum());
        let t = suppress_table(&parts, total, k);
        prop_assert_eq!(t.parts.len(), parts.len());
        assert_unrecoverable(&parts, total, k, &t.parts, t.total);
        if total.is_some() && t.total.is_some_and(|c| !c.is_hidden()) {
            // The plain subtraction attack: never exactly one hidden part under a shown total.
            prop_assert!(t.parts.iter().filter(|c| c.is_hidden()).count() != 1);
        }
    }

    #[test]
    fn csv_cells_round_trip_and_never_run(
        rows in proptest::collection::vec(
            proptest::collection::vec("[=+@ \t\r\n,\"'a-z0-9＝＋－＠\u{3000}\u{FEFF}-]{0,12}", 1..5),
            1..5,
        ),
        n in any::<u32>(),
    ) {
        let doc: String = rows
            .iter()
            .map(|r| {
                let mut cells: Vec<String> = r.iter().map(|c| csv_cell(c)).collect();
                cells.push(csv_number(n.into()));
                csv_row(&cells)
            })
            .collect();
        let parsed = parse_csv(&doc);
        prop_assert_eq!(parsed.len(), rows.len());
        for (got, want) in parsed.iter().zip(&rows) {
            prop_assert_eq!(got.len(), want.len() + 1);
            prop_assert_eq!(&got[want.len()], &n.to_string());
            for (g, w) in got.iter().zip(want) {
                prop_assert!(!runs_as_formula(g), "{:?}", g);
                let expected = if looks_like_formula(w) { format!("'{w}") } else { w.clone() };
                prop_assert_eq!(g, &expected);
            }
        }
    }

    #[test]
    fn html_never_carries_markup(text in "\\PC{0,60}|[<>&\"' a-z]{0,40}") {
        for out in [html_text(&text), html_attr(&text)] {
            prop_assert!(!out.contains(['<', '>', '"', '\'']));
            prop_assert_eq!(unescape_html(&out), text.replace('\0', "\u{FFFD}"));
        }
    }

    #[test]
    fn markdown_is_inert_and_faithful(text in "\\PC{0,60}|[\\\\`*_\\[\\]()<>!#+=.:@|~&{} \n\r0-9a-z-]{0,40}") {
        let out = markdown_text(&text);
        assert_markdown_inert(&out);
        let expected: Vec<String> = text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .split('\n')
            .map(|l| l.trim_start_matches([' ', '\t']).to_string())
            .collect();
        prop_assert_eq!(unescape_markdown(&out), expected.join("\n"));
    }
}

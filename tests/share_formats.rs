//! Every export format and the combine import, on one gated programme and on hostile files.

mod share_support;

use peercircle::domain::testimony::{Attribution, ItemRef, Testimony};
use peercircle::share::combine::{combine, MAX_FILE_BYTES};
use peercircle::share::csv::csv;
use peercircle::share::gate::{gate, ExportPolicy, Shareable};
use peercircle::share::html::html;
use peercircle::share::json::json;
use peercircle::share::markdown::markdown;
use peercircle::share::suppress::{Count, K};
use share_support::*;

fn content() -> Shareable {
    let members: Vec<u64> = (1..=12).collect();
    let s = session(
        1,
        1,
        date(2026, 11, 24),
        "What didn't training teach you?",
        &members,
        0,
        &[
            item("=HYPERLINK(\"http://evil\",\"x\")", 12, Consent::Share),
            item("<script>alert(1)</script> & \"quotes\"", 7, Consent::Share),
            item("Only three of us", 3, Consent::Share),
            item("Internal only", 7, Consent::Internal),
        ],
    );
    let mut w = World::new(roster(&[(1, "Zed Quorra")]), vec![s]);
    w.testimonies.push(Testimony {
        id: 1,
        text: "# Not a heading\n![img](http://x/y.png) <b>bold</b>".to_string(),
        attribution: Attribution::ByRole("a first-year protege".to_string()),
        source: Some(ItemRef {
            session: 1,
            item: 2,
        }),
        include: true,
        drafted_from: Some("<script>alert(1)</script> & \"quotes\"".to_string()),
    });
    // The strict setting, so the formats show each kind of hidden cell.
    let strict = ExportPolicy {
        strict: true,
        ..ExportPolicy::default()
    };
    gate(&w.input(), &strict).unwrap().shareable
}

#[test]
fn csv_neutralises_formulas_and_keeps_numbers_numeric() {
    let out = csv(&content());
    let lines: Vec<&str> = out.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{FEFF}\"Month\",\"Group\",\"Question\",\"Item\",\"Minority report\",\"Agreed\",\"Present\""
    );
    assert_eq!(
        lines[1],
        "\"2026-11\",\"Mentor peer support group\",\"What didn't training teach you?\",\
         \"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",\"no\",12,12"
    );
    assert!(lines[2].ends_with(",7,12"));
    assert!(lines[3].ends_with(",\"fewer than 5\",12"));
    assert!(!out.contains("Internal only"));
    assert_eq!(lines.len(), 5, "three items and a final line break");
}

#[test]
fn json_is_versioned_and_round_trips_through_combine() {
    let c = content();
    let out = json(&c);
    assert!(out.starts_with("{\n  \"format\": \"peercircle-shareable\",\n  \"version\": 2,"));
    let back = combine(&[&out], c.k).unwrap();
    assert_eq!(back.shareable, c);
    assert_eq!(back.files, 1);
}

#[test]
fn markdown_quotes_cannot_become_markup() {
    let out = markdown(&content());
    assert!(out.starts_with("# In their own words: Northside peer mentoring\n"));
    assert!(out.contains("> \\# Not a heading\n> \\!\\[img\\]\\(http\\://x/y.png\\) \\<b\\>bold\\</b\\>\n>\n> — a first-year protege"));
}

#[test]
fn html_is_self_contained_with_accessible_charts_and_no_script_or_style_attributes() {
    let out = html(&content());
    assert!(out.starts_with("<!DOCTYPE html>"));
    assert!(!out.to_lowercase().contains("<script"));
    assert!(!out.contains(" style="));
    assert!(
        !out.contains("http://evil\""),
        "attribute-breaking text is escaped"
    );
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    assert!(out.contains("default-src 'none'"));
    for chart in ["consent", "attendance", "agree-0"] {
        assert!(
            out.contains(&format!("aria-labelledby=\"{chart}-t {chart}-d\"")),
            "{chart}"
        );
    }
    assert!(out.contains("<title id=\"agree-0-t\">Agreement per item"));
    assert!(out.contains("<td class=\"n\">fewer than 5</td>"));
    assert!(!out.contains(">3<"), "a small count leaked as a number");
}

fn refused(files: &[&str]) -> Vec<String> {
    combine(files, K::default())
        .unwrap_err()
        .problems
        .into_iter()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn combine_refuses_anything_but_the_shareable_schema_with_a_reason_per_file() {
    let good = json(&content());
    let extra_top = good.replacen(
        "\"title\"",
        "\"participants\": [\"Maria\"],\n  \"title\"",
        1,
    );
    let extra_item = good.replacen("\"minority\"", "\"raised_by\": \"Maria\", \"minority\"", 1);
    let extra_count = good.replacen("\"shown\": 12", "\"shown\": 12, \"who\": \"Maria\"", 1);
    let newer = good.replacen("\"version\": 2", "\"version\": 3", 1);
    let small = good.replacen("\"shown\": 12", "\"shown\": 2", 1);
    let huge = " ".repeat(MAX_FILE_BYTES + 1);
    let long_text = good.replacen("Only three of us", &"x".repeat(30_000), 1);
    let problems = refused(&[
        "not json",
        "{\"format\":\"peercircle-backup\",\"version\":1}",
        "{\"format\":\"something-else\"}",
        &newer,
        &extra_top,
        &extra_item,
        &extra_count,
        &huge,
        &small,
        &long_text,
        &good,
    ]);
    let expect = [
        "File 1 is not a Peercircle shareable file: it is not readable JSON",
        "File 2 is not a Peercircle shareable file: it looks like a backup.",
        "File 3 is not a Peercircle shareable file: its format is “something-else”.",
        "File 4 was made by a newer version of Peercircle (format version 3).",
        "File 5 has a field “participants” that is not part of the shareable format.",
        "File 6 has a field “raised_by”",
        "File 7 has a field “who”",
        "File 8 is too large (10.0 MB).",
        "File 9 shows a count below its own privacy threshold of 5",
        "File 10 has a text of 30000 characters",
    ];
    assert_eq!(problems.len(), expect.len(), "{problems:#?}");
    for (got, want) in problems.iter().zip(expect) {
        assert!(got.starts_with(want), "{got}\n  wanted {want}");
    }
    assert_eq!(
        refused(&[]),
        ["Choose at least one shareable file to combine."]
    );
}

#[test]
fn combined_figures_are_suppressed_again_at_the_highest_threshold() {
    let make = |k: u32, present: u64, agree: u32| {
        let members: Vec<u64> = (1..=present).collect();
        let s = session(
            1,
            1,
            date(2026, 3, 2),
            "What helps?",
            &members,
            0,
            &[item("Regular check-ins", agree, Consent::Share)],
        );
        let w = World::new(roster(&[(1, "Zed Quorra")]), vec![s]);
        let p = ExportPolicy {
            k: K::new(k).unwrap(),
            ..ExportPolicy::default()
        };
        json(&gate(&w.input(), &p).unwrap().shareable)
    };
    // k = 3 shows a meeting of 4; combined at 5 that population is under k, so its counts go.
    // A meeting of 12 keeps "4 of 12" as counted: the population is large enough.
    let (a, b) = (make(3, 4, 3), make(3, 12, 4));
    let c = combine(&[&a, &b], K::default()).unwrap();
    let k5 = K::default();
    let counts: Vec<(Count, Count)> = c
        .shareable
        .sessions
        .iter()
        .map(|s| (s.present, s.items[0].agree))
        .collect();
    assert!(
        counts.contains(&(Count::FewerThan(k5), Count::Withheld)),
        "{counts:?}"
    );
    assert!(
        counts.contains(&(Count::Shown(12), Count::Shown(4))),
        "{counts:?}"
    );
    assert_eq!(c.shareable.k, k5);
    assert!(
        c.notes
            .iter()
            .any(|n| n.contains("2 more counts are hidden")),
        "{:?}",
        c.notes
    );
    let a = make(3, 12, 4);
    // A file made with k = 7 raises the combined threshold to 7.
    let c = combine(&[&a, &make(7, 12, 12)], k5).unwrap();
    assert_eq!(c.shareable.k.get(), 7);
    assert!(c.shareable.title.starts_with("Northside"));
    for format in [csv, json, markdown, html] {
        assert!(!format(&c.shareable).is_empty());
    }
}

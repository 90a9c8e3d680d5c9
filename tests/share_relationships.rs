//! Programme figures about one-to-one relationships (issue 14, item 7) go through the gate
//! and its disclosure model like every other figure: the population rule on the number that
//! began, the standing shown as counted, the ledger refusing a small change since an earlier
//! file, the files that carry them, and combine adding them up again.

mod share_support;

use peercircle::domain::disclosure::Population;
use peercircle::domain::mentoring::closure::Ending;
use peercircle::share::combine::combine;
use peercircle::share::export::FileKind;
use peercircle::share::gate::{gate, Cleared, ExportPolicy, RelationshipFacts};
use peercircle::share::html::html;
use peercircle::share::json::json;
use peercircle::share::suppress::{Count, Stat, K};
use share_support::*;

fn policy(file: FileKind) -> ExportPolicy {
    ExportPolicy {
        file,
        ..ExportPolicy::default()
    }
}

fn run(w: &World, p: &ExportPolicy) -> Cleared {
    match gate(&w.input(), p) {
        Ok(c) => c,
        Err(b) => panic!("blocked: {:?}", b.reasons),
    }
}

/// `active` under way, `planned` and `early` ended, all begun in January 2026.
fn relationships(active: usize, planned: usize, early: usize) -> Vec<RelationshipFacts> {
    let start = date(2026, 1, 12);
    let mut out = Vec::new();
    for _ in 0..active {
        out.push(RelationshipFacts {
            started: start,
            ended: None,
            next_contact_due: Some(date(2026, 12, 20)),
        });
    }
    for (n, ending) in [(planned, Ending::Planned), (early, Ending::Early)] {
        for _ in 0..n {
            out.push(RelationshipFacts {
                started: start,
                ended: Some((date(2026, 9, 12), ending)),
                next_contact_due: None,
            });
        }
    }
    out
}

fn world(active: usize, planned: usize, early: usize) -> World {
    let roster = roster(&(1..=8).map(|i| (i, "")).collect::<Vec<_>>());
    let s = session(
        100,
        1,
        date(2026, 11, 10),
        "What helped?",
        &(1..=8).collect::<Vec<_>>(),
        0,
        &[],
    );
    let mut w = World::new(roster, vec![s]);
    w.relationships = relationships(active, planned, early);
    w
}

#[test]
fn an_ordinary_programme_reports_its_relationships_as_counted() {
    let w = world(7, 4, 1);
    let c = run(&w, &policy(FileKind::ReportHtml));
    let r = c
        .shareable
        .relationships
        .clone()
        .expect("relationship figures");
    assert_eq!(r.started, Count::Shown(12));
    assert_eq!(r.active, Count::Shown(7));
    assert_eq!(r.ended_as_planned, Count::Shown(4));
    assert_eq!(r.ended_early, Count::Shown(1));
    assert_eq!(r.median_months, Stat::Shown(8.0));
    assert_eq!(r.on_schedule, Stat::Shown(1.0));
    let page = html(&c.shareable);
    assert!(page.contains("One-to-one relationships"));
    assert!(page.contains("<th scope=\"row\">Ended early</th><td class=\"n\">1</td>"));
    assert!(page.contains("8 months"));
    // The release records the three populations the audit will compare later files with.
    let kinds: Vec<Population> = c.release.figures.iter().map(|f| f.population).collect();
    for p in [
        Population::Relationships,
        Population::RelationshipsEnded,
        Population::RelationshipsActive,
    ] {
        assert!(kinds.contains(&p), "{p:?} missing from the release");
    }
}

#[test]
fn fewer_than_k_relationships_show_only_that_with_a_reason() {
    let w = world(2, 1, 1);
    let c = run(&w, &policy(FileKind::ReportHtml));
    let r = c.shareable.relationships.clone().unwrap();
    assert_eq!(r.started, Count::FewerThan(K::default()));
    assert!(r.counts()[1..].iter().all(|n| n.is_hidden()));
    assert!(c.left_out.hidden.iter().any(
        |h| h.contains("relationships that began") && h.contains("fewer than 5 relationships")
    ));
    let page = html(&c.shareable);
    let start = page.find("One-to-one relationships").expect("the section");
    let section = &page[start..start + page[start..].find("</section>").unwrap()];
    for small in [">1<", ">2<", ">3<", ">4<"] {
        assert!(!section.contains(small), "a small cell in {section}");
    }
    assert!(section.contains("fewer than 5"));
}

#[test]
fn a_small_change_since_an_earlier_file_is_not_shown() {
    let mut w = world(7, 4, 1);
    let first = run(&w, &policy(FileKind::ReportHtml));
    w.ledger.push(first.release.clone());
    // One more relationship ended early since: the standing would point to it.
    w.relationships = relationships(6, 4, 2);
    let second = run(&w, &policy(FileKind::ReportHtml));
    let r = second.shareable.relationships.clone().unwrap();
    assert_eq!(
        r.started,
        Count::Shown(12),
        "the number that began did not change"
    );
    assert!(r.counts()[1..].iter().all(|n| n.is_hidden()));
    assert_eq!(r.median_months, Stat::Withheld);
    assert!(second
        .left_out
        .hidden
        .iter()
        .any(|h| h.contains("changed by one") && h.contains("one relationship")));
    // Two new relationships began as well: the number that began hides too.
    w.relationships = relationships(8, 4, 2);
    let third = run(&w, &policy(FileKind::ReportHtml));
    let r = third.shareable.relationships.unwrap();
    assert!(r.started.is_hidden());
    // Five more began: a change of k or more may be shown.
    w.relationships = relationships(11, 4, 2);
    let fourth = run(&w, &policy(FileKind::ReportHtml));
    assert_eq!(
        fourth.shareable.relationships.unwrap().started,
        Count::Shown(17)
    );
}

#[test]
fn only_the_report_and_the_programme_file_carry_them() {
    let w = world(7, 4, 1);
    for file in [FileKind::AgreementCsv, FileKind::TestimoniesMarkdown] {
        assert_eq!(run(&w, &policy(file)).shareable.relationships, None);
    }
    assert!(run(&w, &policy(FileKind::ProgrammeJson))
        .shareable
        .relationships
        .is_some());
    let none = world(0, 0, 0);
    assert_eq!(
        run(&none, &policy(FileKind::ReportHtml))
            .shareable
            .relationships,
        None,
        "a programme without one-to-one relationships says nothing of them"
    );
}

#[test]
fn combine_adds_them_up_and_hides_what_cannot_be_added() {
    let a = json(&run(&world(7, 4, 1), &policy(FileKind::ProgrammeJson)).shareable);
    let b = json(&run(&world(5, 1, 0), &policy(FileKind::ProgrammeJson)).shareable);
    let small = json(&run(&world(2, 0, 0), &policy(FileKind::ProgrammeJson)).shareable);
    let c = combine(&[a.as_str(), b.as_str()], K::default()).expect("combined");
    let r = c.shareable.relationships.clone().unwrap();
    assert_eq!(r.started, Count::Shown(18));
    assert_eq!(
        (r.active, r.ended_as_planned, r.ended_early),
        (Count::Shown(12), Count::Shown(5), Count::Shown(1))
    );
    assert_eq!(r.median_months, Stat::NotAvailable);
    assert!(c
        .notes
        .iter()
        .any(|n| n.contains("Relationship counts are added up")));
    let d = combine(&[a.as_str(), small.as_str()], K::default()).expect("combined");
    assert!(d.shareable.relationships.unwrap().started.is_hidden());
}

#[test]
fn a_file_edited_to_show_a_small_number_of_relationships_is_refused() {
    let good = json(&run(&world(2, 0, 0), &policy(FileKind::ProgrammeJson)).shareable);
    assert!(good.contains("\"relationships\""));
    let edited = good.replacen(
        "\"started\": {\n      \"fewer_than\": 5\n    }",
        "\"started\": {\n      \"shown\": 2\n    }",
        1,
    );
    assert_ne!(edited, good, "the edit applied");
    let refused = combine(&[edited.as_str(), good.as_str()], K::default());
    assert!(refused.is_err());
    let stray = good.replacen(
        "\"ended_early\"",
        "\"names\": [\"Ada\"], \"ended_early\"",
        1,
    );
    assert!(combine(&[stray.as_str(), good.as_str()], K::default()).is_err());
}

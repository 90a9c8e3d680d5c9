//! The disclosure model end to end through the gate: populations rather than cells, the
//! release ledger across files, name decisions bound to one place, file use from the file kind,
//! testimonies bound to the words consented.

mod share_support;

use peercircle::domain::disclosure::{fingerprint, NameChoice, NameDecision, Population, Release};
use peercircle::domain::testimony::{Attribution, Testimony};
use peercircle::share::export::FileKind;
use peercircle::share::gate::{gate, Cleared, ExportPolicy, QuoteApproval, QuoteUse, TextRef};
use peercircle::share::suppress::{Count, Stat};
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

/// Ten members in group 1; nine came, one guest did not; 8 of the 9 agreed with one item.
fn nine_of_ten() -> World {
    let roster = roster(&(1..=10).map(|i| (i, "")).collect::<Vec<_>>());
    let roster = roster
        .into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            r.display_name = [
                "Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy", "Jo",
            ][i]
                .into();
            r
        })
        .collect();
    let s = session(
        100,
        1,
        date(2026, 11, 10),
        "What helped this term?",
        &(1..=9).collect::<Vec<_>>(),
        0,
        &[item("Having a regular slot", 8, Consent::Share)],
    );
    let mut w = World::new(roster, vec![s]);
    w.groups[0].members = 10;
    w
}

#[test]
fn a_nine_person_meeting_shows_8_of_9_and_real_attendance() {
    let w = nine_of_ten();
    let c = run(&w, &policy(FileKind::ReportHtml));
    let s = &c.shareable.sessions[0];
    assert_eq!(s.present, Count::Shown(9));
    assert_eq!(s.items[0].agree, Count::Shown(8));
    assert_eq!(c.shareable.attendance[0].rate, Stat::Shown(0.9));
    assert_eq!(c.shareable.figures.attendance_rate, Stat::Shown(0.9));
    assert_eq!(c.shareable.figures.people, Count::Shown(9));
    let html = FileKind::ReportHtml.render(&c);
    assert!(html.contains("90%"), "{html}");
    assert!(c.left_out.hidden.is_empty(), "{:?}", c.left_out.hidden);
}

#[test]
fn strict_hides_the_one_who_did_not_agree() {
    let w = nine_of_ten();
    let strict = ExportPolicy {
        strict: true,
        ..policy(FileKind::ReportHtml)
    };
    let c = run(&w, &strict);
    assert!(c.shareable.sessions[0].items[0].agree.is_hidden());
    assert!(matches!(c.shareable.attendance[0].rate, Stat::FewerThan(_)));
}

#[test]
fn a_population_under_k_shows_nothing_but_that_it_is_small() {
    let s = session(
        100,
        1,
        date(2026, 11, 10),
        "Q?",
        &[1, 2, 3],
        0,
        &[item("An item", 3, Consent::Share)],
    );
    let w = World::new(
        roster(&[(1, "Ann Lee"), (2, "Bo Wu"), (3, "Cy Ng")]),
        vec![s],
    );
    let c = run(&w, &policy(FileKind::ReportHtml));
    let s = &c.shareable.sessions[0];
    assert!(matches!(s.present, Count::FewerThan(_)));
    assert!(
        s.items[0].agree.is_hidden(),
        "answers in a small population stay hidden"
    );
    assert!(
        c.left_out.hidden.iter().any(|h| h.contains("fewer than 5")),
        "{:?}",
        c.left_out.hidden
    );
}

/// Two groups: group 1 with nine members who come (and a guest, so its number present is not
/// itself a count of members), group 2 with three others.
fn two_groups() -> World {
    let names: Vec<(u64, String)> = (1..=12)
        .map(|i| (i, format!("Person{i} Surname{i}")))
        .collect();
    let refs: Vec<(u64, &str)> = names.iter().map(|(i, n)| (*i, n.as_str())).collect();
    let a = session(
        100,
        1,
        date(2026, 10, 6),
        "Q?",
        &(1..=9).collect::<Vec<_>>(),
        1,
        &[],
    );
    let b = session(101, 2, date(2026, 10, 7), "Q?", &[10, 11, 12], 0, &[]);
    let mut w = World::new(roster(&refs), vec![a, b]);
    w.groups[0].members = 9;
    w.groups[1].members = 3;
    w
}

fn saved(w: &mut World, c: &Cleared) {
    w.ledger.push(c.release.clone());
}

#[test]
fn two_selections_cannot_be_subtracted_to_count_a_small_group() {
    let mut w = two_groups();
    let only_first = ExportPolicy {
        groups: Some(vec![1]),
        ..policy(FileKind::ReportHtml)
    };
    let first = run(&w, &only_first);
    assert_eq!(first.shareable.figures.people, Count::Shown(9));
    saved(&mut w, &first);
    let both = run(&w, &policy(FileKind::ReportHtml));
    // 12 - 9 would count group 2's three people.
    assert!(
        both.shareable.figures.people.is_hidden(),
        "{:?}",
        both.shareable.figures
    );
    assert!(
        both.left_out
            .hidden
            .iter()
            .any(|h| h.contains("different people")),
        "{:?}",
        both.left_out.hidden
    );
    // And the attendance total would give group 2's attendance away (9 + 3 against 9).
    assert!(!matches!(
        both.shareable.figures.attendance_rate,
        Stat::Shown(_)
    ));
}

#[test]
fn without_the_ledger_the_same_file_would_have_shown_it() {
    let w = two_groups();
    let both = run(&w, &policy(FileKind::ReportHtml));
    assert_eq!(both.shareable.figures.people, Count::Shown(12));
}

#[test]
fn the_release_lists_every_population_figure_of_the_file() {
    let w = nine_of_ten();
    let c = run(&w, &policy(FileKind::ReportHtml));
    let kinds: Vec<Population> = c.release.figures.iter().map(|f| f.population).collect();
    assert!(kinds.contains(&Population::Present));
    assert!(kinds.contains(&Population::Attendance));
    assert!(kinds.contains(&Population::People));
    let csv = run(&w, &policy(FileKind::AgreementCsv));
    assert!(csv
        .release
        .figures
        .iter()
        .all(|f| f.population == Population::Present));
    let md = run(&w, &policy(FileKind::TestimoniesMarkdown));
    assert!(
        md.release.figures.is_empty(),
        "a testimonies file shows no counts"
    );
}

fn will_world() -> World {
    let text = "Will told us he is leaving; we will miss him";
    let s = session(
        100,
        1,
        date(2026, 11, 10),
        "Q?",
        &(1..=9).collect::<Vec<_>>(),
        0,
        &[item(text, 7, Consent::Share)],
    );
    World::new(roster(&[(1, "Will Brown"), (2, "Hope Adams")]), vec![s])
}

fn decide(w: &mut World, start: usize, matched: &str, choice: NameChoice) {
    let text = "Will told us he is leaving; we will miss him";
    w.names.decide(NameDecision {
        text: TextRef::Item {
            session: 100,
            item: 1,
        },
        fingerprint: fingerprint(text),
        start,
        matched: matched.to_string(),
        participant: 1,
        choice,
    });
}

#[test]
fn not_a_name_holds_for_its_one_spot_only() {
    let mut w = will_world();
    let b = gate(&w.input(), &policy(FileKind::AgreementCsv)).unwrap_err();
    assert_eq!(b.names.len(), 2, "{:?}", b.names);
    decide(&mut w, 31, "will", NameChoice::NotAName);
    let b = gate(&w.input(), &policy(FileKind::AgreementCsv)).unwrap_err();
    assert_eq!(b.names.len(), 1);
    assert_eq!(b.names[0].hit.matched, "Will");
    decide(&mut w, 0, "Will", NameChoice::Replace);
    let c = run(&w, &policy(FileKind::AgreementCsv));
    let csv = FileKind::AgreementCsv.render(&c);
    assert!(
        csv.contains("[name] told us he is leaving; we will miss him"),
        "{csv}"
    );
}

#[test]
fn keep_is_offered_and_honoured_only_with_an_approval_for_the_files_use() {
    let mut w = will_world();
    decide(&mut w, 31, "will", NameChoice::NotAName);
    let b = gate(&w.input(), &policy(FileKind::ReportHtml)).unwrap_err();
    assert!(!b.names[0].keep_allowed);
    // A "Keep" recorded anyway counts for nothing.
    decide(&mut w, 0, "Will", NameChoice::Keep);
    assert!(gate(&w.input(), &policy(FileKind::ReportHtml)).is_err());
    // Approved for newsletters only: still nothing in an evaluation report, whatever the
    // purpose box says.
    w.approvals.push(QuoteApproval {
        participant: 1,
        given: date(2026, 11, 1),
        scope: vec![QuoteUse::Newsletter],
        expires: None,
        withdrawn: None,
    });
    let newsletter_report = ExportPolicy {
        quote_use: QuoteUse::Newsletter,
        ..policy(FileKind::ReportHtml)
    };
    let b = gate(&w.input(), &newsletter_report).unwrap_err();
    assert!(!b.names[0].keep_allowed);
    w.approvals[0].scope.push(QuoteUse::EvaluationReport);
    let c = run(&w, &newsletter_report);
    assert!(FileKind::ReportHtml.render(&c).contains("Will told us"));
}

#[test]
fn a_testimony_is_held_back_when_the_group_rewords_its_item() {
    let mut w = nine_of_ten();
    let t = Testimony::draft(500, &w.sessions[0], 1, "a mentor").unwrap();
    w.testimonies.push(t);
    let c = run(&w, &policy(FileKind::TestimoniesMarkdown));
    assert_eq!(c.shareable.testimonies.len(), 1);
    // The group rewords the item (and consents again).
    w.testimonies[0].drafted_from = Some("Older words".into());
    let c = run(&w, &policy(FileKind::TestimoniesMarkdown));
    assert!(c.shareable.testimonies.is_empty());
    assert!(
        c.left_out.testimonies[0].contains("confirm it"),
        "{:?}",
        c.left_out.testimonies
    );
    w.testimonies[0].confirm_against("Having a regular slot");
    assert_eq!(
        run(&w, &policy(FileKind::TestimoniesMarkdown))
            .shareable
            .testimonies
            .len(),
        1
    );
}

#[test]
fn a_named_testimony_declares_its_approval_for_combining() {
    let mut w = nine_of_ten();
    let mut t = Testimony::draft(500, &w.sessions[0], 1, "a mentor").unwrap();
    t.attribution = Attribution::Named(3);
    w.testimonies.push(t);
    w.approvals.push(QuoteApproval {
        participant: 3,
        given: date(2026, 11, 1),
        scope: vec![QuoteUse::Newsletter],
        expires: None,
        withdrawn: None,
    });
    let newsletter = ExportPolicy {
        quote_use: QuoteUse::Newsletter,
        ..policy(FileKind::TestimoniesMarkdown)
    };
    let c = run(&w, &newsletter);
    let t = &c.shareable.testimonies[0];
    assert_eq!(t.attribution, "Cy");
    assert_eq!(t.named.as_ref().unwrap().uses, vec![QuoteUse::Newsletter]);
    // The same testimony in a programme file (an evaluation use) is refused.
    assert!(gate(&w.input(), &policy(FileKind::ProgrammeJson)).is_err());
}

#[test]
fn the_shuffle_seed_changes_the_order_and_the_preview_matches_the_file() {
    let mut w = nine_of_ten();
    for i in 0..6u64 {
        let mut t = Testimony::draft(500 + i, &w.sessions[0], 1, "a mentor").unwrap();
        t.edit_text(&format!("Quote number {i}")).unwrap();
        w.testimonies.push(t);
    }
    let order = |seed| {
        let p = ExportPolicy {
            shuffle_seed: seed,
            ..policy(FileKind::TestimoniesMarkdown)
        };
        run(&w, &p)
            .shareable
            .testimonies
            .iter()
            .map(|t| t.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(order(7), order(7));
    assert!((1..20).any(|s| order(s) != order(0)));
}

#[test]
fn months_are_whole() {
    let w = nine_of_ten();
    // A range ending on the 1st of November still covers the meeting on the 10th.
    let p = ExportPolicy {
        from: Some(date(2026, 11, 1)),
        to: Some(date(2026, 11, 1)),
        ..policy(FileKind::ReportHtml)
    };
    assert_eq!(run(&w, &p).shareable.sessions.len(), 1);
}

#[test]
fn a_ledger_entry_survives_a_round_trip_through_json() {
    let w = nine_of_ten();
    let c = run(&w, &policy(FileKind::ReportHtml));
    let text = serde_json::to_string(&c.release).unwrap();
    let back: Release = serde_json::from_str(&text).unwrap();
    assert_eq!(back, c.release);
}

#[test]
fn a_meeting_of_members_only_and_the_number_of_people_cannot_be_subtracted() {
    // Without the guest, meeting 1's number present is its nine members: with 12 different
    // people over both groups, 12 - 9 would count group 2's three.
    let mut w = two_groups();
    w.sessions[0] = session(
        100,
        1,
        date(2026, 10, 6),
        "Q?",
        &(1..=9).collect::<Vec<_>>(),
        0,
        &[],
    );
    let c = run(&w, &policy(FileKind::ReportHtml));
    let present = c.shareable.sessions[0].present;
    assert!(
        c.shareable.figures.people.is_hidden() || present.is_hidden(),
        "{:?} and {present:?}",
        c.shareable.figures.people
    );
    assert_eq!(present, Count::Shown(9), "the meeting keeps its count");
}

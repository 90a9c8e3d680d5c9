//! "How was today's meeting?" in shared files (issue 14, item 7): the people who answered
//! are a population under the same threshold and audit as every other figure, only the means
//! leave, and only feedback the facilitator finished counts.

mod share_support;

use peercircle::domain::disclosure::Population;
use peercircle::domain::session::{FeedbackAnswers, FeedbackQuestion, Session};
use peercircle::share::combine::combine;
use peercircle::share::export::FileKind;
use peercircle::share::gate::{gate, Cleared, ExportPolicy};
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

/// A closed meeting of group 1 where `answers` people each answered every question with the
/// given value, finished or not.
fn meeting(id: u64, month: u32, answers: &[u8], finished: bool) -> Session {
    let mut s = session(
        id,
        1,
        date(2026, month, 10),
        "What helped?",
        &(1..=9).collect::<Vec<_>>(),
        0,
        &[item("Having a regular slot", 8, Consent::Share)],
    );
    for &a in answers {
        let mut f = FeedbackAnswers::default();
        for q in FeedbackQuestion::ALL {
            f.set(q, a);
        }
        s.record_feedback(&f).unwrap();
    }
    if finished && !answers.is_empty() {
        s.finish_feedback().unwrap();
    }
    s
}

fn world(sessions: Vec<Session>) -> World {
    let roster = roster(&(1..=9).map(|i| (i, "")).collect::<Vec<_>>());
    let mut w = World::new(roster, sessions);
    w.groups[0].members = 9;
    w
}

#[test]
fn the_means_are_shown_once_k_people_answered() {
    let w = world(vec![meeting(100, 11, &[4, 4, 5, 5, 5, 3], true)]);
    let c = run(&w, &policy(FileKind::ReportHtml));
    let f = c
        .shareable
        .meeting_feedback
        .clone()
        .expect("feedback figures");
    assert_eq!(f.responses, Count::Shown(6));
    assert_eq!(f.questions.len(), 4);
    assert_eq!(f.questions[0].mean, Stat::Shown(26.0 / 6.0));
    let page = html(&c.shareable);
    assert!(page.contains("How the meetings went"));
    assert!(page.contains("4.3 out of 5"), "{page}");
    assert!(c
        .release
        .figures
        .iter()
        .any(|r| r.population == Population::FeedbackRespondents && r.value == 6));
}

#[test]
fn fewer_than_k_show_only_that_and_unfinished_feedback_does_not_count() {
    let few = world(vec![meeting(100, 11, &[5, 5, 1], true)]);
    let c = run(&few, &policy(FileKind::ReportHtml));
    let f = c.shareable.meeting_feedback.clone().unwrap();
    assert_eq!(f.responses, Count::FewerThan(K::default()));
    assert!(f.questions.is_empty());
    assert!(c
        .left_out
        .hidden
        .iter()
        .any(|h| h.starts_with("The meeting feedback") && h.contains("fewer than 5 people")));
    let open = world(vec![meeting(100, 11, &[5, 5, 5, 5, 5, 5], false)]);
    assert_eq!(
        run(&open, &policy(FileKind::ReportHtml))
            .shareable
            .meeting_feedback,
        None
    );
    // Only the report and the programme file carry it.
    let w = world(vec![meeting(100, 11, &[4, 4, 5, 5, 5, 3], true)]);
    for file in [FileKind::AgreementCsv, FileKind::TestimoniesMarkdown] {
        assert_eq!(run(&w, &policy(file)).shareable.meeting_feedback, None);
    }
}

#[test]
fn a_second_file_over_more_months_cannot_give_a_small_months_answers_away() {
    // November: 6 answered. December: 2 answered (too few alone).
    let mut w = world(vec![
        meeting(100, 11, &[4, 4, 5, 5, 5, 3], true),
        meeting(101, 12, &[1, 1], true),
    ]);
    let november = ExportPolicy {
        from: Some(date(2026, 11, 1)),
        to: Some(date(2026, 11, 30)),
        ..policy(FileKind::ReportHtml)
    };
    let first = run(&w, &november);
    assert_eq!(
        first.shareable.meeting_feedback.clone().unwrap().responses,
        Count::Shown(6)
    );
    w.ledger.push(first.release.clone());
    // Both months: 8 against 6 would count December's two and give their answers away.
    let both = run(&w, &policy(FileKind::ReportHtml));
    let f = both.shareable.meeting_feedback.clone().unwrap();
    assert!(f.responses.is_hidden(), "{f:?}");
    assert!(f.questions.is_empty());
    assert!(
        both.left_out
            .hidden
            .iter()
            .any(|h| h.starts_with("The meeting feedback")),
        "{:?}",
        both.left_out.hidden
    );
    // Without the earlier file, the same file shows both months together.
    w.ledger.clear();
    let alone = run(&w, &policy(FileKind::ReportHtml));
    assert_eq!(
        alone.shareable.meeting_feedback.unwrap().responses,
        Count::Shown(8)
    );
}

#[test]
fn the_programme_file_carries_it_and_combine_says_it_is_not_combined() {
    let w = world(vec![meeting(100, 11, &[4, 4, 5, 5, 5, 3], true)]);
    let file = json(&run(&w, &policy(FileKind::ProgrammeJson)).shareable);
    assert!(file.contains("\"meeting_feedback\""));
    let c = combine(&[file.as_str(), file.as_str()], K::default()).expect("combined");
    assert_eq!(c.shareable.meeting_feedback, None);
    assert!(c
        .notes
        .iter()
        .any(|n| n.contains("Meeting feedback is not combined")));
    // A file edited to show the means of fewer than k is refused.
    let few = world(vec![meeting(100, 11, &[5, 5, 1], true)]);
    let small = json(&run(&few, &policy(FileKind::ProgrammeJson)).shareable);
    let edited = small.replacen(
        "\"questions\": []",
        "\"questions\": [{\"question\": \"heard\", \"mean\": {\"shown\": 3.7}}]",
        1,
    );
    assert_ne!(edited, small, "the edit applied");
    assert!(combine(&[edited.as_str(), file.as_str()], K::default()).is_err());
}

//! Nothing typed is lost between steps, and who sat where never reaches storage.

use super::tests::{at_report_out, paired, MEMBERS};
use super::*;

fn reload(s: &Session) -> Session {
    let json = serde_json::to_string(s).unwrap();
    let back: Session = serde_json::from_str(&json).unwrap();
    back.validate().unwrap();
    back
}

#[test]
fn a_typed_answer_survives_back_and_is_added_by_next() {
    let mut s = paired();
    let pair = DraftBox::Answer(AnswerBox::Pair(2));
    s.set_draft(pair, "We both found the first week").unwrap();
    // Back keeps it as a draft, shown again on the way forward.
    s.step_back().unwrap();
    assert_eq!(s.draft(pair), "We both found the first week");
    s.advance().unwrap();
    assert_eq!(s.draft(pair), "We both found the first week");
    assert!(s.points(AnswerBox::Pair(2)).unwrap().is_empty());
    // Next adds it to the answer, so the tables see it.
    s.advance().unwrap();
    assert_eq!(
        s.points(AnswerBox::Pair(2)).unwrap(),
        ["We both found the first week"]
    );
    assert!(s.drafts().is_empty());
}

#[test]
fn drafts_are_stored_as_typed_and_survive_a_reload() {
    let mut s = at_report_out();
    s.set_draft(DraftBox::NewItem, "  Peers explain it better ")
        .unwrap();
    let back = reload(&s);
    assert_eq!(back.draft(DraftBox::NewItem), "  Peers explain it better ");
    let mut back = back;
    back.commit_draft(DraftBox::NewItem, true).unwrap();
    let last = back.items().last().unwrap();
    assert_eq!(
        (last.text.as_str(), last.minority),
        ("Peers explain it better", true)
    );
    assert_eq!(back.draft(DraftBox::NewItem), "");
}

#[test]
fn blank_drafts_vanish_and_too_long_ones_are_refused_without_change() {
    let mut s = paired();
    let pair = DraftBox::Answer(AnswerBox::Pair(1));
    s.set_draft(pair, "half").unwrap();
    s.set_draft(pair, "   ").unwrap();
    assert!(s.drafts().is_empty());
    let before = s.clone();
    let long = "x".repeat(crate::domain::MAX_TEXT + 1);
    assert!(matches!(
        s.set_draft(pair, &long),
        Err(SessionError::TooLong { .. })
    ));
    assert_eq!(s, before);
    // A box of another step, or a pair that does not exist, is refused.
    assert!(s.set_draft(DraftBox::NewItem, "later").is_err());
    assert!(s
        .set_draft(DraftBox::Answer(AnswerBox::Pair(99)), "x")
        .is_err());
}

#[test]
fn next_is_open_when_the_only_item_is_still_typed() {
    let mut s = at_report_out();
    for n in s.items().iter().map(|i| i.number).collect::<Vec<_>>() {
        let _ = s.remove_item(n);
    }
    assert!(s.items().is_empty());
    assert!(s.next_blocker().is_some());
    s.set_draft(DraftBox::NewItem, "Listening first").unwrap();
    assert_eq!(s.next_blocker(), None);
    s.advance().unwrap();
    assert_eq!(s.items()[0].text, "Listening first");
}

#[test]
fn seating_is_never_stored_and_a_reload_says_so() {
    let s = paired();
    assert!(s.seating_known());
    let json = serde_json::to_string(&s).unwrap();
    assert!(
        !json.contains("\"seats\""),
        "seating is in the stored record"
    );
    assert!(
        !json.contains("Member"),
        "a person is named by id beside the pairs"
    );
    for id in MEMBERS {
        assert_eq!(
            json.matches(&id.to_string()).count(),
            1,
            "{id} appears outside attendance"
        );
    }
    let back = reload(&s);
    assert!(!back.seating_known());
    assert!(back.seating_not_kept());
    // The pairs, their sizes (one trio) and the way forward are kept.
    assert_eq!(back.pairs().len(), 4);
    assert_eq!(back.pairs().iter().filter(|p| p.size == 3).count(), 1);
    assert!(back.pairing_problems().is_empty());
    // Moving someone cannot work without the seating; it says why in plain words.
    let mut moved = back.clone();
    let err = moved
        .move_person(Seat::Member(MEMBERS[0]), None)
        .unwrap_err();
    assert_eq!(err, SessionError::SeatingNotKept);
    assert!(err.to_string().contains("never stores it"));
    // Forming the pairs again works while no pair has answered.
    moved.form_pairs(7).unwrap();
    assert!(moved.seating_known());
    let mut answered = back.clone();
    answered
        .add_point(AnswerBox::Pair(1), "We agree on this")
        .unwrap();
    let answered = reload(&answered);
    let mut next = answered.clone();
    next.advance().unwrap();
    next.form_tables(2).unwrap();
    next.validate().unwrap();
}

#[test]
fn the_step_bar_goes_to_any_open_step_and_says_why_others_are_closed() {
    let mut s = paired();
    assert_eq!(
        s.why_not_open(Phase::Agreement).as_deref(),
        Some("Agreement is not open yet: form the tables first.")
    );
    assert!(s.go_to(Phase::Agreement).is_err());
    assert_eq!(s.phase(), Phase::Pairs, "a refused jump changes nothing");
    s.go_to(Phase::Attendance).unwrap();
    assert_eq!(s.why_not_open(Phase::Pairs), None);
    s.go_to(Phase::Tables).unwrap();
    assert_eq!(s.phase(), Phase::Tables);
    let mut s = at_report_out();
    s.go_to(Phase::Consent).unwrap();
    s.go_to(Phase::Pairs).unwrap();
    assert_eq!(s.why_not_open(Phase::Closed), None);
    s.go_to(Phase::Closed).unwrap();
    assert_eq!(s.phase(), Phase::Closed);
}

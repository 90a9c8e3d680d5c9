//! Native tests for the flip chart, agreement, consent, stepping back and the privacy rule
//! that no stored structure links an answer to a person once tables exist.

use super::tests::{at_report_out, day, MEMBERS};
use super::*;
use std::collections::BTreeMap;

#[test]
fn report_out_merges_and_unmerges_exactly() {
    let mut s = at_report_out();
    assert_eq!(s.items().len(), 7);
    assert_eq!(
        s.bring_table_answers(1),
        Err(SessionError::AlreadyOnChart(1))
    );
    let number =
        |s: &Session, text: &str| s.items().iter().find(|i| i.text == text).unwrap().number;
    let listen = number(&s, "Listen before advising");
    let before_merge = s.clone();
    s.merge_items(listen, number(&s, "Listening comes first"))
        .unwrap();
    let ask = number(&s, "Ask what they already tried");
    s.merge_items(ask, number(&s, "Ask before telling"))
        .unwrap();
    let minority = number(&s, "Training was too short");
    let other_minority = number(&s, "The training needed more practice");
    assert_eq!(
        s.merge_items(listen, minority),
        Err(SessionError::MinorityMix)
    );
    assert_eq!(s.merge_items(listen, listen), Err(SessionError::SameItem));
    s.merge_items(minority, other_minority).unwrap();
    assert_eq!(s.items().len(), 4, "seven raw answers became four items");
    assert_eq!(s.item(listen).unwrap().tables(), vec![1, 2]);
    assert_eq!(s.item(ask).unwrap().table_count(), 2);
    assert!(s.item(minority).unwrap().minority);
    assert_eq!(s.remove_item(listen), Err(SessionError::HasMerged(listen)));
    // Merging an item that already holds merges keeps one level, and un-merging is exact.
    s.merge_items(listen, ask).unwrap();
    assert_eq!(s.item(listen).unwrap().merged.len(), 3);
    s.unmerge_item(listen, ask).unwrap();
    assert_eq!(
        s.unmerge_item(listen, ask),
        Err(SessionError::NotMerged {
            into: listen,
            from: ask
        })
    );
    for (into, from) in [
        (minority, other_minority),
        (listen, number(&before_merge, "Listening comes first")),
    ] {
        s.unmerge_item(into, from).unwrap();
    }
    let told = number(&before_merge, "Ask before telling");
    s.unmerge_item(listen, told).unwrap();
    let mut texts: Vec<&str> = s.items().iter().map(|i| i.text.as_str()).collect();
    let mut original: Vec<&str> = before_merge
        .items()
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    texts.sort_unstable();
    original.sort_unstable();
    assert_eq!(texts, original);
    s.validate().unwrap();
}

#[test]
fn discussion_items_can_be_added_edited_and_removed() {
    let mut s = at_report_out();
    let n = s.add_item("  Share the load fairly ", false).unwrap();
    assert!(s.item(n).unwrap().from_discussion());
    assert_eq!(s.item(n).unwrap().text, "Share the load fairly");
    assert_eq!(s.add_item("   ", false), Err(SessionError::EmptyText));
    s.edit_item(n, "Share the work fairly").unwrap();
    s.remove_item(n).unwrap();
    assert_eq!(s.item(n), Err(SessionError::NoSuchItem(n)));
    let again = s.add_item("Share the work fairly", false).unwrap();
    assert!(again > n, "item numbers are never reused");
    s.validate().unwrap();
}

#[test]
fn agreement_never_exceeds_those_present() {
    let mut s = at_report_out();
    let first = s.items()[0].number;
    let second = s.items()[1].number;
    assert!(matches!(
        s.set_agreement(first, 1),
        Err(SessionError::WrongPhase { .. })
    ));
    s.advance().unwrap();
    s.set_agreement(first, 9).unwrap();
    assert_eq!(s.agree_more(first), Err(SessionError::TooManyAgree(9)));
    assert_eq!(
        s.set_agreement(second, 10),
        Err(SessionError::TooManyAgree(9))
    );
    s.agree_more(second).unwrap();
    s.agree_more(second).unwrap();
    s.agree_less(second).unwrap();
    s.agree_less(first).unwrap();
    assert_eq!(
        (s.item(first).unwrap().agree, s.item(second).unwrap().agree),
        (8, 1)
    );
    let third = s.items()[2].number;
    s.agree_less(third).unwrap();
    assert_eq!(s.item(third).unwrap().agree, 0);
    let order: Vec<u32> = s.items_by_agreement().iter().map(|i| i.agree).collect();
    assert_eq!(&order[..2], &[8, 1]);
    // Nobody can leave the attendance list if that would leave more agreeing than present.
    s.set_agreement(first, 9).unwrap();
    for _ in 0..4 {
        s.step_back().unwrap();
    }
    assert_eq!(s.set_guests(1), Err(SessionError::CountsAbovePresent(8)));
    assert_eq!(
        s.mark_absent(MEMBERS[0]),
        Err(SessionError::CountsAbovePresent(8))
    );
    s.mark_present(7_000_100).unwrap();
    s.validate().unwrap();
}

#[test]
fn consent_defaults_to_internal_and_an_objection_sticks() {
    let mut s = at_report_out();
    let (a, b) = (s.items()[0].number, s.items()[1].number);
    s.advance().unwrap();
    assert!(matches!(
        s.mark_shareable(a, day(24)),
        Err(SessionError::WrongPhase { .. })
    ));
    s.advance().unwrap();
    assert_eq!(s.phase(), Phase::Consent);
    assert_eq!(s.consent_question(), CONSENT_QUESTION);
    assert!(s
        .items()
        .iter()
        .all(|i| i.consent == ItemConsent::default() && !i.is_shareable()));
    s.mark_shareable(a, day(24)).unwrap();
    s.record_objection(b, day(24)).unwrap();
    assert_eq!(s.mark_shareable(b, day(24)), Err(SessionError::Objected(b)));
    assert_eq!(
        s.item(b).unwrap().consent.decision,
        ConsentDecision::InternalOnly
    );
    s.record_objection(a, day(24)).unwrap();
    assert!(
        !s.item(a).unwrap().is_shareable(),
        "an objection makes a shared item internal"
    );
    s.clear_objection(b).unwrap();
    assert!(
        !s.item(b).unwrap().is_shareable(),
        "clearing alone does not share it"
    );
    s.mark_shareable(b, day(25)).unwrap();
    assert_eq!(s.item(b).unwrap().consent.decided_on, Some(day(25)));
    assert_eq!(s.shareable_items().len(), 1);
    s.set_consent_question("May we share these, without names?")
        .unwrap();
    assert_eq!(s.set_consent_question(" "), Err(SessionError::EmptyText));
    // Rewording a shared item after consent means asking again; merging carries objections.
    s.step_back().unwrap();
    s.step_back().unwrap();
    s.edit_item(b, "Reworded").unwrap();
    assert!(!s.item(b).unwrap().is_shareable());
    s.merge_items(b, a).unwrap();
    assert!(s.item(b).unwrap().consent.objection);
    s.validate().unwrap();
}

#[test]
fn stepping_back_to_the_start_and_forward_again_loses_nothing() {
    let mut s = at_report_out();
    s.advance().unwrap();
    let first = s.items()[0].number;
    s.set_agreement(first, 5).unwrap();
    s.advance().unwrap();
    s.mark_shareable(first, day(24)).unwrap();
    s.advance().unwrap();
    assert_eq!(s.phase(), Phase::Closed);
    assert_eq!(s.advance(), Err(SessionError::AtEnd));
    let closed = s.clone();
    let mut seen = vec![s.phase()];
    while s.step_back().is_ok() {
        seen.push(s.phase());
    }
    assert_eq!(s.step_back(), Err(SessionError::AtStart));
    assert_eq!(seen.len(), 7, "visited every step going back");
    while s.phase() != Phase::Closed {
        s.advance().unwrap();
    }
    assert_eq!(s, closed);
    let summary = s.summary();
    assert_eq!(
        (summary.people_present, summary.pairs, summary.tables),
        (9, 4, 3)
    );
    assert_eq!(
        (
            summary.items,
            summary.shareable_items,
            summary.highest_agreement
        ),
        (7, 1, 5)
    );
    assert_eq!(Phase::ReportOut.level(), Some(3));
    assert_eq!(Phase::Closed.step(), 7);
}

#[test]
fn no_stored_structure_links_an_answer_to_a_person_once_tables_exist() {
    let roster: BTreeMap<Id, &str> = MEMBERS
        .iter()
        .copied()
        .zip([
            "María", "Samir", "Lindiwe", "Adebayo", "Joanna", "Kimiko", "Ravi",
        ])
        .collect();
    let mut s = at_report_out();
    s.step_back().unwrap();
    let json = serde_json::to_string(&s).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let record = value.as_object_mut().unwrap();
    assert!(!record.contains_key("seats"), "seating is gone");
    // Attendance is the one place people may appear; everything else must not name them.
    let present = record.remove("present").unwrap();
    assert_eq!(present.as_array().unwrap().len(), 7);
    let rest = serde_json::to_string(&value).unwrap();
    for (id, name) in &roster {
        assert!(
            !rest.contains(&id.to_string()),
            "id {id} appears outside attendance"
        );
        assert!(
            !json.to_lowercase().contains(&name.to_lowercase()),
            "{name} is in the session"
        );
    }
    for key in ["pairs", "tables", "flip_chart"] {
        let part = value[key].to_string();
        assert!(
            !MEMBERS.iter().any(|id| part.contains(&id.to_string())),
            "{key} holds an id"
        );
    }
}

#[test]
fn serialised_sessions_round_trip_and_damage_is_caught() {
    let s = at_report_out();
    let json = serde_json::to_string(&s).unwrap();
    let back: Session = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    back.validate().unwrap();
    let minimal = r#"{"id":1,"group":2,"date":"2026-11-24","question":{"text":"Why?"}}"#;
    let old: Session = serde_json::from_str(minimal).unwrap();
    old.validate().unwrap();
    assert_eq!(
        (old.phase(), old.consent_question()),
        (Phase::Attendance, CONSENT_QUESTION)
    );
    // Seating written by an older build is never read back (nor written again).
    let mut older: serde_json::Value = serde_json::from_str(&json).unwrap();
    older["seats"] = serde_json::json!([{ "seat": { "Member": MEMBERS[0] }, "pair": 1 }]);
    let older: Session = serde_json::from_value(older).unwrap();
    assert!(!older.seating_known());
    assert!(!serde_json::to_string(&older).unwrap().contains("Member"));
    let mut broken: serde_json::Value = serde_json::from_str(&json).unwrap();
    broken["drafts"] = serde_json::json!([{ "place": "NewItem", "text": "   " }]);
    let broken: Session = serde_json::from_value(broken).unwrap();
    assert!(matches!(broken.validate(), Err(SessionError::Damaged(_))));
    let mut over: serde_json::Value = serde_json::from_str(&json).unwrap();
    over["flip_chart"][0]["agree"] = serde_json::json!(10);
    assert!(serde_json::from_value::<Session>(over)
        .unwrap()
        .validate()
        .is_err());
}

#[test]
fn error_messages_read_plainly() {
    let wrong = SessionError::WrongPhase {
        needed: Phase::Consent,
        current: Phase::ReportOut,
    };
    assert_eq!(
        wrong.to_string(),
        "That belongs to the Consent step, and the session is at the Report out step. \
         Go to Consent first."
    );
    assert_eq!(
        SessionError::NoSuchTable(2).to_string(),
        "There is no Table B."
    );
}

//! The projector's view: numbered 1 to n after merging, the step and clock, no names, and
//! "stays in this room" at the consent step.

use super::tests::{at_report_out, day, paired};
use super::*;

#[test]
fn after_merging_the_room_counts_one_to_n_in_flip_chart_order() {
    let mut s = at_report_out();
    let ids: Vec<u32> = s.items().iter().map(|i| i.number).collect();
    s.merge_items(ids[0], ids[3]).unwrap();
    s.merge_items(ids[1], ids[5]).unwrap();
    let view = s.room_view(None);
    let shown: Vec<u32> = view.items.iter().map(|i| i.shown).collect();
    assert_eq!(shown, (1..=5).collect::<Vec<_>>());
    // The facilitator's screens use the same numbers.
    for item in &view.items {
        assert_eq!(s.shown_number(item.id), item.shown);
    }
    assert_eq!(view.step_line(), "Step 4 of 7 · Report out");
    // An error about an item names the number the room sees.
    let err = s.remove_item(ids[1]).unwrap_err();
    assert_eq!(err, SessionError::HasMerged(2));
}

#[test]
fn the_room_sees_pair_numbers_never_people_and_items_kept_in_the_room() {
    let mut s = paired();
    s.add_point(AnswerBox::Pair(2), "Our own words").unwrap();
    let view = s.room_view(Some(RoomClock {
        face: "4:59".into(),
        done: false,
    }));
    assert_eq!(view.pairs.len(), 4);
    assert_eq!(view.pairs.iter().filter(|p| p.trio).count(), 1);
    assert!(view.pairs[1].answered && !view.pairs[0].answered);
    let json = serde_json::to_string(&view).unwrap();
    assert!(
        !json.contains("Our own words"),
        "a pair's words reach the room"
    );
    for id in super::tests::MEMBERS {
        assert!(
            !json.contains(&id.to_string()),
            "a person's id reaches the room"
        );
    }
    let mut s = at_report_out();
    s.advance().unwrap();
    s.advance().unwrap();
    let first = s.items()[0].number;
    s.mark_shareable(first, day(24)).unwrap();
    let view = s.room_view(None);
    assert!(view.consent_question.is_some());
    assert!(!view.items[0].stays_in_room);
    assert!(view.items[1..].iter().all(|i| i.stays_in_room));
    // Before the consent step nothing is marked.
    s.step_back().unwrap();
    assert!(s.room_view(None).items.iter().all(|i| !i.stays_in_room));
}

#[test]
fn messages_round_trip_and_junk_is_ignored() {
    let s = at_report_out();
    for m in [
        RoomMessage::Want { session: 3 },
        RoomMessage::Show {
            session: 3,
            view: s.room_view(None),
        },
        RoomMessage::Locked,
        RoomMessage::Gone { session: 3 },
    ] {
        assert_eq!(RoomMessage::decode(&m.encode()), Some(m));
    }
    assert_eq!(RoomMessage::decode("hello:abc"), None);
    assert_eq!(RoomMessage::decode("{\"kind\":\"show\"}"), None);
}

#[test]
fn the_facilitators_window_reads_a_want_and_nothing_else() {
    assert_eq!(
        RoomMessage::wanted(&RoomMessage::Want { session: 7 }.encode()),
        Some(7)
    );
    for other in [RoomMessage::Locked, RoomMessage::Gone { session: 7 }] {
        assert_eq!(RoomMessage::wanted(&other.encode()), None);
    }
    assert_eq!(RoomMessage::wanted(r#"{"kind":"want"}"#), None);
    assert_eq!(RoomMessage::wanted(r#"{"kind":"want","session":-1}"#), None);
    assert_eq!(RoomMessage::wanted("want 7"), None);
    let long = format!(
        r#"{{"kind":"want","session":7,"pad":"{}"}}"#,
        "x".repeat(300)
    );
    assert_eq!(RoomMessage::wanted(&long), None);
}

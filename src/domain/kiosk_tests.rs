//! Native tests for the kiosk rules: PIN shape and check, the growing wait, idle clearing,
//! and the task kinds' stored shape.

use super::*;
use crate::domain::questions::QuestionBank;
use crate::domain::session::SessionQuestion;
use crate::domain::Date;

const SALT: [u8; 16] = [7; 16];

fn with_pin(pin: &str) -> KioskSettings {
    KioskSettings {
        pin: Some(PinHash::new(pin, pin, SALT).unwrap()),
        ..KioskSettings::default()
    }
}

fn paired_session() -> Session {
    let bank = QuestionBank::starter();
    let q = SessionQuestion::from_bank(&bank.questions()[0]);
    let mut s = Session::new(5, 2, Date::from_ymd(2026, 11, 24).unwrap(), q).unwrap();
    s.set_guests(6).unwrap();
    s.advance().unwrap();
    s.form_pairs(9).unwrap();
    s
}

#[test]
fn a_pin_is_four_to_eight_digits_only() {
    for good in ["1234", "00000000", "2468013"] {
        assert_eq!(check_pin_shape(good), Ok(()), "{good}");
    }
    for bad in [
        "",
        "123",
        "123456789",
        "12a4",
        "12 34",
        "١٢٣٤",
        "1234\n",
        "-123",
        "<b>1</b>",
    ] {
        assert_eq!(check_pin_shape(bad), Err(PinProblem::WrongShape), "{bad:?}");
    }
    assert_eq!(
        PinHash::new("1234", "1243", SALT),
        Err(PinProblem::Mismatch)
    );
    assert_eq!(PinHash::new("12", "12", SALT), Err(PinProblem::WrongShape));
}

#[test]
fn only_a_salted_hash_of_the_pin_is_stored_and_it_checks() {
    let hash = PinHash::new("482910", "482910", SALT).unwrap();
    let stored = serde_json::to_string(&hash).unwrap();
    assert!(!stored.contains("482910"));
    assert!(hash.matches("482910"));
    assert!(!hash.matches("482911"));
    assert!(!hash.matches("48291"));
    assert!(!hash.matches(""));
    let other_salt = PinHash::new("482910", "482910", [9; 16]).unwrap();
    assert_ne!(other_salt.hash, hash.hash, "the salt changes the hash");
    let damaged = PinHash {
        salt: "zz".into(),
        hash: hash.hash.clone(),
    };
    assert!(!damaged.matches("482910"), "a damaged hash opens nothing");
}

#[test]
fn waiting_starts_after_five_wrong_tries_and_grows_to_a_cap() {
    let waits: Vec<u64> = (0..=12).map(delay_after).collect();
    assert_eq!(
        waits,
        vec![0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]
    );
    assert_eq!(delay_after(u32::MAX), MAX_DELAY_SECONDS);
}

#[test]
fn wrong_pins_count_down_then_lock_and_the_lock_is_stored() {
    let mut k = with_pin("1357");
    k.active = Some(KioskTask::PairAnswers { session: 5 });
    let now = 1_000_000;
    for left in (1..=4).rev() {
        assert_eq!(
            k.try_leave("0000", now),
            PinOutcome::Wrong {
                tries_before_wait: left
            }
        );
    }
    assert_eq!(
        k.try_leave("0000", now),
        PinOutcome::WrongWait { seconds: 30 }
    );
    // The count and the end of the wait are stored: a reload (a copy of the record) keeps them.
    let reloaded: KioskSettings =
        serde_json::from_str(&serde_json::to_string(&k).unwrap()).unwrap();
    assert_eq!(reloaded, k);
    let mut k = reloaded;
    // While waiting even the right PIN is not looked at.
    assert_eq!(
        k.try_leave("1357", now + 10_000),
        PinOutcome::Waiting { seconds: 20 }
    );
    assert!(k.active.is_some());
    // After the wait, another wrong try doubles it.
    assert_eq!(
        k.try_leave("0000", now + 30_000),
        PinOutcome::WrongWait { seconds: 60 }
    );
    assert_eq!(k.wait_seconds(now + 30_000), 60);
    // The right PIN after the wait opens and forgets the tries.
    assert_eq!(k.try_leave("1357", now + 90_000), PinOutcome::Opened);
    assert_eq!(k.active, None);
    assert_eq!((k.failures, k.locked_until_ms), (0, 0));
}

#[test]
fn a_clock_turned_back_cannot_stretch_the_wait() {
    let k = KioskSettings {
        locked_until_ms: u64::MAX,
        ..with_pin("1234")
    };
    assert_eq!(k.wait_seconds(0), MAX_DELAY_SECONDS);
}

#[test]
fn kiosk_mode_needs_a_pin_before_it_starts() {
    let mut k = KioskSettings::default();
    let task = KioskTask::PairAnswers { session: 1 };
    assert!(k.start(task).is_err());
    assert_eq!(k.active, None);
    let mut k = with_pin("1234");
    assert!(k.start(task).is_ok());
    assert_eq!(k.active, Some(task));
    // Without a PIN set nothing opens (not even an empty one).
    let mut none = KioskSettings {
        active: Some(task),
        ..KioskSettings::default()
    };
    assert!(matches!(none.try_leave("", 0), PinOutcome::Wrong { .. }));
}

#[test]
fn idle_timeout_is_at_least_fifteen_seconds() {
    let mut k = KioskSettings::default();
    assert_eq!(k.idle_seconds(), DEFAULT_IDLE_SECONDS);
    assert!(k.set_idle_seconds(14).is_err());
    assert!(k.set_idle_seconds(601).is_err());
    assert_eq!(k.idle_seconds, DEFAULT_IDLE_SECONDS);
    k.set_idle_seconds(15).unwrap();
    assert_eq!(k.idle_seconds(), 15);
    k.idle_seconds = 0; // edited by hand
    assert_eq!(k.idle_seconds(), MIN_IDLE_SECONDS);
}

#[test]
fn idle_countdown_shows_in_the_last_seconds_then_clears() {
    assert_eq!(
        DEFAULT_IDLE_SECONDS, 180,
        "three minutes: pairs talk before they type"
    );
    assert_eq!(idle(180, 0), Idle::Busy);
    assert_eq!(idle(180, 149_999), Idle::Busy);
    assert_eq!(idle(180, 150_000), Idle::Warning { seconds_left: 30 });
    assert_eq!(idle(180, 179_001), Idle::Warning { seconds_left: 1 });
    assert_eq!(idle(180, 180_000), Idle::Clear);
    assert_eq!(idle(180, u64::MAX), Idle::Clear);
    assert_eq!(idle(600, 569_999), Idle::Busy);
    assert_eq!(idle(60, 40_000), Idle::Warning { seconds_left: 20 });
    // A 15 s timeout warns for its last 5 seconds.
    assert_eq!(idle(15, 9_999), Idle::Busy);
    assert_eq!(idle(15, 10_000), Idle::Warning { seconds_left: 5 });
    assert_eq!(idle(15, 15_000), Idle::Clear);
}

#[test]
fn older_settings_without_kiosk_fields_load_with_defaults() {
    let k: KioskSettings = serde_json::from_str("{}").unwrap();
    assert_eq!(k, KioskSettings::default());
    let s: crate::domain::workspace::Settings =
        serde_json::from_str(r#"{"last_id":3,"programme_order":[],"k":5}"#).unwrap();
    assert_eq!(s.kiosk, KioskSettings::default());
}

#[test]
fn tasks_are_stored_tagged_so_new_kinds_can_be_added() {
    let task = KioskTask::TableConsensus { session: 9 };
    let text = serde_json::to_string(&task).unwrap();
    assert_eq!(text, r#"{"task":"table-consensus","session":9}"#);
    assert_eq!(serde_json::from_str::<KioskTask>(&text).unwrap(), task);
    assert_eq!(task.session(), Some(9));
    // The outcomes survey writes into no session and keeps no more than its point.
    let survey = KioskTask::OutcomesSurvey {
        programme: 1,
        point: 4,
    };
    let text = serde_json::to_string(&survey).unwrap();
    assert_eq!(
        text,
        r#"{"task":"outcomes-survey","programme":1,"point":4}"#
    );
    assert_eq!(serde_json::from_str::<KioskTask>(&text).unwrap(), survey);
    // A pair's check-in likewise names only the programme and the pair.
    let checkin = KioskTask::CheckIn {
        programme: 1,
        pair: 7,
    };
    let text = serde_json::to_string(&checkin).unwrap();
    assert_eq!(text, r#"{"task":"check-in","programme":1,"pair":7}"#);
    assert_eq!(serde_json::from_str::<KioskTask>(&text).unwrap(), checkin);
    assert_eq!(checkin.session(), None);
    let skills = KioskTask::SkillsEntry { programme: 1 };
    let text = serde_json::to_string(&skills).unwrap();
    assert_eq!(text, r#"{"task":"skills-entry","programme":1}"#);
    assert_eq!(serde_json::from_str::<KioskTask>(&text).unwrap(), skills);
    assert_eq!(skills.session(), None);
    assert_eq!(survey.session(), None);
}

#[test]
fn pairs_pick_a_number_and_their_answer_is_added_not_shown() {
    let mut s = paired_session();
    let TaskShape::Turns(turns) = KioskTask::PairAnswers { session: 5 }.describe() else {
        panic!("a pair task is answered in turns");
    };
    assert_eq!(turns.numbers(Some(&s)), Ok(vec![1, 2, 3]));
    assert_eq!(turns.name(2), "Pair 2");
    turns.submit(&mut s, 2, "  Listen first  ").unwrap();
    turns.submit(&mut s, 2, "Ask questions").unwrap();
    assert_eq!(
        s.points(AnswerBox::Pair(2)).unwrap(),
        ["Listen first", "Ask questions"]
    );
    assert!(turns.submit(&mut s, 2, "   ").is_err(), "empty is refused");
    assert!(turns.submit(&mut s, 9, "x").is_err(), "no such pair");
    // The table task is not open while the session is at the pairs step.
    let TaskShape::Turns(tables) = KioskTask::TableConsensus { session: 5 }.describe() else {
        panic!("a table task is answered in turns");
    };
    assert_eq!(
        tables.numbers(Some(&s)),
        Err(KioskError::NotAtStep(Phase::Tables))
    );
    assert_eq!(
        tables.numbers(Some(&s)).unwrap_err().to_string(),
        "There is nothing to answer here right now: the session is not at the tables step."
    );
    assert_eq!(turns.numbers(None), Err(KioskError::TaskGone));
    assert_eq!(tables.name(2), "Table B");
}

#[test]
fn meeting_feedback_is_a_task_of_its_session_stored_by_number_only() {
    let task = KioskTask::MeetingFeedback { session: 12 };
    let text = serde_json::to_string(&task).unwrap();
    assert_eq!(text, r#"{"task":"meeting-feedback","session":12}"#);
    assert_eq!(serde_json::from_str::<KioskTask>(&text).unwrap(), task);
    // Its session is refreshed in other tabs and is where leaving the kiosk goes back to.
    assert_eq!(task.session(), Some(12));
    assert!(matches!(
        task.describe(),
        TaskShape::Feedback { session: 12 }
    ));
    assert!(task.setup_text().contains("only counts are kept"));
}

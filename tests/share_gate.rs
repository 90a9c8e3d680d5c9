//! The share gate against hand-made meetings: only consented items leave, names block until
//! decided, named quotes need a current approval, small counts and their complements are
//! hidden, dates go no finer than the month, and the preview says what was left out.

mod share_support;

use peercircle::domain::disclosure::{fingerprint, NameChoice, NameDecision};
use peercircle::domain::testimony::{Attribution, ItemRef, Testimony, TestimonyError};
use peercircle::share::export::FileKind;
use peercircle::share::gate::{
    gate, Blocked, Cleared, ExportPolicy, QuoteApproval, QuoteUse, TextRef,
};
use peercircle::share::json::json;
use peercircle::share::suppress::{Count, Stat, K};
use share_support::*;

const MEMBERS: [u64; 12] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

fn names() -> Vec<(u64, &'static str)> {
    vec![
        (1, "María López"),
        (2, "Hope Adams"),
        (3, "Seán O'Brien"),
        (4, "Anne-Marie Dubois"),
        (5, "Kwame Mensah"),
        (6, "Li Wei"),
        (7, "Priya Patel"),
        (8, "Tom Berg"),
        (9, "Ines Costa"),
        (10, "Yusuf Demir"),
        (11, "Eva Novak"),
        (12, "Joe Bloggs"),
    ]
}

/// Ten present; items: shared, internal, objected, undecided, shared with a name.
fn world() -> World {
    let s = session(
        10,
        1,
        date(2026, 11, 24),
        "What is the hardest part of mentoring?",
        &MEMBERS[..10],
        0,
        &[
            item("Listening before advising", 8, Consent::Share),
            item("Our budget worries", 6, Consent::Internal),
            item("A private matter", 5, Consent::Object),
            item("Never asked", 4, Consent::Undecided),
            item("Maria's advice on feedback helped", 10, Consent::Share),
            item("Finding time each week", 2, Consent::Share),
        ],
    );
    World::new(roster(&names()), vec![s])
}

/// These tests check the strict setting's cell rules; `share_disclosure.rs` checks the default.
fn strict() -> ExportPolicy {
    ExportPolicy {
        strict: true,
        ..ExportPolicy::default()
    }
}

const ITEM_TEXTS: [&str; 6] = [
    "Listening before advising",
    "Our budget worries",
    "A private matter",
    "Never asked",
    "Maria's advice on feedback helped",
    "Finding time each week",
];

fn cleared(w: &World, p: &ExportPolicy) -> Cleared {
    match gate(&w.input(), p) {
        Ok(c) => c,
        Err(b) => panic!("blocked: {:?}", b.reasons),
    }
}

fn blocked(w: &World, p: &ExportPolicy) -> Blocked {
    match gate(&w.input(), p) {
        Ok(c) => panic!("cleared: {:?}", c.shareable),
        Err(b) => b,
    }
}

fn redact_all_items(w: &mut World) {
    w.names.redact_all.push(TextRef::Item {
        session: 10,
        item: 5,
    });
}

#[test]
fn a_name_blocks_with_a_plain_reason_until_redacted() {
    let mut w = world();
    let b = blocked(&w, &strict());
    assert_eq!(
        b.reasons,
        ["Item 5 of the meeting on 2026-11-24 contains a name from your roster: 'Maria's'"]
    );
    assert_eq!(b.names.len(), 1);
    let hit = b.names[0].hit.clone();
    assert!(!b.names[0].keep_allowed, "María has no written approval");
    let decision = |choice| NameDecision {
        text: b.names[0].text,
        fingerprint: b.names[0].fingerprint,
        start: hit.start,
        matched: hit.matched.clone(),
        participant: hit.participant,
        choice,
    };
    w.names.decide(decision(NameChoice::Replace));
    let c = cleared(&w, &strict());
    let texts: Vec<&str> = c.shareable.sessions[0]
        .items
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Listening before advising",
            "[name] advice on feedback helped",
            "Finding time each week"
        ]
    );
    // Keeping it is honoured only with her written approval for this use.
    w.names.decide(decision(NameChoice::Keep));
    assert!(gate(&w.input(), &strict()).is_err());
    w.approvals.push(QuoteApproval {
        participant: 1,
        given: date(2026, 6, 1),
        scope: vec![QuoteUse::EvaluationReport],
        expires: None,
        withdrawn: None,
    });
    let c = cleared(&w, &strict());
    assert!(json(&c.shareable).contains("Maria's advice"));
}

#[test]
fn only_consented_items_leave_and_the_preview_says_what_was_left_out() {
    let mut w = world();
    redact_all_items(&mut w);
    let c = cleared(&w, &strict());
    let out = json(&c.shareable);
    for private in ["budget", "private matter", "Never asked"] {
        assert!(!out.contains(private), "{private} leaked");
    }
    assert_eq!(c.left_out.items_not_consented, 2);
    assert_eq!(c.left_out.items_objected, 1);
    let s = &c.shareable.sessions[0];
    assert_eq!(s.items_recorded, 6);
    assert_eq!(s.present, Count::Shown(10));
    let k = K::default();
    // 8 of 10: the 2 who did not agree could be worked out, so the 8 is not shown.
    assert_eq!(s.items[0].agree, Count::Withheld);
    assert_eq!(s.items[1].agree, Count::Shown(10));
    assert_eq!(s.items[2].agree, Count::FewerThan(k));
    assert_eq!(
        c.left_out.summary(),
        "2 items not consented, 1 item kept private after an objection, 2 counts suppressed, 2 figures suppressed"
    );
}

#[test]
fn present_is_hidden_for_the_whole_session_when_one_item_would_pin_it() {
    // 6 present, 5 agree: "fewer than 5" did not agree and 5+ agreed pins both unless the 6 goes.
    let s = session(
        20,
        1,
        date(2026, 10, 3),
        "What helps?",
        &MEMBERS[..6],
        0,
        &[
            item("Regular meetings", 5, Consent::Share),
            item("Clear goals", 6, Consent::Share),
        ],
    );
    let w = World::new(roster(&names()), vec![s]);
    let c = cleared(&w, &strict());
    let s = &c.shareable.sessions[0];
    assert_eq!(s.present, Count::Withheld);
    assert_eq!(s.items[0].agree, Count::Withheld);
    assert_eq!(s.items[1].agree, Count::Shown(6));
}

#[test]
fn small_sessions_and_their_statistics_are_suppressed() {
    let s = session(
        30,
        2,
        date(2026, 9, 9),
        "What is it like being new here?",
        &MEMBERS[..3],
        0,
        &[item("Confusing at first", 3, Consent::Share)],
    );
    let w = World::new(roster(&names()), vec![s]);
    let c = cleared(&w, &strict());
    let k = K::default();
    let sh = &c.shareable;
    assert_eq!(sh.sessions[0].present, Count::FewerThan(k));
    assert!(sh.sessions[0].items[0].agree.is_hidden());
    assert_eq!(sh.figures.people, Count::FewerThan(k));
    assert_eq!(sh.figures.attendance_rate, Stat::FewerThan(k));
    assert_eq!(sh.figures.consent_rate, Stat::FewerThan(k));
    assert_eq!(sh.attendance[0].rate, Stat::FewerThan(k));
    assert_eq!(sh.figures.sessions_held, 1);
}

#[test]
fn aggregates_over_enough_people_are_shown() {
    let mut w = world();
    redact_all_items(&mut w);
    let c = cleared(&w, &strict());
    let f = &c.shareable.figures;
    assert_eq!(f.people, Count::Shown(10));
    // 10 of 12 members: 2 absent is a small count, so the rate is hidden.
    assert_eq!(f.attendance_rate, Stat::FewerThan(K::default()));
    assert_eq!(f.items_per_session, Stat::Shown(6.0));
    assert_eq!(f.consent_rate, Stat::Shown(0.5));
    w.groups[0].members = 20;
    let c = cleared(&w, &strict());
    assert_eq!(c.shareable.figures.attendance_rate, Stat::Shown(0.5));
}

#[test]
fn dates_never_finer_than_the_month() {
    let mut w = world();
    redact_all_items(&mut w);
    let out = json(&cleared(&w, &strict()).shareable);
    assert!(out.contains("\"2026-11\""));
    assert!(!out.contains("2026-11-24"), "a day leaked");
}

#[test]
fn the_policy_selects_groups_sessions_and_dates() {
    let mut w = world();
    redact_all_items(&mut w);
    w.sessions.push(session(
        11,
        2,
        date(2027, 1, 5),
        "What surprised you?",
        &MEMBERS,
        0,
        &[item("How kind people were", 12, Consent::Share)],
    ));
    let count = |p: ExportPolicy| cleared(&w, &p).shareable.sessions.len();
    assert_eq!(count(strict()), 2);
    let only = |groups, sessions| ExportPolicy {
        groups,
        sessions,
        ..strict()
    };
    assert_eq!(count(only(Some(vec![2]), None)), 1);
    assert_eq!(count(only(None, Some(vec![10]))), 1);
    assert_eq!(count(only(Some(vec![3]), None)), 0);
    let from_2027 = ExportPolicy {
        from: Some(date(2027, 1, 1)),
        ..strict()
    };
    let c = cleared(&w, &from_2027);
    assert_eq!(c.shareable.sessions.len(), 1);
    assert_eq!(c.left_out.sessions_outside_selection, 1);
    let backwards = ExportPolicy {
        from: Some(date(2027, 1, 1)),
        to: Some(date(2026, 1, 1)),
        ..strict()
    };
    assert!(blocked(&w, &backwards).reasons[0].contains("run backwards"));
}

fn quote(id: u64, text: &str, attribution: Attribution, item: Option<u32>) -> Testimony {
    Testimony {
        id,
        text: text.to_string(),
        attribution,
        source: item.map(|item| ItemRef { session: 10, item }),
        include: true,
        drafted_from: item
            .and_then(|i| ITEM_TEXTS.get(i as usize - 1))
            .map(|t| t.to_string()),
    }
}

#[test]
fn a_named_quote_needs_a_current_approval_for_this_use() {
    let mut w = world();
    redact_all_items(&mut w);
    w.testimonies.push(quote(
        1,
        "I, María, learned to listen.",
        Attribution::Named(1),
        None,
    ));
    let newsletter = ExportPolicy {
        quote_use: QuoteUse::Newsletter,
        file: FileKind::TestimoniesMarkdown,
        ..strict()
    };
    let b = blocked(&w, &newsletter);
    assert_eq!(
        b.reasons,
        [
            "Testimony 1 names María López, whose written approval does not cover newsletters \
          (the use of this file). Attribute it by role, or record the approval first."
        ]
    );
    let approval = QuoteApproval {
        participant: 1,
        given: date(2026, 6, 1),
        scope: vec![QuoteUse::Newsletter],
        expires: Some(date(2027, 6, 1)),
        withdrawn: None,
    };
    w.approvals.push(approval.clone());
    let c = cleared(&w, &newsletter);
    assert_eq!(c.shareable.testimonies[0].attribution, "María López");
    assert_eq!(
        c.shareable.testimonies[0].text,
        "I, María, learned to listen."
    );
    // Wrong use, expired, withdrawn, not yet given: all blocked.
    let report = strict();
    assert!(gate(&w.input(), &report).is_err());
    for changed in [
        QuoteApproval {
            expires: Some(date(2026, 11, 30)),
            ..approval.clone()
        },
        QuoteApproval {
            withdrawn: Some(date(2026, 12, 1)),
            ..approval.clone()
        },
        QuoteApproval {
            given: date(2026, 12, 2),
            ..approval.clone()
        },
    ] {
        w.approvals = vec![changed];
        assert!(gate(&w.input(), &newsletter).is_err());
    }
    // Another person's name in an approved quote still blocks.
    w.approvals = vec![approval];
    w.testimonies[0].text = "Kwame and I learned to listen.".to_string();
    let b = blocked(&w, &newsletter);
    assert_eq!(
        b.reasons,
        ["Testimony 1 contains a name from your roster: 'Kwame'"]
    );
}

#[test]
fn testimonies_follow_their_items_consent_and_the_facilitators_choice() {
    let mut w = world();
    redact_all_items(&mut w);
    let role = |r: &str| Attribution::ByRole(r.to_string());
    w.testimonies = vec![
        quote(
            1,
            "Listening first changed everything",
            role("a mentor"),
            Some(1),
        ),
        quote(2, "Budget worries", role("a mentor"), Some(2)),
        quote(3, "Typed without an item", role("a mentor"), None),
        quote(4, "Not chosen", role("a mentor"), Some(1)),
        quote(5, "From a deleted item", role("a mentor"), Some(99)),
    ];
    w.testimonies[3].include = false;
    let c = cleared(&w, &strict());
    assert_eq!(c.shareable.testimonies.len(), 1);
    assert_eq!(c.shareable.testimonies[0].attribution, "a mentor");
    assert_eq!(
        c.left_out.testimonies,
        [
            "Testimony 2 comes from an item the group did not consent to share.",
            "Testimony 3 has no consented flip-chart item behind it.",
            "Testimony 4 was not chosen for this export.",
            "Testimony 5 comes from a flip-chart item that no longer exists.",
        ]
    );
    // A role phrase is free text too.
    w.testimonies[0].attribution = role("Hope's protege");
    let b = blocked(&w, &strict());
    assert_eq!(
        b.reasons,
        ["The attribution of testimony 1 contains a name from your roster: 'Hope's'"]
    );
    w.names.decide(NameDecision {
        text: TextRef::Attribution(1),
        fingerprint: fingerprint("Hope's protege"),
        start: 0,
        matched: "Hope's".to_string(),
        participant: 2,
        choice: NameChoice::NotAName,
    });
    assert!(gate(&w.input(), &strict()).is_ok());
}

#[test]
fn testimonies_are_shuffled_the_same_way_for_the_same_seed() {
    let mut w = world();
    redact_all_items(&mut w);
    w.testimonies = (1..=12)
        .map(|n| {
            let role = Attribution::ByRole("a mentor".to_string());
            quote(n, &format!("Quote number {n}"), role, Some(1))
        })
        .collect();
    let order = |seed| {
        let p = ExportPolicy {
            shuffle_seed: seed,
            ..strict()
        };
        let c = cleared(&w, &p);
        c.shareable
            .testimonies
            .iter()
            .map(|t| t.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(order(7), order(7));
    assert_ne!(order(7), order(8));
    let typed: Vec<String> = (1..=12).map(|n| format!("Quote number {n}")).collect();
    assert_ne!(order(7), typed, "typed order must not survive");
    let mut sorted = order(7);
    sorted.sort_by_key(|t| t[13..].parse::<u32>().unwrap());
    assert_eq!(sorted, typed);
}

#[test]
fn every_reason_is_listed_not_just_the_first() {
    let mut w = world();
    w.name = "Hope's circle".to_string();
    w.testimonies.push(quote(
        3,
        &"long ".repeat(200_000),
        Attribution::ByRole("a mentor".to_string()),
        Some(1),
    ));
    let b = blocked(&w, &strict());
    assert_eq!(b.reasons.len(), 3, "{:?}", b.reasons);
    assert!(b.reasons[0].starts_with("The programme's name contains a name"));
    assert!(b.reasons[2].starts_with("Testimony 3 is too long (1000000 characters)"));
}

#[test]
fn the_shareable_json_has_no_field_that_could_carry_an_id_or_a_person() {
    let mut w = world();
    redact_all_items(&mut w);
    let out = json(&cleared(&w, &strict()).shareable);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut keys = std::collections::BTreeSet::new();
    fn walk(v: &serde_json::Value, keys: &mut std::collections::BTreeSet<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    keys.insert(k.clone());
                    walk(v, keys);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, keys)),
            _ => {}
        }
    }
    walk(&value, &mut keys);
    for k in &keys {
        assert!(
            !["id", "name", "participant", "pair", "table", "note", "plan"]
                .iter()
                .any(|bad| k.contains(bad)),
            "field {k}"
        );
    }
}

#[test]
fn a_draft_testimony_starts_only_from_a_consented_item() {
    let w = world();
    let s = &w.sessions[0];
    let t = Testimony::draft(7, s, 1, "a mentor").unwrap();
    assert_eq!(t.text, "Listening before advising");
    assert_eq!(t.attribution, Attribution::ByRole("a mentor".to_string()));
    assert_eq!(
        Testimony::draft(7, s, 2, "a mentor"),
        Err(TestimonyError::NotConsented(2))
    );
    assert!(Testimony::draft(7, s, 2, "a mentor")
        .unwrap_err()
        .to_string()
        .contains("not consented"));
    assert_eq!(
        Testimony::draft(7, s, 3, "a mentor"),
        Err(TestimonyError::NotConsented(3)),
        "objected"
    );
    assert!(
        matches!(
            Testimony::draft(7, s, 99, "a mentor"),
            Err(TestimonyError::Item(_))
        ),
        "missing"
    );
    let mut t = t;
    assert!(t.edit_text("   ").is_err());
    t.edit_text("Listen first.").unwrap();
    assert_eq!(t.text, "Listen first.");
}

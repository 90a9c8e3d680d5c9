//! Contact notes, the private words of an ending (a pair's, a member leaving a group, a
//! group's), the safety card and what was done about a
//! safety concern never leave the device. Three checks:
//! - type level: `PrivateText` has no `Display`, `AsRef<str>`, `Deref`, `Borrow<str>` or
//!   conversion into `String`, so it cannot be formatted or converted into a shared field;
//! - source level: no code of the share gate reads private words (`on_this_device`) or the
//!   records that hold them;
//! - property: whatever those words say, no file any export makes contains them.

use peercircle::domain::followup::{Asked, CheckIn, Contact, ContactWay};
use peercircle::domain::group_life::{
    ClosingPrompt, Departure, GoodbyePrompt, GroupEnding, Leaving,
};
use peercircle::domain::mentoring::{Closure, ClosureReason, Ending, LifeRules, MentoringPair};
use peercircle::domain::private::PrivateText;
use peercircle::domain::programme::GroupKind;
use peercircle::domain::roster::Role;
use peercircle::domain::workspace::Workspace;
use peercircle::domain::Date;
use peercircle::share::export::{FileKind, Material};
use proptest::prelude::*;
use std::fs;
use std::path::Path;

/// Fails to compile when `$t` implements `$tr` (the same trick as `static_assertions`'s
/// `assert_not_impl_any!`: with the trait implemented, the call below is ambiguous).
macro_rules! assert_not_impl {
    ($t:ty: $($tr:path),+) => {$({
        trait AmbiguousIfImpl<A> {
            fn some_item() {}
        }
        impl<T: ?Sized> AmbiguousIfImpl<()> for T {}
        #[allow(dead_code)]
        struct Invalid;
        impl<T: ?Sized + $tr> AmbiguousIfImpl<Invalid> for T {}
        let _ = <$t as AmbiguousIfImpl<_>>::some_item;
    })+};
}

#[test]
fn private_words_cannot_be_formatted_or_converted_into_text() {
    assert_not_impl!(PrivateText: std::fmt::Display, AsRef<str>, std::ops::Deref,
        std::borrow::Borrow<str>, Into<String>, ToString);
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_share_code_reads_private_words_or_the_records_holding_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/share");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() > 10, "the share sources were found");
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for word in [
            "on_this_device",
            "PrivateText",
            ".contacts",
            "contacts_of",
            ".closure",
            "safety_card",
            "safety_open",
            ".interventions",
            "group_life",
            "departures",
            "group_ending",
            "Departure",
            "GroupEnding",
        ] {
            assert!(
                !text.contains(word),
                "{} uses {word}: private words must not reach the share gate",
                file.display()
            );
        }
    }
}

fn day(n: i32) -> Date {
    Date::from_ymd(2026, 9, 1).unwrap().add_days(n)
}

fn workspace(secret: &str, early: bool) -> Workspace {
    let mut ws = Workspace::default();
    let pid = ws.create_programme("Nursing mentors").unwrap();
    let gid = ws.fresh_id();
    let p = ws.programme_mut(pid).unwrap();
    p.add_group(gid, "Mentor circle", GroupKind::MentorSupport)
        .unwrap();
    let r = LifeRules::default();
    let mut x = MentoringPair {
        id: 500,
        members: vec![1, 2],
        confirmed: Some(day(0)),
        ..MentoringPair::default()
    };
    x.life = Default::default();
    x.agree(r, 1, day(1)).unwrap();
    x.agree(r, 2, day(1)).unwrap();
    x.hold_first_meeting(r, day(2)).unwrap();
    x.sign(r, day(2)).unwrap();
    let f = &mut p.followup;
    f.set_safety_card(secret).unwrap();
    f.add_contact(
        Contact {
            id: 600,
            pair: 500,
            with: vec![1, 2],
            date: Some(day(3)),
            how: ContactWay::Phone,
            asked: Asked::ALL.into_iter().collect(),
            concern: true,
            notes: PrivateText::new(secret).unwrap(),
        },
        &x,
    )
    .unwrap();
    f.add_checkin(CheckIn {
        id: 601,
        pair: 500,
        date: Some(day(4)),
        improve: secret.to_string(),
        concern: true,
        ..CheckIn::default()
    })
    .unwrap();
    f.record_safety_action(602, 500, day(5), secret).unwrap();
    let mut c = Closure::new(day(40), &[1, 2]);
    c.ending = if early {
        Ending::Early
    } else {
        Ending::Planned
    };
    c.reason = ClosureReason::Other;
    c.words = PrivateText::new(secret).unwrap();
    x.close(r, c).unwrap();
    p.mentoring.pairs.push(x);
    // A member leaving one group, and another group ending, each with private words.
    p.add_participant(700, "Ana Costa", Role::Peer).unwrap();
    p.set_membership(700, gid, true).unwrap();
    p.record_departure(
        gid,
        Departure {
            person: 700,
            on: Some(day(30)),
            leaving: Leaving::Planned,
            talked: [GoodbyePrompt::Appreciations].into(),
            words: PrivateText::new(secret).unwrap(),
        },
    )
    .unwrap();
    p.add_group(701, "Old circle", GroupKind::Peer).unwrap();
    p.end_group(
        701,
        GroupEnding {
            on: Some(day(50)),
            talked: ClosingPrompt::ALL.into_iter().collect(),
            words: PrivateText::new(secret).unwrap(),
        },
    )
    .unwrap();
    ws
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn no_contact_note_closure_words_or_safety_text_reaches_any_file(
        secret in "[A-Za-z]{6,12}zq[A-Za-z ]{0,20}",
        early in any::<bool>(),
    ) {
        let ws = workspace(&secret, early);
        // The words are really stored, so the check below is not vacuous.
        let stored = serde_json::to_string(&ws.programmes[0]).unwrap();
        prop_assert!(stored.contains(secret.trim()));
        let material = Material::of(&ws, ws.programmes[0].id).unwrap();
        let needle = secret.trim().to_lowercase();
        for kind in FileKind::ALL {
            // Each kind through the gate with its own policy: the report and the programme
            // file carry the relationship figures too.
            let cleared = material.run(day(60), &material.policy(kind)).unwrap();
            let text = kind.render(&cleared).to_lowercase();
            prop_assert!(!text.contains(&needle), "{:?} holds private words", kind);
        }
    }
}

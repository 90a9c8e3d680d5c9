//! Property tests: any sequence of facilitator actions keeps the session valid, a refused
//! action changes nothing, and stepping back then forward again loses nothing.

use super::*;
use proptest::prelude::*;

/// A facilitator action with small numbers, mapped onto whatever exists at the time.
#[derive(Clone, Debug)]
enum Action {
    Present(u8),
    Absent(u8),
    Guests(u8),
    Advance,
    Back,
    FormPairs(u64),
    MovePerson(u8, Option<u8>),
    Swap(u8, u8),
    ClearPairs,
    AddPoint(u8, u8, String),
    EditPoint(u8, u8, u8, String),
    RemovePoint(u8, u8, u8),
    FormTables(u8),
    MovePair(u8, Option<u8>),
    ClearTables,
    BringTable(u8),
    BringAll,
    AddItem(String, bool),
    EditItem(u8, String),
    RemoveItem(u8),
    Merge(u8, u8),
    Unmerge(u8, u8),
    SetAgreement(u8, u8),
    AgreeMore(u8),
    AgreeLess(u8),
    Shareable(u8),
    Internal(u8),
    Object(u8),
    ClearObjection(u8),
    ConsentQuestion(String),
    /// Text typed into a box (0-2: pair, table, minority; 3: a new flip-chart item).
    SetDraft(u8, u8, String),
    CommitDraft(u8, u8),
    /// Saved and read back, as a reload does: seating is never stored.
    Reload,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![1 => Just(String::new()), 1 => Just("  ".to_string()), 6 => "[a-z ]{1,12}"]
}

fn action() -> impl Strategy<Value = Action> {
    use Action::*;
    let small = || 0u8..12;
    prop_oneof![
        2 => small().prop_map(Present),
        1 => small().prop_map(Absent),
        1 => (0u8..5).prop_map(Guests),
        3 => Just(Advance),
        3 => Just(Back),
        2 => any::<u64>().prop_map(FormPairs),
        2 => (small(), proptest::option::of(small())).prop_map(|(a, b)| MovePerson(a, b)),
        1 => (small(), small()).prop_map(|(a, b)| Swap(a, b)),
        1 => Just(ClearPairs),
        4 => (0u8..3, small(), text()).prop_map(|(k, n, t)| AddPoint(k, n, t)),
        1 => (0u8..3, small(), 0u8..3, text()).prop_map(|(k, n, i, t)| EditPoint(k, n, i, t)),
        1 => (0u8..3, small(), 0u8..3).prop_map(|(k, n, i)| RemovePoint(k, n, i)),
        2 => (1u8..5).prop_map(FormTables),
        1 => (small(), proptest::option::of(small())).prop_map(|(a, b)| MovePair(a, b)),
        1 => Just(ClearTables),
        1 => small().prop_map(BringTable),
        2 => Just(BringAll),
        2 => (text(), any::<bool>()).prop_map(|(t, m)| AddItem(t, m)),
        1 => (small(), text()).prop_map(|(n, t)| EditItem(n, t)),
        1 => small().prop_map(RemoveItem),
        5 => (small(), small()).prop_map(|(a, b)| Merge(a, b)),
        4 => (small(), small()).prop_map(|(a, b)| Unmerge(a, b)),
        2 => (small(), 0u8..20).prop_map(|(n, c)| SetAgreement(n, c)),
        2 => small().prop_map(AgreeMore),
        1 => small().prop_map(AgreeLess),
        2 => small().prop_map(Shareable),
        1 => small().prop_map(Internal),
        2 => small().prop_map(Object),
        1 => small().prop_map(ClearObjection),
        1 => text().prop_map(ConsentQuestion),
        3 => (0u8..4, small(), text()).prop_map(|(k, n, t)| SetDraft(k, n, t)),
        1 => (0u8..4, small()).prop_map(|(k, n)| CommitDraft(k, n)),
        1 => Just(Reload),
    ]
}

// Picks the i-th element cyclically, so small numbers usually hit something that exists.
fn pick<T: Copy>(items: &[T], i: u8) -> Option<T> {
    (!items.is_empty()).then(|| items[usize::from(i) % items.len()])
}

fn apply(s: &mut Session, action: &Action) -> Result<(), SessionError> {
    let day = Date::from_ymd(2026, 11, 24).ok_or(SessionError::NoSuchPoint)?;
    let people = s.people();
    let pairs: Vec<u32> = s.pairs().iter().map(|p| p.number).collect();
    let tables: Vec<u32> = s.tables().iter().map(|t| t.number).collect();
    let items: Vec<u32> = s.items().iter().map(|i| i.number).collect();
    let item = |i: u8| pick(&items, i).unwrap_or(999);
    let target = |kind: u8, n: u8| match kind {
        0 => AnswerBox::Pair(pick(&pairs, n).unwrap_or(999)),
        1 => AnswerBox::TableConsensus(pick(&tables, n).unwrap_or(999)),
        _ => AnswerBox::TableMinority(pick(&tables, n).unwrap_or(999)),
    };
    let seat = |i: u8| pick(&people, i).unwrap_or(Seat::Guest(999));
    let place = |kind: u8, n: u8| match kind {
        3 => DraftBox::NewItem,
        k => DraftBox::Answer(target(k, n)),
    };
    match action {
        Action::Present(m) => s.mark_present(100 + Id::from(*m)),
        Action::Absent(m) => s.mark_absent(100 + Id::from(*m)),
        Action::Guests(g) => s.set_guests(u32::from(*g)),
        Action::Advance => s.advance(),
        Action::Back => s.step_back(),
        Action::FormPairs(seed) => s.form_pairs(*seed),
        Action::MovePerson(p, to) => s
            .move_person(seat(*p), to.and_then(|t| pick(&pairs, t)))
            .map(drop),
        Action::Swap(a, b) => s.swap_people(seat(*a), seat(*b)),
        Action::ClearPairs => s.clear_pairs(),
        Action::AddPoint(k, n, t) => s.add_point(target(*k, *n), t),
        Action::EditPoint(k, n, i, t) => s.edit_point(target(*k, *n), usize::from(*i), t),
        Action::RemovePoint(k, n, i) => s.remove_point(target(*k, *n), usize::from(*i)),
        Action::FormTables(size) => s.form_tables(u32::from(*size)),
        Action::MovePair(p, to) => {
            let pair = pick(&pairs, *p).unwrap_or(999);
            s.move_pair(pair, to.and_then(|t| pick(&tables, t)))
                .map(drop)
        }
        Action::ClearTables => s.clear_tables(),
        Action::BringTable(t) => s.bring_table_answers(pick(&tables, *t).unwrap_or(999)),
        Action::BringAll => s.bring_all_table_answers(),
        Action::AddItem(t, minority) => s.add_item(t, *minority).map(drop),
        Action::EditItem(n, t) => s.edit_item(item(*n), t),
        Action::RemoveItem(n) => s.remove_item(item(*n)),
        Action::Merge(a, b) => s.merge_items(item(*a), item(*b)),
        Action::Unmerge(a, b) => {
            let into = item(*a);
            let merged: Vec<u32> = s
                .item(into)
                .map(|i| i.merged.iter().map(|m| m.number).collect())
                .unwrap_or_default();
            s.unmerge_item(into, pick(&merged, *b).unwrap_or(999))
        }
        Action::SetAgreement(n, c) => s.set_agreement(item(*n), u32::from(*c)),
        Action::AgreeMore(n) => s.agree_more(item(*n)),
        Action::AgreeLess(n) => s.agree_less(item(*n)),
        Action::Shareable(n) => s.mark_shareable(item(*n), day),
        Action::Internal(n) => s.mark_internal(item(*n), day),
        Action::Object(n) => s.record_objection(item(*n), day),
        Action::ClearObjection(n) => s.clear_objection(item(*n)),
        Action::ConsentQuestion(t) => s.set_consent_question(t),
        Action::SetDraft(k, n, t) => s.set_draft(place(*k, *n), t),
        Action::CommitDraft(k, n) => s.commit_draft(place(*k, *n), false),
        Action::Reload => {
            let json = serde_json::to_string(s).map_err(|_| SessionError::NoSuchPoint)?;
            *s = serde_json::from_str(&json).map_err(|_| SessionError::NoSuchPoint)?;
            Ok(())
        }
    }
}

/// A session walked by the usual route to step `upto` (0 = attendance … 6 = closed), so the
/// random actions start from every step with realistic data, not only from an empty room.
fn prepared(members: u8, guests: u8, seed: u64, upto: usize) -> Session {
    let question = SessionQuestion::one_off("What helped this month?").unwrap();
    let mut s = Session::new(1, 2, Date::from_ymd(2026, 11, 24).unwrap(), question).unwrap();
    for m in 0..members {
        s.mark_present(100 + Id::from(m)).unwrap();
    }
    s.set_guests(u32::from(guests)).unwrap();
    let route = [
        Action::Advance,
        Action::FormPairs(seed),
        Action::AddPoint(0, 0, "we agree".into()),
        Action::AddPoint(0, 1, "listen first".into()),
        Action::Advance,
        Action::FormTables(2 + (seed % 2) as u8),
        Action::AddPoint(1, 0, "ask first".into()),
        Action::AddPoint(1, 1, "listen".into()),
        Action::AddPoint(2, 0, "not everyone agreed".into()),
        Action::Advance,
        Action::BringAll,
        Action::Advance,
        Action::SetAgreement(0, 2),
        Action::Advance,
        Action::Shareable(1),
        Action::Advance,
    ];
    let stops = [0, 4, 9, 11, 13, 15, 16];
    for action in &route[..stops[upto.min(6)]] {
        if apply(&mut s, action).is_err() {
            break;
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_of_actions_keeps_the_session_valid(
        start in (0u8..10, 0u8..4, any::<u64>(), 0usize..7),
        actions in proptest::collection::vec(action(), 1..80),
    ) {
        let mut s = prepared(start.0, start.1, start.2, start.3);
        prop_assert!(s.validate().is_ok());
        for action in &actions {
            let before = s.clone();
            match apply(&mut s, action) {
                Ok(()) => {}
                Err(_) => prop_assert_eq!(&s, &before, "refused {:?} changed things", action),
            }
            if let Err(e) = s.validate() {
                prop_assert!(false, "after {:?}: {}", action, e);
            }
            let seated = s.pairs().iter().any(|p| !s.pair_members(p.number).is_empty());
            prop_assert!(s.tables().is_empty() || !seated, "seating kept beside tables");
            let people = s.people_present();
            prop_assert!(s.items().iter().all(|i| i.agree <= people));
            // What is stored never says who sat in which pair, at any step.
            let stored = serde_json::to_string(&s).unwrap();
            prop_assert!(!stored.contains("\"seats\"") && !stored.contains("Member"), "{}", stored);
        }
        // Stepping back and forward again is lossless, wherever the actions left us: typed
        // drafts of the earlier step are added on the way forward, nothing else changes.
        let here = s.clone();
        if s.step_back().is_ok() {
            let earlier = s.phase();
            let typed: Vec<String> = s
                .drafts()
                .iter()
                .filter(|d| d.place.phase() == earlier)
                .map(|d| d.text.trim().to_string())
                .collect();
            prop_assert!(s.advance().is_ok());
            if typed.is_empty() {
                prop_assert_eq!(&s, &here);
            } else {
                let json = serde_json::to_string(&s).unwrap();
                for t in typed {
                    prop_assert!(json.contains(&t), "draft {} lost", t);
                }
            }
        }
        // A reload keeps everything but the seating, and the result is valid.
        let json = serde_json::to_string(&s).unwrap();
        let back = serde_json::from_str::<Session>(&json).unwrap();
        prop_assert!(back.validate().is_ok());
        let mut expected = s.clone();
        expected.seats.clear();
        prop_assert_eq!(back, expected);
    }
}

//! Builders shared by the share tests and the share benchmark: sessions are made through the
//! session runner's public API, step by step, the way a facilitator would run them.
#![allow(dead_code)]

use peercircle::domain::disclosure::Release;
use peercircle::domain::programme::GroupKind;
use peercircle::domain::session::{Session, SessionQuestion};
use peercircle::domain::testimony::Testimony;
use peercircle::domain::{Date, Id};
use peercircle::share::gate::{GateInput, GroupInfo, NameDecisions, QuoteApproval};
use peercircle::share::scrub::RosterName;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consent {
    Share,
    Internal,
    Object,
    /// The consent question was never answered for it.
    Undecided,
}

#[derive(Clone, Debug)]
pub struct ItemSpec {
    pub text: String,
    pub agree: u32,
    pub consent: Consent,
    pub minority: bool,
}

pub fn item(text: &str, agree: u32, consent: Consent) -> ItemSpec {
    ItemSpec {
        text: text.to_string(),
        agree,
        consent,
        minority: false,
    }
}

pub fn date(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).unwrap()
}

/// A closed session with `members` present plus `guests`, and the items as given. At least two
/// people must be present (the runner will not form pairs otherwise).
pub fn session(
    id: Id,
    group: Id,
    on: Date,
    question: &str,
    members: &[Id],
    guests: u32,
    items: &[ItemSpec],
) -> Session {
    let mut s = Session::new(id, group, on, SessionQuestion::one_off(question).unwrap()).unwrap();
    for &m in members {
        s.mark_present(m).unwrap();
    }
    s.set_guests(guests).unwrap();
    s.advance().unwrap();
    s.form_pairs(id).unwrap();
    s.advance().unwrap();
    s.form_tables(2).unwrap();
    s.advance().unwrap();
    if items.is_empty() {
        return s;
    }
    let numbers: Vec<u32> = items
        .iter()
        .map(|i| s.add_item(&i.text, i.minority).unwrap())
        .collect();
    s.advance().unwrap();
    for (n, i) in numbers.iter().zip(items) {
        s.set_agreement(*n, i.agree).unwrap();
    }
    s.advance().unwrap();
    for (&n, i) in numbers.iter().zip(items) {
        match i.consent {
            Consent::Share => s.mark_shareable(n, on).unwrap(),
            Consent::Internal => s.mark_internal(n, on).unwrap(),
            Consent::Object => s.record_objection(n, on).unwrap(),
            Consent::Undecided => {}
        }
    }
    s.advance().unwrap();
    s
}

pub fn roster(names: &[(Id, &str)]) -> Vec<RosterName> {
    names
        .iter()
        .map(|&(id, name)| RosterName {
            id,
            display_name: name.to_string(),
            nicknames: Vec::new(),
        })
        .collect()
}

/// Everything a gate call borrows, owned in one place.
pub struct World {
    pub name: String,
    pub groups: Vec<GroupInfo>,
    pub roster: Vec<RosterName>,
    pub approvals: Vec<QuoteApproval>,
    pub sessions: Vec<Session>,
    pub testimonies: Vec<Testimony>,
    pub names: NameDecisions,
    pub today: Date,
    pub ledger: Vec<Release>,
    pub relationships: Vec<peercircle::share::gate::RelationshipFacts>,
}

impl World {
    pub fn new(roster: Vec<RosterName>, sessions: Vec<Session>) -> World {
        let members = u32::try_from(roster.len()).unwrap();
        World {
            name: "Northside peer mentoring".to_string(),
            groups: vec![
                GroupInfo {
                    id: 1,
                    kind: GroupKind::MentorSupport,
                    members,
                },
                GroupInfo {
                    id: 2,
                    kind: GroupKind::ProtegeSupport,
                    members,
                },
            ],
            roster,
            approvals: Vec::new(),
            sessions,
            testimonies: Vec::new(),
            names: NameDecisions::default(),
            today: date(2026, 12, 1),
            ledger: Vec::new(),
            relationships: Vec::new(),
        }
    }

    pub fn input(&self) -> GateInput<'_> {
        GateInput {
            programme_name: &self.name,
            groups: &self.groups,
            roster: &self.roster,
            approvals: &self.approvals,
            sessions: &self.sessions,
            testimonies: &self.testimonies,
            names: &self.names,
            today: self.today,
            survey: None,
            ledger: &self.ledger,
            relationships: &self.relationships,
        }
    }
}

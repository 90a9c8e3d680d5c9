//! What may leave the device. Every type here is built only by the gate, and none has a field
//! that can hold a participant's name, an id, a pair or table answer, a check-in note or a
//! follow-up plan: free text comes only from scrubbed consented items, scrubbed questions and
//! testimonies, and the one attribution field holds a role phrase or an approved name.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::programme::GroupKind;
use crate::domain::Date;
use crate::share::suppress::{Count, Stat, K};

/// A calendar month: the finest date an export shows, so no meeting can be pinned to a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    pub fn of(date: Date) -> Month {
        let (year, month, _) = date.ymd();
        Month { year, month }
    }

    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    /// "November 2026", for reports people read.
    pub fn long_name(self) -> String {
        const NAMES: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let name = NAMES.get(self.month as usize - 1).copied().unwrap_or("?");
        format!("{name} {}", self.year)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let bad = || serde::de::Error::custom(format!("“{text}” is not a month like 2026-11"));
        let (y, m) = text.split_once('-').ok_or_else(bad)?;
        let (y, m) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        Month::new(y, m).ok_or_else(bad)
    }
}

/// The content of every export file. Built by `gate` (from local data) or `combine` (from
/// other devices' files); each format is a pure function of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shareable {
    /// The programme's name after the name scrub, or a neutral title.
    pub title: String,
    /// The threshold the figures were suppressed with.
    pub k: K,
    /// First and last month covered; `None` when no session is included.
    pub period: Option<(Month, Month)>,
    pub sessions: Vec<SharedSession>,
    /// In a shuffled order, so their order says nothing about who spoke when.
    pub testimonies: Vec<SharedTestimony>,
    pub attendance: Vec<MonthAttendance>,
    pub figures: ProgrammeFigures,
    /// Outcomes survey aggregates, suppressed below k; absent from files made before it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub survey: Vec<super::SharedSurveyPoint>,
    /// One-to-one relationship figures; absent where none began or the file has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationships: Option<super::SharedRelationships>,
    /// "How was today's meeting?" over the meetings in the file; absent where none took it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_feedback: Option<super::SharedFeedback>,
}

impl Shareable {
    /// Puts the parts together; the period runs from the first session's month to the last's
    /// (sessions come in date order). Used by the gate and by combine alike.
    pub(crate) fn assemble(
        title: String,
        k: K,
        sessions: Vec<SharedSession>,
        testimonies: Vec<SharedTestimony>,
        attendance: Vec<MonthAttendance>,
        figures: ProgrammeFigures,
    ) -> Shareable {
        let period = sessions
            .first()
            .zip(sessions.last())
            .map(|(a, b)| (a.month, b.month));
        Shareable {
            title,
            k,
            period,
            sessions,
            testimonies,
            attendance,
            figures,
            survey: Vec::new(),
            relationships: None,
            meeting_feedback: None,
        }
    }
}

/// One meeting: when (to the month), which kind of group, what was asked and what the group
/// agreed to share.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedSession {
    pub month: Month,
    pub group: GroupKind,
    pub question: String,
    /// Members and guests present: the most who could agree with an item.
    pub present: Count,
    /// Every item on the flip chart, shared or not; items are the group's, not people.
    pub items_recorded: u32,
    pub items: Vec<SharedItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedItem {
    pub text: String,
    /// A table's minority report rather than its consensus.
    pub minority: bool,
    pub agree: Count,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedTestimony {
    pub text: String,
    /// "a first-year protege", or a name the person approved in writing for this use.
    pub attribution: String,
    /// Present when `attribution` is a name: the uses the person's written approval covers
    /// and the role to credit instead, so a file combined for another use falls back to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub named: Option<NamedCredit>,
}

/// A named credit's declared approval, carried with the quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedCredit {
    pub uses: Vec<super::QuoteUse>,
    pub role: String,
}

/// Attendance in one month, as a rate of the groups' members (guests are not counted).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthAttendance {
    pub month: Month,
    pub sessions: u32,
    pub rate: Stat,
}

/// Whole-programme figures for the evaluation report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeFigures {
    pub sessions_held: u32,
    /// Different members who came at least once, plus guests where they can be counted.
    pub people: Count,
    /// Members present out of members expected, across all included sessions.
    pub attendance_rate: Stat,
    /// Flip-chart items recorded per session, shared or not.
    pub items_per_session: Stat,
    /// Share of recorded items the groups consented to share.
    pub consent_rate: Stat,
}

impl Shareable {
    /// Every count in the content, for checks and for the preview's "n counts suppressed".
    pub fn counts(&self) -> impl Iterator<Item = Count> + '_ {
        let per_session = self
            .sessions
            .iter()
            .flat_map(|s| std::iter::once(s.present).chain(s.items.iter().map(|i| i.agree)));
        per_session
            .chain(std::iter::once(self.figures.people))
            .chain(super::survey_counts(&self.survey))
            .chain(self.relationships.iter().flat_map(|r| r.counts()))
            .chain(self.meeting_feedback.iter().map(|f| f.responses))
    }

    /// Every free text in the content, for checks (the property tests scan these for names).
    pub fn texts(&self) -> impl Iterator<Item = &str> + '_ {
        let sessions = self.sessions.iter().flat_map(|s| {
            std::iter::once(s.question.as_str()).chain(s.items.iter().map(|i| i.text.as_str()))
        });
        let quotes = self.testimonies.iter().flat_map(|t| {
            [t.text.as_str(), t.attribution.as_str()]
                .into_iter()
                .chain(t.named.iter().map(|n| n.role.as_str()))
        });
        std::iter::once(self.title.as_str())
            .chain(sessions)
            .chain(quotes)
    }
}

/// Words for a kind of group in a report.
pub fn group_words(kind: GroupKind) -> &'static str {
    match kind {
        GroupKind::MentorSupport => "Mentor peer support group",
        GroupKind::ProtegeSupport => "Protege peer support group",
        GroupKind::Peer => "Peer mentoring group",
        // The gate leaves such meetings out (see `LeftOut::sessions_of_unknown_kind`).
        GroupKind::Unknown => "A kind of group this version does not know",
    }
}

//! The group's guidelines as a card to read aloud at the start of a meeting: the parts of the
//! working agreement about how members are with each other in the room, taken from the version
//! everyone last agreed (a draft only when nothing has been agreed yet, and said to be one).

use super::Term;
use crate::domain::programme::Programme;
use crate::domain::{Date, Id};
use serde::{Deserialize, Serialize};

/// The parts of the working agreement read aloud, in the order they are read. Logistics,
/// meeting times and how to renegotiate are for the charter, not for the start of a meeting.
pub const READ_ALOUD: [Term; 5] = [
    Term::GroundRules,
    Term::Confidentiality,
    Term::Feedback,
    Term::PresenterMinutes,
    Term::Attendance,
];

/// One part of the card: its heading and its lines, one thing to say each.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidelinePart {
    pub title: String,
    pub lines: Vec<String>,
}

/// Where the card's words come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "source", rename_all = "kebab-case")]
pub enum GuidelinesSource {
    /// The group has written no working agreement yet.
    #[default]
    Missing,
    /// Written, never agreed: shown, and said to be a draft.
    Draft,
    /// The agreed version, which is also the current text.
    Agreed { version: usize, on: Date },
    /// The agreed version, while a changed draft waits to be agreed (the card reads the
    /// agreed words: what everyone signed up to).
    ChangedSince { version: usize, on: Date },
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guidelines {
    pub group_name: String,
    pub source: GuidelinesSource,
    pub parts: Vec<GuidelinePart>,
}

impl Guidelines {
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// One line under the card's heading saying where the words come from.
    pub fn source_line(&self) -> String {
        match self.source {
            GuidelinesSource::Missing => {
                "This group has not written its working agreement yet.".to_string()
            }
            GuidelinesSource::Draft => {
                "A draft: the group has not agreed these guidelines yet.".to_string()
            }
            GuidelinesSource::Agreed { version, on } => {
                format!("From the working agreement, version {version}, agreed on {on}.")
            }
            GuidelinesSource::ChangedSince { version, on } => format!(
                "From the working agreement, version {version}, agreed on {on}. Changes since \
                 then are not read out until everyone agrees them."
            ),
        }
    }
}

/// The lines of one part: one a line as typed, list marks ("-", "*", "•") taken off.
fn lines_of(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            let l = l.trim();
            l.strip_prefix(['-', '*', '•', '–'])
                .map_or(l, str::trim_start)
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

fn parts_of(terms: &super::WorkingAgreement) -> Vec<GuidelinePart> {
    READ_ALOUD
        .iter()
        .map(|t| GuidelinePart {
            title: t.label().to_string(),
            lines: lines_of(terms.get(*t)),
        })
        .filter(|p| !p.lines.is_empty())
        .collect()
}

impl Programme {
    /// The card for a group's meetings.
    pub fn guidelines(&self, group: Id) -> Guidelines {
        let group_name = self
            .group(group)
            .map(|g| g.name.clone())
            .unwrap_or_default();
        let charter = self.charter(group);
        let (source, parts) = match charter {
            None => (GuidelinesSource::Missing, Vec::new()),
            Some(c) => match c.versions.last() {
                Some(v) if v.terms == c.working => (
                    GuidelinesSource::Agreed {
                        version: v.number,
                        on: v.agreed_on,
                    },
                    parts_of(&v.terms),
                ),
                Some(v) => (
                    GuidelinesSource::ChangedSince {
                        version: v.number,
                        on: v.agreed_on,
                    },
                    parts_of(&v.terms),
                ),
                None => {
                    let parts = parts_of(&c.working);
                    let source = if parts.is_empty() {
                        GuidelinesSource::Missing
                    } else {
                        GuidelinesSource::Draft
                    };
                    (source, parts)
                }
            },
        };
        Guidelines {
            group_name,
            source,
            parts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::charter::Stage;
    use crate::domain::programme::GroupKind;

    fn programme() -> Programme {
        let mut p = Programme::new(1, "P").unwrap();
        p.add_group(2, "Mentor circle", GroupKind::MentorSupport)
            .unwrap();
        p
    }

    fn day() -> Date {
        Date::from_ymd(2026, 10, 5).unwrap()
    }

    #[test]
    fn a_group_without_an_agreement_has_an_empty_card_that_says_so() {
        let p = programme();
        let g = p.guidelines(2);
        assert!(g.is_empty());
        assert_eq!(g.source, GuidelinesSource::Missing);
        assert_eq!(g.group_name, "Mentor circle");
        // Only logistics written: nothing to read aloud, still "missing".
        let mut p = programme();
        p.set_term(2, Term::Logistics, "Sam books the room")
            .unwrap();
        assert_eq!(p.guidelines(2).source, GuidelinesSource::Missing);
    }

    #[test]
    fn a_draft_is_read_and_called_a_draft() {
        let mut p = programme();
        p.set_term(
            2,
            Term::GroundRules,
            "- Listen first\n\n* One voice at a time\n",
        )
        .unwrap();
        let g = p.guidelines(2);
        assert_eq!(g.source, GuidelinesSource::Draft);
        assert_eq!(g.parts.len(), 1);
        assert_eq!(g.parts[0].title, "Ground rules");
        assert_eq!(
            g.parts[0].lines,
            vec!["Listen first", "One voice at a time"]
        );
        assert!(g.source_line().contains("draft"));
    }

    #[test]
    fn the_agreed_version_is_read_in_order_and_later_edits_wait_for_agreement() {
        let mut p = programme();
        p.set_term(2, Term::Attendance, "Tell the chair if you cannot come")
            .unwrap();
        p.set_term(2, Term::Confidentiality, "What is said here stays here")
            .unwrap();
        p.set_term(2, Term::GroundRules, "Listen first").unwrap();
        p.set_term(2, Term::Logistics, "Sam books the room")
            .unwrap();
        p.agree_stage(2, Stage::WorkingAgreement, day()).unwrap();
        let g = p.guidelines(2);
        assert_eq!(
            g.source,
            GuidelinesSource::Agreed {
                version: 1,
                on: day()
            }
        );
        let titles: Vec<&str> = g.parts.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(
            titles,
            vec!["Ground rules", "Confidentiality", "Commitment to attend"],
            "read-aloud parts only, in reading order"
        );
        p.set_term(2, Term::GroundRules, "Shout whenever you like")
            .unwrap();
        let g = p.guidelines(2);
        assert!(matches!(
            g.source,
            GuidelinesSource::ChangedSince { version: 1, .. }
        ));
        assert_eq!(g.parts[0].lines, vec!["Listen first"], "the agreed words");
        assert!(g
            .source_line()
            .contains("not read out until everyone agrees"));
    }

    #[test]
    fn an_unknown_group_gets_an_empty_card() {
        let g = programme().guidelines(99);
        assert!(g.is_empty());
        assert_eq!(g.group_name, "");
    }
}

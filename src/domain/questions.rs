//! The question bank a facilitator picks a session's question from: a starter set for mentor,
//! protege and peer groups (after Sweeny's examples, in our own words) plus the facilitator's
//! own questions, tagged by audience and theme. Questions are retired, never deleted.

use crate::domain::Id;
use serde::{Deserialize, Serialize};

/// Longest question accepted: it has to fit on a projected flip chart.
pub const MAX_QUESTION: usize = 400;
/// Longest theme tag accepted.
pub const MAX_THEME: usize = 60;
/// Theme given to a question when the facilitator leaves the theme blank.
pub const DEFAULT_THEME: &str = "general";

/// Which kind of group a question is written for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Audience {
    /// A mentor peer support group.
    Mentor,
    /// A protege peer support group (meets separately from the mentors).
    Protege,
    /// A peer group where everyone is both mentor and mentee.
    Peer,
    /// Suits any group.
    #[default]
    Any,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl Audience {
    pub const ALL: [Audience; 4] = [
        Audience::Mentor,
        Audience::Protege,
        Audience::Peer,
        Audience::Any,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Audience::Mentor => "Mentors",
            Audience::Protege => "Proteges",
            Audience::Peer => "Peer group",
            Audience::Any => "Any group",
            Audience::Unknown => "A group this version does not know",
        }
    }

    /// Whether a question for `self` may be offered to a group of `group` kind.
    pub fn suits(self, group: Audience) -> bool {
        self == Audience::Any || group == Audience::Any || self == group
    }
}

/// One question in the bank. A session copies the text in, so later edits never rewrite
/// what an earlier meeting was asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub audience: Audience,
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Retired questions are kept for the record but not offered for new sessions.
    #[serde(default)]
    pub retired: bool,
    /// Written by the facilitator rather than shipped in the starter set.
    #[serde(default)]
    pub own: bool,
}

fn default_theme() -> String {
    DEFAULT_THEME.to_string()
}

/// Problems with a question, worded for the facilitator.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QuestionError {
    #[error("Please write the question first.")]
    Empty,
    #[error("That {what} is too long ({len} characters). Please keep it under {max} characters.")]
    TooLong {
        what: &'static str,
        len: usize,
        max: usize,
    },
    #[error("That question no longer exists. It may have been removed.")]
    NotFound,
    #[error("That question is already in the bank.")]
    Duplicate,
    #[error("That question is already in the bank but retired. Bring it back instead.")]
    DuplicateRetired,
}

/// The starter set, one question a line: a data table, so it is kept unwrapped for reading.
#[rustfmt::skip]
const STARTERS: [(Audience, &str, &str); 18] = [
    (Audience::Mentor, "first month", "Looking back on your first month as a mentor, what have you learned about doing it well?"),
    (Audience::Mentor, "hardest part", "What has been the hardest part of mentoring so far, and what helped you with it?"),
    (Audience::Mentor, "training", "What do you wish mentor training had prepared you for, that it did not?"),
    (Audience::Mentor, "reluctant proteges", "What have you found that helps a reluctant protege become more open to your suggestions?"),
    (Audience::Mentor, "own growth", "How has being a mentor changed the way you do your own work?"),
    (Audience::Protege, "orientation", "What do you wish someone had told you in your first weeks here, that we should add to orientation next year?"),
    (Audience::Protege, "learning from your mentor", "What have you found helps you learn the most from your mentor?"),
    (Audience::Protege, "being new", "How does it feel to be new here, and what has made it easier?"),
    (Audience::Protege, "being a protege", "What is it like to have a mentor? What has it given you so far?"),
    (Audience::Protege, "becoming your best", "What have you learned lately about becoming the best you can be in your role?"),
    (Audience::Peer, "learning from each other", "What has someone in this group helped you see differently?"),
    (Audience::Peer, "challenges", "What challenge have you worked through lately, and what helped you through it?"),
    (Audience::Peer, "support", "When do you feel most supported in your work, and what makes the difference?"),
    (Audience::Peer, "new ideas", "What new idea have you tried since we last met, and how did it go?"),
    (Audience::Peer, "giving and receiving", "When have you been the mentor in this group, and when the mentee? What did each teach you?"),
    (Audience::Peer, "isolation", "What has helped you feel less alone in your work since joining this group?"),
    (Audience::Any, "recruitment", "What would you tell someone who is thinking about joining this programme?"),
    (Audience::Any, "programme improvement", "What should the programme keep doing next year, and what should it change?"),
];

/// The starter set: ids 1 to 18, none of them the facilitator's own.
pub fn starter_bank() -> Vec<Question> {
    STARTERS
        .iter()
        .zip(1..)
        .map(|(&(audience, theme, text), id)| Question {
            id,
            text: text.to_string(),
            audience,
            theme: theme.to_string(),
            retired: false,
            own: false,
        })
        .collect()
}

/// All the questions a facilitator has, in the order they were added.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionBank {
    #[serde(default)]
    questions: Vec<Question>,
}

impl QuestionBank {
    /// A bank holding the starter set.
    pub fn starter() -> QuestionBank {
        QuestionBank {
            questions: starter_bank(),
        }
    }

    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    pub fn get(&self, id: Id) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Questions that may be picked for a group of this kind, retired ones left out.
    pub fn offered_for(&self, group: Audience) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |q| !q.retired && q.audience.suits(group))
    }

    pub fn retired(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(|q| q.retired)
    }

    /// Every theme in use, sorted, each once.
    pub fn themes(&self) -> Vec<&str> {
        let mut themes: Vec<&str> = self.questions.iter().map(|q| q.theme.as_str()).collect();
        crate::domain::sort::sort(&mut themes);
        themes.dedup();
        themes
    }

    /// Adds the facilitator's own question and returns its id.
    pub fn add(
        &mut self,
        text: &str,
        audience: Audience,
        theme: &str,
    ) -> Result<Id, QuestionError> {
        let text = clean_question(text)?;
        let theme = clean_theme(theme)?;
        self.refuse_duplicate(&text, None)?;
        let id = self
            .questions
            .iter()
            .map(|q| q.id)
            .max()
            .unwrap_or(0)
            .saturating_add(1);
        self.questions.push(Question {
            id,
            text,
            audience,
            theme,
            retired: false,
            own: true,
        });
        Ok(id)
    }

    /// Rewords or re-tags a question. Sessions already run keep the wording they used.
    pub fn edit(
        &mut self,
        id: Id,
        text: &str,
        audience: Audience,
        theme: &str,
    ) -> Result<(), QuestionError> {
        let text = clean_question(text)?;
        let theme = clean_theme(theme)?;
        self.refuse_duplicate(&text, Some(id))?;
        let question = self
            .questions
            .iter_mut()
            .find(|q| q.id == id)
            .ok_or(QuestionError::NotFound)?;
        question.text = text;
        question.audience = audience;
        question.theme = theme;
        Ok(())
    }

    /// Stops offering a question. It stays in the bank so past sessions still make sense.
    pub fn retire(&mut self, id: Id) -> Result<(), QuestionError> {
        self.set_retired(id, true)
    }

    /// Brings a retired question back into use.
    pub fn reuse(&mut self, id: Id) -> Result<(), QuestionError> {
        self.set_retired(id, false)
    }

    fn set_retired(&mut self, id: Id, retired: bool) -> Result<(), QuestionError> {
        let question = self
            .questions
            .iter_mut()
            .find(|q| q.id == id)
            .ok_or(QuestionError::NotFound)?;
        question.retired = retired;
        Ok(())
    }

    // Compares ignoring case and spacing, so "What helps?" and "what  helps?" count as one.
    fn refuse_duplicate(&self, text: &str, except: Option<Id>) -> Result<(), QuestionError> {
        let wanted = comparable(text);
        match self
            .questions
            .iter()
            .find(|q| Some(q.id) != except && comparable(&q.text) == wanted)
        {
            Some(q) if q.retired => Err(QuestionError::DuplicateRetired),
            Some(_) => Err(QuestionError::Duplicate),
            None => Ok(()),
        }
    }
}

fn comparable(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn clean_question(text: &str) -> Result<String, QuestionError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(QuestionError::Empty);
    }
    let len = text.chars().count();
    if len > MAX_QUESTION {
        return Err(QuestionError::TooLong {
            what: "question",
            len,
            max: MAX_QUESTION,
        });
    }
    Ok(text.to_string())
}

fn clean_theme(theme: &str) -> Result<String, QuestionError> {
    let theme = theme.trim();
    if theme.is_empty() {
        return Ok(default_theme());
    }
    let len = theme.chars().count();
    if len > MAX_THEME {
        return Err(QuestionError::TooLong {
            what: "theme",
            len,
            max: MAX_THEME,
        });
    }
    Ok(theme.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Audience::*;

    #[test]
    fn starter_bank_covers_every_audience_and_theme() {
        let bank = QuestionBank::starter();
        for audience in [Mentor, Protege, Peer] {
            let n = bank
                .questions()
                .iter()
                .filter(|q| q.audience == audience)
                .count();
            assert!(n >= 5, "{audience:?} has only {n} starter questions");
        }
        let ids: std::collections::HashSet<Id> = bank.questions().iter().map(|q| q.id).collect();
        assert_eq!(ids.len(), bank.questions().len());
        let fine = |q: &Question| !q.own && !q.retired && clean_question(&q.text).is_ok();
        assert!(bank.questions().iter().all(fine));
        for theme in [
            "first month",
            "reluctant proteges",
            "orientation",
            "being a protege",
        ] {
            assert!(bank.themes().contains(&theme), "{theme} is missing");
        }
        assert!(bank
            .offered_for(Mentor)
            .all(|q| matches!(q.audience, Mentor | Any)));
        assert!(!bank.offered_for(Peer).any(|q| q.audience == Mentor));
    }

    #[test]
    fn add_edit_retire_reuse() {
        let mut bank = QuestionBank::starter();
        let id = bank
            .add("  What surprised you this term? ", Peer, " ")
            .unwrap();
        let q = bank.get(id).unwrap();
        assert_eq!(
            (q.text.as_str(), q.theme.as_str(), q.own),
            ("What surprised you this term?", DEFAULT_THEME, true)
        );
        let reworded = "What surprised you most this term?";
        bank.edit(id, reworded, Any, "surprises").unwrap();
        assert_eq!(bank.get(id).unwrap().theme, "surprises");
        bank.retire(id).unwrap();
        assert!(!bank.offered_for(Any).any(|q| q.id == id));
        assert_eq!(bank.retired().count(), 1);
        let again = bank.add("what surprised you  MOST this term?", Peer, "");
        assert_eq!(again, Err(QuestionError::DuplicateRetired));
        bank.reuse(id).unwrap();
        assert!(bank.offered_for(Peer).any(|q| q.id == id));
        // Editing a question to its own wording is not a duplicate of itself.
        bank.edit(id, reworded, Any, "x").unwrap();
    }

    #[test]
    fn refuses_bad_questions_and_changes_nothing() {
        let mut bank = QuestionBank::starter();
        assert_eq!(bank.add("   ", Any, ""), Err(QuestionError::Empty));
        let long = "?".repeat(MAX_QUESTION + 1);
        assert!(matches!(
            bank.add(&long, Any, ""),
            Err(QuestionError::TooLong { .. })
        ));
        let theme = "t".repeat(MAX_THEME + 1);
        assert!(matches!(
            bank.add("Fine?", Any, &theme),
            Err(QuestionError::TooLong { .. })
        ));
        let first = bank.questions()[0].text.clone();
        assert_eq!(bank.add(&first, Any, ""), Err(QuestionError::Duplicate));
        assert_eq!(bank.retire(9_999), Err(QuestionError::NotFound));
        assert_eq!(
            bank.edit(9_999, "New?", Any, ""),
            Err(QuestionError::NotFound)
        );
        assert_eq!(bank, QuestionBank::starter());
    }

    #[test]
    fn round_trips_through_json_with_defaults() {
        let bank = QuestionBank::starter();
        let json = serde_json::to_string(&bank).unwrap();
        assert_eq!(serde_json::from_str::<QuestionBank>(&json).unwrap(), bank);
        let old: Question = serde_json::from_str(r#"{"id":3,"text":"Why?"}"#).unwrap();
        assert_eq!(
            (old.audience, old.theme.as_str(), old.retired),
            (Any, "general", false)
        );
    }
}

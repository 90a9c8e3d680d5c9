//! The anonymous outcomes survey (Kroll's outcomes of group mentoring): seven self-ratings
//! from 1 to 5, taken at the start and at later points. A response is added to per-answer
//! counts for its survey point and then forgotten, so nothing stored says who answered, when
//! within the point, or in which order: there is no response list to read back.

use super::super::programme::RecordError;
use super::super::{clean_name, Date, DomainError, Id};
use crate::domain::scale::Statement;
use serde::{Deserialize, Serialize};

/// One outcome the survey asks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Support,
    Confidence,
    Knowledge,
    NewIdeas,
    ChallengesResolved,
    Networks,
    /// Asked as "I feel isolated", so a high answer is a bad outcome: reverse-scored.
    Isolation,
}

impl Measure {
    pub const ALL: [Measure; 7] = [
        Measure::Support,
        Measure::Confidence,
        Measure::Knowledge,
        Measure::NewIdeas,
        Measure::ChallengesResolved,
        Measure::Networks,
        Measure::Isolation,
    ];

    /// The statement a participant rates, from 1 (not at all) to 5 (very much).
    pub fn statement(self) -> &'static str {
        match self {
            Measure::Support => "I feel supported",
            Measure::Confidence => "I feel confident in my role",
            Measure::Knowledge => "I have the knowledge I need",
            Measure::NewIdeas => "I come across new ideas",
            Measure::ChallengesResolved => "The challenges I bring get resolved",
            Measure::Networks => "I can reach people and networks who can help me",
            Measure::Isolation => "I feel isolated",
        }
    }

    /// A short name for results tables.
    pub fn label(self) -> &'static str {
        match self {
            Measure::Support => "Support",
            Measure::Confidence => "Confidence",
            Measure::Knowledge => "Knowledge",
            Measure::NewIdeas => "New ideas",
            Measure::ChallengesResolved => "Challenges resolved",
            Measure::Networks => "Access to networks",
            Measure::Isolation => "Isolation (reverse-scored)",
        }
    }

    pub fn reversed(self) -> bool {
        self == Measure::Isolation
    }

    /// The score of an answer, where higher is always better: 1..5, or 5..1 when reversed.
    pub fn score(self, answer: u8) -> u8 {
        if self.reversed() {
            6u8.saturating_sub(answer)
        } else {
            answer
        }
    }
}

/// How many people gave each answer 1..5 to one statement.
pub type Tally = [u32; 5];

/// One time the survey is taken: the start, or a later point ("After six months").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SurveyPoint {
    pub id: Id,
    pub name: String,
    /// When the facilitator plans to run it, for "This week".
    pub planned: Option<Date>,
    /// People who answered at this point.
    pub responses: u32,
    /// Answer counts per measure, in the order of [`Measure::ALL`].
    pub tallies: Vec<Tally>,
}

impl SurveyPoint {
    pub fn tally(&self, m: Measure) -> Tally {
        self.tallies.get(m.index()).copied().unwrap_or_default()
    }
}

impl crate::domain::scale::Statement for Measure {
    fn index(self) -> usize {
        Measure::ALL.iter().position(|m| *m == self).unwrap_or(0)
    }
}

/// One person's answers, held only until they are added to the counts.
pub type SurveyAnswers = crate::domain::scale::ScaleAnswers<Measure, 7>;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Survey {
    /// The first point is the start; the rest are later points, in order.
    pub points: Vec<SurveyPoint>,
}

/// One measure at one point, before suppression (for the share layer to suppress).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeasureResult {
    pub measure: Measure,
    pub answers: Tally,
    /// Mean score (higher is better), `None` with no responses.
    pub mean: Option<f64>,
    /// This point's mean minus the start's; `None` at the start or without responses.
    pub change: Option<f64>,
}

/// One survey point's figures, before suppression.
#[derive(Clone, Debug, PartialEq)]
pub struct PointResult {
    pub point: Id,
    pub start: bool,
    pub responses: u32,
    /// Responses at the start, which the change is measured against.
    pub start_responses: u32,
    pub measures: Vec<MeasureResult>,
}

impl Survey {
    pub fn add_point(
        &mut self,
        id: Id,
        name: &str,
        planned: Option<Date>,
    ) -> Result<(), DomainError> {
        let name = clean_name(name, "the survey point")?;
        self.points.push(SurveyPoint {
            id,
            name,
            planned,
            responses: 0,
            tallies: vec![[0; 5]; Measure::ALL.len()],
        });
        Ok(())
    }

    pub fn point(&self, id: Id) -> Option<&SurveyPoint> {
        self.points.iter().find(|p| p.id == id)
    }

    /// Adds one person's answers to the counts. Every statement needs an answer from 1 to 5.
    pub fn record(&mut self, point: Id, answers: &SurveyAnswers) -> Result<(), DomainError> {
        if !answers.is_complete() {
            return Err(super::FollowUpError::SurveyIncomplete.into());
        }
        let p = self.points.iter_mut().find(|p| p.id == point);
        let p = p.ok_or(DomainError::NotFound("survey point"))?;
        p.tallies.resize(Measure::ALL.len(), [0; 5]);
        for m in Measure::ALL {
            let answer = answers.get(m).unwrap_or(3);
            if let Some(cell) = p
                .tallies
                .get_mut(m.index())
                .and_then(|t| t.get_mut(usize::from(answer.saturating_sub(1))))
            {
                *cell = cell.saturating_add(1);
            }
        }
        p.responses = p.responses.saturating_add(1);
        Ok(())
    }

    /// Figures per point, with the change from the start, before any suppression.
    pub fn results(&self) -> Vec<PointResult> {
        let start = self.points.first();
        self.points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let measures = Measure::ALL
                    .into_iter()
                    .map(|m| {
                        let mean = mean_score(m, p.tally(m));
                        let start_mean = start.and_then(|s| mean_score(m, s.tally(m)));
                        let change = match (i, mean, start_mean) {
                            (0, _, _) => None,
                            (_, Some(now), Some(then)) => Some(now - then),
                            _ => None,
                        };
                        MeasureResult {
                            measure: m,
                            answers: p.tally(m),
                            mean,
                            change,
                        }
                    })
                    .collect();
                PointResult {
                    point: p.id,
                    start: i == 0,
                    responses: p.responses,
                    start_responses: start.map_or(0, |s| s.responses),
                    measures,
                }
            })
            .collect()
    }

    pub fn validate(&self) -> Result<(), RecordError> {
        for p in &self.points {
            if p.tallies.len() > Measure::ALL.len() {
                return Err(RecordError::SurveyAnswersBeyondQuestions);
            }
            for t in &p.tallies {
                let sum: u64 = t.iter().map(|&n| u64::from(n)).sum();
                if sum > u64::from(p.responses) {
                    return Err(RecordError::SurveyAnswersBeyondResponses);
                }
            }
        }
        Ok(())
    }
}

/// The mean score of a tally, reverse-scored where the measure says so.
pub fn mean_score(m: Measure, tally: Tally) -> Option<f64> {
    let n: u64 = tally.iter().map(|&c| u64::from(c)).sum();
    if n == 0 {
        return None;
    }
    let total: u64 = tally
        .iter()
        .zip(1u8..=5)
        .map(|(&c, answer)| u64::from(c) * u64::from(m.score(answer)))
        .sum();
    Some(total as f64 / n as f64)
}

//! "How was today's meeting?" as it may be seen outside the meeting: how many answered over
//! the meetings in the file, and the mean answer to each question. The people who answered
//! are the population: under k, nothing is shown but that; at k or more, the means (never the
//! counts per answer, which stay with the facilitator). Only feedback the facilitator finished
//! counts, since only finished feedback can no longer change.

use serde::{Deserialize, Serialize};

use crate::domain::session::{FeedbackQuestion, Session};
use crate::share::suppress::{suppress_single, Count, Stat, K};

/// The meeting feedback figures of a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedFeedback {
    /// People who answered, over every meeting in the file.
    pub responses: Count,
    /// Empty when fewer than k answered.
    pub questions: Vec<SharedFeedbackMean>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedFeedbackMean {
    pub question: FeedbackQuestion,
    /// Mean answer, 1 (not at all) to 5 (very much).
    pub mean: Stat,
}

impl SharedFeedback {
    /// Each figure as a row: what it is, and its value in words (report and preview alike).
    pub fn rows(&self) -> Vec<(&'static str, String)> {
        let answered = match self.responses {
            Count::FewerThan(k) => format!("fewer than {k}"),
            other => other.to_string(),
        };
        let mut rows = vec![("People who answered", answered)];
        for q in &self.questions {
            let words = match q.mean {
                Stat::Shown(v) => format!("{v:.1} out of 5"),
                other => other.to_string(),
            };
            rows.push((q.question.label(), words));
        }
        rows
    }

    /// Hides everything: the audit found the number who answered could be worked out.
    pub(crate) fn withhold(&mut self) {
        self.responses = Count::Withheld;
        self.questions.clear();
    }
}

/// How many answered a meeting's finished feedback (0 while it is still being taken).
pub(crate) fn answered(s: &Session) -> u32 {
    let f = s.feedback();
    if f.finished {
        f.responses
    } else {
        0
    }
}

/// The figures over these meetings, or `None` when none of them took feedback.
pub fn feedback_figures(sessions: &[&Session], k: K) -> Option<SharedFeedback> {
    let total: u64 = sessions.iter().map(|s| u64::from(answered(s))).sum();
    if total == 0 {
        return None;
    }
    let total = u32::try_from(total).unwrap_or(u32::MAX);
    if total < k.get() {
        return Some(SharedFeedback {
            responses: suppress_single(total, k),
            questions: Vec::new(),
        });
    }
    let questions = FeedbackQuestion::ALL
        .into_iter()
        .map(|q| {
            let (mut sum, mut n) = (0u64, 0u64);
            for s in sessions.iter().filter(|s| answered(s) > 0) {
                for (value, count) in (1u64..).zip(s.feedback().tally(q)) {
                    sum += value * u64::from(count);
                    n += u64::from(count);
                }
            }
            let mean = if n < u64::from(k.get()) {
                Stat::FewerThan(k)
            } else {
                Stat::Shown(sum as f64 / n as f64)
            };
            SharedFeedbackMean { question: q, mean }
        })
        .collect();
    Some(SharedFeedback {
        responses: Count::Shown(total),
        questions,
    })
}

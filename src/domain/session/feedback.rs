//! "How was today's meeting?": four ratings from 1 to 5 that each person gives on the kiosk at
//! the end of a meeting. Like the outcomes survey, a response is added to per-answer counts
//! and forgotten: nothing stored says who answered, what any one person said, or in which
//! order. The counts are shown only once the feedback is finished (so nobody's answer can be
//! worked out by looking before and after they answer), and never for fewer than k people.

use super::{Phase, Session, SessionError};
use crate::domain::scale::Statement;
use serde::{Deserialize, Serialize};

/// How many people gave each answer 1..5 to one question.
pub type Tally = [u32; 5];

/// The four things a group is asked about its meeting: feeling heard, talking about what
/// mattered, the way the meeting was run, and the meeting as a whole (the four areas of
/// session-rating scales for groups, in our own words).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackQuestion {
    Heard,
    Mattered,
    Way,
    Overall,
}

impl FeedbackQuestion {
    pub const ALL: [FeedbackQuestion; 4] = [
        FeedbackQuestion::Heard,
        FeedbackQuestion::Mattered,
        FeedbackQuestion::Way,
        FeedbackQuestion::Overall,
    ];

    /// The statement a person rates from 1 (not at all) to 5 (very much).
    pub fn statement(self) -> &'static str {
        match self {
            FeedbackQuestion::Heard => "I felt heard and respected",
            FeedbackQuestion::Mattered => "We talked about what mattered to me",
            FeedbackQuestion::Way => "The way the meeting was run suited me",
            FeedbackQuestion::Overall => "Overall, today's meeting was right for me",
        }
    }

    /// A short name for the results table.
    pub fn label(self) -> &'static str {
        match self {
            FeedbackQuestion::Heard => "Heard and respected",
            FeedbackQuestion::Mattered => "Talked about what mattered",
            FeedbackQuestion::Way => "The way it was run",
            FeedbackQuestion::Overall => "Overall",
        }
    }
}

impl crate::domain::scale::Statement for FeedbackQuestion {
    fn index(self) -> usize {
        FeedbackQuestion::ALL
            .iter()
            .position(|q| *q == self)
            .unwrap_or(0)
    }
}

/// One person's answers, held only until they are added to the counts.
pub type FeedbackAnswers = crate::domain::scale::ScaleAnswers<FeedbackQuestion, 4>;

/// The counts for one meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingFeedback {
    /// People who answered.
    pub responses: u32,
    /// Answer counts per question, in the order of [`FeedbackQuestion::ALL`].
    pub tallies: Vec<Tally>,
    /// Finished: no more answers are taken, and the counts may be shown.
    pub finished: bool,
}

/// What the facilitator may see of a meeting's feedback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedbackFigures {
    /// Nobody has answered.
    Nobody,
    /// Someone answered, but fewer than k people: no figure is shown.
    FewerThan(u32),
    /// Still taking answers; this many so far (at least k). Counts wait for the finish.
    Answering(u32),
    /// Finished with at least k answers: the counts, per question, answers 1 to 5.
    Counts {
        responses: u32,
        rows: Vec<(FeedbackQuestion, Tally)>,
    },
}

impl MeetingFeedback {
    pub fn tally(&self, q: FeedbackQuestion) -> Tally {
        self.tallies.get(q.index()).copied().unwrap_or_default()
    }

    /// What may be shown with the threshold `k`.
    pub fn figures(&self, k: u32) -> FeedbackFigures {
        match self.responses {
            0 => FeedbackFigures::Nobody,
            n if n < k => FeedbackFigures::FewerThan(k),
            n if !self.finished => FeedbackFigures::Answering(n),
            n => FeedbackFigures::Counts {
                responses: n,
                rows: FeedbackQuestion::ALL
                    .into_iter()
                    .map(|q| (q, self.tally(q)))
                    .collect(),
            },
        }
    }

    /// Problems with a stored record, for `Session::validate`.
    pub(super) fn problems(&self) -> Option<&'static str> {
        if self.tallies.len() > FeedbackQuestion::ALL.len() {
            return Some("the meeting feedback has more answers than questions");
        }
        let too_many = self.tallies.iter().any(|t| {
            let sum: u64 = t.iter().map(|&n| u64::from(n)).sum();
            sum > u64::from(self.responses)
        });
        too_many.then_some("the meeting feedback counts more answers than people who answered")
    }
}

fn refuse(why: &str) -> SessionError {
    SessionError::NotReady(why.to_string())
}

impl Session {
    pub fn feedback(&self) -> &MeetingFeedback {
        &self.feedback
    }

    /// Why feedback cannot be taken now, if it cannot.
    pub fn feedback_closed_reason(&self) -> Option<String> {
        if self.phase != Phase::Closed {
            return Some(
                "Feedback is taken at the end of the meeting, at the Closed step.".to_string(),
            );
        }
        if self.feedback.finished {
            return Some("The feedback for this meeting is finished.".to_string());
        }
        if self.feedback.responses >= self.people_present() {
            return Some("Everyone who was here has already answered.".to_string());
        }
        None
    }

    /// Adds one person's answers to the counts. Every question needs an answer from 1 to 5;
    /// no more people can answer than were present.
    pub fn record_feedback(&mut self, answers: &FeedbackAnswers) -> Result<(), SessionError> {
        if let Some(why) = self.feedback_closed_reason() {
            return Err(SessionError::NotReady(why));
        }
        if !answers.is_complete() {
            return Err(refuse(
                "Please choose an answer from 1 to 5 for every question.",
            ));
        }
        let f = &mut self.feedback;
        f.tallies.resize(FeedbackQuestion::ALL.len(), [0; 5]);
        for q in FeedbackQuestion::ALL {
            let answer = answers.get(q).unwrap_or(3);
            if let Some(cell) = f
                .tallies
                .get_mut(q.index())
                .and_then(|t| t.get_mut(usize::from(answer.saturating_sub(1))))
            {
                *cell = cell.saturating_add(1);
            }
        }
        f.responses = f.responses.saturating_add(1);
        Ok(())
    }

    /// Stops taking answers, so the counts can be shown.
    pub fn finish_feedback(&mut self) -> Result<(), SessionError> {
        if self.feedback.responses == 0 {
            return Err(refuse("Nobody has answered yet."));
        }
        self.feedback.finished = true;
        Ok(())
    }

    /// Takes more answers after finishing: only while no count was ever shown (fewer than k
    /// answered), since more answers after the counts were seen would show what each added.
    pub fn reopen_feedback(&mut self, k: u32) -> Result<(), SessionError> {
        if self.feedback.finished && self.feedback.responses >= k {
            return Err(refuse(
                "The counts have been shown, so no more answers can be added: comparing the \
                 counts before and after would show what each new person answered.",
            ));
        }
        self.feedback.finished = false;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::tests::new_session;

    fn closed(people: u32) -> Session {
        let mut s = new_session();
        s.set_guests(people).unwrap();
        s.phase = Phase::Closed;
        s
    }

    #[test]
    fn an_older_session_record_reads_with_no_feedback() {
        let mut stored = serde_json::to_value(new_session()).unwrap();
        let fields = stored.as_object_mut().unwrap();
        fields.remove("feedback");
        fields.remove("guidelines_on_screen");
        let s: Session = serde_json::from_value(stored).unwrap();
        assert_eq!(s.feedback(), &MeetingFeedback::default());
        assert!(!s.guidelines_on_screen());
    }

    fn all(n: u8) -> FeedbackAnswers {
        FeedbackAnswers::new([Some(n); 4])
    }

    #[test]
    fn answers_become_counts_and_nothing_else() {
        let mut s = closed(6);
        s.record_feedback(&all(4)).unwrap();
        let mut mixed = all(2);
        mixed.set(FeedbackQuestion::Overall, 5);
        s.record_feedback(&mixed).unwrap();
        let f = s.feedback();
        assert_eq!(f.responses, 2);
        assert_eq!(f.tally(FeedbackQuestion::Heard), [0, 1, 0, 1, 0]);
        assert_eq!(f.tally(FeedbackQuestion::Overall), [0, 0, 0, 1, 1]);
        // The stored record holds counts only: no list of responses to read back.
        let stored = serde_json::to_value(f).unwrap();
        assert_eq!(
            stored,
            serde_json::json!({
                "responses": 2,
                "tallies": [[0,1,0,1,0],[0,1,0,1,0],[0,1,0,1,0],[0,0,0,1,1]],
                "finished": false
            })
        );
    }

    #[test]
    fn incomplete_or_out_of_range_answers_are_refused_and_change_nothing() {
        let mut s = closed(6);
        let mut half = FeedbackAnswers::default();
        half.set(FeedbackQuestion::Heard, 3);
        assert!(s.record_feedback(&half).is_err());
        assert!(s
            .record_feedback(&FeedbackAnswers::new([Some(6); 4]))
            .is_err());
        assert!(s
            .record_feedback(&FeedbackAnswers::new([Some(0); 4]))
            .is_err());
        assert_eq!(s.feedback(), &MeetingFeedback::default());
    }

    #[test]
    fn feedback_is_taken_at_the_end_only_and_never_from_more_people_than_were_here() {
        let mut s = closed(2);
        s.phase = Phase::Consent;
        assert!(s.record_feedback(&all(3)).is_err(), "not before the end");
        s.phase = Phase::Closed;
        s.record_feedback(&all(3)).unwrap();
        s.record_feedback(&all(3)).unwrap();
        assert_eq!(
            s.record_feedback(&all(3)),
            Err(SessionError::NotReady(
                "Everyone who was here has already answered.".into()
            ))
        );
        assert_eq!(s.feedback().responses, 2);
    }

    #[test]
    fn no_figure_about_fewer_than_k_and_counts_only_once_finished() {
        let mut s = closed(9);
        assert_eq!(s.feedback().figures(3), FeedbackFigures::Nobody);
        s.record_feedback(&all(5)).unwrap();
        s.record_feedback(&all(4)).unwrap();
        assert_eq!(s.feedback().figures(3), FeedbackFigures::FewerThan(3));
        s.finish_feedback().unwrap();
        assert_eq!(
            s.feedback().figures(3),
            FeedbackFigures::FewerThan(3),
            "finished below k still shows nothing"
        );
        // Below k nothing was shown, so more answers may come.
        s.reopen_feedback(3).unwrap();
        s.record_feedback(&all(4)).unwrap();
        assert_eq!(s.feedback().figures(3), FeedbackFigures::Answering(3));
        assert_eq!(s.feedback().figures(5), FeedbackFigures::FewerThan(5));
        s.finish_feedback().unwrap();
        match s.feedback().figures(3) {
            FeedbackFigures::Counts { responses, rows } => {
                assert_eq!(responses, 3);
                assert_eq!(rows.len(), 4);
                assert_eq!(rows[0], (FeedbackQuestion::Heard, [0, 0, 0, 2, 1]));
            }
            other => panic!("expected counts, got {other:?}"),
        }
        assert!(
            s.record_feedback(&all(1)).is_err(),
            "finished takes no more"
        );
        assert!(
            s.reopen_feedback(3).is_err(),
            "counts were shown: reopening would reveal the next person's answers"
        );
        assert_eq!(s.feedback().responses, 3);
    }

    #[test]
    fn finishing_needs_an_answer_and_damaged_counts_are_caught() {
        let mut s = closed(4);
        assert!(s.finish_feedback().is_err());
        let mut s = new_session();
        assert!(s.validate().is_ok());
        s.feedback.tallies = vec![[1, 0, 0, 0, 0]];
        assert_eq!(
            s.validate(),
            Err(SessionError::Damaged(
                "the meeting feedback counts more answers than people who answered".into()
            )),
            "one answer counted, nobody answered"
        );
        s.feedback.responses = 1;
        assert_eq!(s.feedback.problems(), None);
        s.feedback.tallies = vec![[0; 5]; 5];
        assert!(s.feedback.problems().is_some(), "more questions than asked");
    }

    proptest::proptest! {
        /// Whatever people answer, in whatever order, the stored session is the same: it
        /// holds counts that add up, and nothing that could say who answered what or when.
        #[test]
        fn the_stored_feedback_is_the_same_in_any_order(
            people in proptest::collection::vec(proptest::array::uniform4(1u8..=5), 1..12),
        ) {
            let mut forward = closed(20);
            let mut backward = closed(20);
            for p in &people {
                forward.record_feedback(&FeedbackAnswers::new(p.map(Some))).unwrap();
            }
            for p in people.iter().rev() {
                backward.record_feedback(&FeedbackAnswers::new(p.map(Some))).unwrap();
            }
            let a = serde_json::to_string(&forward).unwrap();
            proptest::prop_assert_eq!(&a, &serde_json::to_string(&backward).unwrap());
            let f = forward.feedback();
            proptest::prop_assert_eq!(f.responses as usize, people.len());
            for q in FeedbackQuestion::ALL {
                proptest::prop_assert_eq!(f.tally(q).iter().sum::<u32>() as usize, people.len());
            }
            proptest::prop_assert_eq!(f.problems(), None);
        }
    }
}

//! The outcomes survey as it may be seen outside the survey itself: per survey point, the
//! number of responses, the answer distribution and the mean score per measure, and the change
//! from the start, each suppressed below k. The programme screen shows exactly these figures,
//! so the screen and a shared file never disagree about what is hidden.
//!
//! These types hold counts, statistics and a fixed list of measures only: there is no field a
//! check-in note, a plan, a point's name or a participant could travel in.

use serde::{Deserialize, Serialize};

use crate::domain::followup::{Measure, PointResult, Survey};
use crate::share::suppress::{suppress_single, suppress_stat, suppress_table, Count, Stat, K};

/// One survey point, numbered from 1 (the start). Its name is the facilitator's free text and
/// is not part of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedSurveyPoint {
    pub point: u32,
    pub start: bool,
    pub responses: Count,
    /// Empty when fewer than k people answered at this point.
    pub measures: Vec<SharedMeasure>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedMeasure {
    pub measure: Measure,
    /// How many answered 1, 2, 3, 4 and 5 (the statement as asked, before reverse scoring).
    pub answers: Vec<Count>,
    /// Mean score, where higher is better (isolation reverse-scored).
    pub mean: Stat,
    /// Mean score here minus at the start; not available at the start itself.
    pub change: Stat,
}

/// Every point's figures, suppressed at `k`.
pub fn survey_figures(survey: &Survey, k: K) -> Vec<SharedSurveyPoint> {
    survey
        .results()
        .iter()
        .zip(1u32..)
        .map(|(r, n)| point(r, n, k))
        .collect()
}

fn point(r: &PointResult, n: u32, k: K) -> SharedSurveyPoint {
    let mut responses = suppress_single(r.responses, k);
    if r.responses < k.get() {
        // Below k nothing about the point is shown but that it is small (zero is shown as 0).
        return SharedSurveyPoint {
            point: n,
            start: r.start,
            responses,
            measures: Vec::new(),
        };
    }
    let mut hide_total = false;
    let measures = r
        .measures
        .iter()
        .map(|m| {
            let table = suppress_table(&m.answers, Some(r.responses), k);
            hide_total |= table.total == Some(Count::Withheld);
            let mean = m
                .mean
                .map_or(Stat::NotAvailable, |v| suppress_stat(v, r.responses, k));
            let change = match m.change {
                Some(v) if !r.start => suppress_stat(v, r.responses.min(r.start_responses), k),
                _ if r.start => Stat::NotAvailable,
                _ => suppress_stat(f64::NAN, r.start_responses.min(r.responses), k),
            };
            SharedMeasure {
                measure: m.measure,
                answers: table.parts,
                mean,
                change,
            }
        })
        .collect();
    // One response count serves every measure: if any table needs it hidden, it is hidden.
    if hide_total {
        responses = Count::Withheld;
    }
    SharedSurveyPoint {
        point: n,
        start: r.start,
        responses,
        measures,
    }
}

/// Every count in the survey figures, for the preview and for checks.
pub fn survey_counts(points: &[SharedSurveyPoint]) -> impl Iterator<Item = Count> + '_ {
    points.iter().flat_map(|p| {
        std::iter::once(p.responses)
            .chain(p.measures.iter().flat_map(|m| m.answers.iter().copied()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::followup::SurveyAnswers;

    fn answers(all: u8) -> SurveyAnswers {
        let mut a = SurveyAnswers::default();
        for m in Measure::ALL {
            a.set(m, all);
        }
        a
    }

    fn survey(start: &[u8], later: &[u8]) -> Survey {
        let mut s = Survey::default();
        s.add_point(1, "Start", None).unwrap();
        s.add_point(2, "Later", None).unwrap();
        for a in start {
            s.record(1, &answers(*a)).unwrap();
        }
        for a in later {
            s.record(2, &answers(*a)).unwrap();
        }
        s
    }

    #[test]
    fn a_point_below_k_shows_nothing_but_that_it_is_small() {
        let f = survey_figures(&survey(&[3, 3, 4, 4], &[]), K::default());
        assert_eq!(f[0].responses, Count::FewerThan(K::default()));
        assert!(f[0].measures.is_empty());
        assert_eq!(f[1].responses, Count::Shown(0));
        assert!(f[1].measures.is_empty());
    }

    #[test]
    fn at_k_the_distribution_and_means_show_with_small_cells_suppressed() {
        let f = survey_figures(&survey(&[2, 2, 2, 2, 3], &[]), K::default());
        assert_eq!(
            f[0].responses,
            Count::Withheld,
            "4 + 1 = 5 would give the 1 back"
        );
        let support = &f[0].measures[0];
        assert_eq!(support.measure, Measure::Support);
        assert_eq!(support.answers[0], Count::Shown(0));
        assert!(support.answers[1].is_hidden() && support.answers[2].is_hidden());
        assert_eq!(support.mean, Stat::Shown(2.2));
        assert_eq!(support.change, Stat::NotAvailable);
        let f = survey_figures(&survey(&[3; 5], &[]), K::default());
        assert_eq!(f[0].responses, Count::Shown(5));
        assert_eq!(f[0].measures[0].answers[2], Count::Shown(5));
    }

    #[test]
    fn change_shows_only_when_both_points_reach_k() {
        let k = K::default();
        let f = survey_figures(&survey(&[2; 5], &[4; 4]), k);
        assert!(f[1].measures.is_empty());
        let f = survey_figures(&survey(&[2; 5], &[4; 5]), k);
        let support = &f[1].measures[0];
        assert_eq!(support.change, Stat::Shown(2.0));
        let isolation = f[1]
            .measures
            .iter()
            .find(|m| m.measure == Measure::Isolation)
            .unwrap();
        // Answering "I feel isolated" 2 then 4 is a worse outcome: the score falls by 2.
        assert_eq!(isolation.change, Stat::Shown(-2.0));
        let f = survey_figures(&survey(&[2; 4], &[4; 5]), k);
        assert_eq!(f[1].measures[0].change, Stat::FewerThan(k));
        assert_eq!(f[1].measures[0].mean, Stat::Shown(4.0));
    }

    #[test]
    fn no_small_count_is_ever_shown() {
        let k = K::default();
        for n in 0..12u8 {
            let start: Vec<u8> = (0..n).map(|i| 1 + i % 5).collect();
            for p in survey_figures(&survey(&start, &start[..usize::from(n / 2)]), k) {
                for c in survey_counts(std::slice::from_ref(&p)) {
                    assert!(
                        !matches!(c, Count::Shown(v) if v > 0 && v < k.get()),
                        "{p:?}"
                    );
                }
            }
        }
    }
}

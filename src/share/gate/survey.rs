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

/// Every point's figures: a point answered by fewer than k people shows nothing but that; at k
/// or more the answers are shown as counted (strict: small answer cells hidden too).
pub fn survey_figures(survey: &Survey, k: K, strict: bool) -> Vec<SharedSurveyPoint> {
    let mut start_means: Option<Vec<Option<f64>>> = None;
    let mut out = Vec::new();
    for (r, n) in survey.results().iter().zip(1u32..) {
        let p = point(r, n, k, strict, start_means.as_deref());
        if r.start {
            start_means = Some(
                p.measures
                    .iter()
                    .map(|m| match m.mean {
                        Stat::Shown(v) => Some(v),
                        _ => None,
                    })
                    .collect(),
            );
        }
        out.push(p);
    }
    out
}

/// A mean with the count of answers and all shown cells gives back the sum of the hidden
/// cells' values; with their count that pins them whenever two or fewer are hidden, and can
/// narrow them otherwise. So a mean is shown only when no answer cell is hidden.
fn shown_mean(mean: Option<f64>, cells: &[Count], responses: u32, k: K) -> Stat {
    match mean {
        None => Stat::NotAvailable,
        Some(_) if cells.iter().any(|c| c.is_hidden()) => Stat::Withheld,
        Some(v) => suppress_stat(v, responses, k),
    }
}

fn point(
    r: &PointResult,
    n: u32,
    k: K,
    strict: bool,
    start_means: Option<&[Option<f64>]>,
) -> SharedSurveyPoint {
    let responses = suppress_single(r.responses, k);
    if r.responses < k.get() {
        // Below k nothing about the point is shown but that it is small (zero is shown as 0).
        return SharedSurveyPoint {
            point: n,
            start: r.start,
            responses,
            measures: Vec::new(),
        };
    }
    let start_shown = |i: usize| start_means.and_then(|m| m.get(i).copied().flatten());
    let mut tables: Vec<Vec<Count>> = r
        .measures
        .iter()
        .map(|m| {
            if strict {
                suppress_table(&m.answers, Some(r.responses), k).parts
            } else {
                m.answers.iter().map(|&a| Count::Shown(a)).collect()
            }
        })
        .collect();
    let hide_total = strict
        && r.measures.iter().any(|m| {
            suppress_table(&m.answers, Some(r.responses), k).total == Some(Count::Withheld)
        });
    if hide_total {
        // Every measure's answers add up to the same total: a measure with all its cells shown
        // would give the hidden total back, so each keeps at least one cell hidden.
        for (cells, m) in tables.iter_mut().zip(&r.measures) {
            if cells.iter().all(|c| !c.is_hidden()) {
                let smallest = m
                    .answers
                    .iter()
                    .enumerate()
                    .filter(|(_, &a)| a > 0)
                    .min_by_key(|(_, &a)| a)
                    .map(|(i, _)| i);
                if let Some(i) = smallest {
                    cells[i] = Count::Withheld;
                }
            }
        }
    }
    let measures = r
        .measures
        .iter()
        .zip(tables)
        .enumerate()
        .map(|(i, (m, parts))| {
            let table = crate::share::suppress::SuppressedTable { parts, total: None };
            let mean = shown_mean(m.mean, &table.parts, r.responses, k);
            let change = if r.start {
                Stat::NotAvailable
            } else if r.start_responses < k.get() || r.responses < k.get() {
                Stat::FewerThan(k)
            } else {
                // A change is a difference of two means: shown only when both are, or it
                // would give a withheld mean back.
                match (mean, start_shown(i)) {
                    (Stat::Shown(now), Some(then)) => Stat::Shown(now - then),
                    _ => Stat::Withheld,
                }
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
    let mut responses = responses;
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
        let f = survey_figures(&survey(&[3, 3, 4, 4], &[]), K::default(), true);
        assert_eq!(f[0].responses, Count::FewerThan(K::default()));
        assert!(f[0].measures.is_empty());
        assert_eq!(f[1].responses, Count::Shown(0));
        assert!(f[1].measures.is_empty());
    }

    #[test]
    fn at_k_the_distribution_and_means_show_with_small_cells_suppressed() {
        let f = survey_figures(&survey(&[2, 2, 2, 2, 3], &[]), K::default(), true);
        // Two hidden cells summing to 5 could be 1 + 4, 2 + 3, …: the total may show.
        assert_eq!(f[0].responses, Count::Shown(5));
        let support = &f[0].measures[0];
        assert_eq!(support.measure, Measure::Support);
        assert_eq!(support.answers[0], Count::Shown(0));
        assert!(support.answers[1].is_hidden() && support.answers[2].is_hidden());
        // 2.2 over 5 answers of 2 and 3 would pin them at 4 and 1: the mean is withheld.
        assert_eq!(support.mean, Stat::Withheld);
        assert_eq!(support.change, Stat::NotAvailable);
        let f = survey_figures(&survey(&[2; 5], &[]), K::default(), true);
        assert_eq!(f[0].measures[0].mean, Stat::Shown(2.0));
        let f = survey_figures(&survey(&[3; 5], &[]), K::default(), true);
        assert_eq!(f[0].responses, Count::Shown(5));
        assert_eq!(f[0].measures[0].answers[2], Count::Shown(5));
    }

    #[test]
    fn change_shows_only_when_both_points_reach_k() {
        let k = K::default();
        let f = survey_figures(&survey(&[2; 5], &[4; 4]), k, true);
        assert!(f[1].measures.is_empty());
        let f = survey_figures(&survey(&[2; 5], &[4; 5]), k, true);
        let support = &f[1].measures[0];
        assert_eq!(support.change, Stat::Shown(2.0));
        let isolation = f[1]
            .measures
            .iter()
            .find(|m| m.measure == Measure::Isolation)
            .unwrap();
        // Answering "I feel isolated" 2 then 4 is a worse outcome: the score falls by 2.
        assert_eq!(isolation.change, Stat::Shown(-2.0));
        let f = survey_figures(&survey(&[2; 4], &[4; 5]), k, true);
        assert_eq!(f[1].measures[0].change, Stat::FewerThan(k));
        assert_eq!(f[1].measures[0].mean, Stat::Shown(4.0));
        // A withheld mean at the start withholds the change, which would give it back.
        let f = survey_figures(&survey(&[2, 2, 2, 2, 3], &[4; 5]), k, true);
        assert_eq!(f[1].measures[0].mean, Stat::Shown(4.0));
        assert_eq!(f[1].measures[0].change, Stat::Withheld);
    }

    #[test]
    fn by_default_a_point_of_k_or_more_shows_its_answers_as_counted() {
        let k = K::default();
        let f = survey_figures(&survey(&[2, 2, 2, 2, 3], &[]), k, false);
        assert_eq!(f[0].responses, Count::Shown(5));
        let support = &f[0].measures[0];
        assert_eq!(support.answers[1], Count::Shown(4));
        assert_eq!(
            support.answers[2],
            Count::Shown(1),
            "1 answered 3, inside a population of 5"
        );
        assert_eq!(support.mean, Stat::Shown(2.2));
        // Below k still nothing.
        let f = survey_figures(&survey(&[2, 2, 2, 2], &[]), k, false);
        assert!(f[0].measures.is_empty());
        assert_eq!(f[0].responses, Count::FewerThan(k));
    }

    #[test]
    fn strict_a_withheld_total_cannot_be_summed_back_from_any_measure() {
        let k = K::default();
        for n in 5..14u8 {
            let answers: Vec<u8> = (0..n).map(|i| if i == 0 { 1 } else { 3 + i % 2 }).collect();
            for p in survey_figures(&survey(&answers, &[]), k, true) {
                if p.responses != Count::Withheld {
                    continue;
                }
                for m in &p.measures {
                    assert!(m.answers.iter().any(|c| c.is_hidden()), "{p:?}");
                }
            }
        }
    }

    #[test]
    fn no_small_count_is_ever_shown() {
        let k = K::default();
        for n in 0..12u8 {
            let start: Vec<u8> = (0..n).map(|i| 1 + i % 5).collect();
            for p in survey_figures(&survey(&start, &start[..usize::from(n / 2)]), k, true) {
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

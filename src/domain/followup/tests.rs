use super::checkin::{next_checkin, DueState};
use super::plan::{Apply, Plan, PlanField, StepStatus};
use super::*;
use crate::domain::mentoring::{Mentoring, MentoringPair};

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn pair(id: Id, confirmed: &str) -> MentoringPair {
    MentoringPair {
        id,
        members: vec![100 + id, 200 + id],
        confirmed: Some(d(confirmed)),
        life: crate::domain::mentoring::Life::legacy(),
        ..MentoringPair::default()
    }
}

fn checkin(id: Id, pair: Id, date: &str, going: u8, equity: u8) -> CheckIn {
    CheckIn {
        id,
        pair,
        date: Some(d(date)),
        going: Score::new(going).unwrap(),
        equity: Score::new(equity).unwrap(),
        improve: "Meet somewhere quieter".into(),
        by: EnteredBy::Facilitator,
        concern: false,
    }
}

#[test]
fn a_step_is_overdue_the_day_after_it_was_due_unless_done() {
    let mut plan = Plan::from_activity(1, Some(9), "Wound care workshop", d("2026-11-01")).unwrap();
    plan.add_step(
        2,
        "Shadow a senior nurse",
        Some(d("2026-11-10")),
        "Rota time",
    )
    .unwrap();
    plan.add_step(3, "Read the guideline", None, "").unwrap();
    assert_eq!(
        plan.overdue(d("2026-11-10")).count(),
        0,
        "due today is not late"
    );
    assert_eq!(plan.overdue(d("2026-11-11")).count(), 1);
    plan.set_status(2, StepStatus::InProgress).unwrap();
    assert_eq!(plan.overdue(d("2026-11-11")).count(), 1);
    plan.set_status(2, StepStatus::Done).unwrap();
    assert_eq!(plan.overdue(d("2026-12-30")).count(), 0);
    assert_eq!(plan.done(), 1);
}

#[test]
fn plans_refuse_empty_names_and_over_long_text() {
    assert!(Plan::from_activity(1, None, "   ", d("2026-11-01")).is_err());
    let mut plan = Plan::from_meeting(1, None, 5, d("2026-11-01"));
    assert!(plan.add_step(2, " ", None, "").is_err());
    assert!(plan.add_learning("", Apply::Now).is_err());
    let long = "x".repeat(crate::domain::MAX_TEXT + 1);
    assert!(plan.set_field(PlanField::Goals, &long).is_err());
    assert_eq!(plan.goals, "", "a refused edit changes nothing");
    plan.add_learning("Ask open questions", Apply::Later)
        .unwrap();
    assert_eq!(plan.learnings[0].apply, Apply::Later);
}

#[test]
fn cadence_counts_from_the_last_check_in_or_the_pairing() {
    // Confirmed 1 Nov, every 4 weeks: due 29 Nov.
    let due = next_checkin(1, Some(d("2026-11-01")), None, 4, d("2026-11-10"));
    assert_eq!(due.due, d("2026-11-29"));
    assert_eq!(due.state, DueState::Later);
    assert_eq!(
        next_checkin(1, Some(d("2026-11-01")), None, 4, d("2026-11-23")).state,
        DueState::DueNow
    );
    assert_eq!(
        next_checkin(1, Some(d("2026-11-01")), None, 4, d("2026-12-06")).state,
        DueState::DueNow
    );
    assert_eq!(
        next_checkin(1, Some(d("2026-11-01")), None, 4, d("2026-12-07")).state,
        DueState::Missed
    );
    // A check-in on 20 Nov moves the next one to 18 Dec.
    let due = next_checkin(
        1,
        Some(d("2026-11-01")),
        Some(d("2026-11-20")),
        4,
        d("2026-12-07"),
    );
    assert_eq!(due.due, d("2026-12-18"));
    assert_eq!(due.state, DueState::Later);
    // Every 2 weeks.
    assert_eq!(
        next_checkin(1, None, Some(d("2026-11-20")), 2, d("2026-11-20")).due,
        d("2026-12-04")
    );
    // No date at all: due today.
    assert_eq!(
        next_checkin(1, None, None, 4, d("2026-11-20")).state,
        DueState::DueNow
    );
}

#[test]
fn cadence_must_be_sensible() {
    let mut f = FollowUp::default();
    assert_eq!(f.cadence_weeks, 4);
    assert!(f.set_cadence(0).is_err());
    assert!(f.set_cadence(53).is_err());
    f.set_cadence(2).unwrap();
    assert_eq!(f.cadence_weeks, 2);
}

#[test]
fn scores_outside_one_to_five_are_refused_even_from_a_file() {
    assert!(Score::new(0).is_err());
    assert!(Score::new(6).is_err());
    assert!(
        serde_json::from_str::<CheckIn>(r#"{"id":1,"pair":2,"date":"2026-11-01","going":9}"#)
            .is_err()
    );
    let c: CheckIn =
        serde_json::from_str(r#"{"id":1,"pair":2,"date":"2026-11-01","going":4}"#).unwrap();
    assert_eq!(c.going.get(), 4);
}

fn with_pairs(pairs: &[MentoringPair]) -> Mentoring {
    Mentoring {
        pairs: pairs.to_vec(),
        ..Mentoring::default()
    }
}

fn reasons(f: &FollowUp, pairs: &[MentoringPair], today: &str) -> Vec<FlagReason> {
    health(f, &with_pairs(pairs), d(today))
        .into_iter()
        .find(|h| h.pair == pairs[0].id)
        .unwrap()
        .reasons
}

#[test]
fn each_health_flag_has_its_reason() {
    let pairs = [pair(1, "2026-09-01")];
    let mut f = FollowUp::default();
    // Fine: good ratings, checked in recently.
    f.add_checkin(checkin(10, 1, "2026-10-01", 4, 4)).unwrap();
    f.add_checkin(checkin(11, 1, "2026-10-29", 4, 5)).unwrap();
    assert_eq!(reasons(&f, &pairs, "2026-11-02"), []);
    // Low: a 2 on either question.
    f.add_checkin(checkin(12, 1, "2026-11-02", 4, 2)).unwrap();
    let r = reasons(&f, &pairs, "2026-11-03");
    assert!(r.contains(&FlagReason::LowScore), "{r:?}");
    // Drop: 5 to 2 on equity is both low and a drop.
    assert!(r.contains(&FlagReason::Drop), "{r:?}");
    // A drop of 2 that stays above low is a drop only.
    let mut g = FollowUp::default();
    g.add_checkin(checkin(10, 1, "2026-10-01", 5, 5)).unwrap();
    g.add_checkin(checkin(11, 1, "2026-10-29", 3, 5)).unwrap();
    assert_eq!(reasons(&g, &pairs, "2026-11-01"), [FlagReason::Drop]);
    // Missed: more than a week past due (29 Oct + 4 weeks = 26 Nov; missed from 4 Dec).
    assert_eq!(reasons(&g, &pairs, "2026-12-03"), [FlagReason::Drop]);
    assert_eq!(
        reasons(&g, &pairs, "2026-12-04"),
        [FlagReason::Drop, FlagReason::MissedCheckIn]
    );
    // Overdue steps in the pair's plan.
    let mut plan = Plan::from_activity(20, Some(1), "Workshop", d("2026-10-01")).unwrap();
    plan.add_step(21, "Try it", Some(d("2026-10-20")), "")
        .unwrap();
    g.plans.push(plan);
    assert!(reasons(&g, &pairs, "2026-11-01").contains(&FlagReason::OverdueSteps));
    // A plan of another pair does not flag this one.
    g.plans[0].pair = Some(2);
    assert!(!reasons(&g, &pairs, "2026-11-01").contains(&FlagReason::OverdueSteps));
}

#[test]
fn a_resolved_intervention_clears_rating_flags_until_the_next_check_in() {
    let pairs = [pair(1, "2026-09-01")];
    let mut f = FollowUp::default();
    f.add_checkin(checkin(10, 1, "2026-10-01", 2, 2)).unwrap();
    assert_eq!(reasons(&f, &pairs, "2026-10-02"), [FlagReason::LowScore]);
    f.record_intervention(
        30,
        1,
        d("2026-10-03"),
        "Talked with both, agreed a new rhythm",
    )
    .unwrap();
    assert_eq!(
        reasons(&f, &pairs, "2026-10-04"),
        [FlagReason::LowScore],
        "open, not resolved"
    );
    assert!(
        f.resolve_intervention(30, d("2026-10-02")).is_err(),
        "not before it began"
    );
    f.resolve_intervention(30, d("2026-10-10")).unwrap();
    assert_eq!(reasons(&f, &pairs, "2026-10-11"), []);
    f.add_checkin(checkin(11, 1, "2026-10-20", 1, 3)).unwrap();
    assert_eq!(reasons(&f, &pairs, "2026-10-21"), [FlagReason::LowScore]);
    assert!(f.record_intervention(31, 1, d("2026-10-21"), "  ").is_err());
}

#[test]
fn ended_pairs_are_not_on_the_health_view_and_flagged_pairs_come_first() {
    let mut ended = pair(2, "2026-09-01");
    ended.ended = Some(d("2026-10-01"));
    let pairs = [pair(1, "2026-09-01"), ended, pair(3, "2026-09-01")];
    let mut f = FollowUp::default();
    f.add_checkin(checkin(10, 1, "2026-10-01", 5, 5)).unwrap();
    f.add_checkin(checkin(11, 3, "2026-10-01", 1, 5)).unwrap();
    let h = health(&f, &with_pairs(&pairs), d("2026-10-02"));
    assert_eq!(h.iter().map(|h| h.pair).collect::<Vec<_>>(), [3, 1]);
}

fn answers(all: u8, isolation: u8) -> SurveyAnswers {
    let mut a = SurveyAnswers::default();
    for m in Measure::ALL {
        a.set(m, all);
    }
    a.set(Measure::Isolation, isolation);
    a
}

#[test]
fn isolation_is_reverse_scored() {
    assert_eq!(Measure::Isolation.score(5), 1);
    assert_eq!(Measure::Isolation.score(1), 5);
    assert_eq!(Measure::Support.score(5), 5);
    assert_eq!(mean_score(Measure::Isolation, [0, 0, 0, 0, 2]), Some(1.0));
    assert_eq!(mean_score(Measure::Support, [1, 0, 0, 0, 1]), Some(3.0));
    assert_eq!(mean_score(Measure::Support, [0; 5]), None);
}

#[test]
fn survey_keeps_counts_only_and_measures_change_from_the_start() {
    let mut s = Survey::default();
    s.add_point(1, "Start", None).unwrap();
    s.add_point(2, "After six months", Some(d("2027-05-01")))
        .unwrap();
    assert!(
        s.record(1, &SurveyAnswers::default()).is_err(),
        "every statement needs an answer"
    );
    let mut all = *answers(3, 3).all();
    all[6] = None;
    let half = SurveyAnswers::new(all);
    assert!(s.record(1, &half).is_err());
    assert!(s.record(99, &answers(3, 3)).is_err());
    s.record(1, &answers(2, 5)).unwrap();
    s.record(1, &answers(3, 4)).unwrap();
    s.record(2, &answers(4, 2)).unwrap();
    s.record(2, &answers(5, 1)).unwrap();
    assert_eq!(s.points[0].responses, 2);
    assert_eq!(s.points[0].tally(Measure::Support), [0, 1, 1, 0, 0]);
    let r = s.results();
    assert!(r[0].start && !r[1].start);
    let support = |p: &PointResult| {
        p.measures
            .iter()
            .find(|m| m.measure == Measure::Support)
            .copied()
            .unwrap()
    };
    let isolation = |p: &PointResult| {
        p.measures
            .iter()
            .find(|m| m.measure == Measure::Isolation)
            .copied()
            .unwrap()
    };
    assert_eq!(support(&r[0]).mean, Some(2.5));
    assert_eq!(support(&r[0]).change, None);
    assert_eq!(support(&r[1]).change, Some(2.0));
    // Isolation went from 4.5 (bad) to 1.5 (good): the score rises by 3.
    assert_eq!(isolation(&r[0]).mean, Some(1.5));
    assert_eq!(isolation(&r[1]).change, Some(3.0));
    // The stored shape has no list of responses that could show who answered in which order.
    let json = serde_json::to_string(&s).unwrap();
    assert!(
        !json.contains("answers") && !json.contains("date"),
        "{json}"
    );
}

#[test]
fn survey_validation_catches_edited_counts() {
    let mut s = Survey::default();
    s.add_point(1, "Start", None).unwrap();
    s.record(1, &answers(3, 3)).unwrap();
    assert!(s.validate().is_ok());
    s.points[0].tallies[0] = [4, 0, 0, 0, 0];
    assert!(s.validate().is_err());
}

#[test]
fn this_week_lists_due_check_ins_overdue_steps_and_survey_points() {
    let mentoring = Mentoring {
        pairs: vec![pair(1, "2026-10-01"), pair(2, "2026-11-20")],
        ..Mentoring::default()
    };
    let mut f = FollowUp::default();
    let mut plan = Plan::from_activity(20, Some(1), "Workshop", d("2026-10-01")).unwrap();
    plan.add_step(21, "Try it", Some(d("2026-11-20")), "")
        .unwrap();
    plan.add_step(22, "Later", Some(d("2026-12-20")), "")
        .unwrap();
    f.plans.push(plan);
    f.survey
        .add_point(30, "Start", Some(d("2026-11-26")))
        .unwrap();
    f.survey
        .add_point(31, "Later", Some(d("2027-03-01")))
        .unwrap();
    let items = this_week(&f, &mentoring, d("2026-11-24"));
    assert_eq!(
        items,
        vec![
            WeekItem::CheckIn {
                pair: 1,
                due: d("2026-10-29"),
                missed: true
            },
            WeekItem::OverdueStep {
                plan: 20,
                step: 21,
                due: d("2026-11-20")
            },
            WeekItem::SurveyPoint {
                point: 30,
                planned: d("2026-11-26")
            },
        ],
    );
}

#[test]
fn ids_of_follow_up_are_never_handed_out_again() {
    let mut ws = crate::domain::workspace::Workspace::default();
    let p = ws.create_programme("P").unwrap();
    let mut plan = Plan::from_activity(500, None, "Workshop", d("2026-10-01")).unwrap();
    plan.add_step(501, "Try it", None, "").unwrap();
    ws.programme_mut(p).unwrap().followup.plans.push(plan);
    assert!(ws.fresh_id() > 501);
}

#[test]
fn older_programme_records_read_with_an_empty_follow_up() {
    let p: crate::domain::programme::Programme =
        serde_json::from_str(r#"{"id":1,"name":"P"}"#).unwrap();
    assert_eq!(*p.followup, FollowUp::default());
}

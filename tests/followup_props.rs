//! Follow-up plans, check-in notes, interventions and survey point names are confidential:
//! whatever they say, no shared file carries any of it. `Shareable`'s survey types have no
//! text field at all (checked at compile time below); this checks the whole path, from a
//! workspace through `Material` and the gate to every file format, with random text and scores.

use peercircle::domain::followup::{
    Apply, CheckIn, EnteredBy, Measure, Plan, PlanField, Score, SurveyAnswers,
};
use peercircle::domain::mentoring::MentoringPair;
use peercircle::domain::programme::GroupKind;
use peercircle::domain::workspace::Workspace;
use peercircle::domain::Date;
use peercircle::share::combine::combine;
use peercircle::share::export::{FileKind, Material};
use peercircle::share::gate::{ExportPolicy, SharedMeasure, SharedSurveyPoint};
use peercircle::share::suppress::{Count, Stat};
use proptest::prelude::*;

/// Compile-time: a shared survey point is made of numbers, counts, statistics and the fixed
/// list of measures. Adding a `String` field breaks this destructuring.
#[allow(dead_code)]
fn survey_types_hold_no_text(p: SharedSurveyPoint) {
    let SharedSurveyPoint {
        point: _point,
        start: _start,
        responses,
        measures,
    } = p;
    let _: Count = responses;
    for SharedMeasure {
        measure,
        answers,
        mean,
        change,
    } in measures
    {
        let _: Measure = measure;
        let _: Vec<Count> = answers;
        let _: (Stat, Stat) = (mean, change);
    }
}

fn day(n: i32) -> Date {
    Date::from_ymd(2026, 9, 1).unwrap().add_days(n)
}

fn workspace(secret: &str, scores: &[(u8, u8)], people: u8) -> Workspace {
    let mut ws = Workspace::default();
    let pid = ws.create_programme("Nursing mentors").unwrap();
    let gid = ws.fresh_id();
    let pair = ws.fresh_id();
    let p = ws.programme_mut(pid).unwrap();
    p.add_group(gid, "Mentor circle", GroupKind::MentorSupport)
        .unwrap();
    p.mentoring.pairs.push(MentoringPair {
        id: pair,
        members: vec![1, 2],
        confirmed: Some(day(0)),
        ..MentoringPair::default()
    });
    let f = &mut p.followup;
    let mut plan = Plan::from_activity(9000, Some(pair), secret, day(1)).unwrap();
    for field in [
        PlanField::Questions,
        PlanField::NeedsMore,
        PlanField::Goals,
        PlanField::Objectives,
        PlanField::Support,
    ] {
        plan.set_field(field, secret).unwrap();
    }
    plan.add_learning(secret, Apply::Now).unwrap();
    plan.add_step(9001, secret, Some(day(3)), secret).unwrap();
    f.plans.push(plan);
    for (i, (going, equity)) in scores.iter().enumerate() {
        f.add_checkin(CheckIn {
            id: 9100 + i as u64,
            pair,
            date: Some(day(i as i32 * 28)),
            going: Score::new(*going).unwrap(),
            equity: Score::new(*equity).unwrap(),
            improve: secret.to_string(),
            by: EnteredBy::Partner,
            concern: false,
        })
        .unwrap();
    }
    f.record_intervention(9200, pair, day(2), secret).unwrap();
    f.survey.add_point(9300, secret, Some(day(5))).unwrap();
    f.survey.add_point(9301, secret, None).unwrap();
    for i in 0..people {
        let mut a = SurveyAnswers::default();
        for m in Measure::ALL {
            a.set(m, 1 + (i + m as u8) % 5);
        }
        f.survey.record(9300, &a).unwrap();
        f.survey.record(9301, &a).unwrap();
    }
    ws
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_follow_up_text_reaches_any_file(
        secret in "[A-Za-z]{6,12}zq[A-Za-z ]{0,20}",
        scores in prop::collection::vec((1u8..=5, 1u8..=5), 0..5),
        people in 0u8..12,
    ) {
        let ws = workspace(&secret, &scores, people);
        let pid = ws.programmes[0].id;
        let material = Material::of(&ws, pid).unwrap();
        let cleared = material
            .run_with(&Default::default(), day(60), &ExportPolicy::default())
            .unwrap();
        // The survey aggregates do reach the file, so the check below is not vacuous.
        prop_assert_eq!(cleared.shareable.survey.len(), 2);
        let needle = secret.trim().to_lowercase();
        for kind in FileKind::ALL {
            let text = kind.render(&cleared).to_lowercase();
            prop_assert!(!text.contains(&needle), "{:?} holds follow-up text", kind);
        }
        // And the JSON reads back through combine with the survey refused nowhere.
        let json = FileKind::ProgrammeJson.render(&cleared);
        prop_assert!(combine(&[&json], ExportPolicy::default().k).is_ok());
    }
}

use super::*;
use crate::domain::programme::GroupKind;
use crate::domain::roster::Role;

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn programme() -> Programme {
    let mut p = Programme::new(1, "P").unwrap();
    p.add_group(2, "Peers", GroupKind::Peer).unwrap();
    p.add_participant(10, "Ana", Role::Peer).unwrap();
    p.add_participant(11, "Bo", Role::Peer).unwrap();
    p
}

#[test]
fn stages_come_in_order_with_guidance() {
    let numbers: Vec<usize> = Stage::ALL.iter().map(|s| s.number()).collect();
    assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6, 7]);
    for s in Stage::ALL {
        assert!(!s.title().is_empty() && s.watch_for().len() > 40 && s.prompt().len() > 20);
    }
    assert_eq!(Term::ALL.len(), 8);
}

#[test]
fn a_text_stage_goes_from_not_started_to_agreed_and_back_to_changed() {
    let mut p = programme();
    assert_eq!(p.stage_status(2, Stage::Purpose), StageStatus::NotStarted);
    assert!(p.agree_stage(2, Stage::Purpose, d("2027-01-05")).is_err());
    p.set_stage_text(2, Stage::Purpose, "Support for supervising students")
        .unwrap();
    assert_eq!(p.stage_status(2, Stage::Purpose), StageStatus::Draft);
    p.agree_stage(2, Stage::Purpose, d("2027-01-05")).unwrap();
    let agreed = p.stage_status(2, Stage::Purpose);
    assert_eq!(agreed, StageStatus::Agreed(Some(d("2027-01-05"))));
    assert_eq!(agreed.label(), "Everyone agreed on 2027-01-05");
    p.set_stage_text(2, Stage::Purpose, "Support for supervising students well")
        .unwrap();
    assert!(matches!(
        p.stage_status(2, Stage::Purpose),
        StageStatus::ChangedSinceAgreed(_)
    ));
    p.set_stage_text(2, Stage::Purpose, "Support for supervising students")
        .unwrap();
    assert!(
        p.stage_status(2, Stage::Purpose).is_agreed(),
        "back as agreed"
    );
    assert!(p.set_stage_text(9, Stage::Purpose, "x").is_err());
}

#[test]
fn the_members_stage_follows_the_roster() {
    let mut p = programme();
    assert!(p.agree_stage(2, Stage::Members, d("2027-01-05")).is_err());
    p.set_membership(10, 2, true).unwrap();
    p.set_membership(11, 2, true).unwrap();
    p.agree_stage(2, Stage::Members, d("2027-01-05")).unwrap();
    assert!(p.stage_status(2, Stage::Members).is_agreed());
    p.set_membership(11, 2, false).unwrap();
    assert!(matches!(
        p.stage_status(2, Stage::Members),
        StageStatus::ChangedSinceAgreed(_)
    ));
}

#[test]
fn renegotiating_the_working_agreement_keeps_every_version() {
    let mut p = programme();
    assert_eq!(
        p.stage_status(2, Stage::WorkingAgreement),
        StageStatus::NotStarted
    );
    assert!(p
        .agree_stage(2, Stage::WorkingAgreement, d("2027-01-05"))
        .is_err());
    p.set_term(2, Term::Confidentiality, "What is said here stays here")
        .unwrap();
    p.set_term(2, Term::PresenterMinutes, "15 minutes").unwrap();
    p.agree_stage(2, Stage::WorkingAgreement, d("2027-01-05"))
        .unwrap();
    p.agree_stage(2, Stage::WorkingAgreement, d("2027-01-06"))
        .unwrap();
    assert_eq!(
        p.charter(2).unwrap().versions.len(),
        1,
        "agreeing twice is once"
    );
    p.set_term(2, Term::PresenterMinutes, "20 minutes").unwrap();
    assert_eq!(
        p.stage_status(2, Stage::WorkingAgreement).label(),
        "Changed since everyone agreed on 2027-01-05: ask the group again"
    );
    p.agree_stage(2, Stage::WorkingAgreement, d("2027-03-02"))
        .unwrap();
    let versions = &p.charter(2).unwrap().versions;
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0].number, 1);
    assert_eq!(versions[0].terms.get(Term::PresenterMinutes), "15 minutes");
    assert_eq!(versions[1].agreed_on, d("2027-03-02"));
    assert_eq!(versions[1].terms.get(Term::PresenterMinutes), "20 minutes");
    assert!(p
        .set_term(2, Term::Feedback, &"x".repeat(crate::domain::MAX_TEXT + 1))
        .is_err());
}

#[test]
fn completeness_counts_agreed_stages_and_leadership_is_recorded() {
    let mut p = programme();
    p.set_membership(10, 2, true).unwrap();
    for s in Stage::ALL {
        match s {
            Stage::Members => {}
            Stage::WorkingAgreement => p.set_term(2, Term::GroundRules, "Be kind").unwrap(),
            _ => p.set_stage_text(2, s, "Agreed text").unwrap(),
        }
        p.agree_stage(2, s, d("2027-01-05")).unwrap();
    }
    assert_eq!(p.stages_agreed(2), 7);
    p.set_leadership(2, Some(Leadership::NoDesignatedRoles))
        .unwrap();
    assert_eq!(
        p.charter(2).unwrap().leadership,
        Some(Leadership::NoDesignatedRoles)
    );
    assert!(NO_ROLES_WARNING.contains("most problematic"));
    // A charter survives a round trip through storage unchanged.
    let json = serde_json::to_string(&p).unwrap();
    let back: Programme = serde_json::from_str(&json).unwrap();
    assert_eq!(back, p);
}

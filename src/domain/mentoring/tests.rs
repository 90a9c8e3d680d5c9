use super::import::{
    parse_csv, parse_days, parse_skills, plan_import, ImportError, LineReason, Mapping,
    MAX_IMPORT_BYTES,
};
use super::*;
use crate::domain::pairing::{OddMode, ProgrammeKind, Side};
use crate::domain::roster::Role;
use crate::domain::workspace::Workspace;
use crate::domain::{Date, DomainError, Id};

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// A workspace with one programme, `names` on its roster and the skills given.
fn setup(names: &[&str], skills: &[&str]) -> (Workspace, Id) {
    let mut ws = Workspace::default();
    let p = ws.create_programme("Mentoring").unwrap();
    ws.paste_people(p, &names.join("\n"), Role::Peer, None)
        .unwrap();
    for s in skills {
        let id = ws.fresh_id();
        ws.programme_mut(p)
            .unwrap()
            .mentoring
            .add_skill(id, s)
            .unwrap();
    }
    (ws, p)
}

fn id_of(ws: &Workspace, p: Id, name: &str) -> Id {
    ws.programme(p)
        .unwrap()
        .participants
        .iter()
        .find(|x| x.display_name == name)
        .unwrap()
        .id
}

fn skill(ws: &Workspace, p: Id, name: &str) -> Id {
    ws.programme(p)
        .unwrap()
        .mentoring
        .skill_named(name)
        .unwrap()
        .id
}

fn m(ws: &mut Workspace, p: Id) -> &mut Mentoring {
    &mut ws.programme_mut(p).unwrap().mentoring
}

#[test]
fn skills_are_added_renamed_and_duplicates_refused() {
    let (mut ws, p) = setup(&[], &["Budgeting"]);
    let id = ws.fresh_id();
    let mentoring = m(&mut ws, p);
    assert!(matches!(
        mentoring.add_skill(id, "  budgeting "),
        Err(DomainError::Mentoring(MentoringError::SkillListed(_)))
    ));
    assert_eq!(
        mentoring.add_skill(id, "  "),
        Err(DomainError::EmptyName("the skill"))
    );
    assert!(mentoring.add_skill(id, &"x".repeat(81)).is_err());
    mentoring.add_skill(id, "Public   speaking").unwrap();
    assert_eq!(mentoring.skill_name(id), "Public speaking");
    assert!(mentoring.rename_skill(id, "BUDGETING").is_err());
    mentoring.rename_skill(id, "Speaking in public").unwrap();
    mentoring.rename_skill(id, "speaking in public").unwrap();
    assert_eq!(mentoring.skill_name(id), "speaking in public");
    assert!(ws.programme(p).unwrap().mentoring.ids().any(|x| x == id));
    assert!(ws.fresh_id() > id);
}

#[test]
fn merging_rewrites_every_profile_and_keeps_the_higher_level() {
    let (mut ws, p) = setup(&["Ana", "Ben"], &["Budget", "Budgeting", "Cooking"]);
    let (ana, ben) = (id_of(&ws, p, "Ana"), id_of(&ws, p, "Ben"));
    let (a, b, c) = (
        skill(&ws, p, "Budget"),
        skill(&ws, p, "Budgeting"),
        skill(&ws, p, "Cooking"),
    );
    let mm = m(&mut ws, p);
    mm.set_level(ana, Direction::Offers, a, 3).unwrap();
    mm.set_level(ana, Direction::Offers, b, 1).unwrap();
    mm.set_level(ana, Direction::Wants, c, 2).unwrap();
    mm.set_level(ben, Direction::Wants, a, 1).unwrap();
    mm.set_level(ben, Direction::Offers, b, 2).unwrap();
    assert!(mm.merge_skills(a, a).is_err());
    assert_eq!(mm.merge_skills(a, 999), Err(DomainError::NotFound("skill")));
    mm.merge_skills(a, b).unwrap();
    assert!(mm.skill(a).is_none());
    assert_eq!(
        mm.level(ana, Direction::Offers, b),
        3,
        "the higher level stays"
    );
    assert_eq!(
        mm.profile(ana).unwrap().offers.len(),
        1,
        "one entry, not two"
    );
    assert_eq!(
        mm.level(ana, Direction::Wants, c),
        2,
        "other skills untouched"
    );
    assert_eq!(mm.level(ben, Direction::Wants, b), 1);
    assert_eq!(mm.level(ben, Direction::Offers, b), 2);
    assert!(mm
        .profiles
        .iter()
        .all(|p| p.offers.iter().chain(&p.wants).all(|s| s.skill != a)));
    mm.remove_skill(c).unwrap();
    assert_eq!(mm.level(ana, Direction::Wants, c), 0);
}

#[test]
fn profile_edits_are_checked() {
    let (mut ws, p) = setup(&["Ana"], &["Budgeting"]);
    let ana = id_of(&ws, p, "Ana");
    let s = skill(&ws, p, "Budgeting");
    let mm = m(&mut ws, p);
    assert!(mm.set_level(ana, Direction::Offers, s, 4).is_err());
    assert_eq!(
        mm.set_level(ana, Direction::Offers, 77, 1),
        Err(DomainError::NotFound("skill"))
    );
    mm.set_level(ana, Direction::Offers, s, 2).unwrap();
    mm.set_level(ana, Direction::Offers, s, 0).unwrap();
    assert_eq!(mm.level(ana, Direction::Offers, s), 0);
    assert!(mm.set_day(ana, 7, true).is_err());
    mm.set_day(ana, 2, true).unwrap();
    assert!(mm.set_team(ana, &"t".repeat(81)).is_err());
    mm.set_team(ana, "<b>Finance</b>").unwrap();
    assert!(mm.set_capacity(ana, Some(0)).is_err());
    mm.set_capacity(ana, Some(2)).unwrap();
    let profile = mm.profile(ana).unwrap();
    assert_eq!(profile.team, "<b>Finance</b>");
    assert!(profile.availability.contains(&2));
}

/// Eight people with complementary skills: each pair (2k, 2k+1) helps each other.
fn eight() -> (Workspace, Id, Vec<Id>) {
    let names = ["Ana", "Ben", "Cai", "Dee", "Eli", "Fay", "Gus", "Hal"];
    let skills = ["S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7"];
    let (mut ws, p) = setup(&names, &skills);
    let ids: Vec<Id> = names.iter().map(|n| id_of(&ws, p, n)).collect();
    let sk: Vec<Id> = skills.iter().map(|s| skill(&ws, p, s)).collect();
    let mm = m(&mut ws, p);
    for k in 0..4 {
        let (a, b) = (ids[2 * k], ids[2 * k + 1]);
        mm.set_level(a, Direction::Offers, sk[2 * k], 3).unwrap();
        mm.set_level(b, Direction::Wants, sk[2 * k], 3).unwrap();
        mm.set_level(b, Direction::Offers, sk[2 * k + 1], 3)
            .unwrap();
        mm.set_level(a, Direction::Wants, sk[2 * k + 1], 3).unwrap();
    }
    (ws, p, ids)
}

fn roster(ws: &Workspace, p: Id) -> Vec<crate::domain::roster::Participant> {
    ws.programme(p).unwrap().participants.clone()
}

fn pairs_of(mm: &Mentoring) -> Vec<Vec<Id>> {
    mm.draft
        .as_ref()
        .unwrap()
        .pairs
        .iter()
        .map(|p| p.members.clone())
        .collect()
}

#[test]
fn propose_lock_break_and_propose_again() {
    let (mut ws, p, ids) = eight();
    let r = roster(&ws, p);
    let mm = m(&mut ws, p);
    mm.propose(&r, d("2026-12-01")).unwrap();
    let first = pairs_of(mm);
    assert_eq!(first.len(), 4);
    assert!(first.contains(&vec![ids[0], ids[1]]));
    let draft = mm.draft.as_ref().unwrap();
    assert!(
        draft.pairs[0]
            .explanation
            .contains("Ana can help Ben with S0"),
        "{}",
        draft.pairs[0].explanation
    );
    assert_eq!(draft.total_score(), 4 * 2 * 90);

    // Swap Ben and Dee: Ana+Dee and Cai+Ben, rescored and kept as locks (proposing again
    // never silently undoes a swap); then unlock Cai+Ben and propose again.
    mm.swap(&r, ids[1], ids[3]).unwrap();
    let draft = mm.draft.as_ref().unwrap();
    assert_eq!(draft.pairs[0].members, vec![ids[0], ids[3]]);
    assert_eq!(draft.pairs[0].score, 0);
    assert!(
        draft.pairs[0].locked && draft.pairs[1].locked,
        "a swap is kept"
    );
    mm.set_locked(&[ids[2], ids[1]], false).unwrap();
    assert!(mm.swap(&r, ids[0], ids[3]).is_err(), "already together");
    mm.set_locked(&[ids[0], ids[3]], true).unwrap();
    mm.propose(&r, d("2026-12-01")).unwrap();
    let again = pairs_of(mm);
    assert!(
        again.contains(&vec![ids[0], ids[3]]),
        "the locked pair is kept: {again:?}"
    );
    assert!(mm
        .draft
        .as_ref()
        .unwrap()
        .pairs
        .iter()
        .any(|p| p.locked && p.members == vec![ids[0], ids[3]]));
    assert!(again.contains(&vec![ids[4], ids[5]]));

    // Breaking a pair keeps those two apart on the next proposal.
    mm.set_locked(&[ids[0], ids[3]], false).unwrap();
    mm.break_pair(&[ids[4], ids[5]]).unwrap();
    assert!(mm.draft.as_ref().unwrap().unpaired.contains(&ids[4]));
    mm.propose(&r, d("2026-12-01")).unwrap();
    assert!(!pairs_of(mm).contains(&vec![ids[4], ids[5]]));
    assert!(
        pairs_of(mm).contains(&vec![ids[0], ids[1]]),
        "unlocked pairs are free again"
    );
}

#[test]
fn swaps_that_break_rules_are_refused() {
    let (mut ws, p, ids) = eight();
    let r = roster(&ws, p);
    let mm = m(&mut ws, p);
    mm.never.push((ids[0], ids[3]));
    mm.propose(&r, d("2026-12-01")).unwrap();
    let before = mm.draft.clone();
    assert!(
        mm.swap(&r, ids[1], ids[3]).is_err(),
        "Ana and Dee must never be paired"
    );
    assert_eq!(mm.draft, before, "a refused swap changes nothing");
    assert!(mm.swap(&r, ids[1], 9999).is_err());
    mm.set_team(ids[0], "Finance").unwrap();
    mm.set_team(ids[5], "finance ").unwrap();
    mm.must_differ_team = true;
    assert!(mm.swap(&r, ids[1], ids[5]).is_err(), "same team");
}

#[test]
fn mentor_protege_sides_come_from_roles_and_swaps_keep_the_shape() {
    let mut ws = Workspace::default();
    let p = ws.create_programme("M").unwrap();
    ws.paste_people(p, "Mo\nMia", Role::Mentor, None).unwrap();
    ws.paste_people(p, "Pat\nPia", Role::Protege, None).unwrap();
    let s = ws.fresh_id();
    let r = roster(&ws, p);
    let ids: Vec<Id> = r.iter().map(|x| x.id).collect();
    let mm = m(&mut ws, p);
    mm.add_skill(s, "Budgeting").unwrap();
    mm.kind = ProgrammeKind::MentorProtege { capacity: 1 };
    mm.set_level(ids[0], Direction::Offers, s, 3).unwrap();
    mm.set_level(ids[3], Direction::Wants, s, 3).unwrap();
    assert_eq!(mm.side_of(&r[0]), Side::Mentor);
    assert_eq!(mm.side_of(&r[2]), Side::Protege);
    mm.propose(&r, d("2026-12-01")).unwrap();
    assert!(pairs_of(mm).contains(&vec![ids[0], ids[3]]), "mentor first");
    assert!(
        mm.swap(&r, ids[0], ids[2]).is_err(),
        "a mentor for a protege breaks the shape"
    );
    mm.swap(&r, ids[0], ids[1]).unwrap();
    // The swap is kept as two locks; unlock them to let the next proposal start afresh.
    mm.set_locked(&[ids[1], ids[3]], false).unwrap();
    mm.set_locked(&[ids[0], ids[2]], false).unwrap();
    // A mentor with two proteges: lock and break act on one pair, a swap of the mentor is refused.
    mm.kind = ProgrammeKind::MentorProtege { capacity: 2 };
    mm.set_level(ids[2], Direction::Wants, s, 2).unwrap();
    mm.propose(&r, d("2026-12-01")).unwrap();
    let with_mo = pairs_of(mm);
    assert!(
        with_mo.contains(&vec![ids[0], ids[2]]) && with_mo.contains(&vec![ids[0], ids[3]]),
        "{with_mo:?}"
    );
    assert!(mm
        .swap(&r, ids[0], ids[1])
        .unwrap_err()
        .to_string()
        .contains("more than one pair"));
    mm.set_locked(&[ids[0], ids[3]], true).unwrap();
    mm.break_pair(&[ids[0], ids[2]]).unwrap();
    let d = mm.draft.clone().unwrap();
    assert!(d
        .pairs
        .iter()
        .any(|p| p.locked && p.members == vec![ids[0], ids[3]]));
    assert!(
        d.unpaired.contains(&ids[2]) && !d.unpaired.contains(&ids[0]),
        "Mo is still paired"
    );
    assert_eq!(d.people().len(), 4);
    // The inventory can override the roster role.
    mm.set_side(ids[1], Side::Protege);
    assert_eq!(mm.side_of(&r[1]), Side::Protege);
}

#[test]
fn confirming_stores_dated_pairs_and_leaves_them_out_of_the_next_proposal() {
    let (mut ws, p, ids) = eight();
    let r = roster(&ws, p);
    m(&mut ws, p).propose(&r, d("2026-12-01")).unwrap();
    assert_eq!(ws.confirm_pairs(p, d("2026-03-02")), Ok(4));
    let mm = &ws.programme(p).unwrap().mentoring;
    assert!(mm.draft.is_none());
    assert_eq!(mm.pairs.len(), 4);
    assert!(mm
        .pairs
        .iter()
        .all(|x| x.confirmed == Some(d("2026-03-02")) && x.contract.goals.len() == 2));
    assert!(mm.pairs[0].explanation.contains("can help"));
    let mut pair_ids: Vec<Id> = mm.pairs.iter().map(|x| x.id).collect();
    pair_ids.sort_unstable();
    pair_ids.dedup();
    assert_eq!(pair_ids.len(), 4);
    assert!(pair_ids.iter().all(|id| !ids.contains(id)), "fresh ids");
    assert_eq!(
        ws.confirm_pairs(p, d("2026-03-02")),
        Err(DomainError::NotFound("proposal"))
    );
    // Everyone is paired now, so a new proposal has nobody to pair.
    let mm = m(&mut ws, p);
    mm.propose(&r, d("2026-12-01")).unwrap();
    assert!(mm.draft.as_ref().unwrap().pairs.is_empty());
    assert!(
        ws.confirm_pairs(p, d("2026-03-02")).is_err(),
        "nothing to confirm"
    );
}

#[test]
fn a_removed_participant_breaks_nothing() {
    let (mut ws, p, ids) = eight();
    let r = roster(&ws, p);
    m(&mut ws, p).propose(&r, d("2026-12-01")).unwrap();
    ws.programme_mut(p)
        .unwrap()
        .remove_participant(ids[0])
        .unwrap();
    assert!(
        ws.confirm_pairs(p, d("2026-03-02")).is_err(),
        "proposal names someone removed"
    );
    let r = roster(&ws, p);
    let mm = m(&mut ws, p);
    assert_eq!(mm.problem(&r, d("2026-12-01")).people.len(), 7);
    mm.propose(&r, d("2026-12-01")).unwrap();
    assert_eq!(mm.draft.as_ref().unwrap().unpaired.len(), 1);
    ws.confirm_pairs(p, d("2026-03-02")).unwrap();
    // Removing someone in a confirmed pair keeps the pair on record.
    let member = ws.programme(p).unwrap().mentoring.pairs[0].members[0];
    ws.programme_mut(p)
        .unwrap()
        .remove_participant(member)
        .unwrap();
    let r = roster(&ws, p);
    assert_eq!(ws.programme(p).unwrap().mentoring.pairs.len(), 3);
    assert!(m(&mut ws, p)
        .problem(&r, d("2026-12-01"))
        .people
        .iter()
        .all(|x| x.id != member));
}

#[test]
fn odd_numbers_can_make_a_trio_which_cannot_be_locked() {
    let (mut ws, p) = setup(&["A", "B", "C"], &[]);
    let r = roster(&ws, p);
    let mm = m(&mut ws, p);
    mm.kind = ProgrammeKind::Peer { odd: OddMode::Trio };
    mm.propose(&r, d("2026-12-01")).unwrap();
    let draft = mm.draft.clone().unwrap();
    assert_eq!(draft.pairs.len(), 1);
    assert_eq!(draft.pairs[0].members.len(), 3);
    let trio = draft.pairs[0].members.clone();
    assert!(mm.set_locked(&trio, true).is_err());
    assert_eq!(
        mm.set_locked(&trio[..2], true),
        Err(DomainError::NotFound("pair"))
    );
}

#[test]
fn contracts_are_written_checked_and_dated() {
    let (mut ws, p, _) = eight();
    let r = roster(&ws, p);
    m(&mut ws, p).propose(&r, d("2026-12-01")).unwrap();
    ws.confirm_pairs(p, d("2026-03-02")).unwrap();
    let mm = m(&mut ws, p);
    let pair = mm.pairs[0].id;
    assert!(mm.pair(pair).unwrap().contract.is_blank());
    mm.edit_contract(pair, ContractField::Goals(1), "Speak at the June meeting")
        .unwrap();
    mm.edit_contract(
        pair,
        ContractField::Meetings,
        "Every other Tuesday, by phone",
    )
    .unwrap();
    assert_eq!(
        mm.edit_contract(pair, ContractField::Goals(2), "x"),
        Err(DomainError::NotFound("member"))
    );
    assert!(matches!(
        mm.edit_contract(pair, ContractField::Commitments, &"x".repeat(20_001)),
        Err(DomainError::TooLong { .. })
    ));
    assert!(
        mm.set_review(pair, Some(d("2026-03-01"))).is_err(),
        "before confirming"
    );
    mm.set_review(pair, Some(d("2026-06-01"))).unwrap();
    assert_eq!(
        mm.edit_contract(4242, ContractField::Meetings, ""),
        Err(DomainError::NotFound("pair"))
    );
    let c = &mm.pair(pair).unwrap().contract;
    assert_eq!(c.text(ContractField::Goals(1)), "Speak at the June meeting");
    assert_eq!(c.text(ContractField::Goals(0)), "");
    assert_eq!(c.review, Some(d("2026-06-01")));
    assert!(!c.is_blank());
}

#[test]
fn a_draft_survives_a_round_trip_and_old_records_load() {
    let (mut ws, p, _) = eight();
    let r = roster(&ws, p);
    m(&mut ws, p).propose(&r, d("2026-12-01")).unwrap();
    let mm = ws.programme(p).unwrap().mentoring.clone();
    let text = serde_json::to_string(&mm).unwrap();
    assert_eq!(serde_json::from_str::<Mentoring>(&text).unwrap(), mm);
    let old: Mentoring = serde_json::from_str(r#"{"skills":[],"pairs":[]}"#).unwrap();
    assert!(old.draft.is_none());
}

// ---- CSV import ----

#[test]
fn csv_reads_quotes_bom_semicolons_and_blank_lines() {
    let text = "\u{feff}Name;Can offer;Wants to develop;Days;Team\r\n\r\n\"Ana\";\"Budgeting 3; Cooking\";Public speaking (1);Mon, Wed;\"Fin\"\"ance\"\n\nBen;;\"Budgeting:2\nCooking\";tue;\n";
    let t = parse_csv(text).unwrap();
    assert_eq!(
        t.headings,
        vec!["Name", "Can offer", "Wants to develop", "Days", "Team"]
    );
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[0].0, 3, "line numbers count the blank line");
    assert_eq!(t.rows[0].1[1], "Budgeting 3; Cooking");
    assert_eq!(t.rows[0].1[4], "Fin\"ance");
    assert_eq!(t.rows[1].0, 5);
    assert_eq!(t.rows[1].1[2], "Budgeting:2\nCooking");
    let mapping = Mapping::guess(&t.headings);
    assert_eq!(
        mapping,
        Mapping {
            name: Some(0),
            offers: Some(1),
            wants: Some(2),
            days: Some(3),
            team: Some(4),
            side: None
        }
    );
}

#[test]
fn csv_commas_and_tabs_and_broken_files() {
    let t = parse_csv("name,offers\nAna,\"Budgeting, Cooking\"\n").unwrap();
    assert_eq!(t.rows[0].1, vec!["Ana", "Budgeting, Cooking"]);
    let t = parse_csv("name\toffers\nAna\tBudgeting\n").unwrap();
    assert_eq!(t.rows[0].1, vec!["Ana", "Budgeting"]);
    let t = parse_csv("name,offers\nAna,x\nBen,\"never closed\nCai,y\n").unwrap();
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.problems[0].line, 3);
    assert_eq!(t.problems[0].reason, LineReason::QuoteNotClosed);
    assert!(parse_csv("").is_err());
    assert!(parse_csv("\n\n  \n").is_err());
    let huge = "a,b\n".repeat(MAX_IMPORT_BYTES / 4 + 1);
    assert!(matches!(parse_csv(&huge), Err(ImportError::TooBig { .. })));
    assert!(parse_csv(&huge)
        .unwrap_err()
        .to_string()
        .contains("too big"));
    let many = "a\n".repeat(6000);
    assert_eq!(
        parse_csv(&many),
        Err(ImportError::TooManyLines { max: 5_000 })
    );
}

#[test]
fn skills_and_days_cells_are_read_with_levels() {
    assert_eq!(
        parse_skills("Budgeting 3; Public speaking | cooking (1), budgeting").unwrap(),
        vec![
            ("Budgeting".into(), 3),
            ("Public speaking".into(), 2),
            ("cooking".into(), 1)
        ]
    );
    assert_eq!(
        parse_skills("Budgeting 7").unwrap_err(),
        LineReason::Level {
            level: "7".into(),
            skill: "Budgeting".into()
        }
    );
    assert_eq!(
        parse_skills("Budgeting 7").unwrap_err().to_string(),
        "the level “7” for “Budgeting” is not 1, 2 or 3."
    );
    assert_eq!(parse_skills("  ").unwrap(), vec![]);
    assert_eq!(
        parse_days("Mon, Wednesday and fri")
            .unwrap()
            .into_iter()
            .collect::<Vec<_>>(),
        vec![0, 2, 4]
    );
    assert_eq!(
        parse_days("Tu/Th").unwrap().into_iter().collect::<Vec<_>>(),
        vec![1, 3]
    );
    assert_eq!(
        parse_days("Funday").unwrap_err(),
        LineReason::NotADay("Funday".into())
    );
    assert!(parse_days("t").is_err());
}

#[test]
fn import_reports_each_unreadable_line_and_applies_the_rest() {
    let (mut ws, p) = setup(&["Ana", "Ben", "Cai"], &["Budgeting"]);
    let twin = ws.fresh_id();
    ws.programme_mut(p)
        .unwrap()
        .add_participant(twin, "cai", Role::Peer)
        .unwrap();
    let text = "Name,Offers,Wants,Days,Team,Role\nAna,Budgeting 3,Cooking,Mon,<script>x</script>,mentor\nZed,Budgeting,,,,\nBen,Cooking 9,,,,\nCai,,,,,\nana,,,,,\n,,,,,x\nBen,,Budgeting 1,Sunday,,mentee\n";
    let table = parse_csv(text).unwrap();
    let mapping = Mapping::guess(&table.headings);
    let pr = ws.programme(p).unwrap();
    let plan = plan_import(&table, &mapping, &pr.mentoring, &pr.participants).unwrap();
    let lines: Vec<usize> = plan.problems.iter().map(|x| x.line).collect();
    assert_eq!(lines, vec![3, 4, 5, 6, 7]);
    assert!(plan.problems[0].to_string().contains("nobody called “Zed”"));
    assert!(matches!(plan.problems[1].reason, LineReason::Level { .. }));
    assert_eq!(
        plan.problems[2].reason,
        LineReason::SeveralOnRoster("Cai".into())
    );
    assert_eq!(
        plan.problems[3].reason,
        LineReason::ReadAlready {
            name: "ana".into(),
            first: 2
        }
    );
    assert_eq!(plan.problems[4].reason, LineReason::NoName);
    assert_eq!(plan.new_skills, vec!["Cooking".to_string()]);
    assert_eq!(plan.updates.len(), 2);
    assert!(plan
        .summary()
        .starts_with("Read the skills of 2 people. Added 1 new skill"));
    ws.apply_import(p, &plan).unwrap();
    let (ana, ben) = (id_of(&ws, p, "Ana"), id_of(&ws, p, "Ben"));
    let mm = &ws.programme(p).unwrap().mentoring;
    let cooking = mm.skill_named("cooking").unwrap().id;
    assert!(ws
        .programme(p)
        .unwrap()
        .mentoring
        .ids()
        .any(|x| x == cooking));
    assert_eq!(
        mm.level(
            ana,
            Direction::Offers,
            mm.skill_named("budgeting").unwrap().id
        ),
        3
    );
    assert_eq!(mm.level(ana, Direction::Wants, cooking), 2);
    assert_eq!(mm.profile(ana).unwrap().team, "<script>x</script>");
    assert_eq!(mm.profile(ana).unwrap().side, Side::Mentor);
    assert_eq!(mm.profile(ben).unwrap().side, Side::Protege);
    assert_eq!(
        mm.profile(ben)
            .unwrap()
            .availability
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        vec![6]
    );
    let no_name = Mapping {
        name: None,
        ..mapping
    };
    let pr = ws.programme(p).unwrap();
    assert!(plan_import(&table, &no_name, &pr.mentoring, &pr.participants).is_err());
}

#[test]
fn a_self_entry_replaces_the_persons_entry_all_or_nothing() {
    use super::inventory::SelfEntry;
    let (mut ws, p) = setup(&["Alex", "Sam"], &["Budgeting", "Writing"]);
    let alex = id_of(&ws, p, "Alex");
    let budgeting = skill(&ws, p, "Budgeting");
    let writing = skill(&ws, p, "Writing");
    m(&mut ws, p)
        .set_level(alex, Direction::Offers, writing, 3)
        .unwrap();
    m(&mut ws, p).set_side(alex, Side::Mentor);

    let mut entry = SelfEntry::default();
    assert!(
        m(&mut ws, p).apply_self_entry(alex, &entry).is_err(),
        "an empty entry is refused"
    );
    entry.set(Direction::Offers, budgeting, 2);
    entry.set(Direction::Wants, writing, 3);
    entry.set(Direction::Wants, writing, 1);
    assert_eq!(entry.level(Direction::Wants, writing), 1, "set replaces");
    entry.availability.insert(1);
    entry.team = "  Finance  ".into();
    m(&mut ws, p).apply_self_entry(alex, &entry).unwrap();
    let mentoring = m(&mut ws, p);
    assert_eq!(
        mentoring.level(alex, Direction::Offers, writing),
        0,
        "replaced, not merged"
    );
    assert_eq!(mentoring.level(alex, Direction::Offers, budgeting), 2);
    assert_eq!(mentoring.level(alex, Direction::Wants, writing), 1);
    let profile = mentoring.profile(alex).unwrap().clone();
    assert_eq!(profile.team, "Finance");
    assert_eq!(
        profile.side,
        Side::Mentor,
        "the facilitator's choice of side stays"
    );

    // Anything invalid changes nothing.
    let before = mentoring.clone();
    let mut bad = entry.clone();
    bad.availability.insert(9);
    assert!(mentoring.apply_self_entry(alex, &bad).is_err());
    let mut bad = entry.clone();
    bad.offers.push(crate::domain::pairing::SkillLevel {
        skill: 999,
        level: 1,
    });
    assert!(mentoring.apply_self_entry(alex, &bad).is_err());
    let mut bad = entry.clone();
    bad.offers[0].level = 7;
    assert!(mentoring.apply_self_entry(alex, &bad).is_err());
    let mut bad = entry;
    bad.team = "x".repeat(500);
    assert!(mentoring.apply_self_entry(alex, &bad).is_err());
    assert_eq!(*mentoring, before);
}

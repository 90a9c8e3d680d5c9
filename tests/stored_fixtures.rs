//! Every stored-data format ever shipped has a fixture in `tests/fixtures/stored/`, named
//! `<kind>-v<version>.json`; each must still restore with today's code.

use peercircle::domain::questions::QuestionBank;
use peercircle::domain::session::Session;
use peercircle::persist::migrate::{RecordFormat, ALL};
use peercircle::persist::records::restore;
use std::fs;

fn format_for(kind: &str) -> Option<RecordFormat> {
    ALL.into_iter().find(|f| f.kind == kind)
}

#[test]
fn every_fixture_restores_and_every_format_has_a_fixture() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/stored");
    let mut seen = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let (kind, version) = name.rsplit_once("-v").unwrap();
        let format = format_for(kind).unwrap_or_else(|| panic!("unknown kind {kind}"));
        let text = fs::read_to_string(&path).unwrap();
        let restored = match kind {
            "settings" => restore::<peercircle::domain::workspace::Settings>(&text, &format)
                .map(|s| serde_json::to_value(s).unwrap()),
            "session" => restore::<Session>(&text, &format).map(|s| {
                s.validate().unwrap();
                serde_json::to_value(s).unwrap()
            }),
            "questions" => {
                restore::<QuestionBank>(&text, &format).map(|q| serde_json::to_value(q).unwrap())
            }
            "testimonies" => {
                restore::<Vec<peercircle::domain::testimony::Testimony>>(&text, &format)
                    .map(|t| serde_json::to_value(t).unwrap())
            }
            _ => restore::<peercircle::domain::programme::Programme>(&text, &format)
                .map(|p| serde_json::to_value(p).unwrap()),
        };
        let restored = restored.unwrap_or_else(|e| panic!("{name} did not restore: {e}"));
        assert!(restored.is_object() || restored.as_array().is_some_and(|a| !a.is_empty()));
        seen.push((kind.to_string(), version.parse::<u32>().unwrap()));
    }
    for format in ALL {
        for version in 1..=format.current() {
            assert!(
                seen.contains(&(format.kind.to_string(), version)),
                "no fixture for {} format {version}",
                format.kind
            );
        }
    }
}

#[test]
fn the_programme_fixture_keeps_its_content() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/stored");
    let text = fs::read_to_string(format!("{dir}/programme-v1.json")).unwrap();
    let p: peercircle::domain::programme::Programme =
        restore(&text, &peercircle::persist::migrate::PROGRAMME).unwrap();
    assert_eq!(p.name, "Nursing mentors 2027");
    assert_eq!(p.groups.len(), 2);
    assert_eq!(
        p.groups[1].kind,
        peercircle::domain::programme::GroupKind::ProtegeSupport
    );
}

#[test]
fn the_session_fixture_keeps_its_flip_chart_and_consent() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/stored");
    let text = fs::read_to_string(format!("{dir}/session-v1.json")).unwrap();
    let s: Session = restore(&text, &peercircle::persist::migrate::SESSION).unwrap();
    assert_eq!(s.people_present(), 5);
    assert!(s.seating_forgotten());
    assert_eq!(s.shareable_items().len(), 1);
    assert!(
        s.items().iter().any(|i| i.minority),
        "the minority report stays marked"
    );
    assert!(s
        .items()
        .iter()
        .any(|i| i.consent.objection && !i.is_shareable()));
}

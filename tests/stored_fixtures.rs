//! Every stored-data format ever shipped has a fixture in `tests/fixtures/stored/`, named
//! `<kind>-v<version>.json`; each must still restore with today's code.

mod stored_support;

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

/// Fault class 3: a record whose shape grows without a new format number is silently cut
/// down by a tab still running the older build. The fullest shape of each kind today must
/// be exactly the shape of its newest fixture; when it is not, the shape grew.
#[test]
fn every_kind_has_the_shape_of_its_newest_fixture() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/stored");
    let write = std::env::var_os("PEERCIRCLE_WRITE_FIXTURES").is_some();
    for format in ALL {
        let now = stored_support::full_shape_of(format.kind);
        let path = format!("{dir}/{}-v{}.json", format.kind, format.current());
        if write && fs::metadata(&path).is_err() {
            let envelope = serde_json::json!({
                "kind": format.kind, "version": format.current(), "data": now
            });
            fs::write(&path, serde_json::to_string_pretty(&envelope).unwrap()).unwrap();
        }
        let text = fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!("no fixture {path}: run PEERCIRCLE_WRITE_FIXTURES=1 cargo test --test stored_fixtures")
        });
        let fixture: serde_json::Value = serde_json::from_str(&text).unwrap();
        let added: Vec<_> = stored_support::shape(&now)
            .difference(&stored_support::shape(&fixture["data"]))
            .cloned()
            .collect();
        assert!(
            added.is_empty(),
            "The stored shape of “{}” grew ({added:?}) but its format is still {}. Add a \
             migration step in src/persist/migrate.rs (at least `grew_with_defaults`), then run \
             PEERCIRCLE_WRITE_FIXTURES=1 cargo test --test stored_fixtures to write the new \
             fixture, so an older build's tab leaves these records alone.",
            format.kind,
            format.current()
        );
    }
}
